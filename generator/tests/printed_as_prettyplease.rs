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
