//! Type phrases into Rust types, and what a type means for its constraints.

use super::link::Linked;
use super::Resolver;
use crate::model::Ty;
use crate::phrase::{Limit, Subject, TypePhrase};

impl Resolver<'_> {
    /// The Rust type of a linked type phrase.
    pub(super) fn ty(&self, linked: &Linked) -> Result<Ty, String> {
        Ok(match linked {
            Linked::Scalar(TypePhrase::Integer) => Ty::I32,
            Linked::Scalar(TypePhrase::Long) => Ty::I64,
            Linked::Scalar(TypePhrase::Number) => Ty::F64,
            Linked::Scalar(TypePhrase::Boolean) => Ty::Bool,
            Linked::Scalar(_) => Ty::String,
            Linked::Any => Ty::Json,
            Linked::FreeObject => Ty::Map(Box::new(Ty::Json)),
            Linked::Table(t) => Ty::Struct(self.object_name(*t)?),
            Linked::Missing { name, bare: true } => {
                return Err(format!(
                    "unknown type phrase \"{name}\": not a documented type, and no object table has this name"
                ))
            }
            Linked::Missing { name, bare: false } => return Err(dangling(name)),
            Linked::Array(inner) => Ty::Array(Box::new(self.ty(inner)?)),
            Linked::Map(values) => Ty::Map(Box::new(self.ty(values)?)),
        })
    }

    /// The Rust name of object table `t`; a table that got none (it lacks a
    /// name, or repeats one: reported with the table) cannot be referred to.
    fn object_name(&self, t: usize) -> Result<String, String> {
        match self.object_names.get(&t) {
            Some(rust) => Ok(rust.clone()),
            None => Err(dangling(
                self.tables()[t].name.as_deref().unwrap_or_default(),
            )),
        }
    }
}

fn dangling(name: &str) -> String {
    format!(
        "dangling object reference: no object table named \"{name}\" (add the table, or set `ref` to the table that describes it)"
    )
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
