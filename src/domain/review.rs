//! The partnership's factual accuracy check (issue 11, groundwork), pure: the
//! deadline in working days and its reminder, which comments a reviewer may see,
//! what a comment and an inspector's answer must hold, and when a draft may become
//! final. The tables, pages and emails that apply these come with the review itself.

use chrono::{NaiveDateTime, NaiveTime};

use super::working_days::{london_at, BankHolidays, WorkingDayError};

/// What a reviewer says is wrong with a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CommentKind {
    FactualInaccuracy,
    Omission,
    Other,
}

impl CommentKind {
    pub const ALL: [CommentKind; 3] = [
        CommentKind::FactualInaccuracy,
        CommentKind::Omission,
        CommentKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CommentKind::FactualInaccuracy => "factual_inaccuracy",
            CommentKind::Omission => "omission",
            CommentKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            CommentKind::FactualInaccuracy => "Factual inaccuracy",
            CommentKind::Omission => "Omission",
            CommentKind::Other => "Other",
        }
    }
}

/// Whose comments a reviewer speaks for: the council, or one of the partnership's
/// ICBs. Each organisation sees its own comments; inspectors see all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Organisation {
    Council,
    Icb(i32),
}

impl Organisation {
    /// As stored: `council` or `icb:ID`.
    pub fn as_text(self) -> String {
        match self {
            Organisation::Council => "council".into(),
            Organisation::Icb(id) => format!("icb:{id}"),
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "council" => Some(Organisation::Council),
            _ => s
                .strip_prefix("icb:")
                .and_then(|id| id.parse().ok())
                .map(Organisation::Icb),
        }
    }
}

/// Who is looking at the comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    Inspector,
    Reviewer(Organisation),
}

impl Viewer {
    /// Council and ICB reviewers each see their own organisation's comments.
    pub fn may_see(self, author: Organisation) -> bool {
        match self {
            Viewer::Inspector => true,
            Viewer::Reviewer(own) => own == author,
        }
    }
}

/// When the check closes and when reviewers are reminded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    /// The end of the check (UTC): comments are taken until then.
    pub closes_at: NaiveDateTime,
    /// Two working days before, in the morning.
    pub remind_at: NaiveDateTime,
}

/// The time of day (London) a check closes on its last day.
pub const CLOSES_AT: NaiveTime = match NaiveTime::from_hms_opt(17, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};
/// The time of day (London) reviewers are reminded.
pub const REMIND_AT: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// The deadline of a check sent at `sent_at` (UTC) for `working_days`: 5pm London
/// time on the last of those working days (not counting the day it is sent), and a
/// reminder at 9am two working days before. A check of one or two working days is
/// reminded on the first working day after it was sent instead, so the reminder
/// never arrives on the heels of the email that sent the draft.
pub fn deadline(
    holidays: &BankHolidays,
    sent_at: NaiveDateTime,
    working_days: u32,
) -> Result<Deadline, WorkingDayError> {
    let sent_day = super::schedule::london_day(sent_at);
    let last = holidays.add_working_days(sent_day, working_days.max(1))?;
    let first = holidays.add_working_days(sent_day, 1)?;
    let remind_day = holidays.sub_working_days(last, 2)?.max(first);
    Ok(Deadline {
        closes_at: london_at(last, CLOSES_AT),
        remind_at: london_at(remind_day, REMIND_AT).max(sent_at),
    })
}

/// Why a comment cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommentProblem {
    #[error("Choose the paragraph the comment is about.")]
    UnknownParagraph,
    #[error("Choose what kind of comment it is.")]
    NoKind,
    #[error("Enter the comment.")]
    NoComment,
    #[error("Keep the comment to {0} characters or fewer.")]
    CommentTooLong(usize),
    #[error("Keep the proposed correction to {0} characters or fewer.")]
    CorrectionTooLong(usize),
    #[error("The factual accuracy check closed at {0}; no more comments can be taken. Ask the lead inspector if you need more time.")]
    Closed(String),
    #[error("These comments have been sent to the inspectors and can no longer be changed.")]
    AlreadySubmitted,
}

impl CommentProblem {
    pub fn field(&self) -> &'static str {
        match self {
            CommentProblem::UnknownParagraph => "paragraph",
            CommentProblem::NoKind => "kind",
            CommentProblem::NoComment | CommentProblem::CommentTooLong(_) => "comment",
            CommentProblem::CorrectionTooLong(_) => "correction",
            CommentProblem::Closed(_) | CommentProblem::AlreadySubmitted => "comment",
        }
    }
}

/// The most a comment or a correction may say.
pub const MOST_CHARS: usize = 5_000;

/// A comment as checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentDraft {
    pub paragraph: String,
    pub kind: CommentKind,
    pub comment: String,
    pub correction: String,
}

/// Check a comment on the draft whose numbered units are `paragraphs` (their ids),
/// at `now`, against the check's `closes_at`.
pub fn check_comment(
    paragraphs: &[&str],
    paragraph: &str,
    kind: &str,
    comment: &str,
    correction: &str,
    now: NaiveDateTime,
    closes_at: NaiveDateTime,
) -> Result<CommentDraft, CommentProblem> {
    if now >= closes_at {
        return Err(CommentProblem::Closed(super::schedule::london_text(
            closes_at,
        )));
    }
    if !paragraphs.contains(&paragraph) {
        return Err(CommentProblem::UnknownParagraph);
    }
    let kind = CommentKind::parse(kind).ok_or(CommentProblem::NoKind)?;
    let comment = comment.trim();
    if comment.is_empty() {
        return Err(CommentProblem::NoComment);
    }
    if comment.chars().count() > MOST_CHARS {
        return Err(CommentProblem::CommentTooLong(MOST_CHARS));
    }
    let correction = correction.trim();
    if correction.chars().count() > MOST_CHARS {
        return Err(CommentProblem::CorrectionTooLong(MOST_CHARS));
    }
    Ok(CommentDraft {
        paragraph: paragraph.to_string(),
        kind,
        comment: comment.to_string(),
        correction: correction.to_string(),
    })
}

/// How inspectors answered a comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The change is made in draft `version`.
    Accepted {
        version: i32,
        note: String,
    },
    /// Part of it is made in draft `version`; `reason` says what was not.
    PartlyAccepted {
        version: i32,
        reason: String,
    },
    NotAccepted {
        reason: String,
    },
}

/// Why an answer cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerProblem {
    #[error("Choose whether the comment is accepted, partly accepted or not accepted.")]
    NoKind,
    #[error("Give the reason, for the partnership to read.")]
    NoReason,
    #[error("Choose the draft version that makes the change: make a new draft version with the change first.")]
    NoVersion,
    #[error("The change must be in a draft version made after the one the partnership checked (version {0}).")]
    VersionNotLater(i32),
}

impl AnswerProblem {
    pub fn field(&self) -> &'static str {
        match self {
            AnswerProblem::NoKind => "answer",
            AnswerProblem::NoReason => "reason",
            AnswerProblem::NoVersion | AnswerProblem::VersionNotLater(_) => "version",
        }
    }
}

/// Check an answer to a comment on draft `checked`; `versions` are the drafts that
/// exist.
pub fn check_answer(
    kind: &str,
    reason: &str,
    version: Option<i32>,
    checked: i32,
    versions: &[i32],
) -> Result<Answer, AnswerProblem> {
    let reason = reason.trim().to_string();
    let later = |v: Option<i32>| match v {
        None => Err(AnswerProblem::NoVersion),
        Some(v) if v <= checked || !versions.contains(&v) => {
            Err(AnswerProblem::VersionNotLater(checked))
        }
        Some(v) => Ok(v),
    };
    match kind {
        "accepted" => Ok(Answer::Accepted {
            version: later(version)?,
            note: reason,
        }),
        "partly_accepted" if reason.is_empty() => Err(AnswerProblem::NoReason),
        "partly_accepted" => Ok(Answer::PartlyAccepted {
            version: later(version)?,
            reason,
        }),
        "not_accepted" if reason.is_empty() => Err(AnswerProblem::NoReason),
        "not_accepted" => Ok(Answer::NotAccepted { reason }),
        _ => Err(AnswerProblem::NoKind),
    }
}

/// Why a draft cannot be made final.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FinalProblem {
    #[error("{0} comment(s) from the partnership have no answer yet. Answer every comment before the report is final.")]
    Unanswered(usize),
    #[error("The factual accuracy check is still open until {0}. Wait for it to close, or for every reviewer to send their comments.")]
    CheckStillOpen(String),
}

/// A draft may become final once the check has closed (or every reviewer has sent
/// their comments) and every sent comment has its answer.
pub fn may_finalise(
    answered: &[bool],
    all_reviewers_sent: bool,
    closes_at: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<(), FinalProblem> {
    if now < closes_at && !all_reviewers_sent {
        return Err(FinalProblem::CheckStillOpen(super::schedule::london_text(
            closes_at,
        )));
    }
    let unanswered = answered.iter().filter(|a| !**a).count();
    if unanswered > 0 {
        return Err(FinalProblem::Unanswered(unanswered));
    }
    Ok(())
}

/// Why a review step is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReviewRefusal {
    #[error("Only a draft can be sent for checking: move the inspection to \"Drafting the report\" first.")]
    NotADraft,
    #[error(
        "Reviewers are invited while the report is being drafted, before it is sent for checking."
    )]
    InviteOnlyWhileDrafting,
    #[error("Choose a draft version to send.")]
    NoVersion,
    #[error("Choose at least one reviewer from the partnership.")]
    NoReviewers,
    #[error("Everyone chosen must be a partnership reviewer on this inspection's team.")]
    NotAReviewer,
    #[error("Give the number of working days, from 1 to 30.")]
    BadWorkingDays,
    #[error("The draft is not being checked by the partnership now.")]
    NotInCheck,
    #[error("Choose the version that is final: the one checked or a later one.")]
    BadFinalVersion,
    #[error("Enter the publication date as day, month and year, like 1 6 2027.")]
    NoPublicationDate,
    #[error("An answer says a change is made in version {0}: the final version must be that one or later.")]
    MissesAcceptedChanges(i32),
    #[error(transparent)]
    Final(#[from] FinalProblem),
    #[error(transparent)]
    Comment(#[from] CommentProblem),
    #[error(transparent)]
    Answer(#[from] AnswerProblem),
    #[error(transparent)]
    Days(#[from] WorkingDayError),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holidays() -> BankHolidays {
        BankHolidays::parse(include_str!("../../framework/bank-holidays.json")).unwrap()
    }

    fn utc(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn five_working_days_skip_the_weekend_and_close_at_five_in_london() {
        // Sent Wednesday 3 March 2027 (GMT): Thu, Fri, Mon, Tue, Wed 10 March, 5pm = 17:00 UTC.
        let d = deadline(&holidays(), utc("2027-03-03 10:00"), 5).unwrap();
        assert_eq!(d.closes_at, utc("2027-03-10 17:00"));
        // Reminder two working days before: Monday 8 March, 9am.
        assert_eq!(d.remind_at, utc("2027-03-08 09:00"));
    }

    #[test]
    fn easter_bank_holidays_and_the_clocks_going_forward_are_counted() {
        // Sent Wednesday 24 March 2027: Thu 25, (Good Friday 26), (Easter Monday 29),
        // Tue 30, Wed 31, Thu 1 April, Fri 2 April. The clocks went forward on 28 March,
        // so 5pm in London is 16:00 UTC.
        let d = deadline(&holidays(), utc("2027-03-24 12:00"), 5).unwrap();
        assert_eq!(d.closes_at, utc("2027-04-02 16:00"));
        assert_eq!(d.remind_at, utc("2027-03-31 08:00"));
    }

    #[test]
    fn christmas_substitute_days_are_not_working_days() {
        // Sent Thursday 23 December 2027: Fri 24, (27 and 28 substitutes), Wed 29, Thu 30.
        let d = deadline(&holidays(), utc("2027-12-23 15:00"), 3).unwrap();
        assert_eq!(d.closes_at, utc("2027-12-30 17:00"));
    }

    #[test]
    fn a_late_evening_in_summer_counts_from_the_london_day() {
        // 23:30 UTC on Friday 2 July 2027 is 00:30 on Saturday in London: the count
        // starts from Saturday, so Monday is the first working day.
        let d = deadline(&holidays(), utc("2027-07-02 23:30"), 1).unwrap();
        assert_eq!(d.closes_at, utc("2027-07-05 16:00"));
        // With one working day, the reminder is that day's morning, not at once.
        assert_eq!(d.remind_at, utc("2027-07-05 08:00"));
    }

    #[test]
    fn a_short_check_is_reminded_the_next_working_morning() {
        // Sent Friday 9 July 2027 at 10:00 (London 11:00) for two working days:
        // closes Tuesday 13th; the reminder is Monday 12th at 9am, not Friday.
        let d = deadline(&holidays(), utc("2027-07-09 10:00"), 2).unwrap();
        assert_eq!(d.closes_at, utc("2027-07-13 16:00"));
        assert_eq!(d.remind_at, utc("2027-07-12 08:00"));
        // Three working days: two before the last is the Monday too.
        let d = deadline(&holidays(), utc("2027-07-09 10:00"), 3).unwrap();
        assert_eq!(d.remind_at, utc("2027-07-12 08:00"));
    }

    #[test]
    fn reviewers_see_only_their_own_organisations_comments() {
        let council = Organisation::Council;
        let icb = Organisation::Icb(7);
        assert!(Viewer::Inspector.may_see(council) && Viewer::Inspector.may_see(icb));
        assert!(Viewer::Reviewer(council).may_see(council));
        assert!(!Viewer::Reviewer(council).may_see(icb));
        assert!(!Viewer::Reviewer(Organisation::Icb(8)).may_see(icb));
        for o in [council, icb] {
            assert_eq!(Organisation::parse(&o.as_text()), Some(o));
        }
        assert_eq!(Organisation::parse("icb:x"), None);
        assert_eq!(Organisation::parse("parent"), None);
    }

    #[test]
    fn a_comment_needs_a_paragraph_a_kind_and_words_and_the_check_open() {
        let paragraphs = ["p1", "p2"];
        let now = utc("2027-03-04 10:00");
        let closes = utc("2027-03-10 17:00");
        let ok = check_comment(
            &paragraphs,
            "p2",
            "omission",
            "  The new team started in May. ",
            "",
            now,
            closes,
        );
        assert_eq!(ok.unwrap().comment, "The new team started in May.");
        let problem = |p: &str, k: &str, c: &str, x: &str, at: &str| {
            check_comment(&paragraphs, p, k, c, x, utc(at), closes).unwrap_err()
        };
        assert_eq!(
            problem("p9", "other", "x", "", "2027-03-04 10:00"),
            CommentProblem::UnknownParagraph
        );
        assert_eq!(
            problem("p1", "praise", "x", "", "2027-03-04 10:00"),
            CommentProblem::NoKind
        );
        assert_eq!(
            problem("p1", "other", "  ", "", "2027-03-04 10:00"),
            CommentProblem::NoComment
        );
        assert_eq!(
            problem(
                "p1",
                "other",
                &"a".repeat(MOST_CHARS + 1),
                "",
                "2027-03-04 10:00"
            ),
            CommentProblem::CommentTooLong(MOST_CHARS)
        );
        assert_eq!(
            problem(
                "p1",
                "other",
                "x",
                &"a".repeat(MOST_CHARS + 1),
                "2027-03-04 10:00"
            ),
            CommentProblem::CorrectionTooLong(MOST_CHARS)
        );
        assert!(matches!(
            problem("p1", "other", "x", "", "2027-03-10 17:00"),
            CommentProblem::Closed(_)
        ));
        assert_eq!(CommentProblem::NoKind.field(), "kind");
    }

    #[test]
    fn an_answer_links_an_accepted_change_to_a_later_draft_and_gives_reasons() {
        let versions = [1, 2, 3];
        assert_eq!(
            check_answer("accepted", "", Some(3), 2, &versions),
            Ok(Answer::Accepted {
                version: 3,
                note: String::new()
            })
        );
        assert_eq!(
            check_answer("accepted", "", None, 2, &versions),
            Err(AnswerProblem::NoVersion)
        );
        assert_eq!(
            check_answer("accepted", "", Some(2), 2, &versions),
            Err(AnswerProblem::VersionNotLater(2))
        );
        assert_eq!(
            check_answer("accepted", "", Some(9), 2, &versions),
            Err(AnswerProblem::VersionNotLater(2))
        );
        assert_eq!(
            check_answer("partly_accepted", " ", Some(3), 2, &versions),
            Err(AnswerProblem::NoReason)
        );
        assert_eq!(
            check_answer(
                "not_accepted",
                "The figure is from the DfE release.",
                None,
                2,
                &versions
            ),
            Ok(Answer::NotAccepted {
                reason: "The figure is from the DfE release.".into()
            })
        );
        assert_eq!(
            check_answer("maybe", "x", None, 2, &versions),
            Err(AnswerProblem::NoKind)
        );
    }

    #[test]
    fn a_draft_is_final_only_after_the_check_and_with_every_comment_answered() {
        let closes = utc("2027-03-10 17:00");
        let before = utc("2027-03-09 12:00");
        let after = utc("2027-03-11 09:00");
        assert!(matches!(
            may_finalise(&[], false, closes, before),
            Err(FinalProblem::CheckStillOpen(_))
        ));
        assert_eq!(may_finalise(&[], true, closes, before), Ok(()));
        assert_eq!(
            may_finalise(&[true, false, false], false, closes, after),
            Err(FinalProblem::Unanswered(2))
        );
        assert_eq!(may_finalise(&[true, true], false, closes, after), Ok(()));
    }
}
