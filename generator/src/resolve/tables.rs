//! Tables into fields and structs: parameter tables, body tables, object tables.

use super::{Place, Resolver};
use crate::diagnostic::Guess;
use crate::model::{Body, Field, Struct, Ty};
use crate::spec::Side;
use std::collections::BTreeMap;

impl Resolver<'_> {
    /// A row repeated in a table the docs gave keeps its first reading (pages
    /// repeat rows by mistake); in a table or row added by hand it is an error.
    pub(super) fn check_duplicate_rows(&mut self, t: usize) {
        let table = &self.tables()[t];
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for (r, row) in table.rows.iter().enumerate() {
            let name = row.parameter.trim();
            let Some(&first) = seen.get(name) else {
                seen.insert(name, r);
                continue;
            };
            let (line, _) = self.spec.source_map.row(t, first);
            let location = self.spec.locate_row(t, r);
            let by_hand = table.added_by_hand.is_some()
                || row.added_by_hand.is_some()
                || table.rows[first].added_by_hand.is_some();
            if by_hand {
                self.error(
                    location,
                    format!("duplicate row: \"{name}\" is already documented at line {line}"),
                )
                .with_table(table.label())
                .with_row(name);
            } else {
                self.warn(
                    location,
                    format!("repeated row: \"{name}\" is already documented at line {line}; the first is kept and this one left out (delete one of them to silence this)"),
                )
                .with_table(table.label())
                .with_row(name)
                .with_guess(Guess::RepeatedRow);
                self.repeated_rows.insert((t, r));
            }
        }
    }

    /// The fields of a parameter table; `taken` holds the Rust names of
    /// the parameters of its kind (path, query, header) in earlier tables.
    pub(super) fn parameters(
        &mut self,
        t: usize,
        taken: &mut BTreeMap<String, String>,
    ) -> Vec<Field> {
        let table = &self.tables()[t];
        let mut names: Vec<(usize, Field)> = (0..table.rows.len())
            .filter_map(|r| Some((r, self.field(t, r, Side::Request, Place::Parameter)?)))
            .collect();
        self.check_rust_collisions(t, &mut names, taken);
        names.into_iter().map(|(_, field)| field).collect()
    }

    /// A body table: a struct, or a whole-body `-` row.
    pub(super) fn body(&mut self, t: usize, name: String, side: Side) -> Option<Body> {
        let table = &self.tables()[t];
        if let [row] = table.rows.as_slice() {
            if row.parameter.trim() == "-" {
                let field = self.field(t, 0, side, Place::Body)?;
                return Some(match field.ty {
                    Ty::String => Body::Text,
                    ty => Body::Json(ty),
                });
            }
        }
        // `RequestBody` is reserved for exactly this struct; response body names may clash with objects.
        let name = if name == "RequestBody" {
            name
        } else {
            self.unique_type_name(&name, None)
        };
        self.table_struct(t, name.clone(), side);
        Some(Body::Json(Ty::Struct(name)))
    }

    pub(super) fn object_struct(&mut self, t: usize) {
        let Some(name) = self.object_names.get(&t).cloned() else {
            return;
        };
        let side = self.tables()[t].side.unwrap_or(Side::Response);
        self.table_struct(t, name, side);
    }

    pub(super) fn table_struct(&mut self, t: usize, name: String, side: Side) {
        let table = &self.tables()[t];
        let mut fields: Vec<(usize, Field)> = (0..table.rows.len())
            .filter_map(|r| {
                if table.rows[r].parameter.trim() == "-" {
                    self.error(
                        self.spec.locate_row(t, r),
                        "a `-` row stands for the whole body and must be the table's only row",
                    )
                    .with_table(table.label())
                    .with_row("-");
                    return None;
                }
                Some((r, self.field(t, r, side, Place::Body)?))
            })
            .collect();
        self.check_rust_collisions(t, &mut fields, &mut BTreeMap::new());
        let fields: Vec<Field> = fields.into_iter().map(|(_, field)| field).collect();
        // The caption names the table ("Table 3 Response body parameters"),
        // not the value: type docs say what the value is (see `emit::docs`).
        let mut doc = Vec::new();
        if let Some(note) = &table.added_by_hand {
            doc.push(format!("Added by hand: {}", note.trim()));
        }
        if let Some(note) = &table.inferred {
            doc.push(format!("Inferred: {}", note.trim()));
        }
        if let Some(note) = &table.note {
            doc.push(format!("Note: {}", note.trim()));
        }
        self.structs.push(Struct {
            name,
            doc,
            fields,
            origin: match &table.name {
                Some(n) => format!("object \"{n}\""),
                None => table.label(),
            },
        });
    }

    /// Fields whose Rust names collide: an error where a person wrote the
    /// table; where the docs did (`Project-Id` and `project_id`, or one name
    /// in two parameter tables), the later field takes a distinct name
    /// (`project_id_2`) with a warning. `taken` maps the Rust names already
    /// given to their wire names.
    pub(super) fn check_rust_collisions(
        &mut self,
        t: usize,
        fields: &mut [(usize, Field)],
        taken: &mut BTreeMap<String, String>,
    ) {
        let table = &self.tables()[t];
        for (r, field) in fields.iter_mut() {
            let r = *r;
            if field.rust == "undocumented" {
                self.error(
                    self.spec.locate_row(t, r),
                    "the Rust name `undocumented` is taken by the field that keeps undocumented members",
                )
                .with_table(table.label())
                .with_row(&field.wire);
            }
            let Some(first) = taken.get(&field.rust).cloned() else {
                taken.insert(field.rust.clone(), field.wire.clone());
                continue;
            };
            let by_hand = table.added_by_hand.is_some() || table.rows[r].added_by_hand.is_some();
            if by_hand {
                if first != field.wire {
                    self.error(
                        self.spec.locate_row(t, r),
                        format!(
                            "\"{}\" and \"{first}\" both become the Rust name `{}`; rename one with a hand-corrected table",
                            field.wire, field.rust
                        ),
                    )
                    .with_table(table.label())
                    .with_row(&field.wire);
                }
                continue;
            }
            let base = field.rust.trim_start_matches("r#").to_owned();
            let distinct = (2..)
                .map(|n| format!("{base}_{n}"))
                .find(|name| !taken.contains_key(name))
                .unwrap_or_default();
            let what = if first == field.wire {
                format!("\"{}\" is documented in an earlier table too", field.wire)
            } else {
                format!(
                    "\"{}\" and \"{first}\" both become the Rust name `{}`",
                    field.wire, field.rust
                )
            };
            self.warn(
                self.spec.locate_row(t, r),
                format!("{what}; this one is named `{distinct}` in Rust (the wire name is kept; correct the table to silence this)"),
            )
            .with_table(table.label())
            .with_row(&field.wire)
            .with_guess(Guess::CollidingName);
            field.rust = distinct;
            taken.insert(field.rust.clone(), field.wire.clone());
        }
    }
}
