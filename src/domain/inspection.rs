//! Inspections: their kind, their lifecycle and the dates that frame them.

use chrono::{Datelike, NaiveDate, Weekday};
use std::fmt;

use super::survey::FormRef;

/// A full inspection, or a monitoring inspection after outcome 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InspectionKind {
    Full,
    Monitoring,
}

impl InspectionKind {
    pub const ALL: [InspectionKind; 2] = [InspectionKind::Full, InspectionKind::Monitoring];

    pub fn as_str(self) -> &'static str {
        match self {
            InspectionKind::Full => "full",
            InspectionKind::Monitoring => "monitoring",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            InspectionKind::Full => "Full inspection",
            InspectionKind::Monitoring => "Monitoring inspection",
        }
    }
}

/// Where an inspection is in its lifecycle, from set-up to the locked final report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Preparing,
    SurveysOpen,
    Evidence,
    Judging,
    Draft,
    FactualAccuracyCheck,
    Final,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Preparing,
        Status::SurveysOpen,
        Status::Evidence,
        Status::Judging,
        Status::Draft,
        Status::FactualAccuracyCheck,
        Status::Final,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Preparing => "preparing",
            Status::SurveysOpen => "surveys_open",
            Status::Evidence => "evidence",
            Status::Judging => "judging",
            Status::Draft => "draft",
            Status::FactualAccuracyCheck => "factual_accuracy_check",
            Status::Final => "final",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Preparing => "Preparing",
            Status::SurveysOpen => "Surveys open",
            Status::Evidence => "Gathering evidence",
            Status::Judging => "Judging",
            Status::Draft => "Drafting the report",
            Status::FactualAccuracyCheck => "Factual accuracy check",
            Status::Final => "Final",
        }
    }

    /// What the inspection team does while the inspection is in this state.
    pub fn what_happens_now(self) -> &'static str {
        match self {
            Status::Preparing => {
                "The team is being set up. Check the partnership details, the dates and who is on the team."
            }
            Status::SurveysOpen => {
                "The partnership is sharing the three surveys. Watch how many people have answered."
            }
            Status::Evidence => {
                "Surveys are closed. Inspectors gather the partnership's data, documents and case-tracking notes."
            }
            Status::Judging => {
                "Inspectors record findings against each criterion and choose the inspection outcome."
            }
            Status::Draft => "The lead inspector drafts the report from the findings.",
            Status::FactualAccuracyCheck => {
                "The partnership checks the draft for factual accuracy and inspectors answer each comment."
            }
            Status::Final => "The report is final and locked. Nothing more can be changed.",
        }
    }

    /// The ordinary next step, if there is one.
    pub fn next(self) -> Option<Status> {
        let i = Self::ALL.iter().position(|s| *s == self)?;
        Self::ALL.get(i + 1).copied()
    }

    /// The label of the action that moves an inspection into this state.
    pub fn action_label(self) -> &'static str {
        match self {
            Status::Preparing => "Return to preparation",
            Status::SurveysOpen => "Open the surveys",
            Status::Evidence => "Close the surveys and gather evidence",
            Status::Judging => "Start judging",
            Status::Draft => "Start drafting the report",
            Status::FactualAccuracyCheck => "Send the draft for factual accuracy check",
            Status::Final => "Finalise and lock the report",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Dates as reports print them: "2 to 6 June 2025", "30 June to 4 July 2025",
/// "29 December 2025 to 2 January 2026", or one date when they are the same day.
pub fn date_range(start: NaiveDate, end: NaiveDate) -> String {
    let full = |d: NaiveDate| d.format("%-d %B %Y").to_string();
    if start == end {
        full(end)
    } else if start.year() != end.year() {
        format!("{} to {}", full(start), full(end))
    } else if start.month() != end.month() {
        format!("{} to {}", start.format("%-d %B"), full(end))
    } else {
        format!("{} to {}", start.format("%-d"), full(end))
    }
}

/// Why a lifecycle change was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("The inspection is already at the stage \"{}\".", .0.label())]
    AlreadyThere(Status),
    #[error("The report is final and locked, so the inspection cannot change any more.")]
    Locked,
    #[error("An inspection cannot move from \"{}\" to \"{}\". The next step is \"{}\".", .from.label(), .to.label(), .from.next().map(|s| s.label()).unwrap_or("none"))]
    NotAllowed { from: Status, to: Status },
    /// The factual accuracy check starts when a draft is sent to the partnership,
    /// and the report becomes final when the lead finalises a version: both from the
    /// review page, which asks for what they need.
    #[error("{}", if *.0 == Status::Final { "Finalise the report from its review page, which asks which version is final and when it is published." } else { "Send a draft to the partnership from the report's review page, which asks which draft, who checks it and for how long." })]
    ThroughReview(Status),
}

/// The moves an inspection may make from `from`: one step forward, or one of the
/// few steps back that real inspections need (reopening surveys when too few people
/// answered; returning a draft to judging when findings must change).
pub fn allowed_transitions(from: Status) -> Vec<Status> {
    let mut moves: Vec<Status> = from.next().into_iter().collect();
    match from {
        Status::SurveysOpen => moves.push(Status::Preparing),
        Status::Evidence => moves.push(Status::SurveysOpen),
        Status::Draft => moves.push(Status::Judging),
        Status::FactualAccuracyCheck => moves.push(Status::Draft),
        _ => {}
    }
    moves
}

/// Decide whether an inspection may move from `from` to `to`.
pub fn transition(from: Status, to: Status) -> Result<Status, TransitionError> {
    if from == Status::Final {
        return Err(TransitionError::Locked);
    }
    if from == to {
        return Err(TransitionError::AlreadyThere(from));
    }
    if allowed_transitions(from).contains(&to) {
        Ok(to)
    } else {
        Err(TransitionError::NotAllowed { from, to })
    }
}

/// Something that must happen when an inspection changes stage. The application
/// layer applies every effect in the same transaction as the change and its audit
/// entry, so a stage never changes without its consequences, or the reverse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Open a survey of each of these forms. A survey closed earlier opens again
    /// with the version it was first opened with.
    OpenSurveys(Vec<FormRef>),
    /// Close every open survey of the inspection.
    CloseSurveys,
    /// Empty the responses never sent: the respondent did not choose to send them,
    /// so only the fact that they were started is kept (for the started count).
    EmptyUnsentResponses,
}

/// A stage change the lifecycle allows, with what must happen because of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageChange {
    pub from: Status,
    pub to: Status,
    pub effects: Vec<Effect>,
}

/// Plan moving an inspection from `from` to `to`. `forms` are the survey forms
/// (current versions) that opening the surveys opens.
pub fn plan_stage_change(
    from: Status,
    to: Status,
    forms: &[FormRef],
) -> Result<StageChange, TransitionError> {
    let to = transition(from, to)?;
    if to > from && matches!(to, Status::FactualAccuracyCheck | Status::Final) {
        return Err(TransitionError::ThroughReview(to));
    }
    let mut effects = vec![];
    if to == Status::SurveysOpen {
        effects.push(Effect::OpenSurveys(forms.to_vec()));
    } else if from == Status::SurveysOpen {
        effects.push(Effect::CloseSurveys);
        effects.push(Effect::EmptyUnsentResponses);
    }
    Ok(StageChange { from, to, effects })
}

/// An inspection as asked for on the set-up form or the command line, every field
/// parsed; whether the people and partnership exist is checked when it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInspection {
    pub partnership_id: i32,
    pub kind: InspectionKind,
    pub dates: InspectionDates,
    pub previous_inspection_on: Option<NaiveDate>,
    pub lead_inspector_id: i32,
    pub inspector_ids: Vec<i32>,
}

/// Inspectors are on site about two weeks after notification; a longer gap is a typing
/// mistake (and keeps date arithmetic bounded).
pub const MAX_DAYS_NOTICE: i64 = 90;

/// The dates that frame an inspection, checked together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InspectionDates {
    pub notified_on: NaiveDate,
    pub on_site_start: NaiveDate,
    pub on_site_end: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DatesError {
    #[error("The on-site visit must start after the notification date.")]
    OnSiteBeforeNotification,
    #[error("The last on-site day must be the same as or after the first.")]
    EndBeforeStart,
    #[error("The on-site visit can last at most 10 days.")]
    OnSiteTooLong,
    #[error(
        "The on-site visit must start within {MAX_DAYS_NOTICE} days of the notification date."
    )]
    OnSiteTooLate,
    #[error("The previous inspection must be before the notification date.")]
    PreviousNotBefore,
}

impl InspectionDates {
    pub fn new(
        notified_on: NaiveDate,
        on_site_start: NaiveDate,
        on_site_end: NaiveDate,
    ) -> Result<Self, DatesError> {
        if on_site_start <= notified_on {
            return Err(DatesError::OnSiteBeforeNotification);
        }
        if on_site_end < on_site_start {
            return Err(DatesError::EndBeforeStart);
        }
        if (on_site_end - on_site_start).num_days() > 9 {
            return Err(DatesError::OnSiteTooLong);
        }
        if (on_site_start - notified_on).num_days() > MAX_DAYS_NOTICE {
            return Err(DatesError::OnSiteTooLate);
        }
        Ok(Self {
            notified_on,
            on_site_start,
            on_site_end,
        })
    }

    /// Check the date of the previous inspection, if any, against these dates.
    pub fn check_previous(
        &self,
        previous: Option<NaiveDate>,
    ) -> Result<Option<NaiveDate>, DatesError> {
        match previous {
            Some(p) if p >= self.notified_on => Err(DatesError::PreviousNotBefore),
            other => Ok(other),
        }
    }

    /// Working days (Monday to Friday) from notification to the first on-site day.
    /// Bank holidays are not known here, so this is an upper bound.
    pub fn working_days_before_on_site(&self) -> i64 {
        working_days_between(self.notified_on, self.on_site_start)
    }
}

/// Working days after `from` up to and including `to`.
pub fn working_days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    from.iter_days()
        .skip(1)
        .take_while(|d| *d <= to)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .count() as i64
}

/// What is wrong with a date typed as day, month and year boxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePartsError {
    /// Some boxes were filled and this one was not.
    Missing(&'static str),
    /// Not a date that exists (31 February, letters, a two-digit year).
    NotReal,
}

/// Parse a date from the GOV.UK pattern of three boxes. All three empty is `None`.
pub fn parse_date_parts(
    day: &str,
    month: &str,
    year: &str,
) -> Result<Option<NaiveDate>, DatePartsError> {
    let (day, month, year) = (day.trim(), month.trim(), year.trim());
    if day.is_empty() && month.is_empty() && year.is_empty() {
        return Ok(None);
    }
    for (value, part) in [(day, "day"), (month, "month"), (year, "year")] {
        if value.is_empty() {
            return Err(DatePartsError::Missing(part));
        }
    }
    let number = |s: &str| -> Option<u32> {
        (s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (Some(d), Some(m), Some(y)) = (number(day), number(month), number(year)) else {
        return Err(DatePartsError::NotReal);
    };
    if year.len() != 4 {
        return Err(DatePartsError::NotReal);
    }
    NaiveDate::from_ymd_opt(y as i32, m, d)
        .map(Some)
        .ok_or(DatePartsError::NotReal)
}

/// Parse a date typed into a form as YYYY-MM-DD.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_ranges_read_as_reports_print_them() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        assert_eq!(date_range(d(2025, 6, 2), d(2025, 6, 6)), "2 to 6 June 2025");
        assert_eq!(
            date_range(d(2025, 6, 30), d(2025, 7, 4)),
            "30 June to 4 July 2025"
        );
        assert_eq!(
            date_range(d(2025, 12, 29), d(2026, 1, 2)),
            "29 December 2025 to 2 January 2026"
        );
        assert_eq!(date_range(d(2025, 6, 2), d(2025, 6, 2)), "2 June 2025");
    }

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn forward_steps_are_allowed_in_order() {
        for pair in Status::ALL.windows(2) {
            let [from, to] = pair else { unreachable!() };
            assert_eq!(transition(*from, *to), Ok(*to));
        }
    }

    #[test]
    fn skipping_a_step_is_refused_with_the_next_step_named() {
        let err = transition(Status::Preparing, Status::Judging).unwrap_err();
        assert_eq!(
            err,
            TransitionError::NotAllowed {
                from: Status::Preparing,
                to: Status::Judging
            }
        );
        assert!(err.to_string().contains("Surveys open"), "{err}");
    }

    #[test]
    fn final_is_locked() {
        for to in Status::ALL {
            assert_eq!(transition(Status::Final, to), Err(TransitionError::Locked));
        }
        assert!(allowed_transitions(Status::Final).is_empty());
    }

    #[test]
    fn staying_put_is_refused() {
        assert_eq!(
            transition(Status::Draft, Status::Draft),
            Err(TransitionError::AlreadyThere(Status::Draft))
        );
    }

    #[test]
    fn the_permitted_steps_back() {
        assert!(transition(Status::SurveysOpen, Status::Preparing).is_ok());
        assert!(transition(Status::Evidence, Status::SurveysOpen).is_ok());
        assert!(transition(Status::Draft, Status::Judging).is_ok());
        assert!(transition(Status::FactualAccuracyCheck, Status::Draft).is_ok());
        assert!(transition(Status::Judging, Status::Evidence).is_err());
        assert!(transition(Status::FactualAccuracyCheck, Status::Preparing).is_err());
    }

    #[test]
    fn every_pair_agrees_with_allowed_transitions() {
        for from in Status::ALL {
            for to in Status::ALL {
                let allowed = allowed_transitions(from).contains(&to);
                assert_eq!(transition(from, to).is_ok(), allowed, "{from:?} -> {to:?}");
            }
        }
    }

    #[test]
    fn opening_and_closing_the_surveys_are_effects_of_the_stage() {
        let forms = vec![FormRef {
            id: "f".into(),
            version: 2,
        }];
        let open = plan_stage_change(Status::Preparing, Status::SurveysOpen, &forms).unwrap();
        assert_eq!(open.effects, vec![Effect::OpenSurveys(forms.clone())]);
        for to in [Status::Evidence, Status::Preparing] {
            let close = plan_stage_change(Status::SurveysOpen, to, &forms).unwrap();
            assert_eq!(
                close.effects,
                vec![Effect::CloseSurveys, Effect::EmptyUnsentResponses]
            );
        }
        let judging = plan_stage_change(Status::Evidence, Status::Judging, &forms).unwrap();
        assert!(judging.effects.is_empty());
        assert_eq!(
            plan_stage_change(Status::Final, Status::Draft, &forms),
            Err(TransitionError::Locked)
        );
    }

    #[test]
    fn status_and_kind_round_trip_through_text() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        for k in InspectionKind::ALL {
            assert_eq!(InspectionKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(Status::parse("published"), None);
        assert_eq!(InspectionKind::parse(""), None);
    }

    #[test]
    fn dates_must_be_in_order() {
        assert!(InspectionDates::new(d("2026-11-02"), d("2026-11-16"), d("2026-11-20")).is_ok());
        assert_eq!(
            InspectionDates::new(d("2026-11-16"), d("2026-11-16"), d("2026-11-20")),
            Err(DatesError::OnSiteBeforeNotification)
        );
        assert_eq!(
            InspectionDates::new(d("2026-11-02"), d("2026-11-20"), d("2026-11-16")),
            Err(DatesError::EndBeforeStart)
        );
        assert_eq!(
            InspectionDates::new(d("2026-11-02"), d("2026-11-16"), d("2026-11-30")),
            Err(DatesError::OnSiteTooLong)
        );
    }

    #[test]
    fn notice_is_bounded_and_the_previous_inspection_comes_first() {
        assert_eq!(
            InspectionDates::new(d("2026-01-05"), d("2026-06-01"), d("2026-06-05")),
            Err(DatesError::OnSiteTooLate)
        );
        assert_eq!(
            InspectionDates::new(d("0001-01-01"), d("9999-01-01"), d("9999-01-02")),
            Err(DatesError::OnSiteTooLate)
        );
        let dates =
            InspectionDates::new(d("2026-11-02"), d("2026-11-16"), d("2026-11-20")).unwrap();
        assert_eq!(
            dates.check_previous(Some(d("2021-06-14"))),
            Ok(Some(d("2021-06-14")))
        );
        assert_eq!(dates.check_previous(None), Ok(None));
        assert_eq!(
            dates.check_previous(Some(d("2026-11-02"))),
            Err(DatesError::PreviousNotBefore)
        );
    }

    #[test]
    fn working_days_skip_weekends() {
        // Monday 2 November 2026 to Monday 16 November 2026: ten working days.
        let dates =
            InspectionDates::new(d("2026-11-02"), d("2026-11-16"), d("2026-11-20")).unwrap();
        assert_eq!(dates.working_days_before_on_site(), 10);
        assert_eq!(working_days_between(d("2026-11-06"), d("2026-11-09")), 1);
    }

    #[test]
    fn date_parts_follow_the_three_box_pattern() {
        assert_eq!(parse_date_parts("", " ", ""), Ok(None));
        assert_eq!(
            parse_date_parts("2", "11", "2026"),
            Ok(Some(d("2026-11-02")))
        );
        assert_eq!(
            parse_date_parts(" 02 ", "011", "2026"),
            Ok(Some(d("2026-11-02")))
        );
        assert_eq!(
            parse_date_parts("2", "", "2026"),
            Err(DatePartsError::Missing("month"))
        );
        assert_eq!(
            parse_date_parts("", "11", "2026"),
            Err(DatePartsError::Missing("day"))
        );
        assert_eq!(
            parse_date_parts("30", "2", "2026"),
            Err(DatePartsError::NotReal)
        );
        assert_eq!(
            parse_date_parts("1", "1", "26"),
            Err(DatePartsError::NotReal)
        );
        assert_eq!(
            parse_date_parts("x", "1", "2026"),
            Err(DatePartsError::NotReal)
        );
        assert_eq!(
            parse_date_parts("-1", "1", "2026"),
            Err(DatePartsError::NotReal)
        );
        assert_eq!(
            parse_date_parts("99999999999", "1", "2026"),
            Err(DatePartsError::NotReal)
        );
    }

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(parse_date(" 2026-02-28 "), Some(d("2026-02-28")));
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date("28/02/2026"), None);
    }
}
