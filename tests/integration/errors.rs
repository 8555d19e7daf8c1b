//! A failure that cannot be caused from outside: an internal error in the running
//! app becomes the generic 500 page, inside the service's layout, saying nothing of
//! the cause.

use diesel::prelude::*;
use reqwest::StatusCode;

use crate::common::*;

#[actix_web::test]
async fn an_internal_error_is_the_generic_500_page_in_the_layout() {
    let app = TestApp::spawn().await;
    // Stored data the service cannot read: an inspection in a stage that does not exist.
    {
        use area_send::db::schema::inspections;
        diesel::update(inspections::table.find(HARROWDALE))
            .set(inspections::status.eq("secret-stage-detail"))
            .execute(&mut app.conn())
            .unwrap();
    }
    let lead = app.signed_in(LEAD).await;
    let (status, html) = lead.page(&format!("/inspections/{HARROWDALE}")).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(
        html.contains("Sorry, there is a problem with the service"),
        "{html}"
    );
    assert!(
        html.contains("<a href=\"#main\" class=\"skip-link\">"),
        "in the layout"
    );
    assert!(html.contains("class=\"site-footer\""), "in the layout");
    assert!(html.contains("<title>Sorry, there is a problem with the service – area-send</title>"));
    assert!(
        !html.contains("secret-stage-detail"),
        "the cause is never shown"
    );
    assert!(!html.contains("src/"), "nor where it happened");
    // Other inspections are unaffected.
    let (status, _) = lead.page(&format!("/inspections/{FENMOOR}")).await;
    assert_eq!(status, StatusCode::OK);
}
