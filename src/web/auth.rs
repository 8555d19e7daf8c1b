//! Signing in and out.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::error::WebError;
use super::form::CheckedForm;
use super::page::{see_other, FieldError, Page};
use super::session::{self, csrf_token, SignedIn};
use super::AppState;
use crate::db::{self, users::User};
use crate::domain::account::{Email, MAX_PASSWORD_CHARS};
use crate::domain::throttle::{after_failure, locked_for, minutes_to_wait};

pub async fn home(session: Session) -> HttpResponse {
    if session::signed_in_user_id(&session).is_some() {
        see_other("/inspections")
    } else {
        see_other("/sign-in")
    }
}

#[derive(serde::Deserialize)]
pub struct SignInQuery {
    signed_out: Option<String>,
    password_set: Option<String>,
}

pub async fn sign_in_page(
    state: web::Data<AppState>,
    session: Session,
    query: Option<web::Query<SignInQuery>>,
) -> Result<HttpResponse, WebError> {
    if session::signed_in_user_id(&session).is_some() {
        return Ok(see_other("/inspections"));
    }
    let signed_out = query.as_ref().is_some_and(|q| q.signed_out.is_some());
    let password_set = query.is_some_and(|q| q.password_set.is_some());
    let view = SignInView {
        email: "",
        signed_out,
        password_set,
    };
    Page::anonymous("Sign in", csrf_token(&session)?, view).render(
        &state,
        StatusCode::OK,
        "sign_in",
    )
}

#[derive(Serialize)]
struct SignInView<'a> {
    email: &'a str,
    signed_out: bool,
    password_set: bool,
}

fn sign_in_form(
    state: &AppState,
    session: &Session,
    status: StatusCode,
    email: &str,
    errors: Vec<FieldError>,
    signed_out: bool,
) -> Result<HttpResponse, WebError> {
    let view = SignInView {
        email,
        signed_out,
        password_set: false,
    };
    Page::anonymous("Sign in", csrf_token(session)?, view)
        .with_errors(errors)
        .render(state, status, "sign_in")
}

/// What the database says before the password is checked.
enum Gate {
    /// Too many recent failures: minutes to wait.
    Locked(i64),
    /// The attempt is counted; here is the account, if there is one.
    Open(Option<(User, String)>),
}

/// Count this attempt against the account before checking the password, so that
/// guesses sent in parallel are all counted and at most the allowed number get
/// through. A correct password then clears the count.
fn count_attempt(
    c: &mut db::DbConnection,
    email: &Email,
    policy: crate::domain::throttle::ThrottlePolicy,
) -> Result<Gate, db::DbError> {
    use diesel::Connection;
    db::throttle::ensure(c, email.as_str())?;
    for _ in 0..20 {
        let gate = c.transaction(|c| {
            let now = db::now();
            let Some(current) = db::throttle::get(c, email.as_str())? else {
                return Ok(None);
            };
            if let Some(remaining) = locked_for(Some(&current), now) {
                return Ok(Some(Gate::Locked(minutes_to_wait(remaining))));
            }
            let next = after_failure(Some(&current), now, policy);
            if !db::throttle::update_if_unchanged(c, email.as_str(), &current, &next)? {
                return Ok(None); // someone else counted first: read again
            }
            Ok::<_, db::DbError>(Some(Gate::Open(db::users::find_for_sign_in(c, email)?)))
        })?;
        match gate {
            Some(gate) => return Ok(gate),
            None => db::throttle::ensure(c, email.as_str())?,
        }
    }
    Err(db::DbError::Corrupt(
        "sign-in attempts could not be counted after 20 tries".into(),
    ))
}

pub async fn sign_in(
    state: web::Data<AppState>,
    session: Session,
    form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let email_text = form.text("email").trim().to_string();
    let password = form.text("password").to_string();
    let mut errors = vec![];
    if email_text.is_empty() {
        errors.push(FieldError::new("email", "Enter your email address"));
    }
    if password.is_empty() {
        errors.push(FieldError::new("password", "Enter your password"));
    }
    if !errors.is_empty() {
        return sign_in_form(
            &state,
            &session,
            StatusCode::UNPROCESSABLE_ENTITY,
            &email_text,
            errors,
            false,
        );
    }
    let policy = state.throttle;
    let wrong = vec![FieldError::new(
        "email",
        format!(
            "Enter a correct email address and password. After {} wrong attempts, sign-in is paused for {} minutes.",
            policy.max_failures,
            policy.lockout.num_minutes()
        ),
    )];
    let (Ok(email), true) = (
        Email::parse(&email_text),
        password.chars().count() <= MAX_PASSWORD_CHARS,
    ) else {
        return sign_in_form(
            &state,
            &session,
            StatusCode::UNPROCESSABLE_ENTITY,
            &email_text,
            wrong,
            false,
        );
    };
    let gate_email = email.clone();
    let gate = db::run(&state.pool, move |c| count_attempt(c, &gate_email, policy)).await?;
    let found = match gate {
        Gate::Locked(minutes) => {
            let message = format!(
                "There have been too many wrong attempts to sign in to this account. Wait {minutes} minute{} and try again.",
                if minutes == 1 { "" } else { "s" }
            );
            return sign_in_form(
                &state,
                &session,
                StatusCode::TOO_MANY_REQUESTS,
                &email_text,
                vec![FieldError::new("email", message)],
                false,
            );
        }
        Gate::Open(found) => found,
    };
    // Argon2 on a blocking thread, holding no database connection. An unknown email
    // is checked against a dummy hash so that it takes as long as a known one.
    let hash = found
        .as_ref()
        .map(|(_, h)| h.clone())
        .unwrap_or_else(|| crate::password::dummy_hash().to_string());
    let matches = web::block(move || crate::password::verify(&password, &hash))
        .await
        .map_err(WebError::unexpected)?;
    match found {
        Some((user, _)) if matches => {
            db::run(&state.pool, move |c| db::throttle::clear(c, email.as_str())).await?;
            session::sign_in(&session, user.id)?;
            Ok(see_other("/inspections"))
        }
        _ => sign_in_form(
            &state,
            &session,
            StatusCode::UNPROCESSABLE_ENTITY,
            &email_text,
            wrong,
            false,
        ),
    }
}

pub async fn sign_out(signed_in: SignedIn, _form: CheckedForm) -> HttpResponse {
    session::sign_out(&signed_in.session);
    see_other("/sign-in?signed_out=1")
}

// ---------------------------------------------------------------- set a password

#[derive(Serialize)]
struct SetPasswordView {
    token: String,
}

fn set_password_form(
    state: &AppState,
    session: &Session,
    token: &str,
    status: StatusCode,
    errors: Vec<FieldError>,
) -> Result<HttpResponse, WebError> {
    let view = SetPasswordView {
        token: token.to_string(),
    };
    Page::anonymous("Choose your password", csrf_token(session)?, view)
        .with_errors(errors)
        .render(state, status, "set_password")
}

/// A link that cannot be used: one page for spent, expired and wrong, so a guess
/// learns nothing; 410 Gone, as the link will never work again.
fn link_gone(state: &AppState, session: &Session) -> Result<HttpResponse, WebError> {
    #[derive(Serialize)]
    struct Gone {}
    Page::anonymous("This link does not work", csrf_token(session)?, Gone {}).render(
        state,
        StatusCode::GONE,
        "set_password_gone",
    )
}

/// The form behind a reviewer's single-use link.
pub async fn set_password_page(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let token = path.into_inner();
    if !crate::domain::password_link::looks_like_token(&token) {
        return link_gone(&state, &session);
    }
    let t = token.clone();
    match db::read(&state.pool, move |c| {
        crate::app::review::password_link_usable(c, &t)
    })
    .await
    {
        Ok(()) => set_password_form(&state, &session, &token, StatusCode::OK, vec![]),
        Err(crate::app::AppError::Refused(_)) => link_gone(&state, &session),
        Err(e) => Err(e.into()),
    }
}

pub async fn set_password(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let token = path.into_inner();
    if !crate::domain::password_link::looks_like_token(&token) {
        return link_gone(&state, &session);
    }
    let password = form.text("password");
    let mut errors = vec![];
    if let Err(e) = crate::domain::account::check_new_password(password) {
        errors.push(FieldError::new("password", e));
    } else if password != form.text("confirm") {
        errors.push(FieldError::new(
            "confirm",
            "Type the same password in both boxes",
        ));
    }
    if !errors.is_empty() {
        return set_password_form(
            &state,
            &session,
            &token,
            StatusCode::UNPROCESSABLE_ENTITY,
            errors,
        );
    }
    // A spent or made-up link is refused before any hashing: argon2 is slow on
    // purpose, and nobody should be able to make the server do it for nothing.
    let t = token.clone();
    match db::read(&state.pool, move |c| {
        crate::app::review::password_link_usable(c, &t)
    })
    .await
    {
        Ok(()) => {}
        Err(crate::app::AppError::Refused(_)) => return link_gone(&state, &session),
        Err(e) => return Err(e.into()),
    }
    // Hash before taking a connection for the write.
    let password = password.to_string();
    let hash = web::block(move || crate::password::hash(&password))
        .await
        .map_err(WebError::unexpected)?
        .map_err(|e| WebError::unexpected(anyhow::anyhow!("hashing: {e}")))?;
    match db::run(&state.pool, move |c| {
        crate::app::review::set_password_by_link(c, &token, &hash)
    })
    .await
    {
        Ok(_) => Ok(see_other("/sign-in?password_set=1")),
        Err(crate::app::AppError::Refused(_)) => link_gone(&state, &session),
        Err(e) => Err(e.into()),
    }
}
