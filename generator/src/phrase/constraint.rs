//! Description cells: the constraints the docs state in words.
//!
//! Reading happens in two steps. Matchers (`bounds`, `enumeration`,
//! `defaults`) find every statement a description makes, in its own words and
//! without knowing what is described. Then [`Subject`] decides what each one
//! means (`Minimum: 5` is a length for a string, a value for an integer) and,
//! where a cell states a thing several times, which statement wins.

mod bounds;
mod defaults;
mod enumeration;
mod statement;
mod words;

#[cfg(test)]
mod site_phrasings;

use std::fmt;

use statement::{Claim, Claimed, Measure, Side, Statement, Strength};
use words::Words;

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
    /// What the docs say in brackets after some of `enum_values`
    /// (`NS (only in public zones)`, `SATA(End-of-sale)`, `(deprecated)`), by value.
    pub value_notes: Vec<(String, String)>,
    /// Default value as written on the wire (`""` for an empty string).
    pub default: Option<String>,
    pub findings: Vec<Finding>,
    /// The statements in the docs' marker form, in order: what a doc can
    /// leave out where it states the same constraint itself.
    pub markers: Vec<Marker>,
}

/// A constraint stated in marker form (`Minimum: 1`, `Maximum: 255`,
/// `Array Length: 1 - 200`, `Default: true`), and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// The bytes of the description the marker takes.
    pub span: std::ops::Range<usize>,
    pub states: Stated,
}

/// What a marker states, with the meaning the subject gives it.
#[derive(Debug, Clone, PartialEq)]
pub enum Stated {
    /// A minimum length (text) or value (numbers), as [`ConstraintText::min`].
    Min(Limit),
    Max(Limit),
    MinItems(u64),
    MaxItems(u64),
    /// The values allowed, as [`ConstraintText::enum_values`].
    Values(Vec<String>),
    Default(String),
}

/// Reads the constraints stated in `description` for a value of kind `subject`.
///
/// Precision comes first: a phrase that cannot be read with confidence gives
/// a [`Finding`], never a guessed constraint.
pub fn parse_constraints(description: &str, subject: Subject) -> ConstraintText {
    let words = Words::new(description);
    let mut claimed = Claimed::new(words.len());
    let mut statements = Vec::new();
    // Lists first: they claim their labels (`Default: the usual layout` is an
    // item, not a default) before the other matchers look.
    enumeration::scan(&words, &mut claimed, &mut statements);
    bounds::scan(&words, &claimed, &mut statements);
    defaults::scan(&words, &claimed, &mut statements);
    statements.sort_by_key(|statement| statement.at);
    let mut text = select(&statements, subject);
    if holds_json(&words) && text.enum_values.is_some() {
        // `Message structure, which contains JSON strings ⏎ email, sms, and
        // http are supported`: words named beside a value in JSON are not the value.
        let values = text.enum_values.take().unwrap_or_default();
        text.value_notes.clear();
        text.markers
            .retain(|m| !matches!(m.states, Stated::Values(_)));
        text.findings.push(Finding {
            phrase: values.join(", "),
            message: "values named beside a value in JSON: they are not the value".to_string(),
        });
    }
    text
}

/// `which contains JSON strings`, `in JSON format`: the value is JSON.
fn holds_json(words: &Words) -> bool {
    (0..words.len()).any(|i| {
        words.is(i, "json")
            && ["string", "strings", "format", "object", "structure"]
                .iter()
                .any(|noun| words.is(i + 1, noun))
    })
}

/// Picks, for each constraint, the statement that wins, and reports the rest.
fn select(statements: &[Statement], subject: Subject) -> ConstraintText {
    let mut text = ConstraintText::default();
    select_bounds(statements, subject, &mut text);
    select_values(statements, subject, &mut text);
    select_default(statements, subject, &mut text);
    for statement in statements {
        if let Claim::Unreadable(reason) = statement.claim {
            text.findings.push(finding(statement, reason.to_string()));
        }
    }
    // A range read as a minimum and a maximum is reported once.
    text.findings.dedup();
    text.markers.sort_by_key(|m| m.span.start);
    text
}

fn finding(statement: &Statement, message: String) -> Finding {
    Finding {
        phrase: statement.phrase.clone(),
        message,
    }
}

// ---------------------------------------------------------------------------
// Bounds

/// The four bounds of [`ConstraintText`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    Min,
    Max,
    MinItems,
    MaxItems,
}

impl Bound {
    fn name(self) -> &'static str {
        match self {
            Bound::Min => "minimum",
            Bound::Max => "maximum",
            Bound::MinItems => "minimum number of items",
            Bound::MaxItems => "maximum number of items",
        }
    }
}

/// A bound that applies to the subject.
struct Candidate<'a> {
    bound: Bound,
    limit: Limit,
    strength: Strength,
    statement: &'a Statement,
}

fn select_bounds(statements: &[Statement], subject: Subject, text: &mut ConstraintText) {
    let mut candidates = Vec::new();
    for statement in statements {
        let Claim::Bound {
            side,
            limit,
            measure,
            strength,
        } = statement.claim
        else {
            continue;
        };
        match applicable_bound(side, limit, measure, subject) {
            Ok(bound) => {
                if statement.marker {
                    let states = match bound {
                        Bound::Min => Some(Stated::Min(limit)),
                        Bound::Max => Some(Stated::Max(limit)),
                        Bound::MinItems => item_count(limit).map(Stated::MinItems),
                        Bound::MaxItems => item_count(limit).map(Stated::MaxItems),
                    };
                    text.markers.extend(states.map(|states| Marker {
                        span: statement.span.clone(),
                        states,
                    }));
                }
                candidates.push(Candidate {
                    bound,
                    limit,
                    strength,
                    statement,
                })
            }
            Err(reason) => text.findings.push(finding(statement, reason.to_string())),
        }
    }
    for bound in [Bound::Min, Bound::Max, Bound::MinItems, Bound::MaxItems] {
        let Some(chosen) = strongest(&candidates, bound) else {
            continue;
        };
        for other in candidates
            .iter()
            .filter(|c| c.bound == bound && c.limit != chosen.limit)
        {
            let message = format!(
                "also states {} {}; {} is taken from \"{}\"",
                bound.name(),
                other.limit,
                chosen.limit,
                chosen.statement.phrase
            );
            text.findings.push(finding(other.statement, message));
        }
        match bound {
            Bound::Min => text.min = Some(chosen.limit),
            Bound::Max => text.max = Some(chosen.limit),
            Bound::MinItems => text.min_items = item_count(chosen.limit),
            Bound::MaxItems => text.max_items = item_count(chosen.limit),
        }
    }
    report_crossed_bounds(statements, text);
}

/// The strongest statement of `bound`; the first one among equals.
fn strongest<'a, 'b>(candidates: &'b [Candidate<'a>], bound: Bound) -> Option<&'b Candidate<'a>> {
    let of_bound = candidates.iter().filter(|c| c.bound == bound);
    let strength = of_bound.clone().map(|c| c.strength).max()?;
    of_bound.into_iter().find(|c| c.strength == strength)
}

fn item_count(limit: Limit) -> Option<u64> {
    match limit {
        Limit::Int(count) => u64::try_from(count).ok(),
        Limit::Float(_) => None,
    }
}

/// What a bound means for the subject, or why it does not apply.
fn applicable_bound(
    side: Side,
    limit: Limit,
    measure: Measure,
    subject: Subject,
) -> Result<Bound, &'static str> {
    use Subject::*;
    let (value_bound, items_bound) = match side {
        Side::Min => (Bound::Min, Bound::MinItems),
        Side::Max => (Bound::Max, Bound::MaxItems),
    };
    let is_length = matches!(subject, Text | ArrayOfText);
    let bound = match (measure, subject) {
        (Measure::Subject | Measure::Length, Text | ArrayOfText) => value_bound,
        (Measure::Subject | Measure::Value, Integer | Number | ArrayOfNumbers) => value_bound,
        // FACTS.md: a range stated for an array counts its items.
        (Measure::Value, ArrayOfText | ArrayOfOther) => items_bound,
        (Measure::Count | Measure::ItemCount, ArrayOfText | ArrayOfNumbers | ArrayOfOther) => {
            items_bound
        }
        (Measure::Length, _) => return Err("a length in characters, but the value is not text"),
        (Measure::Value, Text) => return Err("bounds the value of text, not its length"),
        (Measure::Count, _) => return Err("counts things the value holds, not the value itself"),
        (Measure::ItemCount, _) => return Err("an array length, but the value is not an array"),
        (Measure::Subject | Measure::Value, _) => {
            return Err("a minimum or maximum, but the value is neither text nor a number")
        }
    };
    let whole = matches!(limit, Limit::Int(n) if n >= 0);
    if (bound == items_bound || is_length) && !whole {
        return Err("a length or a number of items that is not a whole number");
    }
    Ok(bound)
}

fn report_crossed_bounds(statements: &[Statement], text: &mut ConstraintText) {
    let crossed = |low: Option<Limit>, high: Option<Limit>| matches!((low, high), (Some(l), Some(h)) if l > h);
    let crossed_items = matches!((text.min_items, text.max_items), (Some(l), Some(h)) if l > h);
    if crossed(text.min, text.max) || crossed_items {
        let phrase = statements
            .iter()
            .filter(|s| matches!(s.claim, Claim::Bound { .. }))
            .map(|s| s.phrase.as_str())
            .collect::<Vec<_>>()
            .join(" … ");
        text.findings.push(Finding {
            phrase,
            message: "the minimum is larger than the maximum".to_string(),
        });
    }
}

// ---------------------------------------------------------------------------
// Enumerations

fn select_values(statements: &[Statement], subject: Subject, text: &mut ConstraintText) {
    if matches!(
        subject,
        Subject::Boolean | Subject::Object | Subject::ArrayOfOther
    ) {
        // `The value can be true or false` says nothing a boolean does not;
        // objects have no values to list.
        return;
    }
    let numeric = matches!(subject, Subject::Integer | Subject::Number);
    let mut stated = Vec::new();
    let mut conditional = Vec::new();
    for statement in statements {
        let Claim::Values {
            values,
            conditional: only_in_one_case,
            notes,
        } = &statement.claim
        else {
            continue;
        };
        if numeric && !values.iter().all(|v| words::number(v).is_some()) {
            let message = "values that are not numbers, for a number".to_string();
            text.findings.push(finding(statement, message));
        } else if *only_in_one_case {
            conditional.push((statement, values, notes));
        } else {
            stated.push((statement, values, notes));
        }
    }
    // `Enumeration values: tcp udp` (a list in marker form) is what the
    // docs give as the values; prose elsewhere in the cell (`TCP, UDP, and
    // ANY are supported`) names them.
    if let Some(marked) = stated.iter().position(|(statement, _, _)| statement.marker) {
        let chosen = stated.remove(marked);
        stated.insert(0, chosen);
    }
    if let Some(&(chosen, values, notes)) = stated.first() {
        if chosen.marker {
            text.markers.push(Marker {
                span: chosen.span.clone(),
                states: Stated::Values(values.clone()),
            });
        }
        for &(other, other_values, _) in stated.iter().skip(1).chain(&conditional) {
            if other_values.iter().any(|v| !values.contains(v)) {
                let message = format!("lists values that \"{}\" does not", chosen.phrase);
                text.findings.push(finding(other, message));
            }
        }
        text.enum_values = Some(values.clone());
        text.value_notes = notes.clone();
    } else if conditional.len() >= 2 {
        // FACTS.md: values stated case by case add up to the list when there are several cases.
        let mut union: Vec<String> = Vec::new();
        for value in conditional.iter().flat_map(|(_, values, _)| values.iter()) {
            if !union.contains(value) {
                union.push(value.clone());
            }
        }
        text.enum_values = Some(union);
    } else if let Some(&(statement, _, _)) = conditional.first() {
        let message = "values for one case only, not for every use of the value".to_string();
        text.findings.push(finding(statement, message));
    }
}

// ---------------------------------------------------------------------------
// Defaults

fn select_default(statements: &[Statement], subject: Subject, text: &mut ConstraintText) {
    let mut chosen: Option<(&Statement, &String)> = None;
    for statement in statements {
        let Claim::Default(value) = &statement.claim else {
            continue;
        };
        if !fits(value, subject) {
            let message = format!("the default {value} is not a value of this type");
            text.findings.push(finding(statement, message));
            continue;
        }
        if statement.marker {
            text.markers.push(Marker {
                span: statement.span.clone(),
                states: Stated::Default(value.clone()),
            });
        }
        match chosen {
            None => chosen = Some((statement, value)),
            Some((first, first_value)) if first_value != value => {
                let message = format!(
                    "also states the default {value}; {first_value} is taken from \"{}\"",
                    first.phrase
                );
                text.findings.push(finding(statement, message));
            }
            Some(_) => {}
        }
    }
    let Some((statement, value)) = chosen else {
        return;
    };
    if let Some(values) = &text.enum_values {
        if !values.contains(value) {
            let message = format!("the default {value} is not one of the values listed");
            text.findings.push(finding(statement, message));
        }
    }
    text.default = Some(value.clone());
}

/// Whether a default can be a value of the subject.
fn fits(value: &str, subject: Subject) -> bool {
    match subject {
        Subject::Integer | Subject::Number => words::number(value).is_some(),
        Subject::Boolean => {
            value.eq_ignore_ascii_case("true") || value.eq_ignore_ascii_case("false")
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    //! The examples are made up; they follow the phrasings of the docs.

    use super::*;
    use proptest::prelude::*;

    fn parse(description: &str, subject: Subject) -> ConstraintText {
        parse_constraints(description, subject)
    }

    fn strings(values: &[&str]) -> Option<Vec<String>> {
        Some(values.iter().map(|v| v.to_string()).collect())
    }

    fn enum_of(description: &str, subject: Subject) -> Option<Vec<String>> {
        parse(description, subject).enum_values
    }

    fn default_of(description: &str, subject: Subject) -> Option<String> {
        parse(description, subject).default
    }

    fn ints(min: Option<i64>, max: Option<i64>) -> (Option<Limit>, Option<Limit>) {
        (min.map(Limit::Int), max.map(Limit::Int))
    }

    // -- Minimum and maximum ------------------------------------------------

    #[test]
    fn minimum_and_maximum_mean_what_the_subject_is() {
        let text = parse("The label. Minimum: 0 Maximum: 80", Subject::Text);
        assert_eq!((text.min, text.max), ints(Some(0), Some(80)));
        let number = parse("The slot. Minimum: 1 Maximum: 9000", Subject::Integer);
        assert_eq!((number.min, number.max), ints(Some(1), Some(9000)));
        let items = parse(
            "The notes. Minimum: 0 Maximum: 512 Array Length: 1 - 30",
            Subject::ArrayOfText,
        );
        assert_eq!((items.min, items.max), ints(Some(0), Some(512)));
        assert_eq!((items.min_items, items.max_items), (Some(1), Some(30)));
        let ratio = parse("The ratio. Minimum: 0.5", Subject::ArrayOfNumbers);
        assert_eq!(ratio.min, Some(Limit::Float(0.5)));
    }

    #[test]
    fn minimum_and_maximum_do_not_apply_to_booleans_or_objects() {
        for subject in [Subject::Boolean, Subject::Object, Subject::ArrayOfOther] {
            let parsed = parse("Whatever. Minimum: 1 Maximum: 2", subject);
            assert_eq!((parsed.min, parsed.max), (None, None), "{subject:?}");
            assert_eq!(parsed.findings.len(), 2, "{subject:?}");
        }
    }

    #[test]
    fn explicit_lengths() {
        let parsed = parse(
            "The title. Minimum length: 2 characters Maximum length: 40 characters",
            Subject::Text,
        );
        assert_eq!((parsed.min, parsed.max), ints(Some(2), Some(40)));
    }

    #[test]
    fn array_length() {
        let parsed = parse(
            "The jobs to run. Array Length: 1 - 50",
            Subject::ArrayOfOther,
        );
        assert_eq!((parsed.min_items, parsed.max_items), (Some(1), Some(50)));
    }

    #[test]
    fn ranges_of_values() {
        for (description, min, max) in [
            ("The value ranges from 2 to 90.", 2, 90),
            (
                "For slow disks, the value ranges from 1,200 to 43,200.",
                1200,
                43200,
            ),
            ("Range: 0 to 5000", 0, 5000),
            ("Range 0 to 5000", 0, 5000),
            ("The value range is [0,5].", 0, 5),
            ("The value range is [0, 50].", 0, 50),
            ("Any integer in the range of 100–199.", 100, 199),
            ("Value range: 3-30", 3, 30),
            ("Value range: 0 to 1023", 0, 1023),
            ("An integer ranging from 4 to 8.", 4, 8),
            ("The value must be between 5 and 50.", 5, 50),
        ] {
            let parsed = parse(description, Subject::Integer);
            assert_eq!(
                (parsed.min, parsed.max),
                ints(Some(min), Some(max)),
                "{description}"
            );
        }
    }

    #[test]
    fn lengths_in_characters() {
        for (description, min, max) in [
            ("The value contains 3 to 30 characters.", Some(3), Some(30)),
            (
                "Enter 2 to 20 characters. Only lowercase letters are allowed.",
                Some(2),
                Some(20),
            ),
            ("Consists of 6 to 18 characters.", Some(6), Some(18)),
            (
                "The value contains 0 to 2,048 characters.",
                Some(0),
                Some(2048),
            ),
            ("The value length ranges from 1 to 16.", Some(1), Some(16)),
            (
                "The name is between 1 and 32 characters long.",
                Some(1),
                Some(32),
            ),
            ("Contains a maximum of 20 characters.", None, Some(20)),
            (
                "It contains a maximum of 99 Unicode characters.",
                None,
                Some(99),
            ),
            (
                "Each value contains a maximum of 12 Unicode characters.",
                None,
                Some(12),
            ),
            ("The name cannot exceed 48 characters.", None, Some(48)),
            (
                "The name contains no more than 48 characters.",
                None,
                Some(48),
            ),
            (
                "The secret contains at least 10 characters.",
                Some(10),
                None,
            ),
        ] {
            let parsed = parse(description, Subject::Text);
            assert_eq!((parsed.min, parsed.max), ints(min, max), "{description}");
        }
    }

    #[test]
    fn bounds_in_words() {
        for (description, min, max) in [
            ("The maximum value is 700.", None, Some(700)),
            ("Number of copies. The minimum value is 2.", Some(2), None),
            ("The value must not exceed 64.", None, Some(64)),
            ("The wait is up to 90 seconds.", None, Some(90)),
            ("The value is at least 3.", Some(3), None),
        ] {
            let parsed = parse(description, Subject::Integer);
            assert_eq!((parsed.min, parsed.max), ints(min, max), "{description}");
        }
        let parsed = parse(
            "The secret must contain at least two of the following kinds of characters.",
            Subject::Text,
        );
        assert_eq!((parsed.min, parsed.findings.len()), (None, 0));
    }

    #[test]
    fn counts_of_items_on_arrays() {
        for description in [
            "A maximum of 8 disks can be attached to a host.",
            "The list can contain a maximum of 8 routes (a merged route counts once).",
            "NOTE: When you create a host, it supports up to 8 labels.",
        ] {
            let parsed = parse(description, Subject::ArrayOfOther);
            assert_eq!(parsed.max_items, Some(8), "{description}");
            assert_eq!(parsed.max, None, "{description}");
        }
        let parsed = parse(
            "The list holds at least 2 rules and at most 5 rules.",
            Subject::ArrayOfOther,
        );
        assert_eq!((parsed.min_items, parsed.max_items), (Some(2), Some(5)));
    }

    #[test]
    fn a_range_on_an_array_counts_its_items() {
        let parsed = parse("The value ranges from 1 to 6.", Subject::ArrayOfOther);
        assert_eq!((parsed.min_items, parsed.max_items), (Some(1), Some(6)));
    }

    #[test]
    fn the_strongest_statement_wins_and_the_others_are_reported() {
        let parsed = parse(
            "The value ranges from 1 to 90. Minimum: 1 Maximum: 80",
            Subject::Integer,
        );
        assert_eq!(parsed.max, Some(Limit::Int(80)));
        assert_eq!(parsed.findings.len(), 1);
        assert!(parsed.findings[0].message.contains("90"));

        let parsed = parse(
            "Consists of 1 to 30 characters. With a prefix, the name contains a maximum of 24 characters.",
            Subject::Text,
        );
        assert_eq!(parsed.max, Some(Limit::Int(30)));
        assert_eq!(parsed.findings.len(), 1);
    }

    #[test]
    fn among_equals_the_first_statement_wins() {
        let parsed = parse(
            "For slow disks, the value ranges from 5 to 600. For fast disks, the value ranges from 1 to 600.",
            Subject::Integer,
        );
        assert_eq!((parsed.min, parsed.max), ints(Some(5), Some(600)));
        assert_eq!(parsed.findings.len(), 1);
    }

    #[test]
    fn bounds_of_parts_or_of_other_things_are_not_taken() {
        let hosts =
            "The value can contain 0 to 500 characters. A maximum of 20 host names are allowed. \
                     Each part can contain a maximum of 40 characters.";
        let parsed = parse(hosts, Subject::Text);
        assert_eq!((parsed.min, parsed.max), ints(Some(0), Some(500)));
        assert_eq!(parsed.findings.len(), 2);

        let parsed = parse(
            "Each group can have a maximum of 5 members.",
            Subject::ArrayOfOther,
        );
        assert_eq!(parsed.max_items, None);
        let parsed = parse(
            "The default value is 40. The recommended value ranges from 5 to 20.",
            Subject::Integer,
        );
        assert_eq!((parsed.min, parsed.max), (None, None));
        let parsed = parse("(the list can hold at most 9 items)", Subject::ArrayOfOther);
        assert_eq!(parsed.max_items, None);
        let parsed = parse("The value range is [0,5].", Subject::Text);
        assert_eq!((parsed.min, parsed.max), (None, None));
        assert_eq!(parsed.findings.len(), 1);
    }

    #[test]
    fn several_ranges_are_no_range() {
        let parsed = parse(
            "The value can be any integer in the range of 10–19, 30–39, or 50–59.",
            Subject::Integer,
        );
        assert_eq!((parsed.min, parsed.max), (None, None));
        assert_eq!(parsed.findings.len(), 1);
    }

    // -- Enumerations --------------------------------------------------------

    #[test]
    fn values_after_a_colon() {
        for description in [
            "Enumeration values: RED GREEN BLUE",
            "Enumeration values:\n- RED\n- GREEN\n- BLUE",
            "Value options: RED GREEN BLUE Minimum: 1 Maximum: 8",
            "Value options:\n- RED\n- GREEN\n- BLUE\nMinimum: 1\nMaximum: 8",
            "Possible values: RED, GREEN, and BLUE",
            "Valid values are: RED, GREEN, BLUE",
            "The options are: RED GREEN BLUE",
            "Options: RED, GREEN, and BLUE In a later version, more will follow.",
            "The value can be: RED: warm GREEN: calm BLUE: cold",
            "The value can be one of the following: RED: Warm. GREEN: Calm. BLUE: Cold.",
            "The value can be one of the following:\n- RED: Warm.\n- GREEN: Calm.\n- BLUE: Cold.",
            "The value can only be one of the following: RED: warm GREEN: calm BLUE: cold",
        ] {
            let expected = strings(&["RED", "GREEN", "BLUE"]);
            assert_eq!(
                enum_of(description, Subject::Text),
                expected,
                "{description}"
            );
        }
    }

    #[test]
    fn numbered_options_are_strings() {
        for description in [
            "Shape. The options are as follows: - 0: square - 1: circle",
            "Shape. The options are as follows:\n- 0: square\n- 1: circle",
            "Shape. The options are as follows: 0: square. For example: a tile. 1: circle",
        ] {
            assert_eq!(
                enum_of(description, Subject::Integer),
                strings(&["0", "1"]),
                "{description}"
            );
        }
    }

    #[test]
    fn items_whose_value_is_an_english_word_in_capitals() {
        let description = "Join mode. The options are as follows: OR: either one AND: both";
        assert_eq!(enum_of(description, Subject::Text), strings(&["OR", "AND"]));
    }

    #[test]
    fn default_as_the_first_item_is_a_value() {
        let description =
            "Layout. The options are as follows: Default: the usual layout Compact: dense (tables only) Wide: wide";
        let parsed = parse(description, Subject::Text);
        assert_eq!(parsed.enum_values, strings(&["Default", "Compact", "Wide"]));
        assert_eq!(parsed.default, None);
    }

    #[test]
    fn values_in_a_sentence() {
        for (description, values) in [
            (
                "The value can be RED, GREEN, BLUE, or BLACK.",
                &["RED", "GREEN", "BLUE", "BLACK"][..],
            ),
            ("The color can be RED or BLUE.", &["RED", "BLUE"]),
            ("The value of this parameter can be 2 or 8.", &["2", "8"]),
            (
                "Paint, which can be RED, GREEN, or Gold.",
                &["RED", "GREEN", "Gold"],
            ),
            (
                "This parameter can be set to PLAIN (no accent), BOLD (strong), or ITALIC.",
                &["PLAIN", "BOLD", "ITALIC"],
            ),
            ("The value can be 2 (two) or 8 (eight).", &["2", "8"]),
            ("The value can only be READY.", &["READY"]),
            (
                "The value can only be READY, indicating that it works.",
                &["READY"],
            ),
            ("This parameter can be set to Plain.", &["Plain"]),
            ("The value is soft or hard.", &["soft", "hard"]),
            ("The value is v2.", &["v2"]),
            ("Set it to quiet.", &["quiet"]),
            ("Only Podman is supported.", &["Podman"]),
            ("Paint mode. Only the value gloss is supported.", &["gloss"]),
            (
                "RED, GREEN, and BLUE are supported.",
                &["RED", "GREEN", "BLUE"],
            ),
            (
                "Possible values are small (one page) and large (many pages).",
                &["small", "large"],
            ),
            (
                "The value can be ab-1, ab-2, or ab-3, and the default value is ab-1.",
                &["ab-1", "ab-2", "ab-3"],
            ),
        ] {
            assert_eq!(
                enum_of(description, Subject::Text),
                strings(values),
                "{description}"
            );
        }
    }

    #[test]
    fn items_without_a_lead_in() {
        let description = "Specifies the state. ON: It runs. OFF: It rests.";
        assert_eq!(enum_of(description, Subject::Text), strings(&["ON", "OFF"]));
        let description = "The default value is SLOW. SLOW: careful (default) QUICK: hasty";
        let parsed = parse(description, Subject::Text);
        assert_eq!(parsed.enum_values, strings(&["SLOW", "QUICK"]));
        assert_eq!(parsed.default.as_deref(), Some("SLOW"));
    }

    #[test]
    fn one_item_is_no_list() {
        let description = "Specifies the ID. Example: 4f2a. The value is in UUID format.";
        assert_eq!(enum_of(description, Subject::Text), None);
    }

    #[test]
    fn a_json_example_is_no_list() {
        let description =
            "The following is an example:\n\"items\": [ { \"id\": \"4f2a\", \"size\": 4 } ]";
        assert_eq!(enum_of(description, Subject::ArrayOfNumbers), None);
    }

    #[test]
    fn prose_is_no_enumeration() {
        for description in [
            "The value can be null or an empty object, indicating that nothing is linked.",
            "If this parameter is set, its value can be the name of an existing team or all.",
            "Tokens can be created in the console or requested from the API.",
            "The address can only be the address of the first card.",
            "Only private networks are supported.",
            "The value is case-sensitive and can contain only digits.",
            "Partial match is supported.",
            "Small plans: The value can be left blank. Large plans: It cannot.",
            "Only letters, digits, underscores (_), and hyphens (-) are supported.",
            "Letters, digits, and hyphens are supported.",
            "The value can be letters or digits.",
            "The value is unique.",
            "The value is case-sensitive.",
        ] {
            assert_eq!(enum_of(description, Subject::Text), None, "{description}");
        }
    }

    #[test]
    fn a_conditional_value_alone_is_no_enumeration() {
        let parsed = parse(
            "If mode is set to STRICT, the value can only be 0, indicating the first place.",
            Subject::Integer,
        );
        assert_eq!(parsed.enum_values, None);
        assert_eq!(parsed.findings.len(), 1);
    }

    #[test]
    fn conditional_values_add_up_when_there_are_several_cases() {
        let description = "If mode is set to SAFE, this parameter can only be set to LOW. \
                           If mode is set to FREE, this parameter can be set to HIGH, MEDIUM, or LOW.";
        assert_eq!(
            enum_of(description, Subject::Text),
            strings(&["LOW", "HIGH", "MEDIUM"])
        );
    }

    #[test]
    fn a_plain_statement_beats_conditional_ones() {
        let description = "The value can be LOW, MEDIUM, or HIGH. \
                           For small plans, if the region is remote, the value can only be LOW.";
        let parsed = parse(description, Subject::Text);
        assert_eq!(parsed.enum_values, strings(&["LOW", "MEDIUM", "HIGH"]));
        assert!(parsed.findings.is_empty());
    }

    #[test]
    fn booleans_and_objects_have_no_enumeration() {
        let parsed = parse(
            "The value can be true or false (default).",
            Subject::Boolean,
        );
        assert_eq!(parsed.enum_values, None);
        assert_eq!(parsed.default.as_deref(), Some("false"));
        assert_eq!(
            enum_of("The value can be RED or BLUE.", Subject::Object),
            None
        );
    }

    #[test]
    fn numbers_have_numeric_values_only() {
        let parsed = parse("The value can be fast or slow.", Subject::Integer);
        assert_eq!(parsed.enum_values, None);
        assert_eq!(parsed.findings.len(), 1);
    }

    #[test]
    fn a_list_with_a_label_of_several_words_is_reported() {
        let description = "Specifies the state. ON: It runs. OFF: It rests. \
                           Not set: The state is unknown.";
        let parsed = parse(description, Subject::Text);
        assert_eq!(parsed.enum_values, None);
        assert_eq!(parsed.findings.len(), 1);
    }

    #[test]
    fn a_list_lead_in_without_values_is_reported() {
        let description = "The value options are as follows: A single number, for example, 7 \
                           A list of numbers, for example, 7, 9";
        let parsed = parse(description, Subject::Text);
        assert_eq!(parsed.enum_values, None);
        assert_eq!(parsed.findings.len(), 1);
    }

    // -- Defaults ------------------------------------------------------------

    #[test]
    fn defaults_in_their_own_words() {
        for (description, default) in [
            ("Whether to wait. Default: true", "true"),
            ("Whether to wait.\nDefault: true", "true"),
            ("Index of the row. Default value: 0", "0"),
            ("The default value is 45.", "45"),
            ("The default value is 20 minutes.", "20"),
            (
                "The default value is ${name}, indicating the caller's name.",
                "${name}",
            ),
            (
                "The value must start with a colon (:), and the default value is :/.",
                ":/",
            ),
            (
                "Share of the pool. The default value is 0.50, indicating half.",
                "0.50",
            ),
            ("This field is reserved. Its default value is 0.", "0"),
            ("The default parameter value is plain.", "plain"),
            ("By default, this parameter is set to False.", "False"),
            ("The value defaults to 12.", "12"),
        ] {
            assert_eq!(
                default_of(description, Subject::Text).as_deref(),
                Some(default),
                "{description}"
            );
        }
    }

    #[test]
    fn the_empty_string_and_null() {
        let empty = default_of("Its default value is \"\".", Subject::Text);
        assert_eq!(empty.as_deref(), Some(""));
        for absent in [
            "Its default value is null.",
            "Default: None Minimum: 1",
            "Default: N/A",
        ] {
            let parsed = parse(absent, Subject::Text);
            assert_eq!(parsed.default, None, "{absent}");
            assert!(parsed.findings.is_empty(), "{absent}");
        }
    }

    #[test]
    fn defaults_marked_on_list_items() {
        for (description, default) in [
            ("The options are as follows: - up: rising order - down: falling order (default value)", "down"),
            ("Shutdown kind. SLOW: careful (default) QUICK: hasty", "SLOW"),
            ("Whether to log. true (default): It logs. false: It does not.", "true"),
            ("The options are as follows: true: Keep. false: Drop. (Default value)", "false"),
            ("The options are as follows: true: Keep it. (Default value) false: Drop it.", "true"),
            ("The options are as follows: - 0: separate files - 1: Default value. One file.", "1"),
            ("Options: True: It is on. False: It is off. This is the default value.", "False"),
            ("Options: OPEN: anyone (default value) CLOSED: the owner only", "OPEN"),
        ] {
            assert_eq!(default_of(description, Subject::Text).as_deref(), Some(default), "{description}");
        }
    }

    #[test]
    fn defaults_that_are_no_value() {
        for (description, subject) in [
            (
                "Specifies the ID. Default: Assigned by the server",
                Subject::Text,
            ),
            (
                "The depth (the depth can be omitted and the default value is 2).",
                Subject::Integer,
            ),
            (
                "The default value is the size of the disk.",
                Subject::Integer,
            ),
            ("The timeout. Default: forever", Subject::Integer),
            ("Whether to wait. Default: 0", Subject::Boolean),
            ("Whether to wait (default).", Subject::Text),
            ("The default value is empty.", Subject::Text),
        ] {
            let parsed = parse(description, subject);
            assert_eq!(parsed.default, None, "{description}");
            assert_eq!(parsed.findings.len(), 1, "{description}");
        }
        let left_blank = parse("By default, this parameter is left blank.", Subject::Text);
        assert_eq!((left_blank.default, left_blank.findings.len()), (None, 0));
    }

    #[test]
    fn the_first_default_wins() {
        let description = "Small plans: The default value is v1. Large plans: The value can be \
                           mixed, v1, or v2. Default: mixed";
        let parsed = parse(description, Subject::Text);
        assert_eq!(parsed.default.as_deref(), Some("v1"));
        assert_eq!(parsed.enum_values, strings(&["mixed", "v1", "v2"]));
        assert_eq!(parsed.findings.len(), 1);
    }

    #[test]
    fn a_default_outside_the_values_is_reported() {
        let parsed = parse(
            "The value can be X or Y. The default value is Z.",
            Subject::Text,
        );
        assert_eq!(parsed.default.as_deref(), Some("Z"));
        assert_eq!(parsed.findings.len(), 1);
    }

    // -- Markers ---------------------------------------------------------------

    #[test]
    fn markers_are_the_constraints_in_marker_form() {
        let text = "Task ID. The value ranges from 1 to 36. Minimum: 1 Maximum: 36 Default: a1";
        let read = parse(text, Subject::Text);
        let marked: Vec<(&str, Stated)> = read
            .markers
            .iter()
            .map(|m| (&text[m.span.clone()], m.states.clone()))
            .collect();
        assert_eq!(
            marked,
            [
                ("Minimum: 1", Stated::Min(Limit::Int(1))),
                ("Maximum: 36", Stated::Max(Limit::Int(36))),
                ("Default: a1", Stated::Default("a1".into())),
            ],
            "prose (`ranges from 1 to 36`) is no marker"
        );
        let list = "Value options:\n- HTTP\n- HTTPS";
        let read = parse(list, Subject::Text);
        assert_eq!(read.markers.len(), 1);
        assert_eq!(&list[read.markers[0].span.clone()], list);
        let meanings = "Value options: UP: smallest first DOWN: largest first";
        assert!(
            parse(meanings, Subject::Text).markers.is_empty(),
            "a list that explains its values is prose"
        );
        let items = "Tags. Array Length: 1 - 20";
        let read = parse(items, Subject::ArrayOfOther);
        let spans: Vec<&str> = read
            .markers
            .iter()
            .map(|m| &items[m.span.clone()])
            .collect();
        assert_eq!(spans, ["Array Length: 1 - 20", "Array Length: 1 - 20"]);
    }

    // -- Both forms of a cell ------------------------------------------------

    #[test]
    fn copied_text_and_html_text_read_the_same() {
        for (copied, html) in [
            (
                "Specifies the mode. The default value is m-1. Value options: m-1 m-2 m-3",
                "Specifies the mode.\nThe default value is m-1.\nValue options:\n- m-1\n- m-2\n- m-3",
            ),
            (
                "Specifies the order. The value can be one of the following: UP: smallest \
                 first DOWN: largest first When the value is UP, ties are kept.",
                "Specifies the order.\nThe value can be one of the following:\n- UP: smallest \
                 first\n- DOWN: largest first\nWhen the value is UP, ties are kept.",
            ),
            (
                "Specifies the wait. The value ranges from 1 to 60, and the default value is 9. \
                 Minimum: 1 Maximum: 60 Default: 9",
                "Specifies the wait.\nThe value ranges from 1 to 60, and the default value is 9.\n\
                 Minimum: 1\nMaximum: 60\nDefault: 9",
            ),
            (
                "Specifies who may enter. open (default): Anyone. closed: Members only.",
                "Specifies who may enter.\n- open (default): Anyone.\n- closed: Members only.",
            ),
        ] {
            let (mut from_copy, mut from_html) =
                (parse(copied, Subject::Text), parse(html, Subject::Text));
            // The markers stand at other bytes of the two forms, but state the same.
            let states = |t: &ConstraintText| t.markers.iter().map(|m| m.states.clone()).collect::<Vec<_>>();
            assert_eq!(states(&from_copy), states(&from_html), "{copied}");
            from_copy.markers.clear();
            from_html.markers.clear();
            assert_eq!(from_copy, from_html, "{copied}");
            assert!(from_copy.enum_values.is_some() || from_copy.min.is_some(), "{copied}");
        }
    }

    proptest! {
        #[test]
        fn never_panics(description in any::<String>()) {
            for subject in [
                Subject::Text,
                Subject::Integer,
                Subject::Number,
                Subject::Boolean,
                Subject::Object,
                Subject::ArrayOfText,
                Subject::ArrayOfNumbers,
                Subject::ArrayOfOther,
            ] {
                parse_constraints(&description, subject);
            }
        }

        #[test]
        fn never_panics_on_constraint_like_text(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("Minimum:"), Just("Maximum:"), Just("Array"), Just("Length:"), Just("-"),
                    Just("1"), Just("3,600"), Just("to"), Just("characters"), Just("a"), Just("maximum"),
                    Just("of"), Just("The"), Just("value"), Just("can"), Just("be"), Just("or"), Just(","),
                    Just("X,"), Just("Y"), Just("(default)"), Just("(default"), Just("value)"), Just("Options:"),
                    Just("A:"), Just("B:"), Just("Default:"), Just("is"), Just("range"), Just("[0,1]"),
                    Just("["), Just("]"), Just("("), Just(")"), Just("."), Just("\n"), Just("If"),
                    Just("only"), Just("supported"), Just("are"), Just("Each"), Just("ranges"), Just("from"),
                    Just("between"), Just("and"), Just("exceed"), Just("not"), Just("least"), Just("at"),
                ],
                0..40,
            )
        ) {
            let description = words.join(" ");
            for subject in [Subject::Text, Subject::Integer, Subject::ArrayOfText, Subject::Boolean] {
                parse_constraints(&description, subject);
            }
        }
    }
}
