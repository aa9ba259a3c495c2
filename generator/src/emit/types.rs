//! Structs and enums, with their constructors.

use super::text::{self, Item};
use super::{docs, serde_impls, validate};
use crate::model::{Enum, Field, Operation, Struct, Ty};
use proc_macro2::{Ident, Span};

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

/// A field declaration with its doc comment.
pub fn field_decl(item: &mut Item, operation: &Operation, field: &Field) {
    item.docs(&docs::field_doc(field, enum_values(operation, &field.ty)));
    item.typed(&format!("pub {}: ", field.rust), &field_ty(field), ",");
}

fn enum_values(operation: &Operation, ty: &Ty) -> Option<Vec<String>> {
    match ty.innermost() {
        Ty::Enum(name) => operation
            .find_enum(name)
            .map(|e| e.variants.iter().map(|v| v.wire.clone()).collect()),
        _ => None,
    }
}

/// `#[derive(...)]` of a struct that holds `fields`: `Default` when none is required.
pub fn derives(fields: &[Field]) -> &'static str {
    if fields.iter().all(|f| !f.required) {
        "#[derive(Debug, Clone, PartialEq, Default)]"
    } else {
        "#[derive(Debug, Clone, PartialEq)]"
    }
}

/// A struct for one object table, with its constructor, serde impls and
/// validation. `doc` is the doc attribute values of [`docs::struct_doc`].
pub fn struct_item(item: &mut Item, operation: &Operation, shape: &Struct, doc: &[String]) {
    item.docs(doc);
    item.line(derives(&shape.fields));
    item.open(&format!("pub struct {}", shape.name));
    for field in &shape.fields {
        field_decl(item, operation, field);
    }
    item.doc(" Members the docs do not list, and documented members received as `null`: kept so that nothing is lost when the value is written back.");
    item.line("pub undocumented: wire::Undocumented,");
    item.close("");
    constructor(item, shape);
    serde_impls::struct_impls(item, shape);
    validate::struct_impl(item, &shape.name, &shape.fields);
}

/// `new(required fields...)`, with every optional field unset.
/// Past this many required fields a positional constructor is easy to call
/// with two values swapped (clippy's `too_many_arguments` draws the same
/// line): such a value is built with a struct literal instead.
pub const MAX_CONSTRUCTOR_ARGUMENTS: usize = 7;

fn constructor(item: &mut Item, shape: &Struct) {
    let required: Vec<&Field> = shape.fields.iter().filter(|f| f.required).collect();
    if required.len() > MAX_CONSTRUCTOR_ARGUMENTS {
        return;
    }
    let params: Vec<String> = required
        .iter()
        .map(|f| format!("{}: {}", f.rust, ty_text(&f.ty)))
        .collect();
    let params: Vec<&str> = params.iter().map(String::as_str).collect();
    let mut fields: Vec<text::Field> = shape
        .fields
        .iter()
        .map(|f| {
            if f.required {
                text::Field::Shorthand(&f.rust)
            } else {
                text::Field::Value(&f.rust, "None")
            }
        })
        .collect();
    fields.push(text::Field::Value(
        "undocumented",
        "wire::Undocumented::new()",
    ));
    item.open(&format!("impl {}", shape.name));
    item.doc(if required.is_empty() {
        " A value with every field unset."
    } else {
        " A value with the required fields set and every optional field unset."
    });
    // Inline for the reason given at `validate::struct_impl`.
    item.line("#[inline]");
    item.signature("pub fn new", &params, " -> Self", false);
    item.struct_literal("", &shape.name, &fields, "");
    item.close("");
    item.close("");
}

/// A string enumeration that keeps undocumented values.
pub fn enum_item(item: &mut Item, shape: &Enum) {
    let name = &shape.name;
    item.docs(&docs::prose(&shape.doc));
    item.line("#[derive(Debug, Clone, PartialEq, Eq, Hash)]");
    item.open(&format!("pub enum {name}"));
    for variant in &shape.variants {
        let note = variant
            .note
            .as_ref()
            .map(|note| format!(" ({})", note.replace('`', "'")))
            .unwrap_or_default();
        item.doc(&format!(" `{}`{note}", variant.wire.replace('`', "'")));
        item.line(&format!("{},", variant.rust));
    }
    item.doc(" A value the docs do not list: kept, so that answers from newer servers still read; `validate()` reports it.");
    item.line("Undocumented(String),");
    item.close("");
    let wires: Vec<String> = shape
        .variants
        .iter()
        .map(|v| text::string(&v.wire))
        .collect();
    item.open(&format!("impl {name}"));
    item.doc(" The documented values, as on the wire.");
    item.list(
        "pub const DOCUMENTED: &'static [&'static str] = &[",
        &wires,
        "];",
    );
    item.doc(" The value as on the wire.");
    // Inline for the reason given at `validate::struct_impl`.
    item.line("#[inline]");
    item.open("pub fn as_str(&self) -> &str");
    item.open("match self");
    for (variant, wire) in shape.variants.iter().zip(&wires) {
        item.arm(&format!("{name}::{}", variant.rust), wire);
    }
    item.arm(&format!("{name}::Undocumented(value)"), "value");
    item.close("");
    item.close("");
    item.doc(" Whether the docs list this value.");
    item.line("#[inline]");
    item.open("pub fn is_documented(&self) -> bool");
    item.line(&format!("!matches!(self, {name}::Undocumented(_))"));
    item.close("");
    item.close("");
    item.open(&format!("impl ::core::convert::From<&str> for {name}"));
    item.line("#[inline]");
    item.open("fn from(value: &str) -> Self");
    item.open("match value");
    for (variant, wire) in shape.variants.iter().zip(&wires) {
        item.arm(wire, &format!("{name}::{}", variant.rust));
    }
    item.call_arm(
        "other",
        &format!("{name}::Undocumented"),
        &["::std::borrow::ToOwned::to_owned(other)"],
        "",
    );
    item.close("");
    item.close("");
    item.close("");
    item.line(&format!("{}::string_enum_impls!({name});", item.runtime()));
}
