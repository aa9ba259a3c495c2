//! The program's help (its commands by chapter, with the pages' titles) and
//! each command's (its flags, what each parameter is, and where it goes).

use super::{flags, Body, Command, Program};
use std::fmt::Write;

/// What every help text ends with.
const ENVIRONMENT: &str = "\
Credentials come from the environment: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK
(signed requests), or HUAWEICLOUD_SDK_AUTH_TOKEN; HUAWEICLOUD_SDK_PROJECT_ID
optionally. Exit codes: 0 a documented status; 1 an undocumented status or a
failure to send or read the answer; 2 bad arguments or a request that breaks
the docs (its violations are printed one per line and nothing is sent).
";

/// The widest the column of command names gets in the program's help.
const NAME_COLUMN: usize = 32;

/// The program's help: usage, then the commands grouped by chapter in the
/// order given (operations without a chapter under "Other operations").
pub fn program(program: &Program) -> String {
    let mut text = format!(
        "usage: {0} COMMAND --endpoint URL [FLAGS]\n       {0} COMMAND --help\n",
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
    let mut line = format!("usage: {} {} --endpoint URL", program.usage, command.name);
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
    let mut rows = vec![(
        "--endpoint URL".to_owned(),
        "the service's endpoint, https://host[:port]".to_owned(),
    )];
    for (parameter, flag) in command
        .parameters
        .iter()
        .zip(flags::flag_names(command.parameters))
    {
        let need = if parameter.required { ", required" } else { "" };
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
