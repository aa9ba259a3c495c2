//! Every service of the Open Telekom Cloud references in `../shared/otc`, at
//! every revision there, from its reStructuredText sources
//! (`<service>/<commit>/rst`, an `api-ref/source` tree) end to end: imported
//! folder by folder, generated into one crate without hand edits (one module
//! per service and revision), built and linted with clippy, warnings denied,
//! and every example test of that crate run. The crate and its specs are
//! removed afterwards.
//!
//! Where `../shared` is missing, the test says so and passes.

use docspec::import::import_service;
use docspec_tests::{build_and_pass_every_example, clippy, scratch_dir, workspace};
use std::path::{Path, PathBuf};

/// `(module name, rst folder)` for every revision: `cloud-container-engine`
/// at `56bd717` is `cce_56bd717`.
fn revisions(otc: &Path) -> Vec<(String, PathBuf)> {
    let mut found = Vec::new();
    for service in std::fs::read_dir(otc).unwrap().map(|e| e.unwrap().path()) {
        let Ok(commits) = std::fs::read_dir(&service) else {
            continue;
        };
        let name = service.file_name().unwrap().to_string_lossy().into_owned();
        let initials: String = name.split('-').filter_map(|w| w.chars().next()).collect();
        for commit in commits.map(|e| e.unwrap().path()) {
            let rst = commit.join("rst");
            if rst.is_dir() {
                let commit = commit.file_name().unwrap().to_string_lossy().into_owned();
                found.push((format!("{initials}_{commit}"), rst));
            }
        }
    }
    found.sort();
    found
}

#[test]
#[cfg_attr(
    shared_missing,
    ignore = "../shared/otc is missing: no reStructuredText reference is imported, generated or built"
)]
fn every_otc_revision_from_rst_imports_generates_builds_and_passes_its_examples() {
    let otc = workspace().join("../shared/otc");
    if !otc.is_dir() {
        println!("skipped: ../shared/otc is missing, so no reStructuredText reference was imported, generated or built");
        return;
    }
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let spec_dir = scratch_dir(scratch, "otc-rst-spec");
    let crate_dir = scratch_dir(scratch, "otc-rst-api");
    let _ = std::fs::remove_dir_all(&spec_dir);
    let _ = std::fs::remove_dir_all(&crate_dir);

    let mut failures = Vec::new();
    let mut operations = 0;
    for (module, rst) in revisions(&otc) {
        let imported = import_service(&[rst], &module, None, &spec_dir);
        println!("{module}: {imported}");
        failures.extend(imported.failures.iter().map(|f| format!("{module}: {f}")));
        assert!(!imported.imported.is_empty(), "{module}: no operation");
        operations += imported.imported.len();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    let generation = match docspec::generate::generate(&spec_dir, &[], "docspec generate") {
        Ok(generation) => generation,
        Err(errors) => panic!("the imported references do not generate:\n{errors}"),
    };
    let examples =
        build_and_pass_every_example(&crate_dir, scratch, "otc-rst-api", &generation.files);
    clippy(&crate_dir, scratch).unwrap_or_else(|findings| panic!("{findings}"));
    println!("{operations} operations, {examples} example tests");
    assert!(examples > 0, "the references have examples");
    let _ = std::fs::remove_dir_all(&spec_dir);
    let _ = std::fs::remove_dir_all(&crate_dir);
}
