//! Reading a form with files (`multipart/form-data`): the same origin and CSRF checks
//! as every other form, text fields bounded and checked as UTF-8 without control
//! characters, and files read into memory up to the configured size, so an upload
//! that is too large is refused before anything is stored.

use actix_multipart::Multipart;
use actix_session::SessionExt;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::StreamExt;

use super::error::WebError;
use super::form::{is_cross_site, refuse_control_characters};
use super::session::csrf_matches;
use super::AppState;

/// A text field is a title, a note or a token: never more than this.
const MOST_FIELD_BYTES: usize = 64 * 1024;
/// Files in one form.
const MOST_FILES: usize = 20;

/// One file sent.
#[derive(Debug, Clone)]
pub struct UploadedFile {
    pub field: String,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// The fields and files of a form that passed every check.
#[derive(Debug, Clone)]
pub struct CheckedUpload {
    fields: Vec<(String, String)>,
    pub files: Vec<UploadedFile>,
}

impl CheckedUpload {
    pub fn text(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    pub fn all(&self, name: &str) -> Vec<&str> {
        self.fields
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The files sent in `field` that have content (a file input left empty sends
    /// an empty part).
    pub fn files_in(&self, field: &str) -> impl Iterator<Item = &UploadedFile> {
        let field = field.to_string();
        self.files
            .iter()
            .filter(move |f| f.field == field && !(f.bytes.is_empty() && f.file_name.is_empty()))
    }
}

fn too_large(limit: usize) -> WebError {
    WebError::TooLarge(format!(
        "A file was larger than the {} MB the service accepts. Send a smaller file.",
        limit / (1024 * 1024)
    ))
}

impl FromRequest for CheckedUpload {
    type Error = actix_web::Error;
    type Future =
        std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self, actix_web::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        let payload = payload.take();
        Box::pin(async move {
            let state = req
                .app_data::<web::Data<AppState>>()
                .cloned()
                .ok_or_else(|| WebError::unexpected(anyhow::anyhow!("no app state")))?;
            let is_multipart = req
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.starts_with("multipart/form-data"));
            if !is_multipart {
                return Err(WebError::UnsupportedMediaType.into());
            }
            if is_cross_site(&req, &state.config.origin) {
                return Err(WebError::CsrfRejected.into());
            }
            let limit = state.config.max_upload_bytes;
            let mut multipart = Multipart::new(req.headers(), payload);
            let mut fields = vec![];
            let mut files = vec![];
            // The whole request is bounded too, however many parts it has.
            let mut total = 0usize;
            let most_total = limit
                .saturating_mul(2)
                .max(limit.saturating_add(1024 * 1024));
            let unreadable = || {
                WebError::BadRequest(
                    "The form could not be read. Go back, reload the page and try again.".into(),
                )
            };
            while let Some(part) = multipart.next().await {
                let mut part = part.map_err(|_| unreadable())?;
                let name = part.name().unwrap_or("").to_string();
                let file_name = part
                    .content_disposition()
                    .and_then(|cd| cd.get_filename())
                    .map(String::from);
                let most = if file_name.is_some() {
                    limit
                } else {
                    MOST_FIELD_BYTES
                };
                let mut bytes = vec![];
                while let Some(chunk) = part.next().await {
                    let chunk = chunk.map_err(|_| unreadable())?;
                    total = total.saturating_add(chunk.len());
                    if bytes.len() + chunk.len() > most || total > most_total {
                        return Err(too_large(limit).into());
                    }
                    bytes.extend_from_slice(&chunk);
                }
                match file_name {
                    Some(file_name) => {
                        if files.len() >= MOST_FILES {
                            return Err(WebError::BadRequest(format!(
                                "Send at most {MOST_FILES} files at a time."
                            ))
                            .into());
                        }
                        files.push(UploadedFile {
                            field: name,
                            file_name,
                            bytes,
                        });
                    }
                    None => {
                        let value = String::from_utf8(bytes).map_err(|_| unreadable())?;
                        fields.push((name, value));
                    }
                }
            }
            refuse_control_characters(&fields)?;
            let token = fields
                .iter()
                .find(|(k, _)| k == "csrf_token")
                .map(|(_, v)| v.as_str());
            if !csrf_matches(&req.get_session(), token) {
                return Err(WebError::CsrfRejected.into());
            }
            Ok(CheckedUpload { fields, files })
        })
    }
}
