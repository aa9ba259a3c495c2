//! The command line: errors name what the user gave, and `--deny-warnings`
//! means the same on every command that reports warnings.
#![cfg(feature = "cli")]

use std::path::{Path, PathBuf};
use std::process::Command;

fn docspec(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_docspec"))
        .args(args)
        .output()
        .unwrap();
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    (output.status.code().unwrap_or(-1), text)
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_missing_spec_folder_is_named_as_given() {
    let (code, out) = docspec(&["generate", "--spec", "nosuch", "--out", "nowhere"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("cannot read the spec folder nosuch"), "{out}");
    assert!(!out.contains("nosuch:1:1"), "{out}");
}

#[test]
fn an_image_given_to_import_is_not_a_page() {
    let dir = scratch("png");
    let png = dir.join("Page.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01").unwrap();
    let out_dir = dir.join("spec");
    let (code, out) = docspec(&[
        "import",
        png.to_str().unwrap(),
        "--service",
        "demo",
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("not an HTML, reStructuredText or text page"),
        "{out}"
    );
}

#[test]
fn deny_warnings_fails_generate_check_and_lint_alike_after_doing_the_work() {
    // The reference page has warnings (a text body whose example is JSON).
    // Its fixture copy, not spec/: with more pages the output is a summary.
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/reference/spec");
    let spec = spec.to_str().unwrap();
    let out = scratch("deny").join("api");
    let out = out.to_str().unwrap();
    let (code, text) = docspec(&["generate", "--spec", spec, "--out", out]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains(": warning: "), "{text}");
    let (code, text) = docspec(&["generate", "--spec", spec, "--out", out, "--deny-warnings"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("--deny-warnings makes them fail"), "{text}");
    let (code, text) = docspec(&["check", "--spec", spec, "--out", out]);
    assert_eq!(code, 0, "{text}");
    let (code, text) = docspec(&["check", "--spec", spec, "--out", out, "--deny-warnings"]);
    assert_eq!(code, 1, "{text}");
    let (code, text) = docspec(&["lint", spec, "--deny-warnings"]);
    assert_eq!(code, 1, "{text}");
}
