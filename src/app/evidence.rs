//! Storing evidence: imported statistics and local data, duties, documents and case
//! notes, each in one transaction with its audit entry. Files are parsed before any
//! connection is taken (see `import/`); these functions store what was read.

use diesel::Connection;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::AppError;
use crate::db::{self, audit, DbConnection};
use crate::domain::evidence::{CaseNote, DutyCheck, NewDocument};
use crate::domain::inspection::{Status, TransitionError};
use crate::import::dfe::{Area, Reading};
use crate::import::local::LocalReading;

/// The SHA-256 of a file, as hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// Take the inspection for a change to its evidence: it must exist and not be final.
pub(super) fn open_for_evidence(
    conn: &mut DbConnection,
    inspection_id: i32,
) -> Result<i32, AppError> {
    match db::inspections::take(conn, inspection_id)? {
        None => Err(AppError::NotFound),
        Some(Status::Final) => Err(TransitionError::Locked.into()),
        Some(_) => {
            let inspection =
                db::inspections::find(conn, inspection_id)?.ok_or(AppError::NotFound)?;
            Ok(inspection.partnership.id)
        }
    }
}

/// Who a DfE file's values are for: the inspection's council, with the old code and
/// region learned from earlier imports.
pub fn area_of(conn: &mut DbConnection, inspection_id: i32) -> Result<Area, AppError> {
    let inspection = db::inspections::find(conn, inspection_id)?.ok_or(AppError::NotFound)?;
    let known = db::indicators::known(conn, inspection.partnership.id)?;
    Ok(Area {
        council_code: inspection.partnership.council_code,
        old_code: known.old_code,
        region_code: known.region_code,
    })
}

/// Store what a DfE file gave, replacing the same indicators and periods, with the
/// import's report and an audit entry; returns the import's id.
pub fn store_dfe(
    conn: &mut DbConnection,
    inspection_id: i32,
    sha256: &str,
    reading: &Reading,
    actor: Option<i32>,
) -> Result<i32, AppError> {
    conn.transaction(|conn| {
        let partnership_id = open_for_evidence(conn, inspection_id)?;
        let report = serde_json::to_value(&reading.report)
            .map_err(|e| db::DbError::Corrupt(format!("import report: {e}")))?;
        let import_id = db::indicators::record_import(
            conn,
            inspection_id,
            "dfe",
            &reading.report.file_name,
            sha256,
            actor,
            &report,
        )?;
        let values: Vec<db::indicators::NewValue> = reading
            .values
            .iter()
            .map(|v| db::indicators::NewValue {
                indicator_id: &v.indicator_id,
                level: v.level,
                area_code: &v.area_code,
                area_name: &v.area_name,
                period: &v.period,
                measure: &v.measure,
                note: "",
            })
            .collect();
        let stored = db::indicators::replace(conn, inspection_id, Some(import_id), &values)?;
        db::indicators::learn(
            conn,
            partnership_id,
            &db::indicators::Known {
                old_code: reading.learned.old_code.clone(),
                region_code: reading.learned.region_code.clone(),
                region_name: reading.learned.region_name.clone(),
            },
        )?;
        audit::record(
            conn,
            actor,
            Some(inspection_id),
            "indicators.imported",
            json!({ "file": reading.report.file_name, "kind": reading.kind_id, "values": stored }),
        )?;
        Ok(import_id)
    })
}

/// Store a filled-in local data template. It must have no problems: the caller shows
/// them instead. Returns the import's id.
pub fn store_local(
    conn: &mut DbConnection,
    inspection_id: i32,
    file_name: &str,
    sha256: &str,
    reading: &LocalReading,
    actor: Option<i32>,
) -> Result<i32, AppError> {
    conn.transaction(|conn| {
        open_for_evidence(conn, inspection_id)?;
        let inspection = db::inspections::find(conn, inspection_id)?.ok_or(AppError::NotFound)?;
        let report = json!({ "values": reading.values.len(), "blank": reading.blank });
        let import_id = db::indicators::record_import(
            conn,
            inspection_id,
            "local",
            file_name,
            sha256,
            actor,
            &report,
        )?;
        let values: Vec<db::indicators::NewValue> = reading
            .values
            .iter()
            .map(|v| db::indicators::NewValue {
                indicator_id: &v.indicator_id,
                level: crate::domain::indicator::Level::LocalAuthority,
                area_code: &inspection.partnership.council_code,
                area_name: &inspection.partnership.council_name,
                period: &v.period,
                measure: &v.measure,
                note: &v.note,
            })
            .collect();
        let stored = db::indicators::replace(conn, inspection_id, Some(import_id), &values)?;
        audit::record(
            conn,
            actor,
            Some(inspection_id),
            "local_data.imported",
            json!({ "file": file_name, "values": stored }),
        )?;
        Ok(import_id)
    })
}

pub fn record_duty(
    conn: &mut DbConnection,
    inspection_id: i32,
    check: &DutyCheck,
    actor: i32,
) -> Result<(), AppError> {
    conn.transaction(|conn| {
        open_for_evidence(conn, inspection_id)?;
        db::evidence::put_duty(conn, inspection_id, check, actor)?;
        audit::record(
            conn,
            Some(actor),
            Some(inspection_id),
            "duty.recorded",
            json!({ "criterion": check.criterion_id, "status": check.status.as_str() }),
        )?;
        Ok(())
    })
}

pub fn add_document(
    conn: &mut DbConnection,
    inspection_id: i32,
    doc: &NewDocument,
    content: &[u8],
    actor: i32,
) -> Result<i32, AppError> {
    let sha = sha256_hex(content);
    conn.transaction(|conn| {
        open_for_evidence(conn, inspection_id)?;
        let id = db::evidence::insert_document(conn, inspection_id, doc, content, &sha, actor)?;
        audit::record(
            conn,
            Some(actor),
            Some(inspection_id),
            "document.added",
            json!({ "document_id": id, "title": doc.title, "sha256": sha }),
        )?;
        Ok(id)
    })
}

pub fn add_case_note(
    conn: &mut DbConnection,
    inspection_id: i32,
    note: &CaseNote,
    actor: i32,
) -> Result<i32, AppError> {
    conn.transaction(|conn| {
        open_for_evidence(conn, inspection_id)?;
        let id = db::evidence::insert_case_note(conn, inspection_id, note, actor)?;
        audit::record(
            conn,
            Some(actor),
            Some(inspection_id),
            "case_note.added",
            json!({ "case_note_id": id, "case_ref": note.case_ref }),
        )?;
        Ok(id)
    })
}
