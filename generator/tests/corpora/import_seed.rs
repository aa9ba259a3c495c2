//! The seed page (`shared/seed/ExportConsistencyResults.txt`) imported
//! against its committed spec (`spec/sms/ExportConsistencyResults.yaml`),
//! which was written by hand in the importer's layout. The page refers to a
//! `BatchConsistencyReq` table it does not have: a fresh import infers it
//! from the request example, the committed spec has it added by hand.
#![cfg(feature = "import")]

use docspec::import::{import_page, merge_hand_edits, ImportOptions, Imported};
use docspec::spec::{self, Row, Scalar, Spec, Table, TableRole};
use std::path::{Path, PathBuf};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/seed/ExportConsistencyResults.txt"
);
const COMMITTED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../spec/sms/ExportConsistencyResults.yaml"
);

/// The fresh import, or `None` (with a note) when the seed is not there.
fn import_seed() -> Option<Imported> {
    let path = PathBuf::from(SEED);
    let Ok(bytes) = std::fs::read(&path) else {
        println!(
            "skipped: no seed page at {} (test data outside the repository)",
            path.display()
        );
        return None;
    };
    let options = ImportOptions {
        service: "sms".to_owned(),
        operation: None,
    };
    match import_page(&path, &bytes, &options) {
        Ok(imported) => Some(imported),
        Err(diagnostics) => panic!("the seed does not import:\n{diagnostics}"),
    }
}

fn committed() -> Spec {
    spec::load_file(Path::new(COMMITTED))
        .expect("the committed seed spec loads")
        .spec
}

fn is_batch_consistency_req(table: &Table) -> bool {
    table.name.as_deref() == Some("BatchConsistencyReq")
}

fn without_batch_consistency_req(mut spec: Spec) -> Spec {
    spec.tables.retain(|t| !is_batch_consistency_req(t));
    spec
}

#[test]
#[cfg_attr(
    shared_missing,
    ignore = "../shared/seed is missing: the seed page is not imported"
)]
fn a_fresh_import_equals_the_committed_spec_but_for_the_missing_table() {
    let Some(imported) = import_seed() else {
        return;
    };
    let committed = committed();
    assert!(committed
        .tables
        .iter()
        .any(|t| is_batch_consistency_req(t) && t.added_by_hand.is_some()));
    assert_eq!(
        without_batch_consistency_req(imported.spec.clone()),
        without_batch_consistency_req(committed)
    );

    // The missing table is inferred from the request example, and said so.
    let inferred = imported
        .spec
        .tables
        .iter()
        .find(|t| is_batch_consistency_req(t))
        .unwrap();
    assert_eq!(inferred.role, TableRole::Object);
    assert!(inferred
        .inferred
        .as_deref()
        .unwrap()
        .contains("no table on the page"));
    let rows: Vec<(&str, &str, Option<&str>)> = inferred
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
    assert_eq!(
        rows,
        [
            ("source_id", "String", None),
            ("source_name", "String", None),
            ("task_id", "String", None)
        ]
    );
    let warning = imported
        .diagnostics
        .iter()
        .find(|d| d.message.contains("BatchConsistencyReq"))
        .unwrap();
    assert_eq!(
        (warning.location.line, warning.row.as_deref()),
        (15, Some("task_info"))
    );
    assert!(!imported.diagnostics.has_errors());

    // The YAML says so above the table, and still reads back to the same spec.
    assert!(imported
        .yaml
        .contains("# inferred: `BatchConsistencyReq` is referred to but has no table on the page"));
    let reread = spec::parse_str(Path::new("seed.yaml"), &imported.yaml)
        .unwrap()
        .spec;
    assert_eq!(reread, imported.spec);
}

#[test]
#[cfg_attr(
    shared_missing,
    ignore = "../shared/seed is missing: the seed page is not imported"
)]
fn reimporting_over_the_committed_spec_gives_it_back_exactly() {
    let Some(imported) = import_seed() else {
        return;
    };
    let merged = merge_hand_edits(imported.spec, &committed());
    assert_eq!(merged, committed());
    let text = std::fs::read_to_string(COMMITTED).unwrap();
    assert_eq!(merged.to_yaml(), text);
}

#[test]
#[cfg_attr(
    shared_missing,
    ignore = "../shared/seed is missing: the seed page is not imported"
)]
fn reimporting_keeps_hand_made_corrections_and_additions() {
    let Some(imported) = import_seed() else {
        return;
    };
    let mut existing = committed();
    let body = existing
        .tables
        .iter_mut()
        .find(|t| t.role == TableRole::RequestBody)
        .unwrap();
    body.rows[0].max_items = Some(Scalar::from("100"));
    body.rows[0].note = Some("The service rejects more than 100.".to_owned());
    body.note = Some("Checked against the live API.".to_owned());
    let forbidden = existing
        .tables
        .iter_mut()
        .find(|t| t.role == TableRole::ResponseBody && t.status == Some(403))
        .unwrap();
    let mut added = Row::new("request_id", None, "String", "The request ID.");
    added.added_by_hand = Some("Returned by the service, missing on the page.".to_owned());
    forbidden.rows.insert(2, added.clone());

    let merged = merge_hand_edits(imported.spec, &existing);
    assert_eq!(merged, existing);
    let body = merged
        .tables
        .iter()
        .find(|t| t.role == TableRole::RequestBody)
        .unwrap();
    assert_eq!(body.rows[0].max_items, Some(Scalar::from("100")));
    assert_eq!(body.note.as_deref(), Some("Checked against the live API."));
    let forbidden = merged
        .tables
        .iter()
        .find(|t| t.status == Some(403) && t.role == TableRole::ResponseBody)
        .unwrap();
    assert_eq!(forbidden.rows[2], added);
}

#[test]
#[cfg_attr(
    shared_missing,
    ignore = "../shared/seed is missing: the seed page is not imported"
)]
fn a_changed_page_text_wins_over_the_old_text() {
    let Some(imported) = import_seed() else {
        return;
    };
    let mut existing = committed();
    let header = existing
        .tables
        .iter_mut()
        .find(|t| t.role == TableRole::HeaderParameters)
        .unwrap();
    header.rows[1].description = "An older wording.".to_owned();
    header.rows[1].default = Some(Scalar::from("en-us"));
    let merged = merge_hand_edits(imported.spec, &existing);
    let header = merged
        .tables
        .iter()
        .find(|t| t.role == TableRole::HeaderParameters)
        .unwrap();
    assert_eq!(
        header.rows[1].description,
        "The preferred language. Select English."
    );
    assert_eq!(header.rows[1].default, Some(Scalar::from("en-us")));
}

mod mangled {
    use super::*;
    use proptest::prelude::*;

    /// Byte edits at random places, then a cut: torn tables, unbalanced
    /// JSON, stray pipes and tags, broken UTF-8.
    fn edits() -> impl Strategy<Value = (Vec<(prop::sample::Index, u8, u8)>, prop::sample::Index)> {
        (
            proptest::collection::vec((any::<prop::sample::Index>(), 0..3u8, any::<u8>()), 0..10),
            any::<prop::sample::Index>(),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        #[cfg_attr(shared_missing, ignore = "../shared/seed is missing: the seed page is not mangled and imported")]
        fn import_never_panics_on_a_mangled_seed((edits, cut) in edits()) {
            let Ok(mut bytes) = std::fs::read(SEED) else { return Ok(()) };
            for (at, kind, byte) in edits {
                let at = at.index(bytes.len() + 1);
                match kind {
                    0 if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    1 => bytes.insert(at, b"{}[]\"|\n "[usize::from(byte) % 8]),
                    _ => bytes.insert(at, byte),
                }
            }
            bytes.truncate(cut.index(bytes.len() + 1));
            let options = ImportOptions { service: "sms".to_owned(), operation: None };
            if let Ok(imported) = import_page(Path::new("Mangled.txt"), &bytes, &options) {
                prop_assert!(!imported.diagnostics.has_errors());
            }
        }
    }
}
