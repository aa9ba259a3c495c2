//! `Request`: the parameter groups and the body, its validation, the
//! `http::Request` it becomes (`to_http`), and the runtime's `Operation`
//! trait that joins it to its `Response`.
//!
//! Credential headers (`X-Auth-Token`, `X-Security-Token`) are not parameters here: the runtime's
//! credentials set them (see [`crate::model::is_credential_header`]).

use super::docs;
use super::groups::{groups, ParameterGroup};
use super::syntax::body_ty;
use super::text::{self, Writer};
use crate::model::{Body, Field, Operation, PathPiece, Ty};

/// `Request`: the parameter groups and the body, its validation, and the
/// HTTP request it becomes.
pub fn request(out: &mut Writer, operation: &Operation) {
    let groups = groups(operation);
    let no_required = groups
        .iter()
        .all(|group| group.fields.iter().all(|f| !f.required))
        && operation.request_body.is_none();
    out.doc(" Everything one call sends.");
    out.line(if no_required {
        "#[derive(Debug, Clone, PartialEq, Default)]"
    } else {
        "#[derive(Debug, Clone, PartialEq)]"
    });
    let mut checks = Vec::new();
    if groups.is_empty() && operation.request_body.is_none() {
        out.line("pub struct Request {}");
    } else {
        out.open("pub struct Request");
        for ParameterGroup {
            member: field,
            name,
            part,
            doc,
            ..
        } in &groups
        {
            out.docs(&docs::prose(&[doc.to_string()]));
            out.line(&format!("pub {field}: {name},"));
            checks.push((
                format!("self.{field}"),
                format!("&validation::Path::root(validation::Part::{part})"),
            ));
        }
        if let Some(body) = &operation.request_body {
            out.doc(" The request body.");
            out.typed("pub body: ", &body_ty(body), ",");
            checks.push((
                "self.body".to_owned(),
                "&validation::Path::body()".to_owned(),
            ));
        }
        out.close("");
    }
    request_validate(out, &checks);
    out.open("impl Request");
    out.doc(" Checks the request against the documented constraints, then builds the HTTP request for `endpoint`: `https://host`, or a `client::Endpoint` with the ids that fill `{project_id}` and `{domain_id}` where the request leaves them unset.");
    // `#[inline]` on the functions that reach serde: the JSON code of
    // every body type is then compiled in the crate that calls them, for the
    // operations it calls, not for every operation of the service when the
    // generated crate builds (most of its LLVM IR).
    out.line("#[inline]");
    out.signature(
        "pub fn to_http<'a>",
        &["&self", "endpoint: impl Into<client::Endpoint<'a>>"],
        " -> Result<http::Request<Vec<u8>>, client::RequestError>",
        false,
    );
    out.line("client::Operation::to_http(self, endpoint.into())");
    out.close("");
    out.close("");
    out.open("impl client::Operation for Request");
    out.line("type Response = Response;");
    out.unbreakable_line(&format!(
        "const NAME: &'static str = {};",
        text::string(&operation.id)
    ));
    out.line("const METHOD: http::Method = METHOD;");
    out.line("#[inline]");
    out.signature(
        "fn build_http",
        &["&self", "endpoint: client::Endpoint<'_>"],
        " -> Result<http::Request<Vec<u8>>, client::RequestError>",
        false,
    );
    // A path of no piece and no query never touches the builder again.
    let touched = !operation.path_pieces().is_empty() || !operation.query_params.is_empty();
    out.line(if touched {
        "let mut uri = client::UriBuilder::new(endpoint)?;"
    } else {
        "let uri = client::UriBuilder::new(endpoint)?;"
    });
    uri_building(out, operation);
    out.line("let builder = http::Request::builder().method(METHOD).uri(uri.finish()?);");
    for header in operation.parameter_headers() {
        header_setting(out, header);
    }
    out.line(match &operation.request_body {
        Some(Body::Text) => "client::text_body(builder, &self.body)",
        Some(Body::Json(_)) => "client::json_body(builder, &self.body)",
        None => "client::no_body(builder)",
    });
    out.close("");
    out.line("#[inline]");
    out.signature(
        "fn from_http",
        &["status: u16", "_headers: &http::HeaderMap", "body: &[u8]"],
        " -> Result<Response, client::ResponseError>",
        false,
    );
    out.line("Response::from_http(status, body)");
    out.close("");
    out.close("");
}

/// `impl Validate for Request`: each part's own validation (`checks`: the
/// part and the path it is checked at).
fn request_validate(out: &mut Writer, checks: &[(String, String)]) {
    out.open("impl validation::Validate for Request");
    let found = if checks.is_empty() {
        "_found: &mut validation::Violations"
    } else {
        "found: &mut validation::Violations"
    };
    // Inline for the reason given at `validate::struct_impl`.
    out.line("#[inline]");
    out.signature(
        "fn validate_at",
        &["&self", "_at: &validation::Path<'_>", found],
        "",
        checks.is_empty(),
    );
    for (part, at) in checks {
        out.method_call(part, "validate_at", &[at, "found"], ";");
    }
    if !checks.is_empty() {
        out.close("");
    }
    out.close("");
}

fn uri_building(out: &mut Writer, operation: &Operation) {
    for piece in operation.path_pieces() {
        match piece {
            PathPiece::Literal(literal) => {
                out.method_call("uri", "literal", &[&text::string(literal)], ";")
            }
            PathPiece::Parameter(name) => {
                let field = operation.path_params.iter().find(|p| p.wire == name);
                match field {
                    // `{project_id}`, `{domain_id}`: the request's value, else the credentials'.
                    Some(field) if is_account_id(field) => out.method_call(
                        "uri",
                        &field.wire,
                        &[&format!("self.path.{}.as_deref()", field.rust)],
                        "?;",
                    ),
                    Some(field) => out.method_call(
                        "uri",
                        "segment",
                        &[&format!("&self.path.{}", field.rust)],
                        ";",
                    ),
                    // The resolver gives every placeholder a parameter; keep the template if not.
                    None => out.method_call(
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
            out.line(&format!("let value = &self.query.{};", p.rust));
        } else {
            out.open(&format!("if let Some(value) = &self.query.{}", p.rust));
        }
        match &p.ty {
            Ty::Array(_) => {
                out.open("for item in value");
                out.method_call("uri", "query", &[&wire, "item"], ";");
                out.close("");
            }
            Ty::Secret => out.method_call("uri", "query", &[&wire, "&value.expose()"], ";"),
            _ => out.method_call("uri", "query", &[&wire, "value"], ";"),
        }
        if !p.required {
            out.close("");
        }
    }
}

/// A path parameter the credentials fill when the request leaves it unset:
/// the resolver makes it optional (see [`crate::model::is_account_id`]).
fn is_account_id(field: &Field) -> bool {
    crate::model::is_account_id(&field.wire) && !field.required
}

fn header_setting(out: &mut Writer, p: &Field) {
    let wire = text::string(&p.wire);
    let (head, value) = match &p.ty {
        Ty::Secret => ("client::secret_header", "value.expose()"),
        Ty::Array(_) => {
            // A chain of calls as an argument: laid out by prettyplease.
            out.unlaid();
            (
                "client::header",
                "&value.iter().map(::std::string::ToString::to_string).collect::<Vec<_>>().join(\",\")",
            )
        }
        _ => ("client::header", "value"),
    };
    let args = ["builder", &wire, value];
    if p.required {
        out.line(&format!("let value = &self.headers.{};", p.rust));
        out.call(&format!("let builder = {head}"), &args, "?;");
    } else {
        out.open(&format!("let builder = match &self.headers.{}", p.rust));
        out.call_arm("Some(value)", head, &args, "?");
        out.line("None => builder,");
        out.close(";");
    }
}
