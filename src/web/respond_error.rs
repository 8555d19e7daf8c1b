//! Error pages for respondents: any error under `/s/{link}` is shown in the survey's
//! own layout and language, with the safeguarding signpost and a way back to the
//! survey's start, never the staff pages.

use actix_session::SessionExt;
use actix_web::body::MessageBody;
use actix_web::dev::ServiceResponse;
use actix_web::http::StatusCode;
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{web, HttpRequest};
use serde_json::{json, Value};

use super::error::{wants_page, with_page, WebError};
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
    if !wants_page(&res) {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
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
        Ok(with_page(res, body))
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
    respond::page_html(state, "respond/error", &heading, data).ok()
}

/// `?lang=` from the address, for pages reached before a response has a language.
fn query_lang(req: &HttpRequest) -> String {
    form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(k, _)| k == "lang")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| "en".into())
}
