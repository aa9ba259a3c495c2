//! Every mistake in the shape of a spec file whose YAML reads: unknown keys,
//! missing keys and values of the wrong type, in every table, row, example
//! and status code at once, rather than serde's first.
//!
//! The file is read as a YAML value and each part is deserialized on its own
//! (the spec's top level without its lists, each table without its rows, each
//! row, example and status code), so one mistake does not hide the next.

use super::{Example, Row, SourceMap, Spec, StatusCode, Table, TableRole};
use crate::diagnostic::{Diagnostic, Location};
use serde::de::DeserializeOwned;
use serde_yaml::{Mapping, Value};
use std::path::Path;

/// The shape mistakes of `value` (the text's YAML), each at its line and
/// column, with its table and row. Empty when each part reads on its own.
pub(super) fn shape_mistakes(path: &Path, text: &str, value: &Value) -> Vec<Diagnostic> {
    let mut found = Mistakes {
        path,
        source_map: SourceMap::build(text),
        diagnostics: Vec::new(),
    };
    let Value::Mapping(top) = value else {
        found.check::<Spec>("", value, None, None);
        return found.diagnostics;
    };
    let lists = ["tables", "examples", "status_codes"];
    found.check::<Spec>("", &Value::Mapping(without(top, &lists)), None, None);
    for (index, table) in sequence(top, "tables") {
        let pointer = format!("/tables/{index}");
        let label = table_label(index, table);
        let Value::Mapping(fields) = table else {
            found.check::<Table>(&pointer, table, Some(&label), None);
            continue;
        };
        let bare = Value::Mapping(without(fields, &["rows"]));
        found.check::<Table>(&pointer, &bare, Some(&label), None);
        for (row_index, row) in sequence(fields, "rows") {
            let row_label = match row.get("parameter") {
                Some(Value::String(parameter)) => parameter.clone(),
                _ => format!("#{}", row_index + 1),
            };
            let pointer = format!("{pointer}/rows/{row_index}");
            found.check::<Row>(&pointer, row, Some(&label), Some(&row_label));
        }
    }
    for (index, example) in sequence(top, "examples") {
        found.check::<Example>(&format!("/examples/{index}"), example, None, None);
    }
    for (index, status) in sequence(top, "status_codes") {
        found.check::<StatusCode>(&format!("/status_codes/{index}"), status, None, None);
    }
    found.diagnostics
}

struct Mistakes<'a> {
    path: &'a Path,
    source_map: SourceMap,
    diagnostics: Vec<Diagnostic>,
}

impl Mistakes<'_> {
    /// Reads `value`, the part of the file at `pointer`, as a `T`; records
    /// the mistake where it does not read.
    fn check<T: DeserializeOwned>(
        &mut self,
        pointer: &str,
        value: &Value,
        table: Option<&str>,
        row: Option<&str>,
    ) {
        let Err(error) = serde_path_to_error::deserialize::<_, T>(value.clone()) else {
            return;
        };
        let mut at = pointer.to_owned();
        for segment in error.path().iter() {
            match segment {
                serde_path_to_error::Segment::Seq { index } => at.push_str(&format!("/{index}")),
                serde_path_to_error::Segment::Map { key } => at.push_str(&format!("/{key}")),
                _ => {}
            }
        }
        let message = error.into_inner().to_string();
        // An unknown key stands where the key is, not at its mapping.
        if let Some(key) = message
            .strip_prefix("unknown field `")
            .and_then(|rest| rest.split('`').next())
        {
            at.push_str(&format!("/{key}"));
        }
        let (line, column) = self.source_map.position(&at);
        let mut diagnostic = Diagnostic::error(
            Location::new(self.path, line, column),
            format!("not a valid spec: {message}"),
        )
        .with_hint("see spec/README.md for the format");
        if let Some(table) = table {
            diagnostic = diagnostic.in_table(table);
        }
        if let Some(row) = row {
            diagnostic = diagnostic.in_row(row);
        }
        self.diagnostics.push(diagnostic);
    }
}

/// `mapping` without the keys `lists` when they hold sequences (those are
/// checked item by item); any other value stays, to be reported there.
fn without(mapping: &Mapping, lists: &[&str]) -> Mapping {
    let mut rest = mapping.clone();
    for key in lists {
        if matches!(rest.get(*key), Some(Value::Sequence(_))) {
            rest.remove(*key);
        }
    }
    rest
}

/// The items of the sequence at `key` of `mapping`, with their indices.
fn sequence<'a>(mapping: &'a Mapping, key: &str) -> impl Iterator<Item = (usize, &'a Value)> {
    let items = match mapping.get(key) {
        Some(Value::Sequence(items)) => items.as_slice(),
        _ => &[],
    };
    items.iter().enumerate()
}

/// How a table that may not read is named in messages, as [`Table::label`]
/// names one that does: its object name, or its role and status, or its
/// position.
fn table_label(index: usize, table: &Value) -> String {
    let role = table
        .get("role")
        .and_then(|role| serde_yaml::from_value::<TableRole>(role.clone()).ok());
    match (table.get("name"), role, table.get("status")) {
        (Some(Value::String(name)), _, _) => name.clone(),
        (_, Some(role), Some(Value::Number(status))) => {
            format!("{} of status {status}", role.describe())
        }
        (_, Some(role), _) => role.describe().to_owned(),
        _ => format!("#{}", index + 1),
    }
}
