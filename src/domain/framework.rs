//! The inspection framework as data: criteria by area, the three outcomes and what
//! follows each, responsible bodies, and the figures an operator may change.

use std::collections::BTreeSet;

use serde::Deserialize;

use super::problem::Problem;

#[derive(Debug, Clone, Deserialize)]
pub struct Framework {
    pub id: String,
    pub version: String,
    pub title: String,
    pub areas: Vec<Area>,
    pub outcomes: Vec<Outcome>,
    pub responsible_bodies: Vec<ResponsibleBody>,
    pub settings: FrameworkSettings,
    pub proposal_rules: Vec<ProposalRule>,
    pub report: ReportWording,
    pub monitoring_report: MonitoringWording,
}

/// The monitoring inspection report's fixed wording, and the judgements of
/// progress against each area for priority action carried over.
#[derive(Debug, Clone, Deserialize)]
pub struct MonitoringWording {
    /// With `{partnership}`.
    pub title: String,
    /// What the report's outcome line says: a monitoring inspection gives no new outcome.
    pub outcome_label: String,
    /// With `{dates}`: the full inspection's dates.
    pub full_inspection: String,
    pub headings: MonitoringHeadings,
    /// With `{progress}` (a judgement's phrase), `{count}` and `{total}`.
    pub summary: String,
    pub progress_columns: [String; 3],
    pub progress_judgements: Vec<ProgressJudgement>,
    pub next_steps: Vec<String>,
    pub statutory_basis: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MonitoringHeadings {
    pub summary: String,
    pub partnership_information: String,
    pub progress: String,
    pub details: String,
    pub about_inspection: String,
}

/// One judgement of progress, such as "sufficient progress".
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ProgressJudgement {
    pub id: String,
    pub label: String,
    /// As it reads inside the summary sentence.
    pub phrase: String,
    /// What it means, shown beside the choice.
    pub hint: String,
}

/// One rule of the outcome proposal: when its condition holds (and no earlier rule's
/// did), area-send proposes its outcome, giving its reason.
#[derive(Debug, Clone, Deserialize)]
pub struct ProposalRule {
    pub when: RuleCondition,
    pub outcome: u8,
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleCondition {
    AnyAreaForPriorityAction,
    AnyAreaForImprovementNotInHand,
    AnyAreaForImprovement,
    Always,
}

/// The published report's fixed wording: an official form, kept as data.
#[derive(Debug, Clone, Deserialize)]
pub struct ReportWording {
    /// With `{partnership}` for the partnership's name.
    pub title: String,
    /// With `{dates}`.
    pub previous_inspection: String,
    pub first_inspection: String,
    pub headings: ReportHeadings,
    pub priority_action_columns: [String; 2],
    pub improvement_columns: [String; 1],
    pub details_columns: [String; 2],
    pub inspection_team_heading: String,
    pub statutory_basis: String,
    /// With `{area}`.
    pub easy_read_title: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ReportHeadings {
    pub outcome: String,
    pub partnership_information: String,
    pub experience: String,
    pub effective: String,
    pub better: String,
    pub priority_actions: String,
    pub improvements: String,
    pub details: String,
    pub about_inspection: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Area {
    pub id: String,
    pub title: String,
    pub criteria: Vec<Criterion>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Criterion {
    pub id: String,
    pub short: String,
    pub statement: String,
    pub basis: Option<String>,
    /// The criterion in easy-read words, for suggested easy-read points.
    pub easy_read: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Outcome {
    pub id: u8,
    pub label: String,
    pub statement: String,
    pub given_when: Option<String>,
    pub consequences: Consequences,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Consequences {
    pub next_full_inspection_within_years: u32,
    pub monitoring_inspection_within_months: Option<u32>,
    pub priority_action_plan_required: bool,
    pub next_steps: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ResponsibleBody {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct FrameworkSettings {
    pub factual_accuracy_check_working_days: u32,
    pub suppression_threshold: u32,
    pub publication_working_days_after_on_site: u32,
}

impl Framework {
    /// Every criterion id, for checking references from forms and findings.
    pub fn criterion_ids(&self) -> BTreeSet<String> {
        self.areas
            .iter()
            .flat_map(|a| a.criteria.iter().map(|c| c.id.clone()))
            .collect()
    }

    pub fn progress_judgement(&self, id: &str) -> Option<&ProgressJudgement> {
        self.monitoring_report
            .progress_judgements
            .iter()
            .find(|j| j.id == id)
    }

    pub fn outcome(&self, id: u8) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.id == id)
    }

    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.areas
            .iter()
            .flat_map(|a| a.criteria.iter())
            .find(|c| c.id == id)
    }

    /// Checks the schema cannot make: unique ids, criteria in their own area, and
    /// the three outcomes with outcome 3 tied to areas for priority action.
    pub fn check(&self) -> Vec<Problem> {
        let mut problems = vec![];
        let mut areas = BTreeSet::new();
        let mut criteria = BTreeSet::new();
        for (a, area) in self.areas.iter().enumerate() {
            if !areas.insert(area.id.as_str()) {
                problems.push(Problem::new(
                    format!("/areas/{a}/id"),
                    format!("area {} appears twice", area.id),
                ));
            }
            for (c, criterion) in area.criteria.iter().enumerate() {
                let pointer = format!("/areas/{a}/criteria/{c}/id");
                if !criteria.insert(criterion.id.as_str()) {
                    problems.push(Problem::new(
                        pointer,
                        format!("criterion {} appears twice", criterion.id),
                    ));
                } else if !criterion.id.starts_with(area.id.as_str()) {
                    problems.push(Problem::new(
                        pointer,
                        format!("criterion {} is not in area {}", criterion.id, area.id),
                    ));
                }
            }
        }
        for want in 1..=3u8 {
            let count = self.outcomes.iter().filter(|o| o.id == want).count();
            if count != 1 {
                problems.push(Problem::new(
                    "/outcomes",
                    format!("outcome {want} must appear exactly once, not {count} times"),
                ));
            }
        }
        for (i, outcome) in self.outcomes.iter().enumerate() {
            let priority = outcome.given_when.as_deref() == Some("areas_for_priority_action");
            if priority != (outcome.id == 3) {
                problems.push(Problem::new(
                    format!("/outcomes/{i}/given_when"),
                    "only outcome 3 is given when there are areas for priority action, and it always is",
                ));
            }
            if outcome.consequences.priority_action_plan_required != (outcome.id == 3) {
                problems.push(Problem::new(
                    format!("/outcomes/{i}/consequences/priority_action_plan_required"),
                    "a priority action plan is required after outcome 3 and only then",
                ));
            }
        }
        // The last rule must always hold, so every set of findings gets a proposal.
        if self.proposal_rules.last().map(|r| r.when) != Some(RuleCondition::Always) {
            problems.push(Problem::new(
                "/proposal_rules",
                "the last rule must be \"always\", so that every set of findings gets a proposal",
            ));
        }
        if self.proposal_rules.first().map(|r| r.when)
            != Some(RuleCondition::AnyAreaForPriorityAction)
        {
            problems.push(Problem::new(
                "/proposal_rules/0",
                "the first rule must be \"any_area_for_priority_action\": outcome 3 is given exactly when there are areas for priority action",
            ));
        }
        for (i, rule) in self.proposal_rules.iter().enumerate() {
            let priority = rule.when == RuleCondition::AnyAreaForPriorityAction;
            if priority != (rule.outcome == 3) {
                problems.push(Problem::new(
                    format!("/proposal_rules/{i}"),
                    "outcome 3 is proposed when there are areas for priority action, and only then",
                ));
            }
        }
        let mut judgements = BTreeSet::new();
        for (i, j) in self
            .monitoring_report
            .progress_judgements
            .iter()
            .enumerate()
        {
            if !judgements.insert(j.id.as_str()) {
                problems.push(Problem::new(
                    format!("/monitoring_report/progress_judgements/{i}/id"),
                    format!("progress judgement {} appears twice", j.id),
                ));
            }
        }
        let mut bodies = BTreeSet::new();
        for (i, body) in self.responsible_bodies.iter().enumerate() {
            if !bodies.insert(body.id.as_str()) {
                problems.push(Problem::new(
                    format!("/responsible_bodies/{i}/id"),
                    format!("{} appears twice", body.id),
                ));
            }
        }
        problems
    }
}
