//! When a survey takes answers. Times are stored in UTC and shown and typed in
//! Europe/London, so "closes at 5pm on 30 March" means 5pm in England whether the
//! clocks have gone forward or not.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike};
use chrono_tz::Europe::London;

use super::survey::SurveyStatus;

/// Where a survey stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SurveyState {
    /// Set to open at a later time: its pages say when, and take no answers yet.
    Scheduled,
    Open,
    Closed,
}

impl SurveyState {
    pub fn label(self) -> &'static str {
        match self {
            SurveyState::Scheduled => "Scheduled",
            SurveyState::Open => "Open",
            SurveyState::Closed => "Closed",
        }
    }
}

/// The opening and closing times set for a survey (UTC). No opening time means it
/// opened when the inspection opened its surveys; no closing time means it stays
/// open until the inspection moves on to gathering evidence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Schedule {
    pub opens_at: Option<NaiveDateTime>,
    pub closes_at: Option<NaiveDateTime>,
}

impl Schedule {
    /// The survey's state at `now`, given its stored status (closed by the
    /// inspection's stage, whatever the times say).
    pub fn state_at(&self, stored: SurveyStatus, now: NaiveDateTime) -> SurveyState {
        if stored == SurveyStatus::Closed || self.closes_at.is_some_and(|c| c <= now) {
            SurveyState::Closed
        } else if self.opens_at.is_some_and(|o| o > now) {
            SurveyState::Scheduled
        } else {
            SurveyState::Open
        }
    }
}

/// Why a time or schedule cannot be used; each names the field it is about.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleProblem {
    #[error("Enter a real date, with the day, month and year as numbers, like 27 3 2027.")]
    BadDate { field: &'static str },
    #[error("Enter a time in 24-hour form, like 09:00 or 17:30.")]
    BadTime { field: &'static str },
    #[error("Enter both a date and a time, or leave both empty.")]
    Incomplete { field: &'static str },
    #[error("That time does not exist in the UK on that day: the clocks go forward from 1am to 2am. Choose another time.")]
    ClocksGoForward { field: &'static str },
    #[error("The closing time must be after the opening time.")]
    ClosesBeforeOpens,
    #[error("The closing time must be in the future.")]
    ClosesInPast,
    #[error("This survey has closed, so its times can no longer be changed.")]
    SurveyClosed,
    #[error(
        "People have been invited and told when this survey closes, so it needs a closing time."
    )]
    ClosingTimeNeeded,
}

impl ScheduleProblem {
    /// The form field the problem is shown beside.
    pub fn field(&self) -> &'static str {
        match self {
            ScheduleProblem::BadDate { field }
            | ScheduleProblem::BadTime { field }
            | ScheduleProblem::Incomplete { field }
            | ScheduleProblem::ClocksGoForward { field } => field,
            ScheduleProblem::ClosesBeforeOpens
            | ScheduleProblem::ClosesInPast
            | ScheduleProblem::SurveyClosed
            | ScheduleProblem::ClosingTimeNeeded => "closes",
        }
    }
}

/// A date and time as typed in a form (day, month, year, "HH:MM"), read as
/// Europe/London and given in UTC; all four empty is `None`. An hour that happens
/// twice (the clocks go back) is taken the first time, in summer time.
pub fn london_time(
    field: &'static str,
    day: &str,
    month: &str,
    year: &str,
    time: &str,
) -> Result<Option<NaiveDateTime>, ScheduleProblem> {
    let parts = [day.trim(), month.trim(), year.trim(), time.trim()];
    if parts.iter().all(|p| p.is_empty()) {
        return Ok(None);
    }
    if parts.iter().any(|p| p.is_empty()) {
        return Err(ScheduleProblem::Incomplete { field });
    }
    let number = |s: &str| s.parse::<u32>().ok();
    let date = match (
        number(parts[0]),
        number(parts[1]),
        parts[2].parse::<i32>().ok(),
    ) {
        (Some(d), Some(m), Some(y)) if (2000..=2100).contains(&y) => {
            NaiveDate::from_ymd_opt(y, m, d)
        }
        _ => None,
    }
    .ok_or(ScheduleProblem::BadDate { field })?;
    let time = parse_time(parts[3]).ok_or(ScheduleProblem::BadTime { field })?;
    match London.from_local_datetime(&date.and_time(time)) {
        chrono::LocalResult::Single(t) => Ok(Some(t.naive_utc())),
        chrono::LocalResult::Ambiguous(first, _) => Ok(Some(first.naive_utc())),
        chrono::LocalResult::None => Err(ScheduleProblem::ClocksGoForward { field }),
    }
}

/// "17:30", "9:05" or "0930"; seconds are not asked for.
fn parse_time(text: &str) -> Option<NaiveTime> {
    let t = text.replace('.', ":");
    let (h, m) = match t.split_once(':') {
        Some((h, m)) => (h.to_string(), m.to_string()),
        None if t.len() == 4 => (t.get(..2)?.to_string(), t.get(2..)?.to_string()),
        None => return None,
    };
    if m.len() != 2 {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// Check a new schedule for a survey in `current` state at `now`; `invited` says
/// whether anyone has been invited (and so told when it closes).
pub fn check(
    current: SurveyState,
    wanted: Schedule,
    invited: bool,
    now: NaiveDateTime,
) -> Result<Schedule, ScheduleProblem> {
    if current == SurveyState::Closed {
        return Err(ScheduleProblem::SurveyClosed);
    }
    if invited && wanted.closes_at.is_none() {
        return Err(ScheduleProblem::ClosingTimeNeeded);
    }
    if let Some(closes) = wanted.closes_at {
        if closes <= now {
            return Err(ScheduleProblem::ClosesInPast);
        }
        if wanted.opens_at.is_some_and(|opens| closes <= opens) {
            return Err(ScheduleProblem::ClosesBeforeOpens);
        }
    }
    Ok(wanted)
}

/// A UTC time as people in England read it: "5:00pm on Friday 11 December 2026".
pub fn london_text(utc: NaiveDateTime) -> String {
    let local = London.from_utc_datetime(&utc);
    let (pm, hour) = local.hour12();
    format!(
        "{}:{:02}{} on {}",
        hour,
        local.minute(),
        if pm { "pm" } else { "am" },
        local.format("%A %-d %B %Y")
    )
}

/// A UTC time's London date and time as the form's fields (day, month, year, HH:MM).
pub fn london_fields(utc: NaiveDateTime) -> [String; 4] {
    let local = London.from_utc_datetime(&utc);
    [
        local.day().to_string(),
        local.month().to_string(),
        local.year().to_string(),
        format!("{:02}:{:02}", local.hour(), local.minute()),
    ]
}

/// The London calendar day of a UTC time (for counting responses by day).
pub fn london_day(utc: NaiveDateTime) -> NaiveDate {
    London.from_utc_datetime(&utc).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn summer_and_winter_times_are_read_as_london() {
        // 5pm in July is 4pm UTC; 5pm in December is 5pm UTC.
        assert_eq!(
            london_time("closes", "10", "7", "2027", "17:00").unwrap(),
            Some(utc("2027-07-10 16:00"))
        );
        assert_eq!(
            london_time("closes", "10", "12", "2027", "17:00").unwrap(),
            Some(utc("2027-12-10 17:00"))
        );
        assert_eq!(
            london_text(utc("2027-07-10 16:00")),
            "5:00pm on Saturday 10 July 2027"
        );
        assert_eq!(london_fields(utc("2027-07-10 16:00"))[3], "17:00");
    }

    #[test]
    fn the_hour_the_clocks_skip_is_refused_and_the_repeated_hour_taken_first() {
        // 28 March 2027: 1am becomes 2am. 31 October 2027: 2am becomes 1am.
        assert_eq!(
            london_time("opens", "28", "3", "2027", "01:30"),
            Err(ScheduleProblem::ClocksGoForward { field: "opens" })
        );
        assert_eq!(
            london_time("opens", "31", "10", "2027", "01:30").unwrap(),
            Some(utc("2027-10-31 00:30"))
        );
    }

    #[test]
    fn empty_is_none_and_half_filled_or_impossible_is_a_problem() {
        assert_eq!(london_time("closes", " ", "", "", "").unwrap(), None);
        assert_eq!(
            london_time("closes", "1", "1", "2027", ""),
            Err(ScheduleProblem::Incomplete { field: "closes" })
        );
        assert!(matches!(
            london_time("closes", "30", "2", "2027", "10:00"),
            Err(ScheduleProblem::BadDate { .. })
        ));
        assert!(matches!(
            london_time("closes", "1", "1", "27", "10:00"),
            Err(ScheduleProblem::BadDate { .. })
        ));
        for bad in ["25:00", "10:7", "noon", "10:60", "1"] {
            assert!(
                matches!(
                    london_time("closes", "1", "1", "2027", bad),
                    Err(ScheduleProblem::BadTime { .. })
                ),
                "{bad}"
            );
        }
        assert!(london_time("closes", "1", "1", "2027", "0930")
            .unwrap()
            .is_some());
        assert!(london_time("closes", "1", "1", "2027", "9.30")
            .unwrap()
            .is_some());
    }

    #[test]
    fn state_follows_the_times_and_a_stored_close_wins() {
        let s = Schedule {
            opens_at: Some(utc("2027-01-10 09:00")),
            closes_at: Some(utc("2027-01-20 17:00")),
        };
        let open = SurveyStatus::Open;
        assert_eq!(
            s.state_at(open, utc("2027-01-10 08:59")),
            SurveyState::Scheduled
        );
        assert_eq!(s.state_at(open, utc("2027-01-10 09:00")), SurveyState::Open);
        assert_eq!(
            s.state_at(open, utc("2027-01-20 17:00")),
            SurveyState::Closed
        );
        assert_eq!(
            s.state_at(SurveyStatus::Closed, utc("2027-01-12 09:00")),
            SurveyState::Closed
        );
        assert_eq!(
            Schedule::default().state_at(open, utc("2030-01-01 00:00")),
            SurveyState::Open
        );
    }

    #[test]
    fn a_schedule_must_close_after_it_opens_and_in_the_future() {
        let now = utc("2027-01-10 12:00");
        let at = |o: Option<&str>, c: Option<&str>| Schedule {
            opens_at: o.map(utc),
            closes_at: c.map(utc),
        };
        assert!(check(
            SurveyState::Open,
            at(None, Some("2027-01-11 12:00")),
            true,
            now
        )
        .is_ok());
        assert!(check(SurveyState::Open, at(None, None), false, now).is_ok());
        assert_eq!(
            check(SurveyState::Open, at(None, None), true, now),
            Err(ScheduleProblem::ClosingTimeNeeded)
        );
        assert_eq!(
            check(
                SurveyState::Open,
                at(None, Some("2027-01-10 11:00")),
                false,
                now
            ),
            Err(ScheduleProblem::ClosesInPast)
        );
        assert_eq!(
            check(
                SurveyState::Scheduled,
                at(Some("2027-01-13 12:00"), Some("2027-01-12 12:00")),
                false,
                now
            ),
            Err(ScheduleProblem::ClosesBeforeOpens)
        );
        assert_eq!(
            check(SurveyState::Closed, at(None, None), false, now),
            Err(ScheduleProblem::SurveyClosed)
        );
        assert_eq!(ScheduleProblem::ClosesInPast.field(), "closes");
    }
}
