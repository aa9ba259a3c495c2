//! The same revision of a Sphinx-built API reference, imported from its
//! reStructuredText sources and from the HTML site built from them, gives
//! the same specs: every service and revision in `../shared/otc`
//! (`<service>/<commit>/rst` against `<service>/<commit>/html`). Specs are
//! compared whole except where they say where they came from (`source`, and
//! the lines of code blocks left uncaptured).
#![cfg(feature = "import")]

use docspec::import::{import_service, ServiceImport};
use docspec::spec::Spec;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const OTC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/otc");

/// `<service>/<commit>` folders that hold both forms, sorted.
fn revisions() -> Vec<PathBuf> {
    let mut found = Vec::new();
    for service in std::fs::read_dir(OTC).unwrap().filter_map(Result::ok) {
        let Ok(commits) = std::fs::read_dir(service.path()) else {
            continue;
        };
        for commit in commits.filter_map(Result::ok).map(|c| c.path()) {
            if commit.join("rst").is_dir() && commit.join("html").is_dir() {
                found.push(commit);
            }
        }
    }
    found.sort();
    found
}

/// The import of one form, by page path below `root` without extension,
/// with what says where a spec came from left out.
fn by_page(imported: &ServiceImport, root: &Path) -> BTreeMap<String, Spec> {
    imported
        .imported
        .iter()
        .map(|page| {
            let key = page
                .page
                .strip_prefix(root)
                .unwrap_or(&page.page)
                .with_extension("")
                .to_string_lossy()
                .into_owned();
            let mut spec = page.spec.clone();
            spec.source = None;
            for code in &mut spec.uncaptured_code {
                code.line = 0;
            }
            for table in &mut spec.tables {
                table.inferred = table.inferred.as_deref().map(without_line_numbers);
                for row in &mut table.rows {
                    row.inferred = row.inferred.as_deref().map(without_line_numbers);
                }
            }
            (key, spec)
        })
        .collect()
}

/// The pages skipped, and those that failed (`failed: <page>`): the same
/// pages must fail in both forms, for the same reason.
fn skipped(imported: &ServiceImport, root: &Path) -> Vec<String> {
    let key = |page: &Path| {
        page.strip_prefix(root)
            .unwrap_or(page)
            .with_extension("")
            .to_string_lossy()
            .into_owned()
    };
    let root_text = format!("{}/", root.display());
    let failed = imported.failures.iter().map(|failure| {
        let page = failure
            .split_once(&root_text)
            .map(|(_, rest)| rest.split(':').next().unwrap_or_default())
            .unwrap_or(failure);
        format!("failed: {}", key(Path::new(page)))
    });
    let mut pages: Vec<String> = imported
        .skipped
        .iter()
        .map(|s| key(&s.page))
        .chain(failed)
        .collect();
    pages.sort();
    pages.dedup();
    pages
}

/// `at line 144` in a note → `at line _`: notes name page lines, which
/// differ between the forms as `source` does.
fn without_line_numbers(note: &str) -> String {
    let mut out = String::new();
    let mut rest = note;
    while let Some(at) = rest.find("line ") {
        out.push_str(&rest[..at + 5]);
        rest = &rest[at + 5..];
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 {
            out.push('_');
            rest = &rest[digits..];
        }
    }
    out.push_str(rest);
    out
}

/// The first lines where two specs' YAML differ, for the failure message.
fn first_difference(rst: &Spec, html: &Spec) -> String {
    let (rst, html) = (rst.to_yaml(), html.to_yaml());
    let at = rst
        .lines()
        .zip(html.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(rst.lines().count().min(html.lines().count()));
    let window = |text: &str| -> String {
        text.lines()
            .skip(at.saturating_sub(2))
            .take(5)
            .collect::<Vec<_>>()
            .join("\n      ")
    };
    format!(
        "line {}\n    rst:  {}\n    html: {}",
        at + 1,
        window(&rst),
        window(&html)
    )
}

#[test]
#[cfg_attr(
    shared_missing,
    ignore = "../shared/otc is missing: no reStructuredText import is compared with its HTML"
)]
fn rst_and_html_of_one_revision_give_the_same_specs() {
    if !Path::new(OTC).is_dir() {
        eprintln!("skipped: {OTC} is missing");
        return;
    }
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("rst-equals-html");
    let mut problems = Vec::new();
    let mut compared = 0;
    for revision in revisions() {
        let name = revision.strip_prefix(OTC).unwrap().display().to_string();
        let mut imports = Vec::new();
        for form in ["rst", "html"] {
            let root = revision.join(form);
            let _ = std::fs::remove_dir_all(&out);
            let imported = import_service(std::slice::from_ref(&root), "otc", None, &out);
            imports.push((by_page(&imported, &root), skipped(&imported, &root)));
        }
        let _ = std::fs::remove_dir_all(&out);
        let [(rst, rst_skipped), (html, html_skipped)] = <[_; 2]>::try_from(imports).unwrap();
        if rst_skipped != html_skipped {
            problems.push(format!(
                "{name}: skipped from rst {rst_skipped:?}\n  from html {html_skipped:?}"
            ));
        }
        for (page, rst_spec) in &rst {
            match html.get(page) {
                None => problems.push(format!("{name}/{page}: an operation from rst only")),
                Some(html_spec) if html_spec != rst_spec => problems.push(format!(
                    "{name}/{page}: {}",
                    first_difference(rst_spec, html_spec)
                )),
                Some(_) => compared += 1,
            }
        }
        for page in html.keys().filter(|p| !rst.contains_key(*p)) {
            problems.push(format!("{name}/{page}: an operation from html only"));
        }
    }
    eprintln!("{compared} operation(s) equal from rst and html");
    assert!(
        problems.is_empty(),
        "{} difference(s) between rst and html imports:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(compared > 0, "no operation was compared");
}
