//! Any bytes, imported as a page (the importer tells HTML from copied text
//! by the content), then, for a spec, read back from its YAML, linted,
//! resolved and emitted. A panic anywhere, or a result that breaks the
//! importer's promises, is a crash.
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

use docspec::import::{import_page, ImportOptions};
use docspec::{emit, lint, resolve, spec};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("Fuzz.html");
    let lines = 1 + data.iter().filter(|&&b| b == b'\n').count();
    let options = ImportOptions {
        service: "fuzz".to_owned(),
        operation: None,
    };
    let located = |diagnostics: &docspec::Diagnostics| {
        diagnostics
            .iter()
            .all(|d| d.location.file == path && (1..=lines).contains(&d.location.line))
    };
    let imported = match import_page(path, data, &options) {
        Ok(imported) => imported,
        Err(diagnostics) => {
            assert!(diagnostics.has_errors(), "failed without an error");
            assert!(located(&diagnostics), "outside the page:\n{diagnostics}");
            return;
        }
    };
    assert!(!imported.diagnostics.has_errors());
    assert!(
        located(&imported.diagnostics),
        "outside the page:\n{}",
        imported.diagnostics
    );
    let loaded = spec::parse_str(Path::new("fuzz/Fuzz.yaml"), &imported.yaml)
        .unwrap_or_else(|d| panic!("the YAML does not read back:\n{d}"));
    assert_eq!(
        loaded.spec, imported.spec,
        "the YAML reads back to another spec"
    );
    let _ = lint::lint(&loaded);
    if let Ok(resolved) = resolve::resolve(std::slice::from_ref(&loaded)) {
        let _ = emit::emit(&resolved.api, emit::DEFAULT_COMMAND);
    }
});
