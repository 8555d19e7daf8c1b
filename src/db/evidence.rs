//! The statutory duties checklist, documents and case notes of an inspection.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{case_notes, documents, duty_checks};
use super::{now, stored, DbConnection, DbError};
use crate::domain::evidence::{
    Bearing, CaseNote, DocumentKind, DutyCheck, DutyStatus, NewDocument, Support,
};

fn criteria_json(criteria: &[String]) -> String {
    serde_json::to_string(criteria).unwrap_or_else(|_| "[]".into())
}

fn criteria_of(what: &str, text: &str) -> Result<Vec<String>, DbError> {
    serde_json::from_str(text).map_err(|e| DbError::Corrupt(format!("{what} criteria: {e}")))
}

/// Record a duty's status, replacing what was recorded before.
pub fn put_duty(
    conn: &mut DbConnection,
    inspection_id: i32,
    check: &DutyCheck,
    by: i32,
) -> Result<(), DbError> {
    let n = diesel::update(
        duty_checks::table
            .filter(duty_checks::inspection_id.eq(inspection_id))
            .filter(duty_checks::criterion_id.eq(&check.criterion_id)),
    )
    .set((
        duty_checks::status.eq(check.status.as_str()),
        duty_checks::evidence.eq(&check.evidence),
        duty_checks::note.eq(&check.note),
        duty_checks::updated_by.eq(Some(by)),
        duty_checks::updated_at.eq(now()),
    ))
    .execute(conn)?;
    if n == 0 {
        diesel::insert_into(duty_checks::table)
            .values((
                duty_checks::inspection_id.eq(inspection_id),
                duty_checks::criterion_id.eq(&check.criterion_id),
                duty_checks::status.eq(check.status.as_str()),
                duty_checks::evidence.eq(&check.evidence),
                duty_checks::note.eq(&check.note),
                duty_checks::updated_by.eq(Some(by)),
                duty_checks::updated_at.eq(now()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The duties recorded for an inspection.
pub fn duties(conn: &mut DbConnection, inspection_id: i32) -> Result<Vec<DutyCheck>, DbError> {
    let rows: Vec<(String, String, String, String)> = duty_checks::table
        .filter(duty_checks::inspection_id.eq(inspection_id))
        .order(duty_checks::criterion_id)
        .select((
            duty_checks::criterion_id,
            duty_checks::status,
            duty_checks::evidence,
            duty_checks::note,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(criterion_id, status, evidence, note)| {
            Ok(DutyCheck {
                status: stored("duty status", &status, DutyStatus::parse)?,
                criterion_id,
                evidence,
                note,
            })
        })
        .collect()
}

/// A document as listed (without its content).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentSummary {
    pub id: i32,
    pub title: String,
    pub kind: DocumentKind,
    pub criteria: Vec<String>,
    pub file_name: String,
    pub media_type: String,
    pub size: i32,
    pub sha256: String,
    pub uploaded_at: NaiveDateTime,
}

/// Keep a document; returns its id.
pub fn insert_document(
    conn: &mut DbConnection,
    inspection_id: i32,
    doc: &NewDocument,
    content: &[u8],
    sha256: &str,
    by: i32,
) -> Result<i32, DbError> {
    let size = i32::try_from(content.len())
        .map_err(|_| DbError::Corrupt("document too large to store".into()))?;
    Ok(diesel::insert_into(documents::table)
        .values((
            documents::inspection_id.eq(inspection_id),
            documents::title.eq(&doc.title),
            documents::kind.eq(doc.kind.as_str()),
            documents::criteria.eq(criteria_json(&doc.criteria)),
            documents::file_name.eq(&doc.file_name),
            documents::media_type.eq(doc.file_type.media_type()),
            documents::size.eq(size),
            documents::sha256.eq(sha256),
            documents::content.eq(content),
            documents::uploaded_by.eq(Some(by)),
            documents::uploaded_at.eq(now()),
        ))
        .returning(documents::id)
        .get_result(conn)?)
}

type DocumentRow = (
    i32,
    String,
    String,
    String,
    String,
    String,
    i32,
    String,
    NaiveDateTime,
);

fn summary(row: DocumentRow) -> Result<DocumentSummary, DbError> {
    let (id, title, kind, criteria, file_name, media_type, size, sha256, uploaded_at) = row;
    Ok(DocumentSummary {
        id,
        title,
        kind: stored("document kind", &kind, DocumentKind::parse)?,
        criteria: criteria_of("document", &criteria)?,
        file_name,
        media_type,
        size,
        sha256,
        uploaded_at,
    })
}

pub fn documents(
    conn: &mut DbConnection,
    inspection_id: i32,
) -> Result<Vec<DocumentSummary>, DbError> {
    let rows: Vec<DocumentRow> = documents::table
        .filter(documents::inspection_id.eq(inspection_id))
        .order(documents::id)
        .select((
            documents::id,
            documents::title,
            documents::kind,
            documents::criteria,
            documents::file_name,
            documents::media_type,
            documents::size,
            documents::sha256,
            documents::uploaded_at,
        ))
        .load(conn)?;
    rows.into_iter().map(summary).collect()
}

/// A document with its content, for download.
pub fn document(
    conn: &mut DbConnection,
    inspection_id: i32,
    id: i32,
) -> Result<Option<(DocumentSummary, Vec<u8>)>, DbError> {
    let row: Option<(DocumentRow, Vec<u8>)> = documents::table
        .filter(documents::inspection_id.eq(inspection_id))
        .filter(documents::id.eq(id))
        .select((
            (
                documents::id,
                documents::title,
                documents::kind,
                documents::criteria,
                documents::file_name,
                documents::media_type,
                documents::size,
                documents::sha256,
                documents::uploaded_at,
            ),
            documents::content,
        ))
        .get_result(conn)
        .optional()?;
    row.map(|(r, content)| Ok((summary(r)?, content)))
        .transpose()
}

/// How many documents an inspection has.
pub fn count_documents(conn: &mut DbConnection, inspection_id: i32) -> Result<i64, DbError> {
    Ok(documents::table
        .filter(documents::inspection_id.eq(inspection_id))
        .count()
        .get_result(conn)?)
}

/// A case note as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCaseNote {
    pub id: i32,
    pub note: CaseNote,
    pub created_at: NaiveDateTime,
}

pub fn insert_case_note(
    conn: &mut DbConnection,
    inspection_id: i32,
    note: &CaseNote,
    by: i32,
) -> Result<i32, DbError> {
    Ok(diesel::insert_into(case_notes::table)
        .values((
            case_notes::inspection_id.eq(inspection_id),
            case_notes::case_ref.eq(&note.case_ref),
            case_notes::age_band.eq(&note.age_band),
            case_notes::need.eq(&note.need),
            case_notes::setting.eq(&note.setting),
            case_notes::support.eq(note.support.as_str()),
            case_notes::findings.eq(&note.findings),
            case_notes::bearing.eq(note.bearing.as_str()),
            case_notes::criteria.eq(criteria_json(&note.criteria)),
            case_notes::created_by.eq(Some(by)),
            case_notes::created_at.eq(now()),
        ))
        .returning(case_notes::id)
        .get_result(conn)?)
}

type CaseRow = (
    i32,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    NaiveDateTime,
);

pub fn case_notes(
    conn: &mut DbConnection,
    inspection_id: i32,
) -> Result<Vec<StoredCaseNote>, DbError> {
    let rows: Vec<CaseRow> = case_notes::table
        .filter(case_notes::inspection_id.eq(inspection_id))
        .order(case_notes::id)
        .select((
            case_notes::id,
            case_notes::case_ref,
            case_notes::age_band,
            case_notes::need,
            case_notes::setting,
            case_notes::support,
            case_notes::findings,
            case_notes::bearing,
            case_notes::criteria,
            case_notes::created_at,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(
            |(
                id,
                case_ref,
                age_band,
                need,
                setting,
                support,
                findings,
                bearing,
                criteria,
                created_at,
            )| {
                Ok(StoredCaseNote {
                    id,
                    note: CaseNote {
                        case_ref,
                        age_band,
                        need,
                        setting,
                        support: stored("support", &support, Support::parse)?,
                        findings,
                        bearing: stored("bearing", &bearing, Bearing::parse)?,
                        criteria: criteria_of("case note", &criteria)?,
                    },
                    created_at,
                })
            },
        )
        .collect()
}
