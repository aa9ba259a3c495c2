//! Object tables: their Rust names, and finding the table a row refers to.

use super::{naming, Resolver};
use crate::spec::{Side, Table, TableRole};
use std::collections::BTreeMap;

impl Resolver<'_> {
    /// Chooses the Rust name of every object table up front, so that rows can refer to tables further down.
    pub(super) fn name_objects(&mut self) {
        let mut seen: BTreeMap<(String, Option<Side>), usize> = BTreeMap::new();
        for (t, table) in self.tables().iter().enumerate() {
            if table.role != TableRole::Object {
                continue;
            }
            let Some(name) = table
                .name
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
            else {
                self.error(
                    self.spec.locate_table(t),
                    "an object table needs a `name`: the name rows use to refer to it",
                );
                continue;
            };
            if let Some(first) = seen.insert((name.to_owned(), table.side), t) {
                let (line, _) = self.spec.source_map.table(first);
                self.error(
                    self.spec.locate_table(t),
                    format!("a second object table named \"{name}\" (the first is at line {line})"),
                )
                .with_table(name);
                continue;
            }
            let base = naming::type_name(name);
            let rust = self.unique_type_name(&base, table.side);
            self.object_names.insert(t, rust);
        }
    }

    pub(super) fn unique_type_name(&mut self, base: &str, side: Option<Side>) -> String {
        let mut candidates = vec![base.to_owned()];
        match side {
            Some(Side::Request) => candidates.push(format!("{base}InRequest")),
            Some(Side::Response) => candidates.push(format!("{base}InResponse")),
            None => {}
        }
        candidates.push(format!("{base}Object"));
        let name = candidates
            .into_iter()
            .find(|c| !self.taken.contains(c))
            .unwrap_or_else(|| {
                (2..)
                    .map(|n| format!("{base}{n}"))
                    .find(|c| !self.taken.contains(c))
                    .unwrap_or_default()
            });
        self.taken.insert(name.clone());
        name
    }
}

/// Finds the object table a reference names: same half of the page first,
/// then any; an exact name first, then one that differs only in case.
pub fn find_object(tables: &[Table], name: &str, side: Side) -> Option<usize> {
    let objects = || {
        tables
            .iter()
            .enumerate()
            .filter(|(_, t)| t.role == TableRole::Object)
    };
    let name_is = |t: &Table, exact: bool| {
        t.name.as_deref().is_some_and(|n| {
            let n = n.trim();
            if exact {
                n == name
            } else {
                n.eq_ignore_ascii_case(name)
            }
        })
    };
    for exact in [true, false] {
        let on_side =
            objects().find(|(_, t)| name_is(t, exact) && t.side.is_none_or(|s| s == side));
        if let Some((i, _)) = on_side.or_else(|| objects().find(|(_, t)| name_is(t, exact))) {
            return Some(i);
        }
    }
    None
}
