//! The example sections: request examples (prose, request line, body) and
//! response examples by status (prose, body), kept verbatim.
//!
//! Pages lay examples out in several ways: a `<pre>` holding the request
//! line and the body, the request line and the body in separate blocks with
//! prose between, `Status code: N` lines before response bodies, and one
//! `Samples` section whose prose says which examples are requests and which
//! responses. The same rules read both input forms, since the readers turn
//! both into prose and code blocks.

use super::language::{heading_has_title, request_piece, status_marker, RequestPiece, Section};
use super::page::BlockKind;
use super::sections::Located;
use super::Reporter;
use crate::spec::{Example, ExampleKind, UncapturedCode};

/// Reads every example of the page. A code block outside the example
/// sections is not an example; it is kept apart and reported, so that no
/// example is lost silently (a heading the import does not know as an
/// example heading).
pub fn examples(located: &[Located], report: &mut Reporter) -> (Vec<Example>, Vec<UncapturedCode>) {
    let mut uncaptured = Vec::new();
    let mut builder = Builder::new();
    let mut section = Section::Preamble;
    let mut heading: Option<&str> = None;
    for item in located {
        if let BlockKind::Heading(text) = &item.block.kind {
            heading = Some(text);
        }
        if item.section != section || matches!(item.block.kind, BlockKind::Heading(_)) {
            // Prose that introduces the sub-sections of examples stays with their first example.
            let introduces = is_examples(section) && is_examples(item.section);
            section = item.section;
            builder.start_section(section, introduces);
        }
        if !is_examples(section) {
            if let BlockKind::Code(code) = &item.block.kind {
                uncaptured.push(report_uncaptured(heading, item.block.line, code, report));
            }
            continue;
        }
        let line = item.block.line;
        match &item.block.kind {
            BlockKind::Prose(text) if status_marker(text).is_some() => {
                // What follows is a response of this status.
                builder.flush();
                builder.kind = ExampleKind::Response;
                builder.status = item.status;
            }
            // A heading, or a paragraph that names the section like one: its
            // title beyond the section's name describes the examples that follow.
            BlockKind::Prose(text) | BlockKind::Heading(text)
                if item.starts_part && heading_has_title(text) =>
            {
                builder.prose(text)
            }
            BlockKind::Prose(_) if item.starts_part => {}
            BlockKind::Prose(text) => {
                if section == Section::Examples {
                    if let Some(kind) = kind_named_by(text) {
                        builder.switch_to(kind);
                    }
                }
                builder.prose(text);
            }
            BlockKind::Code(code) => builder.code(code, line, report),
            _ => {}
        }
    }
    builder.flush();
    (builder.done, uncaptured)
}

fn report_uncaptured(
    heading: Option<&str>,
    line: usize,
    code: &str,
    report: &mut Reporter,
) -> UncapturedCode {
    let reason = match heading {
        Some(_) => "it stands under a heading that is not an example section",
        None => "it stands before the first heading",
    };
    let place = match heading {
        Some(heading) => {
            format!("under the heading \"{heading}\", which is not an example section")
        }
        None => "before the first heading".to_owned(),
    };
    report.warn(
        line,
        format!(
            "a code block {place} is not read as an example (kept in the spec's \
             uncaptured_code); if it is one, add it to the spec's examples by hand \
             or put it under a heading like `Example Request` or `Example Response` \
             and import again"
        ),
    );
    UncapturedCode {
        line,
        heading: heading.map(str::to_owned),
        reason: reason.to_owned(),
        code: code.to_owned(),
    }
}

fn is_examples(section: Section) -> bool {
    matches!(
        section,
        Section::RequestExamples | Section::ResponseExamples | Section::Examples
    )
}

/// In a section of both kinds, prose that names one kind (`Sample request:
/// Creating ...`, `Sample response`) says what the next examples are.
fn kind_named_by(text: &str) -> Option<ExampleKind> {
    let text = text.to_ascii_lowercase();
    match (text.contains("request"), text.contains("response")) {
        (true, false) => Some(ExampleKind::Request),
        (false, true) => Some(ExampleKind::Response),
        _ => None,
    }
}

struct Builder {
    kind: ExampleKind,
    status: Option<u16>,
    description: Vec<String>,
    request_lines: Vec<String>,
    /// A method on a line of its own, waiting for its URL.
    method: Option<String>,
    /// Prose came after a request line: the next request line starts another example.
    prose_after_request: bool,
    done: Vec<Example>,
}

impl Builder {
    fn new() -> Self {
        Builder {
            kind: ExampleKind::Request,
            status: None,
            description: Vec::new(),
            request_lines: Vec::new(),
            method: None,
            prose_after_request: false,
            done: Vec::new(),
        }
    }

    fn start_section(&mut self, section: Section, keep_description: bool) {
        let pending = match keep_description && !self.is_complete() {
            true => std::mem::take(&mut self.description),
            false => Vec::new(),
        };
        self.flush();
        self.description = pending;
        self.status = None;
        self.kind = match section {
            Section::ResponseExamples => ExampleKind::Response,
            _ => ExampleKind::Request,
        };
    }

    fn switch_to(&mut self, kind: ExampleKind) {
        if kind != self.kind {
            self.flush();
            self.kind = kind;
            if kind == ExampleKind::Request {
                self.status = None;
            }
        }
    }

    /// A paragraph: request-line pieces at its start (copied text glues
    /// them onto prose), then the description.
    fn prose(&mut self, mut text: &str) {
        if self.kind == ExampleKind::Request {
            while let Some((piece, rest)) = request_piece(text, true) {
                self.request_piece(piece);
                text = rest;
            }
            if text.is_empty() {
                return;
            }
        }
        if self.has_request_line() {
            self.prose_after_request = true;
        }
        self.description.push(text.to_owned());
    }

    /// A code block: request-line pieces first, then the body.
    fn code(&mut self, code: &str, line: usize, report: &mut Reporter) {
        let mut lines = code.lines().peekable();
        while let Some(next) = lines.peek() {
            if next.trim().is_empty() {
                lines.next();
                continue;
            }
            match request_piece(next, true) {
                Some((piece, "")) if self.kind == ExampleKind::Request => {
                    self.request_piece(piece);
                    lines.next();
                }
                _ => break,
            }
        }
        // Trailing spaces are dropped: copied text loses them, and both forms should read alike.
        let body = lines
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n")
            .trim_end()
            .to_owned();
        if body.is_empty() {
            return;
        }
        check_json(&body, line, report);
        self.emit(Some(body));
    }

    fn request_piece(&mut self, piece: RequestPiece) {
        if self.prose_after_request {
            self.flush();
        }
        match piece {
            RequestPiece::Method(method) => {
                if let Some(waiting) = self.method.replace(method) {
                    self.request_lines.push(waiting);
                }
            }
            RequestPiece::Url(url) => {
                let line = match self.method.take() {
                    Some(method) => format!("{method} {url}"),
                    None => url,
                };
                self.request_lines.push(line);
            }
            RequestPiece::Line(line) => {
                if let Some(waiting) = self.method.take() {
                    self.request_lines.push(waiting);
                }
                self.request_lines.push(line);
            }
        }
    }

    fn has_request_line(&self) -> bool {
        !self.request_lines.is_empty() || self.method.is_some()
    }

    /// Ends the example being read: a request line without a body, or a
    /// response status with prose but no body, is an example too.
    fn flush(&mut self) {
        if self.is_complete() {
            self.emit(None);
        }
        self.description.clear();
        self.request_lines.clear();
        self.method = None;
        self.prose_after_request = false;
    }

    fn is_complete(&self) -> bool {
        match self.kind {
            ExampleKind::Request => self.has_request_line(),
            ExampleKind::Response => self.status.is_some() && !self.description.is_empty(),
        }
    }

    fn emit(&mut self, body: Option<String>) {
        if let Some(method) = self.method.take() {
            self.request_lines.push(method);
        }
        let request_line = std::mem::take(&mut self.request_lines);
        let description = std::mem::take(&mut self.description);
        self.prose_after_request = false;
        self.done.push(Example {
            kind: self.kind,
            status: match self.kind {
                ExampleKind::Response => self.status,
                ExampleKind::Request => None,
            },
            description: (!description.is_empty()).then(|| description.join("\n")),
            request_line: (!request_line.is_empty()).then(|| request_line.join("\n")),
            body,
        });
    }
}

/// Warns about a JSON body that does not parse (the docs lint reports it in detail).
fn check_json(body: &str, line: usize, report: &mut Reporter) {
    let looks_like_json = body.trim_start().starts_with(['{', '[']);
    if let (true, Err(error)) = (
        looks_like_json,
        serde_json::from_str::<serde_json::Value>(body),
    ) {
        report.warn(line, format!("the example body is not valid JSON: {error}"));
    }
}
