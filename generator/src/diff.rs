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
//! Descriptions, titles and examples are not compared.
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
//! concern the operation as a whole and are judged for both.
//!
//! | change                 | in the request | in a response |
//! |------------------------|----------------|---------------|
//! | `operation_added`      | compatible     | compatible    |
//! | `operation_removed`    | breaking       | breaking      |
//! | `method_changed`       | breaking       | unaffected    |
//! | `path_changed`         | breaking       | unaffected    |
//! | `status_added`         | -              | compatible    |
//! | `status_removed`       | -              | compatible    |
//! | `required_field_added` | breaking       | compatible    |
//! | `optional_field_added` | compatible     | compatible    |
//! | `field_removed`        | breaking       | breaking      |
//! | `type_changed`         | breaking       | breaking      |
//! | `became_required`      | breaking       | compatible    |
//! | `became_optional`      | compatible     | breaking      |
//! | `constraint_tightened` | breaking       | compatible    |
//! | `constraint_loosened`  | compatible     | compatible    |
//! | `enum_value_added`     | compatible     | compatible    |
//! | `enum_value_removed`   | breaking       | compatible    |
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
//! A `type_changed` is reported when the shape differs (`String` →
//! `Integer (i32)`, `Integer (i32)` → `Long (i64)`, `object` → `Array of
//! object`, `String` → `String enumeration`); constraints are then compared
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
//!       "explanation": "requests that were valid may now fail validate() or be refused"
//!     }
//!   ],
//!   "summary": {
//!     "changes": 1,
//!     "operations": 1,
//!     "breaking": 1,
//!     "breaking_for_requests": 1,
//!     "breaking_for_responses": 0,
//!     "compatible": 0
//!   }
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

mod classify;
mod report;
mod walk;

pub use classify::{classify, Classification};
pub use report::Summary;

use crate::diagnostic::{Diagnostic, Location};
use crate::model::Api;
use crate::{resolve, spec, Diagnostics};
use serde::Serialize;
use std::path::Path;

/// Every change between two sets of specs, operation by operation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    /// By service and operation id, then in the order of the operation's parts.
    pub changes: Vec<Change>,
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
    StatusAdded,
    StatusRemoved,
    RequiredFieldAdded,
    OptionalFieldAdded,
    FieldRemoved,
    TypeChanged,
    BecameRequired,
    BecameOptional,
    ConstraintTightened,
    ConstraintLoosened,
    EnumValueAdded,
    EnumValueRemoved,
    DefaultAdded,
    DefaultChanged,
    DefaultRemoved,
}

impl ChangeKind {
    /// Every kind, in the order of the classification table.
    pub const ALL: [ChangeKind; 19] = [
        ChangeKind::OperationAdded,
        ChangeKind::OperationRemoved,
        ChangeKind::MethodChanged,
        ChangeKind::PathChanged,
        ChangeKind::StatusAdded,
        ChangeKind::StatusRemoved,
        ChangeKind::RequiredFieldAdded,
        ChangeKind::OptionalFieldAdded,
        ChangeKind::FieldRemoved,
        ChangeKind::TypeChanged,
        ChangeKind::BecameRequired,
        ChangeKind::BecameOptional,
        ChangeKind::ConstraintTightened,
        ChangeKind::ConstraintLoosened,
        ChangeKind::EnumValueAdded,
        ChangeKind::EnumValueRemoved,
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

/// Compares two resolved APIs.
pub fn compare(old: &Api, new: &Api) -> Report {
    Report {
        changes: walk::changes(old, new),
    }
}

/// Loads, resolves and compares two spec files or two spec folders.
/// Fails with the diagnostics of both sides, as `docspec generate` prints them.
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
    match (load(old), load(new)) {
        (Ok(old), Ok(new)) => Ok(compare(&old, &new)),
        (Err(errors), Ok(_)) | (Ok(_), Err(errors)) => Err(errors),
        (Err(mut errors), Err(more)) => {
            errors.extend(more);
            Err(errors)
        }
    }
}

/// Loads and resolves one spec file, or every spec below a folder.
///
/// Unlike `docspec generate`, an empty folder is no error: it is an API
/// without operations, which is what a service looks like before its first
/// spec is imported.
pub fn load(path: &Path) -> Result<Api, Diagnostics> {
    let (specs, mut diagnostics) = if path.is_dir() {
        let loaded = spec::load_dir(path);
        (loaded.specs, loaded.diagnostics)
    } else {
        (vec![spec::load_file(path)?], Diagnostics::new())
    };
    match resolve::resolve(&specs) {
        Ok(resolved) if !diagnostics.has_errors() => Ok(resolved.api),
        Ok(resolved) => {
            diagnostics.extend(resolved.diagnostics);
            Err(diagnostics.sorted())
        }
        Err(errors) => {
            diagnostics.extend(errors);
            Err(diagnostics.sorted())
        }
    }
}
