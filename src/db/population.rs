//! The known SEND population by a survey's grouping answers, entered by an
//! inspector, for the representativeness page.

use diesel::prelude::*;

use super::schema::population_counts as p;
use super::{DbConnection, DbError};

/// One entered count: for a form's grouping question and one of its answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PopulationCount {
    pub form_id: String,
    pub question_id: String,
    pub option_id: String,
    pub count: u64,
}

pub fn for_inspection(
    conn: &mut DbConnection,
    inspection_id: i32,
) -> Result<Vec<PopulationCount>, DbError> {
    let rows: Vec<(String, String, String, i32)> = p::table
        .filter(p::inspection_id.eq(inspection_id))
        .order((p::form_id, p::grouping_question, p::id))
        .select((p::form_id, p::grouping_question, p::option_id, p::count))
        .load(conn)?;
    rows.into_iter()
        .map(|(form_id, question_id, option_id, count)| {
            Ok(PopulationCount {
                count: u64::try_from(count)
                    .map_err(|_| DbError::Corrupt(format!("population count {count}")))?,
                form_id,
                question_id,
                option_id,
            })
        })
        .collect()
}

/// Replace the counts entered for one grouping question: a `None` clears that
/// answer's count. The caller holds the transaction.
pub fn replace(
    conn: &mut DbConnection,
    inspection_id: i32,
    form_id: &str,
    question_id: &str,
    counts: &[(String, Option<u64>)],
) -> Result<(), DbError> {
    diesel::delete(
        p::table
            .filter(p::inspection_id.eq(inspection_id))
            .filter(p::form_id.eq(form_id))
            .filter(p::grouping_question.eq(question_id)),
    )
    .execute(conn)?;
    for (option_id, count) in counts {
        let Some(count) = count else { continue };
        let count = i32::try_from(*count)
            .map_err(|_| DbError::Corrupt(format!("population count {count}")))?;
        diesel::insert_into(p::table)
            .values((
                p::inspection_id.eq(inspection_id),
                p::form_id.eq(form_id),
                p::grouping_question.eq(question_id),
                p::option_id.eq(option_id),
                p::count.eq(count),
            ))
            .execute(conn)?;
    }
    Ok(())
}
