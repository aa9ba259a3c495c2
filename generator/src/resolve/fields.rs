//! One row into one field: its name, whether it must be sent, its type
//! (degraded visibly where the docs cannot be read), constraints and docs.

use super::constraints::read_default;
use super::link::{link_type, read_type_phrase};
use super::types::{replace_strings, subject};
use super::{naming, rules, Place, Resolver};
use crate::diagnostic::{Guess, Severity, Topic};
use crate::model::{DefaultValue, Field, Literal, Rules, Ty};
use crate::phrase::Subject;
use crate::spec::{Row, Side};

impl Resolver<'_> {
    /// Row `r` of table `t` as a field; `None` for a repeated row and for
    /// one with errors (reported).
    pub(super) fn field(&mut self, t: usize, r: usize, side: Side, place: Place) -> Option<Field> {
        if self.repeated_rows.contains(&(t, r)) {
            return None;
        }
        let row = &self.tables()[t].rows[r];
        let wire = row.parameter.trim().to_owned();
        if wire.is_empty() {
            let message = "empty Parameter cell: expected the parameter's name";
            self.at_cell(t, r, "parameter", Severity::Error, message);
            return None;
        }
        let (required, condition) = self.required(t, r)?;
        let mut ty = self.field_type(t, r, side, place)?;
        let (rules, default, prose) = self.field_rules(t, r, &mut ty);
        let secret =
            naming::is_credential(&wire) && replace_strings(&mut ty, Ty::String, Ty::Secret);
        Some(Field {
            rust: naming::field_name(&wire),
            wire,
            doc: field_doc(row, &prose, condition),
            required,
            ty,
            rules,
            secret,
            default,
        })
    }

    /// Whether the row must be sent, and the condition a Mandatory cell
    /// states (the value is then optional: a guess, reported).
    fn required(&mut self, t: usize, r: usize) -> Option<(bool, Option<String>)> {
        match mandatory(&self.tables()[t].rows[r]) {
            Ok(Mandatory::Yes) => Some((true, None)),
            Ok(Mandatory::No) => Some((false, None)),
            Ok(Mandatory::Conditional(text)) => {
                self.at_cell(t, r, "mandatory", Severity::Warning, format!("the Mandatory cell states a condition (\"{text}\"): the value is taken as optional and the condition kept in the docs (write Yes or No to decide)"))
                    .with_guess(Guess::ConditionalMandatory);
                Some((false, Some(text)))
            }
            Err(message) => {
                self.at_cell(t, r, "mandatory", Severity::Error, message);
                None
            }
        }
    }

    /// The row's type: its Type cell read and linked; where that fails, the
    /// most honest type (a guess, reported), or an error in what a person wrote.
    fn field_type(&mut self, t: usize, r: usize, side: Side, place: Place) -> Option<Ty> {
        let table = &self.tables()[t];
        let row = &table.rows[r];
        let typed = read_type_phrase(table, row)
            .map_err(|e| e.to_string())
            .and_then(|(phrase, note)| {
                let linked = link_type(self.tables(), &phrase, row, side);
                self.ty(&linked).map(|ty| (ty, note))
            });
        let ty = match typed {
            Ok((ty, note)) => {
                if let Some(note) = note {
                    self.at_cell(t, r, "type", Severity::Warning, note)
                        .with_topic(Topic::TypeReading);
                }
                ty
            }
            Err(reason) if table.added_by_hand.is_some() || row.added_by_hand.is_some() => {
                self.at_cell(t, r, "type", Severity::Error, reason);
                return None;
            }
            Err(reason) => {
                let (ty, guess, message) = degraded_type(row, place, &reason);
                self.at_cell(t, r, "type", Severity::Warning, message)
                    .with_guess(guess);
                ty
            }
        };
        if place == Place::Parameter && !is_parameter_type(&ty) {
            let message = format!(
                "a parameter is a scalar or an array of scalars; \"{}\" is not",
                row.type_.trim()
            );
            if table.added_by_hand.is_some() || row.added_by_hand.is_some() {
                self.at_cell(t, r, "type", Severity::Error, message);
                return None;
            }
            // The docs' mistake: a parameter is text on the wire.
            let text = match ty {
                Ty::Array(_) => Ty::Array(Box::new(Ty::String)),
                _ => Ty::String,
            };
            self.at_cell(
                t,
                r,
                "type",
                Severity::Warning,
                format!("{message}; it is taken as text, as a parameter is on the wire (set the row's `type` to correct it)"),
            )
            .with_guess(Guess::NonScalarParameter);
            return Some(text);
        }
        Some(ty)
    }

    /// The row's constraints put on its type (which an enumeration or a
    /// large bound may change), its default, and its description without
    /// the markers that the constraints now state (see `rules::prose`).
    fn field_rules(
        &mut self,
        t: usize,
        r: usize,
        ty: &mut Ty,
    ) -> (Rules, Option<DefaultValue>, String) {
        let constraints = self
            .phrases
            .row_constraints(&self.tables()[t].rows[r], subject(ty));
        for problem in &constraints.problems {
            let message = problem.message.clone();
            self.at_cell(t, r, "description", problem.severity, message)
                .topic = problem.topic;
        }
        let mut field_rules = Rules::default();
        self.apply_rules(&mut field_rules, ty, &constraints, t, r);
        let default = constraints
            .default
            .as_deref()
            .map(|written| read_default(ty, written));
        if let Some(written) = default
            .as_ref()
            .filter(|d| *ty == Ty::Bool && !matches!(d.value, Literal::Bool(_)))
            .map(|d| d.written.clone())
        {
            self.row_warning(
                t,
                r,
                format!("the default \"{written}\" of a Boolean is neither true nor false"),
            );
        }
        let default = default.filter(|default| {
            let Err(problem) = self.check_default(ty, &field_rules, default) else {
                return true;
            };
            let table = &self.tables()[t];
            let row = &table.rows[r];
            if row.default.is_some() || table.added_by_hand.is_some() || row.added_by_hand.is_some() {
                self.row_error(t, r, problem);
                return true;
            }
            // The docs contradict themselves: no default is better than a wrong one.
            self.at_cell(
                t,
                r,
                "description",
                Severity::Warning,
                format!("{problem}; the description's default is dropped (write the row's `default` to set one)"),
            )
            .with_guess(Guess::ContradictoryDefault);
            false
        });
        // The values listed became an enumeration (or a number's `one_of`).
        let values_applied = matches!(ty.innermost(), Ty::Enum(_)) || field_rules.one_of.is_some();
        let prose = rules::prose(
            &self.tables()[t].rows[r].description,
            &constraints.markers,
            &field_rules,
            constraints
                .enum_values
                .as_deref()
                .filter(|_| values_applied),
            default.as_ref().and(constraints.default.as_deref()),
        );
        (field_rules, default, prose)
    }
}

/// A field's docs: the description's lines (without the markers its constraints state), then the Mandatory condition
/// and the spec's notes.
fn field_doc(row: &Row, prose: &str, condition: Option<String>) -> Vec<String> {
    let mut doc: Vec<String> = prose
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
    doc
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
