//! area-send: the evidence toolkit for area SEND inspections.
//!
//! The library builds the whole service from a [`config::Config`], so that the
//! binary and the integration tests start exactly the same server.

pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod web;
