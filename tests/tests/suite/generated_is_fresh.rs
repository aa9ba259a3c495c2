//! Golden test: `generated/` is exactly what `spec/` produces. When it fails,
//! it prints the diff and the command that fixes it.

use docspec::check::{check, with_examples, CheckOutcome};
use std::path::Path;

#[test]
fn generated_crate_matches_the_specs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let outcome = check(
        &root.join("spec"),
        &root.join("generated/src"),
        docspec::emit::DEFAULT_COMMAND,
    )
    .and_then(|outcome| {
        with_examples(
            outcome,
            &root.join("generated"),
            docspec::emit::DEFAULT_COMMAND,
        )
    });
    match outcome {
        Ok(CheckOutcome::UpToDate(generation)) => assert!(!generation.files.is_empty()),
        Ok(CheckOutcome::Stale(_, drift)) => {
            panic!("generated/ is stale:\n{drift}\nFix it with: cargo run -p docspec -- generate")
        }
        Err(e) => panic!("{e}"),
    }
}
