//! Where things in an example body stand in the spec file: the line of each
//! member of the JSON, translated to a line of the YAML that holds it.

use crate::diagnostic::Location;
use crate::spec::LoadedSpec;
use std::collections::HashMap;

/// Where the text of one example body stands in its spec file.
pub struct BodyPosition {
    /// Where the body's first character stands.
    start: Location,
    /// Whether line n of the body is line n of the file after `start`. True
    /// of literal blocks (`body: |-`), which is how multi-line bodies are
    /// written; a quoted scalar folds lines differently, so positions in one
    /// fall back to `start`.
    lines_match: bool,
}

impl BodyPosition {
    pub fn new(spec: &LoadedSpec, example: usize, body: &str) -> Self {
        BodyPosition {
            start: spec.locate(&format!("/examples/{example}/body")),
            lines_match: written_as_literal_block(body),
        }
    }

    /// The file position of a 1-based line and column of the body.
    pub fn locate(&self, line: usize, column: usize) -> Location {
        if !self.lines_match || line == 0 {
            return self.start.clone();
        }
        // A block's lines share the indentation of its first line.
        let column = self.start.column + column.saturating_sub(1);
        Location::new(&self.start.file, self.start.line + line - 1, column)
    }

    /// The file position of a line of the body, at the block's left edge.
    pub fn line(&self, line: usize) -> Location {
        self.locate(line, 1)
    }
}

/// Whether YAML writers keep `body` as a literal block, line for line:
/// libyaml (behind serde_yaml) quotes multi-line strings instead when a line
/// ends in white space or the text has control characters.
fn written_as_literal_block(body: &str) -> bool {
    body.contains('\n')
        && !body.lines().any(|line| line.ends_with([' ', '\t']))
        && !body.chars().any(|c| c.is_control() && c != '\n')
}

/// The 1-based line of each value of a JSON text, by JSON pointer (the same
/// pointers as [`crate::resolve::departures`]): a member stands at its key,
/// an item at its first character, the whole text at its first value.
/// Meant for text that parsed as JSON; on anything else it gives what it
/// read before the first surprise.
pub fn value_lines(text: &str) -> HashMap<String, usize> {
    let mut scanner = Scanner {
        text,
        pos: 0,
        line: 1,
        lines: HashMap::new(),
    };
    scanner.skip_space();
    scanner.lines.insert(String::new(), scanner.line);
    let _ = scanner.value("");
    scanner.lines
}

/// The pointer of the member `key` of the value at `pointer` (RFC 6901 escapes).
pub fn member_pointer(pointer: &str, key: &str) -> String {
    format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"))
}

struct Scanner<'t> {
    text: &'t str,
    /// Byte offset; only ASCII delimiters are looked at, so it never splits a character.
    pos: usize,
    line: usize,
    lines: HashMap<String, usize>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.pos += 1;
        if byte == b'\n' {
            self.line += 1;
        }
        Some(byte)
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.bump();
        }
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.skip_space();
        (self.bump()? == byte).then_some(())
    }

    fn value(&mut self, pointer: &str) -> Option<()> {
        self.skip_space();
        match self.peek()? {
            b'{' => self.object(pointer),
            b'[' => self.array(pointer),
            b'"' => self.string().map(drop),
            _ => {
                // A number, `true`, `false` or `null`: runs to the next delimiter.
                while self
                    .peek()
                    .is_some_and(|b| !b.is_ascii_whitespace() && !b",]}".contains(&b))
                {
                    self.bump();
                }
                Some(())
            }
        }
    }

    fn object(&mut self, pointer: &str) -> Option<()> {
        self.expect(b'{')?;
        self.skip_space();
        if self.peek()? == b'}' {
            return self.expect(b'}');
        }
        loop {
            self.skip_space();
            let line = self.line;
            let member = member_pointer(pointer, &self.string()?);
            self.lines.insert(member.clone(), line);
            self.expect(b':')?;
            self.value(&member)?;
            self.skip_space();
            if self.peek()? != b',' {
                return self.expect(b'}');
            }
            self.bump();
        }
    }

    fn array(&mut self, pointer: &str) -> Option<()> {
        self.expect(b'[')?;
        self.skip_space();
        if self.peek()? == b']' {
            return self.expect(b']');
        }
        for index in 0.. {
            self.skip_space();
            let item = format!("{pointer}/{index}");
            self.lines.insert(item.clone(), self.line);
            self.value(&item)?;
            self.skip_space();
            if self.peek()? != b',' {
                break;
            }
            self.bump();
        }
        self.expect(b']')
    }

    /// Reads a string literal and gives its value.
    fn string(&mut self) -> Option<String> {
        let start = self.pos;
        self.expect(b'"')?;
        loop {
            match self.bump()? {
                b'\\' => {
                    self.bump()?;
                }
                b'"' => break,
                _ => {}
            }
        }
        serde_json::from_str(self.text.get(start..self.pos)?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_stand_at_their_keys_and_items_at_their_start() {
        let text = "{\n\"a\" : [ {\n  \"b~/\" : 1\n}, 2 ],\n\"c\": \"x\\\"y\"\n}";
        let lines = value_lines(text);
        assert_eq!(lines[""], 1);
        assert_eq!(lines["/a"], 2);
        assert_eq!(lines["/a/0"], 2);
        assert_eq!(lines["/a/0/b~0~1"], 3);
        assert_eq!(lines["/a/1"], 4);
        assert_eq!(lines["/c"], 5);
    }

    #[test]
    fn text_that_is_not_json_gives_what_was_read() {
        let lines = value_lines("{\n\"a\": 1,\n\"b\" 2 }");
        assert_eq!(lines["/a"], 2);
        assert_eq!(lines["/b"], 3);
        assert!(value_lines("").contains_key(""));
    }
}
