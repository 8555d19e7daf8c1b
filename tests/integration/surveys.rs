//! Answering surveys against the real server: the whole round trip, resuming on
//! another device, kiosk mode, and tampered or replayed posts.

use crate::common::survey::*;
use crate::common::*;
use area_send::db;
use reqwest::StatusCode;

#[actix_web::test]
async fn a_child_answers_the_whole_survey_and_it_is_stored_once_anonymously() {
    let app = TestApp::spawn().await;
    let (link, _) = links(&app, "children-and-young-people");
    let child = app.client();
    let (status, html) = child.page(&link).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("We will not ask your name"));
    assert!(
        html.contains("Childline"),
        "a safeguarding signpost on the start page"
    );
    let first = begin(
        &child,
        &link,
        &[
            ("lang", "ur"),
            ("easy_read", "yes"),
            ("symbols", "yes"),
            ("read_aloud", "yes"),
            ("helped_by_adult", "yes"),
        ],
    )
    .await;
    assert!(first.ends_with("/q/1"), "{first}");
    let (_, html) = child.page(&first).await;
    assert!(
        html.contains("<html lang=\"ur\" dir=\"rtl\">"),
        "Urdu pages are right to left"
    );
    assert!(html.contains("سوال 1"), "progress in Urdu");
    assert!(html.contains("/static/symbols/"), "symbols shown");
    assert!(html.contains("read-aloud.js"), "read-aloud offered");
    assert!(html.contains("0800 1111"), "the signpost is on every page");
    let pages = answer_everything(&child, first).await;
    assert!((12..=18).contains(&pages), "one question per page: {pages}");

    let (status, check_html) = child.page(&format!("{link}/check")).await;
    assert_eq!(status, StatusCode::OK);
    let doc = scraper::Html::parse_document(&check_html);
    let changes = doc
        .select(&scraper::Selector::parse("a[href*=\"change=1\"]").unwrap())
        .count();
    assert_eq!(changes, pages, "a change link for each answer");
    let to_question = doc
        .select(&scraper::Selector::parse("a[href*=\"change=1#\"]").unwrap())
        .count();
    assert_eq!(to_question, pages, "each goes straight to its question");
    let res = child
        .submit(&format!("{link}/check"), &format!("{link}/submit"), &[])
        .await;
    assert_eq!(location(&res), format!("{link}/done"));
    let (_, html) = child.page(&format!("{link}/done")).await;
    assert!(html.contains("شکریہ"));
    {
        // Nothing in the browser's session leads back to the sent response.
        use db::schema::sessions;
        use diesel::prelude::*;
        let states: Vec<String> = sessions::table
            .select(sessions::state)
            .load(&mut app.conn())
            .unwrap();
        assert!(
            states
                .iter()
                .all(|s| !s.contains("response_") && !s.contains("code_")),
            "{states:?}"
        );
    }

    let stored = responses(&app, "children-and-young-people");
    assert_eq!(stored.len(), 1);
    let (id, status, channel, helped, answers) = &stored[0];
    assert_eq!(
        (status.as_str(), channel.as_str(), *helped),
        ("submitted", "open_link", true)
    );
    let answers: serde_json::Value = serde_json::from_str(answers).unwrap();
    assert_eq!(answers.as_object().unwrap().len(), pages);
    {
        use db::schema::responses;
        use diesel::prelude::*;
        let (started, updated, submitted): (
            chrono::NaiveDateTime,
            chrono::NaiveDateTime,
            Option<chrono::NaiveDateTime>,
        ) = responses::table
            .find(*id)
            .select((
                responses::started_at,
                responses::updated_at,
                responses::submitted_at,
            ))
            .first(&mut app.conn())
            .unwrap();
        for t in [started, updated, submitted.unwrap()] {
            assert_eq!(
                t.time(),
                chrono::NaiveTime::MIN,
                "a sent response keeps only the day"
            );
        }
    }
    let rows = db::surveys::answer_rows_of(&mut app.conn(), *id).unwrap();
    assert!(
        rows.len() >= pages,
        "one row per answer (more for multiple choice)"
    );
    assert!(rows
        .iter()
        .any(|(_, _, _, t)| t.as_deref()
            == Some("Más ayuda en el colegio, please: «quotes» & <tags>")));

    // Replaying the submission stores nothing more.
    let token = csrf_token(&check_html);
    let res = child
        .post(&format!("{link}/submit"), &[("csrf_token", token.as_str())])
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(
        res.text().await.unwrap().contains("پہلے ہی بھیجے جا چکے"),
        "told, in Urdu, that it was already sent"
    );
    let res = child.get(&format!("{link}/check")).await;
    assert_eq!(
        location(&res),
        format!("{link}/done"),
        "a sent response cannot be changed"
    );
    assert_eq!(
        db::surveys::answer_rows_of(&mut app.conn(), *id)
            .unwrap()
            .len(),
        rows.len()
    );

    // The inspectors see the counts.
    let lead = app.signed_in(LEAD).await;
    let (status, html) = lead
        .page(&format!("/inspections/{HARROWDALE}/surveys"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<dt>Completed</dt><dd>1</dd>"), "{html}");
}

#[actix_web::test]
async fn a_response_can_be_resumed_on_another_device_with_its_code() {
    let app = TestApp::spawn().await;
    let (link, _) = links(&app, "parents-and-carers");
    let phone = app.client();
    let page = begin(&phone, &link, &[("lang", "en")]).await;
    let (_, html) = phone.page(&page).await;
    let code = text_of(&html, ".resume-code-value").expect("a resume code is shown");
    assert_eq!(code.len(), 9, "{code}");
    let resume_link = format!("{link}/resume?code={code}&lang=en");
    assert!(
        html.contains(&resume_link.replace('&', "&amp;")),
        "a link to carry on with the code"
    );
    // The link fills the code in, for the person to confirm, and then continues at an
    // address without the code, so it stays out of the history and the logs.
    let other = app.client();
    let res = other.get(&resume_link).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let without_code = location(&res);
    assert_eq!(without_code, format!("{link}/resume?lang=en"));
    let (_, prefilled) = other.page(&without_code).await;
    assert!(
        prefilled.contains(&format!("value=\"{code}\"")),
        "the link fills the code in, for the person to confirm"
    );
    let (_, again) = other.page(&without_code).await;
    assert!(
        !again.contains(&code),
        "the code is filled in once, not kept"
    );
    let res = answer_first(&phone, &page).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let next = location(&res);

    // Another device: a wrong code is refused, the right one (typed loosely) works.
    let laptop = app.client();
    let res = laptop
        .submit(
            &format!("{link}/resume"),
            &format!("{link}/resume"),
            &[("code", "AAAA-AAAA")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("No answers were found with that code"));
    let typed = code.to_lowercase().replace('-', " ");
    let res = laptop
        .submit(
            &format!("{link}/resume"),
            &format!("{link}/resume"),
            &[("code", &typed)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&res),
        next,
        "carries on after the last page answered"
    );
    let (_, html) = laptop.page(&format!("{link}/check")).await;
    assert!(html.contains("Change"), "{html}");
    assert_eq!(
        responses(&app, "parents-and-carers").len(),
        1,
        "the same response, not a new one"
    );

    // Once sent, the code no longer opens it.
    let res = laptop
        .submit(&format!("{link}/check"), &format!("{link}/submit"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let other = app.client();
    let res = other
        .submit(
            &format!("{link}/resume"),
            &format!("{link}/resume"),
            &[("code", &code)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[actix_web::test]
async fn a_kiosk_returns_to_a_clean_start_after_each_respondent() {
    let app = TestApp::spawn().await;
    let (_, kiosk_link) = links(&app, "children-and-young-people");
    let tablet = app.client();
    let (_, html) = tablet.page(&kiosk_link).await;
    assert!(
        !html.contains("/resume"),
        "no resume codes on a shared tablet"
    );
    let page = begin(
        &tablet,
        &kiosk_link,
        &[("lang", "en"), ("helped_by_adult", "yes")],
    )
    .await;
    let (_, html) = tablet.page(&page).await;
    assert!(!html.contains("resume-code"), "no code shown on a kiosk");
    let (_, check) = tablet.page(&format!("{kiosk_link}/check")).await;
    let token = csrf_token(&check);
    let send = format!("{kiosk_link}/submit");
    let res = tablet.post(&send, &[("csrf_token", &token)]).await;
    assert_eq!(location(&res), format!("{kiosk_link}?sent=1"));
    // A double tap on Send lands in the same place, and stores nothing more.
    let res = tablet.post(&send, &[("csrf_token", &token)]).await;
    assert_eq!(location(&res), format!("{kiosk_link}?sent=1"));
    let (_, html) = tablet.page(&format!("{kiosk_link}?sent=1")).await;
    assert!(html.contains("The next person can start now"));
    assert!(
        !html.contains("Continue where you left off"),
        "no trace of the last respondent"
    );
    // The last respondent's pages are gone for the next person.
    let res = tablet.get(&format!("{kiosk_link}/check")).await;
    assert_eq!(location(&res), kiosk_link);
    let stored = responses(&app, "children-and-young-people");
    assert_eq!(stored.len(), 1);
    assert_eq!(
        (stored[0].1.as_str(), stored[0].2.as_str(), stored[0].3),
        ("submitted", "kiosk", true)
    );
    // The next person starts afresh.
    begin(&tablet, &kiosk_link, &[("lang", "en")]).await;
    assert_eq!(responses(&app, "children-and-young-people").len(), 2);
}

#[actix_web::test]
async fn tampered_posts_are_refused_with_an_error_summary_and_nothing_stored() {
    let app = TestApp::spawn().await;
    let (link, _) = links(&app, "parents-and-carers");
    let b = app.client();
    let page = begin(&b, &link, &[("lang", "en")]).await;
    let (_, html) = b.page(&page).await;
    let (name, _) = question_name(&html).unwrap();
    let choice = first_option(&html, &name);
    for (fields, expected) in [
        (vec![("not_a_question", "x")], "not on this page"),
        (
            vec![(name.as_str(), "made_up_option")],
            "Choose one of the answers shown",
        ),
        (
            vec![
                (name.as_str(), choice.as_str()),
                (name.as_str(), choice.as_str()),
            ],
            "Choose only one answer",
        ),
    ] {
        let res = answer(&b, &page, &fields).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
        let html = res.text().await.unwrap();
        let summary = text_of(&html, ".error-summary").unwrap_or_default();
        assert!(summary.contains(expected), "{expected} in {summary}");
    }
    // Text over the limit, on the free-text page.
    let long = "x".repeat(2001);
    let mut text_page = None;
    for n in 1..=10 {
        let (_, html) = b.page(&format!("{link}/q/{n}")).await;
        if html.contains("<textarea") {
            let doc = scraper::Html::parse_document(&html);
            let name = doc
                .select(&scraper::Selector::parse("textarea").unwrap())
                .next()
                .unwrap()
                .value()
                .attr("name")
                .unwrap()
                .to_string();
            text_page = Some((format!("{link}/q/{n}"), name));
            break;
        }
    }
    let (text_page, text_name) = text_page.expect("a page with free text");
    let res = answer(&b, &text_page, &[(text_name.as_str(), long.as_str())]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("2000 characters or fewer"));
    // Without the CSRF token.
    let res = b.post(&page, &[(name.as_str(), choice.as_str())]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Nothing of that was kept.
    let stored = responses(&app, "parents-and-carers");
    assert_eq!(stored[0].4, "{}", "no answers stored from refused posts");
    // A page that does not exist.
    assert_eq!(
        b.get(&format!("{link}/q/999")).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        b.get(&format!("{link}/q/0")).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        b.get("/s/not-a-real-token").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[actix_web::test]
async fn closed_surveys_take_no_answers() {
    let app = TestApp::spawn().await;
    let (link, _) = links(&app, "practitioners");
    let b = app.client();
    let page = begin(&b, &link, &[("lang", "en"), ("high_contrast", "yes")]).await;
    answer_first(&b, &page).await;
    assert_ne!(responses(&app, "practitioners")[0].4, "{}");
    let token_before_close = csrf_token(&b.page(&page).await.1);
    let lead = app.signed_in(LEAD).await;
    let res = lead.move_inspection(HARROWDALE, "evidence").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (status, html) = b.page(&link).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(html.contains("This survey has closed"));
    assert_eq!(
        location(&b.get(&page).await),
        link,
        "every page leads back to the closed notice"
    );
    // An answer sent from a page opened before the close (with its real token) is
    // not taken: the respondent is sent to the closed notice itself.
    let res = b
        .post(&page, &[("csrf_token", token_before_close.as_str())])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), link);
    let (status, notice) = b.page(&location(&res)).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(notice.contains("This survey has closed"), "{notice}");
    assert!(!notice.contains("/start\""), "no way to start again");
    // Answers never sent are emptied when the survey closes; only the start is counted.
    use db::schema::responses;
    use diesel::prelude::*;
    let (answers, presentation, code): (String, String, Option<String>) = responses::table
        .select((
            responses::answers,
            responses::presentation,
            responses::resume_code_hash,
        ))
        .first(&mut app.conn())
        .unwrap();
    assert_eq!(
        (answers.as_str(), presentation.as_str(), code),
        ("{}", "{}", None)
    );
    let (_, html) = lead
        .page(&format!("/inspections/{HARROWDALE}/surveys"))
        .await;
    assert!(html.contains("<dt>Started</dt><dd>1</dd>"), "{html}");
}

/// The cookies a response sets: (name, whole Set-Cookie header).
fn set_cookies(res: &reqwest::Response) -> Vec<(String, String)> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| {
            let v = v.to_str().unwrap().to_string();
            (v.split('=').next().unwrap().to_string(), v)
        })
        .collect()
}

#[actix_web::test]
async fn a_signed_in_inspector_answering_a_survey_keeps_the_two_apart() {
    let app = TestApp::spawn().await;
    let (link, _) = links(&app, "practitioners");
    let b = app.signed_in(LEAD).await;
    let res = b
        .submit(&link, &format!("{link}/start"), &[("lang", "en")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let cookies = set_cookies(&res);
    assert_eq!(cookies.len(), 1, "{cookies:?}");
    assert_eq!(cookies[0].0, "area_send_survey");
    assert!(cookies[0].1.contains("Path=/s"), "{}", cookies[0].1);
    assert!(cookies[0].1.contains("HttpOnly"), "{}", cookies[0].1);
    let page = location(&b.submit(&location(&res), &location(&res), &[]).await);
    assert!(page.contains("/q/"), "{page}");

    // No stored session holds both a sign-in and a response.
    {
        use db::schema::sessions;
        use diesel::prelude::*;
        let states: Vec<String> = sessions::table
            .select(sessions::state)
            .load(&mut app.conn())
            .unwrap();
        assert!(states.len() >= 2, "{states:?}");
        assert!(
            !states
                .iter()
                .any(|s| s.contains("user_id") && s.contains("response_")),
            "{states:?}"
        );
        assert!(states.iter().any(|s| s.contains("response_")));
        assert!(
            !states.iter().any(|s| s.contains("_read_with_session_")),
            "what is read with a session is never saved into it: {states:?}"
        );
    }

    // Signing out ends the inspector's session, not the response in progress.
    let res = b.submit("/inspections", "/sign-out", &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&b.get("/inspections").await), "/sign-in");
    let (status, html) = b.page(&page).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    // And the survey pages never see the inspector's session: its CSRF token is no use there.
    let staff = app.signed_in(LEAD).await;
    let (_, inspections) = staff.page("/inspections").await;
    let res = staff
        .post(
            &format!("{link}/start"),
            &[
                ("csrf_token", csrf_token(&inspections).as_str()),
                ("lang", "en"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn a_kiosk_shows_nothing_of_a_respondent_who_walked_away() {
    let app = TestApp::spawn().await;
    let (open_link, kiosk_link) = links(&app, "children-and-young-people");
    let tablet = app.client();
    let page = begin(
        &tablet,
        &kiosk_link,
        &[("lang", "ur"), ("high_contrast", "yes")],
    )
    .await;
    assert_eq!(
        answer_first(&tablet, &page).await.status(),
        StatusCode::SEE_OTHER
    );
    // The first child walks away; the next one sees a clean start page in English.
    let (status, html) = tablet.page(&kiosk_link).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("Continue where you left off"), "{html}");
    assert!(
        !html.contains("mode-high-contrast"),
        "no trace of their choices"
    );
    assert!(
        html.contains("<html lang=\"en\""),
        "not their language either"
    );
    for gone in ["/check", "/q/1", "/how"] {
        assert_eq!(
            location(&tablet.get(&format!("{kiosk_link}{gone}")).await),
            kiosk_link,
            "{gone}: the last child's answers are out of reach"
        );
    }

    // A response belongs to the link it was started on.
    let (status, _) = tablet.page(&format!("{open_link}/how")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let phone = app.client();
    let page = begin(&phone, &open_link, &[("lang", "en")]).await;
    let (_, html) = phone.page(&page).await;
    let code = text_of(&html, ".resume-code-value").unwrap();
    assert_eq!(
        location(&phone.get(&format!("{kiosk_link}/how")).await),
        kiosk_link,
        "the open link's response does not follow to the kiosk"
    );
    let res = app
        .client()
        .submit(
            &format!("{open_link}/resume"),
            &format!("{kiosk_link}/resume"),
            &[("code", &code)],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "nor can its code open it there"
    );
}

#[actix_web::test]
async fn a_follow_up_on_the_same_page_is_asked_before_moving_on() {
    let app = TestApp::spawn().await;
    let (link, _) = links(&app, "parents-and-carers");
    let b = app.client();
    begin(&b, &link, &[("lang", "en")]).await;
    // Part 3 holds "do you know the local offer" and, for a yes, "was it useful".
    let part = format!("{link}/q/3");
    let (_, html) = b.page(&part).await;
    assert!(html.contains("name=\"local_offer_known\""), "{html}");
    assert!(!html.contains("name=\"local_offer_useful\""));
    let res = answer(&b, &part, &[("local_offer_known", "yes")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), format!("{part}#local_offer_useful"));
    let (_, html) = b.page(&part).await;
    assert!(html.contains("name=\"local_offer_useful\""), "now asked");
    let useful = first_option(&html, "local_offer_useful");
    let res = answer(
        &b,
        &part,
        &[
            ("local_offer_known", "yes"),
            ("local_offer_useful", &useful),
        ],
    )
    .await;
    assert_eq!(location(&res), format!("{link}/q/4"), "then moves on");
    // A "no" reveals nothing, so it moves straight on, and a change returns to the check page.
    let res = answer(
        &b,
        &format!("{part}?change=1"),
        &[("local_offer_known", "no"), ("change", "1")],
    )
    .await;
    assert_eq!(location(&res), format!("{link}/check"));
    let stored = responses(&app, "parents-and-carers");
    let answers: serde_json::Value = serde_json::from_str(&stored[0].4).unwrap();
    assert_eq!(answers["local_offer_known"], "no");
    let res = answer(
        &b,
        &format!("{part}?change=1"),
        &[("local_offer_known", "yes"), ("change", "1")],
    )
    .await;
    assert_eq!(
        location(&res),
        format!("{part}?change=1#local_offer_useful"),
        "a change that brings up a follow-up asks it too"
    );
}

#[actix_web::test]
async fn refused_pages_keep_what_was_typed_and_speak_the_page_language() {
    let app = TestApp::spawn().await;
    let (link, _) = links(&app, "parents-and-carers");
    let b = app.client();
    begin(&b, &link, &[("lang", "en")]).await;
    let part = format!("{link}/q/5");
    let (_, html) = b.page(&part).await;
    assert!(html.contains("name=\"works_well\""), "{html}");
    let long = format!("{} <b>kept</b>", "y".repeat(2000));
    let res = answer(
        &b,
        &part,
        &[("works_well", &long), ("should_improve", "Shorter waits")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    let doc = scraper::Html::parse_document(&html);
    let text = |name: &str| {
        doc.select(&scraper::Selector::parse(&format!("textarea[name={name}]")).unwrap())
            .next()
            .unwrap()
            .text()
            .collect::<String>()
    };
    assert_eq!(
        text("works_well"),
        long,
        "the over-long answer is there to shorten"
    );
    assert_eq!(
        text("should_improve"),
        "Shorter waits",
        "and the good one is kept"
    );
    assert_eq!(
        responses(&app, "parents-and-carers")[0].4,
        "{}",
        "nothing stored"
    );
    assert!(html.contains("You can write up to 2000 characters."));
    assert!(
        html.contains("aria-describedby=\"works_well-hint works_well-limit works_well-error\""),
        "the limit and the error are read with the box"
    );

    // A NUL byte is refused outright, on either database.
    let res = answer(&b, &part, &[("works_well", "a\u{0}b")]).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(res.text().await.unwrap().contains("control characters"));
    assert_eq!(responses(&app, "parents-and-carers")[0].4, "{}");

    // The children's survey, in Urdu: "I don't understand" stands alone, and the
    // problem is told in Urdu.
    let (link, _) = links(&app, "children-and-young-people");
    let child = app.client();
    begin(&child, &link, &[("lang", "ur")]).await;
    let page = format!("{link}/q/2");
    let (_, html) = child.page(&page).await;
    assert!(
        html.contains("type=\"checkbox\""),
        "type of need is multiple choice"
    );
    let need = first_option(&html, "type_of_need");
    let res = answer(
        &child,
        &page,
        &[("type_of_need", &need), ("type_of_need", "dont_understand")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    let summary = text_of(&html, ".error-summary").unwrap();
    assert!(summary.contains("اکیلا چنیں"), "{summary}");
    assert!(!summary.contains("Choose"), "{summary}");
    let doc = scraper::Html::parse_document(&html);
    let ticked = doc
        .select(&scraper::Selector::parse("input[name=type_of_need][checked]").unwrap())
        .count();
    assert_eq!(ticked, 2, "both ticks shown again to untick one");
    let res = answer(&child, &page, &[("type_of_need", "dont_understand")]).await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "on its own it is an answer"
    );
}

#[actix_web::test]
async fn guessing_resume_codes_is_rate_limited() {
    let app = TestApp::spawn_with(|c| c.resume_attempts_per_minute = 3).await;
    let (link, _) = links(&app, "parents-and-carers");
    let guesser = app.client();
    let resume = format!("{link}/resume");
    for _ in 0..3 {
        let res = guesser
            .submit(&resume, &resume, &[("code", "AAAA-AAAA")])
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let res = guesser
        .submit(&resume, &resume, &[("code", "AAAA-AAAB")])
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().contains_key("retry-after"));
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Too many tries"),
        "the survey's own page: {html}"
    );
    assert!(html.contains(&format!("href=\"{link}\"")));
    // Reading the page is not limited, and other pages are untouched.
    assert_eq!(guesser.get(&resume).await.status(), StatusCode::OK);
    assert_eq!(
        location(&guesser.submit(&link, &format!("{link}/start"), &[]).await),
        format!("{link}/how")
    );
}

#[actix_web::test]
async fn a_question_with_a_bsl_video_shows_it_with_captions() {
    // A forms folder like the shipped one, whose "listened to" question has a BSL video.
    let dir = std::env::temp_dir().join(format!("area-send-bsl-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("bsl")).unwrap();
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("survey-forms");
    for entry in std::fs::read_dir(&shipped).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let mut text = std::fs::read_to_string(&path).unwrap();
            if path.ends_with("children-and-young-people.json") {
                let mut form: serde_json::Value = serde_json::from_str(&text).unwrap();
                for section in form["sections"].as_array_mut().unwrap() {
                    for q in section["questions"].as_array_mut().unwrap() {
                        if q["id"] == "listened_to" {
                            q["bsl_video"] = serde_json::json!({
                                "src": "listened-to.mp4", "captions": "listened-to.vtt"
                            });
                        }
                    }
                }
                text = form.to_string();
            }
            std::fs::write(dir.join(path.file_name().unwrap()), text).unwrap();
        }
    }
    let video: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    std::fs::write(dir.join("bsl/listened-to.mp4"), &video).unwrap();
    std::fs::write(
        dir.join("bsl/listened-to.vtt"),
        "WEBVTT\n\n00:00.000 --> 00:03.000\nDo adults listen to you?\n",
    )
    .unwrap();
    let forms_dir = dir.clone();
    let app = TestApp::spawn_with(move |c| c.forms_dir = Some(forms_dir)).await;

    let (link, _) = links(&app, "children-and-young-people");
    let child = app.client();
    begin(&child, &link, &[("lang", "en")]).await;
    let mut page = None;
    for n in 1..=16 {
        let (_, html) = child.page(&format!("{link}/q/{n}")).await;
        if html.contains("name=\"listened_to\"") {
            page = Some(html);
            break;
        }
    }
    let html = page.expect("the listened_to page");
    assert!(
        html.contains("src=\"/media/bsl/listened-to.mp4\""),
        "{html}"
    );
    assert!(html.contains("<track kind=\"captions\" src=\"/media/bsl/listened-to.vtt\""));
    assert!(html.contains("Watch this question in British Sign Language"));

    let res = child.get("/media/bsl/listened-to.mp4").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "video/mp4");
    assert_eq!(res.bytes().await.unwrap().to_vec(), video);
    let res = child
        .http
        .get(child.url("/media/bsl/listened-to.mp4"))
        .header("range", "bytes=100-199")
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::PARTIAL_CONTENT,
        "videos can be scrubbed"
    );
    assert_eq!(
        res.bytes().await.unwrap().to_vec(),
        video[100..200].to_vec()
    );
    let res = child.get("/media/bsl/listened-to.vtt").await;
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/vtt"));
    for bad in [
        "/media/bsl/missing.mp4",
        "/media/bsl/..%2Fchildren-and-young-people.json",
        "/media/bsl/children-and-young-people.json",
    ] {
        assert_eq!(
            child.get(bad).await.status(),
            StatusCode::NOT_FOUND,
            "{bad}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[actix_web::test]
async fn errors_on_survey_pages_stay_in_the_survey_and_its_language() {
    let app = TestApp::spawn().await;
    let (link, _) = links(&app, "children-and-young-people");
    let child = app.client();
    let page = begin(&child, &link, &[("lang", "ur")]).await;
    let in_survey = |html: &str| {
        html.contains("<html lang=\"ur\" dir=\"rtl\"")
            && html.contains("0800 1111")
            && html.contains(&format!("href=\"{link}\""))
            && !html.contains("/sign-in")
    };
    // An expired form (no CSRF token).
    let res = child.post(&page, &[("age_band", "age_5_to_10")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let html = res.text().await.unwrap();
    assert!(in_survey(&html), "{html}");
    assert!(html.contains("معذرت"), "{html}");
    // A page that is not there.
    let res = child.get(&format!("{link}/q/999")).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let html = res.text().await.unwrap();
    assert!(in_survey(&html) && html.contains("صفحہ نہیں ملا"), "{html}");
    // Something far too long to accept.
    let (_, form) = child.page(&page).await;
    let huge = "x".repeat(70 * 1024);
    let res = child
        .post(
            &page,
            &[("csrf_token", &csrf_token(&form)), ("age_band", &huge)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(in_survey(&res.text().await.unwrap()));
    // A link that is no survey's gets the service's own page.
    let (status, html) = child.page("/s/NoSuchLink").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Page not found"));
}

#[actix_web::test]
async fn continuing_from_the_start_page_goes_where_the_respondent_left_off() {
    let app = TestApp::spawn().await;
    let (link, _) = links(&app, "parents-and-carers");
    let b = app.client();
    let page = begin(&b, &link, &[("lang", "en")]).await;
    answer_first(&b, &page).await;
    let (_, html) = b.page(&link).await;
    let doc = scraper::Html::parse_document(&html);
    let href = doc
        .select(&scraper::Selector::parse("main a").unwrap())
        .find(|a| a.text().collect::<String>() == "Continue where you left off")
        .and_then(|a| a.value().attr("href"))
        .unwrap()
        .to_string();
    assert_eq!(href, format!("{link}/q/2"), "after the last part answered");
}

#[actix_web::test]
async fn a_clash_of_resume_codes_is_retried_and_never_told_as_already_sent() {
    use area_send::app::{self, AppError};
    use area_send::domain::refusal::Refusal;
    use area_send::domain::survey::{Channel, ResponseRefusal};
    let app = TestApp::spawn().await;
    let survey = db::surveys::for_inspection(&mut app.conn(), HARROWDALE)
        .unwrap()
        .into_iter()
        .find(|s| s.form.id == "parents-and-carers")
        .unwrap();
    let mut conn = app.conn();
    let origin = db::surveys::Origin {
        survey_id: survey.id,
        channel: Channel::OpenLink,
        setting_id: None,
        invitation_key: None,
    };
    let (first, code) =
        app::responses::start(&mut conn, origin, "en", || "AAAABBBB".to_string()).unwrap();
    assert_eq!(code, "AAAABBBB");
    // The next respondent's first code is the same: another is made, silently.
    let mut codes = ["AAAABBBB", "CCCCDDDD"].into_iter();
    let (second, code) = app::responses::start(&mut conn, origin, "en", || {
        codes.next().unwrap().to_string()
    })
    .unwrap();
    assert_ne!(first, second);
    assert_eq!(code, "CCCCDDDD");
    // Were every code to clash, the refusal says what happened: no code could be made.
    let err =
        app::responses::start(&mut conn, origin, "en", || "AAAABBBB".to_string()).unwrap_err();
    assert!(
        matches!(
            err,
            AppError::Refused(Refusal::Response(ResponseRefusal::NoFreeCode))
        ),
        "{err:?}"
    );
    assert_eq!(
        responses(&app, "parents-and-carers").len(),
        2,
        "nothing half-made"
    );
}
