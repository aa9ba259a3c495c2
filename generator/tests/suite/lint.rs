//! `docspec lint`: each kind of finding, with its message, file, line, table
//! and row; the reference spec's documented problems; the command's exit
//! codes; and, where the corpus is at hand, agreement with its facts.

use docspec::lint::{self, Check, Finding};
use docspec::resolve::{check_example, departures, resolve, DepartureKind, ExampleFinding};
use docspec::spec::{load_file, parse_str, LoadedSpec, Table};
use docspec::Severity;
use std::path::{Path, PathBuf};
use std::process::Command;

const FILE: &str = "spec/demo/Demo.yaml";

const HEADER: &str = "service: demo
operation: Demo
title: Demo
method: POST
path: /v1/demo
";

fn load(text: &str) -> LoadedSpec {
    parse_str(Path::new(FILE), text).unwrap_or_else(|e| panic!("not a spec:\n{e}"))
}

fn findings(text: &str) -> Vec<Finding> {
    lint::lint(&load(text)).findings
}

/// The findings of one check, displayed.
fn of(findings: &[Finding], check: Check) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.check == check)
        .map(|f| f.diagnostic.to_string())
        .collect()
}

/// The 1-based line of the first line of `text` that contains `needle`.
fn line(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle:?}"))
        + 1
}

/// The reference spec, its path as the tests name it, and its text.
fn reference() -> (PathBuf, String) {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/sms/ExportConsistencyResults.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    (path, text)
}

#[test]
fn the_reference_spec_reports_its_text_body_that_shows_json() {
    let (path, text) = reference();
    let report = lint::lint(&load_file(&path).unwrap());
    assert!(
        report.resolver.warnings().next().is_none(),
        "{}",
        report.resolver
    );
    let found: Vec<String> = report
        .findings
        .iter()
        .map(|f| f.diagnostic.to_string())
        .collect();
    assert_eq!(
        found,
        [format!(
            "{}:{}:9: warning: table \"response body of status 200\", row \"-\": the table documents the body as text (a `-` row of type String), but the 200 response example is a JSON object: the docs contradict themselves, and the generated type keeps the body as text\n  hint: if the body is JSON, document its members in place of the `-` row",
            path.display(),
            line(&text, "body: '{ }'")
        )]
    );
    assert_eq!(report.findings[0].check, Check::TextBodyShowsJson);
}

#[test]
fn the_reference_page_without_its_hand_added_table_gets_one_inferred_from_the_example() {
    let (_, text) = reference();
    let start = text
        .find("- role: object\n  name: BatchConsistencyReq")
        .unwrap();
    let end = start + 1 + text[start + 1..].find("\n- role:").unwrap();
    let imported = format!("{}{}", &text[..start], &text[end + 1..]);
    let report = lint::lint(&load(&imported));

    // The reference degrades to any JSON, visibly, and the checks on the tables run.
    assert!(report
        .resolver
        .warnings()
        .any(|e| e.message.contains("dangling object reference")
            && e.guess == Some(docspec::diagnostic::Guess::AnyJson)));
    assert_eq!(of(&report.findings, Check::TextBodyShowsJson).len(), 1);

    let missing: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.check == Check::MissingTable)
        .collect();
    assert_eq!(missing.len(), 1, "{:?}", report.findings);
    let diagnostic = &missing[0].diagnostic;
    assert_eq!(diagnostic.location.file, Path::new(FILE));
    assert_eq!(
        diagnostic.location.line,
        line(&imported, "type: Array of BatchConsistencyReq objects")
    );
    assert_eq!(diagnostic.table.as_deref(), Some("request body"));
    assert_eq!(diagnostic.row.as_deref(), Some("task_info"));
    assert_eq!(
        diagnostic.message,
        "no table describes \"BatchConsistencyReq\"; the request example shows its members"
    );

    // The hint is a table to paste into `tables`, rows from the example.
    let hint = diagnostic.hint.as_deref().unwrap();
    let (lead, yaml) = hint.split_once('\n').unwrap();
    assert_eq!(lead, "add this table, inferred from the examples:");
    let tables: Vec<Table> = serde_yaml::from_str(&unindent(yaml)).unwrap();
    let table = &tables[0];
    assert_eq!(table.name.as_deref(), Some("BatchConsistencyReq"));
    assert_eq!(table.side, Some(docspec::spec::Side::Request));
    assert!(table
        .inferred
        .as_deref()
        .unwrap()
        .contains("the request example"));
    let mut rows: Vec<(&str, &str, Option<&str>)> = table
        .rows
        .iter()
        .map(|r| {
            (
                r.parameter.as_str(),
                r.type_.as_str(),
                r.mandatory.as_deref(),
            )
        })
        .collect();
    rows.sort();
    assert_eq!(
        rows,
        [
            ("source_id", "String", Some("No")),
            ("source_name", "String", Some("No")),
            ("task_id", "String", Some("No")),
        ]
    );

    // With the inferred table pasted in, the spec resolves and the finding is gone.
    let fixed = imported.replacen(
        "- role: response-body",
        &format!("{}\n- role: response-body", unindent(yaml).trim_end()),
        1,
    );
    let report = lint::lint(&load(&fixed));
    assert!(!report.resolver.has_errors(), "{}", report.resolver);
    assert!(of(&report.findings, Check::MissingTable).is_empty());
}

fn unindent(text: &str) -> String {
    text.lines()
        .map(|l| l.strip_prefix("    ").unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn invalid_json_names_the_spec_line_of_the_error() {
    let text = format!(
        "{HEADER}tables:
- role: request-body
  rows:
  - parameter: a
    type: Integer
examples:
- kind: request
  body: |-
    {{
      \"a\": 1
      \"b\": 2
    }}
"
    );
    let found = findings(&text);
    assert_eq!(
        of(&found, Check::InvalidJson),
        [format!(
            "{FILE}:{}:7: warning: table \"request body\": the request example is not valid JSON: expected `,` or `}}` (line 3, column 3 of the example)",
            line(&text, "\"b\": 2")
        )]
    );
}

/// A request body with one `certificate` object, and the example given.
fn certificate_spec(example: &str) -> String {
    format!(
        "{HEADER}tables:
- role: request-body
  rows:
  - parameter: certificate
    mandatory: Yes
    type: Certificate object
- role: object
  name: Certificate
  side: request
  rows:
  - parameter: name
    mandatory: Yes
    type: String
  - parameter: kind
    mandatory: No
    type: String
    enum: [server, client]
  - parameter: domain
    mandatory: No
    type: String
    max: 8
examples:
- kind: request
  body: |-
{example}
"
    )
}

#[test]
fn keys_no_table_documents_are_named_by_their_path() {
    let text = certificate_spec(
        "    {
      \"certificate\": {
        \"name\": \"web\",
        \"admin_state_up\": true
      }
    }",
    );
    let found = findings(&text);
    assert_eq!(
        of(&found, Check::UndocumentedKey),
        [format!(
            "{FILE}:{}:5: warning: table \"Certificate\": the request example has \"admin_state_up\" at /certificate/admin_state_up, which the table does not document",
            line(&text, "\"admin_state_up\"")
        )]
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn mandatory_rows_missing_from_an_example_are_reported() {
    let text = certificate_spec("    {\n      \"certificate\": { \"kind\": \"server\" }\n    }");
    let found = findings(&text);
    assert_eq!(
        of(&found, Check::MissingMandatory),
        [format!(
            "{FILE}:{}:5: warning: table \"Certificate\", row \"name\": the request example lacks the mandatory \"name\" in the object at /certificate",
            line(&text, "\"certificate\": {")
        )]
    );
}

#[test]
fn values_outside_documented_bounds_and_enumerations_are_reported() {
    let text = certificate_spec(
        "    {
      \"certificate\": {
        \"name\": \"web\",
        \"kind\": \"both\",
        \"domain\": \"example.com\"
      }
    }",
    );
    let found = findings(&text);
    assert_eq!(
        of(&found, Check::NotListed),
        [format!(
            "{FILE}:{}:5: warning: table \"Certificate\", row \"kind\": the request example has a value that is not documented at /certificate/kind: \"both\" is not one of the documented values (server, client)",
            line(&text, "\"both\"")
        )]
    );
    assert_eq!(
        of(&found, Check::OutOfBounds),
        [format!(
            "{FILE}:{}:5: warning: table \"Certificate\", row \"domain\": the request example breaks a documented bound at /certificate/domain: 11 characters, more than the maximum length of 8",
            line(&text, "\"example.com\"")
        )]
    );
    assert_eq!(found.len(), 2, "{found:?}");
}

const FLAVORS: &str = "tables:
- role: request-body
  rows:
  - parameter: count
    mandatory: No
    type: Integer
  - parameter: flavors
    mandatory: Yes
    type: Array of Flavor objects
- role: object
  name: Flavor
  side: request
  rows:
  - parameter: vcpus
    mandatory: No
    type: Integer
examples:
- kind: request
  body: |-
    {
      \"count\": \"2\",
      \"flavors\": [
        { \"vcpus\": \"1\" }, { \"vcpus\": \"2\" },
        { \"vcpus\": \"4\" }
      ]
    }
";

#[test]
fn every_type_mismatch_is_reported_once_per_row_and_path() {
    let text = format!("{HEADER}{FLAVORS}");
    let found = findings(&text);
    assert_eq!(
        of(&found, Check::TypeMismatch),
        [
            format!(
                "{FILE}:{}:5: warning: table \"request body\", row \"count\": the request example does not fit the documented type at /count: invalid type: string, expected i32 (the row's type is \"Integer\")",
                line(&text, "\"count\": \"2\"")
            ),
            format!(
                "{FILE}:{}:5: warning: table \"Flavor\", row \"vcpus\": the request example does not fit the documented type at /flavors/0/vcpus: invalid type: string, expected i32 (the row's type is \"Integer\") (and in 2 more items like it)",
                line(&text, "{ \"vcpus\": \"1\" }")
            ),
        ]
    );
}

#[test]
fn the_resolver_still_predicts_only_the_first_failure_the_generated_code_meets() {
    let resolved = resolve(&[load(&format!("{HEADER}{FLAVORS}"))]).unwrap();
    let operation = &resolved.api.services[0].operations[0];
    let body = operation.request_body.as_ref().unwrap();
    let example = &operation.examples[0];
    assert_eq!(
        check_example(operation, body, &example.body),
        Some(ExampleFinding::Decode {
            path: "/count".to_owned(),
            message: "invalid type: string, expected i32".to_owned()
        })
    );
    let docspec::model::Body::Json(ty) = body else {
        panic!("a JSON body")
    };
    let value: serde_json::Value = serde_json::from_str(&example.body).unwrap();
    let all: Vec<(String, DepartureKind)> = departures(operation, ty, &value)
        .into_iter()
        .map(|d| (d.path, d.kind))
        .collect();
    assert_eq!(
        all,
        [
            ("/count".to_owned(), DepartureKind::Type),
            ("/flavors/0/vcpus".to_owned(), DepartureKind::Type),
            ("/flavors/1/vcpus".to_owned(), DepartureKind::Type),
            ("/flavors/2/vcpus".to_owned(), DepartureKind::Type),
        ]
    );
    // Example findings are the linter's: the resolver only records what the test asserts.
    assert!(resolved.diagnostics.is_empty(), "{}", resolved.diagnostics);
}

#[test]
fn an_object_without_a_table_gets_one_inferred_from_the_examples() {
    let text = format!(
        "{HEADER}tables:
- role: request-body
  rows:
  - parameter: metadata
    mandatory: No
    type: Object
  - parameter: tags
    mandatory: No
    type: Array of Tag objects
examples:
- kind: request
  body: '{{ \"metadata\": {{ \"color\": \"red\", \"size\": 3 }} }}'
"
    );
    let found = findings(&text);
    let missing: Vec<&Finding> = found
        .iter()
        .filter(|f| f.check == Check::MissingTable)
        .collect();
    assert_eq!(missing.len(), 2, "{found:?}");
    let tags = &missing[1].diagnostic;
    assert_eq!(
        tags.to_string(),
        format!(
            "{FILE}:{}:11: warning: table \"request body\", row \"tags\": no table describes \"Tag\", and no example shows one\n  hint: add an object table named \"Tag\" from the API reference",
            line(&text, "type: Array of Tag objects")
        )
    );
    let metadata = &missing[0].diagnostic;
    assert_eq!(metadata.location.line, line(&text, "type: Object"));
    assert_eq!(metadata.row.as_deref(), Some("metadata"));
    assert_eq!(
        metadata.message,
        "the type \"Object\" refers to no table, but the request example shows members (color, size) that no table documents: the generated type keeps them as JSON"
    );
    let hint = metadata.hint.as_deref().unwrap();
    assert!(hint.contains("set `ref: Metadata` on the row"), "{hint}");
    for expected in [
        "name: Metadata",
        "parameter: color",
        "type: String",
        "parameter: size",
        "type: Integer",
    ] {
        assert!(hint.contains(expected), "{expected} in {hint}");
    }
}

#[test]
fn statuses_and_examples_whose_body_no_table_documents_are_reported() {
    let text = format!(
        "{HEADER}tables:
- role: response-body
  status: 200
  rows:
  - parameter: id
    type: String
examples:
- kind: response
  status: 201
  body: '{{ \"id\": \"abc\", \"size\": 2 }}'
- kind: response
  body: '{{ \"id\": \"abc\" }}'
status_codes:
- status: 200
  description: OK
- status: 201
  description: Created
- status: 204
  description: No Content
- status: 404
  description: Not Found
"
    );
    let found = findings(&text);
    let undocumented = of(&found, Check::UndocumentedBody);
    assert_eq!(undocumented.len(), 2, "{undocumented:?}");
    assert!(undocumented[0].starts_with(&format!(
        "{FILE}:{}:9: warning: the 201 response example is JSON, but no table documents the body of status 201: the generated type keeps it as text\n  hint: add this table, inferred from the example:\n    - role: response-body\n      status: 201\n",
        line(&text, "\"size\": 2")
    )), "{}", undocumented[0]);
    assert_eq!(
        undocumented[1],
        format!(
            "{FILE}:{}:3: warning: status 404 is documented, but neither a table nor an example shows its body: the generated type keeps it as text",
            line(&text, "- status: 404")
        )
    );
    // Two success statuses: the example without a status cannot be placed.
    assert_eq!(
        of(&found, Check::UnplacedExample),
        [format!(
            "{FILE}:{}:9: warning: the response example names no status, and the page does not document exactly one success status: the example is not checked or tested\n  hint: set the example's `status`",
            line(&text, "body: '{ \"id\": \"abc\" }'")
        )]
    );
}

#[test]
fn a_response_table_without_a_status_documents_the_success_status_for_lint_too() {
    // The resolver takes the table as the 200 response; lint used to see no
    // table for 200 and report the example's body as undocumented.
    let text = format!(
        "{HEADER}tables:
- role: response-body
  rows:
  - parameter: id
    type: String
examples:
- kind: response
  status: 200
  body: '{{ \"id\": 1, \"size\": 2 }}'
status_codes:
- status: 200
  description: OK
"
    );
    let found = findings(&text);
    assert!(of(&found, Check::UndocumentedBody).is_empty(), "{found:?}");
    let undocumented = of(&found, Check::UndocumentedKey);
    assert_eq!(undocumented.len(), 1, "{found:?}");
    assert!(undocumented[0].contains("size"), "{}", undocumented[0]);
    assert_eq!(of(&found, Check::TypeMismatch).len(), 1, "{found:?}");
}

#[test]
fn a_type_cell_that_goes_on_after_its_phrase_links_its_table_for_lint_too() {
    // The resolver reads the leading type phrase and links `Tag`; lint used
    // to read no phrase at all, call the table unused and skip its members.
    let text = format!(
        "{HEADER}tables:
- role: response-body
  status: 200
  rows:
  - parameter: tags
    type: Array of Tag objects corresponding to the filter
- role: object
  name: Tag
  side: response
  rows:
  - parameter: key
    type: String
examples:
- kind: response
  status: 200
  body: '{{ \"tags\": [{{ \"key\": \"a\", \"extra\": 1 }}] }}'
"
    );
    let found = findings(&text);
    assert!(of(&found, Check::OrphanTable).is_empty(), "{found:?}");
    let undocumented = of(&found, Check::UndocumentedKey);
    assert_eq!(undocumented.len(), 1, "{found:?}");
    assert!(undocumented[0].contains("extra"), "{}", undocumented[0]);
}

#[test]
fn tables_no_row_refers_to_are_reported_apart_from_top_level_ones() {
    let text = format!(
        "{HEADER}tables:
- role: request-body
  rows:
  - parameter: a
    type: String
- role: object
  name: Unused
  side: request
  rows:
  - parameter: b
    type: String
- role: response-body
  status: 200
  rows:
  - parameter: c
    type: String
"
    );
    let found = findings(&text);
    assert_eq!(
        of(&found, Check::OrphanTable),
        [format!(
            "{FILE}:{}:3: warning: table \"Unused\": no row refers to this table: nothing sent or received is described by it\n  hint: name the table in the Type cell or `ref` of the row it describes, or remove it",
            line(&text, "- role: object")
        )]
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn constraint_text_that_does_not_read_comes_from_the_resolver_once() {
    let text = format!(
        "{HEADER}tables:
- role: request-body
  rows:
  - parameter: name
    mandatory: Yes
    type: String
    description: 'Name. Minimum: 1 Maximum: 64. The value contains 1 to 32 characters.'
"
    );
    let report = lint::lint(&load(&text));
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    let all: Vec<String> = report
        .diagnostics()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(
        all[0].starts_with(&format!(
            "{FILE}:{}:18: warning: table \"request body\", row \"name\": constraint not understood in \"1 to 32 characters.\"",
            line(&text, "description: 'Name.")
        )),
        "{}",
        all[0]
    );
}

#[test]
fn generation_reports_the_cross_checks_once_beside_the_resolver_warnings() {
    let dir = scratch_dir("generate");
    let spec = certificate_spec(
        "    {
      \"certificate\": { \"name\": \"web\", \"admin_state_up\": true, \"kind\": \"both\" }
    }",
    );
    std::fs::create_dir_all(dir.join("demo")).unwrap();
    std::fs::write(dir.join("demo/Demo.yaml"), spec).unwrap();
    let generation = docspec::generate::generate(&dir, &[], "docspec generate").unwrap();
    let warnings: Vec<String> = generation
        .warnings
        .iter()
        .map(|w| w.message.clone())
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        warnings,
        [
            "the request example has \"admin_state_up\" at /certificate/admin_state_up, which the table does not document",
            "the request example has a value that is not documented at /certificate/kind: \"both\" is not one of the documented values (server, client)",
        ]
    );
    assert!(generation
        .warnings
        .iter()
        .all(|w| w.severity == Severity::Warning));
}

/// A fresh folder under the system's temporary folder.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("docspec-lint-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn docspec_lint(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_docspec"))
        .arg("lint")
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn the_command_exits_with_1_on_warnings_only_when_denied_and_2_on_errors() {
    let dir = scratch_dir("cli");
    let clean = dir.join("Clean.yaml");
    let warned = dir.join("Warned.yaml");
    let broken = dir.join("Broken.yaml");
    let warned_text = certificate_spec("    { \"certificate\": { \"name\": \"web\", \"x\": 1 } }");
    std::fs::write(
        &clean,
        certificate_spec("    { \"certificate\": { \"name\": \"web\" } }"),
    )
    .unwrap();
    std::fs::write(&warned, &warned_text).unwrap();
    // An unreadable phrase a person wrote stays an error (one the docs gave degrades).
    std::fs::write(&broken, format!("{HEADER}tables:\n- role: request-body\n  rows:\n  - parameter: a\n    type: Nonsense phrase\n    added_by_hand: a row a person wrote\n")).unwrap();
    let (clean, warned, broken) = (
        clean.to_str().unwrap(),
        warned.to_str().unwrap(),
        broken.to_str().unwrap(),
    );

    assert_eq!(
        docspec_lint(&[clean, "--deny-warnings"]),
        (0, "1 spec(s) linted: 0 error(s), 0 warning(s)\n".to_owned())
    );

    let (code, out) = docspec_lint(&[warned]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with(&format!(
            "{warned}:{}:5: warning: table \"Certificate\": the request example has \"x\" at /certificate/x",
            line(&warned_text, "\"x\": 1")
        )),
        "{out}"
    );
    assert!(
        out.ends_with("1 spec(s) linted: 0 error(s), 1 warning(s)\n"),
        "{out}"
    );
    assert_eq!(docspec_lint(&[warned, "--deny-warnings"]).0, 1);

    let (code, out) = docspec_lint(&[broken, "--deny-warnings"]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains(": error: table \"request body\", row \"a\": unknown type phrase"),
        "{out}"
    );

    // A folder lints every spec in it.
    let (code, out) = docspec_lint(&[dir.to_str().unwrap()]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.ends_with("3 spec(s) linted: 1 error(s), 1 warning(s)\n"),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(feature = "import")]
#[test]
#[cfg_attr(
    shared_missing,
    ignore = "../shared/corpus is missing: no corpus page is linted"
)]
fn corpus_pages_lint_like_their_facts_say() {
    use docspec::import::{import_page, ImportOptions};
    /// The corpus's `checks` that the linter also finds, by the check that finds them.
    const FACT_CHECKS: &[(&str, Check)] = &[
        ("example_json_errors", Check::InvalidJson),
        ("example_keys_not_in_tables", Check::UndocumentedKey),
        ("example_type_mismatches", Check::TypeMismatch),
        ("example_enum_mismatches", Check::NotListed),
        ("missing_refs", Check::MissingTable),
    ];

    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    if !corpus.is_dir() {
        println!(
            "skipped: {} is missing, so no corpus page was imported and linted",
            corpus.display()
        );
        return;
    }
    // (facts, lint, pages where both counts agree) by kind.
    let mut tally = vec![(0, 0, 0); FACT_CHECKS.len()];
    let mut pages = 0;
    for facts_file in corpus_facts(&corpus) {
        let page = facts_file.with_file_name("page.html");
        let facts: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&facts_file).unwrap()).unwrap();
        let options = ImportOptions {
            service: facts["service"].as_str().unwrap_or("corpus").to_owned(),
            operation: facts["operation"].as_str().map(str::to_owned),
        };
        let imported = import_page(&page, &std::fs::read(&page).unwrap(), &options)
            .unwrap_or_else(|e| panic!("{} does not import:\n{e}", page.display()));
        let findings = lint::lint(&load(&imported.yaml)).findings;
        pages += 1;
        for ((key, check), counts) in FACT_CHECKS.iter().zip(&mut tally) {
            let expected = facts["checks"][key].as_array().map_or(0, Vec::len);
            let found = findings.iter().filter(|f| f.check == *check).count();
            counts.0 += expected;
            counts.1 += found;
            counts.2 += usize::from(expected == found);
            if expected != found {
                let page = facts_file.parent().unwrap().strip_prefix(&corpus).unwrap();
                println!("{}: {key}: facts {expected}, lint {found}", page.display());
            }
        }
    }
    println!("{pages} corpus pages linted");
    for ((key, _), (expected, found, agreeing)) in FACT_CHECKS.iter().zip(&tally) {
        println!(
            "{key}: facts {expected}, lint {found}, counts agree on {agreeing} of {pages} pages"
        );
    }
    assert!(pages > 0, "the corpus has pages");
}

#[cfg(feature = "import")]
fn corpus_facts(corpus: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for service in std::fs::read_dir(corpus).unwrap().flatten() {
        if let Ok(operations) = std::fs::read_dir(service.path()) {
            files.extend(
                operations
                    .flatten()
                    .map(|o| o.path().join("facts.json"))
                    .filter(|f| f.is_file()),
            );
        }
    }
    files.sort();
    files
}
