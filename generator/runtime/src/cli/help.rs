//! The program's help (its commands by chapter, with the pages' titles) and
//! each command's (its flags, what each parameter is, and where it goes).

use super::{flags, Body, Command, In, Paging, PagingKind, Program};
use crate::credentials::{ENV_DOMAIN_ID, ENV_PROJECT_ID};
use std::fmt::Write;

/// What every help text ends with.
const ENVIRONMENT: &str = "\
The endpoint is --endpoint's, else the region's: --region, else
HUAWEICLOUD_SDK_REGION. Credentials come from the environment:
HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (signed requests), or
HUAWEICLOUD_SDK_AUTH_TOKEN; HUAWEICLOUD_SDK_PROJECT_ID (HUAWEICLOUD_SDK_DOMAIN_ID)
fills {project_id} ({domain_id}) where --project-id (--domain-id) is not given.
With --all-pages, a command whose operation pages prints each page's answer in
turn (each request id on stderr) and stops after the last page or at the first
answer that is no page. Exit codes: 0 a documented status; 1 an undocumented
status or a failure to send or read the answer; 2 bad arguments or a request
that breaks the docs (its violations are printed one per line and nothing is
sent).
";

/// How a command names where to send.
const WHERE: &str = "(--region ID | --endpoint URL)";

/// The widest the column of command names gets in the program's help.
const NAME_COLUMN: usize = 32;

/// The program's help: usage, then the commands grouped by chapter in the
/// order given (operations without a chapter under "Other operations").
pub fn program(program: &Program) -> String {
    let mut text = format!(
        "usage: {0} COMMAND {WHERE} [FLAGS]\n       {0} COMMAND --help\n",
        program.usage
    );
    // Titles line up after the names, unless a few long names would push
    // them all far right: those have theirs two spaces after them.
    let width = program
        .commands
        .iter()
        .map(|c| c.name.len())
        .max()
        .unwrap_or(0)
        .min(NAME_COLUMN);
    let mut chapter = None;
    for (i, command) in program.commands.iter().enumerate() {
        if i == 0 || command.chapter != chapter {
            chapter = command.chapter;
            let heading = chapter.unwrap_or("Other operations");
            let _ = write!(text, "\n{heading}:\n");
        }
        let _ = writeln!(text, "  {:width$}  {}", command.name, command.title);
    }
    text.push('\n');
    text.push_str(ENVIRONMENT);
    text
}

/// One line: how to call `command`, its required flags and its optional ones in brackets.
pub fn usage(program: &Program, command: &Command) -> String {
    let mut line = format!("usage: {} {} {WHERE}", program.usage, command.name);
    for (parameter, flag) in command
        .parameters
        .iter()
        .zip(flags::flag_names(command.parameters))
    {
        let _ = if parameter.required {
            write!(line, " {flag} VALUE")
        } else {
            write!(line, " [{flag} VALUE]")
        };
    }
    if command.body.is_some() {
        line.push_str(" --body FILE");
    }
    if command.paging.is_some() {
        line.push_str(" [--all-pages]");
    }
    line
}

/// A command's help: usage, the operation, and one line per flag.
pub fn command(program: &Program, command: &Command) -> String {
    let mut text = usage(program, command);
    let _ = write!(
        text,
        "\n\n{}: {}\n{} {}\n\n",
        command.operation, command.title, command.method, command.path
    );
    let regions: Vec<&str> = program.regions.ids().collect();
    let regions = match regions.is_empty() {
        true => "none known".to_owned(),
        false => regions.join(", "),
    };
    let mut rows = vec![
        (
            "--region ID".to_owned(),
            format!("the region whose endpoint to call ({regions})"),
        ),
        (
            "--endpoint URL".to_owned(),
            "the service's endpoint, https://host[:port]; wins over the region".to_owned(),
        ),
    ];
    let flags = flags::flag_names(command.parameters);
    for (parameter, flag) in command.parameters.iter().zip(&flags) {
        let need = match (parameter.location, parameter.name) {
            _ if parameter.required => ", required".to_owned(),
            (In::Path, "project_id") => format!(", else {ENV_PROJECT_ID}"),
            (In::Path, "domain_id") => format!(", else {ENV_DOMAIN_ID}"),
            _ => String::new(),
        };
        rows.push((
            format!("{flag} VALUE"),
            format!(
                "{} parameter {}{need}",
                parameter.location.word(),
                parameter.name
            ),
        ));
    }
    match command.body {
        Some(Body::Json) => rows.push((
            "--body FILE".to_owned(),
            "the request body, a JSON file".to_owned(),
        )),
        Some(Body::Text) => rows.push((
            "--body FILE".to_owned(),
            "the request body, a text file".to_owned(),
        )),
        None => {}
    }
    if let Some(paging) = &command.paging {
        rows.push(("--all-pages".to_owned(), all_pages(command, &flags, paging)));
    }
    let width = rows.iter().map(|(flag, _)| flag.len()).max().unwrap_or(0);
    for (flag, meaning) in rows {
        let _ = writeln!(text, "  {flag:width$}  {meaning}");
    }
    text.push_str(
        "\nA VALUE is read as JSON when it is JSON (numbers, booleans, arrays), else as text.\n\n",
    );
    text.push_str(ENVIRONMENT);
    text
}

/// What `--all-pages` does for a command: how its cursor moves and when the walk stops.
fn all_pages(command: &Command, flags: &[String], paging: &Paging) -> String {
    let flag_of = |name: &str| {
        command
            .parameters
            .iter()
            .position(|p| p.location == In::Query && p.name == name)
            .map_or_else(|| name.to_owned(), |i| flags[i].clone())
    };
    let cursor = flag_of(paging.cursor);
    let moves = match paging.kind {
        PagingKind::Records => format!("{cursor} moves by the items received"),
        PagingKind::Pages => format!("{cursor} moves by one page"),
        PagingKind::Marker => format!("{cursor} becomes the next marker the answer gives"),
    };
    let stop = match (paging.kind, paging.limit) {
        (PagingKind::Marker, _) => "until a page is empty or gives no new marker".to_owned(),
        (_, Some(limit)) => format!("until a page is empty or shorter than {}", flag_of(limit)),
        (_, None) => "until a page is empty".to_owned(),
    };
    format!("every page, each answer in turn: {moves}, {stop}")
}
