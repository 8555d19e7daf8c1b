//! Running tallies of survey answers (see `domain::tally`), one row per group of
//! respondents, updated in the transaction that stores each response.

use diesel::prelude::*;

use super::schema::answer_tallies as t;
use super::{DbConnection, DbError};
use crate::domain::tally::{add as add_to, decode, encode, Group, GroupCounts, Tallies};

/// Add one response to each of its groups: one to each of `cells`, one to the
/// group's responses. A row changed by a concurrent submission since it was read is
/// a [`DbError::Duplicate`], so the caller runs the whole transaction again.
pub fn add(
    conn: &mut DbConnection,
    survey_id: i32,
    len: usize,
    groups: &[Group],
    cells: &[usize],
) -> Result<(), DbError> {
    // One read for every group of the response (the rows along its dimensions),
    // rather than one per group: this runs inside every submission's transaction.
    let mut dimensions: Vec<&str> = groups.iter().map(|g| g.dimension.as_str()).collect();
    dimensions.sort_unstable();
    dimensions.dedup();
    let query = t::table
        .filter(t::survey_id.eq(survey_id))
        .filter(t::dimension.eq_any(&dimensions))
        .order(t::id)
        .select((
            t::id,
            t::dimension,
            t::dimension_value,
            t::counts,
            t::version,
        ));
    // On PostgreSQL the rows are locked as they are read (in one order, so two
    // submissions cannot deadlock), so a busy survey's submissions wait their turn
    // rather than fail their version check again and again. SQLite already lets one
    // writer in at a time: the submission's first statement took the write lock.
    let rows: Vec<(i32, String, String, String, i32)> = match conn {
        DbConnection::Pg(c) => query.for_update().load(c)?,
        DbConnection::Sqlite(c) => query.load(c)?,
    };
    for group in groups {
        let row = rows
            .iter()
            .find(|(_, d, v, ..)| *d == group.dimension && *v == group.value);
        match row {
            Some((id, _, _, text, version)) => {
                let mut counts = decode(text, len).ok_or_else(|| {
                    DbError::Corrupt(format!("tally {id} does not fit its form's {len} cells"))
                })?;
                add_to(&mut counts, cells);
                let n =
                    diesel::update(t::table.filter(t::id.eq(id)).filter(t::version.eq(version)))
                        .set((
                            t::counts.eq(encode(&counts)),
                            t::responses.eq(t::responses + 1),
                            t::version.eq(version + 1),
                        ))
                        .execute(conn)?;
                if n == 0 {
                    return Err(DbError::Duplicate("a tally changed meanwhile".into()));
                }
            }
            None => {
                let mut counts = vec![0; len];
                add_to(&mut counts, cells);
                diesel::insert_into(t::table)
                    .values((
                        t::survey_id.eq(survey_id),
                        t::dimension.eq(&group.dimension),
                        t::dimension_value.eq(&group.value),
                        t::responses.eq(1),
                        t::counts.eq(encode(&counts)),
                        t::version.eq(1),
                    ))
                    .execute(conn)?;
            }
        }
    }
    Ok(())
}

/// A survey's tallies for a form layout of `len` cells.
pub fn load(conn: &mut DbConnection, survey_id: i32, len: usize) -> Result<Tallies, DbError> {
    let rows: Vec<(String, String, i32, String)> = t::table
        .filter(t::survey_id.eq(survey_id))
        .order((t::dimension, t::dimension_value))
        .select((t::dimension, t::dimension_value, t::responses, t::counts))
        .load(conn)?;
    let groups = rows
        .into_iter()
        .map(|(dimension, value, responses, counts)| {
            Ok(GroupCounts {
                counts: decode(&counts, len).ok_or_else(|| {
                    DbError::Corrupt(format!("tally {dimension}={value} does not fit its form"))
                })?,
                group: Group { dimension, value },
                responses: u64::try_from(responses).unwrap_or(0),
            })
        })
        .collect::<Result<_, DbError>>()?;
    Ok(Tallies { groups })
}
