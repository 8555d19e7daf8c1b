//! Surveys: a survey form (one version of it) opened for an inspection, and how a
//! respondent reached it.

use std::fmt;

use super::schedule::{Schedule, SurveyState};

/// One version of one survey form, as a survey is opened with it. A survey keeps
/// the version it was opened with for as long as it exists.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FormRef {
    pub id: String,
    pub version: u32,
}

impl fmt::Display for FormRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} version {}", self.id, self.version)
    }
}

/// Whether a survey takes answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurveyStatus {
    Open,
    Closed,
}

impl SurveyStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SurveyStatus::Open => "open",
            SurveyStatus::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [SurveyStatus::Open, SurveyStatus::Closed]
            .into_iter()
            .find(|v| v.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            SurveyStatus::Open => "Open",
            SurveyStatus::Closed => "Closed",
        }
    }
}

/// How a respondent reached the survey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// A link shared by email or by the parent carer forum.
    OpenLink,
    /// A shared tablet: no resume codes, nothing kept between respondents.
    Kiosk,
    /// A personal invitation (single-use token).
    Invitation,
    /// A paper response typed in by the partnership.
    Paper,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::OpenLink,
        Channel::Kiosk,
        Channel::Invitation,
        Channel::Paper,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::OpenLink => "open_link",
            Channel::Kiosk => "kiosk",
            Channel::Invitation => "invitation",
            Channel::Paper => "paper",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Channel::OpenLink => "Open link",
            Channel::Kiosk => "Kiosk (shared tablet)",
            Channel::Invitation => "Personal invitation",
            Channel::Paper => "Paper",
        }
    }
}

/// Whether a response has been sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponseStatus {
    InProgress,
    Submitted,
}

impl ResponseStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ResponseStatus::InProgress => "in_progress",
            ResponseStatus::Submitted => "submitted",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [ResponseStatus::InProgress, ResponseStatus::Submitted]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// A survey form opened for an inspection, with its survey-wide links: the open
/// link, the kiosk link, and the address invitees answer at (reached only through
/// a personal invitation). Settings have their own links besides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Survey {
    pub id: i32,
    pub inspection_id: i32,
    pub form: FormRef,
    pub status: SurveyStatus,
    pub open_link_token: String,
    pub kiosk_token: String,
    pub invitation_token: String,
    pub opened_at: chrono::NaiveDateTime,
    pub closed_at: Option<chrono::NaiveDateTime>,
    pub schedule: Schedule,
}

impl Survey {
    /// Where the survey stands at `now`: its stored status and its times.
    pub fn state_at(&self, now: chrono::NaiveDateTime) -> SurveyState {
        self.schedule.state_at(self.status, now)
    }

    pub fn is_open_at(&self, now: chrono::NaiveDateTime) -> bool {
        self.state_at(now) == SurveyState::Open
    }

    /// The channel a survey-wide link token stands for, if it is one of this survey's.
    pub fn channel_of(&self, token: &str) -> Option<Channel> {
        if token == self.kiosk_token {
            Some(Channel::Kiosk)
        } else if token == self.open_link_token {
            Some(Channel::OpenLink)
        } else if token == self.invitation_token {
            Some(Channel::Invitation)
        } else {
            None
        }
    }
}

/// Why a response could not be started, saved or sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ResponseRefusal {
    #[error("These answers have already been sent.")]
    AlreadySent,
    #[error("This survey has closed.")]
    SurveyClosed,
    #[error("A code to carry on later could not be made. Try again.")]
    NoFreeCode,
    #[error("This survey has not opened yet.")]
    NotYetOpen,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_and_channels_round_trip_through_text() {
        for c in Channel::ALL {
            assert_eq!(Channel::parse(c.as_str()), Some(c));
        }
        for s in [SurveyStatus::Open, SurveyStatus::Closed] {
            assert_eq!(SurveyStatus::parse(s.as_str()), Some(s));
        }
        for s in [ResponseStatus::InProgress, ResponseStatus::Submitted] {
            assert_eq!(ResponseStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(Channel::parse("carrier pigeon"), None);
        assert_eq!(SurveyStatus::parse(""), None);
    }

    #[test]
    fn serde_names_match_the_stored_names() {
        for c in Channel::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
        }
        for s in [ResponseStatus::InProgress, ResponseStatus::Submitted] {
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
    }

    #[test]
    fn a_token_names_its_channel() {
        let survey = Survey {
            id: 1,
            inspection_id: 1,
            form: FormRef {
                id: "f".into(),
                version: 1,
            },
            status: SurveyStatus::Open,
            open_link_token: "open".into(),
            kiosk_token: "kiosk".into(),
            invitation_token: "invited".into(),
            opened_at: chrono::NaiveDateTime::default(),
            closed_at: None,
            schedule: Schedule::default(),
        };
        assert_eq!(survey.channel_of("open"), Some(Channel::OpenLink));
        assert_eq!(survey.channel_of("kiosk"), Some(Channel::Kiosk));
        assert_eq!(survey.channel_of("invited"), Some(Channel::Invitation));
        assert_eq!(survey.channel_of("other"), None);
        assert_eq!(survey.form.to_string(), "f version 1");
    }
}
