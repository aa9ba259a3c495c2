//! Each example against the table of the body it shows.

use super::positions::{value_lines, BodyPosition};
use super::shape::{body_shape, whole_body_row};
use super::walk::{walk, Place, Walked};
use super::{Check, Linter, Target};
use crate::diagnostic::{Diagnostic, Location};
use crate::infer::{infer_table, table_yaml, Subject};
use crate::model::Body;
use crate::phrase::{parse_type, TypePhrase};
use crate::resolve::{departures, DepartureKind};
use crate::spec::{Example, ExampleKind, Side, Table, TableRole};
use serde_json::Value;
use std::collections::HashMap;

/// One example with a body.
struct ExampleBody<'a> {
    /// How messages name it (`the 403 response example`).
    name: String,
    text: &'a str,
    position: BodyPosition,
}

/// A finding about one value of an example. Findings that differ only in
/// the item of an array (or entry of a map) they are about are merged into
/// the first: a contradiction in an array of fifty objects is one finding.
struct ValueFinding {
    check: Check,
    place: Place,
    /// The value's path pattern (array indices and map keys as `*`).
    pattern: String,
    /// What is wrong, apart from where.
    problem: String,
    location: Location,
    message: String,
    /// How many more items have the same problem.
    repeats: usize,
}

impl Linter<'_> {
    pub(super) fn example(&mut self, index: usize) {
        let example = &self.spec.spec.examples[index];
        let Some(text) = example.body.as_deref().filter(|b| !b.trim().is_empty()) else {
            return;
        };
        let body = ExampleBody {
            name: example_name(example),
            text,
            position: BodyPosition::new(self.spec, index, text),
        };
        let Some(target) = self.target(example) else {
            self.unplaced(&body, example.status);
            return;
        };
        match self.body_table(target) {
            None => self.untabled_body(&body, target),
            Some(t) if documents_text(&self.tables()[t]) => self.text_body(&body, t),
            Some(t) => self.against_table(&body, target, t),
        }
    }

    fn unplaced(&mut self, example: &ExampleBody, status: Option<u16>) {
        let message = match status {
            Some(status) => format!(
                "{} names status {status}, which is not an HTTP status: the example is not checked or tested",
                example.name
            ),
            None => format!(
                "{} names no status, and the page does not document exactly one success status: the example is not checked or tested",
                example.name
            ),
        };
        let diagnostic = Diagnostic::warning(example.position.line(1), message)
            .with_hint("set the example's `status`");
        self.report(Check::UnplacedExample, diagnostic);
    }

    /// An example of a body no table documents.
    fn untabled_body(&mut self, example: &ExampleBody, target: Target) {
        let value = self.parse(example, None);
        let message = match target {
            Target::Request => format!(
                "{} has a body, but no request-body table documents it: the generated request sends none, and the example is not tested",
                example.name
            ),
            // A response without a table is kept as text, which is right for a text body.
            Target::Response(status) if value.as_ref().is_some_and(is_structured) => format!(
                "{} is JSON, but no table documents the body of status {status}: the generated type keeps it as text",
                example.name
            ),
            Target::Response(_) => return,
        };
        let mut diagnostic = Diagnostic::warning(example.position.line(1), message);
        if let Some(Value::Object(members)) = value.as_ref().filter(|v| is_populated(v)) {
            let subject = match target {
                Target::Request => Subject {
                    role: TableRole::RequestBody,
                    name: None,
                    side: Side::Request,
                    status: None,
                },
                Target::Response(status) => Subject {
                    role: TableRole::ResponseBody,
                    name: None,
                    side: Side::Response,
                    status: Some(status),
                },
            };
            let table = infer_table(subject, &[members], &example.name);
            diagnostic = diagnostic.with_hint(format!(
                "add this table, inferred from the example:\n{}",
                table_yaml(&table)
            ));
        }
        self.report(Check::UndocumentedBody, diagnostic);
    }

    /// An example of a body the table documents as text (one `-` row of type String).
    fn text_body(&mut self, example: &ExampleBody, t: usize) {
        let what = match serde_json::from_str::<Value>(example.text) {
            Ok(Value::Object(_)) => "a JSON object",
            Ok(Value::Array(_)) => "a JSON array",
            _ => return,
        };
        let message = format!(
            "the table documents the body as text (a `-` row of type String), but {} is {what}: the docs contradict themselves, and the generated type keeps the body as text",
            example.name
        );
        let diagnostic = self
            .warning(example.position.line(1), Place::row(t, 0), message)
            .with_hint("if the body is JSON, document its members in place of the `-` row");
        self.report(Check::TextBodyShowsJson, diagnostic);
    }

    /// Parses an example body; reports it when it does not parse as JSON
    /// and should: its table documents JSON, or it looks like JSON.
    fn parse(&mut self, example: &ExampleBody, table: Option<usize>) -> Option<Value> {
        let error = match crate::resolve::json_read::read(example.text) {
            Ok(payload) => {
                for (object, repeat) in &payload.repeats {
                    let message = format!(
                        "{} repeats the key \"{}\" in the object at {}: the generated code rejects the second one where the object has a table (and keeps the last one where it is free-form JSON)",
                        example.name,
                        repeat.key,
                        if object.is_empty() { "the top level" } else { object }
                    );
                    let diagnostic = Diagnostic::warning(example.position.line(1), message);
                    self.report(Check::RepeatedKey, diagnostic);
                }
                return Some(payload.value);
            }
            Err(error) => error,
        };
        if table.is_none() && !example.text.trim_start().starts_with(['{', '[']) {
            return None;
        }
        // serde_json ends its message with the position, which is given apart.
        let message = error.to_string();
        let message = message.split(" at line ").next().unwrap_or_default();
        let message = format!(
            "{} is not valid JSON: {message} (line {}, column {} of the example)",
            example.name,
            error.line(),
            error.column()
        );
        let location = example.position.locate(error.line(), error.column());
        let diagnostic = match table {
            Some(t) => self.warning(location, Place::table(t), message),
            None => Diagnostic::warning(location, message),
        };
        self.report(Check::InvalidJson, diagnostic);
        None
    }

    /// Checks an example against the table of its body: structure on the
    /// tables, values on the model.
    fn against_table(&mut self, example: &ExampleBody, target: Target, t: usize) {
        let Some(value) = self.parse(example, Some(t)) else {
            return;
        };
        let root = Place {
            table: t,
            row: whole_body_row(&self.tables()[t]),
        };
        let walked = walk(self.tables(), &value, &body_shape(self.tables(), t), root);
        let lines = value_lines(example.text);
        let mut found = self.structure_findings(example, &walked, &lines);
        found.extend(self.value_findings(example, target, &value, &walked, &lines));
        for finding in merge_repeats(found) {
            let mut message = finding.message;
            if finding.repeats > 0 {
                message.push_str(&format!(" (and in {} more items like it)", finding.repeats));
            }
            let diagnostic = self.warning(finding.location, finding.place, message);
            self.report(finding.check, diagnostic);
        }
        for object in walked.untabled {
            let samples = self.untabled.entry((object.table, object.row)).or_default();
            samples.objects.push(object.members.clone());
            if !samples.shown_by.contains(&example.name) {
                samples.shown_by.push(example.name.clone());
            }
        }
    }

    /// Keys no table documents, mandatory rows absent.
    fn structure_findings(
        &self,
        example: &ExampleBody,
        walked: &Walked,
        lines: &HashMap<String, usize>,
    ) -> Vec<ValueFinding> {
        let at = |pointer: &str| example.position.line(line_of(lines, pointer));
        let mut found = Vec::new();
        for key in &walked.undocumented {
            found.push(ValueFinding {
                check: Check::UndocumentedKey,
                place: Place::table(key.table),
                pattern: key.path.pattern.clone(),
                problem: String::new(),
                location: at(&key.path.pointer),
                message: format!(
                    "{} has \"{}\" at {}, which the table does not document",
                    example.name, key.key, key.path.pointer
                ),
                repeats: 0,
            });
        }
        for absent in &walked.absent {
            let row = self.tables()[absent.table].rows[absent.row]
                .parameter
                .trim();
            found.push(ValueFinding {
                check: Check::MissingMandatory,
                place: Place::row(absent.table, absent.row),
                pattern: absent.path.pattern.clone(),
                problem: String::new(),
                location: at(&absent.path.pointer),
                message: format!(
                    "{} lacks the mandatory \"{row}\" in the object at {}",
                    example.name,
                    display_pointer(&absent.path.pointer)
                ),
                repeats: 0,
            });
        }
        found
    }

    /// Types, bounds and enumerations, checked on the model. Absent members
    /// are left to [`Self::structure_findings`], which finds them without a model.
    fn value_findings(
        &self,
        example: &ExampleBody,
        target: Target,
        value: &Value,
        walked: &Walked,
        lines: &HashMap<String, usize>,
    ) -> Vec<ValueFinding> {
        let Some(operation) = self.operation else {
            return Vec::new();
        };
        let body = match target {
            Target::Request => operation.request_body.as_ref(),
            Target::Response(status) => operation
                .responses
                .iter()
                .find(|r| r.status == status)
                .map(|r| &r.body),
        };
        let Some(Body::Json(ty)) = body else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for departure in departures(operation, ty, value) {
            let (check, what) = match departure.kind {
                DepartureKind::MissingField => continue,
                DepartureKind::Type => (Check::TypeMismatch, "does not fit the documented type"),
                DepartureKind::Bound => (Check::OutOfBounds, "breaks a documented bound"),
                DepartureKind::NotListed => {
                    (Check::NotListed, "has a value that is not documented")
                }
            };
            let (place, pattern) = walked.place_of(&departure.path);
            let mut message = format!(
                "{} {what} at {}: {}",
                example.name,
                display_pointer(&departure.path),
                departure.message
            );
            if let (Check::TypeMismatch, Some(r)) = (check, place.row) {
                let type_cell = self.tables()[place.table].rows[r].type_.trim();
                message.push_str(&format!(" (the row's type is \"{type_cell}\")"));
            }
            found.push(ValueFinding {
                check,
                place,
                pattern,
                problem: departure.message,
                location: example.position.line(line_of(lines, &departure.path)),
                message,
                repeats: 0,
            });
        }
        found
    }
}

fn merge_repeats(found: Vec<ValueFinding>) -> Vec<ValueFinding> {
    let mut merged: Vec<ValueFinding> = Vec::new();
    for finding in found {
        let first = merged.iter_mut().find(|m| {
            m.check == finding.check
                && m.place == finding.place
                && m.pattern == finding.pattern
                && m.problem == finding.problem
        });
        match first {
            Some(first) => first.repeats += 1,
            None => merged.push(finding),
        }
    }
    merged
}

/// The line of a value in its example, or of its nearest ancestor that has one.
fn line_of(lines: &HashMap<String, usize>, pointer: &str) -> usize {
    let mut at = pointer;
    loop {
        if let Some(line) = lines.get(at) {
            return *line;
        }
        match at.rfind('/') {
            Some(i) => at = &at[..i],
            None => return 1,
        }
    }
}

fn display_pointer(pointer: &str) -> &str {
    if pointer.is_empty() {
        "/"
    } else {
        pointer
    }
}

/// Whether a table documents its body as text: one `-` row of type String.
fn documents_text(table: &Table) -> bool {
    whole_body_row(table)
        .is_some_and(|r| parse_type(&table.rows[r].type_) == Ok(TypePhrase::String))
}

fn is_structured(value: &Value) -> bool {
    matches!(value, Value::Object(_) | Value::Array(_))
}

/// An object with members to infer rows from.
fn is_populated(value: &Value) -> bool {
    matches!(value, Value::Object(members) if !members.is_empty())
}

/// How messages name an example.
fn example_name(example: &Example) -> String {
    match (example.kind, example.status) {
        (ExampleKind::Request, _) => "the request example".to_owned(),
        (ExampleKind::Response, Some(status)) => format!("the {status} response example"),
        (ExampleKind::Response, None) => "the response example".to_owned(),
    }
}
