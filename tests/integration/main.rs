//! The integration tests: one binary, so it is built and linked once. Every test
//! starts the real server on a random port over a fresh database (SQLite, or
//! PostgreSQL when AREA_SEND_TEST_POSTGRES_URL is set) and drives it over HTTP.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

mod auth;
mod cli;
mod distribution;
mod errors;
mod evidence;
mod forms;
mod inspections;
mod monitoring;
mod outbox;
mod report;
mod retention;
mod review;
mod storage;
mod surveys;
mod versions;
