//! Walks an example's JSON along the tables: which table and row documents
//! each value, which keys no table documents, which mandatory rows are
//! absent, and which objects stand where a row refers to no table.

use super::positions::member_pointer;
use super::shape::{row_shape, Shape};
use crate::resolve::{mandatory, Mandatory};
use crate::spec::Table;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Where a value stands in an example.
#[derive(Debug, Clone, Default)]
pub struct Path {
    /// Its JSON pointer (`/servers/0/name`).
    pub pointer: String,
    /// The pointer with array indices and map keys as `*` (`/servers/*/name`):
    /// the same for every item of an array, so repeats can be told apart
    /// from distinct problems.
    pub pattern: String,
}

impl Path {
    fn member(&self, key: &str) -> Path {
        Path {
            pointer: member_pointer(&self.pointer, key),
            pattern: member_pointer(&self.pattern, key),
        }
    }

    fn item(&self, index: usize) -> Path {
        Path {
            pointer: format!("{}/{index}", self.pointer),
            pattern: format!("{}/*", self.pattern),
        }
    }

    fn entry(&self, key: &str) -> Path {
        Path {
            pointer: member_pointer(&self.pointer, key),
            pattern: format!("{}/*", self.pattern),
        }
    }
}

/// The table, and row if any, that documents a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub table: usize,
    pub row: Option<usize>,
}

impl Place {
    pub fn table(table: usize) -> Place {
        Place { table, row: None }
    }

    pub fn row(table: usize, row: usize) -> Place {
        Place {
            table,
            row: Some(row),
        }
    }
}

/// A member whose object's table has no row for it.
#[derive(Debug)]
pub struct UndocumentedKey {
    pub path: Path,
    pub key: String,
    pub table: usize,
}

/// A mandatory row absent from an object.
#[derive(Debug)]
pub struct AbsentRow {
    /// The object's path.
    pub path: Path,
    pub table: usize,
    pub row: usize,
}

/// An object standing where a row refers to no table.
#[derive(Debug)]
pub struct UntabledObject<'v> {
    pub table: usize,
    pub row: usize,
    pub members: &'v Map<String, Value>,
}

/// What walking one example found.
#[derive(Debug)]
pub struct Walked<'v> {
    /// The place of the whole body.
    pub root: Place,
    /// The place and path pattern of every value visited, by JSON pointer.
    pub places: HashMap<String, (Place, String)>,
    pub undocumented: Vec<UndocumentedKey>,
    pub absent: Vec<AbsentRow>,
    pub untabled: Vec<UntabledObject<'v>>,
}

/// Walks `value`, the body of shape `shape` that `root` documents.
pub fn walk<'v>(tables: &[Table], value: &'v Value, shape: &Shape, root: Place) -> Walked<'v> {
    let mut walker = Walker {
        tables,
        walked: Walked {
            root,
            places: HashMap::new(),
            undocumented: Vec::new(),
            absent: Vec::new(),
            untabled: Vec::new(),
        },
    };
    walker.visit(value, shape, &Path::default(), root);
    walker.walked
}

impl Walked<'_> {
    /// The place and path pattern of a value: the walk's record of it, or of
    /// its nearest ancestor the walk visited (the rest of the path as is).
    pub fn place_of(&self, pointer: &str) -> (Place, String) {
        let mut at = pointer;
        loop {
            if let Some((place, pattern)) = self.places.get(at) {
                return (*place, format!("{pattern}{}", &pointer[at.len()..]));
            }
            match at.rfind('/') {
                Some(i) => at = &at[..i],
                None => return (self.root, pointer.to_owned()),
            }
        }
    }
}

struct Walker<'t, 'v> {
    tables: &'t [Table],
    walked: Walked<'v>,
}

impl<'v> Walker<'_, 'v> {
    fn visit(&mut self, value: &'v Value, shape: &Shape, path: &Path, place: Place) {
        self.walked
            .places
            .insert(path.pointer.clone(), (place, path.pattern.clone()));
        match (shape, value) {
            (Shape::Table(t), Value::Object(members)) => self.object(*t, members, path),
            (Shape::Untabled(_), Value::Object(members)) if !members.is_empty() => {
                if let Some(row) = place.row {
                    self.walked.untabled.push(UntabledObject {
                        table: place.table,
                        row,
                        members,
                    });
                }
            }
            (Shape::Array(items_shape), Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    self.visit(item, items_shape, &path.item(i), place);
                }
            }
            (Shape::Map(values_shape), Value::Object(members)) => {
                for (key, member) in members {
                    self.visit(member, values_shape, &path.entry(key), place);
                }
            }
            // Scalars have nothing inside; values of another type than
            // documented are the model's to report.
            _ => {}
        }
    }

    fn object(&mut self, t: usize, members: &'v Map<String, Value>, path: &Path) {
        let rows = &self.tables[t].rows;
        for (key, member) in members {
            let child = path.member(key);
            match rows.iter().position(|row| row.parameter.trim() == key) {
                Some(r) => {
                    let shape = row_shape(self.tables, t, r);
                    self.visit(member, &shape, &child, Place::row(t, r));
                }
                None => self.walked.undocumented.push(UndocumentedKey {
                    path: child,
                    key: key.clone(),
                    table: t,
                }),
            }
        }
        for (r, row) in rows.iter().enumerate() {
            if mandatory(row) == Ok(Mandatory::Yes) && !members.contains_key(row.parameter.trim()) {
                self.walked.absent.push(AbsentRow {
                    path: path.clone(),
                    table: t,
                    row: r,
                });
            }
        }
    }
}
