//! Monitoring inspections: the partnership's last final report, and the areas for
//! priority action a monitoring inspection carries, each with its progress finding.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{carried_actions, final_reports, inspections};
use super::{DbConnection, DbError};
use crate::domain::inspection::InspectionKind;
use crate::domain::monitoring::{self, ActionToCarry, LastFinal, Progress};

/// One area for priority action carried over, with its progress finding if recorded.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = carried_actions)]
pub struct CarriedAction {
    pub id: i32,
    pub from_inspection_id: i32,
    pub from_row: String,
    pub responsible: String,
    pub action: String,
    pub progress: Option<String>,
    pub finding: String,
    pub updated_at: Option<NaiveDateTime>,
}

/// The partnership's most recent final report of a full inspection, with its
/// outcome and its areas for priority action as published.
pub fn last_final(
    conn: &mut DbConnection,
    partnership_id: i32,
) -> Result<Option<LastFinal>, DbError> {
    let last: Option<(i32, i32)> = final_reports::table
        .inner_join(inspections::table)
        .filter(inspections::partnership_id.eq(partnership_id))
        .filter(inspections::kind.eq(InspectionKind::Full.as_str()))
        // The latest inspection by when it happened, not by a publication date
        // typed when finalising.
        .order((
            inspections::on_site_end.desc(),
            final_reports::finalised_at.desc(),
        ))
        .select((final_reports::inspection_id, final_reports::version_number))
        .first(conn)
        .optional()?;
    let Some((inspection_id, number)) = last else {
        return Ok(None);
    };
    let version = super::report::version(conn, inspection_id, Some(number))?
        .ok_or_else(|| DbError::Corrupt(format!("final version {number} is missing")))?;
    Ok(Some(LastFinal {
        inspection_id,
        outcome: version.report.outcome.id,
        actions: monitoring::priority_actions(&version.report),
    }))
}

pub fn insert_all(
    conn: &mut DbConnection,
    inspection_id: i32,
    from_inspection_id: i32,
    actions: &[ActionToCarry],
) -> Result<(), DbError> {
    for (position, a) in actions.iter().enumerate() {
        diesel::insert_into(carried_actions::table)
            .values((
                carried_actions::inspection_id.eq(inspection_id),
                carried_actions::from_inspection_id.eq(from_inspection_id),
                carried_actions::from_row.eq(&a.from_row),
                carried_actions::position.eq(i32::try_from(position).unwrap_or(i32::MAX)),
                carried_actions::responsible.eq(&a.responsible),
                carried_actions::action.eq(&a.action),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The actions a monitoring inspection judges, in the full report's order.
pub fn list(conn: &mut DbConnection, inspection_id: i32) -> Result<Vec<CarriedAction>, DbError> {
    Ok(carried_actions::table
        .filter(carried_actions::inspection_id.eq(inspection_id))
        .order(carried_actions::position)
        .select(CarriedAction::as_select())
        .load(conn)?)
}

/// Record the progress finding of one action of this inspection; false when the
/// action is not this inspection's.
pub fn save_progress(
    conn: &mut DbConnection,
    inspection_id: i32,
    action_id: i32,
    progress: &Progress,
    by: i32,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let changed = diesel::update(
        carried_actions::table
            .filter(carried_actions::id.eq(action_id))
            .filter(carried_actions::inspection_id.eq(inspection_id)),
    )
    .set((
        carried_actions::progress.eq(Some(&progress.judgement)),
        carried_actions::finding.eq(&progress.finding),
        carried_actions::updated_by.eq(Some(by)),
        carried_actions::updated_at.eq(Some(now)),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}
