//! Whole services from a doc site, end to end, from both forms it comes in:
//! every service and revision of `../shared/otc` (Open Telekom Cloud's API
//! references, not part of this repository) is imported as one folder from
//! the HTML its Sphinx site serves and from the reStructuredText sources
//! (`<service>/<commit>/rst`, an `api-ref/source` tree) the site is built
//! from. Each form generates into one crate without hand edits (one module
//! per service and revision), and the two generations are the same to the
//! byte; that crate is built with warnings denied, linted with clippy, and
//! every example test of it runs. One build serves both readers: what the
//! reStructuredText gives is what was built. (`corpora/rst_equals_html.rs`
//! of the generator compares the two imports spec by spec.)
//!
//! What the importer read from the HTML is checked against the pages read
//! another way (CSS selectors, not the importer's reader): every page with a
//! URI section is imported as an operation with a method and a path, and
//! every row of the pages' parameter tables is in its spec.
//!
//! The crate is built in the target folder the generated-crate tests share
//! (the dependencies build once for all of them) and removed at the end,
//! with its specs. Where `../shared` is missing, the test says so and passes.

use docspec::emit::Files;
use docspec::import::import_service;
use docspec_tests::{build_and_pass_every_example, clippy, remove_crate, scratch_dir, workspace};
use scraper::{Html, Selector};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

#[test]
#[cfg_attr(
    shared_missing,
    ignore = "../shared/otc is missing: no doc site service is imported from its HTML or reStructuredText, generated or built"
)]
fn every_otc_revision_imports_alike_from_html_and_rst_generates_builds_and_passes_its_examples() {
    let otc = workspace().join("../shared/otc");
    if !otc.is_dir() {
        println!("skipped: ../shared/otc is missing, so no doc site service was imported from its HTML or reStructuredText, generated or built");
        return;
    }
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let spec_dir = scratch_dir(scratch, "otc-site-spec");
    let _ = std::fs::remove_dir_all(&spec_dir);
    let revisions = revisions(&otc, "html");
    assert!(revisions.len() >= 2, "at least two services or revisions");
    let mut operations = 0;
    for (service, revision, html) in &revisions {
        let name = module_name(service, revision);
        let imported = import_service(std::slice::from_ref(html), &name, None, &spec_dir);
        assert!(
            imported.failures.is_empty(),
            "{service} {revision}:\n{}",
            imported.failures.join("\n")
        );
        let pages = html_pages(html);
        // Every page with a URI section is an operation, with a method and a path.
        let sources: BTreeSet<String> = imported
            .imported
            .iter()
            .filter_map(|p| p.spec.source.clone())
            .collect();
        let with_uri: Vec<&Path> = pages
            .iter()
            .filter(|(_, page)| has_uri_section(page))
            .map(|(path, _)| path.as_path())
            .collect();
        for page in &with_uri {
            // A spec's source is the page's path below the folder imported.
            let relative = page.strip_prefix(html).unwrap_or(page);
            let file = relative.to_string_lossy().into_owned();
            assert!(
                sources.contains(&file),
                "{} has a URI section but is not imported",
                page.display()
            );
        }
        assert!(imported.imported.len() >= with_uri.len());
        for page in &imported.imported {
            let spec = &page.spec;
            assert!(
                docspec::model::Method::from_name(&spec.method).is_some()
                    && spec.path.starts_with('/')
                    && !spec.path.contains(char::is_whitespace),
                "{}: {} {}",
                page.page.display(),
                spec.method,
                spec.path
            );
            assert!(!spec.title.contains('¶'), "{}", spec.title);
        }
        // Every row of the pages' parameter tables is in the page's spec.
        let mut page_rows = 0;
        for page in &imported.imported {
            let html = &pages[&page.page];
            let in_spec: BTreeSet<&str> = page
                .spec
                .tables
                .iter()
                .flat_map(|t| t.rows.iter().map(|r| r.parameter.trim()))
                .collect();
            for row in parameter_rows(html) {
                page_rows += 1;
                assert!(
                    in_spec.contains(row.as_str()),
                    "{}: the row {row:?} is not in the spec",
                    page.page.display()
                );
            }
        }
        let spec_rows: usize = imported
            .imported
            .iter()
            .flat_map(|p| &p.spec.tables)
            .map(|t| t.rows.len())
            .sum();
        println!(
            "{service} {revision}: {} operations, {} pages with a URI section, {page_rows} parameter-table rows all captured ({spec_rows} spec rows with the tables inferred from examples)",
            imported.imported.len(),
            with_uri.len(),
        );
        operations += imported.imported.len();
    }

    let mut generation = match docspec::generate::generate(&spec_dir, &[], "docspec generate") {
        Ok(generation) => generation,
        Err(errors) => panic!("the imported services do not generate:\n{errors}"),
    };
    let from_rst = rst_generation(&otc, scratch, operations);
    assert_same_files(&from_rst, &generation.files);
    let lib = generation.files[Path::new("lib.rs")].as_str();
    assert_eq!(
        lib.matches("/// - [`").count(),
        operations,
        "every operation listed"
    );
    let crate_dir = scratch_dir(scratch, "otc-api");
    let examples = build_and_pass_every_example(&crate_dir, scratch, "otc-api", &mut generation);
    clippy(&crate_dir, scratch).unwrap_or_else(|findings| panic!("{findings}"));
    remove_crate(&crate_dir, scratch, "otc-api");
    assert!(
        examples > operations / 2,
        "most operation pages have examples"
    );
    std::fs::remove_dir_all(&spec_dir).unwrap();
}

/// The module of a service's revision: `cloud-container-engine` at
/// `56bd717` is `cloud_container_engine_56bd717`.
fn module_name(service: &str, revision: &str) -> String {
    format!("{}_{revision}", service.replace('-', "_"))
}

/// `(service, revision, folder)` for every revision in `otc` that holds the
/// `form` (`html` or `rst`), sorted.
fn revisions(otc: &Path, form: &str) -> Vec<(String, String, PathBuf)> {
    let mut found = Vec::new();
    for (service, service_dir) in subfolders(otc) {
        for (revision, revision_dir) in subfolders(&service_dir) {
            let folder = revision_dir.join(form);
            if folder.is_dir() {
                found.push((service.clone(), revision, folder));
            }
        }
    }
    found
}

/// Every revision imported from its reStructuredText, as the HTML was (one
/// module per service and revision), and generated. Asserts that no page fails, that every revision gives
/// operations and that they are as many as the HTML gave (`operations`);
/// the specs are removed afterwards.
fn rst_generation(otc: &Path, scratch: &Path, operations: usize) -> Files {
    let spec_dir = scratch_dir(scratch, "otc-rst-spec");
    let _ = std::fs::remove_dir_all(&spec_dir);
    let mut failures = Vec::new();
    let mut from_rst = 0;
    for (service, revision, rst) in revisions(otc, "rst") {
        let module = module_name(&service, &revision);
        let imported = import_service(&[rst], &module, None, &spec_dir);
        println!("{module} from reStructuredText: {imported}");
        failures.extend(imported.failures.iter().map(|f| format!("{module}: {f}")));
        assert!(!imported.imported.is_empty(), "{module}: no operation");
        from_rst += imported.imported.len();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(from_rst, operations, "operations from rst and from html");
    let generation = match docspec::generate::generate(&spec_dir, &[], "docspec generate") {
        Ok(generation) => generation,
        Err(errors) => panic!("the references imported from rst do not generate:\n{errors}"),
    };
    std::fs::remove_dir_all(&spec_dir).unwrap();
    generation.files
}

/// The crate generated from the reStructuredText is the one generated from
/// the HTML, file by file and byte by byte; else the first line that differs.
fn assert_same_files(from_rst: &Files, from_html: &Files) {
    let names = |files: &Files| files.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        names(from_rst),
        names(from_html),
        "the files generated from rst and from html"
    );
    for (file, rst) in from_rst {
        let html = &from_html[file];
        if let Some((line, (a, b))) = rst
            .lines()
            .zip(html.lines())
            .enumerate()
            .find(|(_, (a, b))| a != b)
        {
            panic!(
                "{}:{}: generated from rst and from html differ:\n  rst:  {a}\n  html: {b}",
                file.display(),
                line + 1
            );
        }
        assert_eq!(rst, html, "{}: one generation is longer", file.display());
    }
    println!(
        "the crates generated from rst and from html are the same: {} files",
        from_rst.len()
    );
}

fn subfolders(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut found: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    found.sort();
    found
}

/// Every `.html` file under `dir`, parsed.
fn html_pages(dir: &Path) -> BTreeMap<PathBuf, Html> {
    let mut pages = BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                let text = std::fs::read_to_string(&path).unwrap();
                pages.insert(path, Html::parse_document(&text));
            }
        }
    }
    pages
}

/// The text of an element without its permalink (`¶`), trimmed.
fn text(element: scraper::ElementRef) -> String {
    let text: String = element.text().collect();
    text.replace('¶', "").trim().to_owned()
}

/// Whether a section heading of the page's main content reads `URI`.
fn has_uri_section(page: &Html) -> bool {
    let headings = Selector::parse("main h2, main h3, main h4").unwrap();
    page.select(&headings).any(|h| text(h) == "URI")
}

/// The first cell of every body row of the page's parameter tables (those
/// whose header has a Type column), in the main content.
fn parameter_rows(page: &Html) -> Vec<String> {
    let tables = Selector::parse("main table").unwrap();
    let header = Selector::parse("thead th").unwrap();
    let rows = Selector::parse("tbody tr").unwrap();
    let first_cell = Selector::parse("td").unwrap();
    let mut found = Vec::new();
    for table in page.select(&tables) {
        if !table.select(&header).any(|th| text(th) == "Type") {
            continue;
        }
        for row in table.select(&rows) {
            if let Some(cell) = row.select(&first_cell).next() {
                found.push(text(cell));
            }
        }
    }
    found
}
