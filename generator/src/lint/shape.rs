//! What the tables say about the structure of a value: which table describes
//! an object, what the items of an array are. Read from the spec as written,
//! so that examples can be walked even when the spec does not resolve.

use crate::resolve::{self, Linked};
use crate::spec::Table;

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

/// The shape of the value of row `r` of table `t`: its Type cell read and
/// linked by the resolver's rules ([`resolve::read_type_phrase`], [`resolve::link_type`]).
pub fn row_shape(tables: &[Table], t: usize, r: usize) -> Shape {
    let table = &tables[t];
    let row = &table.rows[r];
    let Ok((phrase, _)) = resolve::read_type_phrase(table, row) else {
        return Shape::Any;
    };
    shape(&resolve::link_type(
        tables,
        &phrase,
        row,
        resolve::side_of(table),
    ))
}

fn shape(linked: &Linked) -> Shape {
    match linked {
        Linked::Scalar(_) => Shape::Scalar,
        Linked::Any => Shape::Any,
        Linked::Table(t) => Shape::Table(*t),
        Linked::Missing { name, .. } => Shape::Untabled(Some(name.clone())),
        Linked::FreeObject => Shape::Untabled(None),
        Linked::Array(inner) => Shape::Array(Box::new(shape(inner))),
        Linked::Map(values) => Shape::Map(Box::new(shape(values))),
    }
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
