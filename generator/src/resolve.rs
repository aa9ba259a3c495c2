//! Spec → model: parses type and constraint phrases, chooses names, links
//! object references and checks everything, collecting every problem as a
//! [`Diagnostic`] that names file, line, table and row.
//!
//! One file per job: the header (`header`), object names and lookup
//! (`objects`), tables into structs (`tables`), rows into fields
//! (`fields`), Type cells read and linked (`link`) and typed (`types`),
//! constraints and defaults (`constraints`, `rules`), enumerations
//! (`enums`), path parameters (`path`), statuses (`responses`) and example
//! tests (`example_cases`, `examples`).
//! The rules the importer and the linter need as well are public here and
//! written once: [`read_type_phrase`] and [`link_type`], [`documented_statuses`],
//! [`mandatory`], [`find_object`], [`example_status`]; tables inferred from
//! examples are [`crate::infer`]'s, path placeholders and methods [`crate::model`]'s.

mod constraints;
mod enums;
mod example_cases;
mod examples;
mod fields;
mod header;
pub(crate) mod json_read;
mod link;
pub mod naming;
mod objects;
pub mod paging;
mod path;
pub mod regions;
mod responses;
mod rules;
mod tables;
mod types;

pub use examples::{check_example, departures, Departure, DepartureKind, ExampleFinding};
pub use fields::{mandatory, Mandatory};
pub use link::{link_type, read_type_phrase, side_of, Linked};
pub use objects::find_object;
pub use responses::{documented_statuses, example_status, response_table_status};
pub use rules::parse_limit;

use crate::diagnostic::{Diagnostic, Diagnostics, Location, Severity};
use crate::model::*;
use crate::spec::{LoadedSpec, Side, Table, TableRole};
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
    let mut phrases = rules::PhraseCache::default();
    for spec in specs {
        let Some(operation) = resolve_with(spec, &mut diagnostics, &mut phrases) else {
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
    warn_of_shared_identities(specs, &mut diagnostics);
    let diagnostics = diagnostics.sorted();
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    let services = services
        .into_iter()
        .map(|(module, mut operations)| {
            operations.sort_by(|a, b| a.module.cmp(&b.module));
            Service {
                module,
                operations,
                regions: Vec::new(),
            }
        })
        .collect();
    Ok(Resolved {
        api: Api { services },
        diagnostics,
    })
}

/// Two specs of a service with one method and path (see `spec::identity`)
/// are one endpoint documented twice: both are generated, under their own
/// names, and `docspec diff` pairs them by name; a warning on each says so.
fn warn_of_shared_identities(specs: &[LoadedSpec], diagnostics: &mut Diagnostics) {
    let mut by_identity: BTreeMap<(String, String), Vec<&LoadedSpec>> = BTreeMap::new();
    for spec in specs {
        let service = naming::field_name(&spec.spec.service);
        by_identity
            .entry((service, spec.spec.identity()))
            .or_default()
            .push(spec);
    }
    for ((_, identity), specs) in by_identity.into_iter().filter(|(_, s)| s.len() > 1) {
        for spec in &specs {
            let others: Vec<String> = specs
                .iter()
                .filter(|other| other.path != spec.path)
                .map(|other| other.path.display().to_string())
                .collect();
            diagnostics.push(Diagnostic::warning(
                spec.locate("/path"),
                format!(
                    "{identity} is also the method and path of {}: one endpoint documented twice is generated twice (delete the spec that is not meant)",
                    others.join(", ")
                ),
            ));
        }
    }
}

/// Resolves one spec; `None` when it has errors (all reported in `diagnostics`).
pub fn resolve_operation(spec: &LoadedSpec, diagnostics: &mut Diagnostics) -> Option<Operation> {
    resolve_with(spec, diagnostics, &mut rules::PhraseCache::default())
}

/// [`resolve_operation`] with the descriptions read so far in this run.
fn resolve_with(
    spec: &LoadedSpec,
    diagnostics: &mut Diagnostics,
    phrases: &mut rules::PhraseCache,
) -> Option<Operation> {
    let mut resolver = Resolver::new(spec);
    resolver.phrases = std::mem::take(phrases);
    let operation = resolver.operation();
    *phrases = std::mem::take(&mut resolver.phrases);
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
    /// What descriptions state, shared by the specs of one run.
    phrases: rules::PhraseCache,
}

/// Where a row's table stands, which decides what its fields may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
            phrases: rules::PhraseCache::default(),
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

    /// A finding about one cell of row `r` of table `t`, naming the table and row.
    fn at_cell(
        &mut self,
        t: usize,
        r: usize,
        cell: &str,
        severity: Severity,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let table = &self.tables()[t];
        let location = self.spec.locate_cell(t, r, cell);
        let diagnostic = match severity {
            Severity::Error => Diagnostic::error(location, message),
            Severity::Warning => Diagnostic::warning(location, message),
        };
        self.diagnostics.push_mut(
            diagnostic
                .in_table(table.label())
                .in_row(table.rows[r].parameter.trim()),
        )
    }

    fn tables(&self) -> &'a [Table] {
        &self.spec.spec.tables
    }

    fn operation(&mut self) -> Option<Operation> {
        let spec = &self.spec.spec;
        let method = self.check_header();
        self.name_objects();

        let mut path_params = Vec::new();
        let mut query_params = Vec::new();
        let mut header_params = Vec::new();
        // The Rust names given so far to each kind of parameter, by wire name.
        let (mut path_names, mut query_names, mut header_names) =
            (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
        let mut request_body = None;
        let mut response_bodies: BTreeMap<u16, Body> = BTreeMap::new();
        for (t, table) in self.tables().iter().enumerate() {
            self.check_duplicate_rows(t);
            match table.role {
                TableRole::PathParameters => {
                    path_params.extend(self.parameters(t, &mut path_names));
                }
                TableRole::QueryParameters => {
                    query_params.extend(self.parameters(t, &mut query_names));
                }
                TableRole::HeaderParameters => {
                    header_params.extend(self.parameters(t, &mut header_names));
                }
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
            chapter_order: spec.chapter_order,
            method: method?,
            path: spec.path.trim().to_owned(),
            path_params,
            query_params,
            header_params,
            request_body,
            structs: std::mem::take(&mut self.structs),
            enums: std::mem::take(&mut self.enums),
            responses,
            examples: Vec::new(),
            paging: None,
        };
        operation.examples = self.examples(&operation);
        operation.paging = paging::read(&operation).ok().flatten();
        Some(operation)
    }
}
