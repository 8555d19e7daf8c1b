//! The partnership's factual accuracy check through the pages: the lead sends a
//! draft, a council reviewer and an ICB reviewer comment, each seeing only their
//! own organisation's comments, the inspectors answer (an accepted change made in
//! a new draft), the answers are shown, and the report is finalised and locked, in
//! the web pages and in the database itself.

use area_send::db::{self, schema};
use chrono::Duration;
use diesel::prelude::*;
use reqwest::StatusCode;

use crate::common::*;

fn review(id: i32) -> String {
    format!("/inspections/{id}/review")
}

/// Harrowdale with findings, a decision and two draft versions (the demo's), at
/// "Drafting the report".
async fn at_draft(app: &TestApp) -> Browser {
    area_send::demo::judge(&app.pool, &app.catalogue(), HARROWDALE).unwrap();
    let lead = app.signed_in(LEAD).await;
    for to in ["evidence", "judging", "draft"] {
        let res = lead.move_inspection(HARROWDALE, to).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "to {to}");
    }
    lead
}

/// The ids of the team's partnership reviewers.
fn reviewer_ids(app: &TestApp) -> Vec<String> {
    use schema::memberships;
    memberships::table
        .filter(memberships::inspection_id.eq(HARROWDALE))
        .filter(memberships::role.eq_any(["council_reviewer", "icb_reviewer"]))
        .select(memberships::user_id)
        .load::<i32>(&mut app.conn())
        .unwrap()
        .into_iter()
        .map(|i| i.to_string())
        .collect()
}

async fn send(lead: &Browser, app: &TestApp, days: &str) -> reqwest::Response {
    let ids = reviewer_ids(app);
    let mut fields = vec![("version", "2"), ("working_days", days)];
    for id in &ids {
        fields.push(("reviewers", id));
    }
    lead.submit(
        &review(HARROWDALE),
        &format!("{}/send", review(HARROWDALE)),
        &fields,
    )
    .await
}

/// The first numbered paragraph's id, from the reviewer's form
/// (None when the page offers no form: the check closed, or comments were sent.)
fn first_paragraph(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("#paragraph option[value]").unwrap();
    doc.select(&sel)
        .filter_map(|o| o.value().attr("value"))
        .find(|v| !v.is_empty())
        .unwrap_or("no-form")
        .to_string()
}

async fn comment(b: &Browser, text: &str) -> reqwest::Response {
    let (_, html) = b.page(&review(HARROWDALE)).await;
    let paragraph = first_paragraph(&html);
    b.submit(
        &review(HARROWDALE),
        &format!("{}/comments", review(HARROWDALE)),
        &[
            ("paragraph", &paragraph),
            ("kind", "factual_inaccuracy"),
            ("comment", text),
            ("correction", "Say 62% instead."),
        ],
    )
    .await
}

fn comment_ids(app: &TestApp) -> Vec<(i32, String)> {
    use schema::review_comments as c;
    c::table
        .order(c::id)
        .select((c::id, c::organisation))
        .load(&mut app.conn())
        .unwrap()
}

#[actix_web::test]
async fn a_draft_goes_through_the_partnerships_check_to_a_final_locked_report() {
    let app = TestApp::spawn().await;
    let lead = at_draft(&app).await;
    // The generic stage button does not skip the check.
    let res = lead
        .move_inspection(HARROWDALE, "factual_accuracy_check")
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(page_text(&res.text().await.unwrap()).contains("review page"));
    // Reviewers see nothing before a draft is sent to them.
    let council = app.signed_in(COUNCIL).await;
    assert_eq!(
        council.page(&review(HARROWDALE)).await.0,
        StatusCode::FORBIDDEN
    );

    // Bad input is refused with the field named and nothing sent.
    let res = send(&lead, &app, "0").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page_text(&res.text().await.unwrap()).contains("from 1 to 30"));
    let res = send(&lead, &app, "5").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = lead.page(&review(HARROWDALE)).await;
    let text = page_text(&html);
    assert!(
        text.contains("Draft version 2 with the partnership"),
        "{text}"
    );
    assert!(text.contains("5:00pm"), "closes at 5pm UK time: {text}");
    let emails: Vec<(String, String)> = schema::outbox::table
        .filter(schema::outbox::kind.eq("review"))
        .select((schema::outbox::recipient, schema::outbox::subject))
        .load(&mut app.conn())
        .unwrap();
    assert_eq!(emails.len(), 2, "one to each reviewer");
    assert!(emails[0].1.contains("please check it for factual accuracy"));

    // Each organisation comments and sees only its own comments.
    let icb = app.signed_in(ICB).await;
    assert_eq!(
        comment(&council, "The council's figure is wrong.")
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        comment(&icb, "The ICB's figure is wrong.").await.status(),
        StatusCode::SEE_OTHER
    );
    let (status, html) = council.page(&review(HARROWDALE)).await;
    assert_eq!(status, StatusCode::OK);
    let text = page_text(&html);
    assert!(text.contains("The council's figure is wrong."));
    assert!(
        !text.contains("The ICB's figure is wrong."),
        "not another organisation's"
    );
    assert!(text.contains("The draft, paragraph by paragraph"));
    // A bad comment is refused with what was typed kept.
    let res = council
        .submit(
            &review(HARROWDALE),
            &format!("{}/comments", review(HARROWDALE)),
            &[
                ("paragraph", "nonsense"),
                ("kind", "other"),
                ("comment", "Kept text"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(page_text(&html).contains("Choose the paragraph"));
    assert!(html.contains("Kept text"));
    // Inspectors see comments only once they are sent.
    let (_, html) = lead.page(&review(HARROWDALE)).await;
    assert!(!page_text(&html).contains("The council's figure is wrong."));
    for b in [&council, &icb] {
        let res = b
            .submit(
                &review(HARROWDALE),
                &format!("{}/submit", review(HARROWDALE)),
                &[],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let (_, html) = lead.page(&review(HARROWDALE)).await;
    let text = page_text(&html);
    assert!(
        text.contains("The council's figure is wrong.")
            && text.contains("The ICB's figure is wrong.")
    );
    // Sent comments cannot be changed, nor more added.
    let res = comment(&council, "Another").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Not final while a comment is unanswered.
    let finalise = |version: &'static str| {
        let lead = &lead;
        async move {
            lead.submit(
                &review(HARROWDALE),
                &format!("{}/finalise", review(HARROWDALE)),
                &[
                    ("version", version),
                    ("published_day", "1"),
                    ("published_month", "6"),
                    ("published_year", "2027"),
                ],
            )
            .await
        }
    };
    let res = finalise("2").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page_text(&res.text().await.unwrap()).contains("have no answer yet"));

    // Answers: the council's accepted, with the change in a new draft version 3; the
    // ICB's not accepted, with a reason. An accepted answer needs a later version.
    let ids = comment_ids(&app);
    let council_comment = ids.iter().find(|c| c.1 == "council").unwrap().0;
    let icb_comment = ids.iter().find(|c| c.1.starts_with("icb:")).unwrap().0;
    let answer = |id: i32, fields: Vec<(&'static str, &'static str)>| {
        let lead = &lead;
        async move {
            lead.submit(
                &review(HARROWDALE),
                &format!("{}/comments/{id}/answer", review(HARROWDALE)),
                &fields,
            )
            .await
        }
    };
    let res = answer(
        council_comment,
        vec![("answer", "accepted"), ("version", "")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let hub = format!("/inspections/{HARROWDALE}/report");
    let res = lead
        .submit(
            &hub,
            &format!("{hub}/drafts"),
            &[("note", "The council's correction")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = answer(
        council_comment,
        vec![("answer", "accepted"), ("version", "3")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = answer(
        icb_comment,
        vec![("answer", "not_accepted"), ("reason", " ")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // The error is beside that comment's own reason box, and the summary links to it.
    let html = res.text().await.unwrap();
    assert!(
        html.contains(&format!("href=\"#reason-{icb_comment}\"")),
        "summary link"
    );
    assert!(
        html.contains(&format!("id=\"answer-error-{icb_comment}\"")),
        "inline error"
    );
    let res = answer(
        icb_comment,
        vec![
            ("answer", "not_accepted"),
            ("reason", "The figure is the DfE's published one."),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // Reviewers see answers only once shown to them.
    let (_, html) = icb.page(&review(HARROWDALE)).await;
    assert!(!page_text(&html).contains("DfE's published one"));
    let res = lead
        .submit(
            &review(HARROWDALE),
            &format!("{}/publish", review(HARROWDALE)),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = icb.page(&review(HARROWDALE)).await;
    let text = page_text(&html);
    assert!(
        text.contains("Not accepted") && text.contains("The figure is the DfE's published one.")
    );
    let (_, html) = council.page(&review(HARROWDALE)).await;
    assert!(page_text(&html).contains("Accepted (changed in version 3)"));
    // The comment log for the record.
    let res = lead
        .get(&format!("{}/comments.csv", review(HARROWDALE)))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let csv = res.text().await.unwrap();
    assert!(csv.contains("The council's figure is wrong.") && csv.contains("Not accepted"));
    assert_eq!(
        council
            .get(&format!("{}/comments.csv", review(HARROWDALE)))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );

    // Not the checked version 2: an answer promised the change in version 3.
    let res = finalise("2").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page_text(&res.text().await.unwrap()).contains("that one or later"));
    // Final: version 3, locked everywhere.
    let res = finalise("3").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = lead.page(&format!("/inspections/{HARROWDALE}")).await;
    assert!(html.contains("Stage: Final"));
    let (_, html) = council.page(&review(HARROWDALE)).await;
    assert!(page_text(&html)
        .contains("The report is final (version 3), to be published on 1 June 2027"));
    let finals: Vec<String> = schema::outbox::table
        .filter(schema::outbox::subject.like("%is final"))
        .select(schema::outbox::recipient)
        .load(&mut app.conn())
        .unwrap();
    assert_eq!(finals.len(), 2, "the partnership is told");
    let res = lead
        .submit(&hub, &format!("{hub}/drafts"), &[("note", "After final")])
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    // The database itself refuses a change to a final report.
    let refused = diesel::update(
        schema::findings::table.filter(schema::findings::inspection_id.eq(HARROWDALE)),
    )
    .set(schema::findings::text.eq("Changed behind the service's back"))
    .execute(&mut app.conn());
    assert!(
        refused.is_err(),
        "a final report's findings cannot be changed"
    );
    let audit: Vec<String> = schema::audit_entries::table
        .filter(schema::audit_entries::inspection_id.eq(HARROWDALE))
        .select(schema::audit_entries::action)
        .load(&mut app.conn())
        .unwrap();
    for action in [
        "review.sent",
        "review.comments_sent",
        "review.answered",
        "review.answers_published",
        "report.finalised",
    ] {
        assert!(audit.iter().any(|a| a == action), "{action}");
    }
}

#[actix_web::test]
async fn nothing_is_taken_after_the_deadline_until_the_lead_extends_it() {
    let app = TestApp::spawn().await;
    let lead = at_draft(&app).await;
    assert_eq!(send(&lead, &app, "3").await.status(), StatusCode::SEE_OTHER);
    let council = app.signed_in(COUNCIL).await;
    diesel::update(schema::reviews::table)
        .set(schema::reviews::closes_at.eq(db::now() - Duration::minutes(1)))
        .execute(&mut app.conn())
        .unwrap();
    let (_, html) = council.page(&review(HARROWDALE)).await;
    assert!(page_text(&html).contains("closed at"));
    assert!(
        !html.contains("name=\"comment\""),
        "no form after the deadline"
    );
    let (_, page) = council.page(&format!("/inspections/{HARROWDALE}")).await;
    let token = csrf_token(&page);
    let res = council
        .post(
            &format!("{}/comments", review(HARROWDALE)),
            &[
                ("csrf_token", &token),
                ("paragraph", "x"),
                ("kind", "other"),
                ("comment", "Late"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page_text(&res.text().await.unwrap()).contains("no more comments can be taken"));
    // Only the lead extends, and it is audited; then comments are taken again.
    let cqc = app.signed_in(CQC).await;
    let res = cqc
        .submit(
            &review(HARROWDALE),
            &format!("{}/extend", review(HARROWDALE)),
            &[("working_days", "2")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = lead
        .submit(
            &review(HARROWDALE),
            &format!("{}/extend", review(HARROWDALE)),
            &[("working_days", "2")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        comment(&council, "In time now.").await.status(),
        StatusCode::SEE_OTHER
    );
    let extended: i64 = schema::audit_entries::table
        .filter(schema::audit_entries::action.eq("review.extended"))
        .count()
        .get_result(&mut app.conn())
        .unwrap();
    assert_eq!(extended, 1);
    // A reviewer cannot answer, and an inspector cannot comment.
    let id = comment_ids(&app)[0].0;
    let res = council
        .submit(
            &review(HARROWDALE),
            &format!("{}/comments/{id}/answer", review(HARROWDALE)),
            &[("answer", "not_accepted"), ("reason", "x")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = cqc
        .submit(
            &review(HARROWDALE),
            &format!("{}/comments", review(HARROWDALE)),
            &[("paragraph", "x"), ("kind", "other"), ("comment", "x")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Another inspection's review is not theirs.
    assert_ne!(council.page(&review(FENMOOR)).await.0, StatusCode::OK);
}
