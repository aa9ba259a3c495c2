//! The whole pipeline on real pages: every corpus page, in both its forms
//! (HTML and copied text), is imported without hand edits, generated into one
//! crate, built, and every example becomes a test of that crate that must pass
//! (a clean round trip, or the precise contradiction the docs contain); the
//! usage snippet of every operation's docs compiles (clippy, warnings denied,
//! as a program beside the crate's examples).
//!
//! Nothing from the corpus is committed: the crate is generated under
//! the target folder (`CARGO_TARGET_TMPDIR`). Where `../shared/corpus` is missing, the test says so and passes.

use docspec_tests::{
    build_and_pass_every_example, clippy, corpus_pages, import_corpus, remove_crate, scratch_dir,
    workspace,
};
use std::path::{Path, PathBuf};

fn corpus() -> Option<PathBuf> {
    let dir = workspace().join("../shared/corpus");
    dir.is_dir().then_some(dir)
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

    let pages = corpus_pages(&corpus);
    let failures = import_corpus(&corpus, &spec_dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    let mut generation = match docspec::generate::generate(&spec_dir, &[], "docspec generate") {
        Ok(generation) => generation,
        Err(errors) => panic!("the imported corpus specs do not generate:\n{errors}"),
    };
    println!(
        "{} pages imported; generation warnings:\n{}",
        pages.len(),
        generation.warnings
    );
    // The crate root users get (with its `#![warn(missing_docs)]`) and the programs.
    let examples = build_and_pass_every_example(&crate_dir, scratch, "corpus-api", &mut generation);
    let lib = &generation.files[Path::new("lib.rs")];
    std::fs::write(
        crate_dir.join("examples/snippets.rs"),
        crate::rustdoc::snippets_program(lib, "corpus-api"),
    )
    .unwrap();
    clippy(&crate_dir, scratch).unwrap_or_else(|findings| panic!("{findings}"));
    remove_crate(&crate_dir, scratch, "corpus-api");
    std::fs::remove_dir_all(&spec_dir).unwrap();
    assert!(
        examples > pages.len(),
        "the corpus has examples on most pages"
    );
}
