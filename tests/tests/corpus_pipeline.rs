//! The whole pipeline on real pages: every corpus page, in both its forms
//! (HTML and copied text), is imported without hand edits, generated into one
//! crate, built, and every example becomes a test of that crate that must pass
//! (a clean round trip, or the precise contradiction the docs contain).
//!
//! Nothing from the corpus is committed: the crate is generated under
//! the target folder (`CARGO_TARGET_TMPDIR`). Where `../shared/corpus` is missing, the test says so and passes.

use docspec::import::{import_page, ImportOptions};
use docspec_tests::{build_and_pass_every_example, clippy, scratch_dir, workspace};
use std::path::{Path, PathBuf};

fn corpus() -> Option<PathBuf> {
    let dir = workspace().join("../shared/corpus");
    dir.is_dir().then_some(dir)
}

/// `(service, operation, page file)` for every page of the corpus, both forms.
fn pages(corpus: &Path) -> Vec<(String, String, PathBuf)> {
    let mut pages = Vec::new();
    let mut services: Vec<_> = std::fs::read_dir(corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    services.sort();
    for service in services.iter().filter(|p| p.is_dir()) {
        let service_name = service.file_name().unwrap().to_string_lossy().into_owned();
        let mut operations: Vec<_> = std::fs::read_dir(service)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        operations.sort();
        for operation in operations.iter().filter(|p| p.is_dir()) {
            let name = operation
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            for form in ["html", "txt"] {
                let page = operation.join(format!("page.{form}"));
                if page.is_file() {
                    // One service per form keeps the two imports of a page apart in one crate.
                    let service = format!(
                        "{service_name}_{}",
                        if form == "txt" { "text" } else { form }
                    );
                    pages.push((service, name.clone(), page));
                }
            }
        }
    }
    pages
}

#[test]
#[cfg_attr(
    shared_missing,
    ignore = "../shared/corpus is missing: no corpus page is imported, generated, built or round-tripped"
)]
fn every_corpus_page_imports_generates_builds_and_round_trips() {
    let Some(corpus) = corpus() else {
        println!("skipped: ../shared/corpus is missing, so no corpus page was imported, generated or built");
        return;
    };
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let spec_dir = scratch_dir(scratch, "corpus-spec");
    let crate_dir = scratch_dir(scratch, "corpus-api");
    let _ = std::fs::remove_dir_all(&spec_dir);

    let mut failures = Vec::new();
    let pages = pages(&corpus);
    for (service, operation, page) in &pages {
        let options = ImportOptions {
            service: service.clone(),
            operation: Some(operation.clone()),
        };
        let bytes = std::fs::read(page).unwrap();
        match import_page(page, &bytes, &options) {
            Ok(imported) => {
                let dir = spec_dir.join(service);
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(dir.join(format!("{operation}.yaml")), &imported.yaml).unwrap();
            }
            Err(errors) => failures.push(format!("{}: import failed:\n{errors}", page.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    let generation = match docspec::generate::generate(&spec_dir, &[], "docspec generate") {
        Ok(generation) => generation,
        Err(errors) => panic!("the imported corpus specs do not generate:\n{errors}"),
    };
    println!(
        "{} pages imported; generation warnings:\n{}",
        pages.len(),
        generation.warnings
    );
    let examples =
        build_and_pass_every_example(&crate_dir, scratch, "corpus-api", &generation.files);
    clippy(&crate_dir, scratch).unwrap_or_else(|findings| panic!("{findings}"));
    assert!(
        examples > pages.len(),
        "the corpus has examples on most pages"
    );
}
