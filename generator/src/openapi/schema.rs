//! Model types and constraints → JSON Schema, as OpenAPI 3.1 and 3.0 embed it.

use super::Version;
use crate::model::{Enum, Field, Literal, Operation, Rules, Struct, Ty};
use crate::phrase::Limit;
use serde_json::{json, Map, Value};

/// The `components/schemas` key of a struct or enum of an operation.
///
/// Type names are unique within an operation only (many pages have their own
/// `details`), so the operation id is part of the key.
pub fn component_name(operation: &Operation, type_name: &str) -> String {
    let raw = format!("{}.{}", operation.id, type_name);
    // Component keys must match ^[a-zA-Z0-9._-]+$.
    raw.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Builds the schemas of one operation for one OpenAPI version.
pub struct Schemas<'a> {
    pub operation: &'a Operation,
    pub version: Version,
}

impl Schemas<'_> {
    fn reference(&self, type_name: &str) -> Value {
        json!({ "$ref": format!("#/components/schemas/{}", component_name(self.operation, type_name)) })
    }

    /// The bare schema of a type, without constraints.
    pub fn ty(&self, ty: &Ty) -> Value {
        match ty {
            Ty::String => json!({ "type": "string" }),
            Ty::Secret => json!({ "type": "string", "format": "password" }),
            Ty::I32 => json!({ "type": "integer", "format": "int32" }),
            Ty::I64 => json!({ "type": "integer", "format": "int64" }),
            Ty::F64 => json!({ "type": "number", "format": "double" }),
            Ty::Bool => json!({ "type": "boolean" }),
            Ty::Struct(name) | Ty::Enum(name) => self.reference(name),
            Ty::Array(inner) => json!({ "type": "array", "items": self.ty(inner) }),
            Ty::Map(inner) => json!({ "type": "object", "additionalProperties": self.ty(inner) }),
            // Any JSON value: the empty schema.
            Ty::Json => json!({}),
        }
    }

    /// The schema of a documented row: its type, constraints, default and description.
    pub fn field(&self, field: &Field) -> Value {
        let mut schema = self.ty(&field.ty);
        apply_rules(&mut schema, &field.rules, field.ty.innermost());
        if let Some(default) = &field.default {
            let value = default_json(&default.value);
            let object = as_object(&mut schema);
            // A default of a struct or a list read from prose is often about a
            // part of it ("the default workspace ID is 0"): only an object or
            // a list is the whole value.
            let shape_fits = match &field.ty {
                Ty::Struct(_) | Ty::Map(_) => value.is_object(),
                Ty::Array(_) => value.is_array(),
                _ => true,
            };
            if shape_fits && default_fits(object, &value) {
                object.insert("default".into(), value);
            } else {
                // A default the documented constraints rule out would make the
                // document invalid; it is kept where tools do not read it.
                object.insert("x-docspec-default".into(), value);
            }
        }
        if !field.doc.is_empty() {
            as_object(&mut schema).insert("description".into(), field.doc.join("\n").into());
        }
        self.finish(schema)
    }

    /// OpenAPI 3.0 ignores the siblings of `$ref`: wrap the reference in `allOf`.
    pub fn finish(&self, mut schema: Value) -> Value {
        if self.version == Version::V3_0 {
            if let Some(object) = schema.as_object_mut() {
                if object.len() > 1 {
                    if let Some(reference) = object.shift_remove("$ref") {
                        let mut wrapped = Map::new();
                        wrapped.insert("allOf".into(), json!([{ "$ref": reference }]));
                        wrapped.extend(std::mem::take(object));
                        return Value::Object(wrapped);
                    }
                }
            }
        }
        schema
    }

    /// A schema that also admits `null`.
    fn nullable(&self, mut schema: Value) -> Value {
        let Some(object) = schema.as_object_mut() else {
            return schema;
        };
        match (self.version, object.get("type").cloned()) {
            (_, None) if object.is_empty() => {}
            (Version::V3_0, _) => {
                object.insert("nullable".into(), true.into());
            }
            (Version::V3_1, Some(Value::String(kind))) => {
                object.insert("type".into(), json!([kind, "null"]));
            }
            (Version::V3_1, _) => {
                if let Some(reference) = object.shift_remove("$ref") {
                    let mut wrapped = Map::new();
                    wrapped.insert(
                        "anyOf".into(),
                        json!([{ "$ref": reference }, { "type": "null" }]),
                    );
                    wrapped.extend(std::mem::take(object));
                    return Value::Object(wrapped);
                }
            }
        }
        schema
    }

    /// The component schema of a struct.
    pub fn structure(&self, structure: &Struct) -> Value {
        let mut object = Map::new();
        object.insert("type".into(), "object".into());
        if !structure.doc.is_empty() {
            object.insert("description".into(), structure.doc.join("\n").into());
        }
        let required: Vec<Value> = structure
            .fields
            .iter()
            .filter(|f| f.required)
            .map(|f| f.wire.clone().into())
            .collect();
        if !required.is_empty() {
            object.insert("required".into(), required.into());
        }
        let properties: Map<String, Value> = structure
            .fields
            .iter()
            .map(|f| {
                let schema = self.field(f);
                // docspec reads an explicit `null` of an optional field (and writes it back).
                let schema = if f.required {
                    schema
                } else {
                    self.nullable(schema)
                };
                (f.wire.clone(), schema)
            })
            .collect();
        object.insert("properties".into(), properties.into());
        let secrets: Vec<Value> = structure
            .fields
            .iter()
            .filter(|f| f.secret)
            .map(|f| f.wire.clone().into())
            .collect();
        if !secrets.is_empty() {
            object.insert("x-docspec-secret-fields".into(), secrets.into());
        }
        object.insert("x-docspec-origin".into(), structure.origin.clone().into());
        object.insert("x-docspec-rust-name".into(), structure.name.clone().into());
        Value::Object(object)
    }

    /// The component schema of a string enumeration.
    pub fn enumeration(&self, enumeration: &Enum) -> Value {
        let mut object = Map::new();
        object.insert("type".into(), "string".into());
        if !enumeration.doc.is_empty() {
            object.insert("description".into(), enumeration.doc.join("\n").into());
        }
        let values: Vec<Value> = enumeration
            .variants
            .iter()
            .map(|v| v.wire.clone().into())
            .collect();
        object.insert("enum".into(), values.into());
        // docspec clients keep values the docs do not list; `enum` is what the docs promise.
        object.insert("x-docspec-open-enum".into(), true.into());
        object.insert(
            "x-docspec-rust-name".into(),
            enumeration.name.clone().into(),
        );
        Value::Object(object)
    }
}

fn as_object(schema: &mut Value) -> &mut Map<String, Value> {
    if !schema.is_object() {
        *schema = Value::Object(Map::new());
    }
    match schema {
        Value::Object(object) => object,
        _ => unreachable!("made an object above"),
    }
}

fn limit_value(limit: Limit) -> Value {
    match limit {
        Limit::Int(i) => i.into(),
        Limit::Float(f) => serde_json::Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or(Value::Null),
    }
}

/// The schema that scalar constraints apply to: the innermost items of arrays.
fn innermost(schema: &mut Value) -> &mut Value {
    let is_array = schema.get("type").and_then(Value::as_str) == Some("array")
        && schema.get("items").is_some();
    if is_array {
        innermost(&mut schema["items"])
    } else {
        schema
    }
}

/// Constraints as JSON Schema keywords, where the model puts them: item
/// counts on the array, lengths and ranges on the strings and numbers inside.
/// A constraint on a type that cannot carry it stays in an extension.
fn apply_rules(schema: &mut Value, rules: &Rules, scalar_ty: &Ty) {
    if !rules.items.is_none() {
        let object = as_object(schema);
        let keyword_fits = object.get("type").and_then(Value::as_str) == Some("array");
        let keywords = if keyword_fits {
            ("minItems", "maxItems")
        } else {
            ("x-docspec-min-items", "x-docspec-max-items")
        };
        insert_bounds(object, keywords, &rules.items, Value::from);
    }
    let scalar = as_object(innermost(schema));
    // String enumerations are strings: their lengths apply beside the `$ref`.
    let textual = matches!(scalar_ty, Ty::String | Ty::Secret | Ty::Enum(_));
    let numeric = matches!(scalar_ty, Ty::I32 | Ty::I64 | Ty::F64);
    let keywords = if textual {
        ("minLength", "maxLength")
    } else {
        ("x-docspec-min-length", "x-docspec-max-length")
    };
    insert_bounds(scalar, keywords, &rules.length, Value::from);
    let keywords = if numeric {
        ("minimum", "maximum")
    } else {
        ("x-docspec-minimum", "x-docspec-maximum")
    };
    insert_bounds(scalar, keywords, &rules.range, limit_value);
    if let Some(values) = &rules.one_of {
        let key = if numeric { "enum" } else { "x-docspec-enum" };
        let values: Vec<Value> = values.iter().copied().map(limit_value).collect();
        scalar.insert(key.into(), values.into());
    }
}

/// Writes the documented bounds under the (minimum, maximum) keywords given.
fn insert_bounds<T: Copy>(
    object: &mut Map<String, Value>,
    (min, max): (&str, &str),
    bounds: &crate::model::Bounds<T>,
    value: impl Fn(T) -> Value,
) {
    if let Some(n) = bounds.min {
        object.insert(min.into(), value(n));
    }
    if let Some(n) = bounds.max {
        object.insert(max.into(), value(n));
    }
}

/// A default as JSON: numbers and Booleans as such, text as a string.
fn default_json(value: &Literal) -> Value {
    match value {
        Literal::Number(Limit::Int(i)) => Value::from(*i),
        Literal::Number(Limit::Float(f)) => serde_json::Number::from_f64(*f)
            .map(Value::Number)
            .unwrap_or_else(|| Value::String(f.to_string())),
        Literal::Bool(b) => Value::Bool(*b),
        Literal::Text(text) => Value::String(text.clone()),
        Literal::Json(json) => json.clone(),
    }
}

/// Whether a default agrees with the type and constraints written beside it
/// (enumerations behind a `$ref` are the validator's business).
fn default_fits(schema: &Map<String, Value>, value: &Value) -> bool {
    let number = value.as_f64();
    let within = |key: &str, ok: fn(f64, f64) -> bool| match (schema.get(key), number) {
        (Some(limit), Some(n)) => limit.as_f64().is_none_or(|limit| ok(n, limit)),
        (Some(_), None) => false,
        (None, _) => true,
    };
    let length = value.as_str().map(|s| s.chars().count() as u64);
    let long_enough = |key: &str, ok: fn(u64, u64) -> bool| match (schema.get(key), length) {
        (Some(limit), Some(n)) => limit.as_u64().is_none_or(|limit| ok(n, limit)),
        (Some(_), None) => false,
        (None, _) => true,
    };
    let type_fits = match schema.get("type").and_then(Value::as_str) {
        Some("string") => value.is_string(),
        Some("integer") => value.is_i64() || value.is_u64(),
        Some("number") => value.is_number(),
        Some("boolean") => value.is_boolean(),
        Some("array") => value.is_array(),
        Some("object") => value.is_object(),
        _ => true,
    };
    let listed = schema
        .get("enum")
        .and_then(Value::as_array)
        .is_none_or(|values| {
            values
                .iter()
                .any(|v| v == value || (v.as_f64().is_some() && v.as_f64() == number))
        });
    type_fits
        && listed
        && within("minimum", |n, l| n >= l)
        && within("maximum", |n, l| n <= l)
        && long_enough("minLength", |n, l| n >= l)
        && long_enough("maxLength", |n, l| n <= l)
}
