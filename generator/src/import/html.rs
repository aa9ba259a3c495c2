//! HTML pages: a documentation system's export (a fragment of headings,
//! paragraphs, lists, captioned tables and `<pre>` blocks) or a doc site's
//! page (a whole document whose `<main>` holds the same content).
//!
//! What is read is the document's structure, not one renderer's markup:
//! where the page marks its main content (`<main>`, `role="main"`), only
//! that is read, and navigation (`<nav>`, `<aside>`) never is; permalink
//! anchors (a link to `#id` whose whole text is one symbol, such as the `¶`
//! Sphinx appends to headings and captions) are dropped; empty elements with
//! an `id` just before a table are its anchors; header rows of a table are
//! merged column by column and `rowspan`/`colspan` cells fill every place
//! they cover (unless that would grow the table past a limit no real table
//! reaches: then, with a warning, each cell stands once); definition lists
//! in cells read `term: definition`.
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
    let main = main_content(html.root_element());
    let mut reader = Reader {
        lines: LineCounter::scan(source),
        page: Page::default(),
        paragraph: String::new(),
        paragraph_has_text: false,
        paragraph_line: 1,
        anchors: Vec::new(),
        too_deep: false,
        tables_without_spans: Vec::new(),
        main: main.map(|m| MainContent {
            path: m.ancestors().map(|a| a.id()).chain([m.id()]).collect(),
            entered: false,
        }),
    };
    reader.walk_children(html.root_element(), 0);
    reader.flush();
    if reader.too_deep {
        report.warn(
            1,
            format!("markup nested deeper than {MAX_DEPTH} levels was read as plain text"),
        );
    }
    for line in std::mem::take(&mut reader.tables_without_spans) {
        report.warn(
            line,
            format!(
                "the table's rowspan and colspan cells would fill more than {MAX_SPREAD_COST} places (cells and the bytes of their copies); they were read as one cell each, so cells after a spanning one may stand in the wrong column: check this table against the page"
            ),
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
        "script" | "style" | "img" | "head" | "title" | "template" | "nav" | "aside" | "noscript"
    )
}

/// The element a whole document marks as its main content, if any.
fn main_content(root: ElementRef) -> Option<ElementRef> {
    root.descendent_elements()
        .find(|e| e.value().name() == "main" || e.value().attr("role").is_some_and(|r| r == "main"))
}

/// A permalink: a link to a place on the page whose whole text is one
/// symbol (`¶`, `#`, `§`, `🔗`), as doc sites append to headings and captions.
fn is_permalink(element: ElementRef) -> bool {
    if element.value().name() != "a"
        || !element
            .value()
            .attr("href")
            .is_some_and(|h| h.trim_start().starts_with('#'))
    {
        return false;
    }
    let text: String = element.text().collect();
    let mut symbols = text.trim().chars();
    symbols
        .next()
        .is_some_and(|c| !c.is_alphanumeric() && symbols.next().is_none())
}

/// The text of an element as a reader sees it: permalinks and ignored
/// elements left out, whitespace collapsed.
fn visible_text(element: ElementRef) -> String {
    fn collect(element: ElementRef, out: &mut String, depth: usize) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => out.push_str(text),
                Node::Element(_) => {
                    let Some(child) = ElementRef::wrap(child) else {
                        continue;
                    };
                    let name = child.value().name();
                    if is_ignored(name) || is_permalink(child) {
                        continue;
                    }
                    if depth > MAX_DEPTH {
                        out.extend(child.text());
                    } else {
                        if is_block(name) {
                            out.push(' ');
                        }
                        collect(child, out, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = String::new();
    collect(element, &mut out, 0);
    collapse_whitespace(&out)
}

/// Where the main content of a whole document is: the elements on the way
/// down to it, and whether the walk is inside it yet.
struct MainContent {
    path: Vec<ego_tree::NodeId>,
    entered: bool,
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
    /// Lines of tables whose spans were too large to spread (read as one cell each).
    tables_without_spans: Vec<usize>,
    /// Set when the document marks its main content: only that is read.
    main: Option<MainContent>,
}

impl Reader {
    fn walk_children(&mut self, element: ElementRef, depth: usize) {
        for child in element.children() {
            match child.value() {
                // Text around the main content is not read either.
                Node::Text(_) if self.main.as_ref().is_some_and(|m| !m.entered) => {}
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
        if let Some(main) = &mut self.main {
            if !main.entered {
                if !main.path.contains(&element.id()) {
                    self.lines.skip_descendants(element);
                    return;
                }
                if main.path.last() == Some(&element.id()) {
                    main.entered = true;
                    self.flush();
                    self.walk_children(element, depth);
                    self.flush();
                    if let Some(main) = &mut self.main {
                        main.entered = false;
                        // Nothing after the main content is read.
                        main.path.clear();
                    }
                    return;
                }
            }
        }
        match name {
            _ if is_ignored(name) || is_permalink(element) => self.lines.skip_descendants(element),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.lines.skip_descendants(element);
                let text = visible_text(element);
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
                let (mut table, spans) = read_table(element, &mut self.lines, depth);
                if spans == Spans::Ignored {
                    self.tables_without_spans.push(line);
                }
                table.anchors = std::mem::take(&mut self.anchors);
                table
                    .anchors
                    .extend(element.value().id().map(str::to_owned));
                self.page.push(line, BlockKind::Table(table));
            }
            _ if is_block(name) => {
                self.flush();
                self.note_anchor(element);
                self.walk_children(element, depth);
                self.flush();
            }
            _ => {
                self.note_anchor(element);
                self.walk_children(element, depth);
            }
        }
    }

    /// `<a name="t4">` and empty elements with an id (`<span id="t4">`)
    /// mark the place the next table stands: links to them point at it.
    fn note_anchor(&mut self, element: ElementRef) {
        let value = element.value();
        let anchor = match value.name() {
            "a" => value.attr("name").or_else(|| value.id()),
            _ => value.id(),
        };
        if let Some(anchor) = anchor {
            if element.text().all(|t| t.trim().is_empty()) {
                self.anchors.push(anchor.to_owned());
            }
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

/// Whether a table's `rowspan`/`colspan` cells fill the places they cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spans {
    Spread,
    /// Spreading would have been too large: each cell stands once.
    Ignored,
}

fn read_table(table: ElementRef, lines: &mut LineCounter, depth: usize) -> (PageTable, Spans) {
    let mut out = PageTable::default();
    let mut rows = Vec::new();
    for child in table.child_elements() {
        lines.enter(child);
        match child.value().name() {
            "caption" => {
                lines.skip_descendants(child);
                out.caption = Some(visible_text(child));
            }
            "thead" | "tbody" | "tfoot" => {
                for row in child.child_elements() {
                    let line = lines.enter(row);
                    if row.value().name() == "tr" {
                        rows.push(TableRow {
                            line,
                            cells: read_row(row, lines, depth),
                            in_thead: child.value().name() == "thead",
                        });
                    } else {
                        lines.skip_descendants(row);
                    }
                }
            }
            "tr" => {
                let line = lines.current;
                rows.push(TableRow {
                    line,
                    cells: read_row(child, lines, depth),
                    in_thead: false,
                });
            }
            _ => lines.skip_descendants(child),
        }
    }
    let (grid, spans) = match spread_spans(&rows) {
        Some(grid) => (grid, Spans::Spread),
        None => (unspread(&rows), Spans::Ignored),
    };
    // The header: the `thead` rows, else a first row of `th` cells.
    let header_rows = match rows.iter().take_while(|r| r.in_thead).count() {
        0 if rows
            .first()
            .is_some_and(|r| !r.cells.is_empty() && r.cells.iter().all(|c| c.is_th)) =>
        {
            1
        }
        n => n,
    };
    out.header = merged_header(&grid[..header_rows]);
    out.rows = rows
        .iter()
        .zip(grid)
        .skip(header_rows)
        .map(|(row, cells)| PageRow {
            line: row.line,
            cells,
        })
        .collect();
    (out, spans)
}

/// A table row as the markup has it, before spans are spread.
struct TableRow {
    line: usize,
    cells: Vec<SpannedCell>,
    in_thead: bool,
}

struct SpannedCell {
    cell: Cell,
    is_th: bool,
    rows: usize,
    columns: usize,
}

/// Most spans a cell may claim: more than any real table, few enough that
/// hostile markup (`colspan="100000"`) cannot blow the grid up.
const MAX_SPAN: usize = 64;

/// Most that spreading spans may add to a table, counting one for each
/// place filled beyond the markup's own cells and one for each byte of text
/// copied into it. Real tables add a few thousand at most; capped spans
/// (64 by 64 a cell) could otherwise grow hostile markup four thousand times.
const MAX_SPREAD_COST: usize = 1 << 20;

/// The rows with every `rowspan`/`colspan` cell in each place it covers: a
/// cell spanning rows is repeated in the rows below (it says the same of
/// each), one spanning columns fills the columns it covers with empty cells
/// (its text stays in its first column, where the header names it). `None`
/// where that would cost more than [`MAX_SPREAD_COST`].
fn spread_spans(rows: &[TableRow]) -> Option<Vec<Vec<Cell>>> {
    // Per column: the cell a span from above still covers, and for how many more rows.
    let mut pending: Vec<Option<(Cell, usize)>> = Vec::new();
    let mut grid = Vec::with_capacity(rows.len());
    let mut cost = 0usize;
    let mut add_cost = |cell: &Cell| {
        cost += 1 + cell.text.len();
        (cost <= MAX_SPREAD_COST).then_some(())
    };
    for row in rows {
        let mut out: Vec<Cell> = Vec::new();
        let mut cells = row.cells.iter();
        let mut column = 0;
        loop {
            if let Some(Some((cell, left))) = pending.get_mut(column) {
                add_cost(cell)?;
                out.push(cell.clone());
                *left -= 1;
                if *left == 0 {
                    pending[column] = None;
                }
                column += 1;
                continue;
            }
            let Some(spanned) = cells.next() else {
                break;
            };
            for offset in 0..spanned.columns {
                let cell = if offset == 0 {
                    spanned.cell.clone()
                } else {
                    let filler = Cell::default();
                    add_cost(&filler)?;
                    filler
                };
                if spanned.rows > 1 {
                    if pending.len() <= column {
                        pending.resize(column + 1, None);
                    }
                    pending[column] = Some((cell.clone(), spanned.rows - 1));
                }
                out.push(cell);
                column += 1;
            }
        }
        // Spans from above that reach past this row's last cell.
        while let Some(Some((cell, left))) = pending.get_mut(column) {
            add_cost(cell)?;
            out.push(cell.clone());
            *left -= 1;
            if *left == 0 {
                pending[column] = None;
            }
            column += 1;
        }
        grid.push(out);
    }
    Some(grid)
}

/// The rows with each cell once, where it stands in the markup.
fn unspread(rows: &[TableRow]) -> Vec<Vec<Cell>> {
    rows.iter()
        .map(|row| row.cells.iter().map(|c| c.cell.clone()).collect())
        .collect()
}

/// Header rows merged column by column: each column's distinct texts, top
/// to bottom, joined by a space (`Parameter` above nothing is `Parameter`;
/// `Value` above `Type` is `Value Type`).
fn merged_header(rows: &[Vec<Cell>]) -> Vec<String> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    (0..width)
        .map(|column| {
            let mut words: Vec<String> = Vec::new();
            for row in rows {
                let text = row
                    .get(column)
                    .map(|c| collapse_whitespace(&c.text))
                    .unwrap_or_default();
                if !text.is_empty() && !words.contains(&text) {
                    words.push(text);
                }
            }
            words.join(" ")
        })
        .collect()
}

/// The cells of a row with their spans.
fn read_row(row: ElementRef, lines: &mut LineCounter, depth: usize) -> Vec<SpannedCell> {
    let mut cells = Vec::new();
    for cell in row.child_elements() {
        lines.enter(cell);
        let name = cell.value().name();
        if name != "td" && name != "th" {
            lines.skip_descendants(cell);
            continue;
        }
        let span = |attr: &str| {
            cell.value()
                .attr(attr)
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(1)
                .clamp(1, MAX_SPAN)
        };
        let mut writer = CellWriter::default();
        writer.walk_children(cell, lines, depth + 3);
        cells.push(SpannedCell {
            cell: writer.finish(),
            is_th: name == "th",
            rows: span("rowspan"),
            columns: span("colspan"),
        });
    }
    cells
}

/// Renders a cell: paragraphs joined with `\n`, list items as `- ` lines,
/// inline markup dropped, whitespace collapsed within a paragraph, `<pre>`
/// lines kept as they are.
#[derive(Default)]
struct CellWriter {
    paragraphs: Vec<String>,
    current: String,
    /// What the next paragraph starts with.
    lead: Option<Lead>,
    /// A definition list's term, until its definition comes.
    term: Option<String>,
    links: Vec<Link>,
}

/// What a cell's next paragraph starts with.
enum Lead {
    /// `- `, in a list item.
    Bullet,
    /// `term: `, in a definition.
    Term(String),
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
        if depth > MAX_DEPTH || is_ignored(name) || is_permalink(element) {
            lines.skip_descendants(element);
            if depth > MAX_DEPTH {
                self.current.push(' ');
                self.current.extend(element.text());
            }
            return;
        }
        match name {
            "pre" => {
                self.flush();
                self.lead_before_code();
                lines.skip_descendants(element);
                let text: String = element.text().collect();
                for line in text.trim_matches('\n').lines() {
                    self.paragraphs.push(line.trim_end().to_owned());
                }
            }
            "li" => {
                self.flush();
                self.lead = Some(Lead::Bullet);
                self.walk_children(element, lines, depth);
                self.flush();
            }
            "dt" => {
                self.flush();
                lines.skip_descendants(element);
                let term = visible_text(element);
                self.term = match self.term.take() {
                    // Several terms for one definition.
                    Some(earlier) => Some(format!("{earlier}, {term}")),
                    None => Some(term),
                };
            }
            "dd" => {
                self.flush();
                self.lead = self.term.take().map(Lead::Term);
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

    /// Code lines are kept as they are, so what the next paragraph was to
    /// start with goes before them: a definition's term on a line of its
    /// own; a list item's bullet nowhere (as [`super::rst`] reads the same
    /// cell), rather than on a paragraph after the code that has none.
    fn lead_before_code(&mut self) {
        if let Some(Lead::Term(term)) = self.lead.take() {
            self.paragraphs.push(format!("{term}:"));
        }
    }

    fn flush(&mut self) {
        let text = collapse_whitespace(&self.current);
        self.current.clear();
        if !text.is_empty() {
            let paragraph = match self.lead.take() {
                Some(Lead::Bullet) => format!("- {text}"),
                Some(Lead::Term(term)) => format!("{term}: {text}"),
                None => text,
            };
            self.paragraphs.push(paragraph);
        }
    }

    fn finish(mut self) -> Cell {
        self.flush();
        // A term without a definition is text of its own.
        if let Some(term) = self.term.take() {
            self.paragraphs.push(term);
        }
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
        text: visible_text(element),
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

    /// A doc site's page, written for this test in the shape Sphinx gives
    /// one: navigation around `<main>`, `¶` permalinks on headings and
    /// captions, a `<span id>` anchor before a wrapped table, highlighted code.
    const SITE_PAGE: &str = r##"<!DOCTYPE html><html><head><title>Creating a Widget - Docs</title></head>
<body><nav><ul><li><a href="a.html">Creating a Widget</a></li><li><p>POST /v9/nav</p></li></ul></nav>
<aside><h2>On this page</h2></aside>
<div id="main"><main role="main">
<section id="creating-a-widget">
<h1>Creating a Widget<a class="headerlink" href="#creating-a-widget" title="Link">¶</a></h1>
<section id="uri"><h2>URI<a class="headerlink" href="#uri">¶</a></h2>
<p>POST /v1/{project_id}/widgets</p>
<p>See <a class="reference internal" href="#t1"><span>Table 1</span></a>.</p>
<div class="table-responsive"><span id="t1"></span><table class="docutils" id="id1">
<caption><span class="caption-text"><strong>Table 1</strong> Path parameters</span><a class="headerlink" href="#id1">¶</a></caption>
<thead><tr class="row-odd"><th class="head"><p>Parameter</p></th><th class="head"><p>Type</p></th><th class="head"><p>Description</p></th></tr></thead>
<tbody><tr class="row-even"><td><p>project_id</p></td><td><p>String</p></td><td><p>Project ID.</p>
<p>Range: <strong>1</strong><code class="docutils literal"><span class="pre">-</span></code><strong>64</strong></p></td></tr></tbody>
</table></div></section>
<section id="example"><h2>Example<a class="headerlink" href="#example">¶</a></h2>
<div class="highlight-json"><div class="highlight"><pre><span></span><span class="p">{</span><span class="nt">"a"</span><span class="p">:</span> <span class="mi">1</span><span class="p">}</span>
</pre></div></div></section>
</section>
<nav><a href="next.html">Next</a></nav>
</main></div>
<footer><p>GET /v9/footer</p></footer>Loose text after the main content.</body></html>"##;

    #[test]
    fn reads_a_doc_site_page_by_its_structure() {
        let page = read_str(SITE_PAGE);
        let kinds: Vec<BlockKind> = page.blocks.iter().map(|b| b.kind.clone()).collect();
        let BlockKind::Table(table) = &kinds[4] else {
            panic!("no table: {kinds:?}");
        };
        assert_eq!(
            kinds[..4],
            [
                BlockKind::Title("Creating a Widget".into()),
                BlockKind::Heading("URI".into()),
                BlockKind::Prose("POST /v1/{project_id}/widgets".into()),
                BlockKind::Prose("See Table 1.".into()),
            ]
        );
        assert_eq!(table.caption.as_deref(), Some("Table 1 Path parameters"));
        assert_eq!(table.anchors, ["t1", "id1"]);
        assert_eq!(table.header, ["Parameter", "Type", "Description"]);
        assert_eq!(table.rows[0].cells[2].text, "Project ID.\nRange: 1-64");
        assert_eq!(
            kinds[5..],
            [
                BlockKind::Heading("Example".into()),
                BlockKind::Code("{\"a\": 1}\n".into()),
            ]
        );
        // Lines are those of the source, navigation before `<main>` counted.
        assert_eq!(page.blocks[0].line, 6);
        assert_eq!(table.rows[0].line, 13);
    }

    #[test]
    fn spreads_row_and_column_spans() {
        let page = read_str(concat!(
            "<table><thead><tr><th rowspan=\"2\">Parameter</th><th colspan=\"2\">Value</th></tr>",
            "<tr><th>Type</th><th>Description</th></tr></thead><tbody>",
            "<tr><td rowspan=\"2\">name</td><td>String</td><td>First.</td></tr>",
            "<tr><td>Integer</td><td>Second.</td></tr>",
            "<tr><td>size</td><td colspan=\"2\">Spanning.</td></tr>",
            "<tr><td colspan=\"999999\">wide</td></tr></tbody></table>"
        ));
        let BlockKind::Table(table) = &page.blocks[0].kind else {
            panic!("no table: {page:?}");
        };
        assert_eq!(table.header, ["Parameter", "Value Type", "Description"]);
        let rows: Vec<Vec<&str>> = table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
            .collect();
        assert_eq!(rows[0], ["name", "String", "First."]);
        assert_eq!(rows[1], ["name", "Integer", "Second."]);
        assert_eq!(rows[2], ["size", "Spanning.", ""]);
        assert_eq!(rows[3].len(), MAX_SPAN, "a hostile span is capped");
    }

    #[test]
    fn reads_spans_too_large_to_spread_as_one_cell_each_with_a_warning() {
        // Every cell spans 64 rows and 64 columns: spread, these 1,280
        // cells of markup would fill 2.6 million places.
        let wide = "<td rowspan=\"64\" colspan=\"64\">x</td>".repeat(20);
        let source = format!(
            "<table><tr><th>Parameter</th><th>Type</th></tr>{}</table>",
            format!("<tr>{wide}</tr>").repeat(64)
        );
        let mut report = Reporter::new(Path::new("page.html"));
        let page = read(&source, &mut report);
        let BlockKind::Table(table) = &page.blocks[0].kind else {
            panic!("no table: {page:?}");
        };
        assert_eq!(table.header, ["Parameter", "Type"]);
        assert_eq!(table.rows.len(), 64);
        assert!(table.rows.iter().all(|r| r.cells.len() == 20));
        let warnings: Vec<(usize, &str)> = report
            .diagnostics
            .iter()
            .map(|d| (d.location.line, d.message.as_str()))
            .collect();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(warnings[0].0, 1);
        assert!(warnings[0].1.contains("rowspan"), "{warnings:?}");
    }

    #[test]
    fn reads_definition_lists_in_cells_as_terms_and_definitions() {
        let page = read_str(concat!(
            "<table><tr><th>Parameter</th><th>Description</th></tr>",
            "<tr><td>mode</td><td><p>The mode.</p><dl><dt><strong>fast</strong></dt><dd><p>Skips checks.</p><p>Use with care.</p></dd>",
            "<dt>slow</dt><dd>Checks all.</dd></dl></td></tr></table>",
            "<dl><dt>Term</dt><dd>Definition</dd></dl>"
        ));
        let BlockKind::Table(table) = &page.blocks[0].kind else {
            panic!("no table: {page:?}");
        };
        assert_eq!(
            table.rows[0].cells[1].text,
            "The mode.\nfast: Skips checks.\nUse with care.\nslow: Checks all."
        );
        assert_eq!(
            page.blocks[1..]
                .iter()
                .map(|b| b.kind.clone())
                .collect::<Vec<_>>(),
            [
                BlockKind::Prose("Term".into()),
                BlockKind::Prose("Definition".into())
            ]
        );
    }

    #[test]
    fn a_list_item_opening_with_code_gives_no_bullet_to_the_next_paragraph() {
        let page = read_str(concat!(
            "<table><tr><td>a</td><td><ul><li><pre>GET /x</pre></li></ul><p>After the list.</p>",
            "<dl><dt>mode</dt><dd><pre>fast</pre><p>Skips checks.</p></dd></dl></td></tr></table>"
        ));
        let BlockKind::Table(table) = &page.blocks[0].kind else {
            panic!("no table: {page:?}");
        };
        assert_eq!(
            table.rows[0].cells[1].text,
            "GET /x\nAfter the list.\nmode:\nfast\nSkips checks."
        );
    }

    #[test]
    fn keeps_links_whose_text_is_a_word() {
        let page = read_str("<h2>Status<a href=\"#s\">#</a> <a href=\"#x\">1</a></h2>");
        assert_eq!(page.blocks[0].kind, BlockKind::Heading("Status 1".into()));
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
