//! The outbox table: emails queued in the same transaction as the action that
//! causes them, claimed by one instance at a time, marked sent or failed.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::schema::outbox;
use super::{stored, DbConnection, DbError};
use crate::domain::outbox::{Backoff, Delivery};

/// An email to queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEmail {
    pub inspection_id: Option<i32>,
    /// What the email is for (`invitation`, `reminder`, ...), for the inspectors' list.
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
}

/// Queue an email; call inside the transaction of the action that causes it.
pub fn enqueue(
    conn: &mut DbConnection,
    email: &NewEmail,
    now: NaiveDateTime,
) -> Result<i32, DbError> {
    Ok(diesel::insert_into(outbox::table)
        .values((
            outbox::inspection_id.eq(email.inspection_id),
            outbox::kind.eq(&email.kind),
            outbox::recipient.eq(&email.recipient),
            outbox::subject.eq(&email.subject),
            outbox::text_body.eq(&email.text_body),
            outbox::html_body.eq(&email.html_body),
            outbox::status.eq(Delivery::Queued.as_str()),
            outbox::attempts.eq(0),
            outbox::next_attempt_at.eq(now),
            outbox::created_at.eq(now),
        ))
        .returning(outbox::id)
        .get_result(conn)?)
}

/// An email claimed for sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimed {
    pub id: i32,
    pub recipient: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    pub attempts: i32,
}

/// Claim up to `limit` emails that are due (queued and their time has come, or
/// claimed longer than `lease` ago by an instance that stopped), for `instance`.
/// One transaction: on PostgreSQL the rows are locked as they are read and rows
/// another instance has locked are skipped, so two instances never claim the same
/// email; SQLite lets one writer in at a time.
pub fn claim(
    conn: &mut DbConnection,
    instance: &str,
    now: NaiveDateTime,
    lease: Duration,
    limit: i64,
) -> Result<Vec<Claimed>, DbError> {
    conn.transaction(|conn| {
        let abandoned_before = now - lease;
        let due = outbox::table
            .filter(
                outbox::status
                    .eq(Delivery::Queued.as_str())
                    .and(outbox::next_attempt_at.le(now))
                    .or(outbox::status
                        .eq(Delivery::Sending.as_str())
                        .and(outbox::claimed_at.le(abandoned_before))),
            )
            .order(outbox::id)
            .limit(limit)
            .select(outbox::id);
        let ids: Vec<i32> = match conn {
            DbConnection::Pg(c) => due.for_update().skip_locked().load(c)?,
            DbConnection::Sqlite(c) => due.load(c)?,
        };
        if ids.is_empty() {
            return Ok(vec![]);
        }
        diesel::update(outbox::table.filter(outbox::id.eq_any(&ids)))
            .set((
                outbox::status.eq(Delivery::Sending.as_str()),
                outbox::claimed_by.eq(instance),
                outbox::claimed_at.eq(now),
            ))
            .execute(conn)?;
        let rows: Vec<(i32, String, String, String, String, i32)> = outbox::table
            .filter(outbox::id.eq_any(&ids))
            .order(outbox::id)
            .select((
                outbox::id,
                outbox::recipient,
                outbox::subject,
                outbox::text_body,
                outbox::html_body,
                outbox::attempts,
            ))
            .load(conn)?;
        Ok(rows
            .into_iter()
            .map(
                |(id, recipient, subject, text_body, html_body, attempts)| Claimed {
                    id,
                    recipient,
                    subject,
                    text_body,
                    html_body,
                    attempts,
                },
            )
            .collect())
    })
}

/// Mark an email sent, if this instance still holds its claim (a claim taken over
/// after the lease is the other instance's to finish).
pub fn mark_sent(
    conn: &mut DbConnection,
    id: i32,
    instance: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let n = diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::claimed_by.eq(instance))
            .filter(outbox::status.eq(Delivery::Sending.as_str())),
    )
    .set((
        outbox::status.eq(Delivery::Sent.as_str()),
        outbox::sent_at.eq(now),
        outbox::attempts.eq(outbox::attempts + 1),
        outbox::last_error.eq(None::<String>),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Record a failed attempt: queued again after the backoff, or failed for good.
pub fn mark_failed(
    conn: &mut DbConnection,
    claimed: &Claimed,
    instance: &str,
    error: &str,
    backoff: &Backoff,
    now: NaiveDateTime,
) -> Result<Delivery, DbError> {
    let attempts = claimed.attempts.saturating_add(1);
    let next = backoff.next_attempt(u32::try_from(attempts).unwrap_or(u32::MAX), now);
    let status = if next.is_some() {
        Delivery::Queued
    } else {
        Delivery::Failed
    };
    let error: String = error.chars().take(1_000).collect();
    diesel::update(
        outbox::table
            .filter(outbox::id.eq(claimed.id))
            .filter(outbox::claimed_by.eq(instance)),
    )
    .set((
        outbox::status.eq(status.as_str()),
        outbox::attempts.eq(attempts),
        outbox::next_attempt_at.eq(next.unwrap_or(now)),
        outbox::claimed_by.eq(None::<String>),
        outbox::claimed_at.eq(None::<NaiveDateTime>),
        outbox::last_error.eq(Some(error)),
    ))
    .execute(conn)?;
    Ok(status)
}

/// How many emails stand in each state.
pub fn counts(conn: &mut DbConnection) -> Result<Vec<(Delivery, i64)>, DbError> {
    let rows: Vec<(String, i64)> = outbox::table
        .group_by(outbox::status)
        .select((outbox::status, diesel::dsl::count_star()))
        .load(conn)?;
    rows.into_iter()
        .map(|(s, n)| Ok((stored("outbox status", &s, Delivery::parse)?, n)))
        .collect()
}
