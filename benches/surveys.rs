//! Survey throughput on this machine: question-page renders per second, and complete
//! responses (start, choose how to answer, every page, send) per second, against the
//! real server over loopback, on SQLite or (with AREA_SEND_TEST_POSTGRES_URL) PostgreSQL.
//! Run with `cargo bench --bench surveys`; bounded to a few seconds per measure.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "../tests/integration/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use common::{csrf_token, location, Browser, TestApp, HARROWDALE};

const CLIENTS: usize = 16;
const SECONDS: u64 = 8;

fn link(app: &TestApp, form_id: &str) -> String {
    let mut conn = app.conn();
    let survey = area_send::db::surveys::for_inspection(&mut conn, HARROWDALE)
        .unwrap()
        .into_iter()
        .find(|s| s.form.id == form_id)
        .unwrap();
    format!("/s/{}", survey.open_link_token)
}

/// Start a response; returns its CSRF token and the first question page.
async fn begin(b: &Browser, link: &str) -> (String, String) {
    let (_, html) = b.page(link).await;
    let token = csrf_token(&html);
    b.post(
        &format!("{link}/start"),
        &[("csrf_token", &token), ("lang", "en")],
    )
    .await;
    let res = b
        .post(
            &format!("{link}/how"),
            &[("csrf_token", &token), ("lang", "en")],
        )
        .await;
    (token, location(&res))
}

/// One complete response with the first answer on every page; returns when sent.
async fn complete(b: &Browser, link: &str) {
    let (token, mut page) = begin(b, link).await;
    while !page.ends_with("/check") {
        let (_, html) = b.page(&page).await;
        let doc = scraper::Html::parse_document(&html);
        let sel = scraper::Selector::parse("form .question input[type=radio]").unwrap();
        let mut fields: Vec<(String, String)> = vec![("csrf_token".into(), token.clone())];
        let mut seen = std::collections::BTreeSet::new();
        for input in doc.select(&sel) {
            let (name, value) = (
                input.value().attr("name").unwrap(),
                input.value().attr("value").unwrap(),
            );
            if seen.insert(name.to_string()) {
                fields.push((name.into(), value.into()));
            }
        }
        let refs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        page = location(&b.post(&page, &refs).await);
    }
    let res = b
        .post(&format!("{link}/submit"), &[("csrf_token", &token)])
        .await;
    assert_eq!(res.status(), 303);
}

fn main() {
    actix_web::rt::System::new().block_on(async {
        let app = TestApp::spawn_with(|c| c.workers = Some(2)).await;
        let backend = if common::backend_is_postgres() { "PostgreSQL" } else { "SQLite" };

        // Question pages: each client has its own response and reloads its first page.
        let children = link(&app, "children-and-young-people");
        let mut tasks = vec![];
        let deadline = Instant::now() + Duration::from_secs(SECONDS);
        for _ in 0..CLIENTS {
            let b = app.client();
            let children = children.clone();
            tasks.push(actix_web::rt::spawn(async move {
                let (_, page) = begin(&b, &children).await;
                let mut n = 0u64;
                while Instant::now() < deadline {
                    let (status, _) = b.page(&page).await;
                    assert_eq!(status, 200);
                    n += 1;
                }
                n
            }));
        }
        let mut pages = 0;
        for t in tasks {
            pages += t.await.unwrap();
        }
        let page_rate = pages as f64 / SECONDS as f64;

        // Complete responses to the parents' survey (section pages).
        let parents = link(&app, "parents-and-carers");
        let mut tasks = vec![];
        let started = Instant::now();
        let deadline = started + Duration::from_secs(SECONDS);
        for _ in 0..CLIENTS {
            let base = app.base.clone();
            let parents = parents.clone();
            tasks.push(actix_web::rt::spawn(async move {
                let mut n = 0u64;
                while Instant::now() < deadline {
                    // A fresh browser (cookie jar) for each respondent.
                    let fresh = Browser {
                        base: base.clone(),
                        http: reqwest::Client::builder()
                            .cookie_store(true)
                            .redirect(reqwest::redirect::Policy::none())
                            .build()
                            .unwrap(),
                    };
                    complete(&fresh, &parents).await;
                    n += 1;
                }
                n
            }));
        }
        let mut sent = 0;
        for t in tasks {
            sent += t.await.unwrap();
        }
        let elapsed = started.elapsed().as_secs_f64();
        let sent_rate = sent as f64 / elapsed;
        let mut conn = app.conn();
        let stored: i64 = {
            use diesel::prelude::*;
            area_send::db::schema::responses::table
                .filter(area_send::db::schema::responses::status.eq("submitted"))
                .count()
                .get_result(&mut conn)
                .unwrap()
        };
        assert_eq!(stored as u64, sent, "every response sent was stored once");
        println!("| {backend} | children's question page (GET) | {page_rate:.0} pages/s | {pages} pages in {SECONDS}s, {CLIENTS} clients |");
        println!(
            "| {backend} | complete parents' response (start, how, every page, send) | {sent_rate:.1} responses/s | {sent} responses in {elapsed:.1}s, {CLIENTS} clients |"
        );
    });
}
