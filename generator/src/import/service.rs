//! A whole service: pages and folders of pages in, one spec per operation
//! out. Pages that document no operation are skipped with their reason;
//! operations get names a person would choose when the file name is a
//! document id; a re-import maps every page to the spec it produced before
//! (through the spec's `source`), so names and hand corrections survive.
//! The rule is documented in `spec/README.md` ("Operation names").

use super::names::{self, operation_id_from_page};
use super::{binary_kind, commented_yaml, merge_hand_edits, read_page, ImportOptions, PageOutcome};
use crate::diagnostic::{Diagnostics, Guess};
use crate::spec::{self, service_file, Spec};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

/// Why a page is not an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SkipReason {
    /// The export's index lists pages under it: a chapter's opening page.
    ChapterPage,
    /// No `METHOD /path` line and no URI section: an introduction, a
    /// permission list, an appendix of status or error codes.
    NoOperation,
    /// Nothing but white space.
    Empty,
}

impl SkipReason {
    pub fn describe(self) -> &'static str {
        match self {
            SkipReason::ChapterPage => "chapter pages (the index lists pages under them)",
            SkipReason::NoOperation => {
                "pages without a `METHOD /path` line (introductions, permission lists, appendices)"
            }
            SkipReason::Empty => "empty pages",
        }
    }
}

/// A page left out, and why.
#[derive(Debug, Clone)]
pub struct Skipped {
    pub page: PathBuf,
    pub reason: SkipReason,
}

/// A page imported into a spec file.
#[derive(Debug, Clone)]
pub struct ImportedPage {
    pub page: PathBuf,
    pub target: PathBuf,
    pub spec: Spec,
    /// Whether an earlier spec of this page was there (its hand edits and name kept).
    pub kept: bool,
}

/// What importing a service did.
#[derive(Debug, Default)]
pub struct ServiceImport {
    pub imported: Vec<ImportedPage>,
    pub skipped: Vec<Skipped>,
    /// Warnings of import and of the specs checked against themselves.
    pub diagnostics: Diagnostics,
    /// What a user must fix: unreadable files, operation pages that cannot be read.
    pub failures: Vec<String>,
    /// The service file, when the pages state hosts of the service it did not list yet.
    pub service_file: Option<PathBuf>,
}

/// The titles and chapters of an export's index (`CLASS.TXT.json`: a list of
/// `{uri, title, code, p_code}`), by page file name.
#[derive(Debug, Clone, Default)]
pub struct PageIndex {
    entries: BTreeMap<String, IndexEntry>,
}

#[derive(Debug, Clone, Default)]
struct IndexEntry {
    title: String,
    chapter: Option<String>,
    /// The chapter's place in the index (its entry's position).
    chapter_order: Option<u32>,
    has_children: bool,
}

/// The index files an export carries; the folder walk leaves them out.
const INDEX_FILES: &[&str] = &["CLASS.TXT.json", "ALL_META.TXT.json", "PARAMETERS.txt"];

impl PageIndex {
    /// Reads the index of an export folder; empty where there is none or it does not parse.
    pub fn read(dir: &Path) -> PageIndex {
        std::fs::read(dir.join("CLASS.TXT.json"))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
            .map(|value| PageIndex::from_json(&value))
            .unwrap_or_default()
    }

    fn from_json(value: &serde_json::Value) -> PageIndex {
        let items: Vec<&serde_json::Map<String, serde_json::Value>> = value
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_object()).collect())
            .unwrap_or_default();
        let field = |item: &serde_json::Map<String, serde_json::Value>, key: &str| {
            item.get(key)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .trim()
                .to_owned()
        };
        // Each entry's title and place in the index, by its code: the
        // index lists the tree in the reference's order.
        let titles: BTreeMap<String, (String, u32)> = items
            .iter()
            .zip(1..)
            .map(|(item, place)| (field(item, "code"), (field(item, "title"), place)))
            .collect();
        let parents: BTreeSet<String> = items.iter().map(|item| field(item, "p_code")).collect();
        let entries = items
            .iter()
            .filter(|item| !field(item, "uri").is_empty())
            .map(|item| {
                let uri = field(item, "uri");
                let file = uri.split(['#', '?']).next().unwrap_or_default().to_owned();
                let chapter = titles
                    .get(&field(item, "p_code"))
                    .filter(|(title, _)| !title.is_empty());
                let entry = IndexEntry {
                    title: field(item, "title"),
                    chapter: chapter.map(|(title, _)| title.clone()),
                    chapter_order: chapter.map(|(_, place)| *place),
                    has_children: parents.contains(&field(item, "code")),
                };
                (file, entry)
            })
            .collect();
        PageIndex { entries }
    }

    fn entry(&self, page: &Path) -> Option<&IndexEntry> {
        let name = page.file_name()?.to_string_lossy();
        self.entries.get(name.as_ref())
    }
}

/// The file name endings of the pages docspec reads, and how they are read.
const PAGE_FORMATS: &[&str] = &["html", "htm", "txt"];
const FORMATS_READ: &str = "HTML as a doc site serves it or as an export holds it (.html, .htm) and pages copied as text (.txt)";

/// Whether a file's name says it is a page docspec reads.
fn is_page_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| {
        PAGE_FORMATS
            .iter()
            .any(|format| e.eq_ignore_ascii_case(format))
    })
}

/// What a file's name says it is, for a message: `.rst`, or `no extension`.
fn format_of(path: &Path) -> String {
    path.extension()
        .map(|e| format!(".{}", e.to_string_lossy().to_ascii_lowercase()))
        .unwrap_or_else(|| "no extension".to_owned())
}

/// The pages under `paths`: files as given, folders walked (sorted, index
/// files and files that are no page left out), each with its folder's
/// index. A file given by name in a format docspec does not read is a
/// failure; the files left out of folders are counted by format in `unread`.
fn pages(
    paths: &[PathBuf],
    unread: &mut BTreeMap<String, usize>,
    failures: &mut Vec<String>,
) -> Vec<(PathBuf, PathBuf)> {
    let mut pages = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut pages, unread, failures);
        } else if path.extension().is_some() && !is_page_file(path) && path.is_file() {
            let what = match std::fs::read(path).ok().as_deref().and_then(binary_kind) {
                Some(kind) => {
                    format!("not an HTML or text page: the file holds binary data ({kind})")
                }
                None => format!("a {} file, a format docspec does not read", format_of(path)),
            };
            failures.push(format!(
                "error: {}: {what}; docspec reads {FORMATS_READ}",
                path.display()
            ));
        } else {
            let dir = path.parent().unwrap_or(Path::new(".")).to_owned();
            pages.push((path.clone(), dir));
        }
    }
    pages
}

fn walk(
    dir: &Path,
    pages: &mut Vec<(PathBuf, PathBuf)>,
    unread: &mut BTreeMap<String, usize>,
    failures: &mut Vec<String>,
) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            failures.push(format!("error: cannot read {}: {e}", dir.display()));
            return;
        }
    };
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            walk(&entry, pages, unread, failures);
            continue;
        }
        let name = entry
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if INDEX_FILES.contains(&name.as_str()) {
            continue;
        }
        if is_page_file(&entry) {
            pages.push((entry, dir.to_owned()));
        } else {
            *unread.entry(format_of(&entry)).or_default() += 1;
        }
    }
}

/// The failure of an import that found no operation page: what was found
/// and which formats are read, so that nothing is ever read silently.
fn nothing_read(paths: &[PathBuf], pages: usize, unread: &BTreeMap<String, usize>) -> String {
    let given: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let mut found = vec![format!("{pages} page(s) read, none of them an operation page (no URI section, no `METHOD /path` line)")];
    if !unread.is_empty() {
        let formats: Vec<String> = unread
            .iter()
            .map(|(format, n)| format!("{n} {format}"))
            .collect();
        found.push(format!(
            "file(s) in formats not read: {}",
            formats.join(", ")
        ));
    }
    format!(
        "error: no operation page found in {}: {}; docspec reads {FORMATS_READ}",
        given.join(", "),
        found.join("; ")
    )
}

/// The specs already in `service_dir`, by the page file they came from.
fn earlier_specs(service_dir: &Path) -> BTreeMap<String, (PathBuf, Spec)> {
    let mut earlier = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(service_dir) else {
        return earlier;
    };
    let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    for file in files
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "yaml"))
    {
        if let Ok(loaded) = spec::load_file(&file) {
            if let Some(source) = loaded.spec.source.clone() {
                earlier.entry(source).or_insert((file, loaded.spec));
            }
        }
    }
    earlier
}

/// Imports every page under `paths` into `out/<service>/`, writing the specs.
/// `operation` names the operation of a single page.
pub fn import_service(
    paths: &[PathBuf],
    service: &str,
    operation: Option<&str>,
    out: &Path,
) -> ServiceImport {
    let mut result = ServiceImport::default();
    let mut unread = BTreeMap::new();
    let pages = pages(paths, &mut unread, &mut result.failures);
    let page_count = pages.len();
    let service_dir = out.join(service);
    let earlier = earlier_specs(&service_dir);
    let mut indexes: BTreeMap<PathBuf, PageIndex> = BTreeMap::new();
    let options = ImportOptions {
        service: service.to_owned(),
        operation: operation.map(str::to_owned),
    };
    let mut fresh = Vec::new();
    let mut hosts = Vec::new();
    for (page, dir) in pages {
        let index = indexes
            .entry(dir.clone())
            .or_insert_with(|| PageIndex::read(&dir));
        let bytes = match std::fs::read(&page) {
            Ok(bytes) => bytes,
            Err(e) => {
                result
                    .failures
                    .push(format!("error: cannot read {}: {e}", page.display()));
                continue;
            }
        };
        let entry = index.entry(&page).cloned();
        let found = super::hosts::hosts_in(&String::from_utf8_lossy(&bytes));
        if !found.is_empty() {
            hosts.push((page.clone(), found));
        }
        match read_page(&page, &bytes, &options) {
            PageOutcome::Operation(imported) => {
                let mut spec = imported.spec;
                if let Some(entry) = &entry {
                    if spec.title.trim().is_empty() {
                        spec.title = entry.title.clone();
                    }
                    spec.chapter = entry.chapter.clone();
                    spec.chapter_order = entry.chapter_order;
                }
                result.diagnostics.extend(imported.diagnostics);
                fresh.push((page, spec));
            }
            PageOutcome::NotAnOperation { empty, .. } => {
                let reason = if empty {
                    SkipReason::Empty
                } else if entry.is_some_and(|e| e.has_children) {
                    SkipReason::ChapterPage
                } else {
                    SkipReason::NoOperation
                };
                result.skipped.push(Skipped { page, reason });
            }
            PageOutcome::Unreadable(diagnostics) => {
                result.failures.push(format!(
                    "{diagnostics}\nerror: {} has a URI section but cannot be read as an operation",
                    page.display()
                ));
            }
        }
    }
    if fresh.is_empty() && result.failures.is_empty() {
        result
            .failures
            .push(nothing_read(paths, page_count, &unread));
    }
    name_operations(&mut fresh, &earlier, operation.is_some());
    for (page, spec) in fresh {
        write_spec(page, spec, &service_dir, &earlier, &mut result);
    }
    record_hosts(service, &service_dir, &hosts, &mut result);
    result
}

/// Adds the regions the pages state to the service file, keeping what it had.
fn record_hosts(
    service: &str,
    service_dir: &Path,
    hosts: &[(PathBuf, Vec<super::hosts::Host>)],
    result: &mut ServiceImport,
) {
    let path = service_dir.join(service_file::FILE_NAME);
    let mut file = if path.exists() {
        match service_file::load(&path) {
            Ok(loaded) => loaded.file,
            Err(errors) => {
                result.failures.push(format!(
                    "{errors}\nerror: {} exists but does not load; fix or remove it before re-importing",
                    path.display()
                ));
                return;
            }
        }
    } else {
        service_file::ServiceFile::default()
    };
    let label = file
        .host_label
        .clone()
        .unwrap_or_else(|| service.to_owned());
    let mut added = false;
    for (page, found) in hosts {
        let source = page
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        added |= super::hosts::record(&mut file, &label, found, &source);
    }
    if !added {
        return;
    }
    match std::fs::create_dir_all(service_dir)
        .and_then(|()| std::fs::write(&path, service_file::to_yaml(&file)))
    {
        Ok(()) => result.service_file = Some(path),
        Err(e) => result
            .failures
            .push(format!("error: cannot write {}: {e}", path.display())),
    }
}

/// Gives every fresh spec its operation id: the one its earlier spec has
/// (matched by source), else the file stem where that is a usable name, else
/// one derived from the page; made unique against every name taken.
fn name_operations(
    fresh: &mut [(PathBuf, Spec)],
    earlier: &BTreeMap<String, (PathBuf, Spec)>,
    pinned_by_option: bool,
) {
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut to_name = Vec::new();
    for (i, (_, spec)) in fresh.iter_mut().enumerate() {
        let before = spec.source.as_ref().and_then(|s| earlier.get(s));
        match before {
            Some((_, old)) if !pinned_by_option => {
                spec.operation = old.operation.clone();
                taken.insert(spec.operation.clone());
            }
            _ if pinned_by_option || is_usable_operation_id(&spec.operation) => {
                taken.insert(spec.operation.clone());
            }
            _ => to_name.push(i),
        }
    }
    // Earlier specs of pages not in this run keep their names too.
    taken.extend(earlier.values().map(|(_, s)| s.operation.clone()));
    // Derived names that collide all take their path's words, so that which
    // page came first never decides a name.
    let mut derived: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for &i in &to_name {
        derived
            .entry(operation_id_from_page(&fresh[i].1))
            .or_default()
            .push(i);
    }
    for (name, pages) in derived {
        if pages.len() == 1 && !taken.contains(&name) {
            fresh[pages[0]].1.operation = name.clone();
            taken.insert(name);
            continue;
        }
        let mut pages = pages;
        pages.sort_by(|&a, &b| fresh[a].0.cmp(&fresh[b].0));
        let paths: Vec<&str> = pages.iter().map(|&i| fresh[i].1.path.as_str()).collect();
        let told_apart = names::told_apart(&paths);
        for (n, i) in pages.into_iter().enumerate() {
            let spec = &fresh[i].1;
            let qualified = match &told_apart {
                Some(words) => format!("{name}{}", words[n]),
                None => format!("{name}{}", names::path_words(&spec.path)),
            };
            let unique = if taken.contains(&qualified) {
                (2..)
                    .map(|n| format!("{qualified}{n}"))
                    .find(|c| !taken.contains(c))
                    .unwrap_or_default()
            } else {
                qualified
            };
            fresh[i].1.operation = unique.clone();
            taken.insert(unique);
        }
    }
}

/// A file stem that reads as an operation id: UpperCamelCase letters and
/// digits (`CreateLoadBalancer`), not a document id (`modelarts_03_0110`,
/// `en-us_topic_0020212668`).
fn is_usable_operation_id(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
        && name.chars().any(|c| c.is_ascii_lowercase())
}

fn write_spec(
    page: PathBuf,
    fresh: Spec,
    service_dir: &Path,
    earlier: &BTreeMap<String, (PathBuf, Spec)>,
    result: &mut ServiceImport,
) {
    let before = fresh.source.as_ref().and_then(|s| earlier.get(s));
    let default_target = service_dir.join(format!("{}.yaml", fresh.operation));
    let (target, spec, kept) = match before {
        Some((file, old)) if old.operation == fresh.operation => {
            (file.clone(), merge_hand_edits(fresh, old), true)
        }
        _ => match spec::load_file(&default_target) {
            Ok(existing) => {
                let merged = merge_hand_edits(fresh, &existing.spec);
                (default_target, merged, true)
            }
            Err(_) if !default_target.exists() => (default_target, fresh, false),
            Err(errors) => {
                result.failures.push(format!(
                    "{errors}\nerror: {} exists but does not load; fix or remove it before re-importing",
                    default_target.display()
                ));
                return;
            }
        },
    };
    let spec = mark_guesses(&target, spec);
    if let Err(e) = std::fs::create_dir_all(service_dir)
        .and_then(|()| std::fs::write(&target, commented_yaml(&spec)))
    {
        result
            .failures
            .push(format!("error: cannot write {}: {e}", target.display()));
        return;
    }
    // The page checked against itself, now in spec terms: file and line of the new spec.
    let linted = crate::lint::lint_paths(std::slice::from_ref(&target));
    result.diagnostics.extend(linted.diagnostics);
    result.imported.push(ImportedPage {
        page,
        target,
        spec,
        kept,
    });
}

/// Resolves the spec as generation will and writes each guess generation
/// makes about a row into that row's `inferred` key, so that the spec shows
/// what to review (the lint of the written spec reports them as warnings).
fn mark_guesses(target: &Path, mut spec: Spec) -> Spec {
    for row in spec.tables.iter_mut().flat_map(|t| t.rows.iter_mut()) {
        row.inferred = None;
    }
    let Ok(loaded) = spec::parse_str(target, &spec.to_yaml()) else {
        return spec;
    };
    let mut found = Diagnostics::new();
    crate::resolve::resolve_operation(&loaded, &mut found);
    for d in found.iter() {
        let (Some(guess), Some(table), Some(row)) = (d.guess, &d.table, &d.row) else {
            continue;
        };
        if guess == Guess::ImportedTable {
            continue;
        }
        let cell = spec
            .tables
            .iter_mut()
            .filter(|t| &t.label() == table)
            .flat_map(|t| t.rows.iter_mut())
            .find(|r| r.parameter.trim() == row && r.inferred.is_none());
        if let Some(cell) = cell {
            cell.inferred = Some(d.message.clone());
        }
    }
    spec
}

impl fmt::Display for ServiceImport {
    /// The summary of a whole-service import.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kept = self.imported.iter().filter(|p| p.kept).count();
        writeln!(
            f,
            "{} operation(s) imported ({} new, {kept} updated with hand edits kept)",
            self.imported.len(),
            self.imported.len() - kept
        )?;
        let mut skipped: BTreeMap<SkipReason, usize> = BTreeMap::new();
        for s in &self.skipped {
            *skipped.entry(s.reason).or_default() += 1;
        }
        writeln!(f, "{} page(s) skipped", self.skipped.len())?;
        for (reason, count) in skipped {
            writeln!(f, "  {count:>4}  {}", reason.describe())?;
        }
        write!(f, "{}", self.diagnostics.summary())?;
        if !self.failures.is_empty() {
            writeln!(
                f,
                "{} page(s) to fix (see the errors above)",
                self.failures.len()
            )?;
        }
        Ok(())
    }
}
