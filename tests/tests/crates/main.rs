//! The tests that generate whole crates and build them with cargo, one
//! binary (`cargo test -p docspec-tests --test crates`): the feature fixture,
//! the corpus, the OTC doc site (from its HTML and its reStructuredText), the
//! ModelArts export, and the docs of generated crates. Most read the test data
//! beside the repository (`../shared`); where it is missing, `build.rs` sets
//! `cfg(shared_missing)` and those tests are listed as ignored with what they
//! skip. The crates build one at a time in one shared target folder (see
//! `docspec_tests::cargo_in`), while the other tests import and generate.
//! To add a test file: put it in this folder and add its `pub mod` line below
//! (quick tests that build no crate go in `../suite/` the same way).
//!
//! Each module was a test binary of its own; one binary links once.

pub mod corpus_pipeline;
pub mod feature_crate;
pub mod otc;
pub mod rustdoc;
pub mod whole_service;
