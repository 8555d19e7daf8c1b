//! Distributing surveys: settings and their links, survey times, invitations, and
//! the counts response tracking reads.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::{invitations, outbox, responses, settings, survey_links, surveys};
use super::surveys::token;
use super::{stored, DbConnection, DbError};
use crate::domain::invitation::InvitationState;
use crate::domain::schedule::Schedule;
use crate::domain::setting::{Setting, SettingKind};
use crate::domain::survey::{Channel, ResponseStatus};
use crate::domain::tracking::{Count, InvitationCounts};

pub fn settings_of(conn: &mut DbConnection, inspection_id: i32) -> Result<Vec<Setting>, DbError> {
    let rows: Vec<(i32, String, String)> = settings::table
        .filter(settings::inspection_id.eq(inspection_id))
        .order(settings::name)
        .select((settings::id, settings::name, settings::kind))
        .load(conn)?;
    rows.into_iter()
        .map(|(id, name, kind)| {
            Ok(Setting {
                id,
                inspection_id,
                kind: stored("setting kind", &kind, SettingKind::parse)?,
                name,
            })
        })
        .collect()
}

/// Add a setting; its links are made by [`ensure_links`].
pub fn add_setting(
    conn: &mut DbConnection,
    inspection_id: i32,
    name: &str,
    kind: SettingKind,
    now: NaiveDateTime,
) -> Result<i32, DbError> {
    Ok(diesel::insert_into(settings::table)
        .values((
            settings::inspection_id.eq(inspection_id),
            settings::name.eq(name),
            settings::kind.eq(kind.as_str()),
            settings::created_at.eq(now),
        ))
        .returning(settings::id)
        .get_result(conn)?)
}

/// Make the open and kiosk links each setting needs for each survey of the
/// inspection (settings may be added before the surveys open, and surveys after).
pub fn ensure_links(
    conn: &mut DbConnection,
    inspection_id: i32,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    let survey_ids: Vec<i32> = surveys::table
        .filter(surveys::inspection_id.eq(inspection_id))
        .select(surveys::id)
        .load(conn)?;
    let setting_ids: Vec<i32> = settings::table
        .filter(settings::inspection_id.eq(inspection_id))
        .select(settings::id)
        .load(conn)?;
    let existing: Vec<(i32, i32, String)> = survey_links::table
        .filter(survey_links::survey_id.eq_any(&survey_ids))
        .select((
            survey_links::survey_id,
            survey_links::setting_id,
            survey_links::channel,
        ))
        .load(conn)?;
    let mut made = 0;
    for survey in &survey_ids {
        for setting in &setting_ids {
            for channel in [Channel::OpenLink, Channel::Kiosk] {
                let have = existing
                    .iter()
                    .any(|(s, t, c)| s == survey && t == setting && c == channel.as_str());
                if !have {
                    diesel::insert_into(survey_links::table)
                        .values((
                            survey_links::survey_id.eq(survey),
                            survey_links::setting_id.eq(setting),
                            survey_links::channel.eq(channel.as_str()),
                            survey_links::token.eq(token()),
                            survey_links::created_at.eq(now),
                        ))
                        .execute(conn)?;
                    made += 1;
                }
            }
        }
    }
    Ok(made)
}

/// A setting's link to one survey.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingLink {
    pub id: i32,
    pub survey_id: i32,
    pub setting_id: i32,
    pub setting_name: String,
    pub channel: Channel,
    pub token: String,
}

type LinkColumns = (
    survey_links::id,
    survey_links::survey_id,
    survey_links::setting_id,
    settings::name,
    survey_links::channel,
    survey_links::token,
);

const LINK_COLUMNS: LinkColumns = (
    survey_links::id,
    survey_links::survey_id,
    survey_links::setting_id,
    settings::name,
    survey_links::channel,
    survey_links::token,
);

fn link_of(row: (i32, i32, i32, String, String, String)) -> Result<SettingLink, DbError> {
    let (id, survey_id, setting_id, setting_name, channel, token) = row;
    Ok(SettingLink {
        id,
        survey_id,
        setting_id,
        setting_name,
        channel: stored("channel", &channel, Channel::parse)?,
        token,
    })
}

/// Every setting link of the inspection, by setting name.
pub fn links_of(conn: &mut DbConnection, inspection_id: i32) -> Result<Vec<SettingLink>, DbError> {
    let rows: Vec<(i32, i32, i32, String, String, String)> = survey_links::table
        .inner_join(settings::table)
        .filter(settings::inspection_id.eq(inspection_id))
        .order((
            settings::name,
            survey_links::survey_id,
            survey_links::channel,
        ))
        .select(LINK_COLUMNS)
        .load(conn)?;
    rows.into_iter().map(link_of).collect()
}

/// One setting link of the inspection.
pub fn link(
    conn: &mut DbConnection,
    inspection_id: i32,
    link_id: i32,
) -> Result<Option<SettingLink>, DbError> {
    let row: Option<(i32, i32, i32, String, String, String)> = survey_links::table
        .inner_join(settings::table)
        .filter(settings::inspection_id.eq(inspection_id))
        .filter(survey_links::id.eq(link_id))
        .select(LINK_COLUMNS)
        .get_result(conn)
        .optional()?;
    row.map(link_of).transpose()
}

/// Set a survey's opening and closing times.
pub fn set_schedule(
    conn: &mut DbConnection,
    survey_id: i32,
    schedule: &Schedule,
) -> Result<(), DbError> {
    diesel::update(surveys::table.find(survey_id))
        .set((
            surveys::opens_at.eq(schedule.opens_at),
            surveys::closes_at.eq(schedule.closes_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// Surveys still marked open whose closing time has passed: marked closed, as of
/// their closing time, so erasure counts from when they closed. Returns their
/// inspections.
pub fn close_due(conn: &mut DbConnection, now: NaiveDateTime) -> Result<Vec<i32>, DbError> {
    let due: Vec<(i32, i32, Option<NaiveDateTime>)> = surveys::table
        .filter(surveys::status.eq("open"))
        .filter(surveys::closes_at.le(now))
        .select((surveys::id, surveys::inspection_id, surveys::closes_at))
        .load(conn)?;
    let mut inspections = vec![];
    for (id, inspection, closes_at) in due {
        diesel::update(surveys::table.find(id).filter(surveys::status.eq("open")))
            .set((
                surveys::status.eq("closed"),
                surveys::closed_at.eq(closes_at),
            ))
            .execute(conn)?;
        inspections.push(inspection);
    }
    Ok(inspections)
}

/// An invitation as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub id: i32,
    pub survey_id: i32,
    pub setting_id: Option<i32>,
    /// None once erased.
    pub email: Option<String>,
    pub nonce: String,
    pub state: InvitationState,
    pub opted_out: bool,
    pub reminders_sent: i32,
    pub last_emailed_at: NaiveDateTime,
}

type InvitationColumns = (
    invitations::id,
    invitations::survey_id,
    invitations::setting_id,
    invitations::email,
    invitations::nonce,
    invitations::state,
    invitations::opted_out,
    invitations::reminders_sent,
    invitations::last_emailed_at,
);

const INVITATION_COLUMNS: InvitationColumns = (
    invitations::id,
    invitations::survey_id,
    invitations::setting_id,
    invitations::email,
    invitations::nonce,
    invitations::state,
    invitations::opted_out,
    invitations::reminders_sent,
    invitations::last_emailed_at,
);

type InvitationRow = (
    i32,
    i32,
    Option<i32>,
    Option<String>,
    String,
    String,
    bool,
    i32,
    NaiveDateTime,
);

fn invitation_of(r: InvitationRow) -> Result<Invitation, DbError> {
    Ok(Invitation {
        id: r.0,
        survey_id: r.1,
        setting_id: r.2,
        email: r.3,
        nonce: r.4,
        state: stored("invitation state", &r.5, InvitationState::parse)?,
        opted_out: r.6,
        reminders_sent: r.7,
        last_emailed_at: r.8,
    })
}

pub fn invitation(conn: &mut DbConnection, id: i32) -> Result<Option<Invitation>, DbError> {
    let row: Option<InvitationRow> = invitations::table
        .find(id)
        .select(INVITATION_COLUMNS)
        .get_result(conn)
        .optional()?;
    row.map(invitation_of).transpose()
}

pub fn invitation_by_hash(
    conn: &mut DbConnection,
    token_hash: &str,
) -> Result<Option<Invitation>, DbError> {
    let row: Option<InvitationRow> = invitations::table
        .filter(invitations::token_hash.eq(token_hash))
        .select(INVITATION_COLUMNS)
        .get_result(conn)
        .optional()?;
    row.map(invitation_of).transpose()
}

/// A new invitation's row.
pub struct NewInvitation<'a> {
    pub survey_id: i32,
    pub setting_id: Option<i32>,
    pub email: &'a str,
    pub token_hash: &'a str,
    pub nonce: &'a str,
}

/// Insert an invitation whose email goes out at `due`.
pub fn insert_invitation(
    conn: &mut DbConnection,
    new: &NewInvitation<'_>,
    now: NaiveDateTime,
    due: NaiveDateTime,
) -> Result<i32, DbError> {
    Ok(diesel::insert_into(invitations::table)
        .values((
            invitations::survey_id.eq(new.survey_id),
            invitations::setting_id.eq(new.setting_id),
            invitations::email.eq(Some(new.email)),
            invitations::token_hash.eq(new.token_hash),
            invitations::nonce.eq(new.nonce),
            invitations::state.eq(InvitationState::Invited.as_str()),
            invitations::last_emailed_at.eq(due),
            invitations::created_at.eq(now),
        ))
        .returning(invitations::id)
        .get_result(conn)?)
}

/// The survey's invitations not yet emailed (due after `now`, no reminder yet) are
/// now due at `due`, so their reminders count from when they are sent.
pub fn first_emails_due(
    conn: &mut DbConnection,
    survey_id: i32,
    due: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    Ok(diesel::update(
        invitations::table
            .filter(invitations::survey_id.eq(survey_id))
            .filter(invitations::reminders_sent.eq(0))
            .filter(invitations::last_emailed_at.gt(now)),
    )
    .set(invitations::last_emailed_at.eq(due))
    .execute(conn)?)
}

/// The emails already invited to each of these surveys.
pub fn invited_emails(
    conn: &mut DbConnection,
    survey_ids: &[i32],
) -> Result<Vec<(i32, String)>, DbError> {
    let rows: Vec<(i32, Option<String>)> = invitations::table
        .filter(invitations::survey_id.eq_any(survey_ids))
        .select((invitations::survey_id, invitations::email))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(s, e)| e.map(|e| (s, e)))
        .collect())
}

/// Invitations not yet known to be answered: (id, survey, nonce).
pub fn unanswered(conn: &mut DbConnection) -> Result<Vec<(i32, i32, String)>, DbError> {
    Ok(invitations::table
        .filter(invitations::state.ne(InvitationState::Responded.as_str()))
        .order((invitations::survey_id, invitations::id))
        .select((invitations::id, invitations::survey_id, invitations::nonce))
        .load(conn)?)
}

/// These invitees have sent their answers.
pub fn mark_responded(conn: &mut DbConnection, ids: &[i32]) -> Result<usize, DbError> {
    Ok(
        diesel::update(invitations::table.filter(invitations::id.eq_any(ids)))
            .set(invitations::state.eq(InvitationState::Responded.as_str()))
            .execute(conn)?,
    )
}

/// The invitee has opened their link and started (only from "invited").
pub fn mark_started(conn: &mut DbConnection, invitation_id: i32) -> Result<(), DbError> {
    diesel::update(
        invitations::table
            .find(invitation_id)
            .filter(invitations::state.eq(InvitationState::Invited.as_str())),
    )
    .set(invitations::state.eq(InvitationState::Started.as_str()))
    .execute(conn)?;
    Ok(())
}

/// Stop reminders to this invitee; true if it changed anything.
pub fn opt_out(conn: &mut DbConnection, invitation_id: i32) -> Result<bool, DbError> {
    Ok(diesel::update(
        invitations::table
            .find(invitation_id)
            .filter(invitations::opted_out.eq(false)),
    )
    .set(invitations::opted_out.eq(true))
    .execute(conn)?
        == 1)
}

/// Invitations to `survey_id` that may be due a reminder: not answered, not opted
/// out, email kept, fewer than `most` reminders, last emailed before `before`. The
/// domain's rule makes the final choice.
pub fn reminder_candidates(
    conn: &mut DbConnection,
    survey_id: i32,
    most: i32,
    before: NaiveDateTime,
    limit: i64,
) -> Result<Vec<Invitation>, DbError> {
    let rows: Vec<InvitationRow> = invitations::table
        .filter(invitations::survey_id.eq(survey_id))
        .filter(invitations::state.ne(InvitationState::Responded.as_str()))
        .filter(invitations::opted_out.eq(false))
        .filter(invitations::email.is_not_null())
        .filter(invitations::reminders_sent.lt(most))
        .filter(invitations::last_emailed_at.le(before))
        .order(invitations::id)
        .limit(limit)
        .select(INVITATION_COLUMNS)
        .load(conn)?;
    rows.into_iter().map(invitation_of).collect()
}

/// A reminder was queued for this invitation at `now` (guarded on the count read,
/// so two instances cannot both count the same reminder).
pub fn record_reminder(
    conn: &mut DbConnection,
    invitation: &Invitation,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    Ok(diesel::update(
        invitations::table
            .find(invitation.id)
            .filter(invitations::reminders_sent.eq(invitation.reminders_sent)),
    )
    .set((
        invitations::reminders_sent.eq(invitation.reminders_sent + 1),
        invitations::last_emailed_at.eq(now),
    ))
    .execute(conn)?
        == 1)
}

pub fn invitation_counts(
    conn: &mut DbConnection,
    survey_id: i32,
) -> Result<InvitationCounts, DbError> {
    let rows: Vec<(String, bool, bool)> = invitations::table
        .filter(invitations::survey_id.eq(survey_id))
        .select((
            invitations::state,
            invitations::opted_out,
            invitations::email.is_null(),
        ))
        .load(conn)?;
    let mut c = InvitationCounts::default();
    for (state, opted_out, erased) in rows {
        c.invited += 1;
        match InvitationState::parse(&state) {
            Some(InvitationState::Responded) => {
                c.responded += 1;
                c.started += 1;
            }
            Some(InvitationState::Started) => c.started += 1,
            _ => {}
        }
        c.opted_out += i64::from(opted_out);
        c.erased += i64::from(erased);
    }
    Ok(c)
}

/// Surveys closed before `closed_before` that still hold invitee emails.
pub fn surveys_to_erase(
    conn: &mut DbConnection,
    closed_before: NaiveDateTime,
) -> Result<Vec<(i32, i32)>, DbError> {
    let rows: Vec<(i32, i32)> = surveys::table
        .inner_join(invitations::table)
        .filter(surveys::status.eq("closed"))
        .filter(surveys::closed_at.le(closed_before))
        .filter(invitations::email.is_not_null())
        .select((surveys::id, surveys::inspection_id))
        .distinct()
        .load(conn)?;
    Ok(rows)
}

/// Erase the invitee emails of a survey (the rows stay, so the counts stay) and the
/// addresses and bodies of its emails; returns how many invitees were erased.
pub fn erase_emails(
    conn: &mut DbConnection,
    survey_id: i32,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    let n = diesel::update(
        invitations::table
            .filter(invitations::survey_id.eq(survey_id))
            .filter(invitations::email.is_not_null()),
    )
    .set((
        invitations::email.eq(None::<String>),
        invitations::erased_at.eq(Some(now)),
    ))
    .execute(conn)?;
    diesel::update(outbox::table.filter(outbox::survey_id.eq(survey_id)))
        .set((
            outbox::recipient.eq(ERASED),
            outbox::text_body.eq(""),
            outbox::html_body.eq(""),
        ))
        .execute(conn)?;
    Ok(n)
}

/// What an erased recipient reads as.
pub const ERASED: &str = "(erased)";

type CountRow = (NaiveDateTime, String, Option<i32>, i64);

/// Counts with their settings named.
fn counts_of(conn: &mut DbConnection, rows: Vec<CountRow>) -> Result<Vec<Count>, DbError> {
    let ids: Vec<i32> = rows.iter().filter_map(|r| r.2).collect();
    let names: Vec<(i32, String)> = settings::table
        .filter(settings::id.eq_any(&ids))
        .select((settings::id, settings::name))
        .load(conn)?;
    rows.into_iter()
        .map(|(day, channel, setting, n)| {
            Ok(Count {
                day: NaiveDate::from(day),
                channel: stored("channel", &channel, Channel::parse)?,
                setting: setting.and_then(|id| {
                    names
                        .iter()
                        .find(|(i, _)| *i == id)
                        .map(|(_, name)| name.clone())
                }),
                n,
            })
        })
        .collect()
}

/// Responses started, by the day kept with them, channel and setting. (A sent
/// response keeps only the day it was sent, so it counts as started that day.)
pub fn started_counts(conn: &mut DbConnection, survey_id: i32) -> Result<Vec<Count>, DbError> {
    let rows: Vec<CountRow> = responses::table
        .filter(responses::survey_id.eq(survey_id))
        .group_by((
            responses::started_at,
            responses::channel,
            responses::setting_id,
        ))
        .select((
            responses::started_at,
            responses::channel,
            responses::setting_id,
            diesel::dsl::count_star(),
        ))
        .load(conn)?;
    counts_of(conn, rows)
}

/// Responses sent, by day, channel and setting.
pub fn completed_counts(conn: &mut DbConnection, survey_id: i32) -> Result<Vec<Count>, DbError> {
    let rows: Vec<(Option<NaiveDateTime>, String, Option<i32>, i64)> = responses::table
        .filter(responses::survey_id.eq(survey_id))
        .filter(responses::status.eq(ResponseStatus::Submitted.as_str()))
        .group_by((
            responses::submitted_at,
            responses::channel,
            responses::setting_id,
        ))
        .select((
            responses::submitted_at,
            responses::channel,
            responses::setting_id,
            diesel::dsl::count_star(),
        ))
        .load(conn)?;
    let rows = rows
        .into_iter()
        .filter_map(|(d, c, s, n)| d.map(|d| (d, c, s, n)))
        .collect();
    counts_of(conn, rows)
}
