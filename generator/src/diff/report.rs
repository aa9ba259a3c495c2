//! The report, for people (grouped by operation, one line per change, then
//! a summary) and for tools (the JSON documented in [`crate::diff`]).

use super::{Bump, Change, ChangeKind, Constraint, Impact, NotCompared, Report, Which};
use serde::Serialize;
use std::fmt;

/// The version of the JSON structure: it changes only when a field's meaning does.
const JSON_VERSION: u32 = 1;

/// How many changes there are, and of what consequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    pub changes: usize,
    /// Operations with at least one change.
    pub operations: usize,
    /// Changes breaking for either side.
    pub breaking: usize,
    pub breaking_for_requests: usize,
    pub breaking_for_responses: usize,
    pub compatible: usize,
}

impl Report {
    pub fn summary(&self) -> Summary {
        let breaking_for = |side: fn(&Change) -> Impact| {
            self.changes
                .iter()
                .filter(|c| side(c) == Impact::Breaking)
                .count()
        };
        let breaking = self.changes.iter().filter(|c| c.is_breaking()).count();
        Summary {
            changes: self.changes.len(),
            operations: self.by_operation().len(),
            breaking,
            breaking_for_requests: breaking_for(|c| c.request),
            breaking_for_responses: breaking_for(|c| c.response),
            compatible: self.changes.len() - breaking,
        }
    }

    /// Whether any change breaks code on either side.
    pub fn is_breaking(&self) -> bool {
        self.changes.iter().any(Change::is_breaking)
    }

    /// Whether some operations were left out because their spec did not resolve.
    pub fn is_partial(&self) -> bool {
        !self.not_compared.is_empty()
    }

    /// The release of the generated crate the changes call for: the largest
    /// of theirs ([`super::semver`]), `none` without changes.
    pub fn version(&self) -> Bump {
        self.changes
            .iter()
            .map(|c| c.semver)
            .max()
            .unwrap_or(Bump::None)
    }

    /// The exit status of `docspec diff`: 1 if asked to fail on a breaking
    /// change and there is one; else 3 if the report is partial (a spec did
    /// not resolve: the operations it holds were not compared); else 0.
    /// (A side that cannot be read at all exits with 2.)
    pub fn exit_code(&self, fail_on_breaking: bool) -> u8 {
        if fail_on_breaking && self.is_breaking() {
            1
        } else if self.is_partial() {
            3
        } else {
            0
        }
    }

    /// The report as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Json<'a> {
            version: u32,
            changes: &'a [Change],
            summary: Summary,
            semver: Bump,
            not_compared: &'a [NotCompared],
        }
        let json = Json {
            version: JSON_VERSION,
            changes: &self.changes,
            summary: self.summary(),
            semver: self.version(),
            not_compared: &self.not_compared,
        };
        // Strings, numbers and unit enum variants always serialize.
        serde_json::to_string_pretty(&json).unwrap_or_default()
    }

    /// The changes in runs of the same operation, in report order.
    fn by_operation(&self) -> Vec<&[Change]> {
        self.changes
            .chunk_by(|a, b| a.service == b.service && a.operation == b.operation)
            .collect()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for group in self.by_operation() {
            let Some(first) = group.first() else { continue };
            writeln!(f, "{} {}", first.service, first.operation)?;
            for change in group {
                let marker = if change.is_breaking() {
                    "BREAKING"
                } else {
                    "compatible"
                };
                writeln!(f, "  {marker:<10}  {change}")?;
            }
            writeln!(f)?;
        }
        for left_out in &self.not_compared {
            let side = match left_out.side {
                Which::Old => "before",
                Which::New => "after",
            };
            let what = left_out.identity.as_deref().unwrap_or("its operation");
            writeln!(
                f,
                "NOT COMPARED  {} ({side}): {what}: the spec does not resolve",
                left_out.file
            )?;
            for line in left_out.errors.lines() {
                writeln!(f, "    {line}")?;
            }
        }
        if !self.not_compared.is_empty() {
            writeln!(
                f,
                "partial: {} not compared (see above); every other operation was compared\n",
                counted(self.not_compared.len(), "spec")
            )?;
        }
        let summary = self.summary();
        if summary.changes == 0 {
            return writeln!(f, "no API changes");
        }
        writeln!(
            f,
            "{} in {}: {} breaking ({} for request builders, {} for response readers), {} compatible",
            counted(summary.changes, "change"),
            counted(summary.operations, "operation"),
            summary.breaking,
            summary.breaking_for_requests,
            summary.breaking_for_responses,
            summary.compatible
        )?;
        writeln!(
            f,
            "generated crate: a {} release (cargo semver for the emitted API)",
            self.version().name()
        )
    }
}

/// One line: where, what, from and to, why, and the verdict for each side.
impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.operation)?;
        if !self.location.is_empty() {
            write!(f, "{}: ", self.location)?;
        }
        write!(f, "{}", self.what())?;
        let values = self.values();
        if !values.is_empty() {
            write!(f, ": {values}")?;
        }
        write!(
            f,
            "; {} [requests: {}, responses: {}]",
            self.explanation,
            impact_name(self.request),
            impact_name(self.response)
        )
    }
}

impl Change {
    fn what(&self) -> String {
        match (self.kind, self.constraint) {
            (ChangeKind::ConstraintTightened, Some(c)) => {
                format!("{} tightened", constraint_name(c))
            }
            (ChangeKind::ConstraintLoosened, Some(c)) => format!("{} loosened", constraint_name(c)),
            (kind, _) => kind_phrase(kind).to_owned(),
        }
    }

    /// `old → new`; a bound that appears or goes shows as `none`, while a
    /// thing added or removed shows only itself.
    fn values(&self) -> String {
        match (&self.old, &self.new) {
            (Some(old), Some(new)) => format!("{old} → {new}"),
            (None, Some(new)) if self.constraint.is_some() => format!("none → {new}"),
            (Some(old), None) if self.constraint.is_some() => format!("{old} → none"),
            (Some(value), None) | (None, Some(value)) => value.clone(),
            (None, None) => String::new(),
        }
    }
}

fn kind_phrase(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::OperationAdded => "operation added",
        ChangeKind::OperationRemoved => "operation removed",
        ChangeKind::MethodChanged => "method changed",
        ChangeKind::PathChanged => "path changed",
        ChangeKind::OperationRenamed => "operation renamed",
        ChangeKind::TitleChanged => "title changed",
        ChangeKind::StatusAdded => "response status added",
        ChangeKind::StatusRemoved => "response status removed",
        ChangeKind::RequiredFieldAdded => "required field added",
        ChangeKind::OptionalFieldAdded => "optional field added",
        ChangeKind::FieldRemoved => "field removed",
        ChangeKind::FieldMoved => "field moved",
        ChangeKind::TypeChanged => "type changed",
        ChangeKind::EnumerationAdded => "list of values added",
        ChangeKind::EnumerationRemoved => "list of values removed",
        ChangeKind::BecameRequired => "now required",
        ChangeKind::BecameOptional => "now optional",
        ChangeKind::ConstraintTightened => "constraint tightened",
        ChangeKind::ConstraintLoosened => "constraint loosened",
        ChangeKind::EnumValueAdded => "enum value added",
        ChangeKind::EnumValueRemoved => "enum value removed",
        ChangeKind::EnumValueMarked => "enum value marked",
        ChangeKind::EnumValueRespelled => "enum value respelled",
        ChangeKind::DefaultAdded => "default added",
        ChangeKind::DefaultChanged => "default changed",
        ChangeKind::DefaultRemoved => "default removed",
    }
}

fn constraint_name(constraint: Constraint) -> &'static str {
    match constraint {
        Constraint::MinLength => "minimum length",
        Constraint::MaxLength => "maximum length",
        Constraint::Minimum => "minimum",
        Constraint::Maximum => "maximum",
        Constraint::MinItems => "minimum item count",
        Constraint::MaxItems => "maximum item count",
        Constraint::AllowedValues => "allowed values",
    }
}

fn impact_name(impact: Impact) -> &'static str {
    match impact {
        Impact::Breaking => "breaking",
        Impact::Compatible => "compatible",
        Impact::Unaffected => "unaffected",
    }
}

fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
