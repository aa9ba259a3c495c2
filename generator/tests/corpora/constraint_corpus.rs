//! The constraints of the whole pipeline against the corpus in
//! `../shared/corpus`: every page, as exported HTML and as copied text, is
//! imported, written as YAML, read back and resolved; each resolved field's
//! constraints are compared with what the page's `facts.json` records for
//! its row.
//!
//! What is compared, per kind of fact (conventions: `FACTS.md`):
//! - `min`/`max`: `Rules::length` (strings, and each string of an array) or
//!   `Rules::range` (numbers, and each number of an array). The facts give
//!   lengths for strings and values for numbers and for the items of a bare
//!   `Array` query parameter; a length where the page states a value (or the
//!   reverse) is a wrong value, not a match.
//! - `min_items`/`max_items`: `Rules::items`.
//! - `enum`: the wire values of the field's `Ty::Enum` (or of its items), else
//!   `Rules::one_of` for numbers.
//! - `default`: `Field::default`.
//!
//! Run with `cargo test -p docspec --test corpora constraint_corpus:: -- --nocapture`
//! for precision and recall per form and kind, every miss and wrong value
//! (with what the phrase parser alone reads from the imported cell, and the
//! resolver's warnings on the row), and the summary as a markdown table.
//! Without the corpus the test says what it skipped and passes.
#![cfg(feature = "import")]

use crate::common;

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use common::{
    assert_meets_targets, enum_text, facts_fields, is_excluded, limit_text, page_dirs, page_name,
    pair_objects, print_exclusions, print_tally, print_tally_header, read_facts, structs_by_table,
    subject_of, Kind, Tally, CORPUS, EXCLUDED, KINDS,
};
use docspec::diagnostic::{Diagnostic, Diagnostics};
use docspec::import::{import_page, ImportOptions};
use docspec::model::{Field, Operation, Ty};
use docspec::phrase::{parse_constraints, parse_type, Subject};
use docspec::resolve::resolve_operation;
use docspec::spec::{self, Row, Spec, Table, TableRole};
use serde_json::Value;

const FORMS: [&str; 2] = ["html", "txt"];

#[test]
#[cfg_attr(
    shared_missing,
    ignore = "../shared/corpus is missing: no constraint is compared with the corpus facts"
)]
fn resolved_constraints_match_the_corpus_facts() {
    let corpus = Path::new(CORPUS);
    let Some(dirs) = page_dirs(corpus) else {
        println!(
            "skipped: no corpus at {} (test data outside the repository): \
             the constraint evaluation of the pipeline, for both forms",
            corpus.display()
        );
        return;
    };
    let mut evaluations: Vec<Evaluation> = FORMS.iter().map(|_| Evaluation::default()).collect();
    for dir in &dirs {
        let name = page_name(corpus, dir);
        let facts = read_facts(dir);
        for (form, evaluation) in FORMS.iter().zip(evaluations.iter_mut()) {
            evaluation.page(dir, &name, form, &facts);
        }
    }
    for (form, evaluation) in FORMS.iter().zip(&evaluations) {
        evaluation.print(form);
    }
    print_exclusions();
    println!("\nMarkdown summary ({} pages):\n", dirs.len());
    println!("{}", markdown(&evaluations));
    for (form, evaluation) in FORMS.iter().zip(&evaluations) {
        assert_meets_targets(form, evaluation.overall());
    }
}

// ---------------------------------------------------------------------------
// One form's evaluation

#[derive(Default)]
struct Evaluation {
    tallies: [Tally; KINDS.len()],
    problems: Vec<String>,
    skipped: Vec<String>,
    pages: usize,
    rows: usize,
    /// Facts whose bound was read with the number right but measured the
    /// other way (a length for a value), by kind.
    measured_otherwise: BTreeMap<String, u32>,
    /// Facts that the phrase parser alone reads right from the imported
    /// cell but the resolved field does not hold.
    lost_after_parsing: u32,
}

impl Evaluation {
    fn page(&mut self, dir: &Path, name: &str, form: &str, facts: &Value) {
        let file = dir.join(format!("page.{form}"));
        let Ok(bytes) = std::fs::read(&file) else {
            self.skipped.push(format!("{name}: no page.{form}"));
            return;
        };
        self.pages += 1;
        let options = ImportOptions {
            service: facts["service"].as_str().unwrap_or_default().to_owned(),
            operation: facts["operation"].as_str().map(str::to_owned),
        };
        let imported = match import_page(&file, &bytes, &options) {
            Ok(imported) => imported,
            Err(errors) => return self.page_lost(name, facts, "import failed", &errors),
        };
        let loaded = match spec::parse_str(&file, &imported.yaml) {
            Ok(loaded) => loaded,
            Err(errors) => return self.page_lost(name, facts, "the YAML does not load", &errors),
        };
        let mut diagnostics = Diagnostics::new();
        let Some(operation) = resolve_operation(&loaded, &mut diagnostics) else {
            return self.page_lost(name, facts, "resolve failed", &diagnostics);
        };
        let page = ResolvedPage::new(&loaded.spec, &operation, facts);
        for matched in &page.matched {
            self.rows += 1;
            self.row(name, matched, &operation, &diagnostics);
        }
        for extra in page.unmatched_with_rules(&operation) {
            for (kind, got) in extra.values {
                self.tallies[kind_index(kind)].false_positives += 1;
                self.problems.push(format!(
                    "EXTRA {name} {} {}: {kind} {got} on a resolved field that no fact describes",
                    extra.origin, extra.field
                ));
            }
        }
    }

    /// Every fact of a page that did not make it through the pipeline is missed.
    fn page_lost(&mut self, name: &str, facts: &Value, why: &str, diagnostics: &Diagnostics) {
        let errors: Vec<String> = diagnostics.errors().map(ToString::to_string).collect();
        let mut lost = 0;
        for (index, _) in facts["tables"].as_array().into_iter().flatten().enumerate() {
            for fact in facts_fields(facts, index).unwrap_or_default() {
                let row = fact["name"].as_str().unwrap_or_default();
                for (k, kind) in KINDS.iter().enumerate() {
                    if is_excluded(name, index + 1, row, *kind) {
                        continue;
                    }
                    if kind.expected(fact).is_some() {
                        self.tallies[k].false_negatives += 1;
                        lost += 1;
                    }
                }
            }
        }
        self.problems.push(format!(
            "LOST {name}: {why}, {lost} facts missed:\n    {}",
            errors.join("\n    ")
        ));
    }

    fn row(
        &mut self,
        page: &str,
        matched: &Matched,
        operation: &Operation,
        diagnostics: &Diagnostics,
    ) {
        let name = matched.fact["name"].as_str().unwrap_or_default();
        for (k, kind) in KINDS.iter().enumerate() {
            if is_excluded(page, matched.table, name, *kind) {
                continue;
            }
            let expected = expected(*kind, matched.fact);
            let got = matched
                .field
                .and_then(|field| resolved(*kind, field, operation));
            let tally = &mut self.tallies[k];
            let same = match (&expected, &got) {
                (Some(e), Some(g)) => e.matches(g),
                (None, None) => true,
                _ => false,
            };
            let same = same && expected.is_some();
            let Some(what) = tally.count(expected.is_some(), got.is_some(), same) else {
                continue;
            };
            if let (Some(e), Some(g)) = (&expected, &got) {
                if e.text == g.text {
                    *self.measured_otherwise.entry(kind.to_string()).or_default() += 1;
                }
            }
            let show =
                |v: &Option<Resolved>| v.as_ref().map_or("-".to_owned(), ToString::to_string);
            let mut line = format!(
                "{what} {page} table {} {name} {kind}: expected {} got {}",
                matched.table,
                show(&expected),
                show(&got)
            );
            match matched.row {
                Some(row) => {
                    let alone = parse_constraints(&row.description, subject_of_row(row));
                    let alone = kind.parsed(&alone);
                    if alone.is_some() && alone == expected.as_ref().map(|e| e.text.clone()) {
                        self.lost_after_parsing += 1;
                    }
                    let alone = alone.unwrap_or_else(|| "-".to_owned());
                    line.push_str(&format!(" | parser alone: {alone}"));
                    if let Some(ty) = matched.field.map(|f| &f.ty) {
                        line.push_str(&format!(" | type {ty:?}"));
                    }
                    for d in row_diagnostics(diagnostics, &matched.table_label, name) {
                        line.push_str(&format!("\n    resolver: {}", d.message));
                    }
                    line.push_str(&format!(
                        "\n    {} | {}",
                        row.type_,
                        row.description.replace('\n', " ⏎ ")
                    ));
                }
                None => line.push_str(" | no resolved field for this row"),
            }
            self.problems.push(line);
        }
    }

    fn overall(&self) -> Tally {
        let mut overall = Tally::default();
        for tally in self.tallies {
            overall.add(tally);
        }
        overall
    }

    fn print(&self, form: &str) {
        println!("\n=== page.{form} ===");
        for skipped in &self.skipped {
            println!("skipped: {skipped}");
        }
        for problem in &self.problems {
            println!("{problem}");
        }
        println!(
            "\n{form}: {} rows of {} pages, {} facts excluded",
            self.rows,
            self.pages,
            EXCLUDED.len()
        );
        println!(
            "{form}: {} facts are read right by the phrase parser alone but lost by import or resolve",
            self.lost_after_parsing
        );
        for (kind, count) in &self.measured_otherwise {
            println!("{form}: {count} {kind} facts have the right number but the wrong measure (a length for a value, or the reverse)");
        }
        print_tally_header();
        for (kind, tally) in KINDS.iter().zip(self.tallies) {
            print_tally(&kind.to_string(), tally);
        }
        print_tally("overall", self.overall());
    }
}

fn kind_index(kind: Kind) -> usize {
    KINDS.iter().position(|k| *k == kind).unwrap_or_default()
}

/// The summary of both forms as a markdown table.
fn markdown(evaluations: &[Evaluation]) -> String {
    let mut header = "| kind |".to_owned();
    let mut rule = "|---|".to_owned();
    for form in FORMS {
        header.push_str(&format!(
            " {form} TP | {form} FP | {form} FN | {form} precision | {form} recall |"
        ));
        rule.push_str("---:|---:|---:|---:|---:|");
    }
    let mut lines = vec![header, rule];
    let cells = |tally: Tally| {
        format!(
            " {} | {} | {} | {:.3} | {:.3} |",
            tally.true_positives,
            tally.false_positives,
            tally.false_negatives,
            tally.precision(),
            tally.recall()
        )
    };
    for (k, kind) in KINDS.iter().enumerate() {
        let mut line = format!("| {kind} |");
        for evaluation in evaluations {
            line.push_str(&cells(evaluation.tallies[k]));
        }
        lines.push(line);
    }
    let mut line = "| **overall** |".to_owned();
    for evaluation in evaluations {
        line.push_str(&cells(evaluation.overall()));
    }
    lines.push(line);
    lines.join("\n")
}

// ---------------------------------------------------------------------------
// Values compared

/// What a bound measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    Length,
    Value,
}

/// A constraint, written for comparison and display.
#[derive(Debug, Clone, PartialEq)]
struct Resolved {
    /// For bounds: what the number measures; `None` when the facts' type
    /// does not say (only the number is compared then).
    measure: Option<Measure>,
    text: String,
}

impl Resolved {
    fn plain(text: String) -> Self {
        Resolved {
            measure: None,
            text,
        }
    }

    fn matches(&self, got: &Resolved) -> bool {
        self.text == got.text
            && match (self.measure, got.measure) {
                (Some(expected), Some(got)) => expected == got,
                _ => true,
            }
    }
}

impl fmt::Display for Resolved {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.measure {
            Some(Measure::Length) => write!(f, "length {}", self.text),
            Some(Measure::Value) => write!(f, "value {}", self.text),
            None => f.write_str(&self.text),
        }
    }
}

/// The fact, with what its bounds measure according to `FACTS.md`.
fn expected(kind: Kind, fact: &Value) -> Option<Resolved> {
    let text = kind.expected(fact)?;
    let measure = match kind {
        Kind::Min | Kind::Max => fact_measure(fact),
        _ => None,
    };
    Some(Resolved { measure, text })
}

/// Strings (and their arrays) give lengths; numbers, their arrays and the
/// items of a bare `Array` parameter give values.
fn fact_measure(fact: &Value) -> Option<Measure> {
    let ty = fact["type"].as_str().unwrap_or_default().trim();
    if ty.is_empty() {
        // A URI table without a Type column: path parameters, text.
        return Some(Measure::Length);
    }
    match subject_of(&parse_type(ty).ok()?) {
        Subject::Text | Subject::ArrayOfText => Some(Measure::Length),
        Subject::Integer | Subject::Number | Subject::ArrayOfNumbers => Some(Measure::Value),
        Subject::Boolean | Subject::Object | Subject::ArrayOfOther => None,
    }
}

/// What the resolved field holds for a kind of fact.
fn resolved(kind: Kind, field: &Field, operation: &Operation) -> Option<Resolved> {
    let rules = &field.rules;
    let bound = |length: Option<u64>, range: Option<docspec::phrase::Limit>| {
        length
            .map(|n| Resolved {
                measure: Some(Measure::Length),
                text: n.to_string(),
            })
            .or_else(|| {
                range.map(|l| Resolved {
                    measure: Some(Measure::Value),
                    text: limit_text(l),
                })
            })
    };
    match kind {
        Kind::Min => bound(rules.length.min, rules.range.min),
        Kind::Max => bound(rules.length.max, rules.range.max),
        Kind::MinItems => rules.items.min.map(|n| Resolved::plain(n.to_string())),
        Kind::MaxItems => rules.items.max.map(|n| Resolved::plain(n.to_string())),
        Kind::Enum => match field.ty.innermost() {
            Ty::Enum(name) => operation.find_enum(name).map(|e| {
                let values: Vec<String> = e.variants.iter().map(|v| v.wire.clone()).collect();
                Resolved::plain(enum_text(&values))
            }),
            _ => rules.one_of.as_ref().map(|values| {
                let values: Vec<String> = values.iter().map(ToString::to_string).collect();
                Resolved::plain(enum_text(&values))
            }),
        },
        Kind::Default => field
            .default
            .as_ref()
            .map(|d| Resolved::plain(d.written.clone())),
    }
}

/// What the phrase parser alone is told about an imported row (as in
/// `phrase_corpus`): the subject its Type cell gives.
fn subject_of_row(row: &Row) -> Subject {
    let cell = row.type_.trim();
    if cell.is_empty() {
        return Subject::Text;
    }
    parse_type(cell).map_or(Subject::Object, |phrase| subject_of(&phrase))
}

fn row_diagnostics<'a>(
    diagnostics: &'a Diagnostics,
    table: &'a str,
    row: &'a str,
) -> impl Iterator<Item = &'a Diagnostic> + 'a {
    diagnostics
        .iter()
        .filter(move |d| d.table.as_deref() == Some(table) && d.row.as_deref() == Some(row))
}

// ---------------------------------------------------------------------------
// Facts rows and resolved fields

/// One facts row and the resolved field of the same row.
struct Matched<'a> {
    /// 1-based, as in `facts.json` and the exclusions.
    table: usize,
    fact: &'a Value,
    field: Option<&'a Field>,
    /// The imported row, for what the parser alone reads from it.
    row: Option<&'a Row>,
    /// The imported table's label, as the resolver's diagnostics name it.
    table_label: String,
}

/// A resolved field with constraints that no facts row was matched to.
struct Unmatched {
    origin: String,
    field: String,
    values: Vec<(Kind, Resolved)>,
}

/// The resolved fields of one page, each with the facts row it documents.
struct ResolvedPage<'a> {
    matched: Vec<Matched<'a>>,
    /// Every resolved field that a facts row was matched to, by address.
    used: Vec<*const Field>,
}

/// A resolved field, the imported row it comes from and its table's label.
type Candidate<'a> = (&'a Field, Option<&'a Row>, String);

impl<'a> ResolvedPage<'a> {
    fn new(spec: &'a Spec, operation: &'a Operation, facts: &'a Value) -> Self {
        let params = |roles: &[TableRole], fields: Vec<&'a Field>| -> Vec<Candidate<'a>> {
            fields
                .into_iter()
                .map(|field| {
                    let found = spec
                        .tables
                        .iter()
                        .filter(|t| roles.contains(&t.role))
                        .find_map(|t| {
                            let row = t.rows.iter().find(|r| r.parameter.trim() == field.wire)?;
                            Some((row, t.label()))
                        });
                    let (row, label) = found.map_or((None, String::new()), |(r, l)| (Some(r), l));
                    (field, row, label)
                })
                .collect()
        };
        let mut uri = params(
            &[TableRole::PathParameters, TableRole::QueryParameters],
            operation
                .path_params
                .iter()
                .chain(&operation.query_params)
                .collect(),
        );
        let mut headers = params(
            &[TableRole::HeaderParameters],
            operation.header_params.iter().collect(),
        );
        let structs = structs_by_table(spec, operation);
        let pairs = pair_objects(spec, facts).pairs;
        let mut page = ResolvedPage {
            matched: Vec::new(),
            used: Vec::new(),
        };
        for (index, table) in facts["tables"].as_array().into_iter().flatten().enumerate() {
            let Some(fields) = facts_fields(facts, index) else {
                continue;
            };
            let mut object: Vec<Candidate<'a>> = Vec::new();
            let candidates = if table["object"].is_string() {
                let paired = pairs
                    .iter()
                    .find(|(fact, _)| std::ptr::eq(*fact, table))
                    .and_then(|(_, ours)| *ours);
                if let Some((t, Some(resolved))) = paired.map(|t| (t, structs[t])) {
                    let imported: &Table = &spec.tables[t];
                    object = resolved
                        .fields
                        .iter()
                        .zip(&imported.rows)
                        .map(|(field, row)| (field, Some(row), imported.label()))
                        .collect();
                }
                &mut object
            } else {
                match table["role"].as_str() {
                    Some("uri") => &mut uri,
                    Some("request_header") => &mut headers,
                    // Response headers are documented but not resolved (not decoded).
                    _ => &mut object,
                }
            };
            for fact in fields {
                let name = fact["name"].as_str().unwrap_or_default();
                let at = candidates
                    .iter()
                    .position(|(field, _, _)| field.wire == name);
                let (field, row, table_label) = match at {
                    Some(at) => {
                        let (field, row, label) = candidates.remove(at);
                        (Some(field), row, label)
                    }
                    None => (None, None, String::new()),
                };
                page.used.extend(field.map(|f| f as *const Field));
                page.matched.push(Matched {
                    table: index + 1,
                    fact,
                    field,
                    row,
                    table_label,
                });
            }
        }
        page
    }

    /// Resolved fields with constraints that no facts row describes. (The
    /// rows of tables the importer makes up for objects the page lacks come
    /// from the examples, without descriptions: they have no constraints.)
    fn unmatched_with_rules(&self, operation: &Operation) -> Vec<Unmatched> {
        let params = [
            ("path parameters", &operation.path_params),
            ("query parameters", &operation.query_params),
            ("header parameters", &operation.header_params),
        ];
        let fields = params
            .into_iter()
            .flat_map(|(origin, fields)| fields.iter().map(move |f| (origin.to_owned(), f)))
            .chain(operation.structs.iter().flat_map(|s| {
                s.fields
                    .iter()
                    .map(move |f| (format!("struct {} ({})", s.name, s.origin), f))
            }));
        fields
            .filter(|(_, field)| !self.used.contains(&(*field as *const Field)))
            .filter_map(|(origin, field)| {
                let values: Vec<(Kind, Resolved)> = KINDS
                    .iter()
                    .filter_map(|kind| Some((*kind, resolved(*kind, field, operation)?)))
                    .collect();
                (!values.is_empty()).then(|| Unmatched {
                    origin,
                    field: field.wire.clone(),
                    values,
                })
            })
            .collect()
    }
}
