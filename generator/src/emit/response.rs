//! `Response`: one variant per documented status and `Undocumented`, read
//! from the status and the body, with its `TypedResponse` and `Validate` impls.

use super::docs;
use super::syntax::body_ty;
use super::text::{self, Writer};
use crate::model::Operation;
use crate::model::{Body, Ty};

/// `Response`: one variant per documented status and `Undocumented`, read
/// from the status and body, and its `TypedResponse` and `Validate` impls.
pub fn response(out: &mut Writer, operation: &Operation) {
    let responses = &operation.responses;
    out.doc(" A response, by status.");
    out.line("#[derive(Debug, Clone, PartialEq)]");
    out.open("pub enum Response");
    for r in responses {
        let mut doc = vec![match r.doc.first() {
            Some(text) => format!("Status {}: {}", r.status, text),
            None => format!("Status {}.", r.status),
        }];
        doc.extend(r.doc.iter().skip(1).cloned());
        if r.body == Body::Text {
            doc.push(
                "The body as received, as text: the docs give it no JSON structure.".to_owned(),
            );
        }
        out.docs(&docs::prose(&doc));
        out.line(&format!("{}({}),", r.variant, response_ty(&r.body)));
    }
    out.doc(" A status the docs do not list, with the body as received.");
    out.open("Undocumented");
    out.doc(" The HTTP status.");
    out.line("status: u16,");
    out.doc(" The body as received.");
    out.line("body: Vec<u8>,");
    out.close(",");
    out.close("");

    out.open("impl Response");
    out.doc(" Reads a response: strict about the documented types, lenient about documented constraints (see `validate`).");
    // Inline for the reason given at `Request::to_http`.
    out.line("#[inline]");
    out.signature(
        "pub fn from_http",
        &["status: u16", "body: &[u8]"],
        " -> Result<Self, client::ResponseError>",
        false,
    );
    let undocumented = [
        text::LiteralField::Shorthand("status"),
        text::LiteralField::Value("body", "body.to_vec()"),
    ];
    // A page that documents no status has nothing to decode: every answer is
    // kept as received (a match with only the catch-all arm is not code a
    // person would write).
    if responses.is_empty() {
        out.struct_literal("Ok(", "Response::Undocumented", &undocumented, ")");
    } else {
        out.open("let decoded = match status");
        for r in responses {
            let read = match &r.body {
                Body::Text => "wire::from_text(body)",
                Body::Json(_) => "wire::from_json(body)",
            };
            let wrap = match &r.body {
                Body::Json(Ty::Struct(_)) => {
                    format!("|body| Response::{}(Box::new(body))", r.variant)
                }
                _ => format!("Response::{}", r.variant),
            };
            out.chain_arm(&r.status.to_string(), &format!("{read}.map({wrap})"));
        }
        // The struct literal is too long to stay on a line, so the arm is a block.
        out.open("status =>");
        out.struct_literal("Ok(", "Response::Undocumented", &undocumented, ")");
        out.close("");
        out.close(";");
        out.line("decoded.map_err(|error| client::ResponseError::new(status, error, body))");
    }
    out.close("");
    out.doc(" Whether the status is one the docs list.");
    out.line("#[inline]");
    out.open("pub fn is_documented(&self) -> bool");
    out.line("!matches!(self, Response::Undocumented { .. })");
    out.close("");
    out.doc(" The HTTP status.");
    out.line("#[inline]");
    out.open("pub fn status(&self) -> u16");
    out.open("match self");
    for r in responses {
        out.arm(
            &format!("Response::{}(_)", r.variant),
            &r.status.to_string(),
        );
    }
    out.line("Response::Undocumented { status, .. } => *status,");
    out.close("");
    out.close("");
    out.close("");

    out.open("impl client::TypedResponse for Response");
    out.line("#[inline]");
    out.open("fn status(&self) -> u16");
    out.line("Response::status(self)");
    out.close("");
    out.line("#[inline]");
    out.open("fn is_documented(&self) -> bool");
    out.line("Response::is_documented(self)");
    out.close("");
    out.line("#[inline]");
    out.open("fn to_json(&self) -> serde_json::Value");
    out.open("match self");
    for r in responses {
        let pat = format!("Response::{}(body)", r.variant);
        match &r.body {
            Body::Text => out.call_arm(&pat, "serde_json::Value::String", &["body.clone()"], ""),
            Body::Json(_) => out.call_arm(&pat, "client::json_value", &["body"], ""),
        }
    }
    out.line("Response::Undocumented { body, .. } => client::raw_json_value(body),");
    out.close("");
    out.close("");
    out.close("");

    // A page that documents no status leaves nothing to check.
    let (at, found) = if responses.is_empty() {
        ("_at", "_found")
    } else {
        ("at", "found")
    };
    out.open("impl validation::Validate for Response");
    let at = format!("{at}: &validation::Path<'_>");
    let found = format!("{found}: &mut validation::Violations");
    out.line("#[inline]");
    out.signature("fn validate_at", &["&self", &at, &found], "", false);
    out.open("match self");
    for r in responses {
        let pat = format!("Response::{}(body)", r.variant);
        out.call_arm(&pat, "body.validate_at", &["at", "found"], "");
    }
    out.line("Response::Undocumented { .. } => {}");
    out.close("");
    out.close("");
    out.close("");
}

/// A response variant's payload: structs boxed, so that one large body does
/// not make every `Response` as large as it.
fn response_ty(body: &Body) -> String {
    match body {
        Body::Json(Ty::Struct(name)) => format!("Box<{name}>"),
        _ => body_ty(body),
    }
}
