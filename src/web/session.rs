//! Sessions (actix-session over a database table), the signed-in user, and CSRF tokens.

use std::collections::HashMap;

use actix_session::storage::{LoadError, SaveError, SessionKey, SessionStore, UpdateError};
use actix_session::{Session, SessionExt};
use actix_web::cookie::time::Duration;
use actix_web::{web, FromRequest, HttpRequest};
use rand::distributions::{Alphanumeric, DistString};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::error::WebError;
use super::AppState;
use crate::db::{self, users::User, Pool};

const USER_ID: &str = "user_id";
const CSRF: &str = "csrf";

/// Session state lives in the database keyed by a hash of the cookie's key, so a
/// stolen database does not yield usable cookies and signing out deletes the row.
#[derive(Clone)]
pub struct DbSessionStore {
    pool: Pool,
}

impl DbSessionStore {
    pub fn new(pool: Pool) -> Self {
        Self { pool }
    }
}

fn key_hash(key: &str) -> String {
    format!("{:x}", Sha256::digest(key.as_bytes()))
}

fn expiry(ttl: &Duration) -> chrono::NaiveDateTime {
    db::now() + chrono::Duration::seconds(ttl.whole_seconds())
}

fn other(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow::anyhow!("{e}")
}

impl SessionStore for DbSessionStore {
    async fn load(
        &self,
        session_key: &SessionKey,
    ) -> Result<Option<HashMap<String, String>>, LoadError> {
        let hash = key_hash(session_key.as_ref());
        let state = db::run(&self.pool, move |c| db::sessions::load(c, &hash))
            .await
            .map_err(|e| LoadError::Other(other(e)))?;
        state
            .map(|s| serde_json::from_str(&s).map_err(|e| LoadError::Deserialization(other(e))))
            .transpose()
    }

    async fn save(
        &self,
        state: HashMap<String, String>,
        ttl: &Duration,
    ) -> Result<SessionKey, SaveError> {
        let body = serde_json::to_string(&state).map_err(|e| SaveError::Serialization(other(e)))?;
        let key = Alphanumeric.sample_string(&mut rand::rngs::OsRng, 48);
        let hash = key_hash(&key);
        let expires = expiry(ttl);
        db::run(&self.pool, move |c| {
            db::sessions::insert(c, &hash, &body, expires)
        })
        .await
        .map_err(|e| SaveError::Other(other(e)))?;
        SessionKey::try_from(key).map_err(|e| SaveError::Other(other(e)))
    }

    async fn update(
        &self,
        session_key: SessionKey,
        state: HashMap<String, String>,
        ttl: &Duration,
    ) -> Result<SessionKey, UpdateError> {
        let body =
            serde_json::to_string(&state).map_err(|e| UpdateError::Serialization(other(e)))?;
        let hash = key_hash(session_key.as_ref());
        let expires = expiry(ttl);
        let found = db::run(&self.pool, move |c| {
            db::sessions::update(c, &hash, &body, expires)
        })
        .await
        .map_err(|e| UpdateError::Other(other(e)))?;
        if found {
            Ok(session_key)
        } else {
            // The session was deleted meanwhile (signed out, perhaps by a request still in
            // flight): start a new one, but never a signed-in one.
            let mut state = state;
            state.remove(USER_ID);
            self.save(state, ttl)
                .await
                .map_err(|e| UpdateError::Other(other(e)))
        }
    }

    async fn update_ttl(
        &self,
        session_key: &SessionKey,
        ttl: &Duration,
    ) -> Result<(), anyhow::Error> {
        let hash = key_hash(session_key.as_ref());
        let expires = expiry(ttl);
        db::run(&self.pool, move |c| {
            db::sessions::update_expiry(c, &hash, expires)
        })
        .await
        .map_err(other)
    }

    async fn delete(&self, session_key: &SessionKey) -> Result<(), anyhow::Error> {
        let hash = key_hash(session_key.as_ref());
        db::run(&self.pool, move |c| db::sessions::delete(c, &hash))
            .await
            .map_err(other)
    }
}

/// The CSRF token of this session, made on first use.
pub fn csrf_token(session: &Session) -> Result<String, WebError> {
    if let Ok(Some(token)) = session.get::<String>(CSRF) {
        return Ok(token);
    }
    let token = Alphanumeric.sample_string(&mut rand::rngs::OsRng, 43);
    session.insert(CSRF, &token)?;
    Ok(token)
}

/// Compare a submitted token with the session's, in constant time.
pub fn csrf_matches(session: &Session, submitted: Option<&str>) -> bool {
    match (session.get::<String>(CSRF).ok().flatten(), submitted) {
        (Some(expected), Some(given)) => bool::from(expected.as_bytes().ct_eq(given.as_bytes())),
        _ => false,
    }
}

/// Start a signed-in session: a new session key (no fixation) and a new CSRF token.
pub fn sign_in(session: &Session, user_id: i32) -> Result<(), WebError> {
    session.renew();
    session.remove(CSRF);
    session.insert(USER_ID, user_id).map_err(WebError::from)
}

pub fn sign_out(session: &Session) {
    session.purge();
}

/// The person signed in on this request. Extracting it redirects to sign-in when
/// nobody is, and drops a session whose user no longer exists.
pub struct SignedIn {
    pub user: User,
    pub session: Session,
}

impl FromRequest for SignedIn {
    type Error = WebError;
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self, WebError>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let session = req.get_session();
        let state = req.app_data::<web::Data<AppState>>().cloned();
        Box::pin(async move {
            let state =
                state.ok_or_else(|| WebError::unexpected(anyhow::anyhow!("no app state")))?;
            let user_id = session
                .get::<i32>(USER_ID)
                .ok()
                .flatten()
                .ok_or(WebError::SignInRequired)?;
            let user = db::run(&state.pool, move |c| db::users::find(c, user_id)).await?;
            match user {
                Some(user) => Ok(SignedIn { user, session }),
                None => {
                    session.purge();
                    Err(WebError::SignInRequired)
                }
            }
        })
    }
}

/// Whether a request comes from a signed-in user, without insisting.
pub fn signed_in_user_id(session: &Session) -> Option<i32> {
    session.get::<i32>(USER_ID).ok().flatten()
}
