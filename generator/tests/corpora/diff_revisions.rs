//! `docspec diff` on real revisions of API references: three pairs of Open
//! Telekom Cloud services in `../shared/otc`, as their docs site serves them
//! (HTML) and as they are written (reStructuredText), against the changes a
//! person read from the reStructuredText diffs (`tests/data/otc_revisions.tsv`).
//!
//! A reported change is right when the truth has a change of the same kind
//! in the same operation (method and path template), part and field (the
//! reported field path ends with the truth's). Titles and operation ids
//! that change are notes, not API changes, and are not scored. The bar is
//! precision and recall of 0.9 in each form; every miss is printed.
#![cfg(feature = "import")]

use docspec::diff::{self, ChangeKind, Part, Report};
use docspec::spec::identity;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const OTC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/otc");
const TRUTH: &str = include_str!("../data/otc_revisions.tsv");
const BAR: f64 = 0.9;

/// One change: the pair, the operation's identity, part, field path, kind.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Fact {
    service: String,
    identity: String,
    part: String,
    field: String,
    kind: String,
}

impl Fact {
    /// Whether a reported change `self` is the truth's `truth`.
    fn is(&self, truth: &Fact) -> bool {
        self.service == truth.service
            && self.identity == truth.identity
            && self.part == truth.part
            && self.kind == truth.kind
            && (self.field == truth.field || self.field.ends_with(&format!(".{}", truth.field)))
    }
}

struct Pair {
    service: String,
    old: String,
    new: String,
}

fn truth() -> (Vec<Pair>, Vec<Fact>) {
    let mut pairs: Vec<Pair> = Vec::new();
    let mut facts = Vec::new();
    for line in TRUTH
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cells: Vec<&str> = line.split('\t').collect();
        let [service, old, new, method, path, part, field, kind, _breaks] = cells[..] else {
            panic!("a truth line has nine cells: {line:?}");
        };
        if !pairs.iter().any(|p| p.service == service) {
            pairs.push(Pair {
                service: service.to_owned(),
                old: old.to_owned(),
                new: new.to_owned(),
            });
        }
        facts.push(Fact {
            service: service.to_owned(),
            identity: identity(method, path),
            part: part.to_owned(),
            field: field.to_owned(),
            kind: kind.to_owned(),
        });
    }
    (pairs, facts)
}

/// The field path of a reported location: wire names, dot-separated, arrays and maps left out.
fn field_of(location: &str) -> String {
    if let Some((_, path)) = location.split_once(" /") {
        let names: Vec<&str> = path
            .split('/')
            .filter(|s| !s.is_empty() && *s != "*" && *s != "{key}")
            .collect();
        return names.join(".");
    }
    match location.split_once(" parameter ") {
        Some((_, name)) => name.to_owned(),
        None => "-".to_owned(),
    }
}

fn reported(service: &str, report: &Report, identities: &dyn Fn(&str) -> String) -> Vec<Fact> {
    report
        .changes
        .iter()
        .filter(|c| {
            !matches!(
                c.kind,
                ChangeKind::TitleChanged | ChangeKind::OperationRenamed
            )
        })
        .map(|c| Fact {
            service: service.to_owned(),
            identity: identities(&c.operation),
            part: match c.part {
                Part::Operation => "operation",
                Part::Request => "request",
                Part::Response => "response",
            }
            .to_owned(),
            field: field_of(&c.location),
            kind: serde_json::to_value(c.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
        })
        .collect()
}

/// Precision and recall of one form on every pair, with the misses.
fn score(form: &str) -> (f64, f64, Vec<String>) {
    let (pairs, truth) = truth();
    let mut found = Vec::new();
    let mut notes = Vec::new();
    for pair in &pairs {
        let folder = |commit: &str| -> PathBuf {
            Path::new(OTC).join(&pair.service).join(commit).join(form)
        };
        let (old, new) = (folder(&pair.old), folder(&pair.new));
        // Each side imported once: the report, and the operations' method and path by id.
        let sides = (diff::load_docs(&old, "otc"), diff::load_docs(&new, "otc"));
        match sides {
            (Ok(old_side), Ok(new_side)) => {
                let report = diff::compare_loaded(&old_side, &new_side);
                for left_out in &report.not_compared {
                    notes.push(format!(
                        "{} {form}: not compared: {}",
                        pair.service, left_out.file
                    ));
                }
                let identities = |id: &str| {
                    [&old_side.api, &new_side.api]
                        .iter()
                        .flat_map(|api| &api.services)
                        .flat_map(|s| &s.operations)
                        .find(|o| o.id == id)
                        .map(|o| o.identity())
                        .unwrap_or_default()
                };
                found.extend(reported(&pair.service, &report, &identities));
            }
            (Err(errors), _) | (_, Err(errors)) => notes.push(format!(
                "{} {form}: nothing compared: {}",
                pair.service,
                errors.to_string().lines().next().unwrap_or_default()
            )),
        }
    }
    let right = found
        .iter()
        .filter(|f| truth.iter().any(|t| f.is(t)))
        .count();
    let recalled: BTreeSet<&Fact> = truth
        .iter()
        .filter(|t| found.iter().any(|f| f.is(t)))
        .collect();
    for f in found.iter().filter(|f| !truth.iter().any(|t| f.is(t))) {
        notes.push(format!("{form}: false: {f:?}"));
    }
    for t in truth.iter().filter(|t| !recalled.contains(t)) {
        notes.push(format!("{form}: missed: {t:?}"));
    }
    let precision = if found.is_empty() {
        0.0
    } else {
        right as f64 / found.len() as f64
    };
    let recall = recalled.len() as f64 / truth.len() as f64;
    (precision, recall, notes)
}

fn check(form: &str) {
    if !Path::new(OTC).is_dir() {
        println!("skipped: no {OTC} (test data outside the repository)");
        return;
    }
    let (precision, recall, notes) = score(form);
    for note in &notes {
        println!("{note}");
    }
    println!("{form}: precision {precision:.3}, recall {recall:.3} (bar {BAR})");
    assert!(
        precision >= BAR && recall >= BAR,
        "{form}: precision {precision:.3}, recall {recall:.3}, below {BAR}: see the misses above"
    );
}

#[test]
fn the_truth_file_is_well_formed() {
    let (pairs, facts) = truth();
    assert_eq!(pairs.len(), 3);
    assert!(facts.len() >= 60, "{}", facts.len());
    for line in TRUTH
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let breaks = line.rsplit('\t').next().unwrap_or_default();
        assert!(
            ["request", "response", "both", "none"].contains(&breaks),
            "{line}"
        );
    }
}

#[test]
#[cfg_attr(
    shared_missing,
    ignore = "../shared/otc is missing: no diff of real revisions is scored"
)]
fn diff_of_served_html_meets_the_truth() {
    check("html");
}

#[test]
#[cfg_attr(
    shared_missing,
    ignore = "../shared/otc is missing: no diff of real revisions is scored"
)]
fn diff_of_restructuredtext_meets_the_truth() {
    check("rst");
}
