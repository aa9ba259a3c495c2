//! The three table forms: grid tables (`+---+` borders, cells that may span
//! rows and columns, `+===+` under the header), simple tables (`=== ===`
//! column borders, a middle border under the header) and list tables (a
//! `list-table` directive's two-level bullet list). Each cell's text is read
//! again as blocks, so lists, notes and code in cells keep their structure.
//!
//! A table whose borders do not meet is an error at its line, and left out:
//! guessing cell boundaries would put text in the wrong column.

use super::super::Reporter;
use super::blocks::{self, Line, Node, Row, Table};

/// `+---+---+` or `+===+`: the top border of a grid table.
pub fn is_grid_border(text: &str) -> bool {
    text.len() >= 3
        && text.starts_with('+')
        && text.ends_with('+')
        && text.chars().all(|c| matches!(c, '+' | '-' | '='))
        && text.contains(['-', '='])
}

/// `=====  =====`: a simple table's border (at least two columns, or one
/// column with text under it).
pub fn is_simple_border(text: &str) -> bool {
    text.starts_with('=') && text.chars().all(|c| c == '=' || c == ' ')
}

/// A cell of a grid: the rows and columns of its border lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct GridCell {
    top: usize,
    left: usize,
    bottom: usize,
    right: usize,
}

/// Reads a grid table from its lines (border to border).
pub fn grid(lines: &[Line], depth: usize, report: &mut Reporter) -> Option<Table> {
    let mut grid: Vec<Vec<char>> = lines.iter().map(|l| by_column(&l.text)).collect();
    let width = grid.iter().map(Vec::len).max()?;
    for row in &mut grid {
        row.resize(width, ' ');
    }
    // The header separator reads as a border once its row is known.
    let header_end = grid
        .iter()
        .skip(1)
        .position(|row| row.first() == Some(&'+') && row.contains(&'='))
        .map(|p| p + 1);
    if let Some(at) = header_end {
        for c in grid[at].iter_mut().filter(|c| **c == '=') {
            *c = '-';
        }
    }
    let Some(cells) = scan_cells(&grid) else {
        report.error(
            lines[0].number,
            "the grid table's borders do not meet (a `+`, `|` or `-` is missing or out of line); the table is left out",
        );
        return None;
    };
    let mut header = Vec::new();
    let mut body = Vec::new();
    let mut current: Option<(usize, Row)> = None;
    for cell in cells {
        let content: Vec<Line> = (cell.top + 1..cell.bottom)
            .map(|r| Line {
                number: lines[r].number,
                text: from_columns(&grid[r][cell.left + 1..cell.right])
                    .trim_end()
                    .to_owned(),
            })
            .collect();
        let nodes = blocks::parse(&dedent(content), depth + 1, report);
        match &mut current {
            Some((top, row)) if *top == cell.top => row.cells.push(nodes),
            _ => {
                if let Some((top, row)) = current.take() {
                    push_row(header_end, top, row, &mut header, &mut body);
                }
                current = Some((
                    cell.top,
                    Row {
                        line: lines[(cell.top + 1).min(lines.len() - 1)].number,
                        cells: vec![nodes],
                    },
                ));
            }
        }
    }
    if let Some((top, row)) = current {
        push_row(header_end, top, row, &mut header, &mut body);
    }
    Some(Table {
        line: lines[0].number,
        header,
        body,
        ..Table::default()
    })
}

/// Follows each wide character in a line laid out by columns, so that text
/// takes the columns it shows in: docutils lines tables up by East Asian
/// width, where wide and full-width characters (CJK) take two.
const WIDE_PAD: char = '\0';

/// A line's characters by display column: each wide one followed by [`WIDE_PAD`].
fn by_column(text: &str) -> Vec<char> {
    use unicode_width::UnicodeWidthChar;
    let mut columns = Vec::with_capacity(text.len());
    for c in text.chars() {
        columns.push(c);
        if c.width() == Some(2) {
            columns.push(WIDE_PAD);
        }
    }
    columns
}

/// The text of a run of columns, without the pads.
fn from_columns(columns: &[char]) -> String {
    columns.iter().filter(|&&c| c != WIDE_PAD).collect()
}

fn push_row(
    header_end: Option<usize>,
    top: usize,
    row: Row,
    header: &mut Vec<Row>,
    body: &mut Vec<Row>,
) {
    if header_end.is_some_and(|end| top < end) {
        header.push(row);
    } else {
        body.push(row);
    }
}

/// Removes the indentation every non-blank line shares.
fn dedent(lines: Vec<Line>) -> Vec<Line> {
    let indent = lines
        .iter()
        .filter(|l| !l.text.trim().is_empty())
        .map(|l| l.text.len() - l.text.trim_start().len())
        .min()
        .unwrap_or(0);
    lines
        .into_iter()
        .map(|l| Line {
            number: l.number,
            text: l.text.get(indent..).unwrap_or("").to_owned(),
        })
        .collect()
}

/// Finds every cell of a grid, in row-major order of their top-left
/// corners: from each corner, along the top edge to a `+` with a `|` below,
/// down to a `+`, back left along the bottom and up the left edge. `None`
/// where the cells do not tile the grid.
fn scan_cells(grid: &[Vec<char>]) -> Option<Vec<GridCell>> {
    let bottom = grid.len() - 1;
    let right = grid[0].len() - 1;
    if grid[0][0] != '+' || grid[bottom][0] != '+' {
        return None;
    }
    let mut corners = vec![(0, 0)];
    let mut done = std::collections::BTreeSet::new();
    let mut cells = Vec::new();
    // Which character positions cells cover, to check that they tile.
    let mut covered = vec![vec![false; right + 1]; bottom + 1];
    while let Some((top, left)) = corners.pop() {
        if top == bottom || left == right || !done.insert((top, left)) {
            continue;
        }
        // A corner where no cell starts (the top of a cell spanning columns) is passed over.
        let Some(cell) = scan_cell(grid, top, left) else {
            continue;
        };
        if cells.iter().any(|c: &GridCell| overlaps(c, &cell)) {
            return None;
        }
        for row in covered.iter_mut().take(cell.bottom).skip(cell.top + 1) {
            for c in row.iter_mut().take(cell.right).skip(cell.left + 1) {
                *c = true;
            }
        }
        cells.push(cell);
        corners.push((cell.top, cell.right));
        corners.push((cell.bottom, cell.left));
        // Visit the nearest corners first, row by row.
        corners.sort_by(|a, b| b.cmp(a));
    }
    cells.sort();
    let tiles = (1..bottom)
        .all(|r| (1..right).all(|c| covered[r][c] || matches!(grid[r][c], '+' | '|' | '-')));
    tiles.then_some(cells)
}

fn overlaps(a: &GridCell, b: &GridCell) -> bool {
    a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right
}

fn scan_cell(grid: &[Vec<char>], top: usize, left: usize) -> Option<GridCell> {
    let width = grid[top].len();
    for right in left + 1..width {
        match grid[top][right] {
            '+' => {
                if let Some(bottom) = scan_down(grid, top, left, right) {
                    return Some(GridCell {
                        top,
                        left,
                        bottom,
                        right,
                    });
                }
            }
            '-' => {}
            _ => return None,
        }
    }
    None
}

fn scan_down(grid: &[Vec<char>], top: usize, left: usize, right: usize) -> Option<usize> {
    for (bottom, row) in grid.iter().enumerate().skip(top + 1) {
        match row[right] {
            '+' if closes(grid, top, left, bottom, right) => return Some(bottom),
            '+' | '|' => {}
            _ => return None,
        }
    }
    None
}

/// Whether the bottom edge from `right` back to `left` and the left edge up
/// to `top` are borders.
fn closes(grid: &[Vec<char>], top: usize, left: usize, bottom: usize, right: usize) -> bool {
    grid[bottom][left] == '+'
        && grid[bottom][left + 1..right]
            .iter()
            .all(|&c| c == '-' || c == '+')
        && (top + 1..bottom).all(|r| matches!(grid[r][left], '|' | '+'))
}

/// The end of a simple table starting at its top border `lines[i]`: after
/// the border that a blank line or the text's end follows.
pub fn simple_end(lines: &[Line], i: usize) -> usize {
    let mut k = i + 1;
    while k < lines.len() {
        let is_last = is_simple_border(&lines[k].text)
            && lines.get(k + 1).is_none_or(|l| l.text.trim().is_empty());
        if is_last {
            return k + 1;
        }
        k += 1;
    }
    lines.len()
}

/// Reads a simple table from its lines (top border to bottom border).
pub fn simple(lines: &[Line], depth: usize, report: &mut Reporter) -> Option<Table> {
    let columns = column_ranges(&lines[0].text);
    let last = lines.len() - 1;
    if last == 0 || !is_simple_border(&lines[last].text) {
        report.error(
            lines[0].number,
            "the simple table has no closing `===` border; the table is left out",
        );
        return None;
    }
    let middle = (1..last).find(|&k| is_simple_border(&lines[k].text));
    let (header_lines, body_lines) = match middle {
        Some(m) => (&lines[1..m], &lines[m + 1..last]),
        None => (&lines[1..1], &lines[1..last]),
    };
    let header = simple_rows(header_lines, &columns, depth, report);
    let body = simple_rows(body_lines, &columns, depth, report);
    Some(Table {
        line: lines[0].number,
        header,
        body,
        ..Table::default()
    })
}

/// The character ranges of a border's `===` runs; the last runs to the line end.
fn column_ranges(border: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = border.chars().collect();
    let mut ranges = Vec::new();
    let mut start = None;
    for (i, &c) in chars.iter().enumerate() {
        match (c, start) {
            ('=', None) => start = Some(i),
            (' ', Some(s)) => {
                ranges.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        ranges.push((s, chars.len()));
    }
    if let Some(last) = ranges.last_mut() {
        last.1 = usize::MAX;
    }
    ranges
}

/// Rows of a simple table: a line whose first column has text starts a row;
/// lines with an empty first column continue it.
fn simple_rows(
    lines: &[Line],
    columns: &[(usize, usize)],
    depth: usize,
    report: &mut Reporter,
) -> Vec<Row> {
    let mut rows: Vec<(usize, Vec<Vec<Line>>)> = Vec::new();
    let is_span_underline =
        |chars: &[char]| !chars.is_empty() && chars.iter().all(|c| *c == '-' || *c == ' ');
    for (k, line) in lines.iter().enumerate() {
        let chars = by_column(&line.text);
        if is_span_underline(&chars) {
            continue; // a column-span underline: the cells are read one by one
        }
        // Text under the gap between two borders belongs to no column; the
        // text over a column-span underline may cross it.
        let spans = lines
            .get(k + 1)
            .is_some_and(|next| is_span_underline(&next.text.chars().collect::<Vec<_>>()));
        let in_margin = chars.iter().enumerate().any(|(at, c)| {
            *c != ' '
                && !columns
                    .iter()
                    .any(|&(start, end)| (start..end).contains(&at))
        });
        if in_margin && !spans {
            report.warn(
                line.number,
                "text between the columns of a simple table is left out; align it under its column's `===` border",
            );
        }
        let cut = |(start, end): (usize, usize)| -> String {
            let end = end.min(chars.len());
            chars
                .get(start..end)
                .map_or(String::new(), |s| from_columns(s).trim_end().to_owned())
        };
        let texts: Vec<String> = columns.iter().map(|&range| cut(range)).collect();
        let starts_row = texts.first().is_some_and(|t| !t.trim().is_empty()) || rows.is_empty();
        if line.text.trim().is_empty() {
            if let Some((_, cells)) = rows.last_mut() {
                for cell in cells.iter_mut() {
                    cell.push(line.clone());
                }
            }
            continue;
        }
        if starts_row {
            rows.push((line.number, vec![Vec::new(); columns.len()]));
        }
        if let Some((_, cells)) = rows.last_mut() {
            for (cell, text) in cells.iter_mut().zip(texts) {
                cell.push(Line {
                    number: line.number,
                    text,
                });
            }
        }
    }
    rows.into_iter()
        .map(|(line, cells)| Row {
            line,
            cells: cells
                .into_iter()
                .map(|cell| blocks::parse(&dedent(cell), depth + 1, report))
                .collect(),
        })
        .collect()
}

/// A `list-table`'s rows from its content: a bullet list of bullet lists.
pub fn list_table(
    content: &[Node],
    line: usize,
    header_rows: usize,
    report: &mut Reporter,
) -> Option<Table> {
    let [Node::List(rows)] = content else {
        report.error(
            line,
            "the list-table's content is not one bullet list of rows; the table is left out",
        );
        return None;
    };
    let mut table = Table {
        line,
        ..Table::default()
    };
    for (i, row) in rows.iter().enumerate() {
        let cells = match row.content.as_slice() {
            [Node::List(cells)] => cells.iter().map(|c| c.content.clone()).collect(),
            _ => {
                report.error(
                    row.line,
                    "this list-table row is not a bullet list of cells; the table is left out",
                );
                return None;
            }
        };
        let row = Row {
            line: row.line,
            cells,
        };
        if i < header_rows {
            table.header.push(row);
        } else {
            table.body.push(row);
        }
    }
    Some(table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn cell_texts(row: &Row) -> Vec<String> {
        row.cells
            .iter()
            .map(|cell| {
                cell.iter()
                    .map(|n| match n {
                        Node::Paragraph { text, .. } => text.clone(),
                        other => format!("{other:?}"),
                    })
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect()
    }

    fn read_grid(source: &str) -> (Option<Table>, Reporter<'static>) {
        let mut report = Reporter::new(Path::new("t.rst"));
        let table = grid(&blocks::lines(source), 0, &mut report);
        (table, report)
    }

    #[test]
    fn reads_grid_tables_with_spans() {
        let (table, report) = read_grid(
            "+----+------+\n| a  | b    |\n+====+======+\n| 1  | one  |\n|    |      |\n|    | more |\n+----+------+\n| both cols |\n+-----------+\n",
        );
        assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
        let table = table.unwrap();
        assert_eq!(cell_texts(&table.header[0]), ["a", "b"]);
        assert_eq!(cell_texts(&table.body[0]), ["1", "one|more"]);
        assert_eq!(table.body[0].line, 4);
        assert_eq!(cell_texts(&table.body[1]), ["both cols"]);
        assert_eq!(table.body[1].line, 8);
    }

    #[test]
    fn lines_grid_and_simple_tables_up_by_display_width() {
        // Each CJK character takes two columns, as a terminal shows it.
        let (table, report) = read_grid(
            "+--------+------+\n| 名称   | 类型 |\n+========+======+\n| 实例ID | Ｘ   |\n+--------+------+\n",
        );
        assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
        let table = table.unwrap();
        assert_eq!(cell_texts(&table.header[0]), ["名称", "类型"]);
        assert_eq!(cell_texts(&table.body[0]), ["实例ID", "Ｘ"]);
        let lines =
            blocks::lines("======  ====\n名称    类型\n======  ====\n实例ID  x\n======  ====\n");
        let mut report = Reporter::new(Path::new("t.rst"));
        let table = simple(&lines, 0, &mut report).unwrap();
        assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
        assert_eq!(cell_texts(&table.header[0]), ["名称", "类型"]);
        assert_eq!(cell_texts(&table.body[0]), ["实例ID", "x"]);
    }

    #[test]
    fn a_broken_grid_is_an_error_at_its_line() {
        let (table, report) = read_grid("+----+----+\n| a  | b  |\n+----+---\n");
        assert!(table.is_none());
        let error = report.diagnostics.errors().next().unwrap();
        assert_eq!(error.location.line, 1);
        assert!(error.message.contains("grid table"));
    }

    #[test]
    fn text_between_simple_table_columns_is_a_warning_at_its_line() {
        let lines = blocks::lines(
            "=====  =====\nName   Value\n=====  =====\nx     |the x\n  Both cols\n------------\n=====  =====\n",
        );
        let mut report = Reporter::new(Path::new("t.rst"));
        let table = simple(&lines, 0, &mut report).unwrap();
        assert_eq!(cell_texts(&table.body[0]), ["x", "the x"]);
        let warnings: Vec<usize> = report.diagnostics.iter().map(|d| d.location.line).collect();
        assert_eq!(warnings, [4], "{:?}", report.diagnostics);
    }

    #[test]
    fn reads_simple_tables() {
        let lines = blocks::lines("=====  =====\nName   Value\n=====  =====\nx      the x\n       value\ny      y\n=====  =====\n");
        let mut report = Reporter::new(Path::new("t.rst"));
        let end = simple_end(&lines, 0);
        assert_eq!(end, 7);
        let table = simple(&lines[..end], 0, &mut report).unwrap();
        assert_eq!(cell_texts(&table.header[0]), ["Name", "Value"]);
        assert_eq!(cell_texts(&table.body[0]), ["x", "the x\nvalue"]);
        assert_eq!(cell_texts(&table.body[1]), ["y", "y"]);
        assert_eq!(table.body[1].line, 6);
    }
}
