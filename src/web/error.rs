//! The web layer's one error type, and the middleware that turns every error
//! response (ours or actix's own) into a page in the service's layout.

use actix_web::body::EitherBody;
use actix_web::dev::ServiceResponse;
use actix_web::http::{header, StatusCode};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{web, HttpResponse, ResponseError};

use std::fmt;
use std::panic::Location;

use super::page::Page;
use super::AppState;
use crate::app::AppError;
use crate::db::{DbError, Retry};
use crate::domain::refusal::Refusal;

/// An error nobody expected: its cause chain and where it was turned into a web
/// error are logged whole; the person sees only the generic page.
#[derive(Debug)]
pub struct Unexpected {
    pub cause: anyhow::Error,
    pub at: &'static Location<'static>,
}

impl fmt::Display for Unexpected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#} (at {})", self.cause, self.at)
    }
}

/// Everything a handler can fail with. The message of the 4xx variants is shown to
/// the user; the cause of `Unexpected` is logged and never shown.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("{0}")]
    BadRequest(String),
    #[error("sign in required")]
    SignInRequired,
    #[error("You do not have permission to see or change this.")]
    Forbidden,
    /// A POST without the session's CSRF token, or from another site.
    #[error("This form has expired or did not come from this service. Go back, reload the page and try again.")]
    CsrfRejected,
    #[error("The form was not sent as a web form. Use the form on the page.")]
    UnsupportedMediaType,
    #[error("Page not found.")]
    NotFound,
    /// The domain refused a change; its words are shown.
    #[error(transparent)]
    Refused(Refusal),
    #[error("{0}")]
    TooManyRequests(String),
    /// An upload over the size the service takes.
    #[error("{0}")]
    TooLarge(String),
    #[error("internal error: {0}")]
    Unexpected(Unexpected),
}

impl WebError {
    /// An unexpected error, remembering where it was met.
    #[track_caller]
    pub fn unexpected(cause: impl Into<anyhow::Error>) -> Self {
        WebError::Unexpected(Unexpected {
            cause: cause.into(),
            at: Location::caller(),
        })
    }
}

impl From<DbError> for WebError {
    #[track_caller]
    fn from(e: DbError) -> Self {
        match e {
            DbError::NotFound => WebError::NotFound,
            other => WebError::unexpected(other),
        }
    }
}

impl From<AppError> for WebError {
    #[track_caller]
    fn from(e: AppError) -> Self {
        match e {
            AppError::Refused(r) => WebError::Refused(r),
            AppError::NotFound => WebError::NotFound,
            AppError::Store(e) => WebError::unexpected(e),
        }
    }
}

impl Retry for WebError {
    fn is_busy(&self) -> bool {
        false
    }
}

impl From<handlebars::RenderError> for WebError {
    #[track_caller]
    fn from(e: handlebars::RenderError) -> Self {
        WebError::unexpected(e)
    }
}

impl From<actix_session::SessionInsertError> for WebError {
    #[track_caller]
    fn from(e: actix_session::SessionInsertError) -> Self {
        WebError::unexpected(e)
    }
}

impl ResponseError for WebError {
    fn status_code(&self) -> StatusCode {
        match self {
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::SignInRequired => StatusCode::SEE_OTHER,
            WebError::Forbidden | WebError::CsrfRejected => StatusCode::FORBIDDEN,
            WebError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::Refused(_) => StatusCode::CONFLICT,
            WebError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            WebError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            WebError::SignInRequired => HttpResponse::SeeOther()
                .insert_header((header::LOCATION, "/sign-in"))
                .finish(),
            WebError::Unexpected(u) => {
                tracing::error!(at = %u.at, error = format!("{:#}", u.cause), "request failed");
                HttpResponse::InternalServerError().finish()
            }
            other => HttpResponse::build(other.status_code()).finish(),
        }
    }
}

/// What an error page says for a status when no more specific message is known.
fn default_text(status: StatusCode) -> (&'static str, &'static str) {
    match status.as_u16() {
        400 => ("There is a problem with the request", "The service could not understand what was sent. Go back, check what you entered and try again."),
        403 => ("You do not have permission to see this page", "You do not have permission to see or change this. If you think you should, ask the lead inspector or an administrator."),
        404 => ("Page not found", "If you typed the web address, check it is correct. If you pasted it, check you copied the whole address."),
        405 => ("There is a problem with the request", "This page cannot be used in that way. Go back and use the links and buttons on the page."),
        409 => ("This change could not be made", "Go back, check the page and try again."),
        413 => ("What you sent is too large", "The form or file was larger than the service accepts. Send less at a time."),
        415 => ("There is a problem with the request", "The form was sent in a format the service does not accept. Use the form on the page."),
        429 => ("Too many attempts", "Wait a few minutes before trying again."),
        _ if status.is_server_error() => ("Sorry, there is a problem with the service", "Try again later. What you entered has not been saved unless you were told it was."),
        _ => ("There is a problem", "Go back and try again."),
    }
}

/// Whether a response needs an error page: an error status, and no page yet.
pub(super) fn wants_page<B>(res: &ServiceResponse<B>) -> bool {
    let status = res.status();
    let already_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    !already_html && (status.is_client_error() || status.is_server_error())
}

/// The response with `body` as its page, keeping its status and other headers
/// (such as Retry-After).
pub(super) fn with_page<B>(
    res: ServiceResponse<B>,
    body: String,
) -> ServiceResponse<EitherBody<B>> {
    let mut response = HttpResponse::build(res.status());
    response.content_type("text/html; charset=utf-8");
    for (name, value) in res.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            response.append_header((name.clone(), value.clone()));
        }
    }
    let (req, _) = res.into_parts();
    ServiceResponse::new(req, response.body(body)).map_into_right_body()
}

/// The error page's own words.
#[derive(serde::Serialize)]
struct ErrorView<'a> {
    heading: &'a str,
    message: &'a str,
    status: u16,
}

/// Render any error response without an HTML body as a page in the layout.
pub fn render_error_page<B>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    if !wants_page(&res) {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let (heading, default_message) = default_text(status);
    let message = res
        .response()
        .error()
        .and_then(|e| e.as_error::<WebError>())
        .and_then(|e| match e {
            WebError::BadRequest(m) | WebError::TooManyRequests(m) | WebError::TooLarge(m) => {
                Some(m.clone())
            }
            WebError::CsrfRejected | WebError::UnsupportedMediaType | WebError::Refused(_) => {
                Some(e.to_string())
            }
            _ => None,
        })
        .unwrap_or_else(|| default_message.to_string());
    let body = res
        .request()
        .app_data::<web::Data<AppState>>()
        .and_then(|state| {
            let view = ErrorView {
                heading,
                message: &message,
                status: status.as_u16(),
            };
            Page::anonymous(heading, String::new(), view)
                .html(state, "error")
                .ok()
        })
        // The registry is compiled in, so this only happens if the template itself is broken.
        .unwrap_or_else(|| {
            format!(
                "<!DOCTYPE html><html lang=\"en\"><title>{heading}</title><h1>{heading}</h1><p>{}</p></html>",
                handlebars::html_escape(&message)
            )
        });
    Ok(ErrorHandlerResponse::Response(with_page(res, body)))
}
