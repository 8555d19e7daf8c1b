//! The report's narrative sections, written by inspectors: paragraphs with stable
//! ids (kept when a paragraph is edited, so review comments stay attached), and
//! citations of evidence written inline as `[[indicator:ehcp_20_weeks]]`,
//! `[[survey:3:q7]]`, `[[duty:D1]]`, `[[document:4]]` or `[[case:2]]`. A paragraph
//! that is only `[[chart:3:q7]]` places a chart of that survey question.

use serde::{Deserialize, Serialize};
use similar::{capture_diff_slices, Algorithm, DiffOp};

use super::findings::parse_evidence_key;
use super::matrix::{matrix, EvidenceItem, EvidenceRef, Leaning};
use super::report::SectionKind;

/// The sections inspectors write.
pub const WRITTEN: [SectionKind; 4] = [
    SectionKind::PartnershipInformation,
    SectionKind::Experience,
    SectionKind::Effective,
    SectionKind::Better,
];

pub const MAX_PARAGRAPH: usize = 3_000;
pub const MAX_PARAGRAPHS: usize = 120;

/// One stored paragraph of a narrative section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NarrativeParagraph {
    pub id: String,
    pub text: String,
}

/// A narrative section as stored: its paragraphs and the next free number for ids
/// (never reused, so an id that once meant one paragraph never means another).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Narrative {
    pub paragraphs: Vec<NarrativeParagraph>,
    pub next_number: i32,
}

impl Narrative {
    /// A token for this exact content: an editor sends back the token of what it was
    /// given, and a save is refused if the section has changed since (any edit, not
    /// only a new paragraph), so nobody's change is silently undone.
    pub fn revision(&self) -> String {
        revision_of(&self.paragraphs, self.next_number)
    }
}

/// The revision token of any stored list of paragraphs or points.
pub fn revision_of<T: Serialize>(items: &[T], next_number: i32) -> String {
    use sha2::{Digest, Sha256};
    let json = serde_json::to_string(items).unwrap_or_default();
    let digest = Sha256::digest(format!("{next_number}:{json}").as_bytes());
    digest.iter().take(12).map(|b| format!("{b:02x}")).collect()
}

/// What a paragraph says once its citation markers are taken out.
#[derive(Debug, Clone, PartialEq)]
pub enum Parsed {
    Text {
        text: String,
        citations: Vec<EvidenceRef>,
    },
    Chart(EvidenceRef),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NarrativeError {
    #[error("Paragraph {0} is longer than {MAX_PARAGRAPH} characters. Split it into shorter paragraphs.")]
    ParagraphTooLong(usize),
    #[error("A section can have at most {MAX_PARAGRAPHS} paragraphs.")]
    TooManyParagraphs,
    #[error("Paragraph {paragraph} cites [[{key}]], which is not evidence in this inspection.")]
    UnknownCitation { paragraph: usize, key: String },
    #[error("Paragraph {paragraph} has a chart of [[{key}]], but only a survey question can be charted.")]
    NotChartable { paragraph: usize, key: String },
    #[error("Paragraph {0} has \"[[\" without a closing \"]]\".")]
    Unclosed(usize),
    #[error("Paragraph {0} has nothing but evidence markers. Write what the evidence shows, with the markers in the sentence.")]
    OnlyMarkers(usize),
}

/// Split typed text into paragraphs at blank lines.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = vec![];
    let mut current: Vec<&str> = vec![];
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line.trim_end());
        }
    }
    if !current.is_empty() {
        out.push(current.join("\n"));
    }
    out.into_iter().map(|p| p.trim().to_string()).collect()
}

/// The paragraphs joined back into the text an editor shows.
pub fn join_paragraphs(paragraphs: &[NarrativeParagraph]) -> String {
    paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Read a paragraph's markers.
pub fn parse(paragraph_number: usize, text: &str) -> Result<Parsed, NarrativeError> {
    let trimmed = text.trim();
    if let Some(key) = trimmed
        .strip_prefix("[[chart:")
        .and_then(|rest| rest.strip_suffix("]]"))
    {
        if !key.contains("[[") && !key.contains("]]") {
            return match parse_evidence_key(&format!("survey:{key}")) {
                Some(r) => Ok(Parsed::Chart(r)),
                None => Err(NarrativeError::NotChartable {
                    paragraph: paragraph_number,
                    key: format!("chart:{key}"),
                }),
            };
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut citations = vec![];
    let mut rest = text;
    while let Some(start) = rest.find("[[") {
        let (before, after) = rest.split_at(start);
        out.push_str(before);
        let after = after.get(2..).unwrap_or("");
        let end = after
            .find("]]")
            .ok_or(NarrativeError::Unclosed(paragraph_number))?;
        let key = after.get(..end).unwrap_or("").trim();
        let reference = parse_evidence_key(key).ok_or_else(|| NarrativeError::UnknownCitation {
            paragraph: paragraph_number,
            key: key.to_string(),
        })?;
        if !citations.contains(&reference) {
            citations.push(reference);
        }
        rest = after.get(end + 2..).unwrap_or("");
    }
    out.push_str(rest);
    Ok(Parsed::Text {
        text: tidy(&out),
        citations,
    })
}

/// Spaces left where markers were taken out: no doubled spaces, none before
/// punctuation.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        if !out.is_empty() {
            out.push('\n');
        }
        let words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
        let mut joined = String::new();
        for w in words {
            let punct = w.starts_with(['.', ',', ';', ':', ')', '!', '?']);
            if !joined.is_empty() && !punct {
                joined.push(' ');
            }
            joined.push_str(w);
        }
        out.push_str(&joined);
    }
    out
}

/// Check typed text against the evidence of the inspection (`available` may be
/// cited, `chartable` charted), and give each paragraph an id: a paragraph kept or
/// edited in place keeps its old id, a new one gets the next free number. `prefix`
/// keeps ids unique across sections.
pub fn revise(
    old: &Narrative,
    typed: &str,
    prefix: &str,
    available: &[EvidenceRef],
    chartable: &[EvidenceRef],
) -> Result<Narrative, Vec<NarrativeError>> {
    let texts = split_paragraphs(typed);
    let mut errors = vec![];
    if texts.len() > MAX_PARAGRAPHS {
        errors.push(NarrativeError::TooManyParagraphs);
    }
    for (i, text) in texts.iter().enumerate() {
        let n = i + 1;
        if text.chars().count() > MAX_PARAGRAPH {
            errors.push(NarrativeError::ParagraphTooLong(n));
            continue;
        }
        match parse(n, text) {
            Ok(Parsed::Text { text, citations }) => {
                if !text.chars().any(char::is_alphanumeric) {
                    errors.push(NarrativeError::OnlyMarkers(n));
                } else if let Some(r) = citations.iter().find(|r| !available.contains(r)) {
                    errors.push(NarrativeError::UnknownCitation {
                        paragraph: n,
                        key: super::findings::evidence_key(r),
                    });
                }
            }
            Ok(Parsed::Chart(r)) => {
                if !chartable.contains(&r) {
                    errors.push(NarrativeError::UnknownCitation {
                        paragraph: n,
                        key: format!("chart:{}", chart_key(&r)),
                    });
                }
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let old_texts: Vec<&str> = old.paragraphs.iter().map(|p| p.text.as_str()).collect();
    let new_texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let mut next = old.next_number.max(1);
    let mut fresh = || {
        let id = format!("{prefix}-{next}");
        next += 1;
        id
    };
    let mut ids: Vec<String> = vec![];
    for op in capture_diff_slices(Algorithm::Patience, &old_texts, &new_texts) {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                for k in 0..len {
                    ids.push(old_id(old, old_index + k, &mut fresh));
                }
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_len,
                ..
            } => {
                for k in 0..new_len {
                    if k < old_len {
                        ids.push(old_id(old, old_index + k, &mut fresh));
                    } else {
                        ids.push(fresh());
                    }
                }
            }
            DiffOp::Insert { new_len, .. } => {
                for _ in 0..new_len {
                    ids.push(fresh());
                }
            }
            DiffOp::Delete { .. } => {}
        }
    }
    let paragraphs = ids
        .into_iter()
        .zip(texts)
        .map(|(id, text)| NarrativeParagraph { id, text })
        .collect();
    Ok(Narrative {
        paragraphs,
        next_number: next,
    })
}

fn old_id(old: &Narrative, index: usize, fresh: &mut impl FnMut() -> String) -> String {
    old.paragraphs
        .get(index)
        .map(|p| p.id.clone())
        .unwrap_or_else(fresh)
}

/// `3:q7` for a survey item, as written after `chart:`.
pub fn chart_key(reference: &EvidenceRef) -> String {
    match reference {
        EvidenceRef::SurveyItem {
            survey_id,
            question_id,
        } => format!("{survey_id}:{question_id}"),
        other => super::findings::evidence_key(other),
    }
}

/// Something the evidence suggests an inspector might write about, with the marker
/// that cites it. Shown beside the editor; never written into the report by itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub text: String,
    pub marker: Option<String>,
}

/// A "don't understand" share at or above this (percent) suggests a question that
/// children found hard, which is itself something to say.
pub const DONT_UNDERSTAND_NOTABLE: f64 = 20.0;

/// Suggestions from the evidence: indicators far from England's figure, survey items
/// with low agreement, questions many did not understand, and criteria resting on
/// too few kinds of source.
pub fn suggest(
    items: &[EvidenceItem],
    dont_understand: &[(EvidenceRef, String, f64)],
    criteria: &[(String, String)],
) -> Vec<Suggestion> {
    let mut out = vec![];
    let marker = |r: &EvidenceRef| Some(format!("[[{}]]", super::findings::evidence_key(r)));
    for item in items {
        let text = match (&item.reference, item.leaning) {
            (EvidenceRef::Indicator { .. }, Leaning::Challenges) => {
                format!("Worse than England: {} ({}).", item.title, item.detail)
            }
            (EvidenceRef::Indicator { .. }, Leaning::Supports) => {
                format!("Better than England: {} ({}).", item.title, item.detail)
            }
            (EvidenceRef::SurveyItem { .. }, Leaning::Challenges) => {
                format!("Low agreement: {} ({}).", item.title, item.detail)
            }
            _ => continue,
        };
        out.push(Suggestion {
            text,
            marker: marker(&item.reference),
        });
    }
    for (reference, title, rate) in dont_understand {
        if *rate >= DONT_UNDERSTAND_NOTABLE {
            out.push(Suggestion {
                text: format!("{rate:.0}% chose \"I don't understand\": {title}."),
                marker: marker(reference),
            });
        }
    }
    let ids: Vec<String> = criteria.iter().map(|(id, _)| id.clone()).collect();
    for (row, (_, label)) in matrix(&ids, items).iter().zip(criteria) {
        if row.thin() {
            out.push(Suggestion {
                text: format!(
                    "Thin evidence: {label} rests on {} kind(s) of source.",
                    row.kinds
                ),
                marker: None,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_come_from_the_evidence_and_carry_their_marker() {
        let item = |reference: EvidenceRef, leaning| EvidenceItem {
            reference,
            criteria: vec!["A1".into()],
            title: "T".into(),
            detail: "D".into(),
            leaning,
            suppressed: false,
        };
        let items = vec![
            item(indicator("worse"), Leaning::Challenges),
            item(indicator("same"), Leaning::Context),
            item(survey(), Leaning::Challenges),
        ];
        let hard = vec![
            (survey(), "Q".to_string(), 25.0),
            (survey(), "Q".to_string(), 5.0),
        ];
        let criteria = vec![
            ("A1".to_string(), "A1 Needs".to_string()),
            ("A2".to_string(), "A2 Decisions".to_string()),
        ];
        let s = suggest(&items, &hard, &criteria);
        let texts: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Worse than England: T (D).",
                "Low agreement: T (D).",
                "25% chose \"I don't understand\": Q.",
                "Thin evidence: A2 Decisions rests on 0 kind(s) of source.",
            ]
        );
        assert_eq!(
            s.first().and_then(|s| s.marker.clone()),
            Some("[[indicator:worse]]".to_string())
        );
    }

    fn indicator(id: &str) -> EvidenceRef {
        EvidenceRef::Indicator {
            indicator_id: id.into(),
        }
    }

    fn survey() -> EvidenceRef {
        EvidenceRef::SurveyItem {
            survey_id: 3,
            question_id: "q7".into(),
        }
    }

    #[test]
    fn paragraphs_split_at_blank_lines_with_any_line_ending() {
        assert_eq!(
            split_paragraphs("One.\r\nStill one.\r\n\r\n\r\n  Two.  \n \nThree."),
            vec!["One.\nStill one.", "Two.", "Three."]
        );
        assert!(split_paragraphs(" \n\n ").is_empty());
    }

    #[test]
    fn citations_are_taken_out_of_the_text() {
        let parsed = parse(1, "Plans are late [[indicator:ehcp_20_weeks]]. Parents agree [[survey:3:q7]] [[indicator:ehcp_20_weeks]].");
        assert_eq!(
            parsed,
            Ok(Parsed::Text {
                text: "Plans are late. Parents agree.".into(),
                citations: vec![indicator("ehcp_20_weeks"), survey()],
            })
        );
        assert_eq!(parse(2, " [[chart:3:q7]] "), Ok(Parsed::Chart(survey())));
        assert_eq!(
            parse(4, "Open [[indicator:x"),
            Err(NarrativeError::Unclosed(4))
        );
        assert!(matches!(
            parse(5, "[[chart:indicator:x]]"),
            Err(NarrativeError::NotChartable { .. })
        ));
    }

    #[test]
    fn ids_survive_edits_and_are_never_reused() {
        let available = vec![indicator("a"), survey()];
        let first = revise(
            &Narrative::default(),
            "Alpha.\n\nBeta.\n\nGamma.",
            "x",
            &available,
            &[survey()],
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        let ids: Vec<&str> = first.paragraphs.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, vec!["x-1", "x-2", "x-3"]);
        // Edit Beta, delete Gamma, add Delta at the start.
        let second = revise(
            &first,
            "Delta.\n\nAlpha.\n\nBeta, edited.",
            "x",
            &available,
            &[survey()],
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        let ids: Vec<&str> = second.paragraphs.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, vec!["x-4", "x-1", "x-2"]);
        // A new paragraph after a deletion does not take the deleted one's id.
        let third = revise(
            &second,
            "Delta.\n\nAlpha.\n\nBeta, edited.\n\nEpsilon.",
            "x",
            &available,
            &[survey()],
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(third.paragraphs.last().map(|p| p.id.as_str()), Some("x-5"));
    }

    #[test]
    fn a_paragraph_of_markers_alone_is_refused_and_revisions_change_with_any_edit() {
        let errors = revise(
            &Narrative::default(),
            "[[indicator:a]]",
            "x",
            &[indicator("a")],
            &[],
        )
        .err()
        .unwrap_or_default();
        assert_eq!(errors, vec![NarrativeError::OnlyMarkers(1)]);
        let one = revise(&Narrative::default(), "Alpha.\n\nBeta.", "x", &[], &[])
            .unwrap_or_else(|e| panic!("{e:?}"));
        let edited = revise(&one, "Alpha.\n\nBeta, edited.", "x", &[], &[])
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(one.next_number, edited.next_number, "no new id");
        assert_ne!(one.revision(), edited.revision(), "but a new revision");
        assert_eq!(one.revision(), one.clone().revision());
    }

    #[test]
    fn citations_of_other_evidence_are_refused_with_the_paragraph() {
        let errors = revise(
            &Narrative::default(),
            "Fine.\n\nBad [[document:99]].\n\n[[chart:4:q1]]",
            "x",
            &[indicator("a")],
            &[indicator("a")],
        )
        .err()
        .unwrap_or_default();
        assert_eq!(
            errors,
            vec![
                NarrativeError::UnknownCitation {
                    paragraph: 2,
                    key: "document:99".into()
                },
                NarrativeError::UnknownCitation {
                    paragraph: 3,
                    key: "chart:4:q1".into()
                },
            ]
        );
    }
}
