//! reStructuredText pages: the sources a Sphinx site (Open Telekom Cloud's
//! `api-ref/source` trees) is built from, read into the same page model as
//! the site's HTML, so that both give the same spec.
//!
//! No crate reads what these pages need: `rst_parser` 0.4, the one Rust
//! reStructuredText parser on crates.io, has tables commented out of its
//! grammar, knows no `table`/`list-table` directive and keeps no source
//! lines. So this is a small reader of the subset API references use:
//!
//! - [`blocks`]: section titles (underlined, or over- and underlined),
//!   paragraphs, bullet and enumerated lists, block quotes and definitions,
//!   literal blocks (`::`), targets (`.. _label:`), comments, field lists;
//!   the field list that opens a page is Sphinx metadata (`:original_name:`)
//!   and is not page text.
//! - [`tables`]: grid tables (with row and column spans), simple tables,
//!   list tables.
//! - [`directives`]: `table` captions, `list-table`, `code-block`,
//!   admonitions, figures' captions, `toctree` entries.
//! - [`inline`]: strong, emphasis, literals, roles and hyperlink references
//!   reduced to their text; `:ref:` links kept with the id docutils gives
//!   the label, which is the id the HTML page carries.
//!
//! Text is reduced as the rendered page shows it: a cell is its paragraphs
//! joined by `\n`, a list item's first paragraph starts with `- `, a note
//! reads `Note` and then its text, a code block in a cell gives its lines.
//! That is what [`super::html`] makes of the same cell, which the
//! `rst_equals_html` test checks on whole services. Every block, table and
//! row carries the `.rst` line it starts on.

mod blocks;
mod directives;
mod inline;
mod tables;

use super::page::{collapse_whitespace, BlockKind, Cell, Link, Page, PageRow, PageTable};
use super::Reporter;
use blocks::{Node, Row, Table};
use std::collections::BTreeSet;

/// Reads a reStructuredText page into the page model.
pub fn read(source: &str, report: &mut Reporter) -> Page {
    let lines = blocks::lines(source);
    let start = metadata_end(&lines);
    let nodes = blocks::parse(&lines[start..], 0, report);
    let mut labels = BTreeSet::new();
    collect_labels(&nodes, &mut labels);
    let mut writer = Writer {
        page: Page::default(),
        anchors: Vec::new(),
        has_title: false,
        labels,
    };
    writer.write(&nodes);
    writer.page
}

/// A page's title and the documents its `toctree`s list, as written
/// (`apis/index`, `creating_a_record_set`): what a folder's `index.rst`
/// says about the order of the pages under it.
pub fn outline(source: &str) -> (Option<String>, Vec<TocEntry>) {
    let lines = blocks::lines(source);
    let start = metadata_end(&lines);
    let mut quiet = Reporter::new(std::path::Path::new(""));
    let nodes = blocks::parse(&lines[start..], 0, &mut quiet);
    let mut title = None;
    let mut entries = Vec::new();
    collect_outline(&nodes, &mut title, &mut entries);
    (title, entries)
}

/// One entry of a toctree: the document it names (`Title <doc>` → `doc`),
/// the line it is on, and whether it is a glob pattern (`apis/*` in a
/// toctree with `:glob:`, as Sphinx tells them: a `*`, `?` or `[`, and no
/// title).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    pub line: usize,
    pub target: String,
    pub glob: bool,
}

fn collect_outline(nodes: &[Node], title: &mut Option<String>, entries: &mut Vec<TocEntry>) {
    for node in nodes {
        match node {
            Node::Title { text, .. } if title.is_none() => {
                *title = Some(collapse_whitespace(&inline::reduce(text, &|_| false).text));
            }
            Node::Toctree {
                glob,
                entries: list,
            } => {
                entries.extend(
                    list.iter()
                        .map(|(line, entry)| toc_entry(*line, entry, *glob)),
                );
            }
            Node::Quote(content) | Node::Admonition { content, .. } => {
                collect_outline(content, title, entries);
            }
            Node::List(items) => {
                for item in items {
                    collect_outline(&item.content, title, entries);
                }
            }
            _ => {}
        }
    }
}

fn toc_entry(line: usize, entry: &str, glob: bool) -> TocEntry {
    let titled = match (entry.rfind('<'), entry.strip_suffix('>')) {
        (Some(open), Some(_)) => Some(entry[open + 1..entry.len() - 1].trim()),
        _ => None,
    };
    let target = titled.unwrap_or(entry.trim());
    TocEntry {
        line,
        target: target.to_owned(),
        glob: glob && titled.is_none() && target.contains(['*', '?', '[']),
    }
}

/// Where the page's text starts: after the field list Sphinx reads as the
/// page's metadata (`:original_name: dns_api_64001.html`), if any.
fn metadata_end(lines: &[blocks::Line]) -> usize {
    let mut i = 0;
    let mut in_fields = false;
    while let Some(line) = lines.get(i) {
        let text = line.text.as_str();
        // The same test as a field list in the text: a paragraph that
        // starts with a role (`:ref:`...``) is text, not metadata.
        let is_field = blocks::field_marker_end(text).is_some();
        if is_field || (in_fields && text.starts_with(' ')) {
            in_fields = true;
        } else if !text.trim().is_empty() {
            break;
        }
        i += 1;
    }
    if in_fields {
        i
    } else {
        0
    }
}

/// Every label on the page, as ids: links to them are links to anchors.
fn collect_labels(nodes: &[Node], labels: &mut BTreeSet<String>) {
    for node in nodes {
        match node {
            Node::Target(label) => {
                labels.insert(inline::make_id(label));
            }
            Node::Table(table) => {
                labels.extend(table.names.iter().map(|n| inline::make_id(n)));
                for row in table.header.iter().chain(&table.body) {
                    for cell in &row.cells {
                        collect_labels(cell, labels);
                    }
                }
            }
            Node::Quote(content) | Node::Admonition { content, .. } => {
                collect_labels(content, labels);
            }
            Node::List(items) => {
                for item in items {
                    collect_labels(&item.content, labels);
                }
            }
            _ => {}
        }
    }
}

struct Writer {
    page: Page,
    /// Labels seen since the last block: they name the next table.
    anchors: Vec<String>,
    has_title: bool,
    labels: BTreeSet<String>,
}

impl Writer {
    fn text(&self, source: &str) -> (String, Vec<Link>) {
        let reduced = inline::reduce(source, &|id| self.labels.contains(id));
        (collapse_whitespace(&reduced.text), reduced.links)
    }

    fn emit(&mut self, line: usize, kind: BlockKind) {
        self.anchors.clear();
        self.page.push(line, kind);
    }

    fn write(&mut self, nodes: &[Node]) {
        for node in nodes {
            match node {
                Node::Title { line, text } => {
                    let (text, _) = self.text(text);
                    let kind = if self.has_title {
                        BlockKind::Heading(text)
                    } else {
                        BlockKind::Title(text)
                    };
                    self.has_title = true;
                    self.emit(*line, kind);
                }
                Node::Paragraph { line, text } => {
                    let (text, _) = self.text(text);
                    if !text.is_empty() {
                        self.emit(*line, BlockKind::Prose(text));
                    }
                }
                Node::List(items) => {
                    for item in items {
                        self.write(&item.content);
                    }
                }
                Node::Quote(content) => self.write(content),
                Node::Code { line, text } => {
                    self.emit(*line, BlockKind::Code(code_as_rendered(text)));
                }
                Node::Admonition {
                    line,
                    title,
                    content,
                } => {
                    let (title, _) = self.text(title);
                    if !title.is_empty() {
                        self.emit(*line, BlockKind::Prose(title));
                    }
                    self.write(content);
                }
                Node::Table(table) => {
                    let table = self.table(table);
                    self.page.push(table.0, BlockKind::Table(table.1));
                    self.anchors.clear();
                }
                Node::Target(label) => self.anchors.push(inline::make_id(label)),
                Node::Toctree { .. } => {}
            }
        }
    }

    fn table(&mut self, table: &Table) -> (usize, PageTable) {
        let mut anchors = std::mem::take(&mut self.anchors);
        anchors.extend(table.names.iter().map(|n| inline::make_id(n)));
        let mut rows = table.header.iter().chain(&table.body);
        let header = match table.header.first() {
            Some(_) => rows
                .next()
                .map(|row| {
                    self.cells(row)
                        .into_iter()
                        .map(|c| collapse_whitespace(&c.text))
                        .collect()
                })
                .unwrap_or_default(),
            None => Vec::new(),
        };
        let rows = rows
            .map(|row| PageRow {
                line: row.line,
                cells: self.cells(row),
            })
            .collect();
        let caption = table.caption.as_deref().map(|c| self.text(c).0);
        (
            table.line,
            PageTable {
                caption,
                header,
                rows,
                anchors,
            },
        )
    }

    fn cells(&self, row: &Row) -> Vec<Cell> {
        row.cells
            .iter()
            .map(|content| {
                let mut cell = CellText::default();
                cell.write(content, self);
                cell.finish()
            })
            .collect()
    }
}

/// Code as a rendered page's `<pre>` holds it: ending with a line break.
fn code_as_rendered(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!("{text}\n")
    }
}

/// A cell's text: paragraphs joined with `\n`, a list item's first
/// paragraph after `- `, code lines as they are.
#[derive(Default)]
struct CellText {
    paragraphs: Vec<String>,
    /// Set by a list item: its first paragraph gets the bullet.
    bullet: bool,
    links: Vec<Link>,
}

impl CellText {
    fn paragraph(&mut self, text: String) {
        if text.is_empty() {
            return;
        }
        let bullet = std::mem::take(&mut self.bullet);
        self.paragraphs
            .push(if bullet { format!("- {text}") } else { text });
    }

    fn write(&mut self, nodes: &[Node], writer: &Writer) {
        for node in nodes {
            match node {
                Node::Title { text, .. } | Node::Paragraph { text, .. } => {
                    let (text, links) = writer.text(text);
                    self.links.extend(links);
                    self.paragraph(text);
                }
                Node::List(items) => {
                    for item in items {
                        self.bullet = true;
                        self.write(&item.content, writer);
                    }
                }
                Node::Quote(content) => self.write(content, writer),
                Node::Code { text, .. } => {
                    // Code lines are kept as they are, so a list item that
                    // opens with code gives its bullet to none of them; nor
                    // may the bullet wait for the paragraph after the code.
                    self.bullet = false;
                    let text = code_as_rendered(text);
                    for line in text.trim_matches('\n').lines() {
                        self.paragraphs.push(line.trim_end().to_owned());
                    }
                }
                Node::Admonition { title, content, .. } => {
                    let (title, _) = writer.text(title);
                    self.paragraph(title);
                    self.write(content, writer);
                }
                Node::Table(table) => {
                    if let Some(caption) = &table.caption {
                        let (caption, _) = writer.text(caption);
                        self.paragraph(caption);
                    }
                    for row in table.header.iter().chain(&table.body) {
                        for cell in &row.cells {
                            self.write(cell, writer);
                        }
                    }
                }
                Node::Target(_) | Node::Toctree { .. } => {}
            }
        }
    }

    fn finish(self) -> Cell {
        Cell {
            text: self.paragraphs.join("\n"),
            links: self.links,
        }
    }
}

#[cfg(test)]
mod tests;
