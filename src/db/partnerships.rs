//! Local area partnerships and their ICBs.

use diesel::prelude::*;

use super::schema::{icbs, partnerships};
use super::{now, DbConnection, DbError};
use crate::domain::partnership::{CouncilCode, NewPartnership};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = icbs)]
pub struct Icb {
    pub id: i32,
    pub partnership_id: i32,
    pub name: String,
    pub code: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partnership {
    pub id: i32,
    pub council_name: String,
    pub council_code: String,
    pub icbs: Vec<Icb>,
}

/// Add a partnership with its ICBs; returns it as stored. A second partnership for
/// the same council is refused by the unique key.
pub fn insert(conn: &mut DbConnection, new: &NewPartnership) -> Result<Partnership, DbError> {
    let id: i32 = diesel::insert_into(partnerships::table)
        .values((
            partnerships::council_name.eq(&new.council_name),
            partnerships::council_code.eq(new.council_code.as_str()),
            partnerships::created_at.eq(now()),
        ))
        .returning(partnerships::id)
        .get_result(conn)?;
    for icb in &new.icbs {
        diesel::insert_into(icbs::table)
            .values((
                icbs::partnership_id.eq(id),
                icbs::name.eq(&icb.name),
                icbs::code.eq(icb.code.as_str()),
            ))
            .execute(conn)?;
    }
    find(conn, id)?.ok_or(DbError::NotFound)
}

/// The partnership of a council, by its ONS code.
pub fn find_by_council(
    conn: &mut DbConnection,
    code: &CouncilCode,
) -> Result<Option<Partnership>, DbError> {
    let id: Option<i32> = partnerships::table
        .filter(partnerships::council_code.eq(code.as_str()))
        .select(partnerships::id)
        .get_result(conn)
        .optional()?;
    match id {
        Some(id) => find(conn, id),
        None => Ok(None),
    }
}

pub fn find(conn: &mut DbConnection, id: i32) -> Result<Option<Partnership>, DbError> {
    let row: Option<(i32, String, String)> = partnerships::table
        .find(id)
        .select((
            partnerships::id,
            partnerships::council_name,
            partnerships::council_code,
        ))
        .get_result(conn)
        .optional()?;
    let Some((id, council_name, council_code)) = row else {
        return Ok(None);
    };
    let icbs = icbs::table
        .filter(icbs::partnership_id.eq(id))
        .order(icbs::name)
        .select(Icb::as_select())
        .load(conn)?;
    Ok(Some(Partnership {
        id,
        council_name,
        council_code,
        icbs,
    }))
}

/// Every partnership with its ICBs, by council name.
pub fn list(conn: &mut DbConnection) -> Result<Vec<Partnership>, DbError> {
    let rows: Vec<(i32, String, String)> = partnerships::table
        .order(partnerships::council_name)
        .select((
            partnerships::id,
            partnerships::council_name,
            partnerships::council_code,
        ))
        .load(conn)?;
    let all_icbs: Vec<Icb> = icbs::table
        .order(icbs::name)
        .select(Icb::as_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, council_name, council_code)| Partnership {
            id,
            council_name,
            council_code,
            icbs: all_icbs
                .iter()
                .filter(|i| i.partnership_id == id)
                .cloned()
                .collect(),
        })
        .collect())
}
