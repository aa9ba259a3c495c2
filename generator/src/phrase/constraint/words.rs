//! The words of a description, with the little structure the matchers need:
//! sentences, parentheses, list bullets and the values a word can stand for.
//!
//! Both forms of a Description cell read the same here: copied text (one
//! line, list items glued with spaces) and text taken from the HTML
//! (paragraphs on their own lines, list items as lines starting with `- `).
//! A line start only adds a sentence boundary the copied text lacks.

use super::Limit;

/// One whitespace-separated word, punctuation included.
#[derive(Debug)]
pub(super) struct Word<'a> {
    pub raw: &'a str,
    /// `raw` without its trailing punctuation: the matchers compare it
    /// millions of times over a service, so it is trimmed once.
    core: &'a str,
    /// Byte offset of `raw` in the description.
    pub start: usize,
    /// First word of a sentence, a line or a bulleted item.
    pub starts_sentence: bool,
    /// First word of a line (only the HTML form has several).
    pub starts_line: bool,
    /// Inside `( … )`.
    pub in_parens: bool,
}

impl<'a> Word<'a> {
    /// The word without the punctuation that ends it (`READY.` → `READY`).
    pub fn core(&self) -> &'a str {
        self.core
    }

    /// Compares the core with a word of a phrase, ignoring case.
    pub fn is(&self, word: &str) -> bool {
        self.core().eq_ignore_ascii_case(word)
    }

    pub fn ends_sentence(&self) -> bool {
        ends_sentence(self.raw)
    }

    /// Ends a sentence or a clause (`,` `;`).
    pub fn ends_clause(&self) -> bool {
        self.ends_sentence() || self.raw.ends_with([',', ';'])
    }

    /// `VALUE:` as in `READY: It can be used.` (but not `https://…`).
    pub fn is_label(&self) -> bool {
        self.raw.ends_with(':') && !self.core().is_empty()
    }

    /// A `-` standing alone: a list bullet.
    pub fn is_bullet(&self) -> bool {
        self.raw == "-"
    }

    /// The value on the wire this word can stand for, if any.
    pub fn value(&self) -> Option<String> {
        wire_value(self.core())
    }

    pub fn number(&self) -> Option<Limit> {
        number(self.core())
    }
}

const TRAILING_PUNCTUATION: &[char] = &['.', ',', ';', ':', '!', '?'];

fn ends_sentence(raw: &str) -> bool {
    raw.trim_end_matches(['"', '\'', ')'])
        .ends_with(['.', '!', '?'])
}

/// The words of one description.
#[derive(Debug)]
pub(super) struct Words<'a> {
    words: Vec<Word<'a>>,
}

impl<'a> Words<'a> {
    pub fn new(description: &'a str) -> Self {
        let mut words: Vec<Word<'a>> = Vec::new();
        let mut paren_depth = 0usize;
        for line in description.lines() {
            for (position, raw) in line.split_whitespace().enumerate() {
                let starts_line = position == 0;
                let starts_sentence = words.last().is_none_or(|previous| {
                    starts_line || previous.ends_sentence() || previous.is_bullet()
                });
                if starts_sentence {
                    // A parenthesis left open is a typo, not a scope that runs on.
                    paren_depth = 0;
                }
                let in_parens = paren_depth > 0 || raw.starts_with('(');
                for c in raw.chars() {
                    match c {
                        '(' => paren_depth += 1,
                        ')' => paren_depth = paren_depth.saturating_sub(1),
                        _ => {}
                    }
                }
                words.push(Word {
                    raw,
                    core: raw.trim_end_matches(TRAILING_PUNCTUATION),
                    // `raw` is a slice of `description`: its offset is where it starts.
                    start: raw.as_ptr() as usize - description.as_ptr() as usize,
                    starts_sentence,
                    starts_line,
                    in_parens,
                });
            }
        }
        bracketed_sentences(&mut words);
        Words { words }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn get(&self, at: usize) -> Option<&Word<'a>> {
        self.words.get(at)
    }

    /// Whether the word at `at` is `word` (ignoring case and trailing punctuation).
    pub fn is(&self, at: usize, word: &str) -> bool {
        self.get(at).is_some_and(|w| w.is(word))
    }

    /// Whether the words from `at` on are `phrase`.
    pub fn are(&self, at: usize, phrase: &[&str]) -> bool {
        phrase
            .iter()
            .enumerate()
            .all(|(offset, word)| self.is(at + offset, word))
    }

    /// Whether the words just before `at` are `phrase`.
    pub fn precede(&self, at: usize, phrase: &[&str]) -> bool {
        at.checked_sub(phrase.len())
            .is_some_and(|start| self.are(start, phrase))
    }

    /// The words from `from` up to (not including) `to`, as written.
    pub fn phrase(&self, from: usize, to: usize) -> String {
        let to = to.min(self.words.len());
        let from = from.min(to);
        self.words[from..to]
            .iter()
            .map(|w| w.raw)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The bytes of the description that the words from `from` up to (not including) `to` take.
    pub fn span(&self, from: usize, to: usize) -> std::ops::Range<usize> {
        let to = to.min(self.words.len());
        let from = from.min(to);
        match self.words[from..to] {
            [] => 0..0,
            [ref first, .., ref last] => first.start..last.start + last.raw.len(),
            [ref only] => only.start..only.start + only.raw.len(),
        }
    }

    /// The first word of the sentence that `at` is in.
    pub fn sentence_start(&self, at: usize) -> usize {
        let mut start = at.min(self.words.len().saturating_sub(1));
        while start > 0 && !self.words[start].starts_sentence {
            start -= 1;
        }
        start
    }

    /// The index after the last word of the sentence that `at` is in.
    pub fn sentence_end(&self, at: usize) -> usize {
        (at + 1..self.words.len())
            .find(|&i| self.words[i].starts_sentence)
            .unwrap_or(self.words.len())
    }

    /// The first word of the clause that `at` is in (a sentence, or the part
    /// after a comma: `Currently, the value can be …`).
    pub fn clause_start(&self, at: usize) -> usize {
        let sentence = self.sentence_start(at);
        (sentence..at.min(self.words.len()))
            .rev()
            .find(|&i| self.words[i].raw.ends_with(','))
            .map_or(sentence, |comma| comma + 1)
    }

    /// Whether the word at `at` ends the text, a sentence or a line: where an
    /// inline list may stop without saying more.
    pub fn ends_statement(&self, at: usize) -> bool {
        match self.get(at) {
            None => true,
            Some(word) => {
                word.ends_clause() || self.get(at + 1).is_none_or(|next| next.starts_line)
            }
        }
    }

    /// `(default)` or `(default value)` at `at`: the number of words.
    pub fn default_gloss(&self, at: usize) -> Option<usize> {
        let word = self.get(at)?;
        if word.core().eq_ignore_ascii_case("(default)") {
            Some(1)
        } else if word.is("(default") && self.get(at + 1)?.core().eq_ignore_ascii_case("value)") {
            Some(2)
        } else {
            None
        }
    }

    /// Skips list bullets.
    pub fn skip_bullets(&self, mut at: usize) -> usize {
        while self.get(at).is_some_and(Word::is_bullet) {
            at += 1;
        }
        at
    }
}

/// `CMK description (The value ranges from 0 to 255 characters.)`: a whole
/// sentence in brackets, with its capital and its full stop (or the end of
/// the text), speaks of the value as any sentence does; its words are not
/// read as the aside that words in brackets usually are.
fn bracketed_sentences(words: &mut [Word<'_>]) {
    let mut at = 0;
    while at < words.len() {
        let opens_sentence = words[at].raw.strip_prefix('(').is_some_and(|rest| {
            rest.starts_with(|c: char| c.is_ascii_uppercase()) && !rest.contains(')')
        });
        let Some(close) = (at..words.len())
            .find(|&i| words[i].raw.contains(')'))
            .filter(|_| opens_sentence)
        else {
            at += 1;
            continue;
        };
        let closing = words[close].raw;
        let full_stop =
            closing.contains(".)") || closing.ends_with(").") && close + 1 == words.len();
        if full_stop || close + 1 == words.len() && close > at + 2 {
            words[at].starts_sentence = true;
            for word in &mut words[at..=close] {
                word.in_parens = false;
            }
        }
        at = close + 1;
    }
}

/// The value on the wire a word can stand for: `READY`, `m-1`, `${name}`,
/// `yes/no`, `image/png`, `-1`, `""` (the empty string).
///
/// English words that cannot be values (`the`, `is`, `and`, …) are refused, so
/// that a list read from prose stops where the prose starts.
pub(super) fn wire_value(core: &str) -> Option<String> {
    wire_value_in_prose(core).filter(|value| !is_prose(value))
}

/// [`wire_value`], words of prose included: for a word that stands alone
/// where a value is expected (`- any`).
pub(super) fn wire_value_in_prose(core: &str) -> Option<String> {
    let unquoted = unquote(core);
    if unquoted.is_empty() {
        // `""` is the empty string; a word of punctuation alone is nothing.
        return (core.len() >= 2).then(String::new);
    }
    // `;` inside a value: `application/json;charset=utf-8`.
    let allowed = |c: char| c.is_alphanumeric() || "_-./${}@+*#=:;".contains(c);
    let plausible = unquoted.chars().all(allowed)
        && unquoted.chars().any(|c| c.is_alphanumeric() || c == '/')
        && !unquoted.eq_ignore_ascii_case("n/a")
        && !is_placeholder(unquoted);
    plausible.then(|| unquoted.to_string())
}

/// `xxx`, `compute:xxx`, `{publicBorderGroup}`, `<name>`: a word that stands
/// for values the docs do not list (`${name}` is a value: a variable the
/// service itself expands).
pub(super) fn is_placeholder(core: &str) -> bool {
    let lower = core.to_ascii_lowercase();
    let braces = core
        .char_indices()
        .any(|(i, c)| c == '{' && !core[..i].ends_with('$'));
    lower.contains("xxx") || braces || (core.starts_with('<') && core.ends_with('>'))
}

/// Whether a word is one of running text: `the`, `If`, `A`. Capitals make
/// values of them (`OR: either one`, `AND: both`).
fn is_prose(word: &str) -> bool {
    let shouted = word.len() > 1 && !word.chars().any(|c| c.is_lowercase());
    !shouted && PROSE_WORDS.contains(&word.to_ascii_lowercase().as_str())
}

/// Words of running text that are never values of an enumeration.
const PROSE_WORDS: &[&str] = &[
    "a",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "by",
    "can",
    "cannot",
    "e.g",
    "each",
    "etc",
    "example",
    "for",
    "from",
    "if",
    "in",
    "indicates",
    "indicating",
    "is",
    "it",
    "its",
    "means",
    "must",
    "not",
    "of",
    "on",
    "only",
    "or",
    "such",
    "that",
    "the",
    "these",
    "this",
    "those",
    "to",
    "when",
    "which",
    "will",
    "with",
];

fn unquote(core: &str) -> &str {
    for (open, close) in [('"', '"'), ('\'', '\''), ('“', '”')] {
        if let Some(inner) = core
            .strip_prefix(open)
            .and_then(|rest| rest.strip_suffix(close))
        {
            return inner;
        }
    }
    core
}

/// `300`, `-1`, `3,600` (thousands separators), `0.5`.
pub(super) fn number(core: &str) -> Option<Limit> {
    let (negative, digits) = match core.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, core),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let mut groups = whole.split(',');
    let first = groups.next()?;
    let well_grouped = (1..=3).contains(&first.len())
        && groups.all(|group| group.len() == 3 && group.bytes().all(|b| b.is_ascii_digit()));
    let plain = whole.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !(plain || well_grouped) || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: String = whole.chars().filter(|&c| c != ',').collect();
    let sign = if negative { "-" } else { "" };
    match fraction {
        None => format!("{sign}{whole}").parse().ok().map(Limit::Int),
        Some(fraction) if !fraction.is_empty() && fraction.bytes().all(|b| b.is_ascii_digit()) => {
            format!("{sign}{whole}.{fraction}")
                .parse()
                .ok()
                .map(Limit::Float)
        }
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_the_docs_write_them() {
        assert_eq!(number("300"), Some(Limit::Int(300)));
        assert_eq!(number("-1"), Some(Limit::Int(-1)));
        assert_eq!(number("3,600"), Some(Limit::Int(3600)));
        assert_eq!(number("1,000,000"), Some(Limit::Int(1_000_000)));
        assert_eq!(number("0.5"), Some(Limit::Float(0.5)));
        for not_a_number in [
            "",
            "-",
            "1,2",
            "12,34",
            ",100",
            "1.",
            "1.2.3",
            "x1",
            "99999999999999999999",
        ] {
            assert_eq!(number(not_a_number), None, "{not_a_number}");
        }
    }

    #[test]
    fn values_a_word_can_stand_for() {
        for value in [
            "READY",
            "m-1",
            "${name}",
            "yes/no",
            "image/png",
            "-1",
            "/",
            "ab-2",
        ] {
            assert_eq!(wire_value(value).as_deref(), Some(value));
        }
        assert_eq!(wire_value("\"\"").as_deref(), Some(""));
        assert_eq!(wire_value("\"abc\"").as_deref(), Some("abc"));
        assert_eq!(wire_value("OR").as_deref(), Some("OR"));
        for prose in ["the", "The", "and", "A", "(two)", "-", "\"abc", ""] {
            assert_eq!(wire_value(prose), None, "{prose}");
        }
    }

    #[test]
    fn sentences_lines_and_parentheses() {
        let words = Words::new("The value is 3 (the depth). Next one\n- item");
        let starts: Vec<bool> = (0..words.len())
            .filter_map(|i| words.get(i))
            .map(|w| w.starts_sentence)
            .collect();
        assert_eq!(
            starts,
            [true, false, false, false, false, false, true, false, true, true]
        );
        assert!(words.get(4).is_some_and(|w| w.in_parens));
        assert!(words.get(5).is_some_and(|w| w.in_parens));
        assert!(words.get(6).is_some_and(|w| !w.in_parens));
        assert_eq!(words.sentence_start(7), 6);
        assert_eq!(words.phrase(1, 4), "value is 3");
    }
}
