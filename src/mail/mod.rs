//! Sending the outbox's emails: the mailer (SMTP with STARTTLS or TLS in production,
//! `.eml` files in a folder for the demo, plain SMTP on loopback for tests), one
//! round of delivery, which claims due emails, sends each and records the result,
//! and the emails' templates.

pub mod sender;
pub mod templates;

use std::path::PathBuf;

use chrono::Duration;
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::db::outbox::{self, Claimed};
use crate::db::{self, DbError, Pool};
use crate::domain::outbox::{Backoff, Delivery};

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("the mail URL cannot be used: {0}")]
    Url(String),
    #[error("the address {0:?} cannot be sent to")]
    Address(String),
    #[error("the message could not be built: {0}")]
    Message(String),
    #[error("sending failed: {0}")]
    Send(String),
}

/// Where emails go.
#[derive(Clone)]
pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    File(AsyncFileTransport<Tokio1Executor>),
}

impl Mailer {
    /// From `smtp://user:pass@host:587` (STARTTLS), `smtps://…:465` (TLS) or
    /// `file:///folder` (one `.eml` file per email).
    pub fn from_url(url: &str) -> Result<Self, MailError> {
        if let Some(path) = url.strip_prefix("file://") {
            let dir = PathBuf::from(path);
            std::fs::create_dir_all(&dir).map_err(|e| MailError::Url(e.to_string()))?;
            return Ok(Mailer::File(AsyncFileTransport::<Tokio1Executor>::new(dir)));
        }
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Url(e.to_string()))?
            .build();
        Ok(Mailer::Smtp(transport))
    }

    /// Plain SMTP to a server on this machine, for tests only.
    pub fn loopback(port: u16) -> Self {
        Mailer::Smtp(
            AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("127.0.0.1")
                .port(port)
                .build(),
        )
    }

    pub async fn send(&self, from: &Mailbox, email: &Claimed) -> Result<(), MailError> {
        let to: Mailbox = email
            .recipient
            .parse()
            .map_err(|_| MailError::Address(email.recipient.clone()))?;
        let message = Message::builder()
            .from(from.clone())
            .to(to)
            .subject(email.subject.clone())
            .multipart(MultiPart::alternative_plain_html(
                email.text_body.clone(),
                email.html_body.clone(),
            ))
            .map_err(|e| MailError::Message(e.to_string()))?;
        match self {
            Mailer::Smtp(t) => t
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| MailError::Send(e.to_string())),
            Mailer::File(t) => t
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| MailError::Send(e.to_string())),
        }
    }
}

/// How one round of delivery went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Round {
    pub sent: usize,
    /// Failed this time, to be tried again after the backoff.
    pub retrying: usize,
    /// Given up on (or an address that can never be sent to).
    pub failed: usize,
}

/// Emails one instance sends at once: SMTP servers take several connections, and
/// one at a time would leave the sender waiting on each reply.
pub const CONCURRENT_SENDS: usize = 8;

/// What sending one email came to.
enum Outcome {
    Sent,
    Retrying,
    Failed,
}

/// Send one claimed email and record the result straight away, so that an instance
/// stopped mid-round leaves as little as possible sent but not marked.
async fn send_one(
    pool: &Pool,
    mailer: &Mailer,
    from: &Mailbox,
    instance: &str,
    backoff: Backoff,
    email: Claimed,
) -> Result<Outcome, DbError> {
    let result = mailer.send(from, &email).await;
    let who = instance.to_string();
    match result {
        Ok(()) => {
            let id = email.id;
            db::run(pool, move |c| outbox::mark_sent(c, id, &who, db::now())).await?;
            Ok(Outcome::Sent)
        }
        Err(e) => {
            // An address that can never be sent to is given up on at once.
            let backoff = match e {
                MailError::Address(_) => Backoff {
                    attempts: 0,
                    ..backoff
                },
                _ => backoff,
            };
            let error = e.to_string();
            tracing::warn!(email = email.id, %error, "email not sent");
            let status = db::run(pool, move |c| {
                outbox::mark_failed(c, &email, &who, &error, &backoff, db::now())
            })
            .await?;
            Ok(match status {
                Delivery::Failed => Outcome::Failed,
                _ => Outcome::Retrying,
            })
        }
    }
}

/// Claim the due emails for `instance` and send them, [`CONCURRENT_SENDS`] at a
/// time, recording every result. An email is claimed before it is sent, so two
/// instances never send the same one; an instance killed mid-round leaves claims
/// that another takes over after `lease`.
pub async fn deliver_due(
    pool: &Pool,
    mailer: &Mailer,
    from: &Mailbox,
    instance: &str,
    backoff: Backoff,
    lease: Duration,
    limit: i64,
) -> Result<Round, DbError> {
    use futures_util::stream::{self, StreamExt};
    let who = instance.to_string();
    let claimed = db::run(pool, move |c| {
        outbox::claim(c, &who, db::now(), lease, limit)
    })
    .await?;
    let results: Vec<Result<Outcome, DbError>> = stream::iter(claimed)
        .map(|email| send_one(pool, mailer, from, instance, backoff, email))
        .buffer_unordered(CONCURRENT_SENDS)
        .collect()
        .await;
    let mut round = Round::default();
    for result in results {
        match result? {
            Outcome::Sent => round.sent += 1,
            Outcome::Retrying => round.retrying += 1,
            Outcome::Failed => round.failed += 1,
        }
    }
    Ok(round)
}
