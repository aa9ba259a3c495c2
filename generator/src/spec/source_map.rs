//! Where each table, row and cell of a spec stands in its YAML file.
//!
//! A file in the importer's layout is read once, values and positions
//! together ([`super::canonical`]). Any other file serde_yaml reads, and it
//! forgets positions once it succeeds: the source map then reads the same
//! text as events (yaml-rust2) and records the position of every node under
//! its JSON-pointer path. Either way a finding about `tables[3].rows[2]` can
//! name line and column.

use super::canonical::Positions;
use std::collections::HashMap;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// Positions (1-based line and column) of the nodes of one YAML document, by path.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    positions: Recorded,
}

#[derive(Debug, Clone)]
enum Recorded {
    /// Read with the values, by the importer's layout reader.
    Read(Positions),
    /// Read from yaml-rust2's events.
    Events(HashMap<String, (usize, usize)>),
}

impl Default for Recorded {
    fn default() -> Self {
        Recorded::Events(HashMap::new())
    }
}

impl SourceMap {
    /// Reads the positions of `text`. A text that does not parse gives an
    /// empty map; the loader reports the parse error itself.
    pub fn build(text: &str) -> SourceMap {
        let mut recorder = Recorder::default();
        let mut parser = Parser::new_from_str(text);
        if parser.load(&mut recorder, false).is_err() {
            return SourceMap::default();
        }
        SourceMap {
            positions: Recorded::Events(recorder.positions),
        }
    }

    /// The positions the importer's layout reader found.
    pub(super) fn read(positions: Positions) -> SourceMap {
        SourceMap {
            positions: Recorded::Read(positions),
        }
    }

    /// Position of the node at `pointer` (`/tables/3/rows/2/description`),
    /// or of its nearest ancestor that has one.
    pub fn position(&self, pointer: &str) -> (usize, usize) {
        let positions = match &self.positions {
            Recorded::Read(positions) => return positions.position(pointer),
            Recorded::Events(positions) => positions,
        };
        let mut p = pointer;
        loop {
            if let Some(pos) = positions.get(p) {
                return *pos;
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => return (1, 1),
            }
        }
    }

    pub fn table(&self, table: usize) -> (usize, usize) {
        self.position(&format!("/tables/{table}"))
    }

    pub fn row(&self, table: usize, row: usize) -> (usize, usize) {
        self.position(&format!("/tables/{table}/rows/{row}"))
    }

    /// Every recorded pointer and position, for comparing the two readings.
    #[cfg(test)]
    pub(super) fn all(&self) -> HashMap<String, (usize, usize)> {
        match &self.positions {
            Recorded::Read(positions) => positions.all(),
            Recorded::Events(positions) => positions.clone(),
        }
    }
}

enum Frame {
    /// In a mapping; `key` is the key whose value comes next, if a key was read.
    Mapping {
        key: Option<String>,
    },
    Sequence {
        next: usize,
    },
}

#[derive(Default)]
struct Recorder {
    stack: Vec<Frame>,
    /// The pointer of the node being read (`/tables/3`), and where each
    /// level of it starts: a node's pointer is built by appending to it,
    /// not from every segment again.
    path: String,
    starts: Vec<usize>,
    positions: HashMap<String, (usize, usize)>,
}

impl Recorder {
    /// Called before each node: works out the node's path segment, or `None`
    /// when the node is a mapping key.
    fn enter_node(&mut self) -> Option<String> {
        match self.stack.last_mut() {
            None => Some(String::new()),
            Some(Frame::Sequence { next }) => {
                let seg = next.to_string();
                *next += 1;
                Some(seg)
            }
            Some(Frame::Mapping { key }) => key.take(),
        }
    }

    fn pointer(&self, last: &str) -> String {
        let mut p = String::with_capacity(self.path.len() + 1 + last.len());
        p.push_str(&self.path);
        if !last.is_empty() {
            p.push('/');
            p.push_str(last);
        }
        p
    }

    fn push(&mut self, seg: &str) {
        self.starts.push(self.path.len());
        if !seg.is_empty() {
            self.path.push('/');
            self.path.push_str(seg);
        }
    }

    fn pop(&mut self) {
        if let Some(start) = self.starts.pop() {
            self.path.truncate(start);
        }
    }

    fn record(&mut self, seg: &str, mark: Marker) {
        let pointer = self.pointer(seg);
        // yaml-rust2 counts lines from 1 and columns from 0.
        self.positions
            .entry(pointer)
            .or_insert((mark.line(), mark.col() + 1));
    }
}

impl MarkedEventReceiver for Recorder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        match ev {
            Event::Scalar(value, ..) => match self.enter_node() {
                Some(seg) => self.record(&seg, mark),
                None => {
                    // A mapping key: remember it for the value that follows.
                    // The first key's position stands for the mapping itself:
                    // the parser marks a block mapping's start late.
                    self.record("", mark);
                    if let Some(Frame::Mapping { key }) = self.stack.last_mut() {
                        *key = Some(value);
                    }
                }
            },
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let seg = self.enter_node().unwrap_or_default();
                if matches!(ev, Event::SequenceStart(..)) {
                    self.record(&seg, mark);
                }
                self.push(&seg);
                self.stack.push(match ev {
                    Event::MappingStart(..) => Frame::Mapping { key: None },
                    _ => Frame::Sequence { next: 0 },
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
                self.pop();
            }
            Event::Alias(_) => {
                self.enter_node();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_rows_and_cells() {
        let text = "service: sms\ntables:\n  - role: object\n    rows:\n      - parameter: a\n        type: String\n      - parameter: b\n        type: Integer\n";
        let map = SourceMap::build(text);
        assert_eq!(map.table(0), (3, 5));
        assert_eq!(map.row(0, 1), (7, 9));
        assert_eq!(map.position("/tables/0/rows/1/type"), (8, 15));
        // A missing cell falls back to its row.
        assert_eq!(map.position("/tables/0/rows/1/description"), (7, 9));
    }
}
