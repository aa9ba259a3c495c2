//! `docspec diff`: one test per kind of change (kind, location, old and new
//! values, and both classifications), the JSON shape, the exit codes, and
//! the reference page's English and Chinese editions against each other.
//!
//! Specs are the committed reference spec edited by string replacement, or
//! the small inline spec [`THING`] for what the reference page lacks
//! (numbers, enumerations, defaults, maps, a self-referencing object).

use docspec::diff::{self, classify, Change, ChangeKind, Constraint, Impact, Part, Report};
use docspec::model::Api;
use docspec::{resolve, spec};
use std::path::{Path, PathBuf};
use std::process::Command;
use Impact::{Breaking, Compatible, Unaffected};

const REFERENCE: &str = include_str!("../../spec/sms/ExportConsistencyResults.yaml");

/// A small operation with what the reference page lacks.
const THING: &str = r#"service: demo
operation: CreateThing
title: Creating a thing
method: POST
path: /v1/{project_id}/things
tables:
- role: path-parameters
  rows:
  - parameter: project_id
    mandatory: Yes
    type: String
    description: The project ID.
- role: query-parameters
  rows:
  - parameter: limit
    mandatory: No
    type: Integer
    description: 'The page size. Minimum: 1 Maximum: 100'
- role: request-body
  rows:
  - parameter: protocol
    mandatory: Yes
    type: String
    description: The protocol.
    enum: [TCP, UDP]
  - parameter: weight
    mandatory: No
    type: Integer
    description: The weight.
    enum: [1, 2, 3]
    default: 1
  - parameter: tags
    mandatory: No
    type: Map<String,Tag>
    description: The tags, by key.
  - parameter: root
    mandatory: No
    type: Node object
    description: A tree of nodes.
- role: object
  name: Tag
  side: request
  rows:
  - parameter: value
    mandatory: Yes
    type: String
    description: The tag value.
- role: object
  name: Node
  side: request
  rows:
  - parameter: name
    mandatory: Yes
    type: String
    description: The node name.
  - parameter: children
    mandatory: No
    type: Array of Node objects
    description: The child nodes.
- role: response-body
  status: 200
  rows:
  - parameter: state
    mandatory: Yes
    type: String
    description: The state.
    enum: [ACTIVE, ERROR]
  - parameter: count
    mandatory: Yes
    type: Integer
    description: The number of things.
    default: 0
status_codes:
- status: 200
  description: OK
"#;

/// `text` with `from` replaced by `to`; `from` must occur exactly once, so
/// that a test never passes by changing nothing.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "expected exactly one {from:?}"
    );
    text.replacen(from, to, 1)
}

/// The part of `text` from `start` up to the next `end`.
fn between<'t>(text: &'t str, start: &str, end: &str) -> &'t str {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start:?}"));
    let length = text[from..]
        .find(end)
        .unwrap_or_else(|| panic!("no {end:?} after {start:?}"));
    &text[from..from + length]
}

/// The API of some spec texts.
fn api(texts: &[&str]) -> Api {
    let specs: Vec<spec::LoadedSpec> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let path = PathBuf::from(format!("spec{i}.yaml"));
            spec::parse_str(&path, text).unwrap_or_else(|d| panic!("{d}"))
        })
        .collect();
    match resolve::resolve(&specs) {
        Ok(resolved) => resolved.api,
        Err(diagnostics) => panic!("{diagnostics}"),
    }
}

fn compare(old: &str, new: &str) -> Report {
    diff::compare(&api(&[old]), &api(&[new]))
}

/// The one change a report holds.
fn single(report: &Report) -> &Change {
    assert_eq!(report.changes.len(), 1, "expected one change:\n{report}");
    &report.changes[0]
}

/// What a test checks about a change: kind, location, old, new, and the verdicts for requests and responses.
type Seen<'a> = (
    ChangeKind,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    Impact,
    Impact,
);

fn seen(change: &Change) -> Seen<'_> {
    (
        change.kind,
        change.location.as_str(),
        change.old.as_deref(),
        change.new.as_deref(),
        change.request,
        change.response,
    )
}

fn only(old: &str, new: &str) -> Change {
    single(&compare(old, new)).clone()
}

// ---- operations ----

#[test]
fn an_operation_added_is_compatible_and_one_removed_breaks_both_sides() {
    let one = api(&[REFERENCE]);
    let two = api(&[REFERENCE, THING]);

    let added = diff::compare(&one, &two);
    let change = single(&added);
    assert_eq!(
        (change.service.as_str(), change.operation.as_str()),
        ("demo", "CreateThing")
    );
    assert_eq!(change.part, Part::Operation);
    assert_eq!(
        seen(change),
        (
            ChangeKind::OperationAdded,
            "",
            None,
            Some("POST /v1/{project_id}/things"),
            Compatible,
            Compatible
        )
    );

    let removed = diff::compare(&two, &one);
    assert_eq!(
        seen(single(&removed)),
        (
            ChangeKind::OperationRemoved,
            "",
            Some("POST /v1/{project_id}/things"),
            None,
            Breaking,
            Breaking
        )
    );
}

#[test]
fn a_changed_method_breaks_request_builders() {
    let new = edit(REFERENCE, "method: POST\n", "method: PUT\n");
    assert_eq!(
        seen(&only(REFERENCE, &new)),
        (
            ChangeKind::MethodChanged,
            "method",
            Some("POST"),
            Some("PUT"),
            Breaking,
            Unaffected
        )
    );
}

#[test]
fn a_changed_path_breaks_request_builders() {
    let new = edit(
        REFERENCE,
        "path: /v3/tasks/consistency-results/export\n",
        "path: /v3/tasks/consistency-results/exports\n",
    );
    assert_eq!(
        seen(&only(REFERENCE, &new)),
        (
            ChangeKind::PathChanged,
            "path",
            Some("/v3/tasks/consistency-results/export"),
            Some("/v3/tasks/consistency-results/exports"),
            Breaking,
            Unaffected
        )
    );
}

// ---- parameters and fields added or removed ----

const X_LANGUAGE: &str = "  - parameter: X-Language
    mandatory: No
    type: String
    description: The preferred language. Select English.
";

fn with_header(mandatory: &str) -> String {
    let row = format!("  - parameter: X-Project-Id\n    mandatory: {mandatory}\n    type: String\n    description: The project.\n");
    edit(REFERENCE, X_LANGUAGE, &format!("{X_LANGUAGE}{row}"))
}

#[test]
fn a_required_parameter_added_breaks_request_builders() {
    assert_eq!(
        seen(&only(REFERENCE, &with_header("Yes"))),
        (
            ChangeKind::RequiredFieldAdded,
            "header parameter X-Project-Id",
            None,
            Some("String"),
            Breaking,
            Unaffected
        )
    );
}

#[test]
fn an_optional_parameter_added_is_compatible() {
    let change = only(REFERENCE, &with_header("No"));
    assert_eq!(change.part, Part::Request);
    assert_eq!(
        seen(&change),
        (
            ChangeKind::OptionalFieldAdded,
            "header parameter X-Project-Id",
            None,
            Some("String"),
            Compatible,
            Unaffected
        )
    );
}

#[test]
fn a_parameter_removed_breaks_request_builders() {
    let new = edit(REFERENCE, X_LANGUAGE, "");
    assert_eq!(
        seen(&only(REFERENCE, &new)),
        (
            ChangeKind::FieldRemoved,
            "header parameter X-Language",
            Some("String"),
            None,
            Breaking,
            Unaffected
        )
    );
}

#[test]
fn header_names_match_whatever_their_case() {
    let new = edit(REFERENCE, "parameter: X-Language", "parameter: x-language");
    assert_eq!(compare(REFERENCE, &new).changes, []);
}

const SOURCE_NAME: &str = "  - parameter: source_name
    mandatory: No
    type: String
    description: 'Source server name. Minimum: 0 Maximum: 255'
";

#[test]
fn a_nested_request_field_added_is_located_by_its_path() {
    let row = "  - parameter: task_type\n    mandatory: No\n    type: String\n    description: The task type.\n";
    let new = edit(REFERENCE, SOURCE_NAME, &format!("{SOURCE_NAME}{row}"));
    assert_eq!(
        seen(&only(REFERENCE, &new)),
        (
            ChangeKind::OptionalFieldAdded,
            "request body /task_info/*/task_type",
            None,
            Some("String"),
            Compatible,
            Unaffected
        )
    );
}

#[test]
fn a_nested_request_field_removed_breaks_request_builders() {
    let new = edit(REFERENCE, SOURCE_NAME, "");
    assert_eq!(
        seen(&only(REFERENCE, &new)),
        (
            ChangeKind::FieldRemoved,
            "request body /task_info/*/source_name",
            Some("String"),
            None,
            Breaking,
            Unaffected
        )
    );
}

#[test]
fn fields_inside_map_values_are_located_by_key() {
    let new = edit(THING, "  - parameter: value\n", "  - parameter: text\n");
    let report = compare(THING, &new);
    let seen: Vec<Seen> = report.changes.iter().map(seen).collect();
    assert_eq!(
        seen,
        [
            (
                ChangeKind::FieldRemoved,
                "request body /tags/{key}/value",
                Some("String"),
                None,
                Breaking,
                Unaffected
            ),
            (
                ChangeKind::RequiredFieldAdded,
                "request body /tags/{key}/text",
                None,
                Some("String"),
                Breaking,
                Unaffected
            ),
        ]
    );
}

#[test]
fn a_request_body_removed_breaks_request_builders() {
    let new = edit(
        THING,
        between(THING, "- role: request-body", "- role: object"),
        "",
    );
    let report = compare(THING, &new);
    assert_eq!(
        seen(&report.changes[0]),
        (
            ChangeKind::FieldRemoved,
            "request body",
            Some("object"),
            None,
            Breaking,
            Unaffected
        )
    );
    // Without the body, Tag and Node are referred to by nothing: there is nothing below to compare.
    assert_eq!(report.changes.len(), 1, "{report}");
}

const ERROR_PARAM: &str = "  - parameter: error_param
    type: Array of strings
    description: 'Error parameters. Minimum: 0 Maximum: 65535 Array Length: 1 - 20'
";

#[test]
fn a_response_field_removed_breaks_response_readers() {
    let new = edit(REFERENCE, ERROR_PARAM, "");
    let change = only(REFERENCE, &new);
    assert_eq!(change.part, Part::Response);
    assert_eq!(
        seen(&change),
        (
            ChangeKind::FieldRemoved,
            "response 403 body /error_param",
            Some("Array of String"),
            None,
            Unaffected,
            Breaking
        )
    );
}

#[test]
fn a_response_field_added_is_compatible_even_when_required() {
    let details_row = "  - parameter: error_msg
    type: String
    description: 'The SMS error message. Minimum: 0 Maximum: 65535'
";
    let added = "  - parameter: error_hint\n    mandatory: Yes\n    type: String\n    description: A hint.\n";
    let new = edit(REFERENCE, details_row, &format!("{details_row}{added}"));
    let change = only(REFERENCE, &new);
    assert_eq!(
        seen(&change),
        (
            ChangeKind::RequiredFieldAdded,
            "response 403 body /details/*/error_hint",
            None,
            Some("String"),
            Unaffected,
            Compatible
        )
    );
    assert!(
        change.explanation.contains("undocumented"),
        "{}",
        change.explanation
    );
}

// ---- types ----

#[test]
fn a_request_type_change_breaks_request_builders() {
    let new = edit(
        REFERENCE,
        "  - parameter: task_id\n    mandatory: No\n    type: String\n",
        "  - parameter: task_id\n    mandatory: No\n    type: Integer\n",
    );
    // The old length bounds become a value range: not compared across the type change.
    assert_eq!(
        seen(&only(REFERENCE, &new)),
        (
            ChangeKind::TypeChanged,
            "request body /task_info/*/task_id",
            Some("String"),
            Some("Integer (i32)"),
            Breaking,
            Unaffected
        )
    );
}

#[test]
fn integer_to_long_is_a_type_change() {
    let new = edit(
        THING,
        "  - parameter: limit\n    mandatory: No\n    type: Integer\n",
        "  - parameter: limit\n    mandatory: No\n    type: Long\n",
    );
    assert_eq!(
        seen(&only(THING, &new)),
        (
            ChangeKind::TypeChanged,
            "query parameter limit",
            Some("Integer (i32)"),
            Some("Long (i64)"),
            Breaking,
            Unaffected
        )
    );
}

#[test]
fn object_to_array_is_a_type_change_and_the_object_is_still_followed() {
    let single_object = edit(
        REFERENCE,
        "type: Array of BatchConsistencyReq objects",
        "type: BatchConsistencyReq object",
    );
    let one_field_fewer = edit(REFERENCE, SOURCE_NAME, "");
    let report = compare(&single_object, &one_field_fewer);
    let seen: Vec<Seen> = report.changes.iter().map(seen).collect();
    assert_eq!(
        seen,
        [
            (
                ChangeKind::TypeChanged,
                "request body /task_info",
                Some("object"),
                Some("Array of object"),
                Breaking,
                Unaffected
            ),
            // Named by the path the new type takes.
            (
                ChangeKind::FieldRemoved,
                "request body /task_info/*/source_name",
                Some("String"),
                None,
                Breaking,
                Unaffected
            ),
        ]
    );
}

#[test]
fn a_response_type_change_breaks_response_readers() {
    let new = edit(
        REFERENCE,
        "  - parameter: error_code\n    type: String\n    description: 'The SMS error code.",
        "  - parameter: error_code\n    type: Integer\n    description: 'The SMS error code.",
    );
    assert_eq!(
        seen(&only(REFERENCE, &new)),
        (
            ChangeKind::TypeChanged,
            "response 403 body /details/*/error_code",
            Some("String"),
            Some("Integer (i32)"),
            Unaffected,
            Breaking
        )
    );
}

#[test]
fn a_text_response_becoming_json_is_a_type_change() {
    let new = edit(
        REFERENCE,
        "  - parameter: '-'\n    type: String\n    description: OK\n",
        "  - parameter: '-'\n    type: Object\n    description: OK\n",
    );
    assert_eq!(
        seen(&only(REFERENCE, &new)),
        (
            ChangeKind::TypeChanged,
            "response 200 body",
            Some("text"),
            Some("Map of String to any JSON"),
            Unaffected,
            Breaking
        )
    );
}

// ---- required and optional ----

#[test]
fn a_request_field_becoming_required_breaks_request_builders() {
    let new = edit(
        REFERENCE,
        "  - parameter: task_id\n    mandatory: No\n",
        "  - parameter: task_id\n    mandatory: Yes\n",
    );
    assert_eq!(
        seen(&only(REFERENCE, &new)),
        (
            ChangeKind::BecameRequired,
            "request body /task_info/*/task_id",
            Some("optional"),
            Some("required"),
            Breaking,
            Unaffected
        )
    );
}

#[test]
fn a_request_field_becoming_optional_is_compatible() {
    let new = edit(
        REFERENCE,
        "  - parameter: task_info\n    mandatory: Yes\n",
        "  - parameter: task_info\n    mandatory: No\n",
    );
    assert_eq!(
        seen(&only(REFERENCE, &new)),
        (
            ChangeKind::BecameOptional,
            "request body /task_info",
            Some("required"),
            Some("optional"),
            Compatible,
            Unaffected
        )
    );
}

#[test]
fn a_response_field_becoming_optional_breaks_response_readers() {
    let optional = edit(
        THING,
        "  - parameter: count\n    mandatory: Yes\n",
        "  - parameter: count\n    mandatory: No\n",
    );
    assert_eq!(
        seen(&only(THING, &optional)),
        (
            ChangeKind::BecameOptional,
            "response 200 body /count",
            Some("required"),
            Some("optional"),
            Unaffected,
            Breaking
        )
    );
    assert_eq!(
        seen(&only(&optional, THING)),
        (
            ChangeKind::BecameRequired,
            "response 200 body /count",
            Some("optional"),
            Some("required"),
            Unaffected,
            Compatible
        )
    );
}

// ---- constraints ----

#[test]
fn a_request_length_tightened_breaks_request_builders() {
    let new = edit(
        REFERENCE,
        "Task ID. Minimum: 1 Maximum: 36",
        "Task ID. Minimum: 1 Maximum: 32",
    );
    let change = only(REFERENCE, &new);
    assert_eq!(change.constraint, Some(Constraint::MaxLength));
    assert_eq!(
        seen(&change),
        (
            ChangeKind::ConstraintTightened,
            "request body /task_info/*/task_id",
            Some("36"),
            Some("32"),
            Breaking,
            Unaffected
        )
    );
}

#[test]
fn a_request_item_count_tightened_breaks_request_builders() {
    let new = edit(
        REFERENCE,
        "Array Length: 1 - 200'",
        "Array Length: 1 - 100'",
    );
    let change = only(REFERENCE, &new);
    assert_eq!(change.constraint, Some(Constraint::MaxItems));
    assert_eq!(
        seen(&change),
        (
            ChangeKind::ConstraintTightened,
            "request body /task_info",
            Some("200"),
            Some("100"),
            Breaking,
            Unaffected
        )
    );
}

#[test]
fn a_value_range_loosened_or_dropped_is_compatible() {
    let wider = edit(THING, "Minimum: 1 Maximum: 100", "Minimum: 1 Maximum: 500");
    let change = only(THING, &wider);
    assert_eq!(change.constraint, Some(Constraint::Maximum));
    assert_eq!(
        seen(&change),
        (
            ChangeKind::ConstraintLoosened,
            "query parameter limit",
            Some("100"),
            Some("500"),
            Compatible,
            Unaffected
        )
    );

    let no_minimum = edit(THING, "Minimum: 1 Maximum: 100", "Maximum: 100");
    let change = only(THING, &no_minimum);
    assert_eq!(change.constraint, Some(Constraint::Minimum));
    assert_eq!(
        seen(&change),
        (
            ChangeKind::ConstraintLoosened,
            "query parameter limit",
            Some("1"),
            None,
            Compatible,
            Unaffected
        )
    );
    // And back: a bound that appears tightens.
    assert_eq!(
        only(&no_minimum, THING).kind,
        ChangeKind::ConstraintTightened
    );
}

#[test]
fn a_number_losing_an_allowed_value_breaks_request_builders() {
    let fewer = edit(THING, "enum: [1, 2, 3]", "enum: [1, 2]");
    let change = only(THING, &fewer);
    assert_eq!(change.constraint, Some(Constraint::AllowedValues));
    assert_eq!(
        seen(&change),
        (
            ChangeKind::ConstraintTightened,
            "request body /weight",
            Some("[1, 2, 3]"),
            Some("[1, 2]"),
            Breaking,
            Unaffected
        )
    );

    let more = edit(THING, "enum: [1, 2, 3]", "enum: [1, 2, 3, 4]");
    assert_eq!(
        seen(&only(THING, &more)),
        (
            ChangeKind::ConstraintLoosened,
            "request body /weight",
            Some("[1, 2, 3]"),
            Some("[1, 2, 3, 4]"),
            Compatible,
            Unaffected
        )
    );

    // Losing one value and gaining another still breaks requests that used the lost one.
    let swapped = edit(THING, "enum: [1, 2, 3]", "enum: [1, 2, 4]");
    assert_eq!(only(THING, &swapped).kind, ChangeKind::ConstraintTightened);
}

#[test]
fn response_constraints_never_break_readers_but_are_listed() {
    let narrower = edit(
        REFERENCE,
        "'The error message. Minimum: 0 Maximum: 255'",
        "'The error message. Minimum: 0 Maximum: 128'",
    );
    let change = only(REFERENCE, &narrower);
    assert_eq!(change.constraint, Some(Constraint::MaxLength));
    assert_eq!(
        seen(&change),
        (
            ChangeKind::ConstraintTightened,
            "response 403 body /error_msg",
            Some("255"),
            Some("128"),
            Unaffected,
            Compatible
        )
    );
    assert!(
        change.explanation.contains("not enforced when reading"),
        "{}",
        change.explanation
    );
    assert_eq!(
        only(&narrower, REFERENCE).kind,
        ChangeKind::ConstraintLoosened
    );
}

// ---- enumerations ----

#[test]
fn a_request_enum_value_removed_breaks_request_builders_and_one_added_does_not() {
    let fewer = edit(THING, "enum: [TCP, UDP]", "enum: [TCP]");
    assert_eq!(
        seen(&only(THING, &fewer)),
        (
            ChangeKind::EnumValueRemoved,
            "request body /protocol",
            Some("UDP"),
            None,
            Breaking,
            Unaffected
        )
    );
    let more = edit(THING, "enum: [TCP, UDP]", "enum: [TCP, UDP, HTTP]");
    assert_eq!(
        seen(&only(THING, &more)),
        (
            ChangeKind::EnumValueAdded,
            "request body /protocol",
            None,
            Some("HTTP"),
            Compatible,
            Unaffected
        )
    );
}

#[test]
fn a_response_enum_value_added_is_compatible_because_unknown_values_are_kept() {
    let more = edit(
        THING,
        "enum: [ACTIVE, ERROR]",
        "enum: [ACTIVE, ERROR, DELETED]",
    );
    let change = only(THING, &more);
    assert_eq!(
        seen(&change),
        (
            ChangeKind::EnumValueAdded,
            "response 200 body /state",
            None,
            Some("DELETED"),
            Unaffected,
            Compatible
        )
    );
    assert!(
        change.explanation.contains("keep values they do not list"),
        "{}",
        change.explanation
    );

    let fewer = edit(THING, "enum: [ACTIVE, ERROR]", "enum: [ACTIVE]");
    assert_eq!(
        seen(&only(THING, &fewer)),
        (
            ChangeKind::EnumValueRemoved,
            "response 200 body /state",
            Some("ERROR"),
            None,
            Unaffected,
            Compatible
        )
    );
}

#[test]
fn a_string_gaining_a_list_of_values_becomes_an_enumeration() {
    let free_text = edit(THING, "    enum: [TCP, UDP]\n", "");
    assert_eq!(
        seen(&only(&free_text, THING)),
        (
            ChangeKind::EnumerationAdded,
            "request body /protocol",
            None,
            Some("[TCP, UDP]"),
            Breaking,
            Unaffected
        )
    );
}

// ---- defaults ----

#[test]
fn request_defaults_changed_or_removed_break_request_builders() {
    let changed = edit(THING, "default: 1\n", "default: 2\n");
    assert_eq!(
        seen(&only(THING, &changed)),
        (
            ChangeKind::DefaultChanged,
            "request body /weight",
            Some("1"),
            Some("2"),
            Breaking,
            Unaffected
        )
    );
    let removed = edit(THING, "    default: 1\n", "");
    assert_eq!(
        seen(&only(THING, &removed)),
        (
            ChangeKind::DefaultRemoved,
            "request body /weight",
            Some("1"),
            None,
            Breaking,
            Unaffected
        )
    );
    assert_eq!(
        seen(&only(&removed, THING)),
        (
            ChangeKind::DefaultAdded,
            "request body /weight",
            None,
            Some("1"),
            Compatible,
            Unaffected
        )
    );
}

#[test]
fn response_default_changes_are_compatible() {
    let changed = edit(THING, "default: 0\n", "default: 10\n");
    assert_eq!(
        seen(&only(THING, &changed)),
        (
            ChangeKind::DefaultChanged,
            "response 200 body /count",
            Some("0"),
            Some("10"),
            Unaffected,
            Compatible
        )
    );
}

// ---- statuses ----

#[test]
fn response_statuses_added_or_removed_are_compatible() {
    let table_404 = between(
        REFERENCE,
        "- role: response-body\n  status: 404",
        "examples:",
    );
    let without_404 = edit(
        &edit(REFERENCE, table_404, ""),
        "- status: 404\n  description: Not Found\n",
        "",
    );
    assert_eq!(
        seen(&only(REFERENCE, &without_404)),
        (
            ChangeKind::StatusRemoved,
            "response 404",
            Some("object"),
            None,
            Unaffected,
            Compatible
        )
    );

    // A status with no body table: its body is kept as text.
    let with_500 = format!("{REFERENCE}- status: 500\n  description: Internal Server Error\n");
    let change = only(REFERENCE, &with_500);
    assert_eq!(
        seen(&change),
        (
            ChangeKind::StatusAdded,
            "response 500",
            None,
            Some("text"),
            Unaffected,
            Compatible
        )
    );
    assert!(
        change.explanation.contains("Response::Undocumented"),
        "{}",
        change.explanation
    );
}

// ---- what is no change ----

#[test]
fn the_same_spec_has_no_changes() {
    let report = compare(REFERENCE, REFERENCE);
    assert_eq!(report.changes, []);
    assert_eq!(report.to_string(), "no API changes\n");
    assert_eq!(report.exit_code(true), 0);
}

#[test]
fn a_reworded_description_with_the_same_constraints_is_no_change() {
    let new = edit(
        REFERENCE,
        "'Task ID. Minimum: 1 Maximum: 36'",
        "'The ID of the task that was verified. Minimum: 1 Maximum: 36'",
    );
    assert_eq!(compare(REFERENCE, &new).changes, []);
}

#[test]
fn a_renamed_object_table_is_no_change() {
    let new = REFERENCE
        .replace(
            "type: Array of BatchConsistencyReq objects",
            "type: Array of TaskInfo objects",
        )
        .replace("name: BatchConsistencyReq", "name: TaskInfo");
    assert_ne!(new, REFERENCE);
    assert_eq!(compare(REFERENCE, &new).changes, []);
}

#[test]
fn a_self_referencing_object_is_compared_once() {
    let new = edit(
        THING,
        "    description: The node name.\n",
        "    description: 'The node name. Maximum: 64'\n",
    );
    assert_eq!(
        seen(&only(THING, &new)),
        (
            ChangeKind::ConstraintTightened,
            "request body /root/name",
            None,
            Some("64"),
            Breaking,
            Unaffected
        )
    );
}

// ---- the reference page's two editions ----

/// The reference spec as the page's Chinese edition states it: `task_info`
/// holds 0 to 200 items and `task_id` is 0 to 255 characters long, where
/// the English edition (the committed spec) says 1 to 200 and 1 to 36.
/// The numbers are written the English way, since only they differ.
fn chinese_edition() -> String {
    let spec = edit(
        REFERENCE,
        "'All task information. Array Length: 1 - 200'",
        "'All task information. Array Length: 0 - 200'",
    );
    edit(
        &spec,
        "'Task ID. Minimum: 1 Maximum: 36'",
        "'Task ID. Minimum: 0 Maximum: 255'",
    )
}

#[test]
fn english_to_chinese_edition_loosens_the_request_only() {
    let report = compare(REFERENCE, &chinese_edition());
    println!("{report}");
    let found: Vec<(Seen, Option<Constraint>)> = report
        .changes
        .iter()
        .map(|c| (seen(c), c.constraint))
        .collect();
    assert_eq!(
        found,
        [
            (
                (
                    ChangeKind::ConstraintLoosened,
                    "request body /task_info",
                    Some("1"),
                    Some("0"),
                    Compatible,
                    Unaffected
                ),
                Some(Constraint::MinItems)
            ),
            (
                (
                    ChangeKind::ConstraintLoosened,
                    "request body /task_info/*/task_id",
                    Some("1"),
                    Some("0"),
                    Compatible,
                    Unaffected
                ),
                Some(Constraint::MinLength)
            ),
            (
                (
                    ChangeKind::ConstraintLoosened,
                    "request body /task_info/*/task_id",
                    Some("36"),
                    Some("255"),
                    Compatible,
                    Unaffected
                ),
                Some(Constraint::MaxLength)
            ),
        ]
    );
    assert!(!report.is_breaking());
    assert_eq!(report.exit_code(true), 0);
    assert_eq!(
        report.to_string(),
        "sms ExportConsistencyResults
  compatible  ExportConsistencyResults: request body /task_info: minimum item count loosened: 1 → 0; every request that was valid stays valid [requests: compatible, responses: unaffected]
  compatible  ExportConsistencyResults: request body /task_info/*/task_id: minimum length loosened: 1 → 0; every request that was valid stays valid [requests: compatible, responses: unaffected]
  compatible  ExportConsistencyResults: request body /task_info/*/task_id: maximum length loosened: 36 → 255; every request that was valid stays valid [requests: compatible, responses: unaffected]

3 changes in 1 operation: 0 breaking (0 for request builders, 0 for response readers), 3 compatible
generated crate: a patch release (cargo semver for the emitted API)
"
    );
}

#[test]
fn chinese_to_english_edition_tightens_the_request_and_breaks_its_builders() {
    let report = compare(&chinese_edition(), REFERENCE);
    println!("{report}");
    let found: Vec<(Seen, Option<Constraint>)> = report
        .changes
        .iter()
        .map(|c| (seen(c), c.constraint))
        .collect();
    assert_eq!(
        found,
        [
            (
                (
                    ChangeKind::ConstraintTightened,
                    "request body /task_info",
                    Some("0"),
                    Some("1"),
                    Breaking,
                    Unaffected
                ),
                Some(Constraint::MinItems)
            ),
            (
                (
                    ChangeKind::ConstraintTightened,
                    "request body /task_info/*/task_id",
                    Some("0"),
                    Some("1"),
                    Breaking,
                    Unaffected
                ),
                Some(Constraint::MinLength)
            ),
            (
                (
                    ChangeKind::ConstraintTightened,
                    "request body /task_info/*/task_id",
                    Some("255"),
                    Some("36"),
                    Breaking,
                    Unaffected
                ),
                Some(Constraint::MaxLength)
            ),
        ]
    );
    let summary = report.summary();
    assert_eq!(
        (
            summary.breaking_for_requests,
            summary.breaking_for_responses
        ),
        (3, 0)
    );
    assert_eq!((report.exit_code(false), report.exit_code(true)), (0, 1));
    assert_eq!(
        report.to_string(),
        "sms ExportConsistencyResults
  BREAKING    ExportConsistencyResults: request body /task_info: minimum item count tightened: 0 → 1; requests that were valid may now fail validate() or be refused [requests: breaking, responses: unaffected]
  BREAKING    ExportConsistencyResults: request body /task_info/*/task_id: minimum length tightened: 0 → 1; requests that were valid may now fail validate() or be refused [requests: breaking, responses: unaffected]
  BREAKING    ExportConsistencyResults: request body /task_info/*/task_id: maximum length tightened: 255 → 36; requests that were valid may now fail validate() or be refused [requests: breaking, responses: unaffected]

3 changes in 1 operation: 3 breaking (3 for request builders, 0 for response readers), 0 compatible
generated crate: a patch release (cargo semver for the emitted API)
"
    );
}

// ---- JSON ----

#[test]
fn json_has_the_documented_shape() {
    let report = compare(&chinese_edition(), REFERENCE);
    let json: serde_json::Value =
        serde_json::from_str(&report.to_json()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        json,
        serde_json::json!({
            "version": 1,
            "changes": [
                {
                    "service": "sms",
                    "operation": "ExportConsistencyResults",
                    "part": "request",
                    "location": "request body /task_info",
                    "kind": "constraint_tightened",
                    "constraint": "min_items",
                    "old": "0",
                    "new": "1",
                    "request": "breaking",
                    "response": "unaffected",
                    "explanation": "requests that were valid may now fail validate() or be refused",
                    "semver": "patch"
                },
                {
                    "service": "sms",
                    "operation": "ExportConsistencyResults",
                    "part": "request",
                    "location": "request body /task_info/*/task_id",
                    "kind": "constraint_tightened",
                    "constraint": "min_length",
                    "old": "0",
                    "new": "1",
                    "request": "breaking",
                    "response": "unaffected",
                    "explanation": "requests that were valid may now fail validate() or be refused",
                    "semver": "patch"
                },
                {
                    "service": "sms",
                    "operation": "ExportConsistencyResults",
                    "part": "request",
                    "location": "request body /task_info/*/task_id",
                    "kind": "constraint_tightened",
                    "constraint": "max_length",
                    "old": "255",
                    "new": "36",
                    "request": "breaking",
                    "response": "unaffected",
                    "explanation": "requests that were valid may now fail validate() or be refused",
                    "semver": "patch"
                }
            ],
            "summary": {
                "changes": 3,
                "operations": 1,
                "breaking": 3,
                "breaking_for_requests": 3,
                "breaking_for_responses": 0,
                "compatible": 0
            },
            "semver": "patch",
            "not_compared": []
        })
    );
}

#[test]
fn json_writes_absent_values_and_constraints_as_null() {
    let report = diff::compare(&api(&[REFERENCE, THING]), &api(&[REFERENCE]));
    let json: serde_json::Value =
        serde_json::from_str(&report.to_json()).unwrap_or_else(|e| panic!("{e}"));
    let change = &json["changes"][0];
    assert_eq!(change["kind"], "operation_removed");
    assert_eq!(change["part"], "operation");
    assert_eq!(change["location"], "");
    assert_eq!(change["constraint"], serde_json::Value::Null);
    assert_eq!(change["new"], serde_json::Value::Null);
    assert_eq!(change["old"], "POST /v1/{project_id}/things");
}

// ---- the classification table ----

/// The module doc's table and [`classify`] say the same for every kind.
#[test]
fn the_documented_table_is_the_classification() {
    let source = include_str!("../src/diff.rs");
    let rows: Vec<Vec<&str>> = source
        .lines()
        .filter_map(|line| line.strip_prefix("//! | `"))
        .map(|row| {
            row.split('|')
                .map(|cell| cell.trim().trim_end_matches('`'))
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), ChangeKind::ALL.len(), "one row per kind");
    let impact = |cell: &str| match cell {
        "breaking" => Breaking,
        "compatible" => Compatible,
        // `-`: the change never occurs there.
        "unaffected" | "-" => Unaffected,
        other => panic!("unknown verdict {other:?}"),
    };
    for (kind, row) in ChangeKind::ALL.into_iter().zip(&rows) {
        let name = serde_json::to_value(kind).unwrap_or_default();
        assert_eq!(name, row[0], "the table's rows follow ChangeKind::ALL");
        assert_eq!(
            classify(kind, Part::Request).request,
            impact(row[1]),
            "{} in the request",
            row[0]
        );
        assert_eq!(
            classify(kind, Part::Response).response,
            impact(row[2]),
            "{} in a response",
            row[0]
        );
    }
}

// ---- the command line ----

/// A fresh folder for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("diff")
        .join(name);
    // Left over from an earlier run, if anything.
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{}: {e}", parent.display()));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Runs `docspec diff ARGS...`: exit code, stdout, stderr.
fn docspec_diff(args: &[&Path], flags: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_docspec"))
        .arg("diff")
        .args(flags)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run docspec: {e}"));
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_command_exits_1_on_breaking_changes_only_when_asked() {
    let dir = scratch("exit_codes");
    let (english, chinese) = (dir.join("en.yaml"), dir.join("zh.yaml"));
    write(&english, REFERENCE);
    write(&chinese, &chinese_edition());

    let (code, out, _) = docspec_diff(&[&chinese, &english], &[]);
    assert_eq!(code, 0);
    assert_eq!(out, compare(&chinese_edition(), REFERENCE).to_string());

    let (code, _, _) = docspec_diff(&[&chinese, &english], &["--fail-on-breaking"]);
    assert_eq!(code, 1);

    let (code, out, _) = docspec_diff(&[&english, &chinese], &["--fail-on-breaking"]);
    assert_eq!(code, 0, "loosening breaks nothing:\n{out}");

    let (code, out, _) = docspec_diff(&[&chinese, &english], &["--json"]);
    assert_eq!(code, 0);
    let json: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}:\n{out}"));
    assert_eq!(json["summary"]["breaking_for_requests"], 3);
}

#[test]
fn the_command_compares_folders() {
    let dir = scratch("folders");
    write(
        &dir.join("old/sms/ExportConsistencyResults.yaml"),
        REFERENCE,
    );
    write(
        &dir.join("new/sms/ExportConsistencyResults.yaml"),
        REFERENCE,
    );
    write(&dir.join("new/demo/CreateThing.yaml"), THING);
    let (code, out, err) = docspec_diff(
        &[&dir.join("old"), &dir.join("new")],
        &["--fail-on-breaking"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "demo CreateThing
  compatible  CreateThing: operation added: POST /v1/{project_id}/things; existing code does not call it [requests: compatible, responses: compatible]

1 change in 1 operation: 0 breaking (0 for request builders, 0 for response readers), 1 compatible
generated crate: a minor release (cargo semver for the emitted API)
"
    );
    let (code, _, _) = docspec_diff(
        &[&dir.join("new"), &dir.join("old")],
        &["--fail-on-breaking"],
    );
    assert_eq!(code, 1, "an operation removed is breaking");
}

#[test]
fn spec_errors_exit_2_with_the_generators_diagnostics() {
    let dir = scratch("spec_errors");
    let (good, bad) = (dir.join("good.yaml"), dir.join("bad.yaml"));
    write(&good, REFERENCE);
    write(
        &bad,
        &edit(
            REFERENCE,
            "type: Array of BatchConsistencyReq objects",
            // A reference a person wrote is an error; one the docs gave degrades to any JSON.
            "type: Array of Missing objects\n    added_by_hand: a row a person wrote",
        ),
    );

    let (code, out, err) = docspec_diff(&[&good, &bad], &[]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    let expected = match diff::load(&bad) {
        Err(diagnostics) => diagnostics.to_string(),
        Ok(_) => panic!("the broken spec resolved"),
    };
    assert_eq!(err.trim_end(), expected);
    assert!(err.contains("bad.yaml:") && err.contains("error:"), "{err}");
}

#[test]
fn a_file_and_a_folder_cannot_be_compared() {
    let dir = scratch("file_and_folder");
    let file = dir.join("spec.yaml");
    write(&file, REFERENCE);
    let (code, _, err) = docspec_diff(&[&file, &dir], &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("expected two spec files or two spec folders"),
        "{err}"
    );
}
