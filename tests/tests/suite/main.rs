//! The everyday tests across the generator and the generated crate, one
//! binary (`cargo test -p docspec-tests --test suite`): the reference crate's
//! client, validation and transport, and `generated/` being fresh.
//! To add a test file: put it in this folder and add its `pub mod` line below
//! (tests that generate and build whole crates go in `../crates/` the same way).
//!
//! Each module was a test binary of its own; one binary links once.

pub mod generated_is_fresh;
pub mod reference_boundaries;
pub mod reference_client;
pub mod reference_transport;
