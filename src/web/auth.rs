//! Signing in and out.

use std::sync::OnceLock;

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use serde_json::json;

use super::error::WebError;
use super::form::CheckedForm;
use super::session::{self, csrf_token, SignedIn};
use super::{field_error, render, see_other, AppState};
use crate::db::{self, users::User};
use crate::domain::account::{Email, MAX_PASSWORD_CHARS};
use crate::domain::throttle::{after_failure, locked_for, minutes_to_wait};

/// Hash a password with argon2id (the crate's default), with a fresh salt.
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// Check a password against a stored hash; a malformed hash never matches.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A hash to verify against when the email is unknown, so that the answer takes
/// as long as for a real account and does not reveal which emails exist.
fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| hash_password("not a real password, only for timing").unwrap_or_default())
}

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
}

pub async fn sign_in_page(
    state: web::Data<AppState>,
    session: Session,
    query: Option<web::Query<SignInQuery>>,
) -> Result<HttpResponse, WebError> {
    if session::signed_in_user_id(&session).is_some() {
        return Ok(see_other("/inspections"));
    }
    let signed_out = query.is_some_and(|q| q.signed_out.is_some());
    sign_in_form(&state, &session, StatusCode::OK, "", vec![], signed_out)
}

fn sign_in_form(
    state: &AppState,
    session: &Session,
    status: StatusCode,
    email: &str,
    errors: Vec<serde_json::Value>,
    signed_out: bool,
) -> Result<HttpResponse, WebError> {
    let token = csrf_token(session)?;
    let data = json!({ "email": email, "errors": errors, "signed_out": signed_out });
    let title = if errors.is_empty() {
        "Sign in"
    } else {
        "Error: Sign in"
    };
    render(state, status, "sign_in", title, None, &token, data)
}

enum SignInOutcome {
    Ok(User),
    Wrong,
    Locked(i64),
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
        errors.push(field_error("email", "Enter your email address"));
    }
    if password.is_empty() {
        errors.push(field_error("password", "Enter your password"));
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
    let wrong = || {
        vec![field_error(
            "email",
            "Enter a correct email address and password. After 5 wrong attempts, sign-in is paused for 15 minutes.",
        )]
    };
    let Ok(email) = Email::parse(&email_text) else {
        return sign_in_form(
            &state,
            &session,
            StatusCode::UNPROCESSABLE_ENTITY,
            &email_text,
            wrong(),
            false,
        );
    };
    if password.chars().count() > MAX_PASSWORD_CHARS {
        return sign_in_form(
            &state,
            &session,
            StatusCode::UNPROCESSABLE_ENTITY,
            &email_text,
            wrong(),
            false,
        );
    }
    let policy = state.throttle;
    let outcome = db::run(&state.pool, move |c| {
        let now = db::now();
        let throttle = db::throttle::get(c, email.as_str())?;
        if let Some(remaining) = locked_for(throttle.as_ref(), now) {
            return Ok(SignInOutcome::Locked(minutes_to_wait(remaining)));
        }
        let found = db::users::find_for_sign_in(c, &email)?;
        // Argon2 runs here, on the blocking pool, never on an async worker.
        let hash = found
            .as_ref()
            .map(|(_, h)| h.as_str())
            .unwrap_or_else(|| dummy_hash());
        let matches = verify_password(&password, hash);
        match found {
            Some((user, _)) if matches => {
                db::throttle::clear(c, email.as_str())?;
                Ok(SignInOutcome::Ok(user))
            }
            _ => {
                use diesel::Connection;
                c.transaction(|c| {
                    let current = db::throttle::get(c, email.as_str())?;
                    let next = after_failure(current.as_ref(), now, policy);
                    db::throttle::put(c, email.as_str(), &next)
                })?;
                Ok(SignInOutcome::Wrong)
            }
        }
    })
    .await?;
    match outcome {
        SignInOutcome::Ok(user) => {
            session::sign_in(&session, user.id)?;
            Ok(see_other("/inspections"))
        }
        SignInOutcome::Wrong => sign_in_form(&state, &session, StatusCode::UNPROCESSABLE_ENTITY, &email_text, wrong(), false),
        SignInOutcome::Locked(minutes) => sign_in_form(
            &state,
            &session,
            StatusCode::TOO_MANY_REQUESTS,
            &email_text,
            vec![field_error(
                "email",
                format!(
                    "There have been too many wrong attempts to sign in to this account. Wait {minutes} minute{} and try again.",
                    if minutes == 1 { "" } else { "s" }
                ),
            )],
            false,
        ),
    }
}

pub async fn sign_out(signed_in: SignedIn, _form: CheckedForm) -> HttpResponse {
    session::sign_out(&signed_in.session);
    see_other("/sign-in?signed_out=1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("wrong horse battery", &hash));
        assert!(!verify_password("anything", "not a hash"));
    }
}
