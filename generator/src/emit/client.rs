//! Parameter structs, `Request` (typed request → `http::Request`),
//! `Response` (status and body → typed response), the runtime's `Operation`
//! trait that joins them, and a per-service `Client` with one method per
//! operation.
//!
//! Credential headers (`X-Auth-Token`, `X-Security-Token`) are not parameters here: the runtime's
//! credentials set them (see [`crate::model::is_credential_header`]).

use super::text::{self, Item};
use super::types::{self, ident};
use super::validate;
use crate::model::{Body, Field, Operation, PathPiece, Service, Ty};
use proc_macro2::TokenStream;
use quote::quote;

/// The parameter groups a request carries, as (field of `Request`, struct name, part, fields, doc).
fn groups(
    operation: &Operation,
) -> Vec<(
    &'static str,
    &'static str,
    &'static str,
    Vec<Field>,
    &'static str,
)> {
    [
        (
            "path",
            "PathParameters",
            "PathParameter",
            operation.path_params.clone(),
            "Path parameters: placed in the path, percent-encoded.",
        ),
        (
            "query",
            "QueryParameters",
            "QueryParameter",
            operation.query_params.clone(),
            "Query parameters.",
        ),
        (
            "headers",
            "HeaderParameters",
            "Header",
            operation.parameter_headers().into_iter().cloned().collect(),
            "Header parameters (credentials are not among them: the client's credentials set those).",
        ),
    ]
    .into_iter()
    .filter(|(_, _, _, fields, _)| !fields.is_empty())
    .collect()
}

/// The structs of the request's parameters, by where they go.
pub fn parameter_structs(item: &mut Item, operation: &Operation) {
    for (_, name, _, fields, doc) in groups(operation) {
        item.docs(&super::docs::prose(&[doc.to_owned()]));
        item.line(types::derives(&fields));
        item.open(&format!("pub struct {name}"));
        for field in &fields {
            types::field_decl(item, operation, field);
        }
        item.close("");
        validate::struct_impl(item, name, &fields);
    }
}

pub fn request(operation: &Operation) -> TokenStream {
    let groups = groups(operation);
    let mut decls = Vec::new();
    let mut checks = Vec::new();
    for (field, name, part, _, doc) in &groups {
        let field = ident(field);
        let name = ident(name);
        let part = ident(part);
        let doc = super::docs::doc_attrs(&[doc.to_string()]);
        decls.push(quote!(#doc pub #field: #name,));
        checks.push(quote!(self.#field.validate_at(&validation::Path::root(validation::Part::#part), found);));
    }
    if let Some(body) = &operation.request_body {
        let ty = body_ty(body);
        decls.push(quote!(#[doc = " The request body."] pub body: #ty,));
        checks.push(quote!(self.body.validate_at(&validation::Path::body(), found);));
    }
    let uri = uri_building(operation);
    let headers = operation
        .parameter_headers()
        .into_iter()
        .map(header_setting);
    let finish = match &operation.request_body {
        Some(Body::Text) => quote!(client::text_body(builder, &self.body)),
        Some(Body::Json(_)) => quote!(client::json_body(builder, &self.body)),
        None => quote!(client::no_body(builder)),
    };
    let default = (groups
        .iter()
        .all(|(_, _, _, fields, _)| fields.iter().all(|f| !f.required))
        && operation.request_body.is_none())
    .then(|| quote!(Default,));
    let found = if checks.is_empty() {
        quote!(_found)
    } else {
        quote!(found)
    };
    // A path of one literal piece and no query never touches the builder again.
    let mutability = if uri.is_empty() {
        quote!()
    } else {
        quote!(mut)
    };
    let id = &operation.id;
    quote! {
        /// Everything one call sends.
        #[derive(Debug, Clone, PartialEq, #default)]
        pub struct Request {
            #(#decls)*
        }

        impl validation::Validate for Request {
            fn validate_at(&self, _at: &validation::Path<'_>, #found: &mut validation::Violations) {
                #(#checks)*
            }
        }

        impl Request {
            // `#[inline]` on the functions that reach serde: the JSON code of
            // every body type is then compiled in the crate that calls them,
            // for the operations it calls, not for every operation of the
            // service when the generated crate builds (most of its LLVM IR).
            /// Checks the request against the documented constraints, then builds the HTTP request for `endpoint` (`https://host`).
            #[inline]
            pub fn to_http(&self, endpoint: &str) -> Result<http::Request<Vec<u8>>, client::RequestError> {
                self.validate().map_err(client::RequestError::Invalid)?;
                let #mutability uri = client::UriBuilder::new(endpoint)?;
                #uri
                let builder = http::Request::builder().method(METHOD).uri(uri.finish()?);
                #(#headers)*
                #finish
            }
        }

        impl client::Operation for Request {
            type Response = Response;
            const NAME: &'static str = #id;
            const METHOD: http::Method = METHOD;

            #[inline]
            fn to_http(&self, endpoint: &str) -> Result<http::Request<Vec<u8>>, client::RequestError> {
                Request::to_http(self, endpoint)
            }

            #[inline]
            fn from_http(status: u16, _headers: &http::HeaderMap, body: &[u8]) -> Result<Response, client::ResponseError> {
                Response::from_http(status, body)
            }
        }
    }
}

/// A response variant's payload: structs boxed, so that one large body does
/// not make every `Response` as large as it.
fn response_ty(body: &Body) -> String {
    match body {
        Body::Json(Ty::Struct(name)) => format!("Box<{name}>"),
        Body::Text => "String".to_owned(),
        Body::Json(ty) => types::ty_text(ty),
    }
}

fn body_ty(body: &Body) -> TokenStream {
    match body {
        Body::Text => quote!(String),
        Body::Json(ty) => types::ty(ty),
    }
}

fn uri_building(operation: &Operation) -> TokenStream {
    let path = operation
        .path_pieces()
        .into_iter()
        .map(|piece| match piece {
            PathPiece::Literal(text) => quote!(uri.literal(#text);),
            PathPiece::Parameter(name) => {
                let field = operation
                    .path_params
                    .iter()
                    .find(|p| p.wire == name)
                    .map(|p| ident(&p.rust));
                match field {
                    Some(field) => quote!(uri.segment(&self.path.#field);),
                    // The resolver gives every placeholder a parameter; keep the template if not.
                    None => {
                        let text = format!("{{{name}}}");
                        quote!(uri.literal(#text);)
                    }
                }
            }
        });
    let query = operation.query_params.iter().map(|p| {
        let field = ident(&p.rust);
        let wire = &p.wire;
        let one = match &p.ty {
            Ty::Array(_) => quote! {
                for item in value {
                    uri.query(#wire, item);
                }
            },
            Ty::Secret => quote!(uri.query(#wire, &value.expose());),
            _ => quote!(uri.query(#wire, value);),
        };
        if p.required {
            quote! {
                let value = &self.query.#field;
                #one
            }
        } else {
            quote! {
                if let Some(value) = &self.query.#field {
                    #one
                }
            }
        }
    });
    quote!(#(#path)* #(#query)*)
}

fn header_setting(p: &Field) -> TokenStream {
    let field = ident(&p.rust);
    let wire = &p.wire;
    let set = match &p.ty {
        Ty::Secret => quote!(client::secret_header(builder, #wire, value.expose())?),
        Ty::Array(_) => quote!(client::header(builder, #wire, &value
            .iter()
            .map(::std::string::ToString::to_string)
            .collect::<Vec<_>>()
            .join(","))?),
        _ => quote!(client::header(builder, #wire, value)?),
    };
    if p.required {
        quote! {
            let value = &self.headers.#field;
            let builder = #set;
        }
    } else {
        quote! {
            let builder = match &self.headers.#field {
                Some(value) => #set,
                None => builder,
            };
        }
    }
}

/// `Response`: one variant per documented status and `Undocumented`, read
/// from the status and body, and its `TypedResponse` and `Validate` impls.
pub fn response(item: &mut Item, operation: &Operation) {
    let responses = &operation.responses;
    item.doc(" A response, by status.");
    item.line("#[derive(Debug, Clone, PartialEq)]");
    item.open("pub enum Response");
    for r in responses {
        let mut doc = vec![match r.doc.first() {
            Some(text) => format!("Status {}: {}", r.status, text),
            None => format!("Status {}.", r.status),
        }];
        doc.extend(r.doc.iter().skip(1).cloned());
        if r.body == Body::Text {
            doc.push(
                "The body as received, as text: the docs give it no JSON structure.".to_owned(),
            );
        }
        item.docs(&super::docs::prose(&doc));
        item.line(&format!("{}({}),", r.variant, response_ty(&r.body)));
    }
    item.doc(" A status the docs do not list, with the body as received.");
    item.line("Undocumented { status: u16, body: Vec<u8> },");
    item.close("");

    item.open("impl Response");
    item.doc(" Reads a response: strict about the documented types, lenient about documented constraints (see `validate`).");
    // Inline for the reason given at `Request::to_http`.
    item.line("#[inline]");
    item.signature(
        "pub fn from_http",
        &["status: u16", "body: &[u8]"],
        " -> Result<Self, client::ResponseError>",
        false,
    );
    let undocumented = [
        text::Field::Shorthand("status"),
        text::Field::Value("body", "body.to_vec()"),
    ];
    // A page that documents no status has nothing to decode: every answer is
    // kept as received (a match with only the catch-all arm is not code a
    // person would write).
    if responses.is_empty() {
        item.struct_literal("Ok(", "Response::Undocumented", &undocumented, ")");
    } else {
        item.open("let decoded = match status");
        for r in responses {
            let read = match &r.body {
                Body::Text => "wire::from_text(body)",
                Body::Json(_) => "wire::from_json(body)",
            };
            let wrap = match &r.body {
                Body::Json(Ty::Struct(_)) => {
                    format!("|body| Response::{}(Box::new(body))", r.variant)
                }
                _ => format!("Response::{}", r.variant),
            };
            item.arm(&r.status.to_string(), &format!("{read}.map({wrap})"));
        }
        // The struct literal is too long to stay on a line, so the arm is a block.
        item.open("status =>");
        item.struct_literal("Ok(", "Response::Undocumented", &undocumented, ")");
        item.close("");
        item.close(";");
        item.line("decoded.map_err(|error| client::ResponseError::new(status, error, body))");
    }
    item.close("");
    item.doc(" Whether the status is one the docs list.");
    item.open("pub fn is_documented(&self) -> bool");
    item.line("!matches!(self, Response::Undocumented { .. })");
    item.close("");
    item.doc(" The HTTP status.");
    item.open("pub fn status(&self) -> u16");
    item.open("match self");
    for r in responses {
        item.arm(
            &format!("Response::{}(_)", r.variant),
            &r.status.to_string(),
        );
    }
    item.line("Response::Undocumented { status, .. } => *status,");
    item.close("");
    item.close("");
    item.close("");

    item.open("impl client::TypedResponse for Response");
    item.open("fn status(&self) -> u16");
    item.line("Response::status(self)");
    item.close("");
    item.open("fn is_documented(&self) -> bool");
    item.line("Response::is_documented(self)");
    item.close("");
    item.line("#[inline]");
    item.open("fn to_json(&self) -> serde_json::Value");
    item.open("match self");
    for r in responses {
        let pat = format!("Response::{}(body)", r.variant);
        match &r.body {
            Body::Text => item.call_arm(&pat, "serde_json::Value::String", &["body.clone()"], ""),
            Body::Json(_) => item.call_arm(&pat, "client::json_value", &["body"], ""),
        }
    }
    item.line("Response::Undocumented { body, .. } => client::raw_json_value(body),");
    item.close("");
    item.close("");
    item.close("");

    // A page that documents no status leaves nothing to check.
    let (at, found) = if responses.is_empty() {
        ("_at", "_found")
    } else {
        ("at", "found")
    };
    item.open("impl validation::Validate for Response");
    let at = format!("{at}: &validation::Path<'_>");
    let found = format!("{found}: &mut validation::Violations");
    item.signature("fn validate_at", &["&self", &at, &found], "", false);
    item.open("match self");
    for r in responses {
        let pat = format!("Response::{}(body)", r.variant);
        item.call_arm(&pat, "body.validate_at", &["at", "found"], "");
    }
    item.line("Response::Undocumented { .. } => {}");
    item.close("");
    item.close("");
    item.close("");
}

/// The service's `Client`: one method per operation, named after it, over the runtime's transport.
pub fn service_client(service: &Service) -> TokenStream {
    let methods = service.operations.iter().map(|operation| {
        let module = ident(&operation.module);
        let doc = super::docs::doc_attrs(&[format!(
            "`{}` ({} {}): validates `request`, sends it, reads the typed response.",
            operation.id, operation.method, operation.path
        )]);
        quote! {
            #doc
            pub async fn #module(&self, request: #module::Request) -> Result<#module::Response, transport::Error> {
                self.transport.send(&request).await
            }
        }
    });
    quote! {
        #[cfg(feature = "transport")]
        use ::docspec_runtime::transport;

        /// Calls this service's operations: endpoint, credentials and retries come from the transport client.
        #[cfg(feature = "transport")]
        #[derive(Debug, Clone)]
        pub struct Client {
            transport: transport::Client,
        }

        #[cfg(feature = "transport")]
        impl Client {
            pub fn new(transport: transport::Client) -> Self {
                Client { transport }
            }

            /// A client for `endpoint` with the credentials of the environment (see `credentials::Credentials::from_env`) and default options.
            pub fn from_env(endpoint: &str) -> Result<Self, transport::Error> {
                let credentials = ::docspec_runtime::credentials::Credentials::from_env()
                    .map_err(|e| transport::Error::Config(e.to_string()))?;
                transport::Client::new(endpoint, credentials).map(Client::new)
            }

            /// The transport client underneath.
            pub fn transport(&self) -> &transport::Client {
                &self.transport
            }

            #(#methods)*
        }
    }
}

/// A runnable program that calls `operation` once (`cargo run --example NAME -- --endpoint URL ...`):
/// flags for the parameters the request carries (named after their wire names,
/// kebab-case), `--body FILE` for the body; the runtime's `cli::run` does the rest.
pub fn example_program(
    service: &Service,
    operation: &Operation,
    crate_name: &str,
    example: &str,
) -> TokenStream {
    let krate = ident(&crate_name.replace('-', "_"));
    let service_module = ident(&service.module);
    let module = ident(&operation.module);
    let mut flags = Vec::new();
    let mut usage =
        format!("usage: cargo run -p {crate_name} --example {example} -- --endpoint URL");
    let mut fields = Vec::new();
    for (field, name, _, params, _) in groups(operation) {
        let field = ident(field);
        let name = ident(name);
        let values = params
            .iter()
            .map(|p| {
                let flag = format!("--{}", heck::ToKebabCase::to_kebab_case(p.wire.as_str()));
                usage.push_str(&if p.required {
                    format!(" {flag} VALUE")
                } else {
                    format!(" [{flag} VALUE]")
                });
                let rust = ident(&p.rust);
                let read = if p.required {
                    quote!(args.required(#flag)?)
                } else {
                    quote!(args.value(#flag)?)
                };
                flags.push(flag);
                quote!(#rust: #read,)
            })
            .collect::<Vec<_>>();
        fields.push(quote!(#field: operation::#name { #(#values)* },));
    }
    if let Some(body) = &operation.request_body {
        usage.push_str(" --body FILE");
        flags.push("--body".to_owned());
        fields.push(match body {
            Body::Text => quote!(body: args.text_body()?,),
            Body::Json(_) => quote!(body: args.body()?,),
        });
    }
    let title = format!(
        " Calls `{}` ({} {}) once and prints the status and the decoded answer as JSON.",
        operation.id, operation.method, operation.path
    );
    let usage_doc = format!(" {usage}");
    let args = if fields.is_empty() {
        quote!(_args)
    } else {
        quote!(args)
    };
    quote! {
        #![doc = #title]
        #![doc = ""]
        #![doc = " ```text"]
        #![doc = #usage_doc]
        #![doc = " ```"]
        #![doc = ""]
        #![doc = " Credentials come from the environment: `HUAWEICLOUD_SDK_AK` and `HUAWEICLOUD_SDK_SK` (signed requests), or"]
        #![doc = " `HUAWEICLOUD_SDK_AUTH_TOKEN`; `HUAWEICLOUD_SDK_PROJECT_ID` optionally. Exit codes: 0 a documented status,"]
        #![doc = " 1 an undocumented status or a failure to send or read the answer, 2 bad arguments or a request that breaks"]
        #![doc = " the docs (its violations are printed one per line and nothing is sent)."]

        use #krate::#service_module::#module as operation;
        use std::process::ExitCode;

        const USAGE: &str = #usage;

        // Generated and checked for drift as prettyplease writes it.
        #[rustfmt::skip]
        fn main() -> ExitCode {
            ::docspec_runtime::cli::run(USAGE, &[#(#flags),*], |#args| {
                Ok(operation::Request { #(#fields)* })
            })
        }
    }
}

/// The example programs' names, by (service, operation): the operation's
/// module, prefixed with the service's where two services share it.
pub fn example_names(services: &[Service]) -> Vec<(usize, usize, String)> {
    let mut names = Vec::new();
    for (s, service) in services.iter().enumerate() {
        for (o, operation) in service.operations.iter().enumerate() {
            let shared = services
                .iter()
                .flat_map(|other| &other.operations)
                .filter(|other| other.module == operation.module)
                .count()
                > 1;
            let name = if shared {
                format!("{}_{}", service.module, operation.module)
            } else {
                operation.module.clone()
            };
            names.push((s, o, name));
        }
    }
    names
}
