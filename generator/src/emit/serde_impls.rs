//! Serde impls for structs: the runtime's one visitor and one writer
//! (`wire::Object`) do the work every struct shares; each struct emits only
//! its members: wire names, required or optional, how each is read and written.
//! Strict about types and required fields, keeping undocumented members
//! without serde's `flatten` (which buffers every object).

use super::text::{self, string, Item};
use super::types::field_ty;
use crate::model::{Field, Struct};

/// The hidden type that collects a struct's members while reading. The
/// leading underscores keep it apart from every name heck gives an object.
pub fn slots_name(shape: &Struct) -> String {
    format!("__{}Slots", shape.name)
}

/// `wire::Object` for a struct, its slots type, and `Deserialize` and
/// `Serialize` through the runtime's `object_serde!`.
pub fn struct_impls(item: &mut Item, shape: &Struct) {
    let slots_name = slots_name(shape);
    slots_struct(item, shape, &slots_name);
    item.open(&format!("impl wire::Object for {}", shape.name));
    item.line(&format!(
        "const EXPECTING: &'static str = {};",
        string(&format!("a {} object", shape.name))
    ));
    item.line(&format!("type Slots = {slots_name};"));
    read_member(item, shape, &slots_name);
    from_slots(item, shape, &slots_name);
    write_members(item, shape);
    item.close("");
    item.line(&format!(
        "{}::object_serde!({});",
        item.runtime(),
        shape.name
    ));
}

/// The slots that collect the members while reading: `Some(None)` is an
/// explicit `null` of an optional field, told apart from an absent one.
fn slots_struct(item: &mut Item, shape: &Struct, slots_name: &str) {
    if shape.fields.is_empty() {
        item.line("#[doc(hidden)]");
        item.line("#[derive(Default)]");
        item.line(&format!("pub struct {slots_name} {{}}"));
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
            item.line("#[doc(hidden)]");
            item.typed(&format!("pub type {alias} = "), &field_ty(field), ";");
        }
    }
    item.line("#[doc(hidden)]");
    item.line("#[derive(Default)]");
    item.open(&format!("pub struct {slots_name}"));
    for field in &shape.fields {
        let ty = match aliases.iter().find(|(rust, _)| rust == &field.rust) {
            Some((_, alias)) => alias.clone(),
            None => field_ty(field),
        };
        item.typed(&format!("{}: ", field.rust), &format!("Option<{ty}>"), ",");
    }
    item.close("");
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

fn read_member(item: &mut Item, shape: &Struct, slots_name: &str) {
    item.line("#[inline]");
    let slots = format!("slots: &mut {slots_name}");
    item.signature(
        "fn read_member<'de, A: serde::de::MapAccess<'de>>",
        &[&slots, "key: &str", "map: &mut A"],
        " -> Result<bool, A::Error>",
        false,
    );
    if shape.fields.is_empty() {
        item.line("let _ = (slots, key, map);");
        item.line("Ok(false)");
    } else {
        item.open("match key");
        for field in &shape.fields {
            let wire = string(&field.wire);
            let slot = format!("&mut slots.{}", field.rust);
            let read = if field.required {
                "wire::read_required"
            } else {
                "wire::read_optional"
            };
            item.call_arm(&wire, read, &["map", &slot, &wire], "");
        }
        item.line("_ => Ok(false),");
        item.close("");
    }
    item.close("");
}

fn from_slots(item: &mut Item, shape: &Struct, slots_name: &str) {
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
    item.signature(
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
    let mut fields: Vec<text::Field> = shape
        .fields
        .iter()
        .zip(&args)
        .map(|(f, (slot, wire))| {
            if f.required {
                text::Field::Call(&f.rust, "wire::present", vec![slot, wire], "?")
            } else {
                text::Field::Call(
                    &f.rust,
                    "wire::optional",
                    vec![slot, "&mut undocumented", wire],
                    "",
                )
            }
        })
        .collect();
    fields.push(text::Field::Shorthand("undocumented"));
    item.struct_literal("Ok(", &shape.name, &fields, ")");
    item.close("");
}

fn write_members(item: &mut Item, shape: &Struct) {
    item.signature(
        "fn write_members<M: serde::ser::SerializeMap>",
        &["&self", "map: &mut M"],
        " -> Result<(), M::Error>",
        false,
    );
    for field in &shape.fields {
        write_member(item, field);
    }
    item.line("self.undocumented.write_entries(map)");
    item.close("");
}

fn write_member(item: &mut Item, field: &Field) {
    let wire = string(&field.wire);
    let value = format!("&self.{}", field.rust);
    if field.required {
        item.method_call("map", "serialize_entry", &[&wire, &value], "?;");
    } else {
        item.call(
            "wire::write_optional",
            &["map", &wire, &value, "&self.undocumented"],
            "?;",
        );
    }
}
