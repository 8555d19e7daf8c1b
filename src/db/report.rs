//! Findings, the outcome decision, narrative sections, the report's particulars and
//! saved report versions.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

use super::schema::{findings, narratives, outcome_decisions, report_particulars, report_versions};
use super::{now, stored, DbConnection, DbError};
use crate::domain::findings::{Finding, FindingDraft, FindingKind, Leaders};
use crate::domain::narrative::Narrative;
use crate::domain::outcome::Decision;
use crate::domain::report::{EasyReadSummary, Particulars, Report};

fn to_json<T: Serialize>(value: &T) -> Result<String, DbError> {
    serde_json::to_string(value).map_err(|e| DbError::Corrupt(format!("cannot write JSON: {e}")))
}

fn from_json<T: DeserializeOwned>(what: &str, text: &str) -> Result<T, DbError> {
    serde_json::from_str(text).map_err(|e| DbError::Corrupt(format!("{what}: {e}")))
}

type FindingRow = (
    i32,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    bool,
    Option<String>,
    i32,
);

fn finding_of(row: FindingRow) -> Result<Finding, DbError> {
    let (
        id,
        criterion_id,
        kind,
        text,
        evidence,
        responsible,
        addressed_to,
        in_hand,
        group,
        position,
    ) = row;
    Ok(Finding {
        id,
        criterion_id,
        kind: stored("finding kind", &kind, FindingKind::parse)?,
        text,
        evidence: from_json("finding evidence", &evidence)?,
        responsible: responsible
            .map(|r| from_json("finding responsible body", &r))
            .transpose()?,
        addressed_to: addressed_to
            .map(|a| stored("finding leaders", &a, Leaders::parse))
            .transpose()?,
        in_hand,
        group,
        position,
    })
}

/// An inspection's findings in the order inspectors set.
pub fn findings(conn: &mut DbConnection, inspection_id: i32) -> Result<Vec<Finding>, DbError> {
    let rows: Vec<FindingRow> = findings::table
        .filter(findings::inspection_id.eq(inspection_id))
        .order((findings::position, findings::id))
        .select((
            findings::id,
            findings::criterion_id,
            findings::kind,
            findings::text,
            findings::evidence,
            findings::responsible,
            findings::addressed_to,
            findings::in_hand,
            findings::group_label,
            findings::position,
        ))
        .load(conn)?;
    rows.into_iter().map(finding_of).collect()
}

pub fn insert_finding(
    conn: &mut DbConnection,
    inspection_id: i32,
    draft: &FindingDraft,
    by: i32,
) -> Result<i32, DbError> {
    let last: Option<i32> = findings::table
        .filter(findings::inspection_id.eq(inspection_id))
        .select(diesel::dsl::max(findings::position))
        .first(conn)?;
    let responsible = draft.responsible.as_ref().map(to_json).transpose()?;
    Ok(diesel::insert_into(findings::table)
        .values((
            findings::inspection_id.eq(inspection_id),
            findings::criterion_id.eq(&draft.criterion_id),
            findings::kind.eq(draft.kind.as_str()),
            findings::text.eq(&draft.text),
            findings::evidence.eq(to_json(&draft.evidence)?),
            findings::responsible.eq(responsible),
            findings::addressed_to.eq(draft.addressed_to.map(|a| a.as_str())),
            findings::in_hand.eq(draft.in_hand),
            findings::group_label.eq(&draft.group),
            findings::position.eq(last.unwrap_or(0) + 1),
            findings::updated_by.eq(Some(by)),
            findings::updated_at.eq(now()),
        ))
        .returning(findings::id)
        .get_result(conn)?)
}

/// Replace a finding's content; `NotFound` if it is not this inspection's.
pub fn update_finding(
    conn: &mut DbConnection,
    inspection_id: i32,
    id: i32,
    draft: &FindingDraft,
    by: i32,
) -> Result<(), DbError> {
    let responsible = draft.responsible.as_ref().map(to_json).transpose()?;
    let n = diesel::update(
        findings::table
            .filter(findings::inspection_id.eq(inspection_id))
            .filter(findings::id.eq(id)),
    )
    .set((
        findings::criterion_id.eq(&draft.criterion_id),
        findings::kind.eq(draft.kind.as_str()),
        findings::text.eq(&draft.text),
        findings::evidence.eq(to_json(&draft.evidence)?),
        findings::responsible.eq(responsible),
        findings::addressed_to.eq(draft.addressed_to.map(|a| a.as_str())),
        findings::in_hand.eq(draft.in_hand),
        findings::group_label.eq(&draft.group),
        findings::updated_by.eq(Some(by)),
        findings::updated_at.eq(now()),
    ))
    .execute(conn)?;
    if n == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}

pub fn delete_finding(conn: &mut DbConnection, inspection_id: i32, id: i32) -> Result<(), DbError> {
    let n = diesel::delete(
        findings::table
            .filter(findings::inspection_id.eq(inspection_id))
            .filter(findings::id.eq(id)),
    )
    .execute(conn)?;
    if n == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}

pub fn set_positions(
    conn: &mut DbConnection,
    inspection_id: i32,
    positions: &[(i32, i32)],
) -> Result<(), DbError> {
    for (id, position) in positions {
        diesel::update(
            findings::table
                .filter(findings::inspection_id.eq(inspection_id))
                .filter(findings::id.eq(id)),
        )
        .set(findings::position.eq(position))
        .execute(conn)?;
    }
    Ok(())
}

/// The decision as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDecision {
    pub decision: Decision,
    pub proposed: Option<u8>,
    pub decided_by: Option<i32>,
    pub decided_at: NaiveDateTime,
}

fn outcome_of(n: i32) -> Result<u8, DbError> {
    u8::try_from(n)
        .ok()
        .filter(|o| (1..=3).contains(o))
        .ok_or_else(|| DbError::Corrupt(format!("outcome {n}")))
}

pub fn decision(
    conn: &mut DbConnection,
    inspection_id: i32,
) -> Result<Option<StoredDecision>, DbError> {
    type Row = (i32, Option<i32>, String, Option<i32>, NaiveDateTime);
    let row: Option<Row> = outcome_decisions::table
        .find(inspection_id)
        .select((
            outcome_decisions::outcome,
            outcome_decisions::proposed,
            outcome_decisions::rationale,
            outcome_decisions::decided_by,
            outcome_decisions::decided_at,
        ))
        .first(conn)
        .optional()?;
    row.map(|(outcome, proposed, rationale, decided_by, decided_at)| {
        Ok(StoredDecision {
            decision: Decision {
                outcome: outcome_of(outcome)?,
                rationale,
            },
            proposed: proposed.map(outcome_of).transpose()?,
            decided_by,
            decided_at,
        })
    })
    .transpose()
}

pub fn put_decision(
    conn: &mut DbConnection,
    inspection_id: i32,
    decision: &Decision,
    proposed: Option<u8>,
    by: i32,
) -> Result<(), DbError> {
    diesel::delete(outcome_decisions::table.find(inspection_id)).execute(conn)?;
    diesel::insert_into(outcome_decisions::table)
        .values((
            outcome_decisions::inspection_id.eq(inspection_id),
            outcome_decisions::outcome.eq(i32::from(decision.outcome)),
            outcome_decisions::proposed.eq(proposed.map(i32::from)),
            outcome_decisions::rationale.eq(&decision.rationale),
            outcome_decisions::decided_by.eq(Some(by)),
            outcome_decisions::decided_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// A narrative section's stored JSON and next id number, or an empty one.
pub fn narrative_raw(
    conn: &mut DbConnection,
    inspection_id: i32,
    section: &str,
) -> Result<Option<(String, i32)>, DbError> {
    Ok(narratives::table
        .find((inspection_id, section))
        .select((narratives::paragraphs, narratives::next_number))
        .first(conn)
        .optional()?)
}

pub fn narrative(
    conn: &mut DbConnection,
    inspection_id: i32,
    section: &str,
) -> Result<Narrative, DbError> {
    Ok(match narrative_raw(conn, inspection_id, section)? {
        Some((json, next_number)) => Narrative {
            paragraphs: from_json("narrative", &json)?,
            next_number,
        },
        None => Narrative::default(),
    })
}

/// Store a section's paragraphs (any serialisable list) and its next id number.
pub fn put_narrative<T: Serialize>(
    conn: &mut DbConnection,
    inspection_id: i32,
    section: &str,
    paragraphs: &T,
    next_number: i32,
    by: i32,
) -> Result<(), DbError> {
    diesel::delete(narratives::table.find((inspection_id, section))).execute(conn)?;
    diesel::insert_into(narratives::table)
        .values((
            narratives::inspection_id.eq(inspection_id),
            narratives::section.eq(section),
            narratives::paragraphs.eq(to_json(paragraphs)?),
            narratives::next_number.eq(next_number),
            narratives::updated_by.eq(Some(by)),
            narratives::updated_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn particulars(
    conn: &mut DbConnection,
    inspection_id: i32,
) -> Result<Option<Particulars>, DbError> {
    let row: Option<String> = report_particulars::table
        .find(inspection_id)
        .select(report_particulars::particulars)
        .first(conn)
        .optional()?;
    row.map(|json| from_json("report particulars", &json))
        .transpose()
}

pub fn put_particulars(
    conn: &mut DbConnection,
    inspection_id: i32,
    particulars: &Particulars,
    by: i32,
) -> Result<(), DbError> {
    diesel::delete(report_particulars::table.find(inspection_id)).execute(conn)?;
    diesel::insert_into(report_particulars::table)
        .values((
            report_particulars::inspection_id.eq(inspection_id),
            report_particulars::particulars.eq(to_json(particulars)?),
            report_particulars::updated_by.eq(Some(by)),
            report_particulars::updated_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// A saved draft version as listed.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionSummary {
    pub number: i32,
    pub outcome: u8,
    pub note: String,
    pub created_by: Option<i32>,
    pub created_at: NaiveDateTime,
}

/// A saved draft version in full.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    pub summary: VersionSummary,
    pub report: Report,
    pub easy_read: EasyReadSummary,
}

pub fn versions(
    conn: &mut DbConnection,
    inspection_id: i32,
) -> Result<Vec<VersionSummary>, DbError> {
    let rows: Vec<(i32, i32, String, Option<i32>, NaiveDateTime)> = report_versions::table
        .filter(report_versions::inspection_id.eq(inspection_id))
        .order(report_versions::number.desc())
        .select((
            report_versions::number,
            report_versions::outcome,
            report_versions::note,
            report_versions::created_by,
            report_versions::created_at,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(number, outcome, note, created_by, created_at)| {
            Ok(VersionSummary {
                number,
                outcome: outcome_of(outcome)?,
                note,
                created_by,
                created_at,
            })
        })
        .collect()
}

/// One version; the latest when `number` is `None`.
pub fn version(
    conn: &mut DbConnection,
    inspection_id: i32,
    number: Option<i32>,
) -> Result<Option<Version>, DbError> {
    let mut query = report_versions::table
        .filter(report_versions::inspection_id.eq(inspection_id))
        .into_boxed();
    if let Some(n) = number {
        query = query.filter(report_versions::number.eq(n));
    }
    type Row = (i32, i32, String, String, String, Option<i32>, NaiveDateTime);
    let row: Option<Row> = query
        .order(report_versions::number.desc())
        .select((
            report_versions::number,
            report_versions::outcome,
            report_versions::report,
            report_versions::easy_read,
            report_versions::note,
            report_versions::created_by,
            report_versions::created_at,
        ))
        .first(conn)
        .optional()?;
    row.map(
        |(number, outcome, report, easy_read, note, created_by, created_at)| {
            Ok(Version {
                summary: VersionSummary {
                    number,
                    outcome: outcome_of(outcome)?,
                    note,
                    created_by,
                    created_at,
                },
                report: from_json("report version", &report)?,
                easy_read: from_json("easy-read version", &easy_read)?,
            })
        },
    )
    .transpose()
}

/// Save a new version, numbered one after the last; returns its number. Versions
/// are only ever inserted, never updated.
pub fn insert_version(
    conn: &mut DbConnection,
    inspection_id: i32,
    report: &Report,
    easy_read: &EasyReadSummary,
    note: &str,
    by: i32,
) -> Result<i32, DbError> {
    let last: Option<i32> = report_versions::table
        .filter(report_versions::inspection_id.eq(inspection_id))
        .select(diesel::dsl::max(report_versions::number))
        .first(conn)?;
    let number = last.unwrap_or(0) + 1;
    diesel::insert_into(report_versions::table)
        .values((
            report_versions::inspection_id.eq(inspection_id),
            report_versions::number.eq(number),
            report_versions::outcome.eq(i32::from(report.outcome.id)),
            report_versions::report.eq(to_json(report)?),
            report_versions::easy_read.eq(to_json(easy_read)?),
            report_versions::note.eq(note),
            report_versions::created_by.eq(Some(by)),
            report_versions::created_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(number)
}
