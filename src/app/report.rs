//! Use cases of judging and reporting: findings, the outcome decision, the written
//! sections, the report's particulars, the easy-read summary and draft versions.
//! Each change is one transaction with its audit entry.

use std::collections::BTreeMap;

use diesel::Connection;
use serde_json::json;

use super::results::{evidence_items, gather, Gathered};
use super::AppError;
use crate::catalogue::Catalogue;
use crate::db::{self, audit, inspections::Inspection, DbConnection};
use crate::domain::easy_read::{self, StoredPoint};
use crate::domain::findings::{self, Bodies, Finding, FindingDraft};
use crate::domain::inspection::{date_range, Status, TransitionError};
use crate::domain::matrix::{EvidenceItem, EvidenceRef};
use crate::domain::narrative::{self, Narrative, NarrativeParagraph};
use crate::domain::outcome::{self, Decision, Proposal, ReportRefusal, Warning};
use crate::domain::report::{
    self, chart_of, ChartSource, EasyReadSummary, Particulars, Report, ReportInput, SectionKind,
    TeamLine,
};

/// Take the inspection for a change to its findings or report: it must exist and
/// not be final.
fn open_for_judging(conn: &mut DbConnection, inspection_id: i32) -> Result<Status, AppError> {
    match db::inspections::take(conn, inspection_id)? {
        None => Err(AppError::NotFound),
        Some(Status::Final) => Err(TransitionError::Locked.into()),
        Some(status) => Ok(status),
    }
}

/// The outcome can be decided, and drafts made, at any stage before the report is
/// final: the decision, not the stage, is what a draft waits for. Deciding while the
/// surveys are open is warned about (see [`judgement`]).
fn open_for_deciding(conn: &mut DbConnection, inspection_id: i32) -> Result<(), AppError> {
    open_for_judging(conn, inspection_id).map(|_| ())
}

pub fn bodies(inspection: &Inspection) -> Bodies {
    Bodies {
        council: inspection.partnership.council_name.clone(),
        icbs: inspection
            .partnership
            .icbs
            .iter()
            .map(|i| (i.id, i.name.clone()))
            .collect(),
    }
}

/// What the findings pages need: the inspection, its findings in order, the evidence
/// as it stands, the proposal, the decision and the warnings.
pub struct Judgement {
    pub inspection: Inspection,
    pub findings: Vec<Finding>,
    pub items: Vec<EvidenceItem>,
    pub proposal: Option<Proposal>,
    pub decision: Option<db::report::StoredDecision>,
    pub warnings: Vec<Warning>,
    pub gathered: Gathered,
}

pub fn judgement(
    conn: &mut DbConnection,
    catalogue: &Catalogue,
    inspection_id: i32,
    threshold: u64,
) -> Result<Judgement, AppError> {
    let inspection = db::inspections::find(conn, inspection_id)?.ok_or(AppError::NotFound)?;
    let gathered = gather(conn, catalogue, inspection_id)?;
    let items = evidence_items(catalogue, &gathered, threshold)
        .map_err(|e| db::DbError::Corrupt(format!("collating: {e}")))?;
    let findings = db::report::findings(conn, inspection_id)?;
    let proposal = outcome::propose(&catalogue.framework.proposal_rules, &findings);
    let decision = db::report::decision(conn, inspection_id)?;
    let criteria: Vec<String> = catalogue.framework.criterion_ids().into_iter().collect();
    let mut warnings = outcome::warnings(
        &criteria,
        &findings,
        &items,
        decision.as_ref().map(|d| d.decision.outcome),
        proposal.as_ref().map(|p| p.outcome),
    );
    if inspection.status < Status::Evidence {
        warnings.insert(0, Warning::SurveysStillOpen);
    }
    Ok(Judgement {
        inspection,
        findings,
        items,
        proposal,
        decision,
        warnings,
        gathered,
    })
}

pub fn add_finding(
    conn: &mut DbConnection,
    inspection_id: i32,
    draft: &FindingDraft,
    actor: i32,
) -> Result<i32, AppError> {
    conn.transaction(|conn| {
        open_for_judging(conn, inspection_id)?;
        let id = db::report::insert_finding(conn, inspection_id, draft, actor)?;
        audit::record(
            conn,
            Some(actor),
            Some(inspection_id),
            "finding.added",
            json!({ "finding_id": id, "criterion": draft.criterion_id, "kind": draft.kind.as_str() }),
        )?;
        Ok(id)
    })
}

/// Change a finding; `expected` is the revision the edit form was opened with, and
/// a change made since by someone else refuses the save rather than undoing it.
pub fn change_finding(
    conn: &mut DbConnection,
    inspection_id: i32,
    finding_id: i32,
    draft: &FindingDraft,
    expected: &str,
    actor: i32,
) -> Result<(), AppError> {
    conn.transaction(|conn| {
        open_for_judging(conn, inspection_id)?;
        let current = db::report::findings(conn, inspection_id)?
            .into_iter()
            .find(|f| f.id == finding_id)
            .ok_or(AppError::NotFound)?;
        if current.revision() != expected {
            return Err(AppError::Refused(
                crate::domain::refusal::Refusal::ChangedMeanwhile,
            ));
        }
        db::report::update_finding(conn, inspection_id, finding_id, draft, actor)?;
        audit::record(
            conn,
            Some(actor),
            Some(inspection_id),
            "finding.changed",
            json!({ "finding_id": finding_id, "criterion": draft.criterion_id, "kind": draft.kind.as_str() }),
        )?;
        Ok(())
    })
}

pub fn remove_finding(
    conn: &mut DbConnection,
    inspection_id: i32,
    finding_id: i32,
    actor: i32,
) -> Result<(), AppError> {
    conn.transaction(|conn| {
        open_for_judging(conn, inspection_id)?;
        let removed = db::report::findings(conn, inspection_id)?
            .into_iter()
            .find(|f| f.id == finding_id)
            .ok_or(AppError::NotFound)?;
        db::report::delete_finding(conn, inspection_id, finding_id)?;
        // What it said is kept in the trail, since the finding itself is gone.
        audit::record(
            conn,
            Some(actor),
            Some(inspection_id),
            "finding.removed",
            json!({
                "finding_id": finding_id,
                "criterion": removed.criterion_id,
                "kind": removed.kind.as_str(),
                "text": removed.text,
            }),
        )?;
        Ok(())
    })
}

/// Move a finding one place up or down; at either end nothing changes.
pub fn move_finding(
    conn: &mut DbConnection,
    inspection_id: i32,
    finding_id: i32,
    up: bool,
    actor: i32,
) -> Result<(), AppError> {
    conn.transaction(|conn| {
        open_for_judging(conn, inspection_id)?;
        let all = db::report::findings(conn, inspection_id)?;
        if !all.iter().any(|f| f.id == finding_id) {
            return Err(AppError::NotFound);
        }
        if let Some(positions) = findings::move_finding(&all, finding_id, up) {
            db::report::set_positions(conn, inspection_id, &positions)?;
            audit::record(
                conn,
                Some(actor),
                Some(inspection_id),
                "finding.moved",
                json!({ "finding_id": finding_id, "direction": if up { "up" } else { "down" } }),
            )?;
        }
        Ok(())
    })
}

/// Record the lead inspector's decision, with the proposal it was made against.
pub fn decide(
    conn: &mut DbConnection,
    catalogue: &Catalogue,
    inspection_id: i32,
    decision: &Decision,
    actor: i32,
) -> Result<(), AppError> {
    conn.transaction(|conn| {
        open_for_deciding(conn, inspection_id)?;
        let all = db::report::findings(conn, inspection_id)?;
        let proposed =
            outcome::propose(&catalogue.framework.proposal_rules, &all).map(|p| p.outcome);
        db::report::put_decision(conn, inspection_id, decision, proposed, actor)?;
        audit::record(
            conn,
            Some(actor),
            Some(inspection_id),
            "outcome.decided",
            json!({ "outcome": decision.outcome, "proposed": proposed }),
        )?;
        Ok(())
    })
}

/// Store a written section as revised by [`narrative::revise`]. `expected` is the
/// revision the editor was given: if the section changed in any way since, the
/// save is refused rather than undoing someone's edit or mixing up paragraph ids.
pub fn save_narrative(
    conn: &mut DbConnection,
    inspection_id: i32,
    section: SectionKind,
    revised: &Narrative,
    expected: &str,
    actor: i32,
) -> Result<(), AppError> {
    conn.transaction(|conn| {
        open_for_judging(conn, inspection_id)?;
        let current = db::report::narrative(conn, inspection_id, section.as_str())?;
        if current.revision() != expected {
            return Err(AppError::Refused(
                crate::domain::refusal::Refusal::ChangedMeanwhile,
            ));
        }
        db::report::put_narrative(
            conn,
            inspection_id,
            section.as_str(),
            &revised.paragraphs,
            revised.next_number,
            actor,
        )?;
        audit::record(
            conn,
            Some(actor),
            Some(inspection_id),
            "report.section_written",
            json!({ "section": section.as_str(), "paragraphs": revised.paragraphs.len() }),
        )?;
        Ok(())
    })
}

pub const EASY_READ: &str = "easy_read";

pub fn easy_read_points(
    conn: &mut DbConnection,
    inspection_id: i32,
) -> Result<(Vec<StoredPoint>, i32), AppError> {
    Ok(
        match db::report::narrative_raw(conn, inspection_id, EASY_READ)? {
            Some((json, next)) => (
                serde_json::from_str(&json)
                    .map_err(|e| db::DbError::Corrupt(format!("easy-read points: {e}")))?,
                next,
            ),
            None => (vec![], 1),
        },
    )
}

/// The easy-read points' revision token (see [`Narrative::revision`]).
pub fn easy_read_revision(points: &[StoredPoint], next_number: i32) -> String {
    narrative::revision_of(points, next_number)
}

pub fn save_easy_read(
    conn: &mut DbConnection,
    inspection_id: i32,
    points: &[StoredPoint],
    next_number: i32,
    expected: &str,
    actor: i32,
) -> Result<(), AppError> {
    conn.transaction(|conn| {
        open_for_judging(conn, inspection_id)?;
        let (current, next) = easy_read_points(conn, inspection_id)?;
        if easy_read_revision(&current, next) != expected {
            return Err(AppError::Refused(
                crate::domain::refusal::Refusal::ChangedMeanwhile,
            ));
        }
        db::report::put_narrative(conn, inspection_id, EASY_READ, &points, next_number, actor)?;
        audit::record(
            conn,
            Some(actor),
            Some(inspection_id),
            "report.easy_read_written",
            json!({ "points": points.len() }),
        )?;
        Ok(())
    })
}

/// The particulars as saved, or as area-send would start them: the partnership's
/// usual name and the inspection team from its members.
pub fn particulars(
    conn: &mut DbConnection,
    inspection: &Inspection,
) -> Result<Particulars, AppError> {
    if let Some(p) = db::report::particulars(conn, inspection.id)? {
        return Ok(p);
    }
    let team = db::inspections::team(conn, inspection.id)?
        .into_iter()
        .filter(|m| m.role.is_inspection_team())
        .map(|m| TeamLine {
            role: format!("{}, {}", m.organisation, m.role.label().to_lowercase()),
            name: m.display_name,
        })
        .collect();
    Ok(Particulars {
        partnership_name: format!(
            "{} Local Area Partnership",
            inspection.partnership.council_name
        ),
        team,
        ..Default::default()
    })
}

pub fn save_particulars(
    conn: &mut DbConnection,
    inspection_id: i32,
    particulars: &Particulars,
    actor: i32,
) -> Result<(), AppError> {
    conn.transaction(|conn| {
        open_for_judging(conn, inspection_id)?;
        db::report::put_particulars(conn, inspection_id, particulars, actor)?;
        audit::record(
            conn,
            Some(actor),
            Some(inspection_id),
            "report.particulars_saved",
            json!({}),
        )?;
        Ok(())
    })
}

/// Every written section, stored or empty.
pub fn narratives(
    conn: &mut DbConnection,
    inspection_id: i32,
) -> Result<BTreeMap<SectionKind, Narrative>, AppError> {
    let mut out = BTreeMap::new();
    for kind in narrative::WRITTEN {
        out.insert(
            kind,
            db::report::narrative(conn, inspection_id, kind.as_str())?,
        );
    }
    Ok(out)
}

/// The charts a section can place: one per question of every survey, from its
/// suppressed figures.
pub fn charts(
    gathered: &Gathered,
    threshold: u64,
) -> Result<BTreeMap<EvidenceRef, ChartSource>, AppError> {
    let mut out = BTreeMap::new();
    for s in &gathered.surveys {
        let results = s
            .collate(threshold)
            .map_err(|e| db::DbError::Corrupt(format!("collating: {e}")))?;
        let audience = results.form.audience.label();
        for q in &results.questions {
            if q.options.is_empty() {
                continue;
            }
            out.insert(
                EvidenceRef::SurveyItem {
                    survey_id: s.survey.id,
                    question_id: q.question.id.clone(),
                },
                chart_of(audience, q),
            );
        }
    }
    Ok(out)
}

/// The report and the easy-read summary as they stand now, from the recorded
/// decision. Refused without a decision.
pub fn current_report(
    conn: &mut DbConnection,
    catalogue: &Catalogue,
    inspection_id: i32,
    threshold: u64,
) -> Result<(Report, EasyReadSummary), AppError> {
    // A monitoring inspection's report judges progress, not an outcome.
    let kind = db::inspections::find(conn, inspection_id)?
        .ok_or(AppError::NotFound)?
        .kind;
    if kind == crate::domain::inspection::InspectionKind::Monitoring {
        return super::monitoring::current_report(conn, catalogue, inspection_id);
    }
    let j = judgement(conn, catalogue, inspection_id, threshold)?;
    let decision = j.decision.as_ref().ok_or(ReportRefusal::NoDecision)?;
    // The framework gives outcome 3 exactly when there are areas for priority action;
    // a draft that said otherwise would print a table the outcome denies, or drop one.
    let priority = j
        .findings
        .iter()
        .filter(|f| f.kind == crate::domain::findings::FindingKind::AreaForPriorityAction)
        .count();
    if (decision.decision.outcome == 3) != (priority > 0) {
        return Err(ReportRefusal::OutcomeAndPriorityActionsDisagree {
            decided: decision.decision.outcome,
            priority,
        }
        .into());
    }
    let framework = &catalogue.framework;
    let outcome = framework
        .outcome(decision.decision.outcome)
        .ok_or_else(|| db::DbError::Corrupt("outcome missing from framework".into()))?;
    let particulars = particulars(conn, &j.inspection)?;
    let narratives: BTreeMap<SectionKind, Vec<NarrativeParagraph>> =
        narratives(conn, inspection_id)?
            .into_iter()
            .map(|(k, n)| (k, n.paragraphs))
            .collect();
    let charts = charts(&j.gathered, threshold)?;
    let citation_labels: BTreeMap<EvidenceRef, String> = j
        .items
        .iter()
        .map(|i| (i.reference.clone(), i.title.clone()))
        .collect();
    let dates = &j.inspection.dates;
    let inspection_dates = date_range(dates.on_site_start, dates.on_site_end);
    let bodies = bodies(&j.inspection);
    let input = ReportInput {
        wording: &framework.report,
        outcome,
        bodies: &bodies,
        particulars: &particulars,
        inspection_dates: inspection_dates.clone(),
        previous_inspection_dates: j
            .inspection
            .previous_inspection_on
            .map(|d| d.format("%-d %B %Y").to_string()),
        narratives: &narratives,
        findings: &j.findings,
        charts: &charts,
        citation_labels: &citation_labels,
    };
    let report = report::build(&input);
    let easy = easy_read_for(conn, catalogue, &j.inspection, &report, &inspection_dates)?;
    Ok((report, easy))
}

/// The easy-read summary that goes with a report (full or monitoring).
pub fn easy_read_for(
    conn: &mut DbConnection,
    catalogue: &Catalogue,
    inspection: &Inspection,
    report: &Report,
    inspection_dates: &str,
) -> Result<EasyReadSummary, AppError> {
    let (points, _) = easy_read_points(conn, inspection.id)?;
    let area = crate::domain::partnership::area_name(&inspection.partnership.council_name);
    Ok(easy_read::summary(
        catalogue
            .framework
            .report
            .easy_read_title
            .replace("{area}", &area),
        &report.partnership,
        inspection_dates,
        &points,
    ))
}

/// Save the report as it stands as a new, immutable draft version; returns its number.
pub fn make_draft(
    conn: &mut DbConnection,
    catalogue: &Catalogue,
    inspection_id: i32,
    threshold: u64,
    note: &str,
    actor: i32,
) -> Result<i32, AppError> {
    conn.transaction(|conn| {
        open_for_deciding(conn, inspection_id)?;
        let (report, easy) = current_report(conn, catalogue, inspection_id, threshold)?;
        let number = db::report::insert_version(conn, inspection_id, &report, &easy, note, actor)?;
        audit::record(
            conn,
            Some(actor),
            Some(inspection_id),
            "report.drafted",
            json!({ "version": number, "outcome": report.outcome.id }),
        )?;
        Ok(number)
    })
}

/// One saved version, or the latest.
pub fn version(
    conn: &mut DbConnection,
    inspection_id: i32,
    number: Option<i32>,
) -> Result<db::report::Version, AppError> {
    db::report::version(conn, inspection_id, number)?
        .ok_or_else(|| ReportRefusal::NoSuchVersion.into())
}
