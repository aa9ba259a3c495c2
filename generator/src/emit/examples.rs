//! Example payloads as tests: each asserts what the generator predicted
//! from the tables (a clean round trip, or the precise contradiction).

use super::syntax::{raw_string, ty_text};
use super::text::{self, Writer};
use crate::model::{Body, ExampleCase, Expectation, Operation};

/// The `examples` test module, if the operation has example payloads.
pub fn tests(out: &mut Writer, operation: &Operation) {
    let tests: Vec<(&ExampleCase, &Body)> = operation
        .examples
        .iter()
        .filter_map(|e| Some((e, operation.body_of(&e.target)?)))
        .collect();
    if tests.is_empty() {
        return;
    }
    out.doc(" The page's example payloads, checked against the generated types.");
    out.line("#[cfg(test)]");
    out.open("mod examples");
    out.line("use super::*;");
    for (example, body) in tests {
        test(out, example, body);
    }
    out.close("");
}

fn test(out: &mut Writer, example: &ExampleCase, body: &Body) {
    out.line("#[test]");
    out.open(&format!("fn {}()", example.name));
    let literal = raw_string(&example.body).to_string();
    // The payload and the check are statements of their own: prettyplease
    // leaves a macro's arguments (`assert_eq!`) as they are, and breaks a
    // turbofish apart around a multi-line literal argument.
    match body {
        Body::Text => {
            out.unbreakable_line(&format!("let text = {literal};"));
            out.line("let check = wire::check_text_example(text);");
        }
        Body::Json(ty) => {
            out.unbreakable_line(&format!("let json = {literal};"));
            let head = format!("let check = wire::check_json_example::<{}>", ty_text(ty));
            let statement = format!("{head}(json);");
            if !out.fits(statement.len()) {
                // Broken around the argument or inside the type: left to prettyplease.
                out.unlaid();
            }
            out.line(&statement);
        }
    }
    match &example.expect {
        Expectation::RoundTrip => out.line("assert_eq!(check, wire::ExampleCheck::RoundTrip);"),
        Expectation::Violations(list) => {
            // The example breaks the page's own constraints; the docs
            // contradict themselves. prettyplease lays out `vec!` items
            // that are method calls in a way of its own.
            out.unlaid();
            let items: Vec<String> = list
                .iter()
                .map(|v| format!("{}.to_owned()", text::string(v)))
                .collect();
            out.line(&format!(
                "let expected: Vec<String> = vec![{}];",
                items.join(", ")
            ));
            out.line("assert_eq!(check, wire::ExampleCheck::Violations(expected));");
        }
        Expectation::DecodeError(path) => {
            // The example does not fit the page's own tables; the docs
            // contradict themselves.
            let path = text::string(path);
            out.open("match check");
            let assertion = format!("assert_eq!(error.path, {path}, \"{{error}}\")");
            macro_arm(out, "wire::ExampleCheck::Decode(error)", &assertion, None);
            let message = "\"expected the documented contradiction at {}, got {other:?}\"";
            let panic = format!("panic!({message}, {path})");
            macro_arm(out, "other", &panic, Some(("panic!", &[message, &path])));
            out.close("");
        }
        Expectation::InvalidJson => {
            // The page's example is not JSON.
            out.line("assert!(matches!(check, wire::ExampleCheck::InvalidJson(_)));");
        }
    }
    out.close("");
}

/// A match arm whose body is the macro call `call`: on the arm's line if it
/// fits, else in a block, and there broken into `broken` (the macro and its
/// arguments, filling lines, without a trailing comma, as prettyplease breaks
/// a macro's tokens) or, without it, left to prettyplease.
fn macro_arm(out: &mut Writer, pat: &str, call: &str, broken: Option<(&str, &[&str])>) {
    if out.fits(pat.len() + " => ".len() + call.len()) {
        out.line(&format!("{pat} => {call},"));
        return;
    }
    out.open(&format!("{pat} =>"));
    match broken {
        Some((name, args)) if !out.fits(call.len()) => {
            out.line(&format!("{name}("));
            out.indent();
            // The arguments fill lines: a break only where the next one
            // would pass the margin.
            let mut line = String::new();
            for (i, arg) in args.iter().enumerate() {
                let comma = if i + 1 < args.len() { "," } else { "" };
                let next = format!("{arg}{comma}");
                if !line.is_empty() && !out.fits(line.len() + 1 + next.len()) {
                    out.line(&line);
                    line.clear();
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&next);
            }
            out.line(&line);
            out.outdent();
            out.line(")");
        }
        _ => out.line(call),
    }
    out.close("");
}
