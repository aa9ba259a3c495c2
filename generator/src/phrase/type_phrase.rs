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
///
/// Words are matched case-insensitively and runs of whitespace count as one
/// space; names (`Widget` in `Array of Widget objects`) keep the case they are
/// written in.
pub fn parse_type(phrase: &str) -> Result<TypePhrase, TypePhraseError> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let normalized = words.join(" ");
    read_phrase(&normalized).ok_or_else(|| TypePhraseError {
        phrase: phrase.trim().to_string(),
    })
}

/// A whole cell: a bracketed phrase (`Array<X>`, `Map<String,X>`) or a phrase in words.
fn read_phrase(phrase: &str) -> Option<TypePhrase> {
    if phrase.contains('<') {
        let mut reader = Brackets::new(phrase);
        let parsed = reader.read()?;
        return reader.at_end().then_some(parsed);
    }
    read_words(phrase)
}

/// Phrases without brackets: `String`, `Widget object`, `Array of Widget objects`, `String array`, ...
fn read_words(phrase: &str) -> Option<TypePhrase> {
    let lower = phrase.to_ascii_lowercase();
    if let Some(known) = keyword(&lower) {
        return Some(known);
    }
    if let Some(known) = sized(&lower) {
        return Some(known);
    }
    if let Some(items) = strip_prefix_ci(phrase, "Array of ") {
        return array_of(items);
    }
    // `X object`, and `X structure` as some references write it.
    if let Some(name) =
        strip_suffix_ci(phrase, " object").or_else(|| strip_suffix_ci(phrase, " structure"))
    {
        return object_named(name);
    }
    if let Some(name) = strip_prefix_ci(phrase, "Object")
        .and_then(|rest| rest.trim_start().strip_prefix('('))
        .and_then(|rest| rest.strip_suffix(')'))
    {
        return object_named(name.trim());
    }
    if let Some(items) = strip_suffix_ci(phrase, " array") {
        return Some(TypePhrase::Array(Box::new(item_of(items)?)));
    }
    // `String list`: a list of scalars only, since `X list` may name a table of a list.
    if let Some(scalar) = strip_suffix_ci(phrase, " list").and_then(|item| {
        keyword(&item.to_ascii_lowercase()).filter(|k| !matches!(k, TypePhrase::Object { .. }))
    }) {
        return Some(TypePhrase::Array(Box::new(scalar)));
    }
    is_identifier(phrase).then(|| TypePhrase::Named(phrase.to_string()))
}

/// `String(64)`, `Integer (11)`: a scalar with the size the storage gives
/// it. The size is no constraint the page states in words; the Description
/// cell says what the value may hold.
fn sized(lower: &str) -> Option<TypePhrase> {
    let (word, size) = lower.strip_suffix(')')?.split_once('(')?;
    let digits = !size.is_empty() && size.bytes().all(|b| b.is_ascii_digit());
    let scalar = keyword(word.trim()).filter(|phrase| {
        matches!(
            phrase,
            TypePhrase::String | TypePhrase::Integer | TypePhrase::Long | TypePhrase::Number
        )
    });
    scalar.filter(|_| digits)
}

/// The single words with a fixed meaning.
fn keyword(lower: &str) -> Option<TypePhrase> {
    let phrase = match lower {
        "string" => TypePhrase::String,
        "integer" | "int" | "int32" => TypePhrase::Integer,
        "long" | "int64" => TypePhrase::Long,
        "number" | "float" | "double" | "bigdecimal" => TypePhrase::Number,
        "boolean" | "bool" => TypePhrase::Boolean,
        "object" => TypePhrase::Object { name: None },
        "map" | "dict" => TypePhrase::Map(Box::new(TypePhrase::Any)),
        "json" => TypePhrase::Any,
        // `JSON Array` says the items are free-form; a bare `Array` (the
        // repeated query parameters of ELB) does not say what they are.
        "json array" | "array" => TypePhrase::Array(Box::new(TypePhrase::Any)),
        _ => return None,
    };
    Some(phrase)
}

/// What follows `Array of`: a plural (`strings`, `objects`) or `X objects`.
fn array_of(items: &str) -> Option<TypePhrase> {
    let item = match items.to_ascii_lowercase().as_str() {
        "strings" | "string" => TypePhrase::String,
        "integers" | "integer" | "ints" | "int" => TypePhrase::Integer,
        "longs" | "long" => TypePhrase::Long,
        "numbers" | "number" | "floats" | "float" | "doubles" | "double" => TypePhrase::Number,
        "booleans" | "boolean" => TypePhrase::Boolean,
        "objects" | "object" => TypePhrase::Object { name: None },
        _ => {
            let name =
                strip_suffix_ci(items, " objects").or_else(|| strip_suffix_ci(items, " object"))?;
            object_named(name)?
        }
    };
    Some(TypePhrase::Array(Box::new(item)))
}

/// The item of `X array`: a scalar keyword (`String array`) or a table name
/// (`model array`, `Tags structure array`).
fn item_of(items: &str) -> Option<TypePhrase> {
    match keyword(&items.to_ascii_lowercase()) {
        Some(scalar) => Some(scalar),
        None => object_named(strip_suffix_ci(items, " structure").unwrap_or(items)),
    }
}

fn object_named(name: &str) -> Option<TypePhrase> {
    is_identifier(name).then(|| TypePhrase::Object {
        name: Some(name.to_string()),
    })
}

/// A table name as the docs write them: `CreateLoadBalancerOption`, `widgets`, `os_ext_info`.
fn is_identifier(word: &str) -> bool {
    let mut chars = word.chars();
    chars
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

fn strip_suffix_ci<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let start = text.len().checked_sub(suffix.len())?;
    let tail = text.get(start..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &text[..start])
}

/// A reader for the bracketed phrases: `Array<X>`, `List<X>`, `Map<String,X>`,
/// nested as deep as the docs like (`Map<String,Map<String,Integer>>`).
struct Brackets<'a> {
    rest: &'a str,
}

impl<'a> Brackets<'a> {
    fn new(phrase: &'a str) -> Self {
        Brackets { rest: phrase }
    }

    fn at_end(&self) -> bool {
        self.rest.trim().is_empty()
    }

    /// One phrase, up to the next `,` or `>` that belongs to an enclosing bracket.
    fn read(&mut self) -> Option<TypePhrase> {
        let head = self.take_until(&['<', ',', '>']);
        if self.eat('<') {
            let parsed = match head.to_ascii_lowercase().as_str() {
                "array" | "list" => TypePhrase::Array(Box::new(self.read_inner()?)),
                "map" => {
                    let key = self.read()?;
                    if key != TypePhrase::String || !self.eat(',') {
                        return None;
                    }
                    TypePhrase::Map(Box::new(self.read_inner()?))
                }
                _ => return None,
            };
            return self.eat('>').then_some(parsed);
        }
        read_words(head)
    }

    /// A phrase inside brackets, where a name stands for an object table
    /// (`Map<String,HardDetail>` holds `HardDetail` objects).
    fn read_inner(&mut self) -> Option<TypePhrase> {
        match self.read()? {
            TypePhrase::Named(name) => Some(TypePhrase::Object { name: Some(name) }),
            other => Some(other),
        }
    }

    fn take_until(&mut self, stops: &[char]) -> &'a str {
        let end = self.rest.find(stops).unwrap_or(self.rest.len());
        let (head, rest) = self.rest.split_at(end);
        self.rest = rest;
        head.trim()
    }

    fn eat(&mut self, expected: char) -> bool {
        match self.rest.trim_start().strip_prefix(expected) {
            Some(rest) => {
                self.rest = rest;
                true
            }
            None => false,
        }
    }
}

/// The most words a type phrase takes (`Array of X objects` takes four).
const MAX_PHRASE_WORDS: usize = 8;

/// The longest run of leading words that is a structural type phrase (an
/// array, a map or a named object), and the words after it; `None` when there
/// is none. Only structural phrases qualify: "String value of ..." is prose.
pub fn leading_type_phrase(cell: &str) -> Option<(TypePhrase, &str)> {
    let word_ends: Vec<usize> = cell
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .map(|(i, _)| i)
        .collect();
    // A type phrase is a few words long: a long cell is prose after at most
    // that many words, and trying every prefix of it would be quadratic.
    word_ends
        .iter()
        .take(MAX_PHRASE_WORDS)
        .rev()
        .find_map(|&end| {
            let phrase = parse_type(&cell[..end]).ok()?;
            let structural = matches!(
                phrase,
                TypePhrase::Array(_) | TypePhrase::Map(_) | TypePhrase::Object { name: Some(_) }
            );
            structural.then(|| (phrase, cell[end..].trim()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(phrase: &str) -> TypePhrase {
        parse_type(phrase).unwrap_or_else(|e| panic!("{e}"))
    }

    fn object(name: &str) -> TypePhrase {
        TypePhrase::Object {
            name: Some(name.to_string()),
        }
    }

    fn array(item: TypePhrase) -> TypePhrase {
        TypePhrase::Array(Box::new(item))
    }

    fn map(value: TypePhrase) -> TypePhrase {
        TypePhrase::Map(Box::new(value))
    }

    #[test]
    fn scalars_in_any_case() {
        assert_eq!(parsed("String"), TypePhrase::String);
        assert_eq!(parsed("string"), TypePhrase::String);
        assert_eq!(parsed("  STRING "), TypePhrase::String);
        for integer in ["Integer", "Int", "int32", "INT"] {
            assert_eq!(parsed(integer), TypePhrase::Integer, "{integer}");
        }
        assert_eq!(parsed("Long"), TypePhrase::Long);
        assert_eq!(parsed("int64"), TypePhrase::Long);
        for number in ["Number", "Float", "Double", "BigDecimal"] {
            assert_eq!(parsed(number), TypePhrase::Number, "{number}");
        }
        assert_eq!(parsed("Boolean"), TypePhrase::Boolean);
        assert_eq!(parsed("bool"), TypePhrase::Boolean);
    }

    #[test]
    fn scalars_with_a_storage_size() {
        assert_eq!(parsed("String(64)"), TypePhrase::String);
        assert_eq!(parsed("String (4096)"), TypePhrase::String);
        assert_eq!(parsed("Integer(11)"), TypePhrase::Integer);
        for phrase in ["Boolean(1)", "String()", "String(n)", "Widget(3)"] {
            assert!(
                !matches!(
                    parse_type(phrase),
                    Ok(TypePhrase::String | TypePhrase::Boolean)
                ),
                "{phrase}"
            );
        }
    }

    #[test]
    fn objects() {
        assert_eq!(parsed("Object"), TypePhrase::Object { name: None });
        assert_eq!(parsed("WidgetInfo object"), object("WidgetInfo"));
        assert_eq!(
            parsed("CreateWidgetOption  Object"),
            object("CreateWidgetOption")
        );
        assert_eq!(parsed("Object (Limits)"), object("Limits"));
        assert_eq!(parsed("object(Limits)"), object("Limits"));
    }

    #[test]
    fn arrays_in_words() {
        assert_eq!(parsed("Array of strings"), array(TypePhrase::String));
        assert_eq!(parsed("array of Integers"), array(TypePhrase::Integer));
        assert_eq!(parsed("Array of ints"), array(TypePhrase::Integer));
        assert_eq!(parsed("Array of longs"), array(TypePhrase::Long));
        for numbers in ["numbers", "floats", "doubles"] {
            assert_eq!(
                parsed(&format!("Array of {numbers}")),
                array(TypePhrase::Number)
            );
        }
        assert_eq!(parsed("Array of booleans"), array(TypePhrase::Boolean));
        assert_eq!(
            parsed("Array of objects"),
            array(TypePhrase::Object { name: None })
        );
        assert_eq!(parsed("Array of Widget objects"), array(object("Widget")));
        assert_eq!(parsed("Array of widgets objects"), array(object("widgets")));
        assert_eq!(parsed("Array of Widget object"), array(object("Widget")));
    }

    #[test]
    fn structures_and_lists_as_some_references_write_them() {
        assert_eq!(parsed("Resource_tag structure"), object("Resource_tag"));
        assert_eq!(parsed("Tags structure array"), array(object("Tags")));
        assert_eq!(parsed("String list"), array(TypePhrase::String));
        assert_eq!(parsed("Integer list"), array(TypePhrase::Integer));
        assert!(parse_type("Match condition structure array").is_err());
        assert!(parse_type("Object list").is_err());
    }

    #[test]
    fn arrays_named_by_their_items() {
        assert_eq!(parsed("String array"), array(TypePhrase::String));
        assert_eq!(parsed("Integer array"), array(TypePhrase::Integer));
        assert_eq!(parsed("model array"), array(object("model")));
        assert_eq!(parsed("task array"), array(object("task")));
        assert_eq!(parsed("JSON Array"), array(TypePhrase::Any));
    }

    #[test]
    fn a_bare_array_has_items_of_unstated_type() {
        assert_eq!(parsed("Array"), array(TypePhrase::Any));
    }

    #[test]
    fn bracketed_phrases() {
        assert_eq!(parsed("Array<String>"), array(TypePhrase::String));
        assert_eq!(
            parsed("Array<Object>"),
            array(TypePhrase::Object { name: None })
        );
        assert_eq!(parsed("Array<HardDetail>"), array(object("HardDetail")));
        assert_eq!(
            parsed("Array<Array<Integer>>"),
            array(array(TypePhrase::Integer))
        );
        assert_eq!(parsed("List<String>"), array(TypePhrase::String));
        assert_eq!(parsed("array < string >"), array(TypePhrase::String));
    }

    #[test]
    fn maps() {
        assert_eq!(parsed("Map<String,String>"), map(TypePhrase::String));
        assert_eq!(parsed("Map<String, String>"), map(TypePhrase::String));
        assert_eq!(parsed("Map<String,Integer>"), map(TypePhrase::Integer));
        assert_eq!(
            parsed("Map<String,Object>"),
            map(TypePhrase::Object { name: None })
        );
        assert_eq!(parsed("Map<String,HardDetail>"), map(object("HardDetail")));
        assert_eq!(
            parsed("Map<String,Array<String>>"),
            map(array(TypePhrase::String))
        );
        assert_eq!(
            parsed("Map<String,Map<String,Integer>>"),
            map(map(TypePhrase::Integer))
        );
        assert_eq!(parsed("Map"), map(TypePhrase::Any));
        assert_eq!(parsed("Dict"), map(TypePhrase::Any));
        assert_eq!(parsed("JSON"), TypePhrase::Any);
    }

    #[test]
    fn unknown_names_are_left_for_the_tables() {
        assert_eq!(
            parsed("CreateLoadBalancerOption"),
            TypePhrase::Named("CreateLoadBalancerOption".to_string())
        );
        assert_eq!(
            parsed("HardDetail"),
            TypePhrase::Named("HardDetail".to_string())
        );
    }

    #[test]
    fn anything_else_is_an_error() {
        for phrase in [
            "",
            "   ",
            "rule array depending on the mode",
            "Array of",
            "Array of Widget Info objects",
            "Array<>",
            "Array<String",
            "Array<String>>",
            "Map<String>",
            "Map<Integer,String>",
            "Set<String>",
            "String, Integer",
            "???",
            "1st object",
        ] {
            let error = parse_type(phrase).expect_err(phrase);
            assert_eq!(error.phrase, phrase.trim());
        }
    }
}

/// Whether a Type cell, read or not, says the value is a list
/// (`Array<Storage type>`, `List(Dict)`, `X array`, `String[]`): what the
/// resolver needs to degrade an unreadable list honestly.
pub fn is_list_phrase(cell: &str) -> bool {
    let cell = cell.trim().to_ascii_lowercase();
    ["array", "list"].iter().any(|word| {
        cell.starts_with(word) || cell.ends_with(word) || cell.ends_with(&format!("{word}s"))
    }) || cell.ends_with("[]")
}

#[cfg(test)]
mod list_phrase_tests {
    use super::is_list_phrase;

    #[test]
    fn lists_are_seen_in_unreadable_cells() {
        assert!(is_list_phrase("Array<Storage type>"));
        assert!(is_list_phrase("List(Dict)"));
        assert!(is_list_phrase("Storage array"));
        assert!(!is_list_phrase("Integer/Boolean"));
        assert!(!is_list_phrase(""));
    }
}
