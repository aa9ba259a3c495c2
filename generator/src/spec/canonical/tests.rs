//! The layout reader against the general loader (serde_yaml for values,
//! yaml-rust2 for positions): wherever it reads a text, both must agree on
//! every value and every position.

use super::read;
use crate::spec::{parse_str, SourceMap, UncapturedCode};
use crate::spec::{Example, ExampleKind, Row, Scalar, Side, Spec, StatusCode, Table, TableRole};
use proptest::prelude::*;
use std::path::Path;

/// Whether the layout reader reads `text`; panics where it disagrees with the general loader.
fn agrees(text: &str) -> bool {
    let Some((spec, positions)) = read(text) else {
        return false;
    };
    match serde_yaml::from_str::<Spec>(text) {
        Ok(general) => assert_eq!(spec, general, "values differ for:\n{text}"),
        Err(e) => panic!("the general loader rejects what the layout reader read ({e}):\n{text}"),
    }
    let (read, built) = (
        SourceMap::read(positions).all(),
        SourceMap::build(text).all(),
    );
    let mut differences: Vec<String> = built
        .iter()
        .filter(|(pointer, position)| read.get(*pointer) != Some(position))
        .map(|(pointer, position)| {
            format!("{pointer}: {position:?} read as {:?}", read.get(pointer))
        })
        .chain(
            read.iter()
                .filter(|(pointer, _)| !built.contains_key(*pointer))
                .map(|(pointer, position)| format!("{pointer}: {position:?} read, not built")),
        )
        .collect();
    differences.sort();
    assert!(
        differences.is_empty(),
        "positions differ: {differences:#?}\nin:\n{text}"
    );
    true
}

fn sample() -> Spec {
    let mut row = Row::new(
        "name",
        Some("Yes".into()),
        "String",
        "The name.\nSecond line.",
    );
    row.min = Some(Scalar::from("1"));
    row.max = Some(Scalar::from("64"));
    row.enum_values = Some(vec!["a".into(), "01".into(), "1.50".into(), "-3".into()]);
    row.default = Some(Scalar::from("a"));
    row.note = Some("it's 'quoted'".into());
    let mut empty_rows = Table {
        role: TableRole::Object,
        name: Some("Empty".into()),
        status: None,
        side: Some(Side::Response),
        caption: None,
        columns: vec![],
        added_by_hand: None,
        inferred: Some("guessed: the rows".into()),
        note: None,
        rows: vec![],
    };
    let table = Table {
        role: TableRole::RequestBody,
        name: None,
        status: None,
        side: None,
        caption: Some("Table 2 Request body parameters".into()),
        columns: vec!["Parameter".into(), "Type".into()],
        added_by_hand: None,
        inferred: None,
        note: None,
        rows: vec![
            row,
            Row::new("count", None, "Integer", "Count: 0 to 10 # not a comment"),
            Row::new("-", None, "Array of [Tag]", ""),
        ],
    };
    empty_rows.status = Some(200);
    Spec {
        service: "sms".into(),
        operation: "CreateThing".into(),
        title: "Creating a Thing".into(),
        summary: Some("  leading spaces, and a tab\there".into()),
        method: "POST".into(),
        path: "/v3/{project_id}/things".into(),
        source: Some("null".into()),
        chapter: Some("true".into()),
        chapter_order: Some(7),
        tables: vec![table, empty_rows],
        examples: vec![Example {
            kind: ExampleKind::Request,
            status: None,
            description: Some("".into()),
            request_line: Some("POST https://{endpoint}/v3/things".into()),
            body: Some("{\n  \"name\": \"x\",\n\n  \"list\": [1, 2]\n}\n".into()),
        }],
        status_codes: vec![StatusCode {
            status: 200,
            description: "OK".into(),
        }],
        uncaptured_code: vec![UncapturedCode {
            line: 12,
            heading: None,
            reason: "not JSON".into(),
            code: "curl -X POST \\\n  https://x".into(),
        }],
    }
}

#[test]
fn reads_what_the_importer_writes() {
    let spec = sample();
    let text = spec.to_yaml();
    assert!(agrees(&text), "{text}");
    assert_eq!(read(&text).unwrap().0, spec);
    let commented = crate::import::commented_yaml(&spec);
    assert!(commented.contains("# inferred"), "{commented}");
    assert!(agrees(&commented), "{commented}");
}

#[test]
fn positions_of_tables_rows_and_cells() {
    let text = "service: sms\ntables:\n  - role: object\n    rows:\n      - parameter: a\n        type: String\n      - parameter: b\n        type: Integer\n";
    let (_, positions) = read(&format!(
        "{text}operation: X\ntitle: T\nmethod: GET\npath: /\n"
    ))
    .expect("in the layout");
    let map = SourceMap::read(positions);
    assert_eq!(map.table(0), (3, 5));
    assert_eq!(map.row(0, 1), (7, 9));
    assert_eq!(map.position("/tables/0/rows/1/type"), (8, 15));
    assert_eq!(map.position("/tables/0/rows/1/description"), (7, 9));
    assert_eq!(map.position("/tables/0/rows/01"), (5, 7));
    assert_eq!(map.position("/tables/9"), (3, 3));
    assert_eq!(map.position(""), (1, 1));
    assert_eq!(map.position("tables"), (1, 1));
}

const HEAD: &str = "service: s\noperation: O\ntitle: T\nmethod: GET\npath: /\n";

/// Texts the layout reader leaves to the general loader (which reads or rejects them).
#[test]
fn leaves_everything_else_to_the_general_loader() {
    for rest in [
        "summary: a\n  continued\n",
        "summary: 'a\n  b'\n",
        "summary: \"a\\\n  b\"\n",
        "summary: >\n  folded\n",
        "summary: |+\n  kept\n\n",
        "summary: |2-\n   indented\n",
        "summary: &a x\nsource: *a\n",
        "summary: !!str x\n",
        "summary: x # comment\n",
        "summary: 'x' # comment\n",
        "summary:\n",
        "summary: {}\n",
        "tables: [{role: object}]\n",
        "summary: a: b\n",
        "summary: x\nsummary: y\n",
        "summary:\tx\n",
        "summary: x\r\n",
        "status_codes:\n- status: '200'\n  description: OK\n",
        "status_codes:\n-\n  status: 200\n",
        "tables:\n- role: object\n  rows:\n  - parameter: a\n    type: T\n    min: ~\n    max:\n",
        "unknown: x\n",
        "---\nsummary: x\n",
        "summary: x\n...\n",
        "summary: |-\n\n  after an empty line\n",
        "summary: |-\n  \tx\n",
        "summary: \"\\q\"\n",
        "summary: \"\\ud800\"\n",
        "summary: x\u{85}y\n",
        "summary: x\u{2028}y\n",
        "summary: x\u{1}y\n",
    ] {
        let text = format!("{HEAD}{rest}");
        assert!(!agrees(&text), "read:\n{text}");
    }
    assert!(!agrees(&format!("\u{feff}{HEAD}")));
    assert!(!agrees(""));
    assert!(!agrees("- a\n"));
}

/// Texts in the layout that are easy to get wrong, each as serde_yaml reads it.
#[test]
fn edge_cases_of_the_layout() {
    // Read by the layout reader, as serde_yaml reads them.
    for rest in [
        "summary: 'it''s'\n",
        "summary: ''\n",
        "summary: \"tab\\there \\u00e9 \\x41 \\U0001F600 \\\\ \\\" \\/ \\N\\_\\L\\P\\0\\a\\b\\e\\f\\v\\r\\ \"\n",
        "summary: \"\"\n",
        "summary: |-\n  a\n\n   b\n  c\n\n\n",
        "summary: |\n  a\n  b\n\n",
        "summary: |\n  no final line break",
        "summary: |-  \n    deeper\n",
        "summary:    spaced   \n",
        "summary: null\nsource: ~\nchapter: 'null'\n",
        "summary: -x\nsource: a:b\nchapter: a#b\n",
        "summary: 中文 é\u{a0}\n",
        "chapter_order: 0x1F\n",
        "chapter_order: 0o17\n",
        "chapter_order: +5\n",
        "tables: []\n",
        "tables:\n  - role: object\n    rows: []\n",
        "tables:\n-   role: object\n    rows:\n    -   parameter: a\n        type: T\n",
        "tables:\n- role: object\n  rows:\n  - parameter: a\n    type: T\n    min: ''\n",
        "# a comment\nsummary: x\n# another\n\n",
        "summary: x\n  # indented comment\n",
        "examples:\n- kind: response\n  status: 200\n  body: |-\n    {\n      \"a\": 1\n    }\n# after\n- kind: request\n  body: |-\n    x\n",
        "examples:\n- kind: 'request'\n  body: |-\n   x\n   y\n",
        "uncaptured_code:\n- line: 3\n  reason: r\n  code: |-\n    a\n     \tb\n",
    ] {
        let text = format!("{HEAD}{rest}");
        assert!(agrees(&text), "the layout reader declines:\n{text}");
    }
    // Left to the general loader: numbers YAML 1.1 and 1.2 read otherwise
    // (a leading zero, a value past `u32`, `yes`), an example kind that is
    // not one of the spec's.
    for rest in [
        "chapter_order: 012\n",
        "chapter_order: 4294967296\n",
        "examples:\n- kind: Request\n",
        "tables:\n- role: object\n  rows:\n  - parameter: a\n    type: T\n    min: 1.50\n    max: 1e3\n    default: True\n    enum:\n    - .inf\n    - 0x10\n    - -0x10\n    - 012\n    - +1\n    - 99999999999999999999999\n    - -9\n    - yes\n",
    ] {
        let text = format!("{HEAD}{rest}");
        assert!(!agrees(&text), "the layout reader reads:\n{text}");
        assert_loaded_the_general_way(&text);
    }
}

/// The loader's reading of a text the layout reader declines: serde_yaml's.
fn assert_loaded_the_general_way(text: &str) {
    let loaded = parse_str(Path::new("edited.yaml"), text)
        .ok()
        .map(|l| l.spec);
    assert_eq!(loaded, serde_yaml::from_str::<Spec>(text).ok(), "{text}");
}

/// Characters and words that mean something to YAML, to build values of.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "a", "Z", "0", "1", "07", "x1", " ", "  ", "\n", "\n\n", ":", ": ", "#", " #", "'", "\"",
        "-", "- ", "|", ">", "[", "]", "{", "}", ",", "&", "*", "!", "%", "@", "`", "\t", "\\",
        "~", "null", "true", "True", "1.5", "1e3", ".inf", "0x1F", "+", "é", "中", "\u{a0}",
        "\u{85}", "\u{2028}", "\u{feff}", "\u{1}", "\r", "---", "...", "?", "<<",
    ])
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..8).prop_map(|pieces| pieces.concat())
}

fn scalar() -> impl Strategy<Value = Scalar> {
    text().prop_map(Scalar)
}

fn row() -> impl Strategy<Value = Row> {
    (
        text(),
        prop::option::of(text()),
        text(),
        text(),
        prop::option::of(scalar()),
        prop::option::of(prop::collection::vec(scalar(), 0..3)),
        prop::option::of(text()),
    )
        .prop_map(
            |(parameter, mandatory, type_, description, min, enum_values, note)| {
                let mut row = Row::new(parameter, mandatory, type_, description);
                row.min = min;
                row.enum_values = enum_values;
                row.note = note;
                row
            },
        )
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        text(),
        prop::option::of(text()),
        prop::option::of(any::<u32>()),
        prop::collection::vec(
            (prop::option::of(text()), prop::collection::vec(row(), 0..3)),
            0..3,
        ),
        prop::option::of(text()),
    )
        .prop_map(|(title, summary, chapter_order, tables, body)| {
            let mut spec = sample();
            spec.title = title;
            spec.summary = summary;
            spec.chapter_order = chapter_order;
            spec.tables = tables
                .into_iter()
                .map(|(name, rows)| Table {
                    name,
                    rows,
                    ..spec.tables[0].clone()
                })
                .collect();
            spec.examples[0].body = body;
            spec
        })
}

/// An edit of a text: a piece inserted, a range removed, or a line's indentation changed.
#[derive(Debug, Clone)]
enum Edit {
    Insert(prop::sample::Index, &'static str),
    Remove(prop::sample::Index, usize),
    Indent(prop::sample::Index, bool),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<prop::sample::Index>(), piece()).prop_map(|(at, piece)| Edit::Insert(at, piece)),
        (any::<prop::sample::Index>(), 1..4usize).prop_map(|(at, n)| Edit::Remove(at, n)),
        (any::<prop::sample::Index>(), any::<bool>()).prop_map(|(at, more)| Edit::Indent(at, more)),
    ]
}

fn apply(text: &str, edit: &Edit) -> String {
    let boundaries: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    match edit {
        Edit::Insert(at, piece) => {
            let at = *at.get(&boundaries);
            format!("{}{piece}{}", &text[..at], &text[at..])
        }
        Edit::Remove(at, n) => {
            let i = at.index(boundaries.len());
            let end = boundaries[(i + n).min(boundaries.len() - 1)];
            format!("{}{}", &text[..boundaries[i]], &text[end..])
        }
        Edit::Indent(at, more) => {
            let lines: Vec<&str> = text.split('\n').collect();
            let line = at.index(lines.len());
            let mut lines: Vec<String> = lines.into_iter().map(str::to_owned).collect();
            if *more {
                lines[line].insert(0, ' ');
            } else if lines[line].starts_with(' ') {
                lines[line].remove(0);
            }
            lines.join("\n")
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Whatever the values, what the layout reader reads of the importer's YAML is what serde_yaml reads.
    #[test]
    fn agrees_on_written_specs(spec in spec()) {
        let text = spec.to_yaml();
        // Read either way, the loader gives back what was written.
        if agrees(&text) {
            prop_assert_eq!(read(&text).unwrap().0, spec);
        } else {
            let loaded = parse_str(Path::new("written.yaml"), &text).map(|l| l.spec);
            prop_assert_eq!(loaded.ok(), Some(spec));
        }
    }

    /// Edited by hand, badly: where the layout reader still reads the text, it reads what serde_yaml reads.
    #[test]
    fn agrees_on_edited_specs(edits in prop::collection::vec(edit(), 1..5)) {
        let mut text = sample().to_yaml();
        for edit in &edits {
            text = apply(&text, edit);
        }
        // Where the layout reader reads the text, `agrees` compared it with
        // serde_yaml; where it declines, the loader reads it the general way.
        if !agrees(&text) {
            assert_loaded_the_general_way(&text);
        }
    }
}

/// Every spec at hand: the repository's, and those in the folders of
/// `DOCSPEC_SPEC_DIRS` (separated by `:`), e.g. whole_service.sh's imports.
#[test]
fn agrees_on_every_spec_at_hand() {
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec")];
    if let Ok(extra) = std::env::var("DOCSPEC_SPEC_DIRS") {
        dirs.extend(extra.split(':').map(Into::into));
    }
    let (mut read, mut total) = (0, 0);
    for dir in dirs {
        let mut files = Vec::new();
        let _ = super::super::load::collect(&dir, &mut files, &mut Vec::new());
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            total += 1;
            if agrees(&text) {
                read += 1;
            } else {
                eprintln!("left to the general loader: {}", file.display());
            }
        }
    }
    eprintln!("{read} of {total} specs read by the layout reader");
    assert!(total > 0 && read * 10 >= total * 9, "{read} of {total}");
}
