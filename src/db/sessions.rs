//! Sign-in sessions kept in the database, so that signing out really ends a
//! session and any number of instances can share them.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::sessions;
use super::{now, DbConnection, DbError};

/// The stored state of a live session, or nothing if it is unknown or expired.
pub fn load(conn: &mut DbConnection, key_hash: &str) -> Result<Option<String>, DbError> {
    // The expiry is compared here rather than bound into the query: SQLite re-plans
    // a statement whose bound range value changes, and this runs on every request.
    let row: Option<(String, NaiveDateTime)> = sessions::table
        .filter(sessions::key_hash.eq(key_hash))
        .select((sessions::state, sessions::expires_at))
        .get_result(conn)
        .optional()?;
    let now = now();
    Ok(row
        .filter(|(_, expires)| *expires > now)
        .map(|(state, _)| state))
}

pub fn insert(
    conn: &mut DbConnection,
    key_hash: &str,
    state: &str,
    expires_at: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(sessions::table)
        .values((
            sessions::key_hash.eq(key_hash),
            sessions::state.eq(state),
            sessions::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// Update a session; returns false if it no longer exists (signed out elsewhere).
pub fn update(
    conn: &mut DbConnection,
    key_hash: &str,
    state: &str,
    expires_at: NaiveDateTime,
) -> Result<bool, DbError> {
    let n = diesel::update(sessions::table.find(key_hash))
        .set((
            sessions::state.eq(state),
            sessions::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(n > 0)
}

pub fn update_expiry(
    conn: &mut DbConnection,
    key_hash: &str,
    expires_at: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(sessions::table.find(key_hash))
        .set(sessions::expires_at.eq(expires_at))
        .execute(conn)?;
    Ok(())
}

pub fn delete(conn: &mut DbConnection, key_hash: &str) -> Result<(), DbError> {
    diesel::delete(sessions::table.find(key_hash)).execute(conn)?;
    Ok(())
}

/// Remove expired sessions; returns how many went.
pub fn purge_expired(conn: &mut DbConnection) -> Result<usize, DbError> {
    Ok(diesel::delete(sessions::table.filter(sessions::expires_at.le(now()))).execute(conn)?)
}
