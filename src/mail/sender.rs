//! The background sender: every few seconds it closes surveys whose time has come,
//! erases invitee emails that are due to go, queues the reminders that are due, and
//! delivers the outbox. Every instance runs one; the outbox's claims keep them from
//! sending anything twice.

use std::sync::Arc;

use lettre::message::Mailbox;

use super::{deliver_due, Mailer, Round};
use crate::app;
use crate::db;
use crate::web::AppState;

/// Emails claimed at a time; a full batch is followed at once by another. Small
/// enough that even at SMTP's slowest (a minute's timeout per email, eight at a
/// time) a batch is sent well inside the lease, so no claim is taken over while its
/// instance is still working through it.
const BATCH: i64 = 4 * super::CONCURRENT_SENDS as i64;
/// A claim older than this was left by an instance that stopped.
const LEASE_MINUTES: i64 = 10;
/// Reminders queued in one round, at most, per survey.
const REMINDERS_PER_ROUND: i64 = 5_000;

/// This instance's name in the outbox's claims: the host and a random part, so two
/// instances on one host differ.
pub fn instance_name() -> String {
    use rand::distributions::{Alphanumeric, DistString};
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "area-send".into());
    format!(
        "{host}-{}",
        Alphanumeric.sample_string(&mut rand::rngs::OsRng, 8)
    )
}

/// Run rounds for as long as the service runs.
pub async fn run(state: Arc<AppState>, mailer: Mailer) {
    let from: Mailbox = match state.config.mail_from.parse() {
        Ok(from) => from,
        Err(e) => {
            tracing::error!(error = %e, "the sender address cannot be used; no email will be sent");
            return;
        }
    };
    let instance = instance_name();
    let mut every = actix_web::rt::time::interval(state.config.send_every);
    loop {
        every.tick().await;
        if let Err(e) = round(&state, &mailer, &from, &instance).await {
            tracing::warn!(error = %e, "the sender's round stopped early; the next round carries on");
        }
    }
}

/// What one round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RoundReport {
    pub surveys_closed: usize,
    pub invitees_erased: usize,
    pub reminders_queued: usize,
    pub delivery: Round,
}

/// One round: housekeeping, then delivery until the outbox holds nothing due.
pub async fn round(
    state: &Arc<AppState>,
    mailer: &Mailer,
    from: &Mailbox,
    instance: &str,
) -> anyhow::Result<RoundReport> {
    let mut report = RoundReport::default();
    let erase_after = state.config.erase_invitees_after;
    // Each step is logged and the round goes on if it fails: one bad survey must not
    // stop every email.
    let (closed, erased) = db::run(&state.pool, move |c| {
        app::distribution::close_and_erase(c, erase_after, db::now())
    })
    .await
    .unwrap_or_else(|e: app::AppError| {
        tracing::warn!(error = %e, "closing surveys and erasing invitee emails failed this round");
        (0, 0)
    });
    report.surveys_closed = closed;
    report.invitees_erased = erased;
    if closed > 0 {
        // Cached links may still read as open for a moment; writes check anyway.
        tracing::info!(closed, "closed surveys whose closing time had come");
    }
    if erased > 0 {
        tracing::info!(erased, "erased invitee emails of closed surveys");
    }
    let s = state.clone();
    report.reminders_queued = db::run(&state.pool, move |c| {
        let rules = s.config.reminders;
        app::distribution::send_reminders(
            c,
            &s.catalogue,
            &s.mailing(),
            rules,
            db::now(),
            REMINDERS_PER_ROUND,
        )
    })
    .await
    .unwrap_or_else(|e: app::AppError| {
        tracing::warn!(error = %e, "queueing reminders failed this round");
        0
    });
    let s = state.clone();
    let review_emails = db::run(&state.pool, move |c| {
        app::review::due_emails(c, &s.review_mail(), db::now())
    })
    .await
    .unwrap_or_else(|e: app::AppError| {
        tracing::warn!(error = %e, "queueing the check's reminders failed this round");
        0
    });
    if review_emails > 0 {
        tracing::info!(review_emails, "queued the factual accuracy check's emails");
    }
    loop {
        let r = deliver_due(
            &state.pool,
            mailer,
            from,
            instance,
            state.config.backoff,
            chrono::Duration::minutes(LEASE_MINUTES),
            BATCH,
        )
        .await?;
        report.delivery.sent += r.sent;
        report.delivery.retrying += r.retrying;
        report.delivery.failed += r.failed;
        let handled = r.sent + r.retrying + r.failed;
        if i64::try_from(handled).unwrap_or(i64::MAX) < BATCH {
            break;
        }
    }
    Ok(report)
}
