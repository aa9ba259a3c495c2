//! Semantic diff: what changed between two sets of specs, in API terms, and
//! whether it breaks code that builds requests or code that reads responses.
//!
//! Both sides are resolved first and compared as [models](crate::model), so
//! a reworded description that yields the same constraints is no change,
//! and a changed constraint is one. Operations are matched by service and
//! operation id; parameters by kind and wire name (header names ignoring
//! case, as HTTP does); body fields by wire name, following nested objects
//! from the request body and from each response body by field path
//! (`request body /task_info/*/task_id`: `*` stands for the items of an
//! array, `{key}` for the values of a map). Generated struct and enum names
//! play no part, so renaming an object table is not a change by itself.
//! Descriptions and examples are not compared.
//!
//! # Classification
//!
//! Every change is judged twice: for code that builds requests (path, query
//! and header parameters, request body) and for code that reads responses
//! (response statuses and bodies). *Breaking* means that code written against
//! the old specs can fail against an API that behaves as the new ones say: a
//! request it builds is refused (or no longer passes the generated
//! `validate()`), or a response it reads no longer decodes into what the code
//! expects, or lacks something it relied on. A change in the request leaves
//! response readers unaffected and the other way round; the first four rows
//! concern the operation as a whole and are judged for both. The table says
//! what happens on the wire; what happens to code compiled against the
//! generated crate is the [version](Report::version) it calls for.
//!
//! | change                 | in the request | in a response |
//! |------------------------|----------------|---------------|
//! | `operation_added`      | compatible     | compatible    |
//! | `operation_removed`    | breaking       | breaking      |
//! | `method_changed`       | breaking       | unaffected    |
//! | `path_changed`         | breaking       | unaffected    |
//! | `operation_renamed`    | compatible     | compatible    |
//! | `title_changed`        | compatible     | compatible    |
//! | `status_added`         | -              | compatible    |
//! | `status_removed`       | -              | compatible    |
//! | `required_field_added` | breaking       | compatible    |
//! | `optional_field_added` | compatible     | compatible    |
//! | `field_removed`        | breaking       | breaking      |
//! | `field_moved`          | breaking       | breaking      |
//! | `type_changed`         | breaking       | breaking      |
//! | `enumeration_added`    | breaking       | compatible    |
//! | `enumeration_removed`  | compatible     | compatible    |
//! | `became_required`      | breaking       | compatible    |
//! | `became_optional`      | compatible     | breaking      |
//! | `constraint_tightened` | breaking       | compatible    |
//! | `constraint_loosened`  | compatible     | compatible    |
//! | `enum_value_added`     | compatible     | compatible    |
//! | `enum_value_removed`   | breaking       | compatible    |
//! | `enum_value_marked`    | compatible     | compatible    |
//! | `enum_value_respelled` | breaking       | compatible    |
//! | `default_added`        | compatible     | compatible    |
//! | `default_changed`      | breaking       | compatible    |
//! | `default_removed`      | breaking       | compatible    |
//!
//! Three response rows rest on what the generated code does: a new enum
//! value is compatible only because generated enums keep values they do not
//! list (`Undocumented`); constraints are not enforced when reading
//! (`validate()` reports them), so they never break a reader; and defaults
//! are not filled in, so an absent value stays `None`. Each change carries
//! the reason in its `explanation`. The table is [`classify`]; a test keeps
//! this doc and the function in step.
//!
//! What real revisions of API references do, and how it reads:
//!
//! - a value marked deprecated or end of sale (`SATA` → `SATA(End-of-sale)`,
//!   a remark in brackets gained or lost) is `enum_value_marked`, compatible:
//!   the value still works;
//! - a corrected typo in a value (the same letters in another case, or at
//!   most two edits apart in a value of five characters or more) is
//!   `enum_value_respelled`: breaking for requests, which may send the old
//!   spelling, compatible for readers, whose enums keep unknown values;
//! - a string's list of values that goes (`String enumeration` → `String`)
//!   is `enumeration_removed`, compatible on both sides; one that appears is
//!   `enumeration_added`, breaking for requests as any new constraint is;
//! - a constraint added to a field that had none is `constraint_tightened`
//!   from `none`: breaking for requests, compatible for readers;
//! - a field that moves between tables (a query parameter that becomes a
//!   body field, a field that moves to another object) is one `field_moved`
//!   (same wire name and type), breaking on the side it is in, since code
//!   puts it, or looks for it, in the old place;
//! - a query parameter added is `optional_field_added` (compatible) or
//!   `required_field_added` (breaking for requests);
//! - a response field removed is `field_removed`, breaking for readers that
//!   use it.
//!
//! A `type_changed` is reported when the shape differs (`String` →
//! `Integer (i32)`, `Integer (i32)` → `Long (i64)`, `object` → `Array of
//! object`); constraints are then compared
//! only where both sides have what they constrain, and objects below the
//! change are still followed. A numeric list of allowed values that loses a
//! value is tightened, even if it gains others.
//!
//! # JSON
//!
//! `docspec diff --json` prints [`Report::to_json`]: this structure, whose
//! field names and values only ever grow (`version` changes otherwise).
//!
//! ```json
//! {
//!   "version": 1,
//!   "changes": [
//!     {
//!       "service": "sms",
//!       "operation": "ExportConsistencyResults",
//!       "part": "request",
//!       "location": "request body /task_info/*/task_id",
//!       "kind": "constraint_tightened",
//!       "constraint": "max_length",
//!       "old": "255",
//!       "new": "36",
//!       "request": "breaking",
//!       "response": "unaffected",
//!       "explanation": "requests that were valid may now fail validate() or be refused",
//!       "semver": "patch"
//!     }
//!   ],
//!   "summary": {
//!     "changes": 1,
//!     "operations": 1,
//!     "breaking": 1,
//!     "breaking_for_requests": 1,
//!     "breaking_for_responses": 0,
//!     "compatible": 0
//!   },
//!   "semver": "patch",
//!   "not_compared": []
//! }
//! ```
//!
//! - `part`: `operation`, `request` or `response`: where the change is.
//! - `location`: as in the human report; empty for a whole operation added or
//!   removed, `method` and `path` for those, `path parameter NAME`, `query
//!   parameter NAME`, `header parameter NAME`, `request body` or `response
//!   STATUS` / `response STATUS body`, followed by a field path.
//! - `kind`: a row of the table above.
//! - `constraint`: for `constraint_*` kinds, one of `min_length`,
//!   `max_length`, `minimum`, `maximum`, `min_items`, `max_items`,
//!   `allowed_values`; otherwise `null`.
//! - `old`, `new`: the value before and after, as text, or `null` when there
//!   is none (a field added has no `old`; a bound added has `old: null`).
//! - `request`, `response`: `breaking`, `compatible` or `unaffected`.
//! - `summary.breaking` counts changes breaking for either side.
//! - `semver` (in each change and for the whole report): `none`, `patch`,
//!   `minor` or `major`, the release of the generated crate it calls for
//!   ([`semver`]).
//! - `not_compared`: the specs that did not resolve, each with `side`
//!   (`old` or `new`), `file`, `identity` (`METHOD /path/{}` or `null`) and
//!   `errors`; their operations are in no change. `docspec diff` then exits
//!   with 3 (unless `--fail-on-breaking` found a breaking change: 1).

mod classify;
mod report;
mod walk;

pub use classify::{classify, semver, Classification};
pub use report::Summary;

use crate::diagnostic::{Diagnostic, Location};
use crate::model::{self, Api};
use crate::{resolve, spec, Diagnostics};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every change between two sets of specs, operation by operation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    /// By service and operation id, then in the order of the operation's parts.
    pub changes: Vec<Change>,
    /// Operations left out because their spec did not resolve on one side:
    /// when there are any, the report is partial.
    pub not_compared: Vec<NotCompared>,
}

/// One change, located and classified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The service module (`sms`).
    pub service: String,
    /// The operation id (`ExportConsistencyResults`).
    pub operation: String,
    pub part: Part,
    /// Where in the operation, for people (`request body /task_info/*/task_id`).
    pub location: String,
    pub kind: ChangeKind,
    /// Which constraint, for the `constraint_*` kinds.
    pub constraint: Option<Constraint>,
    pub old: Option<String>,
    pub new: Option<String>,
    /// For code that builds requests.
    pub request: Impact,
    /// For code that reads responses.
    pub response: Impact,
    /// Why it is classified so, in one line.
    pub explanation: &'static str,
    /// The release of the generated crate it calls for.
    pub semver: Bump,
}

impl Change {
    /// Whether the change breaks code on either side.
    pub fn is_breaking(&self) -> bool {
        self.request == Impact::Breaking || self.response == Impact::Breaking
    }
}

/// Which part of an operation a change is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// The operation as a whole: its presence, method and path.
    Operation,
    /// Parameters and request body.
    Request,
    /// Response statuses and bodies.
    Response,
}

/// What changed. See the module doc for how each kind is classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    OperationAdded,
    OperationRemoved,
    MethodChanged,
    PathChanged,
    OperationRenamed,
    TitleChanged,
    StatusAdded,
    StatusRemoved,
    RequiredFieldAdded,
    OptionalFieldAdded,
    FieldRemoved,
    FieldMoved,
    TypeChanged,
    EnumerationAdded,
    EnumerationRemoved,
    BecameRequired,
    BecameOptional,
    ConstraintTightened,
    ConstraintLoosened,
    EnumValueAdded,
    EnumValueRemoved,
    EnumValueMarked,
    EnumValueRespelled,
    DefaultAdded,
    DefaultChanged,
    DefaultRemoved,
}

impl ChangeKind {
    /// Every kind, in the order of the classification table.
    pub const ALL: [ChangeKind; 26] = [
        ChangeKind::OperationAdded,
        ChangeKind::OperationRemoved,
        ChangeKind::MethodChanged,
        ChangeKind::PathChanged,
        ChangeKind::OperationRenamed,
        ChangeKind::TitleChanged,
        ChangeKind::StatusAdded,
        ChangeKind::StatusRemoved,
        ChangeKind::RequiredFieldAdded,
        ChangeKind::OptionalFieldAdded,
        ChangeKind::FieldRemoved,
        ChangeKind::FieldMoved,
        ChangeKind::TypeChanged,
        ChangeKind::EnumerationAdded,
        ChangeKind::EnumerationRemoved,
        ChangeKind::BecameRequired,
        ChangeKind::BecameOptional,
        ChangeKind::ConstraintTightened,
        ChangeKind::ConstraintLoosened,
        ChangeKind::EnumValueAdded,
        ChangeKind::EnumValueRemoved,
        ChangeKind::EnumValueMarked,
        ChangeKind::EnumValueRespelled,
        ChangeKind::DefaultAdded,
        ChangeKind::DefaultChanged,
        ChangeKind::DefaultRemoved,
    ];
}

/// A constraint whose change is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Constraint {
    /// Length in characters of a string, or of each string of an array.
    MinLength,
    MaxLength,
    /// Value of a number, or of each number of an array.
    Minimum,
    Maximum,
    /// Item count of an array.
    MinItems,
    MaxItems,
    /// The numbers a number may be.
    AllowedValues,
}

/// What a change means for one kind of client code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Impact {
    /// Code written against the old specs can fail.
    Breaking,
    /// Code written against the old specs keeps working.
    Compatible,
    /// The change is in a part this code does not touch.
    Unaffected,
}

/// The release of the generated crate that a change calls for, as cargo's
/// semver rules have it ([`semver`]), least first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bump {
    /// Nothing changed: no release needed.
    None,
    Patch,
    Minor,
    Major,
}

impl Bump {
    pub fn name(self) -> &'static str {
        match self {
            Bump::None => "none",
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        }
    }
}

/// Compares two resolved APIs.
pub fn compare(old: &Api, new: &Api) -> Report {
    Report {
        changes: walk::changes(old, new),
        not_compared: Vec::new(),
    }
}

/// One side of a comparison: the operations that resolved, and the specs that did not.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub api: Api,
    pub unresolved: Vec<Unresolved>,
}

/// A spec that did not load or resolve: its operation is not compared.
#[derive(Debug, Clone)]
pub struct Unresolved {
    pub file: PathBuf,
    /// Its method and path ([`spec::identity`]), when the YAML parsed.
    pub identity: Option<String>,
    /// Its service's module name (`sms`), when the YAML parsed.
    pub service: Option<String>,
    pub diagnostics: Diagnostics,
}

/// Which side of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Which {
    Old,
    New,
}

/// An operation left out of the comparison because its spec did not resolve on one side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotCompared {
    pub side: Which,
    pub file: String,
    /// Its method and path, when the spec could be read that far.
    pub identity: Option<String>,
    /// The errors, as `docspec generate` prints them.
    pub errors: String,
}

/// Compares two loaded sides operation by operation: an operation whose
/// spec did not resolve on one side is reported as not compared (with its
/// errors), never as added or removed, and every other one is compared.
pub fn compare_loaded(old: &Loaded, new: &Loaded) -> Report {
    let left_out = |api: &Api, other: &Loaded| -> Api {
        // Only within the spec's own service, where it is known: two
        // services may well share a method and path (`GET /v1/{}/jobs/{}`).
        let unresolved_here = |service: &str, operation: &model::Operation| {
            other.unresolved.iter().any(|u| {
                u.service.as_deref().is_none_or(|s| s == service)
                    && (u.identity.as_deref() == Some(operation.identity().as_str())
                        || (u.identity.is_none()
                            && u.file.file_name().is_some()
                            && u.file.file_name() == operation.spec_file.file_name()))
            })
        };
        let mut api = api.clone();
        for service in &mut api.services {
            let module = service.module.clone();
            service.operations.retain(|o| !unresolved_here(&module, o));
        }
        api
    };
    let mut report = compare(&left_out(&old.api, new), &left_out(&new.api, old));
    for (side, loaded) in [(Which::Old, old), (Which::New, new)] {
        report
            .not_compared
            .extend(loaded.unresolved.iter().map(|u| NotCompared {
                side,
                file: u.file.display().to_string(),
                identity: u.identity.clone(),
                errors: u.diagnostics.to_string(),
            }));
    }
    report
}

/// Loads, resolves and compares two spec files or two spec folders,
/// operation by operation (see [`compare_loaded`]). Fails only when a side
/// cannot be read at all: a missing or unreadable path, a single spec file
/// that does not resolve, a file against a folder.
pub fn compare_specs(old: &Path, new: &Path) -> Result<Report, Diagnostics> {
    // A path that does not exist is left to the loader, which says so.
    if old.exists() && new.exists() && old.is_dir() != new.is_dir() {
        let (folder, file) = if old.is_dir() { (old, new) } else { (new, old) };
        return Err(Diagnostics::from_iter([Diagnostic::error(
            Location::file(file),
            format!(
                "expected two spec files or two spec folders, but {} is a folder and this is not",
                folder.display()
            ),
        )]));
    }
    match (load_each(old), load_each(new)) {
        (Ok(old), Ok(new)) => Ok(compare_loaded(&old, &new)),
        (Err(errors), Ok(_)) | (Ok(_), Err(errors)) => Err(errors),
        (Err(mut errors), Err(more)) => {
            errors.extend(more);
            Err(errors)
        }
    }
}

/// What `docspec diff` compares: two spec files or folders, or two doc
/// folders or pages (HTML, copied text), imported in memory as `docspec
/// import` would into an empty folder, under the service name `service`.
pub fn compare_paths(old: &Path, new: &Path, service: &str) -> Result<Report, Diagnostics> {
    match (holds_docs(old), holds_docs(new)) {
        (false, false) => compare_specs(old, new),
        #[cfg(feature = "import")]
        (true, true) => {
            let (old, new) = (load_docs(old, service), load_docs(new, service));
            match (old, new) {
                (Ok(old), Ok(new)) => Ok(compare_loaded(&old, &new)),
                (Err(errors), Ok(_)) | (Ok(_), Err(errors)) => Err(errors),
                (Err(mut errors), Err(more)) => {
                    errors.extend(more);
                    Err(errors)
                }
            }
        }
        _ => {
            let _ = service;
            let docs = if holds_docs(old) { old } else { new };
            Err(Diagnostics::from_iter([Diagnostic::error(
                Location::file(docs),
                if cfg!(feature = "import") {
                    "expected two spec folders (or files) or two doc folders (or pages), but this holds docs and the other specs"
                } else {
                    "doc pages can be compared only by a docspec built with the `import` feature"
                },
            )]))
        }
    }
}

/// Whether a path is doc pages rather than specs: a page (`.html`, `.htm`,
/// `.txt`, `.rst`), or a folder with pages and no spec (`.yaml`) anywhere
/// below it. An empty folder is specs: an API without operations.
pub fn holds_docs(path: &Path) -> bool {
    if !path.is_dir() {
        return is_page(path);
    }
    let (mut pages, mut specs) = (false, false);
    look_below(path, &mut pages, &mut specs);
    pages && !specs
}

fn is_page(path: &Path) -> bool {
    const PAGES: [&str; 4] = ["html", "htm", "txt", "rst"];
    path.extension()
        .is_some_and(|e| PAGES.contains(&e.to_string_lossy().to_ascii_lowercase().as_str()))
}

fn look_below(dir: &Path, pages: &mut bool, specs: &mut bool) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        if *specs {
            return;
        }
        if path.is_dir() {
            look_below(&path, pages, specs);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            *specs = true;
        } else if is_page(&path) {
            *pages = true;
        }
    }
}

/// Imports a doc folder or page in memory and resolves each operation on its
/// own; pages that cannot be read are not compared, like specs that do not
/// resolve. Fails when no operation is read at all.
#[cfg(feature = "import")]
pub fn load_docs(path: &Path, service: &str) -> Result<Loaded, Diagnostics> {
    let (imported, outcome) = crate::import::import_in_memory(&[path.to_owned()], service);
    let mut unresolved = Vec::new();
    let mut specs = Vec::new();
    for (page, spec) in imported {
        match spec::parse_str(&page, &spec.to_yaml()) {
            Ok(loaded) => specs.push(loaded),
            Err(diagnostics) => unresolved.push(Unresolved {
                file: page,
                identity: Some(spec.identity()),
                service: Some(service_module(&spec)),
                diagnostics,
            }),
        }
    }
    for failure in &outcome.failures {
        unresolved.push(Unresolved {
            file: path.to_owned(),
            identity: None,
            service: None,
            diagnostics: Diagnostics::from_iter([Diagnostic::error(
                Location::file(path),
                failure.clone(),
            )]),
        });
    }
    if specs.is_empty() && unresolved.is_empty() {
        return Err(Diagnostics::from_iter([Diagnostic::error(
            Location::file(path),
            format!(
                "no operation page read under {} ({} page(s) skipped): nothing to compare",
                path.display(),
                outcome.skipped.len()
            ),
        )]));
    }
    Ok(resolve_each(&specs, unresolved))
}

/// Loads and resolves one spec file, or every spec below a folder, failing
/// with every error if any spec does not resolve.
///
/// Unlike `docspec generate`, an empty folder is no error: it is an API
/// without operations, which is what a service looks like before its first
/// spec is imported.
pub fn load(path: &Path) -> Result<Api, Diagnostics> {
    let loaded = load_each(path)?;
    if loaded.unresolved.is_empty() {
        return Ok(loaded.api);
    }
    let mut errors = Diagnostics::new();
    for unresolved in loaded.unresolved {
        errors.extend(unresolved.diagnostics);
    }
    Err(errors.sorted())
}

/// Loads and resolves every spec of a file or folder on its own, keeping
/// the ones that do not resolve aside with their errors. Fails only when
/// nothing can be read: a folder that cannot be listed, or a single file
/// that does not resolve.
pub fn load_each(path: &Path) -> Result<Loaded, Diagnostics> {
    if !path.is_dir() {
        let spec = spec::load_file(path)?;
        let resolved = resolve::resolve(std::slice::from_ref(&spec))?;
        return Ok(Loaded {
            api: resolved.api,
            unresolved: Vec::new(),
        });
    }
    let loaded = spec::load_dir(path);
    let mut unresolved: BTreeMap<PathBuf, Unresolved> = BTreeMap::new();
    for diagnostic in loaded.diagnostics.iter() {
        let file = diagnostic.location.file.clone();
        if file == path {
            return Err(loaded.diagnostics.sorted());
        }
        unresolved
            .entry(file.clone())
            .or_insert_with(|| Unresolved {
                file,
                identity: None,
                service: None,
                diagnostics: Diagnostics::new(),
            })
            .diagnostics
            .push(diagnostic.clone());
    }
    Ok(resolve_each(
        &loaded.specs,
        unresolved.into_values().collect(),
    ))
}

/// Resolves each spec on its own; the ones with errors go to `unresolved`.
pub fn resolve_each(specs: &[spec::LoadedSpec], mut unresolved: Vec<Unresolved>) -> Loaded {
    let mut resolved = Vec::new();
    for spec in specs {
        let mut diagnostics = Diagnostics::new();
        match resolve::resolve_operation(spec, &mut diagnostics) {
            Some(_) if !diagnostics.has_errors() => resolved.push(spec.clone()),
            _ => unresolved.push(Unresolved {
                file: spec.path.clone(),
                identity: Some(spec.spec.identity()),
                service: Some(service_module(&spec.spec)),
                diagnostics: diagnostics.sorted(),
            }),
        }
    }
    // What resolves alone resolves together but for two specs of one
    // operation module, which the resolver reports: those are set aside too.
    let api = match resolve::resolve(&resolved) {
        Ok(resolved) => resolved.api,
        Err(errors) => {
            let clashing: BTreeSet<PathBuf> =
                errors.errors().map(|d| d.location.file.clone()).collect();
            for spec in resolved.iter().filter(|s| clashing.contains(&s.path)) {
                unresolved.push(Unresolved {
                    file: spec.path.clone(),
                    identity: Some(spec.spec.identity()),
                    service: Some(service_module(&spec.spec)),
                    diagnostics: errors
                        .iter()
                        .filter(|d| d.location.file == spec.path)
                        .cloned()
                        .collect(),
                });
            }
            let rest: Vec<spec::LoadedSpec> = resolved
                .into_iter()
                .filter(|s| !clashing.contains(&s.path))
                .collect();
            resolve::resolve(&rest).map(|r| r.api).unwrap_or_default()
        }
    };
    unresolved.sort_by(|a, b| a.file.cmp(&b.file));
    Loaded { api, unresolved }
}

/// The module name a spec's service resolves to, as [`Service::module`](model::Service::module) has it.
fn service_module(spec: &spec::Spec) -> String {
    crate::resolve::naming::field_name(&spec.service)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job_spec(service: &str, limits: &str) -> String {
        format!(
            "service: {service}\noperation: ShowJob\ntitle: Querying a job\nmethod: GET\npath: /v1/{{project_id}}/jobs/{{job_id}}\ntables:\n- role: path-parameters\n  rows:\n  - parameter: project_id\n    mandatory: Yes\n    type: String\n    description: The project ID.\n  - parameter: job_id\n    mandatory: Yes\n    type: String\n    description: 'The job ID. {limits}'\n"
        )
    }

    #[test]
    fn a_spec_that_does_not_resolve_leaves_out_only_its_own_services_operation() {
        let root = std::env::temp_dir().join(format!("docspec-diff-{}", std::process::id()));
        // The new alpha spec does not resolve: its minimum is above its maximum.
        for (side, alpha_limits) in [("old", ""), ("new", "Minimum: 37 Maximum: 36")] {
            for (service, limits) in [("alpha", alpha_limits), ("beta", "")] {
                let dir = root.join(side).join(service);
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(dir.join("ShowJob.yaml"), job_spec(service, limits)).unwrap();
            }
        }
        let old = load_each(&root.join("old")).unwrap();
        let new = load_each(&root.join("new")).unwrap();
        std::fs::remove_dir_all(&root).unwrap();
        assert_eq!(new.unresolved.len(), 1, "{:?}", new.unresolved);
        let report = compare_loaded(&old, &new);
        assert_eq!(report.not_compared.len(), 1);
        assert!(
            report.changes.is_empty(),
            "beta's operation is the same on both sides: {:?}",
            report.changes
        );
    }
}
