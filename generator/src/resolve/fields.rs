//! One row into one field: its name, whether it must be sent, its type
//! (degraded visibly where the docs cannot be read), constraints and docs.

use super::constraints::read_default;
use super::link::{link_type, read_type_phrase};
use super::types::{replace_strings, subject};
use super::{naming, rules, Place, Resolver};
use crate::diagnostic::{Diagnostic, Guess, Severity};
use crate::model::{Field, Rules, Ty};
use crate::phrase::Subject;
use crate::spec::{Row, Side};

impl Resolver<'_> {
    pub(super) fn field(&mut self, t: usize, r: usize, side: Side, place: Place) -> Option<Field> {
        if self.repeated_rows.contains(&(t, r)) {
            return None;
        }
        let table = &self.tables()[t];
        let row = &table.rows[r];
        let wire = row.parameter.trim().to_owned();
        let at = |key: &str| self.spec.locate_cell(t, r, key);
        let context = |d: &mut Diagnostic| {
            d.table = Some(table.label());
            d.row = Some(wire.clone());
        };
        if wire.is_empty() {
            let d = self.error(
                at("parameter"),
                "empty Parameter cell: expected the parameter's name",
            );
            context(d);
            return None;
        }
        let by_hand = table.added_by_hand.is_some() || row.added_by_hand.is_some();
        let mut condition = None;
        let required = match mandatory(row) {
            Ok(Mandatory::Yes) => true,
            Ok(Mandatory::No) => false,
            Ok(Mandatory::Conditional(text)) => {
                let d = self.warn(
                    at("mandatory"),
                    format!("the Mandatory cell states a condition (\"{text}\"): the value is taken as optional and the condition kept in the docs (write Yes or No to decide)"),
                );
                context(d);
                d.with_guess(Guess::ConditionalMandatory);
                condition = Some(text);
                false
            }
            Err(message) => {
                let d = self.error(at("mandatory"), message);
                context(d);
                return None;
            }
        };
        let degrade = |reason: String| Degraded { reason, by_hand };
        let typed = read_type_phrase(table, row)
            .map_err(|e| degrade(e.to_string()))
            .and_then(|(phrase, note)| {
                let linked = link_type(self.tables(), &phrase, row, side);
                self.ty(&linked).map(|ty| (ty, note)).map_err(degrade)
            });
        let mut ty = match typed {
            Ok((ty, note)) => {
                if let Some(note) = note {
                    let d = self.warn(at("type"), note);
                    context(d);
                }
                ty
            }
            Err(Degraded {
                reason,
                by_hand: true,
            }) => {
                let d = self.error(at("type"), reason);
                context(d);
                return None;
            }
            Err(Degraded { reason, .. }) => {
                let (ty, guess, message) = degraded_type(row, place, &reason);
                let d = self.warn(at("type"), message);
                context(d);
                d.with_guess(guess);
                ty
            }
        };
        if place == Place::Parameter && !is_parameter_type(&ty) {
            let d = self.error(
                at("type"),
                format!(
                    "a parameter is a scalar or an array of scalars; \"{}\" is not",
                    row.type_.trim()
                ),
            );
            context(d);
            return None;
        }

        let constraints = rules::row_constraints(row, subject(&ty));
        for problem in &constraints.problems {
            let location = at("description");
            let message = problem.message.clone();
            let d = self.diagnostics.push_mut(match problem.severity {
                Severity::Error => Diagnostic::error(location, message),
                Severity::Warning => Diagnostic::warning(location, message),
            });
            context(d);
        }
        let mut field_rules = Rules::default();
        self.apply_rules(&mut field_rules, &mut ty, &constraints, t, r);
        let default = constraints
            .default
            .as_deref()
            .map(|written| read_default(&ty, written));
        if let Some(default) = &default {
            self.check_default(&ty, &field_rules, default, t, r);
        }

        let secret =
            naming::is_credential(&wire) && replace_strings(&mut ty, Ty::String, Ty::Secret);
        let mut doc: Vec<String> = row
            .description
            .split('\n')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        if let Some(condition) = condition {
            doc.push(format!("Mandatory: {condition}"));
        }
        if let Some(note) = &row.added_by_hand {
            doc.push(format!("Added by hand: {}", note.trim()));
        }
        if let Some(note) = &row.note {
            doc.push(format!("Note: {}", note.trim()));
        }
        Some(Field {
            rust: naming::field_name(&wire),
            wire,
            doc,
            required,
            ty,
            rules: field_rules,
            secret,
            default,
        })
    }
}

/// What a Mandatory cell says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mandatory {
    Yes,
    No,
    /// `Yes (If the volume is created from a snapshot, this parameter is optional.)`:
    /// sometimes required; the cell's words, for the docs.
    Conditional(String),
}

/// What a row's Mandatory cell says: whether the value must be sent. A cell
/// that starts with Yes or No and goes on with prose states a condition.
pub fn mandatory(row: &Row) -> Result<Mandatory, String> {
    let cell = row.mandatory.as_deref().map(str::trim).unwrap_or_default();
    let word = |m: &str| match m.to_ascii_lowercase().as_str() {
        "yes" | "true" | "mandatory" | "required" | "y" => Some(true),
        "no" | "false" | "optional" | "n" | "" => Some(false),
        _ => None,
    };
    if let Some(yes) = word(cell) {
        return Ok(if yes { Mandatory::Yes } else { Mandatory::No });
    }
    let first = cell
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or_default();
    match word(first) {
        Some(_) if !first.is_empty() => Ok(Mandatory::Conditional(cell.to_owned())),
        _ => Err(format!(
            "Mandatory cell \"{cell}\": expected Yes or No (optionally followed by its condition)"
        )),
    }
}

/// A Type cell the resolver could not link or read, and whether a person wrote it.
pub(super) struct Degraded {
    reason: String,
    by_hand: bool,
}

/// The most honest type for a row whose Type cell cannot be read: for a
/// list of something without a table whose description enumerates values,
/// an array of strings (the enumeration applies); for a parameter, text (the
/// wire is text); else any JSON. With the kind of guess and the warning.
pub(super) fn degraded_type(row: &Row, place: Place, reason: &str) -> (Ty, Guess, String) {
    let cell = row.type_.trim();
    let correct = "set the row's `type` (and `enum`) to correct it";
    let is_list = crate::phrase::is_list_phrase(cell);
    if is_list
        && rules::row_constraints(row, Subject::ArrayOfText)
            .enum_values
            .is_some_and(|values| !values.is_empty())
    {
        return (
            Ty::Array(Box::new(Ty::String)),
            Guess::EnumeratedStrings,
            format!("{reason}; the description enumerates the values, so it is taken as an array of strings with that enumeration ({correct})"),
        );
    }
    if place == Place::Parameter {
        return (
            if is_list {
                Ty::Array(Box::new(Ty::String))
            } else {
                Ty::String
            },
            Guess::AnyJson,
            format!(
                "{reason}; a parameter is text on the wire, so it is taken as a String ({correct})"
            ),
        );
    }
    (
        Ty::Json,
        Guess::AnyJson,
        format!("{reason}; it is taken as any JSON value (serde_json::Value) ({correct})"),
    )
}

pub(super) fn is_parameter_type(ty: &Ty) -> bool {
    match ty {
        Ty::Array(inner) => !matches!(**inner, Ty::Array(_)) && is_parameter_type(inner),
        Ty::Struct(_) | Ty::Map(_) | Ty::Json => false,
        _ => true,
    }
}
