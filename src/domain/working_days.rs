//! Working days in England and Wales: weekdays that are not bank holidays. The
//! bank holidays are data (`framework/bank-holidays.json`), announced a year or two
//! ahead, so the file says how far it reaches and arithmetic past that is refused
//! rather than guessed.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Weekday};
use chrono_tz::Europe::London;

/// The bank holidays of England and Wales, and the last day the list is known for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankHolidays {
    days: BTreeSet<NaiveDate>,
    covers_until: NaiveDate,
}

/// Why a working-day sum cannot be given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkingDayError {
    #[error("The bank holidays are known only until {0}; add the next year's to framework/bank-holidays.json.")]
    BeyondKnownHolidays(NaiveDate),
    #[error("The bank holiday file cannot be read: {0}")]
    BadFile(String),
}

#[derive(serde::Deserialize)]
struct HolidayFile {
    covers_until: NaiveDate,
    events: Vec<HolidayEvent>,
}

#[derive(serde::Deserialize)]
struct HolidayEvent {
    date: NaiveDate,
}

impl BankHolidays {
    /// Read the data file; every holiday must fall on a weekday within its reach.
    pub fn parse(json: &str) -> Result<Self, WorkingDayError> {
        let file: HolidayFile =
            serde_json::from_str(json).map_err(|e| WorkingDayError::BadFile(e.to_string()))?;
        let mut days = BTreeSet::new();
        for event in file.events {
            if matches!(event.date.weekday(), Weekday::Sat | Weekday::Sun) {
                return Err(WorkingDayError::BadFile(format!(
                    "{} is a weekend; list the substitute weekday instead",
                    event.date
                )));
            }
            if event.date > file.covers_until {
                return Err(WorkingDayError::BadFile(format!(
                    "{} is after covers_until ({})",
                    event.date, file.covers_until
                )));
            }
            days.insert(event.date);
        }
        Ok(Self {
            days,
            covers_until: file.covers_until,
        })
    }

    pub fn covers_until(&self) -> NaiveDate {
        self.covers_until
    }

    fn known(&self, day: NaiveDate) -> Result<(), WorkingDayError> {
        if day > self.covers_until {
            Err(WorkingDayError::BeyondKnownHolidays(self.covers_until))
        } else {
            Ok(())
        }
    }

    pub fn is_working_day(&self, day: NaiveDate) -> Result<bool, WorkingDayError> {
        self.known(day)?;
        Ok(!matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !self.days.contains(&day))
    }

    /// The `n`th working day after `day` (not counting `day` itself).
    pub fn add_working_days(&self, day: NaiveDate, n: u32) -> Result<NaiveDate, WorkingDayError> {
        let mut at = day;
        let mut left = n;
        while left > 0 {
            at = at
                .succ_opt()
                .ok_or(WorkingDayError::BeyondKnownHolidays(self.covers_until))?;
            if self.is_working_day(at)? {
                left -= 1;
            }
        }
        Ok(at)
    }

    /// The `n`th working day before `day` (not counting `day` itself).
    pub fn sub_working_days(&self, day: NaiveDate, n: u32) -> Result<NaiveDate, WorkingDayError> {
        let mut at = day;
        let mut left = n;
        while left > 0 {
            at = at
                .pred_opt()
                .ok_or(WorkingDayError::BeyondKnownHolidays(self.covers_until))?;
            if self.is_working_day(at)? {
                left -= 1;
            }
        }
        Ok(at)
    }
}

/// A London wall-clock time on a day, in UTC (a clock-change hour resolved to its
/// first occurrence; 17:00 and 09:00 are never in one).
pub fn london_at(day: NaiveDate, time: NaiveTime) -> NaiveDateTime {
    match London.from_local_datetime(&day.and_time(time)) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => t.naive_utc(),
        // Only 01:00-02:00 on the spring change day does not exist; an hour later does.
        chrono::LocalResult::None => London
            .from_local_datetime(&(day.and_time(time) + chrono::Duration::hours(1)))
            .earliest()
            .map(|t| t.naive_utc())
            .unwrap_or_else(|| day.and_time(time)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> BankHolidays {
        BankHolidays::parse(include_str!("../../framework/bank-holidays.json")).unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Fails a year before the list runs out, so the next year's holidays are added
    /// while there is time (GOV.UK announces them well ahead).
    #[test]
    fn the_bank_holidays_reach_at_least_a_year_ahead() {
        let today = chrono::Utc::now().date_naive();
        let reach = shipped().covers_until();
        assert!(
            reach >= today + chrono::Duration::days(366),
            "framework/bank-holidays.json reaches only {reach}: add the holidays of the years after it"
        );
    }

    #[test]
    fn weekends_and_bank_holidays_are_not_working_days() {
        let h = shipped();
        assert!(h.is_working_day(day("2027-03-25")).unwrap());
        assert!(!h.is_working_day(day("2027-03-26")).unwrap(), "Good Friday");
        assert!(!h.is_working_day(day("2027-03-27")).unwrap(), "Saturday");
        assert_eq!(
            h.add_working_days(day("2027-03-25"), 1).unwrap(),
            day("2027-03-30")
        );
        assert_eq!(
            h.sub_working_days(day("2027-03-30"), 1).unwrap(),
            day("2027-03-25")
        );
        assert_eq!(
            h.add_working_days(day("2027-03-25"), 0).unwrap(),
            day("2027-03-25")
        );
    }

    #[test]
    fn past_the_list_the_sum_is_refused_not_guessed() {
        let h = shipped();
        assert_eq!(
            h.add_working_days(h.covers_until(), 1),
            Err(WorkingDayError::BeyondKnownHolidays(h.covers_until()))
        );
    }

    #[test]
    fn a_bad_file_is_refused_with_the_reason() {
        assert!(matches!(
            BankHolidays::parse("{}"),
            Err(WorkingDayError::BadFile(_))
        ));
        let weekend = r#"{"covers_until":"2027-12-31","events":[{"date":"2027-12-25","title":"Christmas Day"}]}"#;
        assert!(matches!(
            BankHolidays::parse(weekend),
            Err(WorkingDayError::BadFile(m)) if m.contains("weekend")
        ));
        let beyond = r#"{"covers_until":"2026-12-31","events":[{"date":"2027-01-01","title":"New Year's Day"}]}"#;
        assert!(matches!(
            BankHolidays::parse(beyond),
            Err(WorkingDayError::BadFile(_))
        ));
    }

    #[test]
    fn london_times_follow_the_clocks() {
        let t = NaiveTime::from_hms_opt(17, 0, 0).unwrap();
        assert_eq!(
            london_at(day("2027-01-15"), t).to_string(),
            "2027-01-15 17:00:00"
        );
        assert_eq!(
            london_at(day("2027-06-15"), t).to_string(),
            "2027-06-15 16:00:00"
        );
    }
}
