//! What the tables say about the structure of a value: which table describes
//! an object, what the items of an array are. Read from the spec as written,
//! so that examples can be walked even when the spec does not resolve.

use crate::phrase::{parse_type, TypePhrase};
use crate::resolve::find_object;
use crate::spec::{Side, Table, TableRole};

/// The structure a row gives its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// A string, number or boolean.
    Scalar,
    /// Any JSON value: the docs say nothing of what is inside, or the Type
    /// cell does not parse (the resolver reports that).
    Any,
    /// An object the table at this index describes.
    Table(usize),
    /// An object no table describes: the name a row refers to, or `None`
    /// for a plain `Object` / `Array of objects` that names no table.
    Untabled(Option<String>),
    Array(Box<Shape>),
    /// A JSON object with free keys and values of this shape.
    Map(Box<Shape>),
}

impl Shape {
    /// The tables this shape refers to.
    fn tables(&self, out: &mut Vec<usize>) {
        match self {
            Shape::Table(t) => out.push(*t),
            Shape::Array(inner) | Shape::Map(inner) => inner.tables(out),
            Shape::Scalar | Shape::Any | Shape::Untabled(_) => {}
        }
    }
}

/// The half of the page a table's rows are read in, as the resolver reads them.
pub fn side_of(table: &Table) -> Side {
    match table.role {
        TableRole::PathParameters
        | TableRole::QueryParameters
        | TableRole::HeaderParameters
        | TableRole::RequestBody => Side::Request,
        TableRole::ResponseBody | TableRole::ResponseHeaders => Side::Response,
        TableRole::Object => table.side.unwrap_or(Side::Response),
    }
}

/// The shape of the value of row `r` of table `t`.
pub fn row_shape(tables: &[Table], t: usize, r: usize) -> Shape {
    let table = &tables[t];
    let row = &table.rows[r];
    let Ok(phrase) = parse_type(&row.type_) else {
        return Shape::Any;
    };
    let explicit = row
        .object
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    Linker {
        tables,
        side: side_of(table),
    }
    .shape(&phrase, explicit)
}

/// The shape of a body described by table `t`: its `-` row's value when it
/// has one (the row stands for the whole body), else an object of its rows.
pub fn body_shape(tables: &[Table], t: usize) -> Shape {
    match whole_body_row(&tables[t]) {
        Some(r) => row_shape(tables, t, r),
        None => Shape::Table(t),
    }
}

/// The `-` row of a table whose only row stands for the whole body.
pub fn whole_body_row(table: &Table) -> Option<usize> {
    match table.rows.as_slice() {
        [row] if row.parameter.trim() == "-" => Some(0),
        _ => None,
    }
}

/// The object tables that rows of other tables refer to.
pub fn referenced_tables(tables: &[Table]) -> Vec<usize> {
    let mut referenced = Vec::new();
    for (t, table) in tables.iter().enumerate() {
        let mut targets = Vec::new();
        for r in 0..table.rows.len() {
            row_shape(tables, t, r).tables(&mut targets);
        }
        // A table that only refers to itself is still unused.
        referenced.extend(targets.into_iter().filter(|target| *target != t));
    }
    referenced.sort_unstable();
    referenced.dedup();
    referenced
}

/// Links the names of a type phrase to tables, the way the resolver does
/// when it builds types (`Resolver::ty`): an explicit `ref` names the object
/// (or, for a map of free-form values, the map's values).
struct Linker<'a> {
    tables: &'a [Table],
    side: Side,
}

impl Linker<'_> {
    fn shape(&self, phrase: &TypePhrase, explicit: Option<&str>) -> Shape {
        match phrase {
            TypePhrase::String
            | TypePhrase::Integer
            | TypePhrase::Long
            | TypePhrase::Number
            | TypePhrase::Boolean => Shape::Scalar,
            TypePhrase::Any => Shape::Any,
            TypePhrase::Object { name } => match explicit.or(name.as_deref()) {
                Some(name) => self.object(name),
                None => Shape::Untabled(None),
            },
            TypePhrase::Named(name) => self.object(explicit.unwrap_or(name)),
            TypePhrase::Array(inner) => Shape::Array(Box::new(self.shape(inner, explicit))),
            TypePhrase::Map(inner) => {
                let values = match (explicit, inner.as_ref()) {
                    (Some(name), TypePhrase::Any | TypePhrase::Object { name: None }) => {
                        self.object(name)
                    }
                    _ => self.shape(inner, explicit),
                };
                Shape::Map(Box::new(values))
            }
        }
    }

    fn object(&self, name: &str) -> Shape {
        match find_object(self.tables, name.trim(), self.side) {
            Some(t) => Shape::Table(t),
            None => Shape::Untabled(Some(name.trim().to_owned())),
        }
    }
}
