//! Hand-rolled serde impls for structs: strict about types and required
//! fields, keeping undocumented members without serde's `flatten` (which
//! buffers every object and costs about half again the time to read).

use super::types::ident;
use crate::model::Struct;
use proc_macro2::Ident;
use proc_macro2::TokenStream;
use quote::quote;

/// The local that collects a field while reading; prefixed so that no field
/// name (`key`, `map`) can shadow the visitor's own locals.
fn slot(field: &crate::model::Field) -> Ident {
    ident(&format!("slot_{}", field.rust.trim_start_matches("r#")))
}

pub fn deserialize_struct(shape: &Struct) -> TokenStream {
    let name = ident(&shape.name);
    let expecting = format!("a {} object", shape.name);
    let slots = shape.fields.iter().map(|f| {
        let slot = slot(f);
        quote!(let mut #slot = None;)
    });
    let arms = shape.fields.iter().map(|f| {
        let slot = slot(f);
        let wire = &f.wire;
        if f.required {
            quote!(#wire => wire::read_required(&mut map, &mut #slot, #wire)?,)
        } else {
            quote!(#wire => wire::read_optional(&mut map, &mut #slot, #wire)?,)
        }
    });
    let fields = shape.fields.iter().map(|f| {
        let name = ident(&f.rust);
        let slot = slot(f);
        let wire = &f.wire;
        if f.required {
            quote!(#name: wire::present(#slot, #wire)?)
        } else {
            quote!(#name: wire::optional(#slot, &mut undocumented, #wire))
        }
    });
    quote! {
        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl<'de> serde::de::Visitor<'de> for Visitor {
                    type Value = #name;

                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(#expecting)
                    }

                    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<#name, A::Error> {
                        #(#slots)*
                        let mut undocumented = wire::Undocumented::default();
                        while let Some(key) = map.next_key::<wire::CowStr<'de>>()? {
                            match key.as_str() {
                                #(#arms)*
                                _ => undocumented.read_value(key, &mut map)?,
                            }
                        }
                        Ok(#name {
                            #(#fields,)*
                            undocumented,
                        })
                    }
                }
                deserializer.deserialize_map(Visitor)
            }
        }
    }
}

pub fn serialize_struct(shape: &Struct) -> TokenStream {
    let name = ident(&shape.name);
    let entries = shape.fields.iter().map(|f| {
        let field = ident(&f.rust);
        let wire = &f.wire;
        if f.required {
            quote!(map.serialize_entry(#wire, &self.#field)?;)
        } else {
            quote!(wire::write_optional(&mut map, #wire, &self.#field, &self.undocumented)?;)
        }
    });
    quote! {
        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut map = serializer.serialize_map(None)?;
                #(#entries)*
                self.undocumented.write_entries(&mut map)?;
                map.end()
            }
        }
    }
}
