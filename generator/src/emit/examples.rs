//! Example payloads as tests: each asserts what the generator predicted
//! from the tables (a clean round trip, or the precise contradiction).

use super::types;
use crate::model::{Body, ExampleCase, ExampleTarget, Expectation, Operation};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

pub fn tests(operation: &Operation) -> TokenStream {
    let tests: Vec<TokenStream> = operation
        .examples
        .iter()
        .filter_map(|e| test(operation, e))
        .collect();
    if tests.is_empty() {
        return quote!();
    }
    quote! {
        /// The page's example payloads, checked against the generated types.
        #[cfg(test)]
        mod examples {
            use super::*;

            #(#tests)*
        }
    }
}

/// A raw string literal, so that a JSON example reads as on the page.
pub fn raw_string(text: &str) -> Literal {
    let hashes = (1..)
        .map(|n| "#".repeat(n))
        .find(|h| !text.contains(&format!("\"{h}")))
        .unwrap_or_default();
    format!("r{hashes}\"{text}\"{hashes}")
        .parse()
        .unwrap_or_else(|_| Literal::string(text))
}

fn test(operation: &Operation, example: &ExampleCase) -> Option<TokenStream> {
    let body = match &example.target {
        ExampleTarget::Request => operation.request_body.as_ref()?,
        ExampleTarget::Response(status) => {
            &operation
                .responses
                .iter()
                .find(|r| r.status == *status)?
                .body
        }
    };
    let name = format_ident!("{}", example.name);
    let text = raw_string(&example.body);
    // The check is a statement of its own: prettyplease formats function
    // calls, but leaves the arguments of a macro such as `assert_eq!` as raw tokens.
    // The payload gets a statement of its own too: as an argument, a
    // multi-line literal makes prettyplease break the turbofish apart.
    let check = match body {
        Body::Text => quote! {
            let text = #text;
            let check = wire::check_text_example(text);
        },
        Body::Json(ty) => {
            let ty = types::ty(ty);
            quote! {
                let json = #text;
                let check = wire::check_json_example::<#ty>(json);
            }
        }
    };
    let assertion = match &example.expect {
        Expectation::RoundTrip => quote!(assert_eq!(check, wire::ExampleCheck::RoundTrip);),
        Expectation::Violations(list) => quote! {
            // The example breaks the page's own constraints; the docs contradict themselves.
            let expected: Vec<String> = vec![#(#list.to_owned()),*];
            assert_eq!(check, wire::ExampleCheck::Violations(expected));
        },
        Expectation::DecodeError(path) => quote! {
            // The example does not fit the page's own tables; the docs contradict themselves.
            match check {
                wire::ExampleCheck::Decode(error) => assert_eq!(error.path, #path, "{error}"),
                other => panic!("expected the documented contradiction at {}, got {other:?}", #path),
            }
        },
        Expectation::InvalidJson => quote! {
            // The page's example is not JSON.
            assert!(matches!(check, wire::ExampleCheck::InvalidJson(_)));
        },
    };
    Some(quote! {
        #[test]
        fn #name() {
            #check
            #assertion
        }
    })
}
