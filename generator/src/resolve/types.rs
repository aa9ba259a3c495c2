//! Type phrases into Rust types, and what a type means for its constraints.

use super::Resolver;
use crate::model::Ty;
use crate::phrase::{Limit, Subject, TypePhrase};
use crate::spec::{Row, Side};

impl Resolver<'_> {
    /// The Rust type of a type phrase, linking object names to tables.
    pub(super) fn ty(&self, phrase: &TypePhrase, row: &Row, side: Side) -> Result<Ty, String> {
        let explicit_ref = row.object.as_deref().map(str::trim);
        Ok(match phrase {
            TypePhrase::String => Ty::String,
            TypePhrase::Integer => Ty::I32,
            TypePhrase::Long => Ty::I64,
            TypePhrase::Number => Ty::F64,
            TypePhrase::Boolean => Ty::Bool,
            TypePhrase::Any => Ty::Json,
            TypePhrase::Object { name } => match explicit_ref.or(name.as_deref()) {
                Some(name) => Ty::Struct(self.object(name, side, false)?),
                None => Ty::Map(Box::new(Ty::Json)),
            },
            TypePhrase::Named(name) => {
                Ty::Struct(self.object(explicit_ref.unwrap_or(name), side, true)?)
            }
            TypePhrase::Array(inner) => Ty::Array(Box::new(self.ty(inner, row, side)?)),
            TypePhrase::Map(inner) => {
                // A reference names the map's values, not the map.
                let value = match (explicit_ref, inner.as_ref()) {
                    (Some(name), TypePhrase::Any | TypePhrase::Object { name: None }) => {
                        Ty::Struct(self.object(name, side, false)?)
                    }
                    _ => self.ty(inner, row, side)?,
                };
                Ty::Map(Box::new(value))
            }
        })
    }
}

/// What `Minimum`/`Maximum` mean for a value of this type.
pub(super) fn subject(ty: &Ty) -> Subject {
    match ty {
        Ty::String | Ty::Secret | Ty::Enum(_) => Subject::Text,
        Ty::I32 | Ty::I64 => Subject::Integer,
        Ty::F64 => Subject::Number,
        Ty::Bool => Subject::Boolean,
        Ty::Struct(_) | Ty::Map(_) | Ty::Json => Subject::Object,
        Ty::Array(inner) => match inner.innermost() {
            Ty::String | Ty::Secret | Ty::Enum(_) => Subject::ArrayOfText,
            Ty::I32 | Ty::I64 | Ty::F64 => Subject::ArrayOfNumbers,
            _ => Subject::ArrayOfOther,
        },
    }
}

/// Replaces the scalar `from` at the bottom of `ty` by `to`; true if it did.
pub(super) fn replace_strings(ty: &mut Ty, from: Ty, to: Ty) -> bool {
    match ty {
        Ty::Array(inner) => replace_strings(inner, from, to),
        scalar if *scalar == from => {
            *scalar = to;
            true
        }
        _ => false,
    }
}

pub(super) fn fits_i32(limit: Option<Limit>) -> bool {
    match limit {
        Some(Limit::Int(i)) => i32::try_from(i).is_ok(),
        Some(Limit::Float(f)) => f >= i32::MIN as f64 && f <= i32::MAX as f64,
        None => true,
    }
}
