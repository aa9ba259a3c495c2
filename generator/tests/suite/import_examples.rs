//! Examples are never lost silently: under every wording of example headings
//! the docs use (numbered, with a parenthetical, qualified), in both input
//! forms, each code block becomes an example; a code block under a heading
//! that is not an example section is reported at its line.
#![cfg(feature = "import")]

use docspec::import::{import_page, ImportOptions, Imported};
use docspec::spec::ExampleKind;
use std::path::Path;

const TABLES_HTML: &str = r#"<h1>Importing a Key Pair</h1>
<h4>URI</h4><p>POST /v2/{project_id}/keypairs</p>
<h4>Request Parameters</h4>
<table><caption>Table 1 Request body parameters</caption><thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>name</td><td>Yes</td><td>String</td><td>The key pair's name.</td></tr></tbody></table>
<h4>Response Parameters</h4>
<table><caption>Table 2 Response body parameters</caption><thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>id</td><td>String</td><td>The key pair's ID.</td></tr></tbody></table>
"#;

const TABLES_TEXT: &str = "Importing a Key Pair
URI
POST /v2/{project_id}/keypairs
Request Parameters
Parameter | Mandatory | Type | Description |
|---|---|---|---|
name | Yes | String | The key pair's name. |
Response Parameters
Parameter | Type | Description |
|---|---|---|
id | String | The key pair's ID. |
";

/// The page with `sections`: (heading, code blocks) in page order.
fn html_page(sections: &[(&str, &[&str])]) -> String {
    let mut page = TABLES_HTML.to_owned();
    for (heading, blocks) in sections {
        page.push_str(&format!("<h4>{heading}</h4>\n"));
        for block in *blocks {
            page.push_str(&format!("<pre class=\"screen\">{block}</pre>\n"));
        }
    }
    page
}

fn text_page(sections: &[(&str, &[&str])]) -> String {
    let mut page = TABLES_TEXT.to_owned();
    for (heading, blocks) in sections {
        page.push_str(&format!("{heading}\n"));
        for block in *blocks {
            page.push_str(&format!("{block}\n"));
        }
    }
    page
}

fn import(name: &str, page: &str) -> Imported {
    let options = ImportOptions {
        service: "ecs".to_owned(),
        operation: Some("ImportKeypair".to_owned()),
    };
    import_page(Path::new(name), page.as_bytes(), &options)
        .unwrap_or_else(|e| panic!("{name} does not import:\n{e}\n{page}"))
}

/// Both forms of the page, imported.
fn both_forms(sections: &[(&str, &[&str])]) -> [Imported; 2] {
    [
        import("page.html", &html_page(sections)),
        import("page.txt", &text_page(sections)),
    ]
}

const REQUEST: &str =
    "POST https://{endpoint}/v2/{project_id}/keypairs\n\n{\n  \"name\" : \"key-1\"\n}";
const RESPONSE: &str = "{\n  \"id\" : \"k-1\"\n}";

#[test]
fn example_headings_with_parentheticals_numbers_and_qualifiers_keep_their_examples() {
    for (request_heading, response_heading) in [
        (
            "Example Request (Importing an SSH Key)",
            "Example Response (Importing an SSH Key)",
        ),
        ("Example URL request", "Sample response"),
        ("1. Example request", "2. Example response"),
        ("Sample Request", "Successful Sample Response"),
    ] {
        for imported in both_forms(&[
            (request_heading, &[REQUEST]),
            (response_heading, &[RESPONSE]),
        ]) {
            let examples = &imported.spec.examples;
            let kinds: Vec<ExampleKind> = examples.iter().map(|e| e.kind).collect();
            assert_eq!(
                kinds,
                [ExampleKind::Request, ExampleKind::Response],
                "{request_heading} / {response_heading}: {}",
                imported.yaml
            );
            assert_eq!(
                examples[0].body.as_deref(),
                Some("{\n  \"name\" : \"key-1\"\n}")
            );
            assert!(
                examples[0]
                    .request_line
                    .as_deref()
                    .is_some_and(|l| l.starts_with("POST ")),
                "{}",
                imported.yaml
            );
            assert_eq!(examples[1].body.as_deref(), Some(RESPONSE));
            let lost: Vec<_> = imported
                .diagnostics
                .iter()
                .filter(|d| d.message.contains("code block"))
                .collect();
            assert!(lost.is_empty(), "{lost:?}");
        }
    }
}

#[test]
fn numbered_examples_are_each_an_example_described_by_their_title() {
    for imported in both_forms(&[
        ("Examples", &[]),
        ("Example 1: Import an SSH key", &[REQUEST]),
        ("Example 2: Import another key", &[REQUEST]),
    ]) {
        let examples = &imported.spec.examples;
        assert_eq!(examples.len(), 2, "{}", imported.yaml);
        assert_eq!(
            examples[0].description.as_deref(),
            Some("Example 1: Import an SSH key"),
            "{}",
            imported.yaml
        );
        assert_eq!(
            examples[1].description.as_deref(),
            Some("Example 2: Import another key")
        );
        assert!(examples
            .iter()
            .all(|e| e.kind == ExampleKind::Request && e.body.is_some()));
    }
}

#[test]
fn a_code_block_under_a_heading_that_is_no_example_section_is_reported_at_its_line() {
    let html = html_page(&[("Example Request", &[REQUEST]), ("Notes", &[RESPONSE])]);
    let text = text_page(&[
        ("Example Request", &[REQUEST]),
        ("Error Codes", &[RESPONSE]),
    ]);
    for (name, page, heading) in [
        ("page.html", html, "Notes"),
        ("page.txt", text, "Error Codes"),
    ] {
        let imported = import(name, &page);
        assert_eq!(imported.spec.examples.len(), 1, "{}", imported.yaml);
        let warnings: Vec<_> = imported
            .diagnostics
            .iter()
            .filter(|d| d.message.contains("is not read as an example"))
            .collect();
        assert_eq!(warnings.len(), 1, "{name}: {:?}", imported.diagnostics);
        let line = page
            .lines()
            .position(|l| l.contains("\"id\""))
            .map(|i| i + 1)
            .unwrap();
        let at = warnings[0].location.line;
        assert!(
            (line.saturating_sub(2)..=line).contains(&at),
            "{name}: at line {at}, the block's JSON is at {line}: {}",
            warnings[0]
        );
        assert!(warnings[0].message.contains(heading), "{}", warnings[0]);

        // The spec keeps the block, where it stood and why, and lint reports it.
        let [kept] = imported.spec.uncaptured_code.as_slice() else {
            panic!("{name}: {}", imported.yaml);
        };
        assert_eq!(kept.line, at, "{name}");
        assert_eq!(kept.heading.as_deref(), Some(heading), "{name}");
        assert!(kept.code.contains("\"id\""), "{name}: {}", kept.code);
        let loaded = docspec::spec::parse_str(std::path::Path::new(name), &imported.yaml)
            .unwrap_or_else(|e| panic!("{name}: the spec reads back: {e}"));
        assert_eq!(loaded.spec, imported.spec, "{name}");
        let findings: Vec<_> = docspec::lint::lint(&loaded)
            .findings
            .into_iter()
            .filter(|f| f.check == docspec::lint::Check::UncapturedCode)
            .collect();
        assert_eq!(findings.len(), 1, "{name}: {findings:?}");
        let message = findings[0].diagnostic.to_string();
        assert!(
            message.contains(&format!(
                "the code block at line {at} of the page (under \"{heading}\") is not an example"
            )),
            "{message}"
        );
    }
}

#[test]
fn a_table_the_page_lacks_is_inferred_by_the_rule_lint_offers_it_by() {
    // One rule for both (docspec::infer): every value a member shows decides
    // its type (1 and 1.5 make a Number, not the first value's Integer), and
    // a member whose values show no type stays, as any JSON.
    let page = "Importing a Key Pair
URI
POST /v2/{project_id}/keypairs
Response Parameters
Parameter | Type | Description |
|---|---|---|
id | String | The key pair's ID. |
sizes | Array of SizeInfo objects | The sizes. |
Example Responses
{
  \"id\" : \"k-1\",
  \"sizes\" : [ { \"size\" : 1, \"label\" : null }, { \"size\" : 1.5, \"label\" : null } ]
}
";
    let imported = import("page.txt", page);
    let table = imported
        .spec
        .tables
        .iter()
        .find(|t| t.name.as_deref() == Some("SizeInfo"))
        .unwrap_or_else(|| panic!("no SizeInfo table: {:#?}", imported.spec.tables));
    let rows: Vec<(&str, &str)> = table
        .rows
        .iter()
        .map(|r| (r.parameter.as_str(), r.type_.as_str()))
        .collect();
    assert_eq!(rows, [("label", "JSON"), ("size", "Number")]);
    assert!(table
        .inferred
        .as_deref()
        .unwrap()
        .contains("no table on the page"));
}
