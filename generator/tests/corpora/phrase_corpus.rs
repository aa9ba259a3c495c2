//! `parse_type` and `parse_constraints` against the corpus in `../shared/corpus`:
//! every parameter-table row of every `page.txt`, compared with what the
//! page's `facts.json` records for that row.
//!
//! Run with `cargo test -p docspec --test corpora phrase_corpus:: -- --nocapture` to see
//! precision and recall per kind of constraint, and every miss and wrong value.
//! The corpus is test data beside the repository; without it the tests say so and pass.

use crate::common;

use std::fs;
use std::path::Path;

use common::{
    assert_meets_targets, facts_fields, is_excluded, page_dirs, page_name, print_exclusions,
    print_tally, print_tally_header, read_facts, subject_of, Tally, CORPUS, EXCLUDED, KINDS,
};
use docspec::phrase::{parse_constraints, parse_type, Subject};
use serde_json::Value;

/// A Type cell of more words than `Array of X objects` is a sentence, not a
/// type phrase, and rightly fails to parse.
const LONGEST_TYPE_PHRASE: usize = 4;

// ---------------------------------------------------------------------------
// Reading the corpus

struct Page {
    /// `elb/CreateListener`
    name: String,
    text: String,
    facts: Value,
}

/// Every page of the corpus with copied text, or `None` when the corpus is not there.
fn corpus_pages() -> Option<Vec<Page>> {
    let corpus = Path::new(CORPUS);
    let pages = page_dirs(corpus)?
        .into_iter()
        .filter(|folder| folder.join("page.txt").is_file())
        .map(|folder| {
            let text = fs::read_to_string(folder.join("page.txt"))
                .unwrap_or_else(|e| panic!("{}/page.txt: {e}", folder.display()));
            Page {
                name: page_name(corpus, &folder),
                text,
                facts: read_facts(&folder),
            }
        })
        .collect();
    Some(pages)
}

/// A pipe table of a copied page: `Parameter | Type | Description |` then `|---|…`.
struct PipeTable {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl PipeTable {
    fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }
}

fn pipe_tables(page: &str) -> Vec<PipeTable> {
    let lines: Vec<&str> = page.lines().collect();
    let is_separator = |i: usize| lines.get(i).is_some_and(|line| line.starts_with("|---"));
    let mut tables = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !is_separator(i + 1) {
            i += 1;
            continue;
        }
        let header = cells(lines[i]);
        let mut rows = Vec::new();
        i += 2;
        while i < lines.len() && lines[i].trim_end().ends_with('|') && !is_separator(i + 1) {
            rows.push(cells(lines[i]));
            i += 1;
        }
        tables.push(PipeTable { header, rows });
    }
    tables
}

fn cells(line: &str) -> Vec<String> {
    let line = line.trim_end();
    let line = line.strip_suffix('|').unwrap_or(line);
    line.split(" | ")
        .map(|cell| cell.trim().to_string())
        .collect()
}

// ---------------------------------------------------------------------------
// The evaluation

/// One parameter row, with the facts recorded for it.
struct Row<'a> {
    page: &'a str,
    /// 1-based, as in `facts.json`.
    table: usize,
    name: String,
    description: String,
    subject: Subject,
    field: &'a Value,
}

/// Every parameter row of every page that facts describe.
fn rows(pages: &[Page]) -> Vec<Row<'_>> {
    let mut rows = Vec::new();
    for page in pages {
        let tables = pipe_tables(&page.text);
        let facts_tables = page.facts["tables"].as_array().map_or(0, Vec::len);
        if tables.len() != facts_tables {
            println!(
                "{}: {} pipe tables but {facts_tables} tables in facts: page skipped",
                page.name,
                tables.len()
            );
            continue;
        }
        for (index, table) in tables.iter().enumerate() {
            let Some(mut fields) = facts_fields(&page.facts, index) else {
                continue;
            };
            let (Some(name_at), Some(description_at)) =
                (table.column("Parameter"), table.column("Description"))
            else {
                continue;
            };
            let type_at = table.column("Type");
            for cells in &table.rows {
                let name = cells.get(name_at).cloned().unwrap_or_default();
                let type_cell = type_at.and_then(|at| cells.get(at)).map(String::as_str);
                // Match by name, and by type too when the name occurs twice.
                let same_name = |f: &&Value| f["name"].as_str() == Some(name.as_str());
                let position = fields
                    .iter()
                    .position(|f| same_name(f) && f["type"].as_str() == type_cell)
                    .or_else(|| fields.iter().position(same_name));
                let Some(position) = position else {
                    println!("{} table {}: row {name} not in facts", page.name, index + 1);
                    continue;
                };
                let field = fields.remove(position);
                // A table without a Type column holds path parameters: strings.
                let subject = type_cell.map_or(Subject::Text, |cell| {
                    parse_type(cell).map_or(Subject::Object, |phrase| subject_of(&phrase))
                });
                rows.push(Row {
                    page: &page.name,
                    table: index + 1,
                    name,
                    description: cells.get(description_at).cloned().unwrap_or_default(),
                    subject,
                    field,
                });
            }
        }
    }
    rows
}

#[test]
#[cfg_attr(
    shared_missing,
    ignore = "../shared/corpus is missing: no constraint phrase is compared with the corpus facts"
)]
fn constraints_match_the_corpus_facts() {
    let Some(pages) = corpus_pages() else {
        println!("notice: no corpus at {CORPUS}: the constraint evaluation was skipped");
        return;
    };
    let rows = rows(&pages);
    let mut tallies = [Tally::default(); KINDS.len()];
    let mut problems = Vec::new();
    let mut findings = 0;
    for row in &rows {
        let parsed = parse_constraints(&row.description, row.subject);
        findings += parsed.findings.len();
        for (kind, tally) in KINDS.iter().zip(tallies.iter_mut()) {
            if is_excluded(row.page, row.table, &row.name, *kind) {
                continue;
            }
            let expected = kind.expected(row.field);
            let got = kind.parsed(&parsed);
            let same = expected.is_some() && expected == got;
            let Some(what) = tally.count(expected.is_some(), got.is_some(), same) else {
                continue;
            };
            problems.push(format!(
                "{what} {} table {} {} [{:?}] {kind}: expected {} got {}\n    {}",
                row.page,
                row.table,
                row.name,
                row.subject,
                expected.as_deref().unwrap_or("-"),
                got.as_deref().unwrap_or("-"),
                row.description
            ));
        }
    }
    for problem in &problems {
        println!("{problem}");
    }
    print_exclusions();
    println!(
        "\n{} rows of {} pages, {findings} findings, {} facts excluded",
        rows.len(),
        pages.len(),
        EXCLUDED.len()
    );
    print_tally_header();
    let mut overall = Tally::default();
    for (kind, tally) in KINDS.iter().zip(tallies) {
        overall.add(tally);
        print_tally(&kind.to_string(), tally);
    }
    print_tally("overall", overall);
    assert_meets_targets("the phrase parser", overall);
}

/// The same cells read from `page.html`, in the form an HTML importer gives
/// them (paragraphs on lines of their own, list items as `- ` lines), must
/// give the same constraints as the copied text.
#[cfg(feature = "import")]
#[test]
#[cfg_attr(
    shared_missing,
    ignore = "../shared/corpus is missing: no HTML cell is compared with its copied text"
)]
fn html_cells_read_like_copied_cells() {
    let Some(pages) = corpus_pages() else {
        println!("notice: no corpus at {CORPUS}: the HTML comparison was skipped");
        return;
    };
    let mut compared = 0;
    let mut differences = Vec::new();
    for page in &pages {
        let html = fs::read_to_string(Path::new(CORPUS).join(&page.name).join("page.html"))
            .unwrap_or_else(|e| panic!("{}/page.html: {e}", page.name));
        let copied_tables = pipe_tables(&page.text);
        let html_tables = html_form::tables(&html);
        if copied_tables.len() != html_tables.len() {
            println!(
                "{}: the HTML has {} tables, the text {}: page skipped",
                page.name,
                html_tables.len(),
                copied_tables.len()
            );
            continue;
        }
        for (index, (copied, html_rows)) in copied_tables.iter().zip(&html_tables).enumerate() {
            let (Some(type_at), Some(description_at)) =
                (copied.column("Type"), copied.column("Description"))
            else {
                continue;
            };
            for (copied_row, html_row) in copied.rows.iter().zip(html_rows) {
                let (Some(type_cell), Some(copied_text), Some(html_text)) = (
                    copied_row.get(type_at),
                    copied_row.get(description_at),
                    html_row.get(description_at),
                ) else {
                    continue;
                };
                let subject =
                    parse_type(type_cell).map_or(Subject::Object, |phrase| subject_of(&phrase));
                let from_copy = parse_constraints(copied_text, subject);
                let from_html = parse_constraints(html_text, subject);
                compared += 1;
                let differing: Vec<String> = KINDS
                    .iter()
                    .filter(|kind| kind.parsed(&from_copy) != kind.parsed(&from_html))
                    .map(|kind| {
                        let show = |text: &docspec::phrase::ConstraintText| {
                            kind.parsed(text).unwrap_or_else(|| "-".to_string())
                        };
                        format!("{kind}: {} / {}", show(&from_copy), show(&from_html))
                    })
                    .collect();
                if !differing.is_empty() {
                    differences.push(format!(
                        "{} table {} {}: {}\n    copied: {copied_text}\n    html:   {}",
                        page.name,
                        index + 1,
                        copied_row.first().map_or("", String::as_str),
                        differing.join(", "),
                        html_text.replace('\n', " ⏎ ")
                    ));
                }
            }
        }
    }
    for difference in &differences {
        println!("{difference}");
    }
    println!(
        "{compared} cells compared, {} read differently",
        differences.len()
    );
    assert!(
        differences.is_empty(),
        "{} cells read differently",
        differences.len()
    );
}

/// Just enough of an HTML reader to render table cells the way the importer does.
#[cfg(feature = "import")]
mod html_form {
    use scraper::{ElementRef, Html, Node, Selector};

    /// The body rows of every table, in page order, each a list of cell texts.
    pub fn tables(html: &str) -> Vec<Vec<Vec<String>>> {
        let document = Html::parse_fragment(html);
        let selector = |css: &str| Selector::parse(css).unwrap_or_else(|e| panic!("{css}: {e}"));
        let (tables, rows, cells) = (selector("table"), selector("tr"), selector("td"));
        document
            .select(&tables)
            .map(|table| {
                table
                    .select(&rows)
                    .map(|row| row.select(&cells).map(cell_text).collect::<Vec<_>>())
                    .filter(|cells| !cells.is_empty())
                    .collect()
            })
            .collect()
    }

    /// Paragraphs joined with `\n`, list items as `- ` lines, whitespace collapsed.
    fn cell_text(cell: ElementRef) -> String {
        let mut text = CellText::default();
        text.walk(cell);
        text.flush();
        text.lines.join("\n")
    }

    #[derive(Default)]
    struct CellText {
        lines: Vec<String>,
        current: String,
        bullet: bool,
    }

    impl CellText {
        fn walk(&mut self, element: ElementRef) {
            for child in element.children() {
                if let Node::Text(text) = child.value() {
                    self.current.push_str(text);
                }
                let Some(child) = ElementRef::wrap(child) else {
                    continue;
                };
                match child.value().name() {
                    "li" => {
                        self.flush();
                        self.bullet = true;
                        self.walk(child);
                        self.flush();
                    }
                    "p" | "div" | "ul" | "ol" | "br" | "pre" | "table" | "tr" | "td" => {
                        self.flush();
                        self.walk(child);
                        self.flush();
                    }
                    _ => self.walk(child),
                }
            }
        }

        fn flush(&mut self) {
            let line = self
                .current
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            self.current.clear();
            if !line.is_empty() {
                let bullet = std::mem::take(&mut self.bullet);
                self.lines
                    .push(if bullet { format!("- {line}") } else { line });
            }
        }
    }
}

#[test]
#[cfg_attr(
    shared_missing,
    ignore = "../shared/corpus is missing: no type cell of the corpus is parsed"
)]
fn every_type_cell_of_the_corpus_parses() {
    let Some(pages) = corpus_pages() else {
        println!("notice: no corpus at {CORPUS}: the type evaluation was skipped");
        return;
    };
    let mut cells: Vec<String> = pages
        .iter()
        .flat_map(|page| pipe_tables(&page.text))
        .filter_map(|table| {
            let type_at = table.column("Type")?;
            Some(
                table
                    .rows
                    .into_iter()
                    .filter_map(move |row| row.get(type_at).cloned()),
            )
        })
        .flatten()
        .collect();
    cells.sort();
    cells.dedup();
    for cell in &cells {
        let sentence = cell.split_whitespace().count() > LONGEST_TYPE_PHRASE;
        match (parse_type(cell), sentence) {
            (Ok(phrase), false) => println!("{cell:<45} {phrase:?}"),
            (Err(error), true) => println!("{cell:<45} a sentence: {error}"),
            (Ok(phrase), true) => panic!("{cell} parsed as {phrase:?}, but it is a sentence"),
            (Err(error), false) => panic!("{error}"),
        }
    }
}
