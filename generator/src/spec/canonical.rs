//! One quick reading of a spec file in the layout the importer writes:
//! the values and the position of every node, from a single pass.
//!
//! Spec files are block YAML as serde_yaml writes it: block mappings and
//! sequences, one-line plain, single- and double-quoted scalars, `|` and
//! `|-` literal blocks and `[]`. This reader knows that layout and nothing
//! else: on anything outside it (flow collections, anchors, tags, folded or
//! multi-line scalars, comments after a value, odd characters, a value that
//! does not fit the spec types...) it gives up, and the loader reads the
//! file the general way (serde_yaml for the values, yaml-rust2 for the
//! positions), which also words every error. So where this reader succeeds
//! it must give what serde_yaml gives; the tests compare both on every spec
//! at hand and on random and mutated files.

mod de;

use super::Spec;
use std::ops::Range;

/// Reads `text` if it is in the importer's layout; `None` when the
/// general loader has to (the reason does not matter: it reports it).
pub(super) fn read(text: &str) -> Option<(Spec, Positions)> {
    let document = Reader::new(text).document().ok()?;
    let spec = de::spec(&document)?;
    Some((
        spec,
        Positions {
            text: text.into(),
            nodes: document.nodes.into_boxed_slice(),
        },
    ))
}

/// The nodes of a document in order (each node before its children), with
/// the text their keys and values are ranges of.
struct Document<'t> {
    text: &'t str,
    nodes: Vec<Node>,
    /// Values that are not a slice of the text (escapes, literal blocks).
    owned: Vec<String>,
}

#[derive(Debug, Clone, Copy)]
struct Node {
    /// Where the source map puts the node, 1-based; line 0 for none.
    line: u32,
    column: u32,
    /// The index after this node and its children.
    end: u32,
    /// For a mapping's value: its key, a byte range of the text.
    key: (u32, u32),
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Mapping,
    Sequence,
    /// A plain scalar, a byte range of the text.
    Plain(u32, u32),
    /// A quoted scalar without escapes, a byte range of the text.
    Quoted(u32, u32),
    /// A quoted or literal scalar, by index in [`Document::owned`].
    Owned(u32),
}

impl Document<'_> {
    fn slice(&self, (start, end): (u32, u32)) -> &str {
        &self.text[start as usize..end as usize]
    }
}

/// The positions of a document's nodes, kept for messages.
#[derive(Debug, Clone)]
pub(super) struct Positions {
    text: Box<str>,
    nodes: Box<[Node]>,
}

impl Positions {
    /// As [`super::SourceMap::position`]: the node at `pointer`, or its
    /// nearest ancestor that has a position, or (1, 1).
    pub(super) fn position(&self, pointer: &str) -> (usize, usize) {
        let mut best = (1, 1);
        if !pointer.is_empty() && !pointer.starts_with('/') {
            return best;
        }
        let mut at = 0;
        let mut segments = pointer.split('/').skip(1);
        loop {
            let node = &self.nodes[at];
            if node.line > 0 {
                best = (node.line as usize, node.column as usize);
            }
            let Some(segment) = segments.next() else {
                return best;
            };
            match self.child(at, segment) {
                Some(child) => at = child,
                None => return best,
            }
        }
    }

    /// The child of node `at` that `segment` names: a key of a mapping, an
    /// index (written as numbers are) of a sequence.
    fn child(&self, at: usize, segment: &str) -> Option<usize> {
        let node = &self.nodes[at];
        let index = match node.kind {
            Kind::Sequence => {
                let index: usize = segment.parse().ok()?;
                (index.to_string() == segment).then_some(index)?
            }
            Kind::Mapping => usize::MAX,
            _ => return None,
        };
        let mut child = at + 1;
        let mut count = 0;
        while child < node.end as usize {
            let found = match node.kind {
                Kind::Sequence => count == index,
                _ => {
                    let (start, end) = self.nodes[child].key;
                    &self.text[start as usize..end as usize] == segment
                }
            };
            if found {
                return Some(child);
            }
            count += 1;
            child = self.nodes[child].end as usize;
        }
        None
    }

    /// Every node's pointer and position, for comparing with the general source map.
    #[cfg(test)]
    pub(super) fn all(&self) -> std::collections::HashMap<String, (usize, usize)> {
        fn walk(
            positions: &Positions,
            at: usize,
            pointer: &str,
            out: &mut std::collections::HashMap<String, (usize, usize)>,
        ) {
            let node = &positions.nodes[at];
            if node.line > 0 {
                out.insert(
                    pointer.to_owned(),
                    (node.line as usize, node.column as usize),
                );
            }
            let mut child = at + 1;
            let mut index = 0;
            while child < node.end as usize {
                let segment = match node.kind {
                    Kind::Sequence => index.to_string(),
                    _ => {
                        let (start, end) = positions.nodes[child].key;
                        positions.text[start as usize..end as usize].to_owned()
                    }
                };
                walk(positions, child, &format!("{pointer}/{segment}"), out);
                index += 1;
                child = positions.nodes[child].end as usize;
            }
        }
        let mut out = std::collections::HashMap::new();
        walk(self, 0, "", &mut out);
        out
    }
}

/// The text is not in the importer's layout (or not valid YAML).
#[derive(Debug)]
struct Unread;

type Read<T> = Result<T, Unread>;

/// One line of the text.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    /// Where the line's content ends (before `\n`).
    end: usize,
    /// Leading spaces.
    indent: usize,
}

struct Reader<'t> {
    text: &'t str,
    bytes: &'t [u8],
    /// The start of the next line not read yet.
    at: usize,
    /// Its number, from 1.
    line: u32,
    nodes: Vec<Node>,
    owned: Vec<String>,
}

impl<'t> Reader<'t> {
    fn new(text: &'t str) -> Self {
        Reader {
            text,
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
            nodes: Vec::with_capacity(text.len() / 16),
            owned: Vec::new(),
        }
    }

    fn document(mut self) -> Read<Document<'t>> {
        if !plain_characters(self.text) {
            return Err(Unread);
        }
        self.skip_blank_lines()?;
        match self.peek() {
            Some(line) if line.indent == 0 && self.key_at(line, 0).is_some() => self.mapping(0)?,
            _ => return Err(Unread),
        }
        self.skip_blank_lines()?;
        if self.peek().is_some() {
            return Err(Unread);
        }
        Ok(Document {
            text: self.text,
            nodes: self.nodes,
            owned: self.owned,
        })
    }

    /// The next line, if any.
    fn peek(&self) -> Option<Line> {
        if self.at >= self.bytes.len() {
            return None;
        }
        let rest = &self.bytes[self.at..];
        let length = memchr(b'\n', rest).unwrap_or(rest.len());
        let indent = rest[..length].iter().take_while(|&&b| b == b' ').count();
        Some(Line {
            start: self.at,
            end: self.at + length,
            indent,
        })
    }

    fn advance(&mut self, line: Line) {
        self.at = line.end + 1;
        self.line += 1;
    }

    /// Skips empty lines and comment lines; a line of blanks with a tab is left to the general reader.
    fn skip_blank_lines(&mut self) -> Read<()> {
        while let Some(line) = self.peek() {
            match self.bytes.get(line.start + line.indent) {
                None | Some(b'\n') | Some(b'#') => self.advance(line),
                Some(b'\t') => return Err(Unread),
                Some(_) => break,
            }
        }
        Ok(())
    }

    /// After a value at indent `parent`: the next line must not be more
    /// indented (it would continue the value, or be a mistake).
    fn next_entry(&mut self, parent: usize) -> Read<Option<Line>> {
        self.skip_blank_lines()?;
        match self.peek() {
            Some(line) if line.indent > parent => Err(Unread),
            line => Ok(line),
        }
    }

    /// The key of a `key:` entry starting at `column` of `line`: its byte
    /// range, and where the value after `: ` starts (the line's end if none).
    fn key_at(&self, line: Line, column: usize) -> Option<(Range<usize>, usize)> {
        let start = line.start + column;
        let content = &self.bytes[start..line.end];
        let length = content
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
            .count();
        if length == 0 || content.get(length) != Some(&b':') {
            return None;
        }
        let after = &content[length + 1..];
        if !after.is_empty() && after[0] != b' ' {
            return None;
        }
        let spaces = after.iter().take_while(|&&b| b == b' ').count();
        Some((start..start + length, start + length + 1 + spaces))
    }

    fn push(&mut self, line: u32, column: usize, kind: Kind) -> usize {
        self.nodes.push(Node {
            line,
            column: column as u32 + 1,
            end: self.nodes.len() as u32 + 1,
            key: (0, 0),
            kind,
        });
        self.nodes.len() - 1
    }

    fn close(&mut self, node: usize) {
        self.nodes[node].end = self.nodes.len() as u32;
    }

    /// A block mapping whose keys stand at `indent`; the first key is on the
    /// next line (after a sequence's `- ` when that line is an entry).
    fn mapping(&mut self, indent: usize) -> Read<()> {
        let node = self.push(self.line, indent, Kind::Mapping);
        loop {
            let line = self.peek().ok_or(Unread)?;
            let (key, value) = self.key_at(line, indent).ok_or(Unread)?;
            let child = self.nodes.len();
            if value < line.end {
                self.inline_value(line, value, indent)?;
            } else {
                self.advance(line);
                self.skip_blank_lines()?;
                match self.peek() {
                    Some(next) if next.indent > indent => self.block(next)?,
                    Some(next) if next.indent == indent && self.is_entry(next) => {
                        self.sequence(indent, true)?
                    }
                    // A key without a value is left to the general reader.
                    _ => return Err(Unread),
                }
            }
            self.nodes[child].key = (key.start as u32, key.end as u32);
            match self.next_entry(indent)? {
                Some(next) if next.indent == indent && !self.is_entry(next) => {}
                _ => break,
            }
        }
        self.close(node);
        Ok(())
    }

    /// Whether `line` is a sequence entry (`- ...`).
    fn is_entry(&self, line: Line) -> bool {
        let content = &self.bytes[line.start + line.indent..line.end];
        content.first() == Some(&b'-') && matches!(content.get(1), None | Some(b' '))
    }

    /// The block node that starts on `line`, more indented than its key.
    fn block(&mut self, line: Line) -> Read<()> {
        if self.is_entry(line) {
            self.sequence(line.indent, false)
        } else if self.key_at(line, line.indent).is_some() {
            self.mapping(line.indent)
        } else {
            Err(Unread)
        }
    }

    /// A block sequence whose `-` stand at `indent`; `indentless` when
    /// that is the indent of the key whose value it is.
    fn sequence(&mut self, indent: usize, indentless: bool) -> Read<()> {
        let node = self.push(self.line, indent, Kind::Sequence);
        loop {
            let line = self.peek().ok_or(Unread)?;
            let after_dash = line.start + indent + 1;
            let spaces = self.bytes[after_dash..line.end]
                .iter()
                .take_while(|&&b| b == b' ')
                .count();
            if spaces == 0 {
                // `-` alone: the item is on the next lines, or null.
                return Err(Unread);
            }
            let column = indent + 1 + spaces;
            if indentless && self.nodes.len() == node + 1 {
                // yaml-rust2 marks such a sequence where its first item starts.
                self.nodes[node].column = column as u32 + 1;
            }
            if self.key_at(line, column).is_some() {
                self.mapping(column)?;
            } else {
                self.inline_value(line, line.start + column, indent)?;
            }
            match self.next_entry(indent)? {
                Some(next) if next.indent == indent && self.is_entry(next) => {}
                _ => break,
            }
        }
        self.close(node);
        Ok(())
    }

    /// The value that starts at byte `at` of `line` (after `key: ` or `- `),
    /// for a node whose key or dash stands at `parent`. Reads the line and,
    /// for a literal block, the lines of the block.
    fn inline_value(&mut self, line: Line, at: usize, parent: usize) -> Read<()> {
        let column = at - line.start;
        let rest = &self.text[at..line.end];
        let Some(&first) = rest.as_bytes().first() else {
            return Err(Unread);
        };
        match first {
            b'\'' => {
                let kind = self.single_quoted(at + 1, line.end)?;
                self.push(self.line, column, kind);
                self.advance(line);
            }
            b'"' => {
                let kind = self.double_quoted(at + 1, line.end)?;
                self.push(self.line, column, kind);
                self.advance(line);
            }
            b'|' => {
                let strip = match rest.trim_end_matches(' ') {
                    "|" => false,
                    "|-" => true,
                    _ => return Err(Unread),
                };
                self.advance(line);
                // yaml-rust2 marks a literal block where its text starts.
                let (line, column) = match self.peek() {
                    Some(first) => (self.line, first.indent),
                    None => (self.line, 0),
                };
                let node = self.push(line, column, Kind::Owned(0));
                let value = self.literal(parent, strip)?;
                self.nodes[node].kind = self.own(value);
            }
            b'[' if rest.trim_end_matches(' ') == "[]" => {
                let node = self.push(self.line, column, Kind::Sequence);
                self.close(node);
                self.advance(line);
            }
            _ => {
                let value = plain(rest).ok_or(Unread)?;
                self.push(
                    self.line,
                    column,
                    Kind::Plain(at as u32, (at + value.len()) as u32),
                );
                self.advance(line);
            }
        }
        Ok(())
    }

    fn own(&mut self, value: String) -> Kind {
        self.owned.push(value);
        Kind::Owned(self.owned.len() as u32 - 1)
    }

    /// A single-quoted scalar from byte `start` (after the quote) that ends on its line.
    fn single_quoted(&mut self, start: usize, end: usize) -> Read<Kind> {
        let content = &self.text[start..end];
        let mut value: Option<String> = None;
        let mut from = 0;
        loop {
            let quote = from + content[from..].find('\'').ok_or(Unread)?;
            if content.as_bytes().get(quote + 1) == Some(&b'\'') {
                value
                    .get_or_insert_with(String::new)
                    .push_str(&content[from..=quote]);
                from = quote + 2;
                continue;
            }
            if !only_spaces(&content[quote + 1..]) {
                return Err(Unread);
            }
            return Ok(match value {
                None => Kind::Quoted(start as u32, (start + quote) as u32),
                Some(mut value) => {
                    value.push_str(&content[from..quote]);
                    self.own(value)
                }
            });
        }
    }

    /// A double-quoted scalar from byte `start` (after the quote) that ends on its line.
    fn double_quoted(&mut self, start: usize, end: usize) -> Read<Kind> {
        let content = &self.text[start..end];
        let special = content.find(['"', '\\']).ok_or(Unread)?;
        if content.as_bytes()[special] == b'"' {
            if !only_spaces(&content[special + 1..]) {
                return Err(Unread);
            }
            return Ok(Kind::Quoted(start as u32, (start + special) as u32));
        }
        let mut value = String::with_capacity(content.len());
        let mut chars = content.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    if !only_spaces(&content[i + 1..]) {
                        return Err(Unread);
                    }
                    return Ok(self.own(value));
                }
                '\\' => {
                    let (_, escape) = chars.next().ok_or(Unread)?;
                    let c = match escape {
                        '0' => '\0',
                        'a' => '\x07',
                        'b' => '\x08',
                        't' | '\t' => '\t',
                        'n' => '\n',
                        'v' => '\x0b',
                        'f' => '\x0c',
                        'r' => '\r',
                        'e' => '\x1b',
                        ' ' => ' ',
                        '"' => '"',
                        '/' => '/',
                        '\\' => '\\',
                        'N' => '\u{85}',
                        '_' => '\u{a0}',
                        'L' => '\u{2028}',
                        'P' => '\u{2029}',
                        'x' | 'u' | 'U' => {
                            let digits = match escape {
                                'x' => 2,
                                'u' => 4,
                                _ => 8,
                            };
                            let mut code = 0u32;
                            for _ in 0..digits {
                                let (_, digit) = chars.next().ok_or(Unread)?;
                                code = code * 16 + digit.to_digit(16).ok_or(Unread)?;
                            }
                            char::from_u32(code).ok_or(Unread)?
                        }
                        _ => return Err(Unread),
                    };
                    value.push(c);
                }
                c => value.push(c),
            }
        }
        Err(Unread)
    }

    /// The lines of a literal block whose header was read, for a node at
    /// indent `parent`; `strip` drops the final line break (`|-`), else one
    /// is kept (`|`).
    fn literal(&mut self, parent: usize, strip: bool) -> Read<String> {
        let first = self.peek().ok_or(Unread)?;
        let indent = first.indent;
        if indent <= parent || first.start + indent == first.end {
            // An empty block, or one that starts with an empty line.
            return Err(Unread);
        }
        let mut value = String::new();
        let mut empty_lines = 0;
        let mut last_end = first.end;
        while let Some(line) = self.peek() {
            let after_spaces = self.bytes.get(line.start + line.indent);
            if after_spaces == Some(&b'\t') && (line.start == first.start || line.indent < indent) {
                // libyaml takes a tab there for indentation, which YAML forbids.
                return Err(Unread);
            }
            if line.start + line.indent == line.end {
                if line.indent > indent {
                    // A line of spaces only, beyond the indentation.
                    return Err(Unread);
                }
                empty_lines += 1;
            } else if line.indent >= indent {
                if !value.is_empty() || empty_lines > 0 {
                    value.push('\n');
                }
                for _ in 0..empty_lines {
                    value.push('\n');
                }
                empty_lines = 0;
                value.push_str(&self.text[line.start + indent..line.end]);
                last_end = line.end;
            } else {
                break;
            }
            self.advance(line);
        }
        // `|` keeps the last line's break, if the file has one.
        if !strip && last_end < self.bytes.len() {
            value.push('\n');
        }
        Ok(value)
    }
}

/// The value of a one-line plain scalar `rest` (the line from the value's
/// start): `rest` without trailing spaces, if it reads as that and nothing else.
fn plain(rest: &str) -> Option<&str> {
    let value = rest.trim_end_matches(' ');
    let bytes = value.as_bytes();
    let first = *bytes.first()?;
    let starts_plain = match first {
        b'-' => bytes.get(1).is_some_and(|&b| b != b' '),
        b'?' | b':' | b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!' | b'|'
        | b'>' | b'\'' | b'"' | b'%' | b'@' | b'`' | b' ' => false,
        _ => true,
    };
    let ends_plain = value.ends_with(':')
        || value.contains(": ")
        || value.contains(" #")
        || value.contains('\t');
    (starts_plain && !ends_plain).then_some(value)
}

fn only_spaces(text: &str) -> bool {
    text.bytes().all(|b| b == b' ')
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

/// Whether every character of `text` is one YAML reads as itself: no
/// carriage return, byte order mark, control character, or line break
/// other than `\n` (libyaml also breaks lines at NEL, LS and PS).
fn plain_characters(text: &str) -> bool {
    let ascii = text
        .bytes()
        .all(|b| b >= 0x20 && b != 0x7f || b == b'\n' || b == b'\t' || b >= 0x80);
    ascii
        && (text.is_ascii()
            || text.chars().all(|c| {
                c.is_ascii()
                    || matches!(c, '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
                        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
            }))
}

#[cfg(test)]
mod tests;
