//! Diagnostics: errors and warnings with the place in the spec they are about.
//!
//! Every problem the loader, resolver, linter or importer finds becomes one
//! [`Diagnostic`]; they are collected, never thrown one at a time, so that a
//! user fixes a spec in one pass.

use std::fmt;
use std::path::PathBuf;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

/// A position in a source file, 1-based.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
}

impl Location {
    pub fn new(file: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        Location {
            file: file.into(),
            line,
            column,
        }
    }

    /// A file or folder as a whole (line and column 0): shown as its path
    /// alone, since a line would suggest a place in a file that may not exist.
    pub fn file(file: impl Into<PathBuf>) -> Self {
        Location::new(file, 0, 0)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => write!(f, "{}", self.file.display()),
            line => write!(f, "{}:{line}:{}", self.file.display(), self.column),
        }
    }
}

/// One finding: where, in which table and row, and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Diagnostic {
    pub location: Location,
    pub severity: Severity,
    /// The table the finding is about, by its name or role (`"BatchConsistencyReq"`, `"request body"`).
    pub table: Option<String>,
    /// The row, by its Parameter cell.
    pub row: Option<String>,
    pub message: String,
    /// What would fix it, when there is something better to say than the message.
    pub hint: Option<String>,
    /// For a warning that reports a guess: what kind of guess, for summaries.
    pub guess: Option<Guess>,
    /// For other warnings: what they are about, for summaries.
    pub topic: Option<Topic>,
}

/// What a warning that is no guess is about, so that a whole service's
/// warnings can be counted by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Topic {
    /// A cross-check of the spec against itself (`docspec lint`).
    Check(Check),
    /// Constraint-like text in a description that could not be read.
    UnreadConstraint,
    /// A response table without a status, taken as the success response.
    UnstatedStatus,
    /// A Type cell read with an assumption (words after the type, no Type column).
    TypeReading,
    /// What the importer read of a page with an assumption: table roles and
    /// names, references to tables of other pages.
    PageReading,
    /// An operation page without parameters whose tables could not be read
    /// as parameters, or whose parameter sections document them in no table.
    UnreadTables,
    /// A query string in the URI line that the query table contradicts.
    QueryString,
    /// A toctree entry that names no page of the tree, or a glob matching none.
    ChapterOrder,
}

impl Topic {
    /// What the warnings of this kind are, for a summary line.
    pub fn describe(self) -> &'static str {
        match self {
            Topic::Check(check) => check.describe(),
            Topic::UnreadConstraint => "constraint text not understood (left unchecked)",
            Topic::UnstatedStatus => {
                "response tables without a status (taken as the success response)"
            }
            Topic::TypeReading => {
                "Type cells read with an assumption (words after the type, no Type column)"
            }
            Topic::PageReading => {
                "page layouts read with an assumption (table roles, names, references elsewhere)"
            }
            Topic::UnreadTables => {
                "operation pages without a readable parameter table (imported without parameters)"
            }
            Topic::QueryString => "query strings in the URI line that the query table contradicts",
            Topic::ChapterOrder => {
                "toctree entries that name no page of the tree (chapter order incomplete)"
            }
        }
    }
}

/// What a finding of `docspec lint`, the cross-checks of a spec against
/// itself, is about, for callers that count or filter findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Check {
    /// An example body that should be JSON and does not parse.
    InvalidJson,
    /// A key of an example that the table of its object does not document.
    UndocumentedKey,
    /// A mandatory row absent from an example.
    MissingMandatory,
    /// An example value of another type than its row documents.
    TypeMismatch,
    /// An example value outside a documented length, item count or range.
    OutOfBounds,
    /// An example value that is not one of the documented values.
    NotListed,
    /// A row refers to an object no table describes.
    MissingTable,
    /// A body that a status or an example shows and no table documents.
    UndocumentedBody,
    /// A response example that no documented status can be matched to.
    UnplacedExample,
    /// A body documented as text whose example is JSON.
    TextBodyShowsJson,
    /// An object table that no row refers to.
    OrphanTable,
    /// A key repeated in one object of an example.
    RepeatedKey,
    /// A code block of the page that no example captured (the spec's `uncaptured_code`).
    UncapturedCode,
}

impl Check {
    /// What the findings of this check are, for a summary line.
    pub fn describe(self) -> &'static str {
        match self {
            Check::InvalidJson => "examples that are not valid JSON",
            Check::UndocumentedKey => "example keys no table documents",
            Check::MissingMandatory => "mandatory rows absent from an example",
            Check::TypeMismatch => "example values of another type than documented",
            Check::OutOfBounds => "example values outside documented bounds",
            Check::NotListed => "example values not among the documented values",
            Check::MissingTable => "rows referring to an object no table describes",
            Check::UndocumentedBody => {
                "statuses or examples whose body no table documents (kept as text)"
            }
            Check::UnplacedExample => "response examples no documented status can be matched to",
            Check::TextBodyShowsJson => "text bodies whose example is JSON",
            Check::OrphanTable => "object tables no row refers to",
            Check::RepeatedKey => "keys repeated in one object of an example",
            Check::UncapturedCode => "code blocks of the page no example captured",
        }
    }
}

/// The kinds of guesses import and generation make where the docs cannot be
/// read precisely, so that a whole service's guesses can be counted by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Guess {
    /// A Type cell that is not a documented type phrase, read as any JSON.
    AnyJson,
    /// A list of a name without a table whose description enumerates the values: strings.
    EnumeratedStrings,
    /// A Mandatory cell with a condition: optional, the condition kept in the docs.
    ConditionalMandatory,
    /// A row repeated in one table: the first kept.
    RepeatedRow,
    /// A `{placeholder}` of the path without a row: a String path parameter.
    PathPlaceholder,
    /// A parameter typed as an object: text, as a parameter is on the wire.
    NonScalarParameter,
    /// Two fields of one struct or parameter set whose Rust names collide: the later renamed.
    CollidingName,
    /// A documented default that contradicts the documented values: dropped.
    ContradictoryDefault,
    /// A table that is not a parameter table, left out.
    NotAParameterTable,
    /// A table's role, name or rows guessed by the importer.
    ImportedTable,
}

impl Guess {
    /// What the guesses of this kind are, for a summary line.
    pub fn describe(self) -> &'static str {
        match self {
            Guess::AnyJson => "Type cells read as any JSON (serde_json::Value)",
            Guess::EnumeratedStrings => "lists of enumerated values read as arrays of strings",
            Guess::ConditionalMandatory => "conditional Mandatory cells read as optional",
            Guess::RepeatedRow => "repeated rows (the first kept)",
            Guess::PathPlaceholder => "path placeholders without a row (String parameters)",
            Guess::NonScalarParameter => "parameters typed as objects (read as text)",
            Guess::CollidingName => "fields whose Rust names collide (the later renamed)",
            Guess::ContradictoryDefault => {
                "defaults that contradict the documented values (dropped)"
            }
            Guess::NotAParameterTable => "tables that are not parameter tables (left out)",
            Guess::ImportedTable => "tables whose role, name or rows the importer guessed",
        }
    }
}

impl Diagnostic {
    pub fn error(location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            location,
            severity: Severity::Error,
            table: None,
            row: None,
            message: message.into(),
            hint: None,
            guess: None,
            topic: None,
        }
    }

    pub fn warning(location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(location, message)
        }
    }

    pub fn in_table(mut self, table: impl Into<String>) -> Self {
        self.table = Some(table.into());
        self
    }

    pub fn in_row(mut self, row: impl Into<String>) -> Self {
        self.row = Some(row.into());
        self
    }

    /// Names the table, on a diagnostic already pushed.
    pub fn with_table(&mut self, table: impl Into<String>) -> &mut Self {
        self.table = Some(table.into());
        self
    }

    /// Names the row, on a diagnostic already pushed.
    pub fn with_row(&mut self, row: impl Into<String>) -> &mut Self {
        self.row = Some(row.into());
        self
    }

    /// Marks a diagnostic already pushed as a guess of this kind.
    pub fn with_guess(&mut self, guess: Guess) -> &mut Self {
        self.guess = Some(guess);
        self
    }

    /// Says what a warning is about, for summaries.
    pub fn about(mut self, topic: Topic) -> Self {
        self.topic = Some(topic);
        self
    }

    /// Says what a diagnostic already pushed is about.
    pub fn with_topic(&mut self, topic: Topic) -> &mut Self {
        self.topic = Some(topic);
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}: {severity}: ", self.location)?;
        match (&self.table, &self.row) {
            (Some(table), Some(row)) => write!(f, "table \"{table}\", row \"{row}\": ")?,
            (Some(table), None) => write!(f, "table \"{table}\": ")?,
            (None, Some(row)) => write!(f, "row \"{row}\": ")?,
            (None, None) => {}
        }
        f.write_str(&self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// All findings of one run, in the order they were found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

/// How a summary groups warnings: guesses first, then findings by topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    Guess(Guess),
    Topic(Topic),
    Other,
}

impl Group {
    fn of(d: &Diagnostic) -> Group {
        match (d.guess, d.topic) {
            (Some(guess), _) => Group::Guess(guess),
            (None, Some(topic)) => Group::Topic(topic),
            (None, None) => Group::Other,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Group::Guess(guess) => guess.describe(),
            Group::Topic(topic) => topic.describe(),
            Group::Other => "other warnings",
        }
    }
}

impl Diagnostics {
    pub fn new() -> Self {
        Diagnostics::default()
    }

    /// The warnings counted by kind, for a whole service: the guesses made
    /// where the docs could not be read precisely first (what to review),
    /// then the other findings, the most frequent first.
    pub fn summary(&self) -> String {
        let mut groups: std::collections::BTreeMap<Group, usize> = Default::default();
        for d in self.warnings() {
            *groups.entry(Group::of(d)).or_default() += 1;
        }
        let (guesses, others): (Vec<_>, Vec<_>) = groups
            .into_iter()
            .partition(|(group, _)| matches!(group, Group::Guess(_)));
        let count = |list: &[(Group, usize)]| list.iter().map(|(_, n)| n).sum::<usize>();
        let mut out = format!("{} guess(es) to review\n", count(&guesses));
        for (group, n) in &guesses {
            out.push_str(&format!("  {n:>4}  {}\n", group.describe()));
        }
        if !others.is_empty() {
            let mut others = others;
            // Most frequent first; `Other` last whatever its count.
            others.sort_by_key(|(group, n)| (*group == Group::Other, std::cmp::Reverse(*n)));
            out.push_str(&format!("{} other warning(s)\n", count(&others)));
            for (group, n) in &others {
                out.push_str(&format!("  {n:>4}  {}\n", group.describe()));
            }
        }
        out
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Adds a diagnostic and gives it back for more detail.
    pub fn push_mut(&mut self, diagnostic: Diagnostic) -> &mut Diagnostic {
        let index = self.items.len();
        self.items.push(diagnostic);
        &mut self.items[index]
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.items.iter()
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| d.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| !d.is_error())
    }

    /// Sorted by file, line and column, so that output does not depend on the order of checks.
    pub fn sorted(mut self) -> Self {
        self.items.sort();
        self.items.dedup();
        self
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics {
            items: iter.into_iter().collect(),
        }
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.items {
            writeln!(f, "{d}")?;
        }
        let errors = self.errors().count();
        let warnings = self.items.len() - errors;
        write!(f, "{errors} error(s), {warnings} warning(s)")
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_counts_guesses_first_then_findings_by_kind() {
        let at = || Location::new("spec/a.yaml", 1, 1);
        let mut all: Diagnostics = (0..3)
            .map(|_| Diagnostic::warning(at(), "x").about(Topic::Check(Check::UndocumentedKey)))
            .collect();
        all.push(Diagnostic::warning(at(), "y").about(Topic::UnreadConstraint));
        all.push(Diagnostic::warning(at(), "z"));
        all.push(Diagnostic::error(at(), "not counted"));
        all.push_mut(Diagnostic::warning(at(), "g"))
            .with_guess(Guess::AnyJson);
        assert_eq!(
            all.summary(),
            "1 guess(es) to review
     1  Type cells read as any JSON (serde_json::Value)
5 other warning(s)
     3  example keys no table documents
     1  constraint text not understood (left unchecked)
     1  other warnings
"
        );
    }

    /// The floor every layer stands on (spec, resolve, lint, import, emit)
    /// looks at none of them: an edge up would make the layers one cycle.
    #[test]
    fn diagnostics_depend_on_nothing_else_in_the_crate() {
        let source = include_str!("diagnostic.rs");
        let code = &source[..source.find("#[cfg(test)]").expect("the tests module")];
        for (number, line) in code.lines().enumerate() {
            for upward in ["crate::", "super::", "self::"] {
                assert!(
                    !line.contains(upward),
                    "diagnostic.rs:{}: `{upward}` names another module of the crate: {line}",
                    number + 1
                );
            }
        }
    }
}
