//! The evidence matrix: the framework's criteria against the kinds of source
//! (survey items, indicators, statutory duties, documents, case notes), showing
//! what supports or challenges each criterion, and flagging criteria that rest on
//! fewer than two kinds of source.

use serde::{Deserialize, Serialize};

/// A kind of source, one column of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    SurveyItems,
    Indicators,
    Duties,
    Documents,
    CaseNotes,
}

impl SourceKind {
    pub const ALL: [SourceKind; 5] = [
        SourceKind::SurveyItems,
        SourceKind::Indicators,
        SourceKind::Duties,
        SourceKind::Documents,
        SourceKind::CaseNotes,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::SurveyItems => "survey_items",
            SourceKind::Indicators => "indicators",
            SourceKind::Duties => "duties",
            SourceKind::Documents => "documents",
            SourceKind::CaseNotes => "case_notes",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            SourceKind::SurveyItems => "Survey items",
            SourceKind::Indicators => "Statistics",
            SourceKind::Duties => "Statutory duties",
            SourceKind::Documents => "Documents",
            SourceKind::CaseNotes => "Case notes",
        }
    }
}

/// One piece of evidence, as something a reader can open: also what a finding
/// cites.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EvidenceRef {
    SurveyItem { survey_id: i32, question_id: String },
    Indicator { indicator_id: String },
    Duty { criterion_id: String },
    Document { document_id: i32 },
    CaseNote { case_note_id: i32 },
}

impl EvidenceRef {
    pub fn kind(&self) -> SourceKind {
        match self {
            EvidenceRef::SurveyItem { .. } => SourceKind::SurveyItems,
            EvidenceRef::Indicator { .. } => SourceKind::Indicators,
            EvidenceRef::Duty { .. } => SourceKind::Duties,
            EvidenceRef::Document { .. } => SourceKind::Documents,
            EvidenceRef::CaseNote { .. } => SourceKind::CaseNotes,
        }
    }
}

/// Which way a piece of evidence points for a criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Leaning {
    Supports,
    Challenges,
    Mixed,
    /// Context without a direction: a document, a neutral note, a figure close to England's.
    Context,
    /// Too few answers, or no figure, to say anything: not counted as a source.
    TooFew,
}

impl Leaning {
    pub fn label(self) -> &'static str {
        match self {
            Leaning::Supports => "Supports",
            Leaning::Challenges => "Challenges",
            Leaning::Mixed => "Mixed",
            Leaning::Context => "Context",
            Leaning::TooFew => "Too few to say",
        }
    }
}

/// One piece of evidence and the criteria it informs.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceItem {
    pub reference: EvidenceRef,
    pub criteria: Vec<String>,
    pub title: String,
    /// A line saying what it shows (a figure, a status), already suppressed.
    pub detail: String,
    pub leaning: Leaning,
    /// Rests on figures that were suppressed (some of its counts are hidden).
    pub suppressed: bool,
}

/// How many items of one kind point each way, for one criterion.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MatrixCell {
    pub supports: usize,
    pub challenges: usize,
    pub mixed: usize,
    pub context: usize,
    pub too_few: usize,
}

impl MatrixCell {
    /// Items that say something (so the kind counts as a source).
    pub fn usable(&self) -> usize {
        self.supports + self.challenges + self.mixed + self.context
    }

    pub fn total(&self) -> usize {
        self.usable() + self.too_few
    }

    fn add(&mut self, leaning: Leaning) {
        match leaning {
            Leaning::Supports => self.supports += 1,
            Leaning::Challenges => self.challenges += 1,
            Leaning::Mixed => self.mixed += 1,
            Leaning::Context => self.context += 1,
            Leaning::TooFew => self.too_few += 1,
        }
    }
}

/// A criterion's row: one cell per kind of source, in [`SourceKind::ALL`] order.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixRow {
    pub criterion_id: String,
    pub cells: Vec<(SourceKind, MatrixCell)>,
    /// Kinds of source with something usable.
    pub kinds: usize,
}

/// A criterion resting on fewer kinds of source than this is flagged.
pub const FEWEST_KINDS: usize = 2;

impl MatrixRow {
    pub fn thin(&self) -> bool {
        self.kinds < FEWEST_KINDS
    }
}

/// The matrix for `criteria` (in the framework's order) from every item gathered.
pub fn matrix(criteria: &[String], items: &[EvidenceItem]) -> Vec<MatrixRow> {
    criteria
        .iter()
        .map(|criterion| {
            let cells: Vec<(SourceKind, MatrixCell)> = SourceKind::ALL
                .iter()
                .map(|kind| {
                    let mut cell = MatrixCell::default();
                    for item in items_for(items, criterion, *kind) {
                        cell.add(item.leaning);
                    }
                    (*kind, cell)
                })
                .collect();
            let kinds = cells.iter().filter(|(_, c)| c.usable() > 0).count();
            MatrixRow {
                criterion_id: criterion.clone(),
                cells,
                kinds,
            }
        })
        .collect()
}

/// The items of one kind that inform one criterion: what a matrix cell opens.
pub fn items_for<'a>(
    items: &'a [EvidenceItem],
    criterion: &str,
    kind: SourceKind,
) -> impl Iterator<Item = &'a EvidenceItem> {
    let criterion = criterion.to_string();
    items
        .iter()
        .filter(move |i| i.reference.kind() == kind && i.criteria.contains(&criterion))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(reference: EvidenceRef, criteria: &[&str], leaning: Leaning) -> EvidenceItem {
        EvidenceItem {
            reference,
            criteria: criteria.iter().map(|c| c.to_string()).collect(),
            title: "t".into(),
            detail: "d".into(),
            leaning,
            suppressed: false,
        }
    }

    #[test]
    fn cells_count_each_way_and_thin_criteria_are_flagged() {
        let items = vec![
            item(
                EvidenceRef::SurveyItem {
                    survey_id: 1,
                    question_id: "q".into(),
                },
                &["A1", "A2"],
                Leaning::Challenges,
            ),
            item(
                EvidenceRef::Indicator {
                    indicator_id: "ehc".into(),
                },
                &["A1"],
                Leaning::Supports,
            ),
            item(
                EvidenceRef::Document { document_id: 3 },
                &["A2"],
                Leaning::Context,
            ),
            item(
                EvidenceRef::SurveyItem {
                    survey_id: 1,
                    question_id: "r".into(),
                },
                &["A3"],
                Leaning::TooFew,
            ),
        ];
        let rows = matrix(
            &["A1".into(), "A2".into(), "A3".into(), "B1".into()],
            &items,
        );
        let a1 = &rows[0];
        assert_eq!(a1.kinds, 2);
        assert!(!a1.thin());
        assert_eq!(a1.cells[0].1.challenges, 1);
        assert_eq!(a1.cells[1].1.supports, 1);
        // A document is context, and still a kind of source.
        assert_eq!(rows[1].kinds, 2);
        // Too few answers to say anything is not a source.
        assert_eq!(rows[2].kinds, 0);
        assert_eq!(rows[2].cells[0].1.total(), 1);
        assert!(rows[2].thin() && rows[3].thin());
        assert_eq!(items_for(&items, "A2", SourceKind::Documents).count(), 1);
        assert_eq!(items_for(&items, "A2", SourceKind::Indicators).count(), 0);
    }

    #[test]
    fn source_kinds_round_trip() {
        for k in SourceKind::ALL {
            assert_eq!(SourceKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(SourceKind::parse("gossip"), None);
    }
}
