//! What each table of a page documents: its role, side and status, decided
//! from its caption where the page has one, and otherwise from where it
//! stands (section headings, `Status code: N` lines) and what its rows are
//! (header names, the URI's `{placeholders}`).

use super::language::{caption_number, caption_words, looks_like_header_name, Section};
use super::page::{BlockKind, PageTable};
use super::sections::Located;
use super::Reporter;
use crate::spec::{Row, Side, StatusCode, Table, TableRole};

/// A table of the page and what it documents.
#[derive(Debug, Clone)]
pub struct Placed<'p> {
    pub line: usize,
    pub table: &'p PageTable,
    /// `Table N` as the page numbers it: the caption's number, else the table's position.
    pub number: u32,
    pub place: Place,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Path and query parameters, told apart by the path's placeholders.
    Uri,
    RequestHeaders,
    ResponseHeaders {
        status: Option<u16>,
    },
    /// A body table: the top level of a request or response body, or an object table.
    Body {
        side: Side,
        status: Option<u16>,
        top_level: bool,
    },
    StatusCodes,
    /// A table in a section that documents no parameters.
    Unplaced(Section),
}

/// Places every table of the page.
pub fn place_tables<'p>(located: &[Located<'p>]) -> Vec<Placed<'p>> {
    let mut placed = Vec::new();
    // A body table is the top level of its body when it is the first one
    // after the section heading or status line.
    let mut expecting_top_level = true;
    for item in located {
        if item.starts_part {
            expecting_top_level = true;
        }
        let BlockKind::Table(table) = &item.block.kind else {
            continue;
        };
        let place = place_of(table, item.section, item.status, &mut expecting_top_level);
        let number = table
            .caption
            .as_deref()
            .and_then(caption_number)
            .unwrap_or_else(|| u32::try_from(placed.len() + 1).unwrap_or(u32::MAX));
        placed.push(Placed {
            line: item.block.line,
            table,
            number,
            place,
        });
    }
    placed
}

fn place_of(
    table: &PageTable,
    section: Section,
    status: Option<u16>,
    expecting_top_level: &mut bool,
) -> Place {
    if is_status_code_table(table) {
        return Place::StatusCodes;
    }
    let caption = table
        .caption
        .as_deref()
        .map(caption_words)
        .unwrap_or_default();
    let side = match section {
        Section::Uri => return Place::Uri,
        Section::Request => Side::Request,
        Section::Response => Side::Response,
        other => return Place::Unplaced(other),
    };
    if caption.contains("path param") || caption.contains("query param") {
        return Place::Uri;
    }
    // Headers come before the body; a table of header-like names after it
    // is an object (`insert_headers`).
    let names_headers = caption == "headers"
        || ["header param", "request header", "response header"]
            .iter()
            .any(|words| caption.contains(words));
    if names_headers || (table.caption.is_none() && *expecting_top_level && has_header_rows(table))
    {
        return match side {
            Side::Request => Place::RequestHeaders,
            Side::Response => Place::ResponseHeaders { status },
        };
    }
    let top_level = std::mem::replace(expecting_top_level, false);
    Place::Body {
        side,
        status,
        top_level,
    }
}

/// The Status Codes table: `Status Code | Description`.
fn is_status_code_table(table: &PageTable) -> bool {
    table
        .header
        .first()
        .is_some_and(|h| h.to_ascii_lowercase().starts_with("status code"))
}

/// Why a table is not a parameter table, judged by its header alone: a
/// parameter table names its parameters (`Parameter`, `Name`, `Field`) and
/// says what they are (`Type`, `Mandatory`, `Description`), or at least has
/// a Type or Mandatory column. Anything else (a list of TLS policies with
/// their protocols and ciphers, error codes, permissions) is data about the
/// service, not parameters. A table without a header cannot be judged and
/// is read by its column count.
pub fn not_parameters(table: &PageTable) -> Option<String> {
    if table.header.is_empty() {
        return None;
    }
    let has = |words: &[&str]| {
        table.header.iter().any(|h| {
            let h = h.to_ascii_lowercase();
            words.iter().any(|w| h.contains(w))
        })
    };
    let typed = has(&["type", "mandatory", "required"]);
    let named_and_described =
        has(&["parameter", "name", "field"]) && has(&["description", "remark"]);
    (!(typed || named_and_described)).then(|| {
        format!(
            "its columns ({}) are not those of a parameter table (Parameter, Mandatory, Type, Description); it is left out",
            table.header.join(" | ")
        )
    })
}

/// Whether every row names an HTTP header (copied text has no caption to say so).
fn has_header_rows(table: &PageTable) -> bool {
    let columns = Columns::of(table);
    !table.rows.is_empty()
        && table.rows.iter().all(|row| {
            row.cells
                .get(columns.parameter)
                .is_some_and(|c| looks_like_header_name(c.text.trim()))
        })
}

/// Which cell holds what, by the header row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    pub parameter: usize,
    pub mandatory: Option<usize>,
    pub type_: Option<usize>,
    pub description: Option<usize>,
}

impl Columns {
    /// Reads the header. A table without one is taken to have the usual
    /// columns for its width.
    pub fn of(table: &PageTable) -> Columns {
        if table.header.is_empty() {
            let width = table.rows.first().map_or(0, |r| r.cells.len());
            return match width {
                0..=2 => Columns {
                    parameter: 0,
                    mandatory: None,
                    type_: None,
                    description: Some(1),
                },
                3 => Columns {
                    parameter: 0,
                    mandatory: None,
                    type_: Some(1),
                    description: Some(2),
                },
                _ => Columns {
                    parameter: 0,
                    mandatory: Some(1),
                    type_: Some(2),
                    description: Some(3),
                },
            };
        }
        let find = |words: &[&str]| {
            table.header.iter().position(|h| {
                let h = h.to_ascii_lowercase();
                words.iter().any(|w| h.contains(w))
            })
        };
        Columns {
            parameter: find(&["parameter", "name", "field"]).unwrap_or(0),
            mandatory: find(&["mandatory", "required"]),
            type_: find(&["type"]),
            description: find(&["description", "remark"]),
        }
    }
}

/// The rows of a parameter table, cells verbatim.
pub fn spec_rows(placed: &Placed, report: &mut Reporter) -> Vec<Row> {
    let table = placed.table;
    if table.header.is_empty() {
        report.warn(
            placed.line,
            "the table has no header row; its columns are taken by their count",
        );
    }
    if table.rows.is_empty() {
        report.warn(placed.line, "the table has no rows");
    }
    let columns = Columns::of(table);
    let width = if table.header.is_empty() {
        None
    } else {
        Some(table.header.len())
    };
    table
        .rows
        .iter()
        .map(|row| {
            let cell = |i: Option<usize>| i.and_then(|i| row.cells.get(i)).map(|c| c.text.clone());
            let parameter = cell(Some(columns.parameter)).unwrap_or_default();
            if let Some(width) = width.filter(|&w| w != row.cells.len()) {
                report.warn_row(
                    row.line,
                    &parameter,
                    format!(
                        "the row has {} cells where the header has {width}",
                        row.cells.len()
                    ),
                );
            }
            let mandatory = columns.mandatory.map(|i| cell(Some(i)).unwrap_or_default());
            Row::new(
                parameter,
                mandatory,
                cell(columns.type_).unwrap_or_default(),
                cell(columns.description).unwrap_or_default(),
            )
        })
        .collect()
}

/// A spec table of `role` with the page table's caption, columns and rows.
pub fn spec_table(placed: &Placed, role: TableRole, rows: Vec<Row>) -> Table {
    Table {
        role,
        name: None,
        status: None,
        side: None,
        caption: placed.table.caption.clone(),
        columns: placed.table.header.clone(),
        added_by_hand: None,
        inferred: None,
        note: None,
        rows,
    }
}

/// A URI table as spec tables: rows that are `{placeholders}` of the path
/// not documented by an earlier table of the page are path parameters, the
/// others query parameters (a query table may well name a parameter as a
/// placeholder is named: `project_id` in the path and in the query). A
/// table holding both is split in two. `documented` collects the
/// placeholders documented so far.
pub fn uri_tables(
    placed: &Placed,
    placeholders: &[&str],
    documented: &mut Vec<String>,
    report: &mut Reporter,
) -> Vec<Table> {
    let rows = spec_rows(placed, report);
    let (path, query): (Vec<Row>, Vec<Row>) = rows.into_iter().partition(|row| {
        let name = row.parameter.trim();
        placeholders.contains(&name) && !documented.iter().any(|d| d == name)
    });
    documented.extend(path.iter().map(|r| r.parameter.trim().to_owned()));
    let caption = placed
        .table
        .caption
        .as_deref()
        .map(caption_words)
        .unwrap_or_default();
    let says_query = caption.contains("query") || caption.contains("search");
    let says_path = caption.contains("path");
    let split = !path.is_empty() && !query.is_empty();
    let mut tables = Vec::new();
    for (role, rows, disagrees) in [
        (TableRole::PathParameters, path, says_query),
        (TableRole::QueryParameters, query, says_path),
    ] {
        if rows.is_empty() {
            continue;
        }
        let mut table = spec_table(placed, role, rows);
        let why = if split {
            Some(format!(
                "split from one URI table: the rows that are {{placeholders}} of the path are path parameters, the others query parameters; this part holds the {}",
                role.describe()
            ))
        } else if disagrees {
            Some(format!(
                "the caption says otherwise, but {} {{placeholders}} of the path: taken as {}",
                if role == TableRole::PathParameters {
                    "its rows are"
                } else {
                    "its rows are not"
                },
                role.describe()
            ))
        } else {
            None
        };
        if let Some(why) = why {
            report.warn_table(placed.line, &table.label(), why.clone());
            table.inferred = Some(why);
        }
        tables.push(table);
    }
    tables
}

/// The Status Codes table.
pub fn status_codes(placed: &Placed, report: &mut Reporter) -> Vec<StatusCode> {
    placed
        .table
        .rows
        .iter()
        .filter_map(|row| {
            let code = row.cells.first().map(|c| c.text.trim()).unwrap_or_default();
            let description = row.cells.get(1).map(|c| c.text.clone()).unwrap_or_default();
            match code.parse() {
                Ok(status) => Some(StatusCode {
                    status,
                    description,
                }),
                Err(_) => {
                    report.warn(
                        row.line,
                        format!("\"{code}\" is not a status code; the row is left out"),
                    );
                    None
                }
            }
        })
        .collect()
}
