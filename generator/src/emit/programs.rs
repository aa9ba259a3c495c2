//! The example programs: one per service (`examples/<service>.rs`), with a
//! command per operation (`cargo run --example sms --
//! export-consistency-results --endpoint URL --body FILE`), and the name of
//! the quickstart. A program is a table of the operations (name, title,
//! chapter, method, path, the parameters as the docs spell them, the body)
//! and one small function per operation that builds its `Request` from the
//! flags; the runtime's `cli` does the rest (help by chapter, the flags'
//! names, sending, printing, exit codes), so that a service links one
//! binary, not one per operation.

use super::groups::{groups, ParameterGroup};
use super::paging::{paged_list, runtime_kind};
use super::text::{self, LiteralField, Writer};
use crate::model::{Body, Operation, Service};

/// The example programs' names, by service: the service's module.
pub fn program_names(services: &[Service]) -> Vec<(usize, String)> {
    services
        .iter()
        .enumerate()
        .map(|(s, service)| (s, service.module.clone()))
        .collect()
}

/// The name of the front page's example program: `quickstart`, unless a
/// service's program has that name.
pub fn quickstart_name(services: &[Service]) -> String {
    let taken: Vec<String> = program_names(services)
        .into_iter()
        .map(|(_, name)| name)
        .collect();
    let mut name = "quickstart".to_owned();
    while taken.contains(&name) {
        name.push_str("_example");
    }
    name
}

/// The program of `service`, for the crate `crate_name`, run as `cargo run
/// --example {example}`; `runtime` is the path by which it reaches the
/// runtime's `cli`. Written as text, without the file's header and the
/// blank lines between items.
pub fn service_program(
    service: &Service,
    crate_name: &str,
    example: &str,
    runtime: &str,
) -> String {
    let run = format!("cargo run -p {crate_name} --example {example} --");
    let mut out = Writer::new(runtime);
    program_doc(&mut out, service, &run);
    out.line(&format!(
        "use {runtime}::cli::{{{}}};",
        table_names(service).join(", ")
    ));
    out.line("use std::process::ExitCode;");
    // Generated and checked for drift as prettyplease writes it.
    out.line("#[rustfmt::skip]");
    out.open("const PROGRAM: Program = Program");
    out.unbreakable_line(&format!("usage: {},", text::string(&run)));
    let crate_path = crate_name.replace('-', "_");
    out.line(&format!(
        "regions: {crate_path}::{}::REGIONS,",
        service.module
    ));
    out.line("commands: &[");
    out.indent();
    for (chapter, operations) in service.by_chapter() {
        for operation in operations {
            command(&mut out, chapter, operation);
        }
    }
    out.outdent();
    out.line("],");
    out.close(";");
    out.open("fn main() -> ExitCode");
    out.line("PROGRAM.main()");
    out.close("");
    out.doc(" One function per command: its operation's `Request`, built from the flags.");
    out.line("#[rustfmt::skip]");
    // In a module of their own, the functions, named after the operations'
    // modules, cannot meet `main`.
    out.open("mod commands");
    out.line(&format!("use {runtime}::cli::{{Call, Exit}};"));
    let import = format!("use {crate_path}::{};", service.module);
    out.line(&import);
    for operation in &service.operations {
        command_function(&mut out, service, operation);
    }
    out.close("");
    // A blank line after the module's imports, as after the file's (blank
    // lines are the writer's to choose; prettyplease prints none).
    let import = format!("    {import}\n");
    out.finish().replacen(&import, &format!("{import}\n"), 1)
}

/// The program's doc: what it does, how to run it, where the credentials
/// come from, the exit codes.
fn program_doc(out: &mut Writer, service: &Service, run: &str) {
    out.inner_doc(&format!(
        " The operations of the `{}` service, one command each: builds the request from the flags and",
        service.module
    ));
    for line in [
        " the body file, checks it against the docs, sends it once, reads the answer as the docs say and",
        " prints its status and body (JSON pretty-printed).",
        "",
        " ```text",
    ] {
        out.inner_doc(line);
    }
    out.inner_doc(&format!(
        " {run} --help                   # the commands, by chapter"
    ));
    out.inner_doc(&format!(
        " {run} COMMAND --help           # a command's flags"
    ));
    out.inner_doc(&format!(" {run} COMMAND --region ID [FLAGS]"));
    out.inner_doc(&format!(" {run} COMMAND --endpoint URL [FLAGS]"));
    for line in [
        " ```",
        "",
        " Each parameter is a flag named after it (`--project-id`, `--x-language`; with its location first",
        " where two would meet: `--query-marker`, `--header-marker`), the body is `--body FILE`. The endpoint",
        " is `--endpoint`'s, else the region's in `REGIONS` (`--region`, else `HUAWEICLOUD_SDK_REGION`). A command",
        " whose operation pages takes `--all-pages`: it prints each page's answer in turn, each request id on stderr.",
        " Credentials come from the environment: `HUAWEICLOUD_SDK_AK` and `HUAWEICLOUD_SDK_SK` (signed requests), or",
        " `HUAWEICLOUD_SDK_AUTH_TOKEN`; `HUAWEICLOUD_SDK_PROJECT_ID` fills `{project_id}` unless `--project-id` is given.",
        " Exit codes: 0 a documented status, 1 an undocumented status or a failure to send or read the answer, 2 bad",
        " arguments or a request that breaks the docs (its violations are printed one per line and nothing is sent).",
    ] {
        out.inner_doc(line);
    }
}

/// The runtime's names the program's table uses (an import of one it does
/// not use would warn).
fn table_names(service: &Service) -> Vec<&'static str> {
    let any_body = service.operations.iter().any(|o| o.request_body.is_some());
    let any_parameter = service.operations.iter().any(|o| !groups(o).is_empty());
    let any_paging = service.operations.iter().any(|o| paged_list(o).is_some());
    let mut names = Vec::new();
    if any_body {
        names.push("Body");
    }
    names.push("Command");
    if any_parameter {
        names.extend(["In", "Parameter"]);
    }
    if any_paging {
        names.extend(["Paging", "PagingKind"]);
    }
    names.push("Program");
    names
}

/// A command's name: the operation's module in kebab-case (`list-workspaces`).
fn command_name(operation: &Operation) -> String {
    operation.module.replace('_', "-")
}

/// The runtime's `cli::In` variant and `Args` reader of a parameter group.
fn location(group: &ParameterGroup) -> (&'static str, &'static str) {
    match group.member {
        "path" => ("Path", "path"),
        "query" => ("Query", "query"),
        _ => ("Header", "header"),
    }
}

/// One entry of the program's table.
fn command(out: &mut Writer, chapter: Option<&str>, operation: &Operation) {
    out.open("Command");
    out.line(&format!(
        "name: {},",
        text::string(&command_name(operation))
    ));
    out.line(&format!("operation: {},", text::string(&operation.id)));
    out.unbreakable_line(&format!("title: {},", text::string(&operation.title)));
    match chapter {
        Some(chapter) => {
            out.unbreakable_line(&format!("chapter: Some({}),", text::string(chapter)))
        }
        None => out.line("chapter: None,"),
    }
    out.line(&format!(
        "method: {},",
        text::string(operation.method.as_str())
    ));
    out.unbreakable_line(&format!("path: {},", text::string(&operation.path)));
    let mut parameters = Vec::new();
    for group in groups(operation) {
        let (variant, _) = location(&group);
        for field in &group.fields {
            let kind = if field.required {
                "required"
            } else {
                "optional"
            };
            parameters.push(format!(
                "Parameter::{kind}(In::{variant}, {})",
                text::string(&field.wire)
            ));
        }
    }
    out.list("parameters: &[", &parameters, "],");
    match &operation.request_body {
        Some(Body::Json(_)) => out.line("body: Some(Body::Json),"),
        Some(Body::Text) => out.line("body: Some(Body::Text),"),
        None => out.line("body: None,"),
    }
    paging(out, operation);
    out.line(&format!("run: commands::{},", operation.module));
    out.close(",");
}

/// A command's `paging`: what its cursor counts and the query parameters
/// that move it, for `--all-pages` and the help.
fn paging(out: &mut Writer, operation: &Operation) {
    let Some(list) = paged_list(operation) else {
        out.line("paging: None,");
        return;
    };
    let paging = list.paging;
    let kind = format!("PagingKind::{}", runtime_kind(&paging.kind));
    let cursor = text::string(&paging.cursor.wire);
    let limit = match &paging.limit {
        Some(limit) => format!("Some({})", text::string(&limit.wire)),
        None => "None".to_owned(),
    };
    let fields = [
        LiteralField::Value("kind", &kind),
        LiteralField::Value("cursor", &cursor),
        LiteralField::Value("limit", &limit),
    ];
    out.struct_literal("paging: Some(", "Paging", &fields, "),");
}

/// The function that builds `operation`'s `Request` from the flags (each
/// parameter by its location and its name as the docs spell it) and sends it.
fn command_function(out: &mut Writer, service: &Service, operation: &Operation) {
    let module = format!("{}::{}", service.module, operation.module);
    out.open(&format!(
        "pub fn {}(call: Call<'_>) -> Exit",
        operation.module
    ));
    // A paging operation's command follows the pages on `--all-pages`.
    let send = match paged_list(operation) {
        Some(_) => "call.send_pages",
        None => "call.send",
    };
    let groups = groups(operation);
    if groups.is_empty() && operation.request_body.is_none() {
        out.line(&format!("{send}(|_args| Ok({module}::Request::default()))"));
        out.close("");
        return;
    }
    out.open(&format!("{send}(|args|"));
    out.open(&format!("Ok({module}::Request"));
    for group in &groups {
        let (_, reader) = location(group);
        let reads: Vec<(&str, String)> = group
            .fields
            .iter()
            .map(|f| {
                let read = format!("args.{reader}({})?", text::string(&f.wire));
                (f.rust.as_str(), read)
            })
            .collect();
        let values: Vec<LiteralField> = reads
            .iter()
            .map(|(member, read)| LiteralField::Value(member, read))
            .collect();
        out.struct_literal(
            &format!("{}: ", group.member),
            &format!("{module}::{}", group.name),
            &values,
            ",",
        );
    }
    match &operation.request_body {
        Some(Body::Text) => out.line("body: args.text_body()?,"),
        Some(Body::Json(_)) => out.line("body: args.body()?,"),
        None => {}
    }
    out.close(")");
    out.close(")");
    out.close("");
}
