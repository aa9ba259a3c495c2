//! Reading example payloads as the generated decoder meets them: a JSON
//! reader that sees repeated keys. serde_json's map keeps the last value of
//! a repeated key silently, while the generated structs reject the second
//! occurrence; predicting the decoder needs to know where keys repeat.

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;

/// A key that appears twice in one object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeat {
    pub key: String,
    /// How many distinct keys the object had before the repeat: where, in
    /// the object's members, a decoder reading in order meets it.
    pub after_members: usize,
}

/// A payload: the value (a repeated key keeps its last value, as
/// serde_json's map does) and the first repeat of every object that has one,
/// by the object's JSON pointer.
#[derive(Debug, Clone)]
pub struct Payload {
    pub value: Value,
    pub repeats: BTreeMap<String, Repeat>,
}

/// Reads JSON text, recording repeated keys.
pub fn read(text: &str) -> Result<Payload, serde_json::Error> {
    let repeats = RefCell::new(BTreeMap::new());
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = Node {
        path: String::new(),
        repeats: &repeats,
    }
    .deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(Payload {
        value,
        repeats: repeats.into_inner(),
    })
}

struct Node<'r> {
    path: String,
    repeats: &'r RefCell<BTreeMap<String, Repeat>>,
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Node {
            path: format!("{}/{}", self.path, items.len()),
            repeats: self.repeats,
        })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let path = format!(
                "{}/{}",
                self.path,
                key.replace('~', "~0").replace('/', "~1")
            );
            let value = map.next_value_seed(Node {
                path,
                repeats: self.repeats,
            })?;
            if members.contains_key(&key) {
                let repeat = Repeat {
                    key: key.clone(),
                    after_members: members.len(),
                };
                self.repeats
                    .borrow_mut()
                    .entry(self.path.clone())
                    .or_insert(repeat);
            }
            members.insert(key, value);
        }
        Ok(Value::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_are_seen_where_they_repeat() {
        let payload =
            read(r#"{"a": 1, "l": {"x": 1, "y": 2, "x": 3}, "b": [{"k": 1, "k": 2}]}"#).unwrap();
        assert_eq!(
            payload.value["l"]["x"], 3,
            "the last value, as serde_json keeps it"
        );
        assert_eq!(
            payload.repeats,
            BTreeMap::from([
                (
                    "/l".to_owned(),
                    Repeat {
                        key: "x".to_owned(),
                        after_members: 2
                    }
                ),
                (
                    "/b/0".to_owned(),
                    Repeat {
                        key: "k".to_owned(),
                        after_members: 1
                    }
                ),
            ])
        );
        assert!(read("{").is_err());
        assert!(read(r#"{"a": 1} x"#).is_err());
    }
}
