//! `Validate` impls: one check call per documented constraint.

use super::types::ident;
use crate::model::{Field, Rules, Ty};
use crate::phrase::Limit;
use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

/// `impl Validate` for a struct or parameter group.
pub fn struct_impl(name: &Ident, fields: &[Field]) -> TokenStream {
    let checks: Vec<TokenStream> = fields.iter().filter_map(field_checks).collect();
    let (at, found) = if checks.is_empty() {
        (quote!(_at), quote!(_found))
    } else {
        (quote!(at), quote!(found))
    };
    quote! {
        impl validation::Validate for #name {
            fn validate_at(&self, #at: &validation::Path<'_>, #found: &mut validation::Violations) {
                #(#checks)*
            }
        }
    }
}

/// The checks of one field, or `None` when it has nothing to check.
fn field_checks(field: &Field) -> Option<TokenStream> {
    let value = quote!(value);
    let body = value_checks(&field.ty, &field.rules, &value)?;
    let name = ident(&field.rust);
    let wire = &field.wire;
    Some(if field.required {
        quote! {
            {
                let at = at.key(#wire);
                let value = &self.#name;
                #body
            }
        }
    } else {
        quote! {
            if let Some(value) = &self.#name {
                let at = at.key(#wire);
                #body
            }
        }
    })
}

/// Checks for a value of type `ty` bound to `value` (a reference), located at `at`.
fn value_checks(ty: &Ty, rules: &Rules, value: &TokenStream) -> Option<TokenStream> {
    let checks = match ty {
        Ty::Array(inner) => {
            let mut checks = Vec::new();
            if !rules.items.is_none() {
                let min = option(rules.items.min.map(Literal::u64_unsuffixed));
                let max = option(rules.items.max.map(Literal::u64_unsuffixed));
                checks
                    .push(quote!(validation::check::items(&at, #value.len(), #min, #max, found);));
            }
            let item_rules = Rules {
                items: Default::default(),
                ..rules.clone()
            };
            if let Some(item) = value_checks(inner, &item_rules, &quote!(item)) {
                checks.push(quote! {
                    for (i, item) in #value.iter().enumerate() {
                        let at = at.index(i);
                        #item
                    }
                });
            }
            checks
        }
        Ty::String => length(rules, quote!(#value.as_str())).into_iter().collect(),
        Ty::Secret => length(rules, quote!(#value.expose())).into_iter().collect(),
        Ty::Enum(name) => {
            let name = ident(name);
            let mut checks: Vec<TokenStream> =
                length(rules, quote!(#value.as_str())).into_iter().collect();
            checks.push(quote! {
                validation::check::documented(&at, #value.is_documented(), #value.as_str(), #name::DOCUMENTED, found);
            });
            checks
        }
        Ty::I32 | Ty::I64 | Ty::F64 => {
            let float = *ty == Ty::F64;
            let mut checks = Vec::new();
            if !rules.range.is_none() {
                let min = option(rules.range.min.map(|l| number(l, float)));
                let max = option(rules.range.max.map(|l| number(l, float)));
                checks.push(quote!(validation::check::range(&at, *#value, #min, #max, found);));
            }
            if let Some(list) = &rules.one_of {
                let list = list.iter().map(|l| number(*l, float));
                checks.push(quote!(validation::check::one_of(&at, #value, &[#(#list),*], found);));
            }
            checks
        }
        Ty::Struct(_) => vec![quote!(#value.validate_at(&at, found);)],
        Ty::Map(inner) => match value_checks(inner, &Rules::default(), &quote!(item)) {
            Some(item) => vec![quote! {
                for (key, item) in #value {
                    let at = at.key(key);
                    #item
                }
            }],
            None => Vec::new(),
        },
        Ty::Bool | Ty::Json => Vec::new(),
    };
    (!checks.is_empty()).then(|| quote!(#(#checks)*))
}

fn length(rules: &Rules, text: TokenStream) -> Option<TokenStream> {
    if rules.length.is_none() {
        return None;
    }
    let min = option(rules.length.min.map(Literal::u64_unsuffixed));
    let max = option(rules.length.max.map(Literal::u64_unsuffixed));
    Some(quote!(validation::check::length(&at, #text, #min, #max, found);))
}

/// A number literal; negative numbers as a minus sign and a literal, the form every parser accepts.
fn number(limit: Limit, float: bool) -> TokenStream {
    match (limit, float) {
        (Limit::Int(i), false) => {
            let magnitude = Literal::u64_unsuffixed(i.unsigned_abs());
            if i < 0 {
                quote!(-#magnitude)
            } else {
                quote!(#magnitude)
            }
        }
        (limit, _) => {
            let f = limit.as_f64();
            let magnitude = Literal::f64_unsuffixed(f.abs());
            if f < 0.0 {
                quote!(-#magnitude)
            } else {
                quote!(#magnitude)
            }
        }
    }
}

fn option<T: quote::ToTokens>(value: Option<T>) -> TokenStream {
    match value {
        Some(v) => quote!(Some(#v)),
        None => quote!(None),
    }
}
