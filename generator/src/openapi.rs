//! `docspec openapi`: the resolved model as one OpenAPI document per service.
//!
//! What OpenAPI can say is said in its own terms (parameters, bodies, one
//! response per documented status, constraints as JSON Schema keywords,
//! examples, security schemes); what it cannot (text bodies, the table a
//! type came from, rows added by hand, examples that break their own tables,
//! lint findings) is kept in `x-docspec-*` extensions. The output depends on
//! the model alone, so it is deterministic to the byte.

mod schema;

pub use schema::component_name;

use crate::diagnostic::Diagnostics;
use crate::generate::{self, ResolvedDir};
use crate::model::{
    Body, ExampleCase, ExampleTarget, Expectation, Field, Operation, PathPiece, Service,
};
use crate::spec::LoadedSpec;
use schema::Schemas;
use serde_json::{json, Map, Value};
use std::path::Path;

/// The OpenAPI version written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Version {
    /// 3.1.0: JSON Schema 2020-12 schemas.
    #[default]
    V3_1,
    /// 3.0.3, for tools that read nothing newer (progenitor).
    V3_0,
}

impl Version {
    pub fn as_str(self) -> &'static str {
        match self {
            Version::V3_1 => "3.1.0",
            Version::V3_0 => "3.0.3",
        }
    }
}

/// The security scheme of the token header.
pub const TOKEN_SCHEME: &str = "token";
/// The security scheme of AK/SK request signing.
pub const AKSK_SCHEME: &str = "aksk";
/// The header that carries an IAM token.
pub const TOKEN_HEADER: &str = "X-Auth-Token";

/// One service's document.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    /// The service's module name (`sms`).
    pub service: String,
    pub document: Value,
}

/// Reads, checks and resolves the specs below `spec_dir` (only the given
/// services, if any) and exports one document per service, with the
/// warnings found on the way. Fails with every error found.
pub fn export_dir(
    spec_dir: &Path,
    services: &[String],
    version: Version,
    command: &str,
) -> Result<(Vec<Export>, Diagnostics), Diagnostics> {
    let resolved = generate::resolve_dir(spec_dir, services)?;
    let exports = export_resolved(&resolved, spec_dir, version, command);
    Ok((exports, resolved.warnings))
}

/// The documents of an already resolved spec folder.
pub fn export_resolved(
    resolved: &ResolvedDir,
    spec_dir: &Path,
    version: Version,
    command: &str,
) -> Vec<Export> {
    resolved
        .api
        .services
        .iter()
        .map(|service| Export {
            service: service.module.clone(),
            document: document(
                service,
                &Context {
                    specs: &resolved.specs,
                    warnings: &resolved.warnings,
                    spec_dir,
                    version,
                    command,
                },
            ),
        })
        .collect()
}

/// What a document is built from besides the model.
pub struct Context<'a> {
    /// The specs, for what the model does not carry (rows and tables added by hand).
    pub specs: &'a [LoadedSpec],
    /// Warnings, each kept with the operation whose spec it is about.
    pub warnings: &'a Diagnostics,
    /// The folder the operations' `spec_file`s are relative to.
    pub spec_dir: &'a Path,
    pub version: Version,
    /// The command that regenerates the document, as a user would type it.
    pub command: &'a str,
}

/// The OpenAPI document of one service.
pub fn document(service: &Service, context: &Context) -> Value {
    let mut paths: Map<String, Value> = Map::new();
    let mut components: Map<String, Value> = Map::new();
    let mut unplaced = Vec::new();
    let mut uses_security = false;
    for operation in &service.operations {
        let schemas = Schemas {
            operation,
            version: context.version,
        };
        let method = operation.method.as_str().to_ascii_lowercase();
        let item = paths
            .entry(operation.path.clone())
            .or_insert_with(|| json!({}));
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        if item.contains_key(&method) || !is_http_method(&method) {
            // OpenAPI has room for one operation per path and method.
            unplaced.push(json!({
                "operationId": operation.id,
                "method": operation.method.as_str(),
                "path": operation.path,
                "reason": if is_http_method(&method) {
                    "another operation of the service has the same method and path"
                } else {
                    "OpenAPI has no such method"
                },
            }));
            continue;
        }
        let built = operation_object(operation, &service.module, &schemas, context);
        uses_security |= built.get("security").is_some();
        item.insert(method, built);
        for structure in &operation.structs {
            components.insert(
                component_name(operation, &structure.name),
                schemas.structure(structure),
            );
        }
        for enumeration in &operation.enums {
            components.insert(
                component_name(operation, &enumeration.name),
                schemas.enumeration(enumeration),
            );
        }
    }
    paths.retain(|_, item| item.as_object().is_some_and(|o| !o.is_empty()));

    let mut document = Map::new();
    document.insert("openapi".into(), context.version.as_str().into());
    document.insert(
        "info".into(),
        json!({
            "title": format!("{} (captured by docspec)", service.module),
            "description": format!(
                "Generated by docspec from the API reference pages of the {} service; regenerate with `{}`.",
                service.module, context.command
            ),
            // The pages carry no API version.
            "version": "unversioned",
        }),
    );
    document.insert("tags".into(), json!([{ "name": service.module }]));
    document.insert("paths".into(), paths.into());
    let mut component_object = Map::new();
    component_object.insert("schemas".into(), components.into());
    if uses_security {
        component_object.insert("securitySchemes".into(), security_schemes());
    }
    document.insert("components".into(), component_object.into());
    if !unplaced.is_empty() {
        document.insert("x-docspec-unplaced-operations".into(), unplaced.into());
    }
    Value::Object(document)
}

fn is_http_method(method: &str) -> bool {
    matches!(
        method,
        "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace"
    )
}

fn security_schemes() -> Value {
    json!({
        TOKEN_SCHEME: {
            "type": "apiKey",
            "in": "header",
            "name": TOKEN_HEADER,
            "description": "An IAM user token: the X-Subject-Token header of the IAM API's token response.",
        },
        AKSK_SCHEME: {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "AK/SK signing: the request (method, path, query, signed headers and a SHA-256 of the body) is signed with the secret access key (HMAC-SHA256, SDK-HMAC-SHA256 scheme); Authorization carries the access key, the signed header names and the signature, X-Sdk-Date the time signed.",
        },
    })
}

/// Whether a header parameter is the token header, which the document states as a security scheme.
pub fn is_token_header(field: &Field) -> bool {
    field.wire.eq_ignore_ascii_case(TOKEN_HEADER)
}

fn operation_object(
    operation: &Operation,
    tag: &str,
    schemas: &Schemas,
    context: &Context,
) -> Value {
    let mut object = Map::new();
    object.insert("operationId".into(), operation.id.clone().into());
    object.insert("summary".into(), operation.title.clone().into());
    if let Some(summary) = &operation.summary {
        object.insert("description".into(), summary.clone().into());
    }
    object.insert("tags".into(), json!([tag]));
    let parameters = parameters(operation, schemas);
    if !parameters.is_empty() {
        object.insert("parameters".into(), parameters.into());
    }
    let (examples, departing) = examples(operation);
    if let Some(body) = &operation.request_body {
        let request_examples = examples_for(&examples, &ExampleTarget::Request);
        let mut request = Map::new();
        request.insert("required".into(), true.into());
        request.insert("content".into(), content(body, schemas, request_examples));
        if let Body::Text = body {
            request.insert("x-docspec-body".into(), "text".into());
        }
        object.insert("requestBody".into(), request.into());
    }
    object.insert("responses".into(), responses(operation, schemas, &examples));
    if let Some(token) = operation.header_params.iter().find(|f| is_token_header(f)) {
        let mut alternatives = vec![json!({ TOKEN_SCHEME: [] }), json!({ AKSK_SCHEME: [] })];
        if !token.required {
            alternatives.push(json!({}));
        }
        object.insert("security".into(), alternatives.into());
    }
    if !departing.is_empty() {
        object.insert("x-docspec-departing-examples".into(), departing.into());
    }
    let by_hand = added_by_hand(operation, context);
    if !by_hand.is_empty() {
        object.insert("x-docspec-added-by-hand".into(), by_hand.into());
    }
    let findings = findings(operation, context);
    if !findings.is_empty() {
        object.insert("x-docspec-lint".into(), findings.into());
    }
    object.insert(
        "x-docspec-spec-file".into(),
        portable(&operation.spec_file).into(),
    );
    object.insert(
        "x-docspec-rust-module".into(),
        operation.module.clone().into(),
    );
    Value::Object(object)
}

/// A path with `/` separators on every platform, for deterministic output.
fn portable(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn parameters(operation: &Operation, schemas: &Schemas) -> Vec<Value> {
    let mut list = Vec::new();
    let documented: Vec<&str> = operation
        .path_params
        .iter()
        .map(|f| f.wire.as_str())
        .collect();
    for field in &operation.path_params {
        list.push(parameter(field, "path", schemas));
    }
    // Every `{name}` of the template needs a parameter; a page may lack its row.
    for piece in operation.path_pieces() {
        if let PathPiece::Parameter(name) = piece {
            if !documented.contains(&name) {
                list.push(json!({
                    "name": name,
                    "in": "path",
                    "required": true,
                    "schema": { "type": "string" },
                    "x-docspec-undocumented": true,
                }));
            }
        }
    }
    for field in &operation.query_params {
        list.push(parameter(field, "query", schemas));
    }
    for field in operation
        .header_params
        .iter()
        .filter(|f| !is_token_header(f))
    {
        list.push(parameter(field, "header", schemas));
    }
    list
}

fn parameter(field: &Field, location: &str, schemas: &Schemas) -> Value {
    let mut object = Map::new();
    object.insert("name".into(), field.wire.clone().into());
    object.insert("in".into(), location.into());
    if !field.doc.is_empty() {
        object.insert("description".into(), field.doc.join("\n").into());
    }
    // OpenAPI requires path parameters to be required, whatever the page says.
    let required = field.required || location == "path";
    object.insert("required".into(), required.into());
    if required != field.required {
        object.insert("x-docspec-documented-optional".into(), true.into());
    }
    if matches!(field.ty, crate::model::Ty::Array(_)) && location == "query" {
        // Repeated keys (`?id=a&id=b`), as the generated clients send arrays.
        object.insert("style".into(), "form".into());
        object.insert("explode".into(), true.into());
    }
    let mut schema = schemas.field(field);
    // The parameter's description says it already.
    if let Some(schema) = schema.as_object_mut() {
        schema.shift_remove("description");
    }
    object.insert("schema".into(), schema);
    if field.secret {
        object.insert("x-docspec-secret".into(), true.into());
    }
    Value::Object(object)
}

/// The content map of a body, with its examples.
fn content(body: &Body, schemas: &Schemas, examples: Map<String, Value>) -> Value {
    let (media, schema) = match body {
        Body::Json(ty) => ("application/json", schemas.finish(schemas.ty(ty))),
        Body::Text => ("text/plain", json!({ "type": "string" })),
    };
    let mut media_object = Map::new();
    media_object.insert("schema".into(), schema);
    if !examples.is_empty() {
        media_object.insert("examples".into(), examples.into());
    }
    let mut content = Map::new();
    content.insert(media.into(), media_object.into());
    Value::Object(content)
}

fn responses(operation: &Operation, schemas: &Schemas, examples: &[Placed]) -> Value {
    let mut responses = Map::new();
    for case in &operation.responses {
        let mut response = Map::new();
        let description = if case.doc.is_empty() {
            format!("Status {}", case.status)
        } else {
            case.doc.join("\n")
        };
        response.insert("description".into(), description.into());
        let placed = examples_for(examples, &ExampleTarget::Response(case.status));
        response.insert("content".into(), content(&case.body, schemas, placed));
        if let Body::Text = case.body {
            response.insert("x-docspec-body".into(), "text".into());
        }
        response.insert("x-docspec-variant".into(), case.variant.clone().into());
        responses.insert(case.status.to_string(), response.into());
    }
    if responses.is_empty() {
        // OpenAPI needs at least one response; the page documents none.
        responses.insert(
            "default".into(),
            json!({ "description": "The page documents no status.", "x-docspec-undocumented": true }),
        );
    }
    Value::Object(responses)
}

/// An example that agrees with its tables, as the JSON value it shows.
struct Placed {
    name: String,
    target: ExampleTarget,
    value: Value,
}

/// Splits the examples into those that agree with their tables (OpenAPI
/// `examples`) and those that break them (kept with what breaks).
fn examples(operation: &Operation) -> (Vec<Placed>, Vec<Value>) {
    let mut placed = Vec::new();
    let mut departing = Vec::new();
    for case in &operation.examples {
        let text_body = is_text_target(operation, &case.target);
        let value = if text_body {
            Some(Value::String(case.body.clone()))
        } else {
            serde_json::from_str::<Value>(&case.body).ok()
        };
        match (&case.expect, value) {
            (Expectation::RoundTrip, Some(value)) => placed.push(Placed {
                name: case.name.clone(),
                target: case.target.clone(),
                value,
            }),
            (expect, value) => departing.push(departure(case, expect, value)),
        }
    }
    (placed, departing)
}

fn is_text_target(operation: &Operation, target: &ExampleTarget) -> bool {
    matches!(operation.body_of(target), Some(Body::Text))
}

fn departure(case: &ExampleCase, expect: &Expectation, value: Option<Value>) -> Value {
    let target = match case.target {
        ExampleTarget::Request => "request".to_owned(),
        ExampleTarget::Response(status) => status.to_string(),
    };
    let (kind, details): (&str, Vec<String>) = match expect {
        Expectation::RoundTrip => ("round-trip", Vec::new()),
        Expectation::Violations(violations) => ("violations", violations.clone()),
        Expectation::DecodeError(error) => ("decode-error", vec![error.clone()]),
        Expectation::InvalidJson => ("invalid-json", Vec::new()),
    };
    let mut object = Map::new();
    object.insert("name".into(), case.name.clone().into());
    object.insert("target".into(), target.into());
    object.insert("expectation".into(), kind.into());
    if !details.is_empty() {
        object.insert("details".into(), details.into());
    }
    match value {
        Some(value) => object.insert("value".into(), value),
        None => object.insert("text".into(), case.body.clone().into()),
    };
    Value::Object(object)
}

fn examples_for(examples: &[Placed], target: &ExampleTarget) -> Map<String, Value> {
    examples
        .iter()
        .filter(|e| &e.target == target)
        .map(|e| (e.name.clone(), json!({ "value": e.value })))
        .collect()
}

/// Tables and rows a reviewer added by hand, with the reason given.
fn added_by_hand(operation: &Operation, context: &Context) -> Vec<Value> {
    let Some(spec) = context
        .specs
        .iter()
        .find(|s| context.spec_dir.join(&operation.spec_file) == s.path)
    else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for table in &spec.spec.tables {
        let table_name = table
            .name
            .clone()
            .unwrap_or_else(|| format!("{:?}", table.role));
        if let Some(reason) = &table.added_by_hand {
            found.push(json!({ "table": table_name, "reason": reason }));
        }
        for row in &table.rows {
            if let Some(reason) = &row.added_by_hand {
                found.push(json!({ "table": table_name, "row": row.parameter, "reason": reason }));
            }
        }
    }
    found
}

/// The warnings about this operation's spec, as `file:line: message` without the folder.
fn findings(operation: &Operation, context: &Context) -> Vec<Value> {
    let file = context.spec_dir.join(&operation.spec_file);
    context
        .warnings
        .iter()
        .filter(|d| d.location.file == file)
        .map(|d| {
            let mut object = Map::new();
            object.insert("line".into(), d.location.line.into());
            if let Some(table) = &d.table {
                object.insert("table".into(), table.clone().into());
            }
            if let Some(row) = &d.row {
                object.insert("row".into(), row.clone().into());
            }
            object.insert("message".into(), d.message.clone().into());
            if let Some(hint) = &d.hint {
                object.insert("hint".into(), hint.clone().into());
            }
            Value::Object(object)
        })
        .collect()
}

/// The document as YAML.
pub fn to_yaml(document: &Value) -> String {
    // A serde_json::Value always serializes; an error here would be a serde_yaml bug.
    serde_yaml::to_string(document).unwrap_or_else(|e| format!("# cannot write YAML: {e}\n"))
}

/// The document as pretty JSON, with a final newline.
pub fn to_json(document: &Value) -> String {
    let mut text = serde_json::to_string_pretty(document).unwrap_or_default();
    text.push('\n');
    text
}
