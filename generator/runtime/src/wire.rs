// How generated types meet JSON: strict about types and required fields,
// lossless about everything else. Fields the docs do not list, and
// documented fields sent as explicit `null`, are kept in `Undocumented` so
// that a value serializes back to what was received.

use super::validation::Validate;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// A credential: serialized as the plain string, but never shown by `Debug`
/// or in error messages.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The credential itself, for the code that sends it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret(value.to_owned())
    }
}

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret)
    }
}

impl Decode for Secret {
    #[inline]
    fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Self::deserialize(deserializer)
    }
}

/// What a JSON object held beyond its documented fields, kept for a lossless round trip.
#[derive(Clone, Default)]
pub struct Undocumented {
    // Boxed and absent in the usual case, where an object holds only documented
    // members: every generated struct carries one, and a single pointer is
    // cheaper to move and drop than the two vectors. Present only once a
    // member or a null is recorded (nothing removes either).
    members: Option<Box<Members>>,
}

#[derive(Clone, Default)]
struct Members {
    fields: Vec<(String, serde_json::Value)>,
    nulls: Vec<&'static str>,
}

impl Undocumented {
    /// Nothing beyond the documented members: what a value built in code holds.
    pub const fn new() -> Self {
        Undocumented { members: None }
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_none()
    }

    fn field_list(&self) -> &[(String, serde_json::Value)] {
        self.members.as_ref().map_or(&[], |m| &m.fields)
    }

    fn null_list(&self) -> &[&'static str] {
        self.members.as_ref().map_or(&[], |m| &m.nulls)
    }

    fn members_mut(&mut self) -> &mut Members {
        self.members.get_or_insert_with(Box::default)
    }

    /// A member the docs do not list.
    pub fn get(&self, key: &str) -> Option<&serde_json::Value> {
        self.field_list()
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    /// The members the docs do not list, in the order received.
    pub fn fields(&self) -> impl Iterator<Item = (&str, &serde_json::Value)> {
        self.field_list().iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Adds (or replaces) a member the docs do not list.
    pub fn insert(&mut self, key: impl Into<String>, value: serde_json::Value) {
        let key = key.into();
        let fields = &mut self.members_mut().fields;
        match fields.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => fields.push((key, value)),
        }
    }

    /// Whether the documented optional field `field` was received as an explicit `null`.
    #[inline]
    pub fn is_null(&self, field: &str) -> bool {
        self.null_list().contains(&field)
    }

    /// Records that the documented optional field `field` was an explicit `null`.
    #[inline]
    pub fn set_null(&mut self, field: &'static str) {
        if !self.is_null(field) {
            self.members_mut().nulls.push(field);
        }
    }

    /// Reads the value of an undocumented member.
    pub fn read_value<'de, A: MapAccess<'de>>(
        &mut self,
        key: CowStr<'de>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let key = key.0.into_owned();
        if self.get(&key).is_some() {
            return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
        }
        let value = map.next_value_seed(At::<serde_json::Value>::key(&key))?;
        self.members_mut().fields.push((key, value));
        Ok(())
    }

    /// Writes the undocumented members after the documented ones.
    #[inline]
    pub fn write_entries<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        for (key, value) in self.field_list() {
            map.serialize_entry(key, value)?;
        }
        Ok(())
    }
}

// By content, as the two vectors compared and printed before they were boxed.
impl PartialEq for Undocumented {
    fn eq(&self, other: &Self) -> bool {
        self.field_list() == other.field_list() && self.null_list() == other.null_list()
    }
}

impl fmt::Debug for Undocumented {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Undocumented")
            .field("fields", &self.field_list())
            .field("nulls", &self.null_list())
            .finish()
    }
}

/// A string (an object key or an enumeration value), borrowed from the input when it can be.
pub struct CowStr<'de>(Cow<'de, str>);

impl CowStr<'_> {
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for CowStr<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> de::Visitor<'de> for Visitor {
            type Value = CowStr<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(CowStr(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(CowStr(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(CowStr(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// What a generated struct tells the runtime so that the runtime's one
/// visitor and one writer handle it: its documented members and how each is
/// read and written. Everything else (the key loop, undocumented members,
/// duplicate keys, the map's framing) is shared.
pub trait Object: Sized {
    /// What the visitor expects, for serde's errors: `a RequestBody object`.
    const EXPECTING: &'static str;
    /// One slot per documented member, each `None` until its key is read.
    type Slots: Default;

    /// Reads the value of `key` into its slot; `Ok(false)` when the docs do not list `key`.
    fn read_member<'de, A: MapAccess<'de>>(
        slots: &mut Self::Slots,
        key: &str,
        map: &mut A,
    ) -> Result<bool, A::Error>;

    /// The value from its slots: fails when a required member is missing.
    fn from_slots<E: de::Error>(slots: Self::Slots, undocumented: Undocumented) -> Result<Self, E>;

    /// Writes every member, documented then undocumented.
    fn write_members<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;
}

/// Reads a generated struct from a JSON object.
#[inline]
pub fn deserialize_object<'de, T: Object, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_map(ObjectVisitor(PhantomData))
}

struct ObjectVisitor<T>(PhantomData<fn() -> T>);

impl<'de, T: Object> de::Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut slots = T::Slots::default();
        let mut undocumented = Undocumented::default();
        while let Some(key) = map.next_key::<CowStr<'de>>()? {
            if !T::read_member(&mut slots, key.as_str(), &mut map)? {
                undocumented.read_value(key, &mut map)?;
            }
        }
        T::from_slots(slots, undocumented)
    }
}

/// Writes a generated struct as a JSON object.
#[inline]
pub fn serialize_object<T: Object, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    value.write_members(&mut map)?;
    map.end()
}

/// Reads the value of a required field; a second occurrence is an error.
/// `Ok(true)`, what [`Object::read_member`] returns for a documented key, so
/// that each arm of its match is this call alone.
#[inline]
pub fn read_required<'de, A: MapAccess<'de>, T: Decode>(
    map: &mut A,
    slot: &mut Option<T>,
    field: &'static str,
) -> Result<bool, A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(field));
    }
    *slot = Some(map.next_value_seed(At::key(field))?);
    Ok(true)
}

/// Reads the value of an optional field: `Some(None)` is an explicit `null`,
/// told apart from an absent field (`None`) without a look-up per field.
#[inline]
pub fn read_optional<'de, A: MapAccess<'de>, T: Decode>(
    map: &mut A,
    slot: &mut Option<Option<T>>,
    field: &'static str,
) -> Result<bool, A::Error> {
    read_required(map, slot, field)
}

/// The value of an optional field, recording an explicit `null` so that it is written back.
#[inline]
pub fn optional<T>(
    slot: Option<Option<T>>,
    undocumented: &mut Undocumented,
    field: &'static str,
) -> Option<T> {
    match slot {
        Some(None) => {
            undocumented.set_null(field);
            None
        }
        Some(value) => value,
        None => None,
    }
}

/// The value of a required field, or the error that names it.
#[inline]
pub fn present<T, E: de::Error>(slot: Option<T>, field: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| de::Error::missing_field(field))
}

/// Writes an optional field: its value, an explicit `null` if one was received, or nothing.
#[inline]
pub fn write_optional<M: SerializeMap, T: Serialize>(
    map: &mut M,
    field: &'static str,
    value: &Option<T>,
    undocumented: &Undocumented,
) -> Result<(), M::Error> {
    match value {
        Some(value) => map.serialize_entry(field, value),
        None if undocumented.is_null(field) => map.serialize_entry(field, &()),
        None => Ok(()),
    }
}

/// A payload that could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// JSON pointer of the value that failed (`/task_info/0/task_id`; empty for the whole document).
    pub path: String,
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
struct At<'a, T> {
    part: Part<'a>,
    value: PhantomData<fn() -> T>,
}

impl<'a, T> At<'a, T> {
    fn key(key: &'a str) -> Self {
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
fn read_elements<'de, A: SeqAccess<'de>, T: Decode>(mut seq: A) -> Result<Vec<T>, A::Error> {
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

/// What checking an example payload showed.
#[derive(Debug, Clone, PartialEq)]
pub enum ExampleCheck {
    /// Read, valid, and written back to the same JSON value.
    RoundTrip,
    /// Read and written back to the same JSON value, but breaks documented constraints (as displayed).
    Violations(Vec<String>),
    /// Read, but written back to a different value: something was lost.
    Lossy { written: String },
    /// Could not be read as the documented type.
    Decode(DecodeError),
    /// Not JSON.
    InvalidJson(String),
}

/// Reads a JSON example as `T`, validates it and writes it back.
pub fn check_json_example<T: Decode + Serialize + Validate>(json: &str) -> ExampleCheck {
    let original: serde_json::Value = match serde_json::from_str(json) {
        Ok(value) => value,
        Err(e) => return ExampleCheck::InvalidJson(e.to_string()),
    };
    let value: T = match from_json(json.as_bytes()) {
        Ok(value) => value,
        Err(e) => return ExampleCheck::Decode(e),
    };
    let written = match serde_json::to_value(&value) {
        Ok(written) => written,
        Err(e) => {
            return ExampleCheck::Lossy {
                written: e.to_string(),
            }
        }
    };
    if !same_json(&original, &written) {
        return ExampleCheck::Lossy {
            written: written.to_string(),
        };
    }
    match value.validate() {
        Ok(()) => ExampleCheck::RoundTrip,
        Err(violations) => {
            ExampleCheck::Violations(violations.iter().map(ToString::to_string).collect())
        }
    }
}

/// Reads a plain-text example and writes it back.
pub fn check_text_example(text: &str) -> ExampleCheck {
    match from_text(text.as_bytes()) {
        Ok(read) if read == text => ExampleCheck::RoundTrip,
        Ok(read) => ExampleCheck::Lossy { written: read },
        Err(e) => ExampleCheck::Decode(e),
    }
}

/// JSON equality where numbers compare by value: `5` and `5.0` are the same JSON number.
pub fn same_json(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
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

/// `Deserialize` and `Serialize` for a generated struct, through its
/// [`Object`] impl: the one impl every struct shares, written once.
#[macro_export]
macro_rules! object_serde {
    ($name:ident) => {
        impl<'de> $crate::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::wire::deserialize_object(deserializer)
            }
        }

        impl $crate::wire::Decode for $name {
            fn decode<'de, D: $crate::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::wire::deserialize_object(deserializer)
            }
        }

        impl $crate::serde::Serialize for $name {
            fn serialize<S: $crate::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::wire::serialize_object(self, serializer)
            }
        }
    };
}

/// `Display`, `Deserialize` and `Serialize` for a generated string
/// enumeration, through its `as_str` and `From<&str>` (which keeps
/// undocumented values).
#[macro_export]
macro_rules! string_enum_impls {
    ($name:ident) => {
        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::serde::Serialize for $name {
            fn serialize<S: $crate::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                let value =
                    <$crate::wire::CowStr<'de> as $crate::serde::Deserialize<'de>>::deserialize(
                        deserializer,
                    )?;
                ::core::result::Result::Ok(<$name as ::core::convert::From<&str>>::from(
                    value.as_str(),
                ))
            }
        }

        impl $crate::wire::Decode for $name {
            fn decode<'de, D: $crate::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                <$name as $crate::serde::Deserialize<'de>>::deserialize(deserializer)
            }
        }
    };
}
