//! Every construct the generator emits, compiled and exercised: the feature
//! fixture (`tests/fixtures/features`: enums, path and query parameters,
//! maps, secrets, keyword and odd wire names, examples that contradict their
//! tables) is generated into a crate under `target/`, which must build
//! without warnings and pass its generated example tests plus
//! `fixtures/features/behaviour.rs`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[test]
fn feature_fixture_generates_builds_and_behaves() {
    let fixture = workspace().join("tests/fixtures/features");
    let root = workspace().join("target/generated-crates");
    let crate_dir = root.join("feature-api");
    let _ = std::fs::remove_dir_all(&crate_dir);

    let generation = docspec::generate::generate(&fixture.join("spec"), &[], "docspec generate")
        .unwrap_or_else(|errors| panic!("the feature fixture does not generate:\n{errors}"));
    std::fs::create_dir_all(crate_dir.join("tests")).unwrap();
    std::fs::write(
        crate_dir.join("Cargo.toml"),
        docspec::generate::cargo_toml("feature-api"),
    )
    .unwrap();
    let _ = std::fs::copy(workspace().join("Cargo.lock"), crate_dir.join("Cargo.lock"));
    docspec::generate::write_files(&crate_dir.join("src"), &generation.files).unwrap();
    std::fs::copy(
        fixture.join("behaviour.rs"),
        crate_dir.join("tests/behaviour.rs"),
    )
    .unwrap();

    let source = &generation.files[Path::new("demo/create_widget.rs")];
    // The examples that contradict their tables assert the contradiction.
    assert!(
        source.contains("wire::ExampleCheck::Violations(expected)"),
        "{source}"
    );
    assert!(source.contains("assert_eq!(error.path, \"/error_code\", \"{error}\")"));
    assert!(source.contains("wire::ExampleCheck::InvalidJson(_)"));

    let output = Command::new(env!("CARGO"))
        .args(["test", "--quiet", "--manifest-path"])
        .arg(crate_dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", root.join("target"))
        .env("RUSTFLAGS", "-D warnings")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the generated feature crate fails:\n{stdout}\n{stderr}"
    );
    let passed: usize = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("test result: ok. "))
        .filter_map(|l| l.split(' ').next()?.parse::<usize>().ok())
        .sum();
    // 5 example tests and the behaviour tests.
    assert!(passed >= 13, "{stdout}");
}
