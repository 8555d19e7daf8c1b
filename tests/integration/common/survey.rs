//! Helpers for the survey pages: the demo's links, starting a response, answering
//! pages as a person would, and reading back what was stored.

use area_send::db;
use reqwest::StatusCode;

use super::{location, Browser, TestApp, HARROWDALE};

/// The survey links of the demo inspection: (open link, kiosk link) for a form.
pub fn links(app: &TestApp, form_id: &str) -> (String, String) {
    let mut conn = app.conn();
    let survey = db::surveys::for_inspection(&mut conn, HARROWDALE)
        .unwrap()
        .into_iter()
        .find(|s| s.form.id == form_id)
        .unwrap();
    (
        format!("/s/{}", survey.open_link_token),
        format!("/s/{}", survey.kiosk_token),
    )
}

pub fn responses(app: &TestApp, form_id: &str) -> Vec<(i32, String, String, bool, String)> {
    use db::schema::{responses, surveys};
    use diesel::prelude::*;
    let mut conn = app.conn();
    responses::table
        .inner_join(surveys::table)
        .filter(surveys::form_id.eq(form_id))
        .order(responses::id)
        .select((
            responses::id,
            responses::status,
            responses::channel,
            responses::helped_by_adult,
            responses::answers,
        ))
        .load(&mut conn)
        .unwrap()
}

/// Start a response and choose how to answer; returns the first question page.
pub async fn begin(b: &Browser, link: &str, how: &[(&str, &str)]) -> String {
    let res = b
        .submit(link, &format!("{link}/start"), &[("lang", "en")])
        .await;
    assert_eq!(location(&res), format!("{link}/how"));
    let res = b
        .submit(&format!("{link}/how"), &format!("{link}/how"), how)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    location(&res)
}

/// Answer the page at `page` with `fields` (the CSRF token is added).
pub async fn answer(b: &Browser, page: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    b.submit(page, page, fields).await
}

/// Answer the first question on `page` with its first answer, as a person would.
pub async fn answer_first(b: &Browser, page: &str) -> reqwest::Response {
    let (_, html) = b.page(page).await;
    let (name, _) = question_name(&html).unwrap();
    let choice = first_option(&html, &name);
    answer(b, page, &[(&name, &choice)]).await
}

pub fn first_option(html: &str, name: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(&format!("input[name=\"{name}\"]")).unwrap();
    doc.select(&sel)
        .next()
        .and_then(|e| e.value().attr("value"))
        .unwrap()
        .to_string()
}

pub fn question_name(html: &str) -> Option<(String, String)> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(
        "input[type=radio], input[type=checkbox], textarea, input[inputmode=numeric]",
    )
    .unwrap();
    doc.select(&sel).next().map(|e| {
        let v = e.value();
        (
            v.attr("name").unwrap().to_string(),
            v.attr("type").unwrap_or("textarea").to_string(),
        )
    })
}

/// Answer every page with its first answer (or some text), up to "check your answers".
pub async fn answer_everything(b: &Browser, page: String) -> usize {
    answer_everything_with(
        b,
        page,
        "Más ayuda en el colegio, please: «quotes» & <tags>",
    )
    .await
}

/// [`answer_everything`], writing `free_text` in every free-text question.
pub async fn answer_everything_with(b: &Browser, mut page: String, free_text: &str) -> usize {
    let mut pages = 0;
    while !page.ends_with("/check") {
        let (status, html) = b.page(&page).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        let mut fields: Vec<(String, String)> = vec![];
        let doc = scraper::Html::parse_document(&html);
        let sel = scraper::Selector::parse("form .question").unwrap();
        for q in doc.select(&sel) {
            let inner = q.html();
            if let Some((name, kind)) = question_name(&inner) {
                let value = match kind.as_str() {
                    "radio" | "checkbox" => first_option(&inner, &name),
                    "text" => "7".to_string(),
                    _ => free_text.to_string(),
                };
                fields.push((name, value));
            }
        }
        let refs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let res = answer(b, &page, &refs).await;
        assert_eq!(
            res.status(),
            StatusCode::SEE_OTHER,
            "{page}: {}",
            res.text().await.unwrap()
        );
        page = location(&res);
        pages += 1;
    }
    pages
}
