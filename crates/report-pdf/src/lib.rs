//! Tagged PDF/UA-1 rendering of area SEND inspection reports and easy-read
//! summaries, with typst as a library.
//!
//! The input is the report model as JSON (the shapes of `Report` and
//! `EasyReadSummary` in area-send's `src/domain/report.rs`). The JSON is checked
//! and stripped of what is not printed (citations), then handed to a typst
//! template as bytes that the template reads with `json(..)`: every text is a
//! string value there and prints literally, whatever characters it holds.
//!
//! The PDF is exported with typst's PDF/UA-1 validator, so a document without a
//! title, an empty heading or an image without alternative text is refused
//! rather than written.
//!
//! Fonts (Noto Sans, SIL Open Font License, see `fonts/OFL.txt`) are compiled
//! into the crate; system fonts are never used. The typst engine and its font
//! book are built once per process.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::OnceLock;

use typst::diag::SourceDiagnostic;
use typst::foundations::{Bytes, Dict, Value};
use typst_as_lib::{TypstAsLibError, TypstEngine};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

mod model;

/// Why a PDF could not be made. The message says what was wrong in words.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PdfError {
    /// The input is not JSON, or not the expected shape (a field is missing or
    /// has the wrong type).
    #[error("the {document} JSON is not valid: {source}")]
    InvalidJson {
        document: &'static str,
        #[source]
        source: serde_json::Error,
    },
    /// The JSON has the right shape but something in it cannot be printed.
    #[error("the {document} cannot be printed: {reason}")]
    InvalidInput {
        document: &'static str,
        reason: String,
    },
    /// An easy-read point names a symbol that was not supplied.
    #[error("easy-read point {point:?} uses the symbol {symbol:?}, which was not supplied")]
    UnknownSymbol { point: String, symbol: String },
    /// Typst could not lay the document out (an unreadable SVG symbol, say).
    #[error("the {document} could not be laid out: {message}")]
    Layout {
        document: &'static str,
        message: String,
    },
    /// The laid-out document could not be written as PDF/UA-1 (an empty title or
    /// heading, for example).
    #[error("the {document} could not be written as PDF/UA-1: {message}")]
    Export {
        document: &'static str,
        message: String,
    },
    /// The renderer failed unexpectedly; no PDF was made.
    #[error("the {document} could not be rendered: internal error in the PDF renderer")]
    Internal { document: &'static str },
}

const REPORT: &str = "report";
const EASY_READ: &str = "easy-read summary";

static FONTS: [&[u8]; 4] = [
    include_bytes!("../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../fonts/NotoSans-Bold.ttf"),
    include_bytes!("../fonts/NotoSans-Italic.ttf"),
    include_bytes!("../fonts/NotoSans-BoldItalic.ttf"),
];

static TEMPLATES: [(&str, &str); 3] = [
    ("common.typ", include_str!("../templates/common.typ")),
    ("report.typ", include_str!("../templates/report.typ")),
    ("easy-read.typ", include_str!("../templates/easy-read.typ")),
];

/// The typst engine: fonts, font book, library and templates, built once.
fn engine() -> &'static TypstEngine {
    static ENGINE: OnceLock<TypstEngine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        TypstEngine::builder()
            .fonts(FONTS)
            .with_static_source_file_resolver(TEMPLATES)
            .build()
    })
}

/// Renders a report (the `Report` model as JSON) to a tagged PDF/UA-1 file.
///
/// Citations are left out: they are for inspectors' copies.
pub fn render_report(report_json: &str) -> Result<Vec<u8>, PdfError> {
    let report: model::Report = parse(REPORT, report_json)?;
    for section in &report.sections {
        for block in &section.blocks {
            if let model::Block::Table(table) = block {
                check_table(table)?;
            }
        }
    }
    let mut inputs = language_inputs(REPORT, &report.language)?;
    inputs.insert("report".into(), json_bytes(REPORT, &report)?);
    render("report.typ", REPORT, inputs)
}

/// Renders an easy-read summary (the `EasyReadSummary` model as JSON) to a
/// tagged PDF/UA-1 file.
///
/// symbols: (name, svg bytes) pairs; each point's `symbol` names one of them.
pub fn render_easy_read(
    summary_json: &str,
    symbols: &[(String, Vec<u8>)],
) -> Result<Vec<u8>, PdfError> {
    let summary: model::EasyReadSummary = parse(EASY_READ, summary_json)?;
    let mut used = Dict::new();
    for point in &summary.points {
        let svg = symbols
            .iter()
            .find(|(name, _)| *name == point.symbol)
            .map(|(_, svg)| svg)
            .ok_or_else(|| PdfError::UnknownSymbol {
                point: point.id.clone(),
                symbol: point.symbol.clone(),
            })?;
        used.insert(
            point.symbol.as_str().into(),
            Value::Bytes(Bytes::new(svg.clone())),
        );
    }
    let mut inputs = language_inputs(EASY_READ, &summary.language)?;
    inputs.insert("summary".into(), json_bytes(EASY_READ, &summary)?);
    inputs.insert("symbols".into(), Value::Dict(used));
    render("easy-read.typ", EASY_READ, inputs)
}

fn parse<T: serde::de::DeserializeOwned>(
    document: &'static str,
    json: &str,
) -> Result<T, PdfError> {
    let invalid = |source| PdfError::InvalidJson { document, source };
    let mut value: serde_json::Value = serde_json::from_str(json).map_err(invalid)?;
    strip_control_characters(&mut value);
    serde_json::from_value(value).map_err(invalid)
}

/// Control characters (a stray escape or bell pasted in with the text) have no
/// glyph and PDF/UA-1 forbids printing a missing glyph, so they are dropped; a
/// tab becomes a space. Line breaks are kept.
fn strip_control_characters(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(s) if s.chars().any(|c| c.is_control() && c != '\n') => {
            *s = s
                .chars()
                .filter_map(|c| match c {
                    '\t' => Some(' '),
                    '\n' => Some('\n'),
                    c if c.is_control() => None,
                    c => Some(c),
                })
                .collect();
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_control_characters),
        serde_json::Value::Object(fields) => fields.values_mut().for_each(strip_control_characters),
        _ => {}
    }
}

fn json_bytes<T: serde::Serialize>(document: &'static str, value: &T) -> Result<Value, PdfError> {
    serde_json::to_vec(value)
        .map(|bytes| Value::Bytes(Bytes::new(bytes)))
        .map_err(|source| PdfError::InvalidJson { document, source })
}

/// Every row of a table must fill the header's columns exactly, or the cells
/// would shift into the wrong columns.
fn check_table(table: &model::Table) -> Result<(), PdfError> {
    for row in &table.rows {
        if row.cells.len() != table.header.len() {
            return Err(PdfError::InvalidInput {
                document: REPORT,
                reason: format!(
                    "table row {:?} (number {}) has {} cells but the table {:?} has {} columns",
                    row.id,
                    row.number,
                    row.cells.len(),
                    table.caption,
                    table.header.len()
                ),
            });
        }
    }
    Ok(())
}

/// `language` ("en-GB") as typst's `lang` ("en") and `region` ("GB" or none).
fn language_inputs(document: &'static str, language: &str) -> Result<Dict, PdfError> {
    let (lang, region) = match language.split_once('-') {
        Some((lang, region)) => (lang, Some(region)),
        None => (language, None),
    };
    let letters = |s: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphabetic())
    };
    if !letters(lang, 2..=3) || !region.is_none_or(|r| letters(r, 2..=2)) {
        return Err(PdfError::InvalidInput {
            document,
            reason: format!("the language {language:?} is not a language tag such as \"en-GB\""),
        });
    }
    let mut inputs = Dict::new();
    inputs.insert("lang".into(), Value::Str(lang.to_ascii_lowercase().into()));
    inputs.insert(
        "region".into(),
        region.map_or(Value::None, |r| Value::Str(r.to_ascii_uppercase().into())),
    );
    Ok(inputs)
}

fn render(main: &str, document: &'static str, inputs: Dict) -> Result<Vec<u8>, PdfError> {
    let run = || -> Result<Vec<u8>, PdfError> {
        let doc: PagedDocument =
            engine()
                .compile_with_input(main, inputs)
                .output
                .map_err(|err| PdfError::Layout {
                    document,
                    message: describe_engine_error(err),
                })?;
        let standards =
            PdfStandards::new(&[PdfStandard::Ua_1]).map_err(|err| PdfError::Export {
                document,
                message: err.message().to_string(),
            })?;
        let options = PdfOptions {
            standards,
            tagged: true,
            ..PdfOptions::default()
        };
        typst_pdf::pdf(&doc, &options).map_err(|diagnostics| PdfError::Export {
            document,
            message: describe_diagnostics(&diagnostics),
        })
    };
    // Typst is not expected to panic, but a web service must not lose a worker
    // thread to one bad report.
    catch_unwind(AssertUnwindSafe(run)).unwrap_or(Err(PdfError::Internal { document }))
}

fn describe_engine_error(err: TypstAsLibError) -> String {
    match err {
        TypstAsLibError::TypstSource(diagnostics) => describe_diagnostics(&diagnostics),
        TypstAsLibError::HintedString(hinted) => hinted.message().to_string(),
        other => other.to_string(),
    }
}

fn describe_diagnostics(diagnostics: &[SourceDiagnostic]) -> String {
    let mut parts = Vec::new();
    for diagnostic in diagnostics {
        let mut text = diagnostic.message.to_string();
        for hint in &diagnostic.hints {
            text.push_str(" (hint: ");
            text.push_str(&hint.v);
            text.push(')');
        }
        parts.push(text);
    }
    if parts.is_empty() {
        "unknown typst error".to_string()
    } else {
        parts.join("; ")
    }
}
