//! The README's "Adding a page", followed literally on a copy of the
//! workspace: its commands (taken from README.md itself) import a real page it
//! has never seen as a new service and regenerate `generated/`, and then CI's
//! checks pass on the copy: fmt, the build, clippy with warnings denied,
//! `docspec check`, and the README's `cargo test --workspace`, the whole
//! suite (a test that reads `spec/` as the one reference page, as `cli.rs`
//! once did, fails there; such tests read `tests/fixtures/reference`).
//!
//! The copy lives below `CARGO_TARGET_TMPDIR`, the page copied beside it,
//! and builds in the target folder the generated crates of the other tests
//! share, so that repeated runs rebuild only what the new page changed. Where
//! `../shared/corpus` is missing, the test says so and passes.
//!
//! The copy has no `../shared` beside it, so its suite lists the tests over
//! the test data as ignored, as on a fresh clone: none of them reads `spec/`
//! or `generated/`, which are all a page changes, and this run of the suite
//! runs them on the same code. Every test that reads `spec/` or
//! `generated/` runs in the copy. (With the test data the copy's suite would
//! build the OTC, corpus and ModelArts crates a second time, in a target
//! folder of its own: the most expensive half of the suite, twice.)
//!
//! Time: it builds, tests and lints a second workspace and runs its suite:
//! minutes on a busy 2-core machine the first time; less once the shared
//! target folder holds the copy's dependencies.
//!
//! The copy must not share the workspace's own build folder (cargo's
//! `build-dir`): cargo hashes path packages by their place in the workspace,
//! so the copy's `docspec`, `huaweicloud-api` and `docspec-tests` would
//! overwrite the workspace's artifacts of the same names, and the workspace's
//! next build would take them for fresh (tried and seen).

use docspec_tests::{cargo_in, scratch_dir, workspace};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Set in every command run on the copy, so that the copy's own copy of this
/// test never starts another copy.
const INSIDE_COPY: &str = "DOCSPEC_ADD_A_PAGE_COPY";

/// The page added: small, a service `spec/` does not have, examples in both
/// directions.
const PAGE: &str = "corpus/ecs/NovaUpdateServerMetadata/page.html";
const SERVICE: &str = "ecs";
const OPERATION: &str = "NovaUpdateServerMetadata";

/// CI's checks (`.ci/run`) that the new page must leave green, each with the
/// command run on the copy; the test asserts `.ci/run` still runs each of
/// them. A page changes only `generated/` and `spec/`, so clippy on the
/// packages built from them is CI's workspace-wide clippy for this change,
/// without linting the unchanged generator a second time.
const CI_CHECKS: [(&str, &str); 3] = [
    ("cargo fmt --all -- --check", "cargo fmt --all -- --check"),
    (
        "cargo clippy --workspace --all-targets -- -D warnings",
        "cargo clippy -p huaweicloud-api -p build-rs-consumer --all-targets -- -D warnings",
    ),
    (
        "cargo run -q -p docspec -- check",
        "cargo run -q -p docspec -- check",
    ),
];

#[test]
#[cfg_attr(
    shared_missing,
    ignore = "../shared/corpus is missing: the README's add-a-page flow is not tried on a copy of the workspace"
)]
fn the_readme_add_a_page_flow_keeps_ci_green() {
    if std::env::var_os(INSIDE_COPY).is_some() {
        println!("skipped: already inside the copy made by add_a_page");
        return;
    }
    let shared = workspace().join("../shared");
    if !shared.join(PAGE).is_file() {
        println!(
            "skipped: ../shared/{PAGE} is missing, so the README's add-a-page flow was not tried"
        );
        return;
    }
    let started = std::time::Instant::now();
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let root = scratch_dir(scratch, "add-a-page");
    let copy = root.join("docspec");
    sync_workspace_to(&copy);
    // No `../shared` beside the copy (see the module doc); a link that an
    // earlier version of this test made goes.
    let _ = std::fs::remove_file(root.join("shared"));
    let page = root.join("page.html");
    std::fs::copy(shared.join(PAGE), &page).unwrap();

    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    let steps = add_a_page_commands(&readme);
    let page = "../page.html";
    let mut ran_workspace_tests = false;
    for step in &steps {
        let command = step
            .replace("path/to/Page.html", page)
            .replace("<name>", SERVICE)
            .replace("<OperationId>", OPERATION);
        assert!(
            !command.contains('<'),
            "a placeholder the test does not know in the README's `{step}`"
        );
        if command == "cargo test --workspace" {
            ran_workspace_tests = true;
            // The whole suite, as the README says: any test that a new page
            // breaks fails here (the copy's own copy of this test is skipped).
            let output = run(&copy, scratch, &command);
            // The page's examples became tests of the generated crate, and they ran.
            let page_tests = output
                .lines()
                .filter(|line| line.starts_with(&format!("test {SERVICE}::")))
                .collect::<Vec<_>>();
            assert!(
                page_tests.len() >= 2 && page_tests.iter().all(|line| line.ends_with(" ok")),
                "the page's example tests: {page_tests:#?}\n{output}"
            );
        } else {
            run(&copy, scratch, &command);
        }
    }
    assert!(
        ran_workspace_tests,
        "the README's add-a-page steps no longer end with `cargo test --workspace`: {steps:?}"
    );

    let spec = copy.join(format!("spec/{SERVICE}/{OPERATION}.yaml"));
    assert!(
        spec.is_file(),
        "the README's import wrote no {}",
        spec.display()
    );
    let module = copy.join("generated/src").join(SERVICE);
    assert!(
        module.is_dir(),
        "the README's generate wrote no {}",
        module.display()
    );

    let ci = std::fs::read_to_string(workspace().join(".ci/run")).unwrap();
    for (check, on_copy) in CI_CHECKS {
        assert!(ci.contains(check), ".ci/run no longer runs `{check}`");
        run(&copy, scratch, on_copy);
    }
    println!(
        "the README's add-a-page flow and CI's checks on the copy: {:.0?}",
        started.elapsed()
    );
}

/// The commands of the README's "Adding a page" steps, in order: every
/// inline code span of the section's numbered list that starts with `cargo `.
fn add_a_page_commands(readme: &str) -> Vec<String> {
    let section = readme
        .split("\n## ")
        .find(|section| section.starts_with("Adding a page"))
        .expect("README.md has an \"Adding a page\" section");
    let steps = section
        .split("\n\n")
        .find(|paragraph| paragraph.starts_with("1. "))
        .expect("the README's \"Adding a page\" has numbered steps");
    let commands: Vec<String> = steps
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|span| span.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|span| span.starts_with("cargo "))
        .collect();
    assert!(
        commands.iter().any(|c| c.contains(" import "))
            && commands.iter().any(|c| c.ends_with(" generate")),
        "the README's add-a-page section names no import and generate commands: {commands:?}"
    );
    commands
}

/// Runs a command as a user types it (words split at spaces, no quoting) in
/// the copy; panics with its output when it fails, else returns its stdout.
fn run(copy: &Path, scratch: &Path, command: &str) -> String {
    let words: Vec<&str> = command.split(' ').collect();
    assert_eq!(words[0], "cargo", "{command}");
    let output = cargo_in(copy, scratch)
        .args(&words[1..])
        .env(INSIDE_COPY, "1")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "`{command}` fails in the copy {} after the README's add-a-page steps:\n{}\n{}",
        copy.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Makes `copy` hold exactly the workspace's files (what `git ls-files` lists,
/// tracked or new and not ignored; without git, every file outside `target`
/// and `.git`). Files whose content is unchanged keep their modification
/// time, so that cargo rebuilds in the copy only what the last run changed.
fn sync_workspace_to(copy: &Path) {
    let source = workspace();
    let files = workspace_files(&source);
    for file in &files {
        let Ok(bytes) = std::fs::read(source.join(file)) else {
            continue; // listed by git but deleted in the working tree
        };
        let target = copy.join(file);
        if std::fs::read(&target).is_ok_and(|old| old == bytes) {
            continue;
        }
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(&target, bytes).unwrap();
    }
    for stale in files_below(copy, copy) {
        if !files.contains(&stale) {
            std::fs::remove_file(copy.join(&stale)).unwrap();
        }
    }
}

fn workspace_files(root: &Path) -> BTreeSet<PathBuf> {
    let listed = Command::new("git")
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .current_dir(root)
        .output();
    match listed {
        Ok(output) if output.status.success() => output
            .stdout
            .split(|b| *b == 0)
            .filter(|name| !name.is_empty())
            .map(|name| PathBuf::from(String::from_utf8_lossy(name).into_owned()))
            .collect(),
        _ => files_below(root, root),
    }
}

/// Every file below `dir`, relative to `root`, outside `target` and `.git`.
fn files_below(root: &Path, dir: &Path) -> BTreeSet<PathBuf> {
    let mut files = BTreeSet::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return files;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap();
        if name == "target" || name == ".git" {
            continue;
        }
        if path.is_dir() {
            files.extend(files_below(root, &path));
        } else {
            files.insert(path.strip_prefix(root).unwrap().to_owned());
        }
    }
    files
}
