//! The spec types read from a [`Document`]'s nodes, the way serde_yaml
//! reads them from the same YAML: scalars of every style read as strings,
//! plain ones also as numbers (and, where any value fits, as null, booleans
//! and floats) by serde_yaml's rules, ported below. What serde_yaml reads
//! otherwise, or rejects, fails here (without a message: the general loader
//! then reads the file and words it).

use super::{Document, Kind};
use crate::spec::Spec;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, Deserialize, DeserializeSeed, Visitor};
use std::fmt;
use std::num::ParseIntError;

pub(super) fn spec(document: &Document) -> Option<Spec> {
    let mut reader = Reader { document, at: 0 };
    Spec::deserialize(&mut reader).ok()
}

/// The nodes do not read as the type asked for.
#[derive(Debug)]
struct Unfit;

impl fmt::Display for Unfit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not in the importer's layout")
    }
}

impl std::error::Error for Unfit {}

impl de::Error for Unfit {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unfit
    }
}

type Result<T> = std::result::Result<T, Unfit>;

/// Reads the node at `at`, and moves past it.
struct Reader<'d> {
    document: &'d Document<'d>,
    at: usize,
}

impl<'d> Reader<'d> {
    fn kind(&self) -> Kind {
        self.document.nodes[self.at].kind
    }

    fn end(&self) -> usize {
        self.document.nodes[self.at].end as usize
    }

    /// The scalar at `at` and whether it is plain; `None` for a collection.
    fn scalar(&self) -> Option<(&'d str, bool)> {
        let document = self.document;
        match self.kind() {
            Kind::Plain(start, end) => Some((document.slice((start, end)), true)),
            Kind::Quoted(start, end) => Some((document.slice((start, end)), false)),
            Kind::Owned(index) => Some((document.owned[index as usize].as_str(), false)),
            Kind::Mapping | Kind::Sequence => None,
        }
    }

    /// The plain scalar at `at`, read past.
    fn take_plain(&mut self) -> Result<&'d str> {
        match self.scalar() {
            Some((value, true)) => {
                self.at += 1;
                Ok(value)
            }
            _ => Err(Unfit),
        }
    }

    fn mapping<V: Visitor<'d>>(&mut self, visitor: V) -> Result<V::Value> {
        let end = self.end();
        self.at += 1;
        let value = visitor.visit_map(Entries { reader: self, end })?;
        if self.at != end {
            return Err(Unfit);
        }
        Ok(value)
    }

    fn sequence<V: Visitor<'d>>(&mut self, visitor: V) -> Result<V::Value> {
        let end = self.end();
        self.at += 1;
        let value = visitor.visit_seq(Items { reader: self, end })?;
        if self.at != end {
            return Err(Unfit);
        }
        Ok(value)
    }
}

macro_rules! unfit {
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
            Err(Unfit)
        })*
    };
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Unfit;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.kind() {
            Kind::Mapping => self.mapping(visitor),
            Kind::Sequence => self.sequence(visitor),
            _ => {
                let (value, plain) = self.scalar().ok_or(Unfit)?;
                self.at += 1;
                if plain {
                    visit_untagged_scalar(visitor, value)
                } else {
                    visitor.visit_borrowed_str(value)
                }
            }
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let (value, _) = self.scalar().ok_or(Unfit)?;
        self.at += 1;
        visitor.visit_borrowed_str(value)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.scalar() {
            Some((value, true)) if value.is_empty() || parse_null(value).is_some() => {
                self.at += 1;
                visitor.visit_none()
            }
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let value = self.take_plain()?;
        match parse_unsigned_int(value, u64::from_str_radix) {
            Some(int) => visitor.visit_u64(int),
            None => Err(Unfit),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.kind() {
            Kind::Sequence => self.sequence(visitor),
            _ => Err(Unfit),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.kind() {
            Kind::Mapping => self.mapping(visitor),
            _ => Err(Unfit),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_map(visitor)
    }

    /// A unit variant, named by a scalar of any style (as serde_yaml reads an untagged one).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.scalar() {
            Some(_) => visitor.visit_enum(UnitVariant { reader: self }),
            None => Err(Unfit),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.at = self.end();
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _visitor: V,
    ) -> Result<V::Value> {
        Err(Unfit)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        Err(Unfit)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        _visitor: V,
    ) -> Result<V::Value> {
        Err(Unfit)
    }

    // The spec types need none of these: left to serde_yaml.
    unfit!(deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128 deserialize_u128 deserialize_f32 deserialize_f64
        deserialize_char deserialize_bytes deserialize_byte_buf deserialize_unit);
}

/// A mapping's entries, up to the node `end`.
struct Entries<'r, 'd> {
    reader: &'r mut Reader<'d>,
    end: usize,
}

impl<'de> de::MapAccess<'de> for Entries<'_, 'de> {
    type Error = Unfit;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.reader.at >= self.end {
            return Ok(None);
        }
        let document = self.reader.document;
        let key = document.slice(document.nodes[self.reader.at].key);
        seed.deserialize(BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(&mut *self.reader)
    }
}

/// A sequence's items, up to the node `end`.
struct Items<'r, 'd> {
    reader: &'r mut Reader<'d>,
    end: usize,
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = Unfit;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.reader.at >= self.end {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

/// An enum value written as its variant's name.
struct UnitVariant<'r, 'd> {
    reader: &'r mut Reader<'d>,
}

impl<'r, 'de> de::EnumAccess<'de> for UnitVariant<'r, 'de> {
    type Error = Unfit;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        Ok((seed.deserialize(&mut *self.reader)?, self))
    }
}

impl<'de> de::VariantAccess<'de> for UnitVariant<'_, 'de> {
    type Error = Unfit;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value> {
        Err(Unfit)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        Err(Unfit)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value> {
        Err(Unfit)
    }
}

// How serde_yaml 0.9 (de.rs) reads an untagged plain scalar; ported as it
// is, so that a value such as `0x1F`, `1.50` or `True` means the same here.

fn visit_untagged_scalar<'de, V: Visitor<'de>>(visitor: V, v: &'de str) -> Result<V::Value> {
    if v.is_empty() || parse_null(v).is_some() {
        return visitor.visit_unit();
    }
    if let Some(boolean) = parse_bool(v) {
        return visitor.visit_bool(boolean);
    }
    let visitor = match visit_int(visitor, v) {
        Ok(result) => return result,
        Err(visitor) => visitor,
    };
    if !digits_but_not_number(v) {
        if let Some(float) = parse_f64(v) {
            return visitor.visit_f64(float);
        }
    }
    visitor.visit_borrowed_str(v)
}

fn parse_null(scalar: &str) -> Option<()> {
    match scalar {
        "null" | "Null" | "NULL" | "~" => Some(()),
        _ => None,
    }
}

fn parse_bool(scalar: &str) -> Option<bool> {
    match scalar {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

fn visit_int<'de, V: Visitor<'de>>(
    visitor: V,
    v: &str,
) -> std::result::Result<Result<V::Value>, V> {
    if let Some(int) = parse_unsigned_int(v, u64::from_str_radix) {
        return Ok(visitor.visit_u64(int));
    }
    if let Some(int) = parse_negative_int(v, i64::from_str_radix) {
        return Ok(visitor.visit_i64(int));
    }
    if let Some(int) = parse_unsigned_int(v, u128::from_str_radix) {
        return Ok(visitor.visit_u128(int));
    }
    if let Some(int) = parse_negative_int(v, i128::from_str_radix) {
        return Ok(visitor.visit_i128(int));
    }
    Err(visitor)
}

fn parse_unsigned_int<T>(
    scalar: &str,
    from_str_radix: fn(&str, radix: u32) -> std::result::Result<T, ParseIntError>,
) -> Option<T> {
    let unpositive = scalar.strip_prefix('+').unwrap_or(scalar);
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = unpositive.strip_prefix(prefix) {
            if rest.starts_with(['+', '-']) {
                return None;
            }
            if let Ok(int) = from_str_radix(rest, radix) {
                return Some(int);
            }
        }
    }
    if unpositive.starts_with(['+', '-']) {
        return None;
    }
    if digits_but_not_number(scalar) {
        return None;
    }
    from_str_radix(unpositive, 10).ok()
}

fn parse_negative_int<T>(
    scalar: &str,
    from_str_radix: fn(&str, radix: u32) -> std::result::Result<T, ParseIntError>,
) -> Option<T> {
    for (prefix, radix) in [("-0x", 16), ("-0o", 8), ("-0b", 2)] {
        if let Some(rest) = scalar.strip_prefix(prefix) {
            if let Ok(int) = from_str_radix(&format!("-{rest}"), radix) {
                return Some(int);
            }
        }
    }
    if digits_but_not_number(scalar) {
        return None;
    }
    from_str_radix(scalar, 10).ok()
}

fn parse_f64(scalar: &str) -> Option<f64> {
    let unpositive = if let Some(unpositive) = scalar.strip_prefix('+') {
        if unpositive.starts_with(['+', '-']) {
            return None;
        }
        unpositive
    } else {
        scalar
    };
    if let ".inf" | ".Inf" | ".INF" = unpositive {
        return Some(f64::INFINITY);
    }
    if let "-.inf" | "-.Inf" | "-.INF" = scalar {
        return Some(f64::NEG_INFINITY);
    }
    if let ".nan" | ".NaN" | ".NAN" = scalar {
        return Some(f64::NAN.copysign(1.0));
    }
    if let Ok(float) = unpositive.parse::<f64>() {
        if float.is_finite() {
            return Some(float);
        }
    }
    None
}

/// Leading zeros followed by digits make a string in YAML 1.2.
fn digits_but_not_number(scalar: &str) -> bool {
    let scalar = scalar.strip_prefix(['-', '+']).unwrap_or(scalar);
    scalar.len() > 1 && scalar.starts_with('0') && scalar[1..].bytes().all(|b| b.is_ascii_digit())
}
