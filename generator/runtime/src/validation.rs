//! Validation of values against the constraints their docs state.
//!
//! Checks walk a value and collect every violation; nothing allocates while a
//! value is valid, since the JSON path of a field is built only once a
//! violation is found.

use std::fmt;

/// Implemented by every generated type: checks a value against the documented
/// constraints (lengths, ranges, item counts, enumerations).
pub trait Validate {
    /// Adds the violations found in `self`, located below `at`, to `found`.
    fn validate_at(&self, at: &Path<'_>, found: &mut Violations);

    /// Every violation found, or `Ok(())` when the value keeps all documented constraints.
    fn validate(&self) -> Result<(), Violations> {
        let mut found = Violations::default();
        self.validate_at(&Path::body(), &mut found);
        found.into_result()
    }
}

impl<T: Validate> Validate for Option<T> {
    fn validate_at(&self, at: &Path<'_>, found: &mut Violations) {
        if let Some(value) = self {
            value.validate_at(at, found);
        }
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_at(&self, at: &Path<'_>, found: &mut Violations) {
        for (i, item) in self.iter().enumerate() {
            item.validate_at(&at.index(i), found);
        }
    }
}

impl<T: Validate> Validate for std::collections::BTreeMap<String, T> {
    fn validate_at(&self, at: &Path<'_>, found: &mut Violations) {
        for (key, value) in self {
            value.validate_at(&at.key(key), found);
        }
    }
}

/// Values the docs give no constraints for.
macro_rules! unconstrained {
    ($($t:ty),*) => {
        $(impl Validate for $t {
            fn validate_at(&self, _: &Path<'_>, _: &mut Violations) {}
        })*
    };
}

unconstrained!(String, bool, i32, i64, f64, serde_json::Value);

/// Which part of a request or response a violation is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// The JSON body; paths are JSON pointers into it.
    Body,
    /// A path parameter; paths are parameter names.
    PathParameter,
    /// A query parameter; paths are parameter names.
    QueryParameter,
    /// A header parameter; paths are header names.
    Header,
}

/// Where a value stands, as a chain of borrowed segments on the stack.
#[derive(Debug, Clone, Copy)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment<'a>,
}

#[derive(Debug, Clone, Copy)]
enum Segment<'a> {
    Root(Part),
    Key(&'a str),
    Index(usize),
}

impl<'a> Path<'a> {
    /// The root of a JSON body.
    pub fn body() -> Path<'static> {
        Path::root(Part::Body)
    }

    /// The place of a whole part (a parameter group); its members are named below it.
    pub fn root(part: Part) -> Path<'static> {
        Path {
            parent: None,
            segment: Segment::Root(part),
        }
    }

    /// The member `key` of the object at `self`.
    #[inline]
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Key(key),
        }
    }

    /// The item `index` of the array at `self`.
    #[inline]
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Index(index),
        }
    }

    fn part(&self) -> Part {
        match (self.segment, self.parent) {
            (Segment::Root(part), _) => part,
            (_, Some(parent)) => parent.part(),
            (_, None) => Part::Body,
        }
    }

    /// The path as a JSON pointer (RFC 6901): `/task_info/3/task_id`.
    pub fn pointer(&self) -> String {
        let mut out = String::new();
        self.write_pointer(&mut out);
        out
    }

    fn write_pointer(&self, out: &mut String) {
        if let Some(parent) = self.parent {
            parent.write_pointer(out);
        }
        match self.segment {
            Segment::Root(_) => {}
            Segment::Key(key) => {
                out.push('/');
                out.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            Segment::Index(i) => {
                out.push('/');
                out.push_str(&i.to_string());
            }
        }
    }
}

/// The documented rule a value breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// Fewer characters than documented.
    MinLength,
    /// More characters than documented.
    MaxLength,
    /// A number below the documented minimum.
    Minimum,
    /// A number above the documented maximum.
    Maximum,
    /// Fewer array items than documented.
    MinItems,
    /// More array items than documented.
    MaxItems,
    /// A value the documented enumeration does not list.
    OneOf,
}

/// One broken constraint: where, which rule, the documented limit and what was found.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Violation {
    /// The part of the request or response the value is in.
    pub part: Part,
    /// A JSON pointer for body values (`/task_info/3/task_id`); the parameter name for parameters.
    pub path: String,
    /// The constraint broken, with its documented limit and the actual value.
    pub rule: Rule,
    /// The documented limit (`36`, or the list of allowed values).
    pub limit: String,
    /// What was found: a length, a count, or the value itself (never the value of a secret).
    pub actual: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (limit, actual) = (&self.limit, &self.actual);
        match self.part {
            Part::Body => write!(
                f,
                "{}",
                if self.path.is_empty() {
                    "/"
                } else {
                    &self.path
                }
            )?,
            Part::PathParameter => write!(f, "path parameter {}", self.path)?,
            Part::QueryParameter => write!(f, "query parameter {}", self.path)?,
            Part::Header => write!(f, "header {}", self.path)?,
        }
        match self.rule {
            Rule::MinLength => write!(
                f,
                ": {actual} characters, fewer than the minimum length of {limit}"
            ),
            Rule::MaxLength => write!(
                f,
                ": {actual} characters, more than the maximum length of {limit}"
            ),
            Rule::Minimum => write!(f, ": {actual} is less than the minimum of {limit}"),
            Rule::Maximum => write!(f, ": {actual} is greater than the maximum of {limit}"),
            Rule::MinItems => write!(f, ": {actual} items, fewer than the minimum of {limit}"),
            Rule::MaxItems => write!(f, ": {actual} items, more than the maximum of {limit}"),
            Rule::OneOf => write!(
                f,
                ": {actual} is not one of the documented values ({limit})"
            ),
        }
    }
}

/// All violations found in one value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Violations {
    items: Vec<Violation>,
}

impl Violations {
    /// Whether none was found.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// How many were found.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// The violations, in the order found.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.items.iter()
    }

    /// Adds a violation of `rule` at `at`: the documented `limit` and the `actual` value.
    pub fn push(
        &mut self,
        at: &Path<'_>,
        rule: Rule,
        limit: impl fmt::Display,
        actual: impl fmt::Display,
    ) {
        let part = at.part();
        let path = match part {
            Part::Body => at.pointer(),
            // Parameters are flat: the path is the name, without the pointer's slash.
            _ => at.pointer().trim_start_matches('/').to_owned(),
        };
        self.items.push(Violation {
            part,
            path,
            rule,
            limit: limit.to_string(),
            actual: actual.to_string(),
        });
    }

    /// `Ok` when none was found, else the violations.
    pub fn into_result(self) -> Result<(), Violations> {
        if self.items.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

impl IntoIterator for Violations {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a> IntoIterator for &'a Violations {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, v) in self.items.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Violations {}

/// The checks generated `validate_at` implementations call, one per kind of constraint.
pub mod check {
    use super::{Path, Rule, Violations};
    use std::fmt::Display;

    /// Length in characters (not bytes) within `min..=max`.
    #[inline]
    pub fn length(
        at: &Path<'_>,
        value: &str,
        min: Option<u64>,
        max: Option<u64>,
        found: &mut Violations,
    ) {
        // A character takes one to four bytes in UTF-8: most values are
        // decided by their byte length alone, without counting characters.
        let bytes = value.len() as u64;
        let min_holds = match min {
            None | Some(0) => true,
            Some(min) => bytes >= min.saturating_mul(4) || (bytes >= min && count(value) >= min),
        };
        let max_holds = match max {
            None => true,
            Some(max) => bytes <= max || count(value) <= max,
        };
        if !min_holds {
            found.push(at, Rule::MinLength, min.unwrap_or_default(), count(value));
        }
        if !max_holds {
            found.push(at, Rule::MaxLength, max.unwrap_or_default(), count(value));
        }
    }

    fn count(value: &str) -> u64 {
        bytecount::num_chars(value.as_bytes()) as u64
    }

    /// A number within `min..=max`.
    #[inline]
    pub fn range<T: PartialOrd + Display>(
        at: &Path<'_>,
        value: T,
        min: Option<T>,
        max: Option<T>,
        found: &mut Violations,
    ) {
        if let Some(min) = min {
            if value < min {
                found.push(at, Rule::Minimum, &min, &value);
            }
        }
        if let Some(max) = max {
            if value > max {
                found.push(at, Rule::Maximum, &max, &value);
            }
        }
    }

    /// An array with `min..=max` items.
    #[inline]
    pub fn items(
        at: &Path<'_>,
        len: usize,
        min: Option<usize>,
        max: Option<usize>,
        found: &mut Violations,
    ) {
        if let Some(min) = min {
            if len < min {
                found.push(at, Rule::MinItems, min, len);
            }
        }
        if let Some(max) = max {
            if len > max {
                found.push(at, Rule::MaxItems, max, len);
            }
        }
    }

    /// A value that the documented enumeration lists.
    #[inline]
    pub fn one_of<T: PartialEq + Display>(
        at: &Path<'_>,
        value: &T,
        allowed: &[T],
        found: &mut Violations,
    ) {
        if !allowed.contains(value) {
            found.push(at, Rule::OneOf, list(allowed), value);
        }
    }

    /// A string enumeration's value: `documented` is false for values the docs do not list.
    #[inline]
    pub fn documented(
        at: &Path<'_>,
        documented: bool,
        value: &str,
        allowed: &[&str],
        found: &mut Violations,
    ) {
        if !documented {
            found.push(at, Rule::OneOf, list(allowed), format_args!("{value:?}"));
        }
    }

    fn list<T: Display>(allowed: &[T]) -> String {
        allowed
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}
