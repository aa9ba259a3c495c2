//! What the matchers find in a description, before the subject decides what it means.

use super::words::Words;
use super::Limit;

/// One thing a description states, and where.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Statement {
    /// Index of the first word: the order in which the description states things.
    pub at: usize,
    /// The words concerned, as written.
    pub phrase: String,
    /// Where they stand in the description (bytes).
    pub span: std::ops::Range<usize>,
    /// Stated in the docs' marker form (`Minimum: 1`, `Array Length: 1 - 200`,
    /// `Default: true`): words that say nothing but the constraint.
    pub marker: bool,
    pub claim: Claim,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Claim {
    /// A lower or upper bound, whose meaning depends on the subject.
    Bound {
        side: Side,
        limit: Limit,
        measure: Measure,
        strength: Strength,
    },
    /// The values allowed.
    Values {
        values: Vec<String>,
        /// Stated for one case only (`If mode is FAST, the value can be …`).
        conditional: bool,
        /// What the docs say about a value in brackets (`NS (only in public
        /// zones)`, `SATA(End-of-sale)`), by value, in the order of the values.
        notes: Vec<(String, String)>,
    },
    Default(String),
    /// Looks like a constraint but cannot be read with confidence.
    Unreadable(&'static str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    Min,
    Max,
}

/// What a bound counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Measure {
    /// `Minimum: N`: a length for text, a value for numbers.
    Subject,
    /// `N characters`.
    Length,
    /// `The value ranges from A to B`.
    Value,
    /// `A maximum of N rules`.
    Count,
    /// `Array Length: A - B`.
    ItemCount,
}

/// How explicitly a bound is stated: when a cell states several, the strongest wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Strength {
    /// `a maximum of N characters`, `The maximum value is N`.
    Weak,
    /// `ranges from A to B`, `A to B characters`.
    Range,
    /// `Minimum: N`, `Array Length: A - B`.
    Explicit,
}

impl Statement {
    pub fn new(words: &Words, from: usize, to: usize, claim: Claim) -> Self {
        Statement {
            at: from,
            phrase: words.phrase(from, to),
            span: words.span(from, to),
            marker: false,
            claim,
        }
    }

    /// The same statement, in marker form.
    pub fn marked(self) -> Self {
        Statement {
            marker: true,
            ..self
        }
    }
}

/// Words that a list has already read as one of its parts (an item label such
/// as `Default:` in `The options are as follows: Default: the usual layout`, or
/// a `(default)` note), so that no other matcher reads them again.
#[derive(Debug)]
pub(super) struct Claimed {
    words: Vec<bool>,
}

impl Claimed {
    pub fn new(len: usize) -> Self {
        Claimed {
            words: vec![false; len],
        }
    }

    pub fn claim(&mut self, from: usize, to: usize) {
        let to = to.min(self.words.len());
        for claimed in self.words.iter_mut().take(to).skip(from) {
            *claimed = true;
        }
    }

    pub fn contains(&self, at: usize) -> bool {
        self.words.get(at).copied().unwrap_or(false)
    }
}
