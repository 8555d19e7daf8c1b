//! Distributing surveys end to end, with the background sender delivering to a real
//! SMTP server on loopback: invitations from an invitee file, one response per
//! personal link, reminders, opting out, the server down and back, two instances,
//! opening and closing times, settings with their links and posters, rate limits,
//! erasing invitee emails, and the failed-email list.

use std::time::Duration as StdDuration;

use area_send::app::distribution::Mailing;
use area_send::db::{self, schema};
use area_send::domain::outbox::{Backoff, Reminders};
use area_send::mail::templates::EmailTemplates;
use chrono::Duration;
use diesel::prelude::*;
use reqwest::StatusCode;

use crate::common::smtp::{Received, SmtpServer};
use crate::common::survey::*;
use crate::common::*;

const PARENTS: &str = "parents-and-carers";
const PRACTITIONERS: &str = "practitioners";

/// Retries a fifth of a second apart, so a test sees the server come back at once.
fn quick_retries(config: &mut area_send::config::Config) {
    config.backoff = Backoff {
        first: Duration::milliseconds(200),
        longest: Duration::milliseconds(400),
        attempts: 50,
    };
}

/// An app whose sender delivers to a fresh SMTP server.
async fn app_with_mail(
    adjust: impl FnOnce(&mut area_send::config::Config),
) -> (TestApp, SmtpServer) {
    let smtp = SmtpServer::start(0).await;
    let port = smtp.port;
    let app = TestApp::spawn_with(|c| {
        with_sender(c, port);
        quick_retries(c);
        adjust(c);
    })
    .await;
    (app, smtp)
}

fn survey_id(app: &TestApp, form: &str) -> i32 {
    db::surveys::for_inspection(&mut app.conn(), HARROWDALE)
        .unwrap()
        .into_iter()
        .find(|s| s.form.id == form)
        .unwrap()
        .id
}

/// The London date and time fields of a moment `from_now` away.
fn fields_in(from_now: Duration) -> [String; 4] {
    area_send::domain::schedule::london_fields(db::now() + from_now)
}

/// Set a survey's times through the lead inspector's form.
async fn set_times(
    b: &Browser,
    survey: i32,
    opens: Option<[String; 4]>,
    closes: Option<[String; 4]>,
) -> reqwest::Response {
    let page = format!("/inspections/{HARROWDALE}/distribution/surveys/{survey}/times");
    let empty: [String; 4] = Default::default();
    let (o, c) = (opens.unwrap_or_default(), closes.unwrap_or(empty));
    b.submit(
        &page,
        &page,
        &[
            ("opens_day", &o[0]),
            ("opens_month", &o[1]),
            ("opens_year", &o[2]),
            ("opens_time", &o[3]),
            ("closes_day", &c[0]),
            ("closes_month", &c[1]),
            ("closes_year", &c[2]),
            ("closes_time", &c[3]),
        ],
    )
    .await
}

/// Give the parents' and practitioners' surveys a closing time a week away.
async fn closing_in_a_week(app: &TestApp, b: &Browser) {
    for form in [PARENTS, PRACTITIONERS] {
        let res = set_times(
            b,
            survey_id(app, form),
            None,
            Some(fields_in(Duration::days(7))),
        )
        .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{form}");
    }
}

/// Import an invitee list on the invitees page.
async fn import(b: &Browser, csv: &str, valid_only: bool) -> (StatusCode, String) {
    let page = format!("/inspections/{HARROWDALE}/distribution/invitees");
    let fields: Vec<(&str, &str)> = if valid_only {
        vec![("valid_only", "yes")]
    } else {
        vec![]
    };
    let res = send_with_files(
        b,
        &page,
        &page,
        &fields,
        vec![("file", "invitees.csv".into(), csv.as_bytes().to_vec())],
    )
    .await;
    let status = res.status();
    (status, res.text().await.unwrap())
}

/// Wait (up to 20 s) until the server has received at least `n` messages.
async fn wait_for(received: &Received, n: usize) -> Vec<String> {
    for _ in 0..200 {
        let messages = received.messages();
        if messages.len() >= n {
            return messages;
        }
        actix_web::rt::time::sleep(StdDuration::from_millis(100)).await;
    }
    panic!(
        "expected {n} messages, received {}: {:?}",
        received.messages().len(),
        received.subjects()
    );
}

/// A message as its reader sees it: quoted-printable soft line breaks undone.
fn readable(message: &str) -> String {
    message.replace("=\r\n", "").replace("=\n", "")
}

/// The personal link (path) in the message sent to `to`, of the given kind.
fn link_for(messages: &[String], to: &str, subject_starts: &str) -> String {
    let message = messages
        .iter()
        .map(|m| readable(m))
        .find(|m| {
            m.lines()
                .any(|l| l.eq_ignore_ascii_case(&format!("To: {to}")))
                && m.lines()
                    .any(|l| l.starts_with(&format!("Subject: {subject_starts}")))
        })
        .unwrap_or_else(|| panic!("no \"{subject_starts}\" message to {to}"));
    let at = message.find("/s/invite/").unwrap();
    let token: String = message[at + "/s/invite/".len()..]
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    format!("/s/invite/{token}")
}

fn recipients(messages: &[String]) -> Vec<String> {
    let mut to: Vec<String> = messages
        .iter()
        .filter_map(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("To: ").map(str::to_string))
        })
        .collect();
    to.sort();
    to
}

/// Open a personal link and press its button, as the invitee would; the survey's
/// address for invitees (`/s/{token}`) and where the button led.
async fn follow(b: &Browser, link: &str) -> (String, String) {
    let (status, html) = b.page(link).await;
    assert_eq!(status, StatusCode::OK, "{}", page_text(&html));
    let res = b.submit(link, link, &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = location(&res);
    let base = to
        .split(['?'])
        .next()
        .unwrap()
        .trim_end_matches("/how")
        .to_string();
    (base, to)
}

/// Answer a whole survey from its start page at `base` and send it.
async fn answer_and_send(b: &Browser, base: &str) {
    let first = begin(b, base, &[("lang", "en")]).await;
    answer_everything(b, first).await;
    let res = b
        .submit(&format!("{base}/check"), &format!("{base}/submit"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

fn invitation_rows(app: &TestApp) -> Vec<(Option<String>, String, bool, i32)> {
    use schema::invitations;
    invitations::table
        .order(invitations::id)
        .select((
            invitations::email,
            invitations::state,
            invitations::opted_out,
            invitations::reminders_sent,
        ))
        .load(&mut app.conn())
        .unwrap()
}

fn outbox_rows(app: &TestApp) -> Vec<(String, String, String, String)> {
    use schema::outbox;
    outbox::table
        .order(outbox::id)
        .select((
            outbox::kind,
            outbox::recipient,
            outbox::status,
            outbox::text_body,
        ))
        .load(&mut app.conn())
        .unwrap()
}

/// Queue due reminders now, as the sender's round does (with these rules).
fn remind(app: &TestApp, rules: Reminders) -> usize {
    let templates = EmailTemplates::load().unwrap();
    let key = app.config.link_key().unwrap();
    let mailing = Mailing {
        templates: &templates,
        link_key: &key,
        base_url: &app.config.base_url,
    };
    area_send::app::distribution::send_reminders(
        &mut app.conn(),
        &app.catalogue(),
        &mailing,
        rules,
        db::now(),
        1_000,
    )
    .unwrap()
}

const NOW: Reminders = Reminders {
    most: 1,
    interval: Duration::zero(),
};

#[actix_web::test]
async fn invitations_arrive_and_each_personal_link_gives_one_response() {
    let (app, smtp) = app_with_mail(|_| {}).await;
    let lead = app.signed_in(LEAD).await;
    closing_in_a_week(&app, &lead).await;
    let res = lead
        .submit(
            &format!("/inspections/{HARROWDALE}/distribution"),
            &format!("/inspections/{HARROWDALE}/distribution/settings"),
            &[("name", "Oakfield Primary School"), ("kind", "school")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // A spreadsheet's export: byte-order mark, Windows line endings, columns in any order.
    let csv = "\u{feff}Audience,Email,Setting\r\nparents,Ann@Example.org,oakfield primary school\r\npractitioners,bo@example.org,\r\n";
    let (status, html) = import(&lead, csv, false).await;
    assert_eq!(status, StatusCode::OK, "{}", page_text(&html));
    assert!(page_text(&html).contains("2 people invited"));
    let messages = wait_for(&smtp.received, 2).await;
    assert_eq!(recipients(&messages), ["ann@example.org", "bo@example.org"]);
    let text = readable(&messages[0]);
    assert!(text.contains("closes at"), "the closing date is given");
    assert!(
        text.contains("Ofsted and the Care Quality Commission"),
        "who is asking"
    );
    assert!(text.contains("/opt-out"), "an opt-out link");
    assert!(text.contains("Content-Type: text/html"), "an HTML part");
    let link = link_for(&messages, "ann@example.org", "Tell inspectors");

    // Opening the link changes nothing (a mail scanner may open every link).
    let first = app.client();
    let (status, html) = first.page(&link).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page_text(&html).contains("Start now"));
    assert!(responses(&app, PARENTS).is_empty());
    // Two browsers on one link share one response.
    let (base, to) = follow(&first, &link).await;
    assert_eq!(to, format!("{base}/how"));
    let page = begin(&first, &base, &[("lang", "en")]).await;
    answer_first(&first, &page).await;
    let second = app.client();
    let (_, html) = second.page(&link).await;
    assert!(page_text(&html).contains("Continue where you left off"));
    let (again, _) = follow(&second, &link).await;
    assert_eq!(again, base);
    let (_, start) = second.page(&base).await;
    assert!(page_text(&start).contains("Continue where you left off"));
    assert_eq!(
        responses(&app, PARENTS).len(),
        1,
        "one response for the link"
    );

    answer_and_send(&second, &base).await;
    let sent = responses(&app, PARENTS);
    assert_eq!(sent.len(), 1);
    assert_eq!(
        (sent[0].1.as_str(), sent[0].2.as_str()),
        ("submitted", "invitation")
    );
    // The response is attributed to the invitee's setting.
    let setting: Option<i32> = schema::responses::table
        .select(schema::responses::setting_id)
        .filter(schema::responses::id.eq(sent[0].0))
        .first(&mut app.conn())
        .unwrap();
    assert!(setting.is_some());

    // Replayed, in any browser: the one response stands, and the page says so.
    for b in [&first, &second, &app.client()] {
        let (status, html) = b.page(&link).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page_text(&html).contains("You have already answered"));
    }
    let (_, html) = second.page(&link).await;
    assert!(!html.contains("<form"), "nothing left to press");
    let res = second.submit(&links(&app, PARENTS).0, &link, &[]).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(responses(&app, PARENTS).len(), 1);
    // The invitee's address page without their link offers nothing to start.
    let (_, html) = app.client().page(&base).await;
    assert!(page_text(&html).contains("This survey is by invitation"));
    // (The form's token comes from another survey's page in the same browser.)
    let (practitioners_link, _) = links(&app, PRACTITIONERS);
    let res = app
        .client()
        .submit(
            &practitioners_link,
            &format!("{base}/start"),
            &[("lang", "en")],
        )
        .await;
    assert_eq!(location(&res), base);
    assert_eq!(responses(&app, PARENTS).len(), 1);

    // Nothing joins the invitee to the answers: no column holds the response's key,
    // and the sent invitations keep no body (it held the link).
    let rows = invitation_rows(&app);
    assert!(rows
        .iter()
        .any(|r| r.0.as_deref() == Some("ann@example.org") && r.1 == "responded"));
    let key: Option<String> = schema::responses::table
        .select(schema::responses::invitation_key)
        .first(&mut app.conn())
        .unwrap();
    assert!(!database_dump(&app).contains(&key.unwrap()));
    for (kind, _, status, body) in outbox_rows(&app) {
        assert_eq!((kind.as_str(), status.as_str()), ("invitation", "sent"));
        assert!(body.is_empty(), "a sent invitation's body is cleared");
    }
    // Tracking shows the invitation channel and, once the sender has joined the
    // invitation to its sent response by the link, a 100% response rate.
    let mut text = String::new();
    for _ in 0..50 {
        let (status, html) = lead
            .page(&format!("/inspections/{HARROWDALE}/distribution/tracking"))
            .await;
        assert_eq!(status, StatusCode::OK);
        text = page_text(&html);
        if text.contains("Opted out 1 1 1 100% 0") {
            break;
        }
        actix_web::rt::time::sleep(StdDuration::from_millis(100)).await;
    }
    assert!(text.contains("Opted out 1 1 1 100% 0"), "{text}");
    assert!(text.contains("Personal invitation"), "{text}");
    assert!(text.contains("Oakfield Primary School"));
}

/// Every text column of the invitations table, to look for a response's key.
fn database_dump(app: &TestApp) -> String {
    use schema::invitations;
    let rows: Vec<(Option<String>, String, String, String)> = invitations::table
        .select((
            invitations::email,
            invitations::token_hash,
            invitations::nonce,
            invitations::state,
        ))
        .load(&mut app.conn())
        .unwrap();
    format!("{rows:?}")
}

#[actix_web::test]
async fn reminders_go_only_to_those_still_to_answer_and_never_after_closing() {
    let (app, smtp) = app_with_mail(|_| {}).await;
    let lead = app.signed_in(LEAD).await;
    closing_in_a_week(&app, &lead).await;
    let csv = "email,audience\nanswers@example.org,parents\nstops@example.org,parents\nwaits@example.org,parents\n";
    assert_eq!(import(&lead, csv, false).await.0, StatusCode::OK);
    let messages = wait_for(&smtp.received, 3).await;

    // One opts out, from the link in the email, without signing in.
    let stops = link_for(&messages, "stops@example.org", "Tell inspectors");
    let b = app.client();
    let (status, html) = b.page(&format!("{stops}/opt-out")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page_text(&html).contains("Stop emails about this survey"));
    let res = b
        .submit(
            &format!("{stops}/opt-out"),
            &format!("{stops}/opt-out"),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    // Without the form's token, nothing happens.
    let res = app.client().post(&format!("{stops}/opt-out"), &[]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // One answers.
    let answers = link_for(&messages, "answers@example.org", "Tell inspectors");
    let a = app.client();
    let (base, _) = follow(&a, &answers).await;
    answer_and_send(&a, &base).await;

    // A round of reminders: only the one still to answer.
    assert_eq!(remind(&app, NOW), 1);
    assert_eq!(remind(&app, NOW), 0, "at most the configured number");
    let messages = wait_for(&smtp.received, 4).await;
    let reminders: Vec<&String> = messages
        .iter()
        .filter(|m| m.contains("Subject: Reminder"))
        .collect();
    assert_eq!(reminders.len(), 1);
    assert!(reminders[0].contains("To: waits@example.org"));
    // The reminder carries the same personal link.
    assert_eq!(
        link_for(&messages, "waits@example.org", "Reminder"),
        link_for(&messages, "waits@example.org", "Tell inspectors")
    );
    let rows = invitation_rows(&app);
    assert_eq!(
        rows.iter()
            .map(|r| (r.1.as_str(), r.2, r.3))
            .collect::<Vec<_>>(),
        [
            ("responded", false, 0),
            ("invited", true, 0),
            ("invited", false, 1)
        ]
    );

    // Never after the survey closes, however many are allowed.
    diesel::update(schema::surveys::table.filter(schema::surveys::id.eq(survey_id(&app, PARENTS))))
        .set(schema::surveys::closes_at.eq(Some(db::now() - Duration::minutes(1))))
        .execute(&mut app.conn())
        .unwrap();
    let many = Reminders {
        most: 10,
        interval: Duration::zero(),
    };
    assert_eq!(remind(&app, many), 0);
}

#[actix_web::test]
async fn with_the_mail_server_down_invitations_wait_and_a_restarted_service_sends_each_once() {
    // A port nobody listens on yet.
    let reserved = SmtpServer::start(0).await;
    let port = reserved.port;
    reserved.stop();
    let app = TestApp::spawn_with(|c| {
        with_sender(c, port);
        quick_retries(c);
    })
    .await;
    let lead = app.signed_in(LEAD).await;
    closing_in_a_week(&app, &lead).await;
    let csv = "email,audience\none@example.org,parents\ntwo@example.org,practitioners\n";
    assert_eq!(import(&lead, csv, false).await.0, StatusCode::OK);
    // They are tried, fail, and wait, with the reason kept.
    let mut tried = false;
    for _ in 0..100 {
        let errors: Vec<Option<String>> = schema::outbox::table
            .select(schema::outbox::last_error)
            .load(&mut app.conn())
            .unwrap();
        if errors.iter().all(Option::is_some) {
            tried = true;
            break;
        }
        actix_web::rt::time::sleep(StdDuration::from_millis(100)).await;
    }
    assert!(tried, "each email was tried and its failure recorded");
    assert!(outbox_rows(&app).iter().all(|r| r.2 != "sent"));
    // The service is restarted (a second process on the database) and the mail
    // server comes back: every email arrives once, whichever instance sends it.
    let smtp = SmtpServer::start(port).await;
    let _restarted = app
        .another_instance(|c| {
            with_sender(c, port);
            quick_retries(c);
        })
        .await
        .unwrap();
    let messages = wait_for(&smtp.received, 2).await;
    actix_web::rt::time::sleep(StdDuration::from_millis(1500)).await;
    assert_eq!(smtp.received.messages().len(), 2, "none sent twice");
    assert_eq!(
        recipients(&messages),
        ["one@example.org", "two@example.org"]
    );
    assert!(outbox_rows(&app).iter().all(|r| r.2 == "sent"));
}

#[actix_web::test]
async fn two_instances_send_every_invitation_exactly_once() {
    let (app, smtp) = app_with_mail(|_| {}).await;
    let port = smtp.port;
    let _other = app
        .another_instance(|c| {
            with_sender(c, port);
            quick_retries(c);
        })
        .await
        .unwrap();
    let lead = app.signed_in(LEAD).await;
    closing_in_a_week(&app, &lead).await;
    let mut csv = String::from("email,audience\n");
    for i in 0..40 {
        csv.push_str(&format!("parent{i}@example.org,parents\n"));
    }
    assert_eq!(import(&lead, &csv, false).await.0, StatusCode::OK);
    let messages = wait_for(&smtp.received, 40).await;
    actix_web::rt::time::sleep(StdDuration::from_millis(1500)).await;
    let all = recipients(&smtp.received.messages());
    let mut unique = all.clone();
    unique.dedup();
    assert_eq!(all.len(), 40, "{} messages", messages.len());
    assert_eq!(unique.len(), 40, "each exactly once");
}

#[actix_web::test]
async fn a_survey_takes_answers_only_between_its_opening_and_closing_times() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    let parents = survey_id(&app, PARENTS);
    let (open_link, _) = links(&app, PARENTS);
    // An invitation queued while the survey is open...
    closing_in_a_week(&app, &lead).await;
    let csv = "email,audience\nann@example.org,parents\n";
    assert_eq!(import(&lead, csv, false).await.0, StatusCode::OK);
    // ...then the opening moves to two days away: the link says when, and takes nothing.
    let opens = fields_in(Duration::days(2));
    let res = set_times(
        &lead,
        parents,
        Some(opens),
        Some(fields_in(Duration::days(5))),
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // The invitation waits in the outbox until the survey opens.
    let opens_at = db::surveys::find(&mut app.conn(), parents)
        .unwrap()
        .unwrap()
        .schedule
        .opens_at
        .unwrap();
    let due: chrono::NaiveDateTime = schema::outbox::table
        .select(schema::outbox::next_attempt_at)
        .first(&mut app.conn())
        .unwrap();
    assert_eq!(due, opens_at);
    // A new closing time reaches the invitation still waiting.
    let later = fields_in(Duration::days(6));
    let res = set_times(
        &lead,
        parents,
        Some(fields_in(Duration::days(2))),
        Some(later.clone()),
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let closes_at = db::surveys::find(&mut app.conn(), parents)
        .unwrap()
        .unwrap()
        .schedule
        .closes_at
        .unwrap();
    let body = readable(&outbox_rows(&app)[0].3);
    assert!(
        body.contains(&area_send::domain::schedule::london_text(closes_at)),
        "{body}"
    );
    // Opting out stops it before it is sent, and it cannot be sent again.
    let at = body.find("/s/invite/").unwrap();
    let link: String = body[at..].chars().take("/s/invite/".len() + 26).collect();
    let b = app.client();
    let res = b
        .submit(&format!("{link}/opt-out"), &format!("{link}/opt-out"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let (_, _, status, _) = outbox_rows(&app)[0].clone();
    assert_eq!(status, "failed");
    let page = format!("/inspections/{HARROWDALE}/distribution/emails");
    let (_, html) = lead.page(&page).await;
    assert!(page_text(&html).contains("asked for no more emails"));
    let res = lead
        .submit(&page, &format!("{page}/retry"), &[("email", "all")])
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let before = responses(&app, PARENTS).len();
    let b = app.client();
    let (status, html) = b.page(&open_link).await;
    assert_eq!(status, StatusCode::OK);
    let text = page_text(&html);
    assert!(text.contains("This survey has not opened yet"), "{text}");
    assert!(text.contains("It opens at"), "{text}");
    let (practitioners_link, _) = links(&app, PRACTITIONERS);
    let res = b
        .submit(
            &practitioners_link,
            &format!("{open_link}/start"),
            &[("lang", "en")],
        )
        .await;
    assert_eq!(location(&res), open_link);
    assert_eq!(responses(&app, PARENTS).len(), before);

    // Open now, closing in a week: a response starts; then the closing time passes.
    let res = set_times(&lead, parents, None, Some(fields_in(Duration::days(7)))).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    actix_web::rt::time::sleep(StdDuration::from_millis(2100)).await;
    let page = begin(&b, &open_link, &[("lang", "en")]).await;
    diesel::update(schema::surveys::table.filter(schema::surveys::id.eq(parents)))
        .set(schema::surveys::closes_at.eq(Some(db::now() - Duration::seconds(1))))
        .execute(&mut app.conn())
        .unwrap();
    // The answer in hand is refused (the write checks the time itself).
    let res = answer_first(&b, &page).await;
    assert_eq!(location(&res), open_link);
    let (status, html) = b.page(&open_link).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(page_text(&html).contains("This survey has closed"));
    // A closed survey's times can no longer be changed.
    let res = set_times(&lead, parents, None, Some(fields_in(Duration::days(9)))).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[actix_web::test]
async fn times_are_uk_times_set_by_the_lead_and_impossible_ones_are_refused() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    let parents = survey_id(&app, PARENTS);
    let at = |d: &str, m: &str, y: &str, t: &str| Some([d.into(), m.into(), y.into(), t.into()]);
    // 5pm on 10 July 2030 in London is 4pm UTC.
    let res = set_times(&lead, parents, None, at("10", "7", "2030", "17:00")).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let stored = db::surveys::find(&mut app.conn(), parents)
        .unwrap()
        .unwrap();
    assert_eq!(
        stored.schedule.closes_at.unwrap().to_string(),
        "2030-07-10 16:00:00"
    );
    let (_, hub) = lead
        .page(&format!("/inspections/{HARROWDALE}/distribution"))
        .await;
    assert!(page_text(&hub).contains("5:00pm on Wednesday 10 July 2030"));
    for (fields, message) in [
        (at("31", "3", "2030", "01:30"), "the clocks go forward"),
        (at("30", "2", "2030", "10:00"), "Enter a real date"),
        (
            at("1", "8", "2030", "25:00"),
            "Enter a time in 24-hour form",
        ),
        (at("1", "1", "2020", "10:00"), "must be in the future"),
    ] {
        let res = set_times(&lead, parents, None, fields).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{message}");
        let text = page_text(&res.text().await.unwrap());
        assert!(text.contains(message), "{message}: {text}");
    }
    let res = set_times(
        &lead,
        parents,
        at("20", "7", "2030", "09:00"),
        at("10", "7", "2030", "17:00"),
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Nothing refused was stored.
    let stored = db::surveys::find(&mut app.conn(), parents)
        .unwrap()
        .unwrap();
    assert_eq!(stored.schedule.opens_at, None);
    // Only the lead inspector sets times; reviewers see no distribution page.
    let cqc = app.signed_in(CQC).await;
    let (status, _) = cqc
        .page(&format!(
            "/inspections/{HARROWDALE}/distribution/surveys/{parents}/times"
        ))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        cqc.page(&format!("/inspections/{HARROWDALE}/distribution"))
            .await
            .0,
        StatusCode::OK
    );
    let council = app.signed_in(COUNCIL).await;
    for page in ["", "/invitees", "/tracking", "/emails"] {
        let (status, _) = council
            .page(&format!("/inspections/{HARROWDALE}/distribution{page}"))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{page}");
    }
}

#[actix_web::test]
async fn settings_have_their_own_links_and_printable_posters() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    let hub = format!("/inspections/{HARROWDALE}/distribution");
    let add = format!("{hub}/settings");
    let res = lead
        .submit(
            &hub,
            &add,
            &[("name", "  Riverside   College "), ("kind", "college")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    for (fields, message) in [
        (
            vec![("name", "riverside college"), ("kind", "college")],
            "already has a setting",
        ),
        (vec![("name", ""), ("kind", "college")], "Enter the setting"),
        (
            vec![("name", "Elm House"), ("kind", "prison")],
            "Choose what kind",
        ),
    ] {
        let res = lead.submit(&hub, &add, &fields).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            page_text(&res.text().await.unwrap()).contains(message),
            "{message}"
        );
    }
    let found = db::distribution::links_of(&mut app.conn(), HARROWDALE).unwrap();
    assert_eq!(
        found.len(),
        6,
        "an open and a kiosk link for each of three surveys"
    );
    assert!(found.iter().all(|l| l.setting_name == "Riverside College"));
    let open = found
        .iter()
        .find(|l| l.channel == area_send::domain::survey::Channel::OpenLink)
        .unwrap();
    // The poster: the QR code labelled for screen readers, the address in text.
    let (status, html) = lead.page(&format!("{hub}/links/{}/poster", open.id)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<svg role=\"img\" aria-label=\"QR code"));
    assert!(page_text(&html).contains(&format!("/s/{}", open.token)));
    assert!(page_text(&html).contains("Riverside College"));
    // Another inspection's link is not found.
    let (status, _) = lead
        .page(&format!(
            "/inspections/{FENMOOR}/distribution/links/{}/poster",
            open.id
        ))
        .await;
    assert!(status == StatusCode::NOT_FOUND || status == StatusCode::FORBIDDEN);
    // A response through the setting's link is attributed to it.
    let link = format!("/s/{}", open.token);
    let b = app.client();
    begin(&b, &link, &[("lang", "en")]).await;
    let settings: Vec<Option<i32>> = schema::responses::table
        .filter(schema::responses::setting_id.is_not_null())
        .select(schema::responses::setting_id)
        .load(&mut app.conn())
        .unwrap();
    assert_eq!(settings.len(), 1);
}

#[actix_web::test]
async fn rate_limits_stop_guessing_links_and_flooding_a_survey() {
    let app = TestApp::spawn_with(|c| {
        c.invitation_attempts_per_minute = 3;
        c.starts_per_minute = 2;
    })
    .await;
    for i in 0..3 {
        let res = app
            .client()
            .get(&format!("/s/invite/{}", "A".repeat(25) + &i.to_string()))
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
    let res = app
        .client()
        .get(&format!("/s/invite/{}", "B".repeat(26)))
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let (open_link, _) = links(&app, PARENTS);
    let b = app.client();
    for _ in 0..2 {
        let res = b
            .submit(&open_link, &format!("{open_link}/start"), &[("lang", "en")])
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let res = b
        .submit(&open_link, &format!("{open_link}/start"), &[("lang", "en")])
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);

    // Per link: one link is limited however many addresses use it; the others are not.
    let app = TestApp::spawn_with(|c| c.link_starts_per_minute = 2).await;
    let (open_link, kiosk_link) = links(&app, PARENTS);
    for _ in 0..2 {
        let res = app
            .client()
            .submit(&open_link, &format!("{open_link}/start"), &[("lang", "en")])
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let res = app
        .client()
        .submit(&open_link, &format!("{open_link}/start"), &[("lang", "en")])
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let res = app
        .client()
        .submit(
            &kiosk_link,
            &format!("{kiosk_link}/start"),
            &[("lang", "en")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

#[actix_web::test]
async fn invitee_files_are_checked_line_by_line_and_never_half_imported() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    let good = "email,audience\nann@example.org,parents\nbo@example.org,practitioners\n";
    // No closing time yet: nobody is invited.
    let (status, html) = import(&lead, good, false).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page_text(&html).contains("Set the survey's closing time"));
    assert!(invitation_rows(&app).is_empty());
    closing_in_a_week(&app, &lead).await;

    let bad = "email,audience,setting\r\nann@example.org,parents,\r\nnot-an-email,parents,\r\nANN@example.org,parents,\r\ncy@example.org,children,\r\ndi@example.org,governors,\r\ned@example.org,parents,Nowhere Academy\r\nbo@example.org,practitioners,\r\n";
    let (status, html) = import(&lead, bad, false).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let text = page_text(&html);
    for expected in [
        "Line 3, email: \"not-an-email\" is not an email address",
        "Line 4, email: ann@example.org is already on line 2",
        "Line 5, audience: Children and young people are not invited by email",
        "Line 6, audience: \"governors\" is not a survey audience",
        "Line 7, setting: \"Nowhere Academy\" is not one of this inspection's settings",
        "Nothing was imported. 2 line(s) are valid.",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    assert!(invitation_rows(&app).is_empty(), "nothing partial");
    assert!(outbox_rows(&app).is_empty());

    // The valid lines only, when asked.
    let (status, html) = import(&lead, bad, true).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page_text(&html).contains("2 people invited"));
    assert_eq!(invitation_rows(&app).len(), 2);
    assert_eq!(outbox_rows(&app).len(), 2);
    // The same people again: already invited, nobody twice.
    let (status, html) = import(&lead, good, false).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page_text(&html).contains("has already been invited"));
    assert_eq!(invitation_rows(&app).len(), 2);

    // Files that are not lists at all.
    for (file, message) in [
        ("", "The file is empty"),
        ("name,audience\nAnn,parents\n", "has no email column"),
        ("email,audience\n\u{0}\u{1}\u{2}", "not text"),
    ] {
        let (status, html) = import(&lead, file, false).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            page_text(&html).contains(message),
            "{message}: {}",
            page_text(&html)
        );
    }
    let res = lead
        .submit(
            &format!("/inspections/{HARROWDALE}/distribution/invitees"),
            &format!("/inspections/{HARROWDALE}/distribution/invitees"),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(invitation_rows(&app).len(), 2);

    // The same from the command line.
    let dir = std::env::temp_dir().join(format!("area-send-invitees-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("more.csv");
    std::fs::write(
        &file,
        "email,audience\ncat@example.org,parents\nbad,parents\n",
    )
    .unwrap();
    let path = file.display().to_string();
    let key = "k".repeat(64);
    let args = ["import", "invitees", "1", &path, "--secret-key", &key];
    let out = cli(&app, &args);
    assert!(!out.status.success());
    assert!(stdout(&out).contains("line 3, email"), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("nothing imported"),
        "{}",
        stderr(&out)
    );
    assert_eq!(invitation_rows(&app).len(), 2);
    let mut valid_only = args.to_vec();
    valid_only.push("--valid-only");
    let out = cli(&app, &valid_only);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("1 invited; 1 line(s) left out"));
    assert_eq!(invitation_rows(&app).len(), 3);
    let _ = std::fs::remove_dir_all(dir);
}

#[actix_web::test]
async fn invitee_emails_are_erased_after_the_survey_closes_and_the_counts_stay() {
    let (app, smtp) = app_with_mail(|c| c.erase_invitees_after = Duration::zero()).await;
    let lead = app.signed_in(LEAD).await;
    closing_in_a_week(&app, &lead).await;
    let csv = "email,audience\nann@example.org,parents\nbo@example.org,parents\n";
    assert_eq!(import(&lead, csv, false).await.0, StatusCode::OK);
    wait_for(&smtp.received, 2).await;
    // The closing time passes: the sender closes the survey and erases the emails.
    diesel::update(schema::surveys::table.filter(schema::surveys::id.eq(survey_id(&app, PARENTS))))
        .set(schema::surveys::closes_at.eq(Some(db::now() - Duration::seconds(1))))
        .execute(&mut app.conn())
        .unwrap();
    let mut erased = false;
    for _ in 0..100 {
        if invitation_rows(&app).iter().all(|r| r.0.is_none()) {
            erased = true;
            break;
        }
        actix_web::rt::time::sleep(StdDuration::from_millis(100)).await;
    }
    assert!(erased, "{:?}", invitation_rows(&app));
    assert!(outbox_rows(&app).iter().all(|r| r.1 == "(erased)"));
    let status: String = schema::surveys::table
        .filter(schema::surveys::id.eq(survey_id(&app, PARENTS)))
        .select(schema::surveys::status)
        .first(&mut app.conn())
        .unwrap();
    assert_eq!(status, "closed");
    let audit: Vec<String> = schema::audit_entries::table
        .filter(schema::audit_entries::action.eq("invitees.erased"))
        .select(schema::audit_entries::detail)
        .load(&mut app.conn())
        .unwrap();
    assert_eq!(audit.len(), 1);
    assert!(audit[0].contains("\"erased\":2"));
    let (_, html) = lead
        .page(&format!("/inspections/{HARROWDALE}/distribution"))
        .await;
    assert!(page_text(&html).contains("2 invited, 0 answered (0%), 0 opted out, 2 emails erased"));
}

#[actix_web::test]
async fn failed_emails_are_listed_and_can_be_sent_again() {
    let (app, smtp) = app_with_mail(|_| {}).await;
    let lead = app.signed_in(LEAD).await;
    closing_in_a_week(&app, &lead).await;
    assert_eq!(
        import(&lead, "email,audience\nann@example.org,parents\n", false)
            .await
            .0,
        StatusCode::OK
    );
    wait_for(&smtp.received, 1).await;
    // As if every attempt had failed.
    diesel::update(schema::outbox::table)
        .set((
            schema::outbox::status.eq("failed"),
            schema::outbox::last_error.eq(Some("550 mailbox unavailable")),
        ))
        .execute(&mut app.conn())
        .unwrap();
    let page = format!("/inspections/{HARROWDALE}/distribution/emails");
    let (status, html) = lead.page(&page).await;
    assert_eq!(status, StatusCode::OK);
    let text = page_text(&html);
    assert!(text.contains("ann@example.org") && text.contains("550 mailbox unavailable"));
    let (_, hub) = lead
        .page(&format!("/inspections/{HARROWDALE}/distribution"))
        .await;
    assert!(page_text(&hub).contains("1 email(s) could not be sent"));
    let id: i32 = schema::outbox::table
        .select(schema::outbox::id)
        .first(&mut app.conn())
        .unwrap();
    let res = lead
        .submit(
            &page,
            &format!("{page}/retry"),
            &[("email", &id.to_string())],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    wait_for(&smtp.received, 2).await;
    // Sent again, so nothing is failed: a second retry is refused, and a made-up id too.
    for _ in 0..50 {
        if outbox_rows(&app)[0].2 == "sent" {
            break;
        }
        actix_web::rt::time::sleep(StdDuration::from_millis(100)).await;
    }
    let res = lead
        .submit(
            &page,
            &format!("{page}/retry"),
            &[("email", &id.to_string())],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let res = lead
        .submit(&page, &format!("{page}/retry"), &[("email", "1 OR 1=1")])
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}
