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
    comment_with(b, text, vec![]).await
}

/// A comment on the first paragraph, with any files (field, name, bytes).
async fn comment_with(
    b: &Browser,
    text: &str,
    files: Vec<(&str, String, Vec<u8>)>,
) -> reqwest::Response {
    let (_, html) = b.page(&review(HARROWDALE)).await;
    let paragraph = first_paragraph(&html);
    send_with_files(
        b,
        &review(HARROWDALE),
        &format!("{}/comments", review(HARROWDALE)),
        &[
            ("paragraph", &paragraph),
            ("kind", "factual_inaccuracy"),
            ("comment", text),
            ("correction", "Say 62% instead."),
        ],
        files,
    )
    .await
}

/// The text of a DOCX file's body.
fn docx_text(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
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
    // A file whose content is not what its name says is refused, nothing stored.
    let res = comment_with(
        &council,
        "The council's figure is wrong.",
        vec![("document", "figures.pdf".into(), b"just text".to_vec())],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("href=\"#document\""),
        "the error names the file field"
    );
    assert!(comment_ids(&app).is_empty());
    let pdf = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".to_vec();
    assert_eq!(
        comment_with(
            &council,
            "The council's figure is wrong.",
            vec![("document", "council-figures.pdf".into(), pdf.clone())],
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
    let with_document = comment_ids(&app)[0].0;
    let document = format!("{}/comments/{with_document}/document", review(HARROWDALE));
    assert_eq!(
        comment(&icb, "The ICB's figure is wrong.").await.status(),
        StatusCode::SEE_OTHER
    );
    let (status, html) = council.page(&review(HARROWDALE)).await;
    assert_eq!(status, StatusCode::OK);
    let text = page_text(&html);
    assert!(text.contains("The council's figure is wrong."));
    assert!(text.contains("Supporting document: council-figures.pdf"));
    // The document is the council's: its reviewers may open it, the ICB's may not,
    // nor the inspectors until it is sent.
    let res = council.get(&document).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert_eq!(res.bytes().await.unwrap().to_vec(), pdf);
    assert_eq!(icb.get(&document).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(lead.get(&document).await.status(), StatusCode::NOT_FOUND);
    assert!(
        !text.contains("The ICB's figure is wrong."),
        "not another organisation's"
    );
    assert!(text.contains("The draft, paragraph by paragraph"));
    // A bad comment is refused with what was typed kept.
    let res = send_with_files(
        &council,
        &review(HARROWDALE),
        &format!("{}/comments", review(HARROWDALE)),
        &[
            ("paragraph", "nonsense"),
            ("kind", "other"),
            ("comment", "Kept text"),
        ],
        vec![],
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
    assert_eq!(lead.get(&document).await.status(), StatusCode::OK);
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
    assert!(
        csv.contains("council-figures.pdf"),
        "the log names the document"
    );
    let res = lead
        .get(&format!("{}/comments.docx", review(HARROWDALE)))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let docx = docx_text(&res.bytes().await.unwrap());
    for expected in [
        "The council&apos;s figure is wrong.",
        "The figure is the DfE&apos;s published one.",
        "Not accepted",
        "council-figures.pdf",
    ] {
        assert!(
            docx.contains(expected) || docx.contains(&expected.replace("&apos;", "'")),
            "{expected}"
        );
    }
    for log in ["comments.csv", "comments.docx"] {
        assert_eq!(
            council
                .get(&format!("{}/{log}", review(HARROWDALE)))
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
    }

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
    let res = send_with_files(
        &council,
        &format!("/inspections/{HARROWDALE}"),
        &format!("{}/comments", review(HARROWDALE)),
        &[("paragraph", "x"), ("kind", "other"), ("comment", "Late")],
        vec![],
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
    let res = send_with_files(
        &cqc,
        &review(HARROWDALE),
        &format!("{}/comments", review(HARROWDALE)),
        &[("paragraph", "x"), ("kind", "other"), ("comment", "x")],
        vec![],
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Another inspection's review is not theirs.
    assert_ne!(council.page(&review(FENMOOR)).await.0, StatusCode::OK);
}

#[actix_web::test]
async fn a_reviewer_without_an_account_is_invited_to_set_a_password_once() {
    let app = TestApp::spawn().await;
    let lead = at_draft(&app).await;
    let invite = |fields: Vec<(&'static str, &'static str)>| {
        let lead = &lead;
        async move {
            lead.submit(
                &review(HARROWDALE),
                &format!("{}/reviewers", review(HARROWDALE)),
                &fields,
            )
            .await
        }
    };
    let users = || -> i64 {
        schema::users::table
            .count()
            .get_result(&mut app.conn())
            .unwrap()
    };
    let before = users();
    // Mistakes are named beside their fields, and nothing is stored.
    let res = invite(vec![
        ("reviewer_name", ""),
        ("reviewer_email", "not an email"),
        ("reviewer_organisation", "icb:999"),
    ])
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    for field in ["reviewer_email", "reviewer_organisation"] {
        assert!(html.contains(&format!("href=\"#{field}\"")), "{field}");
    }
    assert!(html.contains("not an email"), "what was typed is kept");
    assert_eq!(users(), before);
    // A reviewer would need the lead's say: the CQC inspector cannot invite.
    let cqc = app.signed_in(CQC).await;
    let res = cqc
        .submit(
            &review(HARROWDALE),
            &format!("{}/reviewers", review(HARROWDALE)),
            &[
                ("reviewer_name", "X"),
                ("reviewer_email", "x@example.org"),
                ("reviewer_organisation", "council"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    let res = invite(vec![
        ("reviewer_name", "Sam Newcomer"),
        ("reviewer_email", "Sam.Newcomer@Harrowdale.example"),
        ("reviewer_organisation", "council"),
    ])
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(users(), before + 1);
    let (_, html) = lead.page(&review(HARROWDALE)).await;
    assert!(
        html.contains("Sam Newcomer (Harrowdale Council)"),
        "a reviewer to choose"
    );
    let again = || {
        invite(vec![
            ("reviewer_name", "Sam Again"),
            ("reviewer_email", "sam.newcomer@harrowdale.example"),
            ("reviewer_organisation", "council"),
        ])
    };
    // A second invitation before the password is set (a lost link) sends a new link
    // and ends the first; it makes no second account or team place.
    assert_eq!(again().await.status(), StatusCode::SEE_OTHER);
    assert_eq!(users(), before + 1);
    assert_eq!(reviewer_ids(&app).len(), 3, "one team place");

    // The emails, through the outbox, carry single-use links; nobody can sign in
    // before using one.
    let links: Vec<String> = schema::outbox::table
        .filter(schema::outbox::kind.eq("password_link"))
        .order(schema::outbox::id)
        .select(schema::outbox::text_body)
        .load::<String>(&mut app.conn())
        .unwrap()
        .iter()
        .map(|body| {
            let start = body.find("/account/set-password/").unwrap();
            body[start..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '-')
                .collect()
        })
        .collect();
    assert_eq!(links.len(), 2);
    let link = links[1].clone();
    assert_eq!(link.len(), "/account/set-password/".len() + 32, "{link}");
    let newcomer = app.client();
    assert_eq!(
        newcomer.page(&links[0]).await.0,
        StatusCode::GONE,
        "the first link ended"
    );
    let res = newcomer
        .sign_in("sam.newcomer@harrowdale.example", "")
        .await;
    assert_ne!(res.status(), StatusCode::SEE_OTHER);
    let stored: Vec<String> = schema::password_links::table
        .select(schema::password_links::token_hash)
        .load(&mut app.conn())
        .unwrap();
    assert!(
        !stored.iter().any(|h| link.contains(h.as_str())),
        "only a hash is kept"
    );

    let (status, html) = newcomer.page(&link).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Choose your password"));
    for (password, confirm, message) in [
        ("short", "short", "at least 12 characters"),
        (
            "a long enough password",
            "a different one",
            "same password in both",
        ),
    ] {
        let res = newcomer
            .submit(
                &link,
                &link,
                &[("password", password), ("confirm", confirm)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.text().await.unwrap().contains(message), "{message}");
    }
    let password = "three quiet harbour lamps";
    let res = newcomer
        .submit(
            &link,
            &link,
            &[("password", password), ("confirm", password)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/sign-in?password_set=1");
    // Once only, and a made-up token fares the same.
    assert_eq!(newcomer.page(&link).await.0, StatusCode::GONE);
    let res = newcomer
        .post(&link, &[("password", password), ("confirm", password)])
        .await;
    assert!(res.status().is_client_error());
    assert_eq!(
        newcomer
            .page(&format!("/account/set-password/{}", "B".repeat(32)))
            .await
            .0,
        StatusCode::GONE
    );
    // Now the account is theirs: it is not invited again.
    let res = again().await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("already an account"));
    // They sign in with it, and see the inspection they review.
    let sam = app
        .signed_in(("sam.newcomer@harrowdale.example", password))
        .await;
    let (status, _) = sam.page(&format!("/inspections/{HARROWDALE}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_ne!(
        sam.page(&format!("/inspections/{FENMOOR}")).await.0,
        StatusCode::OK
    );
    let audit: i64 = schema::audit_entries::table
        .filter(
            schema::audit_entries::action.eq_any(["review.reviewer_invited", "user.password_set"]),
        )
        .count()
        .get_result(&mut app.conn())
        .unwrap();
    assert_eq!(audit, 3, "two invitations and a password set");
}
