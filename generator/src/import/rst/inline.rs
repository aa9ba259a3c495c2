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
    let mut scanner = Scanner {
        chars: &chars,
        on_page,
        closers: Default::default(),
    };
    let mut out = Inline::default();
    let mut i = 0;
    while i < chars.len() {
        match scanner.markup_at(i) {
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

/// The end-strings markup closes with. Each has its own rule for what may
/// follow it: interpreted text without a role may be a reference (`` `x`_ ``,
/// `` `x`__ ``), whose underscores come before the closing context.
#[derive(Clone, Copy)]
enum Closer {
    Literal,
    Strong,
    Emphasis,
    Interpreted,
    Reference,
}

impl Closer {
    const COUNT: usize = 5;

    fn text(self) -> &'static str {
        match self {
            Closer::Literal => "``",
            Closer::Strong => "**",
            Closer::Emphasis => "*",
            Closer::Interpreted | Closer::Reference => "`",
        }
    }

    /// Whether the end-string closes markup at `k`: it stands there,
    /// follows text and is followed by what may end markup.
    fn closes_at(self, chars: &[Char], k: usize) -> bool {
        let end = self.text();
        if k == 0 || !starts_with(chars, k, end) || chars[k - 1].c.is_whitespace() {
            return false;
        }
        let after = k + end.len();
        let suffix = match self {
            Closer::Reference if starts_with(chars, after, "__") => 2,
            Closer::Reference => usize::from(starts_with(chars, after, "_")),
            _ => 0,
        };
        may_end_before(chars.get(after + suffix).copied())
    }
}

/// The text being reduced, with, per end-string, where the next place it
/// closes is from each position. A start-string that never closes would
/// otherwise rescan the rest of the text, and a text of many of them
/// (`` `a `a `a ``...) would take quadratic time.
struct Scanner<'a> {
    chars: &'a [Char],
    on_page: &'a dyn Fn(&str) -> bool,
    /// Per end-string, filled on first use: for each position, the first
    /// position at or after it where the end-string closes (`usize::MAX`: none).
    closers: [Option<Vec<usize>>; Closer::COUNT],
}

type Markup = (usize, String, Option<Link>);

impl Scanner<'_> {
    /// Where `closer` first closes content that starts at `from`.
    fn find_end(&mut self, from: usize, closer: Closer) -> Option<usize> {
        let chars = self.chars;
        let next = self.closers[closer as usize].get_or_insert_with(|| {
            let mut next = vec![usize::MAX; chars.len() + 1];
            for k in (0..chars.len()).rev() {
                next[k] = if closer.closes_at(chars, k) {
                    k
                } else {
                    next[k + 1]
                };
            }
            next
        });
        next.get(from + 1).copied().filter(|&k| k != usize::MAX)
    }

    /// The markup starting at `i`, if any: where it ends, its text and its link.
    fn markup_at(&mut self, i: usize) -> Option<Markup> {
        let chars = self.chars;
        let ch = chars[i];
        if ch.escaped || !matches!(ch.c, '*' | '`' | ':') {
            return None;
        }
        let before = i.checked_sub(1).map(|b| chars[b]);
        if !may_start_after(before) || encloses(before, chars.get(i + 1).copied()) {
            return None;
        }
        if ch.c == ':' {
            return self.role_at(i);
        }
        for closer in [Closer::Literal, Closer::Strong, Closer::Emphasis] {
            let start = closer.text();
            if !starts_with(chars, i, start) {
                continue;
            }
            let from = i + start.len();
            if chars.get(from).is_none_or(|c| c.c.is_whitespace()) {
                return None;
            }
            let close = self.find_end(from, closer)?;
            let content = &chars[from..close];
            let text = match closer {
                Closer::Literal => verbatim(content),
                _ => plain(content),
            };
            return Some((close + start.len(), text, None));
        }
        if ch.c == '`' {
            return self.interpreted_at(i, None);
        }
        None
    }

    /// `:name:` followed by interpreted text.
    fn role_at(&mut self, i: usize) -> Option<Markup> {
        let chars = self.chars;
        let mut k = role_name_end(chars, i + 1);
        // A domain role (`:py:func:`) has a second part.
        if starts_with(chars, k, ":") && !starts_with(chars, k + 1, "`") {
            k = role_name_end(chars, k + 1);
        }
        if k == i + 1 || !starts_with(chars, k, ":`") {
            return None;
        }
        let name: String = chars[i + 1..k].iter().map(|c| c.c).collect();
        self.interpreted_at(k + 1, Some(&name))
    }

    /// Interpreted text or a hyperlink reference starting with the backquote at `i`.
    fn interpreted_at(&mut self, i: usize, role: Option<&str>) -> Option<Markup> {
        let chars = self.chars;
        let from = i + 1;
        if chars
            .get(from)
            .is_none_or(|c| c.c.is_whitespace() || c.c == '`')
        {
            return None;
        }
        let closer = match role {
            None => Closer::Reference,
            Some(_) => Closer::Interpreted,
        };
        let close = self.find_end(from, closer)?;
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
                Some(if (self.on_page)(&id) {
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
}

/// Where a role's name (or one part of a domain role's) that starts at `k` ends.
fn role_name_end(chars: &[Char], mut k: usize) -> usize {
    while chars
        .get(k)
        .is_some_and(|c| !c.escaped && (c.c.is_ascii_alphanumeric() || "-_.+".contains(c.c)))
    {
        k += 1;
    }
    k
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
/// `dns-api-64001-table3`, `Größe` → `grosze`): lower
/// case; letters with a stroke or hook and a few ligatures spelled in ASCII
/// as docutils spells them; then compatibility-decomposed (NFKD) with
/// whatever is not ASCII left out (`é` → `e`, `中` → nothing); runs of other
/// characters as one `-`; no leading digits or hyphens, no trailing hyphen.
/// HTML pages carry these ids, so links read from either form point at the
/// same anchors.
pub fn make_id(label: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut spelled = String::with_capacity(label.len());
    for c in label.to_lowercase().chars() {
        match ascii_spelling(c) {
            Some(ascii) => spelled.push_str(ascii),
            None => spelled.push(c),
        }
    }
    let mut id = String::with_capacity(spelled.len());
    for c in spelled.nfkd().filter(char::is_ascii) {
        // Decomposing may yield capitals (`ℌ` → `H`): docutils lowers case before, so they separate.
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            id.push(c);
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_start_matches(|c: char| c == '-' || c.is_ascii_digit());
    id.trim_end_matches('-').to_owned()
}

/// Lower-case letters that do not decompose to an ASCII letter and a mark,
/// written as docutils writes them in ids.
fn ascii_spelling(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "sz",
        'æ' => "ae",
        'œ' => "oe",
        '\u{238}' => "db",
        '\u{239}' => "qp",
        'ø' => "o",
        'đ' | '\u{18c}' => "d",
        'ħ' => "h",
        'ı' => "i",
        'ł' | '\u{19a}' | '\u{234}' => "l",
        'ŧ' | '\u{1ab}' | '\u{1ad}' | '\u{236}' => "t",
        '\u{180}' | '\u{183}' => "b",
        '\u{188}' | '\u{23c}' => "c",
        'ƒ' => "f",
        '\u{199}' => "k",
        '\u{19e}' | '\u{235}' => "n",
        '\u{1a5}' => "p",
        '\u{1b4}' | '\u{24f}' => "y",
        '\u{1b6}' | '\u{225}' | '\u{240}' => "z",
        '\u{1e5}' => "g",
        '\u{237}' | '\u{249}' => "j",
        '\u{23f}' => "s",
        '\u{247}' => "e",
        '\u{24b}' => "q",
        '\u{24d}' => "r",
        _ => return None,
    })
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

    #[test]
    fn makes_ids_of_accented_and_other_letters_as_docutils_does() {
        assert_eq!(make_id("Création_Paramètres"), "creation-parametres");
        assert_eq!(make_id("Größe Ærø Œuvre"), "grosze-aero-oeuvre");
        assert_eq!(make_id("Łódź_ﬁle ①"), "lodz-file-1");
        // Letters without an ASCII spelling are left out, not separators.
        assert_eq!(make_id("参数_table中1"), "table1");
        assert_eq!(make_id("中文"), "");
        assert_eq!(make_id("a\u{210c}b"), "a-b");
    }

    #[test]
    fn reduces_hostile_text_in_linear_time() {
        // Each start-string here never closes: scanning for its end afresh
        // at each would take about n²/2 steps (hours for this length).
        const N: usize = 200_000;
        for unit in ["`a ", "*a ", "**a ", "``a ", ":ref:`a "] {
            let source = unit.repeat(N);
            assert_eq!(text(&source), source, "{unit:?} repeated");
        }
        // One end-string at the very end closes the first start-string.
        let source = "`a ".repeat(N) + "b`";
        assert_eq!(text(&source), source[1..source.len() - 1]);
        // A run of one markup character is markup of the outer two of each side.
        for c in ["`", "*"] {
            assert_eq!(text(&c.repeat(N)), c.repeat(N - 4), "{c:?} repeated");
        }
    }
}
