//! `docspec openapi` on real specs: the repository's `spec/`, every corpus
//! page (both forms) and the ModelArts whole-service export, imported on the
//! fly. Each export must pass a real OpenAPI validator (the PyPI
//! `openapi-spec-validator` in the venv `.ci/run` creates), every example
//! in it must validate against its schema, the output must be deterministic,
//! and the export must say about each operation what the model says.
//!
//! The corpus and the export are test data outside the repository, and the
//! validator needs Python: where either is missing the test says so and passes.
#![cfg(feature = "import")]

use crate::common;

use docspec::generate::{resolve_dir, ResolvedDir};
use docspec::import::{import_page, ImportOptions};
use docspec::model::{Body, Field, Operation, Rules, Ty};
use docspec::openapi::{self, component_name, is_token_header, Version};
use docspec::phrase::Limit;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

const MANIFEST: &str = env!("CARGO_MANIFEST_DIR");
const VERSIONS: [Version; 2] = [Version::V3_1, Version::V3_0];

/// One resolved spec folder and its exports.
struct Set {
    name: String,
    spec_dir: PathBuf,
    resolved: ResolvedDir,
    /// `(version, service, document)`.
    documents: Vec<(Version, String, Value)>,
}

fn shared() -> PathBuf {
    Path::new(MANIFEST).join("../../shared")
}

fn scratch() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("openapi-export")
}

/// Every set, imported, resolved and exported once for all tests of this file.
fn sets() -> &'static [Set] {
    static SETS: OnceLock<Vec<Set>> = OnceLock::new();
    SETS.get_or_init(|| {
        let _ = std::fs::remove_dir_all(scratch());
        let mut sets = vec![export_set("spec", Path::new(MANIFEST).join("../spec"))];
        match import_corpus() {
            Some(dir) => sets.push(export_set("corpus", dir)),
            None => println!("notice: ../shared/corpus is missing: the corpus was not exported"),
        }
        match import_modelarts() {
            Some(dir) => sets.push(export_set("modelarts", dir)),
            None => println!(
                "notice: ../shared/exports/modelarts is missing: the ModelArts export was not exported"
            ),
        }
        sets
    })
}

fn export_set(name: &str, spec_dir: PathBuf) -> Set {
    let resolved = resolve_dir(&spec_dir, &[])
        .unwrap_or_else(|errors| panic!("{name}: the specs do not resolve:\n{errors}"));
    let mut documents = Vec::new();
    for version in VERSIONS {
        for export in openapi::export_resolved(&resolved, &spec_dir, version, "docspec openapi") {
            documents.push((version, export.service, export.document));
        }
    }
    Set {
        name: name.to_owned(),
        spec_dir,
        resolved,
        documents,
    }
}

fn write_spec(dir: &Path, service: &str, operation: &str, yaml: &str) {
    let dir = dir.join(service);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{operation}.yaml")), yaml).unwrap();
}

/// Every corpus page in both forms, one service per service and form.
fn import_corpus() -> Option<PathBuf> {
    let out = scratch().join("corpus-spec");
    let pages = common::import_both_forms(&shared().join("corpus"), &out)?;
    println!("corpus: {pages} pages imported");
    Some(out)
}

/// The ModelArts export page by page; pages the importer refuses (overviews,
/// pages without a `METHOD /path` line) or whose spec does not resolve are
/// counted and left out.
fn import_modelarts() -> Option<PathBuf> {
    let export = shared().join("exports/modelarts");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&export)
        .ok()?
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    let out = scratch().join("modelarts-spec");
    let (mut accepted, mut refused, mut unresolved) = (0, 0, 0);
    for page in &pages {
        let bytes = std::fs::read(page).unwrap();
        let options = ImportOptions {
            service: "modelarts".into(),
            operation: None,
        };
        let Ok(imported) = import_page(page, &bytes, &options) else {
            refused += 1;
            continue;
        };
        write_spec(&out, "modelarts", &imported.spec.operation, &imported.yaml);
        let file = out
            .join("modelarts")
            .join(format!("{}.yaml", imported.spec.operation));
        let resolves = docspec::spec::load_file(&file).is_ok_and(|loaded| {
            let mut diagnostics = docspec::Diagnostics::new();
            docspec::resolve::resolve_operation(&loaded, &mut diagnostics).is_some()
        });
        if resolves {
            accepted += 1;
        } else {
            std::fs::remove_file(&file).unwrap();
            unresolved += 1;
        }
    }
    println!(
        "notice: modelarts: {} pages, {accepted} exported, {refused} refused by the importer, \
         {unresolved} imported but not resolving",
        pages.len()
    );
    Some(out)
}

fn version_name(version: Version) -> &'static str {
    match version {
        Version::V3_1 => "3.1",
        Version::V3_0 => "3.0",
    }
}

/// The validator `.ci/run` installs, or the one `DOCSPEC_OPENAPI_VALIDATOR` names.
fn validator() -> Option<PathBuf> {
    let candidate = std::env::var_os("DOCSPEC_OPENAPI_VALIDATOR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(MANIFEST).join("../target/openapi-venv/bin/openapi-spec-validator")
        });
    candidate.is_file().then_some(candidate)
}

#[test]
fn exports_pass_openapi_spec_validator() {
    let dir = scratch().join("documents");
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::new();
    for set in sets() {
        for (version, service, document) in &set.documents {
            let file = dir.join(format!(
                "{}-{service}-{}.json",
                set.name,
                version_name(*version)
            ));
            std::fs::write(&file, openapi::to_json(document)).unwrap();
            files.push(file);
        }
    }
    let Some(validator) = validator() else {
        println!(
            "notice: openapi-spec-validator not found (bash .ci/run installs it into \
             target/openapi-venv): {} documents written to {} but not validated",
            files.len(),
            dir.display()
        );
        return;
    };
    let output = Command::new(&validator)
        .args(&files)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", validator.display()));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "openapi-spec-validator rejects exports:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let ok = stdout.lines().filter(|l| l.ends_with(": OK")).count();
    assert_eq!(ok, files.len(), "{stdout}");
    println!("{ok} documents valid (OpenAPI 3.1 and 3.0.3)");
}

/// Every media type of an operation: (where, schema, examples).
fn media_types(operation: &Value) -> Vec<(String, &Value, Option<&Value>)> {
    let mut found = Vec::new();
    let mut bodies = vec![("request".to_owned(), &operation["requestBody"])];
    if let Some(responses) = operation["responses"].as_object() {
        bodies.extend(responses.iter().map(|(s, r)| (s.clone(), r)));
    }
    for (place, body) in bodies {
        if let Some(content) = body["content"].as_object() {
            for (media, object) in content {
                found.push((
                    format!("{place} {media}"),
                    &object["schema"],
                    object.get("examples"),
                ));
            }
        }
    }
    found
}

fn operations(document: &Value) -> Vec<&Value> {
    document["paths"]
        .as_object()
        .into_iter()
        .flat_map(|paths| paths.values())
        .filter_map(Value::as_object)
        .flat_map(|item| item.values())
        .collect()
}

/// A validator for a schema of a 3.1 document, its `$ref`s resolved in the document's components.
fn compile(schema: &Value, document: &Value) -> jsonschema::Validator {
    let root = json!({ "allOf": [schema], "components": document["components"] });
    jsonschema::draft202012::new(&root).unwrap_or_else(|e| panic!("schema does not compile: {e}"))
}

#[test]
fn every_example_validates_against_its_schema() {
    let (mut checked, mut failures) = (0, Vec::new());
    let mut departing_checked = 0;
    for set in sets() {
        for (_, service, document) in set.documents.iter().filter(|d| d.0 == Version::V3_1) {
            for operation in operations(document) {
                let id = operation["operationId"].as_str().unwrap_or_default();
                let media = media_types(operation);
                for (place, schema, examples) in &media {
                    let Some(examples) = examples.and_then(Value::as_object) else {
                        continue;
                    };
                    let validator = compile(schema, document);
                    for (name, example) in examples {
                        checked += 1;
                        let errors: Vec<String> = validator
                            .iter_errors(&example["value"])
                            .map(|e| format!("{} at {}", e, e.instance_path))
                            .collect();
                        if !errors.is_empty() {
                            failures.push(format!(
                                "{}/{service} {id} {place} {name}: {}",
                                set.name,
                                errors.join("; ")
                            ));
                        }
                    }
                }
                // An example kept aside for breaking documented bounds must break the schema too.
                for departing in operation["x-docspec-departing-examples"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|d| d["expectation"] == "violations")
                {
                    let target = departing["target"].as_str().unwrap_or_default();
                    let Some((_, schema, _)) =
                        media.iter().find(|(place, ..)| place.starts_with(target))
                    else {
                        continue;
                    };
                    departing_checked += 1;
                    if compile(schema, document).is_valid(&departing["value"]) {
                        failures.push(format!(
                            "{}/{service} {id} {}: the model reports violations ({}) the schema does not",
                            set.name, departing["name"], departing["details"]
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked > 0, "no example was checked");
    println!(
        "{checked} examples validate against their schemas; {departing_checked} examples that break their tables break their schemas"
    );
}

#[test]
fn export_is_deterministic_and_yaml_reads_back() {
    let set = &sets()[0];
    for version in VERSIONS {
        let first = openapi::export_resolved(&set.resolved, &set.spec_dir, version, "c");
        let second = openapi::export_resolved(&set.resolved, &set.spec_dir, version, "c");
        for (a, b) in first.iter().zip(&second) {
            let yaml = openapi::to_yaml(&a.document);
            assert_eq!(yaml, openapi::to_yaml(&b.document));
            assert_eq!(openapi::to_json(&a.document), openapi::to_json(&b.document));
            let back: Value = serde_yaml::from_str(&yaml).unwrap();
            assert_eq!(back, a.document);
        }
    }
}

// ---------------------------------------------------------------------------
// The model and the export say the same about every operation.

/// Reads what an exported schema says, independently of how the exporter wrote it.
struct Reader<'a> {
    document: &'a Value,
    operation: &'a Operation,
}

/// A schema with the wrappers the versions need taken off (3.0 `allOf: [$ref]`,
/// 3.1 `anyOf: [$ref, null]`, `type: [T, "null"]`, `nullable`), and whether it admits `null`.
fn flat(schema: &Value) -> (Value, bool) {
    let mut object = schema.as_object().cloned().unwrap_or_default();
    let mut nullable = object.shift_remove("nullable") == Some(Value::Bool(true));
    if let Some(Value::Array(parts)) = object.shift_remove("allOf") {
        if let [only] = parts.as_slice() {
            object.insert("$ref".into(), only["$ref"].clone());
        }
    }
    if let Some(Value::Array(parts)) = object.shift_remove("anyOf") {
        if let [reference, null] = parts.as_slice() {
            nullable |= null == &json!({ "type": "null" });
            object.insert("$ref".into(), reference["$ref"].clone());
        }
    }
    if let Some(Value::Array(kinds)) = object.get("type").cloned() {
        nullable |= kinds.iter().any(|k| k == "null");
        if let Some(kind) = kinds.into_iter().find(|k| k != "null") {
            object.insert("type".into(), kind);
        }
    }
    // No type and no reference: any JSON value, `null` included.
    nullable |= object.get("type").is_none() && object.get("$ref").is_none();
    (Value::Object(object), nullable)
}

fn bound(schema: &Value, keyword: &str, extension: &str) -> Option<f64> {
    schema
        .get(keyword)
        .or_else(|| schema.get(extension))
        .and_then(Value::as_f64)
}

fn limit(limit: Option<Limit>) -> Option<f64> {
    limit.map(Limit::as_f64)
}

fn count(limit: Option<u64>) -> Option<f64> {
    limit.map(|n| n as f64)
}

impl Reader<'_> {
    /// Where the type differs from the model, what differs.
    fn ty(&self, schema: &Value, ty: &Ty) -> Option<String> {
        let (schema, _) = flat(schema);
        let schema = &schema;
        let kind = schema["type"].as_str();
        let ok = match ty {
            Ty::String | Ty::Secret => kind == Some("string"),
            Ty::I32 | Ty::I64 => kind == Some("integer"),
            Ty::F64 => kind == Some("number"),
            Ty::Bool => kind == Some("boolean"),
            Ty::Struct(name) | Ty::Enum(name) => {
                let expected = format!(
                    "#/components/schemas/{}",
                    component_name(self.operation, name)
                );
                let target = expected.trim_start_matches("#/components/schemas/");
                schema["$ref"] == expected.as_str()
                    && self.document["components"]["schemas"][target]["x-docspec-rust-name"]
                        == name.as_str()
            }
            Ty::Array(inner) => {
                return (kind != Some("array"))
                    .then(|| format!("{schema} is not an array"))
                    .or_else(|| self.ty(&schema["items"], inner))
            }
            Ty::Map(inner) => {
                return (kind != Some("object"))
                    .then(|| format!("{schema} is not a map"))
                    .or_else(|| self.ty(&schema["additionalProperties"], inner))
            }
            Ty::Json => kind.is_none() && schema.get("$ref").is_none(),
        };
        (!ok).then(|| format!("{schema} is not {ty:?}"))
    }

    /// Where the constraints differ from the model's rules and default, what differs.
    fn rules(&self, schema: &Value, field: &Field) -> Vec<String> {
        let (outer, _) = flat(schema);
        let mut inner = outer.clone();
        while inner["type"] == "array" {
            inner = flat(&inner["items"]).0;
        }
        let (outer, inner) = (&outer, &inner);
        let Rules {
            items,
            length,
            range,
            one_of,
        } = &field.rules;
        let pairs = [
            (
                "minItems",
                bound(outer, "minItems", "x-docspec-min-items"),
                count(items.min),
            ),
            (
                "maxItems",
                bound(outer, "maxItems", "x-docspec-max-items"),
                count(items.max),
            ),
            (
                "minLength",
                bound(inner, "minLength", "x-docspec-min-length"),
                count(length.min),
            ),
            (
                "maxLength",
                bound(inner, "maxLength", "x-docspec-max-length"),
                count(length.max),
            ),
            (
                "minimum",
                bound(inner, "minimum", "x-docspec-minimum"),
                limit(range.min),
            ),
            (
                "maximum",
                bound(inner, "maximum", "x-docspec-maximum"),
                limit(range.max),
            ),
        ];
        let mut differences: Vec<String> = pairs
            .iter()
            .filter(|(_, exported, model)| exported != model)
            .map(|(key, exported, model)| format!("{key}: export {exported:?}, model {model:?}"))
            .collect();
        let exported_values: Option<Vec<f64>> = inner
            .get("x-docspec-enum")
            .or_else(|| inner.get("enum").filter(|_| inner["type"] != "string"))
            .and_then(Value::as_array)
            .map(|values| values.iter().filter_map(Value::as_f64).collect());
        let model_values: Option<Vec<f64>> = one_of
            .as_ref()
            .map(|values| values.iter().map(|v| v.as_f64()).collect());
        if exported_values != model_values {
            differences.push(format!(
                "enum: export {exported_values:?}, model {model_values:?}"
            ));
        }
        let exported_default = outer
            .get("default")
            .or_else(|| outer.get("x-docspec-default"));
        let same_default = match (exported_default, &field.default) {
            (None, None) => true,
            (Some(Value::String(s)), Some(model)) => *s == model.written,
            (Some(Value::Number(n)), Some(model)) => {
                model.written.parse::<f64>().ok() == n.as_f64()
            }
            // A Boolean default is exported as a Boolean, however the docs capitalise it.
            (Some(Value::Bool(b)), Some(model)) => {
                model.written.eq_ignore_ascii_case(&b.to_string())
            }
            (Some(other), Some(model)) => *other.to_string() == model.written,
            _ => false,
        };
        if !same_default {
            differences.push(format!(
                "default: export {exported_default:?}, model {:?}",
                field.default
            ));
        }
        differences
    }

    fn field(&self, schema: &Value, field: &Field) -> Vec<String> {
        let mut differences: Vec<String> = self.ty(schema, &field.ty).into_iter().collect();
        differences.extend(self.rules(schema, field));
        differences
    }
}

/// Every difference between one operation of the model and its export.
fn disagreements(document: &Value, operation: &Operation) -> Vec<String> {
    let reader = Reader {
        document,
        operation,
    };
    let mut found = Vec::new();
    let exported =
        &document["paths"][&operation.path][operation.method.as_str().to_ascii_lowercase()];
    if exported["operationId"] != operation.id.as_str() {
        let unplaced = document["x-docspec-unplaced-operations"]
            .as_array()
            .is_some_and(|list| {
                list.iter()
                    .any(|u| u["operationId"] == operation.id.as_str())
            });
        if !unplaced {
            found.push(format!(
                "{} {} is not exported",
                operation.method, operation.path
            ));
        }
        return found;
    }
    // Parameters: the same names in the same locations, the same flags, types and constraints.
    let params: Vec<&Value> = exported["parameters"]
        .as_array()
        .into_iter()
        .flatten()
        .collect();
    let mut expected = 0;
    for (location, fields) in [
        ("path", &operation.path_params),
        ("query", &operation.query_params),
        ("header", &operation.header_params),
    ] {
        for field in fields
            .iter()
            .filter(|f| location != "header" || !is_token_header(f))
        {
            expected += 1;
            let Some(param) = params
                .iter()
                .find(|p| p["name"] == field.wire.as_str() && p["in"] == location)
            else {
                found.push(format!("{location} parameter {} is missing", field.wire));
                continue;
            };
            let required = param["required"].as_bool().unwrap_or(false);
            let documented_optional = param["x-docspec-documented-optional"] == true;
            if required != field.required && !(location == "path" && documented_optional) {
                found.push(format!(
                    "{location} parameter {}: required {required}",
                    field.wire
                ));
            }
            for difference in reader.field(&param["schema"], field) {
                found.push(format!("{location} parameter {}: {difference}", field.wire));
            }
        }
    }
    let undocumented = params
        .iter()
        .filter(|p| p["x-docspec-undocumented"] == true)
        .count();
    if params.len() != expected + undocumented {
        found.push(format!(
            "{} parameters exported, {expected} in the model",
            params.len()
        ));
    }
    // The token header is a security requirement: optional tokens allow no credential at all.
    let token = operation.header_params.iter().find(|f| is_token_header(f));
    let security = exported["security"].as_array();
    match (token, security) {
        (None, None) => {}
        (Some(token), Some(alternatives)) => {
            let anonymous = alternatives.iter().any(|a| a == &json!({}));
            if anonymous == token.required {
                found.push(format!(
                    "security {alternatives:?} for a token required: {}",
                    token.required
                ));
            }
        }
        (token, security) => found.push(format!("token header {token:?}, security {security:?}")),
    }
    // Bodies and statuses.
    let body_media = |body: &Body| match body {
        Body::Json(_) => "application/json",
        Body::Text => "text/plain",
    };
    match &operation.request_body {
        Some(body) => {
            let content = &exported["requestBody"]["content"][body_media(body)];
            if content.is_null() {
                found.push("request body missing or of another media type".into());
            } else if let Body::Json(ty) = body {
                found.extend(reader.ty(&content["schema"], ty));
            }
        }
        None if !exported["requestBody"].is_null() => found.push("unexpected request body".into()),
        None => {}
    }
    let statuses: Vec<String> = exported["responses"]
        .as_object()
        .map(|r| r.keys().filter(|k| *k != "default").cloned().collect())
        .unwrap_or_default();
    let model_statuses: Vec<String> = operation
        .responses
        .iter()
        .map(|r| r.status.to_string())
        .collect();
    if statuses != model_statuses {
        found.push(format!(
            "statuses: export {statuses:?}, model {model_statuses:?}"
        ));
    }
    for case in &operation.responses {
        let content =
            &exported["responses"][case.status.to_string()]["content"][body_media(&case.body)];
        if content.is_null() {
            found.push(format!(
                "response {}: missing or of another media type",
                case.status
            ));
        } else if let Body::Json(ty) = &case.body {
            found.extend(reader.ty(&content["schema"], ty));
        }
    }
    // Every struct: the same properties in order, the same required ones, the same types and constraints.
    for structure in &operation.structs {
        let component =
            &document["components"]["schemas"][component_name(operation, &structure.name)];
        let properties = component["properties"].as_object();
        let names: Vec<&str> = properties
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default();
        let model_names: Vec<&str> = structure.fields.iter().map(|f| f.wire.as_str()).collect();
        if names != model_names {
            found.push(format!(
                "{}: properties {names:?}, model {model_names:?}",
                structure.name
            ));
        }
        let required: Vec<&str> = component["required"]
            .as_array()
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let model_required: Vec<&str> = structure
            .fields
            .iter()
            .filter(|f| f.required)
            .map(|f| f.wire.as_str())
            .collect();
        if required != model_required {
            found.push(format!(
                "{}: required {required:?}, model {model_required:?}",
                structure.name
            ));
        }
        for field in &structure.fields {
            let property = &component["properties"][&field.wire];
            if flat(property).1 == field.required {
                found.push(format!(
                    "{}.{}: admits null: {}, required: {}",
                    structure.name,
                    field.wire,
                    flat(property).1,
                    field.required
                ));
            }
            for difference in reader.field(property, field) {
                found.push(format!("{}.{}: {difference}", structure.name, field.wire));
            }
        }
    }
    for enumeration in &operation.enums {
        let component =
            &document["components"]["schemas"][component_name(operation, &enumeration.name)];
        let values: Vec<&str> = component["enum"]
            .as_array()
            .map(|v| v.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let model_values: Vec<&str> = enumeration
            .variants
            .iter()
            .map(|v| v.wire.as_str())
            .collect();
        if values != model_values {
            found.push(format!(
                "{}: enum {values:?}, model {model_values:?}",
                enumeration.name
            ));
        }
    }
    found
}

#[test]
fn model_and_export_agree_on_every_operation() {
    let (mut operations, mut failures) = (0, Vec::new());
    for set in sets() {
        for (version, service, document) in &set.documents {
            let Some(model) = set
                .resolved
                .api
                .services
                .iter()
                .find(|s| &s.module == service)
            else {
                failures.push(format!("{}: {service} is not in the model", set.name));
                continue;
            };
            for operation in &model.operations {
                operations += 1;
                for difference in disagreements(document, operation) {
                    failures.push(format!(
                        "{}/{service} {} (OpenAPI {}): {difference}",
                        set.name,
                        operation.id,
                        version_name(*version)
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    println!("{operations} operations agree between model and export (both versions)");
}
