//! Doc comments from the docs' own words, made safe for rustdoc.

use crate::model::{Field, Operation, Rules, Ty};
use proc_macro2::TokenStream;
use quote::quote;

/// `#[doc]` attributes for paragraphs, with a blank line between them.
pub fn doc_attrs(paragraphs: &[String]) -> TokenStream {
    let mut lines: Vec<String> = Vec::new();
    for paragraph in paragraphs {
        let continues_list =
            is_list_item(paragraph) && lines.last().is_some_and(|l| is_list_item(l));
        if !lines.is_empty() && !continues_list {
            lines.push(String::new());
        }
        lines.push(markdown_safe(paragraph));
    }
    let lines = lines.iter().map(|l| {
        if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        }
    });
    quote! { #(#[doc = #lines])* }
}

fn is_list_item(line: &str) -> bool {
    line.starts_with("- ")
}

/// The module doc of an operation: `` `POST /path`: Title. `` and the summary.
pub fn operation_doc(operation: &Operation) -> TokenStream {
    let mut paragraphs = vec![format!(
        "`{} {}`: {}",
        operation.method,
        operation.path,
        operation.title.trim_end_matches('.')
    )];
    paragraphs.extend(operation.summary.iter().cloned());
    doc_attrs(&paragraphs)
}

/// A field's doc: the description, then its constraints and default in words.
pub fn field_doc(field: &Field, enum_values: Option<Vec<String>>) -> TokenStream {
    let mut paragraphs = field.doc.clone();
    if let Some(constraints) = constraint_sentence(&field.ty, &field.rules, enum_values) {
        paragraphs.push(constraints);
    }
    if let Some(default) = &field.default {
        paragraphs.push(format!("Default: `{}`.", code_safe(&default.written)));
    }
    if paragraphs.is_empty() {
        paragraphs.push(format!("`{}`", field.wire));
    }
    doc_attrs(&paragraphs)
}

/// "Array length: 1 to 200. Length: 1 to 36 characters." for a field's rules.
fn constraint_sentence(ty: &Ty, rules: &Rules, enum_values: Option<Vec<String>>) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(items) = range_words(rules.items.min, rules.items.max) {
        parts.push(format!("Array length: {items}."));
    }
    let each = if matches!(ty, Ty::Array(_)) {
        "Each item's "
    } else {
        ""
    };
    if let Some(length) = range_words(rules.length.min, rules.length.max) {
        let label = if each.is_empty() { "Length" } else { "length" };
        parts.push(format!("{each}{label}: {length} characters."));
    }
    if let Some(range) = range_words(rules.range.min, rules.range.max) {
        let label = if each.is_empty() { "Range" } else { "range" };
        parts.push(format!("{each}{label}: {range}."));
    }
    if let Some(list) = &rules.one_of {
        let list: Vec<String> = list.iter().map(|l| format!("`{l}`")).collect();
        parts.push(format!("Allowed values: {}.", list.join(", ")));
    }
    if let Some(values) = enum_values {
        let list: Vec<String> = values
            .iter()
            .map(|v| format!("`{}`", code_safe(v)))
            .collect();
        parts.push(format!("Documented values: {}.", list.join(", ")));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
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
