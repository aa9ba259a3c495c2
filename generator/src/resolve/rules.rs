//! A row's constraints: what its description says, corrected by explicit
//! values in the spec, checked for contradictions.

use crate::diagnostic::{Severity, Topic};
use crate::phrase::{parse_constraints, ConstraintText, Limit, Subject};
use crate::spec::{Row, Scalar};

/// What a row's constraints came to, before they are put on a type.
#[derive(Debug, Default)]
pub struct RowConstraints {
    pub min: Option<Limit>,
    pub max: Option<Limit>,
    pub min_items: Option<u64>,
    pub max_items: Option<u64>,
    pub enum_values: Option<Vec<String>>,
    pub default: Option<String>,
    pub problems: Vec<Problem>,
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
    let text = parse_constraints(&row.description, subject);
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
