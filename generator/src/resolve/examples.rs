//! Checks an example payload against the model, predicting what the
//! generated code will do with it: read it (strict about types and required
//! fields), validate it (documented constraints), or fail.
//!
//! The generated example tests assert exactly this prediction, so the
//! generator's reading of the docs and the generated code's behaviour are
//! held to each other.

use super::json_read::Repeat;
use crate::model::{Body, Operation, Rules, Ty};
use crate::phrase::Limit;
use serde_json::Value;
use std::collections::BTreeMap;

/// What is wrong with an example.
#[derive(Debug, Clone, PartialEq)]
pub enum ExampleFinding {
    InvalidJson(String),
    /// The payload does not fit the documented types: the first failure in document order.
    Decode {
        path: String,
        message: String,
    },
    /// The payload fits the types but breaks documented constraints: every violation, as the generated code displays it.
    Violations(Vec<String>),
}

/// Checks `text` as a body of kind `body`; `None` when it reads, validates and round-trips.
pub fn check_example(operation: &Operation, body: &Body, text: &str) -> Option<ExampleFinding> {
    let Body::Json(ty) = body else {
        // Any text is a text body.
        return None;
    };
    // Read as the decoder meets it: a repeated key is an error in a struct.
    let (value, repeats) = match super::json_read::read(text) {
        Ok(payload) => (payload.value, payload.repeats),
        Err(e) => return Some(ExampleFinding::InvalidJson(e.to_string())),
    };
    let checker = Checker {
        operation,
        repeats: &repeats,
    };
    let mut found = Vec::new();
    checker.decode(ty, &value, String::new(), &mut found);
    // The generated code stops reading at the first failure in document order.
    if let Some(first) = found.into_iter().next() {
        return Some(ExampleFinding::Decode {
            path: first.path,
            message: first.message,
        });
    }
    let mut found = Vec::new();
    checker.validate(ty, &Rules::default(), &value, "", &mut found);
    let violations: Vec<String> = found.iter().map(|d| message(&d.path, &d.message)).collect();
    (!violations.is_empty()).then_some(ExampleFinding::Violations(violations))
}

/// One way a JSON value departs from the model.
#[derive(Debug, Clone, PartialEq)]
pub struct Departure {
    /// JSON pointer of the value concerned (empty for the whole body).
    pub path: String,
    pub kind: DepartureKind,
    /// What is wrong, as the generated code says it.
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DepartureKind {
    /// The value does not have the documented type: the generated code cannot read it.
    Type,
    /// A required member is absent: the generated code cannot read the object.
    MissingField,
    /// Outside a documented length, item count or value range.
    Bound,
    /// Not one of the documented values.
    NotListed,
}

/// Every departure of `value` from `ty`, in document order.
///
/// Where [`check_example`] predicts what the generated code does (stop at the
/// first value it cannot read, check constraints only if everything reads),
/// this is for people fixing the docs: it goes on past a value that does not
/// read and checks the constraints of every part that does.
pub fn departures(operation: &Operation, ty: &Ty, value: &Value) -> Vec<Departure> {
    let checker = Checker {
        operation,
        repeats: &BTreeMap::new(),
    };
    let mut found = Vec::new();
    checker.decode(ty, value, String::new(), &mut found);
    // Validation skips values of the wrong type, so it is safe on a body that does not read.
    checker.validate(ty, &Rules::default(), value, "", &mut found);
    found
}

struct Checker<'a> {
    operation: &'a Operation,
    /// The first repeated key of each object, by the object's pointer.
    repeats: &'a BTreeMap<String, Repeat>,
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_f64() => "floating point number",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "sequence",
        Value::Object(_) => "map",
    }
}

fn departure(
    found: &mut Vec<Departure>,
    path: impl Into<String>,
    kind: DepartureKind,
    message: String,
) {
    found.push(Departure {
        path: path.into(),
        kind,
        message,
    });
}

fn mismatch(found: &mut Vec<Departure>, path: String, value: &Value, expected: &str) {
    let message = format!("invalid type: {}, expected {expected}", kind(value));
    departure(found, path, DepartureKind::Type, message);
}

fn child(path: &str, key: &str) -> String {
    format!("{path}/{}", key.replace('~', "~0").replace('/', "~1"))
}

impl Checker<'_> {
    /// Records every value that does not read as its type, in the order the
    /// generated code reads them; a value that does not read is not looked into.
    fn decode(&self, ty: &Ty, value: &Value, path: String, found: &mut Vec<Departure>) {
        match (ty, value) {
            (Ty::String | Ty::Secret | Ty::Enum(_), Value::String(_)) => {}
            (Ty::String | Ty::Secret | Ty::Enum(_), _) => mismatch(found, path, value, "a string"),
            (Ty::Bool, Value::Bool(_)) => {}
            (Ty::Bool, _) => mismatch(found, path, value, "a boolean"),
            (Ty::I32, Value::Number(n)) if n.as_i64().is_some_and(|i| i32::try_from(i).is_ok()) => {
            }
            (Ty::I32, Value::Number(n)) if !n.is_f64() => {
                departure(
                    found,
                    path,
                    DepartureKind::Type,
                    format!("invalid value: integer `{n}`, expected i32"),
                );
            }
            (Ty::I32, _) => mismatch(found, path, value, "i32"),
            (Ty::I64, Value::Number(n)) if n.is_i64() => {}
            (Ty::I64, Value::Number(n)) if n.is_u64() => {
                departure(
                    found,
                    path,
                    DepartureKind::Type,
                    format!("invalid value: integer `{n}`, expected i64"),
                );
            }
            (Ty::I64, _) => mismatch(found, path, value, "i64"),
            (Ty::F64, Value::Number(_)) => {}
            (Ty::F64, _) => mismatch(found, path, value, "f64"),
            (Ty::Json, _) => {}
            (Ty::Array(inner), Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    self.decode(inner, item, format!("{path}/{i}"), found);
                }
            }
            (Ty::Array(_), _) => mismatch(found, path, value, "a sequence"),
            (Ty::Map(inner), Value::Object(members)) => {
                for (key, item) in members {
                    self.decode(inner, item, child(&path, key), found);
                }
            }
            (Ty::Map(_), _) => mismatch(found, path, value, "a map"),
            (Ty::Struct(name), Value::Object(members)) => {
                self.decode_struct(name, members, path, found)
            }
            (Ty::Struct(name), _) => mismatch(found, path, value, &format!("a {name} object")),
        }
    }

    fn decode_struct(
        &self,
        name: &str,
        members: &serde_json::Map<String, Value>,
        path: String,
        found: &mut Vec<Departure>,
    ) {
        let Some(shape) = self.operation.find_struct(name) else {
            return;
        };
        let repeat = self.repeats.get(&path);
        for (index, (key, value)) in members.iter().enumerate() {
            if let Some(repeat) = repeat.filter(|r| r.after_members == index) {
                // The decoder stops at the second occurrence, in document order.
                let message = format!("duplicate field `{}`", repeat.key);
                departure(found, path, DepartureKind::Type, message);
                return;
            }
            let Some(field) = shape.fields.iter().find(|f| f.wire == *key) else {
                continue;
            };
            if value.is_null() && !field.required {
                continue;
            }
            self.decode(&field.ty, value, child(&path, key), found);
        }
        if let Some(repeat) = repeat.filter(|r| r.after_members >= members.len()) {
            let message = format!("duplicate field `{}`", repeat.key);
            departure(found, path, DepartureKind::Type, message);
            return;
        }
        for missing in shape
            .fields
            .iter()
            .filter(|f| f.required && !members.contains_key(&f.wire))
        {
            let message = format!("missing field `{}`", missing.wire);
            departure(found, path.clone(), DepartureKind::MissingField, message);
        }
    }

    /// Mirrors the order in which generated `validate_at` code checks a value.
    fn validate(
        &self,
        ty: &Ty,
        rules: &Rules,
        value: &Value,
        path: &str,
        found: &mut Vec<Departure>,
    ) {
        match (ty, value) {
            (Ty::Array(inner), Value::Array(items)) => {
                let len = items.len() as u64;
                if let Some(min) = rules.items.min.filter(|m| len < *m) {
                    let message = format!("{len} items, fewer than the minimum of {min}");
                    departure(found, path, DepartureKind::Bound, message);
                }
                if let Some(max) = rules.items.max.filter(|m| len > *m) {
                    let message = format!("{len} items, more than the maximum of {max}");
                    departure(found, path, DepartureKind::Bound, message);
                }
                let item_rules = Rules {
                    items: Default::default(),
                    ..rules.clone()
                };
                for (i, item) in items.iter().enumerate() {
                    self.validate(inner, &item_rules, item, &format!("{path}/{i}"), found);
                }
            }
            (Ty::String | Ty::Secret, Value::String(s)) => check_length(rules, s, path, found),
            (Ty::Enum(name), Value::String(s)) => {
                check_length(rules, s, path, found);
                if let Some(e) = self.operation.find_enum(name) {
                    if !e.variants.iter().any(|v| v.wire == *s) {
                        let allowed: Vec<&str> =
                            e.variants.iter().map(|v| v.wire.as_str()).collect();
                        let message = format!(
                            "{s:?} is not one of the documented values ({})",
                            allowed.join(", ")
                        );
                        departure(found, path, DepartureKind::NotListed, message);
                    }
                }
            }
            (Ty::I32 | Ty::I64 | Ty::F64, Value::Number(n)) => {
                let actual = number(ty, n);
                if let Some(min) = rules.range.min.filter(|m| actual < *m) {
                    let message = format!("{actual} is less than the minimum of {min}");
                    departure(found, path, DepartureKind::Bound, message);
                }
                if let Some(max) = rules.range.max.filter(|m| actual > *m) {
                    let message = format!("{actual} is greater than the maximum of {max}");
                    departure(found, path, DepartureKind::Bound, message);
                }
                if let Some(list) = rules.one_of.as_ref().filter(|l| !l.contains(&actual)) {
                    let allowed: Vec<String> = list.iter().map(|l| as_type(ty, *l)).collect();
                    let message = format!(
                        "{actual} is not one of the documented values ({})",
                        allowed.join(", ")
                    );
                    departure(found, path, DepartureKind::NotListed, message);
                }
            }
            (Ty::Map(inner), Value::Object(members)) => {
                for (key, item) in members {
                    self.validate(inner, &Rules::default(), item, &child(path, key), found);
                }
            }
            (Ty::Struct(name), Value::Object(members)) => {
                let Some(shape) = self.operation.find_struct(name) else {
                    return;
                };
                for field in &shape.fields {
                    if let Some(item) = members.get(&field.wire).filter(|v| !v.is_null()) {
                        self.validate(
                            &field.ty,
                            &field.rules,
                            item,
                            &child(path, &field.wire),
                            found,
                        );
                    }
                }
            }
            _ => {}
        }
    }
}

fn check_length(rules: &Rules, s: &str, path: &str, found: &mut Vec<Departure>) {
    let len = s.chars().count() as u64;
    if let Some(min) = rules.length.min.filter(|m| len < *m) {
        let message = format!("{len} characters, fewer than the minimum length of {min}");
        departure(found, path, DepartureKind::Bound, message);
    }
    if let Some(max) = rules.length.max.filter(|m| len > *m) {
        let message = format!("{len} characters, more than the maximum length of {max}");
        departure(found, path, DepartureKind::Bound, message);
    }
}

/// A JSON number as the generated field type holds it.
fn number(ty: &Ty, n: &serde_json::Number) -> Limit {
    match (ty, n.as_i64()) {
        (Ty::F64, _) | (_, None) => Limit::Float(n.as_f64().unwrap_or_default()),
        (_, Some(i)) => Limit::Int(i),
    }
}

/// A documented bound as the generated code writes it: floats for f64 fields.
fn as_type(ty: &Ty, limit: Limit) -> String {
    match ty {
        Ty::F64 => Limit::Float(limit.as_f64()).to_string(),
        _ => limit.to_string(),
    }
}

fn message(path: &str, what: &str) -> String {
    let path = if path.is_empty() { "/" } else { path };
    format!("{path}: {what}")
}
