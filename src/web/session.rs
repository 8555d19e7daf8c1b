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
    /// For survey sessions: read the responses the session is answering with the
    /// session itself, in one database call, since every survey page needs both.
    preload_responses: bool,
}

impl DbSessionStore {
    pub fn new(pool: Pool) -> Self {
        Self {
            pool,
            preload_responses: false,
        }
    }

    /// A store for survey sessions, which reads each response in progress with the
    /// session (see [`preloaded_key`]).
    pub fn for_respondents(pool: Pool) -> Self {
        Self {
            pool,
            preload_responses: true,
        }
    }
}

/// The session entry naming the response a respondent is answering in a survey.
pub fn response_key(survey_id: i32) -> String {
    format!("response_{survey_id}")
}

/// Where a survey session's store leaves response `response_id` as read with the
/// session. Entries under this prefix are never saved back.
pub fn preloaded_key(response_id: i32) -> String {
    format!("{PRELOADED}{response_id}")
}

const PRELOADED: &str = "_read_with_session_";

/// Read the responses a survey session names, for [`preloaded_key`].
fn preload(
    conn: &mut db::DbConnection,
    state: &mut HashMap<String, String>,
) -> Result<(), db::DbError> {
    let wanted: Vec<(i32, i32)> = state
        .iter()
        .filter_map(|(k, v)| {
            let survey = k.strip_prefix("response_")?.parse().ok()?;
            let response = v.parse().ok()?;
            Some((survey, response))
        })
        .collect();
    for (survey_id, response_id) in wanted {
        let response = db::surveys::load(conn, survey_id, response_id)?;
        let json = serde_json::to_string(&response)
            .map_err(|e| db::DbError::Corrupt(format!("response {response_id}: {e}")))?;
        state.insert(preloaded_key(response_id), json);
    }
    Ok(())
}

/// The state without what was only read with it.
fn without_preloaded(mut state: HashMap<String, String>) -> HashMap<String, String> {
    state.retain(|k, _| !k.starts_with(PRELOADED));
    state
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
        let preload_responses = self.preload_responses;
        db::read(&self.pool, move |c| {
            let Some(text) = db::sessions::load(c, &hash)? else {
                return Ok(None);
            };
            let mut state: HashMap<String, String> = match serde_json::from_str(&text) {
                Ok(state) => state,
                Err(e) => return Ok(Some(Err(e))),
            };
            if preload_responses {
                preload(c, &mut state)?;
            }
            Ok::<_, db::DbError>(Some(Ok(state)))
        })
        .await
        .map_err(|e| LoadError::Other(other(e)))?
        .map(|parsed| parsed.map_err(|e| LoadError::Deserialization(other(e))))
        .transpose()
    }

    async fn save(
        &self,
        state: HashMap<String, String>,
        ttl: &Duration,
    ) -> Result<SessionKey, SaveError> {
        let body = serde_json::to_string(&without_preloaded(state))
            .map_err(|e| SaveError::Serialization(other(e)))?;
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
        let body = serde_json::to_string(&without_preloaded(state.clone()))
            .map_err(|e| UpdateError::Serialization(other(e)))?;
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
            let user = db::read(&state.pool, move |c| db::users::find(c, user_id)).await?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_read_with_a_session_is_never_saved_back() {
        let mut state = HashMap::new();
        state.insert(response_key(3), "17".to_string());
        state.insert(preloaded_key(17), "{\"id\": 17}".to_string());
        state.insert("csrf".to_string(), "\"t\"".to_string());
        let saved = without_preloaded(state);
        assert_eq!(saved.len(), 2);
        assert!(saved.contains_key("response_3") && saved.contains_key("csrf"));
    }
}
