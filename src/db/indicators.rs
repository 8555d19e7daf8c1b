//! Imported indicator values and the record of each import.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{imports, indicator_values, partnerships};
use super::{now, stored, DbConnection, DbError};
use crate::domain::indicator::{Level, Measure, Period};

/// One value as stored, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredValue {
    pub indicator_id: String,
    pub level: Level,
    pub area_code: String,
    pub area_name: String,
    pub period: Period,
    pub measure: Measure,
    pub note: String,
    pub import_id: Option<i32>,
}

impl StoredValue {
    /// The value as the indicator series reads it.
    pub fn observation(&self) -> crate::domain::indicator::Observation<'_> {
        crate::domain::indicator::Observation {
            indicator_id: &self.indicator_id,
            level: self.level,
            period: &self.period,
            measure: &self.measure,
        }
    }
}

/// A value to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewValue<'a> {
    pub indicator_id: &'a str,
    pub level: Level,
    pub area_code: &'a str,
    pub area_name: &'a str,
    pub period: &'a Period,
    pub measure: &'a Measure,
    pub note: &'a str,
}

#[derive(Queryable)]
struct ValueRow {
    indicator_id: String,
    level: String,
    area_code: String,
    area_name: String,
    period: String,
    period_label: String,
    value_kind: String,
    value_number: Option<f64>,
    value_text: Option<String>,
    note: String,
    import_id: Option<i32>,
}

fn measure_of(row: &ValueRow) -> Result<Measure, DbError> {
    let corrupt = || {
        DbError::Corrupt(format!(
            "indicator value {} {}",
            row.indicator_id, row.period
        ))
    };
    match row.value_kind.as_str() {
        "number" => row.value_number.map(Measure::Number).ok_or_else(corrupt),
        "symbol" => row
            .value_text
            .clone()
            .map(Measure::Symbol)
            .ok_or_else(corrupt),
        "answer" => row
            .value_text
            .clone()
            .map(Measure::Answer)
            .ok_or_else(corrupt),
        _ => Err(corrupt()),
    }
}

/// Record an import; returns its id.
pub fn record_import(
    conn: &mut DbConnection,
    inspection_id: i32,
    kind: &str,
    file_name: &str,
    sha256: &str,
    by: Option<i32>,
    report: &serde_json::Value,
) -> Result<i32, DbError> {
    Ok(diesel::insert_into(imports::table)
        .values((
            imports::inspection_id.eq(inspection_id),
            imports::kind.eq(kind),
            imports::file_name.eq(file_name),
            imports::sha256.eq(sha256),
            imports::imported_by.eq(by),
            imports::imported_at.eq(now()),
            imports::report.eq(report.to_string()),
        ))
        .returning(imports::id)
        .get_result(conn)?)
}

/// Store values, replacing any already stored for the same indicator, level and
/// period (a period imported again is replaced, never duplicated).
pub fn replace(
    conn: &mut DbConnection,
    inspection_id: i32,
    import_id: Option<i32>,
    values: &[NewValue<'_>],
) -> Result<usize, DbError> {
    for v in values {
        diesel::delete(
            indicator_values::table
                .filter(indicator_values::inspection_id.eq(inspection_id))
                .filter(indicator_values::indicator_id.eq(v.indicator_id))
                .filter(indicator_values::level.eq(v.level.as_str()))
                .filter(indicator_values::period.eq(&v.period.code)),
        )
        .execute(conn)?;
        let (kind, number, text) = match v.measure {
            Measure::Number(n) => ("number", Some(*n), None),
            Measure::Symbol(s) => ("symbol", None, Some(s.as_str())),
            Measure::Answer(a) => ("answer", None, Some(a.as_str())),
        };
        diesel::insert_into(indicator_values::table)
            .values((
                indicator_values::inspection_id.eq(inspection_id),
                indicator_values::indicator_id.eq(v.indicator_id),
                indicator_values::level.eq(v.level.as_str()),
                indicator_values::area_code.eq(v.area_code),
                indicator_values::area_name.eq(v.area_name),
                indicator_values::period.eq(&v.period.code),
                indicator_values::period_label.eq(&v.period.label),
                indicator_values::value_kind.eq(kind),
                indicator_values::value_number.eq(number),
                indicator_values::value_text.eq(text),
                indicator_values::note.eq(v.note),
                indicator_values::import_id.eq(import_id),
            ))
            .execute(conn)?;
    }
    Ok(values.len())
}

/// Every value stored for an inspection, by indicator, level and period.
pub fn for_inspection(
    conn: &mut DbConnection,
    inspection_id: i32,
) -> Result<Vec<StoredValue>, DbError> {
    let rows: Vec<ValueRow> = indicator_values::table
        .filter(indicator_values::inspection_id.eq(inspection_id))
        .order((
            indicator_values::indicator_id,
            indicator_values::level,
            indicator_values::period,
        ))
        .select((
            indicator_values::indicator_id,
            indicator_values::level,
            indicator_values::area_code,
            indicator_values::area_name,
            indicator_values::period,
            indicator_values::period_label,
            indicator_values::value_kind,
            indicator_values::value_number,
            indicator_values::value_text,
            indicator_values::note,
            indicator_values::import_id,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|row| {
            Ok(StoredValue {
                measure: measure_of(&row)?,
                level: stored("level", &row.level, Level::parse)?,
                indicator_id: row.indicator_id,
                area_code: row.area_code,
                area_name: row.area_name,
                period: Period {
                    code: row.period,
                    label: row.period_label,
                },
                note: row.note,
                import_id: row.import_id,
            })
        })
        .collect()
}

/// How many values an inspection has (for checks that nothing was stored).
pub fn count(conn: &mut DbConnection, inspection_id: i32) -> Result<i64, DbError> {
    Ok(indicator_values::table
        .filter(indicator_values::inspection_id.eq(inspection_id))
        .count()
        .get_result(conn)?)
}

/// One import, as listed.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportRecord {
    pub id: i32,
    pub kind: String,
    pub file_name: String,
    pub imported_at: NaiveDateTime,
    pub report: serde_json::Value,
}

pub fn imports(conn: &mut DbConnection, inspection_id: i32) -> Result<Vec<ImportRecord>, DbError> {
    let rows: Vec<(i32, String, String, NaiveDateTime, String)> = imports::table
        .filter(imports::inspection_id.eq(inspection_id))
        .order(imports::id.desc())
        .select((
            imports::id,
            imports::kind,
            imports::file_name,
            imports::imported_at,
            imports::report,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(id, kind, file_name, imported_at, report)| {
            Ok(ImportRecord {
                id,
                kind,
                file_name,
                imported_at,
                report: serde_json::from_str(&report)
                    .map_err(|e| DbError::Corrupt(format!("import {id} report: {e}")))?,
            })
        })
        .collect()
}

/// What a partnership's council is also known by, learned from DfE files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Known {
    pub old_code: Option<String>,
    pub region_code: Option<String>,
    pub region_name: Option<String>,
}

pub fn known(conn: &mut DbConnection, partnership_id: i32) -> Result<Known, DbError> {
    let (old_code, region_code, region_name) = partnerships::table
        .find(partnership_id)
        .select((
            partnerships::council_old_code,
            partnerships::region_code,
            partnerships::region_name,
        ))
        .get_result(conn)?;
    Ok(Known {
        old_code,
        region_code,
        region_name,
    })
}

/// Keep what a file said about the council, where not known already.
pub fn learn(conn: &mut DbConnection, partnership_id: i32, learned: &Known) -> Result<(), DbError> {
    if let Some(old) = &learned.old_code {
        diesel::update(
            partnerships::table
                .find(partnership_id)
                .filter(partnerships::council_old_code.is_null()),
        )
        .set(partnerships::council_old_code.eq(old))
        .execute(conn)?;
    }
    if let Some(region) = &learned.region_code {
        diesel::update(
            partnerships::table
                .find(partnership_id)
                .filter(partnerships::region_code.is_null()),
        )
        .set((
            partnerships::region_code.eq(region),
            partnerships::region_name.eq(&learned.region_name),
        ))
        .execute(conn)?;
    }
    Ok(())
}
