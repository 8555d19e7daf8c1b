//! Error pages for respondents: any error under `/s/{link}` is shown in the survey's
//! own layout and language, with the safeguarding signpost and a way back to the
//! survey's start, never the staff pages.

use actix_session::SessionExt;
use actix_web::body::MessageBody;
use actix_web::dev::ServiceResponse;
use actix_web::http::StatusCode;
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{web, HttpRequest};

use super::super::error::{wants_page, with_page, WebError};
use super::super::session::csrf_token;
use super::super::AppState;
use super::state::{self, open};
use super::view::{ErrorView, Respondent};
use crate::domain::refusal::Refusal;
use crate::domain::response::Presentation;
use crate::domain::survey::ResponseRefusal;
use crate::words::SurveyWords;

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
    let error = res
        .response()
        .error()
        .and_then(|e| e.as_error::<WebError>());
    // Our own refusals say exactly what was wrong, in English.
    let specific = error.and_then(|e| match e {
        WebError::BadRequest(m) => Some(m.clone()),
        _ => None,
    });
    // A refused response is told as what it is: never "already sent" for a clash of codes.
    let refusal = error.and_then(|e| match e {
        WebError::Refused(Refusal::Response(r)) => Some(*r),
        _ => None,
    });
    Ok(ErrorHandlerResponse::Future(Box::pin(async move {
        let Some(body) = page(res.request(), status, specific, refusal).await else {
            return Ok(res.map_into_left_body());
        };
        Ok(with_page(res, body))
    })))
}

/// The heading and message for an error, in the page's words.
fn words_for(
    words: &SurveyWords,
    status: StatusCode,
    refusal: Option<ResponseRefusal>,
) -> (&str, &str) {
    match refusal {
        Some(ResponseRefusal::AlreadySent) => return (&words.error_heading, &words.already_sent),
        Some(ResponseRefusal::NoFreeCode) => return (&words.error_heading, &words.code_clash),
        Some(ResponseRefusal::SurveyClosed) => return (&words.closed_heading, &words.closed_body),
        Some(ResponseRefusal::NotYetOpen) => return (&words.opens_heading, &words.back_to_start),
        None => {}
    }
    match status.as_u16() {
        400 | 405 | 415 => (&words.error_heading, &words.error_unreadable),
        403 => (&words.error_heading, &words.error_expired),
        404 => (&words.error_not_found_heading, &words.error_not_found),
        409 => (&words.error_heading, &words.error_unreadable),
        413 => (&words.error_heading, &words.error_too_long),
        429 => (&words.error_too_many_heading, &words.error_too_many),
        _ => (&words.error_heading, &words.error_server),
    }
}

async fn page(
    req: &HttpRequest,
    status: StatusCode,
    specific: Option<String>,
    refusal: Option<ResponseRefusal>,
) -> Option<String> {
    let state = req.app_data::<web::Data<AppState>>()?;
    let token = req.path().strip_prefix("/s/")?.split('/').next()?;
    let opened = open(state, token).await.ok()?;
    let session = req.get_session();
    // The respondent's own language and presentation, where the browser has them.
    let (lang, presentation) = match state::current(state, &session, &opened).await {
        Ok(Some(a)) => (a.response.language.clone(), a.response.presentation.clone()),
        _ => match state::sent(&session, opened.survey().id) {
            Some(sent) => (sent.language, sent.presentation),
            None => (query_lang(req), Presentation::default()),
        },
    };
    let csrf = csrf_token(&session).unwrap_or_default();
    let who = Respondent::new(state, &opened, &lang, presentation, csrf);
    let (heading, message) = words_for(&who.words, status, refusal);
    let message = match specific {
        Some(m) if who.lang == "en" => m,
        _ => message.to_string(),
    };
    let view = ErrorView {
        heading: heading.to_string(),
        message,
        status: status.as_u16(),
    };
    let heading = heading.to_string();
    who.html(state, "respond/error", &heading, vec![], view)
        .ok()
}

/// `?lang=` from the address, for pages reached before a response has a language.
fn query_lang(req: &HttpRequest) -> String {
    form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(k, _)| k == "lang")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| "en".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clash_of_codes_is_never_told_as_answers_already_sent() {
        let words = crate::words::Words::shipped().unwrap().get("en");
        let (_, clash) = words_for(
            &words,
            StatusCode::CONFLICT,
            Some(ResponseRefusal::NoFreeCode),
        );
        assert_eq!(clash, words.code_clash);
        assert_ne!(clash, words.already_sent);
        let (_, other) = words_for(&words, StatusCode::CONFLICT, None);
        assert_ne!(
            other, words.already_sent,
            "a 409 of any other kind is not \"sent\""
        );
        let (_, sent) = words_for(
            &words,
            StatusCode::CONFLICT,
            Some(ResponseRefusal::AlreadySent),
        );
        assert_eq!(sent, words.already_sent);
    }
}
