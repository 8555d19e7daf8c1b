//! Distributing surveys: settings and their links, opening and closing times,
//! invitee lists with their invitations, reminders, opting out, erasing invitee
//! emails, and sending failed emails again. Every email is queued in the outbox in
//! the same transaction as the change that causes it.

use chrono::{Duration, NaiveDateTime};
use diesel::Connection;
use rand::distributions::{Alphanumeric, DistString};
use serde_json::json;

use super::AppError;
use crate::catalogue::Catalogue;
use crate::db::distribution::{self as store, Invitation, NewInvitation};
use crate::db::outbox::{self, NewEmail};
use crate::db::{self, audit, DbConnection};
use crate::domain::access::Actor;
use crate::domain::invitation::{self, InvitationState, InviteeReport};
use crate::domain::outbox::{reminder_due, InviteeState, Reminders};
use crate::domain::refusal::Refusal;
use crate::domain::schedule::{self, Schedule, SurveyState};
use crate::domain::setting;
use crate::domain::survey::Survey;
use crate::domain::survey_form::Audience;
use crate::import::{invitees, FileRefusal};
use crate::mail::templates::{EmailTemplates, SurveyEmail};

/// What writing an invitation email needs: the templates, the key links are made
/// with, and the address the service is reached at.
#[derive(Clone, Copy)]
pub struct Mailing<'a> {
    pub templates: &'a EmailTemplates,
    pub link_key: &'a [u8],
    pub base_url: &'a str,
}

impl Mailing<'_> {
    /// The personal link of an invitation with this nonce.
    pub fn link(&self, nonce: &str) -> String {
        format!(
            "{}/s/invite/{}",
            self.base_url,
            invitation::invitation_token(self.link_key, nonce)
        )
    }
}

/// Add a setting to the inspection, with its links to each survey.
pub fn add_setting(
    conn: &mut DbConnection,
    actor: &Actor,
    inspection_id: i32,
    name: &str,
    kind: &str,
) -> Result<i32, AppError> {
    conn.transaction(|conn| {
        let existing: Vec<String> = store::settings_of(conn, inspection_id)?
            .into_iter()
            .map(|s| s.name)
            .collect();
        let (name, kind) = setting::check_new(name, kind, &existing)?;
        let now = db::now();
        let id = store::add_setting(conn, inspection_id, &name, kind, now)?;
        store::ensure_links(conn, inspection_id, now)?;
        audit::record(
            conn,
            Some(actor.user_id),
            Some(inspection_id),
            "setting.added",
            json!({ "setting_id": id, "name": name, "kind": kind.as_str() }),
        )?;
        Ok(id)
    })
}

/// A survey of the inspection, or not found.
fn survey_of(
    conn: &mut DbConnection,
    inspection_id: i32,
    survey_id: i32,
) -> Result<Survey, AppError> {
    db::surveys::find(conn, survey_id)?
        .filter(|s| s.inspection_id == inspection_id)
        .ok_or(AppError::NotFound)
}

/// Set when a survey opens and closes (Europe/London times already read as UTC).
/// Invitations still queued follow: they go out when it opens, and say the new
/// closing time.
pub fn set_schedule(
    conn: &mut DbConnection,
    actor: &Actor,
    catalogue: &Catalogue,
    mailing: &Mailing<'_>,
    inspection_id: i32,
    survey_id: i32,
    wanted: Schedule,
) -> Result<(), AppError> {
    conn.transaction(|conn| {
        let survey = survey_of(conn, inspection_id, survey_id)?;
        let now = db::now();
        let invited = store::invitation_counts(conn, survey_id)?.invited > 0;
        let schedule = schedule::check(survey.state_at(now), wanted, invited, now)?;
        store::set_schedule(conn, survey_id, &schedule)?;
        // Invitations not yet sent go out when the survey opens, earlier or later than
        // before; their reminders count from then.
        let due = schedule.opens_at.unwrap_or(now).max(now);
        outbox::hold_invitations_until(conn, survey_id, due, now)?;
        store::first_emails_due(conn, survey_id, due, now)?;
        if schedule.closes_at != survey.schedule.closes_at {
            let queued = outbox::queued_invitations(conn, survey_id)?;
            if !queued.is_empty() {
                let mut changed = survey.clone();
                changed.schedule = schedule;
                let about = survey_mail(conn, catalogue, changed)?;
                let settings = store::settings_of(conn, inspection_id)?;
                for (outbox_id, invitation_id) in queued {
                    let Some(invitation) = store::invitation(conn, invitation_id)? else {
                        continue;
                    };
                    let Some(email) = invitation.email.as_deref() else {
                        continue;
                    };
                    let to = Invitee {
                        invitation_id,
                        email,
                        nonce: &invitation.nonce,
                        setting: invitation
                            .setting_id
                            .and_then(|id| settings.iter().find(|s| s.id == id))
                            .map(|s| s.name.clone()),
                    };
                    let message = survey_email(mailing, &about, to, false)?;
                    outbox::rewrite(conn, outbox_id, &message)?;
                }
            }
        }
        audit::record(
            conn,
            Some(actor.user_id),
            Some(inspection_id),
            "survey.schedule_set",
            json!({
                "survey_id": survey_id,
                "form": survey.form.id,
                "opens_at": schedule.opens_at.map(|t| t.to_string()),
                "closes_at": schedule.closes_at.map(|t| t.to_string()),
            }),
        )?;
        Ok(())
    })
}

/// How an invitee import went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InviteeImport {
    /// The line-by-line check of the file.
    pub report: InviteeReport,
    /// How many were invited (0 when nothing was stored).
    pub invited: usize,
}

impl InviteeImport {
    pub fn stored(&self) -> bool {
        self.invited > 0
    }
}

/// Everything the emails about one survey share.
struct SurveyMail {
    survey: Survey,
    audience: Audience,
    title: String,
    minutes: u32,
    council: String,
}

fn survey_mail(
    conn: &mut DbConnection,
    catalogue: &Catalogue,
    survey: Survey,
) -> Result<SurveyMail, AppError> {
    let inspection =
        db::inspections::find(conn, survey.inspection_id)?.ok_or(AppError::NotFound)?;
    let form = catalogue
        .form(&survey.form)
        .ok_or_else(|| db::DbError::Corrupt(format!("{} is not loaded", survey.form)))?;
    Ok(SurveyMail {
        audience: form.form.audience,
        title: form.form.title.get("en").to_string(),
        minutes: form.form.minutes_to_complete,
        council: inspection.partnership.council_name.clone(),
        survey,
    })
}

/// Who an invitation or reminder goes to.
struct Invitee<'a> {
    invitation_id: i32,
    email: &'a str,
    nonce: &'a str,
    setting: Option<String>,
}

/// The invitation or reminder email for one invitee.
fn survey_email(
    mailing: &Mailing<'_>,
    about: &SurveyMail,
    to: Invitee<'_>,
    reminder: bool,
) -> Result<NewEmail, AppError> {
    let Invitee {
        invitation_id,
        email,
        nonce,
        setting,
    } = to;
    let closes = about
        .survey
        .schedule
        .closes_at
        .map(schedule::london_text)
        .ok_or(Refusal::NoClosingTime)?;
    let link = mailing.link(nonce);
    let content = SurveyEmail {
        reminder,
        heading: about.title.clone(),
        council: about.council.clone(),
        audience: about.audience.label().to_lowercase(),
        setting,
        minutes: about.minutes,
        closes,
        opt_out_link: format!("{link}/opt-out"),
        link,
    };
    let body = mailing
        .templates
        .render("survey", &content)
        .map_err(|e| db::DbError::Corrupt(e.to_string()))?;
    Ok(NewEmail {
        inspection_id: Some(about.survey.inspection_id),
        kind: if reminder { "reminder" } else { "invitation" }.into(),
        recipient: email.to_string(),
        subject: content.subject(),
        text_body: body.text,
        html_body: body.html,
        survey_id: Some(about.survey.id),
        invitation_id: Some(invitation_id),
    })
}

/// Import an invitee file: every line checked; nothing stored while any line has a
/// problem unless `valid_only`; otherwise each valid invitee gets an invitation and
/// its email in the outbox, all in one transaction. Invitations to a survey that
/// opens later are sent when it opens.
#[allow(clippy::too_many_arguments)]
pub fn import_invitees(
    conn: &mut DbConnection,
    actor: Option<&Actor>,
    catalogue: &Catalogue,
    mailing: &Mailing<'_>,
    inspection_id: i32,
    file_name: &str,
    bytes: &[u8],
    limit: usize,
    valid_only: bool,
) -> Result<Result<InviteeImport, FileRefusal>, AppError> {
    conn.transaction(|conn| {
        let settings = store::settings_of(conn, inspection_id)?;
        let setting_names: Vec<String> = settings.iter().map(|s| s.name.clone()).collect();
        let mut surveys = vec![];
        for survey in db::surveys::for_inspection(conn, inspection_id)? {
            surveys.push(survey_mail(conn, catalogue, survey)?);
        }
        let audiences: Vec<Audience> = surveys.iter().map(|s| s.audience).collect();
        let ids: Vec<i32> = surveys.iter().map(|s| s.survey.id).collect();
        let already = store::invited_emails(conn, &ids)?;
        let report = match invitees::read(bytes, limit, &setting_names, &audiences, |a, e| {
            surveys
                .iter()
                .filter(|s| s.audience == a)
                .any(|s| already.iter().any(|(id, x)| *id == s.survey.id && x == e))
        }) {
            Ok(report) => report,
            Err(refusal) => return Ok(Err(refusal)),
        };
        if report.invitees.is_empty() || (!report.problems.is_empty() && !valid_only) {
            return Ok(Ok(InviteeImport { report, invited: 0 }));
        }
        let now = db::now();
        for invitee in &report.invitees {
            let about = surveys
                .iter()
                .find(|s| s.audience == invitee.audience)
                .ok_or(AppError::NotFound)?;
            if about.survey.state_at(now) == SurveyState::Closed {
                return Err(Refusal::InvitingToClosedSurvey.into());
            }
            let nonce = Alphanumeric.sample_string(&mut rand::rngs::OsRng, 24);
            let token = invitation::invitation_token(mailing.link_key, &nonce);
            let setting = invitee
                .setting
                .as_ref()
                .and_then(|name| settings.iter().find(|s| &s.name == name));
            // Sent when the survey opens; reminders count from then.
            let due = about.survey.schedule.opens_at.unwrap_or(now).max(now);
            let invitation_id = store::insert_invitation(
                conn,
                &NewInvitation {
                    survey_id: about.survey.id,
                    setting_id: setting.map(|s| s.id),
                    email: invitee.email.as_str(),
                    token_hash: &invitation::token_hash(&token),
                    nonce: &nonce,
                },
                now,
                due,
            )?;
            let email = survey_email(
                mailing,
                about,
                Invitee {
                    invitation_id,
                    email: invitee.email.as_str(),
                    nonce: &nonce,
                    setting: setting.map(|s| s.name.clone()),
                },
                false,
            )?;
            outbox::enqueue_for(conn, &email, now, due)?;
        }
        audit::record(
            conn,
            actor.map(|a| a.user_id),
            Some(inspection_id),
            "invitees.imported",
            json!({
                "file_name": file_name,
                "sha256": super::evidence::sha256_hex(bytes),
                "invited": report.invitees.len(),
                "lines_left_out": report.problems.len(),
            }),
        )?;
        Ok(Ok(InviteeImport {
            invited: report.invitees.len(),
            report,
        }))
    })
}

/// Mark as answered the invitations whose response has been sent. Nothing stored
/// joins the two: the link is rebuilt from each invitation's nonce with the link
/// key, which only the running service holds, and the response is found by the
/// link's response key. Returns how many were marked.
pub fn refresh_answered(conn: &mut DbConnection, link_key: &[u8]) -> Result<usize, AppError> {
    let waiting = store::unanswered(conn)?;
    let mut marked = 0;
    for chunk in waiting.chunk_by(|a, b| a.1 == b.1) {
        for part in chunk.chunks(500) {
            let Some(survey_id) = part.first().map(|p| p.1) else {
                continue;
            };
            let keys: Vec<(i32, String)> = part
                .iter()
                .map(|(id, _, nonce)| {
                    let token = invitation::invitation_token(link_key, nonce);
                    (*id, invitation::response_key(&token))
                })
                .collect();
            let wanted: Vec<String> = keys.iter().map(|(_, k)| k.clone()).collect();
            let sent = db::surveys::sent_invitation_keys(conn, survey_id, &wanted)?;
            let ids: Vec<i32> = keys
                .iter()
                .filter(|(_, k)| sent.contains(k))
                .map(|(id, _)| *id)
                .collect();
            if !ids.is_empty() {
                marked += store::mark_responded(conn, &ids)?;
                outbox::cancel_for_invitations(
                    conn,
                    &ids,
                    &["reminder"],
                    "The invitee had answered before this reminder was sent.",
                )?;
            }
        }
    }
    Ok(marked)
}

/// Queue the reminders that are due now, for every open survey: to invitees who
/// have not answered and have not opted out, at most `rules.most` each, at least
/// `rules.interval` apart, never once the survey has closed. Returns how many.
pub fn send_reminders(
    conn: &mut DbConnection,
    catalogue: &Catalogue,
    mailing: &Mailing<'_>,
    rules: Reminders,
    now: NaiveDateTime,
    limit: i64,
) -> Result<usize, AppError> {
    // Nobody who has answered is reminded.
    refresh_answered(conn, mailing.link_key)?;
    let most = i32::try_from(rules.most).unwrap_or(i32::MAX);
    let mut queued = 0;
    for survey in db::surveys::open_with_invitations(conn)? {
        let Some(closes_at) = survey.schedule.closes_at else {
            continue;
        };
        if survey.state_at(now) != SurveyState::Open {
            continue;
        }
        let survey_id = survey.id;
        // A survey whose form is not loaded (say) is logged and passed over; the
        // others' reminders still go.
        let about = match survey_mail(conn, catalogue, survey) {
            Ok(about) => about,
            Err(e) => {
                tracing::warn!(survey_id, error = %e, "no reminders for this survey");
                continue;
            }
        };
        let settings = store::settings_of(conn, about.survey.inspection_id)?;
        let candidates =
            store::reminder_candidates(conn, about.survey.id, most, now - rules.interval, limit)?;
        for invitee in candidates {
            let state = InviteeState {
                invited_at: invitee.last_emailed_at,
                reminders_sent: u32::try_from(invitee.reminders_sent).unwrap_or(u32::MAX),
                last_reminded_at: None,
                responded: invitee.state == InvitationState::Responded,
                opted_out: invitee.opted_out,
            };
            if !reminder_due(&state, &rules, now, closes_at) {
                continue;
            }
            let setting = invitee
                .setting_id
                .and_then(|id| settings.iter().find(|s| s.id == id))
                .map(|s| s.name.clone());
            if queue_reminder(conn, mailing, &about, &invitee, setting, now)? {
                queued += 1;
            }
        }
    }
    Ok(queued)
}

fn queue_reminder(
    conn: &mut DbConnection,
    mailing: &Mailing<'_>,
    about: &SurveyMail,
    invitee: &Invitation,
    setting: Option<String>,
    now: NaiveDateTime,
) -> Result<bool, AppError> {
    let Some(email) = invitee.email.as_deref() else {
        return Ok(false);
    };
    let to = Invitee {
        invitation_id: invitee.id,
        email,
        nonce: &invitee.nonce,
        setting,
    };
    let message = survey_email(mailing, about, to, true)?;
    conn.transaction(|conn| {
        // Counted and queued together; a second instance doing the same round finds
        // the count changed and queues nothing.
        if !store::record_reminder(conn, invitee, now)? {
            return Ok(false);
        }
        outbox::enqueue(conn, &message, now)?;
        Ok(true)
    })
}

/// What opting out found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptOut {
    Done,
    AlreadyDone,
}

/// Stop emails to the invitee with this link. Works without signing in: the link
/// is the proof.
pub fn opt_out(conn: &mut DbConnection, token: &str) -> Result<OptOut, AppError> {
    conn.transaction(|conn| {
        let invitation = store::invitation_by_hash(conn, &invitation::token_hash(token))?
            .ok_or(AppError::NotFound)?;
        if !store::opt_out(conn, invitation.id)? {
            return Ok(OptOut::AlreadyDone);
        }
        outbox::cancel_for_invitations(
            conn,
            &[invitation.id],
            &outbox::PERSONAL_KINDS,
            "The invitee asked for no more emails about this survey.",
        )?;
        let inspection = db::surveys::find(conn, invitation.survey_id)?.map(|s| s.inspection_id);
        // No email or id in the audit entry: only that someone opted out.
        audit::record(
            conn,
            None,
            inspection,
            "invitation.opted_out",
            json!({ "survey_id": invitation.survey_id }),
        )?;
        Ok(OptOut::Done)
    })
}

/// Mark surveys whose closing time has passed as closed, and erase the invitee
/// emails of surveys closed more than `erase_after` ago, each with an audit entry.
/// Returns (surveys closed, invitees erased).
pub fn close_and_erase(
    conn: &mut DbConnection,
    erase_after: Duration,
    now: NaiveDateTime,
) -> Result<(usize, usize), AppError> {
    let closed = conn.transaction(|conn| store::close_due(conn, now))?;
    // An invitation or reminder still waiting (in backoff, say) would lead to a closed
    // survey: it is not sent.
    let cancelled = outbox::cancel_after_close(conn, now)?;
    if cancelled > 0 {
        tracing::info!(cancelled, "emails about closed surveys were not sent");
    }
    let mut erased = 0;
    for (survey_id, inspection_id) in store::surveys_to_erase(conn, now - erase_after)? {
        erased += conn.transaction(|conn| {
            let n = store::erase_emails(conn, survey_id, now)?;
            if n == 0 {
                // Another instance erased them a moment ago.
                return Ok::<_, AppError>(0);
            }
            audit::record(
                conn,
                None,
                Some(inspection_id),
                "invitees.erased",
                json!({ "survey_id": survey_id, "erased": n }),
            )?;
            Ok::<_, AppError>(n)
        })?;
    }
    Ok((closed.len(), erased))
}

/// Queue failed emails of the inspection again: one, or all when `id` is None.
pub fn retry_failed(
    conn: &mut DbConnection,
    actor: &Actor,
    inspection_id: i32,
    id: Option<i32>,
) -> Result<usize, AppError> {
    conn.transaction(|conn| {
        let n = outbox::retry_failed(conn, inspection_id, id, db::now())?;
        if n == 0 {
            return Err(Refusal::NotFailed.into());
        }
        audit::record(
            conn,
            Some(actor.user_id),
            Some(inspection_id),
            "emails.retried",
            json!({ "emails": n }),
        )?;
        Ok(n)
    })
}
