//! Serde impls for structs: the runtime's one visitor and one writer
//! (`wire::Object`) do the work every struct shares; each struct emits only
//! its members: wire names, required or optional, how each is read and written.
//! Strict about types and required fields, keeping undocumented members
//! without serde's `flatten` (which buffers every object).

use super::syntax::field_ty;
use super::text::{self, string, Writer};
use crate::model::{Field, Struct};

/// The hidden type that collects a struct's members while reading. The
/// leading underscores keep it apart from every name heck gives an object.
pub fn slots_name(shape: &Struct) -> String {
    format!("__{}Slots", shape.name)
}

/// `wire::Object` for a struct, its slots type, and `Deserialize` and
/// `Serialize` through the runtime's `object_serde!`.
pub fn struct_impls(out: &mut Writer, shape: &Struct) {
    let slots_name = slots_name(shape);
    slots_struct(out, shape, &slots_name);
    out.open(&format!("impl wire::Object for {}", shape.name));
    out.line(&format!(
        "const EXPECTING: &'static str = {};",
        string(&format!("a {} object", shape.name))
    ));
    out.line(&format!("type Slots = {slots_name};"));
    read_member(out, shape, &slots_name);
    from_slots(out, shape, &slots_name);
    write_members(out, shape);
    out.close("");
    out.line(&format!(
        "{}::object_serde!({});",
        out.runtime(),
        shape.name
    ));
}

/// The slots that collect the members while reading: `Some(None)` is an
/// explicit `null` of an optional field, told apart from an absent one.
fn slots_struct(out: &mut Writer, shape: &Struct, slots_name: &str) {
    if shape.fields.is_empty() {
        out.line("#[doc(hidden)]");
        out.line("#[derive(Default)]");
        out.line(&format!("pub struct {slots_name} {{}}"));
        return;
    }
    // A field type nested deep enough that a slot around it would be a
    // "very complex type" to clippy is named by a hidden alias first.
    let aliases: Vec<(String, String)> = shape
        .fields
        .iter()
        .filter(|field| nesting(&field_ty(field)) >= 3)
        .map(|field| {
            let name = format!(
                "__{}{}Slot",
                shape.name,
                heck::ToUpperCamelCase::to_upper_camel_case(field.rust.trim_start_matches("r#"))
            );
            (field.rust.clone(), name)
        })
        .collect();
    for (rust, alias) in &aliases {
        let field = shape.fields.iter().find(|f| &f.rust == rust);
        if let Some(field) = field {
            out.line("#[doc(hidden)]");
            out.typed(&format!("pub type {alias} = "), &field_ty(field), ";");
        }
    }
    out.line("#[doc(hidden)]");
    out.line("#[derive(Default)]");
    out.open(&format!("pub struct {slots_name}"));
    for field in &shape.fields {
        let ty = match aliases.iter().find(|(rust, _)| rust == &field.rust) {
            Some((_, alias)) => alias.clone(),
            None => field_ty(field),
        };
        out.typed(&format!("{}: ", field.rust), &format!("Option<{ty}>"), ",");
    }
    out.close("");
}

/// How deep generic arguments nest in a type (`Vec<String>` is 1).
fn nesting(ty: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0;
    for c in ty.chars() {
        match c {
            '<' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            '>' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

fn read_member(out: &mut Writer, shape: &Struct, slots_name: &str) {
    out.line("#[inline]");
    let slots = format!("slots: &mut {slots_name}");
    out.signature(
        "fn read_member<'de, A: serde::de::MapAccess<'de>>",
        &[&slots, "key: &str", "map: &mut A"],
        " -> Result<bool, A::Error>",
        false,
    );
    if shape.fields.is_empty() {
        out.line("let _ = (slots, key, map);");
        out.line("Ok(false)");
    } else {
        out.open("match key");
        for field in &shape.fields {
            let wire = string(&field.wire);
            let slot = format!("&mut slots.{}", field.rust);
            let read = if field.required {
                "wire::read_required"
            } else {
                "wire::read_optional"
            };
            out.call_arm(&wire, read, &["map", &slot, &wire], "");
        }
        out.line("_ => Ok(false),");
        out.close("");
    }
    out.close("");
}

fn from_slots(out: &mut Writer, shape: &Struct, slots_name: &str) {
    let slots = if shape.fields.is_empty() {
        format!("_slots: {slots_name}")
    } else {
        format!("slots: {slots_name}")
    };
    let undocumented = if shape.fields.iter().any(|f| !f.required) {
        "mut undocumented: wire::Undocumented"
    } else {
        "undocumented: wire::Undocumented"
    };
    out.signature(
        "fn from_slots<E: serde::de::Error>",
        &[&slots, undocumented],
        " -> Result<Self, E>",
        false,
    );
    let args: Vec<(String, String)> = shape
        .fields
        .iter()
        .map(|f| (format!("slots.{}", f.rust), string(&f.wire)))
        .collect();
    let mut fields: Vec<text::LiteralField> = shape
        .fields
        .iter()
        .zip(&args)
        .map(|(f, (slot, wire))| {
            if f.required {
                text::LiteralField::Call(&f.rust, "wire::present", vec![slot, wire], "?")
            } else {
                text::LiteralField::Call(
                    &f.rust,
                    "wire::optional",
                    vec![slot, "&mut undocumented", wire],
                    "",
                )
            }
        })
        .collect();
    fields.push(text::LiteralField::Shorthand("undocumented"));
    out.struct_literal("Ok(", &shape.name, &fields, ")");
    out.close("");
}

fn write_members(out: &mut Writer, shape: &Struct) {
    out.signature(
        "fn write_members<M: serde::ser::SerializeMap>",
        &["&self", "map: &mut M"],
        " -> Result<(), M::Error>",
        false,
    );
    for field in &shape.fields {
        write_member(out, field);
    }
    out.line("self.undocumented.write_entries(map)");
    out.close("");
}

fn write_member(out: &mut Writer, field: &Field) {
    let wire = string(&field.wire);
    let value = format!("&self.{}", field.rust);
    if field.required {
        out.method_call("map", "serialize_entry", &[&wire, &value], "?;");
    } else {
        out.call(
            "wire::write_optional",
            &["map", &wire, &value, "&self.undocumented"],
            "?;",
        );
    }
}
