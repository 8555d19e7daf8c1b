//! Findings: what inspectors conclude against each criterion. A strength, an area
//! for improvement or an area for priority action, with its text, the evidence it
//! rests on and, for the last two, who must act.

use serde::{Deserialize, Serialize};

use super::matrix::EvidenceRef;

/// The three kinds of finding a report can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    Strength,
    AreaForImprovement,
    AreaForPriorityAction,
}

impl FindingKind {
    pub const ALL: [FindingKind; 3] = [
        FindingKind::Strength,
        FindingKind::AreaForImprovement,
        FindingKind::AreaForPriorityAction,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Strength => "strength",
            FindingKind::AreaForImprovement => "area_for_improvement",
            FindingKind::AreaForPriorityAction => "area_for_priority_action",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            FindingKind::Strength => "Strength",
            FindingKind::AreaForImprovement => "Area for improvement",
            FindingKind::AreaForPriorityAction => "Area for priority action",
        }
    }
}

/// The leaders an area for improvement is addressed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Leaders {
    Partnership,
    Council,
    Health,
}

impl Leaders {
    pub const ALL: [Leaders; 3] = [Leaders::Partnership, Leaders::Council, Leaders::Health];

    pub fn as_str(self) -> &'static str {
        match self {
            Leaders::Partnership => "partnership",
            Leaders::Council => "council",
            Leaders::Health => "health",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Leaders::Partnership => "Leaders across the partnership",
            Leaders::Council => "The council's leaders",
            Leaders::Health => "Health leaders",
        }
    }
}

/// Who must act on a finding: one of the partnership's bodies, both, or another
/// named partner (a children's trust, say).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Responsible {
    Council,
    /// One integrated care board of the partnership, by its stored id.
    Icb {
        icb_id: i32,
    },
    /// The council and every ICB of the partnership together.
    CouncilAndIcb,
    Other {
        name: String,
    },
}

/// The partnership's bodies by name, to put a `Responsible` into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bodies {
    pub council: String,
    pub icbs: Vec<(i32, String)>,
}

impl Bodies {
    fn icb_names(&self) -> String {
        let names: Vec<&str> = self.icbs.iter().map(|(_, n)| n.as_str()).collect();
        match names.as_slice() {
            [] => "the integrated care board".to_string(),
            [one] => (*one).to_string(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }
}

impl Responsible {
    /// As printed in the report's Responsible body column.
    pub fn label(&self, bodies: &Bodies) -> String {
        match self {
            Responsible::Council => bodies.council.clone(),
            Responsible::Icb { icb_id } => bodies
                .icbs
                .iter()
                .find(|(id, _)| id == icb_id)
                .map(|(_, n)| n.clone())
                .unwrap_or_else(|| "The integrated care board".to_string()),
            Responsible::CouncilAndIcb => format!("{} and {}", bodies.council, bodies.icb_names()),
            Responsible::Other { name } => name.clone(),
        }
    }

    /// The value a form's radio button carries: `council`, `icb:7`,
    /// `council_and_icb` or `other`.
    pub fn form_value(&self) -> String {
        match self {
            Responsible::Council => "council".into(),
            Responsible::Icb { icb_id } => format!("icb:{icb_id}"),
            Responsible::CouncilAndIcb => "council_and_icb".into(),
            Responsible::Other { .. } => "other".into(),
        }
    }

    /// Read a form's choice back, checking an ICB belongs to the partnership.
    pub fn from_form(choice: &str, other: &str, bodies: &Bodies) -> Result<Self, FindingError> {
        match choice {
            "council" => Ok(Responsible::Council),
            "council_and_icb" => Ok(Responsible::CouncilAndIcb),
            "other" => {
                let name = other.trim();
                if name.is_empty() {
                    Err(FindingError::OtherPartnerMissing)
                } else if name.chars().count() > 200 {
                    Err(FindingError::OtherPartnerTooLong)
                } else {
                    Ok(Responsible::Other { name: name.into() })
                }
            }
            c => c
                .strip_prefix("icb:")
                .and_then(|id| id.parse::<i32>().ok())
                .filter(|id| bodies.icbs.iter().any(|(i, _)| i == id))
                .map(|icb_id| Responsible::Icb { icb_id })
                .ok_or(FindingError::ResponsibleUnknown),
        }
    }
}

/// A finding as recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub id: i32,
    pub criterion_id: String,
    pub kind: FindingKind,
    pub text: String,
    pub evidence: Vec<EvidenceRef>,
    /// For an area for priority action: the body responsible. For an area for
    /// improvement: the partner who must take it forward.
    pub responsible: Option<Responsible>,
    /// For an area for improvement: the leaders it is addressed to.
    pub addressed_to: Option<Leaders>,
    /// For an area for improvement: the partnership already knows and is acting on
    /// it (which keeps outcome 1 open, by the framework's rules).
    pub in_hand: bool,
    /// Inspectors' own grouping label (a theme), or none.
    pub group: Option<String>,
    /// Order among all findings, set by inspectors.
    pub position: i32,
}

impl Finding {
    /// A token for this finding as it stands, which an edit form sends back: a save
    /// from a form opened before someone else's change is refused.
    pub fn revision(&self) -> String {
        super::narrative::revision_of(std::slice::from_ref(self), 0)
    }
}

/// What the person typed, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingDraft {
    pub criterion_id: String,
    pub kind: FindingKind,
    pub text: String,
    pub evidence: Vec<EvidenceRef>,
    pub responsible: Option<Responsible>,
    pub addressed_to: Option<Leaders>,
    pub in_hand: bool,
    pub group: Option<String>,
}

pub const MAX_TEXT: usize = 2_000;
pub const MAX_GROUP: usize = 80;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FindingError {
    #[error("Choose the criterion this finding is about.")]
    CriterionUnknown,
    #[error("Choose whether this is a strength, an area for improvement or an area for priority action.")]
    KindMissing,
    #[error("Write the finding.")]
    TextMissing,
    #[error("The finding must be {MAX_TEXT} characters or fewer.")]
    TextTooLong,
    #[error("Choose the body responsible for this area for priority action.")]
    ResponsibleMissing,
    #[error("Choose who must take this area for improvement forward.")]
    TakenForwardMissing,
    #[error("Choose one of the partnership's bodies, or name another partner.")]
    ResponsibleUnknown,
    #[error("Name the other partner.")]
    OtherPartnerMissing,
    #[error("The partner's name must be 200 characters or fewer.")]
    OtherPartnerTooLong,
    #[error("Choose the leaders this area for improvement is addressed to.")]
    LeadersMissing,
    #[error("The group name must be {MAX_GROUP} characters or fewer.")]
    GroupTooLong,
    #[error("Some of the evidence chosen is not part of this inspection.")]
    EvidenceUnknown,
}

impl FindingError {
    /// The form field the problem belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            FindingError::CriterionUnknown => "criterion",
            FindingError::KindMissing => "kind",
            FindingError::TextMissing | FindingError::TextTooLong => "text",
            FindingError::ResponsibleMissing
            | FindingError::TakenForwardMissing
            | FindingError::ResponsibleUnknown => "responsible",
            FindingError::OtherPartnerMissing | FindingError::OtherPartnerTooLong => {
                "responsible_other"
            }
            FindingError::LeadersMissing => "addressed_to",
            FindingError::GroupTooLong => "group",
            FindingError::EvidenceUnknown => "evidence",
        }
    }
}

/// The raw fields of the finding form.
#[derive(Debug, Clone, Default)]
pub struct FindingForm<'a> {
    pub criterion: &'a str,
    pub kind: &'a str,
    pub text: &'a str,
    pub evidence: Vec<&'a str>,
    pub responsible: &'a str,
    pub responsible_other: &'a str,
    pub addressed_to: &'a str,
    pub in_hand: bool,
    pub group: &'a str,
}

/// An evidence reference as a form value (`indicator:ehcp_20_weeks`,
/// `survey:3:q7`, `duty:D1`, `document:4`, `case:2`) and back.
pub fn evidence_key(reference: &EvidenceRef) -> String {
    match reference {
        EvidenceRef::SurveyItem {
            survey_id,
            question_id,
        } => format!("survey:{survey_id}:{question_id}"),
        EvidenceRef::Indicator { indicator_id } => format!("indicator:{indicator_id}"),
        EvidenceRef::Duty { criterion_id } => format!("duty:{criterion_id}"),
        EvidenceRef::Document { document_id } => format!("document:{document_id}"),
        EvidenceRef::CaseNote { case_note_id } => format!("case:{case_note_id}"),
    }
}

pub fn parse_evidence_key(key: &str) -> Option<EvidenceRef> {
    let (kind, rest) = key.split_once(':')?;
    let word = |s: &str| {
        (!s.is_empty()
            && s.len() <= 100
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.'))
        .then(|| s.to_string())
    };
    match kind {
        "survey" => {
            let (survey, question) = rest.split_once(':')?;
            Some(EvidenceRef::SurveyItem {
                survey_id: survey.parse().ok()?,
                question_id: word(question)?,
            })
        }
        "indicator" => Some(EvidenceRef::Indicator {
            indicator_id: word(rest)?,
        }),
        "duty" => Some(EvidenceRef::Duty {
            criterion_id: word(rest)?,
        }),
        "document" => Some(EvidenceRef::Document {
            document_id: rest.parse().ok()?,
        }),
        "case" => Some(EvidenceRef::CaseNote {
            case_note_id: rest.parse().ok()?,
        }),
        _ => None,
    }
}

impl FindingDraft {
    /// Parse the finding form. `criteria` are the framework's ids; `available` is
    /// the evidence of this inspection (anything else is refused, so a tampered form
    /// cannot cite another inspection's documents).
    pub fn parse(
        form: &FindingForm<'_>,
        criteria: &[String],
        available: &[EvidenceRef],
        bodies: &Bodies,
    ) -> Result<Self, Vec<FindingError>> {
        let mut errors = vec![];
        let criterion_id = criteria
            .iter()
            .find(|c| c.as_str() == form.criterion)
            .cloned();
        if criterion_id.is_none() {
            errors.push(FindingError::CriterionUnknown);
        }
        let kind = FindingKind::parse(form.kind);
        if kind.is_none() {
            errors.push(FindingError::KindMissing);
        }
        let text = form.text.trim().replace("\r\n", "\n");
        if text.is_empty() {
            errors.push(FindingError::TextMissing);
        } else if text.chars().count() > MAX_TEXT {
            errors.push(FindingError::TextTooLong);
        }
        let mut evidence = vec![];
        for key in &form.evidence {
            match parse_evidence_key(key).filter(|r| available.contains(r)) {
                Some(r) if !evidence.contains(&r) => evidence.push(r),
                Some(_) => {}
                None => {
                    if !errors.contains(&FindingError::EvidenceUnknown) {
                        errors.push(FindingError::EvidenceUnknown)
                    }
                }
            }
        }
        let mut responsible = None;
        let mut addressed_to = None;
        let mut in_hand = false;
        match kind {
            Some(FindingKind::AreaForPriorityAction) | Some(FindingKind::AreaForImprovement) => {
                if form.responsible.is_empty() {
                    errors.push(if kind == Some(FindingKind::AreaForPriorityAction) {
                        FindingError::ResponsibleMissing
                    } else {
                        FindingError::TakenForwardMissing
                    });
                } else {
                    match Responsible::from_form(form.responsible, form.responsible_other, bodies) {
                        Ok(r) => responsible = Some(r),
                        Err(e) => errors.push(e),
                    }
                }
                if kind == Some(FindingKind::AreaForImprovement) {
                    addressed_to = Leaders::parse(form.addressed_to);
                    if addressed_to.is_none() {
                        errors.push(FindingError::LeadersMissing);
                    }
                    in_hand = form.in_hand;
                }
            }
            _ => {}
        }
        let group = form.group.trim();
        if group.chars().count() > MAX_GROUP {
            errors.push(FindingError::GroupTooLong);
        }
        match (criterion_id, kind) {
            (Some(criterion_id), Some(kind)) if errors.is_empty() => Ok(FindingDraft {
                criterion_id,
                kind,
                text,
                evidence,
                responsible,
                addressed_to,
                in_hand,
                group: (!group.is_empty()).then(|| group.to_string()),
            }),
            _ => Err(errors),
        }
    }
}

/// Findings in the order inspectors set: by position, then by id so ties are stable.
pub fn in_order(findings: &mut [Finding]) {
    findings.sort_by_key(|f| (f.position, f.id));
}

/// Move one finding up or down one place among all findings; returns the new
/// positions (finding id, position), numbered from 1, or `None` if it cannot move.
pub fn move_finding(findings: &[Finding], id: i32, up: bool) -> Option<Vec<(i32, i32)>> {
    let mut ordered: Vec<&Finding> = findings.iter().collect();
    ordered.sort_by_key(|f| (f.position, f.id));
    let at = ordered.iter().position(|f| f.id == id)?;
    let to = if up { at.checked_sub(1)? } else { at + 1 };
    if to >= ordered.len() {
        return None;
    }
    ordered.swap(at, to);
    Some(
        ordered
            .iter()
            .zip(1..)
            .map(|(f, position)| (f.id, position))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bodies() -> Bodies {
        Bodies {
            council: "Northby Council".into(),
            icbs: vec![(7, "North ICB".into()), (8, "South ICB".into())],
        }
    }

    fn criteria() -> Vec<String> {
        vec!["A1".into(), "B2".into()]
    }

    fn available() -> Vec<EvidenceRef> {
        vec![
            EvidenceRef::Indicator {
                indicator_id: "ehcp_20_weeks".into(),
            },
            EvidenceRef::Document { document_id: 4 },
        ]
    }

    fn form<'a>(kind: &'a str) -> FindingForm<'a> {
        FindingForm {
            criterion: "A1",
            kind,
            text: "  Leaders should speed up assessments.  ",
            evidence: vec!["indicator:ehcp_20_weeks", "document:4"],
            ..Default::default()
        }
    }

    #[test]
    fn a_strength_needs_no_responsible_body() {
        let d = FindingDraft::parse(&form("strength"), &criteria(), &available(), &bodies())
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(d.text, "Leaders should speed up assessments.");
        assert_eq!(d.evidence.len(), 2);
        assert_eq!(d.responsible, None);
    }

    #[test]
    fn a_priority_action_needs_its_responsible_body() {
        let errors = FindingDraft::parse(
            &form("area_for_priority_action"),
            &criteria(),
            &available(),
            &bodies(),
        )
        .err()
        .unwrap_or_default();
        assert_eq!(errors, vec![FindingError::ResponsibleMissing]);
        let mut f = form("area_for_priority_action");
        f.responsible = "icb:8";
        let d = FindingDraft::parse(&f, &criteria(), &available(), &bodies())
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(d.responsible, Some(Responsible::Icb { icb_id: 8 }));
        assert_eq!(
            d.responsible.as_ref().map(|r| r.label(&bodies())),
            Some("South ICB".to_string())
        );
    }

    #[test]
    fn an_icb_of_another_partnership_is_refused() {
        let mut f = form("area_for_priority_action");
        f.responsible = "icb:99";
        let errors = FindingDraft::parse(&f, &criteria(), &available(), &bodies())
            .err()
            .unwrap_or_default();
        assert_eq!(errors, vec![FindingError::ResponsibleUnknown]);
    }

    #[test]
    fn an_area_for_improvement_names_leaders_and_a_partner() {
        let mut f = form("area_for_improvement");
        let errors = FindingDraft::parse(&f, &criteria(), &available(), &bodies())
            .err()
            .unwrap_or_default();
        assert_eq!(
            errors,
            vec![
                FindingError::TakenForwardMissing,
                FindingError::LeadersMissing
            ]
        );
        f.responsible = "other";
        f.responsible_other = "Northby Children's Trust";
        f.addressed_to = "health";
        f.in_hand = true;
        let d = FindingDraft::parse(&f, &criteria(), &available(), &bodies())
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(d.addressed_to, Some(Leaders::Health));
        assert!(d.in_hand);
        assert_eq!(
            d.responsible.map(|r| r.label(&bodies())),
            Some("Northby Children's Trust".to_string())
        );
    }

    #[test]
    fn jointly_names_the_council_and_every_icb() {
        assert_eq!(
            Responsible::CouncilAndIcb.label(&bodies()),
            "Northby Council and North ICB and South ICB"
        );
    }

    #[test]
    fn evidence_from_elsewhere_and_unknown_criteria_are_refused() {
        let mut f = form("strength");
        f.criterion = "Z9";
        f.evidence = vec!["document:5", "rubbish", "survey:x:q1"];
        let errors = FindingDraft::parse(&f, &criteria(), &available(), &bodies())
            .err()
            .unwrap_or_default();
        assert_eq!(
            errors,
            vec![
                FindingError::CriterionUnknown,
                FindingError::EvidenceUnknown
            ]
        );
    }

    #[test]
    fn evidence_keys_round_trip() {
        for r in [
            EvidenceRef::SurveyItem {
                survey_id: 3,
                question_id: "q7".into(),
            },
            EvidenceRef::Indicator {
                indicator_id: "ehcp_20_weeks".into(),
            },
            EvidenceRef::Duty {
                criterion_id: "D1".into(),
            },
            EvidenceRef::Document { document_id: 4 },
            EvidenceRef::CaseNote { case_note_id: 2 },
        ] {
            assert_eq!(parse_evidence_key(&evidence_key(&r)), Some(r));
        }
        assert_eq!(parse_evidence_key("indicator:<script>"), None);
    }

    fn finding(id: i32, position: i32) -> Finding {
        Finding {
            id,
            criterion_id: "A1".into(),
            kind: FindingKind::Strength,
            text: String::new(),
            evidence: vec![],
            responsible: None,
            addressed_to: None,
            in_hand: false,
            group: None,
            position,
        }
    }

    #[test]
    fn findings_move_one_place_and_stop_at_the_ends() {
        let all = vec![finding(1, 1), finding(2, 2), finding(3, 3)];
        assert_eq!(
            move_finding(&all, 3, true),
            Some(vec![(1, 1), (3, 2), (2, 3)])
        );
        assert_eq!(move_finding(&all, 1, true), None);
        assert_eq!(move_finding(&all, 3, false), None);
        assert_eq!(move_finding(&all, 9, false), None);
    }
}
