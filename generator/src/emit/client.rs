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

/// `Request`: the parameter groups and the body, its validation, and the
/// HTTP request it becomes.
pub fn request(item: &mut Item, operation: &Operation) {
    let groups = groups(operation);
    let no_required = groups
        .iter()
        .all(|(_, _, _, fields, _)| fields.iter().all(|f| !f.required))
        && operation.request_body.is_none();
    item.doc(" Everything one call sends.");
    item.line(if no_required {
        "#[derive(Debug, Clone, PartialEq, Default)]"
    } else {
        "#[derive(Debug, Clone, PartialEq)]"
    });
    let mut checks = Vec::new();
    if groups.is_empty() && operation.request_body.is_none() {
        item.line("pub struct Request {}");
    } else {
        item.open("pub struct Request");
        for (field, name, part, _, doc) in &groups {
            item.docs(&super::docs::prose(&[doc.to_string()]));
            item.line(&format!("pub {field}: {name},"));
            checks.push((
                format!("self.{field}"),
                format!("&validation::Path::root(validation::Part::{part})"),
            ));
        }
        if let Some(body) = &operation.request_body {
            item.doc(" The request body.");
            item.typed("pub body: ", &body_ty(body), ",");
            checks.push((
                "self.body".to_owned(),
                "&validation::Path::body()".to_owned(),
            ));
        }
        item.close("");
    }
    request_validate(item, &checks);
    item.open("impl Request");
    item.doc(" Checks the request against the documented constraints, then builds the HTTP request for `endpoint` (`https://host`).");
    // `#[inline]` on the functions that reach serde: the JSON code of
    // every body type is then compiled in the crate that calls them, for the
    // operations it calls, not for every operation of the service when the
    // generated crate builds (most of its LLVM IR).
    item.line("#[inline]");
    item.signature(
        "pub fn to_http",
        &["&self", "endpoint: &str"],
        " -> Result<http::Request<Vec<u8>>, client::RequestError>",
        false,
    );
    item.line("self.validate().map_err(client::RequestError::Invalid)?;");
    // A path of no piece and no query never touches the builder again.
    let touched = !operation.path_pieces().is_empty() || !operation.query_params.is_empty();
    item.line(if touched {
        "let mut uri = client::UriBuilder::new(endpoint)?;"
    } else {
        "let uri = client::UriBuilder::new(endpoint)?;"
    });
    uri_building(item, operation);
    item.line("let builder = http::Request::builder().method(METHOD).uri(uri.finish()?);");
    for header in operation.parameter_headers() {
        header_setting(item, header);
    }
    item.line(match &operation.request_body {
        Some(Body::Text) => "client::text_body(builder, &self.body)",
        Some(Body::Json(_)) => "client::json_body(builder, &self.body)",
        None => "client::no_body(builder)",
    });
    item.close("");
    item.close("");
    item.open("impl client::Operation for Request");
    item.line("type Response = Response;");
    item.unbreakable_line(&format!(
        "const NAME: &'static str = {};",
        text::string(&operation.id)
    ));
    item.line("const METHOD: http::Method = METHOD;");
    item.line("#[inline]");
    item.signature(
        "fn to_http",
        &["&self", "endpoint: &str"],
        " -> Result<http::Request<Vec<u8>>, client::RequestError>",
        false,
    );
    item.line("Request::to_http(self, endpoint)");
    item.close("");
    item.line("#[inline]");
    item.signature(
        "fn from_http",
        &["status: u16", "_headers: &http::HeaderMap", "body: &[u8]"],
        " -> Result<Response, client::ResponseError>",
        false,
    );
    item.line("Response::from_http(status, body)");
    item.close("");
    item.close("");
}

/// `impl Validate for Request`: each part's own validation (`checks`: the
/// part and the path it is checked at).
fn request_validate(item: &mut Item, checks: &[(String, String)]) {
    item.open("impl validation::Validate for Request");
    let found = if checks.is_empty() {
        "_found: &mut validation::Violations"
    } else {
        "found: &mut validation::Violations"
    };
    item.signature(
        "fn validate_at",
        &["&self", "_at: &validation::Path<'_>", found],
        "",
        checks.is_empty(),
    );
    for (part, at) in checks {
        item.method_call(part, "validate_at", &[at, "found"], ";");
    }
    if !checks.is_empty() {
        item.close("");
    }
    item.close("");
}

/// A response variant's payload: structs boxed, so that one large body does
/// not make every `Response` as large as it.
fn response_ty(body: &Body) -> TokenStream {
    match body {
        Body::Json(Ty::Struct(name)) => {
            let name = ident(name);
            quote!(Box<#name>)
        }
        Body::Json(ty) => types::ty(ty),
        Body::Text => quote!(String),
    }
}

fn body_ty(body: &Body) -> String {
    match body {
        Body::Text => "String".to_owned(),
        Body::Json(ty) => types::ty_text(ty),
    }
}

fn uri_building(item: &mut Item, operation: &Operation) {
    for piece in operation.path_pieces() {
        match piece {
            PathPiece::Literal(literal) => {
                item.method_call("uri", "literal", &[&text::string(literal)], ";")
            }
            PathPiece::Parameter(name) => {
                let field = operation.path_params.iter().find(|p| p.wire == name);
                match field {
                    Some(field) => item.method_call(
                        "uri",
                        "segment",
                        &[&format!("&self.path.{}", field.rust)],
                        ";",
                    ),
                    // The resolver gives every placeholder a parameter; keep the template if not.
                    None => item.method_call(
                        "uri",
                        "literal",
                        &[&text::string(&format!("{{{name}}}"))],
                        ";",
                    ),
                }
            }
        }
    }
    for p in &operation.query_params {
        let wire = text::string(&p.wire);
        if p.required {
            item.line(&format!("let value = &self.query.{};", p.rust));
        } else {
            item.open(&format!("if let Some(value) = &self.query.{}", p.rust));
        }
        match &p.ty {
            Ty::Array(_) => {
                item.open("for item in value");
                item.method_call("uri", "query", &[&wire, "item"], ";");
                item.close("");
            }
            Ty::Secret => item.method_call("uri", "query", &[&wire, "&value.expose()"], ";"),
            _ => item.method_call("uri", "query", &[&wire, "value"], ";"),
        }
        if !p.required {
            item.close("");
        }
    }
}

fn header_setting(item: &mut Item, p: &Field) {
    let wire = text::string(&p.wire);
    let (head, value) = match &p.ty {
        Ty::Secret => ("client::secret_header", "value.expose()"),
        Ty::Array(_) => {
            // A chain of calls as an argument: laid out by prettyplease.
            item.unlaid();
            (
                "client::header",
                "&value.iter().map(::std::string::ToString::to_string).collect::<Vec<_>>().join(\",\")",
            )
        }
        _ => ("client::header", "value"),
    };
    let args = ["builder", &wire, value];
    if p.required {
        item.line(&format!("let value = &self.headers.{};", p.rust));
        item.call(&format!("let builder = {head}"), &args, "?;");
    } else {
        item.open(&format!("let builder = match &self.headers.{}", p.rust));
        item.call_arm("Some(value)", head, &args, "?");
        item.line("None => builder,");
        item.close(";");
    }
}

pub fn response(operation: &Operation) -> TokenStream {
    let variants = operation.responses.iter().map(|r| {
        let variant = ident(&r.variant);
        let ty = response_ty(&r.body);
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
        let doc = super::docs::doc_attrs(&doc);
        quote!(#doc #variant(#ty),)
    });
    let decoders = operation.responses.iter().map(|r| {
        let variant = ident(&r.variant);
        let status = proc_macro2::Literal::u16_unsuffixed(r.status);
        let read = match &r.body {
            Body::Text => quote!(wire::from_text(body)),
            Body::Json(_) => quote!(wire::from_json(body)),
        };
        let wrap = match &r.body {
            Body::Json(Ty::Struct(_)) => {
                quote!(|body| Response::#variant(Box::new(body)))
            }
            _ => quote!(Response::#variant),
        };
        quote!(#status => #read.map(#wrap),)
    });
    let statuses = operation.responses.iter().map(|r| {
        let variant = ident(&r.variant);
        let status = proc_macro2::Literal::u16_unsuffixed(r.status);
        quote!(Response::#variant(_) => #status,)
    });
    let checks = operation.responses.iter().map(|r| {
        let variant = ident(&r.variant);
        quote!(Response::#variant(body) => body.validate_at(at, found),)
    });
    let to_json = operation.responses.iter().map(|r| {
        let variant = ident(&r.variant);
        match &r.body {
            Body::Text => {
                quote!(Response::#variant(body) => serde_json::Value::String(body.clone()),)
            }
            Body::Json(_) => quote!(Response::#variant(body) => client::json_value(body),),
        }
    });
    // A page that documents no status has nothing to decode: every answer is
    // kept as received (a match with only the catch-all arm is not code a
    // person would write).
    let decode = if operation.responses.is_empty() {
        quote!(Ok(Response::Undocumented {
            status,
            body: body.to_vec()
        }))
    } else {
        quote! {
            let decoded = match status {
                #(#decoders)*
                status => Ok(Response::Undocumented { status, body: body.to_vec() }),
            };
            decoded.map_err(|error| client::ResponseError::new(status, error, body))
        }
    };
    // A page that documents no status leaves nothing to check.
    let (at, found) = if operation.responses.is_empty() {
        (quote!(_at), quote!(_found))
    } else {
        (quote!(at), quote!(found))
    };
    quote! {
        /// A response, by status.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Response {
            #(#variants)*
            /// A status the docs do not list, with the body as received.
            Undocumented { status: u16, body: Vec<u8> },
        }

        impl Response {
            /// Reads a response: strict about the documented types, lenient about documented constraints (see `validate`).
            // Inline for the reason given at `Request::to_http`.
            #[inline]
            pub fn from_http(status: u16, body: &[u8]) -> Result<Self, client::ResponseError> {
                #decode
            }

            /// Whether the status is one the docs list.
            pub fn is_documented(&self) -> bool {
                !matches!(self, Response::Undocumented { .. })
            }

            /// The HTTP status.
            pub fn status(&self) -> u16 {
                match self {
                    #(#statuses)*
                    Response::Undocumented { status, .. } => *status,
                }
            }
        }

        impl client::TypedResponse for Response {
            fn status(&self) -> u16 {
                Response::status(self)
            }

            fn is_documented(&self) -> bool {
                Response::is_documented(self)
            }

            #[inline]
            fn to_json(&self) -> serde_json::Value {
                match self {
                    #(#to_json)*
                    Response::Undocumented { body, .. } => client::raw_json_value(body),
                }
            }
        }

        impl validation::Validate for Response {
            fn validate_at(&self, #at: &validation::Path<'_>, #found: &mut validation::Violations) {
                match self {
                    #(#checks)*
                    Response::Undocumented { .. } => {}
                }
            }
        }
    }
}

/// The service's `Client`: one method per operation, named after it, over the runtime's transport.
pub fn service_client(item: &mut Item, service: &Service) {
    let runtime = item.runtime();
    let transport = "#[cfg(feature = \"transport\")]";
    item.line(transport);
    item.line(&format!("use {runtime}::transport;"));
    item.doc(" Calls this service's operations: endpoint, credentials and retries come from the transport client.");
    item.line(transport);
    item.line("#[derive(Debug, Clone)]");
    item.open("pub struct Client");
    item.line("transport: transport::Client,");
    item.close("");
    item.line(transport);
    item.open("impl Client");
    item.open("pub fn new(transport: transport::Client) -> Self");
    item.line("Client { transport }");
    item.close("");
    item.doc(" A client for `endpoint` with the credentials of the environment (see `credentials::Credentials::from_env`) and default options.");
    item.open("pub fn from_env(endpoint: &str) -> Result<Self, transport::Error>");
    // Too long for a line with any runtime path: the chain breaks before `.map_err`.
    item.line(&format!(
        "let credentials = {runtime}::credentials::Credentials::from_env()"
    ));
    item.indent();
    item.line(".map_err(|e| transport::Error::Config(e.to_string()))?;");
    item.outdent();
    item.line("transport::Client::new(endpoint, credentials).map(Client::new)");
    item.close("");
    item.doc(" The transport client underneath.");
    item.open("pub fn transport(&self) -> &transport::Client");
    item.line("&self.transport");
    item.close("");
    for operation in &service.operations {
        let module = &operation.module;
        item.docs(&super::docs::prose(&[format!(
            "`{}` ({} {}): validates `request`, sends it, reads the typed response.",
            operation.id, operation.method, operation.path
        )]));
        item.signature(
            &format!("pub async fn {module}"),
            &["&self", &format!("request: {module}::Request")],
            &format!(" -> Result<{module}::Response, transport::Error>"),
            false,
        );
        item.line("self.transport.send(&request).await");
        item.close("");
    }
    item.close("");
}

/// A runnable program that calls `operation` once (`cargo run --example NAME -- --endpoint URL ...`):
/// flags for the parameters the request carries (named after their wire names,
/// kebab-case), `--body FILE` for the body; the runtime's `cli::run` does the rest.
/// Written as text, without the file's header and the blank lines between items.
pub fn example_program(
    service: &Service,
    operation: &Operation,
    crate_name: &str,
    example: &str,
) -> String {
    let mut usage =
        format!("usage: cargo run -p {crate_name} --example {example} -- --endpoint URL");
    let mut flags = Vec::new();
    let mut members = Vec::new();
    for (field, name, _, params, _) in groups(operation) {
        let values = params
            .iter()
            .map(|p| {
                let flag = format!("--{}", heck::ToKebabCase::to_kebab_case(p.wire.as_str()));
                usage.push_str(&if p.required {
                    format!(" {flag} VALUE")
                } else {
                    format!(" [{flag} VALUE]")
                });
                let read = if p.required { "required" } else { "value" };
                let read = format!("args.{read}({})?", text::string(&flag));
                flags.push(text::string(&flag));
                (p.rust.clone(), read)
            })
            .collect();
        members.push(RequestMember {
            field,
            group: Some(name),
            reads: values,
        });
    }
    if let Some(body) = &operation.request_body {
        usage.push_str(" --body FILE");
        flags.push(text::string("--body"));
        let read = match body {
            Body::Text => "args.text_body()?",
            Body::Json(_) => "args.body()?",
        };
        members.push(RequestMember {
            field: "body",
            group: None,
            reads: vec![("body".to_owned(), read.to_owned())],
        });
    }
    let mut item = Item::new(super::DOCSPEC_RUNTIME);
    item.inner_doc(&format!(
        " Calls `{}` ({} {}) once and prints the status and the decoded answer as JSON.",
        operation.id, operation.method, operation.path
    ));
    item.inner_doc("");
    item.inner_doc(" ```text");
    item.inner_doc(&format!(" {usage}"));
    item.inner_doc(" ```");
    item.inner_doc("");
    for line in [
        " Credentials come from the environment: `HUAWEICLOUD_SDK_AK` and `HUAWEICLOUD_SDK_SK` (signed requests), or",
        " `HUAWEICLOUD_SDK_AUTH_TOKEN`; `HUAWEICLOUD_SDK_PROJECT_ID` optionally. Exit codes: 0 a documented status,",
        " 1 an undocumented status or a failure to send or read the answer, 2 bad arguments or a request that breaks",
        " the docs (its violations are printed one per line and nothing is sent).",
    ] {
        item.inner_doc(line);
    }
    item.line(&format!(
        "use {}::{}::{} as operation;",
        crate_name.replace('-', "_"),
        service.module,
        operation.module
    ));
    item.line("use std::process::ExitCode;");
    // A string literal is never broken: the line stays whole however long.
    item.unbreakable_line(&format!("const USAGE: &str = {};", text::string(&usage)));
    // Generated and checked for drift as prettyplease writes it.
    item.line("#[rustfmt::skip]");
    item.open("fn main() -> ExitCode");
    let run = "::docspec_runtime::cli::run";
    if members.is_empty() {
        item.line(&format!(
            "{run}(USAGE, &[], |_args| {{ Ok(operation::Request {{}}) }})"
        ));
    } else {
        // The request's struct literal does not fit in a line, so neither
        // does the closure nor the call: one argument per line.
        item.line(&format!("{run}("));
        item.indent();
        item.line("USAGE,");
        item.list("&[", &flags, "],");
        item.open("|args|");
        item.open("Ok(operation::Request");
        for RequestMember {
            field,
            group,
            reads,
        } in &members
        {
            match group {
                Some(name) => {
                    let fields: Vec<text::Field> = reads
                        .iter()
                        .map(|(member, read)| text::Field::Value(member, read))
                        .collect();
                    item.struct_literal(
                        &format!("{field}: "),
                        &format!("operation::{name}"),
                        &fields,
                        ",",
                    );
                }
                None => {
                    for (member, read) in reads {
                        item.line(&format!("{member}: {read},"));
                    }
                }
            }
        }
        item.close(")");
        item.close(",");
        item.outdent();
        item.line(")");
    }
    item.close("");
    item.finish()
}

/// A member of the example program's `Request` literal: a parameter
/// group's struct (`group`) with its members read from flags, or the body.
struct RequestMember<'a> {
    field: &'a str,
    group: Option<&'a str>,
    /// (member, the expression that reads it).
    reads: Vec<(String, String)>,
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
