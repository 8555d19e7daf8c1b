//! Retention: which final inspections are due to have their personal and
//! response-level data removed, how much there is, and removing it.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::{
    case_notes, comment_documents, final_reports, free_text_reviews, inspections, invitations,
    outbox, partnerships, responses, review_comments, surveys,
};
use super::{DbConnection, DbError};

/// A final inspection not yet purged: (inspection, council, day it became final).
pub fn final_not_purged(conn: &mut DbConnection) -> Result<Vec<(i32, String, NaiveDate)>, DbError> {
    let rows: Vec<(i32, String, NaiveDateTime)> = final_reports::table
        .inner_join(inspections::table.inner_join(partnerships::table))
        .filter(final_reports::purged_at.is_null())
        .order(final_reports::inspection_id)
        .select((
            final_reports::inspection_id,
            partnerships::council_name,
            final_reports::finalised_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, council, at)| (id, council, at.date()))
        .collect())
}

/// How much of each kind an inspection holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Held {
    pub responses: i64,
    pub free_text: i64,
    pub invitations: i64,
    pub case_notes: i64,
    pub emails: i64,
    /// Supporting documents sent with factual accuracy comments (they may name
    /// people; the comments themselves stay, as the record of the check).
    pub supporting_documents: i64,
}

fn comment_ids(conn: &mut DbConnection, inspection_id: i32) -> Result<Vec<i32>, DbError> {
    Ok(review_comments::table
        .filter(review_comments::inspection_id.eq(inspection_id))
        .select(review_comments::id)
        .load(conn)?)
}

fn survey_ids(conn: &mut DbConnection, inspection_id: i32) -> Result<Vec<i32>, DbError> {
    Ok(surveys::table
        .filter(surveys::inspection_id.eq(inspection_id))
        .select(surveys::id)
        .load(conn)?)
}

pub fn held(conn: &mut DbConnection, inspection_id: i32) -> Result<Held, DbError> {
    let surveys = survey_ids(conn, inspection_id)?;
    let comments = comment_ids(conn, inspection_id)?;
    Ok(Held {
        responses: responses::table
            .filter(responses::survey_id.eq_any(&surveys))
            .count()
            .get_result(conn)?,
        free_text: free_text_reviews::table
            .filter(free_text_reviews::survey_id.eq_any(&surveys))
            .count()
            .get_result(conn)?,
        invitations: invitations::table
            .filter(invitations::survey_id.eq_any(&surveys))
            .count()
            .get_result(conn)?,
        case_notes: case_notes::table
            .filter(case_notes::inspection_id.eq(inspection_id))
            .count()
            .get_result(conn)?,
        emails: outbox::table
            .filter(outbox::inspection_id.eq(inspection_id))
            .count()
            .get_result(conn)?,
        supporting_documents: comment_documents::table
            .filter(comment_documents::comment_id.eq_any(&comments))
            .count()
            .get_result(conn)?,
    })
}

/// Claim the inspection for purging (false if another instance has just purged it).
/// Call first, inside the purge's transaction.
pub fn claim(
    conn: &mut DbConnection,
    inspection_id: i32,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    Ok(diesel::update(
        final_reports::table
            .find(inspection_id)
            .filter(final_reports::purged_at.is_null()),
    )
    .set(final_reports::purged_at.eq(Some(now)))
    .execute(conn)?
        == 1)
}

/// Remove it all (answers and free-text reviews go with their responses). Call
/// inside a transaction, after [`claim`].
pub fn purge(conn: &mut DbConnection, inspection_id: i32) -> Result<(), DbError> {
    let surveys = survey_ids(conn, inspection_id)?;
    diesel::delete(outbox::table.filter(outbox::inspection_id.eq(inspection_id))).execute(conn)?;
    diesel::delete(responses::table.filter(responses::survey_id.eq_any(&surveys))).execute(conn)?;
    diesel::delete(invitations::table.filter(invitations::survey_id.eq_any(&surveys)))
        .execute(conn)?;
    diesel::delete(case_notes::table.filter(case_notes::inspection_id.eq(inspection_id)))
        .execute(conn)?;
    let comments = comment_ids(conn, inspection_id)?;
    diesel::delete(
        comment_documents::table.filter(comment_documents::comment_id.eq_any(&comments)),
    )
    .execute(conn)?;
    Ok(())
}
