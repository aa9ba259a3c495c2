//! The example programs: one runnable program per operation
//! (`examples/<operation>.rs`) that calls it once with flags for its
//! parameters, and the names of those programs and of the quickstart.

use super::groups::{groups, ParameterGroup};
use super::text::{self, Writer};
use crate::model::{Body, Operation, Service};

/// A runnable program that calls `operation` once (`cargo run --example NAME -- --endpoint URL ...`):
/// flags for the parameters the request carries (named after their wire names,
/// kebab-case), `--body FILE` for the body; the runtime's `cli::run` does the rest.
/// Written as text, without the file's header and the blank lines between items.
/// `runtime` is the path by which the program reaches the runtime's `cli`.
pub fn example_program(
    service: &Service,
    operation: &Operation,
    crate_name: &str,
    example: &str,
    runtime: &str,
) -> String {
    let mut usage =
        format!("usage: cargo run -p {crate_name} --example {example} -- --endpoint URL");
    let mut flags = Vec::new();
    let mut members = Vec::new();
    for ParameterGroup {
        member: field,
        name,
        fields: params,
        ..
    } in groups(operation)
    {
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
    let mut out = Writer::new(runtime);
    out.inner_doc(&format!(
        " Calls `{}` ({} {}) once and prints the status and the decoded answer as JSON.",
        operation.id, operation.method, operation.path
    ));
    out.inner_doc("");
    out.inner_doc(" ```text");
    out.inner_doc(&format!(" {usage}"));
    out.inner_doc(" ```");
    out.inner_doc("");
    for line in [
        " Credentials come from the environment: `HUAWEICLOUD_SDK_AK` and `HUAWEICLOUD_SDK_SK` (signed requests), or",
        " `HUAWEICLOUD_SDK_AUTH_TOKEN`; `HUAWEICLOUD_SDK_PROJECT_ID` optionally. Exit codes: 0 a documented status,",
        " 1 an undocumented status or a failure to send or read the answer, 2 bad arguments or a request that breaks",
        " the docs (its violations are printed one per line and nothing is sent).",
    ] {
        out.inner_doc(line);
    }
    out.line(&format!(
        "use {}::{}::{} as operation;",
        crate_name.replace('-', "_"),
        service.module,
        operation.module
    ));
    out.line("use std::process::ExitCode;");
    // A string literal is never broken: the line stays whole however long.
    out.unbreakable_line(&format!("const USAGE: &str = {};", text::string(&usage)));
    // Generated and checked for drift as prettyplease writes it.
    out.line("#[rustfmt::skip]");
    out.open("fn main() -> ExitCode");
    let run = format!("{runtime}::cli::run");
    if members.is_empty() {
        out.line(&format!(
            "{run}(USAGE, &[], |_args| {{ Ok(operation::Request {{}}) }})"
        ));
    } else {
        // The request's struct literal does not fit in a line, so neither
        // does the closure nor the call: one argument per line.
        out.line(&format!("{run}("));
        out.indent();
        out.line("USAGE,");
        out.list("&[", &flags, "],");
        out.open("|args|");
        out.open("Ok(operation::Request");
        for RequestMember {
            field,
            group,
            reads,
        } in &members
        {
            match group {
                Some(name) => {
                    let fields: Vec<text::LiteralField> = reads
                        .iter()
                        .map(|(member, read)| text::LiteralField::Value(member, read))
                        .collect();
                    out.struct_literal(
                        &format!("{field}: "),
                        &format!("operation::{name}"),
                        &fields,
                        ",",
                    );
                }
                None => {
                    for (member, read) in reads {
                        out.line(&format!("{member}: {read},"));
                    }
                }
            }
        }
        out.close(")");
        out.close(",");
        out.outdent();
        out.line(")");
    }
    out.close("");
    out.finish()
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

/// The name of the front page's example program: `quickstart`, unless an
/// operation's example program has that name.
pub fn quickstart_name(services: &[Service]) -> String {
    let taken: Vec<String> = example_names(services)
        .into_iter()
        .map(|(_, _, name)| name)
        .collect();
    let mut name = "quickstart".to_owned();
    while taken.contains(&name) {
        name.push_str("_example");
    }
    name
}
