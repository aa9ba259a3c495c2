//! Reading payloads: strict about types and required members, and an error
//! that names the JSON path of the value that failed.

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess};
use serde::{Deserialize, Deserializer};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// A payload that could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// JSON pointer of the value that failed (`/task_info/0/task_id`; empty for the whole document).
    pub path: String,
    /// What was wrong there.
    pub message: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        write!(f, "{path}: {}", self.message)
    }
}

impl std::error::Error for DecodeError {}

/// Reads a JSON payload; an error names the JSON path that failed.
pub fn from_json<T: Decode>(json: &[u8]) -> Result<T, DecodeError> {
    // Tracking the path costs on every value; read at full speed first and
    // read again, with the path, only to explain a failure. Both reads run
    // the same code, so the path costs no second copy of every type's reader.
    read_json(json).map_err(|_| explain::<T>(json))
}

fn read_json<T: Decode>(json: &[u8]) -> Result<T, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_slice(json);
    let value = T::decode(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

/// Where and why reading `json` fails.
#[cold]
fn explain<T: Decode>(json: &[u8]) -> DecodeError {
    let mut deserializer = serde_json::Deserializer::from_slice(json);
    FAILED_AT.set(Some(Vec::new()));
    let read = match T::decode(&mut deserializer) {
        Ok(_) => Ok(()),
        Err(e) => Err(e),
    };
    describe(read, deserializer)
}

/// The error of `explain`'s read, or of what follows the value; kept apart
/// from `explain` so that it is compiled once, not once per type.
fn describe(
    read: Result<(), serde_json::Error>,
    mut deserializer: serde_json::Deserializer<serde_json::de::SliceRead<'_>>,
) -> DecodeError {
    let mut path = FAILED_AT.take().unwrap_or_default();
    match read.map(|()| deserializer.end()) {
        Err(e) => {
            path.reverse();
            DecodeError {
                path: path.concat(),
                message: without_position(&e),
            }
        }
        Ok(end) => DecodeError {
            path: String::new(),
            message: end.err().map(|e| e.to_string()).unwrap_or_default(),
        },
    }
}

/// serde_json's message without its " at line L column C" suffix when a path says more.
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match (error.classify(), message.rfind(" at line ")) {
        (serde_json::error::Category::Data, Some(i)) => message[..i].to_owned(),
        _ => message,
    }
}

thread_local! {
    /// While `explain` reads: the JSON pointer segments (`/key`, `/0`) of
    /// the values a failure passed through, innermost first.
    static FAILED_AT: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
}

/// Records, while a failure is being explained, that it happened inside `part`.
#[cold]
fn failed_at(part: Part<'_>) {
    FAILED_AT.with(|path| {
        if let Some(path) = path.borrow_mut().as_mut() {
            path.push(match part {
                Part::Key(key) => format!("/{}", key.replace('~', "~0").replace('/', "~1")),
                Part::Index(index) => format!("/{index}"),
            });
        }
    });
}

/// How a documented type is read. The same as its `Deserialize`, except
/// that lists, maps and untyped JSON say which element or member failed,
/// so that `from_json` finds the JSON path of an error by reading again
/// through the same code instead of through a path-tracking deserializer
/// (which would compile every type's reader a second time).
pub trait Decode: Sized {
    /// Reads a value, recording where inside it a failure happened.
    fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
}

macro_rules! decode_by_deserialize {
    ($($ty:ty),*) => {$(
        impl Decode for $ty {
            #[inline]
            fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <$ty as Deserialize<'de>>::deserialize(deserializer)
            }
        }
    )*};
}

decode_by_deserialize!(String, bool, i32, i64, f64);

/// Where in its parent a value is.
#[derive(Clone, Copy)]
enum Part<'a> {
    Key(&'a str),
    Index(usize),
}

/// Reads a `T` that sits at `part` of its parent, recording `part` if it fails.
pub(super) struct At<'a, T> {
    part: Part<'a>,
    value: PhantomData<fn() -> T>,
}

impl<'a, T> At<'a, T> {
    pub(super) fn key(key: &'a str) -> Self {
        At {
            part: Part::Key(key),
            value: PhantomData,
        }
    }

    fn index(index: usize) -> Self {
        At {
            part: Part::Index(index),
            value: PhantomData,
        }
    }
}

impl<'de, T: Decode> DeserializeSeed<'de> for At<'_, T> {
    type Value = T;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        match T::decode(deserializer) {
            Ok(value) => Ok(value),
            Err(e) => {
                failed_at(self.part);
                Err(e)
            }
        }
    }
}

impl<T: Decode> Decode for Option<T> {
    #[inline]
    fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor<T>(PhantomData<fn() -> T>);
        impl<'de, T: Decode> de::Visitor<'de> for Visitor<T> {
            type Value = Option<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("option")
            }
            #[inline]
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            #[inline]
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            #[inline]
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                T::decode(d).map(Some)
            }
        }
        deserializer.deserialize_option(Visitor(PhantomData))
    }
}

impl<T: Decode> Decode for Vec<T> {
    #[inline]
    fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor<T>(PhantomData<fn() -> T>);
        impl<'de, T: Decode> de::Visitor<'de> for Visitor<T> {
            type Value = Vec<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a sequence")
            }
            #[inline]
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                read_elements(seq)
            }
        }
        deserializer.deserialize_seq(Visitor(PhantomData))
    }
}

/// The elements of a list, each recording its index if it fails.
#[inline]
pub(super) fn read_elements<'de, A: SeqAccess<'de>, T: Decode>(
    mut seq: A,
) -> Result<Vec<T>, A::Error> {
    let mut values = Vec::new();
    while let Some(value) = seq.next_element_seed(At::index(values.len()))? {
        values.push(value);
    }
    Ok(values)
}

impl<T: Decode> Decode for BTreeMap<String, T> {
    #[inline]
    fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor<T>(PhantomData<fn() -> T>);
        impl<'de, T: Decode> de::Visitor<'de> for Visitor<T> {
            type Value = BTreeMap<String, T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }
            #[inline]
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut values = BTreeMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value = map.next_value_seed(At::key(&key))?;
                    values.insert(key, value);
                }
                Ok(values)
            }
        }
        deserializer.deserialize_map(Visitor(PhantomData))
    }
}

/// Untyped JSON, read as `serde_json::Value` reads itself.
impl Decode for serde_json::Value {
    #[inline]
    fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde_json::{Map, Number, Value};
        struct Visitor;
        impl<'de> de::Visitor<'de> for Visitor {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any valid JSON value")
            }
            #[inline]
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
                Ok(Value::Bool(v))
            }
            #[inline]
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
                Ok(Value::Number(v.into()))
            }
            #[inline]
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
                Value::deserialize(de::value::I128Deserializer::<E>::new(v))
            }
            #[inline]
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
                Ok(Value::Number(v.into()))
            }
            #[inline]
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
                Value::deserialize(de::value::U128Deserializer::<E>::new(v))
            }
            #[inline]
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
                Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
            }
            #[inline]
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
                Ok(Value::String(v.to_owned()))
            }
            #[inline]
            fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
                Ok(Value::String(v))
            }
            #[inline]
            fn visit_none<E: de::Error>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            #[inline]
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
                Value::decode(d)
            }
            #[inline]
            fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            #[inline]
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Value, A::Error> {
                read_elements(seq).map(Value::Array)
            }
            #[inline]
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
                let mut values = Map::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value = map.next_value_seed(At::key(&key))?;
                    values.insert(key, value);
                }
                Ok(Value::Object(values))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Reads a body documented as plain text.
pub fn from_text(body: &[u8]) -> Result<String, DecodeError> {
    String::from_utf8(body.to_vec()).map_err(|e| DecodeError {
        path: String::new(),
        message: format!(
            "the body is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ),
    })
}
