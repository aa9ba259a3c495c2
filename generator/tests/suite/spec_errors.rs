//! Each kind of spec error: the message, the file, line, table and row.

use docspec::resolve::resolve;
use docspec::spec::parse_str;
use docspec::{Diagnostics, Severity};
use std::path::Path;

const FILE: &str = "spec/demo/Demo.yaml";

/// A spec with a request body table of the rows given, in the YAML layout of `spec/`.
pub fn spec_with_rows(rows: &str) -> String {
    format!(
        "service: demo
operation: Demo
title: Demo
method: POST
path: /v1/demo
tables:
- role: request-body
  rows:
{rows}"
    )
}

/// The same, the table written by a person: what the docs get wrong degrades
/// with a warning, what a person wrote wrong stays an error.
fn hand_written_spec_with_rows(rows: &str) -> String {
    spec_with_rows(rows).replace(
        "- role: request-body\n",
        "- role: request-body\n  added_by_hand: written by a person\n",
    )
}

fn errors(text: &str) -> Diagnostics {
    let loaded = match parse_str(Path::new(FILE), text) {
        Ok(loaded) => loaded,
        Err(diagnostics) => return diagnostics,
    };
    match resolve(&[loaded]) {
        Ok(resolved) => panic!(
            "expected errors, got a model; warnings: {}",
            resolved.diagnostics
        ),
        Err(diagnostics) => diagnostics,
    }
}

fn only_error(text: &str) -> String {
    let found = errors(text);
    let errors: Vec<String> = found.errors().map(ToString::to_string).collect();
    assert_eq!(errors.len(), 1, "{found}");
    errors[0].clone()
}

#[test]
fn bad_yaml_names_line_and_column() {
    let message = only_error("service: demo\ntables: [\n  - role: x\n");
    assert!(message.starts_with(&format!("{FILE}:")), "{message}");
    assert!(message.contains("error: not a valid spec"), "{message}");
}

#[test]
fn unknown_keys_are_errors_with_the_expected_keys() {
    let text = spec_with_rows("  - parameter: a\n    type: String\n    mandatroy: Yes\n");
    let message = only_error(&text);
    assert!(message.starts_with(&format!("{FILE}:")), "{message}");
    assert!(message.contains("unknown field `mandatroy`"), "{message}");
    assert!(message.contains("expected one of"), "{message}");
}

#[test]
fn unknown_type_phrase() {
    let text = hand_written_spec_with_rows(
        "  - parameter: size\n    mandatory: Yes\n    type: Big number thing\n",
    );
    let message = only_error(&text);
    assert_eq!(
        message,
        format!("{FILE}:12:11: error: table \"request body\", row \"size\": unknown type phrase \"Big number thing\": expected String, Integer, Long, Number, Boolean, Object, \"X object\", \"Array of strings|integers|longs|numbers|booleans|objects\", \"Array of X objects\" or \"Map<String,X>\"")
    );
}

#[test]
fn dangling_object_reference() {
    let text = hand_written_spec_with_rows(
        "  - parameter: tags\n    mandatory: No\n    type: Array of Tag objects\n",
    );
    let message = only_error(&text);
    assert!(
        message.starts_with(&format!("{FILE}:12:11: error: table \"request body\", row \"tags\": dangling object reference: no object table named \"Tag\"")),
        "{message}"
    );
}

#[test]
fn duplicate_row() {
    let text = hand_written_spec_with_rows(
        "  - parameter: name\n    type: String\n  - parameter: name\n    type: String\n",
    );
    let message = only_error(&text);
    assert_eq!(
        message,
        format!("{FILE}:12:5: error: table \"request body\", row \"name\": duplicate row: \"name\" is already documented at line 10")
    );
}

#[test]
fn wire_names_that_collide_in_rust() {
    let text = hand_written_spec_with_rows(
        "  - parameter: task-id\n    type: String\n  - parameter: task_id\n    type: String\n",
    );
    let message = only_error(&text);
    assert!(
        message.starts_with(&format!("{FILE}:12:5: error: table \"request body\", row \"task_id\": \"task_id\" and \"task-id\" both become the Rust name `task_id`")),
        "{message}"
    );
}

/// The model of a spec that resolves, and its warnings as printed.
fn resolved(text: &str) -> (docspec::model::Operation, Vec<String>) {
    let loaded = parse_str(Path::new(FILE), text).unwrap();
    let resolved = resolve(&[loaded]).unwrap_or_else(|errors| panic!("{errors}"));
    let warnings = resolved
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    let operation = resolved.api.services[0].operations[0].clone();
    (operation, warnings)
}

#[test]
fn what_the_docs_get_wrong_degrades_with_a_warning() {
    // Wire names that collide in Rust, in one table and across two tables
    // of one kind; a path parameter typed as an object; a default the
    // description gives that is not among its values.
    let text = format!(
        "{}- role: query-parameters\n  rows:\n  - parameter: limit\n    type: Integer\n    description: Again.\n",
        spec_with_rows(
            "  - parameter: task-id\n    type: String\n  - parameter: task_id\n    type: String\n",
        )
        .replace(
            "path: /v1/demo\ntables:\n",
            "path: /v1/demo/{id}\ntables:\n- role: path-parameters\n  rows:\n  - parameter: id\n    mandatory: Yes\n    type: Object\n    description: The id.\n- role: query-parameters\n  rows:\n  - parameter: limit\n    type: Integer\n    description: Page size.\n  - parameter: order\n    type: String\n    description: 'Order. The value can be asc or desc. The default value is random.'\n",
        )
    );
    let (operation, warnings) = resolved(&text);
    let joined = warnings.join("\n");
    for expected in [
        "row \"id\": a parameter is a scalar or an array of scalars; \"Object\" is not; it is taken as text",
        "row \"task_id\": \"task_id\" and \"task-id\" both become the Rust name `task_id`; this one is named `task_id_2` in Rust",
        "row \"limit\": \"limit\" is documented in an earlier table too; this one is named `limit_2` in Rust",
        "row \"order\": the default \"random\" is not one of the documented values; the description's default is dropped",
    ] {
        assert!(joined.contains(expected), "{expected}\n in:\n{joined}");
    }
    assert_eq!(operation.path_params[0].ty, docspec::model::Ty::String);
    let query: Vec<&str> = operation
        .query_params
        .iter()
        .map(|f| f.rust.as_str())
        .collect();
    assert_eq!(query, ["limit", "order", "limit_2"]);
    assert_eq!(operation.query_params[1].default, None);
    let body: Vec<&str> = operation.structs[0]
        .fields
        .iter()
        .map(|f| f.rust.as_str())
        .collect();
    assert_eq!(body, ["task_id", "task_id_2"]);
}

#[test]
fn minimum_above_maximum() {
    let text = spec_with_rows(
        "  - parameter: task_id\n    type: String\n    description: 'Task ID. Minimum: 37 Maximum: 36'\n",
    );
    let message = only_error(&text);
    assert_eq!(
        message,
        format!("{FILE}:11:18: error: table \"request body\", row \"task_id\": the min (37) is larger than the max (36)")
    );
}

#[test]
fn default_outside_the_range_or_enumeration() {
    let text = spec_with_rows(
        "  - parameter: weight\n    type: Integer\n    description: 'Weight. Minimum: 0 Maximum: 100'\n    default: 101\n  - parameter: kind\n    type: String\n    enum: [a, b]\n    default: c\n",
    );
    let found: Vec<String> = errors(&text).errors().map(ToString::to_string).collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].contains("row \"weight\": the default 101 is outside the documented range"),
        "{found:?}"
    );
    assert!(
        found[1].contains("row \"kind\": the default \"c\" is not one of the documented values"),
        "{found:?}"
    );
}

#[test]
fn every_error_is_reported_at_once() {
    let text = hand_written_spec_with_rows(
        "  - parameter: a\n    type: Nonsense phrase here\n  - parameter: b\n    type: Array of Missing objects\n  - parameter: b\n    type: String\n",
    );
    let found = errors(&text);
    assert_eq!(found.errors().count(), 3, "{found}");
}

#[test]
fn explicit_values_that_disagree_with_the_text_are_warnings() {
    let text = spec_with_rows(
        "  - parameter: name\n    mandatory: Yes\n    type: String\n    description: 'Name. Minimum: 1 Maximum: 64'\n    max: 128\n",
    );
    let loaded = parse_str(Path::new(FILE), &text).unwrap();
    let resolved = resolve(&[loaded]).unwrap();
    let warnings: Vec<String> = resolved
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        warnings,
        [format!("{FILE}:12:18: warning: table \"request body\", row \"name\": explicit max 128 differs from the description's 64; the explicit value is used")]
    );
    assert!(resolved
        .diagnostics
        .iter()
        .all(|d| d.severity == Severity::Warning));
    let field = &resolved.api.services[0].operations[0].structs[0].fields[0];
    assert_eq!(field.rules.length.max, Some(128));
    assert_eq!(field.rules.length.min, Some(1));
}

#[test]
fn every_yaml_mistake_of_a_file_is_reported_at_once() {
    let text = "service: demo
operation: Demo
title: Demo
method: POST
path: /v1/demo
summery: a typo
tables:
- role: request-body
  rows:
  - parameter: a
    type: String
    mandatroy: Yes
  - parameter: b
    type: [String]
  - parameter: c
- role: response-body
  status: ok
  rows:
  - parameter: d
    type: String
    min_items: [1]
examples:
- kind: request
  bdy: '{}'
status_codes:
- status: 200
  description: OK
- status: two hundred
";
    let found: Vec<String> = errors(text).errors().map(ToString::to_string).collect();
    let expected = [
        "6:10: error: not a valid spec: unknown field `summery`, expected one of",
        "12:16: error: table \"request body\", row \"a\": not a valid spec: unknown field `mandatroy`",
        "14:11: error: table \"request body\", row \"b\": not a valid spec: invalid type: sequence, expected a string",
        "15:5: error: table \"request body\", row \"c\": not a valid spec: missing field `type`",
        "17:11: error: table \"response body\": not a valid spec: invalid type: string \"ok\", expected u16",
        "21:16: error: table \"response body\", row \"d\": not a valid spec: invalid type: sequence, expected a string, number or boolean",
        "24:8: error: not a valid spec: unknown field `bdy`, expected one of `kind`",
        "28:11: error: not a valid spec: invalid type: string \"two hundred\", expected u16",
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for (found, expected) in found.iter().zip(expected) {
        assert!(
            found.starts_with(&format!("{FILE}:{expected}")),
            "{found}\nexpected: {expected}"
        );
    }
}
