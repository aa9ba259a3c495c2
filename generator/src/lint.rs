//! `docspec lint`: cross-checks a spec against itself.
//!
//! API pages contradict themselves: examples carry keys no table lists and
//! values of another type than documented, or are not JSON at all; rows refer
//! to tables the page lacks; tables stand unused. The linter reports each as
//! a warning naming the file and line, the table and row, and the example, so
//! that a reviewer can correct the spec or report the docs. Where a table is
//! missing, it offers one inferred from the examples.
//!
//! Structure (keys, mandatory rows, references) is checked on the tables as
//! written, so a spec that does not resolve still gets those findings; values
//! (types, bounds, enumerations) are checked on the resolved model, by the
//! checker that decides what the generated example tests assert.

mod examples;
mod positions;
mod shape;
mod tables;
mod walk;

pub use crate::diagnostic::Check;
use crate::diagnostic::{Diagnostic, Diagnostics, Location, Topic};
use crate::model::{Api, Operation};
use crate::resolve;
use crate::spec::{self, Example, ExampleKind, LoadedSpec, Table, TableRole};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use walk::Place;

/// One finding of the cross-checks.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub check: Check,
    pub diagnostic: Diagnostic,
}

/// Everything linting one spec found.
#[derive(Debug, Default)]
pub struct Report {
    /// The resolver's findings: spec errors, and warnings such as
    /// constraint-like text in a description that could not be read.
    pub resolver: Diagnostics,
    /// The cross-checks.
    pub findings: Vec<Finding>,
}

impl Report {
    /// All of it, sorted by file and line.
    pub fn diagnostics(&self) -> Diagnostics {
        let mut all = self.resolver.clone();
        all.extend(self.findings.iter().map(|f| f.diagnostic.clone()).collect());
        all.sorted()
    }
}

/// Lints one spec: resolves it, then cross-checks it against itself.
pub fn lint(spec: &LoadedSpec) -> Report {
    let mut resolver = Diagnostics::new();
    let operation = resolve::resolve_operation(spec, &mut resolver);
    if let Some(Err(why)) = operation.as_ref().map(resolve::paging::read) {
        // A note of lint's alone: generation goes on without paging.
        let table = spec
            .spec
            .tables
            .iter()
            .position(|t| t.role == TableRole::QueryParameters);
        let at = table.map_or_else(|| spec.locate("/path"), |t| spec.locate_table(t));
        resolver.push(Diagnostic::warning(at, format!("paging: {why}")));
    }
    Report {
        resolver,
        findings: cross_check(spec, operation.as_ref()),
    }
}

/// The cross-checks alone, for a caller that resolved the spec itself;
/// `operation` is its model, `None` when it does not resolve.
pub fn cross_check(spec: &LoadedSpec, operation: Option<&Operation>) -> Vec<Finding> {
    let mut linter = Linter::new(spec, operation);
    for index in 0..spec.spec.examples.len() {
        linter.example(index);
    }
    linter.untabled_objects();
    linter.undocumented_statuses();
    linter.orphan_tables();
    linter.uncaptured_code();
    linter.findings
}

/// The cross-checks of every spec of a resolved set, as diagnostics: what
/// `docspec generate` adds to the resolver's warnings.
pub fn cross_check_all(specs: &[LoadedSpec], api: &Api) -> Diagnostics {
    let operations: Vec<&Operation> = api.services.iter().flat_map(|s| &s.operations).collect();
    specs
        .iter()
        .flat_map(|spec| {
            let operation = operations
                .iter()
                .copied()
                .find(|o| o.spec_file == spec.path);
            cross_check(spec, operation)
        })
        .map(|finding| finding.diagnostic)
        .collect()
}

/// What linting files and folders found.
#[derive(Debug, Default)]
pub struct Linted {
    /// How many specs were read.
    pub specs: usize,
    /// Everything found, files that do not read included, sorted by file and line.
    pub diagnostics: Diagnostics,
}

/// Lints spec files, and every spec below the given folders.
pub fn lint_paths(paths: &[PathBuf]) -> Linted {
    let mut diagnostics = Diagnostics::new();
    let mut specs = Vec::new();
    for path in paths {
        if path.is_dir() {
            let loaded = spec::load_dir(path);
            if loaded.specs.is_empty() && loaded.diagnostics.is_empty() {
                diagnostics.push(Diagnostic::error(
                    Location::file(path),
                    "no spec files (*.yaml) in this folder",
                ));
            }
            diagnostics.extend(loaded.diagnostics);
            specs.extend(loaded.specs);
        } else {
            match spec::load_file(path) {
                Ok(spec) => specs.push(spec),
                Err(errors) => diagnostics.extend(errors),
            }
        }
    }
    for spec in &specs {
        diagnostics.extend(lint(spec).diagnostics());
    }
    Linted {
        specs: specs.len(),
        diagnostics: diagnostics.sorted(),
    }
}

/// The body an example shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Request,
    Response(u16),
}

/// Objects the examples show where a row refers to no table.
#[derive(Default)]
struct Samples {
    objects: Vec<Map<String, Value>>,
    /// The examples that show them, by name, in page order.
    shown_by: Vec<String>,
}

struct Linter<'a> {
    spec: &'a LoadedSpec,
    operation: Option<&'a Operation>,
    /// Every status the page documents: by a body table, the Status Codes
    /// table or a response example.
    statuses: BTreeSet<u16>,
    /// Collected while checking examples, by row (table, row); reported
    /// with the row once every example has been seen.
    untabled: BTreeMap<(usize, usize), Samples>,
    findings: Vec<Finding>,
}

impl<'a> Linter<'a> {
    fn new(spec: &'a LoadedSpec, operation: Option<&'a Operation>) -> Self {
        Linter {
            spec,
            operation,
            statuses: resolve::documented_statuses(&spec.spec),
            untabled: BTreeMap::new(),
            findings: Vec::new(),
        }
    }

    fn tables(&self) -> &'a [Table] {
        &self.spec.spec.tables
    }

    fn report(&mut self, check: Check, diagnostic: Diagnostic) {
        let diagnostic = diagnostic.about(Topic::Check(check));
        self.findings.push(Finding { check, diagnostic });
    }

    /// A warning that names the table, and the row if any.
    fn warning(&self, location: Location, place: Place, message: String) -> Diagnostic {
        let table = &self.tables()[place.table];
        let diagnostic = Diagnostic::warning(location, message).in_table(table.label());
        match place.row {
            Some(r) => diagnostic.in_row(table.rows[r].parameter.trim()),
            None => diagnostic,
        }
    }

    /// Code the page shows that no example holds: an example may be lost.
    fn uncaptured_code(&mut self) {
        for (index, block) in self.spec.spec.uncaptured_code.iter().enumerate() {
            let place = match &block.heading {
                Some(heading) => format!(" (under \"{heading}\")"),
                None => String::new(),
            };
            let diagnostic = Diagnostic::warning(
                self.spec.locate(&format!("/uncaptured_code/{index}")),
                format!(
                    "the code block at line {} of the page{place} is not an example: {}",
                    block.line, block.reason
                ),
            )
            .with_hint(
                "if it is an example, add it to `examples`; either way, delete its \
                 `uncaptured_code` entry once it is dealt with",
            );
            self.report(Check::UncapturedCode, diagnostic);
        }
    }

    /// The body an example shows, by the rule the resolver uses to test it.
    fn target(&self, example: &Example) -> Option<Target> {
        match example.kind {
            ExampleKind::Request => Some(Target::Request),
            ExampleKind::Response => {
                resolve::example_status(example.status, self.statuses.iter().copied())
                    .filter(|status| self.statuses.contains(status))
                    .map(Target::Response)
            }
        }
    }

    /// The table that documents a body.
    fn body_table(&self, target: Target) -> Option<usize> {
        self.tables().iter().position(|table| match target {
            Target::Request => table.role == TableRole::RequestBody,
            Target::Response(status) => {
                table.role == TableRole::ResponseBody
                    && resolve::response_table_status(&self.spec.spec, table) == Some(status)
            }
        })
    }
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
