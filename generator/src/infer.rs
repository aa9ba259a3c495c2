//! Tables inferred from examples, where the docs lack one: the rows are the
//! members the examples show, by name, each typed by
//! the phrase that fits every value shown (any JSON where the values differ
//! or show no type), for a reviewer to check against the API reference.
//! The one rule: the importer adds these tables to a spec, the linter offers
//! them as hints.

use crate::spec::{Row, Side, Table, TableRole};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// What the inferred table documents.
pub struct Subject {
    pub role: TableRole,
    /// For object tables: the name rows refer to it by, and the half of the page it stands in.
    pub name: Option<String>,
    pub side: Side,
    /// For response bodies: the status.
    pub status: Option<u16>,
}

/// A table whose rows are the members `objects` show, by name (the same
/// table whatever order the examples come in); `source` names the examples
/// they come from. An example shows a member, never whether it must be
/// sent: the rows say nothing of Mandatory.
pub fn infer_table(subject: Subject, objects: &[&Map<String, Value>], source: &str) -> Table {
    let keys: BTreeSet<&String> = objects.iter().flat_map(|object| object.keys()).collect();
    let rows = keys
        .into_iter()
        .map(|key| {
            let values = objects.iter().filter_map(|object| object.get(key));
            Row::new(key.clone(), None, type_phrase(values), "")
        })
        .collect();
    Table {
        role: subject.role,
        side: (subject.role == TableRole::Object).then_some(subject.side),
        name: subject.name,
        status: subject.status,
        caption: None,
        columns: ["Parameter", "Type", "Description"]
            .map(str::to_owned)
            .to_vec(),
        added_by_hand: None,
        inferred: Some(format!(
            "rows from {source}; check types, Mandatory and descriptions against the API reference"
        )),
        note: None,
        rows,
    }
}

/// A table offered for a request: every row written out as optional, so
/// that the reviewer sees the one thing the examples cannot tell.
fn with_optional_rows(mut table: Table) -> Table {
    table.columns = ["Parameter", "Mandatory", "Type", "Description"]
        .map(str::to_owned)
        .to_vec();
    for row in &mut table.rows {
        row.mandatory = Some("No".to_owned());
    }
    table
}

/// The table as a spec's `tables` list holds it, indented to stand in a
/// hint; a request table with its rows written out as optional.
pub fn table_yaml(table: &Table) -> String {
    let request = table.role == TableRole::RequestBody || table.side == Some(Side::Request);
    let table = if request {
        with_optional_rows(table.clone())
    } else {
        table.clone()
    };
    // Plain data with string keys always serializes.
    let yaml = serde_yaml::to_string(std::slice::from_ref(&table)).unwrap_or_default();
    yaml.lines()
        .map(|line| format!("    {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The type phrase that fits every non-null value of a member.
fn type_phrase<'v>(values: impl Iterator<Item = &'v Value>) -> String {
    match common_kind(values) {
        Some(Kind::Array(items)) => match items.as_deref() {
            Some(Kind::String) => "Array of strings".to_owned(),
            Some(Kind::Integer) => "Array of integers".to_owned(),
            Some(Kind::Long) => "Array of longs".to_owned(),
            Some(Kind::Number) => "Array of numbers".to_owned(),
            Some(Kind::Boolean) => "Array of booleans".to_owned(),
            Some(Kind::Object) => "Array of objects".to_owned(),
            // Arrays of arrays, of mixed items, or only ever empty.
            Some(Kind::Array(_) | Kind::Json) | None => "JSON Array".to_owned(),
        },
        Some(Kind::String) => "String".to_owned(),
        Some(Kind::Integer) => "Integer".to_owned(),
        Some(Kind::Long) => "Long".to_owned(),
        Some(Kind::Number) => "Number".to_owned(),
        Some(Kind::Boolean) => "Boolean".to_owned(),
        Some(Kind::Object) => "Object".to_owned(),
        Some(Kind::Json) | None => "JSON".to_owned(),
    }
}

/// The kind of a JSON value, as far as a type phrase can say it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    String,
    Integer,
    Long,
    Number,
    Boolean,
    Object,
    /// The common kind of the items; `None` when no array had any.
    Array(Option<Box<Kind>>),
    /// Values of different kinds.
    Json,
}

/// The kind every non-null value fits, `None` if there is none.
fn common_kind<'v>(values: impl Iterator<Item = &'v Value>) -> Option<Kind> {
    values.filter(|v| !v.is_null()).map(kind).reduce(merge)
}

fn kind(value: &Value) -> Kind {
    match value {
        Value::String(_) => Kind::String,
        Value::Bool(_) => Kind::Boolean,
        Value::Number(n) if n.as_i64().is_some_and(|i| i32::try_from(i).is_ok()) => Kind::Integer,
        Value::Number(n) if n.is_i64() || n.is_u64() => Kind::Long,
        Value::Number(_) => Kind::Number,
        Value::Object(_) => Kind::Object,
        Value::Array(items) => Kind::Array(common_kind(items.iter()).map(Box::new)),
        Value::Null => Kind::Json,
    }
}

fn merge(a: Kind, b: Kind) -> Kind {
    match (a, b) {
        (a, b) if a == b => a,
        (Kind::Array(a), Kind::Array(b)) => Kind::Array(match (a, b) {
            (Some(a), Some(b)) => Some(Box::new(merge(*a, *b))),
            (a, b) => a.or(b),
        }),
        (Kind::Number, Kind::Integer | Kind::Long) | (Kind::Integer | Kind::Long, Kind::Number) => {
            Kind::Number
        }
        (Kind::Long, Kind::Integer) | (Kind::Integer, Kind::Long) => Kind::Long,
        _ => Kind::Json,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn phrase(values: &[Value]) -> String {
        type_phrase(values.iter())
    }

    #[test]
    fn types_fit_every_value() {
        assert_eq!(phrase(&[json!("a"), json!(null)]), "String");
        assert_eq!(phrase(&[json!(1), json!(5_000_000_000_i64)]), "Long");
        assert_eq!(phrase(&[json!(1), json!(1.5)]), "Number");
        assert_eq!(phrase(&[json!(1), json!("1")]), "JSON");
        assert_eq!(phrase(&[json!([]), json!(["a"])]), "Array of strings");
        assert_eq!(phrase(&[json!([])]), "JSON Array");
        assert_eq!(phrase(&[json!([{ "a": 1 }])]), "Array of objects");
        assert_eq!(phrase(&[]), "JSON");
    }
}
