//! The outbox table: emails queued in the same transaction as the action that
//! causes them, claimed by one instance at a time, marked sent or failed.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::schema::{invitations, outbox, surveys};
use super::{stored, DbConnection, DbError};
use crate::domain::outbox::{Backoff, Delivery};

/// Surveys that take answers at `now` (for emails whose links lead into them).
macro_rules! surveys_taking_answers {
    ($now:expr) => {
        surveys::table
            .filter(surveys::status.eq("open"))
            .filter(surveys::closes_at.is_null().or(surveys::closes_at.gt($now)))
            .select(surveys::id.nullable())
    };
}

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
    /// The survey it is about, so erasing the survey's invitees reaches it.
    pub survey_id: Option<i32>,
    /// The invitation it is for (invitations and reminders).
    pub invitation_id: Option<i32>,
}

/// Kinds of email whose body holds a personal link: the body is cleared once sent,
/// so the outbox never keeps a way into someone's answers.
pub const PERSONAL_KINDS: [&str; 3] = ["invitation", "reminder", "password_link"];

/// A password link that failed for good is not sent again: its body (holding the
/// link) is cleared, and the lead inspector invites the person again, which sends
/// a new link and ends the old one.
pub const PASSWORD_LINK: &str = "password_link";

/// Queue an email; call inside the transaction of the action that causes it.
pub fn enqueue(
    conn: &mut DbConnection,
    email: &NewEmail,
    now: NaiveDateTime,
) -> Result<i32, DbError> {
    enqueue_for(conn, email, now, now)
}

/// Queue an email not to be sent before `due` (an invitation to a survey that opens
/// later goes out when it opens).
pub fn enqueue_for(
    conn: &mut DbConnection,
    email: &NewEmail,
    now: NaiveDateTime,
    due: NaiveDateTime,
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
            outbox::next_attempt_at.eq(due.max(now)),
            outbox::created_at.eq(now),
            outbox::survey_id.eq(email.survey_id),
            outbox::invitation_id.eq(email.invitation_id),
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
    // Only the instance that sent it clears the body; a claim taken over meanwhile is
    // the other instance's to finish.
    if n == 1 {
        diesel::update(
            outbox::table
                .filter(outbox::id.eq(id))
                .filter(outbox::kind.eq_any(PERSONAL_KINDS)),
        )
        .set((outbox::text_body.eq(""), outbox::html_body.eq("")))
        .execute(conn)?;
    }
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
    if status == Delivery::Failed {
        diesel::update(
            outbox::table
                .filter(outbox::id.eq(claimed.id))
                .filter(outbox::kind.eq(PASSWORD_LINK)),
        )
        .set((outbox::text_body.eq(""), outbox::html_body.eq("")))
        .execute(conn)?;
    }
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

/// An email as inspectors see it in the list: never its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub id: i32,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub status: Delivery,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub next_attempt_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
}

/// The inspection's emails in `status`, newest first, at most `limit`.
pub fn for_inspection(
    conn: &mut DbConnection,
    inspection_id: i32,
    status: Delivery,
    limit: i64,
) -> Result<Vec<Listed>, DbError> {
    type Row = (
        i32,
        String,
        String,
        String,
        String,
        i32,
        Option<String>,
        NaiveDateTime,
        NaiveDateTime,
        Option<NaiveDateTime>,
    );
    let rows: Vec<Row> = outbox::table
        .filter(outbox::inspection_id.eq(inspection_id))
        .filter(outbox::status.eq(status.as_str()))
        .order(outbox::id.desc())
        .limit(limit)
        .select((
            outbox::id,
            outbox::kind,
            outbox::recipient,
            outbox::subject,
            outbox::status,
            outbox::attempts,
            outbox::last_error,
            outbox::created_at,
            outbox::next_attempt_at,
            outbox::sent_at,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|r| {
            Ok(Listed {
                id: r.0,
                kind: r.1,
                recipient: r.2,
                subject: r.3,
                status: stored("outbox status", &r.4, Delivery::parse)?,
                attempts: r.5,
                last_error: r.6,
                created_at: r.7,
                next_attempt_at: r.8,
                sent_at: r.9,
            })
        })
        .collect()
}

/// How many of the inspection's emails stand in each state.
pub fn counts_for(
    conn: &mut DbConnection,
    inspection_id: i32,
) -> Result<Vec<(Delivery, i64)>, DbError> {
    let rows: Vec<(String, i64)> = outbox::table
        .filter(outbox::inspection_id.eq(inspection_id))
        .group_by(outbox::status)
        .select((outbox::status, diesel::dsl::count_star()))
        .load(conn)?;
    rows.into_iter()
        .map(|(s, n)| Ok((stored("outbox status", &s, Delivery::parse)?, n)))
        .collect()
}

/// Queue failed emails of the inspection again, from a fresh count of attempts:
/// one (`Some(id)`) or all. Returns how many.
pub fn retry_failed(
    conn: &mut DbConnection,
    inspection_id: i32,
    id: Option<i32>,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    let mut query = diesel::update(outbox::table)
        .filter(outbox::inspection_id.eq(inspection_id))
        .filter(outbox::status.eq(Delivery::Failed.as_str()))
        // An erased address cannot be sent to, a link into a closed survey is no use,
        // and nobody who opted out or has answered is written to again.
        .filter(outbox::recipient.ne(super::distribution::ERASED))
        .filter(outbox::kind.ne(PASSWORD_LINK))
        .filter(
            outbox::invitation_id
                .is_null()
                .or(outbox::invitation_id.eq_any(
                    invitations::table
                        .filter(invitations::opted_out.eq(false))
                        .filter(invitations::state.ne("responded"))
                        .select(invitations::id.nullable()),
                )),
        )
        .filter(
            outbox::survey_id
                .is_null()
                .or(outbox::survey_id.eq_any(surveys_taking_answers!(now))),
        )
        .into_boxed();
    if let Some(id) = id {
        query = query.filter(outbox::id.eq(id));
    }
    Ok(query
        .set((
            outbox::status.eq(Delivery::Queued.as_str()),
            outbox::attempts.eq(0),
            outbox::next_attempt_at.eq(now),
        ))
        .execute(conn)?)
}

/// A survey's invitations still queued go out at `due` (its opening time moved,
/// earlier or later); those already being sent are left alone.
pub fn hold_invitations_until(
    conn: &mut DbConnection,
    survey_id: i32,
    due: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    Ok(diesel::update(
        outbox::table
            .filter(outbox::survey_id.eq(survey_id))
            .filter(outbox::kind.eq("invitation"))
            .filter(outbox::status.eq(Delivery::Queued.as_str()))
            .filter(outbox::attempts.eq(0)),
    )
    .set(outbox::next_attempt_at.eq(due.max(now)))
    .execute(conn)?)
}

/// Invitations and reminders still queued for surveys that have closed are not
/// sent: their links lead nowhere. Marked failed with the reason, which a retry
/// does not undo. Returns how many.
pub fn cancel_after_close(conn: &mut DbConnection, now: NaiveDateTime) -> Result<usize, DbError> {
    Ok(diesel::update(
        outbox::table
            .filter(outbox::kind.eq_any(PERSONAL_KINDS))
            .filter(outbox::status.eq(Delivery::Queued.as_str()))
            .filter(outbox::survey_id.is_not_null())
            .filter(diesel::dsl::not(
                outbox::survey_id.eq_any(surveys_taking_answers!(now)),
            )),
    )
    .set((
        outbox::status.eq(Delivery::Failed.as_str()),
        outbox::last_error.eq(Some(CLOSED_BEFORE_SENT)),
        outbox::text_body.eq(""),
        outbox::html_body.eq(""),
    ))
    .execute(conn)?)
}

/// Queued emails for these invitations are not sent, for `reason` (the invitee
/// opted out, or has answered). Returns how many.
pub fn cancel_for_invitations(
    conn: &mut DbConnection,
    invitation_ids: &[i32],
    kinds: &[&str],
    reason: &str,
) -> Result<usize, DbError> {
    Ok(diesel::update(
        outbox::table
            .filter(outbox::invitation_id.eq_any(invitation_ids))
            .filter(outbox::kind.eq_any(kinds))
            .filter(outbox::status.eq(Delivery::Queued.as_str())),
    )
    .set((
        outbox::status.eq(Delivery::Failed.as_str()),
        outbox::last_error.eq(Some(reason)),
        outbox::text_body.eq(""),
        outbox::html_body.eq(""),
    ))
    .execute(conn)?)
}

/// A survey's invitations still queued and never tried: (outbox id, invitation id).
pub fn queued_invitations(
    conn: &mut DbConnection,
    survey_id: i32,
) -> Result<Vec<(i32, i32)>, DbError> {
    let rows: Vec<(i32, Option<i32>)> = outbox::table
        .filter(outbox::survey_id.eq(survey_id))
        .filter(outbox::kind.eq("invitation"))
        .filter(outbox::status.eq(Delivery::Queued.as_str()))
        .filter(outbox::attempts.eq(0))
        .select((outbox::id, outbox::invitation_id))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, invitation)| invitation.map(|i| (id, i)))
        .collect())
}

/// Write a queued email's content again (its survey's closing time changed).
pub fn rewrite(conn: &mut DbConnection, id: i32, email: &NewEmail) -> Result<(), DbError> {
    diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::status.eq(Delivery::Queued.as_str())),
    )
    .set((
        outbox::subject.eq(&email.subject),
        outbox::text_body.eq(&email.text_body),
        outbox::html_body.eq(&email.html_body),
    ))
    .execute(conn)?;
    Ok(())
}

/// Why an email about a closed survey was not sent.
pub const CLOSED_BEFORE_SENT: &str =
    "The survey closed before this email was sent, so it was not sent.";
