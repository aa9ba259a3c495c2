//! The importer: a doc page, as HTML, reStructuredText or copied text, to a spec.
//!
//! Reading goes in two steps. A reader ([`html`], [`rst`] or [`text`], chosen
//! by the content, and for reStructuredText also by the `.rst` extension)
//! turns the page into a [`page::Page`]: title,
//! headings, prose, code blocks and tables with their source lines. The rest
//! works on that model alone: [`sections`] places each block under its
//! heading and status, [`roles`] decides what each table documents,
//! [`objects`] names object tables and links rows to them, and [`examples`]
//! reads the example payloads.
//!
//! Cells and examples are kept verbatim, so that diffing two imports of one
//! page shows exactly what the docs changed. Where the importer has to guess
//! (copied text has no captions and no links), the spec table says what was
//! guessed (`inferred`), the YAML carries it as a comment, and a warning
//! points at the page line. [`merge_hand_edits`] carries a reviewer's
//! corrections and additions over to a fresh import.

mod examples;
mod hosts;
mod html;
mod language;
mod merge;
mod names;
mod objects;
mod page;
mod roles;
mod rst;
mod sections;
mod service;
mod text;
mod toctree;

pub use merge::merge_hand_edits;
pub use names::operation_id_from_page;
pub use service::{
    import_in_memory, import_service, ImportedPage, PageIndex, ServiceImport, SkipReason, Skipped,
};

use crate::diagnostic::{Diagnostic, Diagnostics, Guess, Location, Topic};
use crate::spec::{Example, Side, Spec, StatusCode, Table, TableRole};
use language::Section;
use objects::BodyTable;
use page::{BlockKind, Page};
use roles::{Place, Placed};
use sections::Located;
use std::path::Path;

/// What the caller knows that the page does not say.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Service short name, lower case (`elb`).
    pub service: String,
    /// Operation id; by default the file stem (`CreateLoadBalancer.html` -> `CreateLoadBalancer`).
    pub operation: Option<String>,
}

/// An imported page.
#[derive(Debug, Clone)]
pub struct Imported {
    pub spec: Spec,
    /// [`Spec::to_yaml`] with a `#` comment above every table whose role, name or rows were guessed.
    pub yaml: String,
    /// Warnings, located at the page's file and line.
    pub diagnostics: Diagnostics,
}

/// Imports one page. `path` names the page in the spec (`source`) and in
/// messages; `bytes` is its content. Fails when the page has no
/// `METHOD /path` line or no content; everything else the page lacks or
/// gets wrong is a warning.
pub fn import_page(
    path: &Path,
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<Imported, Diagnostics> {
    match read_page(path, bytes, options) {
        PageOutcome::Operation(imported) => Ok(*imported),
        PageOutcome::NotAnOperation { diagnostics, .. } | PageOutcome::Unreadable(diagnostics) => {
            Err(diagnostics)
        }
    }
}

/// What a page turned out to be.
#[derive(Debug, Clone)]
pub enum PageOutcome {
    /// An operation page, imported.
    Operation(Box<Imported>),
    /// No `METHOD /path` line and no URI section: an introduction, a chapter
    /// page, an appendix. `diagnostics` holds the error a single-page import reports.
    NotAnOperation {
        title: Option<String>,
        empty: bool,
        diagnostics: Diagnostics,
    },
    /// A page that looks like an operation (it has a URI section) but cannot be read.
    Unreadable(Diagnostics),
}

/// Reads one page and says what it is: an operation (imported), a page that
/// documents no operation, or an operation page that cannot be read.
pub fn read_page(path: &Path, bytes: &[u8], options: &ImportOptions) -> PageOutcome {
    let mut report = Reporter::new(path);
    if let Some(kind) = binary_kind(bytes) {
        report.error(
            1,
            format!("not an HTML, reStructuredText or text page: the file holds binary data ({kind}); give the page as the doc site serves it (HTML), as its reStructuredText source, or copied as text"),
        );
        return PageOutcome::Unreadable(report.diagnostics);
    }
    let content = decode(bytes, &mut report);
    if content.trim().is_empty() {
        report.error(1, "the page is empty");
        return PageOutcome::NotAnOperation {
            title: None,
            empty: true,
            diagnostics: report.diagnostics,
        };
    }
    let page = if is_rst(path, &content) {
        rst::read(&content, &mut report)
    } else if looks_like_html(&content) {
        html::read(&content, &mut report)
    } else {
        text::read(&content, &mut report)
    };
    let located = sections::locate(&page);
    if uri(&located).is_none() {
        report.error(
            1,
            "no `METHOD /path` line found (the URI section gives the operation's method and path)",
        );
        if located.iter().any(|l| l.section == Section::Uri) {
            return PageOutcome::Unreadable(report.diagnostics);
        }
        return PageOutcome::NotAnOperation {
            title: page_title(&page),
            empty: false,
            diagnostics: report.diagnostics,
        };
    }
    match build_spec(path, &page, &located, options, &mut report) {
        Some(spec) => PageOutcome::Operation(Box::new(Imported {
            yaml: commented_yaml(&spec),
            spec,
            diagnostics: report.diagnostics,
        })),
        None => PageOutcome::Unreadable(report.diagnostics),
    }
}

fn page_title(page: &Page) -> Option<String> {
    page.blocks.iter().find_map(|b| match &b.kind {
        BlockKind::Title(title) => Some(title.clone()),
        _ => None,
    })
}

fn build_spec(
    path: &Path,
    page: &Page,
    located: &[Located],
    options: &ImportOptions,
    report: &mut Reporter,
) -> Option<Spec> {
    let RequestTarget {
        method,
        path: uri_path,
        query,
    } = uri(located)?;
    let title = page_title(page);
    if title.is_none() {
        report.warn(1, "the page has no title");
    }
    let (examples, uncaptured_code) = examples::examples(located, report);
    let placed = roles::place_tables(located);
    let (tables, status_codes) = tables(&placed, &uri_path, &examples, report);
    check_query_string(&query, &tables, report);
    if !tables.iter().any(|t| !t.rows.is_empty()) {
        if placed.iter().any(|p| !p.table.rows.is_empty()) {
            report.unread_tables(
                1,
                "the page has tables but none of them was read as a parameter table; the operation is imported without parameters",
            );
        }
        warn_of_sections_without_tables(located, report);
    }
    Some(Spec {
        service: options.service.clone(),
        operation: options.operation.clone().unwrap_or_else(|| file_stem(path)),
        title: title.unwrap_or_default(),
        summary: summary(located),
        method,
        path: uri_path,
        source: path.file_name().map(|n| n.to_string_lossy().into_owned()),
        chapter: None,
        chapter_order: None,
        tables,
        examples,
        status_codes,
        uncaptured_code,
    })
}

/// The parameter sections (Request, Response) that hold text or code but
/// no table and do not say there is nothing to document: where an
/// operation has no parameters, such a section documents them in a form
/// not read, so the spec lacks them visibly rather than silently.
fn warn_of_sections_without_tables(located: &[Located], report: &mut Reporter) {
    let mut sections: Vec<(String, usize)> = Vec::new();
    let mut i = 0;
    while let Some(opening) = located.get(i) {
        let run = located[i..]
            .iter()
            .take_while(|l| l.section == opening.section)
            .count();
        let blocks = &located[i..i + run];
        i += run;
        if !matches!(opening.section, Section::Request | Section::Response) {
            continue;
        }
        let mut content = false;
        let mut has_table = false;
        let mut states_none = false;
        for block in &blocks[1..] {
            match &block.block.kind {
                BlockKind::Table(_) => has_table = true,
                BlockKind::Code(_) => content = true,
                BlockKind::Prose(text) | BlockKind::Heading(text) => {
                    if language::states_no_parameters(text) {
                        states_none = true;
                    } else if !block.starts_part {
                        content = true;
                    }
                }
                BlockKind::Title(_) => {}
            }
        }
        if content && !has_table && !states_none {
            let heading = match &opening.block.kind {
                BlockKind::Heading(text) | BlockKind::Prose(text) => text.clone(),
                _ => section_name(opening.section).to_owned(),
            };
            sections.push((heading, opening.block.line));
        }
    }
    let Some((_, line)) = sections.first() else {
        return;
    };
    let named: Vec<String> = sections
        .iter()
        .map(|(heading, line)| format!("`{heading}` (line {line})"))
        .collect();
    report.unread_tables(
        *line,
        format!(
            "the parameter section(s) {} hold no table and do not say there are no parameters; the operation is imported without parameters: add them to the spec by hand, or, where the section documents none, ignore this warning",
            named.join(", ")
        ),
    );
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// What the URI section says: the method, the path without its query
/// string, and the names of that query string (cross-checked with the query table).
struct RequestTarget {
    method: String,
    path: String,
    query: Vec<String>,
}

/// The request line of the URI section: its first `METHOD /path` line, else
/// the method and path it labels apart (`PATH: ...`, `Method: ...`). A page
/// without a URI section counts only with an operation page's structure (a
/// Request or Response section): then its first `METHOD /path` line is
/// taken; a URI-looking line elsewhere (a FAQ, a guide) makes no operation.
fn uri(located: &[Located]) -> Option<RequestTarget> {
    let lines_in = |wanted: Option<Section>| {
        located
            .iter()
            .filter(move |l| wanted.is_none_or(|s| l.section == s))
            .flat_map(|l| match &l.block.kind {
                BlockKind::Prose(text) | BlockKind::Code(text) => text.lines().collect(),
                _ => Vec::new(),
            })
    };
    let has = |section: Section| located.iter().any(|l| l.section == section);
    let (method, target) = lines_in(Some(Section::Uri))
        .find_map(language::uri_line)
        .or_else(|| language::labeled_uri(lines_in(Some(Section::Uri))))
        .or_else(|| {
            (!has(Section::Uri) && (has(Section::Request) || has(Section::Response)))
                // Outside a URI section only the bare form: a URL is an example's request line.
                .then(|| {
                    lines_in(None)
                        .filter(|line| !line.contains("://"))
                        .find_map(language::uri_line)
                })
                .flatten()
        })?;
    Some(RequestTarget {
        method,
        path: language::strip_query(&target),
        query: language::query_names(&target),
    })
}

/// Warns when the query string of the URI line and the query table name
/// different parameters: one of them is out of date.
fn check_query_string(in_uri: &[String], tables: &[Table], report: &mut Reporter) {
    if in_uri.is_empty() {
        return;
    }
    let in_tables: Vec<&str> = tables
        .iter()
        .filter(|t| t.role == TableRole::QueryParameters)
        .flat_map(|t| t.rows.iter().map(|r| r.parameter.trim()))
        .collect();
    let missing: Vec<&str> = in_uri
        .iter()
        .map(String::as_str)
        .filter(|name| !in_tables.contains(name))
        .collect();
    let unlisted: Vec<&str> = in_tables
        .iter()
        .copied()
        .filter(|name| !in_uri.iter().any(|n| n == name))
        .collect();
    if missing.is_empty() && unlisted.is_empty() {
        return;
    }
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!(
            "the URI's query string names {} that no query table documents (left out of the spec)",
            missing.join(", ")
        ));
    }
    if !unlisted.is_empty() {
        parts.push(format!(
            "the query table documents {} that the URI's query string does not name (kept)",
            unlisted.join(", ")
        ));
    }
    report.query_mismatch(1, parts.join("; "));
}

/// The Function section's prose, one paragraph a line.
fn summary(located: &[Located]) -> Option<String> {
    let paragraphs: Vec<&str> = located
        .iter()
        .filter(|l| l.section == Section::Function && !l.starts_part)
        .filter_map(|l| match &l.block.kind {
            BlockKind::Prose(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    (!paragraphs.is_empty()).then(|| paragraphs.join("\n"))
}

/// The spec tables in page order (a table inferred for a missing object
/// right after the table that refers to it), and the status codes.
fn tables(
    placed: &[Placed],
    uri_path: &str,
    examples: &[Example],
    report: &mut Reporter,
) -> (Vec<Table>, Vec<StatusCode>) {
    let placeholders = crate::model::placeholders(uri_path);
    let mut documented_placeholders = Vec::new();
    let mut by_place: Vec<Vec<Table>> = vec![Vec::new(); placed.len()];
    let mut bodies = Vec::new();
    let mut status_codes = Vec::new();
    for (index, item) in placed.iter().enumerate() {
        match item.place {
            Place::StatusCodes => {
                status_codes.extend(roles::status_codes(item, report));
                continue;
            }
            Place::Unplaced(section) => {
                let section = section_name(section);
                report.left_out(
                    item.line,
                    format!(
                        "a table in the {section} section is not a parameter table; it is left out"
                    ),
                );
                continue;
            }
            _ => {
                if let Some(why) = roles::not_parameters(item.table) {
                    report.left_out(
                        item.line,
                        format!("a table that is not a parameter table: {why}"),
                    );
                    continue;
                }
            }
        }
        let (role, status, side) = match item.place {
            Place::Uri => {
                by_place[index] =
                    roles::uri_tables(item, &placeholders, &mut documented_placeholders, report);
                continue;
            }
            Place::StatusCodes | Place::Unplaced(_) => continue,
            Place::RequestHeaders => (TableRole::HeaderParameters, None, None),
            Place::ResponseHeaders { status } => (TableRole::ResponseHeaders, status, None),
            Place::Body {
                side,
                top_level: false,
                ..
            } => (TableRole::Object, None, Some(side)),
            Place::Body {
                side: Side::Request,
                ..
            } => (TableRole::RequestBody, None, None),
            Place::Body { status, .. } => (TableRole::ResponseBody, status, None),
        };
        let mut table = roles::spec_table(item, role, roles::spec_rows(item, report));
        table.status = status;
        table.side = side;
        match item.place {
            Place::Body {
                side, top_level, ..
            } => bodies.push(BodyTable {
                placed: index,
                line: item.line,
                page: item.table,
                number: item.number,
                side,
                top_level,
                table,
            }),
            _ => by_place[index].push(table),
        }
    }
    let missing = objects::link(&mut bodies, placed, examples, report);
    for body in bodies {
        by_place[body.placed].push(body.table);
    }
    for table in missing {
        by_place[table.after].push(table.table);
    }
    (by_place.into_iter().flatten().collect(), status_codes)
}

fn section_name(section: Section) -> &'static str {
    match section {
        Section::Preamble => "opening",
        Section::Function => "Function",
        Section::Uri => "URI",
        Section::Request => "Request",
        Section::Response => "Response",
        Section::RequestExamples | Section::ResponseExamples | Section::Examples => "Examples",
        Section::StatusCodes => "Status Codes",
        Section::Other => "closing",
    }
}

/// UTF-8, or decoded lossily with a warning at the first bad byte.
/// What a file that is no page holds, when its start says so: a NUL byte in
/// the first 8 KiB (as git decides binary), named by its magic number where known.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 6] = [
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive, or an Office document"),
        (b"\x1F\x8B", "gzip-compressed data"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(kind);
    }
    bytes[..bytes.len().min(8192)]
        .contains(&0)
        .then_some("NUL bytes; UTF-16 text must be saved as UTF-8 first")
}

fn decode(bytes: &[u8], report: &mut Reporter) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(error) => {
            let good = &bytes[..error.valid_up_to()];
            let line = 1 + good.iter().filter(|&&b| b == b'\n').count();
            report.warn(
                line,
                format!(
                    "the page is not valid UTF-8 (bad byte at offset {}); invalid bytes were replaced by U+FFFD",
                    error.valid_up_to()
                ),
            );
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

/// reStructuredText: a `.rst` file, or text with directives or targets
/// (`.. table::`, `.. _label:`) and no markup tags.
fn is_rst(path: &Path, content: &str) -> bool {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("rst") || e.eq_ignore_ascii_case("rest"))
    {
        return true;
    }
    !looks_like_html(content)
        && content.lines().any(|line| {
            let line = line.trim_start();
            line.strip_prefix(".. ").is_some_and(|rest| {
                rest.starts_with('_') && rest.trim_end().ends_with(':')
                    || rest.split_once("::").is_some_and(|(name, _)| {
                        !name.is_empty()
                            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    })
            })
        })
}

/// HTML starts with a tag or closes block elements; copied text does neither.
fn looks_like_html(content: &str) -> bool {
    if content.trim_start().starts_with('<') {
        return true;
    }
    let lower = content.to_ascii_lowercase();
    [
        "</p>", "</table>", "</div>", "</pre>", "</h1>", "</h4>", "</td>", "</li>",
    ]
    .iter()
    .any(|tag| lower.contains(tag))
}

/// The spec's YAML with each guess written as a comment above its table.
pub fn commented_yaml(spec: &Spec) -> String {
    let yaml = spec.to_yaml();
    let mut notes = spec.tables.iter().map(|t| t.inferred.as_deref());
    let mut out = String::with_capacity(yaml.len());
    let mut in_tables = false;
    for line in yaml.lines() {
        if !line.starts_with([' ', '-']) {
            in_tables = line == "tables:";
        }
        if in_tables && line.starts_with("- role:") {
            if let Some(Some(note)) = notes.next() {
                for note_line in note.lines() {
                    out.push_str("# inferred: ");
                    out.push_str(note_line);
                    out.push('\n');
                }
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Collects the findings of one import, located at the page's lines.
pub(crate) struct Reporter<'a> {
    path: &'a Path,
    pub diagnostics: Diagnostics,
}

impl<'a> Reporter<'a> {
    pub fn new(path: &'a Path) -> Self {
        Reporter {
            path,
            diagnostics: Diagnostics::new(),
        }
    }

    fn at(&self, line: usize) -> Location {
        Location::new(self.path, line.max(1), 1)
    }

    pub fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::warning(self.at(line), message).about(Topic::PageReading));
    }

    pub fn warn_table(&mut self, line: usize, table: &str, message: impl Into<String>) {
        self.diagnostics.push(
            Diagnostic::warning(self.at(line), message)
                .in_table(table)
                .about(Topic::PageReading),
        );
    }

    pub fn warn_row(&mut self, line: usize, row: &str, message: impl Into<String>) {
        self.diagnostics.push(
            Diagnostic::warning(self.at(line), message)
                .in_row(row)
                .about(Topic::PageReading),
        );
    }

    /// A table left out because it documents no parameters.
    pub fn left_out(&mut self, line: usize, message: impl Into<String>) {
        self.diagnostics
            .push_mut(Diagnostic::warning(self.at(line), message))
            .with_guess(Guess::NotAParameterTable);
    }

    /// An operation page whose tables could not be read as parameters.
    pub fn unread_tables(&mut self, line: usize, message: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::warning(self.at(line), message).about(Topic::UnreadTables));
    }

    /// A query string in the URI line that the query table contradicts.
    pub fn query_mismatch(&mut self, line: usize, message: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::warning(self.at(line), message).about(Topic::QueryString));
    }

    pub fn error(&mut self, line: usize, message: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::error(self.at(line), message));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::ExampleKind;
    use proptest::prelude::*;

    /// A small page in the copied-text form, written for these tests.
    const TEXT_PAGE: &str = "Creating a Widget
Function
This API is used to create a widget.
URI
POST /v1/{project_id}/widgets?dry_run={dry_run}
Parameter | Mandatory | Type | Description |
|---|---|---|---|
project_id | Yes | String | The project ID. |
dry_run | No | Boolean | Only checks the request. |
Request Parameters
Parameter | Mandatory | Type | Description |
|---|---|---|---|
X-Auth-Token | Yes | String | The token. |
Parameter | Mandatory | Type | Description |
|---|---|---|---|
widget | Yes | Object | The widget. For details, see Table 4. |
Parameter | Mandatory | Type | Description |
|---|---|---|---|
name | Yes | String | The name. |
parts | No | Array of Part objects | The parts. |
Response Parameters
Status code: 201
Parameter | Type | Description |
|---|---|---|
id | String | The widget ID. |
Example Requests
Creating a widget with one part
POST https://{endpoint}/v1/{project_id}/widgets
{
  \"widget\" : { \"name\" : \"w\", \"parts\" : [ { \"size\" : 3, \"label\" : \"a}\" } ] }
} Example Responses
Status code: 201
Created.
{ \"id\" : \"x\" } Status Codes
Status Code | Description |
|---|---|
201 | Created. |
Error Codes
See Error Codes.
";

    /// The same page as exported HTML.
    const HTML_PAGE: &str = r##"<h1 class="topictitle1">Creating a Widget</h1>
<h4 class="sectiontitle">Function</h4><p>This API is used to create a widget.</p>
<h4 class="sectiontitle">URI</h4><p>POST /v1/{project_id}/widgets?dry_run={dry_run}</p>
<table><caption><b>Table 1 </b>URI parameters</caption><thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>project_id</td><td>Yes</td><td>String</td><td><p>The project ID.</p></td></tr>
<tr><td>dry_run</td><td>No</td><td>Boolean</td><td>Only checks the request.</td></tr></tbody></table>
<h4 class="sectiontitle">Request Parameters</h4>
<table><caption><b>Table 2 </b>Request header parameters</caption><thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>X-Auth-Token</td><td>Yes</td><td>String</td><td>The token.</td></tr></tbody></table>
<table><caption><b>Table 3 </b>Request body parameters</caption><thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>widget</td><td>Yes</td><td>Object</td><td>The widget. For details, see <a href="#t4">Table 4</a>.</td></tr></tbody></table>
<table id="t4"><caption><b>Table 4 </b>widget field description</caption><thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>name</td><td>Yes</td><td>String</td><td>The name.</td></tr>
<tr><td>parts</td><td>No</td><td>Array of Part objects</td><td>The parts.</td></tr></tbody></table>
<h4 class="sectiontitle">Response Parameters</h4><p><strong>Status code: 201</strong></p>
<table><caption><b>Table 5 </b>Response body parameters</caption><thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>id</td><td>String</td><td>The widget ID.</td></tr></tbody></table>
<h4 class="sectiontitle">Example Requests</h4><p>Creating a widget with one part</p>
<pre class="screen">POST https://{endpoint}/v1/{project_id}/widgets

{
  "widget" : { "name" : "w", "parts" : [ { "size" : 3, "label" : "a}" } ] }
}</pre>
<h4 class="sectiontitle">Example Responses</h4><p><strong>Status code: 201</strong></p><p>Created.</p>
<pre class="screen">{ "id" : "x" }</pre>
<h4 class="sectiontitle">Status Codes</h4>
<table><thead><tr><th>Status Code</th><th>Description</th></tr></thead><tbody><tr><td>201</td><td>Created.</td></tr></tbody></table>
"##;

    fn import(name: &str, content: &[u8]) -> Result<Imported, Diagnostics> {
        let options = ImportOptions {
            service: "demo".to_owned(),
            operation: None,
        };
        import_page(Path::new(name), content, &options)
    }

    fn check_widget_page(imported: &Imported) {
        let spec = &imported.spec;
        assert_eq!(spec.operation, "CreateWidget");
        assert_eq!(spec.title, "Creating a Widget");
        assert_eq!(
            spec.summary.as_deref(),
            Some("This API is used to create a widget.")
        );
        assert_eq!(
            (spec.method.as_str(), spec.path.as_str()),
            ("POST", "/v1/{project_id}/widgets")
        );
        type Shape<'a> = (TableRole, Option<&'a str>, Option<Side>, Option<u16>, usize);
        let shape: Vec<Shape> = spec
            .tables
            .iter()
            .map(|t| (t.role, t.name.as_deref(), t.side, t.status, t.rows.len()))
            .collect();
        assert_eq!(
            shape,
            [
                (TableRole::PathParameters, None, None, None, 1),
                (TableRole::QueryParameters, None, None, None, 1),
                (TableRole::HeaderParameters, None, None, None, 1),
                (TableRole::RequestBody, None, None, None, 1),
                (
                    TableRole::Object,
                    Some("widget"),
                    Some(Side::Request),
                    None,
                    2
                ),
                (
                    TableRole::Object,
                    Some("Part"),
                    Some(Side::Request),
                    None,
                    2
                ),
                (TableRole::ResponseBody, None, None, Some(201), 1),
            ]
        );
        assert_eq!(spec.tables[3].rows[0].object.as_deref(), Some("widget"));
        let part = &spec.tables[5];
        let part_rows: Vec<(&str, &str)> = part
            .rows
            .iter()
            .map(|r| (r.parameter.as_str(), r.type_.as_str()))
            .collect();
        assert_eq!(part_rows, [("label", "String"), ("size", "Integer")]);
        assert!(
            spec.tables[0].inferred.is_some(),
            "a split URI table says so"
        );

        type Outline<'a> = (ExampleKind, Option<u16>, Option<&'a str>, Option<&'a str>);
        let examples: Vec<Outline> = spec
            .examples
            .iter()
            .map(|e| {
                (
                    e.kind,
                    e.status,
                    e.description.as_deref(),
                    e.request_line.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            examples,
            [
                (
                    ExampleKind::Request,
                    None,
                    Some("Creating a widget with one part"),
                    Some("POST https://{endpoint}/v1/{project_id}/widgets")
                ),
                (ExampleKind::Response, Some(201), Some("Created."), None),
            ]
        );
        assert_eq!(spec.examples[1].body.as_deref(), Some(r#"{ "id" : "x" }"#));
        assert!(spec.examples[0]
            .body
            .as_deref()
            .is_some_and(|b| b.ends_with("] }\n}")));
        assert_eq!(spec.status_codes.len(), 1);
        assert!(imported
            .yaml
            .contains("# inferred: `Part` is referred to but has no table on the page"));
    }

    #[test]
    fn imports_the_text_form() {
        let imported = import("CreateWidget.txt", TEXT_PAGE.as_bytes()).unwrap();
        check_widget_page(&imported);
        let part_warning = imported
            .diagnostics
            .iter()
            .find(|d| d.message.contains("`Part`"))
            .unwrap();
        assert_eq!(part_warning.location.line, 20);
    }

    #[test]
    fn imports_the_html_form_alike() {
        let html = import("CreateWidget.html", HTML_PAGE.as_bytes()).unwrap();
        check_widget_page(&html);
        let text = import("CreateWidget.txt", TEXT_PAGE.as_bytes())
            .unwrap()
            .spec;
        let mut html = html.spec;
        for table in &mut html.tables {
            table.caption = None;
        }
        html.source = text.source.clone();
        assert_eq!(html, text);
    }

    #[test]
    fn links_a_table_named_by_a_field_description_reference() {
        let page = "Adding Things\nURI\nPOST /v1/things\nRequest Parameters\n\
                    Parameter | Mandatory | Type | Description |\n|---|---|---|---|\n\
                    nics | Yes | Array of objects | The NICs. See the nics field description. |\n\
                    Parameter | Mandatory | Type | Description |\n|---|---|---|---|\n\
                    subnet_id | Yes | String | The subnet. |\n";
        let imported = import("AddThings.txt", page.as_bytes()).unwrap();
        let tables = &imported.spec.tables;
        assert_eq!(tables[0].rows[0].object.as_deref(), Some("nics"));
        assert_eq!(
            (tables[1].name.as_deref(), tables[1].side),
            (Some("nics"), Some(Side::Request))
        );
        assert_eq!(tables[1].inferred, None);
        assert!(imported.diagnostics.is_empty());
    }

    fn html_page(body: &str) -> String {
        format!("<html><body><nav><p>GET /v1/navigation</p></nav><main>{body}</main></body></html>")
    }

    fn rows_of(spec: &Spec, role: TableRole) -> Vec<&str> {
        spec.tables
            .iter()
            .filter(|t| t.role == role)
            .flat_map(|t| t.rows.iter().map(|r| r.parameter.as_str()))
            .collect()
    }

    const PARAMETER_HEADER: &str =
        "<thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>";

    #[test]
    fn reads_query_tables_after_an_example_paragraph_and_never_as_a_second_path_table() {
        let page = html_page(&format!(
            "<h1>Listing Things<a class=\"headerlink\" href=\"#t\">¶</a></h1>\
             <h2>URI</h2><p>GET https:/ /{{ Endpoint }}/v3/{{ project_id }}/things?limit={{limit}}&amp;project_id={{project_id}}</p>\
             <table><caption>Table 1 Path parameters</caption>{PARAMETER_HEADER}<tbody><tr><td>project_id</td><td>Yes</td><td>String</td><td>Project.</td></tr></tbody></table>\
             <p>Example:</p><p>GET https://{{Endpoint}}/v3/x/things?limit=10</p>\
             <table><caption>Table 2 Query parameters</caption>{PARAMETER_HEADER}<tbody><tr><td>project_id</td><td>No</td><td>Array of strings</td><td>Projects.</td></tr>\
             <tr><td>limit</td><td>No</td><td>Integer</td><td>Page size.</td></tr></tbody></table>\
             <h2>Response</h2><table>{PARAMETER_HEADER}<tbody><tr><td>things</td><td>Yes</td><td>Array of strings</td><td>Things.</td></tr></tbody></table>"
        ));
        let imported = import("ListThings.html", page.as_bytes()).unwrap();
        let spec = &imported.spec;
        assert_eq!(spec.title, "Listing Things");
        assert_eq!(
            (spec.method.as_str(), spec.path.as_str()),
            ("GET", "/v3/{project_id}/things")
        );
        assert_eq!(rows_of(spec, TableRole::PathParameters), ["project_id"]);
        assert_eq!(
            rows_of(spec, TableRole::QueryParameters),
            ["project_id", "limit"]
        );
        assert!(
            !imported
                .diagnostics
                .iter()
                .any(|d| d.topic == Some(Topic::QueryString)),
            "the query string agrees with the table: {}",
            imported.diagnostics
        );
    }

    #[test]
    fn warns_when_the_query_string_and_the_query_table_disagree() {
        let page = "Listing Things\nURI\nGET /v3/things?limit={limit}&offset={offset}\n\
                    Parameter | Mandatory | Type | Description |\n|---|---|---|---|\n\
                    limit | No | Integer | Page size. |\nmarker | No | String | Start. |\n";
        let imported = import("ListThings.txt", page.as_bytes()).unwrap();
        let warning = imported
            .diagnostics
            .iter()
            .find(|d| d.topic == Some(Topic::QueryString))
            .expect("a query-string warning");
        assert!(
            warning.message.contains("names offset that no query table"),
            "{warning}"
        );
        assert!(
            warning.message.contains("documents marker that"),
            "{warning}"
        );
        // A warning, so that `--deny-warnings` fails on it.
        assert!(!warning.is_error());
    }

    #[test]
    fn reads_method_and_path_labelled_apart() {
        let page = html_page(
            "<h1>Querying Flavors</h1><h2>URI</h2><ul><li><p>URI format</p>\
             <p>PATH: /rds/v1/{project_id}/flavors</p><p>Method: GET</p></li></ul>\
             <h2>Response</h2><p>None</p>",
        );
        let imported = import("flavors.html", page.as_bytes()).unwrap();
        assert_eq!(
            (imported.spec.method.as_str(), imported.spec.path.as_str()),
            ("GET", "/rds/v1/{project_id}/flavors")
        );
    }

    #[test]
    fn a_page_is_an_operation_only_with_an_operation_pages_structure() {
        let faq = html_page(
            "<h1>Why does my call fail?</h1><h2>Answer</h2><p>Check the request line:</p><pre>GET /v3/things</pre>",
        );
        let options = ImportOptions::default();
        assert!(matches!(
            read_page(Path::new("faq.html"), faq.as_bytes(), &options),
            PageOutcome::NotAnOperation { .. }
        ));
        // The same line with a Response section is an operation page.
        let page = faq.replace("<h2>Answer</h2>", "<h2>Response</h2>");
        assert!(matches!(
            read_page(Path::new("op.html"), page.as_bytes(), &options),
            PageOutcome::Operation(_)
        ));
    }

    #[test]
    fn an_operation_page_whose_tables_are_unreadable_says_so() {
        let page = html_page(
            "<h1>Listing Things</h1><h2>URI</h2><p>GET /v3/things</p>\
             <h2>Error Codes</h2><table><thead><tr><th>Code</th><th>Meaning</th></tr></thead><tbody><tr><td>E1</td><td>Bad.</td></tr></tbody></table>",
        );
        let imported = import("ListThings.html", page.as_bytes()).unwrap();
        assert!(imported.spec.tables.is_empty());
        assert!(
            imported
                .diagnostics
                .iter()
                .any(|d| d.topic == Some(Topic::UnreadTables)),
            "{}",
            imported.diagnostics
        );
    }

    #[test]
    fn parameter_sections_without_a_table_say_so_unless_they_state_none() {
        let unread = |body: &str| {
            let page = html_page(&format!(
                "<h1>Creating a Thing</h1><h2>URI</h2><p>POST /v3/things</p>{body}"
            ));
            let imported = import("CreateThing.html", page.as_bytes()).unwrap();
            assert!(imported.spec.tables.is_empty());
            imported
                .diagnostics
                .iter()
                .filter(|d| d.topic == Some(Topic::UnreadTables))
                .map(|d| (d.location.line, d.message.clone()))
                .collect::<Vec<_>>()
        };
        // Parameters as a list, no table at all on the page.
        let found = unread(
            "\n<h2>Request Parameters</h2>\n<ul><li>name (String, mandatory): the name.</li></ul>\n\
             <h2>Response Parameters</h2><p>Status code: 201</p><pre>{\"id\": \"1\"}</pre>",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 2);
        assert!(
            found[0]
                .1
                .contains("`Request Parameters` (line 2), `Response Parameters` (line 4)")
                && found[0].1.contains("imported without parameters"),
            "{}",
            found[0].1
        );
        // Sections that say there is nothing, or hold only a sub-heading.
        for body in [
            "<h2>Request Parameters</h2><p>None</p><h2>Response Parameters</h2><p>Status code: 204</p><p>Deleted.</p><p>N/A</p>",
            "<h2>Request</h2><p>This API has no request body.</p><h2>Response</h2>",
            "<h2>Request</h2><p>Example request</p><pre>POST https://x/v3/things</pre>",
        ] {
            assert_eq!(unread(body), [], "{body}");
        }
    }

    #[test]
    fn an_empty_page_is_an_error() {
        for content in [&b""[..], b"  \n\n", b"\xEF\xBB\xBF"] {
            let errors = import("Empty.txt", content).unwrap_err();
            assert!(errors.has_errors());
        }
    }

    #[test]
    fn a_page_without_a_uri_is_an_error_located_in_the_page() {
        let errors = import("NoUri.html", b"<h1>Title</h1><p>Nothing else.</p>").unwrap_err();
        let error = errors.errors().next().unwrap();
        assert_eq!(error.location.file, Path::new("NoUri.html"));
    }

    #[test]
    fn bad_utf8_is_read_with_a_warning_at_its_line() {
        let mut bytes = TEXT_PAGE.as_bytes().to_vec();
        bytes.splice(40..40, [0xFF, 0xFE]);
        let imported = import("CreateWidget.txt", &bytes).unwrap();
        let warning = imported
            .diagnostics
            .iter()
            .find(|d| d.message.contains("UTF-8"))
            .unwrap();
        assert_eq!(warning.location.line, 3);
    }

    #[test]
    fn odd_tables_give_warnings_not_failures() {
        let page = "T\nURI\nGET /v1/{id}\nParameter | Mandatory | Type | Description |\n|---|---|---|---|\n\
                    Response Parameters\nParameter | Type | Description |\n|---|---|---|\nid | String |\n\
                    name | String | The name. | extra |\n";
        let imported = import("Odd.txt", page.as_bytes()).unwrap();
        let messages: Vec<String> = imported
            .diagnostics
            .iter()
            .map(|d| format!("{}: {}", d.location.line, d.message))
            .collect();
        assert!(
            messages.contains(&"4: the table has no rows".to_owned()),
            "{messages:?}"
        );
        assert!(
            messages.contains(&"9: the row has 2 cells where the header has 3".to_owned()),
            "{messages:?}"
        );
        assert!(
            messages.contains(&"10: the row has 4 cells where the header has 3".to_owned()),
            "{messages:?}"
        );
        let body = imported
            .spec
            .tables
            .iter()
            .find(|t| t.role == TableRole::ResponseBody)
            .unwrap();
        assert_eq!(body.rows[0].description, "");
        assert_eq!(body.rows[1].description, "The name.");
    }

    #[test]
    fn truncated_pages_never_fail_badly() {
        for page in [TEXT_PAGE, HTML_PAGE] {
            let line_ends = page.match_indices('\n').map(|(i, _)| i);
            let cuts = line_ends
                .chain((0..page.len()).step_by(17))
                .filter(|&i| page.is_char_boundary(i));
            for end in cuts {
                if let Ok(imported) = import("Cut.txt", &page.as_bytes()[..end]) {
                    assert!(!imported.diagnostics.has_errors());
                }
            }
        }
    }

    #[test]
    fn unbalanced_html_is_read() {
        let page = "<h1>T<h4>URI</h4><p>GET /v1/x<table><tr><th>Parameter<th>Type<tr><td>a<td>String</table></div></span><pre>{";
        let imported = import("Broken.html", page.as_bytes()).unwrap();
        assert_eq!(imported.spec.path, "/v1/x");
    }

    fn mutated(page: &'static str) -> impl Strategy<Value = Vec<u8>> {
        let edits =
            proptest::collection::vec((any::<prop::sample::Index>(), 0..4u8, any::<u8>()), 0..8);
        (edits, any::<prop::sample::Index>()).prop_map(move |(edits, cut)| {
            let mut bytes = page.as_bytes().to_vec();
            for (at, kind, byte) in edits {
                let at = at.index(bytes.len() + 1);
                let special = b"{}[]\"|<>/\n "[usize::from(byte) % 11];
                match kind {
                    0 if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    1 => bytes.insert(at, special),
                    2 => bytes.insert(at, byte),
                    _ => bytes
                        .splice(at..at, b"<table><tr><td>|---|\n".iter().copied())
                        .for_each(drop),
                }
            }
            bytes.truncate(cut.index(bytes.len() + 1));
            bytes
        })
    }

    proptest! {
        #[test]
        fn never_panics_on_mangled_text(bytes in mutated(TEXT_PAGE)) {
            let _ = import("Mangled.txt", &bytes);
        }

        #[test]
        fn never_panics_on_mangled_html(bytes in mutated(HTML_PAGE)) {
            let _ = import("Mangled.html", &bytes);
        }
    }
}
