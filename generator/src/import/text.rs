//! Copied text: what a browser gives when a doc page is selected and copied.
//!
//! Tables come out as pipe tables (`Parameter | Type | Description |`, a
//! `|---|---|` line, one line per row) without their captions. Code blocks
//! keep their lines but lose their end: the paragraph after a block is glued
//! onto its last line (`} Example Responses`, `{ } Status code: 403`,
//! `https://... Example Responses`). JSON is therefore cut off where its
//! brackets balance, and a request line where its URL ends; the glued rest
//! is read as a line of its own.

use super::language::{request_piece, section_named, status_marker};
use super::page::{collapse_whitespace, BlockKind, Cell, Page, PageRow, PageTable};
use super::Reporter;

/// Reads copied text into the page model.
pub fn read(text: &str, report: &mut Reporter) -> Page {
    let mut reader = Reader {
        lines: text.lines().collect(),
        next: 0,
        glued: None,
        page: Page::default(),
        has_title: false,
    };
    reader.run(report);
    reader.page
}

struct Reader<'a> {
    lines: Vec<&'a str>,
    /// Index of the next line of `lines` to read.
    next: usize,
    /// Text cut off the end of a code block, read before `lines[next]`: (line number, text).
    glued: Option<(usize, String)>,
    page: Page,
    has_title: bool,
}

impl Reader<'_> {
    fn run(&mut self, report: &mut Reporter) {
        while let Some((number, line)) = self.next_line() {
            let trimmed = line.trim();
            if trimmed.is_empty() {
                continue;
            }
            if self.is_table_header() {
                self.read_table(number, trimmed);
            } else if starts_json(trimmed) {
                self.read_json(number, &line, report);
            } else if let Some((piece, rest)) = request_piece(trimmed, false) {
                self.page
                    .push(number, BlockKind::Code(piece.text().to_owned()));
                self.glue(number, rest);
            } else if !self.has_title {
                self.has_title = true;
                self.page
                    .push(number, BlockKind::Title(collapse_whitespace(trimmed)));
            } else if section_named(trimmed).is_some() {
                self.page
                    .push(number, BlockKind::Heading(collapse_whitespace(trimmed)));
            } else {
                self.page
                    .push(number, BlockKind::Prose(collapse_whitespace(trimmed)));
            }
        }
    }

    /// The next line to read, glued text first, with its 1-based number.
    fn next_line(&mut self) -> Option<(usize, String)> {
        if let Some(glued) = self.glued.take() {
            return Some(glued);
        }
        let line = self.lines.get(self.next)?;
        self.next += 1;
        Some((self.next, (*line).to_owned()))
    }

    fn glue(&mut self, number: usize, rest: &str) {
        if !rest.trim().is_empty() {
            self.glued = Some((number, rest.trim().to_owned()));
        }
    }

    /// Whether the line just read is a table header: the next line is `|---|---|`.
    fn is_table_header(&self) -> bool {
        self.lines.get(self.next).is_some_and(|l| is_separator(l))
    }

    fn read_table(&mut self, number: usize, header: &str) {
        self.next += 1; // the separator
        let mut table = PageTable {
            header: split_row(header),
            ..PageTable::default()
        };
        while let Some(line) = self.lines.get(self.next) {
            let line = line.trim();
            let next_is_header = self
                .lines
                .get(self.next + 1)
                .is_some_and(|l| is_separator(l));
            if !line.ends_with('|') || is_separator(line) || next_is_header {
                break;
            }
            self.next += 1;
            table.rows.push(PageRow {
                line: self.next,
                cells: split_row(line).into_iter().map(Cell::plain).collect(),
            });
        }
        self.page.push(number, BlockKind::Table(table));
    }

    /// Reads a JSON block that starts on `first`, up to where its brackets balance.
    fn read_json(&mut self, number: usize, first: &str, report: &mut Reporter) {
        let start = self.next;
        let mut scanner = BracketScanner::default();
        let mut body = Vec::new();
        let mut line = first.to_owned();
        loop {
            if let Some(end) = scanner.feed(&line) {
                body.push(line[..end].to_owned());
                self.glue(number + body.len() - 1, &line[end..]);
                break;
            }
            body.push(line);
            match self.lines.get(self.next) {
                Some(next) => {
                    line = (*next).to_owned();
                    self.next += 1;
                }
                None => {
                    body = self.cut_unbalanced(start, body);
                    report.warn(
                        number,
                        format!(
                            "the brackets of this JSON example do not balance; it was taken up to line {}",
                            number + body.len() - 1
                        ),
                    );
                    break;
                }
            }
        }
        let text = body.join("\n").trim_end().to_owned();
        self.page.push(number, BlockKind::Code(text));
    }

    /// For a JSON block that never closes: ends it before the first line that
    /// is a heading, a status marker or a table, or where a heading is glued
    /// after a closing bracket, and reads on from there.
    fn cut_unbalanced(&mut self, start: usize, mut body: Vec<String>) -> Vec<String> {
        for (offset, line) in body.iter().enumerate().skip(1) {
            let trimmed = line.trim();
            let line_index = start + offset - 1;
            if is_boundary(trimmed)
                || self
                    .lines
                    .get(line_index + 1)
                    .is_some_and(|l| is_separator(l))
            {
                self.next = line_index;
                body.truncate(offset);
                return body;
            }
            if let Some(at) = glued_boundary(line) {
                self.next = line_index + 1;
                self.glued = Some((line_index + 1, line[at..].trim().to_owned()));
                body[offset] = line[..at].to_owned();
                body.truncate(offset + 1);
                return body;
            }
        }
        body
    }
}

/// A heading or status marker: where a section of the page starts.
fn is_boundary(line: &str) -> bool {
    section_named(line).is_some() || status_marker(line).is_some()
}

/// Where a heading glued after a closing bracket starts (`} Example Responses`).
fn glued_boundary(line: &str) -> Option<usize> {
    line.char_indices()
        .filter(|&(_, c)| c == '}' || c == ']')
        .map(|(i, _)| i + 1)
        .find(|&at| {
            let rest = &line[at..];
            rest.starts_with(' ') && is_boundary(rest.trim())
        })
}

/// `{` or `[` followed by what JSON has next: a string, a bracket, or the line end.
fn starts_json(line: &str) -> bool {
    let mut chars = line.chars();
    matches!(chars.next(), Some('{' | '['))
        && chars
            .find(|c| !c.is_whitespace())
            .is_none_or(|c| matches!(c, '"' | '{' | '[' | '}' | ']'))
}

fn is_separator(line: &str) -> bool {
    let line = line.trim();
    line.starts_with('|')
        && line.contains("---")
        && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// `a | b | c |` -> the cells. A `|` inside a cell has no spaces around it.
fn split_row(line: &str) -> Vec<String> {
    let line = line.trim();
    let line = line.strip_suffix('|').unwrap_or(line);
    let line = line.strip_prefix('|').unwrap_or(line);
    line.split(" | ")
        .map(|cell| cell.trim().to_owned())
        .collect()
}

/// Counts brackets outside strings. A JSON string never spans lines, so an
/// unclosed quote ends with its line instead of swallowing the page.
#[derive(Default)]
struct BracketScanner {
    depth: usize,
}

impl BracketScanner {
    /// Feeds one line; returns the byte offset just past the bracket that closes the block.
    fn feed(&mut self, line: &str) -> Option<usize> {
        let mut in_string = false;
        let mut escaped = false;
        for (i, c) in line.char_indices() {
            if in_string {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' => in_string = true,
                '{' | '[' => self.depth += 1,
                '}' | ']' if self.depth > 0 => {
                    self.depth -= 1;
                    if self.depth == 0 {
                        return Some(i + 1);
                    }
                }
                _ => {}
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn read_str(text: &str) -> (Page, Reporter<'static>) {
        let mut report = Reporter::new(Path::new("page.txt"));
        let page = read(text, &mut report);
        (page, report)
    }

    fn kinds(page: &Page) -> Vec<BlockKind> {
        page.blocks.iter().map(|b| b.kind.clone()).collect()
    }

    #[test]
    fn splits_text_glued_onto_code() {
        let (page, report) = read_str("Title\n{\n\"a\" : \"}\"\n} Example Responses\n{ } Status code: 403\nhttps://x/y Status Codes\n");
        assert!(report.diagnostics.is_empty());
        assert_eq!(
            kinds(&page),
            vec![
                BlockKind::Title("Title".into()),
                BlockKind::Code("{\n\"a\" : \"}\"\n}".into()),
                BlockKind::Heading("Example Responses".into()),
                BlockKind::Code("{ }".into()),
                BlockKind::Prose("Status code: 403".into()),
                BlockKind::Code("https://x/y".into()),
                BlockKind::Heading("Status Codes".into()),
            ]
        );
        assert_eq!(page.blocks[4].line, 5);
    }

    #[test]
    fn reads_pipe_tables() {
        let (page, _) = read_str("T\nParameter | Type | Description |\n|---|---|---|\nerror_code | String | a|b |\n- |  | OK |\nafter\n");
        let BlockKind::Table(table) = &page.blocks[1].kind else {
            panic!("no table: {page:?}");
        };
        assert_eq!(table.header, vec!["Parameter", "Type", "Description"]);
        let cells: Vec<Vec<&str>> = table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
            .collect();
        assert_eq!(
            cells,
            vec![vec!["error_code", "String", "a|b"], vec!["-", "", "OK"]]
        );
        assert_eq!(table.rows[1].line, 5);
        assert_eq!(page.blocks[2].kind, BlockKind::Prose("after".into()));
    }

    #[test]
    fn cuts_unbalanced_json_at_the_next_heading() {
        let (page, report) = read_str("T\n{\n\"a\": [1,\n} Example Responses\nStatus code: 200\n");
        assert_eq!(report.diagnostics.len(), 1);
        assert_eq!(
            kinds(&page)[1..],
            [
                BlockKind::Code("{\n\"a\": [1,\n}".into()),
                BlockKind::Heading("Example Responses".into()),
                BlockKind::Prose("Status code: 200".into()),
            ]
        );
    }
}
