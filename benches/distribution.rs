//! Distributing a survey on this machine: queueing 10,000 invitations (the invitee
//! file read and checked, an invitation, its link and its email for each, in one
//! transaction), then delivering them to an SMTP sink on loopback; and, for
//! comparison, the same 10,000 messages sent by lettre straight to the sink with no
//! database, which is as fast as the sink takes mail. Run with
//! `cargo bench --bench distribution` (on PostgreSQL with AREA_SEND_TEST_POSTGRES_URL).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "../tests/integration/common/mod.rs"]
mod common;

use std::time::Instant;

use area_send::app::distribution::{self, Mailing};
use area_send::db;
use area_send::domain::outbox::Backoff;
use area_send::domain::schedule::Schedule;
use area_send::mail::templates::EmailTemplates;
use area_send::mail::{deliver_due, Mailer, CONCURRENT_SENDS};
use common::smtp::SmtpServer;
use common::{TestApp, HARROWDALE};
use lettre::AsyncTransport;

const INVITEES: usize = 10_000;

#[actix_web::main]
async fn main() {
    let app = TestApp::spawn().await;
    let backend = if common::backend_is_postgres() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    let catalogue = app.catalogue();
    let templates = EmailTemplates::load().unwrap();
    let key = app.config.link_key().unwrap();
    let mailing = Mailing {
        templates: &templates,
        link_key: &key,
        base_url: &app.config.base_url,
    };
    let lead = db::users::find_by_email(
        &mut app.conn(),
        &area_send::domain::account::Email::parse(common::LEAD.0).unwrap(),
    )
    .unwrap()
    .unwrap()
    .actor();
    for survey in db::surveys::for_inspection(&mut app.conn(), HARROWDALE).unwrap() {
        distribution::set_schedule(
            &mut app.conn(),
            &lead,
            &catalogue,
            &mailing,
            HARROWDALE,
            survey.id,
            Schedule {
                opens_at: None,
                closes_at: Some(db::now() + chrono::Duration::days(7)),
            },
        )
        .unwrap();
    }
    let mut csv = String::from("email,audience\r\n");
    for i in 0..INVITEES {
        let audience = if i % 4 == 0 {
            "practitioners"
        } else {
            "parents"
        };
        csv.push_str(&format!("invitee{i}@example.org,{audience}\r\n"));
    }

    let start = Instant::now();
    let imported = distribution::import_invitees(
        &mut app.conn(),
        Some(&lead),
        &catalogue,
        &mailing,
        HARROWDALE,
        "bench.csv",
        csv.as_bytes(),
        64 * 1024 * 1024,
        false,
    )
    .unwrap()
    .unwrap();
    let queued = start.elapsed();
    assert_eq!(imported.invited, INVITEES);
    println!(
        "{backend}: queue {INVITEES} invitations (read, check, store, render, enqueue): {:.2} s",
        queued.as_secs_f64()
    );

    // Deliver through the outbox, as the background sender does.
    let sink = SmtpServer::start(0).await;
    let mailer = Mailer::loopback(sink.port);
    let from: lettre::message::Mailbox = "area-send <bench@area-send.test>".parse().unwrap();
    let start = Instant::now();
    let mut sent = 0;
    while sent < INVITEES {
        let round = deliver_due(
            &app.pool,
            &mailer,
            &from,
            "bench",
            Backoff::default(),
            chrono::Duration::minutes(10),
            500,
        )
        .await
        .unwrap();
        assert_eq!(round.retrying + round.failed, 0);
        sent += round.sent;
    }
    let delivered = start.elapsed();
    assert_eq!(sink.received.messages().len(), INVITEES);
    println!(
        "{backend}: deliver {INVITEES} through the outbox ({CONCURRENT_SENDS} at a time): {:.2} s, {:.0} emails/s",
        delivered.as_secs_f64(),
        INVITEES as f64 / delivered.as_secs_f64()
    );

    // The sink's own pace: the same number of messages straight from lettre, no database.
    let raw = SmtpServer::start(0).await;
    let transport =
        lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::builder_dangerous("127.0.0.1")
            .port(raw.port)
            .build();
    let message = |i: usize| {
        lettre::Message::builder()
            .from(from.clone())
            .to(format!("invitee{i}@example.org").parse().unwrap())
            .subject("Tell inspectors about SEND services")
            .body(String::from("An invitation of about the same size. ").repeat(60))
            .unwrap()
    };
    let start = Instant::now();
    {
        use futures_util::stream::{self, StreamExt};
        let results: Vec<_> = stream::iter(0..INVITEES)
            .map(|i| {
                let transport = transport.clone();
                async move { transport.send(message(i)).await }
            })
            .buffer_unordered(CONCURRENT_SENDS)
            .collect()
            .await;
        assert!(results.iter().all(Result::is_ok));
    }
    let direct = start.elapsed();
    println!(
        "{backend}: the same {INVITEES} straight from lettre to the sink: {:.2} s, {:.0} emails/s",
        direct.as_secs_f64(),
        INVITEES as f64 / direct.as_secs_f64()
    );
    println!(
        "{backend}: the outbox delivers at {:.0}% of the sink's own pace",
        100.0 * direct.as_secs_f64() / delivered.as_secs_f64()
    );
}
