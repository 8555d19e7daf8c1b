//! The outcome: area-send proposes one of the three from the findings, by the rules
//! in the framework file, and says why; it warns about anything inconsistent. The
//! lead inspector decides and records the rationale. A proposal is never a decision.

use std::collections::{BTreeMap, BTreeSet};

use super::findings::{Finding, FindingKind};
use super::framework::{ProposalRule, RuleCondition};
use super::matrix::{EvidenceItem, EvidenceRef};

/// What area-send proposes, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub outcome: u8,
    pub reasons: Vec<String>,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Apply the framework's rules in order; the first that holds gives the proposal.
/// `None` only if no rule holds (the framework check makes the last rule `always`).
pub fn propose(rules: &[ProposalRule], findings: &[Finding]) -> Option<Proposal> {
    let count = |kind: FindingKind| findings.iter().filter(|f| f.kind == kind).count();
    let priority = count(FindingKind::AreaForPriorityAction);
    let improvement = count(FindingKind::AreaForImprovement);
    let not_in_hand = findings
        .iter()
        .filter(|f| f.kind == FindingKind::AreaForImprovement && !f.in_hand)
        .count();
    let rule = rules.iter().find(|r| match r.when {
        RuleCondition::AnyAreaForPriorityAction => priority > 0,
        RuleCondition::AnyAreaForImprovementNotInHand => not_in_hand > 0,
        RuleCondition::AnyAreaForImprovement => improvement > 0,
        RuleCondition::Always => true,
    })?;
    let counts = format!(
        "The findings hold {}, {} ({} of them already in hand) and {}.",
        plural(
            priority,
            "area for priority action",
            "areas for priority action"
        ),
        plural(improvement, "area for improvement", "areas for improvement"),
        improvement - not_in_hand,
        plural(count(FindingKind::Strength), "strength", "strengths"),
    );
    Some(Proposal {
        outcome: rule.outcome,
        reasons: vec![rule.reason.clone(), counts],
    })
}

/// Something inconsistent in the findings or the decision, for the inspector to look at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Warning {
    /// Outcome 3 decided while no finding is an area for priority action.
    Outcome3WithoutPriorityAction,
    /// Outcome 1 or 2 decided while some finding is an area for priority action.
    PriorityActionWithoutOutcome3 {
        outcome: u8,
    },
    /// The decision differs from the proposal.
    DecisionDiffersFromProposal {
        decided: u8,
        proposed: u8,
    },
    PriorityActionWithoutBody {
        finding_id: i32,
    },
    FindingWithoutEvidence {
        finding_id: i32,
    },
    CriterionWithoutFinding {
        criterion_id: String,
    },
    RestsOnSuppressedFigures {
        finding_id: i32,
    },
    SingleKindOfSource {
        finding_id: i32,
    },
    /// A finding cites evidence that is no longer there (a document removed, say).
    EvidenceGone {
        finding_id: i32,
    },
    /// The surveys are still open, so the evidence is not all in.
    SurveysStillOpen,
}

impl Warning {
    /// In words, with `label` naming a finding (its criterion and kind).
    pub fn message(&self, label: impl Fn(i32) -> String) -> String {
        match self {
            Warning::Outcome3WithoutPriorityAction => {
                "Outcome 3 is decided, but no finding is an area for priority action. Outcome 3 is given exactly when there are areas for priority action.".into()
            }
            Warning::PriorityActionWithoutOutcome3 { outcome } => format!(
                "Outcome {outcome} is decided, but there are areas for priority action. Outcome 3 is given exactly when there are."
            ),
            Warning::DecisionDiffersFromProposal { decided, proposed } => format!(
                "The decision (outcome {decided}) differs from the proposal (outcome {proposed}). Make sure the rationale explains why."
            ),
            Warning::PriorityActionWithoutBody { finding_id } => format!(
                "{} does not name the body responsible.",
                label(*finding_id)
            ),
            Warning::FindingWithoutEvidence { finding_id } => {
                format!("{} rests on no evidence.", label(*finding_id))
            }
            Warning::CriterionWithoutFinding { criterion_id } => {
                format!("Criterion {criterion_id} has no finding.")
            }
            Warning::RestsOnSuppressedFigures { finding_id } => format!(
                "{} rests on survey figures that are partly suppressed because too few people answered.",
                label(*finding_id)
            ),
            Warning::SingleKindOfSource { finding_id } => format!(
                "{} rests on a single kind of source. Look for a second kind to confirm it.",
                label(*finding_id)
            ),
            Warning::EvidenceGone { finding_id } => format!(
                "{} cites evidence that is no longer in this inspection.",
                label(*finding_id)
            ),
            Warning::SurveysStillOpen => {
                "The surveys are still open, so not all the evidence is in. Findings and the outcome may need to change when they close.".into()
            }
        }
    }

    /// The finding a warning is about, for linking to it.
    pub fn finding_id(&self) -> Option<i32> {
        match self {
            Warning::PriorityActionWithoutBody { finding_id }
            | Warning::FindingWithoutEvidence { finding_id }
            | Warning::RestsOnSuppressedFigures { finding_id }
            | Warning::SingleKindOfSource { finding_id }
            | Warning::EvidenceGone { finding_id } => Some(*finding_id),
            _ => None,
        }
    }
}

/// Every warning about the findings (and the decision, if one is recorded), in a
/// stable order. `criteria` are the framework's ids; `items` the inspection's
/// evidence as it stands (so suppression is judged on today's figures).
pub fn warnings(
    criteria: &[String],
    findings: &[Finding],
    items: &[EvidenceItem],
    decided: Option<u8>,
    proposed: Option<u8>,
) -> Vec<Warning> {
    let mut out = vec![];
    let priority = findings
        .iter()
        .any(|f| f.kind == FindingKind::AreaForPriorityAction);
    match decided {
        Some(3) if !priority => out.push(Warning::Outcome3WithoutPriorityAction),
        Some(o) if o != 3 && priority => {
            out.push(Warning::PriorityActionWithoutOutcome3 { outcome: o })
        }
        _ => {}
    }
    if let (Some(d), Some(p)) = (decided, proposed) {
        if d != p {
            out.push(Warning::DecisionDiffersFromProposal {
                decided: d,
                proposed: p,
            });
        }
    }
    let by_ref: BTreeMap<&EvidenceRef, &EvidenceItem> =
        items.iter().map(|i| (&i.reference, i)).collect();
    for f in findings {
        if f.kind == FindingKind::AreaForPriorityAction && f.responsible.is_none() {
            out.push(Warning::PriorityActionWithoutBody { finding_id: f.id });
        }
        if f.evidence.is_empty() {
            out.push(Warning::FindingWithoutEvidence { finding_id: f.id });
            continue;
        }
        let found: Vec<&EvidenceItem> = f
            .evidence
            .iter()
            .filter_map(|r| by_ref.get(r).copied())
            .collect();
        if found.len() < f.evidence.len() {
            out.push(Warning::EvidenceGone { finding_id: f.id });
        }
        if found.iter().any(|i| i.suppressed) {
            out.push(Warning::RestsOnSuppressedFigures { finding_id: f.id });
        }
        let kinds: BTreeSet<_> = f.evidence.iter().map(|r| r.kind()).collect();
        if kinds.len() == 1 {
            out.push(Warning::SingleKindOfSource { finding_id: f.id });
        }
    }
    let covered: BTreeSet<&str> = findings.iter().map(|f| f.criterion_id.as_str()).collect();
    for c in criteria {
        if !covered.contains(c.as_str()) {
            out.push(Warning::CriterionWithoutFinding {
                criterion_id: c.clone(),
            });
        }
    }
    out
}

/// Why a change to the judgement or the report was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportRefusal {
    #[error("Record the outcome decision and its rationale before making a draft.")]
    NoDecision,
    #[error("That version of the report does not exist.")]
    NoSuchVersion,
    #[error("Outcome 3 is given exactly when there are areas for priority action. The decision is outcome {decided} and there are {priority} area(s) for priority action: change the decision or the findings before making a draft.")]
    OutcomeAndPriorityActionsDisagree { decided: u8, priority: usize },
}

pub const MAX_RATIONALE: usize = 4_000;

/// The lead inspector's decision, as typed and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub outcome: u8,
    pub rationale: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecisionError {
    #[error("Choose outcome 1, 2 or 3.")]
    OutcomeMissing,
    #[error("Write the rationale for the outcome.")]
    RationaleMissing,
    #[error("The rationale must be {MAX_RATIONALE} characters or fewer.")]
    RationaleTooLong,
}

impl DecisionError {
    pub fn field(&self) -> &'static str {
        match self {
            DecisionError::OutcomeMissing => "outcome",
            _ => "rationale",
        }
    }
}

impl Decision {
    pub fn parse(outcome: &str, rationale: &str) -> Result<Self, Vec<DecisionError>> {
        let mut errors = vec![];
        let outcome = match outcome.trim() {
            "1" => Some(1),
            "2" => Some(2),
            "3" => Some(3),
            _ => None,
        };
        if outcome.is_none() {
            errors.push(DecisionError::OutcomeMissing);
        }
        let rationale = rationale.trim().replace("\r\n", "\n");
        if rationale.is_empty() {
            errors.push(DecisionError::RationaleMissing);
        } else if rationale.chars().count() > MAX_RATIONALE {
            errors.push(DecisionError::RationaleTooLong);
        }
        match outcome {
            Some(outcome) if errors.is_empty() => Ok(Decision { outcome, rationale }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::findings::Responsible;
    use crate::domain::matrix::Leaning;

    fn rules() -> Vec<ProposalRule> {
        let rule = |when, outcome, reason: &str| ProposalRule {
            when,
            outcome,
            reason: reason.into(),
        };
        vec![
            rule(RuleCondition::AnyAreaForPriorityAction, 3, "priority"),
            rule(
                RuleCondition::AnyAreaForImprovementNotInHand,
                2,
                "not in hand",
            ),
            rule(RuleCondition::Always, 1, "otherwise"),
        ]
    }

    fn finding(id: i32, kind: FindingKind, evidence: Vec<EvidenceRef>) -> Finding {
        Finding {
            id,
            criterion_id: "A1".into(),
            kind,
            text: "text".into(),
            evidence,
            responsible: (kind != FindingKind::Strength).then_some(Responsible::Council),
            addressed_to: None,
            in_hand: false,
            group: None,
            position: id,
        }
    }

    fn indicator(id: &str) -> EvidenceRef {
        EvidenceRef::Indicator {
            indicator_id: id.into(),
        }
    }

    #[test]
    fn any_priority_action_proposes_outcome_3() {
        let findings = vec![
            finding(1, FindingKind::Strength, vec![]),
            finding(2, FindingKind::AreaForPriorityAction, vec![]),
        ];
        let p = propose(&rules(), &findings).unwrap_or_else(|| panic!("no proposal"));
        assert_eq!(p.outcome, 3);
        assert_eq!(p.reasons.first().map(String::as_str), Some("priority"));
        assert!(p
            .reasons
            .iter()
            .any(|r| r.contains("1 area for priority action")));
    }

    #[test]
    fn improvements_not_in_hand_propose_outcome_2_and_in_hand_ones_outcome_1() {
        let mut findings = vec![finding(1, FindingKind::AreaForImprovement, vec![])];
        assert_eq!(propose(&rules(), &findings).map(|p| p.outcome), Some(2));
        if let Some(f) = findings.first_mut() {
            f.in_hand = true;
        }
        assert_eq!(propose(&rules(), &findings).map(|p| p.outcome), Some(1));
        assert_eq!(propose(&rules(), &[]).map(|p| p.outcome), Some(1));
    }

    #[test]
    fn no_rule_that_holds_gives_no_proposal() {
        let only_priority = vec![ProposalRule {
            when: RuleCondition::AnyAreaForPriorityAction,
            outcome: 3,
            reason: String::new(),
        }];
        assert_eq!(propose(&only_priority, &[]), None);
    }

    fn item(reference: EvidenceRef, suppressed: bool) -> EvidenceItem {
        EvidenceItem {
            reference,
            criteria: vec!["A1".into()],
            title: String::new(),
            detail: String::new(),
            leaning: Leaning::Supports,
            suppressed,
        }
    }

    #[test]
    fn each_warning_is_raised() {
        let survey = EvidenceRef::SurveyItem {
            survey_id: 1,
            question_id: "q1".into(),
        };
        let mut no_body = finding(1, FindingKind::AreaForPriorityAction, vec![indicator("a")]);
        no_body.responsible = None;
        let findings = vec![
            no_body,
            finding(2, FindingKind::Strength, vec![]),
            finding(
                3,
                FindingKind::Strength,
                vec![survey.clone(), indicator("a")],
            ),
            finding(
                4,
                FindingKind::Strength,
                vec![indicator("gone"), indicator("a")],
            ),
        ];
        let items = vec![item(survey, true), item(indicator("a"), false)];
        let criteria = vec!["A1".to_string(), "A2".to_string()];
        let w = warnings(&criteria, &findings, &items, Some(2), Some(3));
        for expected in [
            Warning::PriorityActionWithoutOutcome3 { outcome: 2 },
            Warning::DecisionDiffersFromProposal {
                decided: 2,
                proposed: 3,
            },
            Warning::PriorityActionWithoutBody { finding_id: 1 },
            Warning::SingleKindOfSource { finding_id: 1 },
            Warning::FindingWithoutEvidence { finding_id: 2 },
            Warning::RestsOnSuppressedFigures { finding_id: 3 },
            Warning::EvidenceGone { finding_id: 4 },
            Warning::SingleKindOfSource { finding_id: 4 },
            Warning::CriterionWithoutFinding {
                criterion_id: "A2".into(),
            },
        ] {
            assert!(w.contains(&expected), "{expected:?} missing from {w:?}");
        }
        assert!(!w.contains(&Warning::SingleKindOfSource { finding_id: 3 }));
        let strengths = vec![finding(5, FindingKind::Strength, vec![indicator("a")])];
        assert!(warnings(&criteria, &strengths, &items, Some(3), Some(1))
            .contains(&Warning::Outcome3WithoutPriorityAction));
    }

    #[test]
    fn a_decision_needs_an_outcome_and_a_rationale() {
        assert_eq!(
            Decision::parse("4", " "),
            Err(vec![
                DecisionError::OutcomeMissing,
                DecisionError::RationaleMissing
            ])
        );
        assert_eq!(
            Decision::parse("2", " Because.\r\n "),
            Ok(Decision {
                outcome: 2,
                rationale: "Because.".into()
            })
        );
    }
}
