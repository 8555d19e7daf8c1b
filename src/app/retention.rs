//! Retention: removing the personal and response-level data of inspections whose
//! report has been final for the retention period, keeping the suppressed tallies,
//! the statistics, the findings, the report and the audit trail.

use chrono::NaiveDate;
use diesel::Connection;
use serde_json::json;

use super::AppError;
use crate::db::retention::{self as store, Held};
use crate::db::{self, audit, DbConnection};
use crate::domain::retention::purge_due_on;

/// One inspection's purge (or what it would remove).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Purge {
    pub inspection_id: i32,
    pub council: String,
    pub final_on: NaiveDate,
    pub held: Held,
}

/// Purge every inspection due on `today` (final for `years` or more); with
/// `dry_run`, only say what would go. Each inspection is one transaction with its
/// audit entry.
pub fn purge(
    conn: &mut DbConnection,
    years: u32,
    today: NaiveDate,
    dry_run: bool,
) -> Result<Vec<Purge>, AppError> {
    let mut done = vec![];
    for (inspection_id, council, final_on) in store::final_not_purged(conn)? {
        if today < purge_due_on(final_on, years) {
            continue;
        }
        let held = conn.transaction(|conn| {
            if !dry_run && !store::claim(conn, inspection_id, db::now())? {
                // Another instance purged it a moment ago.
                return Ok::<_, AppError>(None);
            }
            let held = store::held(conn, inspection_id)?;
            if !dry_run {
                store::purge(conn, inspection_id)?;
                audit::record(
                    conn,
                    None,
                    Some(inspection_id),
                    "inspection.purged",
                    json!({
                        "final_on": final_on.to_string(),
                        "responses": held.responses,
                        "free_text": held.free_text,
                        "invitations": held.invitations,
                        "case_notes": held.case_notes,
                        "emails": held.emails,
                        "supporting_documents": held.supporting_documents,
                    }),
                )?;
            }
            Ok(Some(held))
        })?;
        let Some(held) = held else {
            continue;
        };
        done.push(Purge {
            inspection_id,
            council,
            final_on,
            held,
        });
    }
    Ok(done)
}
