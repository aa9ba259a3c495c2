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
    /// Default value as written on the wire (`""` for an empty string).
    pub default: Option<String>,
    pub findings: Vec<Finding>,
}

/// Reads the constraints stated in `description` for a value of kind `subject`.
///
/// Precision comes first: a phrase that cannot be read with confidence gives
/// a [`Finding`], never a guessed constraint.
pub fn parse_constraints(description: &str, subject: Subject) -> ConstraintText {
    let words = Words::new(description);
    let mut claimed = Claimed::new(words.len());
    let mut statements = Vec::new();
    // Lists first: they claim their labels (`Default: default format` is an
    // item, not a default) before the other matchers look.
    enumeration::scan(&words, &mut claimed, &mut statements);
    bounds::scan(&words, &claimed, &mut statements);
    defaults::scan(&words, &claimed, &mut statements);
    statements.sort_by_key(|statement| statement.at);
    select(&statements, subject)
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
            Ok(bound) => candidates.push(Candidate {
                bound,
                limit,
                strength,
                statement,
            }),
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
    let mut stated = Vec::new();
    let mut conditional = Vec::new();
    for statement in statements {
        let Claim::Values {
            values,
            conditional: only_in_one_case,
        } = &statement.claim
        else {
            continue;
        };
        let numeric = matches!(subject, Subject::Integer | Subject::Number);
        if numeric && !values.iter().all(|v| words::number(v).is_some()) {
            let message = "values that are not numbers, for a number".to_string();
            text.findings.push(finding(statement, message));
        } else if *only_in_one_case {
            conditional.push((statement, values));
        } else {
            stated.push((statement, values));
        }
    }
    if let Some(&(chosen, values)) = stated.first() {
        for &(other, other_values) in stated.iter().skip(1).chain(&conditional) {
            if other_values.iter().any(|v| !values.contains(v)) {
                let message = format!("lists values that \"{}\" does not", chosen.phrase);
                text.findings.push(finding(other, message));
            }
        }
        text.enum_values = Some(values.clone());
    } else if conditional.len() >= 2 {
        // FACTS.md: values stated case by case add up to the list when there are several cases.
        let mut union: Vec<String> = Vec::new();
        for value in conditional.iter().flat_map(|(_, values)| values.iter()) {
            if !union.contains(value) {
                union.push(value.clone());
            }
        }
        text.enum_values = Some(union);
    } else if let Some(&(statement, _)) = conditional.first() {
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

    // -- Minimum and maximum ------------------------------------------------

    #[test]
    fn minimum_and_maximum_mean_what_the_subject_is() {
        let text = parse("The error code. Minimum: 0 Maximum: 255", Subject::Text);
        assert_eq!(
            (text.min, text.max),
            (Some(Limit::Int(0)), Some(Limit::Int(255)))
        );
        let number = parse("The port. Minimum: 1 Maximum: 65535", Subject::Integer);
        assert_eq!(
            (number.min, number.max),
            (Some(Limit::Int(1)), Some(Limit::Int(65535)))
        );
        let items = parse(
            "Error parameters. Minimum: 0 Maximum: 65535 Array Length: 1 - 20",
            Subject::ArrayOfText,
        );
        assert_eq!(
            (items.min, items.max),
            (Some(Limit::Int(0)), Some(Limit::Int(65535)))
        );
        assert_eq!((items.min_items, items.max_items), (Some(1), Some(20)));
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
            "The name. Minimum length: 1 characters Maximum length: 64 characters",
            Subject::Text,
        );
        assert_eq!(
            (parsed.min, parsed.max),
            (Some(Limit::Int(1)), Some(Limit::Int(64)))
        );
    }

    #[test]
    fn array_length() {
        let parsed = parse(
            "All task information. Array Length: 1 - 200",
            Subject::ArrayOfOther,
        );
        assert_eq!((parsed.min_items, parsed.max_items), (Some(1), Some(200)));
    }

    #[test]
    fn ranges_of_values() {
        for (description, min, max) in [
            ("The value ranges from 1 to 300.", 1, 300),
            (
                "For TCP, the value ranges from 3,600 to 86,400.",
                3600,
                86400,
            ),
            ("Range: 0 to 1000000", 0, 1_000_000),
            ("Range 0 to 1000000", 0, 1_000_000),
            ("The value range is [0,1].", 0, 1),
            ("The value range is [0, 10].", 0, 10),
            ("Any integer in the range of 200–299.", 200, 299),
        ] {
            let parsed = parse(description, Subject::Integer);
            assert_eq!(
                (parsed.min, parsed.max),
                (Some(Limit::Int(min)), Some(Limit::Int(max))),
                "{description}"
            );
        }
    }

    #[test]
    fn lengths_in_characters() {
        for (description, min, max) in [
            ("The value contains 1 to 100 characters.", Some(1), 100),
            (
                "Enter 4 to 64 characters. Only letters are allowed.",
                Some(4),
                64,
            ),
            ("Consists of 8 to 26 characters.", Some(8), 26),
            ("The value contains 0 to 1,024 characters.", Some(0), 1024),
            ("Contains a maximum of 36 characters.", None, 36),
            (
                "It contains a maximum of 255 Unicode characters.",
                None,
                255,
            ),
            (
                "Each value contains a maximum of 43 Unicode characters.",
                None,
                43,
            ),
        ] {
            let parsed = parse(description, Subject::Text);
            assert_eq!(
                (parsed.min, parsed.max),
                (min.map(Limit::Int), Some(Limit::Int(max))),
                "{description}"
            );
        }
    }

    #[test]
    fn weak_extremes() {
        let parsed = parse("The maximum value is 1000.", Subject::Integer);
        assert_eq!(parsed.max, Some(Limit::Int(1000)));
        let parsed = parse(
            "Number of persons. The minimum value is 1.",
            Subject::Integer,
        );
        assert_eq!(parsed.min, Some(Limit::Int(1)));
    }

    #[test]
    fn counts_of_items_on_arrays() {
        for description in [
            "A maximum of 12 NICs can be attached to an ECS.",
            "The list can contain a maximum of 12 forwarding rules (if conditions is set, each counts).",
            "NOTE: When you create ECSs, one ECS supports up to 12 tags.",
        ] {
            let parsed = parse(description, Subject::ArrayOfOther);
            assert_eq!(parsed.max_items, Some(12), "{description}");
            assert_eq!(parsed.max, None, "{description}");
        }
    }

    #[test]
    fn a_range_on_an_array_counts_its_items() {
        let parsed = parse("The value ranges from 1 to 10.", Subject::ArrayOfOther);
        assert_eq!((parsed.min_items, parsed.max_items), (Some(1), Some(10)));
    }

    #[test]
    fn the_strongest_statement_wins_and_the_others_are_reported() {
        let parsed = parse(
            "The value ranges from 1 to 300. Minimum: 1 Maximum: 250",
            Subject::Integer,
        );
        assert_eq!(parsed.max, Some(Limit::Int(250)));
        assert_eq!(parsed.findings.len(), 1);
        assert!(parsed.findings[0].message.contains("300"));

        let parsed = parse(
            "Consists of 1 to 64 characters. In this case, the name contains a maximum of 59 characters.",
            Subject::Text,
        );
        assert_eq!(parsed.max, Some(Limit::Int(64)));
        assert_eq!(parsed.findings.len(), 1);
    }

    #[test]
    fn among_equals_the_first_statement_wins() {
        let parsed = parse(
            "For TCP listeners, the value ranges from 10 to 4000. For HTTP listeners, the value ranges from 0 to 4000.",
            Subject::Integer,
        );
        assert_eq!(
            (parsed.min, parsed.max),
            (Some(Limit::Int(10)), Some(Limit::Int(4000)))
        );
        assert_eq!(parsed.findings.len(), 1);
    }

    #[test]
    fn bounds_of_parts_or_of_other_things_are_not_taken() {
        let domain = "The value can contain 0 to 1024 characters. A maximum of 30 domain names are allowed. \
                      Each label can contain a maximum of 63 characters.";
        let parsed = parse(domain, Subject::Text);
        assert_eq!(
            (parsed.min, parsed.max),
            (Some(Limit::Int(0)), Some(Limit::Int(1024)))
        );
        assert_eq!(parsed.findings.len(), 2);

        let parsed = parse(
            "Each key can have a maximum of 10 values.",
            Subject::ArrayOfOther,
        );
        assert_eq!(parsed.max_items, None);
        let parsed = parse(
            "The default value is 100. The recommended value ranges from 10 to 50.",
            Subject::Integer,
        );
        assert_eq!((parsed.min, parsed.max), (None, None));
        let parsed = parse("(the count can be at most 30 items)", Subject::ArrayOfOther);
        assert_eq!(parsed.max_items, None);
        let parsed = parse("The value range is [0,1].", Subject::Text);
        assert_eq!((parsed.min, parsed.max), (None, None));
        assert_eq!(parsed.findings.len(), 1, "{:?}", parsed.findings);
    }

    #[test]
    fn several_ranges_are_no_range() {
        let parsed = parse(
            "The value can be any integer in the range of 200–299, 400–499, or 500–599.",
            Subject::Integer,
        );
        assert_eq!((parsed.min, parsed.max), (None, None));
        assert_eq!(parsed.findings.len(), 1);
    }

    // -- Enumerations --------------------------------------------------------

    #[test]
    fn values_after_a_colon() {
        for description in [
            "Enumeration values: TCP UDP HTTP",
            "Enumeration values:\n- TCP\n- UDP\n- HTTP",
            "Value options: TCP UDP HTTP Minimum: 1 Maximum: 16",
            "Value options:\n- TCP\n- UDP\n- HTTP\nMinimum: 1\nMaximum: 16",
            "Possible values: TCP, UDP, and HTTP",
            "Options: TCP, UDP, and HTTP In version 2, more are planned.",
            "The value can be: TCP: stream UDP: datagram HTTP: web",
            "The value can be one of the following: TCP: A stream. UDP: Datagrams. HTTP: The web.",
            "The value can be one of the following:\n- TCP: A stream.\n- UDP: Datagrams.\n- HTTP: The web.",
            "The value can only be one of the following: TCP: stream UDP: datagram HTTP: web",
        ] {
            assert_eq!(enum_of(description, Subject::Text), strings(&["TCP", "UDP", "HTTP"]), "{description}");
        }
    }

    #[test]
    fn numbered_options_are_strings() {
        for description in [
            "Label type. The options are as follows: - 0: image classification - 1: object detection",
            "Label type. The options are as follows:\n- 0: image classification\n- 1: object detection",
            "Label type. The options are as follows: 0: image classification. For example: cats. 1: object detection",
        ] {
            assert_eq!(enum_of(description, Subject::Integer), strings(&["0", "1"]), "{description}");
        }
    }

    #[test]
    fn items_whose_value_is_an_english_word_in_capitals() {
        let description = "The options are as follows: OR: OR operation AND: AND operation";
        assert_eq!(enum_of(description, Subject::Text), strings(&["OR", "AND"]));
    }

    #[test]
    fn default_as_the_first_item_is_a_value() {
        let description =
            "Format. The options are as follows: Default: default format CarbonData: CarbonData (tables only) CSV: CSV";
        let parsed = parse(description, Subject::Text);
        assert_eq!(
            parsed.enum_values,
            strings(&["Default", "CarbonData", "CSV"])
        );
        assert_eq!(parsed.default, None);
    }

    #[test]
    fn values_in_a_sentence() {
        for (description, values) in [
            ("The value can be TCP, UDP, HTTP, or HTTPS.", &["TCP", "UDP", "HTTP", "HTTPS"][..]),
            ("The protocol can be TCP or UDP.", &["TCP", "UDP"]),
            ("The value of this parameter can be 4 or 6.", &["4", "6"]),
            ("Hardware, which can be CPU, GPU, or Ascend.", &["CPU", "GPU", "Ascend"]),
            (
                "This parameter can be set to REGEX (regular expression), STARTS_WITH (prefix), or EQUAL_TO.",
                &["REGEX", "STARTS_WITH", "EQUAL_TO"],
            ),
            ("The value can be 4 (IPv4) or 6 (IPv6).", &["4", "6"]),
            ("The value can only be ACTIVE.", &["ACTIVE"]),
            ("The value can only be ACTIVE, indicating that it works.", &["ACTIVE"]),
            ("This parameter can be set to ManifestFile.", &["ManifestFile"]),
            ("The value is ssh or x509.", &["ssh", "x509"]),
            ("The value is auto.", &["auto"]),
            ("Set it to novnc.", &["novnc"]),
            ("Only Docker is supported.", &["Docker"]),
            ("Scheduling type. Only the value stop is supported.", &["stop"]),
            ("TCP, UDP, and HTTP are supported.", &["TCP", "UDP", "HTTP"]),
            (
                "Possible values are real-time (real-time service) and batch (batch service).",
                &["real-time", "batch"],
            ),
            (
                "The value can be tls-1-0, tls-1-1, or tls-1-2, and the default value is tls-1-0.",
                &["tls-1-0", "tls-1-1", "tls-1-2"],
            ),
        ] {
            assert_eq!(enum_of(description, Subject::Text), strings(values), "{description}");
        }
    }

    #[test]
    fn items_without_a_lead_in() {
        let description =
            "Specifies the status. UP: The status is normal. DOWN: The status is abnormal.";
        assert_eq!(
            enum_of(description, Subject::Text),
            strings(&["UP", "DOWN"])
        );
        let description =
            "The default value is SOFT. SOFT: normal stop (default) HARD: forcible stop";
        let parsed = parse(description, Subject::Text);
        assert_eq!(parsed.enum_values, strings(&["SOFT", "HARD"]));
        assert_eq!(parsed.default.as_deref(), Some("SOFT"));
    }

    #[test]
    fn one_item_is_no_list() {
        let description = "Specifies the ID. Example: 1234. The value is in UUID format.";
        assert_eq!(enum_of(description, Subject::Text), None);
    }

    #[test]
    fn prose_is_no_enumeration() {
        for description in [
            "The value can be null or an empty JSON structure, indicating that nothing is associated.",
            "If this parameter is passed, its value can be the ID of an existing enterprise project or all.",
            "Keys can be created using the API or obtained from the console.",
            "The IP address can only be the IP address of the primary NIC.",
            "Only IPv4 subnets are supported.",
            "The value is case-sensitive and can contain only letters.",
            "Fuzzy match is supported.",
            "Shared load balancers: The value can be left blank. Dedicated load balancers: It cannot.",
        ] {
            assert_eq!(enum_of(description, Subject::Text), None, "{description}");
        }
    }

    #[test]
    fn a_conditional_value_alone_is_no_enumeration() {
        let parsed = parse(
            "If action is set to REDIRECT_TO_LISTENER, the value can only be 0, indicating the highest priority.",
            Subject::Integer,
        );
        assert_eq!(parsed.enum_values, None);
        assert_eq!(parsed.findings.len(), 1);
    }

    #[test]
    fn conditional_values_add_up_when_there_are_several_cases() {
        let description = "If type is set to HOST_NAME, this parameter can only be set to EQUAL_TO. \
                           If type is set to PATH, this parameter can be set to REGEX, STARTS_WITH, or EQUAL_TO.";
        assert_eq!(
            enum_of(description, Subject::Text),
            strings(&["EQUAL_TO", "REGEX", "STARTS_WITH"])
        );
    }

    #[test]
    fn a_plain_statement_beats_conditional_ones() {
        let description = "The value can be SOURCE_IP, HTTP_COOKIE, or APP_COOKIE. \
                           For dedicated load balancers, if the protocol is HTTP, the value can only be HTTP_COOKIE.";
        let parsed = parse(description, Subject::Text);
        assert_eq!(
            parsed.enum_values,
            strings(&["SOURCE_IP", "HTTP_COOKIE", "APP_COOKIE"])
        );
        assert!(parsed.findings.is_empty());
    }

    #[test]
    fn booleans_and_objects_have_no_enumeration() {
        let description = "The value can be true or false (default).";
        let parsed = parse(description, Subject::Boolean);
        assert_eq!(parsed.enum_values, None);
        assert_eq!(parsed.default.as_deref(), Some("false"));
        assert_eq!(enum_of("The value can be A or B.", Subject::Object), None);
    }

    #[test]
    fn numbers_have_numeric_values_only() {
        let parsed = parse("The value can be fast or slow.", Subject::Integer);
        assert_eq!(parsed.enum_values, None);
        assert_eq!(parsed.findings.len(), 1);
    }

    #[test]
    fn a_list_with_a_label_of_several_words_is_reported() {
        let description =
            "Specifies the status. UP: The status is normal. DOWN: The status is abnormal. \
                           Empty string: There is no host information.";
        let parsed = parse(description, Subject::Text);
        assert_eq!(parsed.enum_values, None);
        assert_eq!(parsed.findings.len(), 1, "{parsed:?}");
    }

    #[test]
    fn a_list_lead_in_without_values_is_reported() {
        let description = "The value options are as follows: A specific value, for example, 200 \
                           A list of values, for example, 200, 202";
        let parsed = parse(description, Subject::Text);
        assert_eq!(parsed.enum_values, None);
        assert_eq!(parsed.findings.len(), 1);
    }

    // -- Defaults ------------------------------------------------------------

    #[test]
    fn defaults_in_their_own_words() {
        for (description, default) in [
            ("Whether to retry. Default: true", "true"),
            ("Whether to retry.\nDefault: true", "true"),
            ("Index of the page. Default value: 0", "0"),
            ("The default value is 60.", "60"),
            ("The default value is 15 minutes.", "15"),
            (
                "The default value is ${protocol}, indicating the request's protocol.",
                "${protocol}",
            ),
            (
                "The value must start with a slash (/), and the default value is /.",
                "/",
            ),
            (
                "Split ratio. The default value is 1.00, indicating all.",
                "1.00",
            ),
            (
                "This parameter has not been used. Its default value is 0.",
                "0",
            ),
            ("The default parameter value is default.", "default"),
            ("By default, this parameter is set to False.", "False"),
            ("The value defaults to 10.", "10"),
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
        assert_eq!(
            default_of("Its default value is \"\".", Subject::Text).as_deref(),
            Some("")
        );
        for absent in ["Its default value is null.", "Default: None Minimum: 1"] {
            let parsed = parse(absent, Subject::Text);
            assert_eq!(parsed.default, None, "{absent}");
            assert!(parsed.findings.is_empty(), "{absent}");
        }
    }

    #[test]
    fn defaults_marked_on_list_items() {
        for (description, default) in [
            ("The options are as follows: - asc: ascending order - desc: descending order (default value)", "desc"),
            ("Stop type. SOFT: normal stop (default) HARD: forcible stop", "SOFT"),
            ("Whether to enable it. true (default): It is enabled. false: It is disabled.", "true"),
            ("The options are as follows: true: Collect. false: Do not collect. (Default value)", "false"),
            (
                "The options are as follows: true: Enable it. (Default value) false: Do not enable it.",
                "true",
            ),
            ("The options are as follows: - 0: separate files - 1: Default value. One file.", "1"),
            ("Options: True: It is on. False: It is off. This is the default value.", "False"),
            ("Options: PUBLIC: public access (default value) PRIVATE: creator only", "PUBLIC"),
        ] {
            assert_eq!(default_of(description, Subject::Text).as_deref(), Some(default), "{description}");
        }
    }

    #[test]
    fn defaults_that_are_no_value() {
        for (description, subject) in [
            (
                "Specifies the ID. Default: Automatically generated",
                Subject::Text,
            ),
            (
                "The depth (the depth can be left blank and the default value is 3).",
                Subject::Integer,
            ),
            (
                "The default value is the size of the image.",
                Subject::Integer,
            ),
            ("The timeout. Default: forever", Subject::Integer),
            ("Whether to retry. Default: 0", Subject::Boolean),
            ("Whether to retry (default).", Subject::Text),
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
        let description =
            "Shared load balancers: The default value is v4. Dedicated: The value can be \
                           dualstack, v4, or v6. Default: dualstack";
        let parsed = parse(description, Subject::Text);
        assert_eq!(parsed.default.as_deref(), Some("v4"));
        assert_eq!(parsed.enum_values, strings(&["dualstack", "v4", "v6"]));
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

    // -- Both forms of a cell ------------------------------------------------

    #[test]
    fn copied_text_and_html_text_read_the_same() {
        for (copied, html) in [
            (
                "Specifies the policy. The default value is tls-1-0. Value options: tls-1-0 tls-1-1 tls-1-2",
                "Specifies the policy.\nThe default value is tls-1-0.\nValue options:\n- tls-1-0\n- tls-1-1\n- tls-1-2",
            ),
            (
                "Specifies the algorithm. The value can be one of the following: ROUND_ROBIN: weighted round \
                 robin LEAST_CONNECTIONS: weighted least connections When the value is SOURCE_IP, weights are invalid.",
                "Specifies the algorithm.\nThe value can be one of the following:\n- ROUND_ROBIN: weighted round \
                 robin\n- LEAST_CONNECTIONS: weighted least connections\nWhen the value is SOURCE_IP, weights are invalid.",
            ),
            (
                "Specifies the timeout. The value ranges from 1 to 300, and the default value is 60. \
                 Minimum: 1 Maximum: 300 Default: 60",
                "Specifies the timeout.\nThe value ranges from 1 to 300, and the default value is 60.\n\
                 Minimum: 1\nMaximum: 300\nDefault: 60",
            ),
            (
                "Specifies how access is controlled. white (default): A whitelist. black: A blacklist.",
                "Specifies how access is controlled.\n- white (default): A whitelist.\n- black: A blacklist.",
            ),
        ] {
            assert_eq!(
                parse(copied, Subject::Text),
                parse(html, Subject::Text),
                "{copied}"
            );
            assert!(parse(copied, Subject::Text).enum_values.is_some() || copied.contains("timeout"));
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
                ],
                0..40,
            )
        ) {
            parse_constraints(&words.join(" "), Subject::Text);
            parse_constraints(&words.join(" "), Subject::ArrayOfText);
        }
    }
}
