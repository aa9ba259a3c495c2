//! Example payloads as tests: each asserts what the generator predicted
//! from the tables (a clean round trip, or the precise contradiction). A
//! text body's example is a test only where reading it can fail: a
//! response's, read from its status as the page's text.

use super::syntax::{raw_string, ty_text};
use super::text::{self, Writer};
use crate::model::{Body, ExampleCase, ExampleTarget, Expectation, Operation, Ty};

/// The `examples` test module, if the operation has example payloads.
pub fn tests(out: &mut Writer, operation: &Operation) {
    // A request's text body is any `String`: there is nothing to check.
    let tests: Vec<(&ExampleCase, &Body)> = operation
        .examples
        .iter()
        .filter_map(|e| Some((e, operation.body_of(&e.target)?)))
        .filter(|(e, body)| **body != Body::Text || e.target != ExampleTarget::Request)
        .collect();
    if tests.is_empty() {
        return;
    }
    out.doc(" The page's example payloads, checked against the generated types.");
    out.line("#[cfg(test)]");
    out.open("mod examples");
    out.line("use super::*;");
    if tests.iter().any(|(_, body)| matches!(body, Body::Json(_))) {
        // The example tests' support, a dev-dependency of the crate.
        out.line("use ::docspec_example_check::{check_json_example, ExampleCheck};");
    }
    for (example, body) in tests {
        match (body, &example.target) {
            (Body::Text, ExampleTarget::Response(status)) => {
                text_response_test(out, operation, example, *status)
            }
            (Body::Json(ty), _) => json_test(out, example, ty),
            // Filtered out above: a request's text.
            (Body::Text, ExampleTarget::Request) => {}
        }
    }
    out.close("");
}

/// A text response's example: read under its status, it is that status's
/// variant holding the page's text.
fn text_response_test(out: &mut Writer, operation: &Operation, example: &ExampleCase, status: u16) {
    let Some(response) = operation.responses.iter().find(|r| r.status == status) else {
        return;
    };
    out.line("#[test]");
    out.open(&format!("fn {}()", example.name));
    let literal = raw_string(&example.body).to_string();
    out.unbreakable_line(&format!("let text = {literal};"));
    out.line(&format!(
        "let response = Response::from_http({status}, text.as_bytes());"
    ));
    // A macro's arguments are left as they are: the line stays whole.
    out.unbreakable_line(&format!(
        "assert_eq!(response, Ok(Response::{}(text.to_owned())));",
        response.variant
    ));
    out.close("");
}

/// A JSON example of the type `ty`: read, validated and written back.
fn json_test(out: &mut Writer, example: &ExampleCase, ty: &Ty) {
    out.line("#[test]");
    out.open(&format!("fn {}()", example.name));
    let literal = raw_string(&example.body).to_string();
    // The payload and the check are statements of their own: prettyplease
    // leaves a macro's arguments (`assert_eq!`) as they are, and breaks a
    // turbofish apart around a multi-line literal argument.
    out.unbreakable_line(&format!("let json = {literal};"));
    let head = format!("let check = check_json_example::<{}>", ty_text(ty));
    let statement = format!("{head}(json);");
    if !out.fits(statement.len()) {
        // Broken around the argument or inside the type: left to prettyplease.
        out.unlaid();
    }
    out.line(&statement);
    match &example.expect {
        Expectation::RoundTrip => out.line("assert_eq!(check, ExampleCheck::RoundTrip);"),
        Expectation::Violations(list) => {
            // The example breaks the page's own constraints; the docs
            // contradict themselves.
            let literals: Vec<String> = list.iter().map(|v| text::string(v)).collect();
            let items: Vec<(&str, &str)> = literals
                .iter()
                .map(|literal| (literal.as_str(), ".to_owned()"))
                .collect();
            out.macro_list("let expected: Vec<String> = vec![", &items, "];");
            out.line("assert_eq!(check, ExampleCheck::Violations(expected));");
        }
        Expectation::DecodeError(path) => {
            // The example does not fit the page's own tables; the docs
            // contradict themselves.
            let path = text::string(path);
            out.open("match check");
            let assertion = format!("assert_eq!(error.path, {path}, \"{{error}}\")");
            macro_arm(out, "ExampleCheck::Decode(error)", &assertion, None);
            let message = "\"expected the documented contradiction at {}, got {other:?}\"";
            let panic = format!("panic!({message}, {path})");
            macro_arm(out, "other", &panic, Some(("panic!", &[message, &path])));
            out.close("");
        }
        Expectation::InvalidJson => {
            // The page's example is not JSON.
            out.line("assert!(matches!(check, ExampleCheck::InvalidJson(_)));");
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
