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

use scraper::{Html, Selector};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One page's place in the tree.
#[derive(Debug, Clone, Default)]
pub struct TreePage {
    pub title: String,
    /// The chapter's title and place in reading order.
    pub chapter: Option<(String, u32)>,
    pub has_children: bool,
}

/// The pages of `dir` by file name, from the topmost `index.rst` or
/// `index.html` above it; `None` where `dir` has no index page.
pub fn pages_of(dir: &Path) -> Option<BTreeMap<String, TreePage>> {
    let form = ["rst", "html"]
        .into_iter()
        .find(|form| dir.join(format!("index.{form}")).is_file())?;
    let index = format!("index.{form}");
    let mut root = dir.to_path_buf();
    while let Some(parent) = root.parent().filter(|p| p.join(&index).is_file()) {
        root = parent.to_path_buf();
    }
    let dir = dir.canonicalize().ok()?;
    let mut pages = BTreeMap::new();
    let mut visited = BTreeSet::new();
    let mut place = 0;
    let mut stack: Vec<(PathBuf, Option<(String, u32)>)> = vec![(root.join(&index), None)];
    while let Some((file, chapter)) = stack.pop() {
        let Ok(file) = file.canonicalize() else {
            continue;
        };
        if !visited.insert(file.clone()) {
            continue;
        }
        let Ok(source) = std::fs::read_to_string(&file) else {
            continue;
        };
        place += 1;
        let (title, children) = match form {
            "rst" => super::rst::outline(&source),
            _ => html_outline(&source),
        };
        let title = title.unwrap_or_default();
        if file.parent() == Some(dir.as_path()) {
            if let Some(name) = file.file_name() {
                pages.insert(
                    name.to_string_lossy().into_owned(),
                    TreePage {
                        title: title.clone(),
                        chapter: chapter.clone(),
                        has_children: !children.is_empty(),
                    },
                );
            }
        }
        let here = file.parent().unwrap_or(Path::new(".")).to_path_buf();
        let chapter = (place > 1).then_some((title, place));
        let extension = format!(".{form}");
        for child in children.iter().rev() {
            let child = match child.strip_suffix(&extension) {
                Some(_) => child.clone(),
                None => format!("{child}{extension}"),
            };
            let path = match child.strip_prefix('/') {
                Some(absolute) => root.join(absolute),
                None => here.join(child),
            };
            stack.push((path, chapter.clone()));
        }
    }
    Some(pages)
}

/// A built page's title (its `h1`, permalink sign left out) and the pages
/// its navigation lists under it, as links relative to the page.
fn html_outline(source: &str) -> (Option<String>, Vec<String>) {
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
        .map(|link| link.split('#').next().unwrap_or_default().to_owned())
        .collect();
    (title, children)
}
