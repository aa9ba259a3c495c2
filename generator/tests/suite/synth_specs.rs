//! The spec synthesizer of the generation benchmark: its specs must generate
//! without errors or warnings, and the same specs must give the same bytes
//! every time, else the benchmark would measure failures or noise.

use crate::synth;

use docspec::emit::Files;
use docspec::generate::{generate, write_files};
use std::path::{Path, PathBuf};

const OPERATIONS: usize = 5;

/// Synthesizes `operations` specs in a folder of their own and generates them.
fn synthesize_and_generate(operations: usize) -> Files {
    let specs = synth::TempDir::new("test-specs").expect("create a temporary spec folder");
    synth::write_specs(specs.path(), operations).expect("write the synthetic specs");
    let generation =
        generate(specs.path(), &[], "docspec generate").unwrap_or_else(|errors| panic!("{errors}"));
    assert!(
        generation.warnings.is_empty(),
        "the synthetic specs should read as intended, without warnings:\n{}",
        generation.warnings
    );
    generation.files
}

#[test]
fn synthesized_specs_generate_without_errors_or_warnings() {
    let files = synthesize_and_generate(OPERATIONS);
    let operations = files
        .keys()
        .filter(|path| path.parent() != Some(Path::new("")))
        .count();
    assert_eq!(
        operations,
        OPERATIONS,
        "one source file per operation: {:?}",
        files.keys()
    );
    assert!(files.contains_key(&PathBuf::from("lib.rs")));
}

#[test]
fn generation_is_deterministic() {
    // Two syntheses into different folders: the synthesizer and the
    // generator must both be deterministic, and the output independent of
    // where the specs are.
    let first = synthesize_and_generate(OPERATIONS);
    let second = synthesize_and_generate(OPERATIONS);
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, content) in &first {
        assert!(
            second[path] == *content,
            "{} differs between two generations",
            path.display()
        );
    }
}

#[test]
fn written_sources_are_the_generated_ones() {
    let files = synthesize_and_generate(OPERATIONS);
    let out = synth::TempDir::new("test-out").expect("create a temporary output folder");
    write_files(out.path(), &files).expect("write the generated sources");
    for (path, content) in &files {
        let written =
            std::fs::read_to_string(out.path().join(path)).expect("read a written source back");
        assert!(
            written == *content,
            "{} was not written as generated",
            path.display()
        );
    }
}
