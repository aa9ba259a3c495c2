//! Structs and enums, with their constructors.

use super::{docs, serde_impls, validate};
use crate::model::{Enum, Field, Operation, Struct, Ty};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// An identifier; `r#name` becomes a raw identifier.
pub fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// The Rust type of a value.
pub fn ty(ty: &Ty) -> TokenStream {
    match ty {
        Ty::String => quote!(String),
        Ty::Secret => quote!(wire::Secret),
        Ty::I32 => quote!(i32),
        Ty::I64 => quote!(i64),
        Ty::F64 => quote!(f64),
        Ty::Bool => quote!(bool),
        Ty::Struct(name) | Ty::Enum(name) => {
            let name = ident(name);
            quote!(#name)
        }
        Ty::Array(inner) => {
            let inner = self::ty(inner);
            quote!(Vec<#inner>)
        }
        Ty::Map(inner) => {
            let inner = self::ty(inner);
            quote!(::std::collections::BTreeMap<String, #inner>)
        }
        Ty::Json => quote!(serde_json::Value),
    }
}

/// The type of a field: `Option<T>` unless required.
pub fn field_ty(field: &Field) -> TokenStream {
    let inner = ty(&field.ty);
    if field.required {
        inner
    } else {
        quote!(Option<#inner>)
    }
}

/// The slot that collects a field while reading: `Some(None)` is an explicit
/// `null` of an optional field, told apart from an absent one.
pub fn field_slot_ty(field: &Field) -> TokenStream {
    let ty = field_ty(field);
    quote!(Option<#ty>)
}

/// A field declaration with its doc comment.
pub fn field_decl(operation: &Operation, field: &Field) -> TokenStream {
    let doc = docs::field_doc(field, enum_values(operation, &field.ty));
    let name = ident(&field.rust);
    let ty = field_ty(field);
    quote! {
        #doc
        pub #name: #ty,
    }
}

/// The enum values each field's doc lists: with the struct itself, all that
/// its code depends on.
pub fn enum_values_of_fields(operation: &Operation, shape: &Struct) -> Vec<Option<Vec<String>>> {
    shape
        .fields
        .iter()
        .map(|f| enum_values(operation, &f.ty))
        .collect()
}

fn enum_values(operation: &Operation, ty: &Ty) -> Option<Vec<String>> {
    match ty.innermost() {
        Ty::Enum(name) => operation
            .find_enum(name)
            .map(|e| e.variants.iter().map(|v| v.wire.clone()).collect()),
        _ => None,
    }
}

/// A struct for one object table, with its constructor, serde impls and validation.
/// `doc` is the attributes of [`docs::struct_doc`] of `shape`, which the caller has at hand.
pub fn struct_item(operation: &Operation, shape: &Struct, doc: TokenStream) -> TokenStream {
    let name = ident(&shape.name);
    let fields = shape.fields.iter().map(|f| field_decl(operation, f));
    let all_optional = shape.fields.iter().all(|f| !f.required);
    let default = all_optional.then(|| quote!(Default,));
    let constructor = constructor(shape);
    let serde = serde_impls::struct_impls(shape);
    let validate = validate::struct_impl(&name, &shape.fields);
    let mut item = quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, #default)]
        pub struct #name {
            #(#fields)*
            /// Members the docs do not list, and documented members received as `null`: kept so that nothing is lost when the value is written back.
            pub undocumented: wire::Undocumented,
        }
    };
    // Moved in, not copied token by token as interpolation would.
    item.extend([constructor, serde, validate]);
    item
}

/// `new(required fields...)`, with every optional field unset.
/// Past this many required fields a positional constructor is easy to call
/// with two values swapped (clippy's `too_many_arguments` draws the same
/// line): such a value is built with a struct literal instead.
pub const MAX_CONSTRUCTOR_ARGUMENTS: usize = 7;

fn constructor(shape: &Struct) -> TokenStream {
    let name = ident(&shape.name);
    let required: Vec<&Field> = shape.fields.iter().filter(|f| f.required).collect();
    if required.len() > MAX_CONSTRUCTOR_ARGUMENTS {
        return TokenStream::new();
    }
    let params = required.iter().map(|f| {
        let name = ident(&f.rust);
        let ty = ty(&f.ty);
        quote!(#name: #ty)
    });
    let inits = shape.fields.iter().map(|f| {
        let name = ident(&f.rust);
        if f.required {
            quote!(#name)
        } else {
            quote!(#name: None)
        }
    });
    let doc = docs::doc_attrs(&[if required.is_empty() {
        "A value with every field unset.".to_owned()
    } else {
        "A value with the required fields set and every optional field unset.".to_owned()
    }]);
    quote! {
        impl #name {
            #doc
            pub fn new(#(#params),*) -> Self {
                #name {
                    #(#inits,)*
                    undocumented: wire::Undocumented::new(),
                }
            }
        }
    }
}

/// A string enumeration that keeps undocumented values.
pub fn enum_item(item: &Enum) -> TokenStream {
    let name = ident(&item.name);
    let doc = docs::doc_attrs(&item.doc);
    let variants: Vec<Ident> = item.variants.iter().map(|v| ident(&v.rust)).collect();
    let wires: Vec<&str> = item.variants.iter().map(|v| v.wire.as_str()).collect();
    let variant_docs = wires.iter().map(|w| format!(" `{}`", w.replace('`', "'")));
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum #name {
            #(#[doc = #variant_docs] #variants,)*
            /// A value the docs do not list: kept, so that answers from newer servers still read; `validate()` reports it.
            Undocumented(String),
        }

        impl #name {
            /// The documented values, as on the wire.
            pub const DOCUMENTED: &'static [&'static str] = &[#(#wires),*];

            /// The value as on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#name::#variants => #wires,)*
                    #name::Undocumented(value) => value,
                }
            }

            /// Whether the docs list this value.
            pub fn is_documented(&self) -> bool {
                !matches!(self, #name::Undocumented(_))
            }
        }

        impl ::core::convert::From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #(#wires => #name::#variants,)*
                    other => #name::Undocumented(::std::borrow::ToOwned::to_owned(other)),
                }
            }
        }

        ::docspec_runtime::string_enum_impls!(#name);
    }
}
