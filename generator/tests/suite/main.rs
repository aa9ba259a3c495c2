//! The generator's everyday tests, one binary (`cargo test -p docspec --test
//! suite`): everything that needs neither `../shared` nor much time.
//! To add a test file: put it in this folder and add its `pub mod` line below
//! (tests that read `../shared` go in `../corpora/` the same way).
//!
//! Each module was a test binary of its own; one binary links once.

#[path = "../common/mod.rs"]
pub mod common;
#[path = "../../benches/synth/mod.rs"]
pub mod synth;

pub mod builder_runtime_path;
pub mod check;
pub mod cli;
pub mod diff;
pub mod import_examples;
pub mod lint;
pub mod openapi_export;
pub mod printed_as_prettyplease;
pub mod readme;
pub mod spec_errors;
pub mod synth_specs;
pub mod value_notes;
pub mod whole_service;
