//! The easy-read summary for children, young people and families: points the
//! inspector writes, each with a symbol beside it, checked against the same
//! easy-read rules as the children's survey. area-send suggests points drawn from
//! the findings; it never writes them into the summary itself.

use serde::{Deserialize, Serialize};

use super::findings::{Finding, FindingKind};
use super::framework::Framework;
use super::report::{EasyReadPoint, EasyReadSummary};

/// The symbols a point can have, with what each shows (its alternative text).
pub const SYMBOLS: [(&str, &str); 16] = [
    ("yes", "A tick"),
    ("no", "A cross"),
    ("help", "A helping hand"),
    ("waiting", "A clock"),
    ("talk", "Two people talking"),
    ("plan", "A plan on paper"),
    ("school", "A school"),
    ("doctor", "A doctor"),
    ("home", "A house"),
    ("people", "A group of people"),
    ("community", "Buildings in a town"),
    ("friends", "Friends together"),
    ("future", "A path going forward"),
    ("happy-place", "A happy place"),
    ("question", "A question mark"),
    ("face-4", "A big smile"),
];

pub fn symbol_label(symbol: &str) -> Option<&'static str> {
    SYMBOLS.iter().find(|(s, _)| *s == symbol).map(|(_, l)| *l)
}

/// Easy-read rules (as for the children's survey): short sentences in everyday
/// words, no capitals for emphasis.
pub const MAX_WORDS_PER_SENTENCE: usize = 15;
pub const MAX_SENTENCES: usize = 2;
pub const MAX_POINTS: usize = 12;

/// A stored point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredPoint {
    pub id: String,
    pub text: String,
    pub symbol: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EasyReadError {
    #[error("Point {point}: a sentence has {words} words. Keep each sentence to {MAX_WORDS_PER_SENTENCE} words or fewer.")]
    SentenceTooLong { point: usize, words: usize },
    #[error("Point {0}: keep each point to one or two sentences.")]
    TooManySentences(usize),
    #[error("Point {0}: do not write words in capitals for emphasis. Capitals are hard to read.")]
    Capitals(usize),
    #[error("Point {0}: choose a symbol from the list.")]
    SymbolUnknown(usize),
    #[error("Point {0}: write the point, or leave its symbol empty too.")]
    TextMissing(usize),
    #[error("The summary can have at most {MAX_POINTS} points.")]
    TooManyPoints,
    #[error("Point {0}: keep each point to {MAX_CHARS} characters or fewer.")]
    TooLong(usize),
}

impl EasyReadError {
    /// The point a problem is about (the first, for the whole summary).
    pub fn point(&self) -> usize {
        match self {
            EasyReadError::SentenceTooLong { point, .. } => *point,
            EasyReadError::TooManySentences(p)
            | EasyReadError::Capitals(p)
            | EasyReadError::SymbolUnknown(p)
            | EasyReadError::TextMissing(p)
            | EasyReadError::TooLong(p) => *p,
            EasyReadError::TooManyPoints => 1,
        }
    }
}

/// Two sentences of 15 short words fit easily.
pub const MAX_CHARS: usize = 200;

fn sentences(text: &str) -> Vec<&str> {
    text.split_inclusive(['.', '!', '?'])
        .map(str::trim)
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .collect()
}

/// Check one point's text against the easy-read rules; `point` numbers it for messages.
pub fn check_text(point: usize, text: &str) -> Vec<EasyReadError> {
    let mut errors = vec![];
    if text.chars().count() > MAX_CHARS {
        errors.push(EasyReadError::TooLong(point));
    }
    let sentences = sentences(text);
    if sentences.len() > MAX_SENTENCES {
        errors.push(EasyReadError::TooManySentences(point));
    }
    if let Some(words) = sentences
        .iter()
        .map(|s| s.split_whitespace().count())
        .find(|w| *w > MAX_WORDS_PER_SENTENCE)
    {
        errors.push(EasyReadError::SentenceTooLong { point, words });
    }
    // A word of four or more letters all in capitals is shouting, except known
    // initialisms people meet every day.
    let shouting = text.split(|c: char| !c.is_alphabetic()).any(|w| {
        w.chars().count() >= 4
            && w.chars().all(|c| c.is_uppercase())
            && !matches!(w, "SEND" | "SENCO" | "CAMHS")
    });
    if shouting {
        errors.push(EasyReadError::Capitals(point));
    }
    errors
}

/// Check what was typed (text and symbol per row, blank rows ignored) and keep
/// each row's id where it had one (ids not already stored are replaced).
pub fn revise(
    old: &[StoredPoint],
    next_number: i32,
    rows: &[(String, String, String)],
) -> Result<(Vec<StoredPoint>, i32), Vec<EasyReadError>> {
    let mut errors = vec![];
    let mut points = vec![];
    let mut next = next_number.max(1);
    let filled: Vec<&(String, String, String)> = rows
        .iter()
        .filter(|(_, text, symbol)| !text.trim().is_empty() || !symbol.trim().is_empty())
        .collect();
    if filled.len() > MAX_POINTS {
        return Err(vec![EasyReadError::TooManyPoints]);
    }
    for (i, (id, text, symbol)) in filled.into_iter().enumerate() {
        let n = i + 1;
        let text = text.trim();
        if text.is_empty() {
            errors.push(EasyReadError::TextMissing(n));
            continue;
        }
        if symbol_label(symbol).is_none() {
            errors.push(EasyReadError::SymbolUnknown(n));
        }
        errors.extend(check_text(n, text));
        let id = if old.iter().any(|p| &p.id == id)
            && !points.iter().any(|p: &StoredPoint| &p.id == id)
        {
            id.clone()
        } else {
            let fresh = format!("e-{next}");
            next += 1;
            fresh
        };
        points.push(StoredPoint {
            id,
            text: text.to_string(),
            symbol: symbol.to_string(),
        });
    }
    if errors.is_empty() {
        Ok((points, next))
    } else {
        Err(errors)
    }
}

/// A point area-send suggests, for the inspector to take or leave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub text: String,
    pub symbol: &'static str,
}

/// Suggested points: what inspectors did, then per criterion what is going well,
/// what needs to get better and what must get better quickly.
pub fn suggest(framework: &Framework, area: &str, findings: &[Finding]) -> Vec<Suggestion> {
    let mut out = vec![Suggestion {
        text: format!("Inspectors looked at SEND help in {area}."),
        symbol: "people",
    }];
    let mut seen = std::collections::BTreeSet::new();
    for kind in [
        FindingKind::Strength,
        FindingKind::AreaForImprovement,
        FindingKind::AreaForPriorityAction,
    ] {
        for f in findings.iter().filter(|f| f.kind == kind) {
            if !seen.insert((kind, f.criterion_id.clone())) {
                continue;
            }
            let Some(words) = framework
                .criterion(&f.criterion_id)
                .and_then(|c| c.easy_read.clone())
            else {
                continue;
            };
            let (text, symbol) = match kind {
                FindingKind::Strength => (format!("{words}: this is going well."), "yes"),
                FindingKind::AreaForImprovement => {
                    (format!("{words}: this needs to get better."), "help")
                }
                FindingKind::AreaForPriorityAction => {
                    (format!("{words}: this must get better quickly."), "waiting")
                }
            };
            out.push(Suggestion { text, symbol });
        }
    }
    out
}

/// The summary as saved with a draft.
pub fn summary(
    title: String,
    partnership: &str,
    inspection_dates: &str,
    points: &[StoredPoint],
) -> EasyReadSummary {
    EasyReadSummary {
        footer: format!("{title}: {inspection_dates}"),
        title,
        language: super::report::LANGUAGE.to_string(),
        partnership: partnership.to_string(),
        inspection_dates: inspection_dates.to_string(),
        points: points
            .iter()
            .map(|p| EasyReadPoint {
                id: p.id.clone(),
                text: p.text.clone(),
                symbol: p.symbol.clone(),
                symbol_label: symbol_label(&p.symbol).unwrap_or("").to_string(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_sentences_capitals_and_too_many_sentences_are_refused() {
        assert!(check_text(1, "Many children wait too long for help.").is_empty());
        assert!(check_text(1, "The SEND team listens. Things are better.").is_empty());
        let long = "This sentence has far too many words in it for a reader who finds reading hard to follow easily.";
        assert_eq!(
            check_text(2, long),
            vec![EasyReadError::SentenceTooLong {
                point: 2,
                words: 19
            }]
        );
        assert_eq!(
            check_text(3, "This is VERY bad."),
            vec![EasyReadError::Capitals(3)]
        );
        assert_eq!(
            check_text(4, "One. Two. Three."),
            vec![EasyReadError::TooManySentences(4)]
        );
    }

    #[test]
    fn every_suggestion_keeps_the_easy_read_rules() {
        let framework: Framework =
            serde_json::from_str(include_str!("../../framework/framework.json"))
                .unwrap_or_else(|e| panic!("{e}"));
        let findings: Vec<Finding> = framework
            .areas
            .iter()
            .flat_map(|a| a.criteria.iter())
            .flat_map(|c| {
                FindingKind::ALL.into_iter().map(move |kind| Finding {
                    id: 0,
                    criterion_id: c.id.clone(),
                    kind,
                    text: String::new(),
                    evidence: vec![],
                    responsible: None,
                    addressed_to: None,
                    in_hand: false,
                    group: None,
                    position: 0,
                })
            })
            .collect();
        let all = suggest(&framework, "Bath and North East Somerset", &findings);
        assert_eq!(all.len(), 1 + findings.len());
        for (i, s) in all.iter().enumerate() {
            assert_eq!(check_text(i + 1, &s.text), vec![], "{}", s.text);
        }
    }

    #[test]
    fn rows_keep_their_ids_and_new_rows_get_fresh_ones() {
        let old = vec![StoredPoint {
            id: "e-1".into(),
            text: "Old.".into(),
            symbol: "yes".into(),
        }];
        let rows = vec![
            ("e-1".to_string(), "Changed.".to_string(), "yes".to_string()),
            (String::new(), String::new(), String::new()),
            (
                "e-9".to_string(),
                "Tampered id.".to_string(),
                "help".to_string(),
            ),
        ];
        let (points, next) = revise(&old, 2, &rows).unwrap_or_else(|e| panic!("{e:?}"));
        let ids: Vec<&str> = points.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, vec!["e-1", "e-2"]);
        assert_eq!(next, 3);
        let bad = vec![("".to_string(), "Text.".to_string(), "rocket".to_string())];
        assert_eq!(
            revise(&old, 2, &bad),
            Err(vec![EasyReadError::SymbolUnknown(1)])
        );
    }

    #[test]
    fn every_symbol_has_a_file() {
        for (symbol, _) in SYMBOLS {
            let path = format!(
                "{}/templates/static/symbols/{symbol}.svg",
                env!("CARGO_MANIFEST_DIR")
            );
            assert!(std::path::Path::new(&path).exists(), "{path}");
        }
    }
}
