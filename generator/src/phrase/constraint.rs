//! Description cells: the constraints the docs state in words.

use std::fmt;

/// What the described value is; decides what `Minimum: N` means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subject {
    /// A string: minimum and maximum are lengths in characters.
    Text,
    /// An integer (Integer, Long): minimum and maximum are values.
    Integer,
    /// A float (Number, Float, Double): minimum and maximum are values.
    Number,
    Boolean,
    /// An object or map: no minimum or maximum applies.
    Object,
    /// An array of strings: `Minimum`/`Maximum` are item lengths; `Array Length` / `a maximum of N items` are item counts.
    ArrayOfText,
    /// An array of integers or numbers: `Minimum`/`Maximum` are item values.
    ArrayOfNumbers,
    /// An array of objects or booleans: only item counts apply.
    ArrayOfOther,
}

/// A documented bound: integers stay exact, decimals are kept as floats.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Limit {
    Int(i64),
    Float(f64),
}

impl Limit {
    pub fn as_f64(self) -> f64 {
        match self {
            Limit::Int(i) => i as f64,
            Limit::Float(f) => f,
        }
    }
}

impl PartialOrd for Limit {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        match (self, other) {
            (Limit::Int(a), Limit::Int(b)) => a.partial_cmp(b),
            _ => self.as_f64().partial_cmp(&other.as_f64()),
        }
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Limit::Int(i) => write!(f, "{i}"),
            Limit::Float(x) => write!(f, "{x}"),
        }
    }
}

/// Text in a description that looks like a constraint but could not be read,
/// or states one several ways that disagree.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The words concerned, as written.
    pub phrase: String,
    /// What is wrong, for a person.
    pub message: String,
}

/// The constraints one description states.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConstraintText {
    /// Minimum length (for [`Subject::Text`] and item length for [`Subject::ArrayOfText`]) or value.
    pub min: Option<Limit>,
    /// Maximum, with the same meaning as `min`.
    pub max: Option<Limit>,
    pub min_items: Option<u64>,
    pub max_items: Option<u64>,
    /// Allowed values, as written on the wire, in the order the docs give them.
    pub enum_values: Option<Vec<String>>,
    /// Default value as written on the wire (`""` for an empty string).
    pub default: Option<String>,
    pub findings: Vec<Finding>,
}

/// Reads the constraints stated in `description` for a value of kind `subject`.
///
/// Precision comes first: a phrase that cannot be read with confidence gives
/// a [`Finding`], never a guessed constraint.
pub fn parse_constraints(description: &str, subject: Subject) -> ConstraintText {
    let _ = (description, subject);
    todo!("helper: implement")
}
