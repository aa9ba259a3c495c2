//! The directives API references use, each read into blocks: `table` (a
//! caption over a grid or simple table), `list-table`, `code-block` (and
//! `code`, `sourcecode`), admonitions (`note`, `important`, ...: their title
//! as a paragraph, as the rendered page shows it), `figure` (its caption),
//! `toctree` (its entries, for the chapter order), `rubric` and containers
//! (their content). Directives that show nothing (`image`, `raw`, `meta`,
//! `index`, ...) are skipped; any other directive's content is read as
//! blocks, with a warning that its meaning was not.

use super::super::Reporter;
use super::blocks::{self, Directive, Node, Table};
use super::tables;

pub fn read(
    name: &str,
    directive: &Directive,
    depth: usize,
    nodes: &mut Vec<Node>,
    report: &mut Reporter,
) {
    match name {
        "code-block" | "code" | "sourcecode" => nodes.push(Node::Code {
            line: directive
                .content
                .iter()
                .find(|l| !l.text.trim().is_empty())
                .map_or(directive.line, |l| l.number),
            text: directive.verbatim(),
        }),
        "table" => {
            let content = blocks::parse(&directive.content, depth + 1, report);
            let mut found = content.into_iter().filter_map(|node| match node {
                Node::Table(table) => Some(table),
                _ => None,
            });
            match found.next() {
                Some(table) => nodes.push(Node::Table(captioned(table, directive))),
                None => report.error(
                    directive.line,
                    "the `table` directive holds no table; it is left out",
                ),
            }
        }
        "list-table" => {
            let content = blocks::parse(&directive.content, depth + 1, report);
            let header_rows = match directive.option("header-rows").map(str::parse::<usize>) {
                None => 0,
                Some(Ok(n)) => n,
                Some(Err(_)) => {
                    report.warn(
                        directive.line,
                        "the list-table's `:header-rows:` is not a number; the table is read without a header",
                    );
                    0
                }
            };
            if let Some(table) = tables::list_table(&content, directive.line, header_rows, report) {
                nodes.push(Node::Table(captioned(table, directive)));
            }
        }
        "toctree" => nodes.push(Node::Toctree {
            glob: directive.option("glob").is_some(),
            entries: directive
                .content
                .iter()
                .map(|l| (l.number, l.text.trim()))
                .filter(|(_, t)| !t.is_empty() && !t.starts_with(':'))
                .map(|(line, t)| (line, t.to_owned()))
                .collect(),
        }),
        "figure" => {
            // The caption is the first paragraph after the image's options.
            let content = blocks::parse(&directive.content, depth + 1, report);
            if let Some(caption @ Node::Paragraph { .. }) = content.into_iter().next() {
                nodes.push(caption);
            }
        }
        "rubric" => nodes.push(Node::Paragraph {
            line: directive.line,
            text: directive.argument.clone(),
        }),
        "image" | "raw" | "meta" | "index" | "highlight" | "contents" | "only" | "include"
        | "literalinclude" | "csv-table" | "math" => {
            if matches!(name, "include" | "literalinclude" | "csv-table" | "only") {
                report.warn(
                    directive.line,
                    format!("the `{name}` directive is not read; what it shows is left out"),
                );
            }
        }
        _ => {
            if let Some(title) = admonition_title(name, &directive.argument) {
                let content = blocks::parse(&directive.content, depth + 1, report);
                nodes.push(Node::Admonition {
                    line: directive.line,
                    title,
                    content,
                });
                return;
            }
            if !matches!(name, "container" | "compound" | "topic" | "sidebar") {
                report.warn(
                    directive.line,
                    format!(
                        "the `{name}` directive is not known; its content is read as plain text"
                    ),
                );
            }
            nodes.extend(blocks::parse(&directive.content, depth + 1, report));
        }
    }
}

/// Whether the lines right after `.. name::` are the directive's argument
/// (a table's caption, a code block's language) rather than its content:
/// admonitions but the generic `admonition` take none, so `.. note:: text`
/// starts the note's text.
pub fn takes_argument(name: &str) -> bool {
    name == "admonition" || admonition_title(name, "").is_none()
}

fn captioned(mut table: Table, directive: &Directive) -> Table {
    table.line = directive.line;
    if !directive.argument.is_empty() {
        table.caption = Some(directive.argument.clone());
    }
    table
        .names
        .extend(directive.option("name").map(str::to_owned));
    table
}

/// The title a rendered page gives an admonition.
fn admonition_title(name: &str, argument: &str) -> Option<String> {
    let title = match name {
        "note" => "Note",
        "important" => "Important",
        "warning" => "Warning",
        "tip" => "Tip",
        "hint" => "Hint",
        "caution" => "Caution",
        "attention" => "Attention",
        "danger" => "Danger",
        "error" => "Error",
        "seealso" => "See also",
        "admonition" => argument,
        _ => return None,
    };
    Some(title.to_owned())
}
