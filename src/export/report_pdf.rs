//! The report and the easy-read summary as tagged PDF (PDF/UA-1), by the
//! `area-send-pdf` workspace crate (typst), which reads the same report model as JSON.

use crate::domain::report::{EasyReadSummary, Report};

#[derive(Debug, thiserror::Error)]
pub enum ReportPdfError {
    #[error("could not write the report model as JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    Pdf(#[from] area_send_pdf::PdfError),
}

pub fn report(report: &Report) -> Result<Vec<u8>, ReportPdfError> {
    let json = serde_json::to_string(report)?;
    Ok(area_send_pdf::render_report(&json)?)
}

/// `symbols`: (name, SVG bytes) of every symbol the summary uses.
pub fn easy_read(
    summary: &EasyReadSummary,
    symbols: &[(String, Vec<u8>)],
) -> Result<Vec<u8>, ReportPdfError> {
    let json = serde_json::to_string(summary)?;
    Ok(area_send_pdf::render_easy_read(&json, symbols)?)
}
