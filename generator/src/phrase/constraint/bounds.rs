//! Minimums and maximums: `Minimum: N`, `Array Length: A - B`,
//! `The value ranges from A to B`, `A to B characters`,
//! `a maximum of N characters`, `The maximum value is N`.

use super::statement::{Claim, Claimed, Measure, Side, Statement, Strength};
use super::words::{number, Words};
use super::Limit;

/// Adds every bound stated in `words` to `found`.
pub(super) fn scan(words: &Words, claimed: &Claimed, found: &mut Vec<Statement>) {
    let first = found.len();
    // Which statements hold in one case only (`If the name ends with a
    // period, it cannot exceed 254 characters`), in the order found.
    let mut one_case = Vec::new();
    for at in 0..words.len() {
        if claimed.contains(at) {
            continue;
        }
        let Some(reading) = read(words, at) else {
            continue;
        };
        let claims = match context_veto(words, at, reading.strength) {
            Some(reason) => vec![Claim::Unreadable(reason)],
            None => reading.claims(),
        };
        let conditional = super::enumeration::is_conditional(words, at);
        one_case.extend(claims.iter().map(|_| conditional));
        // `Minimum length: 8 characters` goes on after the number: only the
        // bare markers are words that say nothing else.
        let marker = reading.strength == Strength::Explicit && reading.measure != Measure::Length;
        for claim in claims {
            let statement = Statement::new(words, at, reading.end, claim);
            found.push(if marker {
                statement.marked()
            } else {
                statement
            });
        }
    }
    drop_disagreeing_cases(&mut found[first..], &one_case);
}

/// A bound stated for one case (`If the endpoint is a phone, up to 256
/// bytes`) is taken as the docs' bound (the first of several cases wins, as
/// for any bound stated several times), unless the cell bounds that side in
/// another measure too (`no more than 256 KB`; `30 KB` in one case, `120
/// bytes` in another): then the cases bound different things, and none is
/// the value's.
fn drop_disagreeing_cases(statements: &mut [Statement], one_case: &[bool]) {
    let bound = |claim: &Claim| match *claim {
        Claim::Bound { side, measure, .. } => Some((side, measure)),
        _ => None,
    };
    // `Minimum: 1` takes the meaning of whatever the value is.
    let differ = |a: Measure, b: Measure| a != b && a != Measure::Subject && b != Measure::Subject;
    let mut doubtful = Vec::new();
    for (i, statement) in statements.iter().enumerate() {
        let Some((side, measure)) = bound(&statement.claim) else {
            continue;
        };
        let other_measure = statements
            .iter()
            .filter_map(|s| bound(&s.claim))
            .any(|(s, m)| s == side && differ(m, measure));
        if one_case.get(i).copied().unwrap_or(false) && !statement.marker && other_measure {
            doubtful.push(side);
        }
    }
    for (i, statement) in statements.iter_mut().enumerate() {
        let conditional = one_case.get(i).copied().unwrap_or(false) && !statement.marker;
        if bound(&statement.claim).is_some_and(|(side, _)| conditional && doubtful.contains(&side))
        {
            statement.claim = Claim::Unreadable("one of several limits stated for different cases");
        }
    }
}

/// A bound phrase starting at one word.
struct Reading {
    min: Option<Limit>,
    max: Option<Limit>,
    measure: Measure,
    strength: Strength,
    /// Index after the last word read.
    end: usize,
    /// Set when the words look like bounds but are not one readable range:
    /// then `min` and `max` are not taken.
    unreadable: Option<&'static str>,
}

impl Reading {
    fn new(measure: Measure, strength: Strength, end: usize) -> Self {
        Reading {
            min: None,
            max: None,
            measure,
            strength,
            end,
            unreadable: None,
        }
    }

    /// The bounds read, or why the words are no bound.
    fn claims(&self) -> Vec<Claim> {
        if let Some(reason) = self.unreadable {
            return vec![Claim::Unreadable(reason)];
        }
        [(Side::Min, self.min), (Side::Max, self.max)]
            .into_iter()
            .filter_map(|(side, limit)| {
                Some(Claim::Bound {
                    side,
                    limit: limit?,
                    measure: self.measure,
                    strength: self.strength,
                })
            })
            .collect()
    }

    fn range(measure: Measure, strength: Strength, (min, max, end): (Limit, Limit, usize)) -> Self {
        Reading {
            min: Some(min),
            max: Some(max),
            ..Reading::new(measure, strength, end)
        }
    }

    fn one_side(side: Side, measure: Measure, limit: Limit, end: usize) -> Self {
        let mut reading = Reading::new(measure, Strength::Weak, end);
        match side {
            Side::Min => reading.min = Some(limit),
            Side::Max => reading.max = Some(limit),
        }
        reading
    }
}

fn read(words: &Words, at: usize) -> Option<Reading> {
    minimum_or_maximum_marker(words, at)
        .or_else(|| array_length_marker(words, at))
        .or_else(|| value_range(words, at))
        .or_else(|| length_range(words, at))
        .or_else(|| one_side(words, at))
        .or_else(|| extreme_value(words, at))
        .or_else(|| maximum_length(words, at))
        .or_else(|| exact_bytes(words, at))
}

/// `The maximum length is N`, `The maximum length of the ID is N bytes`,
/// `Max characters: N`.
fn maximum_length(words: &Words, at: usize) -> Option<Reading> {
    let number_at = if words.are(at, &["max", "characters"]) && words.get(at + 1)?.is_label() {
        at + 2
    } else if words.are(at, &["maximum", "length"]) {
        let is_at = if words.is(at + 2, "is") {
            at + 2
        } else if words.is(at + 2, "of") {
            (at + 3..at + 7).find(|&i| words.is(i, "is"))?
        } else {
            return None;
        };
        is_at + 1
    } else {
        return None;
    };
    let limit = words.get(number_at)?.number()?;
    // `30 KB` is a size, not a number of characters.
    let (measure, end) = match unit_after(words, number_at + 1) {
        Some((_, end)) => (Measure::Length, end),
        None if words.ends_statement(number_at) => (Measure::Length, number_at + 1),
        None if UNITS.iter().any(|unit| words.is(number_at + 1, unit)) => {
            (Measure::Value, number_at + 2)
        }
        None => return None,
    };
    Some(Reading::one_side(Side::Max, measure, limit, end))
}

/// `A 36-byte serial number`, `64-byte ID of a grant`, at the start of a
/// sentence: a value of exactly that many bytes (an identifier's characters).
fn exact_bytes(words: &Words, at: usize) -> Option<Reading> {
    let word = words.get(at)?;
    let article = ["a", "an"].iter().any(|a| word.is(a));
    let number_at = if article { at + 1 } else { at };
    if !word.starts_sentence || words.get(number_at)?.in_parens {
        return None;
    }
    let size = words.get(number_at)?.core().strip_suffix("-byte")?;
    let limit = super::words::number(size)?;
    Some(Reading::range(
        Measure::Length,
        Strength::Range,
        (limit, limit, number_at + 1),
    ))
}

/// `Minimum: N`, `Maximum: N`, `Minimum length: N characters`.
fn minimum_or_maximum_marker(words: &Words, at: usize) -> Option<Reading> {
    let word = words.get(at)?;
    let side = side_named(word.core())?;
    let (measure, number_at) = if word.is_label() {
        (Measure::Subject, at + 1)
    } else if words.is(at + 1, "length") && words.get(at + 1)?.is_label() {
        (Measure::Length, at + 2)
    } else {
        return None;
    };
    let limit = words.get(number_at)?.number()?;
    let mut reading = Reading::one_side(side, measure, limit, number_at + 1);
    reading.strength = Strength::Explicit;
    Some(reading)
}

fn side_named(word: &str) -> Option<Side> {
    if word.eq_ignore_ascii_case("minimum") {
        Some(Side::Min)
    } else if word.eq_ignore_ascii_case("maximum") {
        Some(Side::Max)
    } else {
        None
    }
}

/// `Array Length: A - B`.
fn array_length_marker(words: &Words, at: usize) -> Option<Reading> {
    let marker =
        words.is(at, "array") && words.is(at + 1, "length") && words.get(at + 1)?.is_label();
    let pair = number_pair(words, at + 2).filter(|_| marker)?;
    Some(Reading::range(Measure::ItemCount, Strength::Explicit, pair))
}

/// `ranges from A to B`, `ranging from A to B`, `The value range is [A,B]`,
/// `Range: A to B`, `Value range: A-B`, `in the range of A–B`, `must be between A and B`.
fn value_range(words: &Words, at: usize) -> Option<Reading> {
    let word = words.get(at)?;
    let from = |phrase: &[&str]| words.are(at, phrase);
    let pair = if from(&["ranges", "from"])
        || from(&["ranging", "from"])
        || from(&["range", "from"])
        || from(&["range", "is"])
    {
        number_pair(words, at + 2)?
    } else if word.is("range") && (word.is_label() || word.starts_sentence) {
        number_pair(words, at + 1).or_else(|| agreeing_cases(words, at + 1))?
    } else if from(&["in", "the", "range", "of"]) {
        number_pair(words, at + 4)?
    } else if word.is("between") && (words.precede(at, &["be"]) || words.precede(at, &["is"])) {
        between_pair(words, at + 1)?
    } else {
        return None;
    };
    if unit_after(words, pair.2).is_some() {
        // `ranges from A to B characters` is a length: `length_range` reads it.
        return None;
    }
    // `The length ranges from A to B`, `Length range: A-B`.
    let of_length = words.precede(at, &["length"]) || words.are(at, &["length", "range"]);
    let measure = if of_length {
        Measure::Length
    } else {
        Measure::Value
    };
    let mut reading = Reading::range(measure, Strength::Range, pair);
    if number_pair(words, skip_separator(words, pair.2)).is_some() {
        // `in the range of 10–19, 30–39, or 50–59`: several ranges, not one.
        reading.unreadable = Some("several ranges: not one minimum and maximum");
    }
    Some(reading)
}

/// `Value range:` ⏎ `- Public zone: 1 - 2147483647` ⏎ `- Private zone: 1 -
/// 2147483647`: a range for each case, the same in every case. Returns it
/// with the index after the last case.
fn agreeing_cases(words: &Words, at: usize) -> Option<(Limit, Limit, usize)> {
    let mut agreed: Option<(Limit, Limit)> = None;
    let mut bullet = at;
    let mut cases = 0;
    while words.get(bullet).is_some_and(|w| w.is_bullet()) {
        let label =
            (bullet + 1..bullet + 5).find(|&i| words.get(i).is_some_and(|w| w.is_label()))?;
        let (min, max, end) = number_pair(words, label + 1)?;
        if agreed.is_some_and(|pair| pair != (min, max)) {
            return None;
        }
        agreed = Some((min, max));
        cases += 1;
        bullet = end;
    }
    let (min, max) = agreed.filter(|_| cases >= 2)?;
    Some((min, max, bullet))
}

/// `A and B` (or `A to B`) after `between`.
fn between_pair(words: &Words, at: usize) -> Option<(Limit, Limit, usize)> {
    let a = words.get(at)?.number()?;
    let joined = words.is(at + 1, "and") || words.is(at + 1, "to");
    let b = words.get(at + 2)?.number().filter(|_| joined)?;
    Some((a, b, at + 3))
}

fn skip_separator(words: &Words, at: usize) -> usize {
    if words.is(at, "or") || words.is(at, "and") {
        at + 1
    } else {
        at
    }
}

/// `3 to 30 characters`, `0 to 2,048 characters`, `between 1 and 32 characters`.
fn length_range(words: &Words, at: usize) -> Option<Reading> {
    let (min, max, unit_at) = if words.is(at, "between") {
        between_pair(words, at + 1)?
    } else {
        number_pair(words, at)?
    };
    let (measure, end) = unit_after(words, unit_at)?;
    Some(Reading::range(measure, Strength::Range, (min, max, end)))
}

/// One bound in words: `a maximum of N characters`, `A maximum of 8 disks`,
/// `up to N tags`, `at most N days`, `no more than N characters`, `cannot
/// exceed N`, `at least N characters`, `a minimum of N items`.
fn one_side(words: &Words, at: usize) -> Option<Reading> {
    let from = |phrase: &[&str]| words.are(at, phrase);
    let negated = at.checked_sub(1).is_some_and(|before| {
        ["not", "cannot", "can't"]
            .iter()
            .any(|no| words.is(before, no))
    });
    let (side, number_at) = if from(&["a", "maximum", "number", "of"]) {
        (Side::Max, at + 4)
    } else if from(&["a", "maximum", "of"])
        || from(&["no", "more", "than"])
        || from(&["not", "more", "than"])
    {
        (Side::Max, at + 3)
    } else if from(&["up", "to"]) || from(&["at", "most"]) {
        (Side::Max, at + 2)
    } else if from(&["exceed"]) && negated {
        (Side::Max, at + 1)
    } else if from(&["a", "minimum", "of"])
        || from(&["no", "less", "than"])
        || from(&["not", "less", "than"])
    {
        (Side::Min, at + 3)
    } else if from(&["at", "least"]) {
        (Side::Min, at + 2)
    } else {
        return None;
    };
    let limit = words.get(number_at)?.number()?;
    let unit_at = number_at + 1;
    let (measure, end) = if let Some(read) = unit_after(words, unit_at) {
        read
    } else if words.ends_statement(number_at) {
        (Measure::Value, unit_at)
    } else if UNITS.iter().any(|unit| words.is(unit_at, unit)) {
        (Measure::Value, unit_at + 1)
    } else if words.get(unit_at)?.value().is_some() {
        // `A maximum of 8 disks`: a number of things.
        (Measure::Count, unit_at + 1)
    } else {
        return None;
    };
    Some(Reading::one_side(side, measure, limit, end))
}

/// Units of a number, as opposed to things counted: `up to 90 seconds` bounds a value.
const UNITS: &[&str] = &[
    "milliseconds",
    "ms",
    "seconds",
    "second",
    "s",
    "minutes",
    "minute",
    "hours",
    "hour",
    "days",
    "day",
    "bytes",
    "KB",
    "MB",
    "GB",
    "TB",
    "percent",
    "%",
];

/// `The maximum value is N`, `The minimum value is N`.
fn extreme_value(words: &Words, at: usize) -> Option<Reading> {
    let side = side_named(words.get(at)?.core())?;
    if !words.are(at + 1, &["value", "is"]) {
        return None;
    }
    let number_at = at + 3;
    let limit = words.get(number_at)?.number()?;
    Some(Reading::one_side(
        side,
        Measure::Value,
        limit,
        number_at + 1,
    ))
}

/// After `characters` or `Unicode characters` at `at`: a length, and the
/// index after them. `bytes` too: an identifier's characters, and no text
/// has more characters than bytes.
fn unit_after(words: &Words, at: usize) -> Option<(Measure, usize)> {
    // `characters.)` at the end of a sentence in brackets.
    let is = |at: usize, unit: &str| {
        words.get(at).is_some_and(|w| {
            w.core()
                .trim_end_matches([')', '.'])
                .eq_ignore_ascii_case(unit)
        })
    };
    let unit_at = if words.is(at, "unicode") { at + 1 } else { at };
    if is(unit_at, "characters") || is(unit_at, "character") {
        Some((Measure::Length, unit_at + 1))
    } else if is(at, "bytes") || is(at, "byte") {
        Some((Measure::Length, at + 1))
    } else {
        None
    }
}

/// Two numbers: `A to B`, `A - B`, `A-B`, `A–B`, `[A,B]`, `[A, B]`.
/// Returns them with the index after the last word read.
fn number_pair(words: &Words, at: usize) -> Option<(Limit, Limit, usize)> {
    let first = words.get(at)?;
    if first.raw.starts_with('[') {
        return bracketed_pair(words, at);
    }
    if let Some(a) = first.number() {
        let joined = words.is(at + 1, "to") || words.is(at + 1, "-") || words.is(at + 1, "–");
        let b = words
            .get(at + 2)
            .and_then(|w| w.number())
            .filter(|_| joined)?;
        return Some((a, b, at + 3));
    }
    let (a, b) = split_dashed(first.core())?;
    Some((a, b, at + 1))
}

/// `10–19` or `3-30` written as one word.
fn split_dashed(core: &str) -> Option<(Limit, Limit)> {
    let dash = core
        .char_indices()
        .skip(1)
        .find(|&(_, c)| c == '-' || c == '–')?;
    let (a, rest) = core.split_at(dash.0);
    let b = rest.get(dash.1.len_utf8()..)?;
    Some((number(a)?, number(b)?))
}

/// `[0,5]` or `[0, 5]`, possibly followed by punctuation.
fn bracketed_pair(words: &Words, at: usize) -> Option<(Limit, Limit, usize)> {
    let mut text = String::new();
    let mut end = at;
    while let Some(word) = words.get(end).filter(|_| end < at + 3) {
        text.push_str(word.raw);
        end += 1;
        if word.raw.contains(']') {
            let inner = text.strip_prefix('[')?.split(']').next()?.to_string();
            let (a, b) = inner.split_once(',')?;
            return Some((number(a)?, number(b)?, end));
        }
    }
    None
}

/// Why a bound read at `at` must not be taken, if it must not.
fn context_veto(words: &Words, at: usize, strength: Strength) -> Option<&'static str> {
    if strength == Strength::Explicit {
        return None;
    }
    if words.get(at)?.in_parens {
        return Some("stated in parentheses, for a part of the value or a special case");
    }
    let sentence = words.sentence_start(at);
    // `Each part can contain a maximum of N characters` (a value has several
    // parts); `If the endpoint is a phone, each message can contain up to N
    // bytes` (the clause speaks of each message).
    let each = [sentence, words.clause_start(at)].into_iter().any(|i| {
        words.is(i, "each") && !words.get(i + 1).is_some_and(|w| names_the_value(w.core()))
    });
    if each {
        return Some("stated for each part of the value, not for the value");
    }
    let recommends = (sentence..at).filter_map(|i| words.get(i)).any(|w| {
        let lower = w.core().to_ascii_lowercase();
        ["recommend", "advis", "suggest"]
            .iter()
            .any(|stem| lower.starts_with(stem))
    });
    recommends.then_some("a recommendation, not a limit")
}

/// `Each value contains …` speaks of the value itself (or of each item of an array).
fn names_the_value(noun: &str) -> bool {
    ["value", "item", "element", "entry"]
        .iter()
        .any(|word| noun.eq_ignore_ascii_case(word))
}
