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
