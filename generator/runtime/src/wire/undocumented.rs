//! What an object held beyond its documented members: kept so that a value
//! serializes back to what was received.

use super::decode::At;
use super::object::CowStr;
use serde::de::{self, MapAccess};
use serde::ser::SerializeMap;
use std::fmt;

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

    /// Whether nothing was kept: no undocumented member and no explicit `null`.
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
        let key = key.into_string();
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
