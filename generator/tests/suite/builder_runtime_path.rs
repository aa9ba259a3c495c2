//! `Builder::runtime_path`: generated code reaches the runtime by the given
//! path and differs from the default output in nothing else.

use docspec::{BuildError, Builder};

const SPEC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec");

fn builder() -> Builder {
    Builder::new().spec_dir(SPEC).emit_rerun_if_changed(false)
}

/// A file's identifiers and literals in order: what remains when the
/// formatting a longer path moves is left out (line breaks, and the trailing
/// commas and arm braces prettyplease adds or drops with the line width).
fn words(source: &str) -> Vec<String> {
    fn walk(tokens: proc_macro2::TokenStream, out: &mut Vec<String>) {
        for token in tokens {
            match token {
                proc_macro2::TokenTree::Group(group) => walk(group.stream(), out),
                proc_macro2::TokenTree::Ident(ident) => out.push(ident.to_string()),
                proc_macro2::TokenTree::Literal(literal) => out.push(literal.to_string()),
                proc_macro2::TokenTree::Punct(_) => {}
            }
        }
    }
    let file: syn::File = syn::parse_str(source).expect("generated code parses");
    let mut out = Vec::new();
    walk(quote::ToTokens::to_token_stream(&file), &mut out);
    out
}

/// `words` of the default output, with the runtime named `my_sdk::rt`.
fn renamed_words(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in words(source) {
        if word == "docspec_runtime" {
            out.extend(["my_sdk".to_owned(), "rt".to_owned()]);
        } else {
            out.push(word);
        }
    }
    out
}

/// Each `renamed` file names the runtime `::my_sdk::rt` where its `default`
/// names `::docspec_runtime`, and differs in nothing else.
fn assert_only_the_runtime_path_differs(
    default: &docspec::emit::Files,
    renamed: &docspec::emit::Files,
) {
    for (path, source) in renamed {
        assert!(
            !source.contains("docspec_runtime"),
            "{}: still names docspec_runtime",
            path.display()
        );
        assert!(
            words(source) == renamed_words(&default[path]),
            "{}: differs from the default output in more than the runtime path",
            path.display()
        );
    }
}

#[test]
fn a_renamed_runtime_replaces_every_runtime_path_and_nothing_else() {
    let default = builder().generate().expect("the specs generate");
    let renamed = builder()
        .runtime_path("::my_sdk::rt")
        .generate()
        .expect("the specs generate");
    assert_eq!(
        default.keys().collect::<Vec<_>>(),
        renamed.keys().collect::<Vec<_>>()
    );
    assert_only_the_runtime_path_differs(&default, &renamed);
    let replaced: usize = renamed
        .values()
        .map(|source| source.matches("::my_sdk::rt::").count())
        .sum();
    assert!(replaced > 10, "only {replaced} runtime paths replaced");
}

#[test]
fn crate_relative_paths_are_accepted() {
    let files = builder()
        .runtime_path("crate::rt")
        .generate()
        .expect("the specs generate");
    assert!(files.values().any(|s| s.contains("use crate::rt::")));
}

#[test]
fn a_relative_or_malformed_path_is_refused_with_the_reason() {
    for path in ["rt", "self::rt", "::rt<T>", "::", "not a path"] {
        match builder().runtime_path(path).generate() {
            Err(BuildError::RuntimePath(reason)) => {
                assert!(reason.contains(path), "{path}: {reason}")
            }
            other => panic!("{path}: expected a RuntimePath error, got {other:?}"),
        }
    }
}

/// The example programs reach the runtime's `cli` by the given path too.
#[test]
fn example_programs_reach_the_runtime_by_the_given_path() {
    let generation =
        docspec::generate::generate(std::path::Path::new(SPEC), &[], "docspec generate")
            .expect("the specs generate");
    let runtime = docspec::emit::RuntimePath::parse("::my_sdk::rt").expect("a runtime path");
    let default = docspec::emit::emit_examples(&generation.api, "api", "docspec generate");
    let renamed = docspec::emit::emit_examples_with_runtime(
        &generation.api,
        "api",
        "docspec generate",
        Some(&runtime),
    );
    assert_only_the_runtime_path_differs(&default, &renamed);
    assert!(renamed
        .values()
        .any(|s| s.contains("use ::my_sdk::rt::cli::{")));
}
