//! Pure domain logic: no IO, no database, no HTTP. Everything here is parsed,
//! decided and tested in plain Rust so the web and storage layers stay thin.

pub mod access;
pub mod account;
pub mod answering;
pub mod audit;
pub mod framework;
pub mod inspection;
pub mod partnership;
pub mod problem;
pub mod refusal;
pub mod response;
pub mod survey;
pub mod survey_form;
pub mod team;
pub mod throttle;
