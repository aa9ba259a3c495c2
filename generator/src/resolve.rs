//! Spec → model: parses type and constraint phrases, chooses names, links
//! object references and checks everything, collecting every problem as a
//! [`Diagnostic`] that names file, line, table and row.

mod examples;
pub(crate) mod json_read;
pub mod naming;
mod rules;

pub use examples::{check_example, departures, Departure, DepartureKind, ExampleFinding};
pub use rules::parse_limit;

use crate::diagnostic::{Diagnostic, Diagnostics, Guess, Location};
use crate::model::*;
use crate::phrase::{leading_type_phrase, parse_type, Limit, Subject, TypePhrase, TypePhraseError};
use crate::spec::{ExampleKind, LoadedSpec, Row, Side, Table, TableRole};
use std::collections::{BTreeMap, BTreeSet};

/// The model of a set of specs, with the warnings found on the way.
#[derive(Debug)]
pub struct Resolved {
    pub api: Api,
    pub diagnostics: Diagnostics,
}

/// Resolves specs into one model. Fails with every error found (warnings included) if any.
pub fn resolve(specs: &[LoadedSpec]) -> Result<Resolved, Diagnostics> {
    let mut diagnostics = Diagnostics::new();
    let mut services: BTreeMap<String, Vec<Operation>> = BTreeMap::new();
    let mut seen: BTreeMap<(String, String), &LoadedSpec> = BTreeMap::new();
    for spec in specs {
        let Some(operation) = resolve_operation(spec, &mut diagnostics) else {
            continue;
        };
        let service = naming::field_name(&spec.spec.service);
        if let Some(first) = seen.insert((service.clone(), operation.module.clone()), spec) {
            diagnostics.push(Diagnostic::error(
                spec.locate("/operation"),
                format!(
                    "operation {}::{} is also defined by {}",
                    service,
                    operation.module,
                    first.path.display()
                ),
            ));
            continue;
        }
        services.entry(service).or_default().push(operation);
    }
    let diagnostics = diagnostics.sorted();
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    let services = services
        .into_iter()
        .map(|(module, mut operations)| {
            operations.sort_by(|a, b| a.module.cmp(&b.module));
            Service { module, operations }
        })
        .collect();
    Ok(Resolved {
        api: Api { services },
        diagnostics,
    })
}

/// Resolves one spec; `None` when it has errors (all reported in `diagnostics`).
pub fn resolve_operation(spec: &LoadedSpec, diagnostics: &mut Diagnostics) -> Option<Operation> {
    let mut resolver = Resolver::new(spec);
    let operation = resolver.operation();
    let had_errors = resolver.diagnostics.has_errors();
    diagnostics.extend(resolver.diagnostics);
    if had_errors {
        None
    } else {
        operation
    }
}

/// Names no generated type may take: the module's fixed items and the prelude types the code uses.
const RESERVED_TYPE_NAMES: &[&str] = &[
    "Request",
    "Response",
    "RequestBody",
    "PathParameters",
    "QueryParameters",
    "HeaderParameters",
    "Option",
    "Some",
    "None",
    "String",
    "Vec",
    "Box",
    "Result",
    "Ok",
    "Err",
    "Self",
];

const METHODS: &[&str] = &["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

struct Resolver<'a> {
    spec: &'a LoadedSpec,
    diagnostics: Diagnostics,
    /// Rust names of object tables, by table index.
    object_names: BTreeMap<usize, String>,
    taken: BTreeSet<String>,
    structs: Vec<Struct>,
    enums: Vec<Enum>,
    /// Rows that repeat an earlier row of their table, by (table, row): left out.
    repeated_rows: BTreeSet<(usize, usize)>,
}

/// Where a row's table stands, which decides what its fields may be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Parameter,
    Body,
}

impl<'a> Resolver<'a> {
    fn new(spec: &'a LoadedSpec) -> Self {
        Resolver {
            spec,
            diagnostics: Diagnostics::new(),
            object_names: BTreeMap::new(),
            taken: RESERVED_TYPE_NAMES.iter().map(|s| s.to_string()).collect(),
            structs: Vec::new(),
            enums: Vec::new(),
            repeated_rows: BTreeSet::new(),
        }
    }

    fn error(&mut self, location: Location, message: impl Into<String>) -> &mut Diagnostic {
        self.diagnostics
            .push_mut(Diagnostic::error(location, message))
    }

    fn warn(&mut self, location: Location, message: impl Into<String>) -> &mut Diagnostic {
        self.diagnostics
            .push_mut(Diagnostic::warning(location, message))
    }

    fn tables(&self) -> &'a [Table] {
        &self.spec.spec.tables
    }

    fn operation(&mut self) -> Option<Operation> {
        let spec = &self.spec.spec;
        self.check_header();
        self.name_objects();

        let mut path_params = Vec::new();
        let mut query_params = Vec::new();
        let mut header_params = Vec::new();
        let mut request_body = None;
        let mut response_bodies: BTreeMap<u16, Body> = BTreeMap::new();
        for (t, table) in self.tables().iter().enumerate() {
            self.check_duplicate_rows(t);
            match table.role {
                TableRole::PathParameters => path_params.extend(self.parameters(t)),
                TableRole::QueryParameters => query_params.extend(self.parameters(t)),
                TableRole::HeaderParameters => header_params.extend(self.parameters(t)),
                TableRole::ResponseHeaders => {
                    // Response headers are documented but not decoded: the
                    // response API is status and body.
                }
                TableRole::RequestBody => {
                    if request_body.is_some() {
                        self.error(self.spec.locate_table(t), "a second request body table")
                            .with_table(table.label());
                        continue;
                    }
                    request_body = self.body(t, "RequestBody".to_owned(), Side::Request);
                }
                TableRole::ResponseBody => {
                    let Some(status) = self.status_of(t) else {
                        continue;
                    };
                    if response_bodies.contains_key(&status) {
                        self.error(
                            self.spec.locate_table(t),
                            format!("a second response body table for status {status}"),
                        )
                        .with_table(table.label());
                        continue;
                    }
                    let name = format!("{}Body", naming::status_variant(status));
                    if let Some(body) = self.body(t, name, Side::Response) {
                        response_bodies.insert(status, body);
                    }
                }
                TableRole::Object => self.object_struct(t),
            }
        }
        self.check_path_parameters(&mut path_params);

        let responses = self.responses(response_bodies);
        let mut operation = Operation {
            id: spec.operation.clone(),
            module: naming::field_name(&spec.operation),
            spec_file: self.spec.path.clone(),
            title: spec.title.trim().to_owned(),
            summary: spec.summary.clone().filter(|s| !s.trim().is_empty()),
            chapter: spec
                .chapter
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_owned),
            method: spec.method.trim().to_ascii_uppercase(),
            path: spec.path.trim().to_owned(),
            path_params,
            query_params,
            header_params,
            request_body,
            structs: std::mem::take(&mut self.structs),
            enums: std::mem::take(&mut self.enums),
            responses,
            examples: Vec::new(),
        };
        operation.examples = self.examples(&operation);
        Some(operation)
    }

    fn check_header(&mut self) {
        let spec = &self.spec.spec;
        if spec.service.trim().is_empty()
            || !spec
                .service
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            self.error(
                self.spec.locate("/service"),
                format!(
                    "service \"{}\": expected a short name of letters, digits, '-' or '_'",
                    spec.service
                ),
            );
        }
        if spec.operation.trim().is_empty()
            || !spec
                .operation
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            self.error(
                self.spec.locate("/operation"),
                format!(
                    "operation \"{}\": expected an identifier such as ExportConsistencyResults",
                    spec.operation
                ),
            );
        }
        if !METHODS.contains(&spec.method.trim().to_ascii_uppercase().as_str()) {
            self.error(
                self.spec.locate("/method"),
                format!(
                    "method \"{}\": expected one of {}",
                    spec.method,
                    METHODS.join(", ")
                ),
            );
        }
        let path = spec.path.trim();
        if !path.starts_with('/') || path.contains(char::is_whitespace) || path.contains('?') {
            self.error(
                self.spec.locate("/path"),
                format!("path \"{path}\": expected a URI path starting with '/', without spaces or query string"),
            );
        }
        if path.matches('{').count() != path.matches('}').count() {
            self.error(
                self.spec.locate("/path"),
                format!("path \"{path}\": unbalanced braces"),
            );
        }
    }

    /// Chooses the Rust name of every object table up front, so that rows can refer to tables further down.
    fn name_objects(&mut self) {
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

    fn unique_type_name(&mut self, base: &str, side: Option<Side>) -> String {
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

    /// A row repeated in a table the docs gave keeps its first reading (pages
    /// repeat rows by mistake); in a table or row added by hand it is an error.
    fn check_duplicate_rows(&mut self, t: usize) {
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

    fn status_of(&mut self, t: usize) -> Option<u16> {
        let table = &self.tables()[t];
        match table.status {
            Some(status) if (100..=599).contains(&status) => Some(status),
            Some(status) => {
                self.error(
                    self.spec.locate_table(t),
                    format!("status {status}: expected an HTTP status from 100 to 599"),
                )
                .with_table(table.label());
                None
            }
            None => {
                // Pages that document one answer often give its table no
                // status: it is the success response.
                let spec = &self.spec.spec;
                let documented = spec.status_codes.iter().map(|s| s.status).chain(
                    spec.examples
                        .iter()
                        .filter(|e| e.kind == ExampleKind::Response)
                        .filter_map(|e| e.status),
                );
                let status = example_status(None, documented).unwrap_or(200);
                self.warn(
                    self.spec.locate_table(t),
                    format!("a response table without a `status`: taken as the success response, {status}"),
                )
                .with_table(table.label());
                Some(status)
            }
        }
    }

    fn parameters(&mut self, t: usize) -> Vec<Field> {
        let table = &self.tables()[t];
        let names: Vec<Field> = (0..table.rows.len())
            .filter_map(|r| self.field(t, r, Side::Request, Place::Parameter))
            .collect();
        self.check_rust_collisions(t, &names);
        names
    }

    /// A body table: a struct, or a whole-body `-` row.
    fn body(&mut self, t: usize, name: String, side: Side) -> Option<Body> {
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

    fn object_struct(&mut self, t: usize) {
        let Some(name) = self.object_names.get(&t).cloned() else {
            return;
        };
        let side = self.tables()[t].side.unwrap_or(Side::Response);
        self.table_struct(t, name, side);
    }

    fn table_struct(&mut self, t: usize, name: String, side: Side) {
        let table = &self.tables()[t];
        let fields: Vec<Field> = (0..table.rows.len())
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
                self.field(t, r, side, Place::Body)
            })
            .collect();
        self.check_rust_collisions(t, &fields);
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

    fn check_rust_collisions(&mut self, t: usize, fields: &[Field]) {
        let table = &self.tables()[t];
        let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
        for (r, field) in fields.iter().enumerate() {
            if field.rust == "undocumented" {
                self.error(
                    self.spec.locate_row(t, r),
                    "the Rust name `undocumented` is taken by the field that keeps undocumented members",
                )
                .with_table(table.label())
                .with_row(&field.wire);
            }
            if let Some(first) = seen.insert(&field.rust, &field.wire) {
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
            }
        }
    }

    fn field(&mut self, t: usize, r: usize, side: Side, place: Place) -> Option<Field> {
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
        let typed = self
            .type_phrase(table, row, place)
            .map_err(|e| degrade(e.to_string()))
            .and_then(|(phrase, note)| {
                self.ty(&phrase, row, side)
                    .map(|ty| (ty, note))
                    .map_err(degrade)
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
        for (is_error, message) in &constraints.problems {
            let location = at("description");
            let d = if *is_error {
                self.error(location, message.clone())
            } else {
                self.warn(location, message.clone())
            };
            context(d);
        }
        let mut field_rules = Rules::default();
        self.apply_rules(&mut field_rules, &mut ty, &constraints, t, r);
        self.check_default(&ty, &field_rules, constraints.default.as_deref(), t, r);

        let secret =
            naming::is_credential(&wire) && replace_strings(&mut ty, Ty::String, Ty::Secret);
        // The values listed became an enumeration (or a number's `one_of`).
        let values_applied = matches!(ty.innermost(), Ty::Enum(_)) || field_rules.one_of.is_some();
        let prose = rules::prose(
            &row.description,
            &constraints.markers,
            &field_rules,
            constraints
                .enum_values
                .as_deref()
                .filter(|_| values_applied),
            constraints.default.as_deref(),
        );
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
        Some(Field {
            rust: naming::field_name(&wire),
            wire,
            doc,
            required,
            ty,
            rules: field_rules,
            secret,
            default: constraints.default.clone(),
        })
    }

    /// The type phrase of a row, read as documented, with a note when the
    /// reading had to assume something: a table without a Type column
    /// (parameters on the URI are text), or a phrase followed by qualifying
    /// prose (`config array corresponding to infer_type`).
    fn type_phrase(
        &self,
        table: &Table,
        row: &Row,
        place: Place,
    ) -> Result<(TypePhrase, Option<String>), TypePhraseError> {
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
                return Ok((self.multi_value(phrase, row, place), Some(note)));
            }
        };
        Ok((self.multi_value(phrase, row, place), None))
    }

    /// A parameter documented as a bare `Array` repeats on the wire
    /// (`id=a&id=b`): its values are text, unless the description bounds
    /// their values (`The value ranges from 1 to 300`): then numbers.
    fn multi_value(&self, phrase: TypePhrase, row: &Row, place: Place) -> TypePhrase {
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

    /// The Rust type of a type phrase, linking object names to tables.
    fn ty(&self, phrase: &TypePhrase, row: &Row, side: Side) -> Result<Ty, String> {
        let explicit_ref = row.object.as_deref().map(str::trim);
        Ok(match phrase {
            TypePhrase::String => Ty::String,
            TypePhrase::Integer => Ty::I32,
            TypePhrase::Long => Ty::I64,
            TypePhrase::Number => Ty::F64,
            TypePhrase::Boolean => Ty::Bool,
            TypePhrase::Any => Ty::Json,
            TypePhrase::Object { name } => match explicit_ref.or(name.as_deref()) {
                Some(name) => Ty::Struct(self.object(name, side, false)?),
                None => Ty::Map(Box::new(Ty::Json)),
            },
            TypePhrase::Named(name) => {
                Ty::Struct(self.object(explicit_ref.unwrap_or(name), side, true)?)
            }
            TypePhrase::Array(inner) => Ty::Array(Box::new(self.ty(inner, row, side)?)),
            TypePhrase::Map(inner) => {
                // A reference names the map's values, not the map.
                let value = match (explicit_ref, inner.as_ref()) {
                    (Some(name), TypePhrase::Any | TypePhrase::Object { name: None }) => {
                        Ty::Struct(self.object(name, side, false)?)
                    }
                    _ => self.ty(inner, row, side)?,
                };
                Ty::Map(Box::new(value))
            }
        })
    }

    fn object(&self, name: &str, side: Side, bare: bool) -> Result<String, String> {
        match find_object(self.tables(), name, side).and_then(|t| self.object_names.get(&t)) {
            Some(rust) => Ok(rust.clone()),
            None if bare => Err(format!(
                "unknown type phrase \"{name}\": not a documented type, and no object table has this name"
            )),
            None => Err(format!(
                "dangling object reference: no object table named \"{name}\" (add the table, or set `ref` to the table that describes it)"
            )),
        }
    }

    fn apply_rules(
        &mut self,
        rules: &mut Rules,
        ty: &mut Ty,
        c: &rules::RowConstraints,
        t: usize,
        r: usize,
    ) {
        let is_array = matches!(ty, Ty::Array(_));
        if c.min_items.is_some() || c.max_items.is_some() {
            if is_array {
                rules.items = Bounds {
                    min: c.min_items,
                    max: c.max_items,
                };
            } else {
                self.row_warning(
                    t,
                    r,
                    "an item count is documented for a value that is not an array; it is ignored",
                );
            }
        }
        let scalar = ty.innermost().clone();
        if c.min.is_some() || c.max.is_some() {
            match scalar {
                Ty::String | Ty::Secret => {
                    let to_length = |l: Option<Limit>| match l {
                        Some(Limit::Int(n)) if n >= 0 => Ok(Some(n as u64)),
                        Some(other) => Err(other),
                        None => Ok(None),
                    };
                    match (to_length(c.min), to_length(c.max)) {
                        (Ok(min), Ok(max)) => rules.length = Bounds { min, max },
                        (Err(bad), _) | (_, Err(bad)) => {
                            self.row_error(t, r, format!("length {bad}: expected a whole number of characters"));
                        }
                    }
                }
                Ty::I32 | Ty::I64 | Ty::F64 => {
                    rules.range = Bounds { min: c.min, max: c.max };
                    if scalar == Ty::I32 && !(fits_i32(c.min) && fits_i32(c.max)) {
                        replace_strings(ty, Ty::I32, Ty::I64);
                    }
                    let integral = |l: Option<Limit>| !matches!(l, Some(Limit::Float(_)));
                    if scalar != Ty::F64 && !(integral(c.min) && integral(c.max)) {
                        self.row_error(t, r, "a decimal bound on an integer: expected whole numbers");
                    }
                }
                _ => self.row_warning(
                    t,
                    r,
                    "a minimum or maximum is documented for a value that is neither a string nor a number; it is ignored",
                ),
            }
        }
        if let Some(values) = &c.enum_values {
            self.apply_enum(rules, ty, values, t, r);
        }
    }

    fn apply_enum(
        &mut self,
        rules: &mut Rules,
        ty: &mut Ty,
        values: &[String],
        t: usize,
        r: usize,
    ) {
        if values.is_empty() {
            return;
        }
        match ty.innermost().clone() {
            Ty::String => {
                let name = self.enum_for(values, t, r);
                replace_strings(ty, Ty::String, Ty::Enum(name));
            }
            Ty::I32 | Ty::I64 | Ty::F64 => {
                let parsed: Option<Vec<Limit>> = values.iter().map(|v| rules::parse_limit(v)).collect();
                match parsed {
                    Some(parsed) => rules.one_of = Some(parsed),
                    None => self.row_error(
                        t,
                        r,
                        format!("enumeration [{}] of a number: expected numbers", values.join(", ")),
                    ),
                }
            }
            Ty::Bool => {}
            _ => self.row_warning(t, r, "an enumeration is documented for a value that is not a string or number; it is ignored"),
        }
    }

    /// The enum for a list of values: shared with an identical enum of the same field name, else new.
    fn enum_for(&mut self, values: &[String], t: usize, r: usize) -> String {
        let table = &self.tables()[t];
        let wire = table.rows[r].parameter.trim();
        let base = naming::type_name(wire);
        let variants = self.variants(values, t, r);
        if let Some(same) = self
            .enums
            .iter()
            .find(|e| (e.name == base || e.name.ends_with(&base)) && e.variants == variants)
        {
            return same.name.clone();
        }
        let owner = match table.role {
            TableRole::Object => self.object_names.get(&t).cloned().unwrap_or_default(),
            TableRole::RequestBody => "Request".to_owned(),
            TableRole::ResponseBody => naming::status_variant(table.status.unwrap_or_default()),
            _ => "Parameter".to_owned(),
        };
        let name = if self.taken.contains(&base) {
            self.unique_type_name(&format!("{owner}{base}"), None)
        } else {
            self.unique_type_name(&base, None)
        };
        self.enums.push(Enum {
            name: name.clone(),
            doc: vec![format!("Values of `{wire}`.")],
            variants,
        });
        name
    }

    fn variants(&mut self, values: &[String], t: usize, r: usize) -> Vec<Variant> {
        let mut out: Vec<Variant> = Vec::new();
        for value in values {
            if out.iter().any(|v| v.wire == *value) {
                continue;
            }
            let mut rust = naming::type_name(value);
            if rust == "Undocumented" {
                rust = "UndocumentedValue".to_owned();
            }
            if out.iter().any(|v| v.rust == rust) {
                let renamed = (2..)
                    .map(|n| format!("{rust}{n}"))
                    .find(|c| !out.iter().any(|v| v.rust == *c));
                let renamed = renamed.unwrap_or_default();
                self.row_warning(
                    t,
                    r,
                    format!("enumeration values collide in Rust as `{rust}`; \"{value}\" becomes `{renamed}`"),
                );
                rust = renamed;
            }
            out.push(Variant {
                wire: value.clone(),
                rust,
            });
        }
        out
    }

    fn check_default(&mut self, ty: &Ty, rules: &Rules, default: Option<&str>, t: usize, r: usize) {
        let Some(default) = default else { return };
        match ty {
            Ty::Enum(name) => {
                let known = self
                    .enums
                    .iter()
                    .find(|e| &e.name == name)
                    .is_some_and(|e| e.variants.iter().any(|v| v.wire == default));
                if !known {
                    self.row_error(
                        t,
                        r,
                        format!("the default \"{default}\" is not one of the documented values"),
                    );
                }
            }
            Ty::I32 | Ty::I64 | Ty::F64 => match rules::parse_limit(default) {
                None => self.row_error(t, r, format!("the default \"{default}\" is not a number")),
                Some(value) => {
                    let below = rules.range.min.is_some_and(|min| value < min);
                    let above = rules.range.max.is_some_and(|max| value > max);
                    let listed = rules
                        .one_of
                        .as_ref()
                        .is_none_or(|list| list.contains(&value));
                    if below || above {
                        self.row_error(
                            t,
                            r,
                            format!("the default {default} is outside the documented range"),
                        );
                    } else if !listed {
                        self.row_error(
                            t,
                            r,
                            format!("the default {default} is not one of the documented values"),
                        );
                    }
                }
            },
            Ty::Bool if !matches!(default.to_ascii_lowercase().as_str(), "true" | "false") => {
                self.row_warning(
                    t,
                    r,
                    format!("the default \"{default}\" of a Boolean is neither true nor false"),
                );
            }
            Ty::String | Ty::Secret => {
                let len = default.chars().count() as u64;
                // An empty default usually means "not set" and is documented beside a minimum of 1.
                if len > 0
                    && (rules.length.min.is_some_and(|m| len < m)
                        || rules.length.max.is_some_and(|m| len > m))
                {
                    self.row_error(
                        t,
                        r,
                        format!("the default \"{default}\" breaks the documented length"),
                    );
                }
            }
            _ => {}
        }
    }

    fn row_error(&mut self, t: usize, r: usize, message: impl Into<String>) {
        let table = &self.tables()[t];
        let location = self.spec.locate_cell(t, r, "description");
        self.error(location, message)
            .with_table(table.label())
            .with_row(table.rows[r].parameter.trim());
    }

    fn row_warning(&mut self, t: usize, r: usize, message: impl Into<String>) {
        let table = &self.tables()[t];
        let location = self.spec.locate_cell(t, r, "description");
        self.warn(location, message)
            .with_table(table.label())
            .with_row(table.rows[r].parameter.trim());
    }

    /// Every `{placeholder}` of the path has a parameter, and every parameter a placeholder.
    fn check_path_parameters(&mut self, params: &mut Vec<Field>) {
        let path = self.spec.spec.path.clone();
        let placeholders: Vec<String> = path
            .split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(name, _)| name.trim().to_owned()))
            .collect();
        for name in &placeholders {
            if !params.iter().any(|p| &p.wire == name) {
                self.warn(
                    self.spec.locate("/path"),
                    format!("path parameter {{{name}}} has no row in a path parameters table; it is taken as a required String (add a path-parameters row to type it)"),
                )
                .with_guess(Guess::PathPlaceholder);
                params.push(Field {
                    rust: naming::field_name(name),
                    wire: name.clone(),
                    doc: vec!["Not documented in a parameter table; named by the path.".to_owned()],
                    required: true,
                    ty: Ty::String,
                    rules: Rules::default(),
                    secret: false,
                    default: None,
                });
            }
        }
        for (t, table) in self.tables().iter().enumerate() {
            if table.role != TableRole::PathParameters {
                continue;
            }
            for (r, row) in table.rows.iter().enumerate() {
                if !placeholders.iter().any(|p| p == row.parameter.trim()) {
                    self.error(
                        self.spec.locate_row(t, r),
                        format!(
                            "path parameter \"{}\" does not appear in the path {path}",
                            row.parameter.trim()
                        ),
                    )
                    .with_table(table.label())
                    .with_row(row.parameter.trim());
                }
            }
        }
        // Path parameters are always sent: the path cannot be built without them.
        for param in params.iter_mut() {
            param.required = true;
        }
    }

    fn responses(&mut self, mut bodies: BTreeMap<u16, Body>) -> Vec<ResponseCase> {
        let spec = &self.spec.spec;
        let mut statuses: BTreeSet<u16> = bodies.keys().copied().collect();
        statuses.extend(
            spec.status_codes
                .iter()
                .map(|s| s.status)
                .filter(|s| (100..=599).contains(s)),
        );
        statuses.extend(
            spec.examples
                .iter()
                .filter(|e| e.kind == ExampleKind::Response)
                .filter_map(|e| e.status)
                .filter(|s| (100..=599).contains(s)),
        );
        statuses
            .into_iter()
            .map(|status| {
                let doc = spec
                    .status_codes
                    .iter()
                    .filter(|s| s.status == status)
                    .map(|s| s.description.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect();
                ResponseCase {
                    status,
                    variant: naming::status_variant(status),
                    doc,
                    // Without a body table the body is kept as the text received.
                    body: bodies.remove(&status).unwrap_or(Body::Text),
                }
            })
            .collect()
    }

    /// The example tests and what each must show. Findings about examples
    /// are the linter's to report ([`crate::lint`]); here they only decide
    /// what the generated tests assert.
    fn examples(&self, operation: &Operation) -> Vec<ExampleCase> {
        let mut cases = Vec::new();
        let mut names = BTreeSet::new();
        for example in &self.spec.spec.examples {
            let Some(body) = example.body.as_deref().filter(|b| !b.trim().is_empty()) else {
                continue;
            };
            let (target, stem, body_ty) = match example.kind {
                ExampleKind::Request => match &operation.request_body {
                    Some(b) => (
                        ExampleTarget::Request,
                        "request_example".to_owned(),
                        b.clone(),
                    ),
                    None => continue,
                },
                ExampleKind::Response => {
                    let status = example_status(
                        example.status,
                        operation.responses.iter().map(|r| r.status),
                    );
                    let Some(case) =
                        status.and_then(|s| operation.responses.iter().find(|r| r.status == s))
                    else {
                        continue;
                    };
                    (
                        ExampleTarget::Response(case.status),
                        format!("response_{}_example", case.status),
                        case.body.clone(),
                    )
                }
            };
            let expect = match examples::check_example(operation, &body_ty, body) {
                None => Expectation::RoundTrip,
                Some(ExampleFinding::InvalidJson(_)) => Expectation::InvalidJson,
                Some(ExampleFinding::Decode { path, .. }) => Expectation::DecodeError(path),
                Some(ExampleFinding::Violations(list)) => Expectation::Violations(list),
            };
            cases.push(ExampleCase {
                name: unique_name(&stem, &mut names),
                target,
                body: body.to_owned(),
                expect,
            });
        }
        cases
    }
}

/// The status a response example shows: the one the page names before it,
/// else the page's only success status, when it documents exactly one.
pub fn example_status(
    named: Option<u16>,
    documented: impl IntoIterator<Item = u16>,
) -> Option<u16> {
    named.or_else(|| {
        let mut success = documented.into_iter().filter(|s| (200..300).contains(s));
        match (success.next(), success.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    })
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
struct Degraded {
    reason: String,
    by_hand: bool,
}

/// The most honest type for a row whose Type cell cannot be read: for a
/// list of something without a table whose description enumerates values,
/// an array of strings (the enumeration applies); for a parameter, text (the
/// wire is text); else any JSON. With the kind of guess and the warning.
fn degraded_type(row: &Row, place: Place, reason: &str) -> (Ty, Guess, String) {
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

fn unique_name(stem: &str, names: &mut BTreeSet<String>) -> String {
    let name = if names.contains(stem) {
        (2..)
            .map(|n| format!("{stem}_{n}"))
            .find(|c| !names.contains(c))
            .unwrap_or_default()
    } else {
        stem.to_owned()
    };
    names.insert(name.clone());
    name
}

fn fits_i32(limit: Option<Limit>) -> bool {
    match limit {
        Some(Limit::Int(i)) => i32::try_from(i).is_ok(),
        Some(Limit::Float(f)) => f >= i32::MIN as f64 && f <= i32::MAX as f64,
        None => true,
    }
}

fn is_parameter_type(ty: &Ty) -> bool {
    match ty {
        Ty::Array(inner) => !matches!(**inner, Ty::Array(_)) && is_parameter_type(inner),
        Ty::Struct(_) | Ty::Map(_) | Ty::Json => false,
        _ => true,
    }
}

/// What `Minimum`/`Maximum` mean for a value of this type.
fn subject(ty: &Ty) -> Subject {
    match ty {
        Ty::String | Ty::Secret | Ty::Enum(_) => Subject::Text,
        Ty::I32 | Ty::I64 => Subject::Integer,
        Ty::F64 => Subject::Number,
        Ty::Bool => Subject::Boolean,
        Ty::Struct(_) | Ty::Map(_) | Ty::Json => Subject::Object,
        Ty::Array(inner) => match inner.innermost() {
            Ty::String | Ty::Secret | Ty::Enum(_) => Subject::ArrayOfText,
            Ty::I32 | Ty::I64 | Ty::F64 => Subject::ArrayOfNumbers,
            _ => Subject::ArrayOfOther,
        },
    }
}

/// Replaces the scalar `from` at the bottom of `ty` by `to`; true if it did.
fn replace_strings(ty: &mut Ty, from: Ty, to: Ty) -> bool {
    match ty {
        Ty::Array(inner) => replace_strings(inner, from, to),
        scalar if *scalar == from => {
            *scalar = to;
            true
        }
        _ => false,
    }
}
