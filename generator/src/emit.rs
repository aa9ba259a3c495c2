//! Model → Rust source files, written as text laid out as prettyplease
//! lays it out ([`text`]): no item goes through tokens, a syntax tree and
//! the printer, except the code in docs (usage snippets, the quickstart
//! example), which `quote!`, syn and prettyplease format, and any item the
//! writer cannot lay out for certain, which prettyplease prints.
//!
//! One small function per construct (struct, enum, serde impls, validation,
//! request, response, example tests). Emission reads a model that
//! [`crate::resolve`] has already checked: it never re-validates and never
//! fails on input.

// The modules form one chain, in tiers (a blank line between them): each
// uses only those of the tiers before its own, and emit.rs all of them. The
// helpers of the first tier use no other module of emit/. A test reads the
// sources and holds them to this order (`tests::TIERS`).
mod groups;
mod syntax;
mod text;

mod docs;
mod serde_impls;
mod validate;

mod types;

mod examples;
mod paging;
mod parameters;
mod request;
mod response;
mod service_client;

mod programs;
mod usage;

use crate::model::{Api, Operation, Service};
use std::collections::BTreeMap;
use std::path::PathBuf;
use syntax::DOCSPEC_RUNTIME;
use text::{separate_items, Writer};

/// The regenerate command named in every file header, unless set otherwise.
pub const DEFAULT_COMMAND: &str = "docspec generate";

/// The modules of the `docspec-runtime` crate a generated crate re-exports
/// at its root, so that users reach `validation::Validate` through the crate
/// they generated: (module, feature it needs). A service module of the same
/// name takes precedence (generated code reaches the runtime by absolute
/// paths and never needs the re-export).
const RUNTIME: &[(&str, Option<&str>)] = &[
    ("cli", Some("transport")),
    ("client", None),
    ("credentials", None),
    ("http", None),
    ("regions", None),
    ("transport", Some("transport")),
    ("validation", None),
    ("wire", None),
];

pub use text::counting_left_to_prettyplease;

/// Generated files by path relative to the output folder, in a stable order.
pub type Files = BTreeMap<PathBuf, String>;

/// Writes the Rust sources for `api`: `lib.rs` and one file per operation.
/// The code stands on the `docspec-runtime` crate, which the generated
/// crate depends on.
pub fn emit(api: &Api, command: &str) -> Files {
    emit_with_runtime(api, command, None)
}

/// [`emit`], with generated code reaching the runtime by `runtime` instead
/// of `::docspec_runtime` (a crate that renames or re-exports it).
pub fn emit_with_runtime(api: &Api, command: &str, runtime: Option<&RuntimePath>) -> Files {
    let mut files = Files::new();
    files.insert(
        PathBuf::from("lib.rs"),
        crate_root(api, None, command, runtime),
    );
    for service in &api.services {
        for operation in &service.operations {
            let path = PathBuf::from(&service.module).join(format!("{}.rs", operation.module));
            let source = spec_name(operation);
            files.insert(
                path,
                with_header(&operation_file(operation, runtime), &source, command),
            );
        }
    }
    files
}

/// `lib.rs`: with the crate's front page when it is the root of the crate
/// named `crate_name` (a file that build scripts `include!` can hold no inner
/// doc, and its example would not know the crate's name).
pub fn crate_root(
    api: &Api,
    crate_name: Option<&str>,
    command: &str,
    runtime: Option<&RuntimePath>,
) -> String {
    let front_page = crate_name
        .map(|name| front_page(api, name))
        .unwrap_or_default();
    with_header(
        &format!("{front_page}{}", lib_file(api, runtime)),
        "the specs",
        command,
    )
}

/// [`crate_root`] of the crate named `crate_name`, from the `lib.rs` that
/// [`emit`] wrote for the same `api` (without a front page): its items are
/// the same, so they are not built and formatted a second time.
pub fn crate_root_with_front_page(
    api: &Api,
    crate_name: &str,
    command: &str,
    plain_root: &str,
) -> String {
    let items = plain_root
        .split_once("\n\n")
        .map_or(plain_root, |(_header, items)| items);
    // A root that has its front page already keeps one.
    let items = match items.split_once(CRATE_LINTS) {
        Some((page, rest)) if page.lines().all(|l| l.starts_with("//!")) => rest,
        _ => items,
    };
    with_header(
        &format!("{}{items}", front_page(api, crate_name)),
        "the specs",
        command,
    )
}

/// The crate's front page, as `//!` lines: what the crate is, the flow of a
/// call, and the example program `examples/quickstart.rs`, shown as it is.
fn front_page(api: &Api, crate_name: &str) -> String {
    let krate = crate_name.replace('-', "_");
    let services: Vec<String> = api
        .services
        .iter()
        .map(|s| {
            let count = s.operations.len();
            let noun = if count == 1 {
                "operation"
            } else {
                "operations"
            };
            format!("- [`{}`]: {count} {noun}", s.module)
        })
        .collect();
    let names: Vec<String> = api
        .services
        .iter()
        .map(|s| format!("`{}`", s.module))
        .collect();
    let mut lines = vec![
        format!("Typed, validated requests and responses for the Huawei Cloud API of {}, generated by docspec from the API reference pages: one module per operation, with the page's parameters, bodies, constraints and statuses.", names.join(", ")),
        String::new(),
        "The code stands on the `docspec-runtime` crate, re-exported here: [`validation`] (the `Validate` trait and its `Violations`), [`wire`] (the JSON format: undocumented members and `null`s are kept), [`client`] (`http::Request` building), [`credentials`] (token or AK/SK signing) and, with the default cargo feature `transport`, `transport` (an async HTTPS client).".to_owned(),
        String::new(),
        "# Services".to_owned(),
        String::new(),
    ];
    lines.extend(services);
    lines.extend(
        [
            "",
            "# A call, step by step",
            "",
            "1. Build the operation's `Request`: its path, query and header parameters and its body are typed structs; `new` takes the required values of a body.",
            "2. `validate()` checks it against the documented constraints and reports every violation at once, each with its JSON path (`/task_info/0/task_id`) or parameter name.",
            "3. Send it with any HTTP client: `to_http(endpoint)` validates and builds an `http::Request` (`to_http(credentials.endpoint(url))` fills `{project_id}` from the credentials), `Credentials::apply` signs it, and `Response::from_http(status, body)` reads the answer. Or let the service's `Client` (feature `transport`), made for a region of its `REGIONS` (`Client::for_region`, or `Client::from_env` with `HUAWEICLOUD_SDK_REGION`), do all three, with retries.",
            "4. Match the typed `Response`: one variant per documented status, `Undocumented` for any other, with the body as received. The `Client` answers with it, its status, headers and request id; `error_for_status()?` makes an error status an `Err` with the service's error code and message.",
        ]
        .map(str::to_owned),
    );
    if let Some((service, operation, request)) = usage::front_page_operation(&api.services) {
        let name = programs::quickstart_name(&api.services);
        lines.extend([
            String::new(),
            "# Example".to_owned(),
            String::new(),
            format!(
                "`{} {}` ([`{}::{}`]): the example program `examples/{name}.rs`, compiled with the crate's examples; `cargo run --example {name}` runs it offline, `-- --region ID` sends the request to that region with the credentials of the environment.",
                operation.method, operation.path, service.module, operation.module
            ),
            String::new(),
            "```rust,no_run".to_owned(),
        ]);
        let body = usage::quickstart_body(service, operation, &request, &krate);
        // The example file keeps rustfmt off its items (and so has a blank
        // line between its imports); the page need not show that.
        let shown: Vec<&str> = body
            .lines()
            .filter(|l| l.trim() != "#[rustfmt::skip]")
            .collect();
        for (i, line) in shown.iter().enumerate() {
            let between_imports = line.is_empty()
                && i > 0
                && shown[i - 1].starts_with("use ")
                && shown
                    .get(i + 1)
                    .is_some_and(|next| next.starts_with("use "));
            if !between_imports {
                lines.push((*line).to_owned());
            }
        }
        lines.push("```".to_owned());
    }
    let docs: String = lines
        .iter()
        .map(|l| {
            if l.is_empty() {
                "//!\n".to_owned()
            } else {
                format!("//! {l}\n")
            }
        })
        .collect();
    format!("{docs}{CRATE_LINTS}")
}

/// The lints of a generated crate's root, after its front page. Every
/// public item carries the page's words; an item without a doc is a gap in
/// the generator, which users should see.
const CRATE_LINTS: &str = "#![warn(missing_docs)]\n\n";

/// Writes the example programs, by path relative to the crate's `examples/`:
/// one per service, with a command per operation, and the front page's
/// example; `crate_name` is the package that holds the generated sources.
pub fn emit_examples(api: &Api, crate_name: &str, command: &str) -> Files {
    emit_examples_with_runtime(api, crate_name, command, None)
}

/// [`emit_examples`], with the programs reaching the runtime by `runtime`
/// instead of `::docspec_runtime`, as [`emit_with_runtime`] writes the crate.
pub fn emit_examples_with_runtime(
    api: &Api,
    crate_name: &str,
    command: &str,
    runtime: Option<&RuntimePath>,
) -> Files {
    let runtime = runtime.map_or(DOCSPEC_RUNTIME, |r| r.text.as_str());
    let quickstart = usage::front_page_operation(&api.services).map(|(service, operation, request)| {
        let body = usage::quickstart_body(service, operation, &request, crate_name);
        let name = programs::quickstart_name(&api.services);
        let doc = format!(
            "//! Builds a `{}` request, checks it, sends it and reads the typed answer: the example of the crate's front page.\n//! With `--region ID` it sends to that region; without it nothing is sent and the page's example answer stands in for the server's.\n\n",
            operation.id
        );
        let source = with_header(&format!("{doc}{body}"), &spec_name(operation), command);
        (PathBuf::from(format!("{name}.rs")), source)
    });
    programs::program_names(&api.services)
        .into_iter()
        .map(|(s, name)| {
            let service = &api.services[s];
            let program = programs::service_program(service, crate_name, &name, runtime);
            let source = with_header(&separate_items(&program), &specs_name(service), command);
            (PathBuf::from(format!("{name}.rs")), source)
        })
        .chain(quickstart)
        .collect()
}

/// A service's specs as named in headers: their folder, with forward slashes.
fn specs_name(service: &Service) -> String {
    match service
        .operations
        .first()
        .and_then(|o| o.spec_file.parent())
    {
        Some(dir) if !dir.as_os_str().is_empty() => {
            let parts: Vec<String> = dir
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            format!("the specs in {}/", parts.join("/"))
        }
        _ => format!("the specs of the service {}", service.module),
    }
}

/// The spec file as named in headers, with forward slashes on every platform.
fn spec_name(operation: &Operation) -> String {
    let parts: Vec<String> = operation
        .spec_file
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    format!("the spec {}", parts.join("/"))
}

fn with_header(body: &str, source: &str, command: &str) -> String {
    format!("// @generated by docspec from {source}. Do not edit by hand: regenerate with `{command}`.\n\n{body}")
}

/// The Rust path by which generated code reaches the `docspec-runtime`
/// crate, when it is not `::docspec_runtime`: `::my_sdk::runtime` for a
/// crate that re-exports it, `::rt` for a renamed dependency.
#[derive(Debug, Clone)]
pub struct RuntimePath {
    /// The path as printed: `::my_sdk::runtime`.
    text: String,
}

impl RuntimePath {
    /// Reads an absolute path (`::name::...` or `crate::...`): a relative
    /// one would mean something else in every generated module.
    pub fn parse(text: &str) -> Result<RuntimePath, String> {
        let path: syn::Path =
            syn::parse_str(text).map_err(|e| format!("`{text}` is not a Rust path: {e}"))?;
        let absolute = path.leading_colon.is_some()
            || path.segments.first().is_some_and(|s| s.ident == "crate");
        if !absolute || path.segments.iter().any(|s| !s.arguments.is_none()) {
            return Err(format!(
                "`{text}` is not an absolute module path: write `::name` or `crate::name`"
            ));
        }
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        let leading = if path.leading_colon.is_some() {
            "::"
        } else {
            ""
        };
        Ok(RuntimePath {
            text: format!("{leading}{}", segments.join("::")),
        })
    }
}

fn lib_file(api: &Api, runtime_path: Option<&RuntimePath>) -> String {
    let runtime = runtime_path.map_or(DOCSPEC_RUNTIME, |r| r.text.as_str());
    let mut text = String::new();
    for (module, feature) in RUNTIME {
        if api.services.iter().any(|s| s.module == *module) {
            continue;
        }
        text.push_str(&Writer::written(runtime, |out| {
            if let Some(feature) = feature {
                out.line(&format!("#[cfg(feature = {})]", text::string(feature)));
            }
            out.line(&format!("pub use {runtime}::{module};"));
        }));
    }
    for service in &api.services {
        text.push_str(&Writer::written(runtime, |out| {
            service_module(out, service)
        }));
    }
    separate_items(&text)
}

fn service_module(out: &mut Writer, service: &Service) {
    out.docs(&service_doc(service));
    out.line("#[rustfmt::skip]");
    out.open(&format!("pub mod {}", service.module));
    for operation in &service.operations {
        let crate_path = format!("crate::{}::{}", service.module, operation.module);
        let snippet = usage::operation_snippet(operation);
        out.docs(&docs::operation_doc(operation, &crate_path, snippet));
        out.open(&format!("pub mod {}", operation.module));
        let file = format!("{}/{}.rs", service.module, operation.module);
        out.line(&format!("include!({});", text::string(&file)));
        out.close("");
    }
    service_client::service_client(out, service);
    out.close("");
}

/// The service's doc: its operations by chapter of the reference, in the
/// reference's order (those without one last), each linked, with its
/// method, path and title, as doc attribute values.
fn service_doc(service: &Service) -> Vec<String> {
    let chaptered = service.operations.iter().any(|o| o.chapter.is_some());
    let mut lines = vec![format!(" Operations of the `{}` service.", service.module)];
    for (chapter, operations) in service.by_chapter() {
        if chaptered {
            lines.push(String::new());
            let heading = chapter.map_or("Other operations".to_owned(), docs::markdown_safe);
            lines.push(format!(" # {heading}"));
        }
        lines.push(String::new());
        for operation in operations {
            // An outer doc links from the parent module: the path says where to.
            lines.push(format!(
                " - [`{}`](crate::{}::{}): `{} {}` {}",
                operation.module,
                service.module,
                operation.module,
                operation.method,
                operation.path,
                docs::markdown_safe(operation.title.trim())
            ));
        }
    }
    lines
}

/// The runtime modules an operation's file may import, when its items name
/// them. Generated type names are UpperCamelCase, so none of these is
/// shadowed, and the prelude names the code uses (`Option`, `String`, `Vec`,
/// `Box`, `Result`, `Ok`) are kept from object names by the resolver: the
/// file reads as hand-written code, and every path is fewer tokens to parse.
const IMPORTABLE: [&str; 6] = [
    "client",
    "http",
    "serde",
    "serde_json",
    "validation",
    "wire",
];

/// One operation's file, formatted (without its header): its items one
/// after another, each printed from a fresh line as prettyplease would.
fn operation_file(operation: &Operation, runtime: Option<&RuntimePath>) -> String {
    let runtime_text = runtime.map_or(DOCSPEC_RUNTIME, |r| r.text.as_str());
    let head = Writer::written(runtime_text, |out| {
        out.doc(" The HTTP method.");
        out.line(&format!(
            "pub const METHOD: http::Method = http::Method::{};",
            operation.method.as_str()
        ));
        out.doc(" The path template; `{name}` stands for a path parameter.");
        out.line(&format!(
            "pub const PATH: &str = {};",
            text::string(&operation.path)
        ));
        parameters::parameter_structs(out, operation);
    });
    let request = Writer::written(runtime_text, |out| request::request(out, operation));
    let structs: Vec<String> = operation
        .structs
        .iter()
        .map(|shape| {
            let doc = docs::values(&docs::struct_doc(operation, shape));
            Writer::written(runtime_text, |out| {
                types::struct_item(out, operation, shape, &doc)
            })
        })
        .collect();
    // Enums reach the runtime, `core` and `std` by absolute paths: they
    // import nothing, and their text is not scanned for modules.
    let enums: String = operation
        .enums
        .iter()
        .map(|shape| Writer::written(runtime_text, |out| types::enum_item(out, shape)))
        .collect();
    let response = Writer::written(runtime_text, |out| response::response(out, operation));
    let paged = Writer::written(runtime_text, |out| paging::paged(out, operation));
    let tests = Writer::written(runtime_text, |out| examples::tests(out, operation));
    // Import only the runtime modules the items name: an operation without
    // objects never mentions `wire`, and an unused import is a warning.
    let text_named = [&head, &request, &paged, &tests]
        .into_iter()
        .chain(&structs)
        .chain([&response])
        .map(|code| text::modules_named(code, &IMPORTABLE));
    let mut named = [None; IMPORTABLE.len()];
    for modules in text_named {
        for (i, module) in modules.iter().enumerate() {
            named[i] = named[i].or(*module);
        }
    }
    let modules: Vec<&str> = named.into_iter().flatten().collect();
    let mut text = imports(runtime_text, &modules);
    text.push_str(&head);
    text.push_str(&request);
    text.push_str(&paged);
    for shape in &structs {
        text.push_str(shape);
    }
    text.push_str(&enums);
    text.push_str(&response);
    text.push_str(&tests);
    separate_items(&text)
}

/// The `use` items of an operation's file: the runtime's `modules`.
fn imports(runtime: &str, modules: &[&str]) -> String {
    let mut out = Writer::new(runtime);
    let modules = match modules {
        [one] => (*one).to_owned(),
        _ => format!("{{{}}}", modules.join(", ")),
    };
    out.line(&format!("use {runtime}::{modules};"));
    out.finish()
}

#[cfg(test)]
mod tests {
    /// The modules of emit/, in tiers, bottom first: shared helpers, the
    /// pieces of items, the types, the items of an operation's file, the
    /// code shown in docs and examples. Keep it as the `mod` lines say.
    const TIERS: &[&[&str]] = &[
        &["groups", "syntax", "text"],
        &["docs", "serde_impls", "validate"],
        &["types"],
        &[
            "examples",
            "paging",
            "parameters",
            "request",
            "response",
            "service_client",
        ],
        &["programs", "usage"],
    ];

    /// Each module's source, without its tests (whose `super` is the module itself).
    const SOURCES: &[(&str, &str)] = &[
        ("docs", include_str!("emit/docs.rs")),
        ("examples", include_str!("emit/examples.rs")),
        ("groups", include_str!("emit/groups.rs")),
        ("paging", include_str!("emit/paging.rs")),
        ("parameters", include_str!("emit/parameters.rs")),
        ("programs", include_str!("emit/programs.rs")),
        ("request", include_str!("emit/request.rs")),
        ("response", include_str!("emit/response.rs")),
        ("serde_impls", include_str!("emit/serde_impls.rs")),
        ("service_client", include_str!("emit/service_client.rs")),
        ("syntax", include_str!("emit/syntax.rs")),
        ("text", include_str!("emit/text.rs")),
        ("types", include_str!("emit/types.rs")),
        ("usage", include_str!("emit/usage.rs")),
        ("validate", include_str!("emit/validate.rs")),
    ];

    fn tier(module: &str) -> Option<usize> {
        TIERS.iter().position(|tier| tier.contains(&module))
    }

    /// The sibling modules `source` names through `super::`: `super::text`,
    /// `super::{docs, types::ident}`, `super::format_tokens` (an item of
    /// emit.rs itself, reported as `emit`).
    fn uses(source: &str) -> Vec<String> {
        let code = source
            .find("#[cfg(test)]\nmod tests")
            .map_or(source, |end| &source[..end]);
        let code = without_comments_and_strings(code);
        let mut found = Vec::new();
        let mut rest = code.as_str();
        while let Some(at) = rest.find("super::") {
            rest = &rest[at + "super::".len()..];
            let names = match rest.strip_prefix('{') {
                Some(group) => &group[..group.find('}').unwrap_or(group.len())],
                None => rest,
            };
            for path in names.split(',') {
                let head: String = path
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                let is_module = SOURCES.iter().any(|(name, _)| *name == head);
                found.push(if is_module { head } else { "emit".to_owned() });
                if !rest.starts_with('{') {
                    break;
                }
            }
        }
        found
    }

    /// `code` with its comments and string literals blanked out (the code
    /// emit/ writes holds `use super::*;` as text). Enough Rust for emit/'s
    /// sources: plain strings with escapes, and `'"'`.
    fn without_comments_and_strings(code: &str) -> String {
        let mut out = String::with_capacity(code.len());
        let mut chars = code.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '/' if chars.peek() == Some(&'/') => {
                    for c in chars.by_ref() {
                        if c == '\n' {
                            out.push('\n');
                            break;
                        }
                    }
                }
                '\'' if chars.peek() == Some(&'"') => {
                    chars.next();
                    out.push_str("'\"");
                }
                '"' => {
                    while let Some(c) = chars.next() {
                        match c {
                            '\\' => {
                                chars.next();
                            }
                            '"' => break,
                            _ => {}
                        }
                    }
                    out.push_str("\"\"");
                }
                _ => out.push(c),
            }
        }
        out
    }

    #[test]
    fn every_module_of_emit_has_a_tier() {
        let declared: Vec<&str> = include_str!("emit.rs")
            .lines()
            .filter_map(|l| l.strip_prefix("mod ")?.strip_suffix(';'))
            .collect();
        let mut tiered: Vec<&str> = TIERS.iter().flat_map(|t| t.iter().copied()).collect();
        let mut sourced: Vec<&str> = SOURCES.iter().map(|(name, _)| *name).collect();
        let mut declared_sorted = declared.clone();
        declared_sorted.sort_unstable();
        tiered.sort_unstable();
        sourced.sort_unstable();
        assert_eq!(declared_sorted, tiered, "emit.rs declares these modules");
        assert_eq!(declared_sorted, sourced, "emit.rs declares these modules");
    }

    /// emit/ is one chain: no module looks at a module of its own tier or a
    /// later one, or at emit.rs, so that it can be read, and changed, with
    /// only what is below it in mind.
    #[test]
    fn emit_modules_use_only_the_tiers_below_their_own() {
        let mut upward = Vec::new();
        for (module, source) in SOURCES {
            let own = tier(module).expect("every module has a tier");
            for used in uses(source) {
                if tier(&used).is_none_or(|t| t >= own) {
                    upward.push(format!("emit/{module}.rs uses {used}"));
                }
            }
        }
        assert!(upward.is_empty(), "{}", upward.join("\n"));
    }

    #[test]
    fn the_use_reader_finds_every_form() {
        let source = "use super::text::{self, Writer};\nuse super::{docs, types::x};\nfn f() { super::format_tokens(); }\n// super::usage\nfn g() { w.line(\"use super::*;\"); }\n#[cfg(test)]\nmod tests {\n    use super::*;\n}\n";
        assert_eq!(uses(source), ["text", "docs", "types", "emit"]);
    }
}
