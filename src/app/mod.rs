//! Use cases: each function carries out one thing a person asks for, in one
//! transaction: it reads what the domain needs, asks the domain to decide, and
//! writes the decision, its effects and its audit entry together. Web handlers and
//! CLI commands both call these, so the two can never differ.

pub mod accounts;
pub mod distribution;
pub mod evidence;
pub mod inspections;
pub mod monitoring;
pub mod report;
pub mod responses;
pub mod results;
pub mod retention;
pub mod review;

use crate::db::{DbError, Retry};
use crate::domain::refusal::Refusal;

/// What a use case can end with besides success.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The domain said no; the person is told why.
    #[error(transparent)]
    Refused(Refusal),
    /// Something named does not exist (or is not visible to this person).
    #[error("not found")]
    NotFound,
    /// Anything else is unexpected: logged whole, and a generic page for the person.
    #[error(transparent)]
    Store(DbError),
}

/// Each of the domain's refusals is a refusal of the use case.
macro_rules! refusals {
    ($($t:ty),*) => {$(
        impl From<$t> for AppError {
            fn from(r: $t) -> Self {
                AppError::Refused(r.into())
            }
        }
    )*};
}

refusals!(
    Refusal,
    crate::domain::inspection::TransitionError,
    crate::domain::team::TeamError,
    crate::domain::account::AccountError,
    crate::domain::partnership::PartnershipProblem,
    crate::domain::survey::ResponseRefusal,
    crate::domain::outcome::ReportRefusal,
    crate::domain::schedule::ScheduleProblem,
    crate::domain::setting::SettingProblem,
    crate::domain::review::ReviewRefusal,
    crate::domain::monitoring::MonitoringRefusal,
    crate::domain::password_link::LinkProblem
);

impl From<DbError> for AppError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::NotFound => AppError::NotFound,
            // Two people making the same thing at the same moment: the second is told.
            DbError::Duplicate(_) => AppError::Refused(Refusal::AlreadyExists),
            other => AppError::Store(other),
        }
    }
}

impl From<diesel::result::Error> for AppError {
    #[track_caller]
    fn from(e: diesel::result::Error) -> Self {
        AppError::from(DbError::from(e))
    }
}

impl Retry for AppError {
    fn is_busy(&self) -> bool {
        matches!(self, AppError::Store(e) if e.is_busy())
    }
}
