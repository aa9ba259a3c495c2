//! Parameter structs, `Request` (typed request → `http::Request`),
//! `Response` (status and body → typed response), the runtime's `Operation`
//! trait that joins them, and a per-service `Client` with one method per
//! operation.
//!
//! Credential headers (`X-Auth-Token`, `X-Security-Token`) are not parameters here: the runtime's
//! credentials set them (see [`crate::model::is_credential_header`]).

use super::text::{self, Item};
use super::types;
use super::validate;
use crate::model::{Body, Field, Operation, PathPiece, Service, Ty};

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
    // Inline for the reason given at `validate::struct_impl`.
    item.line("#[inline]");
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
fn response_ty(body: &Body) -> String {
    match body {
        Body::Json(Ty::Struct(name)) => format!("Box<{name}>"),
        _ => body_ty(body),
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
            item.chain_arm(&r.status.to_string(), &format!("{read}.map({wrap})"));
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
    item.line("#[inline]");
    item.open("pub fn is_documented(&self) -> bool");
    item.line("!matches!(self, Response::Undocumented { .. })");
    item.close("");
    item.doc(" The HTTP status.");
    item.line("#[inline]");
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
    item.line("#[inline]");
    item.open("fn status(&self) -> u16");
    item.line("Response::status(self)");
    item.close("");
    item.line("#[inline]");
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
    item.line("#[inline]");
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
