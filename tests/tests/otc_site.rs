//! Whole services from a doc site's HTML, end to end: every service and
//! revision of `../shared/otc` (Open Telekom Cloud's API references as their
//! Sphinx site serves them, not part of this repository) is imported as one
//! folder, and all of them are generated into one crate without hand edits,
//! built with warnings denied, linted with clippy, and every example test of
//! that crate runs.
//!
//! What the importer read is checked against the pages read another way
//! (CSS selectors, not the importer's reader): every page with a URI section
//! is imported as an operation with a method and a path, and every row of
//! the pages' parameter tables is in its spec.
//!
//! The crate is built in the target folder the generated-crate tests share
//! (the dependencies build once for all of them) and removed at the end,
//! with its specs. Where `../shared` is missing, the test says so and passes.

use docspec::import::import_service;
use docspec_tests::{build_and_pass_every_example, clippy, remove_crate, scratch_dir, workspace};
use scraper::{Html, Selector};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

#[test]
#[cfg_attr(
    shared_missing,
    ignore = "../shared/otc is missing: no doc site service is imported, generated or built"
)]
fn every_otc_service_imports_from_its_html_generates_builds_and_passes_its_examples() {
    let otc = workspace().join("../shared/otc");
    if !otc.is_dir() {
        println!("skipped: ../shared/otc is missing, so no doc site service was imported, generated or built");
        return;
    }
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let spec_dir = scratch_dir(scratch, "otc-site-spec");
    let _ = std::fs::remove_dir_all(&spec_dir);
    let revisions = revisions(&otc);
    assert!(revisions.len() >= 2, "at least two services or revisions");
    let mut operations = 0;
    for (service, revision, html) in &revisions {
        let name = format!("{}_{revision}", service.replace('-', "_"));
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

/// `(service, revision, html folder)` for every revision in `otc`, sorted.
fn revisions(otc: &Path) -> Vec<(String, String, PathBuf)> {
    let mut found = Vec::new();
    for (service, service_dir) in subfolders(otc) {
        for (revision, revision_dir) in subfolders(&service_dir) {
            let html = revision_dir.join("html");
            if html.is_dir() {
                found.push((service.clone(), revision, html));
            }
        }
    }
    found
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
