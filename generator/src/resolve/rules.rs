//! A row's constraints: what its description says, corrected by explicit
//! values in the spec, checked for contradictions.

use crate::diagnostic::{Severity, Topic};
use crate::model::Rules;
use crate::phrase::{parse_constraints, ConstraintText, Limit, Marker, Stated, Subject};
use crate::spec::{Row, Scalar};
use std::collections::HashMap;

/// What a row's constraints came to, before they are put on a type.
#[derive(Debug, Default)]
pub struct RowConstraints {
    pub min: Option<Limit>,
    pub max: Option<Limit>,
    pub min_items: Option<u64>,
    pub max_items: Option<u64>,
    pub enum_values: Option<Vec<String>>,
    /// Notes on some of `enum_values`, by value (see [`ConstraintText::value_notes`]).
    pub value_notes: Vec<(String, String)>,
    pub default: Option<String>,
    pub problems: Vec<Problem>,
    /// The description's constraints in marker form (`Minimum: 1`).
    pub markers: Vec<Marker>,
}

/// A problem with a row's constraints, for the resolver to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub message: String,
    /// What it is about, for summaries.
    pub topic: Option<Topic>,
}

impl Problem {
    fn error(message: String) -> Problem {
        Problem {
            severity: Severity::Error,
            message,
            topic: None,
        }
    }

    /// Constraint-like text that could not be read: left unchecked.
    fn unread(message: String) -> Problem {
        Problem {
            topic: Some(Topic::UnreadConstraint),
            ..Problem::warning(message)
        }
    }

    fn warning(message: String) -> Problem {
        Problem {
            severity: Severity::Warning,
            message,
            topic: None,
        }
    }
}

/// Reads the description and applies the row's explicit corrections.
pub fn row_constraints(row: &Row, subject: Subject) -> RowConstraints {
    with_text(row, parse_constraints(&row.description, subject))
}

/// What descriptions state, by description and subject, for one run: a
/// service repeats the same descriptions across its operations (shared
/// objects, error bodies), and reading a phrase is a pure function of both.
#[derive(Debug, Default)]
pub struct PhraseCache {
    read: HashMap<Subject, HashMap<String, ConstraintText>>,
}

impl PhraseCache {
    /// [`row_constraints`], reading each distinct description once.
    pub fn row_constraints(&mut self, row: &Row, subject: Subject) -> RowConstraints {
        let read = self.read.entry(subject).or_default();
        let text = match read.get(&row.description) {
            Some(text) => text.clone(),
            None => {
                let text = parse_constraints(&row.description, subject);
                read.insert(row.description.clone(), text.clone());
                text
            }
        };
        with_text(row, text)
    }
}

/// The row's constraints from what its description states (`text`).
fn with_text(row: &Row, text: ConstraintText) -> RowConstraints {
    let mut out = RowConstraints::default();
    for finding in &text.findings {
        out.problems.push(Problem::unread(format!(
            "constraint not understood in \"{}\": {}",
            finding.phrase, finding.message
        )));
    }
    let ConstraintText {
        min,
        max,
        min_items,
        max_items,
        enum_values,
        default,
        ..
    } = text;
    out.markers = text.markers;
    out.value_notes = text.value_notes;
    out.min = explicit(
        "min",
        &row.min,
        min,
        parse_limit,
        "a number",
        &mut out.problems,
    );
    out.max = explicit(
        "max",
        &row.max,
        max,
        parse_limit,
        "a number",
        &mut out.problems,
    );
    out.min_items = explicit(
        "min_items",
        &row.min_items,
        min_items,
        parse_count,
        "a whole number of items",
        &mut out.problems,
    );
    out.max_items = explicit(
        "max_items",
        &row.max_items,
        max_items,
        parse_count,
        "a whole number of items",
        &mut out.problems,
    );
    out.enum_values = match &row.enum_values {
        Some(explicit) => {
            let explicit: Vec<String> = explicit.iter().map(|s| s.0.clone()).collect();
            if let Some(text) = enum_values.filter(|t| *t != explicit) {
                out.problems.push(Problem::warning(format!(
                        "explicit enum [{}] differs from the description's [{}]; the explicit list is used",
                        explicit.join(", "),
                        text.join(", ")
                    )));
            }
            Some(explicit)
        }
        None => enum_values,
    };
    out.default = match &row.default {
        Some(explicit) => {
            if let Some(text) = default.filter(|t| *t != explicit.0) {
                out.problems.push(Problem::warning(format!(
                        "explicit default \"{}\" differs from the description's \"{text}\"; the explicit value is used",
                        explicit.0
                    )));
            }
            Some(explicit.0.clone())
        }
        None => default,
    };
    check_order("min", "max", out.min, out.max, &mut out.problems);
    check_order(
        "min_items",
        "max_items",
        out.min_items.map(|n| Limit::Int(n as i64)),
        out.max_items.map(|n| Limit::Int(n as i64)),
        &mut out.problems,
    );
    out
}

/// The description without the markers (`Minimum: 1`, `Array Length: 1 -
/// 200`, `Value options: A B`, `Default: true`) that state exactly what
/// `rules`, the enumeration `values` applied and `default` hold:
/// the docs state those once, in their own words. A marker that states
/// something else (a spec correction overrode it, or it was not applied)
/// stays, so nothing the page says is lost.
pub fn prose(
    description: &str,
    markers: &[Marker],
    rules: &Rules,
    values: Option<&[String]>,
    default: Option<&str>,
) -> String {
    let length = |l: &Limit| match *l {
        Limit::Int(n) => u64::try_from(n).ok(),
        Limit::Float(_) => None,
    };
    let applied = |stated: &Stated| match stated {
        Stated::Min(l) => {
            rules.range.min == Some(*l) || rules.length.min.is_some_and(|m| Some(m) == length(l))
        }
        Stated::Max(l) => {
            rules.range.max == Some(*l) || rules.length.max.is_some_and(|m| Some(m) == length(l))
        }
        Stated::MinItems(n) => rules.items.min == Some(*n),
        Stated::MaxItems(n) => rules.items.max == Some(*n),
        Stated::Values(list) => values == Some(list.as_slice()),
        Stated::Default(value) => default == Some(value.as_str()),
    };
    let mut out = String::with_capacity(description.len());
    let mut rest = 0;
    for marker in markers {
        // A range marker states two bounds in the same words: both must hold.
        let same_words = markers.iter().filter(|m| m.span == marker.span);
        if marker.span.start < rest || !same_words.clone().all(|m| applied(&m.states)) {
            continue;
        }
        out.push_str(&description[rest..marker.span.start]);
        rest = marker.span.end;
        // The spaces after the cut words go with them.
        while description[rest..].starts_with([' ', '\t']) {
            rest += 1;
        }
    }
    out.push_str(&description[rest..]);
    out
}

/// Parses a number written in a spec.
pub fn parse_limit(text: &str) -> Option<Limit> {
    let text = text.trim();
    if let Ok(i) = text.parse::<i64>() {
        return Some(Limit::Int(i));
    }
    text.parse::<f64>()
        .ok()
        .filter(|f| f.is_finite())
        .map(Limit::Float)
}

fn parse_count(text: &str) -> Option<u64> {
    text.parse().ok()
}

/// An explicit value from the spec, which wins over the description's; a
/// disagreement is a warning, an unreadable value an error.
fn explicit<T: PartialEq + std::fmt::Display + Copy>(
    key: &str,
    explicit: &Option<Scalar>,
    from_text: Option<T>,
    parse: impl Fn(&str) -> Option<T>,
    expected: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    let Some(explicit) = explicit else {
        return from_text;
    };
    let Some(value) = parse(explicit.0.trim()) else {
        problems.push(Problem::error(format!(
            "{key}: expected {expected}, found \"{}\"",
            explicit.0
        )));
        return from_text;
    };
    if let Some(text) = from_text.filter(|t| *t != value) {
        problems.push(Problem::warning(format!("explicit {key} {value} differs from the description's {text}; the explicit value is used")));
    }
    Some(value)
}

fn check_order(
    min_key: &str,
    max_key: &str,
    min: Option<Limit>,
    max: Option<Limit>,
    problems: &mut Vec<Problem>,
) {
    if let (Some(min), Some(max)) = (min, max) {
        if min > max {
            problems.push(Problem::error(format!(
                "the {min_key} ({min}) is larger than the {max_key} ({max})"
            )));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Bounds;

    fn prose_of(description: &str, rules: &Rules, default: Option<&str>) -> String {
        let markers = parse_constraints(description, Subject::Text).markers;
        prose(description, &markers, rules, None, default)
    }

    #[test]
    fn markers_stated_by_the_rules_are_left_out_and_others_kept() {
        let length = Rules {
            length: Bounds {
                min: Some(1),
                max: Some(36),
            },
            ..Rules::default()
        };
        assert_eq!(
            prose_of("Task ID. Minimum: 1 Maximum: 36", &length, None),
            "Task ID. "
        );
        assert_eq!(
            prose_of(
                "Task ID.\nMinimum: 1\nMaximum: 36\nDefault: auto",
                &length,
                Some("auto")
            ),
            "Task ID.\n\n\n"
        );
        // A spec correction made the maximum 64: the page's 36 stays in the prose.
        let corrected = Rules {
            length: Bounds {
                min: Some(1),
                max: Some(64),
            },
            ..Rules::default()
        };
        assert_eq!(
            prose_of("Task ID. Minimum: 1 Maximum: 36", &corrected, None),
            "Task ID. Maximum: 36"
        );
    }
}
