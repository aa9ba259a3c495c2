//! Example payloads as tests: each asserts what the generator predicted
//! from the tables (a clean round trip, or the precise contradiction).

use super::text::{self, Item};
use super::types;
use crate::model::{Body, ExampleCase, Expectation, Operation};
use proc_macro2::Literal;

/// The `examples` test module, if the operation has example payloads.
pub fn tests(item: &mut Item, operation: &Operation) {
    let tests: Vec<(&ExampleCase, &Body)> = operation
        .examples
        .iter()
        .filter_map(|e| Some((e, operation.body_of(&e.target)?)))
        .collect();
    if tests.is_empty() {
        return;
    }
    item.doc(" The page's example payloads, checked against the generated types.");
    item.line("#[cfg(test)]");
    item.open("mod examples");
    item.line("use super::*;");
    for (example, body) in tests {
        test(item, example, body);
    }
    item.close("");
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

fn test(item: &mut Item, example: &ExampleCase, body: &Body) {
    item.line("#[test]");
    item.open(&format!("fn {}()", example.name));
    let literal = raw_string(&example.body).to_string();
    // The payload and the check are statements of their own: prettyplease
    // leaves a macro's arguments (`assert_eq!`) as they are, and breaks a
    // turbofish apart around a multi-line literal argument.
    match body {
        Body::Text => {
            item.unbreakable_line(&format!("let text = {literal};"));
            item.line("let check = wire::check_text_example(text);");
        }
        Body::Json(ty) => {
            item.unbreakable_line(&format!("let json = {literal};"));
            let head = format!(
                "let check = wire::check_json_example::<{}>",
                types::ty_text(ty)
            );
            let statement = format!("{head}(json);");
            if !item.fits(statement.len()) {
                // Broken around the argument or inside the type: left to prettyplease.
                item.unlaid();
            }
            item.line(&statement);
        }
    }
    match &example.expect {
        Expectation::RoundTrip => item.line("assert_eq!(check, wire::ExampleCheck::RoundTrip);"),
        Expectation::Violations(list) => {
            // The example breaks the page's own constraints; the docs
            // contradict themselves. prettyplease lays out `vec!` items
            // that are method calls in a way of its own.
            item.unlaid();
            let items: Vec<String> = list
                .iter()
                .map(|v| format!("{}.to_owned()", text::string(v)))
                .collect();
            item.line(&format!(
                "let expected: Vec<String> = vec![{}];",
                items.join(", ")
            ));
            item.line("assert_eq!(check, wire::ExampleCheck::Violations(expected));");
        }
        Expectation::DecodeError(path) => {
            // The example does not fit the page's own tables; the docs
            // contradict themselves.
            let path = text::string(path);
            item.open("match check");
            let assertion = format!("assert_eq!(error.path, {path}, \"{{error}}\")");
            macro_arm(item, "wire::ExampleCheck::Decode(error)", &assertion, None);
            let message = "\"expected the documented contradiction at {}, got {other:?}\"";
            let panic = format!("panic!({message}, {path})");
            macro_arm(item, "other", &panic, Some(("panic!", &[message, &path])));
            item.close("");
        }
        Expectation::InvalidJson => {
            // The page's example is not JSON.
            item.line("assert!(matches!(check, wire::ExampleCheck::InvalidJson(_)));");
        }
    }
    item.close("");
}

/// A match arm whose body is the macro call `call`: on the arm's line if it
/// fits, else in a block, and there broken into `broken` (the macro and its
/// arguments, filling lines, without a trailing comma, as prettyplease breaks
/// a macro's tokens) or, without it, left to prettyplease.
fn macro_arm(item: &mut Item, pat: &str, call: &str, broken: Option<(&str, &[&str])>) {
    if item.fits(pat.len() + " => ".len() + call.len()) {
        item.line(&format!("{pat} => {call},"));
        return;
    }
    item.open(&format!("{pat} =>"));
    match broken {
        Some((name, args)) if !item.fits(call.len()) => {
            item.line(&format!("{name}("));
            item.indent();
            // The arguments fill lines: a break only where the next one
            // would pass the margin.
            let mut line = String::new();
            for (i, arg) in args.iter().enumerate() {
                let comma = if i + 1 < args.len() { "," } else { "" };
                let next = format!("{arg}{comma}");
                if !line.is_empty() && !item.fits(line.len() + 1 + next.len()) {
                    item.line(&line);
                    line.clear();
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&next);
            }
            item.line(&line);
            item.outdent();
            item.line(")");
        }
        _ => item.line(call),
    }
    item.close("");
}
