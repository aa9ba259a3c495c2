//! Generated sources and example programs are exactly what prettyplease
//! prints for their syntax tree (blank lines between items aside, which
//! docspec adds): the generator writes them as text (`emit::text`), and
//! this checks that it lays them out as prettyplease would. On the
//! reference specs, the feature fixture, synthetic specs and, where
//! `../shared` is there, the corpus pages in both forms; and on random
//! specs that put each construct at the margin.

use crate::synth;

use crate::common;

use docspec::emit::Files;
use docspec::model::{Body, ExampleTarget};
use std::path::Path;

/// The sources and the example programs generated from `spec_dir`, the
/// quickstart among them (it holds no comment, which prettyplease would drop).
fn generate(spec_dir: &Path) -> Files {
    let generation = docspec::generate::generate(spec_dir, &[], "docspec generate")
        .unwrap_or_else(|errors| panic!("{} does not generate:\n{errors}", spec_dir.display()));
    assert_payloads_verbatim(&generation);
    let examples = docspec::emit::emit_examples(&generation.api, "api", "docspec generate");
    let mut files = generation.files;
    for (path, text) in examples {
        files.insert(Path::new("examples").join(path), text);
    }
    files
}

/// Each example payload is in its operation's tests as on the page: laying
/// out the code around a multi-line literal leaves the literal alone.
fn assert_payloads_verbatim(generation: &docspec::generate::Generation) {
    for service in &generation.api.services {
        for operation in &service.operations {
            let path = Path::new(&service.module).join(format!("{}.rs", operation.module));
            let file = &generation.files[&path];
            for example in &operation.examples {
                // A payload with a carriage return is an escaped string, not a
                // raw one; a request's text is no test (any String is one).
                let tested = match operation.body_of(&example.target) {
                    Some(Body::Text) => example.target != ExampleTarget::Request,
                    Some(Body::Json(_)) => true,
                    None => false,
                };
                if tested && !example.body.contains('\r') {
                    assert!(
                        file.contains(&format!("{}\"", example.body)),
                        "{}: the payload of {} is not kept verbatim:\n{}",
                        path.display(),
                        example.name,
                        example.body
                    );
                }
            }
        }
    }
}

/// The lines that are not blank.
fn printed_lines(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.is_empty()).collect()
}

fn assert_printed_as_prettyplease(files: &Files) {
    assert!(!files.is_empty());
    for (path, text) in files {
        assert!(
            !text.contains('\r'),
            "{}: a doc placeholder was left",
            path.display()
        );
        let tree = syn::parse_file(text)
            .unwrap_or_else(|e| panic!("{} does not parse: {e}\n{text}", path.display()));
        let reprinted = prettyplease::unparse(&tree);
        // The header is a comment, which the syntax tree has not.
        let (header, body) = text.split_once('\n').unwrap();
        assert!(header.starts_with("// @generated"), "{}", path.display());
        let (got, expected) = (printed_lines(body), printed_lines(&reprinted));
        if let Some(at) =
            (0..got.len().max(expected.len())).find(|&i| got.get(i) != expected.get(i))
        {
            panic!(
                "{}: non-blank line {} is {:?}, prettyplease prints {:?}",
                path.display(),
                at + 1,
                got.get(at),
                expected.get(at)
            );
        }
    }
}

#[test]
fn reference_specs_and_feature_fixture() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    assert_printed_as_prettyplease(&generate(&workspace.join("spec")));
    assert_printed_as_prettyplease(&generate(&workspace.join("tests/fixtures/features/spec")));
}

/// The items of the reference page and the feature fixture, which holds
/// every construct, are all laid out by the writer itself: none is left to
/// prettyplease (which would mean a construct, or a width, it does not lay
/// out, and a parse and a print for each such item).
#[test]
fn no_item_of_the_reference_page_or_the_feature_fixture_is_left_to_prettyplease() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for spec_dir in [
        workspace.join("tests/fixtures/reference/spec"),
        workspace.join("tests/fixtures/features/spec"),
    ] {
        let (files, left) = docspec::emit::counting_left_to_prettyplease(|| generate(&spec_dir));
        assert!(!files.is_empty());
        assert_eq!(
            left,
            0,
            "{}: items left to prettyplease",
            spec_dir.display()
        );
    }
}

/// With the runtime reached by another path, short or long enough to push
/// lines past the margin (those items are left to prettyplease), the files
/// are still printed as prettyplease prints them.
#[test]
fn reference_specs_with_other_runtime_paths() {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    for path in [
        "::rt",
        "crate::vendored_dependencies::of_this_crate::the_docspec_runtime_crate_reexported",
    ] {
        let runtime = docspec::emit::RuntimePath::parse(path).expect("a runtime path");
        let generation = docspec::generate::generate_with_runtime(
            &spec,
            &[],
            "docspec generate",
            Some(&runtime),
        )
        .unwrap_or_else(|errors| panic!("the reference specs do not generate:\n{errors}"));
        let lib = &generation.files[Path::new("lib.rs")];
        assert!(lib.contains(&format!("pub use {path}::wire;")), "{lib}");
        assert_printed_as_prettyplease(&generation.files);
    }
}

#[test]
fn synthetic_specs() {
    let specs = synth::TempDir::new("printed-specs").expect("create a temporary spec folder");
    synth::write_specs(specs.path(), 30).expect("write the synthetic specs");
    assert_printed_as_prettyplease(&generate(specs.path()));
}

#[test]
#[cfg(feature = "import")]
#[cfg_attr(
    shared_missing,
    ignore = "../shared/corpus is missing: no corpus page is generated and reprinted"
)]
fn corpus_pages_in_both_forms() {
    let specs = synth::TempDir::new("printed-corpus").expect("create a temporary spec folder");
    if common::import_both_forms(Path::new(common::CORPUS), specs.path()).is_none() {
        println!("skipped: no corpus at {}", common::CORPUS);
        return;
    }
    assert_printed_as_prettyplease(&generate(specs.path()));
}

/// [`generate`] of one spec, `operation` of the service `layout`.
fn generate_spec(operation: &str, spec: &str) -> Files {
    let specs = synth::TempDir::new("printed-layout").expect("create a temporary spec folder");
    let dir = specs.path().join("layout");
    std::fs::create_dir_all(&dir).expect("create the service folder");
    std::fs::write(dir.join(format!("{operation}.yaml")), spec).expect("write the spec");
    generate(specs.path())
}

/// A wire name for the layout test: letters, with the separators and the
/// multibyte letter real pages have (prettyplease measures lines in bytes).
/// Mostly of the lengths that put a member's lines near the margin.
fn wire_name() -> impl proptest::strategy::Strategy<Value = String> {
    let pattern = |p| proptest::string::string_regex(p).expect("a valid pattern");
    proptest::prop_oneof![
        4 => pattern("[a-z][a-z_]{8,20}[a-z]"),
        2 => pattern("[a-z][a-z_:é-]{6,20}[a-z]"),
        1 => pattern("[a-z][a-z_:é-]{0,55}[a-z]"),
    ]
}

/// One row of the layout test: a type phrase and a description with
/// constraints, in the words the docs use.
fn row_type() -> impl proptest::strategy::Strategy<Value = (&'static str, &'static str)> {
    proptest::sample::select(vec![
        ("String", "Text. Minimum: 0 Maximum: 255"),
        ("Integer", "A count. Minimum: -10 Maximum: 65535"),
        ("Boolean", "A switch."),
        ("Array of strings", "Names. Array Length: 1 - 200"),
        ("Map<String,Object>", "Free-form settings."),
        ("Array of Map<String,Object>", "A list of settings."),
        (
            "Array of Item objects",
            "Nested items. Array Length: 0 - 20",
        ),
    ])
}

/// A spec with one request body of `fields` (wire name, mandatory, type
/// phrase, description) whose nested objects are named `object`.
fn layout_spec(object: &str, fields: &[(String, bool, &str, &str)]) -> String {
    let rows = |indent: &str| {
        fields
            .iter()
            .enumerate()
            .map(|(i, (wire, mandatory, ty, description))| {
                let ty = ty.replace("Item", object);
                let mandatory = if *mandatory { "Yes" } else { "No" };
                format!(
                    "{indent}- parameter: '{wire}{i}'\n{indent}  mandatory: {mandatory}\n{indent}  type: '{ty}'\n{indent}  description: '{description}'\n"
                )
            })
            .collect::<String>()
    };
    let columns = "  columns:\n  - Parameter\n  - Mandatory\n  - Type\n  - Description\n";
    format!(
        "service: layout\noperation: CreateThing\ntitle: Creating a thing\nmethod: POST\npath: /v1/{{project_id}}/things\ntables:\n\
         - role: request-body\n{columns}  rows:\n{}\
         - role: object\n  name: {object}\n  side: request\n{columns}  rows:\n{}",
        rows("  "),
        rows("  "),
    )
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(256))]

    /// The writer's layout rules at the margin: names and types of every
    /// length around it, each reprinted by prettyplease.
    #[test]
    fn layout_at_the_margin(
        object in proptest::string::string_regex("[A-Z][a-z]{2,40}").expect("a valid pattern"),
        fields in proptest::collection::vec((wire_name(), proptest::bool::ANY, row_type()), 1..12),
    ) {
        let fields: Vec<_> = fields
            .into_iter()
            .map(|(wire, mandatory, (ty, description))| (wire, mandatory, ty, description))
            .collect();
        assert_printed_as_prettyplease(&generate_spec("CreateThing", &layout_spec(&object, &fields)));
    }
}

/// A spec whose request body has one field, `wire`, of the string
/// enumeration `values`.
fn enum_spec(wire: &str, values: &[String]) -> String {
    let list: String = values.iter().map(|v| format!("\\n- {v}")).collect();
    let columns = "  columns:\n  - Parameter\n  - Mandatory\n  - Type\n  - Description\n";
    format!(
        "service: layout\noperation: PickThing\ntitle: Picking a thing\nmethod: POST\npath: /v1/things\ntables:\n\
         - role: request-body\n{columns}  rows:\n  - parameter: '{wire}'\n    mandatory: Yes\n    type: String\n    description: \"The kind.\\nEnumeration values:{list}\"\n",
    )
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(128))]

    /// Enumerations at the margin: match arms of every width around it,
    /// and value lists that fit a line or just do not.
    #[test]
    fn enums_at_the_margin(
        wire in proptest::string::string_regex("[a-z][a-z_]{2,40}[a-z]").expect("a valid pattern"),
        values in proptest::collection::btree_map(
            proptest::string::string_regex("[a-z]{1,3}").expect("a valid pattern"),
            proptest::prop_oneof![
                // Long enough for arms near the margin.
                proptest::string::string_regex("[a-z][a-z_]{0,45}[a-z]").expect("a valid pattern"),
                // Short, for a list of values near the margin.
                proptest::string::string_regex("[a-z]{1,5}").expect("a valid pattern"),
            ],
            1..8,
        ),
    ) {
        // Values made distinct by their first letters, so that no two make the same variant.
        let values: Vec<String> = values.into_iter().map(|(key, value)| format!("{key}_{value}")).collect();
        let files = generate_spec("PickThing", &enum_spec(&wire, &values));
        let operation = files.get(Path::new("layout/pick_thing.rs")).expect("the operation's file");
        proptest::prop_assert!(operation.contains("pub enum "), "{operation}");
        assert_printed_as_prettyplease(&files);
    }
}

/// A spec with path, query and header parameters: `query` and `headers`
/// as (wire name, mandatory, type phrase), with a path parameter named
/// `path` and a secret of each kind among them.
fn parameters_spec(
    path: &str,
    query: &[(String, bool, &str)],
    headers: &[(String, bool, &str)],
) -> String {
    let columns = "  columns:\n  - Parameter\n  - Mandatory\n  - Type\n  - Description\n";
    let rows = |params: &[(String, bool, &str)], secret: &str| {
        params
            .iter()
            .map(|(wire, mandatory, ty)| (wire.as_str(), *mandatory, *ty))
            .chain([(secret, false, "String")])
            .enumerate()
            .map(|(i, (wire, mandatory, ty))| {
                let mandatory = if mandatory { "Yes" } else { "No" };
                // Distinct names, a number in the middle keeps a header name a header name.
                let wire = if i == 0 || wire == secret { wire.to_owned() } else { wire.replacen('-', &format!("{i}-"), 1) + &i.to_string() };
                format!("  - parameter: '{wire}'\n    mandatory: {mandatory}\n    type: '{ty}'\n    description: 'A value.'\n")
            })
            .collect::<String>()
    };
    format!(
        "service: layout\noperation: ListThings\ntitle: Listing things\nmethod: GET\npath: /v1/{{{path}}}/things\ntables:\n\
         - role: path-parameters\n{columns}  rows:\n  - parameter: '{path}'\n    mandatory: Yes\n    type: String\n    description: 'The project.'\n\
         - role: query-parameters\n{columns}  rows:\n{}\
         - role: header-parameters\n{columns}  rows:\n{}",
        rows(query, "session_token"),
        rows(headers, "X-Session-Token"),
    )
}

fn parameter_type() -> impl proptest::strategy::Strategy<Value = &'static str> {
    proptest::sample::select(vec!["String", "Integer", "Boolean", "Array of strings"])
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(96))]

    /// Requests at the margin: path segments, query and header parameters
    /// of every length around it, secrets and lists among them.
    #[test]
    fn requests_at_the_margin(
        path in proptest::string::string_regex("[a-z][a-z_]{0,50}[a-z]").expect("a valid pattern"),
        query in proptest::collection::vec((wire_name(), proptest::bool::ANY, parameter_type()), 1..5),
        headers in proptest::collection::vec((
            proptest::string::string_regex("X(-[A-Z][a-z]{1,14}){1,4}").expect("a valid pattern"),
            proptest::bool::ANY,
            parameter_type(),
        ), 1..5),
    ) {
        let files = generate_spec("ListThings", &parameters_spec(&path, &query, &headers));
        let operation = files.get(Path::new("layout/list_things.rs")).expect("the operation's file");
        proptest::prop_assert!(operation.contains("pub struct HeaderParameters"), "{operation}");
        assert_printed_as_prettyplease(&files);
    }
}

/// A spec whose request body has the integer `wire`, with an example that
/// gives it a string: a contradiction at `/wire`.
fn examples_spec(wire: &str) -> String {
    let columns = "  columns:\n  - Parameter\n  - Mandatory\n  - Type\n  - Description\n";
    format!(
        "service: layout\noperation: PutThing\ntitle: Putting a thing\nmethod: PUT\npath: /v1/things\ntables:\n\
         - role: request-body\n{columns}  rows:\n\
         \x20 - parameter: '{wire}'\n    mandatory: No\n    type: Integer\n    description: 'A count.'\n\
         examples:\n\
         - kind: request\n  body: |-\n    {{ \"{wire}\": \"many\" }}\n",
    )
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(64))]

    /// Example tests at the margin: the contradiction's JSON path of every
    /// length around it.
    #[test]
    fn example_tests_at_the_margin(
        wire in proptest::prop_oneof![
            // Short: a path that just fits beside the message, or just not.
            proptest::string::string_regex("[a-z]{2,8}").expect("a valid pattern"),
            proptest::string::string_regex("[a-z][a-z_]{0,60}[a-z]").expect("a valid pattern"),
        ],
    ) {
        let files = generate_spec("PutThing", &examples_spec(&wire));
        let operation = files.get(Path::new("layout/put_thing.rs")).expect("the operation's file");
        proptest::prop_assert!(operation.contains("ExampleCheck::Decode(error)"), "{operation}");
        assert_printed_as_prettyplease(&files);
    }
}

/// `Response` at the margin: every status with a reason phrase, whose
/// variants are the longest names (`NonAuthoritativeInformation`), and one
/// without, each once with a JSON body and once with a text body, in two
/// operations, reprinted by prettyplease.
#[test]
fn responses_of_every_status() {
    const STATUSES: [u16; 40] = [
        200, 201, 202, 203, 204, 206, 300, 301, 302, 303, 304, 307, 308, 400, 401, 402, 403, 404,
        405, 406, 408, 409, 410, 411, 412, 413, 414, 415, 416, 422, 423, 424, 428, 429, 499, 500,
        501, 502, 503, 504,
    ];
    let specs = synth::TempDir::new("printed-statuses").expect("create a temporary spec folder");
    let dir = specs.path().join("statuses");
    std::fs::create_dir_all(&dir).expect("create the service folder");
    for (operation, json) in [("ShowThing", 0), ("ShowOther", 1)] {
        let mut spec = format!(
            "service: statuses\noperation: {operation}\ntitle: Showing a thing\nmethod: GET\npath: /v1/things\ntables:\n"
        );
        for status in STATUSES.iter().skip(json).step_by(2) {
            spec.push_str(&format!(
                "- role: response-body\n  status: {status}\n  columns: [Parameter, Type, Description]\n  rows:\n  - parameter: error_code\n    type: String\n    description: The code.\n"
            ));
        }
        spec.push_str("status_codes:\n");
        for status in STATUSES {
            spec.push_str(&format!(
                "- status: {status}\n  description: What {status} means here.\n"
            ));
        }
        std::fs::write(dir.join(format!("{operation}.yaml")), spec).expect("write the spec");
    }
    let files = generate(specs.path());
    let file = |name: &str| {
        files
            .iter()
            .find(|(path, _)| path.ends_with(format!("statuses/{name}.rs")))
            .map(|(_, text)| text.as_str())
            .unwrap_or_else(|| panic!("{name}.rs is not generated"))
    };
    // The longest variant with a text body, and with a JSON one.
    assert!(file("show_other").contains("    NonAuthoritativeInformation(Box<"));
    assert!(file("show_thing").contains("    NonAuthoritativeInformation(String),"));
    assert_printed_as_prettyplease(&files);
}
