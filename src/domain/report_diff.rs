//! A readable difference between two versions of a report: paragraph by paragraph
//! (matched by their stable ids), and word by word inside a changed paragraph.

use std::time::Duration;

use similar::{capture_diff_slices, Algorithm, ChangeTag, DiffOp, TextDiff};

use super::report::Report;

/// How one numbered unit changed between the versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Unchanged,
    Changed,
    Added,
    Removed,
}

impl Change {
    pub fn label(self) -> &'static str {
        match self {
            Change::Unchanged => "Unchanged",
            Change::Changed => "Changed",
            Change::Added => "Added",
            Change::Removed => "Removed",
        }
    }
}

/// A run of words that stayed, went or came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PieceKind {
    Same,
    Deleted,
    Inserted,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub kind: PieceKind,
    pub text: String,
}

/// One unit of the report across the two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitDiff {
    pub id: String,
    pub heading: String,
    pub old_number: Option<u32>,
    pub new_number: Option<u32>,
    pub change: Change,
    pub pieces: Vec<Piece>,
}

/// A word diff gives up and shows the whole paragraph replaced after this long, so a
/// pathological pair of paragraphs cannot hold a page.
const WORD_DIFF_DEADLINE: Duration = Duration::from_millis(100);

fn whole(kind: PieceKind, text: &str) -> Vec<Piece> {
    vec![Piece {
        kind,
        text: text.to_string(),
    }]
}

/// Word by word, with neighbouring words of one kind run together.
pub fn word_diff(old: &str, new: &str) -> Vec<Piece> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .timeout(WORD_DIFF_DEADLINE)
        .diff_unicode_words(old, new);
    let mut pieces: Vec<Piece> = vec![];
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            ChangeTag::Equal => PieceKind::Same,
            ChangeTag::Delete => PieceKind::Deleted,
            ChangeTag::Insert => PieceKind::Inserted,
        };
        match pieces.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(change.value()),
            _ => pieces.push(Piece {
                kind,
                text: change.value().to_string(),
            }),
        }
    }
    pieces
}

/// Every unit of either version, in reading order of the newer one with removed
/// units where they stood.
pub fn diff(old: &Report, new: &Report) -> Vec<UnitDiff> {
    let old_units = old.units();
    let new_units = new.units();
    let old_ids: Vec<&str> = old_units.iter().map(|u| u.id).collect();
    let new_ids: Vec<&str> = new_units.iter().map(|u| u.id).collect();
    let mut out = vec![];
    let removed = |i: usize, out: &mut Vec<UnitDiff>| {
        if let Some(u) = old_units.get(i) {
            out.push(UnitDiff {
                id: u.id.to_string(),
                heading: u.heading.to_string(),
                old_number: Some(u.number),
                new_number: None,
                change: Change::Removed,
                pieces: whole(PieceKind::Deleted, &u.text),
            });
        }
    };
    let added = |i: usize, out: &mut Vec<UnitDiff>| {
        if let Some(u) = new_units.get(i) {
            out.push(UnitDiff {
                id: u.id.to_string(),
                heading: u.heading.to_string(),
                old_number: None,
                new_number: Some(u.number),
                change: Change::Added,
                pieces: whole(PieceKind::Inserted, &u.text),
            });
        }
    };
    for op in capture_diff_slices(Algorithm::Myers, &old_ids, &new_ids) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    let (Some(o), Some(n)) =
                        (old_units.get(old_index + k), new_units.get(new_index + k))
                    else {
                        continue;
                    };
                    let (change, pieces) = if o.text == n.text {
                        (Change::Unchanged, whole(PieceKind::Same, &n.text))
                    } else {
                        (Change::Changed, word_diff(&o.text, &n.text))
                    };
                    out.push(UnitDiff {
                        id: n.id.to_string(),
                        heading: n.heading.to_string(),
                        old_number: Some(o.number),
                        new_number: Some(n.number),
                        change,
                        pieces,
                    });
                }
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => (old_index..old_index + old_len).for_each(|i| removed(i, &mut out)),
            DiffOp::Insert {
                new_index, new_len, ..
            } => (new_index..new_index + new_len).for_each(|i| added(i, &mut out)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                (old_index..old_index + old_len).for_each(|i| removed(i, &mut out));
                (new_index..new_index + new_len).for_each(|i| added(i, &mut out));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::{Block, Paragraph, ReportOutcome, Section, SectionKind};

    fn report(paragraphs: &[(&str, &str)]) -> Report {
        Report {
            title: "T".into(),
            language: "en-GB".into(),
            partnership: "P".into(),
            inspection_dates: "D".into(),
            previous_inspection: None,
            footer: "F".into(),
            outcome: ReportOutcome {
                id: 1,
                label: "Outcome 1".into(),
            },
            sections: vec![Section {
                kind: SectionKind::Experience,
                heading: "Experience".into(),
                blocks: paragraphs
                    .iter()
                    .zip(1..)
                    .map(|((id, text), number)| {
                        Block::Paragraph(Paragraph {
                            id: id.to_string(),
                            number,
                            text: text.to_string(),
                            citations: vec![],
                        })
                    })
                    .collect(),
            }],
        }
    }

    #[test]
    fn paragraphs_are_matched_by_id_and_words_marked() {
        let old = report(&[
            ("a", "Plans are late."),
            ("b", "Gone soon."),
            ("c", "Same."),
        ]);
        let new = report(&[
            ("a", "Plans are often late."),
            ("c", "Same."),
            ("d", "New one."),
        ]);
        let d = diff(&old, &new);
        let changes: Vec<(&str, Change)> = d.iter().map(|u| (u.id.as_str(), u.change)).collect();
        assert_eq!(
            changes,
            vec![
                ("a", Change::Changed),
                ("b", Change::Removed),
                ("c", Change::Unchanged),
                ("d", Change::Added)
            ]
        );
        let a = d.first().map(|u| u.pieces.clone()).unwrap_or_default();
        assert!(a.contains(&Piece {
            kind: PieceKind::Inserted,
            text: "often ".into()
        }));
        assert_eq!(d.get(2).and_then(|u| u.old_number), Some(3));
        assert_eq!(d.get(2).and_then(|u| u.new_number), Some(2));
    }

    #[test]
    fn a_version_against_itself_is_all_unchanged() {
        let r = report(&[("a", "One."), ("b", "Two.")]);
        assert!(diff(&r, &r).iter().all(|u| u.change == Change::Unchanged));
    }
}
