//! Local area partnerships and their ICBs.

use diesel::prelude::*;

use super::schema::{icbs, partnerships};
use super::{audit, now, DbConnection, DbError};
use crate::domain::partnership::NewPartnership;

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

/// Add a partnership with its ICBs, refusing a second one for the same council.
pub fn insert(
    conn: &mut DbConnection,
    new: &NewPartnership,
    actor_user_id: Option<i32>,
) -> Result<Partnership, DbError> {
    conn.transaction(|conn| {
        let taken: i64 = partnerships::table
            .filter(partnerships::council_code.eq(new.council_code.as_str()))
            .count()
            .get_result(conn)?;
        if taken > 0 {
            return Err(DbError::refused(format!(
                "There is already a partnership for the council {}.",
                new.council_code
            )));
        }
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
        audit::record(
            conn,
            actor_user_id,
            None,
            "partnership.added",
            serde_json::json!({ "partnership_id": id, "council_code": new.council_code.as_str() }),
        )?;
        find(conn, id)?.ok_or(DbError::NotFound)
    })
}

pub fn find(conn: &mut DbConnection, id: i32) -> Result<Option<Partnership>, DbError> {
    let row: Option<(i32, String, String)> = partnerships::table
        .find(id)
        .select((
            partnerships::id,
            partnerships::council_name,
            partnerships::council_code,
        ))
        .first(conn)
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
