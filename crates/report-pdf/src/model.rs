//! The parts of the report model that the PDF prints.
//!
//! These mirror the shapes of `Report` and `EasyReadSummary` in area-send's
//! `src/domain/report.rs` without depending on that crate. They exist to check
//! the input (a missing field or a wrong type gives a clear error before typst
//! runs) and to drop what is not printed: citations are not fields here, so they
//! never reach the template. Unknown fields are ignored, as serde does by default.

use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Report {
    pub title: String,
    pub language: String,
    pub partnership: String,
    pub inspection_dates: String,
    pub previous_inspection: Option<String>,
    pub footer: String,
    pub outcome: ReportOutcome,
    pub sections: Vec<Section>,
}

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct ReportOutcome {
    pub id: u8,
    pub label: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Section {
    pub kind: String,
    pub heading: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub(crate) enum Block {
    Paragraph(Paragraph),
    Bullets { items: Vec<Paragraph> },
    Subheading { text: String },
    Table(Table),
    Chart(Chart),
}

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Paragraph {
    pub id: String,
    pub number: u32,
    pub text: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Table {
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct TableRow {
    pub id: String,
    pub number: u32,
    pub cells: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Chart {
    pub id: String,
    pub number: u32,
    pub title: String,
    pub description: String,
    pub bars: Vec<ChartBar>,
    pub note: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct ChartBar {
    pub label: String,
    pub percent: Option<f64>,
    pub display: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct EasyReadSummary {
    pub title: String,
    pub language: String,
    pub partnership: String,
    pub inspection_dates: String,
    pub footer: String,
    pub points: Vec<EasyReadPoint>,
}

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct EasyReadPoint {
    pub id: String,
    pub text: String,
    pub symbol: String,
    pub symbol_label: String,
}
