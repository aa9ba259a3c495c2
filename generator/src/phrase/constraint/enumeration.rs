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
use super::words::{Word, Words};

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
    let conditional = is_conditional(words, lead_in);
    found.push(Statement::new(
        words,
        words.sentence_start(lead_in),
        list.end,
        Claim::Values {
            values,
            conditional,
        },
    ));
    for item in &list.items {
        if let Some(note) = item.default_at {
            let claim = Claim::Default(item.value.clone());
            found.push(Statement::new(words, note, note + 1, claim));
        }
    }
}

/// `If mode is FAST, the value can be …`, `For small plans, if …`:
/// a list that holds in one case only.
fn is_conditional(words: &Words, at: usize) -> bool {
    let sentence = words.sentence_start(at);
    let mut before = sentence..at;
    let has_condition = before.clone().any(|i| {
        ["if", "when", "unless"]
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
    let introduces = word.is("options")
        || word.is("values") && qualified_values
        || word.is("are") && (after(&["options"]) || after(&["values"]))
        || word.is("following") && after(&["one", "of", "the"])
        || word.is("follows")
            && (after(&["options", "are", "as"]) || after(&["values", "are", "as"]))
        || word.is("be") && after(&["can"]);
    introduces.then_some(at + 1)
}

fn list_after_colon(words: &Words, start: usize) -> Result<List, Failure> {
    let start = words.skip_bullets(start);
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
    loop {
        claims.push((label_start, label.next));
        let mut item = Item {
            value: label.value,
            default_at: label.default.then_some(label_start),
        };
        let meaning = label.next;
        let mut end = meaning;
        let mut next_label = None;
        while end < words.len() {
            if is_heading(words, end) {
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
            return if too_short {
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
    words.get(at).is_some_and(|w| w.starts_sentence)
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
        } else {
            SingleValue::NotEnough
        };
        let lead_in = InlineLeadIn::new(start, Ending::Punctuation).single_value(single_value);
        return Some(lead_in.report_unreadable());
    }
    let lead_in = if words.are(at, &["the", "value", "is"]) && words.clause_start(at) == at {
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
        });
        if last {
            break;
        }
        if words.is(at, "or") || words.is(at, "and") {
            last = true;
            at += 1;
        } else if !(ends_with_comma && continues_list(words, at)) {
            // `The value can only be READY, indicating that …`: the list ends at the comma.
            break;
        }
    }
    let ended = match ending {
        Ending::Anywhere => true,
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
}

fn read_item(words: &Words, at: usize) -> Option<ItemRead> {
    let word = words.get(at)?;
    if word.is_label() || word.in_parens {
        return None;
    }
    let value = word.value()?;
    let mut item = ItemRead {
        value,
        next: at + 1,
        default_note: None,
    };
    let gloss_opens = words.get(at + 1).is_some_and(|w| w.raw.starts_with('('));
    if !word.ends_clause() && gloss_opens {
        const LONGEST_GLOSS: usize = 12;
        let close = (at + 1..at + 1 + LONGEST_GLOSS)
            .find(|&i| words.get(i).is_some_and(|w| w.raw.contains(')')))?;
        item.next = close + 1;
        if words.default_gloss(at + 1) == Some(close - at) {
            item.default_note = Some((at + 1, close + 1));
        }
    }
    Some(item)
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
