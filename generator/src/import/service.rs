//! A whole service: pages and folders of pages in, one spec per operation
//! out. Pages that document no operation are skipped with their reason;
//! operations get names a person would choose when the file name is a
//! document id; a re-import maps every page to the spec it produced before
//! (through the spec's `source`, the page's path below the folder imported,
//! then through its method and path when pages move), so names and hand
//! corrections survive.
//! The rule is documented in `spec/README.md` ("Operation names").

use super::names::{self, operation_id_from_page};
use super::toctree::Trees;
use super::{binary_kind, commented_yaml, merge_hand_edits, read_page, ImportOptions, PageOutcome};
use crate::diagnostic::{Diagnostic, Diagnostics, Guess, Location};
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
    /// Reads the index of an export folder (`CLASS.TXT.json`), else of a
    /// reStructuredText tree or Sphinx site (its toctrees, read no higher
    /// than `top`, the folder imported), with the warnings of its toctrees;
    /// empty where there is none or it does not parse. `trees` holds the
    /// toctree trees read so far (a tree's warnings come once).
    pub fn read(dir: &Path, top: &Path, trees: &mut Trees) -> (PageIndex, Vec<Diagnostic>) {
        let export = std::fs::read(dir.join("CLASS.TXT.json"))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
            .map(|value| PageIndex::from_json(&value));
        match export {
            Some(index) => (index, Vec::new()),
            None => PageIndex::from_toctrees(dir, top, trees).unwrap_or_default(),
        }
    }

    /// The pages of `dir` as the toctrees of a Sphinx site or source tree
    /// order them (see [`super::toctree`]).
    fn from_toctrees(
        dir: &Path,
        top: &Path,
        trees: &mut Trees,
    ) -> Option<(PageIndex, Vec<Diagnostic>)> {
        let tree = trees.pages_of(dir, top)?;
        let entries = tree
            .pages
            .into_iter()
            .map(|(name, page)| {
                let entry = IndexEntry {
                    title: page.title,
                    chapter: page.chapter.as_ref().map(|(title, _)| title.clone()),
                    chapter_order: page.chapter.map(|(_, place)| place),
                    has_children: page.has_children,
                };
                (name, entry)
            })
            .collect();
        Some((PageIndex { entries }, tree.warnings))
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
const PAGE_FORMATS: &[&str] = &["html", "htm", "rst", "txt"];
const FORMATS_READ: &str = "HTML as a doc site serves it or as an export holds it (.html, .htm), reStructuredText sources (.rst) and pages copied as text (.txt)";

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

/// A page to import: its file, its folder (for the export's index), the
/// folder given on the command line (a page given alone: its folder), and
/// its path relative to that folder, which is what its spec's `source`
/// records.
struct PageFile {
    page: PathBuf,
    dir: PathBuf,
    top: PathBuf,
    relative: String,
}

/// The pages under `paths`: files as given, folders walked (sorted, index
/// files and files that are no page left out), each with its folder's
/// index. A file given by name in a format docspec does not read is a
/// failure; the files left out of folders are counted by format in `unread`.
fn pages(
    paths: &[PathBuf],
    unread: &mut BTreeMap<String, usize>,
    failures: &mut Vec<String>,
) -> Vec<PageFile> {
    let mut pages = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found, unread, failures);
            pages.extend(found.into_iter().map(|(page, dir)| PageFile {
                relative: relative_source(&page, path),
                page,
                dir,
                top: path.clone(),
            }));
        } else if path.extension().is_some() && !is_page_file(path) && path.is_file() {
            let what = match std::fs::read(path).ok().as_deref().and_then(binary_kind) {
                Some(kind) => {
                    format!("not an HTML, reStructuredText or text page: the file holds binary data ({kind})")
                }
                None => format!("a {} file, a format docspec does not read", format_of(path)),
            };
            failures.push(format!(
                "error: {}: {what}; docspec reads {FORMATS_READ}",
                path.display()
            ));
        } else {
            let dir = path.parent().unwrap_or(Path::new(".")).to_owned();
            pages.push(PageFile {
                relative: relative_source(path, &dir),
                page: path.clone(),
                top: dir.clone(),
                dir,
            });
        }
    }
    pages
}

/// `page` relative to `root`, with `/` between folders whatever the platform.
fn relative_source(page: &Path, root: &Path) -> String {
    let relative = page.strip_prefix(root).unwrap_or(page);
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
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

/// The specs already in a service's folder, by the page they came from.
#[derive(Default)]
struct Earlier {
    /// By `source`: the page's path relative to the folder imported.
    by_source: BTreeMap<String, (PathBuf, Spec)>,
    /// By identity (method and path, [`spec::identity`]): found when pages move.
    by_identity: BTreeMap<String, Vec<(PathBuf, Spec)>>,
}

impl Earlier {
    /// The specs in `service_dir`; `Err` with one failure per spec that does
    /// not load: re-import cannot tell which page such a spec came from, so
    /// it would write that page's spec a second time beside it.
    fn read(service_dir: &Path) -> Result<Earlier, Vec<String>> {
        let mut earlier = Earlier::default();
        let mut unloadable = Vec::new();
        let Ok(entries) = std::fs::read_dir(service_dir) else {
            return Ok(earlier);
        };
        let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for file in files
            .into_iter()
            .filter(|f| f.extension().is_some_and(|e| e == "yaml"))
        {
            let loaded = match spec::load_file(&file) {
                Ok(loaded) => loaded,
                Err(errors) => {
                    unloadable.push(format!(
                        "{errors}\nerror: {} does not load, so re-import cannot tell which page it came from; fix or remove it before re-importing (nothing was written)",
                        file.display()
                    ));
                    continue;
                }
            };
            let spec = loaded.spec;
            earlier
                .by_identity
                .entry(spec.identity())
                .or_default()
                .push((file.clone(), spec.clone()));
            if let Some(source) = spec.source.clone() {
                earlier.by_source.entry(source).or_insert((file, spec));
            }
        }
        if unloadable.is_empty() {
            Ok(earlier)
        } else {
            Err(unloadable)
        }
    }

    fn specs(&self) -> impl Iterator<Item = &(PathBuf, Spec)> {
        self.by_identity.values().flatten()
    }

    /// The earlier spec of each fresh one: the spec of the same page (same
    /// path below the folder imported); else, for a page that moved (its
    /// folder renamed), the one spec of the same method and path that no
    /// other page claimed. Two fresh pages never get the same earlier spec.
    fn match_fresh(&self, fresh: &[(PathBuf, Spec)]) -> Vec<Option<(PathBuf, Spec)>> {
        let mut claimed: BTreeSet<PathBuf> = BTreeSet::new();
        let mut matched: Vec<Option<(PathBuf, Spec)>> = fresh
            .iter()
            .map(|(_, spec)| {
                let found = spec.source.as_ref().and_then(|s| self.by_source.get(s))?;
                claimed.insert(found.0.clone()).then(|| found.clone())
            })
            .collect();
        // The same identity on several fresh pages: none of them is the moved one.
        let mut fresh_identities: BTreeMap<String, usize> = BTreeMap::new();
        for (_, spec) in fresh {
            *fresh_identities.entry(spec.identity()).or_default() += 1;
        }
        for (slot, (_, spec)) in matched.iter_mut().zip(fresh) {
            if slot.is_some() || fresh_identities.get(&spec.identity()) != Some(&1) {
                continue;
            }
            let candidates: Vec<&(PathBuf, Spec)> = self
                .by_identity
                .get(&spec.identity())
                .into_iter()
                .flatten()
                .filter(|(file, _)| !claimed.contains(file))
                .collect();
            if let [only] = candidates.as_slice() {
                claimed.insert(only.0.clone());
                *slot = Some((*only).clone());
            }
        }
        matched
    }
}

/// Imports every page under `paths` into `out/<service>/`, writing the specs.
/// `operation` names the operation of a single page.
pub fn import_service(
    paths: &[PathBuf],
    service: &str,
    operation: Option<&str>,
    out: &Path,
) -> ServiceImport {
    let service_dir = out.join(service);
    let earlier = match Earlier::read(&service_dir) {
        Ok(earlier) => earlier,
        Err(failures) => {
            return ServiceImport {
                failures,
                ..ServiceImport::default()
            }
        }
    };
    let (mut fresh, mut result, hosts) = read_pages(paths, service, operation);
    warn_of_shared_identities(&fresh, &mut result.diagnostics);
    let before = earlier.match_fresh(&fresh);
    name_operations(&mut fresh, &before, &earlier, operation.is_some());
    for ((page, spec), before) in fresh.into_iter().zip(before) {
        write_spec(page, spec, &service_dir, before, &mut result);
    }
    record_hosts(service, &service_dir, &hosts, &mut result);
    result
}

/// Imports every page under `paths` without writing anything: the specs as
/// `import` would write them into an empty folder, each with its page,
/// and what importing found (skipped pages, warnings, failures).
pub fn import_in_memory(paths: &[PathBuf], service: &str) -> (Vec<(PathBuf, Spec)>, ServiceImport) {
    let (mut fresh, mut result, _hosts) = read_pages(paths, service, None);
    warn_of_shared_identities(&fresh, &mut result.diagnostics);
    let none = vec![None; fresh.len()];
    name_operations(&mut fresh, &none, &Earlier::default(), false);
    (fresh, result)
}

/// The hosts of the service that one page states (in its examples and usage notes).
type PageHosts = (PathBuf, Vec<super::hosts::Host>);

/// Reads every page under `paths`: the operations' specs as the pages give
/// them (not yet named), the pages skipped and what cannot be read, and the
/// service's hosts the pages state.
fn read_pages(
    paths: &[PathBuf],
    service: &str,
    operation: Option<&str>,
) -> (Vec<(PathBuf, Spec)>, ServiceImport, Vec<PageHosts>) {
    let mut result = ServiceImport::default();
    let mut unread = BTreeMap::new();
    let pages = pages(paths, &mut unread, &mut result.failures);
    let page_count = pages.len();
    let mut indexes: BTreeMap<(PathBuf, PathBuf), PageIndex> = BTreeMap::new();
    let mut trees = Trees::default();
    let options = ImportOptions {
        service: service.to_owned(),
        operation: operation.map(str::to_owned),
    };
    let mut fresh = Vec::new();
    let mut hosts = Vec::new();
    for PageFile {
        page,
        dir,
        top,
        relative,
    } in pages
    {
        let index = indexes.entry((dir, top)).or_insert_with_key(|(dir, top)| {
            let (index, warnings) = PageIndex::read(dir, top, &mut trees);
            for warning in warnings {
                result.diagnostics.push(warning);
            }
            index
        });
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
                spec.source = Some(relative);
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
    (fresh, result, hosts)
}

/// Two pages of one method and path (a deprecated copy, v1 and v2 pages of
/// one endpoint) are two specs: each keeps the name it had, and a new one
/// gets its own. Generation and `docspec diff` see one operation twice, so
/// a warning says so; deleting the copy that is not meant silences it.
fn warn_of_shared_identities(fresh: &[(PathBuf, Spec)], diagnostics: &mut Diagnostics) {
    let mut by_identity: BTreeMap<String, Vec<&PathBuf>> = BTreeMap::new();
    for (page, spec) in fresh {
        by_identity.entry(spec.identity()).or_default().push(page);
    }
    for (identity, pages) in by_identity.into_iter().filter(|(_, p)| p.len() > 1) {
        for page in &pages {
            let others: Vec<String> = pages
                .iter()
                .filter(|p| p != &page)
                .map(|p| p.display().to_string())
                .collect();
            diagnostics.push(Diagnostic::warning(
                Location::file(*page),
                format!(
                    "{identity} is also documented by {}: both are imported, as two operations; delete the spec of the one that is not meant",
                    others.join(", ")
                ),
            ));
        }
    }
}

/// Adds the regions the pages state to the service file, keeping what it had.
fn record_hosts(
    service: &str,
    service_dir: &Path,
    hosts: &[PageHosts],
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
/// (matched by source, then by method and path), whatever the title is now,
/// else the file stem where that is a usable name, else one derived from the
/// page; made unique against every name taken, so a new page never takes
/// the name of an operation that has one.
fn name_operations(
    fresh: &mut [(PathBuf, Spec)],
    before: &[Option<(PathBuf, Spec)>],
    earlier: &Earlier,
    pinned_by_option: bool,
) {
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut to_name = Vec::new();
    for (i, ((_, spec), before)) in fresh.iter_mut().zip(before).enumerate() {
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
    taken.extend(earlier.specs().map(|(_, s)| s.operation.clone()));
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
    before: Option<(PathBuf, Spec)>,
    result: &mut ServiceImport,
) {
    let default_target = service_dir.join(format!("{}.yaml", fresh.operation));
    let (target, spec, kept) = match before {
        Some((file, old)) if old.operation == fresh.operation => {
            (file, merge_hand_edits(fresh, &old), true)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spec_that_does_not_load_stops_the_re_import_before_anything_is_written() {
        let out = std::env::temp_dir().join(format!("docspec-earlier-{}", std::process::id()));
        let service_dir = out.join("svc");
        std::fs::create_dir_all(&service_dir).unwrap();
        let broken = service_dir.join("RenamedByHand.yaml");
        std::fs::write(&broken, "service: svc\noperation: [not, a, name\n").unwrap();
        let page = out.join("page.txt");
        std::fs::write(&page, "URI\nGET /v1/things\n").unwrap();

        let imported = import_service(std::slice::from_ref(&page), "svc", None, &out);
        let files: Vec<_> = std::fs::read_dir(&service_dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        std::fs::remove_dir_all(&out).unwrap();

        assert_eq!(imported.failures.len(), 1, "{:?}", imported.failures);
        assert!(
            imported.failures[0].contains("RenamedByHand.yaml does not load"),
            "{}",
            imported.failures[0]
        );
        assert!(imported.imported.is_empty());
        assert_eq!(files, ["RenamedByHand.yaml"]);
    }
}
