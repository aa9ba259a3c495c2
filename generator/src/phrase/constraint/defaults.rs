//! Defaults stated in their own words: `Default: true`, `Default value: 0`,
//! `The default value is 60`, `Its default value is ""`, `By default, this
//! parameter is set to False`, `defaults to X`. Defaults that mark a list item
//! (`SLOW: careful (default)`) are read with the list.

use super::statement::{Claim, Claimed, Statement};
use super::words::Words;

/// Adds every default stated in `words` to `found`.
pub(super) fn scan(words: &Words, claimed: &Claimed, found: &mut Vec<Statement>) {
    for at in 0..words.len() {
        if claimed.contains(at) {
            continue;
        }
        if let Some(phrase) = default_phrase(words, at) {
            if let Some(claim) = read_value(words, at, phrase) {
                let statement = Statement::new(words, at, phrase.value_at + 1, claim);
                found.push(if phrase.marker {
                    statement.marked()
                } else {
                    statement
                });
            }
        } else if words.default_gloss(at).is_some() {
            // A `(default)` that no list has claimed.
            let claim = Claim::Unreadable("marks a default, but no list says which value");
            found.push(Statement::new(words, at, at + 1, claim));
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct DefaultPhrase {
    value_at: usize,
    /// `Default: X` on a line (or at the end) of its own, where nothing but the
    /// value may follow.
    marker: bool,
}

fn default_phrase(words: &Words, at: usize) -> Option<DefaultPhrase> {
    let word = words.get(at)?;
    let phrase = |value_at, marker| Some(DefaultPhrase { value_at, marker });
    if word.is("default") && word.is_label() {
        return phrase(at + 1, true);
    }
    if word.is("default") && words.is(at + 1, "value") && words.get(at + 1)?.is_label() {
        return phrase(at + 2, true);
    }
    // `Default retention period: 3600 (one hour)`: another noun than
    // `value`, so only a number is taken.
    if word.is("default") && word.starts_sentence && !words.is(at + 1, "value") {
        let label = (at + 1..at + 3).find(|&i| words.get(i).is_some_and(|w| w.is_label()));
        if let Some(label) = label.filter(|&l| words.get(l + 1).and_then(|w| w.number()).is_some())
        {
            return phrase(label + 1, false);
        }
    }
    // `Default Value` as a heading line, the value on the next line.
    let heading = word.starts_line
        && words.is(at + 1, "value")
        && words.get(at + 2).is_some_and(|w| w.starts_line);
    if word.is("default") && heading {
        return phrase(at + 2, true);
    }
    // `the default value 0 (VPC) is used`
    if words.are(at, &["default", "value"]) && value_then_is_used(words, at + 2) {
        return phrase(at + 2, false);
    }
    // `The default offset is 0`, `the default retention period is 3600`:
    // another noun than `value`, so only a number is taken.
    // The phrase opens its clause (`The default offset is 0`, `…, and the
    // default retention period is 3600`), unlike `The ID of the default workspace is 0`.
    let opens_clause = words.precede(at, &["the"])
        && (words.clause_start(at) + 1 == at
            || words.clause_start(at) + 2 == at && words.is(at - 2, "and"));
    let other_noun = word.is("default")
        && opens_clause
        && !words.is(at + 1, "value")
        && !words.is(at + 1, "parameter");
    if let Some(is_at) = (at + 2..at + 4)
        .find(|&i| words.is(i, "is"))
        .filter(|_| other_noun)
    {
        let nouns = (at + 1..is_at).all(|i| words.get(i).is_some_and(|w| !w.ends_clause()));
        if nouns && words.get(is_at + 1).and_then(|w| w.number()).is_some() {
            return phrase(is_at + 1, false);
        }
    }
    if words.are(at, &["default", "value", "is"]) {
        return phrase(at + 3, false);
    }
    if words.are(at, &["default", "parameter", "value", "is"]) {
        return phrase(at + 4, false);
    }
    if words.are(at, &["defaults", "to"]) {
        return phrase(at + 2, false);
    }
    if words.are(at, &["by", "default"]) && word.starts_sentence {
        // `By default, this parameter is set to False.`
        let sentence_end = words.sentence_end(at);
        let set_to = (at + 2..sentence_end).find(|&i| words.are(i, &["set", "to"]))?;
        return phrase(set_to + 2, false);
    }
    None
}

/// `0 (VPC) is used` after `the default value`.
fn value_then_is_used(words: &Words, at: usize) -> bool {
    let mut next = at + 1;
    if let Some(len) = words
        .get(next)
        .filter(|w| w.raw.starts_with('('))
        .and_then(|_| (next..next + 6).find(|&i| words.get(i).is_some_and(|w| w.raw.contains(')'))))
    {
        next = len + 1;
    }
    words.are(next, &["is", "used"])
}

fn read_value(words: &Words, at: usize, phrase: DefaultPhrase) -> Option<Claim> {
    if words.get(at)?.in_parens {
        // `(the depth may be omitted, and the default value is N)`
        return Some(Claim::Unreadable(
            "stated in parentheses, for a part of the value or a special case",
        ));
    }
    if words.are(phrase.value_at, &["left", "blank"]) || words.is(phrase.value_at, "used") {
        // `The default value is left blank`: there is no default; `If it is
        // set to 0, the default value is used`: no value is named.
        return None;
    }
    if words.are(phrase.value_at, &["an", "empty", "string"]) {
        return Some(Claim::Default(String::new()));
    }
    let word = words.get(phrase.value_at)?;
    if word.core().eq_ignore_ascii_case("n/a") {
        return None;
    }
    let Some(value) = word.value() else {
        return Some(Claim::Unreadable("the default is not a value"));
    };
    if ["null", "none", "n/a"]
        .iter()
        .any(|absent| value.eq_ignore_ascii_case(absent))
    {
        // `Its default value is null`: the parameter is absent, which is no default.
        return None;
    }
    if ["empty", "blank", "unlimited", "unspecified"]
        .iter()
        .any(|word| value.eq_ignore_ascii_case(word))
    {
        // `The default value is empty`: the empty string, or nothing? The page does not say.
        return Some(Claim::Unreadable(
            "a default described in words, not a value",
        ));
    }
    let alone = words.ends_statement(phrase.value_at)
        || words
            .get(phrase.value_at + 1)
            .is_some_and(|next| next.is_label());
    if phrase.marker && !alone {
        // `Default: Assigned by the server`
        return Some(Claim::Unreadable(
            "a default described in words, not a value",
        ));
    }
    Some(Claim::Default(value))
}
