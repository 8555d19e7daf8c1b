//! Findings, the outcome and the draft report against the real server: the pages
//! with a real client, the proposal and its warnings, the lead inspector's decision,
//! draft versions and their comparison, the report in HTML, PDF and DOCX checked by
//! outside tools (pdfinfo, pdftotext, scripts/pdf-check.py, scripts/docx-check.py),
//! the command line, and who may see drafts.

use std::process::{Command, Stdio};

use reqwest::StatusCode;

use crate::common::*;

/// Move the demo inspection on to judging, as the lead inspector would.
async fn to_judging(lead: &Browser) {
    for to in ["evidence", "judging"] {
        let res = lead.move_inspection(HARROWDALE, to).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "moving to {to}");
    }
}

/// Record two duties and a case note, so findings have evidence of two kinds.
async fn some_evidence(lead: &Browser) {
    let duties = format!("/inspections/{HARROWDALE}/duties");
    for (duty, status) in [("D1", "not_met"), ("D2", "partly")] {
        let res = lead
            .submit(
                &duties,
                &duties,
                &[
                    ("duty", duty),
                    ("status", status),
                    ("evidence", "SEN2 return"),
                    ("note", ""),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "duty {duty}");
    }
    let cases = format!("/inspections/{HARROWDALE}/cases");
    let res = lead
        .submit(
            &cases,
            &cases,
            &[
                ("case_ref", "C1"),
                ("age_band", "5 to 10"),
                ("need", "speech and language"),
                ("setting", "mainstream primary"),
                ("support", "ehc_plan"),
                (
                    "findings",
                    "The plan was issued after 31 weeks; the school chased it twice.",
                ),
                ("bearing", "challenges"),
                ("criteria", "A3"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "case note");
}

fn case_key(app: &TestApp) -> String {
    use area_send::db::schema::case_notes;
    use diesel::prelude::*;
    let id: i32 = case_notes::table
        .select(case_notes::id)
        .first(&mut app.conn())
        .unwrap();
    format!("case:{id}")
}

const NEW: &str = "/inspections/1/findings/new";
const FINDINGS: &str = "/inspections/1/findings";

/// Add a finding through the form; returns the response.
async fn add(b: &Browser, fields: &[(&str, &str)]) -> reqwest::Response {
    b.submit(NEW, FINDINGS, fields).await
}

fn finding_ids(app: &TestApp) -> Vec<i32> {
    use area_send::db::schema::findings;
    use diesel::prelude::*;
    findings::table
        .filter(findings::inspection_id.eq(HARROWDALE))
        .order(findings::position)
        .select(findings::id)
        .load(&mut app.conn())
        .unwrap()
}

/// The findings every report test starts from: a priority action for the council
/// and ICB together, an area for improvement, a strength without evidence.
async fn record_findings(app: &TestApp, lead: &Browser) {
    let case = case_key(app);
    let res = add(
        lead,
        &[
            ("criterion", "A3"),
            ("kind", "area_for_priority_action"),
            (
                "text",
                "Leaders should make sure that plans are issued within 20 weeks.",
            ),
            ("responsible", "council_and_icb"),
            ("evidence", "duty:D1"),
            ("evidence", &case),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = add(
        lead,
        &[
            ("criterion", "D2"),
            ("kind", "area_for_improvement"),
            (
                "text",
                "The council's leaders should make sure annual reviews update plans.",
            ),
            ("responsible", "council"),
            ("addressed_to", "council"),
            ("evidence", "duty:D2"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = add(
        lead,
        &[
            ("criterion", "A1"),
            ("kind", "strength"),
            ("text", "Needs are spotted early."),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

async fn decide(b: &Browser, outcome: &str, rationale: &str) -> reqwest::Response {
    let page = format!("/inspections/{HARROWDALE}/outcome");
    b.submit(
        &page,
        &page,
        &[("outcome", outcome), ("rationale", rationale)],
    )
    .await
}

async fn make_draft(b: &Browser, note: &str) -> String {
    let hub = format!("/inspections/{HARROWDALE}/report");
    let res = b
        .submit(&hub, &format!("{hub}/drafts"), &[("note", note)])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "making a draft");
    location(&res)
}

/// The revision token a page's editor carries.
fn revision_in(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("input[name=revision]").unwrap();
    doc.select(&sel)
        .next()
        .and_then(|e| e.value().attr("value"))
        .map(String::from)
        .expect("a revision token")
}

/// Open `page`, take its form's revision token, and submit `fields` with it.
async fn submit_with_revision(
    b: &Browser,
    page: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let (_, html) = b.page(page).await;
    let revision = revision_in(&html);
    let mut all = vec![("revision", revision.as_str())];
    all.extend_from_slice(fields);
    b.submit(page, page, &all).await
}

/// Change a finding from its freshly opened edit form.
async fn change_finding(b: &Browser, id: i32, fields: &[(&str, &str)]) -> reqwest::Response {
    let page = format!("{FINDINGS}/{id}");
    submit_with_revision(b, &page, fields).await
}

/// Save a written section from a freshly opened editor.
async fn write_section(b: &Browser, section: &str, text: &str) -> reqwest::Response {
    let page = format!("/inspections/{HARROWDALE}/report/sections/{section}");
    submit_with_revision(b, &page, &[("text", text)]).await
}

/// Save the easy-read form from a freshly opened page, with `fields` added.
async fn write_easy_read(b: &Browser, fields: &[(&str, &str)]) -> reqwest::Response {
    let page = format!("/inspections/{HARROWDALE}/report/easy-read");
    submit_with_revision(b, &page, fields).await
}

#[actix_web::test]
async fn a_finding_form_refuses_what_does_not_fit_and_keeps_what_was_typed() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    to_judging(&lead).await;
    // A priority action without its responsible body, on no criterion.
    let res = add(
        &lead,
        &[
            ("criterion", ""),
            ("kind", "area_for_priority_action"),
            ("text", "Leaders should act <now>."),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    let text = page_text(&html);
    assert!(
        text.contains("Choose the criterion this finding is about."),
        "{text}"
    );
    assert!(
        text.contains("Choose the body responsible for this area for priority action."),
        "{text}"
    );
    assert!(
        html.contains("Leaders should act &lt;now&gt;."),
        "typed text kept, escaped"
    );
    // An area for improvement needs leaders and who takes it forward.
    let res = add(
        &lead,
        &[
            ("criterion", "A1"),
            ("kind", "area_for_improvement"),
            ("text", "Improve."),
        ],
    )
    .await;
    let text = page_text(&res.text().await.unwrap());
    assert!(text.contains("Choose the leaders this area for improvement is addressed to."));
    assert!(text.contains("Choose who must take this area for improvement forward."));
    // Tampered values: an ICB of another partnership, evidence that is not here.
    for (responsible, evidence, message) in [
        ("icb:999", "", "Choose one of the partnership's bodies"),
        (
            "council",
            "document:999",
            "Some of the evidence chosen is not part of this inspection.",
        ),
    ] {
        let res = add(
            &lead,
            &[
                ("criterion", "A1"),
                ("kind", "area_for_priority_action"),
                ("text", "Act."),
                ("responsible", responsible),
                ("evidence", evidence),
            ],
        )
        .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{message}");
        assert!(
            page_text(&res.text().await.unwrap()).contains(message),
            "{message}"
        );
    }
    assert!(finding_ids(&app).is_empty(), "nothing stored");
    // Without the CSRF token, nothing happens.
    let res = lead
        .post(
            FINDINGS,
            &[("criterion", "A1"), ("kind", "strength"), ("text", "x")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(finding_ids(&app).is_empty());
}

#[actix_web::test]
async fn the_proposal_follows_the_rules_and_the_warnings_show() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    to_judging(&lead).await;
    some_evidence(&lead).await;
    record_findings(&app, &lead).await;
    let (status, html) = lead
        .page(&format!("/inspections/{HARROWDALE}/outcome"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let text = page_text(&html);
    assert!(
        text.contains("From the findings and the rules in the framework file: Outcome 3"),
        "{text}"
    );
    assert!(
        text.contains("There is at least one area for priority action"),
        "{text}"
    );
    assert!(text.contains("rests on no evidence"), "{text}");
    assert!(text.contains("rests on a single kind of source"), "{text}");
    assert!(text.contains("Criterion B1 has no finding."), "{text}");
    assert!(text.contains("Not decided yet"), "{text}");

    // The priority action becomes an area for improvement already in hand, and the
    // other improvement too: the proposal drops to outcome 1.
    let ids = finding_ids(&app);
    for (id, criterion, text) in [
        (ids[0], "A3", "Speed up plans."),
        (ids[1], "D2", "Update plans."),
    ] {
        let res = change_finding(
            &lead,
            id,
            &[
                ("criterion", criterion),
                ("kind", "area_for_improvement"),
                ("text", text),
                ("responsible", "council"),
                ("addressed_to", "partnership"),
                ("in_hand", "yes"),
                ("evidence", "duty:D1"),
            ],
        )
        .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let text = page_text(
        &lead
            .page(&format!("/inspections/{HARROWDALE}/outcome"))
            .await
            .1,
    );
    assert!(text.contains("framework file: Outcome 1"), "{text}");
    // Deciding outcome 3 anyway is allowed, with a warning.
    let res = decide(&lead, "3", "The team judged the failings systemic.").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let text = page_text(
        &lead
            .page(&format!("/inspections/{HARROWDALE}/outcome"))
            .await
            .1,
    );
    assert!(
        text.contains("Outcome 3 is decided, but no finding is an area for priority action."),
        "{text}"
    );
    assert!(
        text.contains("differs from the proposal (outcome 1)"),
        "{text}"
    );
    // And no draft can say outcome 3 without a priority action table.
    let hub = format!("/inspections/{HARROWDALE}/report");
    let res = lead
        .submit(&hub, &format!("{hub}/drafts"), &[("note", "")])
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(page_text(&res.text().await.unwrap())
        .contains("Outcome 3 is given exactly when there are areas for priority action."));
}

#[actix_web::test]
async fn only_the_lead_decides_and_a_draft_needs_a_decision() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    // While the surveys are open the findings pages say the evidence is not all in.
    let text = page_text(
        &lead
            .page(&format!("/inspections/{HARROWDALE}/outcome"))
            .await
            .1,
    );
    assert!(text.contains("The surveys are still open"), "{text}");
    to_judging(&lead).await;
    let text = page_text(
        &lead
            .page(&format!("/inspections/{HARROWDALE}/outcome"))
            .await
            .1,
    );
    assert!(!text.contains("The surveys are still open"), "{text}");
    let cqc = app.signed_in(CQC).await;
    let page = format!("/inspections/{HARROWDALE}/outcome");
    let (_, html) = cqc.page(&page).await;
    assert!(page_text(&html).contains("Only the lead inspector decides the outcome."));
    let token = csrf_token(&html);
    let res = cqc
        .post(
            &page,
            &[("csrf_token", &token), ("outcome", "1"), ("rationale", "x")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // No rationale, no outcome.
    let res = decide(&lead, "", " ").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = page_text(&res.text().await.unwrap());
    assert!(text.contains("Choose outcome 1, 2 or 3.") && text.contains("Write the rationale"));
    // A draft is refused until the outcome is decided.
    let hub = format!("/inspections/{HARROWDALE}/report");
    let res = lead
        .submit(&hub, &format!("{hub}/drafts"), &[("note", "")])
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(page_text(&res.text().await.unwrap()).contains("Record the outcome decision"));
    let res = decide(&lead, "1", "Typically positive.").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        make_draft(&lead, "first").await,
        format!("{hub}/versions/1")
    );
}

#[actix_web::test]
async fn findings_can_be_reordered_and_removed_within_their_inspection_only() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    to_judging(&lead).await;
    some_evidence(&lead).await;
    record_findings(&app, &lead).await;
    let ids = finding_ids(&app);
    let res = lead
        .submit(
            FINDINGS,
            &format!("{FINDINGS}/{}/move", ids[2]),
            &[("direction", "up")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(finding_ids(&app), vec![ids[0], ids[2], ids[1]]);
    let res = lead
        .submit(
            FINDINGS,
            &format!("{FINDINGS}/{}/move", ids[2]),
            &[("direction", "sideways")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    // Another inspection's URL with this inspection's finding: not found.
    let res = lead
        .submit(
            FINDINGS,
            &format!("/inspections/{FENMOOR}/findings/{}/delete", ids[0]),
            &[],
        )
        .await;
    assert!(matches!(
        res.status(),
        StatusCode::NOT_FOUND | StatusCode::FORBIDDEN
    ));
    // Two edit forms open at once: the second save is refused, keeping what was typed.
    let page = format!("{FINDINGS}/{}", ids[1]);
    let cqc = app.signed_in(CQC).await;
    let stale = revision_in(&cqc.page(&page).await.1);
    let fields = [
        ("criterion", "D2"),
        ("kind", "area_for_improvement"),
        ("responsible", "council"),
        ("addressed_to", "council"),
        ("evidence", "duty:D2"),
    ];
    let mut first = fields.to_vec();
    first.push(("text", "The lead's wording."));
    assert_eq!(
        change_finding(&lead, ids[1], &first).await.status(),
        StatusCode::SEE_OTHER
    );
    let mut second = fields.to_vec();
    second.extend([
        ("text", "The inspector's wording."),
        ("revision", stale.as_str()),
    ]);
    let res = cqc.submit(&page, &page, &second).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("The inspector&#x27;s wording.") || html.contains("The inspector's wording.")
    );
    assert!(page_text(&html).contains("Someone else changed this at the same time."));
    // Removing asks first.
    let confirm = format!("{FINDINGS}/{}/delete", ids[0]);
    let (status, html) = lead.page(&confirm).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page_text(&html).contains("Remove this finding?"));
    let res = lead.submit(&confirm, &confirm, &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(finding_ids(&app), vec![ids[2], ids[1]]);
    let (status, _) = lead.page(&format!("{FINDINGS}/{}", ids[0])).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

fn run(program: &str, args: &[&str]) -> std::process::Output {
    Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{program} must be installed (scripts/report-tools.sh): {e}"))
}

fn scratch(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("area-send-report-{}", rand_suffix()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn rand_suffix() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{}-{nanos}", std::process::id())
}

/// Headings in the order they first appear in `text`; panics if one is missing.
fn assert_in_order(text: &str, headings: &[&str]) {
    let mut from = 0;
    for h in headings {
        let at = text[from..]
            .find(h)
            .unwrap_or_else(|| panic!("{h:?} missing or out of order in:\n{text}"));
        from += at + h.len();
    }
}

const OUTCOME_3_HEADINGS: [&str; 7] = [
    "Inspection outcome",
    "What is the area partnership doing that is effective?",
    "What does the area partnership need to do better?",
    "Areas for priority action",
    "Areas for improvement",
    "Local area partnership details",
    "Information about this inspection",
];

#[actix_web::test]
async fn the_draft_report_in_every_format_and_a_readable_comparison() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    to_judging(&lead).await;
    some_evidence(&lead).await;
    record_findings(&app, &lead).await;
    // Written sections: the effective section with a citation, the better one plain.
    for (section, text) in [
        (
            "effective",
            "Needs are spotted early [[duty:D2]].\n\nThe forum is heard.",
        ),
        ("better", "Plans are late.\n\nReviews are slow."),
    ] {
        let res = write_section(&lead, section, text).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{section}");
    }
    let res = decide(&lead, "3", "Assessments are systemically late.").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let v1 = make_draft(&lead, "first draft").await;
    let (status, html) = lead.page(&v1).await;
    assert_eq!(status, StatusCode::OK);
    let text = page_text(&html);
    assert_in_order(&text, &OUTCOME_3_HEADINGS);
    assert!(
        text.contains("Responsible body Areas for priority action"),
        "{text}"
    );
    assert!(
        text.contains("Harrowdale Council and Harrowdale and Fenmoor Integrated Care Board"),
        "{text}"
    );
    assert!(text.contains("A monitoring inspection will take place within about 18 months."));
    assert!(
        text.contains("Rests on:"),
        "inspectors' copy shows citations"
    );

    // Reviewers cannot see drafts yet.
    let council = app.signed_in(COUNCIL).await;
    for path in [
        format!("/inspections/{HARROWDALE}/report"),
        v1.clone(),
        format!("{v1}/report.pdf"),
        format!("/inspections/{HARROWDALE}/findings"),
    ] {
        let (status, _) = council.page(&path).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
    }

    // HTML download: a whole document in English with no citations.
    let res = lead.get(&format!("{v1}/report.html")).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res
        .headers()
        .get("content-disposition")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    let html = res.text().await.unwrap();
    assert!(html.contains(r#"<html lang="en-GB">"#));
    assert!(html.contains("@media print"));
    assert!(
        !html.contains("Rests on:"),
        "published copies leave citations out"
    );

    // PDF: tagged, PDF/UA checks, text in reading order.
    let res = lead.get(&format!("{v1}/report.pdf")).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let pdf = scratch("report.pdf", &res.bytes().await.unwrap());
    let info = run("pdfinfo", &[pdf.to_str().unwrap()]);
    let info = String::from_utf8_lossy(&info.stdout).to_string();
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        info.contains("Area SEND inspection of Harrowdale"),
        "{info}"
    );
    let check = run("python3", &["scripts/pdf-check.py", pdf.to_str().unwrap()]);
    assert!(
        check.status.success(),
        "PDF/UA check: {}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
    let out = run("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    let pdf_text = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_in_order(&pdf_text, &OUTCOME_3_HEADINGS);
    assert!(pdf_text.contains("Responsible body"), "{pdf_text}");

    // DOCX: a valid package with Word's heading styles, title, language and a
    // repeating header row on the priority action table.
    let res = lead.get(&format!("{v1}/report.docx")).await;
    assert_eq!(res.status(), StatusCode::OK);
    let docx = scratch("report.docx", &res.bytes().await.unwrap());
    let out = run(
        "python3",
        &["scripts/docx-check.py", docx.to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["language"], "en-GB");
    assert!(doc["title"]
        .as_str()
        .unwrap()
        .starts_with("Area SEND inspection of"));
    assert_eq!(doc["styles_ok"], true);
    let headings: Vec<String> = doc["headings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h[1].as_str().unwrap().to_string())
        .collect();
    assert_in_order(&headings.join(" | "), &OUTCOME_3_HEADINGS);
    let tables = doc["tables"].as_array().unwrap();
    let priority = tables
        .iter()
        .find(|t| t["header"].to_string().contains("Responsible body"))
        .expect("a priority action table");
    assert_eq!(priority["header_repeats"], true);

    // A second version with one finding reworded; the comparison marks the words.
    let id = finding_ids(&app)[0];
    let case = case_key(&app);
    let res = change_finding(
        &lead,
        id,
        &[
            ("criterion", "A3"),
            ("kind", "area_for_priority_action"),
            (
                "text",
                "Leaders should make sure that most plans are issued within 20 weeks.",
            ),
            ("responsible", "council_and_icb"),
            ("evidence", "duty:D1"),
            ("evidence", &case),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let v2 = make_draft(&lead, "second").await;
    assert!(v2.ends_with("/versions/2"));
    let (status, html) = lead
        .page(&format!(
            "/inspections/{HARROWDALE}/report/compare?from=1&to=2"
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("<ins><span class=\"visually-hidden\">[inserted: </span>most "),
        "{html}"
    );
    let text = page_text(&html);
    assert!(text.contains("Changed"), "{text}");
    let (status, _) = lead
        .page(&format!(
            "/inspections/{HARROWDALE}/report/compare?from=1&to=9"
        ))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = lead
        .page(&format!(
            "/inspections/{HARROWDALE}/report/compare?from=x&to=2"
        ))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // Versions do not change once saved: version 1 still has the old words.
    let text = page_text(&lead.page(&v1).await.1);
    assert!(text.contains("Leaders should make sure that plans are issued within 20 weeks."));
}

#[actix_web::test]
async fn written_sections_check_citations_and_keep_paragraph_ids() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    to_judging(&lead).await;
    some_evidence(&lead).await;
    let res = write_section(&lead, "experience", "Late plans [[document:77]].").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page_text(&res.text().await.unwrap())
        .contains("Paragraph 1 cites [[document:77]], which is not evidence in this inspection."));
    let res = write_section(&lead, "experience", "[[duty:D1]]").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page_text(&res.text().await.unwrap()).contains("has nothing but evidence markers"));
    let res = write_section(&lead, "experience", "One [[duty:D1]].\r\n\r\nTwo.").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let ids = || {
        use area_send::db::schema::narratives;
        use diesel::prelude::*;
        let json: String = narratives::table
            .filter(narratives::section.eq("experience"))
            .select(narratives::paragraphs)
            .first(&mut app.conn())
            .unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["id"].as_str().unwrap().to_string(),
                    p["text"].as_str().unwrap().to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    let id_list = || ids().into_iter().map(|(id, _)| id).collect::<Vec<_>>();
    assert_eq!(id_list(), vec!["experience-1", "experience-2"]);

    // Two editors open at once. The first saves an edit that adds no paragraph; the
    // second, opened before it, is refused and shown both texts, so nothing is lost.
    let page = format!("/inspections/{HARROWDALE}/report/sections/experience");
    let cqc = app.signed_in(CQC).await;
    let stale = revision_in(&cqc.page(&page).await.1);
    let res = write_section(
        &lead,
        "experience",
        "One [[duty:D1]].\n\nTwo, as the lead put it.",
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let theirs = "Zero.\n\nOne [[duty:D1]].\n\nTwo, edited.";
    let res = cqc
        .submit(&page, &page, &[("text", theirs), ("revision", &stale)])
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let html = res.text().await.unwrap();
    assert!(html.contains("Two, edited."), "what was typed is kept");
    assert!(page_text(&html).contains("What is saved now Someone saved this section"));
    assert!(page_text(&html).contains("Two, as the lead put it."));
    assert_eq!(
        ids()[1].1,
        "Two, as the lead put it.",
        "the lead's edit stands"
    );
    // Saved again from the page that showed both, it goes through, ids kept.
    let fresh = revision_in(&html);
    let res = cqc
        .submit(&page, &page, &[("text", theirs), ("revision", &fresh)])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        id_list(),
        vec!["experience-3", "experience-1", "experience-2"]
    );
}

#[actix_web::test]
async fn the_easy_read_summary_keeps_to_easy_read_rules() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    to_judging(&lead).await;
    let page = format!("/inspections/{HARROWDALE}/report/easy-read");
    let long = "This sentence is far too long for an easy-read summary because it goes on and on without a stop.";
    let res = write_easy_read(&lead, &[("point_1_text", long), ("point_1_symbol", "help")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page_text(&res.text().await.unwrap()).contains("Keep each sentence to 15 words or fewer.")
    );
    let res = write_easy_read(
        &lead,
        &[
            ("point_1_text", "Plans are late."),
            ("point_1_symbol", "rocket"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = write_easy_read(
        &lead,
        &[
            ("point_1_text", "Plans are late."),
            ("point_1_symbol", "waiting"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // A suggestion is added with the rest of the form, in the first empty row.
    let (_, html) = lead.page(&page).await;
    let revision = revision_in(&html);
    let res = lead
        .submit(
            &page,
            &page,
            &[
                ("revision", &revision),
                ("point_1_id", "e-1"),
                ("point_1_text", "Plans are late, typed again."),
                ("point_1_symbol", "waiting"),
                ("add", "0"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), page, "back to the page to rewrite it");
    let (_, html) = lead.page(&page).await;
    assert!(
        html.contains("Plans are late, typed again."),
        "typed text kept"
    );
    assert!(html.contains("Inspectors looked at SEND help in Harrowdale."));
    // A suggestion that is not in the list, or a stale form, changes nothing.
    let res = lead
        .submit(
            &page,
            &page,
            &[("revision", &revision_in(&html)), ("add", "999")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let res = lead
        .submit(
            &page,
            &page,
            &[
                ("revision", &revision),
                ("point_1_text", "Lost?"),
                ("point_1_symbol", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(
        res.text().await.unwrap().contains("Lost?"),
        "what was typed is kept"
    );
    let res = decide(&lead, "1", "Positive.").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let v = make_draft(&lead, "").await;
    let (status, html) = lead.page(&format!("{v}/easy-read")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains(r#"role="img" aria-label="A clock""#),
        "symbols carry their label"
    );
    let res = lead.get(&format!("{v}/easy-read.pdf")).await;
    assert_eq!(res.status(), StatusCode::OK);
    let pdf = scratch("easy.pdf", &res.bytes().await.unwrap());
    let check = run("python3", &["scripts/pdf-check.py", pdf.to_str().unwrap()]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let out = run("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    let text = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("Plans are late, typed again."), "{text}");
    assert!(
        text.contains("Inspectors looked at SEND help in Harrowdale."),
        "{text}"
    );
}

#[actix_web::test]
async fn the_command_line_renders_a_saved_version() {
    let app = TestApp::spawn().await;
    let o = cli(&app, &["report", "render", "1", "--format", "pdf"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("has no report version yet"));
    let lead = app.signed_in(LEAD).await;
    to_judging(&lead).await;
    assert_eq!(
        decide(&lead, "1", "Positive.").await.status(),
        StatusCode::SEE_OTHER
    );
    make_draft(&lead, "").await;
    let dir = std::env::temp_dir().join(format!("area-send-cli-{}", rand_suffix()));
    std::fs::create_dir_all(&dir).unwrap();
    for format in ["html", "pdf", "docx", "easy-read-html", "easy-read-pdf"] {
        let out = dir.join(format!("out-{format}"));
        let o = cli(
            &app,
            &[
                "report",
                "render",
                "1",
                "--format",
                format,
                "--version",
                "1",
                "--output",
                out.to_str().unwrap(),
            ],
        );
        assert!(
            o.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let bytes = std::fs::read(&out).unwrap();
        match format {
            "pdf" | "easy-read-pdf" => assert!(bytes.starts_with(b"%PDF")),
            "docx" => assert!(bytes.starts_with(b"PK")),
            _ => assert!(String::from_utf8_lossy(&bytes).contains("<!DOCTYPE html>")),
        }
    }
    let o = cli(
        &app,
        &["report", "render", "1", "--format", "pdf", "--version", "7"],
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("has no report version 7"));
    let o = cli(&app, &["report", "render", "1", "--format", "rtf"]);
    assert!(!o.status.success());
}

#[actix_web::test]
async fn text_the_pdf_fonts_cannot_print_is_refused_with_a_reason_not_a_500() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    to_judging(&lead).await;
    let res = add(
        &lead,
        &[
            ("criterion", "A1"),
            ("kind", "strength"),
            ("text", "Families feel welcome 🙂 at the hub."),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        decide(&lead, "1", "Positive.").await.status(),
        StatusCode::SEE_OTHER
    );
    let res = write_section(&lead, "effective", "Families feel welcome 🙂 at the hub.").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let v = make_draft(&lead, "").await;
    let res = lead.get(&format!("{v}/report.pdf")).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let text = page_text(&res.text().await.unwrap());
    assert!(text.contains("The PDF could not be made"), "{text}");
    for file in ["report.html", "report.docx"] {
        assert_eq!(
            lead.get(&format!("{v}/{file}")).await.status(),
            StatusCode::OK,
            "{file}"
        );
    }
}

#[actix_web::test]
async fn no_suppressed_figure_reaches_any_format_of_the_report() {
    use crate::common::survey::*;
    let app = TestApp::spawn().await;
    // Three parents answer: every count of every question is under the threshold.
    let (link, _) = links(&app, "parents-and-carers");
    for _ in 0..3 {
        let parent = app.client();
        let first = begin(&parent, &link, &[("lang", "en")]).await;
        answer_everything(&parent, first).await;
        let res = parent
            .submit(&format!("{link}/check"), &format!("{link}/submit"), &[])
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let lead = app.signed_in(LEAD).await;
    to_judging(&lead).await;
    // Place the first chart the editor offers.
    let section = format!("/inspections/{HARROWDALE}/report/sections/experience");
    let (_, html) = lead.page(&section).await;
    // The chart of the question every parent answered first.
    let charts = html.find("Chart markers").expect("the chart markers");
    let end = charts
        + html[charts..]
            .find(":perspective]]")
            .expect("a chart of the parents' first question")
        + 2
        + ":perspective".len();
    let start = html[..end].rfind("[[chart:").unwrap();
    let marker = html[start..end].to_string();
    let res = lead
        .submit(
            &section,
            &section,
            &[
                ("text", &format!("What parents said.\n\n{marker}")),
                ("revision", &revision_in(&html)),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        decide(&lead, "1", "Positive.").await.status(),
        StatusCode::SEE_OTHER
    );
    let v = make_draft(&lead, "").await;

    let page = page_text(&lead.page(&v).await.1);
    let html = lead
        .get(&format!("{v}/report.html"))
        .await
        .text()
        .await
        .unwrap();
    let docx = scratch(
        "r.docx",
        &lead
            .get(&format!("{v}/report.docx"))
            .await
            .bytes()
            .await
            .unwrap(),
    );
    let docx = String::from_utf8_lossy(
        &run(
            "python3",
            &["scripts/docx-check.py", docx.to_str().unwrap()],
        )
        .stdout,
    )
    .to_string();
    let pdf = scratch(
        "r.pdf",
        &lead
            .get(&format!("{v}/report.pdf"))
            .await
            .bytes()
            .await
            .unwrap(),
    );
    let pdf = String::from_utf8_lossy(&run("pdftotext", &[pdf.to_str().unwrap(), "-"]).stdout)
        .to_string();
    for (format, text) in [
        ("page", page),
        ("html", page_text(&html)),
        ("docx", docx),
        ("pdf", pdf),
    ] {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            text.contains("not shown (too few answers)"),
            "{format}: {text}"
        );
        assert!(
            text.contains("Too few answers to show the total."),
            "{format}: {text}"
        );
        assert!(!text.contains("Based on 3 answers"), "{format}");
        // Every share of three answers would be 33%, 67% or 100% (100% is also the
        // chart's last tick, so it cannot be told apart).
        for share in ["33%", "67%"] {
            assert!(!text.contains(share), "{format} shows {share}");
        }
    }
}
