//! What the importer promises for any bytes, checked the same way by every
//! harness that feeds it pages: the libFuzzer target
//! (`fuzz_targets/import.rs`), the stable mutational fuzzer
//! (`fuzz_import.rs`) and the proptests of `tests/corpora/import_fuzz.rs` (which
//! include this file as a module).
//!
//! The promises: a failed import has an error; a successful one has none;
//! every finding is located in the page (its file, a line of it); the YAML
//! written reads back to the spec imported; and the later stages (lint,
//! resolve, emit) take what the importer gives without panicking, an emitted
//! spec giving files.

use docspec::import::{import_page, ImportOptions, Imported};
use docspec::{emit, lint, resolve, spec, Diagnostics};
use std::path::Path;

/// The stages a page goes through, in order (for timing each).
pub const STAGES: [&str; 5] = ["import", "read back", "lint", "resolve", "emit"];

/// How far a page went, its promises kept.
#[derive(Debug)]
pub enum Outcome {
    /// The import failed, with an error located in the page.
    Rejected,
    /// Imported; the later stages were not asked for.
    Imported(Imported),
    /// Imported, but the spec does not resolve (the docs have errors the generator reports).
    Unresolved(Imported),
    /// Imported, resolved and emitted.
    Emitted(Imported),
}

/// Imports `bytes` as the page `path` and checks the importer's promises,
/// then (with `later_stages`) reads the YAML back, lints, resolves and
/// emits. `ended` is called with the index in [`STAGES`] of each stage as it
/// ends. `Err` says which promise was broken.
pub fn check_import(
    path: &Path,
    bytes: &[u8],
    later_stages: bool,
    ended: &mut dyn FnMut(usize),
) -> Result<Outcome, String> {
    // A page of n newlines has n + 1 lines; lossy decoding does not add any.
    let page_lines = 1 + bytes.iter().filter(|&&b| b == b'\n').count();
    let options = ImportOptions {
        service: "fuzz".to_owned(),
        operation: None,
    };
    let result = import_page(path, bytes, &options);
    ended(0);
    let imported = match result {
        Err(diagnostics) => {
            if !diagnostics.has_errors() {
                return Err(format!(
                    "the import failed without an error:\n{diagnostics}"
                ));
            }
            located(&diagnostics, path, page_lines)?;
            return Ok(Outcome::Rejected);
        }
        Ok(imported) => imported,
    };
    if imported.diagnostics.has_errors() {
        return Err(format!(
            "the import succeeded with an error:\n{}",
            imported.diagnostics
        ));
    }
    located(&imported.diagnostics, path, page_lines)?;
    if !later_stages {
        return Ok(Outcome::Imported(imported));
    }
    let loaded = spec::parse_str(Path::new("fuzz/Fuzz.yaml"), &imported.yaml).map_err(|d| {
        format!(
            "the imported YAML does not read back:\n{d}\n{}",
            imported.yaml
        )
    })?;
    ended(1);
    if loaded.spec != imported.spec {
        return Err(format!(
            "the imported YAML reads back to another spec:\n{}",
            imported.yaml
        ));
    }
    let _ = lint::lint(&loaded).diagnostics();
    ended(2);
    let resolved = resolve::resolve(std::slice::from_ref(&loaded));
    ended(3);
    match resolved {
        Ok(resolved) => {
            let files = emit::emit(&resolved.api, emit::DEFAULT_COMMAND);
            ended(4);
            if files.is_empty() {
                return Err("the emitter wrote no files".to_owned());
            }
            Ok(Outcome::Emitted(imported))
        }
        Err(_) => Ok(Outcome::Unresolved(imported)),
    }
}

/// Every finding is about `path`, at one of its `page_lines` lines.
fn located(diagnostics: &Diagnostics, path: &Path, page_lines: usize) -> Result<(), String> {
    match diagnostics
        .iter()
        .find(|d| d.location.file != path || !(1..=page_lines).contains(&d.location.line))
    {
        Some(d) => Err(format!(
            "a finding outside the page ({page_lines} lines): {}:{}: {}",
            d.location.file.display(),
            d.location.line,
            d.message
        )),
        None => Ok(()),
    }
}
