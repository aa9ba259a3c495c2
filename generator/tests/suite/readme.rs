//! Every code block of the README works as written.
//!
//! - Shell blocks name commands and flags that exist: every `docspec` command
//!   (typed as `docspec ...` or `cargo run -p docspec -- ...`) is a subcommand
//!   whose `--help` lists each flag the README gives it, every
//!   `cargo ... -p NAME` names a package of the workspace, and every generated
//!   example the README runs accepts the flags it is given.
//! - The client snippet compiles against the generated crate.
//! - The build.rs recipe (its `Cargo.toml`, `build.rs` and `src/lib.rs`
//!   blocks) builds as a crate outside this workspace, with `/path/to/docspec`
//!   read as this checkout.
//!
//! The crates are written below `CARGO_TARGET_TMPDIR` and build in the target
//! folder the other tests' generated crates share.
#![cfg(feature = "cli")]

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The fenced blocks of a Markdown text whose info string is `language`, with
/// the line each starts on.
fn fenced_blocks(markdown: &str, language: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut open: Option<(usize, bool, String)> = None;
    for (number, line) in markdown.lines().enumerate() {
        match (&mut open, line.trim_start().strip_prefix("```")) {
            (None, Some(info)) => open = Some((number + 1, info.trim() == language, String::new())),
            (Some(_), Some(_)) => {
                let (start, wanted, text) = open.take().unwrap();
                if wanted {
                    blocks.push((start, text));
                }
            }
            (Some((_, _, text)), None) => {
                text.push_str(line);
                text.push('\n');
            }
            (None, None) => {}
        }
    }
    assert!(open.is_none(), "an unclosed code block in README.md");
    blocks
}

/// The commands of a shell block: continuation lines joined, comments
/// dropped, `a && b` split, environment assignments left out.
fn commands(block: &str) -> Vec<Vec<String>> {
    let joined = block.replace("\\\n", " ");
    let mut commands = Vec::new();
    for line in joined.lines() {
        let line = line.split(" #").next().unwrap();
        if line.trim_start().starts_with('#') {
            continue;
        }
        for command in line.split("&&") {
            let words: Vec<String> = command.split_whitespace().map(str::to_owned).collect();
            if !words.is_empty() && words[0] != "export" {
                commands.push(words);
            }
        }
    }
    commands
}

/// The commands the README's prose gives as inline code (`cargo ...`,
/// `docspec ...`; spans may wrap lines), with their lines, fenced blocks left out.
fn inline_commands(markdown: &str) -> Vec<(usize, Vec<String>)> {
    let mut prose = String::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            prose.push('\n');
            continue;
        }
        if !fenced {
            prose.push_str(line);
        }
        prose.push('\n');
    }
    let mut commands = Vec::new();
    let mut line = 1;
    for (index, piece) in prose.split('`').enumerate() {
        let words: Vec<String> = piece.split_whitespace().map(str::to_owned).collect();
        if index % 2 == 1 && words.len() > 1 && ["cargo", "docspec"].contains(&words[0].as_str()) {
            commands.push((line, words));
        }
        line += piece.matches('\n').count();
    }
    commands
}

/// The workspace's package names, from each member's manifest, with their folders.
fn packages() -> Vec<(String, PathBuf)> {
    let manifest = std::fs::read_to_string(workspace().join("Cargo.toml")).unwrap();
    let members = manifest
        .split("members = [")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("the workspace manifest lists its members");
    members
        .split(',')
        .map(|member| member.trim().trim_matches('"'))
        .filter(|member| !member.is_empty())
        .map(|member| {
            let manifest =
                std::fs::read_to_string(workspace().join(member).join("Cargo.toml")).unwrap();
            let name = manifest
                .lines()
                .find_map(|line| line.strip_prefix("name = "))
                .map(|name| name.trim_matches('"').to_owned())
                .unwrap_or_else(|| panic!("{member}/Cargo.toml names no package"));
            (name, workspace().join(member))
        })
        .collect()
}

fn flags(words: &[String]) -> impl Iterator<Item = &str> {
    words
        .iter()
        .map(String::as_str)
        .filter(|word| word.starts_with('-') && *word != "-")
}

fn help(subcommand: &str) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_docspec"))
        .args([subcommand, "--help"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "`docspec {subcommand}` is no command:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Checks one `docspec` command line (the words after `docspec`).
fn check_docspec(line: usize, words: &[String], problems: &mut Vec<String>) {
    let Some(subcommand) = words.first() else {
        problems.push(format!("README.md:{line}: `docspec` without a command"));
        return;
    };
    let help = help(subcommand);
    for flag in flags(&words[1..]) {
        let listed = help
            .split(|c: char| c.is_whitespace() || c == ',')
            .any(|word| word == flag);
        if !listed {
            problems.push(format!(
                "README.md:{line}: `docspec {subcommand}` has no flag {flag}"
            ));
        }
    }
}

/// Checks that `tests` of `package` holds the test binary `test` (a file, or
/// a folder with a `main.rs`) and, when the command gives a filter after it,
/// that the filter's first path segment is a module of that binary (a file in
/// its folder): `--test corpora constraint_otc` runs the tests of
/// `corpora/constraint_otc.rs`.
fn check_test_target(
    line: usize,
    package: &str,
    tests: &Path,
    test: &str,
    filter: Option<&String>,
    problems: &mut Vec<String>,
) {
    let folder = tests.join(test);
    if !tests.join(format!("{test}.rs")).is_file() && !folder.join("main.rs").is_file() {
        problems.push(format!(
            "README.md:{line}: the package {package} has no test {test}"
        ));
        return;
    }
    let Some(filter) = filter.filter(|f| !f.starts_with('-')) else {
        return;
    };
    let module = filter.split("::").next().unwrap_or_default();
    if !folder.join(format!("{module}.rs")).is_file() {
        problems.push(format!(
            "README.md:{line}: the test {test} of {package} has no module {module} (its filter {filter})"
        ));
    }
}

/// Checks one `cargo` command line (the words after `cargo`).
fn check_cargo(
    line: usize,
    words: &[String],
    packages: &[(String, PathBuf)],
    problems: &mut Vec<String>,
) {
    let (cargo_args, program_args) = match words.iter().position(|w| w == "--") {
        Some(split) => (&words[..split], &words[split + 1..]),
        None => (words, &[][..]),
    };
    let after = |flag: &str| {
        cargo_args
            .iter()
            .position(|w| w == flag)
            .and_then(|i| cargo_args.get(i + 1))
    };
    let package = after("-p");
    if let Some(package) = package {
        match packages.iter().find(|(name, _)| name == package) {
            None => problems.push(format!(
                "README.md:{line}: no package {package} in the workspace"
            )),
            Some((_, dir)) => {
                if let Some(test) = after("--test") {
                    check_test_target(
                        line,
                        package,
                        &dir.join("tests"),
                        test,
                        after(test),
                        problems,
                    );
                }
            }
        }
    }
    match (package.map(String::as_str), after("--example")) {
        (Some("docspec"), None) if cargo_args.first().is_some_and(|c| c == "run") => {
            check_docspec(line, program_args, problems)
        }
        (Some("huaweicloud-api"), Some(example)) => {
            let source = workspace().join(format!("generated/examples/{example}.rs"));
            let Ok(source) = std::fs::read_to_string(&source) else {
                problems.push(format!(
                    "README.md:{line}: no example {example} in generated/examples"
                ));
                return;
            };
            check_program_command(line, example, &source, program_args, problems);
        }
        _ => {}
    }
}

/// Checks a run of a service program (`COMMAND --flag ...`, or `--help`):
/// the command is in the program's table and takes each flag given, named
/// as the runtime names its parameters' flags.
fn check_program_command(
    line: usize,
    example: &str,
    source: &str,
    args: &[String],
    problems: &mut Vec<String>,
) {
    let Some(command) = args.first().filter(|a| !a.starts_with('-')) else {
        return;
    };
    let Some(start) = source.find(&format!("name: \"{command}\",")) else {
        problems.push(format!(
            "README.md:{line}: the program {example} has no command {command}"
        ));
        return;
    };
    let entry = &source[start..];
    let entry = &entry[..entry.find("run: ").unwrap_or(entry.len())];
    let parameters = program_parameters(entry);
    let mut known: Vec<String> = docspec_runtime::cli::flag_names(&parameters);
    known.extend(["--endpoint", "--region", "--help"].map(String::from));
    if !entry.contains("body: None") {
        known.push("--body".to_owned());
    }
    if entry.contains("paging: Some(") {
        known.push("--all-pages".to_owned());
    }
    for flag in flags(&args[1..]) {
        if !known.iter().any(|k| k == flag) {
            problems.push(format!(
                "README.md:{line}: the command {command} of {example} takes no {flag} (it takes {})",
                known.join(", ")
            ));
        }
    }
}

/// The parameters of a program's table entry (`Parameter::optional(In::Header, "X-Language")`).
fn program_parameters(entry: &str) -> Vec<docspec_runtime::cli::Parameter> {
    use docspec_runtime::cli::{In, Parameter};
    entry
        .split("Parameter::")
        .skip(1)
        .filter_map(|call| {
            let (kind, rest) = call.split_once("(In::")?;
            let (location, rest) = rest.split_once(", \"")?;
            let (name, _) = rest.split_once('"')?;
            let location = match location {
                "Path" => In::Path,
                "Query" => In::Query,
                _ => In::Header,
            };
            // The table's names live as long as the test.
            let name: &'static str = Box::leak(name.to_owned().into_boxed_str());
            Some(match kind {
                "required" => Parameter::required(location, name),
                _ => Parameter::optional(location, name),
            })
        })
        .collect()
}

#[test]
fn every_command_in_the_readme_exists_with_its_flags() {
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    let packages = packages();
    let mut problems = Vec::new();
    let mut checked = 0;
    let blocks = fenced_blocks(&readme, "sh");
    let in_blocks = blocks
        .iter()
        .flat_map(|(line, block)| commands(block).into_iter().map(|words| (*line, words)));
    for (line, words) in in_blocks.chain(inline_commands(&readme)) {
        match words[0].as_str() {
            "docspec" => check_docspec(line, &words[1..], &mut problems),
            "cargo" => check_cargo(line, &words[1..], &packages, &mut problems),
            _ => continue,
        }
        checked += 1;
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(checked >= 20, "only {checked} commands found in README.md");
}

#[test]
fn inline_commands_are_found_where_they_wrap_lines() {
    let markdown = "Run `cargo clippy\n--all-targets` here.\n```sh\n`docspec no`\n```\nthen `docspec lint SPEC`.\n";
    let found = inline_commands(markdown);
    let words = |text: &str| text.split(' ').map(String::from).collect::<Vec<_>>();
    assert_eq!(
        found,
        [
            (1, words("cargo clippy --all-targets")),
            (6, words("docspec lint SPEC"))
        ]
    );
}

#[test]
fn a_flag_the_cli_lacks_is_found() {
    let mut problems = Vec::new();
    let words: Vec<String> = ["generate", "--no-such-flag"].map(String::from).into();
    check_docspec(7, &words, &mut problems);
    assert_eq!(
        problems,
        ["README.md:7: `docspec generate` has no flag --no-such-flag"]
    );
}

#[test]
fn a_command_or_flag_a_service_program_lacks_is_found() {
    let source = std::fs::read_to_string(workspace().join("generated/examples/sms.rs")).unwrap();
    let words = |text: &str| text.split(' ').map(String::from).collect::<Vec<_>>();
    let mut problems = Vec::new();
    check_program_command(
        3,
        "sms",
        &source,
        &words("export-consistency-results --endpoint URL --x-language en-us --body f.json"),
        &mut problems,
    );
    assert_eq!(problems, Vec::<String>::new());
    check_program_command(
        4,
        "sms",
        &source,
        &words("export-all --endpoint URL"),
        &mut problems,
    );
    check_program_command(
        5,
        "sms",
        &source,
        &words("export-consistency-results --language en-us"),
        &mut problems,
    );
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(
        problems[0],
        "README.md:4: the program sms has no command export-all"
    );
    assert!(
        problems[1].starts_with(
            "README.md:5: the command export-consistency-results of sms takes no --language"
        ),
        "{}",
        problems[1]
    );
}

/// The README's Rust block that begins with `marker`.
fn rust_block(readme: &str, marker: &str) -> String {
    let mut found = fenced_blocks(readme, "rust")
        .into_iter()
        .filter(|(_, block)| block.starts_with(marker));
    let (_, block) = found
        .next()
        .unwrap_or_else(|| panic!("README.md has no rust block starting with {marker:?}"));
    assert!(
        found.next().is_none(),
        "two rust blocks start with {marker:?}"
    );
    block
}

/// Writes a crate of its own below the shared scratch folder (a workspace of
/// its own, with this workspace's lock file so that versions match), builds
/// it with warnings denied and panics with cargo's output when that fails.
fn build_crate(name: &str, manifest: &str, files: &[(&str, &str)]) {
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("generated-crates");
    let dir = scratch.join(name);
    let lock = std::fs::read_to_string(workspace().join("Cargo.lock")).unwrap();
    let mut all = vec![("Cargo.toml", manifest), ("Cargo.lock", &lock)];
    all.extend_from_slice(files);
    for (path, text) in all {
        let path = dir.join(path);
        // Unchanged files keep their time, so that a second run rebuilds nothing.
        if std::fs::read_to_string(&path).is_ok_and(|old| old == text) {
            continue;
        }
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let output = Command::new(env!("CARGO"))
        .args(["build", "--quiet"])
        .current_dir(&dir)
        .env("CARGO_TARGET_DIR", scratch.join("target"))
        .env("RUSTFLAGS", "-D warnings")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "the README's code does not build as the crate {}:\n{}",
        dir.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// What makes a crate below this workspace's folder a workspace of its own;
/// a crate outside this repository needs no such line.
const OWN_WORKSPACE: &str = "[workspace]\n";

fn checkout() -> String {
    workspace()
        .canonicalize()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn the_client_snippet_compiles_against_the_generated_crate() {
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    let snippet = rust_block(&readme, "use huaweicloud_api::");
    let manifest = format!(
        "[package]\nname = \"readme-client\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         {OWN_WORKSPACE}\n[dependencies]\nhuaweicloud-api = {{ path = \"{}/generated\" }}\n",
        checkout()
    );
    // Compiled, not run: running it would send the request.
    let main = format!("{snippet}\nfn main() {{\n    drop(export_results());\n}}\n");
    build_crate("readme-client", &manifest, &[("src/main.rs", &main)]);
}

#[test]
fn the_build_rs_recipe_builds_outside_this_workspace() {
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    let toml_blocks = fenced_blocks(&readme, "toml");
    let [(_, dependencies)] = toml_blocks.as_slice() else {
        panic!("README.md has one toml block, the build.rs recipe's: {toml_blocks:?}");
    };
    assert!(dependencies.contains("/path/to/docspec"), "{dependencies}");
    let manifest = format!(
        "[package]\nname = \"readme-build-rs\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         {OWN_WORKSPACE}\n{}",
        dependencies.replace("/path/to/docspec", &checkout())
    );
    let build_rs = rust_block(&readme, "// build.rs");
    let lib_rs = rust_block(&readme, "// src/lib.rs");
    // The recipe's spec folder, `spec/` with the service it generates.
    let spec = std::fs::read_to_string(workspace().join("spec/sms/ExportConsistencyResults.yaml"))
        .unwrap();
    build_crate(
        "readme-build-rs",
        &manifest,
        &[
            ("build.rs", &build_rs),
            ("src/lib.rs", &lib_rs),
            ("spec/sms/ExportConsistencyResults.yaml", &spec),
        ],
    );
}

#[test]
fn a_test_binary_and_its_filter_must_exist() {
    let tests = workspace().join("generator/tests");
    let filter = |f: &str| Some(f.to_owned());
    let mut problems = Vec::new();
    check_test_target(
        1,
        "docspec",
        &tests,
        "corpora",
        filter("constraint_otc::").as_ref(),
        &mut problems,
    );
    check_test_target(2, "docspec", &tests, "suite", None, &mut problems);
    assert!(problems.is_empty(), "{problems:?}");
    check_test_target(
        3,
        "docspec",
        &tests,
        "corpora",
        filter("otc_site::").as_ref(),
        &mut problems,
    );
    check_test_target(4, "docspec", &tests, "otc_site", None, &mut problems);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].contains("has no module otc_site")
            && problems[1].contains("has no test otc_site"),
        "{problems:?}"
    );
}
