//! Where a respondent is: the survey behind a public link (kept in memory for a
//! moment, since every page of every respondent needs it), and the response this
//! browser is answering, read once per request.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use actix_session::Session;

use super::super::error::WebError;
use super::super::session::{preloaded_key, response_key};
use super::super::AppState;
use crate::catalogue::CompiledForm;
use crate::db;
use crate::db::surveys::LinkSetting;
use crate::domain::response::{typed_answers, Answers, Presentation, Response};
use crate::domain::schedule::SurveyState;
use crate::domain::survey::{Channel, Survey};
use crate::domain::survey_form::SurveyForm;

/// An open or closed survey with the form version it was opened with.
#[derive(Debug)]
pub struct SurveyEntry {
    pub survey: Survey,
    pub form: Arc<CompiledForm>,
}

/// What a link token leads to: the survey, which kind of link, and its setting.
#[derive(Debug)]
pub struct LinkEntry {
    pub entry: Arc<SurveyEntry>,
    pub channel: Channel,
    pub setting: Option<LinkSetting>,
}

/// Surveys by link token, kept for `ttl`. Pages read from here; every write checks
/// the survey's status in the database in its own statement, so an entry that is a
/// moment stale (a survey closed by another instance) can show a page but never
/// take an answer, and is forgotten as soon as a write finds the survey closed.
/// A stage change on this instance forgets the inspection's surveys at once.
#[derive(Debug)]
pub struct SurveyCache {
    entries: RwLock<HashMap<String, (Instant, Arc<LinkEntry>)>>,
    ttl: Duration,
}

/// Enough for every link of every live inspection; past it the cache starts afresh
/// rather than grow (unknown tokens are never kept).
const MOST_ENTRIES: usize = 4096;

impl SurveyCache {
    pub fn new(ttl: Duration) -> Self {
        Self {
            entries: RwLock::new(HashMap::new()),
            ttl,
        }
    }

    fn get(&self, token: &str) -> Option<Arc<LinkEntry>> {
        let entries = self.entries.read().ok()?;
        let (at, entry) = entries.get(token)?;
        (at.elapsed() < self.ttl).then(|| entry.clone())
    }

    fn put(&self, token: &str, entry: Arc<LinkEntry>) {
        if let Ok(mut entries) = self.entries.write() {
            if entries.len() >= MOST_ENTRIES {
                entries.clear();
            }
            entries.insert(token.to_string(), (Instant::now(), entry));
        }
    }

    /// Forget every survey of an inspection (its stage changed).
    pub fn forget_inspection(&self, inspection_id: i32) {
        if let Ok(mut entries) = self.entries.write() {
            entries.retain(|_, (_, e)| e.entry.survey.inspection_id != inspection_id);
        }
    }

    /// Forget one survey (a write found it closed).
    pub fn forget_survey(&self, survey_id: i32) {
        if let Ok(mut entries) = self.entries.write() {
            entries.retain(|_, (_, e)| e.entry.survey.id != survey_id);
        }
    }
}

/// The survey behind a public link, and which link it is.
#[derive(Debug, Clone)]
pub struct Opened {
    pub entry: Arc<SurveyEntry>,
    pub channel: Channel,
    pub setting: Option<LinkSetting>,
    token: String,
}

impl Opened {
    pub fn survey(&self) -> &Survey {
        &self.entry.survey
    }

    pub fn form(&self) -> &SurveyForm {
        &self.entry.form.form
    }

    pub fn compiled(&self) -> &CompiledForm {
        &self.entry.form
    }

    /// The survey's own address, `/s/{token}`.
    pub fn base(&self) -> String {
        format!("/s/{}", self.token)
    }

    pub fn is_kiosk(&self) -> bool {
        self.channel == Channel::Kiosk
    }

    pub fn setting_id(&self) -> Option<i32> {
        self.setting.as_ref().map(|s| s.id)
    }

    /// Where the survey stands now.
    pub fn state(&self) -> SurveyState {
        self.survey().state_at(db::now())
    }

    pub fn is_open(&self) -> bool {
        self.state() == SurveyState::Open
    }
}

/// The survey a public link leads to.
pub async fn open(state: &AppState, token: &str) -> Result<Opened, WebError> {
    // Tokens are 22 letters and digits; anything else is not worth a query.
    if token.is_empty() || token.len() > 64 || !token.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(WebError::NotFound);
    }
    let link = match state.surveys.get(token) {
        Some(link) => link,
        None => {
            let t = token.to_string();
            let (survey, channel, setting) =
                db::read(&state.pool, move |c| db::surveys::by_token(c, &t))
                    .await?
                    .ok_or(WebError::NotFound)?;
            let form = state.catalogue.form(&survey.form).cloned().ok_or_else(|| {
                WebError::unexpected(anyhow::anyhow!(
                    "survey {} was opened with {}, which this instance has not loaded",
                    survey.id,
                    survey.form
                ))
            })?;
            let link = Arc::new(LinkEntry {
                entry: Arc::new(SurveyEntry { survey, form }),
                channel,
                setting,
            });
            state.surveys.put(token, link.clone());
            link
        }
    };
    Ok(Opened {
        entry: link.entry.clone(),
        channel: link.channel,
        setting: link.setting.clone(),
        token: token.to_string(),
    })
}

fn code_key(survey_id: i32) -> String {
    format!("code_{survey_id}")
}

fn sent_key(survey_id: i32) -> String {
    format!("sent_{survey_id}")
}

fn fill_key(survey_id: i32) -> String {
    format!("fill_{survey_id}")
}

/// What the browser keeps once its answers are sent: how to show the thank-you page,
/// and nothing that leads back to the response.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Sent {
    pub language: String,
    pub presentation: Presentation,
}

pub fn sent(session: &Session, survey_id: i32) -> Option<Sent> {
    session.get::<Sent>(&sent_key(survey_id)).ok().flatten()
}

pub fn remember_sent(session: &Session, survey_id: i32, sent: &Sent) -> Result<(), WebError> {
    Ok(session.insert(sent_key(survey_id), sent)?)
}

pub fn forget_sent(session: &Session, survey_id: i32) {
    session.remove(&sent_key(survey_id));
}

/// Remember the response this browser is answering, and its code to show.
pub fn remember_response(
    session: &Session,
    survey_id: i32,
    response_id: i32,
    code: &str,
) -> Result<(), WebError> {
    session.insert(response_key(survey_id), response_id)?;
    // The code is shown on each page from the session, never stored in clear.
    session.insert(code_key(survey_id), code)?;
    Ok(())
}

/// Forget the response this browser was answering (and its code).
pub fn forget_response(session: &Session, survey_id: i32) {
    session.remove(&response_key(survey_id));
    session.remove(&code_key(survey_id));
}

/// Remember the response a personal invitation link led this browser to. Nothing
/// of the invitation itself is kept: the link, not the session, is what joins an
/// invitee to their answers.
pub fn remember_invited(
    session: &Session,
    survey_id: i32,
    response_id: i32,
) -> Result<(), WebError> {
    forget_response(session, survey_id);
    forget_sent(session, survey_id);
    Ok(session.insert(response_key(survey_id), response_id)?)
}

/// The resume code of the response in progress, as shown (XXXX-XXXX).
pub fn shown_code(session: &Session, survey_id: i32) -> Option<String> {
    session
        .get::<String>(&code_key(survey_id))
        .ok()
        .flatten()
        .map(|c| crate::domain::response::display_resume_code(&c))
}

/// Keep a code from a "carry on with this code" link for the next page only, so the
/// address the person continues at holds no code.
pub fn hold_code_to_fill(session: &Session, survey_id: i32, code: &str) -> Result<(), WebError> {
    Ok(session.insert(fill_key(survey_id), code)?)
}

/// The code held for filling in, once.
pub fn take_code_to_fill(session: &Session, survey_id: i32) -> Option<String> {
    session.remove_as::<String>(&fill_key(survey_id))?.ok()
}

/// A response with its answers read back by the form it answers.
#[derive(Debug, Clone)]
pub struct Answering {
    pub response: Response,
    pub answers: Answers,
}

/// The response this browser is answering through this link, if any. A response
/// started on the open link does not follow the browser to the kiosk link, or back.
pub async fn current(
    state: &AppState,
    session: &Session,
    opened: &Opened,
) -> Result<Option<Answering>, WebError> {
    let survey_id = opened.survey().id;
    let Some(id) = session.get::<i32>(&response_key(survey_id)).ok().flatten() else {
        return Ok(None);
    };
    // Read with the session when the request began, unless it was chosen since.
    let response = match session.get::<Option<Response>>(&preloaded_key(id)) {
        Ok(Some(read)) => read.filter(|r| r.survey_id == survey_id),
        _ => db::read(&state.pool, move |c| db::surveys::load(c, survey_id, id)).await?,
    };
    // An invitee's response carries the setting of their invitation, not of a link.
    Ok(response
        .filter(|r| r.channel == opened.channel)
        .filter(|r| opened.channel == Channel::Invitation || r.setting_id == opened.setting_id())
        .map(|response| Answering {
            answers: typed_answers(opened.form(), response.answers.clone()),
            response,
        }))
}
