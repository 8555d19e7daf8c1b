//! Reading a submitted web form: bounded size, valid UTF-8, same origin, and the
//! session's CSRF token. Every POST handler takes a [`CheckedForm`], so no POST
//! can skip these checks.

use actix_session::SessionExt;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};

use super::error::WebError;
use super::session::csrf_matches;
use super::AppState;
use crate::config::origin_of;

/// The fields of a form that passed every check, in the order sent.
#[derive(Debug, Clone)]
pub struct CheckedForm {
    pairs: Vec<(String, String)>,
}

impl CheckedForm {
    /// The first value sent for `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first value sent for `name`, or empty.
    pub fn text(&self, name: &str) -> &str {
        self.get(name).unwrap_or("")
    }

    /// Every value sent for `name` (checkboxes).
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Every field, in the order sent.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    /// Whether a checkbox was ticked.
    pub fn ticked(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
}

/// Parse an urlencoded body, refusing bytes that are not UTF-8 (rather than
/// silently replacing them).
pub fn parse_urlencoded(body: &[u8]) -> Result<Vec<(String, String)>, WebError> {
    let unreadable = || {
        WebError::BadRequest("The form contained characters that could not be read. Check what you entered and try again.".into())
    };
    std::str::from_utf8(body).map_err(|_| unreadable())?;
    let pairs: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
    if pairs
        .iter()
        .any(|(k, v)| k.contains('\u{FFFD}') || v.contains('\u{FFFD}'))
    {
        return Err(unreadable());
    }
    refuse_control_characters(&pairs)?;
    Ok(pairs)
}

/// Control characters (NUL above all, which PostgreSQL cannot store in text) have
/// no place in anything typed; tabs and line breaks do.
pub(super) fn refuse_control_characters(pairs: &[(String, String)]) -> Result<(), WebError> {
    let is_control = |c: char| c.is_control() && !matches!(c, '\t' | '\r' | '\n');
    if pairs
        .iter()
        .any(|(k, v)| k.chars().any(is_control) || v.chars().any(is_control))
    {
        return Err(WebError::BadRequest(
            "The form contained control characters, which cannot be stored. Remove them and try again.".into(),
        ));
    }
    Ok(())
}

/// A request is cross-site if the browser says so, or its Origin is not ours.
pub(super) fn is_cross_site(req: &HttpRequest, own_origin: &str) -> bool {
    let header = |name| {
        req.headers()
            .get(name)
            .and_then(|v: &header::HeaderValue| v.to_str().ok())
    };
    if header("sec-fetch-site") == Some("cross-site") {
        return true;
    }
    let Some(origin) = req.headers().get(header::ORIGIN) else {
        return false; // not sent by older browsers and non-browser clients; the token still guards
    };
    let Some(origin) = origin.to_str().ok().and_then(origin_of) else {
        return true; // "null" (sandboxed or privacy-stripped) or garbage
    };
    if origin == own_origin {
        return false;
    }
    // The host the request was sent to, so http://localhost works when the base URL
    // says 127.0.0.1; a forged request from another site carries that site's Origin
    // but our Host, so it never matches.
    let scheme = origin.split_once("://").map(|(s, _)| s).unwrap_or("http");
    let sent_to =
        header(header::HOST.as_str()).and_then(|host| origin_of(&format!("{scheme}://{host}")));
    sent_to.as_deref() != Some(origin.as_str())
}

impl FromRequest for CheckedForm {
    type Error = actix_web::Error;
    type Future =
        std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self, actix_web::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        let mut payload = payload.take();
        Box::pin(async move {
            let state = req
                .app_data::<web::Data<AppState>>()
                .cloned()
                .ok_or_else(|| WebError::unexpected(anyhow::anyhow!("no app state")))?;
            let is_form = req
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
            if !is_form {
                return Err(WebError::UnsupportedMediaType.into());
            }
            if is_cross_site(&req, &state.config.origin) {
                return Err(WebError::CsrfRejected.into());
            }
            // Bounded by the PayloadConfig registered on the app: 413 past the limit.
            let body = web::Bytes::from_request(&req, &mut payload).await?;
            let pairs = parse_urlencoded(&body)?;
            let form = CheckedForm { pairs };
            if !csrf_matches(&req.get_session(), form.get("csrf_token")) {
                return Err(WebError::CsrfRejected.into());
            }
            Ok(form)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urlencoded_bodies_are_decoded() {
        let pairs = parse_urlencoded(b"a=1&b=caf%C3%A9+au+lait&a=2").unwrap();
        let form = CheckedForm { pairs };
        assert_eq!(form.get("a"), Some("1"));
        assert_eq!(form.all("a"), vec!["1", "2"]);
        assert_eq!(form.text("b"), "café au lait");
        assert_eq!(form.text("missing"), "");
        assert!(!form.ticked("missing"));
    }

    #[test]
    fn control_characters_are_refused_but_line_breaks_are_kept() {
        for body in [&b"a=x%00y"[..], b"a=%1B", b"a%07=1", b"a=%7F", b"a=%C2%85"] {
            assert!(
                matches!(parse_urlencoded(body), Err(WebError::BadRequest(_))),
                "{body:?}"
            );
        }
        let pairs = parse_urlencoded(b"a=one%0D%0Atwo%09three").unwrap();
        assert_eq!(pairs[0].1, "one\r\ntwo\tthree");
    }

    #[test]
    fn non_utf8_is_refused_raw_or_percent_encoded() {
        assert!(matches!(
            parse_urlencoded(b"a=\xff\xfe"),
            Err(WebError::BadRequest(_))
        ));
        assert!(matches!(
            parse_urlencoded(b"a=%FF%FE"),
            Err(WebError::BadRequest(_))
        ));
    }
}
