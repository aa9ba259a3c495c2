//! Helpers shared by the integration tests in `tests/`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Writes generated sources as a crate of their own in `crate_dir`, with the
/// workspace's lock file so that dependency versions match.
pub fn write_crate(crate_dir: &Path, name: &str, files: &docspec::emit::Files) {
    let _ = std::fs::remove_dir_all(crate_dir.join("src"));
    std::fs::create_dir_all(crate_dir).unwrap();
    std::fs::write(
        crate_dir.join("Cargo.toml"),
        docspec::generate::cargo_toml(name),
    )
    .unwrap();
    let _ = std::fs::copy(workspace().join("Cargo.lock"), crate_dir.join("Cargo.lock"));
    docspec::generate::write_files(&crate_dir.join("src"), files).unwrap();
}

/// Where a test writes generated crates: `name` below `scratch`, which the
/// tests pass as their `CARGO_TARGET_TMPDIR` (inside the target folder,
/// wherever `CARGO_TARGET_DIR` puts it; never inside the source tree).
pub fn scratch_dir(scratch: &Path, name: &str) -> PathBuf {
    scratch.join("generated-crates").join(name)
}

/// A `cargo` command run in `dir` (a crate or a workspace), with warnings
/// denied, in the target folder the generated crates share below `scratch` so
/// that their dependencies build once.
pub fn cargo_in(dir: &Path, scratch: &Path) -> Command {
    let mut cargo = Command::new(env!("CARGO"));
    cargo
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", scratch_dir(scratch, "target"))
        .env("RUSTFLAGS", "-D warnings")
        // The shared folder stays small: no incremental caches (each build
        // of a generated crate happens once per change of the generator) and
        // no debug info, which is most of every object file's size.
        .env("CARGO_INCREMENTAL", "0")
        .env("CARGO_PROFILE_DEV_DEBUG", "0")
        .env("CARGO_PROFILE_TEST_DEBUG", "0");
    cargo
}

/// Removes what a passing test no longer needs: the crate `name` in
/// `crate_dir` and its own artifacts in the shared target folder (`cargo
/// clean -p`), keeping the dependencies every generated crate shares, so
/// that the folder does not grow with each service tested. A failing test
/// never gets here and leaves the crate to look at.
pub fn remove_crate(crate_dir: &Path, scratch: &Path, name: &str) {
    let output = cargo_on(crate_dir, scratch, &["clean", "--quiet", "-p", name]);
    assert!(
        output.status.success(),
        "cargo clean -p {name}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::remove_dir_all(crate_dir).unwrap();
}

/// Runs `cargo` with `args` on the crate in `crate_dir` (see [`cargo_in`]),
/// one such command at a time in this test binary: the crates share one
/// target folder, which cargo locks anyway, and two builds of whole crates at
/// once would only thrash a small machine. The tests' own work (importing,
/// generating) goes on meanwhile in the other test threads.
fn cargo_on(crate_dir: &Path, scratch: &Path, args: &[&str]) -> std::process::Output {
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    // A test that panicked holding it ran no cargo command after; its guard is
    // as good as free.
    let _turn = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    cargo_in(crate_dir, scratch).args(args).output().unwrap()
}

/// Builds the crate in `crate_dir` with warnings denied and runs its tests;
/// panics with the compiler's or the tests' output when that fails, and
/// returns how many tests passed.
pub fn build_and_test(crate_dir: &Path, scratch: &Path) -> usize {
    let output = cargo_on(crate_dir, scratch, &["test", "--quiet"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the generated crate {} fails:\n{stdout}\n{stderr}",
        crate_dir.display()
    );
    stdout
        .lines()
        .filter_map(|l| l.strip_prefix("test result: ok. "))
        .filter_map(|l| l.split(' ').next()?.parse::<usize>().ok())
        .sum()
}

/// Writes a generation as the crate `name`, as `docspec generate --out`
/// does (see [`write_crate`]; with the front page and the example programs,
/// one per service), builds it with warnings denied and runs its tests (see
/// [`build_and_test`]); asserts that every generated example test ran and
/// passed, and returns how many there are.
pub fn build_and_pass_every_example(
    crate_dir: &Path,
    scratch: &Path,
    name: &str,
    generation: &mut docspec::generate::Generation,
) -> usize {
    generation.for_crate(name, "docspec generate");
    write_crate(crate_dir, name, &generation.files);
    let programs = docspec::emit::emit_examples(&generation.api, name, "docspec generate");
    let _ = std::fs::remove_dir_all(crate_dir.join("examples"));
    docspec::generate::write_files(&crate_dir.join("examples"), &programs).unwrap();
    let examples = generation
        .files
        .values()
        .map(|source| source.matches("#[test]").count())
        .sum::<usize>();
    let passed = build_and_test(crate_dir, scratch);
    println!("generated crate: {examples} example tests, {passed} passed");
    assert_eq!(
        passed, examples,
        "every generated example test ran and passed"
    );
    examples
}

/// Runs clippy with its default lints, warnings denied, on the crate in
/// `crate_dir` and its tests; `Err` with clippy's output when it finds something.
pub fn clippy(crate_dir: &Path, scratch: &Path) -> Result<(), String> {
    let output = cargo_on(
        crate_dir,
        scratch,
        &["clippy", "--quiet", "--all-targets", "--", "-D", "warnings"],
    );
    match output.status.success() {
        true => Ok(()),
        false => Err(format!(
            "clippy on the generated crate {}:\n{}",
            crate_dir.display(),
            String::from_utf8_lossy(&output.stderr)
        )),
    }
}

/// `(service, operation, page file)` for every page of the corpus, both forms.
pub fn corpus_pages(corpus: &Path) -> Vec<(String, String, PathBuf)> {
    let mut pages = Vec::new();
    for (service_name, service) in subfolders(corpus) {
        for (name, operation) in subfolders(&service) {
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

/// The folders in `dir`, by name, sorted.
fn subfolders(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut folders: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    folders.sort();
    folders
}

/// Imports every page of the corpus (see [`corpus_pages`]) into
/// `spec_dir/<service>/<operation>.yaml`; returns what failed, one line a page.
pub fn import_corpus(corpus: &Path, spec_dir: &Path) -> Vec<String> {
    let mut failures = Vec::new();
    for (service, operation, page) in corpus_pages(corpus) {
        let options = docspec::import::ImportOptions {
            service: service.clone(),
            operation: Some(operation.clone()),
        };
        let bytes = std::fs::read(&page).unwrap();
        match docspec::import::import_page(&page, &bytes, &options) {
            Ok(imported) => {
                let dir = spec_dir.join(&service);
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(dir.join(format!("{operation}.yaml")), &imported.yaml).unwrap();
            }
            Err(errors) => failures.push(format!("{}: import failed:\n{errors}", page.display())),
        }
    }
    failures
}
