//! Renders the fixtures and checks the PDFs with poppler's pdfinfo/pdftotext and
//! the repository's scripts/pdf-check.py (PDF/UA-1 checklist, needs pikepdf).
//!
//! The external tools are installed by CI (`apt-get install poppler-utils`,
//! `pip install pikepdf`); where one is missing here the check that needs it is
//! skipped with a message on stderr, never silently.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::process::Command;

use area_send_pdf::{render_easy_read, render_report, PdfError};
use serde_json::{json, Value};

/// The repository root (crates/report-pdf/../..), through any symlink.
fn repo() -> PathBuf {
    let here = std::fs::canonicalize(
        // Read when run, not when built: a build cache shared between checkouts may
        // hold a binary built in a folder that has since gone.
        std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into()),
    )
    .unwrap();
    here.parent().unwrap().parent().unwrap().to_path_buf()
}

fn fixture(name: &str) -> String {
    let path = repo().join("tests/fixtures/report").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn symbols() -> Vec<(String, Vec<u8>)> {
    let dir = repo().join("templates/static/symbols");
    let mut out = vec![];
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "svg") {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            out.push((name, std::fs::read(&path).unwrap()));
        }
    }
    assert!(!out.is_empty(), "no symbols in {}", dir.display());
    out
}

/// Writes the PDF under the target directory for the command-line tools (kept
/// after the run, to look at).
fn write_temp(name: &str, pdf: &[u8]) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, pdf).unwrap();
    path
}

/// Runs a tool; `None` (with a message) when it is not installed.
fn run(tool: &str, args: &[&str], pdf: &Path) -> Option<String> {
    match Command::new(tool).args(args).arg(pdf).output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{tool} failed on {}: {}",
                pdf.display(),
                String::from_utf8_lossy(&out.stderr)
            );
            Some(String::from_utf8_lossy(&out.stdout).into_owned())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!(
                "SKIPPED: `{tool}` is not installed (apt-get install poppler-utils); \
                 its checks on {} were not run",
                pdf.display()
            );
            None
        }
        Err(e) => panic!("could not run {tool}: {e}"),
    }
}

fn pdfinfo_field(info: &str, field: &str) -> String {
    info.lines()
        .find_map(|l| l.strip_prefix(&format!("{field}:")))
        .unwrap_or_else(|| panic!("pdfinfo has no {field}:\n{info}"))
        .trim()
        .to_string()
}

fn pdftotext(pdf: &Path, layout: bool) -> Option<String> {
    let mut args = vec!["-enc", "UTF-8"];
    if layout {
        args.push("-layout");
    }
    let out = match Command::new("pdftotext")
        .args(&args)
        .arg(pdf)
        .arg("-")
        .output()
    {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!(
                "SKIPPED: `pdftotext` is not installed (apt-get install poppler-utils); \
                 text checks on {} were not run",
                pdf.display()
            );
            return None;
        }
        Err(e) => panic!("could not run pdftotext: {e}"),
    };
    assert!(out.status.success(), "pdftotext failed");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect()
}

/// Asserts each needle appears, in this order.
fn assert_in_order(text: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        let at = text[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not found (in order) in:\n{text}"));
        from += at + needle.len();
    }
}

/// scripts/pdf-check.py must pass; skipped (with a message) without python3 or pikepdf.
fn pdf_check(pdf: &Path) {
    let script = repo().join("scripts/pdf-check.py");
    let probe = Command::new("python3")
        .args(["-c", "import pikepdf"])
        .output();
    match probe {
        Ok(out) if out.status.success() => {}
        _ => {
            eprintln!(
                "SKIPPED: python3 with pikepdf is not available (pip install pikepdf); \
                 scripts/pdf-check.py was not run on {}",
                pdf.display()
            );
            return;
        }
    }
    let out = Command::new("python3")
        .arg(&script)
        .arg(pdf)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pdf-check.py failed on {}:\n{}{}",
        pdf.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn report_fixture_renders_as_tagged_pdf_with_headings_in_order() {
    let json = fixture("outcome3.json");
    let pdf = render_report(&json).unwrap();
    assert!(pdf.starts_with(b"%PDF"), "not a PDF");
    let path = write_temp("outcome3.pdf", &pdf);

    if let Some(info) = run("pdfinfo", &[], &path) {
        assert_eq!(pdfinfo_field(&info, "Tagged"), "yes", "{info}");
        assert_eq!(
            pdfinfo_field(&info, "Title"),
            "Area SEND inspection of Northby Local Area Partnership"
        );
        assert_eq!(
            pdfinfo_field(&info, "Page size"),
            "595.276 x 841.89 pts (A4)"
        );
    }

    for layout in [false, true] {
        let Some(text) = pdftotext(&path, layout) else {
            break;
        };
        let text = flat(&text);
        assert_in_order(
            &text,
            &[
                "Area SEND inspection of Northby Local Area Partnership",
                "Inspection dates: 2 to 6 June 2025",
                "Dates of previous inspection: 14 to 18 May 2018",
                "Inspection outcome",
                "1. There are widespread or systemic failings",
                "Information about the local area partnership",
                "4. Northby Council",
                "What is it like to be a child or young person with SEND in this area?",
                "Parents and carers: My child gets the right help at the right time",
                "Agree",
                "31%",
                "not shown (too few)",
                "Based on 212 answers.",
                "What is the area partnership doing that is effective?",
                "8. Early years practitioners identify needs quickly.",
                "Areas for priority action",
                "Areas for priority action and the body responsible for each",
                "Responsible body",
                "Areas for priority action",
                "11.",
                "Local area partnership details",
                "Local authority",
                "Integrated care board",
                "Information about this inspection",
                "Inspection team",
                "17. Alex Lead, Ofsted lead inspector",
            ],
        );
        for header in [
            "No.",
            "Responsible body",
            "Areas for improvement",
            "Local authority",
        ] {
            assert!(text.contains(header), "table header {header:?} missing");
        }
        // Citations are for inspectors' copies only.
        assert!(
            !text.contains("EHC plans issued within 20 weeks"),
            "a citation was printed"
        );
        assert!(!text.contains("ehcp_20_weeks"), "a citation was printed");
        // Footer on every page.
        assert!(text.contains("Page 1 of"), "no page footer");
        assert!(
            text.contains(
                "Area SEND inspection of Northby Local Area Partnership, 2 to 6 June 2025"
            ),
            "no footer text"
        );
    }
    pdf_check(&path);
}

#[test]
fn easy_read_fixture_renders_with_symbols() {
    let json = fixture("easy-read.json");
    let pdf = render_easy_read(&json, &symbols()).unwrap();
    assert!(pdf.starts_with(b"%PDF"), "not a PDF");
    let path = write_temp("easy-read.pdf", &pdf);

    if let Some(info) = run("pdfinfo", &[], &path) {
        assert_eq!(pdfinfo_field(&info, "Tagged"), "yes", "{info}");
        assert_eq!(
            pdfinfo_field(&info, "Title"),
            "What we found in Northby: an easy-read summary"
        );
    }
    if let Some(text) = pdftotext(&path, false) {
        assert_in_order(
            &flat(&text),
            &[
                "What we found in Northby: an easy-read summary",
                "We talked to children, young people and families.",
                "Many children wait too long for help.",
                "The council and the NHS must fix this quickly.",
                "Easy-read summary, Northby, 2 to 6 June 2025",
                "Page 1 of 1",
            ],
        );
    }
    pdf_check(&path);
}

/// Text with typst's markup and code characters prints exactly as written.
#[test]
fn hostile_text_prints_literally() {
    let hostile = r#"#set page(fill: red) $x^2$ *bold* _em_ <label> @ref \ [a] ] [ // /* `raw` = Heading ~ -- "q" 'q'"#;
    let mut report: Value = serde_json::from_str(&fixture("outcome3.json")).unwrap();
    report["title"] = json!(format!("Report {hostile}"));
    report["footer"] = json!(format!("Footer {hostile}"));
    report["previous_inspection"] = json!(null);
    let sections = report["sections"].as_array_mut().unwrap();
    sections[0]["heading"] = json!(format!("Heading {hostile}"));
    sections[0]["blocks"][0]["text"] = json!(format!("Paragraph {hostile}"));
    sections[0]["blocks"]
        .as_array_mut()
        .unwrap()
        .push(json!({"type": "subheading", "text": format!("Sub {hostile}")}));
    let report = report.to_string();

    let pdf = render_report(&report).unwrap();
    let path = write_temp("hostile.pdf", &pdf);
    if let Some(info) = run("pdfinfo", &[], &path) {
        assert_eq!(pdfinfo_field(&info, "Title"), format!("Report {hostile}"));
    }
    if let Some(text) = pdftotext(&path, false) {
        // pdftotext may split a kerned pair ("/ *") in large bold text, so
        // compare without whitespace.
        let text = squeeze(&text);
        for prefix in ["Report", "Heading", "1. Paragraph", "Sub", "Footer"] {
            let expected = squeeze(&format!("{prefix} {hostile}"));
            assert!(
                text.contains(&expected),
                "{expected:?} not printed literally in:\n{text}"
            );
        }
        assert!(!text.contains("Dates of previous inspection"));
    }
    pdf_check(&path);

    let mut summary: Value = serde_json::from_str(&fixture("easy-read.json")).unwrap();
    summary["points"][0]["text"] = json!(hostile);
    summary["points"][0]["symbol_label"] = json!(hostile);
    let pdf = render_easy_read(&summary.to_string(), &symbols()).unwrap();
    let path = write_temp("hostile-easy-read.pdf", &pdf);
    if let Some(text) = pdftotext(&path, false) {
        assert!(
            squeeze(&text).contains(&squeeze(hostile)),
            "not literal:\n{text}"
        );
    }
    pdf_check(&path);
}

#[test]
fn bad_json_is_an_error() {
    let err = render_report("{ not json").unwrap_err();
    assert!(matches!(err, PdfError::InvalidJson { .. }), "{err:?}");
    assert!(
        err.to_string().starts_with("the report JSON is not valid"),
        "{err}"
    );

    let err = render_easy_read("", &symbols()).unwrap_err();
    assert!(matches!(err, PdfError::InvalidJson { .. }), "{err:?}");
}

#[test]
fn missing_field_is_an_error() {
    let mut report: Value = serde_json::from_str(&fixture("outcome3.json")).unwrap();
    report.as_object_mut().unwrap().remove("footer");
    let err = render_report(&report.to_string()).unwrap_err();
    assert!(err.to_string().contains("missing field `footer`"), "{err}");

    let mut report: Value = serde_json::from_str(&fixture("outcome3.json")).unwrap();
    report["sections"][2]["blocks"][1]
        .as_object_mut()
        .unwrap()
        .remove("bars");
    let err = render_report(&report.to_string()).unwrap_err();
    assert!(err.to_string().contains("missing field `bars`"), "{err}");

    let mut report: Value = serde_json::from_str(&fixture("outcome3.json")).unwrap();
    report["sections"][0]["blocks"][0]["type"] = json!("poem");
    let err = render_report(&report.to_string()).unwrap_err();
    assert!(err.to_string().contains("unknown variant `poem`"), "{err}");
}

#[test]
fn unknown_symbol_is_an_error() {
    let mut summary: Value = serde_json::from_str(&fixture("easy-read.json")).unwrap();
    summary["points"][1]["symbol"] = json!("unicorn");
    let err = render_easy_read(&summary.to_string(), &symbols()).unwrap_err();
    assert!(
        matches!(&err, PdfError::UnknownSymbol { point, symbol } if point == "e-2" && symbol == "unicorn"),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "easy-read point \"e-2\" uses the symbol \"unicorn\", which was not supplied"
    );
}

#[test]
fn unreadable_symbol_is_an_error() {
    let symbols = vec![
        ("talk".to_string(), b"not an svg".to_vec()),
        ("waiting".to_string(), b"<svg".to_vec()),
        ("help".to_string(), vec![]),
    ];
    let err = render_easy_read(&fixture("easy-read.json"), &symbols).unwrap_err();
    assert!(matches!(err, PdfError::Layout { .. }), "{err:?}");
}

/// PDF/UA-1 refuses a document without a title or with an empty heading.
#[test]
fn empty_title_or_heading_is_refused() {
    let mut report: Value = serde_json::from_str(&fixture("outcome3.json")).unwrap();
    report["title"] = json!("");
    let err = render_report(&report.to_string()).unwrap_err();
    assert!(
        matches!(err, PdfError::Export { .. } | PdfError::Layout { .. }),
        "{err:?}"
    );

    let mut report: Value = serde_json::from_str(&fixture("outcome3.json")).unwrap();
    report["sections"][1]["heading"] = json!("");
    let err = render_report(&report.to_string()).unwrap_err();
    assert!(
        matches!(err, PdfError::Export { .. } | PdfError::Layout { .. }),
        "{err:?}"
    );

    let mut summary: Value = serde_json::from_str(&fixture("easy-read.json")).unwrap();
    summary["points"][0]["symbol_label"] = json!("");
    let result = render_easy_read(&summary.to_string(), &symbols());
    assert!(result.is_err(), "an image without alt text was accepted");
}

#[test]
fn ragged_table_and_bad_language_are_errors() {
    let mut report: Value = serde_json::from_str(&fixture("outcome3.json")).unwrap();
    report["sections"][7]["blocks"][0]["rows"][0]["cells"]
        .as_array_mut()
        .unwrap()
        .push(json!("extra"));
    let err = render_report(&report.to_string()).unwrap_err();
    assert!(
        err.to_string().contains("has 3 cells but the table"),
        "{err}"
    );

    let mut report: Value = serde_json::from_str(&fixture("outcome3.json")).unwrap();
    report["language"] = json!("English");
    let err = render_report(&report.to_string()).unwrap_err();
    assert!(matches!(err, PdfError::InvalidInput { .. }), "{err:?}");
}

/// Long tables break across pages and repeat their header row.
#[test]
fn long_table_repeats_its_header() {
    let mut report: Value = serde_json::from_str(&fixture("outcome3.json")).unwrap();
    let rows: Vec<Value> = (0..60)
        .map(|i| {
            json!({"id": format!("r{i}"), "number": 100 + i,
                   "cells": ["Northby Council", format!("Action {i}: leaders should act.")]})
        })
        .collect();
    report["sections"][5]["blocks"][0]["rows"] = json!(rows);
    let pdf = render_report(&report.to_string()).unwrap();
    let path = write_temp("long-table.pdf", &pdf);
    if let Some(text) = pdftotext(&path, false) {
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| p.contains("Action "))
            .collect();
        assert!(pages.len() >= 2, "the table did not break across pages");
        for page in pages {
            assert!(
                page.contains("Responsible body"),
                "header not repeated:\n{page}"
            );
        }
    }
    pdf_check(&path);
}

#[test]
fn renders_from_several_threads() {
    let json = fixture("outcome3.json");
    let handles: Vec<_> = (0..3)
        .map(|_| {
            let json = json.clone();
            std::thread::spawn(move || render_report(&json).map(|pdf| pdf.len()))
        })
        .collect();
    for handle in handles {
        assert!(handle.join().unwrap().unwrap() > 1000);
    }
}

/// Control characters are dropped; characters the bundled font lacks (emoji,
/// CJK, Arabic) give a clear error, never a panic; accented Latin, Greek and
/// Cyrillic print.
#[test]
fn unusual_characters() {
    let with_text = |text: &str| {
        let mut report: Value = serde_json::from_str(&fixture("outcome3.json")).unwrap();
        report["sections"][0]["blocks"][0]["text"] = json!(text);
        render_report(&report.to_string())
    };
    for text in [
        "Control \u{0} \u{7} \u{1b}[31m chars\ttab\r\nnext line \u{85}",
        "Combining e\u{301} and a\u{300}\u{301}\u{302}\u{303}",
        "Welsh: Ŵ ŵ Ŷ ŷ; Polish: Łódź; Greek: αβγ; Cyrillic: Жж; “quotes” – dash…",
    ] {
        let pdf = with_text(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        let path = write_temp("unusual.pdf", &pdf);
        pdf_check(&path);
    }
    for text in [
        "Emoji 😀 in a quote",
        "Chinese 中文 name",
        "Arabic العربية text",
    ] {
        let err = with_text(text).unwrap_err();
        assert!(matches!(err, PdfError::Export { .. }), "{err:?}");
        assert!(err.to_string().contains("could not be displayed"), "{err}");
    }
}
