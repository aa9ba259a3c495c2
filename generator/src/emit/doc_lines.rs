//! Doc lines kept out of syn's way. A doc attribute's text is escaped into
//! a literal, parsed back by syn character by character and copied by
//! prettyplease: a sixth of the generation of a well-documented service.
//! Most doc text is therefore deferred: the tokens carry a short
//! placeholder (`#[doc = "\r7"]`), and once prettyplease has printed the
//! placeholder as the line `///\r7`, that line is given back its text,
//! exactly as prettyplease would have printed it.
//!
//! The marker is a carriage return because nothing else in printed code can
//! hold a bare one: prettyplease escapes it in string literals, and Rust
//! allows it in no raw string nor comment. The placeholders live for one
//! thread, from [`defer`] to [`restore`]; a doc that prettyplease would
//! print otherwise than as a `///` line (one holding a line break or a
//! carriage return, or starting with `/`) is kept as it is.

use std::cell::RefCell;

/// Starts every placeholder.
const MARKER: char = '\r';

#[derive(Default)]
struct Deferred {
    texts: Vec<Option<String>>,
    /// Placeholders not restored yet: the list starts over once none is left.
    outstanding: usize,
}

thread_local! {
    static DEFERRED: RefCell<Deferred> = RefCell::new(Deferred::default());
}

/// Whether prettyplease prints the outer doc `text` as `///` and the text,
/// trailing spaces trimmed (see [`line`]), and it can be deferred.
fn printed_as_line(text: &str) -> bool {
    !text.contains('\n') && !text.starts_with('/') && !text.contains(MARKER)
}

/// The line prettyplease prints for the outer doc `text`, without indentation.
fn line(text: &str) -> String {
    format!("///{}\n", text.trim_end_matches(' '))
}

/// The line prettyplease prints for the outer doc attribute `value`
/// (without indentation nor line break), if it prints it as a `///` line.
pub fn as_line(value: &str) -> Option<String> {
    printed_as_line(value).then(|| format!("///{}", value.trim_end_matches(' ')))
}

/// The line prettyplease prints for the inner doc attribute `value`
/// (`//!` and the text, trailing spaces trimmed), if it prints it as a line:
/// unlike an outer doc, one may start with `/`.
pub fn as_inner_line(value: &str) -> Option<String> {
    (!value.contains('\n') && !value.contains(MARKER))
        .then(|| format!("//!{}", value.trim_end_matches(' ')))
}

/// The value for a `#[doc = ...]` attribute that stands for `text`.
pub fn defer(text: String) -> String {
    if !printed_as_line(&text) {
        return text;
    }
    DEFERRED.with_borrow_mut(|deferred| {
        deferred.texts.push(Some(text));
        deferred.outstanding += 1;
        format!("{MARKER}{}", deferred.texts.len() - 1)
    })
}

/// prettyplease's text with each placeholder line given back its doc.
pub fn restore(printed: String) -> String {
    const PLACEHOLDER: &str = "///\r";
    if !printed.contains(PLACEHOLDER) {
        return printed;
    }
    DEFERRED.with_borrow_mut(|deferred| {
        let mut out = String::with_capacity(printed.len() * 2);
        let mut copied = 0;
        let mut from = 0;
        while let Some(found) = printed[from..].find(PLACEHOLDER) {
            let at = from + found;
            let digits_start = at + PLACEHOLDER.len();
            let end = printed[digits_start..]
                .find('\n')
                .map_or(printed.len(), |n| digits_start + n);
            from = end;
            // A placeholder is a line of its own, after the indentation.
            let line_start = printed[..at].rfind('\n').map_or(0, |n| n + 1);
            if !printed[line_start..at].bytes().all(|b| b == b' ') {
                continue;
            }
            let Some(text) = printed[digits_start..end]
                .parse::<usize>()
                .ok()
                .and_then(|index| deferred.texts.get_mut(index)?.take())
            else {
                continue;
            };
            deferred.outstanding -= 1;
            out.push_str(&printed[copied..at]);
            out.push_str(line(&text).trim_end_matches('\n'));
            copied = end;
        }
        out.push_str(&printed[copied..]);
        if deferred.outstanding == 0 {
            deferred.texts.clear();
        }
        out
    })
}
