//! Import never panics and reports what it cannot read at a place in the
//! page: a regression guard for what the fuzzers of `fuzz/` explore at
//! length, checking the same invariants (`fuzz/invariants.rs`). Proptests mangle small made-up pages in both forms (and the real
//! pages under `shared/`, when they are there) and run every result through
//! the generator; fixed cases cover truncated pages, empty tables, rows with
//! cells too many or too few, unbalanced HTML, invalid UTF-8 and a page of
//! over a megabyte.
#![cfg(feature = "import")]

use crate::invariants::{self, Outcome};
use docspec::import::Imported;
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A made-up operation in the copied-text form.
const TEXT_PAGE: &str = "Renaming a Lamp
Function
This API is used to rename a lamp and set its schedule.
URI
PUT /v1/{project_id}/lamps/{lamp_id}
Parameter | Mandatory | Type | Description |
|---|---|---|---|
project_id | Yes | String | Specifies the project ID. |
lamp_id | Yes | String | Specifies the lamp ID. |
Request Parameters
Parameter | Mandatory | Type | Description |
|---|---|---|---|
lamp | Yes | UpdateLampOption object | Specifies the lamp. |
Parameter | Mandatory | Type | Description |
|---|---|---|---|
name | No | String | Specifies the name. Minimum: 1 Maximum: 32 |
brightness | No | Integer | Specifies the brightness. The value ranges from 0 to 100. |
schedule | No | Array of Slot objects | Specifies when the lamp is on. For details, see Table 4. |
Parameter | Mandatory | Type | Description |
|---|---|---|---|
from | Yes | String | Specifies the start, for example, 18:00. |
hours | No | Integer | Specifies the duration. Default: 1 |
Response Parameters
Status code: 200
Parameter | Type | Description |
|---|---|---|
lamp_id | String | Specifies the lamp ID. |
Example Requests
PUT https://{endpoint}/v1/{project_id}/lamps/{lamp_id}
{
  \"lamp\" : { \"name\" : \"porch\", \"schedule\" : [ { \"from\" : \"18:00\", \"hours\" : 4 } ] }
} Example Responses
Status code: 200
OK.
{ \"lamp_id\" : \"l-1\" } Status Codes
Status Code | Description |
|---|---|
200 | OK. |
";

/// The same operation as exported HTML.
const HTML_PAGE: &str = r##"<h1 class="topictitle1">Renaming a Lamp</h1>
<h4 class="sectiontitle">Function</h4><p>This API is used to rename a lamp and set its schedule.</p>
<h4 class="sectiontitle">URI</h4><p>PUT /v1/{project_id}/lamps/{lamp_id}</p>
<table><caption><b>Table 1 </b>Path parameters</caption><thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>project_id</td><td>Yes</td><td>String</td><td>Specifies the project ID.</td></tr>
<tr><td>lamp_id</td><td>Yes</td><td>String</td><td>Specifies the lamp ID.</td></tr></tbody></table>
<h4 class="sectiontitle">Request Parameters</h4>
<table><caption><b>Table 2 </b>Request body parameters</caption><thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>lamp</td><td>Yes</td><td><a href="#t3">UpdateLampOption</a> object</td><td>Specifies the lamp.</td></tr></tbody></table>
<table id="t3"><caption><b>Table 3 </b>UpdateLampOption</caption><thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>name</td><td>No</td><td>String</td><td><p>Specifies the name.</p><p>Minimum: 1</p><p>Maximum: 32</p></td></tr>
<tr><td>brightness</td><td>No</td><td>Integer</td><td>Specifies the brightness. The value ranges from 0 to 100.</td></tr>
<tr><td>schedule</td><td>No</td><td>Array of <a href="#t4">Slot</a> objects</td><td>Specifies when the lamp is on. For details, see <a href="#t4">Table 4</a>.</td></tr></tbody></table>
<table id="t4"><caption><b>Table 4 </b>Slot</caption><thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>from</td><td>Yes</td><td>String</td><td>Specifies the start, for example, 18:00.</td></tr>
<tr><td>hours</td><td>No</td><td>Integer</td><td><p>Specifies the duration.</p><p>Default: 1</p></td></tr></tbody></table>
<h4 class="sectiontitle">Response Parameters</h4><p><strong>Status code: 200</strong></p>
<table><caption><b>Table 5 </b>Response body parameters</caption><thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>lamp_id</td><td>String</td><td>Specifies the lamp ID.</td></tr></tbody></table>
<h4 class="sectiontitle">Example Requests</h4>
<pre class="screen">PUT https://{endpoint}/v1/{project_id}/lamps/{lamp_id}

{
  "lamp" : { "name" : "porch", "schedule" : [ { "from" : "18:00", "hours" : 4 } ] }
}</pre>
<h4 class="sectiontitle">Example Responses</h4><p><strong>Status code: 200</strong></p><p>OK.</p>
<pre class="screen">{ "lamp_id" : "l-1" }</pre>
<h4 class="sectiontitle">Status Codes</h4>
<table><thead><tr><th>Status Code</th><th>Description</th></tr></thead><tbody><tr><td>200</td><td>OK.</td></tr></tbody></table>
"##;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared");

/// What every import must give, whatever the page (the invariants every
/// fuzzer checks, `fuzz/invariants.rs`): the imported spec, when there is one.
fn check(name: &str, bytes: &[u8]) -> Result<Option<Imported>, TestCaseError> {
    match invariants::check_import(Path::new(name), bytes, true, &mut |_| {}) {
        Err(broken) => Err(TestCaseError::fail(broken)),
        Ok(Outcome::Rejected) => Ok(None),
        Ok(Outcome::Imported(imported))
        | Ok(Outcome::Unresolved(imported))
        | Ok(Outcome::Emitted(imported)) => Ok(Some(imported)),
    }
}

/// Markup and docs syntax that mangled pages are made of.
const TOKENS: &[&str] = &[
    "<table>",
    "</table>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    "<th>",
    "<thead>",
    "<caption>",
    "<pre>",
    "</pre>",
    "<p>",
    "<h4>",
    "</h4>",
    "<li>",
    "<div>",
    "</div>",
    "<a href=\"#t4\">",
    "<!--",
    "<script>",
    "&amp;",
    "|",
    " | ",
    "|---|---|\n",
    "Parameter | Type | Description |\n",
    "Status code: 201\n",
    "Request Parameters\n",
    "Example Responses\n",
    "{",
    "}",
    "[",
    "]",
    "\"",
    "\n",
    "\r\n",
    "Table 9",
    "Array of X objects",
    "Object",
    "Minimum: 99999999999999999999",
];

const BAD_UTF8: &[&[u8]] = &[
    b"\xff",
    b"\xc3",
    b"\xe2\x82",
    b"\xed\xa0\x80",
    b"\xef\xbb\xbf",
];

/// One edit of a page, at a place chosen by an index.
#[derive(Debug, Clone)]
enum Edit {
    DeleteByte(prop::sample::Index),
    InsertByte(prop::sample::Index, u8),
    InsertToken(prop::sample::Index, prop::sample::Index),
    InsertBadUtf8(prop::sample::Index, prop::sample::Index),
    DeleteSpan(prop::sample::Index, u16),
    DuplicateSpan(prop::sample::Index, u16, prop::sample::Index),
    Nest(prop::sample::Index, prop::sample::Index, u16),
}

fn edit() -> impl Strategy<Value = Edit> {
    let index = any::<prop::sample::Index>;
    prop_oneof![
        index().prop_map(Edit::DeleteByte),
        (index(), any::<u8>()).prop_map(|(i, b)| Edit::InsertByte(i, b)),
        (index(), index()).prop_map(|(i, t)| Edit::InsertToken(i, t)),
        (index(), index()).prop_map(|(i, t)| Edit::InsertBadUtf8(i, t)),
        (index(), 0..512u16).prop_map(|(i, n)| Edit::DeleteSpan(i, n)),
        (index(), 0..512u16, index()).prop_map(|(i, n, j)| Edit::DuplicateSpan(i, n, j)),
        (index(), index(), 0..300u16).prop_map(|(i, t, n)| Edit::Nest(i, t, n)),
    ]
}

fn apply(page: &[u8], edits: &[Edit], cut: Option<prop::sample::Index>) -> Vec<u8> {
    let mut bytes = page.to_vec();
    for edit in edits {
        let at = |i: &prop::sample::Index, bytes: &Vec<u8>| i.index(bytes.len() + 1);
        match edit {
            Edit::DeleteByte(i) => {
                let at = at(i, &bytes);
                if at < bytes.len() {
                    bytes.remove(at);
                }
            }
            Edit::InsertByte(i, b) => {
                let at = at(i, &bytes);
                bytes.insert(at, *b);
            }
            Edit::InsertToken(i, t) => {
                let at = at(i, &bytes);
                bytes.splice(at..at, t.get(TOKENS).bytes());
            }
            Edit::InsertBadUtf8(i, t) => {
                let at = at(i, &bytes);
                bytes.splice(at..at, t.get(BAD_UTF8).iter().copied());
            }
            Edit::DeleteSpan(i, n) => {
                let at = at(i, &bytes);
                let end = (at + usize::from(*n)).min(bytes.len());
                bytes.drain(at..end);
            }
            Edit::DuplicateSpan(i, n, j) => {
                let start = at(i, &bytes);
                let end = (start + usize::from(*n)).min(bytes.len());
                let copy = bytes[start..end].to_vec();
                let to = at(j, &bytes);
                bytes.splice(to..to, copy);
            }
            Edit::Nest(i, t, n) => {
                let at = at(i, &bytes);
                let nested = t.get(TOKENS).repeat(usize::from(*n));
                bytes.splice(at..at, nested.into_bytes());
            }
        }
    }
    if let Some(cut) = cut {
        bytes.truncate(cut.index(bytes.len() + 1));
    }
    bytes
}

fn edits() -> impl Strategy<Value = (Vec<Edit>, Option<prop::sample::Index>)> {
    (
        proptest::collection::vec(edit(), 0..6),
        proptest::option::weighted(0.3, any::<prop::sample::Index>()),
    )
}

/// The seed page and the corpus pages, read once; empty (with a notice) without `shared/`.
fn shared_pages() -> &'static [(String, Vec<u8>)] {
    static PAGES: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    PAGES.get_or_init(|| {
        let shared = PathBuf::from(SHARED);
        let mut files: Vec<PathBuf> = Vec::new();
        if let Ok(entries) = std::fs::read_dir(shared.join("seed")) {
            files.extend(entries.flatten().map(|e| e.path()));
        }
        for service in std::fs::read_dir(shared.join("corpus"))
            .into_iter()
            .flatten()
            .flatten()
        {
            for page in std::fs::read_dir(service.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                files.push(page.path().join("page.html"));
                files.push(page.path().join("page.txt"));
            }
        }
        files.sort();
        let pages: Vec<(String, Vec<u8>)> = files
            .into_iter()
            .filter_map(|f| {
                let bytes = std::fs::read(&f).ok()?;
                let name = if f.extension().is_some_and(|e| e == "html") {
                    "Page.html"
                } else {
                    "Page.txt"
                };
                Some((name.to_owned(), bytes))
            })
            .collect();
        if pages.is_empty() {
            println!(
                "skipped: no pages under {} (test data outside the repository)",
                shared.display()
            );
        }
        pages
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn mangled_text_pages_import_or_fail_with_a_located_error((edits, cut) in edits()) {
        check("Lamp.txt", &apply(TEXT_PAGE.as_bytes(), &edits, cut))?;
    }

    #[test]
    fn mangled_html_pages_import_or_fail_with_a_located_error((edits, cut) in edits()) {
        check("Lamp.html", &apply(HTML_PAGE.as_bytes(), &edits, cut))?;
    }

    #[test]
    fn two_pages_spliced_import_or_fail_with_a_located_error(
        first in any::<prop::sample::Index>(),
        second in any::<prop::sample::Index>(),
        html_first in any::<bool>(),
    ) {
        let (a, b) = if html_first { (HTML_PAGE, TEXT_PAGE) } else { (TEXT_PAGE, HTML_PAGE) };
        let mut bytes = a.as_bytes()[..first.index(a.len() + 1)].to_vec();
        bytes.extend_from_slice(&b.as_bytes()[second.index(b.len() + 1)..]);
        check("Spliced.html", &bytes)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn mangled_real_pages_import_or_fail_with_a_located_error(
        page in any::<prop::sample::Index>(),
        (edits, cut) in edits(),
    ) {
        let pages = shared_pages();
        if pages.is_empty() {
            return Ok(());
        }
        let (name, bytes) = page.get(pages);
        check(name, &apply(bytes, &edits, cut))?;
    }
}

fn import_ok(name: &str, bytes: &[u8]) -> Imported {
    match check(name, bytes) {
        Ok(Some(imported)) => imported,
        Ok(None) => panic!("{name} does not import"),
        Err(e) => panic!("{name}: {e}"),
    }
}

/// The findings as `line: message`.
fn findings(imported: &Imported) -> Vec<String> {
    imported
        .diagnostics
        .iter()
        .map(|d| format!("{}: {}", d.location.line, d.message))
        .collect()
}

fn has_finding(imported: &Imported, wanted: &str) -> bool {
    findings(imported).iter().any(|f| f == wanted)
}

#[test]
fn every_truncation_imports_or_fails_with_a_located_error() {
    for (name, page) in [("Lamp.txt", TEXT_PAGE), ("Lamp.html", HTML_PAGE)] {
        // Every line end, and places in between: inside tags, cells, JSON, words.
        let line_ends = page.match_indices('\n').map(|(i, _)| i);
        for end in line_ends.chain((0..page.len()).step_by(7)) {
            if let Err(e) = check(name, &page.as_bytes()[..end]) {
                panic!("{name} cut at {end}: {e}");
            }
        }
    }
}

#[test]
fn empty_tables_are_warned_about_at_their_line() {
    let text = TEXT_PAGE.replace(
        "lamp_id | String | Specifies the lamp ID. |\nExample",
        "Example",
    );
    let imported = import_ok("Lamp.txt", text.as_bytes());
    assert!(
        has_finding(&imported, "25: the table has no rows"),
        "{:?}",
        findings(&imported)
    );

    let html = HTML_PAGE.replace(
        "<tbody><tr><td>lamp_id</td><td>String</td><td>Specifies the lamp ID.</td></tr></tbody>",
        "<tbody></tbody>",
    );
    let imported = import_ok("Lamp.html", html.as_bytes());
    assert!(
        has_finding(&imported, "18: the table has no rows"),
        "{:?}",
        findings(&imported)
    );
}

#[test]
fn rows_with_cells_too_many_or_too_few_are_warned_about_at_their_line() {
    let text = TEXT_PAGE
        .replace(
            "project_id | Yes | String | Specifies the project ID. |",
            "project_id | Yes | String |",
        )
        .replace(
            "lamp_id | Yes | String | Specifies the lamp ID. |",
            "lamp_id | Yes | String | Specifies the lamp ID. | extra |",
        );
    let imported = import_ok("Lamp.txt", text.as_bytes());
    for wanted in [
        "8: the row has 3 cells where the header has 4",
        "9: the row has 5 cells where the header has 4",
    ] {
        assert!(has_finding(&imported, wanted), "{:?}", findings(&imported));
    }

    let html = HTML_PAGE
        .replace(
            "<tr><td>project_id</td><td>Yes</td><td>String</td><td>Specifies the project ID.</td></tr>",
            "<tr><td>project_id</td><td>Yes</td></tr>",
        )
        .replace(
            "<tr><td>lamp_id</td><td>Yes</td><td>String</td><td>Specifies the lamp ID.</td></tr>",
            "<tr><td>lamp_id</td><td>Yes</td><td>String</td><td>Specifies the lamp ID.</td><td>x</td></tr>",
        );
    let imported = import_ok("Lamp.html", html.as_bytes());
    for wanted in [
        "5: the row has 2 cells where the header has 4",
        "6: the row has 5 cells where the header has 4",
    ] {
        assert!(has_finding(&imported, wanted), "{:?}", findings(&imported));
    }
}

#[test]
fn unbalanced_html_is_read_as_browsers_repair_it() {
    // Optional closing tags dropped, stray closing tags added, tables left open.
    let html = HTML_PAGE
        .replace(
            "the lamp ID.</td></tr></tbody></table>",
            "the lamp ID.</td></tr></tbody>",
        )
        .replace("</td>", "")
        .replace("</th>", "")
        .replace("</p>", "</div></ul>")
        .replace("</tr>", "</span>");
    let imported = import_ok("Lamp.html", html.as_bytes());
    assert_eq!(imported.spec.path, "/v1/{project_id}/lamps/{lamp_id}");
    assert_eq!(imported.spec.title, "Renaming a Lamp");
    let option = imported
        .spec
        .tables
        .iter()
        .find(|t| t.name.as_deref() == Some("UpdateLampOption"))
        .unwrap();
    assert_eq!(option.rows.len(), 3);
    for end in (0..html.len()).step_by(7) {
        if let Err(e) = check("Lamp.html", &html.as_bytes()[..end]) {
            panic!("cut at {end}: {e}");
        }
    }
}

#[test]
fn invalid_utf8_is_warned_about_at_its_line_in_both_forms() {
    for (name, page, line) in [("Lamp.txt", TEXT_PAGE, 16), ("Lamp.html", HTML_PAGE, 11)] {
        let mut bytes = page.as_bytes().to_vec();
        let at = page.find("Specifies the name.").unwrap();
        bytes.splice(at..at, *b"\xc3\x28\xff");
        let imported = import_ok(name, &bytes);
        let warning = imported
            .diagnostics
            .iter()
            .find(|d| d.message.contains("not valid UTF-8"))
            .unwrap_or_else(|| panic!("{name}: {:?}", findings(&imported)));
        assert_eq!(warning.location.line, line, "{name}");
    }
}

#[test]
fn a_page_of_over_a_megabyte_imports_with_located_findings() {
    // Request body rows repeated past 1 MiB, in both forms.
    let text_row =
        "brightness | No | Integer | Specifies the brightness. The value ranges from 0 to 100. |\n";
    let html_row = "<tr><td>brightness</td><td>No</td><td>Integer</td><td>Specifies the brightness. The value ranges from 0 to 100.</td></tr>\n";
    for (name, page, row) in [
        ("Lamp.txt", TEXT_PAGE, text_row),
        ("Lamp.html", HTML_PAGE, html_row),
    ] {
        let at = page.find(row.trim_end()).unwrap();
        let copies = (1 << 20) / row.len() + 1;
        let mut big = page[..at].to_owned();
        big.push_str(&row.repeat(copies));
        big.push_str(&page[at..]);
        assert!(big.len() > 1 << 20);
        let lines = 1 + big.matches('\n').count();
        // The import alone: the invariants, and the table read whole.
        let checked = invariants::check_import(Path::new(name), big.as_bytes(), false, &mut |_| {});
        let Ok(Outcome::Imported(imported)) = checked else {
            panic!("{name}: {checked:?}");
        };
        assert!(!imported.diagnostics.has_errors(), "{name}");
        assert!(
            imported
                .diagnostics
                .iter()
                .all(|d| (1..=lines).contains(&d.location.line)),
            "{name}"
        );
        let option = imported
            .spec
            .tables
            .iter()
            .find(|t| t.name.as_deref() == Some("UpdateLampOption"))
            .unwrap();
        assert_eq!(option.rows.len(), copies + 3, "{name}");
    }
}

#[test]
fn a_page_of_nothing_but_markup_or_pipes_fails_with_a_located_error() {
    for (name, bytes) in [
        ("Tags.html", "<div>".repeat(1_000).into_bytes()),
        ("Pipes.txt", "| |\n|---|\n".repeat(10_000).into_bytes()),
        ("Braces.txt", "{".repeat(10_000).into_bytes()),
        ("Binary.txt", (0..=255u8).cycle().take(100_000).collect()),
    ] {
        match check(name, &bytes) {
            Ok(None) => {}
            Ok(Some(_)) => panic!("{name} imported"),
            Err(e) => panic!("{name}: {e}"),
        }
    }
}

/// A page that goes all the way ends each stage once, in order: what the
/// fuzzer times its stages by.
#[test]
fn a_page_that_emits_ends_every_stage_in_order() {
    let mut ended = Vec::new();
    let outcome = invariants::check_import(
        Path::new("Lamp.txt"),
        TEXT_PAGE.as_bytes(),
        true,
        &mut |stage| ended.push(invariants::STAGES[stage]),
    );
    assert!(matches!(outcome, Ok(Outcome::Emitted(_))), "{outcome:?}");
    assert_eq!(ended, invariants::STAGES);
}
