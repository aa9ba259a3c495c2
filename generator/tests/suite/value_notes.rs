//! A qualifier in brackets after an enumeration value (`NS (only in public
//! zones)`, `SATA(End-of-sale)`): the value stays documented, the note goes
//! into the model and into the value's doc comment.

use docspec::emit::emit;
use docspec::resolve::resolve;
use docspec::spec::parse_str;
use std::path::Path;

/// Two rows whose values carry notes in brackets.
const ROWS: &str = "  - parameter: type
    type: String
    description: 'Record type. The value can be A, NS (only in public zones), or PTR (only in private zones).'
  - parameter: disk
    type: String
    description: \"Disk type. Options:\\n- SSD\\n- SATA(End-of-sale)\"
";

#[test]
fn notes_reach_the_model_and_the_docs() {
    let spec = crate::spec_errors::spec_with_rows(ROWS);
    let loaded = parse_str(Path::new("spec/demo/Demo.yaml"), &spec).expect("the spec loads");
    let resolved = resolve(&[loaded]).expect("the spec resolves");
    let operation = &resolved.api.services[0].operations[0];
    let notes: Vec<(&str, Option<&str>)> = operation
        .enums
        .iter()
        .flat_map(|e| e.variants.iter())
        .map(|v| (v.wire.as_str(), v.note.as_deref()))
        .collect();
    assert_eq!(
        notes,
        [
            ("A", None),
            ("NS", Some("only in public zones")),
            ("PTR", Some("only in private zones")),
            ("SSD", None),
            ("SATA", Some("End-of-sale")),
        ]
    );
    let files = emit(&resolved.api, "test");
    let code = files
        .iter()
        .find(|(path, _)| path.ends_with("demo.rs"))
        .map(|(_, code)| code.as_str())
        .expect("the operation's file");
    assert!(code.contains("/// `NS` (only in public zones)"), "{code}");
    assert!(code.contains("/// `SATA` (End-of-sale)"), "{code}");
    assert!(code.contains("/// `A`\n"), "{code}");
}
