//! Structs and enums, with their constructors.

use super::syntax::{field_ty, ty_text};
use super::text::{self, Writer};
use super::{docs, serde_impls, validate};
use crate::model::{Enum, Field, Operation, Struct, Ty};

/// A field declaration with its doc comment.
pub fn field_decl(out: &mut Writer, operation: &Operation, field: &Field) {
    out.docs(&docs::field_doc(field, enum_values(operation, &field.ty)));
    out.typed(&format!("pub {}: ", field.rust), &field_ty(field), ",");
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
pub fn struct_item(out: &mut Writer, operation: &Operation, shape: &Struct, doc: &[String]) {
    out.docs(doc);
    out.line(derives(&shape.fields));
    out.open(&format!("pub struct {}", shape.name));
    for field in &shape.fields {
        field_decl(out, operation, field);
    }
    out.doc(" Members the docs do not list, and documented members received as `null`: kept so that nothing is lost when the value is written back.");
    out.line("pub undocumented: wire::Undocumented,");
    out.close("");
    constructor(out, shape);
    serde_impls::struct_impls(out, shape);
    validate::struct_impl(out, &shape.name, &shape.fields);
}

/// `new(required fields...)`, with every optional field unset.
/// Past this many required fields a positional constructor is easy to call
/// with two values swapped (clippy's `too_many_arguments` draws the same
/// line): such a value is built with a struct literal instead.
pub const MAX_CONSTRUCTOR_ARGUMENTS: usize = 7;

fn constructor(out: &mut Writer, shape: &Struct) {
    let required: Vec<&Field> = shape.fields.iter().filter(|f| f.required).collect();
    if required.len() > MAX_CONSTRUCTOR_ARGUMENTS {
        return;
    }
    let params: Vec<String> = required
        .iter()
        .map(|f| format!("{}: {}", f.rust, ty_text(&f.ty)))
        .collect();
    let params: Vec<&str> = params.iter().map(String::as_str).collect();
    let mut fields: Vec<text::LiteralField> = shape
        .fields
        .iter()
        .map(|f| {
            if f.required {
                text::LiteralField::Shorthand(&f.rust)
            } else {
                text::LiteralField::Value(&f.rust, "None")
            }
        })
        .collect();
    fields.push(text::LiteralField::Value(
        "undocumented",
        "wire::Undocumented::new()",
    ));
    out.open(&format!("impl {}", shape.name));
    out.doc(if required.is_empty() {
        " A value with every field unset."
    } else {
        " A value with the required fields set and every optional field unset."
    });
    // Inline for the reason given at `validate::struct_impl`.
    out.line("#[inline]");
    out.signature("pub fn new", &params, " -> Self", false);
    out.struct_literal("", &shape.name, &fields, "");
    out.close("");
    out.close("");
}

/// A string enumeration that keeps undocumented values.
pub fn enum_item(out: &mut Writer, shape: &Enum) {
    let name = &shape.name;
    out.docs(&docs::prose(&shape.doc));
    out.line("#[derive(Debug, Clone, PartialEq, Eq, Hash)]");
    out.open(&format!("pub enum {name}"));
    for variant in &shape.variants {
        let note = variant
            .note
            .as_ref()
            .map(|note| format!(" ({})", note.replace('`', "'")))
            .unwrap_or_default();
        out.doc(&format!(" `{}`{note}", variant.wire.replace('`', "'")));
        out.line(&format!("{},", variant.rust));
    }
    out.doc(" A value the docs do not list: kept, so that answers from newer servers still read; `validate()` reports it.");
    out.line("Undocumented(String),");
    out.close("");
    let wires: Vec<String> = shape
        .variants
        .iter()
        .map(|v| text::string(&v.wire))
        .collect();
    out.open(&format!("impl {name}"));
    out.doc(" The documented values, as on the wire.");
    out.list(
        "pub const DOCUMENTED: &'static [&'static str] = &[",
        &wires,
        "];",
    );
    out.doc(" The value as on the wire.");
    // Inline for the reason given at `validate::struct_impl`.
    out.line("#[inline]");
    out.open("pub fn as_str(&self) -> &str");
    out.open("match self");
    for (variant, wire) in shape.variants.iter().zip(&wires) {
        out.arm(&format!("{name}::{}", variant.rust), wire);
    }
    out.arm(&format!("{name}::Undocumented(value)"), "value");
    out.close("");
    out.close("");
    out.doc(" Whether the docs list this value.");
    out.line("#[inline]");
    out.open("pub fn is_documented(&self) -> bool");
    out.line(&format!("!matches!(self, {name}::Undocumented(_))"));
    out.close("");
    out.close("");
    out.open(&format!("impl ::core::convert::From<&str> for {name}"));
    out.line("#[inline]");
    out.open("fn from(value: &str) -> Self");
    out.open("match value");
    for (variant, wire) in shape.variants.iter().zip(&wires) {
        out.arm(wire, &format!("{name}::{}", variant.rust));
    }
    out.call_arm(
        "other",
        &format!("{name}::Undocumented"),
        &["::std::borrow::ToOwned::to_owned(other)"],
        "",
    );
    out.close("");
    out.close("");
    out.close("");
    out.line(&format!("{}::string_enum_impls!({name});", out.runtime()));
}
