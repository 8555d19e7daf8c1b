//! Staff pages: every page is a view struct inside one [`Page`] wrapper, which owns
//! what the layout needs (the title, with "Error: " first when the page shows
//! errors; the CSRF token; the signed-in person; the error summary).

use actix_web::http::{header, StatusCode};
use actix_web::HttpResponse;
use serde::Serialize;

use super::error::WebError;
use super::session::{csrf_token, SignedIn};
use super::AppState;
use crate::db::users::User;

/// One problem with one field, shown in the error summary and beside the field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, message: impl ToString) -> Self {
        Self {
            field: field.to_string(),
            message: message.to_string(),
        }
    }
}

/// The layout's view of the signed-in person.
#[derive(Debug, Clone, Serialize)]
pub struct UserView {
    pub display_name: String,
    pub is_admin: bool,
    pub may_create_inspection: bool,
}

impl From<&User> for UserView {
    fn from(user: &User) -> Self {
        Self {
            display_name: user.display_name.clone(),
            is_admin: user.is_admin,
            may_create_inspection: user.actor().may_create_inspection(),
        }
    }
}

/// A staff page: the layout's data and the page's own view (whose fields the
/// template reads at the top level).
#[derive(Debug, Serialize)]
pub struct Page<T: Serialize> {
    title: String,
    user: Option<UserView>,
    csrf_token: String,
    errors: Vec<FieldError>,
    #[serde(flatten)]
    view: T,
}

impl<T: Serialize> Page<T> {
    /// A page for whoever is signed in on this request.
    pub fn for_user(me: &SignedIn, title: impl Into<String>, view: T) -> Result<Self, WebError> {
        Ok(Self {
            title: title.into(),
            user: Some(UserView::from(&me.user)),
            csrf_token: csrf_token(&me.session)?,
            errors: vec![],
            view,
        })
    }

    /// A page for someone not signed in; `csrf_token` guards its form, if any.
    pub fn anonymous(title: impl Into<String>, csrf_token: String, view: T) -> Self {
        Self {
            title: title.into(),
            user: None,
            csrf_token,
            errors: vec![],
            view,
        }
    }

    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.errors = errors;
        self
    }

    /// The page's HTML: `template`, then the layout around it (a layout called as a
    /// partial would copy the page's whole data on every render).
    pub fn html(mut self, state: &AppState, template: &str) -> Result<String, WebError> {
        if !self.errors.is_empty() {
            self.title = format!("Error: {}", self.title);
        }
        let body = state.templates.render(template, &self)?;
        let layout = Layout {
            title: &self.title,
            user: self.user.as_ref(),
            csrf_token: &self.csrf_token,
            body,
        };
        Ok(state.templates.render("layout", &layout)?)
    }

    /// The page as a response; signed-in pages are never cached.
    pub fn render(
        self,
        state: &AppState,
        status: StatusCode,
        template: &str,
    ) -> Result<HttpResponse, WebError> {
        let body = self.html(state, template)?;
        Ok(html_response(status, body))
    }
}

/// What the staff layout around every page reads.
#[derive(Serialize)]
struct Layout<'a> {
    title: &'a str,
    user: Option<&'a UserView>,
    csrf_token: &'a str,
    /// The page, already rendered (and escaped) from its own template.
    body: String,
}

/// An HTML page that no cache keeps.
pub fn html_response(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body)
}

/// A 303 redirect after a successful POST.
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}
