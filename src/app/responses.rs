//! Answering a survey: starting a response, saving what is given, sending it.

use rand::Rng;

use super::AppError;
use crate::catalogue::CompiledForm;
use crate::db::surveys::{Draft, FreeTextFlags, Origin, Submission};
use crate::db::{self, DbConnection, DbError};
use crate::domain::invitation::{self, InvitationState};
use crate::domain::response::{
    answer_rows, final_answers, resume_code_hash, Answer, Answers, Presentation, Response,
    RESUME_ALPHABET,
};
use crate::domain::schedule::SurveyState;
use crate::domain::survey::{Channel, ResponseRefusal, ResponseStatus};
use crate::domain::tally;

/// A new resume code: 8 characters from an alphabet with nothing easily confused.
pub fn new_resume_code() -> String {
    let mut rng = rand::rngs::OsRng;
    (0..8)
        .map(|_| {
            let i = rng.gen_range(0..RESUME_ALPHABET.len());
            RESUME_ALPHABET.get(i).map(|b| *b as char).unwrap_or('A')
        })
        .collect()
}

/// How many codes to try before giving up: a clash is already about one in a
/// billion, so a second clash in a row means something else is wrong.
const CODE_ATTEMPTS: usize = 5;

/// Refuse unless the survey takes answers now.
fn require_open(conn: &mut DbConnection, survey_id: i32) -> Result<(), AppError> {
    match db::surveys::state(conn, survey_id, db::now())? {
        None => Err(AppError::NotFound),
        Some(SurveyState::Closed) => Err(ResponseRefusal::SurveyClosed.into()),
        Some(SurveyState::Scheduled) => Err(ResponseRefusal::NotYetOpen.into()),
        Some(SurveyState::Open) => Ok(()),
    }
}

/// Start an anonymous response in `language`; returns its id and its resume code
/// (the code is stored only as a hash). Two equal codes are a clash on the unique
/// key, never "already sent": another code is made and tried.
pub fn start(
    conn: &mut DbConnection,
    origin: Origin<'_>,
    language: &str,
    mut new_code: impl FnMut() -> String,
) -> Result<(i32, String), AppError> {
    require_open(conn, origin.survey_id)?;
    let survey_id = origin.survey_id;
    for _ in 0..CODE_ATTEMPTS {
        let code = new_code();
        // Each attempt in its own transaction (a savepoint when nested), so a clash on
        // PostgreSQL does not spoil the rest.
        let attempt = diesel::Connection::transaction(conn, |c| {
            db::surveys::start(c, origin, language, &resume_code_hash(&code))
        });
        match attempt {
            Ok(id) => return Ok((id, code)),
            Err(DbError::Duplicate(_)) => {
                tracing::warn!(survey_id, "two resume codes were equal; trying another");
            }
            Err(e) => return Err(e.into()),
        }
    }
    Err(ResponseRefusal::NoFreeCode.into())
}

/// What an invitation link leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invited {
    /// The response to carry on with (`new` if made now, on the first visit).
    Answering { response_id: i32, new: bool },
    /// This invitee has sent their answers: one response per invitation.
    AlreadyAnswered,
}

/// Follow a personal invitation link to `survey_id`: the invitee's one response,
/// started on the first visit (the invitation is then marked started) and found
/// again by the link on every later one, from any browser.
pub fn follow_invitation(
    conn: &mut DbConnection,
    survey_id: i32,
    token: &str,
    language: &str,
) -> Result<Invited, AppError> {
    let found = db::distribution::invitation_by_hash(conn, &invitation::token_hash(token))?
        .filter(|i| i.survey_id == survey_id)
        .ok_or(AppError::NotFound)?;
    if found.state == InvitationState::Responded {
        return Ok(Invited::AlreadyAnswered);
    }
    require_open(conn, survey_id)?;
    let key = invitation::response_key(token);
    let answering = |id, new| Invited::Answering {
        response_id: id,
        new,
    };
    match db::surveys::by_invitation_key(conn, survey_id, &key)? {
        Some((_, ResponseStatus::Submitted)) => return Ok(Invited::AlreadyAnswered),
        Some((id, ResponseStatus::InProgress)) => return Ok(answering(id, false)),
        None => {}
    }
    let origin = Origin {
        survey_id,
        channel: Channel::Invitation,
        setting_id: found.setting_id,
        invitation_key: Some(&key),
    };
    for _ in 0..CODE_ATTEMPTS {
        let code = new_resume_code();
        let attempt = diesel::Connection::transaction(conn, |c| {
            let id = db::surveys::start(c, origin, language, &resume_code_hash(&code))?;
            db::distribution::mark_started(c, found.id)?;
            Ok::<_, DbError>(id)
        });
        match attempt {
            Ok(id) => return Ok(answering(id, true)),
            // The same link opened twice at once (the other visit made the response),
            // or, far less likely, two equal resume codes: look, then try again.
            Err(DbError::Duplicate(_)) => {
                match db::surveys::by_invitation_key(conn, survey_id, &key)? {
                    Some((id, ResponseStatus::InProgress)) => return Ok(answering(id, false)),
                    Some((_, ResponseStatus::Submitted)) => return Ok(Invited::AlreadyAnswered),
                    None => continue,
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
    Err(ResponseRefusal::NoFreeCode.into())
}

/// Why a write to a response found nothing to change.
fn refusal_for(conn: &mut DbConnection, response_id: i32) -> Result<AppError, AppError> {
    Ok(match db::surveys::response_status(conn, response_id)? {
        None => AppError::NotFound,
        Some(ResponseStatus::Submitted) => ResponseRefusal::AlreadySent.into(),
        Some(ResponseStatus::InProgress) => ResponseRefusal::SurveyClosed.into(),
    })
}

/// Save what a respondent has given so far.
pub fn save(
    conn: &mut DbConnection,
    response_id: i32,
    language: &str,
    presentation: &Presentation,
    answers: &Answers,
    helped_by_adult: bool,
) -> Result<(), AppError> {
    let draft = Draft {
        language,
        presentation,
        answers,
        helped_by_adult,
    };
    if db::surveys::save_draft(conn, response_id, &draft)? {
        Ok(())
    } else {
        Err(refusal_for(conn, response_id)?)
    }
}

/// A response that failed its form's gate: the JSON pointers of what failed (never
/// the answers, which the gate's messages can quote).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedGate(pub Vec<String>);

/// Send a response: the answers to questions still shown pass the form's response
/// gate, then are stored whole and as one row per answer, with the running tallies
/// and each free-text answer's triage (`scan`), in one transaction, once.
pub fn submit(
    conn: &mut DbConnection,
    form: &CompiledForm,
    response: &Response,
    answers: &Answers,
    scan: impl Fn(&str) -> (String, bool, bool),
) -> Result<Result<(), FailedGate>, AppError> {
    let answers = final_answers(&form.form, answers);
    let problems = form.gate.check(&answers);
    if !problems.is_empty() {
        return Ok(Err(FailedGate(
            problems.into_iter().map(|p| p.pointer).collect(),
        )));
    }
    let layout = &form.layout;
    let groups = tally::groups_of(
        &form.form,
        &answers,
        response.channel,
        response.helped_by_adult,
    );
    let cells = tally::cells_of(layout, &form.form, &answers);
    let free_text: Vec<FreeTextFlags> = answers
        .iter()
        .filter_map(|(question, answer)| match answer {
            Answer::Text(text) => {
                let (findings, personal_data, safeguarding) = scan(text);
                Some(FreeTextFlags {
                    question_id: question.clone(),
                    findings,
                    personal_data,
                    safeguarding,
                })
            }
            _ => None,
        })
        .collect();
    let extra = Submission {
        survey_id: response.survey_id,
        layout_len: layout.len(),
        groups: &groups,
        cells: &cells,
        free_text: &free_text,
    };
    let rows = answer_rows(&answers);
    // A tally another submission changed meanwhile: the whole transaction again.
    for _ in 0..TALLY_ATTEMPTS {
        match db::surveys::submit(conn, response.id, &answers, &rows, &extra) {
            Ok(true) => return Ok(Ok(())),
            Ok(false) => return Err(refusal_for(conn, response.id)?),
            Err(DbError::Duplicate(_)) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(DbError::Corrupt("the tallies kept changing; the response was not stored".into()).into())
}

/// Tries before a busy survey's tallies give up.
const TALLY_ATTEMPTS: usize = 8;
