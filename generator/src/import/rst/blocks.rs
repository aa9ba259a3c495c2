//! The block structure of a reStructuredText document: section titles,
//! paragraphs, lists, block quotes, explicit markup (targets, directives,
//! comments) and tables, as a tree of [`Node`]s with their source lines.
//!
//! Every block is read from a run of lines relative to its indentation, so
//! that a table cell, a list item and a directive's content are read by the
//! same code as the page itself.

use super::super::Reporter;
use super::tables;

/// A source line: its 1-based number and its text (tabs expanded).
#[derive(Debug, Clone)]
pub struct Line {
    pub number: usize,
    pub text: String,
}

impl Line {
    fn indent(&self) -> usize {
        self.text.len() - self.text.trim_start_matches(' ').len()
    }

    fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The line without its first `n` columns (fewer where it has fewer spaces).
    fn dedented(&self, n: usize) -> Line {
        let cut = self.indent().min(n);
        Line {
            number: self.number,
            text: self.text[cut..].to_owned(),
        }
    }
}

/// A block of the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A section title; `text` still holds its inline markup.
    Title {
        line: usize,
        text: String,
    },
    /// A paragraph's lines joined with `\n`, inline markup kept.
    Paragraph {
        line: usize,
        text: String,
    },
    /// A bullet or enumerated list.
    List(Vec<Item>),
    /// Indented text: a block quote or a definition.
    Quote(Vec<Node>),
    /// A literal block or `code-block` directive, verbatim.
    Code {
        line: usize,
        text: String,
    },
    /// A note, warning or other admonition: its title (`Note`) and content.
    Admonition {
        line: usize,
        title: String,
        content: Vec<Node>,
    },
    Table(Table),
    /// `.. _label:`: the next block's label.
    Target(String),
    /// A `toctree` directive's entries, as written, with their lines, and
    /// whether its entries may be glob patterns (`:glob:`).
    Toctree {
        glob: bool,
        entries: Vec<(usize, String)>,
    },
}

/// A list item and the line of its bullet.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub line: usize,
    pub content: Vec<Node>,
}

/// A table: header rows, then body rows, each cell's blocks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub line: usize,
    /// The caption as written (inline markup kept).
    pub caption: Option<String>,
    /// Labels given by a `:name:` option.
    pub names: Vec<String>,
    pub header: Vec<Row>,
    pub body: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<Vec<Node>>,
}

/// Deeper nesting than any real page has (tables in lists in tables): below
/// it, content is read as plain paragraphs, so hostile input cannot
/// overflow the stack.
const MAX_DEPTH: usize = 24;

/// Splits a document's text into lines, tabs expanded to 8 columns.
pub fn lines(source: &str) -> Vec<Line> {
    source
        .lines()
        .enumerate()
        .map(|(i, text)| Line {
            number: i + 1,
            text: expand_tabs(text.trim_end()),
        })
        .collect()
}

fn expand_tabs(text: &str) -> String {
    if !text.contains('\t') {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        if c == '\t' {
            let width = out.chars().count();
            out.extend(std::iter::repeat_n(' ', 8 - width % 8));
        } else {
            out.push(c);
        }
    }
    out
}

/// Reads the blocks of `lines` (a document or one container's content).
pub fn parse(lines: &[Line], depth: usize, report: &mut Reporter) -> Vec<Node> {
    let mut reader = BlockReader {
        lines,
        depth,
        nodes: Vec::new(),
        report,
    };
    let mut i = 0;
    while i < lines.len() {
        if lines[i].is_blank() {
            i += 1;
            continue;
        }
        if depth > MAX_DEPTH {
            reader.report.warn(
                lines[i].number,
                format!("blocks nested deeper than {MAX_DEPTH} levels were read as plain text"),
            );
            let text: Vec<&str> = lines[i..].iter().map(|l| l.text.trim()).collect();
            reader.nodes.push(Node::Paragraph {
                line: lines[i].number,
                text: text.join("\n"),
            });
            break;
        }
        i = reader.block(i);
    }
    reader.nodes
}

/// The blocks read so far from one run of lines (a document, or one
/// container's content at `depth`), and where problems go.
struct BlockReader<'l, 'r, 'p> {
    lines: &'l [Line],
    depth: usize,
    nodes: Vec<Node>,
    report: &'r mut Reporter<'p>,
}

impl BlockReader<'_, '_, '_> {
    /// Reads `content` (a container's lines, dedented) one level deeper.
    fn nested(&mut self, content: &[Line]) -> Vec<Node> {
        parse(content, self.depth + 1, self.report)
    }

    /// Reads the block starting at `lines[i]` (not blank) into `nodes`; returns
    /// the index after it.
    fn block(&mut self, i: usize) -> usize {
        let lines = self.lines;
        let line = &lines[i];
        let indent = line.indent();
        if indent > 0 {
            let end = indented_end(lines, i, indent);
            let block: Vec<Line> = lines[i..end].iter().map(|l| l.dedented(indent)).collect();
            let quote = self.nested(&block);
            self.nodes.push(Node::Quote(quote));
            return end;
        }
        let text = line.text.as_str();
        if text == ".." || text.starts_with(".. ") {
            return self.explicit(i);
        }
        if tables::is_grid_border(text) {
            let end = lines[i..]
                .iter()
                .position(|l| !(l.text.starts_with('+') || l.text.starts_with('|')))
                .map_or(lines.len(), |p| i + p);
            if let Some(table) = tables::grid(&lines[i..end], self.depth, self.report) {
                self.nodes.push(Node::Table(table));
            }
            return end;
        }
        if let Some(end) = title_end(lines, i) {
            let text_line = if end - i == 3 { &lines[i + 1] } else { line };
            self.nodes.push(Node::Title {
                line: text_line.number,
                text: text_line.text.trim().to_owned(),
            });
            return end;
        }
        // Before simple tables: a transition of `=` looks like a simple table's
        // border, and read as one it would take the rest of the page with it.
        if is_transition(lines, i) {
            return i + 1;
        }
        if tables::is_simple_border(text) {
            let end = tables::simple_end(lines, i);
            if let Some(table) = tables::simple(&lines[i..end], self.depth, self.report) {
                self.nodes.push(Node::Table(table));
            }
            return end;
        }
        if let Some(width) = bullet_width(text).or_else(|| enumerator_width(text)) {
            return self.list(i, width);
        }
        if let Some(name_end) = field_marker_end(text) {
            // A field list: the name as a paragraph, the body as indented text.
            let end = item_end(lines, i, 1);
            self.nodes.push(Node::Paragraph {
                line: line.number,
                text: format!("{}:", text[1..name_end - 1].trim()),
            });
            let mut body = vec![Line {
                number: line.number,
                text: text[name_end..].trim().to_owned(),
            }];
            body.extend(lines[i + 1..end].iter().map(|l| l.dedented(l.indent())));
            let content = self.nested(&body);
            self.nodes.extend(content);
            return end;
        }
        self.paragraph(i)
    }

    /// A bullet or enumerated list whose first marker, `width` wide, is at `lines[i]`.
    fn list(&mut self, mut i: usize, width: usize) -> usize {
        let lines = self.lines;
        let bullet = lines[i].text.chars().next();
        let is_bullet = bullet_width(&lines[i].text).is_some();
        let mut items = Vec::new();
        let mut width = width;
        loop {
            let first = &lines[i];
            // Content starts after the marker; where the marker line has no text,
            // the next line's indentation says where.
            let rest = first.text.get(width.min(first.text.len())..).unwrap_or("");
            let content_indent = if rest.trim().is_empty() {
                lines
                    .get(i + 1..)
                    .and_then(|next| next.iter().find(|l| !l.is_blank()))
                    .map_or(width, |l| l.indent().max(1))
            } else {
                width
            };
            let end = item_end(lines, i, content_indent.min(width));
            let mut content = vec![Line {
                number: first.number,
                text: rest.trim_start().to_owned(),
            }];
            content.extend(lines[i + 1..end].iter().map(|l| l.dedented(content_indent)));
            items.push(Item {
                line: first.number,
                content: self.nested(&content),
            });
            i = end;
            let next = lines[i..].iter().position(|l| !l.is_blank()).map(|p| i + p);
            let Some(next) = next else { break };
            let text = &lines[next].text;
            let same_kind = if is_bullet {
                text.chars().next() == bullet && bullet_width(text).is_some()
            } else {
                enumerator_width(text).is_some()
            };
            match (
                same_kind,
                bullet_width(text).or_else(|| enumerator_width(text)),
            ) {
                (true, Some(next_width)) if lines[next].indent() == 0 => {
                    width = next_width;
                    i = next;
                }
                _ => break,
            }
        }
        self.nodes.push(Node::List(items));
        i
    }

    /// A paragraph: lines up to a blank line. Lines indented below it without a
    /// blank line are a definition; `::` at its end starts a literal block.
    fn paragraph(&mut self, i: usize) -> usize {
        let lines = self.lines;
        let mut end = i + 1;
        while end < lines.len() && !lines[end].is_blank() && lines[end].indent() == 0 {
            if title_end(lines, end).is_some() && end > i + 1 {
                break;
            }
            end += 1;
        }
        let mut text: Vec<&str> = lines[i..end].iter().map(|l| l.text.as_str()).collect();
        let literal_follows = text.last().is_some_and(|t| t.ends_with("::"));
        let last = text.len() - 1;
        let stripped;
        if literal_follows {
            let t = text[last];
            stripped = match t.strip_suffix(" ::") {
                _ if t == "::" => String::new(),
                Some(before) => before.trim_end().to_owned(),
                None => t[..t.len() - 1].to_owned(),
            };
            text[last] = &stripped;
        }
        let joined = text.join("\n");
        if !joined.trim().is_empty() {
            self.nodes.push(Node::Paragraph {
                line: lines[i].number,
                text: joined,
            });
        }
        // Text indented right below the paragraph, or after `::`.
        let next = lines[end..]
            .iter()
            .position(|l| !l.is_blank())
            .map(|p| end + p);
        match next {
            Some(next) if lines[next].indent() > 0 && (literal_follows || next == end) => {
                let indent = lines[next].indent();
                let block_end = indented_end(lines, next, indent);
                let block: Vec<Line> = lines[next..block_end]
                    .iter()
                    .map(|l| l.dedented(indent))
                    .collect();
                let node = if literal_follows {
                    Node::Code {
                        line: lines[next].number,
                        text: code_text(&block),
                    }
                } else {
                    Node::Quote(self.nested(&block))
                };
                self.nodes.push(node);
                block_end
            }
            _ => end,
        }
    }

    /// Explicit markup: `.. _label:`, `.. name:: argument`, or a comment.
    fn explicit(&mut self, i: usize) -> usize {
        let lines = self.lines;
        let end = indented_end(lines, i, 1);
        let marker = lines[i].text.get(3..).unwrap_or("").trim();
        if let Some(label) = marker.strip_prefix('_') {
            // `.. _label:` names the next block; `.. _name: url` is an external target.
            if let Some(label) = label.strip_suffix(':') {
                let label = label.trim_matches('`');
                self.nodes.push(Node::Target(label.to_owned()));
            }
            return end;
        }
        let Some((name, argument)) = marker.split_once("::") else {
            return end; // a comment
        };
        let name = name.trim();
        if name.is_empty() || name.contains(' ') || name.starts_with('|') {
            return end; // a comment, or a substitution definition
        }
        let takes_argument = super::directives::takes_argument(name);
        let directive = Directive::split(
            lines[i].number,
            argument.trim(),
            &lines[i + 1..end],
            takes_argument,
        );
        super::directives::read(name, &directive, self.depth, &mut self.nodes, self.report);
        end
    }
}

/// The end of the block of lines indented at least `indent` from `i`, trailing blanks left out.
fn indented_end(lines: &[Line], i: usize, indent: usize) -> usize {
    let mut end = i + 1;
    let mut last = i + 1;
    while end < lines.len() && (lines[end].is_blank() || lines[end].indent() >= indent) {
        end += 1;
        if !lines[end - 1].is_blank() {
            last = end;
        }
    }
    last
}

/// The end of an item whose first line is `lines[i]`: the following lines
/// that are blank or indented at least `indent`.
fn item_end(lines: &[Line], i: usize, indent: usize) -> usize {
    indented_end(lines, i, indent)
}

/// A line of one repeated punctuation character (`=====`, `-----`).
fn is_adornment(text: &str) -> bool {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_ascii_punctuation()
        && text.len() >= 2
        && chars.all(|c| c == first)
        && !text.starts_with("..")
}

/// Where a section title starting at `i` ends: `Title` over an underline at
/// least as long, or an overline, the title and the same underline.
fn title_end(lines: &[Line], i: usize) -> Option<usize> {
    let text = lines[i].text.as_str();
    let width = |t: &str| t.trim().chars().count();
    if is_adornment(text) {
        let title = lines.get(i + 1)?;
        let under = lines.get(i + 2)?;
        let fits = !title.is_blank() && under.text == text && width(&title.text) <= width(text);
        return fits.then_some(i + 3);
    }
    let under = lines.get(i + 1)?;
    let is_title = !text.trim().is_empty()
        && under.indent() == 0
        && is_adornment(&under.text)
        && (width(&under.text) >= width(text) || width(&under.text) >= 4);
    is_title.then_some(i + 2)
}

/// A line of four or more punctuation characters alone between blank lines.
fn is_transition(lines: &[Line], i: usize) -> bool {
    let blank_around = |k: Option<usize>| k.and_then(|k| lines.get(k)).is_none_or(Line::is_blank);
    is_adornment(&lines[i].text)
        && lines[i].text.len() >= 4
        && blank_around(i.checked_sub(1))
        && blank_around(Some(i + 1))
}

/// The width of a bullet and the spaces after it (`-  text` → 3).
fn bullet_width(text: &str) -> Option<usize> {
    let mut chars = text.chars();
    let bullet = chars.next()?;
    if !matches!(bullet, '-' | '*' | '+' | '\u{2022}') {
        return None;
    }
    let rest = &text[bullet.len_utf8()..];
    if rest.is_empty() {
        return Some(bullet.len_utf8() + 1);
    }
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    (spaces > 0).then_some(bullet.len_utf8() + spaces)
}

/// The width of an enumerator (`#.`, `1.`, `a)`, `(2)`) and the spaces after it.
fn enumerator_width(text: &str) -> Option<usize> {
    let (body, rest) = if let Some(rest) = text.strip_prefix('(') {
        let close = rest.find(')')?;
        (&rest[..close], &rest[close + 1..])
    } else {
        let close = text.find(['.', ')'])?;
        (&text[..close], &text[close + 1..])
    };
    let is_enumerator = body == "#"
        || (!body.is_empty() && body.len() <= 3 && body.chars().all(|c| c.is_ascii_digit()))
        || (body.len() == 1 && body.chars().all(|c| c.is_ascii_alphabetic()));
    if !is_enumerator {
        return None;
    }
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    if rest.is_empty() {
        return Some(text.len() + 1);
    }
    (spaces > 0).then_some(text.len() - rest.len() + spaces)
}

/// `:name: body` → the index just past the second colon. A role (`:ref:`x``)
/// is no field marker: its second colon is followed by text, not a space.
pub(super) fn field_marker_end(text: &str) -> Option<usize> {
    let rest = text.strip_prefix(':')?;
    let close = rest
        .find(": ")
        .or_else(|| rest.strip_suffix(':').map(|r| r.len()))?;
    (close > 0 && !rest[..close].contains('`')).then_some(close + 2)
}

/// Verbatim text of a literal block: blank lines at either end left out.
fn code_text(block: &[Line]) -> String {
    let first = block.iter().position(|l| !l.is_blank()).unwrap_or(0);
    let last = block
        .iter()
        .rposition(|l| !l.is_blank())
        .map_or(0, |p| p + 1);
    let text: Vec<&str> = block[first..last.max(first)]
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    text.join("\n")
}

/// A directive's parts: its argument, its options and its content.
#[derive(Debug)]
pub struct Directive {
    pub line: usize,
    pub argument: String,
    pub options: Vec<(String, String)>,
    pub content: Vec<Line>,
}

impl Directive {
    /// Splits a directive's block. Where the directive `takes_argument`,
    /// the lines up to an option or a blank line are its argument; where it
    /// takes none (a note), they are already its content, as docutils reads
    /// them, so that a list or code right under `.. note::` keeps its shape.
    fn split(line: usize, first: &str, block: &[Line], takes_argument: bool) -> Directive {
        let indent = block
            .iter()
            .filter(|l| !l.is_blank())
            .map(Line::indent)
            .min()
            .unwrap_or(0);
        let block: Vec<Line> = block.iter().map(|l| l.dedented(indent)).collect();
        if !takes_argument && !first.is_empty() {
            let mut content = vec![Line {
                number: line,
                text: first.to_owned(),
            }];
            content.extend(block);
            return Directive {
                line,
                argument: String::new(),
                options: Vec::new(),
                content,
            };
        }
        let mut argument = first.to_owned();
        let mut k = 0;
        // Argument lines go on up to an option or a blank line. A line that
        // starts with a role (`:ref:`...``) is text, not an option.
        while takes_argument
            && k < block.len()
            && !block[k].is_blank()
            && field_marker_end(block[k].text.trim()).is_none()
        {
            argument.push(' ');
            argument.push_str(block[k].text.trim());
            k += 1;
        }
        let mut options: Vec<(String, String)> = Vec::new();
        while k < block.len() && !block[k].is_blank() {
            let text = block[k].text.trim();
            match (field_marker_end(text), options.last_mut()) {
                (Some(end), _) => options.push((
                    text[1..end - 1].trim().to_owned(),
                    text[end..].trim().to_owned(),
                )),
                // A line indented under an option continues its value.
                (None, Some((_, value))) if block[k].indent() > 0 => {
                    value.push(' ');
                    value.push_str(text);
                }
                // Anything else starts the content: never drop text.
                (None, _) => break,
            }
            k += 1;
        }
        Directive {
            line,
            argument: argument.trim().to_owned(),
            options,
            content: block[k..].to_vec(),
        }
    }

    pub fn option(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The content as verbatim text, blank lines at either end left out.
    pub fn verbatim(&self) -> String {
        code_text(&self.content)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn parse_str(source: &str) -> Vec<Node> {
        let mut reporter = Reporter::new(Path::new("page.rst"));
        parse(&lines(source), 0, &mut reporter)
    }

    #[test]
    fn reads_titles_paragraphs_and_lists() {
        let nodes = parse_str(
            "=====\nTitle\n=====\n\nSub\n---\n\nOne\ntwo.\n\n-  a\n\n   more\n-  b\n\n#. c\n",
        );
        assert_eq!(
            nodes,
            vec![
                Node::Title {
                    line: 2,
                    text: "Title".into()
                },
                Node::Title {
                    line: 5,
                    text: "Sub".into()
                },
                Node::Paragraph {
                    line: 8,
                    text: "One\ntwo.".into()
                },
                Node::List(vec![
                    Item {
                        line: 11,
                        content: vec![
                            Node::Paragraph {
                                line: 11,
                                text: "a".into()
                            },
                            Node::Paragraph {
                                line: 13,
                                text: "more".into()
                            }
                        ]
                    },
                    Item {
                        line: 14,
                        content: vec![Node::Paragraph {
                            line: 14,
                            text: "b".into()
                        }]
                    }
                ]),
                Node::List(vec![Item {
                    line: 16,
                    content: vec![Node::Paragraph {
                        line: 16,
                        text: "c".into()
                    }]
                }]),
            ]
        );
    }

    #[test]
    fn a_transition_of_equals_signs_keeps_the_text_after_it() {
        let mut reporter = Reporter::new(Path::new("page.rst"));
        let nodes = parse(&lines("Before.\n\n======\n\nAfter.\n"), 0, &mut reporter);
        assert!(
            reporter.diagnostics.is_empty(),
            "{:?}",
            reporter.diagnostics
        );
        assert_eq!(
            nodes,
            vec![
                Node::Paragraph {
                    line: 1,
                    text: "Before.".into()
                },
                Node::Paragraph {
                    line: 5,
                    text: "After.".into()
                },
            ]
        );
    }

    #[test]
    fn a_directive_whose_text_starts_with_a_role_keeps_the_text() {
        let nodes = parse_str(
            ".. note::\n   :ref:`Table 2 <t2>` lists\n   the codes.\n\n.. table:: Caption\n   :name: t1\n   :class: wide\n      narrow\n   :ref:`See <x>` first.\n\n   ===  ===\n   a    b\n   ===  ===\n",
        );
        let [Node::Admonition { content, .. }, Node::Table(table)] = nodes.as_slice() else {
            panic!("not a note and a table: {nodes:?}");
        };
        assert_eq!(
            content,
            &[Node::Paragraph {
                line: 2,
                text: ":ref:`Table 2 <t2>` lists\nthe codes.".into()
            }]
        );
        assert_eq!(table.names, ["t1"]);
        assert_eq!(table.body.len(), 1);
        let lines = lines(".. table:: Caption\n   :name: t1\n   :class: wide\n      narrow\n   :ref:`See <x>` first.\n");
        let directive = Directive::split(1, "Caption", &lines[1..], true);
        assert_eq!(directive.option("class"), Some("wide narrow"));
        assert_eq!(directive.content.len(), 1, "{directive:?}");
        assert_eq!(directive.content[0].text, ":ref:`See <x>` first.");
    }

    #[test]
    fn a_note_holds_what_follows_it_as_blocks_blank_line_or_not() {
        let nodes =
            parse_str(".. note::\n   -  one\n   -  two\n\n.. note:: Text on\n   two lines.\n");
        let contents: Vec<&Vec<Node>> = nodes
            .iter()
            .filter_map(|n| match n {
                Node::Admonition { content, .. } => Some(content),
                _ => None,
            })
            .collect();
        let [list, text] = contents[..] else {
            panic!("not two notes: {nodes:?}");
        };
        assert!(
            matches!(list.as_slice(), [Node::List(items)] if items.len() == 2),
            "{list:?}"
        );
        assert_eq!(
            text,
            &[Node::Paragraph {
                line: 5,
                text: "Text on\ntwo lines.".into()
            }]
        );
    }

    #[test]
    fn reads_targets_comments_and_literal_blocks() {
        let nodes = parse_str(
            ".. _my_label:\n\n.. a comment\n   on two lines\n\nCode::\n\n   {\"a\": 1}\n\n     x\n",
        );
        assert_eq!(
            nodes,
            vec![
                Node::Target("my_label".into()),
                Node::Paragraph {
                    line: 6,
                    text: "Code:".into()
                },
                Node::Code {
                    line: 8,
                    text: "{\"a\": 1}\n\n  x".into()
                },
            ]
        );
    }
}
