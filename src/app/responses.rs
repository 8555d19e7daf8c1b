//! Answering a survey: starting a response, saving what is given, sending it.

use rand::Rng;

use super::AppError;
use crate::catalogue::CompiledForm;
use crate::db::{self, surveys::Draft, DbConnection, DbError};
use crate::domain::response::{
    answer_rows, final_answers, resume_code_hash, Answers, Presentation, RESUME_ALPHABET,
};
use crate::domain::survey::{Channel, ResponseRefusal, ResponseStatus, SurveyStatus};

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

/// Start an anonymous response in `language`; returns its id and its resume code
/// (the code is stored only as a hash). Two equal codes are a clash on the unique
/// key, never "already sent": another code is made and tried.
pub fn start(
    conn: &mut DbConnection,
    survey_id: i32,
    channel: Channel,
    language: &str,
    mut new_code: impl FnMut() -> String,
) -> Result<(i32, String), AppError> {
    match db::surveys::status(conn, survey_id)? {
        None => return Err(AppError::NotFound),
        Some(SurveyStatus::Closed) => return Err(ResponseRefusal::SurveyClosed.into()),
        Some(SurveyStatus::Open) => {}
    }
    for _ in 0..CODE_ATTEMPTS {
        let code = new_code();
        // Each attempt in its own transaction (a savepoint when nested), so a clash on
        // PostgreSQL does not spoil the rest.
        let attempt = diesel::Connection::transaction(conn, |c| {
            db::surveys::start(c, survey_id, channel, language, &resume_code_hash(&code))
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
/// gate, then are stored whole and as one row per answer, in one transaction, once.
pub fn submit(
    conn: &mut DbConnection,
    form: &CompiledForm,
    response_id: i32,
    answers: &Answers,
) -> Result<Result<(), FailedGate>, AppError> {
    let answers = final_answers(&form.form, answers);
    let problems = form.gate.check(&answers);
    if !problems.is_empty() {
        return Ok(Err(FailedGate(
            problems.into_iter().map(|p| p.pointer).collect(),
        )));
    }
    if db::surveys::submit(conn, response_id, &answers, &answer_rows(&answers))? {
        Ok(Ok(()))
    } else {
        Err(refusal_for(conn, response_id)?)
    }
}
