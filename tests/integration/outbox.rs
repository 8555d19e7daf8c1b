//! The outbox against a real SMTP server on loopback: queued emails are delivered;
//! with the server down they stay queued and are retried, and delivered when it is
//! back; a claim abandoned by a stopped instance is taken over after its lease; two
//! instances sending at once deliver every email exactly once (on PostgreSQL the
//! claim skips rows the other has locked).

use area_send::db::{self, outbox};
use area_send::domain::outbox::{Backoff, Delivery};
use area_send::mail::{deliver_due, Mailer, Round};
use chrono::Duration;
use diesel::prelude::*;
use lettre::message::Mailbox;

use crate::common::smtp::SmtpServer;
use crate::common::*;

fn from() -> Mailbox {
    "area-send <no-reply@area-send.test>".parse().unwrap()
}

fn queue(app: &TestApp, n: usize, tag: &str) {
    let mut conn = app.conn();
    for i in 0..n {
        outbox::enqueue(
            &mut conn,
            &outbox::NewEmail {
                inspection_id: Some(HARROWDALE),
                kind: "test".into(),
                recipient: format!("parent{i}@example.org"),
                subject: format!("{tag} {i}"),
                text_body: "Please answer the survey.".into(),
                html_body: "<p>Please answer the survey.</p>".into(),
                survey_id: None,
                invitation_id: None,
            },
            db::now(),
        )
        .unwrap();
    }
}

fn counts(app: &TestApp) -> Vec<(Delivery, i64)> {
    let mut c = outbox::counts(&mut app.conn()).unwrap();
    c.sort_by_key(|(d, _)| d.as_str());
    c
}

const LEASE: i64 = 5;

/// One round of delivery by `instance`, with the default backoff and the lease.
async fn deliver(app: &TestApp, mailer: &Mailer, instance: &str, limit: i64) -> Round {
    deliver_due(
        &app.pool,
        mailer,
        &from(),
        instance,
        Backoff::default(),
        Duration::minutes(LEASE),
        limit,
    )
    .await
    .unwrap()
}

/// Ten rounds of up to four emails by `instance`; how many it sent.
async fn ten_rounds(app: &TestApp, mailer: &Mailer, instance: &str) -> usize {
    let mut total = 0;
    for _ in 0..10 {
        total += deliver(app, mailer, instance, 4).await.sent;
    }
    total
}

#[actix_web::test]
async fn queued_emails_reach_a_real_smtp_server() {
    let app = TestApp::spawn().await;
    let smtp = SmtpServer::start(0).await;
    queue(&app, 3, "Invitation");
    let round = deliver(&app, &Mailer::loopback(smtp.port), "a", 50).await;
    assert_eq!(round.sent, 3);
    let mut subjects = smtp.received.subjects();
    subjects.sort();
    assert_eq!(
        subjects,
        vec!["Invitation 0", "Invitation 1", "Invitation 2"]
    );
    let message = smtp.received.messages().remove(0);
    assert!(message.contains("multipart/alternative"), "{message}");
    assert_eq!(counts(&app), vec![(Delivery::Sent, 3)]);
    // Nothing is sent twice.
    let again = deliver(&app, &Mailer::loopback(smtp.port), "a", 50).await;
    assert_eq!(again.sent, 0);
    assert_eq!(smtp.received.messages().len(), 3);
}

#[actix_web::test]
async fn with_the_server_down_emails_wait_and_go_when_it_returns() {
    let app = TestApp::spawn().await;
    // A port with nothing listening on it.
    let down = SmtpServer::start(0).await;
    let port = down.port;
    down.stop();
    queue(&app, 2, "Reminder");
    let round = deliver(&app, &Mailer::loopback(port), "a", 50).await;
    assert_eq!(round.retrying, 2, "{round:?}");
    assert_eq!(counts(&app), vec![(Delivery::Queued, 2)]);
    let smtp = SmtpServer::start(0).await;
    // Not due again until the backoff has passed.
    let round = deliver(&app, &Mailer::loopback(smtp.port), "b", 50).await;
    assert_eq!(round.sent, 0);
    {
        use area_send::db::schema::outbox::dsl;
        let (attempts, error): (i32, Option<String>) = dsl::outbox
            .select((dsl::attempts, dsl::last_error))
            .first(&mut app.conn())
            .unwrap();
        assert_eq!(attempts, 1);
        assert!(error.unwrap().contains("sending failed"));
        diesel::update(dsl::outbox)
            .set(dsl::next_attempt_at.eq(db::now() - Duration::minutes(1)))
            .execute(&mut app.conn())
            .unwrap();
    }
    let round = deliver(&app, &Mailer::loopback(smtp.port), "b", 50).await;
    assert_eq!(round.sent, 2);
    assert_eq!(counts(&app), vec![(Delivery::Sent, 2)]);
}

#[actix_web::test]
async fn a_claim_left_by_a_stopped_instance_is_taken_over_after_its_lease() {
    let app = TestApp::spawn().await;
    let smtp = SmtpServer::start(0).await;
    queue(&app, 1, "Abandoned");
    // An instance claims the email and is killed before sending it.
    let claimed = outbox::claim(
        &mut app.conn(),
        "killed",
        db::now(),
        Duration::minutes(LEASE),
        10,
    )
    .unwrap();
    assert_eq!(claimed.len(), 1);
    let mailer = Mailer::loopback(smtp.port);
    let round = deliver(&app, &mailer, "restarted", 50).await;
    assert_eq!(round.sent, 0, "a fresh claim is left alone");
    {
        use area_send::db::schema::outbox::dsl;
        diesel::update(dsl::outbox)
            .set(dsl::claimed_at.eq(db::now() - Duration::minutes(LEASE + 1)))
            .execute(&mut app.conn())
            .unwrap();
    }
    let round = deliver(&app, &mailer, "restarted", 50).await;
    assert_eq!(round.sent, 1);
    assert_eq!(smtp.received.subjects(), vec!["Abandoned 0"]);
    // The killed instance, were it to wake, cannot mark it: the claim is not its own.
    assert!(!outbox::mark_sent(&mut app.conn(), claimed[0].id, "killed", db::now()).unwrap());
}

#[actix_web::test]
async fn two_instances_sending_at_once_deliver_each_email_exactly_once() {
    let app = TestApp::spawn().await;
    let smtp = SmtpServer::start(0).await;
    queue(&app, 40, "Once");
    let mailer = Mailer::loopback(smtp.port);
    let (a, b) = futures_util::future::join(
        ten_rounds(&app, &mailer, "a"),
        ten_rounds(&app, &mailer, "b"),
    )
    .await;
    assert_eq!(a + b, 40, "{a} + {b}");
    let mut subjects = smtp.received.subjects();
    subjects.sort();
    subjects.dedup();
    assert_eq!(subjects.len(), 40);
    assert_eq!(smtp.received.messages().len(), 40, "none sent twice");
    assert_eq!(counts(&app), vec![(Delivery::Sent, 40)]);
}

#[actix_web::test]
async fn a_password_link_that_fails_for_good_is_cleared_and_not_sent_again() {
    let app = TestApp::spawn().await;
    queue(&app, 1, "Survey");
    outbox::enqueue(
        &mut app.conn(),
        &outbox::NewEmail {
            inspection_id: Some(HARROWDALE),
            kind: outbox::PASSWORD_LINK.into(),
            recipient: "new.reviewer@example.org".into(),
            subject: "Choose your password".into(),
            text_body: "/account/set-password/abc".into(),
            html_body: "<a href=\"/account/set-password/abc\">Choose</a>".into(),
            survey_id: None,
            invitation_id: None,
        },
        db::now(),
    )
    .unwrap();
    let down = SmtpServer::start(0).await;
    let port = down.port;
    down.stop();
    // One attempt and no more: both fail for good.
    let once = Backoff {
        attempts: 1,
        ..Backoff::default()
    };
    let round = deliver_due(
        &app.pool,
        &Mailer::loopback(port),
        &from(),
        "a",
        once,
        Duration::minutes(LEASE),
        10,
    )
    .await
    .unwrap();
    assert_eq!(round.failed, 2, "{round:?}");
    use area_send::db::schema::outbox::dsl;
    let bodies: Vec<(String, String)> = dsl::outbox
        .order(dsl::id)
        .select((dsl::kind, dsl::text_body))
        .load(&mut app.conn())
        .unwrap();
    assert_eq!(
        bodies[0].1, "Please answer the survey.",
        "an ordinary email keeps its body"
    );
    assert_eq!(
        bodies[1],
        (outbox::PASSWORD_LINK.to_string(), String::new())
    );
    // Sending the failed ones again takes the survey email only.
    let n = outbox::retry_failed(&mut app.conn(), HARROWDALE, None, db::now()).unwrap();
    assert_eq!(n, 1);
}
