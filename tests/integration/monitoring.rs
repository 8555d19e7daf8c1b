//! Monitoring inspections: one can be set up only after a final report with outcome
//! 3; it carries that report's areas for priority action over, in their published
//! words; inspectors record a progress finding against each; its report follows the
//! monitoring form and goes through the same drafts, check and lock.

use area_send::db::schema;
use diesel::prelude::*;
use reqwest::StatusCode;

use crate::common::*;

fn new_inspection(partnership: &str, kind: &str) -> Vec<(&'static str, String)> {
    vec![
        ("partnership_id", partnership.to_string()),
        ("kind", kind.to_string()),
        ("notified_on_day", "01".into()),
        ("notified_on_month", "03".into()),
        ("notified_on_year", "2027".into()),
        ("on_site_start_day", "15".into()),
        ("on_site_start_month", "03".into()),
        ("on_site_start_year", "2027".into()),
        ("on_site_end_day", "19".into()),
        ("on_site_end_month", "03".into()),
        ("on_site_end_year", "2027".into()),
        ("lead_inspector_id", "1".into()),
    ]
}

fn borrowed<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// The actions a monitoring inspection carries: (id, from_row, action).
fn carried(app: &TestApp, inspection: i32) -> Vec<(i32, String, String)> {
    schema::carried_actions::table
        .filter(schema::carried_actions::inspection_id.eq(inspection))
        .order(schema::carried_actions::position)
        .select((
            schema::carried_actions::id,
            schema::carried_actions::from_row,
            schema::carried_actions::action,
        ))
        .load(&mut app.conn())
        .unwrap()
}

#[actix_web::test]
async fn a_monitoring_inspection_inherits_the_priority_actions_and_judges_progress() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;

    // The demo's Fenmoor monitoring inspection carries the two areas for priority
    // action of Fenmoor's final outcome 3 report, in the report's order and words.
    let actions = carried(&app, FENMOOR);
    assert_eq!(actions.len(), 2);
    let (_, final_html) = lead
        .page(&format!(
            "/inspections/{FENMOOR_FINISHED}/report/versions/1"
        ))
        .await;
    for (_, row, action) in &actions {
        assert!(row.starts_with("f-"), "{row}");
        assert!(
            final_html.contains(&html_escape(action)),
            "carried in the final report's words: {action}"
        );
    }
    let page = format!("/inspections/{FENMOOR}/progress");
    // Findings and an outcome belong to full inspections: their pages lead here.
    for other in ["findings", "outcome"] {
        let res = lead.get(&format!("/inspections/{FENMOOR}/{other}")).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{other}");
        assert_eq!(location(&res), page);
    }
    let (status, html) = lead.page(&page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Progress recorded against 0 of 2"));
    assert!(
        html.contains("16 to 20 June 2025"),
        "the full inspection's dates"
    );

    // No draft until every action has its progress finding.
    let res = lead
        .submit(
            &format!("/inspections/{FENMOOR}/report"),
            &format!("/inspections/{FENMOOR}/report/drafts"),
            &[("note", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(res.text().await.unwrap().contains("2 still to do"));

    // Nothing chosen and nothing written: both explained, beside that action's fields.
    let (first, second) = (actions[0].0, actions[1].0);
    let res = lead
        .submit(
            &page,
            &format!("/inspections/{FENMOOR}/progress/{first}"),
            &[("judgement", ""), ("finding", "  ")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains(&format!("href=\"#judgement-{first}\"")));
    assert!(html.contains(&format!("id=\"finding-{first}-error\"")));
    assert!(html.contains("Choose the progress made"));
    // A judgement the framework does not have is refused, and the words typed kept.
    let res = lead
        .submit(
            &page,
            &format!("/inspections/{FENMOOR}/progress/{first}"),
            &[("judgement", "outstanding"), ("finding", "Kept words")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("Kept words"));
    // Another inspection's action, or none, is not found.
    let res = lead
        .submit(
            &page,
            &format!("/inspections/{FENMOOR}/progress/99999"),
            &[("judgement", "sufficient"), ("finding", "x")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // Without the CSRF token, refused.
    let res = lead
        .post(
            &format!("/inspections/{FENMOOR}/progress/{first}"),
            &[("judgement", "sufficient"), ("finding", "x")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let stored: Vec<Option<String>> = schema::carried_actions::table
        .filter(schema::carried_actions::inspection_id.eq(FENMOOR))
        .select(schema::carried_actions::progress)
        .load(&mut app.conn())
        .unwrap();
    assert!(stored.iter().all(Option::is_none), "nothing stored");

    for (id, judgement, finding) in [
        (
            first,
            "sufficient",
            "Leaders now track every wait each month and have acted on what they found.",
        ),
        (
            second,
            "insufficient",
            "Waits for assessment are still over a year, and help while waiting is patchy.",
        ),
    ] {
        let res = lead
            .submit(
                &page,
                &format!("/inspections/{FENMOOR}/progress/{id}"),
                &[("judgement", judgement), ("finding", finding)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let (_, html) = lead.page(&page).await;
    assert!(html.contains("Progress recorded against 2 of 2"));

    // The draft follows the monitoring form: summary, progress table, no outcome.
    let res = lead
        .submit(
            &format!("/inspections/{FENMOOR}/report"),
            &format!("/inspections/{FENMOOR}/report/drafts"),
            &[("note", "First draft")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (status, html) = lead.page(&location(&res)).await;
    assert_eq!(status, StatusCode::OK);
    let text = page_text(&html);
    for expected in [
        "Area SEND monitoring inspection of Fenmoor County Council Local Area Partnership",
        "Monitoring inspection findings",
        "The partnership has made sufficient progress in 1 of the 2 areas for priority action",
        "The partnership has made insufficient progress in 1 of the 2 areas for priority action",
        "Progress against the areas for priority action",
        "Insufficient progress",
        "Waits for assessment are still over a year",
        "Local area partnership details",
        "Information about this inspection",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    assert!(!text.contains("What is it like to be a child"));
    let (_, hub) = lead.page(&format!("/inspections/{FENMOOR}/report")).await;
    assert!(
        hub.contains("<td>Monitoring inspection after outcome 3</td>"),
        "a monitoring draft gives no outcome of its own"
    );
    for file in ["report.docx", "report.html"] {
        let res = lead
            .get(&format!("/inspections/{FENMOOR}/report/versions/1/{file}"))
            .await;
        assert_eq!(res.status(), StatusCode::OK, "{file}");
    }

    // The full inspection's final report is locked: its findings cannot change.
    let refused = diesel::update(
        schema::findings::table.filter(schema::findings::inspection_id.eq(FENMOOR_FINISHED)),
    )
    .set(schema::findings::text.eq("changed"))
    .execute(&mut app.conn());
    assert!(
        refused.is_err(),
        "the database refuses a change after final"
    );
}

#[actix_web::test]
async fn a_monitoring_inspection_needs_a_last_final_report_with_outcome_three() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    // Harrowdale (partnership 1) has no final report.
    let fields = new_inspection("1", "monitoring");
    let res = lead
        .submit("/inspections/new", "/inspections", &borrowed(&fields))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("href=\"#kind\""),
        "the message is on the kind"
    );
    assert!(html.contains("has no final report from a full inspection yet"));
    let (_, list) = lead.page("/inspections").await;
    assert_eq!(list.matches("<td><a href=\"/inspections/").count(), 3);

    // Fenmoor (partnership 2): a second monitoring inspection carries the same two.
    let fields = new_inspection("2", "monitoring");
    let res = lead
        .submit("/inspections/new", "/inspections", &borrowed(&fields))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let id: i32 = location(&res)
        .rsplit('/')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap();
    let rows: Vec<String> = carried(&app, id).into_iter().map(|c| c.1).collect();
    let demo: Vec<String> = carried(&app, FENMOOR).into_iter().map(|c| c.1).collect();
    assert_eq!(rows, demo);

    // A later final report with outcome 2 leaves nothing to monitor.
    let number: i32 = schema::report_versions::table
        .filter(schema::report_versions::inspection_id.eq(FENMOOR_FINISHED))
        .select(diesel::dsl::max(schema::report_versions::number))
        .first::<Option<i32>>(&mut app.conn())
        .unwrap()
        .unwrap();
    let (report, easy_read): (String, String) = schema::report_versions::table
        .filter(schema::report_versions::inspection_id.eq(FENMOOR_FINISHED))
        .filter(schema::report_versions::number.eq(number))
        .select((
            schema::report_versions::report,
            schema::report_versions::easy_read,
        ))
        .first(&mut app.conn())
        .unwrap();
    let mut later: serde_json::Value = serde_json::from_str(&report).unwrap();
    later["outcome"]["id"] = 2.into();
    let full = new_inspection("2", "full");
    let res = lead
        .submit("/inspections/new", "/inspections", &borrowed(&full))
        .await;
    let later_id: i32 = location(&res)
        .rsplit('/')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap();
    let now = area_send::db::now();
    diesel::insert_into(schema::report_versions::table)
        .values((
            schema::report_versions::inspection_id.eq(later_id),
            schema::report_versions::number.eq(1),
            schema::report_versions::outcome.eq(2),
            schema::report_versions::report.eq(later.to_string()),
            schema::report_versions::easy_read.eq(&easy_read),
            schema::report_versions::note.eq(""),
            schema::report_versions::created_at.eq(now),
        ))
        .execute(&mut app.conn())
        .unwrap();
    diesel::insert_into(schema::final_reports::table)
        .values((
            schema::final_reports::inspection_id.eq(later_id),
            schema::final_reports::version_number.eq(1),
            schema::final_reports::published_on.eq(now.date()),
            schema::final_reports::finalised_at.eq(now),
        ))
        .execute(&mut app.conn())
        .unwrap();
    let fields = new_inspection("2", "monitoring");
    let res = lead
        .submit("/inspections/new", "/inspections", &borrowed(&fields))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("last final report gave outcome 2"));

    // The CLI refuses the same, with the same words.
    let out = cli(
        &app,
        &[
            "inspection",
            "add",
            "--council-code",
            "E06000990",
            "--kind",
            "monitoring",
            "--notified",
            "2027-03-01",
            "--on-site-start",
            "2027-03-15",
            "--on-site-end",
            "2027-03-19",
            "--lead",
            LEAD.0,
        ],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no final report from a full inspection"),
        "{}",
        stderr(&out)
    );
}

/// The few characters the templates escape, for finding stored text in a page.
fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
}
