//! Monitoring inspections: which full inspection one follows, the areas for
//! priority action it carries over (in the final report's own words), and the
//! progress finding inspectors record against each.

use super::framework::ProgressJudgement;
use super::report::{Block, Report, SectionKind};

/// The longest progress finding kept: a few paragraphs, as a published letter has.
pub const MOST_FINDING_CHARS: usize = 4000;

/// An area for priority action as the final report printed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionToCarry {
    /// The table row's stable id in the final report ("f-12").
    pub from_row: String,
    pub responsible: String,
    pub action: String,
}

/// What the partnership's last final report says about monitoring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastFinal {
    pub inspection_id: i32,
    pub outcome: u8,
    pub actions: Vec<ActionToCarry>,
}

/// Why a monitoring inspection cannot be set up, or its report drafted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MonitoringRefusal {
    /// The partnership has no final report from a full inspection.
    #[error("A monitoring inspection follows a full inspection with outcome 3, and this partnership has no final report from a full inspection yet.")]
    NoFinalReport,
    /// Its last final report did not give outcome 3, so there is nothing to monitor.
    #[error("A monitoring inspection follows outcome 3 only. This partnership's last final report gave outcome {outcome}.")]
    LastOutcomeNotThree { outcome: u8 },
    /// An outcome 3 report whose priority action table is empty cannot be monitored.
    #[error("The partnership's last final report has no areas for priority action to monitor.")]
    NoPriorityActions,
    /// Every carried action needs its progress finding before the report is drafted.
    #[error("Record the progress made against every area for priority action before drafting the report: {count} still to do.")]
    Unjudged { count: usize },
    /// Progress findings belong to monitoring inspections only.
    #[error("Only a monitoring inspection judges progress against areas for priority action.")]
    NotMonitoring,
}

/// The areas for priority action of a report, in its order: the rows of the
/// priority actions table, responsible body first, as published.
pub fn priority_actions(report: &Report) -> Vec<ActionToCarry> {
    report
        .section(SectionKind::PriorityActions)
        .into_iter()
        .flat_map(|s| s.blocks.iter())
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .flat_map(|t| t.rows.iter())
        .map(|row| ActionToCarry {
            from_row: row.id.clone(),
            responsible: row.cells.first().cloned().unwrap_or_default(),
            action: row.cells.get(1).cloned().unwrap_or_default(),
        })
        .filter(|a| !a.action.trim().is_empty())
        .collect()
}

/// The actions a monitoring inspection carries over, or why there is none to set up.
pub fn carry_over(last: Option<&LastFinal>) -> Result<Vec<ActionToCarry>, MonitoringRefusal> {
    let last = last.ok_or(MonitoringRefusal::NoFinalReport)?;
    if last.outcome != 3 {
        return Err(MonitoringRefusal::LastOutcomeNotThree {
            outcome: last.outcome,
        });
    }
    if last.actions.is_empty() {
        return Err(MonitoringRefusal::NoPriorityActions);
    }
    Ok(last.actions.clone())
}

/// A progress finding as sent, before checking.
#[derive(Debug, Clone, Copy)]
pub struct ProgressForm<'a> {
    pub judgement: &'a str,
    pub finding: &'a str,
}

/// A progress finding that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub judgement: String,
    pub finding: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressError {
    NoJudgement,
    UnknownJudgement,
    NoFinding,
    FindingTooLong,
}

impl ProgressError {
    pub fn field(&self) -> &'static str {
        match self {
            ProgressError::NoJudgement | ProgressError::UnknownJudgement => "judgement",
            ProgressError::NoFinding | ProgressError::FindingTooLong => "finding",
        }
    }

    pub fn message(&self) -> String {
        match self {
            ProgressError::NoJudgement => "Choose the progress made".into(),
            ProgressError::UnknownJudgement => {
                "Choose one of the progress judgements listed".into()
            }
            ProgressError::NoFinding => {
                "Write what inspectors found about the progress, so the report can say why".into()
            }
            ProgressError::FindingTooLong => {
                format!("Keep the finding to {MOST_FINDING_CHARS} characters or fewer")
            }
        }
    }
}

/// Check a progress finding against the framework's judgements.
pub fn check_progress(
    judgements: &[ProgressJudgement],
    form: ProgressForm<'_>,
) -> Result<Progress, Vec<ProgressError>> {
    let mut errors = vec![];
    let judgement = form.judgement.trim();
    if judgement.is_empty() {
        errors.push(ProgressError::NoJudgement);
    } else if !judgements.iter().any(|j| j.id == judgement) {
        errors.push(ProgressError::UnknownJudgement);
    }
    let finding = form.finding.trim();
    if finding.is_empty() {
        errors.push(ProgressError::NoFinding);
    } else if finding.chars().count() > MOST_FINDING_CHARS {
        errors.push(ProgressError::FindingTooLong);
    }
    if errors.is_empty() {
        Ok(Progress {
            judgement: judgement.to_string(),
            finding: finding.to_string(),
        })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::{ReportOutcome, Section, Table, TableRow};

    fn judgements() -> Vec<ProgressJudgement> {
        ["sufficient", "insufficient"]
            .iter()
            .map(|id| ProgressJudgement {
                id: id.to_string(),
                label: id.to_string(),
                phrase: id.to_string(),
                hint: String::new(),
            })
            .collect()
    }

    fn report(rows: &[(&str, &str, &str)]) -> Report {
        Report {
            title: "t".into(),
            language: "en-GB".into(),
            partnership: "p".into(),
            inspection_dates: "d".into(),
            previous_inspection: None,
            footer: "f".into(),
            outcome: ReportOutcome {
                id: 3,
                label: "Outcome 3".into(),
            },
            sections: vec![Section {
                kind: SectionKind::PriorityActions,
                heading: "Areas for priority action".into(),
                blocks: vec![Block::Table(Table {
                    caption: "c".into(),
                    header: vec!["Responsible body".into(), "Areas".into()],
                    rows: rows
                        .iter()
                        .enumerate()
                        .map(|(i, (id, body, text))| TableRow {
                            id: id.to_string(),
                            number: i as u32 + 1,
                            cells: vec![body.to_string(), text.to_string()],
                            citations: vec![],
                        })
                        .collect(),
                })],
            }],
        }
    }

    #[test]
    fn the_priority_action_rows_are_carried_in_the_report_order_and_words() {
        let r = report(&[
            ("f-9", "The council and the ICB", "Issue plans on time."),
            ("f-4", "The ICB", "Cut waits for therapy."),
        ]);
        let actions = priority_actions(&r);
        assert_eq!(actions.len(), 2);
        assert_eq!(actions[0].from_row, "f-9");
        assert_eq!(actions[0].responsible, "The council and the ICB");
        assert_eq!(actions[1].action, "Cut waits for therapy.");
    }

    #[test]
    fn a_report_without_the_table_has_nothing_to_carry() {
        let mut r = report(&[]);
        r.sections.clear();
        assert!(priority_actions(&r).is_empty());
    }

    #[test]
    fn only_a_last_outcome_three_with_actions_can_be_monitored() {
        assert_eq!(carry_over(None), Err(MonitoringRefusal::NoFinalReport));
        let last = LastFinal {
            inspection_id: 1,
            outcome: 2,
            actions: vec![],
        };
        assert_eq!(
            carry_over(Some(&last)),
            Err(MonitoringRefusal::LastOutcomeNotThree { outcome: 2 })
        );
        let empty = LastFinal {
            outcome: 3,
            ..last.clone()
        };
        assert_eq!(
            carry_over(Some(&empty)),
            Err(MonitoringRefusal::NoPriorityActions)
        );
        let full = LastFinal {
            outcome: 3,
            actions: priority_actions(&report(&[("f-1", "ICB", "Act.")])),
            ..last
        };
        assert_eq!(carry_over(Some(&full)).map(|a| a.len()), Ok(1));
        assert!(MonitoringRefusal::LastOutcomeNotThree { outcome: 1 }
            .to_string()
            .contains("outcome 1"));
    }

    #[test]
    fn a_progress_finding_needs_a_known_judgement_and_words() {
        let j = judgements();
        let ok = check_progress(
            &j,
            ProgressForm {
                judgement: " sufficient ",
                finding: "  Plans are now on time.  ",
            },
        );
        assert_eq!(
            ok,
            Ok(Progress {
                judgement: "sufficient".into(),
                finding: "Plans are now on time.".into()
            })
        );
        let errors = check_progress(
            &j,
            ProgressForm {
                judgement: "",
                finding: " ",
            },
        )
        .unwrap_err();
        assert_eq!(
            errors,
            vec![ProgressError::NoJudgement, ProgressError::NoFinding]
        );
        let long = "x".repeat(MOST_FINDING_CHARS + 1);
        let errors = check_progress(
            &j,
            ProgressForm {
                judgement: "excellent",
                finding: &long,
            },
        )
        .unwrap_err();
        assert_eq!(
            errors,
            vec![
                ProgressError::UnknownJudgement,
                ProgressError::FindingTooLong
            ]
        );
        assert_eq!(errors[0].field(), "judgement");
        assert!(errors[1].message().contains("4000"));
    }
}
