//! The shape of the generated crates' docs: a front page a user can start
//! from, whose example is the compiled `examples/quickstart.rs`; operation
//! docs with method, path, usage and statuses; type docs that say what the
//! value is rather than which table it came from; each constraint stated once.
//!
//! On the checked-in crate always; on every corpus page and the whole
//! ModelArts export (`../shared`, not part of this repository) where present.
//! The corpus crate's usage snippets are compiled where that crate is built
//! (`corpus_pipeline`, with [`snippets_program`]).

use docspec::emit::Files;
use docspec::generate::Generation;
use docspec::import::import_service;
use docspec_tests::{import_corpus, scratch_dir, workspace};
use std::path::Path;

fn source<'a>(files: &'a Files, path: &str) -> &'a str {
    files
        .iter()
        .find(|(p, _)| p.to_str() == Some(path))
        .map(|(_, s)| s.as_str())
        .unwrap_or_else(|| panic!("{path} is generated"))
}

/// The doc comment lines (`///` or `//!`, marker and one space removed) of each
/// doc block in `source` and the line after it, the item documented.
fn doc_blocks(source: &str, marker: &str) -> Vec<(Vec<String>, String)> {
    let mut blocks = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in source.lines() {
        let trimmed = line.trim_start();
        if let Some(doc) = trimmed.strip_prefix(marker) {
            current.push(doc.strip_prefix(' ').unwrap_or(doc).to_owned());
        } else if !current.is_empty() {
            blocks.push((std::mem::take(&mut current), trimmed.to_owned()));
        }
    }
    blocks
}

/// The front page has its sections, and its example is the example program
/// `examples/quickstart.rs`, which cargo compiles with the crate's examples.
fn assert_front_page(lib: &str, quickstart: &str, crate_name: &str) {
    let page: Vec<String> = doc_blocks(lib, "//!")
        .into_iter()
        .next()
        .expect("a front page")
        .0;
    let text = page.join("\n");
    for section in ["# Services", "# A call, step by step", "# Example"] {
        assert!(
            page.iter().any(|l| l == section),
            "front page section {section}:\n{text}"
        );
    }
    for step in [
        "`validate()`",
        "`to_http(endpoint)`",
        "`Response::from_http(status, body)`",
        "`Client`",
        "`Undocumented`",
    ] {
        assert!(text.contains(step), "the flow names {step}");
    }
    let start = page
        .iter()
        .position(|l| l == "```rust,no_run")
        .expect("the example's code")
        + 1;
    let end = start
        + page[start..]
            .iter()
            .position(|l| l == "```")
            .expect("the code ends");
    let shown = &page[start..end];
    let krate = crate_name.replace('-', "_");
    assert!(
        shown[0].starts_with(&format!("use {krate}::")),
        "the example names the crate: {}",
        shown[0]
    );
    // The program's code, as the page shows it: without its header, its module doc and rustfmt's attributes.
    let program: Vec<&str> = quickstart
        .lines()
        .filter(|l| {
            !l.starts_with("// @generated")
                && !l.starts_with("//!")
                && l.trim() != "#[rustfmt::skip]"
        })
        .skip_while(|l| l.is_empty())
        .collect();
    let mut program: Vec<&str> = program
        .iter()
        .enumerate()
        .filter(|(i, l)| {
            !(l.is_empty()
                && *i > 0
                && program[i - 1].starts_with("use ")
                && program.get(i + 1).is_some_and(|n| n.starts_with("use ")))
        })
        .map(|(_, l)| *l)
        .collect();
    while program.last() == Some(&"") {
        program.pop();
    }
    let shown: Vec<&str> = shown.iter().map(|l| l.as_str()).collect();
    assert_eq!(
        shown, program,
        "the front page shows examples/quickstart.rs"
    );
    for part in [
        "fn request()",
        ".validate()",
        ".to_http(credentials.endpoint(endpoint))",
        "credentials.apply(",
        "Response::from_http(",
        "Client::for_region(region, credentials)",
        ".request_id()",
        ".error_for_status()?",
        "Response::Undocumented {",
        "eprintln!(\"{violation}\")",
    ] {
        assert!(quickstart.contains(part), "the example does {part}");
    }
}

/// Every operation module's doc: method and path with the title, a usage
/// snippet, and the documented statuses linked to their variants.
fn assert_operation_docs(lib: &str) -> usize {
    let mut modules = 0;
    for (doc, item) in doc_blocks(lib, "///") {
        if !item.starts_with("pub mod ") || !doc[0].starts_with('`') {
            continue;
        }
        modules += 1;
        let text = doc.join("\n");
        let (method, _) = doc[0][1..].split_once(' ').unwrap();
        assert!(
            ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"].contains(&method),
            "{item}: {}",
            doc[0]
        );
        assert!(
            text.contains("# Usage\n\n```rust,ignore\nlet request = "),
            "{item} has a usage snippet:\n{text}"
        );
        assert!(
            text.contains(".to_http(endpoint)?;"),
            "{item}: send with any client"
        );
        assert!(text.contains("# Responses"), "{item} lists its statuses");
        assert!(
            text.contains("[`Response::Undocumented`]("),
            "{item}: any other status"
        );
    }
    modules
}

/// Type docs say what the value is; no two structs of a module read the
/// same; no constraint is stated twice.
fn assert_type_and_field_docs(files: &Files) {
    for (path, source) in files.iter().filter(|(p, _)| p.to_str() != Some("lib.rs")) {
        let mut struct_docs = Vec::new();
        for (doc, item) in doc_blocks(source, "///") {
            let text = doc.join("\n");
            if item.starts_with("pub struct ") {
                for caption in ["table.", "The object \"", "Table "] {
                    assert!(
                        !doc[0].contains(caption) || doc[0].contains("see Table "),
                        "{}: {item} is described by its table: {}",
                        path.display(),
                        doc[0]
                    );
                }
                assert!(
                    !struct_docs.contains(&text),
                    "{}: two structs read the same:\n{text}",
                    path.display()
                );
                struct_docs.push(text);
            } else if item.starts_with("pub ") && item.contains(':') {
                assert_stated_once(&doc, &format!("{} {item}", path.display()));
            }
        }
    }
}

/// A field doc states each bound and default once: no marker of the page
/// (`Minimum: 1`) repeats what the `Constraints:` line says.
fn assert_stated_once(doc: &[String], field: &str) {
    let Some(line) = doc
        .iter()
        .find(|l| l.starts_with("Constraints: ") || l.starts_with("Default: "))
    else {
        return;
    };
    // The bounds and the default, each compared with its own part of the line.
    let (bounds, default) = match line.split_once("Default: ") {
        Some((bounds, default)) => (bounds, default),
        None => (line.as_str(), ""),
    };
    let says = |part: &str, value: &str| part.split([' ', ';', '.', '`']).any(|w| w == value);
    for prose in doc.iter().filter(|l| *l != line) {
        let words: Vec<&str> = prose.split_whitespace().collect();
        for pair in words.windows(2) {
            let (part, stated) = match pair[0] {
                "Minimum:" | "Maximum:" => (bounds, pair[1].trim_end_matches('.')),
                "Default:" => (default, pair[1].trim_end_matches('.')),
                _ => continue,
            };
            assert!(
                !says(part, stated),
                "{field} states {} {stated} twice:\n{}",
                pair[0],
                doc.join("\n")
            );
        }
        assert!(
            !(prose.contains("Array Length: ") && line.contains(" items")),
            "{field} states its item count twice:\n{}",
            doc.join("\n")
        );
    }
}

#[test]
fn the_checked_in_crate_has_a_front_page_operation_docs_and_plain_type_docs() {
    let root = workspace().join("generated");
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).unwrap();
    let quickstart = std::fs::read_to_string(root.join("examples/quickstart.rs")).unwrap();
    assert_front_page(&lib, &quickstart, "huaweicloud-api");
    // Every operation's module doc, however many pages spec/ holds.
    assert_eq!(
        assert_operation_docs(&lib),
        lib.matches("include!(").count()
    );
    let operation =
        std::fs::read_to_string(root.join("src/sms/export_consistency_results.rs")).unwrap();
    let files = Files::from([(
        "sms/export_consistency_results.rs".into(),
        operation.clone(),
    )]);
    assert_type_and_field_docs(&files);
    // The page's words for what the values are, and each constraint once.
    for expected in [
        "/// All task information.\n///\n/// Used in [`RequestBody::task_info`] (each item).\n",
        "/// The body of the 400 response (Bad Request).\n",
        "/// The body of the `ExportConsistencyResults` request.\n",
        "    /// Task ID.\n    ///\n    /// Constraints: 1 to 36 characters.\n",
        "    /// Error parameters.\n    ///\n    /// Constraints: 1 to 20 items; each item 0 to 65535 characters.\n",
    ] {
        assert!(operation.contains(expected), "{expected}");
    }
    // The example tests call the check outside the macro, so prettyplease formats it.
    assert!(operation.contains("let check = check_json_example::<RequestBody>(json);"));
    assert!(
        !operation.contains(":: <"),
        "no unformatted macro arguments"
    );
}

/// One async function per operation module, holding its usage snippet as the docs show it.
pub fn snippets_program(lib: &str, name: &str) -> String {
    let krate = name.replace('-', "_");
    let mut program = String::from(
        "//! The usage snippets of the operations' docs, each in a function that compiles.\n\
         #![allow(dead_code, unused_variables)]\n\
         fn main() {}\n",
    );
    let mut service = String::new();
    let mut snippet: Option<Vec<String>> = None;
    let mut collecting = false;
    for line in lib.lines() {
        if let Some(rest) = line.strip_prefix("pub mod ") {
            service = rest.trim_end_matches(" {").to_owned();
        }
        let doc = line
            .trim_start()
            .strip_prefix("///")
            .map(|d| d.strip_prefix(' ').unwrap_or(d));
        match doc {
            Some("```rust,ignore") => {
                collecting = true;
                snippet = Some(Vec::new());
            }
            Some("```") => collecting = false,
            Some(code) if collecting => snippet.get_or_insert_with(Vec::new).push(code.to_owned()),
            _ => {}
        }
        if let Some(module) = line.strip_prefix("    pub mod ") {
            let module = module.trim_end_matches(" {");
            if let Some(lines) = snippet.take() {
                program.push_str(&format!(
                    "mod {service}_{module} {{\n    use {krate}::{service}::{module}::*;\n    #[allow(unused_imports)]\n    use {krate}::wire;\n    \
                     async fn snippet(client: &{krate}::{service}::Client, endpoint: &str) -> Result<(), Box<dyn std::error::Error>> {{\n        {}\n        Ok(())\n    }}\n}}\n",
                    lines.join("\n        ")
                ));
            }
        }
    }
    program
}

fn corpus_generation(scratch: &Path) -> Option<Generation> {
    let corpus = workspace().join("../shared/corpus");
    if !corpus.is_dir() {
        return None;
    }
    let spec_dir = scratch_dir(scratch, "docs-corpus-spec");
    let _ = std::fs::remove_dir_all(&spec_dir);
    let failures = import_corpus(&corpus, &spec_dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let generation = docspec::generate::generate(&spec_dir, &[], "docspec generate")
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_dir_all(&spec_dir).unwrap();
    Some(generation)
}

#[test]
fn corpus_crate_docs_have_their_shape() {
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let Some(mut generation) = corpus_generation(scratch) else {
        println!("skipped: ../shared/corpus is missing, so no corpus crate's docs were checked");
        return;
    };
    assert_type_and_field_docs(&generation.files);
    generation.for_crate("corpus-docs", "docspec generate");
    let examples = docspec::emit::emit_examples(&generation.api, "corpus-docs", "docspec generate");
    let lib = source(&generation.files, "lib.rs").to_owned();
    assert_front_page(&lib, source(&examples, "quickstart.rs"), "corpus-docs");
    let operations: usize = generation
        .api
        .services
        .iter()
        .map(|s| s.operations.len())
        .sum();
    assert_eq!(
        assert_operation_docs(&lib),
        operations,
        "every operation module has its doc"
    );
}

#[test]
fn modelarts_crate_docs_have_their_shape() {
    let export = workspace().join("../shared/exports/modelarts");
    if !export.is_dir() {
        println!("skipped: ../shared/exports/modelarts is missing, so no whole service's docs were checked");
        return;
    }
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let spec_dir = scratch_dir(scratch, "docs-modelarts-spec");
    let _ = std::fs::remove_dir_all(&spec_dir);
    let imported = import_service(&[export], "modelarts", None, &spec_dir);
    assert!(
        imported.failures.is_empty(),
        "{}",
        imported.failures.join("\n")
    );
    let mut generation = docspec::generate::generate(&spec_dir, &[], "docspec generate")
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_dir_all(&spec_dir).unwrap();
    assert_type_and_field_docs(&generation.files);
    generation.for_crate("modelarts-api", "docspec generate");
    let examples =
        docspec::emit::emit_examples(&generation.api, "modelarts-api", "docspec generate");
    let lib = source(&generation.files, "lib.rs").to_owned();
    assert_front_page(&lib, source(&examples, "quickstart.rs"), "modelarts-api");
    let with_snippet = assert_operation_docs(&lib);
    println!("{with_snippet} of 141 operation docs have a usage snippet");
    assert!(
        with_snippet > 130,
        "most operations have a usage snippet: {with_snippet}"
    );
}

/// Making `lib.rs` a crate's root twice gives the root once: one front page,
/// one `#![warn(missing_docs)]` (clippy denies a repeated attribute).
#[test]
fn a_crate_root_made_twice_is_made_once() {
    let fixture = workspace().join("tests/fixtures/reference/spec");
    let mut generation = docspec::generate::generate(&fixture, &[], "docspec generate")
        .unwrap_or_else(|e| panic!("{e}"));
    generation.for_crate("api", "docspec generate");
    let once = source(&generation.files, "lib.rs").to_owned();
    generation.for_crate("api", "docspec generate");
    assert_eq!(source(&generation.files, "lib.rs"), once);
    assert_eq!(once.matches("#![warn(missing_docs)]").count(), 1);
}
