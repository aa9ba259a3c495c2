//! How generated structs and enumerations are read and written: one visitor
//! and one writer for every struct (each struct tells them its members
//! through [`Object`]), and the macros that give each type its serde impls.

use super::decode::At;
use super::{Decode, Undocumented};
use serde::de::{self, MapAccess};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

/// A string (an object key or an enumeration value), borrowed from the input when it can be.
pub struct CowStr<'de>(Cow<'de, str>);

impl CowStr<'_> {
    #[inline]
    /// The string.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The string, owned.
    pub(super) fn into_string(self) -> String {
        self.0.into_owned()
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
