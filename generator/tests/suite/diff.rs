//! `docspec diff`: one test per kind of change (kind, location, old and new
//! values, and both classifications), the JSON shape, the exit codes, and
//! the reference page's English and Chinese editions against each other.
//!
//! Specs are the committed reference spec edited by string replacement, or
//! the small inline spec [`THING`] for what the reference page lacks
//! (numbers, enumerations, defaults, maps, a self-referencing object).

use docspec::diff::{self, classify, Bump, Change, ChangeKind, Constraint, Impact, Part, Report};
use docspec::model::Api;
use docspec::{resolve, spec};
use std::path::{Path, PathBuf};
use std::process::Command;
use Impact::{Breaking, Compatible, Unaffected};

const REFERENCE: &str = include_str!("../../../spec/sms/ExportConsistencyResults.yaml");

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

// ---- one case per kind of change ----

/// One expected change: kind, location, old and new values, the verdicts
/// for requests and for responses, and the constraint for `constraint_*`.
type Expected = (
    ChangeKind,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Impact,
    Impact,
    Option<Constraint>,
);

/// Specs before or after: each is the text of one spec file.
type Specs = fn() -> Vec<String>;

/// A case: specs before and after, every change expected in report order,
/// and a phrase the first change's explanation must hold, where the reason
/// is the point.
struct Case {
    name: &'static str,
    old: Specs,
    new: Specs,
    expected: &'static [Expected],
    explains: Option<&'static str>,
}

fn reference() -> Vec<String> {
    vec![REFERENCE.to_owned()]
}

fn thing() -> Vec<String> {
    vec![THING.to_owned()]
}

fn both_specs() -> Vec<String> {
    vec![REFERENCE.to_owned(), THING.to_owned()]
}

const X_LANGUAGE: &str = "  - parameter: X-Language
    mandatory: No
    type: String
    description: The preferred language. Select English.
";

fn with_header(mandatory: &str) -> Vec<String> {
    let row = format!("  - parameter: X-Project-Id\n    mandatory: {mandatory}\n    type: String\n    description: The project.\n");
    vec![edit(REFERENCE, X_LANGUAGE, &format!("{X_LANGUAGE}{row}"))]
}

const SOURCE_NAME: &str = "  - parameter: source_name
    mandatory: No
    type: String
    description: 'Source server name. Minimum: 0 Maximum: 255'
";

const ERROR_PARAM: &str = "  - parameter: error_param
    type: Array of strings
    description: 'Error parameters. Minimum: 0 Maximum: 65535 Array Length: 1 - 20'
";

const LIMIT: &str = "  - parameter: limit
    mandatory: No
    type: Integer
    description: 'The page size. Minimum: 1 Maximum: 100'
";

fn thing_edited(from: &str, to: &str) -> Vec<String> {
    vec![edit(THING, from, to)]
}

fn reference_edited(from: &str, to: &str) -> Vec<String> {
    vec![edit(REFERENCE, from, to)]
}

fn without_404() -> Vec<String> {
    let table_404 = between(
        REFERENCE,
        "- role: response-body\n  status: 404",
        "examples:",
    );
    vec![edit(
        &edit(REFERENCE, table_404, ""),
        "- status: 404\n  description: Not Found\n",
        "",
    )]
}

fn no_minimum() -> Vec<String> {
    thing_edited("Minimum: 1 Maximum: 100", "Maximum: 100")
}

fn optional_count() -> Vec<String> {
    thing_edited(
        "  - parameter: count\n    mandatory: Yes\n",
        "  - parameter: count\n    mandatory: No\n",
    )
}

fn without_default() -> Vec<String> {
    thing_edited("    default: 1\n", "")
}

fn free_text_protocol() -> Vec<String> {
    thing_edited("    enum: [TCP, UDP]\n", "")
}

fn narrower_error_message() -> Vec<String> {
    reference_edited(
        "'The error message. Minimum: 0 Maximum: 255'",
        "'The error message. Minimum: 0 Maximum: 128'",
    )
}

fn disk_types(values: &str) -> Vec<String> {
    thing_edited("enum: [TCP, UDP]", values)
}

const R: Impact = Unaffected;

/// Every case, by kind of change, as the classification table lists them.
#[rustfmt::skip]
fn cases() -> Vec<Case> {
    use ChangeKind::*;
    vec![
        // ---- operations ----
        Case {
            name: "an operation added is compatible",
            old: reference,
            new: both_specs,
            expected: &[(OperationAdded, "", None, Some("POST /v1/{project_id}/things"), Compatible, Compatible, None)],
            explains: None,
        },
        Case {
            name: "an operation removed breaks both sides",
            old: both_specs,
            new: reference,
            expected: &[(OperationRemoved, "", Some("POST /v1/{project_id}/things"), None, Breaking, Breaking, None)],
            explains: None,
        },
        Case {
            name: "a changed method breaks request builders",
            old: reference,
            new: || reference_edited("method: POST\n", "method: PUT\n"),
            expected: &[(MethodChanged, "method", Some("POST"), Some("PUT"), Breaking, R, None)],
            explains: None,
        },
        Case {
            name: "a changed path breaks request builders",
            old: reference,
            new: || reference_edited(
                "path: /v3/tasks/consistency-results/export\n",
                "path: /v3/tasks/consistency-results/exports\n",
            ),
            expected: &[(PathChanged, "path", Some("/v3/tasks/consistency-results/export"), Some("/v3/tasks/consistency-results/exports"), Breaking, R, None)],
            explains: None,
        },
        Case {
            name: "a changed title is the same operation, and a compatible note",
            old: thing,
            new: || thing_edited("title: Creating a thing\n", "title: Adding a thing\n"),
            expected: &[(TitleChanged, "title", Some("Creating a thing"), Some("Adding a thing"), Compatible, Compatible, None)],
            explains: None,
        },
        Case {
            name: "a new name and title on the same method and path is one operation",
            old: thing,
            new: || vec![edit(
                &edit(THING, "operation: CreateThing\n", "operation: AddThing\n"),
                "title: Creating a thing\n",
                "title: Adding a thing\n",
            )],
            expected: &[
                (OperationRenamed, "name", Some("CreateThing"), Some("AddThing"), Compatible, Compatible, None),
                (TitleChanged, "title", Some("Creating a thing"), Some("Adding a thing"), Compatible, Compatible, None),
            ],
            explains: None,
        },
        Case {
            // Not `project_id` on either side: the credentials fill that one,
            // so renaming it to another name makes the generated field required.
            name: "a renamed placeholder is the same path",
            old: || vec![THING
                .replace("{project_id}", "{owner_id}")
                .replace("parameter: project_id", "parameter: owner_id")],
            new: || vec![THING
                .replace("{project_id}", "{tenant_id}")
                .replace("parameter: project_id", "parameter: tenant_id")],
            expected: &[],
            explains: None,
        },
        // ---- parameters and fields added, removed or moved ----
        Case {
            name: "a required parameter added breaks request builders",
            old: reference,
            new: || with_header("Yes"),
            expected: &[(RequiredFieldAdded, "header parameter X-Project-Id", None, Some("String"), Breaking, R, None)],
            explains: None,
        },
        Case {
            name: "an optional parameter added is compatible",
            old: reference,
            new: || with_header("No"),
            expected: &[(OptionalFieldAdded, "header parameter X-Project-Id", None, Some("String"), Compatible, R, None)],
            explains: None,
        },
        Case {
            name: "a parameter removed breaks request builders",
            old: reference,
            new: || reference_edited(X_LANGUAGE, ""),
            expected: &[(FieldRemoved, "header parameter X-Language", Some("String"), None, Breaking, R, None)],
            explains: None,
        },
        Case {
            name: "header names match whatever their case",
            old: reference,
            new: || reference_edited("parameter: X-Language", "parameter: x-language"),
            expected: &[],
            explains: None,
        },
        Case {
            name: "a nested request field added is located by its path",
            old: reference,
            new: || reference_edited(
                SOURCE_NAME,
                &format!("{SOURCE_NAME}  - parameter: task_type\n    mandatory: No\n    type: String\n    description: The task type.\n"),
            ),
            expected: &[(OptionalFieldAdded, "request body /task_info/*/task_type", None, Some("String"), Compatible, R, None)],
            explains: None,
        },
        Case {
            name: "a nested request field removed breaks request builders",
            old: reference,
            new: || reference_edited(SOURCE_NAME, ""),
            expected: &[(FieldRemoved, "request body /task_info/*/source_name", Some("String"), None, Breaking, R, None)],
            explains: None,
        },
        Case {
            name: "fields inside map values are located by key",
            old: thing,
            new: || thing_edited("  - parameter: value\n", "  - parameter: text\n"),
            expected: &[
                (FieldRemoved, "request body /tags/{key}/value", Some("String"), None, Breaking, R, None),
                (RequiredFieldAdded, "request body /tags/{key}/text", None, Some("String"), Breaking, R, None),
            ],
            explains: None,
        },
        Case {
            // Without the body, Tag and Node are referred to by nothing: there is nothing below to compare.
            name: "a request body removed breaks request builders",
            old: thing,
            new: || thing_edited(between(THING, "- role: request-body", "- role: object"), ""),
            expected: &[(FieldRemoved, "request body", Some("object"), None, Breaking, R, None)],
            explains: None,
        },
        Case {
            name: "a query parameter that becomes a body field moved",
            old: thing,
            new: || vec![edit(
                &edit(THING, LIMIT, ""),
                "- role: request-body\n  rows:\n",
                &format!("- role: request-body\n  rows:\n{LIMIT}"),
            )],
            expected: &[(FieldMoved, "request body /limit", Some("query parameter limit"), Some("request body /limit"), Breaking, R, None)],
            explains: Some("no longer documents it"),
        },
        Case {
            name: "a response field removed breaks response readers",
            old: reference,
            new: || reference_edited(ERROR_PARAM, ""),
            expected: &[(FieldRemoved, "response 403 body /error_param", Some("Array of String"), None, R, Breaking, None)],
            explains: None,
        },
        Case {
            name: "a response field added is compatible even when required",
            old: reference,
            new: || {
                let details_row = "  - parameter: error_msg\n    type: String\n    description: 'The SMS error message. Minimum: 0 Maximum: 65535'\n";
                let added = "  - parameter: error_hint\n    mandatory: Yes\n    type: String\n    description: A hint.\n";
                reference_edited(details_row, &format!("{details_row}{added}"))
            },
            expected: &[(RequiredFieldAdded, "response 403 body /details/*/error_hint", None, Some("String"), R, Compatible, None)],
            explains: Some("undocumented"),
        },
        // ---- types ----
        Case {
            // The old length bounds become a value range: not compared across the type change.
            name: "a request type change breaks request builders",
            old: reference,
            new: || reference_edited(
                "  - parameter: task_id\n    mandatory: No\n    type: String\n",
                "  - parameter: task_id\n    mandatory: No\n    type: Integer\n",
            ),
            expected: &[(TypeChanged, "request body /task_info/*/task_id", Some("String"), Some("Integer (i32)"), Breaking, R, None)],
            explains: None,
        },
        Case {
            name: "integer to long is a type change",
            old: thing,
            new: || thing_edited(
                "  - parameter: limit\n    mandatory: No\n    type: Integer\n",
                "  - parameter: limit\n    mandatory: No\n    type: Long\n",
            ),
            expected: &[(TypeChanged, "query parameter limit", Some("Integer (i32)"), Some("Long (i64)"), Breaking, R, None)],
            explains: None,
        },
        Case {
            // The removed field is named by the path the new type takes.
            name: "object to array is a type change and the object is still followed",
            old: || reference_edited("type: Array of BatchConsistencyReq objects", "type: BatchConsistencyReq object"),
            new: || reference_edited(SOURCE_NAME, ""),
            expected: &[
                (TypeChanged, "request body /task_info", Some("object"), Some("Array of object"), Breaking, R, None),
                (FieldRemoved, "request body /task_info/*/source_name", Some("String"), None, Breaking, R, None),
            ],
            explains: None,
        },
        Case {
            name: "a response type change breaks response readers",
            old: reference,
            new: || reference_edited(
                "  - parameter: error_code\n    type: String\n    description: 'The SMS error code.",
                "  - parameter: error_code\n    type: Integer\n    description: 'The SMS error code.",
            ),
            expected: &[(TypeChanged, "response 403 body /details/*/error_code", Some("String"), Some("Integer (i32)"), R, Breaking, None)],
            explains: None,
        },
        Case {
            name: "a text response becoming JSON is a type change",
            old: reference,
            new: || reference_edited(
                "  - parameter: '-'\n    type: String\n    description: OK\n",
                "  - parameter: '-'\n    type: Object\n    description: OK\n",
            ),
            expected: &[(TypeChanged, "response 200 body", Some("text"), Some("Map of String to any JSON"), R, Breaking, None)],
            explains: None,
        },
        Case {
            name: "a string gaining a list of values breaks request builders",
            old: free_text_protocol,
            new: thing,
            expected: &[(EnumerationAdded, "request body /protocol", None, Some("[TCP, UDP]"), Breaking, R, None)],
            explains: None,
        },
        Case {
            name: "a string losing its list of values is compatible",
            old: thing,
            new: free_text_protocol,
            expected: &[(EnumerationRemoved, "request body /protocol", Some("[TCP, UDP]"), None, Compatible, R, None)],
            explains: None,
        },
        // ---- required and optional ----
        Case {
            name: "a request field becoming required breaks request builders",
            old: reference,
            new: || reference_edited(
                "  - parameter: task_id\n    mandatory: No\n",
                "  - parameter: task_id\n    mandatory: Yes\n",
            ),
            expected: &[(BecameRequired, "request body /task_info/*/task_id", Some("optional"), Some("required"), Breaking, R, None)],
            explains: None,
        },
        Case {
            name: "a request field becoming optional is compatible",
            old: reference,
            new: || reference_edited(
                "  - parameter: task_info\n    mandatory: Yes\n",
                "  - parameter: task_info\n    mandatory: No\n",
            ),
            expected: &[(BecameOptional, "request body /task_info", Some("required"), Some("optional"), Compatible, R, None)],
            explains: None,
        },
        Case {
            name: "a response field becoming optional breaks response readers",
            old: thing,
            new: optional_count,
            expected: &[(BecameOptional, "response 200 body /count", Some("required"), Some("optional"), R, Breaking, None)],
            explains: None,
        },
        Case {
            name: "a response field becoming required is compatible",
            old: optional_count,
            new: thing,
            expected: &[(BecameRequired, "response 200 body /count", Some("optional"), Some("required"), R, Compatible, None)],
            explains: None,
        },
        // ---- constraints ----
        Case {
            name: "a request length tightened breaks request builders",
            old: reference,
            new: || reference_edited("Task ID. Minimum: 1 Maximum: 36", "Task ID. Minimum: 1 Maximum: 32"),
            expected: &[(ConstraintTightened, "request body /task_info/*/task_id", Some("36"), Some("32"), Breaking, R, Some(Constraint::MaxLength))],
            explains: None,
        },
        Case {
            name: "a request item count tightened breaks request builders",
            old: reference,
            new: || reference_edited("Array Length: 1 - 200'", "Array Length: 1 - 100'"),
            expected: &[(ConstraintTightened, "request body /task_info", Some("200"), Some("100"), Breaking, R, Some(Constraint::MaxItems))],
            explains: None,
        },
        Case {
            name: "a value range loosened is compatible",
            old: thing,
            new: || thing_edited("Minimum: 1 Maximum: 100", "Minimum: 1 Maximum: 500"),
            expected: &[(ConstraintLoosened, "query parameter limit", Some("100"), Some("500"), Compatible, R, Some(Constraint::Maximum))],
            explains: None,
        },
        Case {
            name: "a bound dropped is loosened",
            old: thing,
            new: no_minimum,
            expected: &[(ConstraintLoosened, "query parameter limit", Some("1"), None, Compatible, R, Some(Constraint::Minimum))],
            explains: None,
        },
        Case {
            name: "a constraint added to a field that had none tightens",
            old: no_minimum,
            new: thing,
            expected: &[(ConstraintTightened, "query parameter limit", None, Some("1"), Breaking, R, Some(Constraint::Minimum))],
            explains: None,
        },
        Case {
            name: "a number losing an allowed value breaks request builders",
            old: thing,
            new: || thing_edited("enum: [1, 2, 3]", "enum: [1, 2]"),
            expected: &[(ConstraintTightened, "request body /weight", Some("[1, 2, 3]"), Some("[1, 2]"), Breaking, R, Some(Constraint::AllowedValues))],
            explains: None,
        },
        Case {
            name: "a number gaining an allowed value is compatible",
            old: thing,
            new: || thing_edited("enum: [1, 2, 3]", "enum: [1, 2, 3, 4]"),
            expected: &[(ConstraintLoosened, "request body /weight", Some("[1, 2, 3]"), Some("[1, 2, 3, 4]"), Compatible, R, Some(Constraint::AllowedValues))],
            explains: None,
        },
        Case {
            // Losing one value and gaining another still breaks requests that used the lost one.
            name: "a number swapping an allowed value is tightened",
            old: thing,
            new: || thing_edited("enum: [1, 2, 3]", "enum: [1, 2, 4]"),
            expected: &[(ConstraintTightened, "request body /weight", Some("[1, 2, 3]"), Some("[1, 2, 4]"), Breaking, R, Some(Constraint::AllowedValues))],
            explains: None,
        },
        Case {
            name: "response constraints never break readers but are listed",
            old: reference,
            new: narrower_error_message,
            expected: &[(ConstraintTightened, "response 403 body /error_msg", Some("255"), Some("128"), R, Compatible, Some(Constraint::MaxLength))],
            explains: Some("not enforced when reading"),
        },
        Case {
            name: "a response constraint loosened is listed",
            old: narrower_error_message,
            new: reference,
            expected: &[(ConstraintLoosened, "response 403 body /error_msg", Some("128"), Some("255"), R, Compatible, Some(Constraint::MaxLength))],
            explains: None,
        },
        Case {
            name: "a self-referencing object is compared once",
            old: thing,
            new: || thing_edited("    description: The node name.\n", "    description: 'The node name. Maximum: 64'\n"),
            expected: &[(ConstraintTightened, "request body /root/name", None, Some("64"), Breaking, R, Some(Constraint::MaxLength))],
            explains: None,
        },
        // ---- enumerations ----
        Case {
            name: "a request enum value removed breaks request builders",
            old: thing,
            new: || thing_edited("enum: [TCP, UDP]", "enum: [TCP]"),
            expected: &[(EnumValueRemoved, "request body /protocol", Some("UDP"), None, Breaking, R, None)],
            explains: None,
        },
        Case {
            name: "a request enum value added is compatible",
            old: thing,
            new: || thing_edited("enum: [TCP, UDP]", "enum: [TCP, UDP, HTTP]"),
            expected: &[(EnumValueAdded, "request body /protocol", None, Some("HTTP"), Compatible, R, None)],
            explains: None,
        },
        Case {
            name: "a response enum value added is compatible because unknown values are kept",
            old: thing,
            new: || thing_edited("enum: [ACTIVE, ERROR]", "enum: [ACTIVE, ERROR, DELETED]"),
            expected: &[(EnumValueAdded, "response 200 body /state", None, Some("DELETED"), R, Compatible, None)],
            explains: Some("keep values they do not list"),
        },
        Case {
            name: "a response enum value removed is compatible",
            old: thing,
            new: || thing_edited("enum: [ACTIVE, ERROR]", "enum: [ACTIVE]"),
            expected: &[(EnumValueRemoved, "response 200 body /state", Some("ERROR"), None, R, Compatible, None)],
            explains: None,
        },
        Case {
            name: "a value marked end of sale still works",
            old: || disk_types("enum: [SATA, SSD]"),
            new: || disk_types("enum: ['SATA(End-of-sale)', SSD]"),
            expected: &[(EnumValueMarked, "request body /protocol", Some("SATA"), Some("SATA(End-of-sale)"), Compatible, R, None)],
            explains: Some("still works"),
        },
        Case {
            name: "a corrected typo in a value is respelled",
            old: thing,
            new: || thing_edited("enum: [ACTIVE, ERROR]", "enum: [ACTIVE, ERRORS]"),
            expected: &[(EnumValueRespelled, "response 200 body /state", Some("ERROR"), Some("ERRORS"), R, Compatible, None)],
            explains: None,
        },
        Case {
            name: "a request value respelled breaks request builders",
            old: || disk_types("enum: [contianerd, docker]"),
            new: || disk_types("enum: [containerd, docker]"),
            expected: &[(EnumValueRespelled, "request body /protocol", Some("contianerd"), Some("containerd"), Breaking, R, None)],
            explains: None,
        },
        // ---- defaults ----
        Case {
            name: "a request default changed breaks request builders",
            old: thing,
            new: || thing_edited("default: 1\n", "default: 2\n"),
            expected: &[(DefaultChanged, "request body /weight", Some("1"), Some("2"), Breaking, R, None)],
            explains: None,
        },
        Case {
            name: "a request default removed breaks request builders",
            old: thing,
            new: without_default,
            expected: &[(DefaultRemoved, "request body /weight", Some("1"), None, Breaking, R, None)],
            explains: None,
        },
        Case {
            name: "a request default added is compatible",
            old: without_default,
            new: thing,
            expected: &[(DefaultAdded, "request body /weight", None, Some("1"), Compatible, R, None)],
            explains: None,
        },
        Case {
            name: "a response default changed is compatible",
            old: thing,
            new: || thing_edited("default: 0\n", "default: 10\n"),
            expected: &[(DefaultChanged, "response 200 body /count", Some("0"), Some("10"), R, Compatible, None)],
            explains: None,
        },
        // ---- statuses ----
        Case {
            name: "a response status removed is compatible",
            old: reference,
            new: without_404,
            expected: &[(StatusRemoved, "response 404", Some("object"), None, R, Compatible, None)],
            explains: None,
        },
        Case {
            // A status with no body table: its body is kept as text.
            name: "a response status added is compatible",
            old: reference,
            new: || vec![format!("{REFERENCE}- status: 500\n  description: Internal Server Error\n")],
            expected: &[(StatusAdded, "response 500", None, Some("text"), R, Compatible, None)],
            explains: Some("Response::Undocumented"),
        },
        // ---- what is no change ----
        Case {
            name: "the same spec has no changes",
            old: reference,
            new: reference,
            expected: &[],
            explains: None,
        },
        Case {
            name: "a reworded description with the same constraints is no change",
            old: reference,
            new: || reference_edited(
                "'Task ID. Minimum: 1 Maximum: 36'",
                "'The ID of the task that was verified. Minimum: 1 Maximum: 36'",
            ),
            expected: &[],
            explains: None,
        },
        Case {
            name: "a renamed object table is no change",
            old: reference,
            new: || vec![REFERENCE
                .replace("type: Array of BatchConsistencyReq objects", "type: Array of TaskInfo objects")
                .replace("name: BatchConsistencyReq", "name: TaskInfo")],
            expected: &[],
            explains: None,
        },
    ]
}

/// The part a location stands in: the operation as a whole, the request or a response.
fn part_of(location: &str) -> Part {
    if ["", "method", "path", "name", "title"].contains(&location) {
        Part::Operation
    } else if location.starts_with("response") {
        Part::Response
    } else {
        Part::Request
    }
}

fn specs_api(specs: Specs) -> Api {
    let texts = specs();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    api(&texts)
}

#[test]
fn every_kind_of_change_is_found_located_and_classified() {
    let mut failures = Vec::new();
    for case in cases() {
        let report = diff::compare(&specs_api(case.old), &specs_api(case.new));
        let found: Vec<Expected> = report
            .changes
            .iter()
            .map(|c| {
                let (kind, _, _, _, request, response) = seen(c);
                let expected = case.expected.iter().find(|e| {
                    e.0 == kind
                        && e.1 == c.location
                        && e.2 == c.old.as_deref()
                        && e.3 == c.new.as_deref()
                });
                // The case's own strings, so that found and expected compare as one list.
                let (location, old, new) = expected.map_or(("?", None, None), |e| (e.1, e.2, e.3));
                (kind, location, old, new, request, response, c.constraint)
            })
            .collect();
        if found != case.expected {
            failures.push(format!("{}:\n{report}", case.name));
            continue;
        }
        if let Some(wrong) = report
            .changes
            .iter()
            .find(|c| c.part != part_of(&c.location))
        {
            failures.push(format!(
                "{}: {} is in the wrong part",
                case.name, wrong.location
            ));
        }
        if let Some(phrase) = case.explains {
            let explanation = report.changes.first().map_or("", |c| c.explanation);
            if !explanation.contains(phrase) {
                failures.push(format!("{}: {explanation:?} lacks {phrase:?}", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_kind_has_a_case() {
    let covered: std::collections::BTreeSet<String> = cases()
        .iter()
        .flat_map(|c| c.expected)
        .map(|e| format!("{:?}", e.0))
        .collect();
    for kind in ChangeKind::ALL {
        assert!(
            covered.contains(&format!("{kind:?}")),
            "no case for {kind:?}"
        );
    }
}

#[test]
fn the_version_is_the_largest_bump_cargo_semver_gives_the_changes() {
    let bump = |old: Specs, new: Specs| diff::compare(&specs_api(old), &specs_api(new)).version();
    assert_eq!(bump(reference, reference), Bump::None);
    assert_eq!(bump(reference, narrower_error_message), Bump::Patch);
    assert_eq!(bump(reference, both_specs), Bump::Minor);
    assert_eq!(
        bump(reference, || with_header("No")),
        Bump::Major,
        "a public field added to a struct of public fields"
    );
    assert_eq!(bump(both_specs, reference), Bump::Major);
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
    let source = include_str!("../../src/diff.rs");
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

#[test]
fn a_spec_that_does_not_resolve_is_listed_and_every_other_operation_compared() {
    let dir = scratch("partial");
    let broken = edit(
        REFERENCE,
        "type: Array of BatchConsistencyReq objects",
        "type: Array of Missing objects\n    added_by_hand: a row a person wrote",
    );
    write(
        &dir.join("old/sms/ExportConsistencyResults.yaml"),
        REFERENCE,
    );
    write(&dir.join("old/demo/CreateThing.yaml"), THING);
    write(&dir.join("new/sms/ExportConsistencyResults.yaml"), &broken);
    write(
        &dir.join("new/demo/CreateThing.yaml"),
        &edit(THING, "enum: [TCP, UDP]", "enum: [TCP]"),
    );
    let (old, new) = (dir.join("old"), dir.join("new"));

    let report = diff::compare_specs(&old, &new).unwrap_or_else(|e| panic!("{e}"));
    let kinds: Vec<(&str, ChangeKind)> = report
        .changes
        .iter()
        .map(|c| (c.operation.as_str(), c.kind))
        .collect();
    // The broken operation is neither removed nor compared; the other one is.
    assert_eq!(kinds, [("CreateThing", ChangeKind::EnumValueRemoved)]);
    assert_eq!(report.not_compared.len(), 1);
    let left_out = &report.not_compared[0];
    assert_eq!(left_out.side, diff::Which::New);
    assert_eq!(
        left_out.identity.as_deref(),
        Some("POST /v3/tasks/consistency-results/export")
    );
    assert!(left_out.errors.contains("Missing"), "{}", left_out.errors);

    let (code, out, _) = docspec_diff(&[&old, &new], &[]);
    assert_eq!(code, 3, "partial:\n{out}");
    assert!(
        out.contains("NOT COMPARED") && out.contains("partial: 1 spec not compared"),
        "{out}"
    );
    let (code, _, _) = docspec_diff(&[&old, &new], &["--fail-on-breaking"]);
    assert_eq!(code, 1, "a breaking change found still gates");
    let (_, json, _) = docspec_diff(&[&old, &new], &["--json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json["not_compared"][0]["side"], "new");
}

/// A copied-text page of one operation with one request body row.
fn text_page(title: &str, path: &str, row: &str) -> String {
    format!(
        "{title}\nFunction\nThis API is used to do it.\nURI\nPOST {path}\n\
         Request Parameters\nParameter | Mandatory | Type | Description |\n|---|---|---|---|\n{row}\n\
         Response Parameters\nStatus code: 200\nParameter | Type | Description |\n|---|---|---|\nid | String | The ID. |\n\
         Status Codes\nStatus Code | Description |\n|---|---|\n200 | OK. |\n"
    )
}

#[test]
fn the_command_compares_two_doc_folders_imported_in_memory() {
    let dir = scratch("docs");
    write(
        &dir.join("old/api_v1/creating_a_lamp.txt"),
        &text_page(
            "Creating a Lamp",
            "/v1/{project_id}/lamps",
            "name | Yes | String | The name. Maximum: 64 |",
        ),
    );
    // Moved to another folder and retitled; the limit loosened.
    write(
        &dir.join("new/lamp_apis/creating_a_lamp.txt"),
        &text_page(
            "Adding a Lamp",
            "/v1/{project_id}/lamps",
            "name | Yes | String | The name. Maximum: 128 |",
        ),
    );
    let (code, out, err) = docspec_diff(
        &[&dir.join("old"), &dir.join("new")],
        &["--service", "lamps", "--fail-on-breaking"],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("title changed: Creating a Lamp → Adding a Lamp"),
        "{out}"
    );
    assert!(
        out.contains("request body /name: maximum length loosened: 64 → 128"),
        "{out}"
    );
    assert!(!out.contains("operation removed"), "{out}");
    assert!(out.contains("generated crate: a major release"), "{out}");
    // Written specs stay untouched: nothing is written.
    assert!(!dir.join("lamps").exists());

    let (code, _, err) = docspec_diff(&[&dir.join("old"), &dir.join("empty")], &[]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn two_specs_of_one_endpoint_are_generated_with_a_warning_and_paired_by_name() {
    let copy = edit(
        THING,
        "operation: CreateThing\n",
        "operation: CreateThingDeprecated\n",
    );
    let specs: Vec<spec::LoadedSpec> = [THING, copy.as_str()]
        .iter()
        .enumerate()
        .map(|(i, text)| {
            spec::parse_str(&PathBuf::from(format!("spec{i}.yaml")), text)
                .unwrap_or_else(|d| panic!("{d}"))
        })
        .collect();
    let resolved = resolve::resolve(&specs).unwrap_or_else(|d| panic!("{d}"));
    let warnings: Vec<String> = resolved
        .diagnostics
        .iter()
        .filter(|d| {
            d.message
                .contains("POST /v1/{}/things is also the method and path of")
        })
        .map(|d| d.location.file.display().to_string())
        .collect();
    assert_eq!(warnings, ["spec0.yaml", "spec1.yaml"]);

    // The copy changes; the operation of the same name is the one compared.
    let changed_copy = edit(&copy, "enum: [TCP, UDP]", "enum: [TCP]");
    let report = diff::compare(&api(&[THING, &copy]), &api(&[THING, &changed_copy]));
    let found: Vec<(&str, ChangeKind)> = report
        .changes
        .iter()
        .map(|c| (c.operation.as_str(), c.kind))
        .collect();
    assert_eq!(
        found,
        [("CreateThingDeprecated", ChangeKind::EnumValueRemoved)]
    );
}

#[test]
fn an_empty_folder_is_specs_without_operations() {
    let dir = scratch("empty_before");
    std::fs::create_dir_all(dir.join("before")).unwrap_or_else(|e| panic!("{e}"));
    write(&dir.join("after/demo/CreateThing.yaml"), THING);
    let (code, out, err) = docspec_diff(&[&dir.join("before"), &dir.join("after")], &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("operation added"), "{out}");
}
