//! The whole-service benchmark's practical limit (BENCHMARKS.md section 5):
//! the types docspec generates for a spec folder, as plain
//! `#[derive(Serialize, Deserialize)]` structs and enums with no validation,
//! no losslessness (unknown members and enum values are dropped or refused)
//! and no requests or responses. For the benchmark only, never for users:
//!
//! ```sh
//! cargo run --release -p docspec --example plain_derive_crate -- SPEC_DIR CRATE_DIR CRATE_NAME
//! ```
//!
//! Writes `CRATE_DIR/Cargo.toml` and `CRATE_DIR/src/`, one file per
//! operation as `docspec generate` lays them out.

use docspec::model::{Enum, Field, Operation, Struct, Ty};
use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, ToTokens as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [spec, out, name] = args.as_slice() else {
        eprintln!("usage: plain_derive_crate SPEC_DIR CRATE_DIR CRATE_NAME");
        return ExitCode::from(2);
    };
    let resolved = match docspec::generate::resolve_dir(spec, &[]) {
        Ok(resolved) => resolved,
        Err(diagnostics) => {
            eprintln!("{diagnostics}");
            return ExitCode::FAILURE;
        }
    };
    match write_crate(&resolved.api, out, &name.to_string_lossy()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

fn write_crate(api: &docspec::model::Api, out: &Path, name: &str) -> std::io::Result<()> {
    let mut lib = TokenStream::new();
    for service in &api.services {
        let dir = out.join("src").join(&service.module);
        std::fs::create_dir_all(&dir)?;
        let mut modules = TokenStream::new();
        for operation in &service.operations {
            std::fs::write(
                dir.join(format!("{}.rs", operation.module)),
                format(operation_file(operation)),
            )?;
            let module = ident(&operation.module);
            let file = format!("{}/{}.rs", service.module, operation.module);
            modules.extend(quote!(pub mod #module { include!(#file); }));
        }
        let module = ident(&service.module);
        lib.extend(quote!(pub mod #module { #modules }));
    }
    std::fs::write(out.join("src/lib.rs"), format(lib))?;
    std::fs::write(
        out.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n\
             [dependencies]\nserde = {{ version = \"1\", features = [\"derive\"] }}\n\
             serde_json = \"1\"\n\n[workspace]\n"
        ),
    )
}

fn format(tokens: TokenStream) -> String {
    match syn::parse2::<syn::File>(tokens) {
        Ok(file) => prettyplease::unparse(&file),
        Err(e) => format!("compile_error!({:?});\n", e.to_string()),
    }
}

fn operation_file(operation: &Operation) -> TokenStream {
    let mut items = TokenStream::new();
    for (name, fields) in [
        ("PathParameters", &operation.path_params),
        ("QueryParameters", &operation.query_params),
        ("HeaderParameters", &operation.header_params),
    ] {
        if !fields.is_empty() {
            items.extend(plain_struct(name, fields));
        }
    }
    for shape in &operation.structs {
        let Struct { name, fields, .. } = shape;
        items.extend(plain_struct(name, fields));
    }
    items.extend(operation.enums.iter().map(plain_enum));
    items
}

fn plain_struct(name: &str, fields: &[Field]) -> TokenStream {
    let name = ident(name);
    let fields = fields.iter().map(|f| {
        let name = ident(&f.rust);
        let wire = &f.wire;
        let ty = ty(&f.ty);
        if f.required {
            quote!(#[serde(rename = #wire)] pub #name: #ty,)
        } else {
            quote! {
                #[serde(rename = #wire, default, skip_serializing_if = "Option::is_none")]
                pub #name: Option<#ty>,
            }
        }
    });
    quote! {
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        pub struct #name { #(#fields)* }
    }
}

fn plain_enum(shape: &Enum) -> TokenStream {
    let name = ident(&shape.name);
    let variants = shape.variants.iter().map(|v| {
        let rust = ident(&v.rust);
        let wire = &v.wire;
        quote!(#[serde(rename = #wire)] #rust,)
    });
    quote! {
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        pub enum #name { #(#variants)* }
    }
}

fn ty(ty: &Ty) -> TokenStream {
    match ty {
        Ty::String | Ty::Secret => quote!(String),
        Ty::I32 => quote!(i32),
        Ty::I64 => quote!(i64),
        Ty::F64 => quote!(f64),
        Ty::Bool => quote!(bool),
        Ty::Struct(name) | Ty::Enum(name) => ident(name).into_token_stream(),
        Ty::Array(inner) => {
            let inner = self::ty(inner);
            quote!(Vec<#inner>)
        }
        Ty::Map(inner) => {
            let inner = self::ty(inner);
            quote!(std::collections::BTreeMap<String, #inner>)
        }
        Ty::Json => quote!(serde_json::Value),
    }
}

fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}
