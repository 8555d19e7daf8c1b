//! Free-text answers held for an inspector's review before any quote is used.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{answers, free_text_reviews as r, responses, surveys};
use super::{now, DbConnection, DbError};

pub use crate::domain::evidence::ReviewStatus;

/// A free-text answer with its triage and review.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub id: i32,
    pub survey_id: i32,
    pub form_id: String,
    pub question_id: String,
    pub text: String,
    pub findings: String,
    pub personal_data: bool,
    pub safeguarding: bool,
    pub status: ReviewStatus,
    pub redacted: Option<String>,
    pub reviewed_at: Option<NaiveDateTime>,
}

type ReviewRow = (
    i32,
    i32,
    String,
    String,
    Option<String>,
    String,
    bool,
    bool,
    String,
    Option<String>,
    Option<NaiveDateTime>,
);

fn review(row: ReviewRow) -> Result<Review, DbError> {
    let (
        id,
        survey_id,
        form_id,
        question_id,
        text,
        findings,
        personal_data,
        safeguarding,
        status,
        redacted,
        reviewed_at,
    ) = row;
    Ok(Review {
        id,
        survey_id,
        form_id,
        question_id,
        text: text.unwrap_or_default(),
        findings,
        personal_data,
        safeguarding,
        status: super::stored("review status", &status, ReviewStatus::parse)?,
        redacted,
        reviewed_at,
    })
}

/// One page of an inspection's free-text answers, optionally of one status:
/// safeguarding first, then personal data, then the rest; those still to review
/// before those reviewed.
pub fn page(
    conn: &mut DbConnection,
    inspection_id: i32,
    status: Option<ReviewStatus>,
    offset: i64,
    limit: i64,
) -> Result<Vec<Review>, DbError> {
    let mut query = r::table
        .inner_join(answers::table.inner_join(responses::table.inner_join(surveys::table)))
        .filter(surveys::inspection_id.eq(inspection_id))
        .into_boxed();
    if let Some(status) = status {
        query = query.filter(r::status.eq(status.as_str()));
    }
    let rows: Vec<ReviewRow> = query
        .order((
            r::status.ne("to_review"),
            r::safeguarding.desc(),
            r::personal_data.desc(),
            r::id,
        ))
        .select((
            r::id,
            r::survey_id,
            surveys::form_id,
            r::question_id,
            answers::value_text,
            r::findings,
            r::personal_data,
            r::safeguarding,
            r::status,
            r::redacted,
            r::reviewed_at,
        ))
        .offset(offset)
        .limit(limit)
        .load(conn)?;
    rows.into_iter().map(review).collect()
}

/// How many free-text answers there are of each status, and how many still to
/// review are flagged for safeguarding.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub by_status: Vec<(ReviewStatus, i64)>,
    pub safeguarding_to_review: i64,
}

pub fn counts(conn: &mut DbConnection, inspection_id: i32) -> Result<Counts, DbError> {
    let ours = surveys::table
        .filter(surveys::inspection_id.eq(inspection_id))
        .select(surveys::id);
    let rows: Vec<(String, bool, i64)> = r::table
        .filter(r::survey_id.eq_any(ours))
        .group_by((r::status, r::safeguarding))
        .select((r::status, r::safeguarding, diesel::dsl::count_star()))
        .load(conn)?;
    let mut counts = Counts::default();
    for status in ReviewStatus::ALL {
        let n = rows
            .iter()
            .filter(|(s, ..)| s == status.as_str())
            .map(|(.., n)| n)
            .sum();
        counts.by_status.push((status, n));
    }
    counts.safeguarding_to_review = rows
        .iter()
        .filter(|(s, safeguarding, _)| s == "to_review" && *safeguarding)
        .map(|(.., n)| n)
        .sum();
    Ok(counts)
}

/// One answer of this inspection with its triage, if it is one.
pub fn find(
    conn: &mut DbConnection,
    inspection_id: i32,
    review_id: i32,
) -> Result<Option<Review>, DbError> {
    let row: Option<ReviewRow> = r::table
        .inner_join(answers::table.inner_join(responses::table.inner_join(surveys::table)))
        .filter(surveys::inspection_id.eq(inspection_id))
        .filter(r::id.eq(review_id))
        .select((
            r::id,
            r::survey_id,
            surveys::form_id,
            r::question_id,
            answers::value_text,
            r::findings,
            r::personal_data,
            r::safeguarding,
            r::status,
            r::redacted,
            r::reviewed_at,
        ))
        .get_result(conn)
        .optional()?;
    row.map(review).transpose()
}

/// The answers inspectors marked as usable, with their redacted text: the only
/// free text that may be quoted.
pub fn usable(conn: &mut DbConnection, inspection_id: i32) -> Result<Vec<Review>, DbError> {
    page(conn, inspection_id, Some(ReviewStatus::Usable), 0, i64::MAX)
}

/// Record an inspector's review of one answer of this inspection; false if there is
/// no such answer in it.
pub fn record(
    conn: &mut DbConnection,
    inspection_id: i32,
    review_id: i32,
    status: ReviewStatus,
    redacted: Option<&str>,
    by: i32,
) -> Result<bool, DbError> {
    let ours = surveys::table
        .filter(surveys::inspection_id.eq(inspection_id))
        .select(surveys::id);
    let n = diesel::update(
        r::table
            .filter(r::id.eq(review_id))
            .filter(r::survey_id.eq_any(ours)),
    )
    .set((
        r::status.eq(status.as_str()),
        r::redacted.eq(redacted),
        r::reviewed_by.eq(Some(by)),
        r::reviewed_at.eq(Some(now())),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// The redacted text of each free-text answer of one survey that an inspector
/// cleared for quoting, by (response id, question id).
pub fn cleared_texts(
    conn: &mut DbConnection,
    survey_id: i32,
) -> Result<std::collections::HashMap<(i32, String), String>, DbError> {
    let rows: Vec<(i32, String, Option<String>)> = r::table
        .inner_join(answers::table)
        .filter(r::survey_id.eq(survey_id))
        .filter(r::status.eq(ReviewStatus::Usable.as_str()))
        .select((answers::response_id, r::question_id, r::redacted))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(response, question, text)| text.map(|t| ((response, question), t)))
        .collect())
}
