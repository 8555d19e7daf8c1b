//! Surveys (forms opened for an inspection), anonymous responses and answer rows.
//! Rows stay private: callers get the domain's types, and stored text that is not
//! one of them is a `Corrupt` error, never silently read as empty.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use rand::distributions::{Alphanumeric, DistString};

use super::schema::{
    answers, free_text_reviews, invitations, responses, settings, survey_links, surveys,
};
use super::{now, stored, DbConnection, DbError};
use crate::domain::response::{day_of, AnswerRow, Answers, Presentation, Response};
use crate::domain::schedule::{Schedule, SurveyState};
use crate::domain::survey::{Channel, FormRef, ResponseStatus, Survey, SurveyStatus};

#[derive(Queryable, Selectable)]
#[diesel(table_name = surveys)]
struct SurveyRow {
    id: i32,
    inspection_id: i32,
    form_id: String,
    form_version: i32,
    status: String,
    open_link_token: String,
    kiosk_token: String,
    opened_at: NaiveDateTime,
    closed_at: Option<NaiveDateTime>,
    opens_at: Option<NaiveDateTime>,
    closes_at: Option<NaiveDateTime>,
    invitation_token: Option<String>,
}

impl TryFrom<SurveyRow> for Survey {
    type Error = DbError;
    fn try_from(r: SurveyRow) -> Result<Self, DbError> {
        Ok(Survey {
            id: r.id,
            inspection_id: r.inspection_id,
            form: FormRef {
                id: r.form_id,
                version: u32::try_from(r.form_version)
                    .map_err(|_| DbError::Corrupt(format!("form version {}", r.form_version)))?,
            },
            status: stored("survey status", &r.status, SurveyStatus::parse)?,
            open_link_token: r.open_link_token,
            kiosk_token: r.kiosk_token,
            invitation_token: r.invitation_token.ok_or_else(|| {
                DbError::Corrupt(format!("survey {} has no invitation address", r.id))
            })?,
            opened_at: r.opened_at,
            closed_at: r.closed_at,
            schedule: Schedule {
                opens_at: r.opens_at,
                closes_at: r.closes_at,
            },
        })
    }
}

pub(crate) fn token() -> String {
    Alphanumeric.sample_string(&mut rand::rngs::OsRng, 22)
}

/// Open a survey of `form` for the inspection, recording the digest of the form's
/// content. A survey of that form closed earlier opens again, keeping the version
/// it was first opened with (its answers belong to that version).
pub fn open(
    conn: &mut DbConnection,
    inspection_id: i32,
    form: &FormRef,
    digest: &str,
) -> Result<(), DbError> {
    let n = diesel::update(
        surveys::table
            .filter(surveys::inspection_id.eq(inspection_id))
            .filter(surveys::form_id.eq(&form.id)),
    )
    .set((
        surveys::status.eq(SurveyStatus::Open.as_str()),
        surveys::closed_at.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)?;
    if n == 0 {
        let version = i32::try_from(form.version)
            .map_err(|_| DbError::Corrupt(format!("form version {}", form.version)))?;
        diesel::insert_into(surveys::table)
            .values((
                surveys::inspection_id.eq(inspection_id),
                surveys::form_id.eq(&form.id),
                surveys::form_version.eq(version),
                surveys::form_digest.eq(digest),
                surveys::status.eq(SurveyStatus::Open.as_str()),
                surveys::open_link_token.eq(token()),
                surveys::kiosk_token.eq(token()),
                surveys::invitation_token.eq(Some(token())),
                surveys::opened_at.eq(now()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Close every open survey of the inspection; returns the ids closed.
pub fn close_all(conn: &mut DbConnection, inspection_id: i32) -> Result<Vec<i32>, DbError> {
    let closing: Vec<i32> = surveys::table
        .filter(surveys::inspection_id.eq(inspection_id))
        .filter(surveys::status.eq(SurveyStatus::Open.as_str()))
        .select(surveys::id)
        .load(conn)?;
    diesel::update(surveys::table.filter(surveys::id.eq_any(&closing)))
        .set((
            surveys::status.eq(SurveyStatus::Closed.as_str()),
            surveys::closed_at.eq(Some(now())),
        ))
        .execute(conn)?;
    Ok(closing)
}

/// Empty the responses never sent in the inspection's closed surveys (answers,
/// presentation and code), keeping only that they were started.
pub fn empty_unsent(conn: &mut DbConnection, inspection_id: i32) -> Result<usize, DbError> {
    let closed = surveys::table
        .filter(surveys::inspection_id.eq(inspection_id))
        .filter(surveys::status.eq(SurveyStatus::Closed.as_str()))
        .select(surveys::id);
    Ok(diesel::update(
        responses::table
            .filter(responses::survey_id.eq_any(closed))
            .filter(responses::status.eq(ResponseStatus::InProgress.as_str())),
    )
    .set((
        responses::answers.eq("{}"),
        responses::presentation.eq("{}"),
        responses::helped_by_adult.eq(false),
        responses::resume_code_hash.eq(None::<String>),
    ))
    .execute(conn)?)
}

pub fn for_inspection(conn: &mut DbConnection, inspection_id: i32) -> Result<Vec<Survey>, DbError> {
    surveys::table
        .filter(surveys::inspection_id.eq(inspection_id))
        .order(surveys::id)
        .select(SurveyRow::as_select())
        .load(conn)?
        .into_iter()
        .map(Survey::try_from)
        .collect()
}

/// Every survey with the digest of the form it was opened with, for the start-up
/// check that no form changed under a survey.
pub fn all_with_digests(conn: &mut DbConnection) -> Result<Vec<(Survey, String)>, DbError> {
    let rows: Vec<(SurveyRow, String)> = surveys::table
        .order(surveys::id)
        .select((SurveyRow::as_select(), surveys::form_digest))
        .load(conn)?;
    rows.into_iter()
        .map(|(row, digest)| Ok((Survey::try_from(row)?, digest)))
        .collect()
}

/// Record the digest of a survey opened before digests were kept.
pub fn set_digest(conn: &mut DbConnection, survey_id: i32, digest: &str) -> Result<(), DbError> {
    diesel::update(surveys::table.find(survey_id))
        .set(surveys::form_digest.eq(digest))
        .execute(conn)?;
    Ok(())
}

/// A setting a link belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkSetting {
    pub id: i32,
    pub name: String,
}

/// The survey a public link leads to, which kind of link it is, and the setting it
/// belongs to (None for the survey-wide links).
pub fn by_token(
    conn: &mut DbConnection,
    token: &str,
) -> Result<Option<(Survey, Channel, Option<LinkSetting>)>, DbError> {
    let row: Option<SurveyRow> = surveys::table
        .filter(
            surveys::open_link_token
                .eq(token)
                .or(surveys::kiosk_token.eq(token))
                .or(surveys::invitation_token.eq(token)),
        )
        .select(SurveyRow::as_select())
        .get_result(conn)
        .optional()?;
    if let Some(survey) = row.map(Survey::try_from).transpose()? {
        return Ok(survey
            .channel_of(token)
            .map(|channel| (survey, channel, None)));
    }
    let link: Option<(SurveyRow, String, i32, String)> = survey_links::table
        .inner_join(surveys::table)
        .inner_join(settings::table)
        .filter(survey_links::token.eq(token))
        .select((
            SurveyRow::as_select(),
            survey_links::channel,
            settings::id,
            settings::name,
        ))
        .get_result(conn)
        .optional()?;
    let Some((row, channel, setting_id, name)) = link else {
        return Ok(None);
    };
    Ok(Some((
        Survey::try_from(row)?,
        stored("channel", &channel, Channel::parse)?,
        Some(LinkSetting {
            id: setting_id,
            name,
        }),
    )))
}

/// One survey.
pub fn find(conn: &mut DbConnection, survey_id: i32) -> Result<Option<Survey>, DbError> {
    surveys::table
        .find(survey_id)
        .select(SurveyRow::as_select())
        .get_result(conn)
        .optional()?
        .map(Survey::try_from)
        .transpose()
}

/// Surveys marked open that have invitees with an email kept (for reminders).
pub fn open_with_invitations(conn: &mut DbConnection) -> Result<Vec<Survey>, DbError> {
    let rows: Vec<SurveyRow> = surveys::table
        .filter(surveys::status.eq(SurveyStatus::Open.as_str()))
        .filter(diesel::dsl::exists(
            invitations::table
                .filter(invitations::survey_id.eq(surveys::id))
                .filter(invitations::email.is_not_null()),
        ))
        .select(SurveyRow::as_select())
        .load(conn)?;
    rows.into_iter().map(Survey::try_from).collect()
}

/// Where the survey stands at `now`: its stored status and its times.
pub fn state(
    conn: &mut DbConnection,
    survey_id: i32,
    now: NaiveDateTime,
) -> Result<Option<SurveyState>, DbError> {
    Ok(find(conn, survey_id)?.map(|s| s.state_at(now)))
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = responses)]
struct ResponseRow {
    id: i32,
    survey_id: i32,
    channel: String,
    status: String,
    language: String,
    presentation: String,
    answers: String,
    helped_by_adult: bool,
    setting_id: Option<i32>,
}

impl TryFrom<ResponseRow> for Response {
    type Error = DbError;
    fn try_from(r: ResponseRow) -> Result<Self, DbError> {
        let presentation: Presentation = serde_json::from_str(&r.presentation)
            .map_err(|e| DbError::Corrupt(format!("response {} presentation: {e}", r.id)))?;
        let answers: Answers = serde_json::from_str(&r.answers)
            .map_err(|e| DbError::Corrupt(format!("response {} answers: {e}", r.id)))?;
        Ok(Response {
            id: r.id,
            survey_id: r.survey_id,
            channel: stored("channel", &r.channel, Channel::parse)?,
            status: stored("response status", &r.status, ResponseStatus::parse)?,
            language: r.language,
            presentation,
            answers,
            helped_by_adult: r.helped_by_adult,
            setting_id: r.setting_id,
        })
    }
}

/// Where a new response comes from.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    pub survey_id: i32,
    pub channel: Channel,
    pub setting_id: Option<i32>,
    /// For a response started through a personal invitation: its response key.
    pub invitation_key: Option<&'a str>,
}

/// Start an anonymous response; its resume code is stored only as a hash. Two equal
/// hashes (or a second response for one invitation) are refused by a unique key as
/// [`DbError::Duplicate`].
pub fn start(
    conn: &mut DbConnection,
    origin: Origin<'_>,
    language: &str,
    resume_code_hash: &str,
) -> Result<i32, DbError> {
    // Responses keep only the day, in progress or sent, so no time ties an answer to
    // a person seen at a tablet.
    let stamp = day_of(now());
    Ok(diesel::insert_into(responses::table)
        .values((
            responses::survey_id.eq(origin.survey_id),
            responses::channel.eq(origin.channel.as_str()),
            responses::setting_id.eq(origin.setting_id),
            responses::invitation_key.eq(origin.invitation_key),
            responses::status.eq(ResponseStatus::InProgress.as_str()),
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
    responses::table
        .filter(responses::id.eq(response_id))
        .filter(responses::survey_id.eq(survey_id))
        .select(ResponseRow::as_select())
        .get_result(conn)
        .optional()?
        .map(Response::try_from)
        .transpose()
}

/// The in-progress response with this resume code, started through the same link
/// (kind and setting), if any.
pub fn by_resume_code(
    conn: &mut DbConnection,
    survey_id: i32,
    channel: Channel,
    setting_id: Option<i32>,
    code_hash: &str,
) -> Result<Option<i32>, DbError> {
    let mut query = responses::table
        .filter(responses::survey_id.eq(survey_id))
        .filter(responses::channel.eq(channel.as_str()))
        .filter(responses::resume_code_hash.eq(code_hash))
        .filter(responses::status.eq(ResponseStatus::InProgress.as_str()))
        .select(responses::id)
        .into_boxed();
    query = match setting_id {
        Some(id) => query.filter(responses::setting_id.eq(id)),
        None => query.filter(responses::setting_id.is_null()),
    };
    Ok(query.get_result(conn).optional()?)
}

/// The response an invitation link started (by its response key), and whether it
/// has been sent.
pub fn by_invitation_key(
    conn: &mut DbConnection,
    survey_id: i32,
    key: &str,
) -> Result<Option<(i32, ResponseStatus)>, DbError> {
    let found: Option<(i32, String)> = responses::table
        .filter(responses::survey_id.eq(survey_id))
        .filter(responses::invitation_key.eq(key))
        .select((responses::id, responses::status))
        .get_result(conn)
        .optional()?;
    found
        .map(|(id, s)| Ok((id, stored("response status", &s, ResponseStatus::parse)?)))
        .transpose()
}

/// What a respondent has given so far.
pub struct Draft<'a> {
    pub language: &'a str,
    pub presentation: &'a Presentation,
    pub answers: &'a Answers,
    pub helped_by_adult: bool,
}

/// The surveys that take answers at `$now` (open, past their opening time and before
/// their closing time), for guarding writes: a page cached as open must not write
/// into a survey that another instance has just closed, or whose time has passed.
macro_rules! open_surveys {
    ($now:expr) => {
        surveys::table
            .filter(surveys::status.eq(SurveyStatus::Open.as_str()))
            .filter(surveys::opens_at.is_null().or(surveys::opens_at.le($now)))
            .filter(surveys::closes_at.is_null().or(surveys::closes_at.gt($now)))
            .select(surveys::id)
    };
}

/// Save what a respondent has given so far. Returns false, saving nothing, when the
/// response has been sent or its survey has closed.
pub fn save_draft(
    conn: &mut DbConnection,
    response_id: i32,
    draft: &Draft<'_>,
) -> Result<bool, DbError> {
    let presentation = serde_json::to_string(draft.presentation)
        .map_err(|e| DbError::Corrupt(format!("presentation: {e}")))?;
    let answers = serde_json::to_string(draft.answers)
        .map_err(|e| DbError::Corrupt(format!("answers: {e}")))?;
    let n = diesel::update(
        responses::table
            .filter(responses::id.eq(response_id))
            .filter(responses::status.eq(ResponseStatus::InProgress.as_str()))
            .filter(responses::survey_id.eq_any(open_surveys!(now()))),
    )
    .set((
        responses::language.eq(draft.language),
        responses::presentation.eq(presentation),
        responses::answers.eq(answers),
        responses::helped_by_adult.eq(draft.helped_by_adult),
        responses::updated_at.eq(day_of(now())),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// The status of a response, whatever its survey.
pub fn response_status(
    conn: &mut DbConnection,
    response_id: i32,
) -> Result<Option<ResponseStatus>, DbError> {
    let status: Option<String> = responses::table
        .find(response_id)
        .select(responses::status)
        .get_result(conn)
        .optional()?;
    status
        .map(|s| stored("response status", &s, ResponseStatus::parse))
        .transpose()
}

/// A free-text answer's triage, stored with it for an inspector to review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeTextFlags {
    pub question_id: String,
    /// The findings as JSON (`domain::triage::Triage`).
    pub findings: String,
    pub personal_data: bool,
    pub safeguarding: bool,
}

/// What else sending a response changes, in the same transaction.
pub struct Submission<'a> {
    pub survey_id: i32,
    /// The tally layout's length, the response's groups and the cells it adds to.
    pub layout_len: usize,
    pub groups: &'a [crate::domain::tally::Group],
    pub cells: &'a [usize],
    pub free_text: &'a [FreeTextFlags],
}

/// Submit a response: its final answers as JSON and one row per answer, the running
/// tallies and each free-text answer's triage, in one transaction. Returns false,
/// storing nothing, when it was already submitted or its survey has closed.
pub fn submit(
    conn: &mut DbConnection,
    response_id: i32,
    answers: &Answers,
    rows: &[AnswerRow],
    extra: &Submission<'_>,
) -> Result<bool, DbError> {
    let at = now();
    let day = day_of(at);
    let final_json =
        serde_json::to_string(answers).map_err(|e| DbError::Corrupt(format!("answers: {e}")))?;
    conn.transaction(|conn| {
        // The status guard makes a replayed or concurrent submission a no-op.
        let n = diesel::update(
            responses::table
                .filter(responses::id.eq(response_id))
                .filter(responses::status.eq(ResponseStatus::InProgress.as_str()))
                .filter(responses::survey_id.eq_any(open_surveys!(at))),
        )
        .set((
            responses::status.eq(ResponseStatus::Submitted.as_str()),
            responses::answers.eq(&final_json),
            responses::resume_code_hash.eq(None::<String>),
            responses::started_at.eq(day),
            responses::submitted_at.eq(Some(day)),
            responses::updated_at.eq(day),
        ))
        .execute(conn)?;
        if n == 0 {
            return Ok(false);
        }
        // Every answer row in one statement: a response has dozens, and this runs
        // while the database's write lock is held.
        let values: Vec<_> = rows
            .iter()
            .map(|(question, option, number, text)| {
                let number = number
                    .map(|n| i32::try_from(n).unwrap_or(if n < 0 { i32::MIN } else { i32::MAX }));
                (
                    answers::response_id.eq(response_id),
                    answers::question_id.eq(question),
                    answers::option_id.eq(option.as_deref()),
                    answers::value_number.eq(number),
                    answers::value_text.eq(text.as_deref()),
                )
            })
            .collect();
        match conn {
            // A round trip to PostgreSQL costs more than building one statement for all
            // rows (diesel's multi-backend connection has no batch insert: its own).
            DbConnection::Pg(c) if !values.is_empty() => {
                diesel::insert_into(answers::table)
                    .values(&values)
                    .execute(c)?;
            }
            // SQLite has no round trip, and a one-row statement is prepared once and
            // reused, where a statement for this response's rows would be prepared anew.
            DbConnection::Pg(_) => {}
            DbConnection::Sqlite(c) => {
                for row in &values {
                    diesel::insert_into(answers::table).values(row).execute(c)?;
                }
            }
        }
        if !extra.free_text.is_empty() {
            // The free-text answers' rows, to hold each one's triage for review.
            let text_rows: Vec<(i32, String)> = answers::table
                .filter(answers::response_id.eq(response_id))
                .filter(answers::value_text.is_not_null())
                .select((answers::id, answers::question_id))
                .load(conn)?;
            for (answer_id, question) in text_rows {
                if let Some(flags) = extra.free_text.iter().find(|f| f.question_id == question) {
                    diesel::insert_into(free_text_reviews::table)
                        .values((
                            free_text_reviews::answer_id.eq(answer_id),
                            free_text_reviews::survey_id.eq(extra.survey_id),
                            free_text_reviews::question_id.eq(&question),
                            free_text_reviews::findings.eq(&flags.findings),
                            free_text_reviews::personal_data.eq(flags.personal_data),
                            free_text_reviews::safeguarding.eq(flags.safeguarding),
                            free_text_reviews::status.eq("to_review"),
                        ))
                        .execute(conn)?;
                }
            }
        }
        super::tallies::add(
            conn,
            extra.survey_id,
            extra.layout_len,
            extra.groups,
            extra.cells,
        )?;
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
        .filter(responses::status.eq(ResponseStatus::Submitted.as_str()))
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
        .filter(responses::status.eq(ResponseStatus::Submitted.as_str()))
        .group_by((answers::question_id, answers::option_id))
        .select((answers::question_id, answers::option_id, count_star()))
        .load(conn)?)
}

/// An answer row as stored (numbers are 32-bit in the database).
#[derive(Queryable)]
struct StoredAnswer {
    question_id: String,
    option_id: Option<String>,
    value_number: Option<i32>,
    value_text: Option<String>,
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

/// Every submitted response of one survey, in a random order that says nothing about
/// when each was sent, for the anonymised response export.
pub fn submitted(conn: &mut DbConnection, survey_id: i32) -> Result<Vec<Response>, DbError> {
    let mut rows: Vec<Response> = responses::table
        .filter(responses::survey_id.eq(survey_id))
        .filter(responses::status.eq(ResponseStatus::Submitted.as_str()))
        .select(ResponseRow::as_select())
        .load(conn)?
        .into_iter()
        .map(Response::try_from)
        .collect::<Result<_, _>>()?;
    // Ids grow with time: a random order, so the export's lines cannot be matched
    // against who was where when (a hash of the id could be worked back).
    use rand::seq::SliceRandom;
    rows.shuffle(&mut rand::thread_rng());
    Ok(rows)
}

/// Of these invitation response keys, those whose response has been sent.
pub fn sent_invitation_keys(
    conn: &mut DbConnection,
    survey_id: i32,
    keys: &[String],
) -> Result<Vec<String>, DbError> {
    let found: Vec<Option<String>> = responses::table
        .filter(responses::survey_id.eq(survey_id))
        .filter(responses::status.eq(ResponseStatus::Submitted.as_str()))
        .filter(responses::invitation_key.eq_any(keys))
        .select(responses::invitation_key)
        .load(conn)?;
    Ok(found.into_iter().flatten().collect())
}
