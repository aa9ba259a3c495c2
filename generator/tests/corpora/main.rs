//! The generator's tests over the test data beside the repository
//! (`../shared`: the corpus, the OTC references, the seed pages), one binary
//! (`cargo test -p docspec --test corpora`). Where `../shared` is missing,
//! `build.rs` sets `cfg(shared_missing)` and each of these tests is listed as
//! ignored with what it skips.
//! To add a test file: put it in this folder and add its `pub mod` line below
//! (tests that do not read `../shared` go in `../suite/` the same way).

#[path = "../common/mod.rs"]
pub mod common;
/// The fuzzers' invariants (`generator/fuzz/`), which `import_fuzz` checks too.
#[cfg(feature = "import")]
#[path = "../../fuzz/invariants.rs"]
pub mod invariants;

pub mod constraint_corpus;
pub mod constraint_otc;
pub mod diff_revisions;
pub mod import_corpus;
pub mod import_fuzz;
pub mod import_seed;
pub mod names_over_shared;
pub mod phrase_corpus;
pub mod rst_equals_html;
