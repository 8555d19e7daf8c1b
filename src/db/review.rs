//! The factual accuracy check: the review of a draft, its reviewers, their comments
//! with the inspectors' answers, and the final report.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::{
    comment_documents, final_reports, inspections, memberships, review_comments, review_reviewers,
    reviews, users,
};

/// Reminders and closing notices go only while the draft is with the partnership.
const IN_CHECK: &str = "factual_accuracy_check";
use super::{stored, DbConnection, DbError};
use crate::domain::access::Role;
use crate::domain::review::{Answer, CommentDraft, CommentKind, Organisation};

/// A draft sent to the partnership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub inspection_id: i32,
    pub version_number: i32,
    pub working_days: i32,
    pub sent_at: NaiveDateTime,
    pub closes_at: NaiveDateTime,
    pub remind_at: NaiveDateTime,
    pub reminded: bool,
    pub closed_told: bool,
    pub extensions: i32,
    pub answers_published_at: Option<NaiveDateTime>,
}

type ReviewRow = (
    i32,
    i32,
    i32,
    NaiveDateTime,
    NaiveDateTime,
    NaiveDateTime,
    bool,
    bool,
    i32,
    Option<NaiveDateTime>,
);

fn review_of(r: ReviewRow) -> Review {
    Review {
        inspection_id: r.0,
        version_number: r.1,
        working_days: r.2,
        sent_at: r.3,
        closes_at: r.4,
        remind_at: r.5,
        reminded: r.6,
        closed_told: r.7,
        extensions: r.8,
        answers_published_at: r.9,
    }
}

const REVIEW_COLUMNS: (
    reviews::inspection_id,
    reviews::version_number,
    reviews::working_days,
    reviews::sent_at,
    reviews::closes_at,
    reviews::remind_at,
    reviews::reminded,
    reviews::closed_told,
    reviews::extensions,
    reviews::answers_published_at,
) = (
    reviews::inspection_id,
    reviews::version_number,
    reviews::working_days,
    reviews::sent_at,
    reviews::closes_at,
    reviews::remind_at,
    reviews::reminded,
    reviews::closed_told,
    reviews::extensions,
    reviews::answers_published_at,
);

pub fn find(conn: &mut DbConnection, inspection_id: i32) -> Result<Option<Review>, DbError> {
    let row: Option<ReviewRow> = reviews::table
        .find(inspection_id)
        .select(REVIEW_COLUMNS)
        .get_result(conn)
        .optional()?;
    Ok(row.map(review_of))
}

/// Start a review (replacing an earlier one of the inspection, if the draft went
/// back), with its reviewers.
pub fn start(
    conn: &mut DbConnection,
    review: &Review,
    sent_by: i32,
    reviewers: &[(i32, Organisation)],
) -> Result<(), DbError> {
    diesel::delete(reviews::table.find(review.inspection_id)).execute(conn)?;
    diesel::delete(
        review_reviewers::table.filter(review_reviewers::inspection_id.eq(review.inspection_id)),
    )
    .execute(conn)?;
    // Comments never sent in an earlier round (on an earlier draft) are dropped; sent
    // ones stay, with their answers, for the record.
    diesel::delete(
        review_comments::table
            .filter(review_comments::inspection_id.eq(review.inspection_id))
            .filter(review_comments::submitted_at.is_null()),
    )
    .execute(conn)?;
    diesel::insert_into(reviews::table)
        .values((
            reviews::inspection_id.eq(review.inspection_id),
            reviews::version_number.eq(review.version_number),
            reviews::working_days.eq(review.working_days),
            reviews::sent_by.eq(Some(sent_by)),
            reviews::sent_at.eq(review.sent_at),
            reviews::closes_at.eq(review.closes_at),
            reviews::remind_at.eq(review.remind_at),
        ))
        .execute(conn)?;
    for (user_id, organisation) in reviewers {
        diesel::insert_into(review_reviewers::table)
            .values((
                review_reviewers::inspection_id.eq(review.inspection_id),
                review_reviewers::user_id.eq(user_id),
                review_reviewers::organisation.eq(organisation.as_text()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Someone left the team: they are no longer a reviewer of its check.
pub fn remove_reviewer(
    conn: &mut DbConnection,
    inspection_id: i32,
    user_id: i32,
) -> Result<(), DbError> {
    diesel::delete(
        review_reviewers::table
            .filter(review_reviewers::inspection_id.eq(inspection_id))
            .filter(review_reviewers::user_id.eq(user_id)),
    )
    .execute(conn)?;
    Ok(())
}

/// The check is over (final): no reminder or closing notice is still to come.
pub fn settle(conn: &mut DbConnection, inspection_id: i32) -> Result<(), DbError> {
    diesel::update(reviews::table.find(inspection_id))
        .set((reviews::reminded.eq(true), reviews::closed_told.eq(true)))
        .execute(conn)?;
    Ok(())
}

/// A new closing time (the lead extended the check).
pub fn extend(
    conn: &mut DbConnection,
    inspection_id: i32,
    closes_at: NaiveDateTime,
    remind_at: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(reviews::table.find(inspection_id))
        .set((
            reviews::closes_at.eq(closes_at),
            reviews::remind_at.eq(remind_at),
            reviews::reminded.eq(false),
            reviews::closed_told.eq(false),
            reviews::extensions.eq(reviews::extensions + 1),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn publish_answers(
    conn: &mut DbConnection,
    inspection_id: i32,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(reviews::table.find(inspection_id))
        .set(reviews::answers_published_at.eq(Some(now)))
        .execute(conn)?;
    Ok(())
}

/// Reviews due their reminder (`remind_at` passed, still open, not yet reminded),
/// marked reminded as they are read, so two instances never both remind.
pub fn take_due_reminders(
    conn: &mut DbConnection,
    now: NaiveDateTime,
) -> Result<Vec<Review>, DbError> {
    let due: Vec<ReviewRow> = reviews::table
        .inner_join(inspections::table)
        .filter(inspections::status.eq(IN_CHECK))
        .filter(reviews::reminded.eq(false))
        .filter(reviews::remind_at.le(now))
        .filter(reviews::closes_at.gt(now))
        .select(REVIEW_COLUMNS)
        .load(conn)?;
    let mut taken = vec![];
    for row in due {
        let n = diesel::update(
            reviews::table
                .find(row.0)
                .filter(reviews::reminded.eq(false)),
        )
        .set(reviews::reminded.eq(true))
        .execute(conn)?;
        if n == 1 {
            taken.push(review_of(row));
        }
    }
    Ok(taken)
}

/// Reviews whose check has closed and nobody has been told, marked told.
pub fn take_closed(conn: &mut DbConnection, now: NaiveDateTime) -> Result<Vec<Review>, DbError> {
    let due: Vec<ReviewRow> = reviews::table
        .inner_join(inspections::table)
        .filter(inspections::status.eq(IN_CHECK))
        .filter(reviews::closed_told.eq(false))
        .filter(reviews::closes_at.le(now))
        .select(REVIEW_COLUMNS)
        .load(conn)?;
    let mut taken = vec![];
    for row in due {
        let n = diesel::update(
            reviews::table
                .find(row.0)
                .filter(reviews::closed_told.eq(false)),
        )
        .set(reviews::closed_told.eq(true))
        .execute(conn)?;
        if n == 1 {
            taken.push(review_of(row));
        }
    }
    Ok(taken)
}

/// The inspection's members: (user, role, ICB), for choosing reviewers.
pub fn memberships(
    conn: &mut DbConnection,
    inspection_id: i32,
) -> Result<Vec<(i32, Role, Option<i32>)>, DbError> {
    let rows: Vec<(i32, String, Option<i32>)> = memberships::table
        .filter(memberships::inspection_id.eq(inspection_id))
        .select((memberships::user_id, memberships::role, memberships::icb_id))
        .load(conn)?;
    rows.into_iter()
        .map(|(u, r, i)| Ok((u, stored("role", &r, Role::parse)?, i)))
        .collect()
}

/// A reviewer of a review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reviewer {
    pub user_id: i32,
    pub name: String,
    pub email: String,
    pub organisation: Organisation,
    pub submitted_at: Option<NaiveDateTime>,
}

pub fn reviewers(conn: &mut DbConnection, inspection_id: i32) -> Result<Vec<Reviewer>, DbError> {
    let rows: Vec<(i32, String, String, String, Option<NaiveDateTime>)> = review_reviewers::table
        .inner_join(users::table)
        .filter(review_reviewers::inspection_id.eq(inspection_id))
        .order(users::display_name)
        .select((
            review_reviewers::user_id,
            users::display_name,
            users::email,
            review_reviewers::organisation,
            review_reviewers::submitted_at,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(user_id, name, email, organisation, submitted_at)| {
            Ok(Reviewer {
                user_id,
                name,
                email,
                organisation: stored("organisation", &organisation, Organisation::parse)?,
                submitted_at,
            })
        })
        .collect()
}

/// A reviewer has sent their comments: they, and their comments, are submitted.
pub fn submit(
    conn: &mut DbConnection,
    inspection_id: i32,
    user_id: i32,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let n = diesel::update(
        review_reviewers::table
            .filter(review_reviewers::inspection_id.eq(inspection_id))
            .filter(review_reviewers::user_id.eq(user_id))
            .filter(review_reviewers::submitted_at.is_null()),
    )
    .set(review_reviewers::submitted_at.eq(Some(now)))
    .execute(conn)?;
    diesel::update(
        review_comments::table
            .filter(review_comments::inspection_id.eq(inspection_id))
            .filter(review_comments::author_id.eq(user_id))
            .filter(review_comments::submitted_at.is_null()),
    )
    .set(review_comments::submitted_at.eq(Some(now)))
    .execute(conn)?;
    Ok(n == 1)
}

/// A comment with its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub id: i32,
    pub inspection_id: i32,
    pub version_number: i32,
    pub paragraph_id: String,
    pub paragraph_number: i32,
    pub author_id: Option<i32>,
    pub organisation: Organisation,
    pub kind: CommentKind,
    pub comment: String,
    pub correction: String,
    pub submitted_at: Option<NaiveDateTime>,
    pub answer: Option<Answer>,
}

type CommentRow = (
    (i32, i32, i32, String, i32, Option<i32>, String, String),
    (
        String,
        String,
        Option<NaiveDateTime>,
        Option<String>,
        String,
        Option<i32>,
    ),
);

fn comment_of(r: CommentRow) -> Result<Comment, DbError> {
    let (
        (id, inspection_id, version_number, paragraph_id, paragraph_number, author_id, org, kind),
        rest,
    ) = r;
    let (comment, correction, submitted_at, answer, answer_text, answer_version) = rest;
    let answer = match (answer.as_deref(), answer_version) {
        (None, _) => None,
        (Some("accepted"), Some(version)) => Some(Answer::Accepted {
            version,
            note: answer_text,
        }),
        (Some("partly_accepted"), Some(version)) => Some(Answer::PartlyAccepted {
            version,
            reason: answer_text,
        }),
        (Some("not_accepted"), _) => Some(Answer::NotAccepted {
            reason: answer_text,
        }),
        (Some(other), _) => {
            return Err(DbError::Corrupt(format!("comment {id} answer {other}")));
        }
    };
    Ok(Comment {
        id,
        inspection_id,
        version_number,
        paragraph_id,
        paragraph_number,
        author_id,
        organisation: stored("organisation", &org, Organisation::parse)?,
        kind: stored("comment kind", &kind, CommentKind::parse)?,
        comment,
        correction,
        submitted_at,
        answer,
    })
}

macro_rules! comment_columns {
    () => {
        (
            (
                review_comments::id,
                review_comments::inspection_id,
                review_comments::version_number,
                review_comments::paragraph_id,
                review_comments::paragraph_number,
                review_comments::author_id,
                review_comments::organisation,
                review_comments::kind,
            ),
            (
                review_comments::comment,
                review_comments::correction,
                review_comments::submitted_at,
                review_comments::answer,
                review_comments::answer_text,
                review_comments::answer_version,
            ),
        )
    };
}

/// The comments on the inspection's review, in paragraph order.
pub fn comments(conn: &mut DbConnection, inspection_id: i32) -> Result<Vec<Comment>, DbError> {
    let rows: Vec<CommentRow> = review_comments::table
        .filter(review_comments::inspection_id.eq(inspection_id))
        .order((review_comments::paragraph_number, review_comments::id))
        .select(comment_columns!())
        .load(conn)?;
    rows.into_iter().map(comment_of).collect()
}

pub fn comment(conn: &mut DbConnection, id: i32) -> Result<Option<Comment>, DbError> {
    let row: Option<CommentRow> = review_comments::table
        .find(id)
        .select(comment_columns!())
        .get_result(conn)
        .optional()?;
    row.map(comment_of).transpose()
}

/// Where a new comment comes from.
pub struct CommentOrigin {
    pub inspection_id: i32,
    pub version_number: i32,
    pub paragraph_number: i32,
    pub author_id: i32,
    pub organisation: Organisation,
}

pub fn insert_comment(
    conn: &mut DbConnection,
    origin: &CommentOrigin,
    draft: &CommentDraft,
    now: NaiveDateTime,
) -> Result<i32, DbError> {
    Ok(diesel::insert_into(review_comments::table)
        .values((
            review_comments::inspection_id.eq(origin.inspection_id),
            review_comments::version_number.eq(origin.version_number),
            review_comments::paragraph_id.eq(&draft.paragraph),
            review_comments::paragraph_number.eq(origin.paragraph_number),
            review_comments::author_id.eq(Some(origin.author_id)),
            review_comments::organisation.eq(origin.organisation.as_text()),
            review_comments::kind.eq(draft.kind.as_str()),
            review_comments::comment.eq(&draft.comment),
            review_comments::correction.eq(&draft.correction),
            review_comments::created_at.eq(now),
            review_comments::updated_at.eq(now),
        ))
        .returning(review_comments::id)
        .get_result(conn)?)
}

/// Remove a comment not yet sent, by its author; true if it went.
pub fn delete_comment(conn: &mut DbConnection, id: i32, author_id: i32) -> Result<bool, DbError> {
    Ok(diesel::delete(
        review_comments::table
            .filter(review_comments::id.eq(id))
            .filter(review_comments::author_id.eq(author_id))
            .filter(review_comments::submitted_at.is_null()),
    )
    .execute(conn)?
        == 1)
}

pub fn answer(
    conn: &mut DbConnection,
    id: i32,
    answer: &Answer,
    by: i32,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    let (kind, text, version) = match answer {
        Answer::Accepted { version, note } => ("accepted", note.as_str(), Some(*version)),
        Answer::PartlyAccepted { version, reason } => {
            ("partly_accepted", reason.as_str(), Some(*version))
        }
        Answer::NotAccepted { reason } => ("not_accepted", reason.as_str(), None),
    };
    diesel::update(review_comments::table.find(id))
        .set((
            review_comments::answer.eq(Some(kind)),
            review_comments::answer_text.eq(text),
            review_comments::answer_version.eq(version),
            review_comments::answered_by.eq(Some(by)),
            review_comments::answered_at.eq(Some(now)),
        ))
        .execute(conn)?;
    Ok(())
}

/// The final report of an inspection: its version and publication date.
pub fn final_report(
    conn: &mut DbConnection,
    inspection_id: i32,
) -> Result<Option<(i32, NaiveDate)>, DbError> {
    Ok(final_reports::table
        .find(inspection_id)
        .select((final_reports::version_number, final_reports::published_on))
        .get_result(conn)
        .optional()?)
}

pub fn finalise(
    conn: &mut DbConnection,
    inspection_id: i32,
    version_number: i32,
    published_on: NaiveDate,
    by: i32,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(final_reports::table)
        .values((
            final_reports::inspection_id.eq(inspection_id),
            final_reports::version_number.eq(version_number),
            final_reports::published_on.eq(published_on),
            final_reports::finalised_by.eq(Some(by)),
            final_reports::finalised_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// A reviewer's supporting document, kept with their comment.
pub struct CommentDocument {
    pub file_name: String,
    pub media_type: String,
    pub content: Vec<u8>,
}

pub fn attach_document(
    conn: &mut DbConnection,
    comment_id: i32,
    document: &CommentDocument,
) -> Result<(), DbError> {
    diesel::insert_into(comment_documents::table)
        .values((
            comment_documents::comment_id.eq(comment_id),
            comment_documents::file_name.eq(&document.file_name),
            comment_documents::media_type.eq(&document.media_type),
            comment_documents::byte_size
                .eq(i32::try_from(document.content.len()).unwrap_or(i32::MAX)),
            comment_documents::content.eq(&document.content),
        ))
        .execute(conn)?;
    Ok(())
}

/// The names of the documents attached to an inspection's comments, by comment.
pub fn document_names(
    conn: &mut DbConnection,
    inspection_id: i32,
) -> Result<std::collections::BTreeMap<i32, String>, DbError> {
    let rows: Vec<(i32, String)> = comment_documents::table
        .inner_join(review_comments::table)
        .filter(review_comments::inspection_id.eq(inspection_id))
        .select((comment_documents::comment_id, comment_documents::file_name))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// One comment's document, if it has one.
pub fn document(
    conn: &mut DbConnection,
    comment_id: i32,
) -> Result<Option<CommentDocument>, DbError> {
    let row: Option<(String, String, Vec<u8>)> = comment_documents::table
        .find(comment_id)
        .select((
            comment_documents::file_name,
            comment_documents::media_type,
            comment_documents::content,
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(|(file_name, media_type, content)| CommentDocument {
        file_name,
        media_type,
        content,
    }))
}
