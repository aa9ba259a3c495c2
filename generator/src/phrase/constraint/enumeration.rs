//! Enumerations: the values a description allows, and the default it marks among them.
//!
//! Three shapes of list are read:
//!
//! * after a lead-in that ends with a colon (`Options:`, `The value can be one
//!   of the following:`, `The options are as follows:`): `VALUE: meaning`
//!   items, a comma list (`RED, GREEN, and BLUE`) or bare values separated
//!   by spaces (`m-1 m-2 m-3`);
//! * inside a sentence: `The value can be X, Y, or Z.`, `which can be X or
//!   Y`, `can be set to X (…), Y (…), or Z`, `The value can only be X`, `The
//!   value is X or Y.`, `Set it to X.`, `Only X is supported.`, `X, Y, and Z
//!   are supported.`;
//! * `VALUE: meaning` items without a lead-in, at least two of them.
//!
//! A list item may mark the default: `SLOW: careful (default)`,
//! `true (default): …`, `1: Default value. …`, `False: … This is the default value.`

use super::statement::{Claim, Claimed, Statement};
use super::words::{self, is_placeholder, Word, Words};

/// Adds every enumeration stated in `words` to `found`, with the defaults its
/// items mark, and claims the words that make up the lists' labels and notes.
pub(super) fn scan(words: &Words, claimed: &mut Claimed, found: &mut Vec<Statement>) {
    for at in 0..words.len() {
        if claimed.contains(at) {
            continue;
        }
        let (read, label) = if let Some(start) = colon_lead_in(words, at) {
            // `Options:`, `Value options:`, `Enumeration values:`: a label of
            // its own, no sentence around it.
            let label = words.sentence_start(at) + 1 >= at
                && (words.is(at, "options") || words.is(at, "values"));
            (Some(list_after_colon(words, start)), label)
        } else if in_a_labelled_item(words, at) {
            // `- diskType: disk type. Only evs and ssd are supported.`: the
            // values of the part the item names.
            (None, false)
        } else {
            (
                inline_lead_in(words, at).map(|lead_in| lead_in.read(words)),
                false,
            )
        };
        if let Some(read) = read {
            let bare_values = read.as_ref().is_ok_and(|list| {
                list.claims.is_empty() && list.items.iter().all(|i| i.default_at.is_none())
            });
            let start = found.len();
            record(words, at, read, claimed, found);
            if label && bare_values {
                // Nothing but a label and the values: the list in marker form.
                for statement in &mut found[start..] {
                    statement.marker = true;
                }
            }
        }
    }
    // Lists without a lead-in come last, so that they do not take the items
    // of a list that has one.
    for at in 0..words.len() {
        if !claimed.contains(at) && starts_unintroduced_list(words, at) {
            let read = labelled_items(words, at, Introduced::No);
            record(words, at, read, claimed, found);
        }
    }
}

/// Whether `at` stands in a bulleted item that the name of a part opens
/// (`- diskType: …`, `- userLV (optional): …`), after the name. An item
/// opened by a case in words (`- Dedicated load balancers: The value can
/// be …`) speaks of the value.
fn in_a_labelled_item(words: &Words, at: usize) -> bool {
    let Some(bullet) = (0..at)
        .rev()
        .find(|&i| words.get(i).is_some_and(|w| w.starts_line || w.is_bullet()))
        .filter(|&i| words.get(i).is_some_and(Word::is_bullet))
    else {
        return false;
    };
    let name = bullet + 1;
    let label = if words.get(name + 1).is_some_and(|w| w.raw.starts_with('(')) {
        (name + 1..(name + 4).min(at)).find(|&i| words.get(i).is_some_and(|w| w.raw.contains(')')))
    } else {
        Some(name)
    };
    label.is_some_and(|l| l < at && words.get(l).is_some_and(Word::is_label))
}

/// Whether a lead-in announced the list: without one, a single `VALUE:` is
/// no list, and a list needs two regular items before it is worth a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Introduced {
    Yes,
    No,
}

/// The values of a list, with the words it claims.
#[derive(Debug)]
struct List {
    items: Vec<Item>,
    /// Index after the last word of the list.
    end: usize,
    /// Labels and `(default)` notes: words no other matcher should read.
    claims: Vec<(usize, usize)>,
}

#[derive(Debug)]
struct Item {
    value: String,
    /// Where the item is marked as the default, if it is.
    default_at: Option<usize>,
    /// What the brackets after the value say (`(only in public zones)`).
    note: Option<String>,
}

#[derive(Debug)]
enum Failure {
    /// The words after the lead-in are prose, not a list: nothing to report.
    NotAList,
    /// The words look like a list that cannot be read with confidence.
    Unreadable(&'static str),
}

/// Adds what reading a list gave: its values and the defaults its items
/// mark, or a finding when it looked like a list but could not be read.
fn record(
    words: &Words,
    lead_in: usize,
    read: Result<List, Failure>,
    claimed: &mut Claimed,
    found: &mut Vec<Statement>,
) {
    let read = read.and_then(|list| {
        let repeated = list.items.iter().enumerate().any(|(i, item)| {
            list.items[..i]
                .iter()
                .any(|other| other.value == item.value)
        });
        if gives_an_example(words, lead_in) || repeated {
            // A value twice (`Formula: … Formula: …`) is no list of values.
            // `For example, the value can be …`: examples, not the values allowed.
            Err(Failure::NotAList)
        } else {
            Ok(list)
        }
    });
    let list = match read {
        Ok(list) => list,
        Err(Failure::NotAList) => return,
        Err(Failure::Unreadable(reason)) => {
            let (from, to) = (words.sentence_start(lead_in), words.sentence_end(lead_in));
            found.push(Statement::new(words, from, to, Claim::Unreadable(reason)));
            return;
        }
    };
    for &(from, to) in &list.claims {
        claimed.claim(from, to);
    }
    let values = list.items.iter().map(|item| item.value.clone()).collect();
    let notes = list
        .items
        .iter()
        .filter_map(|item| Some((item.value.clone(), item.note.clone()?)))
        .collect();
    let conditional = is_conditional(words, lead_in);
    found.push(Statement::new(
        words,
        words.sentence_start(lead_in),
        list.end,
        Claim::Values {
            values,
            conditional,
            notes,
        },
    ));
    for item in &list.items {
        if let Some(note) = item.default_at {
            let claim = Claim::Default(item.value.clone());
            found.push(Statement::new(words, note, note + 1, claim));
        }
    }
}

/// `For example, …`, `… such as`, `e.g.`: the sentence up to `at` gives examples.
fn gives_an_example(words: &Words, at: usize) -> bool {
    (words.sentence_start(at)..at).any(|i| {
        words.are(i, &["for", "example"])
            || words.are(i, &["such", "as"])
            || words.are(i, &["for", "instance"])
            || words.are(i, &["example", "value"])
            || words
                .get(i)
                .is_some_and(|w| w.core().eq_ignore_ascii_case("e.g"))
    })
}

/// `If mode is FAST, the value can be …`, `For small plans, if …`:
/// a list that holds in one case only.
pub(super) fn is_conditional(words: &Words, at: usize) -> bool {
    let sentence = words.sentence_start(at);
    let mut before = sentence..at;
    let has_condition = before.clone().any(|i| {
        ["if", "when", "unless", "otherwise"]
            .iter()
            .any(|word| words.is(i, word))
    });
    let for_case = words.is(sentence, "for")
        && before.any(|i| words.get(i).is_some_and(|w| w.raw.ends_with(',')));
    has_condition || for_case
}

// ---------------------------------------------------------------------------
// Lists after a colon

/// `Options:`, `Value options:`, `Possible values:`, `Enumeration values:`,
/// `Valid values are:`, `… one of the following:`, `The options are as
/// follows:`, `The value can be:`. Returns where the list starts.
fn colon_lead_in(words: &Words, at: usize) -> Option<usize> {
    let word = words.get(at)?;
    if !word.is_label() {
        return None;
    }
    let after = |phrase: &[&str]| words.precede(at, phrase);
    let qualified_values = ["possible", "enumeration", "valid", "allowed", "supported"]
        .iter()
        .any(|qualifier| after(&[qualifier]));
    // `Values:` alone, as the label of a line or a sentence.
    let values_alone = word.is("values") && words.sentence_start(at) == at;
    // `The following protocols are supported:`
    let following_supported = word.is("supported")
        && (after(&["are"]) || after(&["is"]))
        && (words.sentence_start(at)..at).any(|i| words.is(i, "following"));
    let introduces = word.is("options")
        || word.is("values") && (qualified_values || values_alone)
        || word.is("are") && (after(&["options"]) || after(&["values"]))
        || word.is("enumerated") && after(&["values", "are"])
        || following_supported
        || word.is("following") && after(&["one", "of", "the"])
        || word.is("follows")
            && (after(&["options", "are", "as"]) || after(&["values", "are", "as"]))
        || word.is("be") && after(&["can"]);
    introduces.then_some(at + 1)
}

fn list_after_colon(words: &Words, start: usize) -> Result<List, Failure> {
    if let Some(list) = bulleted_values(words, start) {
        return Ok(list);
    }
    let start = words.skip_bullets(start);
    // `Possible values:` ⏎ `Default: application/json`: a marker line of its
    // own, no item (`Default: the usual layout Compact: …` is one).
    let marker_line = words.get(start).is_some_and(|w| w.starts_line)
        && words.ends_statement(start + 1)
        && !words.get(start + 2).is_some_and(|w| w.is_label());
    if is_heading(words, start) && marker_line {
        return Err(Failure::NotAList);
    }
    if label_at(words, start).is_some() {
        return labelled_items(words, start, Introduced::Yes);
    }
    match inline_list(words, start, Ending::Anywhere) {
        Ok(list) if list.items.len() >= 2 => Ok(list),
        _ => values_separated_by_spaces(words, start),
    }
}

/// `m-1 m-2 m-3` (the copied form of a bulleted list), up to the
/// end of the text, the next `Label:` or the next paragraph.
fn values_separated_by_spaces(words: &Words, start: usize) -> Result<List, Failure> {
    let mut items = Vec::new();
    let mut at = start;
    if words.get(start).is_some_and(|w| w.starts_line) {
        // A line of its own after the lead-in, not a bulleted one: a phrase
        // (`Options:` ⏎ `Cluster IDs`), not values glued by copying.
        return Err(Failure::NotAList);
    }
    loop {
        at = words.skip_bullets(at);
        let Some(word) = words.get(at) else { break };
        let after_bullet = at
            .checked_sub(1)
            .and_then(|before| words.get(before))
            .is_some_and(Word::is_bullet);
        let new_paragraph = word.starts_line && !after_bullet;
        if word.is_label() || (new_paragraph && at > start) {
            break;
        }
        match word.value().filter(|_| !word.raw.ends_with(',')) {
            Some(value) => items.push(Item {
                value,
                default_at: None,
                note: None,
            }),
            None if items.is_empty() => {
                return Err(Failure::Unreadable("a list that could not be read"))
            }
            // Prose after the values, in the same paragraph: where the list ends is a guess.
            None => {
                return Err(Failure::Unreadable(
                    "a list of values followed by text that may belong to it",
                ))
            }
        }
        at += 1;
        if word.ends_sentence() {
            break;
        }
    }
    if items.is_empty() {
        return Err(Failure::Unreadable("a list lead-in without values"));
    }
    Ok(List {
        items,
        end: at,
        claims: Vec::new(),
    })
}

// ---------------------------------------------------------------------------
// Bulleted values

/// A bulleted list after a lead-in, each item a value and what follows it:
/// `- AES_256`, `- DIGEST (message digest)`, `- READY: meaning`, `- kms
/// indicates that …`, `- true or block (…)`, `- http and https: …`. `None`
/// when the text after the lead-in is not bulleted, or when one item does not
/// start with a value read that way (the other readers try then).
fn bulleted_values(words: &Words, start: usize) -> Option<List> {
    let mut items = Vec::new();
    let mut claims = Vec::new();
    let mut bullet = start;
    while words.get(bullet).is_some_and(Word::is_bullet) {
        let first = words.skip_bullets(bullet);
        // The item runs to the next bullet or line; a line that is not
        // bulleted ends the list.
        let end = (first + 1..words.len())
            .find(|&i| words.get(i).is_some_and(|w| w.is_bullet() || w.starts_line))
            .unwrap_or(words.len());
        let (mut read, mut next) = bulleted_value(words, first, end)?;
        let labelled = words.get(next - 1).is_some_and(Word::is_label);
        if !labelled && (words.is(next, "or") || words.is(next, "and")) {
            // `- true or block (…)`: both are values.
            let (second, after) = bulleted_value(words, next + 1, end)?;
            read.push(second.into_iter().next()?);
            next = after;
        }
        let explained = next >= end
            || words.get(next - 1).is_some_and(Word::is_label)
            || ["indicates", "indicating", "means", "specifies"]
                .iter()
                .any(|verb| words.is(next, verb));
        if !explained {
            return None;
        }
        let labelled = words.get(next - 1).is_some_and(Word::is_label);
        for mut item in read {
            if labelled || item.note.is_some() {
                // `Default: …` as a label, or a gloss: words no other matcher reads.
                claims.push((first, next.min(end)));
            }
            if item.default_at.is_none() {
                item.default_at = (next..end).find(|&i| default_note(words, i, next).is_some());
            }
            if let Some(at) = item.default_at {
                claims.push((at, at + default_note(words, at, next).unwrap_or(1)));
            }
            items.push(item);
        }
        bullet = end;
        if words
            .get(end)
            .is_some_and(|w| w.starts_line && !w.is_bullet())
        {
            break;
        }
    }
    (!items.is_empty()).then_some(List {
        items,
        end: bullet,
        claims,
    })
}

/// The value at `at` of a bulleted item that ends at `end`, with its note
/// or `(default)` gloss, and the index after them.
fn bulleted_value(words: &Words, at: usize, end: usize) -> Option<(Vec<Item>, usize)> {
    if at >= end {
        return None;
    }
    // A word alone in its item is a value even where prose has the word (`- any`).
    let alone = || {
        let value = words::wire_value_in_prose(words.get(at)?.core())?;
        Some((value, None, at + 1)).filter(|_| at + 1 == end)
    };
    let (value, note, next) = value_with_note(words, at).or_else(alone)?;
    let mut item = Item {
        value,
        default_at: None,
        note,
    };
    let mut next = next.min(end);
    if item.note.is_none() {
        if let Some(len) = words.default_gloss(next) {
            item.default_at = Some(next);
            next += len;
        }
    }
    Some((vec![item], next))
}

/// A value and what the brackets after it say: `NS (only in public zones)`,
/// `SATA(End-of-sale)`, `v1 (deprecated)`. Returns the value, the note and
/// the index after them. A `(default)` gloss is no note: it is left for the
/// readers of defaults.
fn value_with_note(words: &Words, at: usize) -> Option<(String, Option<String>, usize)> {
    const LONGEST_NOTE: usize = 12;
    let word = words.get(at)?;
    if word.in_parens {
        return None;
    }
    let closing = |from: usize| {
        (from..from + LONGEST_NOTE).find(|&i| words.get(i).is_some_and(|w| w.raw.contains(')')))
    };
    let note_of = |from: usize, to: usize, first: &str| {
        let mut text = first.to_owned();
        for i in from..=to {
            let raw = words.get(i).map_or("", |w| w.raw);
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(raw);
        }
        let text = text.trim_start_matches('(');
        let inner = text.split(')').next().unwrap_or_default().trim();
        (!inner.is_empty()).then(|| inner.to_owned())
    };
    if let Some(value) = word.value() {
        let opens = words.get(at + 1).is_some_and(|w| w.raw.starts_with('('));
        if word.ends_clause() || !opens || words.default_gloss(at + 1).is_some() {
            return Some((value, None, at + 1));
        }
        let close = closing(at + 1)?;
        return Some((value, note_of(at + 1, close, ""), close + 1));
    }
    // `SATA(End-of-sale)`, `SATA(End of sale)`: the note glued to the value.
    let (value, rest) = word.raw.split_once('(')?;
    let value = words::wire_value(value.trim_end_matches(TRAILING))?;
    let close = if rest.contains(')') {
        at
    } else {
        closing(at + 1)?
    };
    let note = note_of(at + 1, close, rest);
    Some((value, note, close + 1))
}

const TRAILING: &[char] = &['.', ',', ';', ':'];

// ---------------------------------------------------------------------------
// `VALUE: meaning` items

/// A list item's label: `READY:`, `true (default):`, `- 0:`.
struct Label {
    value: String,
    /// Index of the first word of the meaning.
    next: usize,
    /// `(default)` written between the value and the colon.
    default: bool,
}

fn label_at(words: &Words, at: usize) -> Option<Label> {
    let word = words.get(at)?;
    let after_for = at
        .checked_sub(1)
        .is_some_and(|before| words.is(before, "for"));
    let quoted = word.raw.starts_with(['"', '\'', '“']);
    if word.in_parens || after_for || quoted {
        // `(see Note: …)`, `For example: …`, `"items": [ … ]` (a JSON example)
        return None;
    }
    let value = word.value()?;
    if word.is_label() {
        return Some(Label {
            value,
            next: at + 1,
            default: false,
        });
    }
    // `true (default): …`
    let gloss = words.default_gloss(at + 1)?;
    let closes_label = words.get(at + gloss).is_some_and(Word::is_label);
    closes_label.then_some(Label {
        value,
        next: at + 1 + gloss,
        default: true,
    })
}

/// Labels that are headings of prose or markers of other constraints, never
/// list values: `Note:`, `Example:`, `Minimum:`, `Default:`, `Value requirements:`.
const HEADINGS: &[&str] = &[
    "note",
    "notice",
    "caution",
    "warning",
    "important",
    "tip",
    "example",
    "examples",
    "minimum",
    "maximum",
    "default",
    "length",
    "range",
    "constraint",
    "constraints",
    "requirement",
    "requirements",
    "format",
    "key",
    "value",
    "values",
    "description",
    "remarks",
    "options",
];

/// Whether the word at `at` starts a heading (see [`HEADINGS`]). `For
/// example:` inside an item's meaning is no heading.
fn is_heading(words: &Words, at: usize) -> bool {
    let heading = |word: &Word| word.is_label() && HEADINGS.iter().any(|h| word.is(h));
    let after_for = |at: usize| {
        at.checked_sub(1)
            .is_some_and(|before| words.is(before, "for"))
    };
    let one_word = words.get(at).is_some_and(heading) && !after_for(at);
    // `Default value:`, `Value requirements:`
    let two_words = words.get(at).is_some_and(|w| !w.is_label() && !w.is("for"))
        && words.get(at + 1).is_some_and(heading);
    one_word || two_words
}

/// Reads `VALUE: meaning` items from `start`, where the first label is.
fn labelled_items(words: &Words, start: usize, introduced: Introduced) -> Result<List, Failure> {
    let mut items = Vec::new();
    let mut claims = Vec::new();
    let mut label_start = start;
    let mut label = label_at(words, start).ok_or(Failure::NotAList)?;
    if introduced == Introduced::No && !stands_alone(words, start, &label.value) {
        return Err(Failure::NotAList);
    }
    let bulleted = is_after_bullet(words, start);
    loop {
        claims.push((label_start, label.next));
        let mut item = Item {
            value: label.value,
            default_at: label.default.then_some(label_start),
            note: None,
        };
        let meaning = label.next;
        let mut end = meaning;
        let mut next_label = None;
        while end < words.len() {
            if is_heading(words, end) {
                break;
            }
            let paragraph = words
                .get(end)
                .is_some_and(|w| w.starts_line && !w.is_bullet() && !is_after_bullet(words, end));
            if bulleted && paragraph {
                // A line that is not bulleted ends a bulleted list.
                break;
            }
            if let Some(found) = label_at(words, end) {
                next_label = Some(found);
                break;
            }
            if let Some(len) = default_note(words, end, meaning) {
                item.default_at.get_or_insert(end);
                claims.push((end, end + len));
                end += len;
                continue;
            }
            end += 1;
        }
        items.push(item);
        let too_short = introduced == Introduced::No && items.len() < 2;
        let Some(found) = next_label else {
            let format_parts =
                introduced == Introduced::No && name_parts_of_a_format(words, &items);
            return if too_short || format_parts {
                Err(Failure::NotAList)
            } else {
                Ok(List { items, end, claims })
            };
        };
        if !follows_a_meaning(words, meaning, end) {
            return Err(if too_short {
                Failure::NotAList
            } else {
                Failure::Unreadable("a list item whose value is several words")
            });
        }
        label_start = end;
        label = found;
    }
}

/// `vX.Y[.Z]` … `- X: major version - Y: minor version`: the labels stand
/// for parts of a format the cell writes, each inside another word.
fn name_parts_of_a_format(words: &Words, items: &[Item]) -> bool {
    // `X` in `vX.Y`, `N` in `-rN]`: the value ends a run of letters that
    // starts in lower case, or stands between punctuation.
    let inside_a_word = |value: &str| {
        (0..words.len()).filter_map(|i| words.get(i)).any(|w| {
            let core = w.core();
            core != value
                && core.match_indices(value).any(|(at, _)| {
                    let before = core[..at].chars().next_back();
                    let after = core[at + value.len()..].chars().next();
                    !before.is_some_and(|c| c.is_ascii_uppercase())
                        && !after.is_some_and(char::is_alphanumeric)
                })
        })
    };
    items.iter().all(|item| inside_a_word(&item.value))
}

fn is_after_bullet(words: &Words, at: usize) -> bool {
    at.checked_sub(1)
        .and_then(|before| words.get(before))
        .is_some_and(Word::is_bullet)
}

/// Whether `VALUE: meaning` items at `start`, without a lead-in, can be a
/// list of values. They cannot:
/// * after a colon that no values lead-in ends (`The fields are described
///   as follows:`): the lead-in says what they are;
/// * after a bulleted item whose label is several words (`- Key ID: … -
///   Alias: … - URN: …`): the labels name kinds of value, each a format;
/// * when a label is a key of a JSON example in the cell (`"skip_lint":`).
fn stands_alone(words: &Words, start: usize, first_value: &str) -> bool {
    // The bulleted items before this one, up to the first of their run:
    // the list is theirs too.
    let mut first_item = start;
    let mut earlier_items = Vec::new();
    while is_after_bullet(words, first_item) {
        let bullet = first_item - 1;
        let previous = (0..bullet)
            .rev()
            .find(|&i| words.get(i).is_some_and(|w| w.starts_line || w.is_bullet()))
            .filter(|&i| words.get(i).is_some_and(Word::is_bullet));
        match previous {
            Some(previous) => {
                first_item = previous + 1;
                earlier_items.push(first_item);
            }
            None => break,
        }
    }
    let before = (0..first_item)
        .rev()
        .find(|&i| words.get(i).is_some_and(|w| !w.is_bullet()));
    if before.is_some_and(|i| words.get(i).is_some_and(Word::is_label)) {
        return false;
    }
    let several_words = |first: usize| {
        !words.get(first).is_some_and(Word::is_label)
            && (first + 1..first + 4).any(|i| words.get(i).is_some_and(Word::is_label))
    };
    if earlier_items.into_iter().any(several_words) {
        return false;
    }
    let key = format!("\"{first_value}\":");
    !(0..words.len()).any(|i| words.get(i).is_some_and(|w| w.raw.contains(&key)))
}

/// Whether the label at `at` can start a new item after the meaning that
/// starts at `meaning`. `smallest first DOWN:` can (one fragment, no
/// sentence ends before the label); in `… It rests. Not set: …` the label is
/// `Not set`, two words.
fn follows_a_meaning(words: &Words, meaning: usize, at: usize) -> bool {
    let Some(label) = words.get(at) else {
        return false;
    };
    if label.starts_sentence {
        return true;
    }
    let sentence = words.sentence_start(at);
    sentence <= meaning || (sentence..at).all(|i| words.get(i).is_some_and(|w| w.in_parens))
}

/// `(default)`, `(default value)`, `(Default value)`, a meaning that starts
/// with `Default value`, or `This is the default value`: marks the item the
/// words stand in. Returns the number of words.
fn default_note(words: &Words, at: usize, meaning: usize) -> Option<usize> {
    if let Some(len) = words.default_gloss(at) {
        Some(len)
    } else if at == meaning && words.are(at, &["default", "value"]) {
        Some(2)
    } else if words.are(at, &["this", "is", "the", "default", "value"]) {
        Some(5)
    } else {
        None
    }
}

/// A `VALUE: meaning` item at the start of a sentence, with no lead-in before it.
fn starts_unintroduced_list(words: &Words, at: usize) -> bool {
    // On a bulleted line, an item's label opens the item (`- READY: …`),
    // not a later sentence of it (`- The low threshold. Formula: …`).
    let line = (0..=at)
        .rev()
        .find(|&i| words.get(i).is_some_and(|w| w.starts_line));
    let in_an_item = line.is_some_and(|l| words.get(l).is_some_and(Word::is_bullet));
    words.get(at).is_some_and(|w| w.starts_sentence)
        && (is_after_bullet(words, at) || !in_an_item)
        && !is_heading(words, at)
        && label_at(words, at).is_some()
}

// ---------------------------------------------------------------------------
// Lists inside a sentence

/// What must follow the last item of an inline list.
#[derive(Debug, Clone, Copy)]
enum Ending {
    /// The end of a clause, a sentence, a line or the text.
    Punctuation,
    /// `is supported` / `are supported`.
    Supported,
    /// Anything: the lead-in ended with a colon, the list is what follows.
    Anywhere,
    /// One value, then the end of a clause or `and` (`fixed at v3 and cannot be changed`).
    OneValue,
}

/// A phrase that introduces values inside a sentence.
struct InlineLeadIn {
    list_start: usize,
    ending: Ending,
    single_value: SingleValue,
    /// Whether a list that cannot be read is worth a finding (it is after
    /// `can be`, which always speaks of values, but not after `The value is`,
    /// which is as often followed by prose).
    report_unreadable: bool,
}

/// Whether one value makes an enumeration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SingleValue {
    /// `The value can be X` names one possibility among others.
    NotEnough,
    /// `can only be X`, `can be set to X`, `Set it to X`, `Only X is supported`.
    Enough,
    /// `The value is X`: only when X looks like a value on the wire
    /// (`The value is fast` could as well be `The value is unique`).
    EnoughIfCodeLike,
    /// `The value can be ntp.`: one value that the sentence ends with, and
    /// that is no word of prose (`can be changed.`, `can be empty.`).
    EnoughIfAlone,
}

impl InlineLeadIn {
    /// A lead-in after which a list needs two values, and a list that
    /// cannot be read is not reported.
    fn new(list_start: usize, ending: Ending) -> Self {
        InlineLeadIn {
            list_start,
            ending,
            single_value: SingleValue::NotEnough,
            report_unreadable: false,
        }
    }

    fn single_value(self, single_value: SingleValue) -> Self {
        InlineLeadIn {
            single_value,
            ..self
        }
    }

    fn report_unreadable(self) -> Self {
        InlineLeadIn {
            report_unreadable: true,
            ..self
        }
    }

    fn read(&self, words: &Words) -> Result<List, Failure> {
        let list = match inline_list(words, self.list_start, self.ending) {
            Err(Failure::Unreadable(_)) if !self.report_unreadable => {
                return Err(Failure::NotAList)
            }
            other => other?,
        };
        let enough = match (list.items.as_slice(), self.single_value) {
            ([_, _, ..], _) | ([_], SingleValue::Enough) => true,
            ([only], SingleValue::EnoughIfCodeLike) => looks_like_code(&only.value),
            ([only], SingleValue::EnoughIfAlone) => {
                let ends_sentence = words.get(list.end - 1).is_some_and(Word::ends_sentence);
                ends_sentence && (looks_like_code(&only.value) || !is_state_word(&only.value))
            }
            _ => false,
        };
        // `Only letters, digits, and hyphens are supported` lists kinds of characters.
        let character_classes = list.items.iter().any(|item| names_characters(&item.value));
        if enough && !character_classes {
            Ok(list)
        } else {
            Err(Failure::NotAList)
        }
    }
}

/// Words that say what state the value may be in, not which value it is:
/// `can be empty.`, `can be changed.`, `can be omitted.`
fn is_state_word(value: &str) -> bool {
    const STATES: &[&str] = &[
        "empty",
        "blank",
        "null",
        "none",
        "unique",
        "anything",
        "all",
        "any",
        "same",
        "different",
        "unlimited",
        "duplicated",
        "repeated",
    ];
    let lower = value.to_ascii_lowercase();
    lower.ends_with("ed") || lower.ends_with("ble") || STATES.contains(&lower.as_str())
}

/// `READY`, `v2`, `m-1`, `image/png`, `${name}`: not an English word.
fn looks_like_code(value: &str) -> bool {
    value
        .chars()
        .any(|c| c.is_uppercase() || c.is_ascii_digit() || "_./$".contains(c))
}

/// Words for kinds of characters, as in `letters, digits, and hyphens`.
fn names_characters(value: &str) -> bool {
    const CHARACTER_CLASSES: &[&str] = &[
        "letters",
        "digits",
        "numbers",
        "hyphens",
        "underscores",
        "periods",
        "dots",
        "spaces",
        "characters",
        "symbols",
        "asterisks",
        "slashes",
        "commas",
        "colons",
    ];
    CHARACTER_CLASSES
        .iter()
        .any(|class| value.eq_ignore_ascii_case(class))
}

fn inline_lead_in(words: &Words, at: usize) -> Option<InlineLeadIn> {
    let word = words.get(at)?;
    if word.is("can") && speaks_of_the_value(words, at) {
        // `can be`, `can only be`, `can be set to`, `can only be set to`
        let only = words.is(at + 1, "only");
        let be = at + 1 + usize::from(only);
        if !words.is(be, "be") || words.get(be)?.is_label() {
            return None;
        }
        let set_to = words.are(be + 1, &["set", "to"]);
        let start = be + 1 + if set_to { 2 } else { 0 };
        let single_value = if only || set_to {
            SingleValue::Enough
        } else if words.precede(at, &["value"]) {
            SingleValue::EnoughIfAlone
        } else {
            SingleValue::NotEnough
        };
        let lead_in = InlineLeadIn::new(start, Ending::Punctuation).single_value(single_value);
        return Some(lead_in.report_unreadable());
    }
    let fixed = words.are(at, &["fixed", "at"]) || words.are(at, &["fixed", "to"]);
    let lead_in = if fixed && (words.precede(at, &["is"]) || words.precede(at, &["are"])) {
        // `The value is fixed at v3 and cannot be changed.`
        InlineLeadIn::new(at + 2, Ending::OneValue).single_value(SingleValue::Enough)
    } else if words.are(at, &["the", "value", "is"]) && words.clause_start(at) == at {
        InlineLeadIn::new(at + 3, Ending::Punctuation).single_value(SingleValue::EnoughIfCodeLike)
    } else if words.are(at, &["set", "it", "to"]) && word.starts_sentence {
        InlineLeadIn::new(at + 3, Ending::Punctuation).single_value(SingleValue::Enough)
    } else if words.are(at, &["possible", "values", "are"]) {
        InlineLeadIn::new(at + 3, Ending::Punctuation).report_unreadable()
    } else if word.is("only") {
        // `Only X is supported`, `only the value X is supported`
        let value_named = words.are(at + 1, &["the", "value"]);
        let start = at + 1 + if value_named { 2 } else { 0 };
        InlineLeadIn::new(start, Ending::Supported).single_value(SingleValue::Enough)
    } else if word.starts_sentence {
        // `X, Y, and Z are supported.`
        InlineLeadIn::new(at, Ending::Supported)
    } else {
        return None;
    };
    Some(lead_in)
}

/// Whether the subject of `can` at `at` is the described value: `The value
/// can be`, `this parameter can be`, `which can be`, `The color can be`.
fn speaks_of_the_value(words: &Words, at: usize) -> bool {
    let Some(before) = at.checked_sub(1).and_then(|i| words.get(i)) else {
        return false;
    };
    if ["value", "values", "parameter", "field", "which", "it"]
        .iter()
        .any(|subject| before.is(subject))
    {
        return true;
    }
    // A one-noun subject: `The color can be RED or BLUE`. A longer one names
    // something more specific than the value (`The parent key can only be
    // root`, in the description of a child's key).
    let clause = words.clause_start(at);
    at == clause + 2
        && ["the", "this", "its"]
            .iter()
            .any(|article| words.is(clause, article))
}

/// `A, B, or C`, `A or B`, `A (meaning), B (meaning), and C (meaning)`, `A`.
fn inline_list(words: &Words, start: usize, ending: Ending) -> Result<List, Failure> {
    let mut items = Vec::new();
    let mut claims = Vec::new();
    let mut at = start;
    let mut last = false;
    loop {
        let item = match read_item(words, at) {
            Some(item) => item,
            None if items.is_empty() => return Err(Failure::NotAList),
            // `or`/`and` promised one more value.
            None => {
                return Err(Failure::Unreadable(
                    "a list of values that could not be read",
                ))
            }
        };
        at = item.next;
        if let Some(note) = item.default_note {
            claims.push(note);
        }
        let ends_with_comma = words.get(at - 1).is_some_and(|w| w.raw.ends_with(','));
        items.push(Item {
            value: item.value,
            default_at: item.default_note.map(|(note, _)| note),
            note: item.note,
        });
        if last || matches!(ending, Ending::OneValue) {
            break;
        }
        // `network:dhcp, network:router or compute:xxx`: the list is open.
        let joined = words.is(at, "or") || words.is(at, "and");
        let next_item = if joined { at + 1 } else { at };
        if (ends_with_comma || joined)
            && words
                .get(next_item)
                .is_some_and(|w| is_placeholder(w.core()))
        {
            return Err(Failure::Unreadable(
                "a placeholder among the values (xxx, {…}): not every value is listed",
            ));
        }
        if joined {
            last = true;
            at += 1;
        } else if !(ends_with_comma && continues_list(words, at)) {
            // `The value can only be READY, indicating that …`: the list ends at the comma.
            break;
        }
    }
    let ended = match ending {
        Ending::Anywhere => true,
        Ending::OneValue => words.ends_statement(at - 1) || words.is(at, "and"),
        Ending::Punctuation => words.ends_statement(at - 1),
        Ending::Supported => {
            (words.is(at, "is") || words.is(at, "are")) && words.is(at + 1, "supported")
        }
    };
    match (ended, items.len()) {
        (true, _) => Ok(List {
            items,
            end: at,
            claims,
        }),
        (false, 1) => Err(Failure::NotAList),
        (false, _) => Err(Failure::Unreadable(
            "a list of values followed by text that may belong to it",
        )),
    }
}

/// After `A,`: another item, followed by `,`, `or`, `and` or the end of the
/// sentence (`RED, GREEN, BLUE.`), but not by more words (`READY, indicating that …`).
fn continues_list(words: &Words, at: usize) -> bool {
    read_item(words, at).is_some_and(|item| {
        words.ends_statement(item.next - 1)
            || words.is(item.next, "or")
            || words.is(item.next, "and")
    })
}

/// One value of an inline list, with its gloss: `PLAIN (no accent)`.
struct ItemRead {
    value: String,
    next: usize,
    /// The gloss `(default)`, as (first word, word after).
    default_note: Option<(usize, usize)>,
    /// Any other gloss: `NS (only in public zones)`.
    note: Option<String>,
}

fn read_item(words: &Words, at: usize) -> Option<ItemRead> {
    let word = words.get(at)?;
    if word.is_label() || word.in_parens {
        return None;
    }
    if let Some(value) = letter_in_a_list(words, at) {
        return Some(ItemRead {
            value,
            next: at + 1,
            default_note: None,
            note: None,
        });
    }
    let (value, note, next) = value_with_note(words, at)?;
    let mut item = ItemRead {
        value,
        next,
        default_note: None,
        note,
    };
    if let Some(len) = words.default_gloss(next).filter(|_| !word.ends_clause()) {
        item.next = next + len;
        item.default_note = Some((next, next + len));
    }
    Some(item)
}

/// `A, AAAA, MX` or `A or B`: a capital letter that a comma or `or` follows
/// is a value, not the article.
fn letter_in_a_list(words: &Words, at: usize) -> Option<String> {
    let word = words.get(at)?;
    let is_letter =
        |w: &Word| w.core().len() == 1 && w.core().chars().all(|c| c.is_ascii_uppercase());
    let listed = word.raw.ends_with(',') || words.is(at + 1, "or") || words.is(at + 1, "and");
    // `X, Y, Z` are letters that stand for parts of a format.
    let next = if word.raw.ends_with(',') {
        at + 1
    } else {
        at + 2
    };
    let beside_a_word = words.get(next).is_some_and(|w| !is_letter(w));
    (is_letter(word) && listed && beside_a_word && !word.starts_sentence)
        .then(|| word.core().to_owned())
}

#[cfg(test)]
mod tests {
    //! The examples are made up; they follow the phrasings of the docs.

    use super::*;

    fn values(description: &str) -> Vec<(Vec<String>, bool)> {
        let words = Words::new(description);
        let mut claimed = Claimed::new(words.len());
        let mut found = Vec::new();
        scan(&words, &mut claimed, &mut found);
        found
            .into_iter()
            .filter_map(|statement| match statement.claim {
                Claim::Values {
                    values,
                    conditional,
                    ..
                } => Some((values, conditional)),
                _ => None,
            })
            .collect()
    }

    fn strings(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| v.to_string()).collect()
    }

    #[test]
    fn a_list_ends_at_a_comma_before_prose() {
        let found = values("The value can only be READY, indicating that it works.");
        assert_eq!(found, [(strings(&["READY"]), false)]);
    }

    #[test]
    fn prose_after_can_be_is_no_list() {
        for prose in [
            "The backup disk can be replaced using spare_disk_id.",
            "This parameter can be left blank, indicating that anything goes.",
            "Photos and photo albums can be uploaded.",
            "Number of cores, which can be fractions.",
            "Several names can be given in the format of name=a&name=b.",
            "The value is computed by the server.",
        ] {
            assert_eq!(values(prose), [], "{prose}");
        }
    }

    #[test]
    fn conditional_lists_are_marked() {
        let found = values(
            "If mode is set to SAFE, this parameter can only be set to LOW. \
             If mode is set to FREE, this parameter can be set to HIGH, MEDIUM, or LOW.",
        );
        assert_eq!(
            found,
            [
                (strings(&["LOW"]), true),
                (strings(&["HIGH", "MEDIUM", "LOW"]), true)
            ]
        );
    }

    #[test]
    fn a_label_of_two_words_makes_the_list_unreadable() {
        let found = values("Specifies the state. ON: It runs. OFF: It rests. Not set: Unknown.");
        assert_eq!(found, []);
    }
}
