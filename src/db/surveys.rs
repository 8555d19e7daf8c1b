//! Surveys (forms opened for an inspection), anonymous responses and answer rows.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use rand::distributions::{Alphanumeric, DistString};

use super::schema::{answers, responses, surveys};
use super::{now, DbConnection, DbError};
use crate::domain::response::day_of;

/// How a respondent reached the survey.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    OpenLink,
    Kiosk,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::OpenLink => "open_link",
            Channel::Kiosk => "kiosk",
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = surveys)]
pub struct Survey {
    pub id: i32,
    pub inspection_id: i32,
    pub form_id: String,
    pub form_version: i32,
    pub status: String,
    pub open_link_token: String,
    pub kiosk_token: String,
    pub opened_at: NaiveDateTime,
    pub closed_at: Option<NaiveDateTime>,
}

impl Survey {
    pub fn is_open(&self) -> bool {
        self.status == "open"
    }
}

fn token() -> String {
    Alphanumeric.sample_string(&mut rand::rngs::OsRng, 22)
}

/// Open a survey of each form for the inspection (reopening any closed ones).
pub fn open_all(
    conn: &mut DbConnection,
    inspection_id: i32,
    forms: &[(String, u32)],
) -> Result<(), DbError> {
    for (form_id, version) in forms {
        let n = diesel::update(
            surveys::table
                .filter(surveys::inspection_id.eq(inspection_id))
                .filter(surveys::form_id.eq(form_id)),
        )
        .set((
            surveys::status.eq("open"),
            surveys::closed_at.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
        if n == 0 {
            diesel::insert_into(surveys::table)
                .values((
                    surveys::inspection_id.eq(inspection_id),
                    surveys::form_id.eq(form_id),
                    surveys::form_version.eq(*version as i32),
                    surveys::status.eq("open"),
                    surveys::open_link_token.eq(token()),
                    surveys::kiosk_token.eq(token()),
                    surveys::opened_at.eq(now()),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}

/// Close every open survey of the inspection. Answers never sent are emptied: the
/// respondent did not choose to send them, so only the fact that a response was
/// started is kept (for the started count). Runs inside the caller's transaction.
pub fn close_all(conn: &mut DbConnection, inspection_id: i32) -> Result<(), DbError> {
    let closing: Vec<i32> = surveys::table
        .filter(surveys::inspection_id.eq(inspection_id))
        .filter(surveys::status.eq("open"))
        .select(surveys::id)
        .load(conn)?;
    diesel::update(surveys::table.filter(surveys::id.eq_any(&closing)))
        .set((
            surveys::status.eq("closed"),
            surveys::closed_at.eq(Some(now())),
        ))
        .execute(conn)?;
    diesel::update(
        responses::table
            .filter(responses::survey_id.eq_any(&closing))
            .filter(responses::status.eq("in_progress")),
    )
    .set((
        responses::answers.eq("{}"),
        responses::presentation.eq("{}"),
        responses::helped_by_adult.eq(false),
        responses::resume_code_hash.eq(None::<String>),
    ))
    .execute(conn)?;
    Ok(())
}

pub fn for_inspection(conn: &mut DbConnection, inspection_id: i32) -> Result<Vec<Survey>, DbError> {
    Ok(surveys::table
        .filter(surveys::inspection_id.eq(inspection_id))
        .order(surveys::id)
        .select(Survey::as_select())
        .load(conn)?)
}

/// The survey a public link leads to, and whether it is the kiosk link.
pub fn by_token(
    conn: &mut DbConnection,
    token: &str,
) -> Result<Option<(Survey, Channel)>, DbError> {
    let survey: Option<Survey> = surveys::table
        .filter(
            surveys::open_link_token
                .eq(token)
                .or(surveys::kiosk_token.eq(token)),
        )
        .select(Survey::as_select())
        .first(conn)
        .optional()?;
    Ok(survey.map(|s| {
        let channel = if s.kiosk_token == token {
            Channel::Kiosk
        } else {
            Channel::OpenLink
        };
        (s, channel)
    }))
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = responses)]
pub struct Response {
    pub id: i32,
    pub survey_id: i32,
    pub channel: String,
    pub status: String,
    pub language: String,
    pub presentation: String,
    pub answers: String,
    pub helped_by_adult: bool,
}

impl Response {
    pub fn is_submitted(&self) -> bool {
        self.status == "submitted"
    }
}

/// Start an anonymous response; its resume code is stored only as a hash.
pub fn start(
    conn: &mut DbConnection,
    survey_id: i32,
    channel: Channel,
    language: &str,
    resume_code_hash: &str,
) -> Result<i32, DbError> {
    // Responses keep only the day, in progress or sent, so no time ties an answer to
    // a person seen at a tablet.
    let stamp = day_of(now());
    Ok(diesel::insert_into(responses::table)
        .values((
            responses::survey_id.eq(survey_id),
            responses::channel.eq(channel.as_str()),
            responses::status.eq("in_progress"),
            responses::resume_code_hash.eq(Some(resume_code_hash)),
            responses::language.eq(language),
            responses::presentation.eq("{}"),
            responses::answers.eq("{}"),
            responses::started_at.eq(stamp),
            responses::updated_at.eq(stamp),
        ))
        .returning(responses::id)
        .get_result(conn)?)
}

pub fn load(
    conn: &mut DbConnection,
    survey_id: i32,
    response_id: i32,
) -> Result<Option<Response>, DbError> {
    Ok(responses::table
        .filter(responses::id.eq(response_id))
        .filter(responses::survey_id.eq(survey_id))
        .select(Response::as_select())
        .first(conn)
        .optional()?)
}

/// The in-progress response with this resume code, started through the same kind
/// of link, if any.
pub fn by_resume_code(
    conn: &mut DbConnection,
    survey_id: i32,
    channel: Channel,
    code_hash: &str,
) -> Result<Option<i32>, DbError> {
    Ok(responses::table
        .filter(responses::survey_id.eq(survey_id))
        .filter(responses::channel.eq(channel.as_str()))
        .filter(responses::resume_code_hash.eq(code_hash))
        .filter(responses::status.eq("in_progress"))
        .select(responses::id)
        .first(conn)
        .optional()?)
}

/// What a respondent has given so far; refused once the response is submitted.
pub struct Draft<'a> {
    pub language: &'a str,
    pub presentation: &'a str,
    pub answers: &'a str,
    pub helped_by_adult: bool,
}

pub fn save_draft(
    conn: &mut DbConnection,
    response_id: i32,
    draft: &Draft<'_>,
) -> Result<(), DbError> {
    let n = diesel::update(
        responses::table
            .filter(responses::id.eq(response_id))
            .filter(responses::status.eq("in_progress")),
    )
    .set((
        responses::language.eq(draft.language),
        responses::presentation.eq(draft.presentation),
        responses::answers.eq(draft.answers),
        responses::helped_by_adult.eq(draft.helped_by_adult),
        responses::updated_at.eq(day_of(now())),
    ))
    .execute(conn)?;
    if n == 1 {
        Ok(())
    } else {
        Err(DbError::refused("These answers have already been sent."))
    }
}

pub use crate::domain::response::AnswerRow;

/// An answer row as stored (numbers are 32-bit in the database).
#[derive(Queryable)]
struct StoredAnswer {
    question_id: String,
    option_id: Option<String>,
    value_number: Option<i32>,
    value_text: Option<String>,
}

/// Submit a response: its final answers as JSON and one row per answer, in one
/// transaction. Returns false (and stores nothing) if it was already submitted.
pub fn submit(
    conn: &mut DbConnection,
    response_id: i32,
    final_json: &str,
    rows: &[AnswerRow],
) -> Result<bool, DbError> {
    let day = day_of(now());
    conn.transaction(|conn| {
        // The status guard makes a replayed or concurrent submission a no-op.
        let n = diesel::update(
            responses::table
                .filter(responses::id.eq(response_id))
                .filter(responses::status.eq("in_progress")),
        )
        .set((
            responses::status.eq("submitted"),
            responses::answers.eq(final_json),
            responses::resume_code_hash.eq(None::<String>),
            responses::started_at.eq(day),
            responses::submitted_at.eq(Some(day)),
            responses::updated_at.eq(day),
        ))
        .execute(conn)?;
        if n == 0 {
            return Ok(false);
        }
        for (question, option, number, text) in rows {
            let number =
                number.map(|n| i32::try_from(n).unwrap_or(if n < 0 { i32::MIN } else { i32::MAX }));
            diesel::insert_into(answers::table)
                .values((
                    answers::response_id.eq(response_id),
                    answers::question_id.eq(question),
                    answers::option_id.eq(option.as_deref()),
                    answers::value_number.eq(number),
                    answers::value_text.eq(text.as_deref()),
                ))
                .execute(conn)?;
        }
        Ok(true)
    })
}

/// Responses started and completed for one survey.
pub fn counts(conn: &mut DbConnection, survey_id: i32) -> Result<(i64, i64), DbError> {
    let started: i64 = responses::table
        .filter(responses::survey_id.eq(survey_id))
        .count()
        .get_result(conn)?;
    let completed: i64 = responses::table
        .filter(responses::survey_id.eq(survey_id))
        .filter(responses::status.eq("submitted"))
        .count()
        .get_result(conn)?;
    Ok((started, completed))
}

/// How many submitted responses chose each option of each question, and how many
/// answered each question at all (option `None` for numbers and text).
pub fn answer_counts(
    conn: &mut DbConnection,
    survey_id: i32,
) -> Result<Vec<(String, Option<String>, i64)>, DbError> {
    use diesel::dsl::count_star;
    Ok(answers::table
        .inner_join(responses::table)
        .filter(responses::survey_id.eq(survey_id))
        .filter(responses::status.eq("submitted"))
        .group_by((answers::question_id, answers::option_id))
        .select((answers::question_id, answers::option_id, count_star()))
        .load(conn)?)
}

/// Stored answer rows of one response, for checks and tests.
pub fn answer_rows_of(
    conn: &mut DbConnection,
    response_id: i32,
) -> Result<Vec<AnswerRow>, DbError> {
    let rows: Vec<StoredAnswer> = answers::table
        .filter(answers::response_id.eq(response_id))
        .order(answers::id)
        .select((
            answers::question_id,
            answers::option_id,
            answers::value_number,
            answers::value_text,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r.question_id,
                r.option_id,
                r.value_number.map(i64::from),
                r.value_text,
            )
        })
        .collect())
}
