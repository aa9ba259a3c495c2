//! HTML pages: the documentation system's export (a fragment of headings,
//! paragraphs, lists, captioned tables and `<pre>` blocks).
//!
//! The parser (html5ever, through scraper) repairs unbalanced markup the way
//! browsers do, but it does not keep source positions. Lines are recovered
//! by counting: the n-th `<table>` element of the tree is the n-th `<table`
//! tag of the source, and likewise for the other block tags counted here.

use super::page::{
    collapse_whitespace, BlockKind, Cell, Link, LinkTarget, Page, PageRow, PageTable,
};
use super::Reporter;
use scraper::{ElementRef, Html, Node};

/// Deeper nesting than any real page has; below it, text is taken flat
/// (walking it recursively could overflow the stack on hostile input).
const MAX_DEPTH: usize = 64;

/// Reads an HTML page into the page model.
pub fn read(source: &str, report: &mut Reporter) -> Page {
    let html = Html::parse_fragment(source);
    let mut reader = Reader {
        lines: LineCounter::scan(source),
        page: Page::default(),
        paragraph: String::new(),
        paragraph_has_text: false,
        paragraph_line: 1,
        anchors: Vec::new(),
        too_deep: false,
    };
    reader.walk_children(html.root_element(), 0);
    reader.flush();
    if reader.too_deep {
        report.warn(
            1,
            format!("markup nested deeper than {MAX_DEPTH} levels was read as plain text"),
        );
    }
    reader.page
}

/// Elements that end a paragraph.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "br"
            | "section"
            | "blockquote"
            | "caption"
            | "tr"
            | "td"
            | "th"
            | "thead"
            | "tbody"
            | "tfoot"
            | "body"
            | "html"
            | "hr"
            | "table"
            | "pre"
    )
}

/// Elements whose content is not page text.
fn is_ignored(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "img" | "head" | "title" | "template"
    )
}

struct Reader {
    lines: LineCounter,
    page: Page,
    /// Running text not yet emitted as a block.
    paragraph: String,
    /// Whether `paragraph` holds more than white space: kept as a flag so
    /// that a run of white-space-only text nodes costs linear time.
    paragraph_has_text: bool,
    paragraph_line: usize,
    /// `<a name>` anchors seen since the last block: they point at the next table.
    anchors: Vec<String>,
    too_deep: bool,
}

impl Reader {
    fn walk_children(&mut self, element: ElementRef, depth: usize) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => {
                    if !self.paragraph_has_text {
                        self.paragraph_line = self.lines.current;
                    }
                    self.paragraph.push_str(text);
                    self.paragraph_has_text |= !text.trim().is_empty();
                }
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.walk_element(child, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    fn walk_element(&mut self, element: ElementRef, depth: usize) {
        let line = self.lines.enter(element);
        let name = element.value().name();
        if depth > MAX_DEPTH {
            self.too_deep = true;
            self.lines.skip_descendants(element);
            let text: String = element.text().collect();
            self.paragraph.push(' ');
            self.paragraph.push_str(&text);
            self.paragraph_has_text |= !text.trim().is_empty();
            return;
        }
        match name {
            _ if is_ignored(name) => self.lines.skip_descendants(element),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.lines.skip_descendants(element);
                let text = collapse_whitespace(&element.text().collect::<String>());
                let kind = if name == "h1" {
                    BlockKind::Title(text)
                } else {
                    BlockKind::Heading(text)
                };
                self.emit(line, kind);
            }
            "pre" => {
                self.flush();
                self.lines.skip_descendants(element);
                self.emit(line, BlockKind::Code(element.text().collect()));
            }
            "table" => {
                self.flush();
                let mut table = read_table(element, &mut self.lines, depth);
                table.anchors = std::mem::take(&mut self.anchors);
                table
                    .anchors
                    .extend(element.value().id().map(str::to_owned));
                self.page.push(line, BlockKind::Table(table));
            }
            "a" => {
                if let Some(anchor) = element.value().attr("name") {
                    self.anchors.push(anchor.to_owned());
                }
                self.walk_children(element, depth);
            }
            _ if is_block(name) => {
                self.flush();
                self.walk_children(element, depth);
                self.flush();
            }
            _ => self.walk_children(element, depth),
        }
    }

    /// Emits the running text as a paragraph.
    fn flush(&mut self) {
        let text = collapse_whitespace(&self.paragraph);
        self.paragraph.clear();
        self.paragraph_has_text = false;
        if !text.is_empty() {
            self.emit(self.paragraph_line, BlockKind::Prose(text));
        }
    }

    fn emit(&mut self, line: usize, kind: BlockKind) {
        self.anchors.clear();
        self.page.push(line, kind);
    }
}

fn read_table(table: ElementRef, lines: &mut LineCounter, depth: usize) -> PageTable {
    let mut out = PageTable::default();
    let mut rows = Vec::new();
    for child in table.child_elements() {
        lines.enter(child);
        match child.value().name() {
            "caption" => {
                lines.skip_descendants(child);
                out.caption = Some(collapse_whitespace(&child.text().collect::<String>()));
            }
            "thead" | "tbody" | "tfoot" => {
                for row in child.child_elements() {
                    let line = lines.enter(row);
                    if row.value().name() == "tr" {
                        rows.push((
                            line,
                            read_row(row, lines, depth),
                            child.value().name() == "thead",
                        ));
                    } else {
                        lines.skip_descendants(row);
                    }
                }
            }
            "tr" => {
                let line = lines.current;
                rows.push((line, read_row(child, lines, depth), false));
            }
            _ => lines.skip_descendants(child),
        }
    }
    let mut rows = rows.into_iter().peekable();
    if let Some((_, (cells, all_th), in_thead)) = rows.peek() {
        if *in_thead || *all_th {
            out.header = cells.iter().map(|c| collapse_whitespace(&c.text)).collect();
            rows.next();
        }
    }
    out.rows = rows
        .map(|(line, (cells, _), _)| PageRow { line, cells })
        .collect();
    out
}

/// The cells of a row, and whether they are all header cells.
fn read_row(row: ElementRef, lines: &mut LineCounter, depth: usize) -> (Vec<Cell>, bool) {
    let mut cells = Vec::new();
    let mut all_th = true;
    for cell in row.child_elements() {
        lines.enter(cell);
        let name = cell.value().name();
        if name != "td" && name != "th" {
            lines.skip_descendants(cell);
            continue;
        }
        all_th &= name == "th";
        let mut writer = CellWriter::default();
        writer.walk_children(cell, lines, depth + 3);
        cells.push(writer.finish());
    }
    let all_th = all_th && !cells.is_empty();
    (cells, all_th)
}

/// Renders a cell: paragraphs joined with `\n`, list items as `- ` lines,
/// inline markup dropped, whitespace collapsed within a paragraph, `<pre>`
/// lines kept as they are.
#[derive(Default)]
struct CellWriter {
    paragraphs: Vec<String>,
    current: String,
    /// Set by `<li>`: the next paragraph is a list item.
    bullet: bool,
    links: Vec<Link>,
}

impl CellWriter {
    fn walk_children(&mut self, element: ElementRef, lines: &mut LineCounter, depth: usize) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.current.push_str(text),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.walk_element(child, lines, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    fn walk_element(&mut self, element: ElementRef, lines: &mut LineCounter, depth: usize) {
        lines.enter(element);
        let name = element.value().name();
        if depth > MAX_DEPTH || is_ignored(name) {
            lines.skip_descendants(element);
            if !is_ignored(name) {
                self.current.push(' ');
                self.current.extend(element.text());
            }
            return;
        }
        match name {
            "pre" => {
                self.flush();
                lines.skip_descendants(element);
                let text: String = element.text().collect();
                for line in text.trim_matches('\n').lines() {
                    self.paragraphs.push(line.trim_end().to_owned());
                }
            }
            "li" => {
                self.flush();
                self.bullet = true;
                self.walk_children(element, lines, depth);
                self.flush();
            }
            "a" => {
                if let Some(link) = link_of(element) {
                    self.links.push(link);
                }
                self.walk_children(element, lines, depth);
            }
            _ if is_block(name) => {
                self.flush();
                self.walk_children(element, lines, depth);
                self.flush();
            }
            _ => self.walk_children(element, lines, depth),
        }
    }

    fn flush(&mut self) {
        let text = collapse_whitespace(&self.current);
        self.current.clear();
        if !text.is_empty() {
            let bullet = std::mem::take(&mut self.bullet);
            self.paragraphs
                .push(if bullet { format!("- {text}") } else { text });
        }
    }

    fn finish(mut self) -> Cell {
        self.flush();
        Cell {
            text: self.paragraphs.join("\n"),
            links: self.links,
        }
    }
}

fn link_of(element: ElementRef) -> Option<Link> {
    let href = element.value().attr("href")?.trim();
    let target = match href.strip_prefix('#') {
        Some(anchor) => LinkTarget::Anchor(anchor.to_owned()),
        None => LinkTarget::OtherPage(href.split('#').next().unwrap_or(href).to_owned()),
    };
    Some(Link {
        text: collapse_whitespace(&element.text().collect::<String>()),
        target,
    })
}

/// Gives each element the source line of its start tag, by counting start
/// tags of the same name in the source and elements in the tree.
struct LineCounter {
    /// Per counted tag name: the lines its start tags are on, in source order.
    tags: Vec<(&'static str, Vec<usize>, usize)>,
    /// The line of the last element entered.
    current: usize,
}

const COUNTED_TAGS: [&str; 12] = [
    "table", "tr", "pre", "p", "li", "div", "h1", "h2", "h3", "h4", "h5", "h6",
];

impl LineCounter {
    fn scan(source: &str) -> Self {
        let mut tags: Vec<(&'static str, Vec<usize>, usize)> =
            COUNTED_TAGS.iter().map(|&t| (t, Vec::new(), 0)).collect();
        let bytes = source.as_bytes();
        let mut line = 1;
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line += 1,
                b'<' if source[i..].starts_with("<!--") => {
                    let end = source[i..].find("-->").map_or(bytes.len(), |e| i + e + 3);
                    line += source[i..end].matches('\n').count();
                    i = end;
                    continue;
                }
                b'<' => {
                    let name: String = source[i + 1..]
                        .chars()
                        .take_while(char::is_ascii_alphanumeric)
                        .collect::<String>()
                        .to_ascii_lowercase();
                    if let Some(entry) = tags.iter_mut().find(|(tag, _, _)| *tag == name) {
                        entry.1.push(line);
                    }
                }
                _ => {}
            }
            i += 1;
        }
        LineCounter { tags, current: 1 }
    }

    /// Counts `element` (visited in document order) and returns its line.
    fn enter(&mut self, element: ElementRef) -> usize {
        let name = element.value().name();
        if let Some((_, lines, seen)) = self.tags.iter_mut().find(|(tag, _, _)| *tag == name) {
            if let Some(&line) = lines.get(*seen) {
                self.current = line;
            }
            *seen += 1;
        }
        self.current
    }

    /// Counts the elements below `element` without reading them.
    fn skip_descendants(&mut self, element: ElementRef) {
        let current = self.current;
        for descendant in element.descendent_elements().skip(1) {
            self.enter(descendant);
        }
        self.current = current;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn read_str(source: &str) -> Page {
        read(source, &mut Reporter::new(Path::new("page.html")))
    }

    #[test]
    fn reads_blocks_with_lines() {
        let page = read_str(
            "<h1>Title</h1>\n<h4>URI</h4><p>POST /v3/x</p>\n<pre>{\n  \"a\": 1\n}</pre>\n<ul><li>Example<pre>GET https://x</pre></li></ul>",
        );
        let kinds: Vec<(usize, BlockKind)> = page
            .blocks
            .iter()
            .map(|b| (b.line, b.kind.clone()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (1, BlockKind::Title("Title".into())),
                (2, BlockKind::Heading("URI".into())),
                (2, BlockKind::Prose("POST /v3/x".into())),
                (3, BlockKind::Code("{\n  \"a\": 1\n}".into())),
                (6, BlockKind::Prose("Example".into())),
                (6, BlockKind::Code("GET https://x".into())),
            ]
        );
    }

    #[test]
    fn renders_cells() {
        let page = read_str(concat!(
            "<a name=\"t4\"></a><table id=\"x__t4\"><caption><b>Table 4 </b>CreateOption</caption>\n",
            "<thead><tr><th><p>Parameter</p></th><th><p>Type</p></th><th><p>Description</p></th></tr></thead>\n",
            "<tbody><tr><td><p>rule</p></td><td><p><a href=\"#x__t5\">Rule</a> object</p></td>\n",
            "<td><p>The   <strong>rule</strong>.</p><ul><li><p>A: one</p></li><li>B</li></ul><p>Default: <strong>x</strong></p></td></tr>\n",
            "<tr><td>n</td><td>String</td><td>See <a href=\"other.html#t2\">Table 2</a>.</td></tr></tbody></table>"
        ));
        let BlockKind::Table(table) = &page.blocks[0].kind else {
            panic!("no table: {page:?}");
        };
        assert_eq!(table.caption.as_deref(), Some("Table 4 CreateOption"));
        assert_eq!(table.anchors, vec!["t4", "x__t4"]);
        assert_eq!(table.header, vec!["Parameter", "Type", "Description"]);
        assert_eq!(table.rows[0].line, 3);
        assert_eq!(table.rows[1].line, 5);
        assert_eq!(table.rows[0].cells[1].text, "Rule object");
        assert_eq!(
            table.rows[0].cells[1].links[0].target,
            LinkTarget::Anchor("x__t5".into())
        );
        assert_eq!(
            table.rows[0].cells[2].text,
            "The rule.\n- A: one\n- B\nDefault: x"
        );
        assert_eq!(
            table.rows[1].cells[2].links[0].target,
            LinkTarget::OtherPage("other.html".into())
        );
    }

    #[test]
    fn survives_broken_and_deep_markup() {
        let deep = "<div>".repeat(1000) + "text";
        let page = read_str(&deep);
        assert_eq!(page.blocks.len(), 1);
        let page = read_str("<table><tr><td>a<td>b</table></p></div><pre>{");
        assert_eq!(page.blocks.len(), 2);
    }
}
