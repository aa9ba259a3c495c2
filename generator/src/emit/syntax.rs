//! How model things are spelled in Rust: identifiers, type names, raw
//! string literals, and the first segments of paths in tokens. Shared by
//! every writer of emit/; it imports none of them.

use crate::model::{Body, Field, Ty};
use proc_macro2::{Ident, Literal, Spacing, Span, TokenStream, TokenTree};

/// The path by which generated code reaches the runtime crate, unless told otherwise.
pub const DOCSPEC_RUNTIME: &str = "::docspec_runtime";

/// An identifier; `r#name` becomes a raw identifier.
pub fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// The Rust type of a value, as text.
pub fn ty_text(ty: &Ty) -> String {
    match ty {
        Ty::String => "String".to_owned(),
        Ty::Secret => "wire::Secret".to_owned(),
        Ty::I32 => "i32".to_owned(),
        Ty::I64 => "i64".to_owned(),
        Ty::F64 => "f64".to_owned(),
        Ty::Bool => "bool".to_owned(),
        Ty::Struct(name) | Ty::Enum(name) => name.clone(),
        Ty::Array(inner) => format!("Vec<{}>", ty_text(inner)),
        Ty::Map(inner) => format!("::std::collections::BTreeMap<String, {}>", ty_text(inner)),
        Ty::Json => "serde_json::Value".to_owned(),
    }
}

/// The type of a field: `Option<T>` unless required.
pub fn field_ty(field: &Field) -> String {
    let inner = ty_text(&field.ty);
    if field.required {
        inner
    } else {
        format!("Option<{inner}>")
    }
}

/// The Rust type of a request or response body, as text.
pub fn body_ty(body: &Body) -> String {
    match body {
        Body::Text => "String".to_owned(),
        Body::Json(ty) => ty_text(ty),
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

/// Whether the tokens use `module` as a path's first segment (`module::item`).
pub fn names_module(tokens: &TokenStream, module: &str) -> bool {
    let mut found = false;
    path_heads(tokens, &mut |ident| found |= ident == module);
    found
}

/// Calls `found` with each identifier that a `::` follows.
fn path_heads(tokens: &TokenStream, found: &mut impl FnMut(&Ident)) {
    let mut previous: Option<Ident> = None;
    for token in tokens.clone() {
        match token {
            TokenTree::Group(group) => {
                path_heads(&group.stream(), found);
                previous = None;
            }
            TokenTree::Ident(ident) => previous = Some(ident),
            TokenTree::Punct(punct) => {
                if let Some(ident) = previous.take() {
                    if punct.as_char() == ':' && punct.spacing() == Spacing::Joint {
                        found(&ident);
                    }
                }
            }
            TokenTree::Literal(_) => previous = None,
        }
    }
}
