//! CSV downloads of the evidence: suppressed results, the imported statistics, and
//! one survey's anonymised responses (inspectors only, like every evidence page).

use actix_web::http::header;
use actix_web::{web, HttpResponse};

use super::super::error::WebError;
use super::super::session::SignedIn;
use super::super::AppState;
use super::require;
use super::results::threshold;
use crate::app;
use crate::db;
use crate::domain::access::Permission;

/// A download: always an attachment, with the given type, never sniffed, never
/// cached, and never run in the service's origin.
pub(super) fn attachment(file_name: &str, content_type: &str, body: Vec<u8>) -> HttpResponse {
    // A plain name for old clients, and the exact one encoded (RFC 6266).
    let ascii: String = file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = form_urlencoded::byte_serialize(file_name.as_bytes()).collect();
    HttpResponse::Ok()
        .content_type(content_type.to_string())
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
                encoded.replace('+', "%20")
            ),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header(("Content-Security-Policy", "sandbox; default-src 'none'"))
        .body(body)
}

fn csv_download(name: &str, body: Vec<u8>) -> HttpResponse {
    attachment(name, "text/csv; charset=utf-8", body)
}

pub async fn results(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    let (catalogue, threshold) = (state.catalogue.clone(), threshold(&state));
    let body = db::read(&state.pool, move |c| {
        app::results::results_export(c, &catalogue, id, threshold)
    })
    .await?;
    Ok(csv_download(
        &format!("inspection-{id}-survey-results.csv"),
        body,
    ))
}

pub async fn indicators(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    let body = db::read(&state.pool, move |c| app::results::indicators_export(c, id)).await?;
    Ok(csv_download(
        &format!("inspection-{id}-statistics.csv"),
        body,
    ))
}

pub async fn responses(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, WebError> {
    let (id, survey_id) = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    let catalogue = state.catalogue.clone();
    let body = db::read(&state.pool, move |c| {
        app::results::responses_export(c, &catalogue, id, survey_id)
    })
    .await?;
    Ok(csv_download(
        &format!("inspection-{id}-survey-{survey_id}-responses.csv"),
        body,
    ))
}
