//! Inline markup reduced to the text a rendered page shows: `**strong**`,
//! `*emphasis*`, ``` ``literal`` ```, roles (`:ref:`Table 3 <label>``),
//! hyperlink references (`` `text <url>`__ ``) and backslash escapes
//! (`**1**\ ``-``\ **2**` reads `1-2`). Links are kept with their targets.
//!
//! The recognition rules are reStructuredText's: a start-string follows
//! white space, the text start or opening punctuation and is followed by
//! text; an end-string follows text and is followed by white space, the text
//! end or closing punctuation. Markup that does not close is plain text, as
//! docutils renders it.

use super::super::page::{collapse_whitespace, Link, LinkTarget};

/// Text with its links, whitespace not yet collapsed.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Inline {
    pub text: String,
    pub links: Vec<Link>,
}

/// One character of the source after escapes: `escaped` marks a character
/// written after a backslash (never markup; an escaped space is dropped).
#[derive(Clone, Copy)]
struct Char {
    c: char,
    escaped: bool,
}

/// Reduces `source` to its text; `on_page` says whether a label (as an id) is
/// defined on this page, so that a `:ref:` to it is a link to an anchor.
pub fn reduce(source: &str, on_page: &dyn Fn(&str) -> bool) -> Inline {
    let chars = unescape(source);
    let mut out = Inline::default();
    let mut i = 0;
    while i < chars.len() {
        match markup_at(&chars, i, on_page) {
            Some((end, text, link)) => {
                out.text.push_str(&text);
                out.links.extend(link);
                i = end;
            }
            None => {
                let ch = chars[i];
                if !(ch.escaped && ch.c.is_whitespace()) {
                    out.text.push(ch.c);
                }
                i += 1;
            }
        }
    }
    out
}

fn unescape(source: &str) -> Vec<Char> {
    let mut chars = Vec::with_capacity(source.len());
    let mut iter = source.chars();
    while let Some(c) = iter.next() {
        if c == '\\' {
            match iter.next() {
                Some(next) => chars.push(Char {
                    c: next,
                    escaped: true,
                }),
                None => chars.push(Char { c, escaped: false }),
            }
        } else {
            chars.push(Char { c, escaped: false });
        }
    }
    chars
}

/// The original spelling of escaped characters, for literals (which keep backslashes).
fn verbatim(chars: &[Char]) -> String {
    let mut text = String::new();
    for ch in chars {
        if ch.escaped {
            text.push('\\');
        }
        text.push(ch.c);
    }
    text
}

fn plain(chars: &[Char]) -> String {
    chars
        .iter()
        .filter(|ch| !(ch.escaped && ch.c.is_whitespace()))
        .map(|ch| ch.c)
        .collect()
}

/// Whether the character before a start-string allows markup to start.
fn may_start_after(before: Option<Char>) -> bool {
    match before {
        None => true,
        Some(ch) if ch.escaped => ch.c.is_whitespace(),
        Some(ch) => ch.c.is_whitespace() || "-:/'\"<([{\u{2018}\u{201c}".contains(ch.c),
    }
}

/// `(*)`, `"*"`: a start-string between an opening character and its
/// closing one is text.
fn encloses(before: Option<Char>, after: Option<Char>) -> bool {
    let (Some(before), Some(after)) = (before, after) else {
        return false;
    };
    !before.escaped
        && matches!(
            (before.c, after.c),
            ('(', ')') | ('[', ']') | ('{', '}') | ('<', '>') | ('\'', '\'') | ('"', '"')
        )
}

/// Whether the character after an end-string allows markup to end.
fn may_end_before(after: Option<Char>) -> bool {
    match after {
        None => true,
        Some(ch) if ch.escaped => ch.c.is_whitespace(),
        Some(ch) => ch.c.is_whitespace() || "-.,:;!?\\/'\")]}>\u{2019}\u{201d}".contains(ch.c),
    }
}

fn starts_with(chars: &[Char], at: usize, text: &str) -> bool {
    let mut k = at;
    for c in text.chars() {
        match chars.get(k) {
            Some(ch) if !ch.escaped && ch.c == c => k += 1,
            _ => return false,
        }
    }
    true
}

/// Where the end-string `end` closes content that starts at `from`.
fn find_end(chars: &[Char], from: usize, end: &str) -> Option<usize> {
    let len = end.chars().count();
    (from + 1..=chars.len().saturating_sub(len)).find(|&k| {
        starts_with(chars, k, end)
            && !chars[k - 1].c.is_whitespace()
            && may_end_before(chars.get(k + len).copied())
    })
}

type Markup = (usize, String, Option<Link>);

/// The markup starting at `i`, if any: where it ends, its text and its link.
fn markup_at(chars: &[Char], i: usize, on_page: &dyn Fn(&str) -> bool) -> Option<Markup> {
    let ch = chars[i];
    if ch.escaped || !matches!(ch.c, '*' | '`' | ':') {
        return None;
    }
    let before = i.checked_sub(1).map(|b| chars[b]);
    if !may_start_after(before) || encloses(before, chars.get(i + 1).copied()) {
        return None;
    }
    if ch.c == ':' {
        return role_at(chars, i, on_page);
    }
    for (start, end) in [("``", "``"), ("**", "**"), ("*", "*")] {
        if !starts_with(chars, i, start) {
            continue;
        }
        let from = i + start.len();
        if chars.get(from).is_none_or(|c| c.c.is_whitespace()) {
            return None;
        }
        let close = find_end(chars, from, end)?;
        let content = &chars[from..close];
        let text = if start == "``" {
            verbatim(content)
        } else {
            plain(content)
        };
        return Some((close + end.len(), text, None));
    }
    if ch.c == '`' {
        return interpreted_at(chars, i, None, on_page);
    }
    None
}

/// `:name:` followed by interpreted text.
fn role_at(chars: &[Char], i: usize, on_page: &dyn Fn(&str) -> bool) -> Option<Markup> {
    let mut k = i + 1;
    while chars
        .get(k)
        .is_some_and(|c| !c.escaped && (c.c.is_ascii_alphanumeric() || "-_.+".contains(c.c)))
    {
        k += 1;
    }
    // A domain role (`:py:func:`) has a second part.
    if starts_with(chars, k, ":") && !starts_with(chars, k + 1, "`") {
        k += 1;
        while chars
            .get(k)
            .is_some_and(|c| !c.escaped && (c.c.is_ascii_alphanumeric() || "-_.+".contains(c.c)))
        {
            k += 1;
        }
    }
    if k == i + 1 || !starts_with(chars, k, ":`") {
        return None;
    }
    let name: String = chars[i + 1..k].iter().map(|c| c.c).collect();
    interpreted_at(chars, k + 1, Some(&name), on_page)
}

/// Interpreted text or a hyperlink reference starting with the backquote at `i`.
fn interpreted_at(
    chars: &[Char],
    i: usize,
    role: Option<&str>,
    on_page: &dyn Fn(&str) -> bool,
) -> Option<Markup> {
    let from = i + 1;
    if chars
        .get(from)
        .is_none_or(|c| c.c.is_whitespace() || c.c == '`')
    {
        return None;
    }
    let close = (from + 1..chars.len()).find(|&k| {
        let after = k + 1;
        let suffix = if role.is_none() {
            if starts_with(chars, after, "__") {
                2
            } else {
                usize::from(starts_with(chars, after, "_"))
            }
        } else {
            0
        };
        starts_with(chars, k, "`")
            && !chars[k - 1].c.is_whitespace()
            && may_end_before(chars.get(after + suffix).copied())
    })?;
    let is_reference = role.is_none() && starts_with(chars, close + 1, "_");
    let end = if role.is_none() && starts_with(chars, close + 1, "__") {
        close + 3
    } else if is_reference {
        close + 2
    } else {
        close + 1
    };
    let content = &chars[from..close];
    let (title, target) = split_target(content);
    let link = match role {
        Some("ref") | Some("std:ref") => {
            let target = target.unwrap_or_else(|| plain(content));
            let id = make_id(&target);
            Some(if on_page(&id) {
                LinkTarget::Anchor(id)
            } else {
                LinkTarget::OtherPage(format!("#{id}"))
            })
        }
        Some("doc") => Some(LinkTarget::OtherPage(
            target.unwrap_or_else(|| plain(content)),
        )),
        None if is_reference => target.map(|url| {
            let url = url.split('#').next().unwrap_or_default().to_owned();
            LinkTarget::OtherPage(url)
        }),
        _ => None,
    };
    let text = match role {
        Some("literal" | "code") => verbatim(content),
        _ => title,
    };
    let link = link.map(|target| Link {
        text: collapse_whitespace(&text),
        target,
    });
    Some((end, text, link))
}

/// `title <target>`: the title and the target; without `<...>`, the text alone.
fn split_target(content: &[Char]) -> (String, Option<String>) {
    let ends_with_target = content.last().is_some_and(|c| c.c == '>' && !c.escaped);
    if ends_with_target {
        if let Some(open) = content
            .iter()
            .rposition(|c| c.c == '<' && !c.escaped)
            .filter(|&open| open == 0 || content[open - 1].c.is_whitespace())
        {
            let title = plain(&content[..open]).trim_end().to_owned();
            let target: String = content[open + 1..content.len() - 1]
                .iter()
                .filter(|c| !c.c.is_whitespace())
                .map(|c| c.c)
                .collect();
            let title = if title.is_empty() {
                target.clone()
            } else {
                title
            };
            return (title, Some(target));
        }
    }
    (plain(content), None)
}

/// The id docutils makes of a label (`dns_api_64001__table3` →
/// `dns-api-64001-table3`): lower case, runs of other characters as one
/// `-`, no leading digits or hyphens, no trailing hyphen. HTML pages carry
/// these ids, so links read from either form point at the same anchors.
pub fn make_id(label: &str) -> String {
    let mut id = String::new();
    for c in label.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_start_matches(|c: char| c == '-' || c.is_ascii_digit());
    id.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(source: &str) -> String {
        reduce(source, &|_| false).text
    }

    #[test]
    fn drops_markup_as_a_page_shows_it() {
        assert_eq!(text("The value is **300**."), "The value is 300.");
        assert_eq!(text("**1**\\ ``-``\\ **2147483647**"), "1-2147483647");
        assert_eq!(text("*emphasis* and ``a\\b``"), "emphasis and a\\b");
        assert_eq!(text("start with **\\_sys\\_**"), "start with _sys_");
        assert_eq!(text("a * b and 2*3*4"), "a * b and 2*3*4");
        assert_eq!(text("**unclosed"), "**unclosed");
        assert_eq!(
            text("underscores (*), periods (.) *as*"),
            "underscores (*), periods (.) as"
        );
        assert_eq!(
            text("See `Regions <https://x.example/r.html#a>`__ now"),
            "See Regions now"
        );
    }

    #[test]
    fn keeps_ref_links() {
        let inline = reduce(
            "see :ref:`Table 3 <dns_api_64001__table75>` and :ref:`other <x_1>`",
            &|id| id == "dns-api-64001-table75",
        );
        assert_eq!(inline.text, "see Table 3 and other");
        assert_eq!(
            inline.links,
            vec![
                Link {
                    text: "Table 3".into(),
                    target: LinkTarget::Anchor("dns-api-64001-table75".into())
                },
                Link {
                    text: "other".into(),
                    target: LinkTarget::OtherPage("#x-1".into())
                },
            ]
        );
    }

    #[test]
    fn makes_ids_as_docutils_does() {
        assert_eq!(
            make_id("dns_api_64001__table30807"),
            "dns-api-64001-table30807"
        );
        assert_eq!(make_id("1_Foo Bar--"), "foo-bar");
    }
}
