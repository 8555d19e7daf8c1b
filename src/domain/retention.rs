//! How long an inspection's personal and response-level data is kept (issue 11,
//! groundwork), pure: what a purge removes, what it keeps, and when it is due. The
//! command, its dry run and the service's own schedule come with the review.

use chrono::{Months, NaiveDate};

/// What a purge removes from an inspection, in the order it is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purged {
    /// Each response's answers, whole and as rows (the tallies stay).
    Responses,
    /// Free-text answers and their triage.
    FreeText,
    /// Invitations (emails are erased earlier; the rows go now).
    Invitees,
    /// Person-level data the partnership supplied.
    PersonLevelData,
    /// Case-tracking notes.
    CaseNotes,
}

impl Purged {
    pub const ALL: [Purged; 5] = [
        Purged::Responses,
        Purged::FreeText,
        Purged::Invitees,
        Purged::PersonLevelData,
        Purged::CaseNotes,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Purged::Responses => "survey responses and their answers",
            Purged::FreeText => "free-text answers and their triage",
            Purged::Invitees => "invitations",
            Purged::PersonLevelData => "person-level data",
            Purged::CaseNotes => "case notes",
        }
    }
}

/// What a purge keeps, for the command to say.
pub const KEPT: &str = "the suppressed survey tallies, statistics, findings, the report and its versions, and the audit trail";

/// The default retention: three years after the report is final.
pub const DEFAULT_YEARS: u32 = 3;

/// The day an inspection whose report became final on `final_on` is due to be purged.
pub fn purge_due_on(final_on: NaiveDate, years: u32) -> NaiveDate {
    final_on
        .checked_add_months(Months::new(years.saturating_mul(12)))
        .unwrap_or(NaiveDate::MAX)
}

/// Whether it is due on `today`.
pub fn is_due(final_on: NaiveDate, years: u32, today: NaiveDate) -> bool {
    today >= purge_due_on(final_on, years)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn data_is_kept_three_years_to_the_day_and_a_leap_day_rolls_back() {
        assert_eq!(purge_due_on(day("2027-03-10"), 3), day("2030-03-10"));
        assert!(!is_due(day("2027-03-10"), 3, day("2030-03-09")));
        assert!(is_due(day("2027-03-10"), 3, day("2030-03-10")));
        assert_eq!(purge_due_on(day("2028-02-29"), 3), day("2031-02-28"));
        assert_eq!(purge_due_on(day("2028-02-29"), 0), day("2028-02-29"));
        assert_eq!(Purged::ALL.len(), 5);
    }
}
