//! Every construct the generator emits, compiled and exercised: the feature
//! fixture (`tests/fixtures/features`: enums, path and query parameters,
//! maps, secrets, keyword and odd wire names, examples that contradict their
//! tables) is generated into a crate in the target folder, which must build
//! without warnings and pass its generated example tests plus
//! `fixtures/features/behaviour.rs` and `sdk.rs` (regions, ids from the
//! credentials, errors, the escape hatch and paging against a loopback server).

use docspec_tests::{build_and_test, clippy, scratch_dir, workspace, write_crate};
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
}
