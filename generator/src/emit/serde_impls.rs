//! Serde impls for structs: the runtime's one visitor and one writer
//! (`wire::Object`) do the work every struct shares; each struct emits only
//! its members: wire names, required or optional, how each is read and written.
//! Strict about types and required fields, keeping undocumented members
//! without serde's `flatten` (which buffers every object).

use super::types::{field_slot_ty, ident};
use crate::model::Struct;
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

/// The hidden type that collects a struct's members while reading. The
/// leading underscores keep it apart from every name heck gives an object.
pub fn slots_name(shape: &Struct) -> Ident {
    format_ident!("__{}Slots", shape.name)
}

/// `wire::Object` for a struct, its slots type, and `Deserialize` and
/// `Serialize` through the runtime's `object_serde!`.
pub fn struct_impls(shape: &Struct) -> TokenStream {
    let name = ident(&shape.name);
    let slots_name = slots_name(shape);
    let expecting = format!("a {} object", shape.name);
    let slot_decls = shape.fields.iter().map(|f| {
        let field = ident(&f.rust);
        let ty = field_slot_ty(f);
        quote!(#field: #ty,)
    });
    let arms = shape.fields.iter().map(|f| {
        let field = ident(&f.rust);
        let wire = &f.wire;
        if f.required {
            quote!(#wire => wire::read_required(map, &mut slots.#field, #wire),)
        } else {
            quote!(#wire => wire::read_optional(map, &mut slots.#field, #wire),)
        }
    });
    let read_body = if shape.fields.is_empty() {
        quote! {
            let _ = (slots, key, map);
            Ok(false)
        }
    } else {
        quote! {
            match key {
                #(#arms)*
                _ => Ok(false),
            }
        }
    };
    let inits = shape.fields.iter().map(|f| {
        let field = ident(&f.rust);
        let wire = &f.wire;
        if f.required {
            quote!(#field: wire::present(slots.#field, #wire)?,)
        } else {
            quote!(#field: wire::optional(slots.#field, &mut undocumented, #wire),)
        }
    });
    let slots_param = if shape.fields.is_empty() {
        quote!(_slots)
    } else {
        quote!(slots)
    };
    let undocumented_param = if shape.fields.iter().any(|f| !f.required) {
        quote!(mut undocumented)
    } else {
        quote!(undocumented)
    };
    let entries = shape.fields.iter().map(|f| {
        let field = ident(&f.rust);
        let wire = &f.wire;
        if f.required {
            quote!(map.serialize_entry(#wire, &self.#field)?;)
        } else {
            quote!(wire::write_optional(map, #wire, &self.#field, &self.undocumented)?;)
        }
    });
    quote! {
        #[doc(hidden)]
        #[derive(Default)]
        pub struct #slots_name {
            #(#slot_decls)*
        }

        impl wire::Object for #name {
            const EXPECTING: &'static str = #expecting;
            type Slots = #slots_name;

            #[inline]
            fn read_member<'de, A: serde::de::MapAccess<'de>>(slots: &mut #slots_name, key: &str, map: &mut A) -> Result<bool, A::Error> {
                #read_body
            }

            fn from_slots<E: serde::de::Error>(#slots_param: #slots_name, #undocumented_param: wire::Undocumented) -> Result<Self, E> {
                Ok(#name {
                    #(#inits)*
                    undocumented,
                })
            }

            fn write_members<M: serde::ser::SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
                #(#entries)*
                self.undocumented.write_entries(map)
            }
        }

        ::docspec_runtime::object_serde!(#name);
    }
}
