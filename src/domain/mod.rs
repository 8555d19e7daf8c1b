//! Pure domain logic: no IO, no database, no HTTP. Everything here is parsed,
//! decided and tested in plain Rust so the web and storage layers stay thin.

pub mod access;
pub mod account;
pub mod answering;
pub mod audit;
pub mod collation;
pub mod easy_read;
pub mod evidence;
pub mod findings;
pub mod framework;
pub mod indicator;
pub mod inspection;
pub mod invitation;
pub mod matrix;
pub mod narrative;
pub mod outbox;
pub mod outcome;
pub mod partnership;
pub mod problem;
pub mod refusal;
pub mod report;
pub mod report_diff;
pub mod representativeness;
pub mod response;
pub mod schedule;
pub mod setting;
pub mod suppression;
pub mod survey;
pub mod survey_form;
pub mod tally;
pub mod team;
pub mod throttle;
pub mod tracking;
pub mod triage;
