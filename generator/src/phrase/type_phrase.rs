//! Type cells: `String`, `Integer`, `Array of X objects`, `Map<String,String>`, ...

use std::fmt;

/// What a Type cell says, before names are linked to tables.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TypePhrase {
    /// `String`
    String,
    /// `Integer`, `Int`, `int32`: 32-bit unless the documented range needs more.
    Integer,
    /// `Long`, `int64`
    Long,
    /// `Number`, `Float`, `Double`
    Number,
    /// `Boolean`, `Bool`
    Boolean,
    /// `Object` (no name), `X object`, `Object (X)`; `name` is the object table's name.
    Object { name: Option<String> },
    /// A bare name that is no known phrase (`CreateLoadBalancerOption`): valid only if a table of that name exists.
    Named(String),
    /// `Array of strings`, `Array of X objects`, `Array<String>`, `String array`, `X array`
    Array(Box<TypePhrase>),
    /// `Map<String,String>`, `Map<String,X>`; plain `Map`/`Dict` map to [`TypePhrase::Any`] values.
    Map(Box<TypePhrase>),
    /// Explicitly unstructured JSON (`JSON`, the items of a `JSON Array`).
    Any,
}

/// A Type cell that is none of the documented phrases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypePhraseError {
    pub phrase: String,
}

impl fmt::Display for TypePhraseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown type phrase \"{}\": expected String, Integer, Long, Number, Boolean, Object, \"X object\", \"Array of strings|integers|longs|numbers|booleans|objects\", \"Array of X objects\" or \"Map<String,X>\"",
            self.phrase
        )
    }
}

/// Parses a Type cell.
pub fn parse_type(phrase: &str) -> Result<TypePhrase, TypePhraseError> {
    let _ = phrase;
    todo!("helper: implement")
}
