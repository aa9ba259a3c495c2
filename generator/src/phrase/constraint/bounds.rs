//! Minimums and maximums: `Minimum: 1`, `Array Length: 1 - 200`,
//! `The value ranges from 1 to 300`, `1 to 64 characters`,
//! `a maximum of 255 characters`, `The maximum value is 1000`.

use super::statement::{Claim, Claimed, Measure, Side, Statement, Strength};
use super::words::{number, Words};
use super::Limit;

/// Adds every bound stated in `words` to `found`.
pub(super) fn scan(words: &Words, claimed: &Claimed, found: &mut Vec<Statement>) {
    for at in 0..words.len() {
        if claimed.contains(at) {
            continue;
        }
        let Some(reading) = read(words, at) else {
            continue;
        };
        if let Some(reason) = context_veto(words, at, reading.strength) {
            found.push(Statement::new(
                words,
                at,
                reading.end,
                Claim::Unreadable(reason),
            ));
            continue;
        }
        for (side, limit) in [(Side::Min, reading.min), (Side::Max, reading.max)] {
            if let Some(limit) = limit {
                let claim = Claim::Bound {
                    side,
                    limit,
                    measure: reading.measure,
                    strength: reading.strength,
                };
                found.push(Statement::new(words, at, reading.end, claim));
            }
        }
        if let Some(reason) = reading.unreadable {
            found.push(Statement::new(
                words,
                at,
                reading.end,
                Claim::Unreadable(reason),
            ));
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
    /// Set when the words look like bounds but are not one readable range.
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

    fn range(measure: Measure, strength: Strength, (min, max, end): (Limit, Limit, usize)) -> Self {
        Reading {
            min: Some(min),
            max: Some(max),
            ..Reading::new(measure, strength, end)
        }
    }

    fn at_most(measure: Measure, max: Limit, end: usize) -> Self {
        Reading {
            max: Some(max),
            ..Reading::new(measure, Strength::Weak, end)
        }
    }
}

fn read(words: &Words, at: usize) -> Option<Reading> {
    minimum_or_maximum_marker(words, at)
        .or_else(|| array_length_marker(words, at))
        .or_else(|| value_range(words, at))
        .or_else(|| length_range(words, at))
        .or_else(|| at_most(words, at))
        .or_else(|| extreme_value(words, at))
}

/// `Minimum: 0`, `Maximum: 255`, `Minimum length: 1 characters`.
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
    let mut reading = Reading::new(measure, Strength::Explicit, number_at + 1);
    match side {
        Side::Min => reading.min = Some(limit),
        Side::Max => reading.max = Some(limit),
    }
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

/// `Array Length: 1 - 200`.
fn array_length_marker(words: &Words, at: usize) -> Option<Reading> {
    let marker =
        words.is(at, "array") && words.is(at + 1, "length") && words.get(at + 1)?.is_label();
    let pair = number_pair(words, at + 2).filter(|_| marker)?;
    Some(Reading::range(Measure::ItemCount, Strength::Explicit, pair))
}

/// `ranges from A to B`, `The value range is [A,B]`, `Range: A to B`,
/// `in the range of A–B`.
fn value_range(words: &Words, at: usize) -> Option<Reading> {
    let word = words.get(at)?;
    let pair_at = if words.are(at, &["ranges", "from"]) || words.are(at, &["range", "from"]) {
        at + 2
    } else if words.are(at, &["range", "is"]) {
        at + 2
    } else if word.is("range") && (word.is_label() || word.starts_sentence) {
        at + 1
    } else if words.are(at, &["in", "the", "range", "of"]) {
        at + 4
    } else {
        return None;
    };
    let pair = number_pair(words, pair_at)?;
    if characters_after(words, pair.2).is_some() {
        // `ranges from 1 to 64 characters` is a length: `length_range` reads it.
        return None;
    }
    let mut reading = Reading::range(Measure::Value, Strength::Range, pair);
    if number_pair(words, skip_separator(words, pair.2)).is_some() {
        // `in the range of 200–299, 400–499, or 500–599`: several ranges, not one.
        reading.min = None;
        reading.max = None;
        reading.unreadable = Some("several ranges: not one minimum and maximum");
    }
    Some(reading)
}

fn skip_separator(words: &Words, at: usize) -> usize {
    if words.is(at, "or") || words.is(at, "and") {
        at + 1
    } else {
        at
    }
}

/// `1 to 64 characters`, `0 to 1,024 characters`.
fn length_range(words: &Words, at: usize) -> Option<Reading> {
    let (min, max, unit_at) = number_pair(words, at)?;
    let end = characters_after(words, unit_at)?;
    Some(Reading::range(
        Measure::Length,
        Strength::Range,
        (min, max, end),
    ))
}

/// `a maximum of N characters`, `A maximum of 12 NICs`, `up to 10 tags`, `at most N bytes`.
fn at_most(words: &Words, at: usize) -> Option<Reading> {
    let number_at = if words.are(at, &["a", "maximum", "of"]) {
        at + 3
    } else if words.are(at, &["up", "to"]) || words.are(at, &["at", "most"]) {
        at + 2
    } else {
        return None;
    };
    let limit = words.get(number_at)?.number()?;
    let unit_at = number_at + 1;
    if let Some(end) = characters_after(words, unit_at) {
        return Some(Reading::at_most(Measure::Length, limit, end));
    }
    // `A maximum of 12 NICs`: a number of things, unless nothing follows the number.
    words
        .get(unit_at)
        .filter(|unit| unit.value().is_some())
        .map(|_| Reading::at_most(Measure::Count, limit, unit_at + 1))
}

/// `The maximum value is N`, `The minimum value is N`.
fn extreme_value(words: &Words, at: usize) -> Option<Reading> {
    let side = side_named(words.get(at)?.core())?;
    if !words.are(at + 1, &["value", "is"]) {
        return None;
    }
    let number_at = at + 3;
    let limit = words.get(number_at)?.number()?;
    let mut reading = Reading::new(Measure::Value, Strength::Weak, number_at + 1);
    match side {
        Side::Min => reading.min = Some(limit),
        Side::Max => reading.max = Some(limit),
    }
    Some(reading)
}

/// After `characters` or `Unicode characters` at `at`: the index after them.
fn characters_after(words: &Words, at: usize) -> Option<usize> {
    let unit_at = if words.is(at, "unicode") { at + 1 } else { at };
    (words.is(unit_at, "characters") || words.is(unit_at, "character")).then_some(unit_at + 1)
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

/// `200–299` or `1-64` written as one word.
fn split_dashed(core: &str) -> Option<(Limit, Limit)> {
    let dash = core
        .char_indices()
        .skip(1)
        .find(|&(_, c)| c == '-' || c == '–')?;
    let (a, rest) = core.split_at(dash.0);
    let b = rest.get(dash.1.len_utf8()..)?;
    Some((number(a)?, number(b)?))
}

/// `[0,1]` or `[0, 1]`, possibly followed by punctuation.
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
    if words.is(sentence, "each")
        && !words
            .get(sentence + 1)
            .is_some_and(|w| names_the_value(w.core()))
    {
        // `Each label can contain a maximum of 63 characters` (a domain name has several).
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
