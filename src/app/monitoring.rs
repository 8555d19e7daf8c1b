//! A monitoring inspection's work: the progress finding against each area for
//! priority action carried over from the full inspection, and the report built
//! from them.

use diesel::Connection;
use serde_json::json;

use super::report::{bodies, easy_read_for, particulars};
use super::AppError;
use crate::catalogue::Catalogue;
use crate::db::{self, audit, monitoring::CarriedAction, DbConnection};
use crate::domain::inspection::{date_range, InspectionKind, Status, TransitionError};
use crate::domain::monitoring::{self, MonitoringRefusal};
use crate::domain::report::{
    self, EasyReadSummary, JudgedAction, MonitoringReportInput, Report, SectionKind,
};

/// A monitoring inspection's actions with what they were carried from.
pub struct Progress {
    pub inspection: db::inspections::Inspection,
    pub actions: Vec<CarriedAction>,
    /// The full inspection they came from, and its on-site dates as printed.
    pub full_inspection: Option<(i32, String)>,
}

fn monitoring_inspection(
    conn: &mut DbConnection,
    inspection_id: i32,
) -> Result<db::inspections::Inspection, AppError> {
    let inspection = db::inspections::find(conn, inspection_id)?.ok_or(AppError::NotFound)?;
    if inspection.kind != InspectionKind::Monitoring {
        return Err(MonitoringRefusal::NotMonitoring.into());
    }
    Ok(inspection)
}

pub fn progress(conn: &mut DbConnection, inspection_id: i32) -> Result<Progress, AppError> {
    let inspection = monitoring_inspection(conn, inspection_id)?;
    let actions = db::monitoring::list(conn, inspection_id)?;
    let full_inspection = match actions.first() {
        Some(a) => db::inspections::find(conn, a.from_inspection_id)?
            .map(|f| (f.id, date_range(f.dates.on_site_start, f.dates.on_site_end))),
        None => None,
    };
    Ok(Progress {
        inspection,
        actions,
        full_inspection,
    })
}

/// Record the progress made against one carried action (checked at the edge with
/// [`monitoring::check_progress`]).
pub fn save_progress(
    conn: &mut DbConnection,
    inspection_id: i32,
    action_id: i32,
    checked: &monitoring::Progress,
    actor: i32,
) -> Result<(), AppError> {
    conn.transaction(|conn| {
        match db::inspections::take(conn, inspection_id)? {
            None => return Err(AppError::NotFound),
            Some(Status::Final) => return Err(TransitionError::Locked.into()),
            Some(_) => {}
        }
        monitoring_inspection(conn, inspection_id)?;
        let now = chrono::Utc::now().naive_utc();
        if !db::monitoring::save_progress(conn, inspection_id, action_id, checked, actor, now)? {
            return Err(AppError::NotFound);
        }
        let row = db::monitoring::list(conn, inspection_id)?
            .into_iter()
            .find(|a| a.id == action_id)
            .map(|a| a.from_row)
            .unwrap_or_default();
        audit::record(
            conn,
            Some(actor),
            Some(inspection_id),
            "monitoring.progress_recorded",
            json!({ "action_id": action_id, "row": row, "judgement": checked.judgement }),
        )?;
        Ok(())
    })
}

/// How many actions have a progress judgement the framework file still has (one
/// removed from the file since must be recorded again, not printed under a name the
/// framework no longer has).
pub fn judged_count(catalogue: &Catalogue, actions: &[CarriedAction]) -> usize {
    actions
        .iter()
        .filter_map(|a| a.progress.as_deref())
        .filter(|p| catalogue.framework.progress_judgement(p).is_some())
        .count()
}

/// The monitoring report as it stands: refused until every action has its progress.
pub fn current_report(
    conn: &mut DbConnection,
    catalogue: &Catalogue,
    inspection_id: i32,
) -> Result<(Report, EasyReadSummary), AppError> {
    let Progress {
        inspection,
        actions,
        full_inspection,
    } = progress(conn, inspection_id)?;
    let framework = &catalogue.framework;
    let unjudged = actions.len() - judged_count(catalogue, &actions);
    if unjudged > 0 {
        return Err(MonitoringRefusal::Unjudged { count: unjudged }.into());
    }
    let mut judged = vec![];
    for a in &actions {
        let id = a.progress.as_deref().unwrap_or_default();
        let Some(judgement) = framework.progress_judgement(id) else {
            return Err(MonitoringRefusal::Unjudged { count: 1 }.into());
        };
        judged.push(JudgedAction {
            from_row: a.from_row.clone(),
            responsible: a.responsible.clone(),
            action: a.action.clone(),
            judgement: judgement.clone(),
            finding: a.finding.clone(),
        });
    }
    let particulars = particulars(conn, &inspection)?;
    let information = db::report::narrative(
        conn,
        inspection_id,
        SectionKind::PartnershipInformation.as_str(),
    )?;
    let bodies = bodies(&inspection);
    let inspection_dates = date_range(inspection.dates.on_site_start, inspection.dates.on_site_end);
    let input = MonitoringReportInput {
        report: &framework.report,
        wording: &framework.monitoring_report,
        bodies: &bodies,
        particulars: &particulars,
        inspection_dates: inspection_dates.clone(),
        full_inspection_dates: full_inspection.map(|(_, d)| d),
        partnership_information: &information.paragraphs,
        actions: &judged,
    };
    let report = report::build_monitoring(&input);
    let easy = easy_read_for(conn, catalogue, &inspection, &report, &inspection_dates)?;
    Ok((report, easy))
}
