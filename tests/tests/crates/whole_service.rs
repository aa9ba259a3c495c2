//! A whole service end to end, as a user runs it: the complete ModelArts
//! export (`../shared/exports/modelarts`, not part of this repository) is
//! imported as one folder, generated into one crate without hand edits,
//! built with warnings denied, and every example test of that crate runs.
//!
//! The crate is generated under the target folder (`CARGO_TARGET_TMPDIR`) and shares the generated crates'
//! target folder with `corpus_pipeline.rs`, so that dependencies build once.
//! Where `../shared` is missing, the test says so and passes.

use docspec::import::{import_service, SkipReason};
use docspec_tests::{build_and_pass_every_example, clippy, remove_crate, scratch_dir, workspace};
use std::collections::BTreeMap;
use std::path::Path;

/// Operation pages of the export that its index (`CLASS.TXT.json`) lists.
const WITH_CHAPTER: usize = 111;

#[test]
#[cfg_attr(
    shared_missing,
    ignore = "../shared/exports/modelarts is missing: no whole service is imported, generated or built"
)]
fn the_modelarts_export_imports_generates_builds_and_passes_its_examples() {
    let export = workspace().join("../shared/exports/modelarts");
    if !export.is_dir() {
        println!("skipped: ../shared/exports/modelarts is missing, so no whole service was imported, generated or built");
        return;
    }
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let spec_dir = scratch_dir(scratch, "modelarts-spec");
    let crate_dir = scratch_dir(scratch, "modelarts-api");
    let _ = std::fs::remove_dir_all(&spec_dir);

    let imported = import_service(&[export], "modelarts", None, &spec_dir);
    println!("{imported}");
    assert!(
        imported.failures.is_empty(),
        "{}",
        imported.failures.join("\n")
    );
    let mut skipped: BTreeMap<SkipReason, usize> = BTreeMap::new();
    for page in &imported.skipped {
        *skipped.entry(page.reason).or_default() += 1;
    }
    assert_eq!(
        imported.imported.len(),
        141,
        "operation pages of the export"
    );
    assert_eq!(
        skipped,
        BTreeMap::from([(SkipReason::ChapterPage, 27), (SkipReason::NoOperation, 29)]),
        "pages that document no operation, by reason"
    );
    for page in &imported.imported {
        let operation = &page.spec.operation;
        let stem = page.page.file_stem().unwrap().to_string_lossy();
        let digits = operation
            .split(|c: char| !c.is_ascii_digit())
            .map(str::len)
            .max()
            .unwrap_or(0);
        assert!(
            operation.chars().all(|c| c.is_ascii_alphanumeric()) && digits < 3,
            "{stem} gave the operation {operation}, named after a document id"
        );
    }
    // The export's index lists most pages, not all: those it lists have their chapter.
    let with_chapter = imported
        .imported
        .iter()
        .filter(|p| p.spec.chapter.is_some())
        .count();
    assert_eq!(
        with_chapter, WITH_CHAPTER,
        "operations placed in a chapter by the index"
    );

    let mut generation = match docspec::generate::generate(&spec_dir, &[], "docspec generate") {
        Ok(generation) => generation,
        Err(errors) => panic!("the imported export does not generate:\n{errors}"),
    };
    // The crate's docs list the operations by the reference's chapters.
    let lib = generation.files[std::path::Path::new("lib.rs")].as_str();
    for page in &imported.imported {
        if let Some(chapter) = &page.spec.chapter {
            assert!(
                lib.contains(&format!("/// # {chapter}\n")),
                "chapter {chapter} in lib.rs"
            );
        }
    }
    assert_eq!(
        lib.matches("/// - [`").count(),
        141,
        "every operation listed"
    );
    // The crate root users get (with its `#![warn(missing_docs)]`) and the program.
    let examples =
        build_and_pass_every_example(&crate_dir, scratch, "modelarts-api", &mut generation);
    clippy(&crate_dir, scratch).unwrap_or_else(|findings| panic!("{findings}"));
    // One program for the service, built by `cargo test`: its help lists
    // every operation as a command, under its chapter.
    let program = scratch_dir(scratch, "target").join("debug/examples/modelarts");
    let help = std::process::Command::new(&program)
        .arg("--help")
        .output()
        .unwrap();
    assert_eq!(help.status.code(), Some(0));
    let help = String::from_utf8_lossy(&help.stdout);
    let commands = help
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .count();
    assert_eq!(commands, 141, "{help}");
    for page in &imported.imported {
        if let Some(chapter) = &page.spec.chapter {
            assert!(
                help.contains(&format!("\n{chapter}:\n")),
                "{chapter} in\n{help}"
            );
        }
    }
    remove_crate(&crate_dir, scratch, "modelarts-api");
    std::fs::remove_dir_all(&spec_dir).unwrap();
    assert!(examples > 141, "most operation pages have examples");
}
