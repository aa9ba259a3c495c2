//! Usage examples in the docs: how to build an operation's `Request`, send it
//! and read its `Response`, with values chosen from the documented types and
//! constraints.
//!
//! The same builder writes the short snippet of every operation module's doc
//! and the crate's front-page example, which is also written as the example
//! program `examples/quickstart.rs` and so compiled with the crate's examples:
//! the snippets cannot drift from the code that compiles. (Generated crates
//! run no doctests: their doc comments quote the pages.)

use super::groups::groups;
use super::syntax::{ident, names_module, raw_string};
use super::text::format_tokens;
use super::types;
use crate::model::{Body, ExampleTarget, Field, Operation, Service, Struct, Ty};
use proc_macro2::TokenStream;
use quote::quote;

/// How deep nested objects are built before an operation is judged too
/// involved for an example.
const MAX_DEPTH: usize = 4;

/// `Request { .. }` with every required value set and every optional one
/// left out, or `None` when a required value is too involved to write.
pub fn request_expr(operation: &Operation) -> Option<TokenStream> {
    let mut parts = Vec::new();
    for group in groups(operation) {
        let field = ident(group.member);
        let value = fields_literal(operation, &ident(group.name), &group.fields, 0, false)?;
        parts.push(quote!(#field: #value));
    }
    match &operation.request_body {
        Some(Body::Text) => parts.push(quote!(body: "text".to_owned())),
        Some(Body::Json(ty)) => {
            let value = value(operation, ty, None, 0)?;
            parts.push(quote!(body: #value));
        }
        None => {}
    }
    Some(if parts.is_empty() {
        quote!(Request::default())
    } else {
        quote!(Request { #(#parts),* })
    })
}

/// A struct literal of `fields`: `Name::default()` when none is required.
fn fields_literal(
    operation: &Operation,
    name: &proc_macro2::Ident,
    fields: &[Field],
    depth: usize,
    undocumented: bool,
) -> Option<TokenStream> {
    if fields.iter().all(|f| !f.required) {
        return Some(quote!(#name::default()));
    }
    let mut inits = Vec::new();
    for field in fields {
        let rust = ident(&field.rust);
        if field.required {
            let value = value(operation, &field.ty, Some(field), depth)?;
            inits.push(quote!(#rust: #value));
        } else {
            inits.push(quote!(#rust: None));
        }
    }
    if undocumented {
        inits.push(quote!(undocumented: Default::default()));
    }
    Some(quote!(#name { #(#inits),* }))
}

/// A value of `ty` that meets `field`'s documented constraints.
fn value(
    operation: &Operation,
    ty: &Ty,
    field: Option<&Field>,
    depth: usize,
) -> Option<TokenStream> {
    if depth > MAX_DEPTH {
        return None;
    }
    let rules = field.map(|f| &f.rules);
    Some(match ty {
        Ty::String | Ty::Secret => {
            let text = text_value(field);
            if *ty == Ty::Secret {
                quote!(wire::Secret::new(#text))
            } else {
                quote!(#text.to_owned())
            }
        }
        Ty::I32 | Ty::I64 | Ty::F64 => {
            let number = rules
                .and_then(|r| r.one_of.as_ref().and_then(|l| l.first().copied()))
                .or_else(|| rules.and_then(|r| r.range.min))
                .map_or_else(|| "1".to_owned(), |l| l.to_string());
            let literal = match ty {
                Ty::F64 if !number.contains('.') => format!("{number}.0"),
                _ => number,
            };
            literal.parse().ok()?
        }
        Ty::Bool => quote!(false),
        Ty::Enum(name) => {
            let variant = ident(&operation.find_enum(name)?.variants.first()?.rust);
            let name = ident(name);
            quote!(#name::#variant)
        }
        Ty::Array(inner) => {
            let item = value(operation, inner, field, depth + 1)?;
            match rules.and_then(|r| r.items.min).unwrap_or(1).max(1) {
                1 => quote!(vec![#item]),
                n => {
                    let n = proc_macro2::Literal::u64_unsuffixed(n);
                    quote!(vec![#item; #n])
                }
            }
        }
        Ty::Map(_) | Ty::Json => quote!(Default::default()),
        Ty::Struct(name) => struct_value(operation, operation.find_struct(name)?, depth)?,
    })
}

fn struct_value(operation: &Operation, shape: &Struct, depth: usize) -> Option<TokenStream> {
    let name = ident(&shape.name);
    let required: Vec<&Field> = shape.fields.iter().filter(|f| f.required).collect();
    if required.len() > types::MAX_CONSTRUCTOR_ARGUMENTS {
        return fields_literal(operation, &name, &shape.fields, depth + 1, true);
    }
    let args = required
        .iter()
        .map(|f| value(operation, &f.ty, Some(f), depth + 1))
        .collect::<Option<Vec<_>>>()?;
    Some(quote!(#name::new(#(#args),*)))
}

/// A string that fits the field's documented length: its name, padded or cut.
fn text_value(field: Option<&Field>) -> String {
    let mut text = field.map_or("text", |f| f.wire.as_str()).to_owned();
    if let Some(field) = field {
        let length = &field.rules.length;
        if let Some(min) = length.min {
            while (text.chars().count() as u64) < min {
                text.push('x');
            }
        }
        if let Some(max) = length.max {
            text = text.chars().take(max as usize).collect();
        }
    }
    text
}

/// The operation the front page shows: among those whose request can be
/// written, the one with the shortest request (the first one on a tie).
pub fn front_page_operation(services: &[Service]) -> Option<(&Service, &Operation, TokenStream)> {
    services
        .iter()
        .flat_map(|s| s.operations.iter().map(move |o| (s, o)))
        .filter_map(|(s, o)| request_expr(o).map(|r| (s, o, r)))
        .min_by_key(|(_, _, request)| request.to_string().len())
}

/// The short snippet of an operation module's doc: build the request, send
/// it either way. Formatted lines, without the fence.
pub fn operation_snippet(operation: &Operation) -> Option<Vec<String>> {
    let request = request_expr(operation)?;
    let source = format_tokens(quote! {
        fn snippet() {
            let request = #request;
        }
    });
    let mut lines: Vec<String> = source
        .lines()
        .skip(1)
        .take_while(|l| *l != "}")
        .map(|l| l.strip_prefix("    ").unwrap_or(l).to_owned())
        .collect();
    lines.extend([
        "// With any HTTP client: checked against the docs, then built as an `http::Request`.".to_owned(),
        "let http_request = request.to_http(endpoint)?;".to_owned(),
        "// Or with the service's `Client` (cargo feature `transport`), which also signs and retries;".to_owned(),
        "// the answer keeps its status and headers, and `error_for_status` makes an error status `Err`.".to_owned(),
        format!("let answer = client.{}(request).await?.error_for_status()?;", operation.module),
    ]);
    Some(lines)
}

/// The front page's example program, without its file header and module
/// doc: what the front page shows and `examples/quickstart.rs` holds.
pub fn quickstart_body(
    service: &Service,
    operation: &Operation,
    request: &TokenStream,
    crate_name: &str,
) -> String {
    let krate = ident(&crate_name.replace('-', "_"));
    let service_module = ident(&service.module);
    let module = ident(&operation.module);
    let arms = operation.responses.iter().map(|r| {
        let variant = ident(&r.variant);
        match &r.body {
            Body::Text => {
                let line = format!("{}: {{text}}", r.status);
                quote!(Response::#variant(text) => println!(#line),)
            }
            Body::Json(_) => {
                let line = format!("{}: {{body:?}}", r.status);
                quote!(Response::#variant(body) => println!(#line),)
            }
        }
    });
    let (status, answer) = operation
        .examples
        .iter()
        .find_map(|e| match e.target {
            ExampleTarget::Response(status) => Some((status, e.body.as_str())),
            ExampleTarget::Request => None,
        })
        .unwrap_or((599, ""));
    let status = proc_macro2::Literal::u16_unsuffixed(status);
    let answer = raw_string(answer);
    // One import a line, each kept as written: rustfmt would regroup them.
    let wire = names_module(request, "wire").then(|| quote!(#[rustfmt::skip] use #krate::wire;));
    let items = quote! {
        #[rustfmt::skip] use #krate::credentials::Credentials;
        #[rustfmt::skip] use #krate::#service_module;
        #[rustfmt::skip] use #krate::#service_module::#module::*;
        #[rustfmt::skip] use #krate::transport;
        #[rustfmt::skip] use #krate::validation::Validate as _;
        #wire
        #[rustfmt::skip] use std::process::ExitCode;

        /// The request: every required value set, every optional one left out.
        #[rustfmt::skip]
        fn request() -> Request {
            #request
        }

        /// With any HTTP client: `to_http` checks the request and builds an
        /// `http::Request` (the credentials' project id filling `{project_id}`
        /// where the request leaves it unset), the credentials sign it,
        /// `from_http` reads the answer.
        #[rustfmt::skip]
        fn with_any_client(
            endpoint: &str,
            credentials: &Credentials,
            send: impl FnOnce(#krate::http::Request<Vec<u8>>) -> (u16, Vec<u8>),
        ) -> Result<Response, Box<dyn std::error::Error>> {
            let mut http_request = request().to_http(credentials.endpoint(endpoint))?;
            credentials.apply(&mut http_request, std::time::SystemTime::now())?;
            let (status, body) = send(http_request);
            Ok(Response::from_http(status, &body)?)
        }

        /// With the service's `Client` (cargo feature `transport`) for a
        /// region (one of `REGIONS`; `Client::from_env` reads it from
        /// `HUAWEICLOUD_SDK_REGION`): checks, signs, sends with retries and
        /// reads the typed response. An error status becomes `Err`, with the
        /// service's error code, message and request id.
        #[rustfmt::skip]
        async fn with_the_client(region: &str, credentials: Credentials) -> Result<Response, transport::Error> {
            let client = #service_module::Client::for_region(region, credentials)?;
            let answer = client.#module(request()).await?;
            if let Some(id) = answer.request_id() {
                println!("request id: {id}");
            }
            Ok(answer.error_for_status()?.into_response())
        }

        /// One arm per documented status; any other status is kept as received.
        #[rustfmt::skip]
        fn report(response: Response) {
            match response {
                #(#arms)*
                Response::Undocumented { status, body } => {
                    eprintln!("status {status} is not documented ({} bytes kept)", body.len())
                }
            }
        }

        /// `--region ID` sends the request there with the credentials of the
        /// environment; without it, nothing is sent and the page's example
        /// answer stands in for the server's. A request that breaks the docs
        /// prints every violation, each with its JSON path, and exits with 2.
        #[rustfmt::skip]
        fn main() -> ExitCode {
            if let Err(violations) = request().validate() {
                for violation in &violations {
                    eprintln!("{violation}");
                }
                return ExitCode::from(2);
            }
            let args: Vec<String> = std::env::args().collect();
            let result = match args.iter().position(|a| a == "--region").and_then(|i| args.get(i + 1)) {
                Some(region) => Credentials::from_env()
                    .map_err(Box::<dyn std::error::Error>::from)
                    .and_then(|credentials| Ok(transport::block_on(with_the_client(region, credentials))??)),
                None => with_any_client("https://endpoint.example", &Credentials::token("token"), |request| {
                    println!("{} {}", request.method(), request.uri());
                    (#status, #answer.as_bytes().to_vec())
                }),
            };
            match result {
                Ok(response) => {
                    report(response);
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    eprintln!("{error}");
                    ExitCode::from(1)
                }
            }
        }
    };
    format_tokens(items)
}
