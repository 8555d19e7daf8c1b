//! Failed sign-in counts per account (decisions live in `domain::throttle`).

use diesel::prelude::*;

use super::schema::sign_in_throttle as t;
use super::{DbConnection, DbError};
use crate::domain::throttle::ThrottleState;

pub fn get(conn: &mut DbConnection, email: &str) -> Result<Option<ThrottleState>, DbError> {
    let row = t::table
        .find(email)
        .select((t::failures, t::window_started_at, t::locked_until))
        .first::<(i32, chrono::NaiveDateTime, Option<chrono::NaiveDateTime>)>(conn)
        .optional()?;
    Ok(row.map(
        |(failures, window_started_at, locked_until)| ThrottleState {
            failures,
            window_started_at,
            locked_until,
        },
    ))
}

/// Store the new state (insert or replace), in a transaction with the read that produced it.
pub fn put(conn: &mut DbConnection, email: &str, state: &ThrottleState) -> Result<(), DbError> {
    let n = diesel::update(t::table.find(email))
        .set((
            t::failures.eq(state.failures),
            t::window_started_at.eq(state.window_started_at),
            t::locked_until.eq(state.locked_until),
        ))
        .execute(conn)?;
    if n == 0 {
        diesel::insert_into(t::table)
            .values((
                t::email.eq(email),
                t::failures.eq(state.failures),
                t::window_started_at.eq(state.window_started_at),
                t::locked_until.eq(state.locked_until),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn clear(conn: &mut DbConnection, email: &str) -> Result<(), DbError> {
    diesel::delete(t::table.find(email)).execute(conn)?;
    Ok(())
}

/// Forget failures whose window ended long ago and that lock nothing.
pub fn purge_stale(conn: &mut DbConnection) -> Result<usize, DbError> {
    let cutoff = super::now() - chrono::Duration::days(1);
    Ok(diesel::delete(
        t::table
            .filter(t::window_started_at.lt(cutoff))
            .filter(t::locked_until.is_null().or(t::locked_until.lt(cutoff))),
    )
    .execute(conn)?)
}
