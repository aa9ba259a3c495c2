//! The order of a Sphinx reference's pages, from its toctrees: in the
//! reStructuredText sources, the `toctree` directives of the `index.rst`
//! pages; on the built site, the navigation each page carries (the entry of
//! the page itself, marked current, lists the pages under it; the root page
//! shows its toctree in its text). Both give the same tree, so both forms of
//! one revision give the same chapters.
//!
//! A page's chapter is the title of the page whose toctree lists it (the
//! root page, the whole reference, is no chapter), numbered by its place in
//! reading order, as an export's index numbers its chapters.

use super::rst::TocEntry;
use crate::diagnostic::{Diagnostic, Location, Topic};
use scraper::{Html, Selector};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

/// One page's place in the tree.
#[derive(Debug, Clone, Default)]
pub struct TreePage {
    pub title: String,
    /// The chapter's title and place in reading order.
    pub chapter: Option<(String, u32)>,
    pub has_children: bool,
}

/// The pages of a folder, by file name, and what the toctrees got wrong.
#[derive(Debug, Default)]
pub struct Tree {
    pub pages: BTreeMap<String, TreePage>,
    /// Toctree entries that name no page or a page outside the tree, glob
    /// patterns that match none: the chapter order is incomplete there.
    pub warnings: Vec<Diagnostic>,
}

/// The trees read so far, each by its root index page and the folder
/// imported: every folder of a tree is in the one walk of it, so a tree is
/// read once however many folders ask for their pages.
#[derive(Default)]
pub struct Trees {
    read: BTreeMap<(PathBuf, PathBuf), BTreeMap<PathBuf, TreePage>>,
}

impl Trees {
    /// The pages of `dir` by file name, from the topmost `index.rst` or
    /// `index.html` above it within `top` (the folder imported: the walk up
    /// never leaves it, so an unrelated index page around it is never read);
    /// `None` where `dir` has no index page. The tree's warnings come with
    /// the first folder that reads it.
    pub fn pages_of(&mut self, dir: &Path, top: &Path) -> Option<Tree> {
        let form = ["rst", "html"]
            .into_iter()
            .find(|form| dir.join(format!("index.{form}")).is_file())?;
        let index = format!("index.{form}");
        let canonical_dir = dir.canonicalize().ok()?;
        let canonical_top = top.canonicalize().ok()?;
        let mut root = canonical_dir.clone();
        while root != canonical_top && root.starts_with(&canonical_top) {
            match root.parent().filter(|p| p.join(&index).is_file()) {
                Some(parent) => root = parent.to_path_buf(),
                None => break,
            }
        }
        let mut warnings = Vec::new();
        let key = (root.join(&index), top.to_path_buf());
        let pages = self.read.entry(key).or_insert_with(|| {
            let mut walk = Walk {
                form,
                shown_top: top.to_path_buf(),
                top: canonical_top,
                documents: None,
                pages: BTreeMap::new(),
                warnings: Vec::new(),
            };
            walk.read(root.join(&index), root);
            warnings = walk.warnings;
            walk.pages
        });
        let pages = pages
            .iter()
            .filter(|(file, _)| file.parent() == Some(canonical_dir.as_path()))
            .filter_map(|(file, page)| {
                let name = file.file_name()?.to_string_lossy().into_owned();
                Some((name, page.clone()))
            })
            .collect();
        Some(Tree { pages, warnings })
    }
}

/// A page to read, the chapter its entry is in, and the entry that names it.
struct Visit {
    file: PathBuf,
    chapter: Option<(String, u32)>,
    named_by: Option<NamedBy>,
}

/// Where a toctree names a page: the index file, the entry's line (0 on a
/// built page, whose navigation has none) and the entry as written.
#[derive(Clone)]
struct NamedBy {
    index: PathBuf,
    line: usize,
    entry: String,
}

struct Walk {
    /// `rst` or `html`.
    form: &'static str,
    /// The folder imported, as given (for messages) and canonical.
    shown_top: PathBuf,
    top: PathBuf,
    /// The tree's documents (paths below the root, without extension),
    /// listed when a glob pattern first needs them.
    documents: Option<BTreeSet<String>>,
    /// Every page of the tree, by its canonical path.
    pages: BTreeMap<PathBuf, TreePage>,
    warnings: Vec<Diagnostic>,
}

impl Walk {
    /// Reads the tree from its root index page, in reading order.
    fn read(&mut self, root_index: PathBuf, root: PathBuf) {
        let mut visited = BTreeSet::new();
        let mut place = 0;
        let mut stack = vec![Visit {
            file: root_index,
            chapter: None,
            named_by: None,
        }];
        while let Some(visit) = stack.pop() {
            let file = match visit.file.canonicalize() {
                Ok(file) if file.starts_with(&root) => file,
                Ok(_) => {
                    self.warn_entry(
                        visit.named_by.as_ref(),
                        format!(
                            "names a page outside the folder imported ({}); it is left out of the chapter order; import the folder that holds the whole tree",
                            self.shown_top.display()
                        ),
                    );
                    continue;
                }
                Err(_) => {
                    self.warn_entry(
                        visit.named_by.as_ref(),
                        format!(
                            "names no page ({} is not there); it is left out of the chapter order, and the pages under it get no chapter; correct the entry or add the page",
                            self.shown(&visit.file).display()
                        ),
                    );
                    continue;
                }
            };
            if !visited.insert(file.clone()) {
                continue;
            }
            let source = match std::fs::read_to_string(&file) {
                Ok(source) => source,
                Err(e) => {
                    self.warn_entry(
                        visit.named_by.as_ref(),
                        format!("names a page that cannot be read ({e}); it is left out of the chapter order"),
                    );
                    continue;
                }
            };
            place += 1;
            let (title, entries) = match self.form {
                "rst" => super::rst::outline(&source),
                _ => html_outline(&source),
            };
            let title = title.unwrap_or_default();
            self.pages.insert(
                file.clone(),
                TreePage {
                    title: title.clone(),
                    chapter: visit.chapter.clone(),
                    has_children: !entries.is_empty(),
                },
            );
            let chapter = (place > 1).then_some((title, place));
            let children = self.children(&file, &root, &entries);
            stack.extend(children.into_iter().rev().map(|(file, named_by)| Visit {
                file,
                chapter: chapter.clone(),
                named_by: Some(named_by),
            }));
        }
    }

    /// The files a page's toctree entries name, in order: glob patterns
    /// expanded to the documents they match, sorted, as Sphinx does.
    fn children(
        &mut self,
        file: &Path,
        root: &Path,
        entries: &[TocEntry],
    ) -> Vec<(PathBuf, NamedBy)> {
        let here = file.parent().unwrap_or(root);
        let extension = format!(".{}", self.form);
        let mut children = Vec::new();
        for entry in entries {
            // A link to a web page, or the page itself, is no page of the tree.
            if entry.target.contains("://") || entry.target == "self" {
                continue;
            }
            let named_by = NamedBy {
                index: self.shown(file),
                line: entry.line,
                entry: entry.target.clone(),
            };
            if entry.glob {
                let matched = self.expand(&entry.target, file, root);
                if matched.is_empty() {
                    self.warn_entry(
                        Some(&named_by),
                        "is a glob pattern that matches no page; nothing is listed for it; correct the pattern or list the pages by name",
                    );
                }
                children.extend(matched.into_iter().map(|file| (file, named_by.clone())));
                continue;
            }
            let child = match entry.target.strip_suffix(&extension) {
                Some(_) => entry.target.clone(),
                None => format!("{}{extension}", entry.target),
            };
            let path = match child.strip_prefix('/') {
                Some(absolute) => root.join(absolute),
                None => here.join(child),
            };
            children.push((path, named_by));
        }
        children
    }

    /// The files of the documents a glob pattern of `file`'s toctree
    /// matches (relative to `file`'s folder, or to the root after a `/`),
    /// sorted, `file` itself left out.
    fn expand(&mut self, pattern: &str, file: &Path, root: &Path) -> Vec<PathBuf> {
        let extension = self.form;
        let documents = self
            .documents
            .get_or_insert_with(|| documents_under(root, extension));
        let current = document_name(file, root).unwrap_or_default();
        let folder = current.rsplit_once('/').map_or("", |(folder, _)| folder);
        let Some(pattern) = join_document(folder, pattern) else {
            return Vec::new();
        };
        let pattern = glob_tokens(&pattern);
        documents
            .iter()
            .filter(|name| **name != current && glob_matches(&pattern, name))
            .map(|name| root.join(format!("{name}.{extension}")))
            .collect()
    }

    /// A canonical path as the user would write it: below the folder given.
    fn shown(&self, path: &Path) -> PathBuf {
        match path.strip_prefix(&self.top) {
            Ok(below) => self.shown_top.join(below),
            Err(_) => path.to_path_buf(),
        }
    }

    /// A warning at a toctree entry: `what` says what is wrong with it,
    /// what was done and how to correct it. The root page, named by no
    /// entry, was found on disk, so it never needs one.
    fn warn_entry(&mut self, named_by: Option<&NamedBy>, what: impl std::fmt::Display) {
        let Some(named_by) = named_by else {
            return;
        };
        let location = match named_by.line {
            0 => Location::file(&named_by.index),
            line => Location::new(&named_by.index, line, 1),
        };
        self.warnings.push(
            Diagnostic::warning(
                location,
                format!("the toctree entry `{}` {what}", named_by.entry),
            )
            .about(Topic::ChapterOrder),
        );
    }
}

/// The documents under `root` in the given form: their paths below it,
/// `/` between folders, without extension, as Sphinx names documents.
fn documents_under(root: &Path, extension: &str) -> BTreeSet<String> {
    let mut documents = BTreeSet::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == extension) {
                documents.extend(document_name(&path, root));
            }
        }
    }
    documents
}

/// `root/apis/index.rst` → `apis/index`.
fn document_name(file: &Path, root: &Path) -> Option<String> {
    let below = file.strip_prefix(root).ok()?.with_extension("");
    let parts: Vec<String> = below
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Some(parts.join("/"))
}

/// A toctree entry as a document name below the root: relative to
/// `folder`, or to the root after a leading `/`; `None` where its `..`
/// climbs above the root.
fn join_document(folder: &str, entry: &str) -> Option<String> {
    let (base, entry) = match entry.strip_prefix('/') {
        Some(absolute) => ("", absolute),
        None => (folder, entry),
    };
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for part in Path::new(entry).components() {
        match part {
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::Normal(part) => parts.push(part.to_str()?),
            _ => {}
        }
    }
    Some(parts.join("/"))
}

/// A piece of a toctree glob pattern, as Sphinx reads them: `*` does not
/// cross a `/`, `**` does, `?` is one character but `/`, `[...]` a class
/// (`[!...]`: none of them, nor `/`).
#[derive(Debug, PartialEq)]
enum GlobToken {
    Star,
    AnyDepth,
    One,
    Class {
        negated: bool,
        ranges: Vec<(char, char)>,
    },
    Char(char),
}

fn glob_tokens(pattern: &str) -> Vec<GlobToken> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        i += 1;
        let token = match c {
            '*' if chars.get(i) == Some(&'*') => {
                i += 1;
                GlobToken::AnyDepth
            }
            '*' => GlobToken::Star,
            '?' => GlobToken::One,
            '[' => match glob_class(&chars[i..]) {
                Some((class, used)) => {
                    i += used;
                    class
                }
                // An unclosed `[` is a character.
                None => GlobToken::Char('['),
            },
            c => GlobToken::Char(c),
        };
        tokens.push(token);
    }
    tokens
}

/// The class after a `[` and the characters it takes, its `]` included.
fn glob_class(rest: &[char]) -> Option<(GlobToken, usize)> {
    let negated = rest.first() == Some(&'!');
    let start = usize::from(negated);
    // A `]` first in the class is one of its characters.
    let close = start + 1 + rest.get(start + 1..)?.iter().position(|&c| c == ']')?;
    let body = &rest[start..close];
    let mut ranges = Vec::new();
    let mut k = 0;
    while k < body.len() {
        if body.get(k + 1) == Some(&'-') && k + 2 < body.len() {
            ranges.push((body[k], body[k + 2]));
            k += 3;
        } else {
            ranges.push((body[k], body[k]));
            k += 1;
        }
    }
    Some((GlobToken::Class { negated, ranges }, close + 1))
}

/// Whether a document name matches a pattern as a whole.
fn glob_matches(pattern: &[GlobToken], name: &str) -> bool {
    let name: Vec<char> = name.chars().collect();
    // `reach[j]`: the tokens so far match the name's first `j` characters.
    let mut reach = vec![false; name.len() + 1];
    reach[0] = true;
    for token in pattern {
        let mut next = vec![false; name.len() + 1];
        for j in (0..=name.len()).filter(|&j| reach[j]) {
            match token {
                GlobToken::Star | GlobToken::AnyDepth => {
                    next[j] = true;
                    let crosses = *token == GlobToken::AnyDepth;
                    for k in j..name.len() {
                        if name[k] == '/' && !crosses {
                            break;
                        }
                        next[k + 1] = true;
                    }
                }
                single => {
                    if name.get(j).is_some_and(|&c| matches_one(single, c)) {
                        next[j + 1] = true;
                    }
                }
            }
        }
        reach = next;
    }
    reach[name.len()]
}

fn matches_one(token: &GlobToken, c: char) -> bool {
    match token {
        GlobToken::One => c != '/',
        GlobToken::Char(expected) => c == *expected,
        GlobToken::Class { negated, ranges } => {
            let within = ranges.iter().any(|(low, high)| (*low..=*high).contains(&c));
            if *negated {
                !within && c != '/'
            } else {
                within
            }
        }
        GlobToken::Star | GlobToken::AnyDepth => true,
    }
}

/// A built page's title (its `h1`, permalink sign left out) and the pages
/// its navigation lists under it, as links relative to the page.
fn html_outline(source: &str) -> (Option<String>, Vec<TocEntry>) {
    let html = Html::parse_document(source);
    let select = |css: &str| Selector::parse(css).ok();
    let title = select("h1").and_then(|h1| {
        html.select(&h1).next().map(|h| {
            let text: String = h.text().collect();
            super::page::collapse_whitespace(text.trim_end().trim_end_matches('\u{b6}'))
        })
    });
    let href = |a: scraper::ElementRef| a.value().attr("href").map(str::to_owned);
    let current = select("li.current > a.current").and_then(|s| {
        html.select(&s)
            .find(|a| a.value().attr("href") == Some("#"))
            .and_then(|a| a.parent().and_then(scraper::ElementRef::wrap))
    });
    let links: Vec<String> = match current {
        Some(item) => item
            .child_elements()
            .filter(|e| e.value().name() == "ul")
            .flat_map(|ul| ul.child_elements().filter(|e| e.value().name() == "li"))
            .filter_map(|li| li.child_elements().find(|e| e.value().name() == "a"))
            .filter_map(href)
            .collect(),
        None => select("div.toctree-wrapper li.toctree-l1 > a")
            .map(|s| html.select(&s).filter_map(href).collect())
            .unwrap_or_default(),
    };
    let children = links
        .into_iter()
        .filter(|link| !link.contains("://") && !link.starts_with('#'))
        .map(|link| TocEntry {
            line: 0,
            target: link.split('#').next().unwrap_or_default().to_owned(),
            glob: false,
        })
        .collect();
    (title, children)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pages of `dir`, read as the first folder of its tree.
    fn pages_of(dir: &Path, top: &Path) -> Option<Tree> {
        Trees::default().pages_of(dir, top)
    }

    /// A fresh folder holding `files` (path, text), for one test.
    fn tree(name: &str, files: &[(&str, &str)]) -> PathBuf {
        let root =
            std::env::temp_dir().join(format!("docspec-toctree-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for (path, text) in files {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        root
    }

    fn chapters(tree: &Tree) -> Vec<(&str, Option<&str>)> {
        tree.pages
            .iter()
            .map(|(name, page)| {
                let chapter = page.chapter.as_ref().map(|(title, _)| title.as_str());
                (name.as_str(), chapter)
            })
            .collect()
    }

    #[test]
    fn glob_patterns_match_as_sphinx_reads_them() {
        let cases = [
            ("apis/*", "apis/create", true),
            ("apis/*", "apis/zones/create", false),
            ("apis/**", "apis/zones/create", true),
            ("apis/?reate", "apis/create", true),
            ("apis/[a-c]*", "apis/create", true),
            ("apis/[!a-c]*", "apis/create", false),
            ("apis/[!a-c]*", "apis/delete", true),
            ("apis/[x", "apis/[x", true),
            ("apis/create", "apis/creates", false),
        ];
        for (pattern, name, expected) in cases {
            assert_eq!(
                glob_matches(&glob_tokens(pattern), name),
                expected,
                "{pattern} ~ {name}"
            );
        }
    }

    #[test]
    fn glob_entries_list_the_pages_they_match_sorted() {
        let root = tree(
            "glob",
            &[
                (
                    "index.rst",
                    "Reference\n=========\n\n.. toctree::\n   :glob:\n\n   */index\n   overview\n",
                ),
                ("overview.rst", "Overview\n========\n"),
                (
                    "b/index.rst",
                    "Bees\n====\n\n.. toctree::\n   :glob:\n\n   *\n",
                ),
                ("b/creating.rst", "Creating\n========\n"),
                ("a/index.rst", "Ants\n====\n\n.. toctree::\n\n   creating\n"),
                ("a/creating.rst", "Creating\n========\n"),
            ],
        );
        let chapter_of = |folder: &str| {
            let tree = pages_of(&root.join(folder), &root).unwrap();
            assert!(tree.warnings.is_empty(), "{:?}", tree.warnings);
            tree.pages["creating.rst"].chapter.clone()
        };
        // Sorted by name (a before b), whatever order the folder lists them
        // in; `*` in b's index lists its pages but not the index itself.
        assert_eq!(chapter_of("a"), Some(("Ants".to_owned(), 2)));
        assert_eq!(chapter_of("b"), Some(("Bees".to_owned(), 4)));
        let top = pages_of(&root, &root).unwrap();
        assert_eq!(top.pages["overview.rst"].chapter, None);
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn entries_that_name_no_page_are_warnings_at_their_line() {
        let root = tree(
            "missing",
            &[
                ("index.rst", "Reference\n=========\n\n.. toctree::\n   :glob:\n\n   apis/index\n   gone\n   none_*\n   ../outside\n"),
                ("apis/index.rst", "APIs\n====\n\n.. toctree::\n\n   creating\n"),
                ("apis/creating.rst", "Creating\n========\n"),
            ],
        );
        std::fs::write(root.with_file_name("outside.rst"), "Out\n===\n").unwrap();
        let apis = pages_of(&root.join("apis"), &root).unwrap();
        assert_eq!(
            chapters(&apis),
            [("creating.rst", Some("APIs")), ("index.rst", None)]
        );
        let mut warnings: Vec<(usize, String)> = apis
            .warnings
            .iter()
            .map(|w| (w.location.line, w.message.clone()))
            .collect();
        warnings.sort();
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        for (warning, (line, words)) in warnings.iter().zip([
            (8, "`gone` names no page"),
            (9, "`none_*` is a glob pattern that matches no page"),
            (10, "`../outside` names a page outside the folder imported"),
        ]) {
            assert_eq!(warning.0, line, "{warning:?}");
            assert!(warning.1.contains(words), "{words} in {}", warning.1);
        }
        assert!(apis.warnings.iter().all(|w| {
            w.location.file == root.join("index.rst") && w.topic == Some(Topic::ChapterOrder)
        }));
        let _ = std::fs::remove_file(root.with_file_name("outside.rst"));
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn the_walk_up_stops_at_the_folder_imported() {
        let root = tree(
            "bounded",
            &[
                (
                    "index.rst",
                    "Around\n======\n\n.. toctree::\n\n   docs/index\n",
                ),
                (
                    "docs/index.rst",
                    "Reference\n=========\n\n.. toctree::\n\n   apis/index\n",
                ),
                (
                    "docs/apis/index.rst",
                    "APIs\n====\n\n.. toctree::\n\n   creating\n",
                ),
                ("docs/apis/creating.rst", "Creating\n========\n"),
            ],
        );
        let docs = root.join("docs");
        // Imported from `docs`: the index around it is never read, so the
        // reference's own chapters are numbered from its index.
        let inside = pages_of(&docs.join("apis"), &docs).unwrap();
        assert_eq!(
            inside.pages["creating.rst"].chapter,
            Some(("APIs".to_owned(), 2))
        );
        let around = pages_of(&docs.join("apis"), &root).unwrap();
        assert_eq!(
            around.pages["creating.rst"].chapter,
            Some(("APIs".to_owned(), 3))
        );
        // A folder imported alone is its own tree.
        let alone = pages_of(&docs.join("apis"), &docs.join("apis")).unwrap();
        assert_eq!(alone.pages["creating.rst"].chapter, None);
        let _ = std::fs::remove_dir_all(root);
    }
}
