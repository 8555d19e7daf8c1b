//! Audit entries: one for every change, written in the same transaction as the change.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{audit_entries, users};
use super::{now, DbConnection, DbError};

/// Record what happened; `detail` is a small JSON object describing it.
pub fn record(
    conn: &mut DbConnection,
    actor_user_id: Option<i32>,
    inspection_id: Option<i32>,
    action: &str,
    detail: serde_json::Value,
) -> Result<(), DbError> {
    diesel::insert_into(audit_entries::table)
        .values((
            audit_entries::at.eq(now()),
            audit_entries::actor_user_id.eq(actor_user_id),
            audit_entries::inspection_id.eq(inspection_id),
            audit_entries::action.eq(action),
            audit_entries::detail.eq(detail.to_string()),
        ))
        .execute(conn)?;
    Ok(())
}

/// An audit entry with the actor's name, for display.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub at: NaiveDateTime,
    pub actor: Option<String>,
    pub action: String,
    pub detail: String,
}

/// The newest entries for one inspection, newest first.
pub fn for_inspection(
    conn: &mut DbConnection,
    inspection_id: i32,
    limit: i64,
) -> Result<Vec<AuditEntry>, DbError> {
    let rows: Vec<(NaiveDateTime, Option<String>, String, String)> = audit_entries::table
        .left_join(users::table)
        .filter(audit_entries::inspection_id.eq(inspection_id))
        .order((audit_entries::at.desc(), audit_entries::id.desc()))
        .limit(limit)
        .select((
            audit_entries::at,
            users::display_name.nullable(),
            audit_entries::action,
            audit_entries::detail,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(at, actor, action, detail)| AuditEntry {
            at,
            actor,
            action,
            detail,
        })
        .collect())
}

/// How many entries exist with this action (for tests and the admin page).
pub fn count_action(conn: &mut DbConnection, action: &str) -> Result<i64, DbError> {
    Ok(audit_entries::table
        .filter(audit_entries::action.eq(action))
        .count()
        .get_result(conn)?)
}
