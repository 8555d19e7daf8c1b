//! CSV exports: collated survey results (suppressed) in the DfE's tidy layout, the
//! anonymised responses for inspectors, and the imported statistics. Every text
//! field that a spreadsheet would run as a formula is neutralised first.

pub mod docx;
pub mod report_html;
pub mod report_pdf;

use crate::catalogue::CompiledForm;
use crate::db::indicators::StoredValue;
use crate::domain::collation::SurveyResults;
use crate::domain::indicator::Measure;
use crate::domain::response::{Answer, Response};
use crate::domain::suppression::Cell;

/// The DfE's symbol for a figure withheld to protect confidentiality.
pub const SUPPRESSED: &str = "c";

/// A text field made safe to open in a spreadsheet: one that starts with a
/// character a spreadsheet reads as a formula gets a leading apostrophe.
pub fn neutralise(field: &str) -> String {
    // Full-width signs too: some spreadsheets read them as their ASCII forms.
    match field.chars().next() {
        Some(
            '=' | '+' | '-' | '@' | '\t' | '\r' | '\n' | '|' | '%' | '\u{FF1D}' | '\u{FF0B}'
            | '\u{FF0D}' | '\u{FF20}',
        ) => format!("'{field}"),
        _ => field.to_string(),
    }
}

/// Where the figures are about, as the tidy layout names it.
#[derive(Debug, Clone)]
pub struct AreaColumns {
    pub time_period: String,
    pub new_la_code: String,
    pub old_la_code: String,
    pub la_name: String,
    pub region_code: String,
}

fn cell(c: Cell) -> String {
    match c {
        Cell::Count(n) => n.to_string(),
        Cell::Suppressed => SUPPRESSED.to_string(),
    }
}

fn percent(p: Option<f64>, c: Cell) -> String {
    match (c, p) {
        (Cell::Suppressed, _) => SUPPRESSED.to_string(),
        (_, Some(p)) => format!("{p:.1}"),
        (_, None) => "z".to_string(),
    }
}

fn finish(w: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, ExportError> {
    w.into_inner().map_err(|e| ExportError(e.to_string()))
}

/// An export that could not be written (it is built in memory, so this is rare).
#[derive(Debug, thiserror::Error)]
#[error("the export could not be written: {0}")]
pub struct ExportError(String);

impl From<csv::Error> for ExportError {
    fn from(e: csv::Error) -> Self {
        ExportError(e.to_string())
    }
}

/// Collated results, already suppressed, one line per question, answer and group:
/// `breakdown_topic` "Total" for everyone, otherwise the breakdown and its group.
pub fn results_csv(
    area: &AreaColumns,
    surveys: &[SurveyResults<'_>],
) -> Result<Vec<u8>, ExportError> {
    let mut w = csv::Writer::from_writer(vec![]);
    w.write_record([
        "time_period",
        "time_identifier",
        "geographic_level",
        "country_code",
        "region_code",
        "new_la_code",
        "old_la_code",
        "la_name",
        "survey",
        "audience",
        "question_id",
        "question",
        "breakdown_topic",
        "breakdown",
        "answer_id",
        "answer",
        "number",
        "percent",
        "answered",
    ])?;
    for results in surveys {
        let form = results.form;
        for q in &results.questions {
            let mut line = |topic: &str,
                            group: &str,
                            answer_id: &str,
                            answer: &str,
                            number: String,
                            pct: String,
                            answered: String|
             -> Result<(), csv::Error> {
                w.write_record([
                    area.time_period.as_str(),
                    "Calendar year",
                    "Local authority",
                    "E92000001",
                    area.region_code.as_str(),
                    area.new_la_code.as_str(),
                    area.old_la_code.as_str(),
                    &neutralise(&area.la_name),
                    &form.id,
                    form.audience.label(),
                    &q.question.id,
                    &neutralise(q.question.text.get("en")),
                    topic,
                    &neutralise(group),
                    answer_id,
                    &neutralise(answer),
                    &number,
                    &pct,
                    &answered,
                ])
            };
            if q.options.is_empty() {
                line(
                    "Total",
                    "Total",
                    "",
                    "",
                    cell(q.answered),
                    "z".into(),
                    cell(q.answered),
                )?;
            }
            for o in &q.options {
                line(
                    "Total",
                    "Total",
                    o.id,
                    o.text,
                    cell(o.count),
                    percent(o.percent, o.count),
                    cell(q.answered),
                )?;
            }
            for b in &q.breakdowns {
                for g in &b.groups {
                    for (o, (c, p)) in q.options.iter().zip(&g.options) {
                        line(
                            &b.label,
                            &g.label,
                            o.id,
                            o.text,
                            cell(*c),
                            percent(*p, *c),
                            cell(g.answered),
                        )?;
                    }
                }
            }
        }
    }
    finish(w)
}

/// How a free-text answer appears in the response export: only the redacted text an
/// inspector has cleared, never the answer as written.
pub enum FreeTextShown<'a> {
    Cleared(&'a str),
    Held,
}

/// One line per submitted response, with no id, time or address: the channel, help
/// from an adult, and each question's answer (choices by their id, joined by `;`).
/// `free_text` says what may be shown of a free-text answer.
pub fn responses_csv<'a>(
    form: &CompiledForm,
    responses: &'a [Response],
    free_text: impl Fn(&'a Response, &str) -> FreeTextShown<'a>,
) -> Result<Vec<u8>, ExportError> {
    let mut w = csv::Writer::from_writer(vec![]);
    let questions: Vec<&str> = form.form.questions().map(|(_, q)| q.id.as_str()).collect();
    let mut header = vec!["survey", "form_version", "channel", "helped_by_adult"];
    header.extend(questions.iter().copied());
    w.write_record(&header)?;
    for r in responses {
        let mut record = vec![
            form.form.id.clone(),
            form.form.version.to_string(),
            r.channel.as_str().to_string(),
            if r.helped_by_adult { "yes" } else { "no" }.to_string(),
        ];
        for q in &questions {
            record.push(match r.answers.get(*q) {
                None => String::new(),
                Some(Answer::Choice(c)) => neutralise(c),
                Some(Answer::Choices(cs)) => neutralise(&cs.join(";")),
                Some(Answer::Number(n)) => n.to_string(),
                Some(Answer::Text(_)) => match free_text(r, q) {
                    FreeTextShown::Cleared(text) => neutralise(text),
                    FreeTextShown::Held => "[held for an inspector's review]".to_string(),
                },
            });
        }
        w.write_record(&record)?;
    }
    finish(w)
}

/// The imported statistics and local data, one line per value.
pub fn indicators_csv(values: &[StoredValue]) -> Result<Vec<u8>, ExportError> {
    let mut w = csv::Writer::from_writer(vec![]);
    w.write_record([
        "indicator_id",
        "area_code",
        "area_name",
        "geographic_level",
        "time_period",
        "value",
        "note",
    ])?;
    for v in values {
        let value = match &v.measure {
            Measure::Number(n) => n.to_string(),
            Measure::Symbol(s) | Measure::Answer(s) => neutralise(s),
        };
        w.write_record([
            v.indicator_id.as_str(),
            &neutralise(&v.area_code),
            &neutralise(&v.area_name),
            v.level.as_str(),
            &neutralise(&v.period.code),
            &value,
            &neutralise(&v.note),
        ])?;
    }
    finish(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_plain_text_is_not() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+44 7700"), "'+44 7700");
        assert_eq!(neutralise("-1"), "'-1");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\u{FF1D}1+1"), "'\u{FF1D}1+1");
        assert_eq!(neutralise("\n=1+1"), "'\n=1+1");
        assert_eq!(neutralise("Bristol, City of"), "Bristol, City of");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn suppressed_cells_are_written_as_the_dfe_symbol() {
        assert_eq!(cell(Cell::Suppressed), "c");
        assert_eq!(cell(Cell::Count(12)), "12");
        assert_eq!(percent(Some(12.0), Cell::Suppressed), "c");
        assert_eq!(percent(Some(12.25), Cell::Count(3)), "12.2");
    }
}
