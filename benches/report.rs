//! Rendering the report: a 60-paragraph report with two charts and a priority action
//! table, as HTML, PDF and DOCX from the one model. Run with
//! `cargo bench --bench report` (release build).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::time::{Duration, Instant};

use area_send::domain::report::{
    Block, Chart, ChartBar, Paragraph, Report, ReportOutcome, Section, SectionKind, Table, TableRow,
};

fn paragraph(n: &mut u32, id: String) -> Paragraph {
    *n += 1;
    Paragraph {
        id,
        number: *n,
        text: "Children and young people with SEND wait too long for their needs to be assessed, \
               and families say they have to chase every step; leaders know this and have begun \
               to act, but the changes have not yet reached most families."
            .into(),
        citations: vec![],
    }
}

fn chart(n: &mut u32, id: &str) -> Block {
    *n += 1;
    let bars: Vec<ChartBar> = [
        ("Agree", Some(41.0)),
        ("Neither", Some(18.0)),
        ("Disagree", Some(37.0)),
        ("Don't know", None),
    ]
    .iter()
    .map(|(l, p)| ChartBar {
        label: l.to_string(),
        percent: *p,
        display: p.map_or("not shown (too few answers)".into(), |p| format!("{p:.0}%")),
    })
    .collect();
    Block::Chart(Chart {
        id: id.into(),
        number: *n,
        title: "Parents and carers: my child gets the right help at the right time".into(),
        description: "Bar chart. Agree: 41%; Neither: 18%; Disagree: 37%; Don't know: not shown."
            .into(),
        bars,
        note: "Based on 212 answers.".into(),
    })
}

/// 60 numbered paragraphs in the written sections, two charts, four priority actions.
fn report() -> Report {
    let mut n = 0;
    let mut sections = vec![];
    for (kind, heading, count) in [
        (
            SectionKind::Experience,
            "What is it like to be a child or young person with SEND in this area?",
            30,
        ),
        (
            SectionKind::Effective,
            "What is the area partnership doing that is effective?",
            15,
        ),
        (
            SectionKind::Better,
            "What does the area partnership need to do better?",
            15,
        ),
    ] {
        let mut blocks: Vec<Block> = (0..count)
            .map(|i| Block::Paragraph(paragraph(&mut n, format!("{}-{i}", kind.as_str()))))
            .collect();
        if kind == SectionKind::Experience {
            blocks.insert(5, chart(&mut n, "chart-a"));
            blocks.insert(20, chart(&mut n, "chart-b"));
        }
        sections.push(Section {
            kind,
            heading: heading.into(),
            blocks,
        });
    }
    let rows = (0..4)
        .map(|i| {
            n += 1;
            TableRow {
                id: format!("f-{i}"),
                number: n,
                cells: vec![
                    "Northby Council and Northby and Southby ICB".into(),
                    "Leaders should make sure that education, health and care plans are issued within 20 weeks and are of good quality.".into(),
                ],
                citations: vec![],
            }
        })
        .collect();
    sections.push(Section {
        kind: SectionKind::PriorityActions,
        heading: "Areas for priority action".into(),
        blocks: vec![Block::Table(Table {
            caption: "Areas for priority action, with the body responsible for each".into(),
            header: vec![
                "Responsible body".into(),
                "Areas for priority action".into(),
            ],
            rows,
        })],
    });
    Report {
        title: "Area SEND inspection of Northby Local Area Partnership".into(),
        language: "en-GB".into(),
        partnership: "Northby Local Area Partnership".into(),
        inspection_dates: "2 to 6 June 2025".into(),
        previous_inspection: None,
        footer: "Area SEND inspection of Northby Local Area Partnership: 2 to 6 June 2025".into(),
        outcome: ReportOutcome {
            id: 3,
            label: "Outcome 3".into(),
        },
        sections,
    }
}

fn time(what: &str, runs: u32, mut f: impl FnMut() -> usize) {
    let first = {
        let t = Instant::now();
        std::hint::black_box(f());
        t.elapsed()
    };
    let mut total = Duration::ZERO;
    let mut best = Duration::MAX;
    let mut bytes = 0;
    for _ in 0..runs {
        let t = Instant::now();
        bytes = std::hint::black_box(f());
        let e = t.elapsed();
        total += e;
        best = best.min(e);
    }
    println!(
        "| {what} | {:.1} ms | {:.1} ms | {:.1} ms | {} KB |",
        first.as_secs_f64() * 1000.0,
        total.as_secs_f64() * 1000.0 / f64::from(runs),
        best.as_secs_f64() * 1000.0,
        bytes / 1024
    );
}

fn main() {
    let report = report();
    assert_eq!(report.units().len(), 66);
    let words = area_send::catalogue::shipped_words().unwrap();
    let templates = area_send::web::templates::registry(&words).unwrap();
    println!("| format | first render | mean of the rest | best | size |");
    println!("|---|---|---|---|---|");
    time("HTML (standalone)", 50, || {
        area_send::export::report_html::standalone_report(&templates, &report)
            .unwrap()
            .len()
    });
    time("PDF (tagged, PDF/UA-1)", 20, || {
        area_send::export::report_pdf::report(&report)
            .unwrap()
            .len()
    });
    time("DOCX", 50, || {
        area_send::export::docx::report_docx(&report).unwrap().len()
    });
}
