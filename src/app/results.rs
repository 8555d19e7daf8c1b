//! Reading an inspection's evidence together: each survey with its running tallies
//! (so collating costs the same however many responses there are), the imported
//! statistics, duties, documents and case notes; and turning them into the
//! evidence items the matrix, and later the findings, are built from.

use std::sync::Arc;

use super::AppError;
use crate::catalogue::{Catalogue, CompiledForm};
use crate::db::{self, DbConnection};
use crate::domain::collation::{collate, reading, Reading, SurveyResults};
use crate::domain::evidence::{Bearing, DutyCheck, DutyStatus};
use crate::domain::indicator::{
    display, series, Comparison, IndicatorCatalogue, Measure, Observation,
};
use crate::domain::matrix::{EvidenceItem, EvidenceRef, Leaning};
use crate::domain::suppression::{Cell, SuppressionError};
use crate::domain::survey::Survey;
use crate::domain::tally::Tallies;

/// A survey, the form version it was opened with, and its tallies.
pub struct SurveyTallies {
    pub survey: Survey,
    pub form: Arc<CompiledForm>,
    pub tallies: Tallies,
}

impl SurveyTallies {
    /// The survey's collated results, suppressed at `threshold`.
    pub fn collate(&self, threshold: u64) -> Result<SurveyResults<'_>, SuppressionError> {
        collate(&self.form.form, &self.form.layout, &self.tallies, threshold)
    }
}

/// Every survey of the inspection with its tallies.
pub fn survey_tallies(
    conn: &mut DbConnection,
    catalogue: &Catalogue,
    inspection_id: i32,
) -> Result<Vec<SurveyTallies>, AppError> {
    let mut out = vec![];
    for survey in db::surveys::for_inspection(conn, inspection_id)? {
        let form = catalogue
            .form(&survey.form)
            .cloned()
            .ok_or_else(|| db::DbError::Corrupt(format!("{} is not loaded", survey.form)))?;
        let tallies = db::tallies::load(conn, survey.id, form.layout.len())?;
        out.push(SurveyTallies {
            survey,
            form,
            tallies,
        });
    }
    Ok(out)
}

/// Everything gathered for an inspection.
pub struct Gathered {
    pub surveys: Vec<SurveyTallies>,
    pub values: Vec<db::indicators::StoredValue>,
    pub duties: Vec<DutyCheck>,
    pub documents: Vec<db::evidence::DocumentSummary>,
    pub cases: Vec<db::evidence::StoredCaseNote>,
}

pub fn gather(
    conn: &mut DbConnection,
    catalogue: &Catalogue,
    inspection_id: i32,
) -> Result<Gathered, AppError> {
    if db::inspections::find(conn, inspection_id)?.is_none() {
        return Err(AppError::NotFound);
    }
    Ok(Gathered {
        surveys: survey_tallies(conn, catalogue, inspection_id)?,
        values: db::indicators::for_inspection(conn, inspection_id)?,
        duties: db::evidence::duties(conn, inspection_id)?,
        documents: db::evidence::documents(conn, inspection_id)?,
        cases: db::evidence::case_notes(conn, inspection_id)?,
    })
}

/// The survey items of one survey's results: each directional question that informs
/// a criterion, leaning by its share of favourable answers.
pub fn survey_items(survey_id: i32, results: &SurveyResults<'_>) -> Vec<EvidenceItem> {
    let audience = results.form.audience.label();
    results
        .questions
        .iter()
        .filter(|q| !q.question.criteria.is_empty() && results.form.is_directional(q.question))
        .map(|q| {
            let suppressed =
                q.answered.is_suppressed() || q.options.iter().any(|o| o.count.is_suppressed());
            let leaning = match reading(q.favourable) {
                Reading::Favourable => Leaning::Supports,
                Reading::Unfavourable => Leaning::Challenges,
                Reading::Mixed => Leaning::Mixed,
                Reading::TooFew => Leaning::TooFew,
            };
            let detail = match (q.favourable, q.answered) {
                (Some(f), Cell::Count(n)) => format!("{:.0}% favourable, of {n} who answered", f),
                _ => "Too few answers to show".to_string(),
            };
            EvidenceItem {
                reference: EvidenceRef::SurveyItem {
                    survey_id,
                    question_id: q.question.id.clone(),
                },
                criteria: q.question.criteria.clone(),
                title: format!("{audience}: {}", q.question.text.get("en")),
                detail,
                leaning,
                suppressed,
            }
        })
        .collect()
}

/// Each indicator with values: leaning by how the area's latest figure compares
/// with England's.
pub fn indicator_items(
    catalogue: &IndicatorCatalogue,
    values: &[db::indicators::StoredValue],
) -> Vec<EvidenceItem> {
    let observations: Vec<Observation> = values.iter().map(|v| v.observation()).collect();
    series(catalogue, &observations)
        .into_iter()
        .map(|s| {
            let (leaning, detail) = match s.latest {
                None => (Leaning::TooFew, "No figure for the area".to_string()),
                Some((period, area, england, comparison)) => {
                    let area_text = display(catalogue, s.indicator.unit, area);
                    let england_text = match england {
                        Some(e @ Measure::Number(_)) => {
                            format!(", England {}", display(catalogue, s.indicator.unit, e))
                        }
                        _ => String::new(),
                    };
                    let leaning = match comparison {
                        Comparison::Better => Leaning::Supports,
                        Comparison::Worse => Leaning::Challenges,
                        Comparison::Similar | Comparison::NotComparable => Leaning::Context,
                    };
                    (
                        leaning,
                        format!("{}: {area_text}{england_text}", period.label),
                    )
                }
            };
            EvidenceItem {
                reference: EvidenceRef::Indicator {
                    indicator_id: s.indicator.id.clone(),
                },
                criteria: s.indicator.criteria.clone(),
                title: s.indicator.name.clone(),
                detail,
                leaning,
                suppressed: false,
            }
        })
        .collect()
}

/// Every piece of evidence gathered, as matrix items. Survey figures are suppressed
/// at `threshold` before anything is said about them.
pub fn evidence_items(
    catalogue: &Catalogue,
    gathered: &Gathered,
    threshold: u64,
) -> Result<Vec<EvidenceItem>, SuppressionError> {
    let mut items = vec![];
    for s in &gathered.surveys {
        let results = s.collate(threshold)?;
        items.extend(survey_items(s.survey.id, &results));
    }
    items.extend(indicator_items(&catalogue.indicators, &gathered.values));
    for duty in &gathered.duties {
        let leaning = match duty.status {
            DutyStatus::Met => Leaning::Supports,
            DutyStatus::Partly => Leaning::Mixed,
            DutyStatus::NotMet => Leaning::Challenges,
            DutyStatus::NotKnown => Leaning::TooFew,
        };
        let short = catalogue
            .framework
            .criterion(&duty.criterion_id)
            .map(|c| c.short.clone())
            .unwrap_or_else(|| duty.criterion_id.clone());
        items.push(EvidenceItem {
            reference: EvidenceRef::Duty {
                criterion_id: duty.criterion_id.clone(),
            },
            criteria: vec![duty.criterion_id.clone()],
            title: format!("Duty: {short}"),
            detail: duty.status.label().to_string(),
            leaning,
            suppressed: false,
        });
    }
    for d in &gathered.documents {
        items.push(EvidenceItem {
            reference: EvidenceRef::Document { document_id: d.id },
            criteria: d.criteria.clone(),
            title: d.title.clone(),
            detail: d.kind.label().to_string(),
            leaning: Leaning::Context,
            suppressed: false,
        });
    }
    for c in &gathered.cases {
        items.push(EvidenceItem {
            reference: EvidenceRef::CaseNote { case_note_id: c.id },
            criteria: c.note.criteria.clone(),
            title: format!("Case {}", c.note.case_ref),
            detail: c.note.findings.chars().take(140).collect(),
            leaning: match c.note.bearing {
                Bearing::Supports => Leaning::Supports,
                Bearing::Challenges => Leaning::Challenges,
                Bearing::Neutral => Leaning::Context,
            },
            suppressed: false,
        });
    }
    Ok(items)
}

/// Record an inspector's decision about a free-text answer, with an audit entry
/// (which names the answer, never its text).
pub fn review_free_text(
    conn: &mut DbConnection,
    inspection_id: i32,
    review_id: i32,
    decision: &crate::domain::evidence::ReviewDecision,
    actor: i32,
) -> Result<(), AppError> {
    use diesel::Connection;
    conn.transaction(|conn| {
        super::evidence::open_for_evidence(conn, inspection_id)?;
        if !db::free_text::record(
            conn,
            inspection_id,
            review_id,
            decision.status,
            decision.redacted.as_deref(),
            actor,
        )? {
            return Err(AppError::NotFound);
        }
        db::audit::record(
            conn,
            Some(actor),
            Some(inspection_id),
            "free_text.reviewed",
            serde_json::json!({ "review_id": review_id, "status": decision.status.as_str() }),
        )?;
        Ok(())
    })
}

/// Replace the population counts entered for one grouping question of a form.
pub fn set_population(
    conn: &mut DbConnection,
    inspection_id: i32,
    form_id: &str,
    question_id: &str,
    counts: &[(String, Option<u64>)],
    actor: i32,
) -> Result<(), AppError> {
    use diesel::Connection;
    conn.transaction(|conn| {
        super::evidence::open_for_evidence(conn, inspection_id)?;
        db::population::replace(conn, inspection_id, form_id, question_id, counts)?;
        db::audit::record(
            conn,
            Some(actor),
            Some(inspection_id),
            "population.entered",
            serde_json::json!({ "form": form_id, "question": question_id }),
        )?;
        Ok(())
    })
}

/// An export that failed: the inspection or survey is not there, or reading failed.
impl From<crate::export::ExportError> for AppError {
    fn from(e: crate::export::ExportError) -> Self {
        AppError::Store(db::DbError::Corrupt(e.to_string()))
    }
}

impl From<SuppressionError> for AppError {
    fn from(e: SuppressionError) -> Self {
        AppError::Store(db::DbError::Corrupt(e.to_string()))
    }
}

/// The inspection's collated survey results, suppressed at `threshold`, as CSV in
/// the DfE's tidy layout.
pub fn results_export(
    conn: &mut DbConnection,
    catalogue: &Catalogue,
    inspection_id: i32,
    threshold: u64,
) -> Result<Vec<u8>, AppError> {
    let inspection = db::inspections::find(conn, inspection_id)?.ok_or(AppError::NotFound)?;
    let known = db::indicators::known(conn, inspection.partnership.id)?;
    let surveys = survey_tallies(conn, catalogue, inspection_id)?;
    let results = surveys
        .iter()
        .map(|s| s.collate(threshold))
        .collect::<Result<Vec<_>, _>>()?;
    let area = crate::export::AreaColumns {
        time_period: inspection.dates.on_site_start.format("%Y").to_string(),
        new_la_code: inspection.partnership.council_code.clone(),
        old_la_code: known.old_code.unwrap_or_default(),
        la_name: inspection.partnership.council_name.clone(),
        region_code: known.region_code.unwrap_or_default(),
    };
    Ok(crate::export::results_csv(&area, &results)?)
}

/// The inspection's imported statistics and local data as CSV.
pub fn indicators_export(conn: &mut DbConnection, inspection_id: i32) -> Result<Vec<u8>, AppError> {
    if db::inspections::find(conn, inspection_id)?.is_none() {
        return Err(AppError::NotFound);
    }
    let values = db::indicators::for_inspection(conn, inspection_id)?;
    Ok(crate::export::indicators_csv(&values)?)
}

/// One survey's submitted responses, anonymised, as CSV: free text only as an
/// inspector cleared it for quoting.
pub fn responses_export(
    conn: &mut DbConnection,
    catalogue: &Catalogue,
    inspection_id: i32,
    survey_id: i32,
) -> Result<Vec<u8>, AppError> {
    use crate::export::FreeTextShown;
    let survey = db::surveys::for_inspection(conn, inspection_id)?
        .into_iter()
        .find(|s| s.id == survey_id)
        .ok_or(AppError::NotFound)?;
    let form = catalogue
        .form(&survey.form)
        .cloned()
        .ok_or_else(|| db::DbError::Corrupt(format!("{} is not loaded", survey.form)))?;
    let responses = db::surveys::submitted(conn, survey_id)?;
    let texts = db::free_text::cleared_texts(conn, survey_id)?;
    Ok(crate::export::responses_csv(
        &form,
        &responses,
        |r, q| match texts.get(&(r.id, q.to_string())) {
            Some(text) => FreeTextShown::Cleared(text),
            None => FreeTextShown::Held,
        },
    )?)
}
