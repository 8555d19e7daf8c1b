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

/// Make sure the account has a row to count against, so that concurrent counts
/// only ever update it. A row made at the same moment by someone else is fine.
pub fn ensure(conn: &mut DbConnection, email: &str) -> Result<(), DbError> {
    if get(conn, email)?.is_some() {
        return Ok(());
    }
    let inserted = diesel::insert_into(t::table)
        .values((
            t::email.eq(email),
            t::failures.eq(0),
            t::window_started_at.eq(super::now()),
            t::locked_until.eq(None::<chrono::NaiveDateTime>),
        ))
        .execute(conn);
    match inserted {
        Ok(_) => Ok(()),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// Replace `old` with `new` only if nobody changed the row since `old` was read;
/// returns false when someone did (the caller reads again and retries).
pub fn update_if_unchanged(
    conn: &mut DbConnection,
    email: &str,
    old: &ThrottleState,
    new: &ThrottleState,
) -> Result<bool, DbError> {
    let n = diesel::update(
        t::table
            .filter(t::email.eq(email))
            .filter(t::failures.eq(old.failures))
            .filter(t::window_started_at.eq(old.window_started_at)),
    )
    .set((
        t::failures.eq(new.failures),
        t::window_started_at.eq(new.window_started_at),
        t::locked_until.eq(new.locked_until),
    ))
    .execute(conn)?;
    Ok(n == 1)
}
