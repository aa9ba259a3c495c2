//! Doc comments from the docs' own words, made safe for rustdoc.

use crate::model::{Body, Field, Operation, Rules, Struct, Ty};

/// The doc attribute values for paragraphs (see [`attr_value`]), with a
/// blank line between them.
pub fn prose(paragraphs: &[String]) -> Vec<String> {
    values(&prose_lines(paragraphs))
}

/// The doc attribute values for lines already in Markdown.
pub fn values(lines: &[String]) -> Vec<String> {
    lines.iter().map(|l| attr_value(l)).collect()
}

fn is_list_item(line: &str) -> bool {
    line.starts_with("- ")
}

/// The module doc of an operation: `` `POST /path`: Title `` (the line the
/// service's list shows), the page's description, a usage snippet and the
/// documented statuses, each linked to its `Response` variant. `snippet`
/// is the usage example's lines, when the request can be written.
pub fn operation_doc(
    operation: &Operation,
    crate_path: &str,
    snippet: Option<Vec<String>>,
) -> Vec<String> {
    let mut paragraphs = vec![format!(
        "`{} {}`: {}",
        operation.method,
        operation.path,
        operation.title.trim_end_matches('.')
    )];
    paragraphs.extend(operation.summary.iter().cloned());
    let mut lines = prose_lines(&paragraphs);
    if let Some(snippet) = snippet {
        lines.push(String::new());
        lines.push("# Usage".to_owned());
        lines.push(String::new());
        lines.push("```rust,ignore".to_owned());
        lines.extend(snippet);
        lines.push("```".to_owned());
    }
    lines.push(String::new());
    lines.push("# Responses".to_owned());
    lines.push(String::new());
    if operation.responses.is_empty() {
        lines.push(format!(
            "The page documents no status: every answer is [`Response::Undocumented`]({crate_path}::Response::Undocumented), with the body as received."
        ));
    } else {
        for response in &operation.responses {
            let meaning = response
                .doc
                .first()
                // One line: a list item's continuation lines would need indenting.
                .map(|d| {
                    format!(
                        ": {}",
                        markdown_safe(&d.split_whitespace().collect::<Vec<_>>().join(" "))
                    )
                })
                .unwrap_or_default();
            lines.push(format!(
                "- `{}`{meaning} ([`Response::{}`]({crate_path}::Response::{}))",
                response.status, response.variant, response.variant
            ));
        }
        lines.push(format!(
            "- any other status: [`Response::Undocumented`]({crate_path}::Response::Undocumented), with the body as received"
        ));
    }
    values(&lines)
}

/// Doc lines for paragraphs, with a blank line between them (list items stay together).
fn prose_lines(paragraphs: &[String]) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    // A line break in a text is a paragraph of its own: a doc attribute
    // holding one would be printed as a `/** */` block.
    let paragraphs = paragraphs
        .iter()
        .flat_map(|p| p.split('\n'))
        .map(str::trim)
        .filter(|p| !p.is_empty());
    for paragraph in paragraphs {
        let continues_list =
            is_list_item(paragraph) && lines.last().is_some_and(|l| is_list_item(l));
        if !lines.is_empty() && !continues_list {
            lines.push(String::new());
        }
        lines.push(markdown_safe(paragraph));
    }
    lines
}

/// The value of the `#[doc]` attribute for one line: rustdoc's `/// line`.
pub fn attr_value(line: &str) -> String {
    if line.is_empty() {
        String::new()
    } else {
        format!(" {line}")
    }
}

/// A struct's doc lines (as doc attribute values through [`values`]): what the value is. A body says whose body it is; an
/// object takes the description of the row that refers to it, and says
/// where it is used; the spec's notes follow.
pub fn struct_doc(operation: &Operation, shape: &Struct) -> Vec<String> {
    let is_body = |body: Option<&Body>| matches!(body, Some(Body::Json(Ty::Struct(name))) if *name == shape.name);
    let mut paragraphs = Vec::new();
    if is_body(operation.request_body.as_ref()) {
        paragraphs.push(format!("The body of the `{}` request.", operation.id));
    }
    for response in operation
        .responses
        .iter()
        .filter(|r| is_body(Some(&r.body)))
    {
        paragraphs.push(match response.doc.first() {
            Some(meaning) => format!(
                "The body of the {} response ({}).",
                response.status,
                meaning.trim().trim_end_matches('.')
            ),
            None => format!("The body of the {} response.", response.status),
        });
    }
    let uses = uses_of(operation, &shape.name);
    if paragraphs.is_empty() {
        let described = uses.iter().find_map(|(_, field)| field.doc.first());
        let name = shape.origin.trim_start_matches("object ");
        paragraphs.push(match described {
            Some(description) => description.clone(),
            None if uses.is_empty() => format!(
                "An object the page documents as {name}, which no documented field refers to."
            ),
            None => format!("An object the page documents as {name}."),
        });
    }
    let mut lines = prose_lines(&paragraphs);
    if !uses.is_empty() {
        // Rust paths, written as links (not escaped like the page's prose).
        let places: Vec<String> = uses
            .iter()
            .map(|(owner, field)| {
                let place = if field.rust.starts_with("r#") {
                    format!("`{owner}::{}`", field.rust)
                } else {
                    format!("[`{owner}::{}`]", field.rust)
                };
                match &field.ty {
                    Ty::Array(_) => format!("{place} (each item)"),
                    Ty::Map(_) => format!("{place} (each value)"),
                    _ => place,
                }
            })
            .collect();
        lines.push(String::new());
        lines.push(format!("Used in {}.", places.join(", ")));
    }
    if !shape.doc.is_empty() {
        lines.push(String::new());
        lines.extend(prose_lines(&shape.doc));
    }
    lines
}

/// The fields of `operation` whose values are (or hold) the struct `name`, with the struct that has them.
fn uses_of<'a>(operation: &'a Operation, name: &str) -> Vec<(&'a str, &'a Field)> {
    operation
        .structs
        .iter()
        .flat_map(|s| s.fields.iter().map(move |f| (s.name.as_str(), f)))
        .filter(|(_, f)| holds(&f.ty, name))
        .collect()
}

fn holds(ty: &Ty, name: &str) -> bool {
    match ty {
        Ty::Struct(n) => n == name,
        Ty::Array(inner) | Ty::Map(inner) => holds(inner, name),
        _ => false,
    }
}

/// A field's doc: the page's description (without the markers that state
/// what the next line states, see `resolve::rules::prose`), then one line
/// with every constraint read and the default, each stated once.
pub fn field_doc(field: &Field, enum_values: Option<Vec<String>>) -> Vec<String> {
    let mut paragraphs = field.doc.clone();
    let parts = constraint_parts(&field.ty, &field.rules, enum_values);
    let mut line = Vec::new();
    if !parts.is_empty() {
        line.push(format!("Constraints: {}.", parts.join("; ")));
    }
    match field.default.as_ref().map(|d| d.written.as_str()) {
        Some("") => line.push("Default: an empty string.".to_owned()),
        Some(default) => line.push(format!("Default: `{}`.", code_safe(default))),
        None => {}
    }
    if !line.is_empty() {
        paragraphs.push(line.join(" "));
    }
    if paragraphs.is_empty() {
        paragraphs.push(format!("`{}`", field.wire));
    }
    prose(&paragraphs)
}

/// `["1 to 200 items", "each item 1 to 36 characters"]` for a field's rules.
fn constraint_parts(ty: &Ty, rules: &Rules, enum_values: Option<Vec<String>>) -> Vec<String> {
    let mut parts = Vec::new();
    if let Some(items) = range_words(rules.items.min, rules.items.max) {
        let noun = if rules.items.max == Some(1)
            || (rules.items.max.is_none() && rules.items.min == Some(1))
        {
            "item"
        } else {
            "items"
        };
        parts.push(format!("{items} {noun}"));
    }
    let each = if matches!(ty, Ty::Array(_)) {
        "each item "
    } else {
        ""
    };
    if let Some(length) = range_words(rules.length.min, rules.length.max) {
        let noun = if rules.length.max == Some(1)
            || (rules.length.max.is_none() && rules.length.min == Some(1))
        {
            "character"
        } else {
            "characters"
        };
        parts.push(format!("{each}{length} {noun}"));
    }
    if let Some(range) = range_words(rules.range.min, rules.range.max) {
        parts.push(format!("{each}{range}"));
    }
    if let Some(list) = &rules.one_of {
        let list: Vec<String> = list.iter().map(|l| format!("`{l}`")).collect();
        parts.push(format!("{each}one of {}", list.join(", ")));
    }
    if let Some(values) = enum_values {
        let list: Vec<String> = values
            .iter()
            .map(|v| format!("`{}`", code_safe(v)))
            .collect();
        parts.push(format!("{each}one of {}", list.join(", ")));
    }
    parts
}

fn range_words<T: std::fmt::Display>(min: Option<T>, max: Option<T>) -> Option<String> {
    match (min, max) {
        (Some(min), Some(max)) => Some(format!("{min} to {max}")),
        (Some(min), None) => Some(format!("at least {min}")),
        (None, Some(max)) => Some(format!("at most {max}")),
        (None, None) => None,
    }
}

/// Text inside backticks cannot hold a backtick.
fn code_safe(text: &str) -> String {
    text.replace('`', "'")
}

/// Escapes what rustdoc would warn about or read as markup: link brackets,
/// HTML tags, a leading `#`; bare URLs go in backticks. Code spans stay as
/// written; an unbalanced backtick is escaped.
pub fn markdown_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (marker, body) = match text.strip_prefix("- ") {
        Some(rest) => ("- ", rest),
        None => ("", text),
    };
    out.push_str(marker);
    let backticks_balanced = body.matches('`').count() % 2 == 0;
    let mut in_code = false;
    for (i, word) in body.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if !in_code
            && (word.starts_with("http://") || word.starts_with("https://"))
            && !word.contains('`')
        {
            out.push('`');
            out.push_str(word);
            out.push('`');
            continue;
        }
        for (j, c) in word.char_indices() {
            match c {
                '`' if backticks_balanced => {
                    in_code = !in_code;
                    out.push(c);
                }
                '`' => out.push_str("\\`"),
                '[' | ']' | '<' | '>' if !in_code => {
                    out.push('\\');
                    out.push(c);
                }
                '#' if i == 0 && j == 0 && marker.is_empty() => out.push_str("\\#"),
                _ => out.push(c),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            markdown_safe("Array<String> [x]"),
            "Array\\<String\\> \\[x\\]"
        );
        assert_eq!(markdown_safe("see https://a.b/c"), "see `https://a.b/c`");
        assert_eq!(markdown_safe("# not a heading"), "\\# not a heading");
        assert_eq!(markdown_safe("- item_a"), "- item_a");
        assert_eq!(markdown_safe("`a<b>` <c>"), "`a<b>` \\<c\\>");
        assert_eq!(markdown_safe("one ` tick"), "one \\` tick");
    }
}
