//! The tables against each other and against the statuses: objects without
//! a table, statuses without a body, tables nothing refers to.

use super::shape::{referenced_tables, row_shape, Shape};
use super::walk::Place;
use super::{and_list, Check, Linter, Samples, Target};
use crate::diagnostic::Diagnostic;
use crate::infer::{infer_table, table_yaml, Subject};
use crate::resolve::naming;
use crate::resolve::side_of;
use crate::spec::TableRole;
use serde_json::{Map, Value};
use std::collections::BTreeSet;

impl Linter<'_> {
    /// Rows that refer to an object no table describes: by a name no table
    /// has, or as a plain `Object` whose members the examples show.
    pub(super) fn untabled_objects(&mut self) {
        let tables = self.tables();
        for (t, table) in tables.iter().enumerate() {
            for r in 0..table.rows.len() {
                let Some(name) = untabled_name(&row_shape(tables, t, r)) else {
                    continue;
                };
                let samples = self.untabled.remove(&(t, r)).unwrap_or_default();
                if let Some(diagnostic) = self.missing_table(t, r, name, &samples) {
                    self.report(Check::MissingTable, diagnostic);
                }
            }
        }
    }

    /// The finding for row `r` of table `t`, which refers to the object
    /// `name` (`None`: a plain `Object`) that no table describes.
    fn missing_table(
        &self,
        t: usize,
        r: usize,
        name: Option<String>,
        samples: &Samples,
    ) -> Option<Diagnostic> {
        let table = &self.tables()[t];
        let row = &table.rows[r];
        let cell = if row.object.is_some() { "ref" } else { "type" };
        let location = self.spec.locate_cell(t, r, cell);
        let place = Place::row(t, r);
        let shown_by = and_list(&samples.shown_by);
        let shows = if samples.shown_by.len() == 1 {
            "shows"
        } else {
            "show"
        };
        let objects: Vec<&Map<String, Value>> = samples.objects.iter().collect();
        let inferred = |name: &str| {
            let subject = Subject {
                role: TableRole::Object,
                name: Some(name.to_owned()),
                side: side_of(table),
                status: None,
            };
            table_yaml(&infer_table(subject, &objects, &shown_by))
        };
        let diagnostic = match name {
            Some(name) if objects.is_empty() => self
                .warning(
                    location,
                    place,
                    format!("no table describes \"{name}\", and no example shows one"),
                )
                .with_hint(format!(
                    "add an object table named \"{name}\" from the API reference"
                )),
            Some(name) => self
                .warning(
                    location,
                    place,
                    format!("no table describes \"{name}\"; {shown_by} {shows} its members"),
                )
                .with_hint(format!(
                    "add this table, inferred from the examples:\n{}",
                    inferred(&name)
                )),
            // A plain `Object` is free-form JSON: a finding only when the
            // examples show members that a table could document.
            None if objects.is_empty() => return None,
            None => {
                let members: BTreeSet<&str> = objects
                    .iter()
                    .flat_map(|o| o.keys())
                    .map(String::as_str)
                    .collect();
                let message = format!(
                    "the type \"{}\" refers to no table, but {shown_by} {shows} members ({}) that no table documents: the generated type keeps them as JSON",
                    row.type_.trim(),
                    members.into_iter().collect::<Vec<_>>().join(", ")
                );
                let name = naming::type_name(row.parameter.trim());
                self.warning(location, place, message).with_hint(format!(
                    "if the members are fixed, add this table, inferred from the examples, and set `ref: {name}` on the row; if the keys are free, type the row `Map<String,X>`:\n{}",
                    inferred(&name)
                ))
            }
        };
        Some(diagnostic)
    }

    /// Statuses the Status Codes table lists with nothing that shows their body.
    pub(super) fn undocumented_statuses(&mut self) {
        let spec = &self.spec.spec;
        let shown: BTreeSet<u16> = spec
            .examples
            .iter()
            .filter(|e| e.body.as_deref().is_some_and(|b| !b.trim().is_empty()))
            .filter_map(|e| match self.target(e) {
                Some(Target::Response(status)) => Some(status),
                _ => None,
            })
            .collect();
        let mut seen = BTreeSet::new();
        for (i, code) in spec.status_codes.iter().enumerate() {
            let status = code.status;
            if !seen.insert(status)
                || !has_body(status)
                || shown.contains(&status)
                || self.body_table(Target::Response(status)).is_some()
            {
                continue;
            }
            let message = format!(
                "status {status} is documented, but neither a table nor an example shows its body: the generated type keeps it as text"
            );
            let location = self.spec.locate(&format!("/status_codes/{i}"));
            self.report(
                Check::UndocumentedBody,
                Diagnostic::warning(location, message),
            );
        }
    }

    /// Object tables that no row refers to.
    pub(super) fn orphan_tables(&mut self) {
        let referenced = referenced_tables(self.tables());
        for (t, table) in self.tables().iter().enumerate() {
            if table.role != TableRole::Object || referenced.contains(&t) {
                continue;
            }
            let diagnostic = self
                .warning(
                    self.spec.locate_table(t),
                    Place::table(t),
                    "no row refers to this table: nothing sent or received is described by it"
                        .to_owned(),
                )
                .with_hint(
                    "name the table in the Type cell or `ref` of the row it describes, or remove it",
                );
            self.report(Check::OrphanTable, diagnostic);
        }
    }
}

/// The object no table describes, when a shape has one: its name, or `None`
/// for a plain `Object`.
fn untabled_name(shape: &Shape) -> Option<Option<String>> {
    match shape {
        Shape::Untabled(name) => Some(name.clone()),
        Shape::Array(inner) | Shape::Map(inner) => untabled_name(inner),
        Shape::Scalar | Shape::Any | Shape::Table(_) => None,
    }
}

/// Whether responses of a status have a body: HTTP says 1xx, 204, 205 and 304 have none.
fn has_body(status: u16) -> bool {
    !matches!(status, 100..=199 | 204 | 205 | 304)
}
