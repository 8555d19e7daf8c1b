//! Error pages for respondents: any error under `/s/{link}` is shown in the survey's
//! own layout and language, with the safeguarding signpost and a way back to the
//! survey's start, never the staff pages.

use actix_session::SessionExt;
use actix_web::body::MessageBody;
use actix_web::dev::ServiceResponse;
use actix_web::http::{header, StatusCode};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Value};

use super::error::WebError;
use super::respond::{self, Opened};
use super::session::csrf_token;
use super::AppState;
use crate::domain::response::Presentation;

/// Middleware hook: turn an error response without a page into a respondent page.
/// Anything it cannot place (an unknown link) falls through to the service's own
/// error page.
pub fn render<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let status = res.status();
    let already_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if already_html || !(status.is_client_error() || status.is_server_error()) {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    // Our own refusals say exactly what was wrong, in English.
    let specific = res
        .response()
        .error()
        .and_then(|e| e.as_error::<WebError>())
        .and_then(|e| match e {
            WebError::BadRequest(m) => Some(m.clone()),
            _ => None,
        });
    Ok(ErrorHandlerResponse::Future(Box::pin(async move {
        let Some(body) = page(res.request(), status, specific).await else {
            return Ok(res.map_into_left_body());
        };
        let mut response = HttpResponse::build(status);
        response.content_type("text/html; charset=utf-8");
        for (name, value) in res.headers() {
            if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                response.append_header((name.clone(), value.clone()));
            }
        }
        let (req, _) = res.into_parts();
        Ok(ServiceResponse::new(req, response.body(body)).map_into_right_body())
    })))
}

/// The interface keys for an error: (heading, message).
fn words_for(status: StatusCode) -> (&'static str, &'static str) {
    match status.as_u16() {
        400 | 405 | 415 => ("error_heading", "error_unreadable"),
        403 => ("error_heading", "error_expired"),
        404 => ("error_not_found_heading", "error_not_found"),
        409 => ("error_heading", "already_sent"),
        413 => ("error_heading", "error_too_long"),
        429 => ("error_too_many_heading", "error_too_many"),
        _ => ("error_heading", "error_server"),
    }
}

async fn page(req: &HttpRequest, status: StatusCode, specific: Option<String>) -> Option<String> {
    let state = req.app_data::<web::Data<AppState>>()?;
    let token = req.path().strip_prefix("/s/")?.split('/').next()?;
    let opened: Opened = respond::open(state, token).await.ok()?;
    let form = opened.form().ok()?;
    let session = req.get_session();
    // The respondent's own language and presentation, where the browser has them.
    let (lang, presentation) = match respond::current(state, &session, &opened).await {
        Ok(Some(r)) => (r.language.clone(), respond::presentation_of(&r)),
        _ => match respond::sent(&session, opened.survey.id) {
            Some(sent) => (sent.language, sent.presentation),
            None => (query_lang(req), Presentation::default()),
        },
    };
    let csrf = csrf_token(&session).unwrap_or_default();
    let mut data = respond::page_data(&opened, form, &lang, &presentation, &csrf);
    let (heading, message) = words_for(status);
    let heading = respond::ui_text(&data, heading);
    data.insert("heading".into(), json!(heading));
    let message = match specific {
        Some(m) if data.get("lang").and_then(Value::as_str) == Some("en") => m,
        _ => respond::ui_text(&data, message),
    };
    data.insert("message".into(), json!(message));
    data.insert("status".into(), Value::from(status.as_u16()));
    let rendered = respond::render(state, status, "respond/error", &heading, data).ok()?;
    let bytes = actix_web::body::to_bytes(rendered.into_body()).await.ok()?;
    String::from_utf8(bytes.to_vec()).ok()
}

/// `?lang=` from the address, for pages reached before a response has a language.
fn query_lang(req: &HttpRequest) -> String {
    form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(k, _)| k == "lang")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| "en".into())
}
