//! A row's Type cell read and its object names linked to tables: the one
//! reading the resolver builds types from and the linter walks examples by,
//! so that both always agree on which table describes a value.

use super::{find_object, rules, Place};
use crate::phrase::{leading_type_phrase, parse_type, Limit, Subject, TypePhrase, TypePhraseError};
use crate::spec::{Row, Side, Table, TableRole};

/// A type phrase with its object names linked to the tables of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Linked {
    /// A scalar, string or number or boolean: the phrase, as read.
    Scalar(TypePhrase),
    /// Any JSON value.
    Any,
    /// An object the table at this index describes.
    Table(usize),
    /// An object named (by the phrase or the row's `ref`) that no table describes;
    /// `bare` when the whole phrase is the name (`Storage type`), not an object reference.
    Missing {
        name: String,
        bare: bool,
    },
    /// A plain `Object` that names no table: free-form members.
    FreeObject,
    Array(Box<Linked>),
    /// A JSON object with free keys and values of this kind.
    Map(Box<Linked>),
}

impl Place {
    /// Where a table of this role stands.
    pub(crate) fn of(role: TableRole) -> Place {
        match role {
            TableRole::PathParameters
            | TableRole::QueryParameters
            | TableRole::HeaderParameters => Place::Parameter,
            TableRole::RequestBody
            | TableRole::ResponseBody
            | TableRole::ResponseHeaders
            | TableRole::Object => Place::Body,
        }
    }
}

/// The half of the page a table's rows are read in.
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

/// The type phrase of a row, read as documented, with a note when the
/// reading had to assume something: a table without a Type column
/// (parameters on the URI are text), or a phrase followed by qualifying
/// prose (`config array corresponding to infer_type`).
pub fn read_type_phrase(
    table: &Table,
    row: &Row,
) -> Result<(TypePhrase, Option<String>), TypePhraseError> {
    let place = Place::of(table.role);
    let cell = row.type_.trim();
    let has_type_column = table.columns.is_empty()
        || table
            .columns
            .iter()
            .any(|c| c.trim().eq_ignore_ascii_case("type"));
    if cell.is_empty() && place == Place::Parameter && !has_type_column {
        return Ok((
            TypePhrase::String,
            Some("the table has no Type column: the parameter is taken as a String".to_owned()),
        ));
    }
    let phrase = match parse_type(cell) {
        Ok(phrase) => phrase,
        Err(error) => {
            let (phrase, rest) = leading_type_phrase(cell).ok_or(error)?;
            let note = format!("the Type cell continues after \"{}\" with \"{rest}\"; those words are taken as a remark", cell[..cell.len() - rest.len()].trim());
            return Ok((multi_value(phrase, row, place), Some(note)));
        }
    };
    Ok((multi_value(phrase, row, place), None))
}

/// A parameter documented as a bare `Array` repeats on the wire
/// (`id=a&id=b`): its values are text, unless the description bounds
/// their values (`The value ranges from 1 to 300`): then numbers.
fn multi_value(phrase: TypePhrase, row: &Row, place: Place) -> TypePhrase {
    match phrase {
        TypePhrase::Array(inner) if place == Place::Parameter && *inner == TypePhrase::Any => {
            let as_numbers = rules::row_constraints(row, Subject::ArrayOfNumbers);
            let item = match (as_numbers.min, as_numbers.max) {
                (None, None) => TypePhrase::String,
                (Some(Limit::Float(_)), _) | (_, Some(Limit::Float(_))) => TypePhrase::Number,
                _ => TypePhrase::Integer,
            };
            TypePhrase::Array(Box::new(item))
        }
        other => other,
    }
}

/// Links the names of a row's type phrase to tables of its side: an explicit
/// `ref` names the object (or, for a map of free-form values, the map's values).
pub fn link_type(tables: &[Table], phrase: &TypePhrase, row: &Row, side: Side) -> Linked {
    let explicit = row
        .object
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    Linker { tables, side }.link(phrase, explicit)
}

struct Linker<'a> {
    tables: &'a [Table],
    side: Side,
}

impl Linker<'_> {
    fn link(&self, phrase: &TypePhrase, explicit: Option<&str>) -> Linked {
        match phrase {
            TypePhrase::String
            | TypePhrase::Integer
            | TypePhrase::Long
            | TypePhrase::Number
            | TypePhrase::Boolean => Linked::Scalar(phrase.clone()),
            // `Array of Table 1 objects` reads as an array of anything; a
            // `ref` says which table its items are.
            TypePhrase::Any => match explicit {
                Some(name) => self.object(name, false),
                None => Linked::Any,
            },
            TypePhrase::Object { name } => match explicit.or(name.as_deref()) {
                Some(name) => self.object(name, false),
                None => Linked::FreeObject,
            },
            TypePhrase::Named(name) => self.object(explicit.unwrap_or(name), true),
            TypePhrase::Array(inner) => Linked::Array(Box::new(self.link(inner, explicit))),
            TypePhrase::Map(inner) => {
                // A reference names the map's values, not the map.
                let values = match (explicit, inner.as_ref()) {
                    (Some(name), TypePhrase::Any | TypePhrase::Object { name: None }) => {
                        self.object(name, false)
                    }
                    _ => self.link(inner, explicit),
                };
                Linked::Map(Box::new(values))
            }
        }
    }

    fn object(&self, name: &str, bare: bool) -> Linked {
        let name = name.trim();
        match find_object(self.tables, name, self.side) {
            Some(t) => Linked::Table(t),
            None => Linked::Missing {
                name: name.to_owned(),
                bare,
            },
        }
    }
}
