//! The page as the importer reads it: title, headings, running text, code
//! blocks and tables, in page order, each with the source line it starts on.
//!
//! Every input form is read into this model ([`super::html`],
//! [`super::rst`] and [`super::text`]), so everything after reading is the
//! same code for all. The model keeps what one form has and another lacks as
//! optional data: captions, anchors and links exist in HTML and
//! reStructuredText, not in copied text.

/// One page, as a sequence of blocks in page order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub blocks: Vec<Block>,
}

/// One block and the 1-based source line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub line: usize,
    pub kind: BlockKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    /// The page title (HTML `h1`; the first reStructuredText section title; the first line of copied text).
    Title(String),
    /// A section heading (HTML `h2`–`h6`; a later reStructuredText section title; in copied text, a line that is a known section name).
    Heading(String),
    /// A paragraph, list item or other line of running text, whitespace collapsed.
    Prose(String),
    /// Preformatted text, verbatim (HTML `<pre>`; in copied text, JSON and request lines).
    Code(String),
    Table(PageTable),
}

/// A table as the page shows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageTable {
    /// The caption, whitespace collapsed (`Table 3 CreateL7RuleOption`). Copied text has none.
    pub caption: Option<String>,
    /// The header row.
    pub header: Vec<String>,
    pub rows: Vec<PageRow>,
    /// The ids by which links on the page point at this table (HTML only).
    pub anchors: Vec<String>,
}

/// One body row of a table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageRow {
    pub line: usize,
    pub cells: Vec<Cell>,
}

/// One cell: its text and the links in it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    /// Paragraphs separated by `\n`; list items start with `- `.
    pub text: String,
    pub links: Vec<Link>,
}

impl Cell {
    pub fn plain(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            links: Vec::new(),
        }
    }
}

/// A hyperlink inside a cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The link text, whitespace collapsed (`Table 4`, `CreateL7RuleOption`).
    pub text: String,
    pub target: LinkTarget,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LinkTarget {
    /// `#id`: something on this page.
    Anchor(String),
    /// Another file (`en-us_topic_0167957246.html#...`): the file name as written.
    OtherPage(String),
}

impl Page {
    pub fn push(&mut self, line: usize, kind: BlockKind) {
        self.blocks.push(Block { line, kind });
    }
}

/// Collapses runs of whitespace to one space and trims the ends.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
