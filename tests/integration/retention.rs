//! Retention: `area-send purge` removes a final inspection's responses, free text,
//! invitations, case notes and emails once the report has been final for the
//! retention period, keeping the tallies and the report; `--dry-run` only says what
//! would go; each purge is audited, and an inspection is purged once.

use area_send::db::{self, schema};
use chrono::Duration;
use diesel::prelude::*;
use reqwest::StatusCode;

use crate::common::survey::*;
use crate::common::*;

fn count(app: &TestApp, table: &str) -> i64 {
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}"))
        .get_result::<N>(&mut app.conn())
        .unwrap()
        .n
}

#[actix_web::test]
async fn a_purge_removes_personal_data_after_the_retention_period_and_keeps_the_report() {
    let app = TestApp::spawn().await;
    // A response with free text, and a case note.
    let (link, _) = links(&app, "parents-and-carers");
    let b = app.client();
    let first = begin(&b, &link, &[("lang", "en")]).await;
    answer_everything(&b, first).await;
    let res = b
        .submit(&format!("{link}/check"), &format!("{link}/submit"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    area_send::demo::judge(&app.pool, &app.catalogue(), HARROWDALE).unwrap();
    diesel::insert_into(schema::case_notes::table)
        .values((
            schema::case_notes::inspection_id.eq(HARROWDALE),
            schema::case_notes::case_ref.eq("C1"),
            schema::case_notes::age_band.eq("5-10"),
            schema::case_notes::need.eq("asd"),
            schema::case_notes::setting.eq("mainstream"),
            schema::case_notes::support.eq("ehc_plan"),
            schema::case_notes::findings.eq("Waited too long for a plan."),
            schema::case_notes::bearing.eq("challenges"),
            schema::case_notes::criteria.eq("[]"),
            schema::case_notes::created_at.eq(db::now()),
        ))
        .execute(&mut app.conn())
        .unwrap();
    assert!(count(&app, "responses") > 0 && count(&app, "free_text_reviews") > 0);
    let tallies = count(&app, "answer_tallies");
    assert!(tallies > 0);
    // Final two years ago: not yet due.
    diesel::insert_into(schema::final_reports::table)
        .values((
            schema::final_reports::inspection_id.eq(HARROWDALE),
            schema::final_reports::version_number.eq(2),
            schema::final_reports::published_on.eq(db::now().date()),
            schema::final_reports::finalised_at.eq(db::now() - Duration::days(2 * 365)),
        ))
        .execute(&mut app.conn())
        .unwrap();
    let out = cli(&app, &["purge"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Nothing is due"), "{}", stdout(&out));
    assert!(count(&app, "responses") > 0);

    // Final four years ago: due. A dry run says what would go and removes nothing.
    diesel::update(schema::final_reports::table.find(HARROWDALE))
        .set(schema::final_reports::finalised_at.eq(db::now() - Duration::days(4 * 365)))
        .execute(&mut app.conn())
        .unwrap();
    let responses = count(&app, "responses");
    let out = cli(&app, &["purge", "--dry-run"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("would remove"), "{text}");
    assert!(
        text.contains(&format!("{responses} survey responses")),
        "{text}"
    );
    assert!(text.contains("1 case notes"), "{text}");
    assert_eq!(count(&app, "responses"), responses);

    let out = cli(&app, &["purge"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("removed"), "{}", stdout(&out));
    for table in [
        "responses",
        "answers",
        "free_text_reviews",
        "case_notes",
        "invitations",
    ] {
        assert_eq!(count(&app, table), 0, "{table}");
    }
    assert_eq!(count(&app, "answer_tallies"), tallies, "the tallies stay");
    assert!(count(&app, "report_versions") >= 2, "the report stays");
    let audit: Vec<String> = schema::audit_entries::table
        .filter(schema::audit_entries::action.eq("inspection.purged"))
        .select(schema::audit_entries::detail)
        .load(&mut app.conn())
        .unwrap();
    assert_eq!(audit.len(), 1);
    assert!(audit[0].contains("\"case_notes\":1"));
    // Once only.
    let out = cli(&app, &["purge"]);
    assert!(stdout(&out).contains("Nothing is due"));
    // The results page still shows the suppressed figures from the tallies.
    let lead = app.signed_in(LEAD).await;
    let (status, _) = lead
        .page(&format!("/inspections/{HARROWDALE}/results"))
        .await;
    assert_eq!(status, StatusCode::OK);
}
