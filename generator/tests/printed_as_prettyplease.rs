//! Generated sources are exactly what prettyplease prints for their syntax
//! tree (blank lines between items aside, which docspec adds): the
//! generator prints some parts without prettyplease (cached structs, doc
//! lines given back their text after printing, see `emit::doc_lines`), and
//! this checks that it prints them as prettyplease would. On the reference
//! specs, the feature fixture, synthetic specs and, where `../shared` is
//! there, the corpus pages in both forms.

#[path = "../benches/synth/mod.rs"]
mod synth;

pub mod common;

use docspec::emit::Files;
use std::path::Path;

fn generate(spec_dir: &Path) -> Files {
    docspec::generate::generate(spec_dir, &[], "docspec generate")
        .unwrap_or_else(|errors| panic!("{} does not generate:\n{errors}", spec_dir.display()))
        .files
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
        let specs = synth::TempDir::new("printed-layout").expect("create a temporary spec folder");
        let dir = specs.path().join("layout");
        std::fs::create_dir_all(&dir).expect("create the service folder");
        std::fs::write(dir.join("CreateThing.yaml"), layout_spec(&object, &fields)).expect("write the spec");
        assert_printed_as_prettyplease(&generate(specs.path()));
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
