//! Any bytes, imported as a page (the importer tells HTML from copied text
//! by the content), then, for a spec, read back from its YAML, linted,
//! resolved and emitted. A panic anywhere, or a result that breaks the
//! importer's promises (`invariants.rs`), is a crash.
//!
//! ```text
//! cd generator
//! cargo +nightly fuzz run import ../target/fuzz-corpus ../../shared/corpus ../../shared/seed -- \
//!     -max_len=262144 -timeout=30 -max_total_time=600 -artifact_prefix=../target/fuzz-artifacts/
//! ```
//!
//! The first folder receives new inputs; keep it under `target/`, since the
//! inputs grown from the real pages must not be committed.
#![no_main]

use docspec_fuzz::check_import;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = check_import(Path::new("Fuzz.html"), data, true, &mut |_| {}) {
        panic!("{broken}");
    }
});
