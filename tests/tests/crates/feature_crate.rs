//! Every construct the generator emits, compiled and exercised: the feature
//! fixture (`tests/fixtures/features`: enums, path and query parameters,
//! maps, secrets, keyword and odd wire names, examples that contradict their
//! tables) is generated into a crate in the target folder, which must build
//! without warnings and pass its generated example tests plus
//! `fixtures/features/behaviour.rs` and `sdk.rs` (regions, ids from the
//! credentials, errors, the escape hatch and paging against a loopback server).

use docspec_tests::{build_and_test, clippy, remove_crate, scratch_dir, workspace, write_crate};
use std::path::Path;

#[test]
fn feature_fixture_generates_builds_and_behaves() {
    let fixture = workspace().join("tests/fixtures/features");
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let crate_dir = scratch_dir(scratch, "feature-api");
    let mut generation =
        docspec::generate::generate(&fixture.join("spec"), &[], "docspec generate")
            .unwrap_or_else(|errors| panic!("the feature fixture does not generate:\n{errors}"));
    // The crate root users get, with its `#![warn(missing_docs)]`.
    generation.for_crate("feature-api", "docspec generate");
    write_crate(&crate_dir, "feature-api", &generation.files);
    // The service programs, whose names and flags meet keywords, odd wire
    // names and services named like the runtime's modules. (The quickstart
    // is left out: it names `validation::Validate` through the crate, where
    // the fixture's service `validation` stands; a known gap of its own.)
    let programs: docspec::emit::Files =
        docspec::emit::emit_examples(&generation.api, "feature-api", "docspec generate")
            .into_iter()
            .filter(|(path, _)| path.file_stem().is_some_and(|stem| stem != "quickstart"))
            .collect();
    let _ = std::fs::remove_dir_all(crate_dir.join("examples"));
    docspec::generate::write_files(&crate_dir.join("examples"), &programs).unwrap();
    std::fs::create_dir_all(crate_dir.join("tests")).unwrap();
    for file in ["behaviour.rs", "sdk.rs"] {
        std::fs::copy(fixture.join(file), crate_dir.join("tests").join(file)).unwrap();
    }

    let source = &generation.files[Path::new("demo/create_widget.rs")];
    // The examples that contradict their tables assert the contradiction.
    assert!(
        source.contains("wire::ExampleCheck::Violations(expected)"),
        "{source}"
    );
    assert!(source.contains("assert_eq!(error.path, \"/error_code\", \"{error}\")"));
    assert!(source.contains("wire::ExampleCheck::InvalidJson(_)"));

    let passed = build_and_test(&crate_dir, scratch);
    clippy(&crate_dir, scratch).unwrap_or_else(|findings| panic!("{findings}"));
    // 5 example tests, the behaviour tests and the SDK tests.
    assert!(passed >= 22, "{passed} tests passed");

    // `cargo test` built the programs: one per service, a command per operation.
    let shapes = scratch_dir(scratch, "target").join("debug/examples/shapes");
    let help = std::process::Command::new(&shapes)
        .arg("--help")
        .output()
        .unwrap();
    assert_eq!(help.status.code(), Some(0));
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("\n  fire-and-forget  Sending a Signal\n"),
        "{help}"
    );
    let fire = std::process::Command::new(&shapes)
        .args([
            "fire-and-forget",
            "--endpoint",
            "https://example.com",
            "--what",
            "x",
        ])
        .output()
        .unwrap();
    assert_eq!(fire.status.code(), Some(2), "a flag the command lacks");
    remove_crate(&crate_dir, scratch, "feature-api");
}
