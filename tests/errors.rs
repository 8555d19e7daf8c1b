//! The error-page middleware on a failure that cannot be caused from outside: an
//! internal error becomes a 500 page in the layout that says nothing of the cause.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use actix_web::middleware::ErrorHandlers;
use actix_web::{test, web, App, HttpResponse};
use area_send::web::error::{render_error_page, WebError};

async fn broken() -> Result<HttpResponse, WebError> {
    Err(WebError::Internal("secret database detail".into()))
}

#[actix_web::test]
async fn an_internal_error_is_a_plain_500_page() {
    let app = test::init_service(
        App::new()
            .wrap(ErrorHandlers::new().default_handler(render_error_page))
            .route("/broken", web::get().to(broken)),
    )
    .await;
    let res = test::call_service(&app, test::TestRequest::get().uri("/broken").to_request()).await;
    assert_eq!(res.status(), 500);
    let body = String::from_utf8(test::read_body(res).await.to_vec()).unwrap();
    assert!(
        body.contains("Sorry, there is a problem with the service"),
        "{body}"
    );
    assert!(!body.contains("secret database detail"));
}
