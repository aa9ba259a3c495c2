//! Rust source written as text, laid out as prettyplease lays out the few
//! constructs docspec emits, so that no item goes through tokens, a syntax
//! tree and the printer. Tests reprint every kind of generated file with
//! prettyplease, at the margin too (`tests/suite/printed_as_prettyplease.rs`).
//!
//! prettyplease (lib.rs: margin 89, indent 4, minimum space 60) keeps a
//! group on one line when its width in bytes, up to the next break outside
//! it, fits in the space left on the line; else it breaks the group, a
//! consistent one at every break. For the constructs here that comes to:
//! a line that fits stays; a call that does not fit puts one argument per
//! line with a trailing comma; a match arm whose body does not fit becomes
//! `pat => {` body `}`; a signature that does not fit puts one parameter per
//! line. Whatever the writer cannot lay out for certain (an argument too
//! long for its own line, a doc that is not printed as a `///` line) makes
//! the item [`Writer::finish`] fall back to prettyplease, over the same text:
//! there is no second way of writing any construct. The fallbacks are
//! counted ([`counting_left_to_prettyplease`]); a test holds the reference
//! page and the feature fixture to none.
//!
//! The layout is prettyplease's as of the version `generator/Cargo.toml`
//! pins (`=0.2.37`): a new release may lay out a construct otherwise, so it
//! is taken on purpose, with `tests/suite/printed_as_prettyplease.rs` run on it.
//!
//! Adding a construct:
//! 1. Write it with the writer's methods ([`Writer::line`], [`Writer::open`],
//!    [`Writer::call`], ...), in one small function in the module of what it
//!    is part of; never as tokens.
//! 2. Where prettyplease's layout of it is not yet one of the methods', add a
//!    method here that measures as prettyplease does (see the rules above),
//!    or call [`Writer::unlaid`] for the widths it does not cover.
//! 3. Put the construct in the feature fixture (`tests/fixtures/features`),
//!    at the margin too if it can break, so that
//!    `tests/suite/printed_as_prettyplease.rs` compares it with prettyplease's
//!    print and counts no fallback for it.

/// prettyplease's margin, indentation step and least space on a line.
const MARGIN: usize = 89;
const INDENT: usize = 4;
const MIN_SPACE: usize = 60;

/// Writes one item (or a run of items) at the file's top level, laid out
/// as prettyplease would lay it out.
pub struct Writer<'a> {
    out: String,
    indent: usize,
    /// The path by which the code reaches the runtime crate.
    runtime: &'a str,
    /// False once some part is not certainly laid out as prettyplease would:
    /// the text is then printed by prettyplease.
    exact: bool,
}

impl<'a> Writer<'a> {
    /// Items that reach the runtime crate by `runtime` (`::docspec_runtime`).
    pub fn new(runtime: &'a str) -> Self {
        Writer {
            out: String::with_capacity(4096),
            indent: 0,
            runtime,
            exact: true,
        }
    }

    /// The text `write` lays out, as [`Writer::finish`] gives it.
    pub fn written(runtime: &'a str, write: impl FnOnce(&mut Writer<'a>)) -> String {
        let mut out = Writer::new(runtime);
        write(&mut out);
        out.finish()
    }

    /// The path by which the code reaches the runtime crate.
    pub fn runtime(&self) -> &'a str {
        self.runtime
    }

    /// The space prettyplease leaves for text after the indentation.
    fn space(&self) -> usize {
        MARGIN.saturating_sub(self.indent).max(MIN_SPACE)
    }

    /// Whether a line of `width` bytes fits at the current indentation.
    pub fn fits(&self, width: usize) -> bool {
        width <= self.space()
    }

    fn push_indented(&mut self, indent: usize, code: &str) {
        self.out.extend(std::iter::repeat_n(' ', indent));
        self.out.push_str(code);
        self.out.push('\n');
    }

    /// A line that holds no group prettyplease could break: if it does not
    /// fit, the item is left to prettyplease.
    pub fn line(&mut self, code: &str) {
        if !self.fits(code.len()) {
            self.exact = false;
        }
        self.push_indented(self.indent, code);
    }

    /// A line that holds nothing prettyplease breaks (a statement around a
    /// string literal): kept whole however long.
    pub fn unbreakable_line(&mut self, code: &str) {
        self.push_indented(self.indent, code);
    }

    /// What follows, one level deeper (inside a broken call).
    pub fn indent(&mut self) {
        self.indent += INDENT;
    }

    /// Back out of [`Writer::indent`].
    pub fn outdent(&mut self) {
        self.indent -= INDENT;
    }

    /// `head` `items` `tail`, as an argument of a broken call
    /// (`&["--a", "--b"],`): on one line if it fits, else one item per
    /// line with a trailing comma.
    pub fn list(&mut self, head: &str, items: &[String], tail: &str) {
        let one_line = format!("{head}{}{tail}", items.join(", "));
        if self.fits(one_line.len()) {
            self.push_indented(self.indent, &one_line);
            return;
        }
        self.one_per_line(head, items, tail);
    }

    /// `head` `items` `tail` where `head` opens a macro's brackets
    /// (`let v = vec![`) and each item is a receiver and a method call on it
    /// (`"text"`, `.to_owned()`): on one line if it fits; else one level
    /// deeper, filling lines as prettyplease fills a macro's tokens: a line
    /// may break before each method call and after each comma (there is none
    /// after the last item), and does where the next piece would not fit.
    pub fn macro_list(&mut self, head: &str, items: &[(&str, &str)], tail: &str) {
        let joined: Vec<String> = items.iter().map(|(r, call)| format!("{r}{call}")).collect();
        let one_line = format!("{head}{}{tail}", joined.join(", "));
        if self.fits(one_line.len()) {
            self.push_indented(self.indent, &one_line);
            return;
        }
        self.line(head);
        self.indent += INDENT;
        // The pieces between breaks, each with what stands before it on a line it joins.
        let mut pieces = Vec::with_capacity(items.len() * 2);
        for (i, (receiver, call)) in items.iter().enumerate() {
            let comma = if i + 1 < items.len() { "," } else { "" };
            pieces.push((" ", (*receiver).to_owned()));
            pieces.push(("", format!("{call}{comma}")));
        }
        let mut line = String::new();
        for (separator, piece) in pieces {
            if line.is_empty() {
                line = piece;
            } else if self.fits(line.len() + separator.len() + piece.len()) {
                line.push_str(separator);
                line.push_str(&piece);
            } else {
                // A string literal longer than the line stays whole.
                self.unbreakable_line(&line);
                line = piece;
            }
        }
        self.unbreakable_line(&line);
        self.indent -= INDENT;
        self.line(tail);
    }

    /// `head {`, and what follows one level deeper.
    pub fn open(&mut self, head: &str) {
        if head.is_empty() {
            self.line("{");
        } else {
            self.line(&format!("{head} {{"));
        }
        self.indent += INDENT;
    }

    /// The `}` (and `tail`) that ends what [`Writer::open`] began.
    pub fn close(&mut self, tail: &str) {
        self.indent -= INDENT;
        self.line(&format!("}}{tail}"));
    }

    /// An outer doc attribute whose value is `value` (`" text"` for
    /// `/// text`): a `///` line as prettyplease prints it, or, for a doc it
    /// prints otherwise, the attribute, and the item goes to prettyplease.
    pub fn doc(&mut self, value: &str) {
        self.doc_attribute(doc_line(value, "///"), "#", value);
    }

    /// An inner doc attribute (`#![doc = value]`), as the `//!` line
    /// prettyplease prints for it, or, for one it prints otherwise, the
    /// attribute, and the item goes to prettyplease.
    pub fn inner_doc(&mut self, value: &str) {
        self.doc_attribute(doc_line(value, "//!"), "#!", value);
    }

    /// The doc's `line` as printed, or else its attribute (`#` or `#!` and
    /// `[doc = value]`), left to prettyplease.
    fn doc_attribute(&mut self, line: Option<String>, hash: &str, value: &str) {
        let line = line.unwrap_or_else(|| {
            self.exact = false;
            format!("{hash}[doc = {}]", string(value))
        });
        self.push_indented(self.indent, &line);
    }

    /// [`Writer::doc`] for each value.
    pub fn docs<S: AsRef<str>>(&mut self, values: &[S]) {
        for value in values {
            self.doc(value.as_ref());
        }
    }

    /// `head(args)tail` as a statement, an expression or a struct field: on
    /// one line if it fits, else one argument per line.
    pub fn call(&mut self, head: &str, args: &[&str], tail: &str) {
        let one_line = format!("{head}({}){tail}", args.join(", "));
        if self.fits(one_line.len()) {
            self.push_indented(self.indent, &one_line);
        } else {
            self.broken_call(head, args, tail);
        }
    }

    /// `receiver.method(args)tail` as a statement. On a receiver of at most
    /// one indentation step's width (`map`, `item`) prettyplease breaks it
    /// as a call. A longer receiver of fields (`self.headers`) it leaves on
    /// its line and puts the call on the next, one level deeper, broken if
    /// need be; any other receiver's call is left to it.
    pub fn method_call(&mut self, receiver: &str, method: &str, args: &[&str], tail: &str) {
        let fields = receiver
            .split('.')
            .all(|part| !part.is_empty() && is_identifier(part));
        if is_identifier(receiver) && receiver.len() <= INDENT {
            self.call(&format!("{receiver}.{method}"), args, tail);
            return;
        }
        let one_line = format!("{receiver}.{method}({}){tail}", args.join(", "));
        if fields && !self.fits(one_line.len()) {
            self.line(receiver);
            self.indent += INDENT;
            self.call(&format!(".{method}"), args, tail);
            self.indent -= INDENT;
        } else {
            self.line(&one_line);
        }
    }

    /// Leaves the item to prettyplease: it holds a construct the writer
    /// does not lay out (a chain of calls inside an argument).
    pub fn unlaid(&mut self) {
        self.exact = false;
    }

    /// `prefix` `ty` `suffix`, as a struct field or slot (`pub name: `,
    /// `Option<Vec<String>>`, `,`): on one line if it fits, else the
    /// outermost generic arguments one per line, each laid out alike.
    pub fn typed(&mut self, prefix: &str, ty: &str, suffix: &str) {
        let one_line = format!("{prefix}{ty}{suffix}");
        match generic_arguments(ty) {
            Some((head, args)) if !self.fits(one_line.len()) => {
                self.line(&format!("{prefix}{head}<"));
                self.indent += INDENT;
                for arg in args {
                    self.typed("", arg, ",");
                }
                self.indent -= INDENT;
                self.line(&format!(">{suffix}"));
            }
            _ => self.line(&one_line),
        }
    }

    /// `head(` one argument per line `)tail`. An argument too long for its
    /// line would be broken inside: left to prettyplease.
    fn broken_call(&mut self, head: &str, args: &[&str], tail: &str) {
        self.one_per_line(&format!("{head}("), args, &format!("){tail}"));
    }

    /// `open`, each item on a line of its own with a comma, one level
    /// deeper, and `close`.
    fn one_per_line<S: AsRef<str>>(&mut self, open: &str, items: &[S], close: &str) {
        self.line(open);
        self.indent += INDENT;
        for item in items {
            self.line(&format!("{},", item.as_ref()));
        }
        self.indent -= INDENT;
        self.line(close);
    }

    /// A match arm `pat => body,` whose body holds nothing to break (a
    /// path, a literal): on one line if it fits (the comma not counted),
    /// else as `pat => {` body `}`.
    pub fn arm(&mut self, pat: &str, body: &str) {
        if self.fits(pat.len() + " => ".len() + body.len()) {
            self.push_indented(self.indent, &format!("{pat} => {body},"));
        } else {
            self.open(&format!("{pat} =>"));
            self.line(body);
            self.close("");
        }
    }

    /// A match arm `pat => call(args)tail,`: on one line if it fits (the
    /// comma is not counted: prettyplease writes it only when the arm is not
    /// broken), else as `pat => {` and the call, itself broken if need be.
    pub fn call_arm(&mut self, pat: &str, head: &str, args: &[&str], tail: &str) {
        let body = format!("{head}({}){tail}", args.join(", "));
        if self.fits(pat.len() + " => ".len() + body.len()) {
            self.push_indented(self.indent, &format!("{pat} => {body},"));
        } else {
            self.open(&format!("{pat} =>"));
            self.call(head, args, tail);
            self.close("");
        }
    }

    /// A match arm `pat => body,` whose body is a chain of calls, which the
    /// writer does not break: on one line if it fits (the comma not counted,
    /// as in [`Writer::call_arm`]), else left to prettyplease.
    pub fn chain_arm(&mut self, pat: &str, body: &str) {
        if !self.fits(pat.len() + " => ".len() + body.len()) {
            self.exact = false;
        }
        self.push_indented(self.indent, &format!("{pat} => {body},"));
    }

    /// A function's signature and the `{` of its body: `head(params)ret {`
    /// on one line if it fits, else one parameter per line. `body_empty`
    /// writes `{}` (measured as `{`: prettyplease measures up to the break
    /// it drops for an empty body).
    pub fn signature(&mut self, head: &str, params: &[&str], ret: &str, body_empty: bool) {
        let open = format!("{head}({}){ret} {{", params.join(", "));
        let close = if body_empty { "}" } else { "" };
        let tail = format!("{ret} {{{close}");
        if self.fits(open.len()) {
            self.push_indented(self.indent, &format!("{open}{close}"));
        } else if self.fits(")".len() + tail.len()) {
            self.broken_call(head, params, &tail);
        } else if let Some(ty) = ret.strip_prefix(" -> ") {
            // A return type too long for the closing line is broken at its
            // generic arguments, as prettyplease does.
            self.line(&format!("{head}("));
            self.indent += INDENT;
            for param in params {
                self.line(&format!("{param},"));
            }
            self.indent -= INDENT;
            self.typed(") -> ", ty, &format!(" {{{close}"));
        } else {
            self.broken_call(head, params, &tail);
        }
        if !body_empty {
            self.indent += INDENT;
        }
    }

    /// A struct literal `path { fields }`, the `fields` being `member: value`
    /// or `member`, with `head` before and `tail` after: prettyplease keeps
    /// it on one line only when it fits and its fields are short (at most
    /// 34 bytes from the path to the last field).
    pub fn struct_literal(&mut self, head: &str, path: &str, fields: &[LiteralField], tail: &str) {
        let inline: Vec<String> = fields.iter().map(LiteralField::inline).collect();
        let inline = inline.join(", ");
        let short = path.len() + " { ".len() + inline.len() + " ".len() <= 34;
        let one_line = format!("{head}{path} {{ {inline} }}{tail}");
        if short && self.fits(one_line.len()) {
            self.push_indented(self.indent, &one_line);
            return;
        }
        self.open(&format!("{head}{path}"));
        for field in fields {
            match field {
                LiteralField::Shorthand(member) => self.line(&format!("{member},")),
                LiteralField::Value(member, value) => self.line(&format!("{member}: {value},")),
                LiteralField::Call(member, callee, args, suffix) => {
                    self.call(&format!("{member}: {callee}"), args, &format!("{suffix},"))
                }
            }
        }
        self.close(tail);
    }

    /// The text, laid out; through prettyplease when some part was not
    /// certainly laid out as it would.
    pub fn finish(self) -> String {
        if self.exact {
            self.out
        } else {
            LEFT_TO_PRETTYPLEASE.set(LEFT_TO_PRETTYPLEASE.get() + 1);
            printed_by_prettyplease(&self.out)
        }
    }
}

thread_local! {
    /// How many items [`Writer::finish`] has handed to prettyplease on this
    /// thread. Emission runs on the caller's thread, so a count taken around
    /// it is that emission's; kept out of the writer's signature so that no
    /// construct's function carries it.
    static LEFT_TO_PRETTYPLEASE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Runs `emit` and counts the items the writer left to prettyplease
/// meanwhile: each one is a construct, or a width, that the writer does not
/// lay out itself (see the checklist above), and costs a parse and a print.
pub fn counting_left_to_prettyplease<T>(emit: impl FnOnce() -> T) -> (T, usize) {
    let before = LEFT_TO_PRETTYPLEASE.get();
    let emitted = emit();
    (emitted, LEFT_TO_PRETTYPLEASE.get() - before)
}

/// A member of a struct literal.
pub enum LiteralField<'a> {
    /// `member`: a variable of the same name.
    Shorthand(&'a str),
    /// `member: value`, the value holding nothing to break.
    Value(&'a str, &'a str),
    /// `member: callee(args)suffix`.
    Call(&'a str, &'a str, Vec<&'a str>, &'a str),
}

impl LiteralField<'_> {
    fn inline(&self) -> String {
        match self {
            LiteralField::Shorthand(member) => (*member).to_owned(),
            LiteralField::Value(member, value) => format!("{member}: {value}"),
            LiteralField::Call(member, callee, args, suffix) => {
                format!("{member}: {callee}({}){suffix}", args.join(", "))
            }
        }
    }
}

/// The line prettyplease prints for a doc attribute of `value`: the
/// comment `marker` (`///` or `//!`) and the text, trailing spaces trimmed.
/// It prints a doc holding a line break otherwise, and an outer one
/// starting with `/` (which would read as `////`); a carriage return would
/// end the comment for rustc, so that doc is left to prettyplease too.
fn doc_line(value: &str, marker: &str) -> Option<String> {
    let printed_as_line =
        !value.contains(['\n', '\r']) && (marker == "//!" || !value.starts_with('/'));
    printed_as_line.then(|| format!("{marker}{}", value.trim_end_matches(' ')))
}

/// Whether `text` is a plain identifier (no path, field or call).
fn is_identifier(text: &str) -> bool {
    text.bytes().all(|b| b == b'_' || b.is_ascii_alphanumeric())
}

/// `Name<A, B>` as `Name` and its top-level arguments `A`, `B`.
fn generic_arguments(ty: &str) -> Option<(&str, Vec<&str>)> {
    let open = ty.find('<')?;
    let inner = ty.strip_suffix('>')?.get(open + 1..)?;
    let mut args = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    for (i, b) in inner.bytes().enumerate() {
        match b {
            b'<' => depth += 1,
            b'>' => depth = depth.checked_sub(1)?,
            b',' if depth == 0 => {
                args.push(inner[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    args.push(inner[start..].trim());
    Some((&ty[..open], args))
}

/// A string literal, escaped as `quote!` writes it.
pub fn string(text: &str) -> String {
    proc_macro2::Literal::string(text).to_string()
}

/// `text`, a run of items, as prettyplease prints it. The text is the
/// writer's own, so it parses; if it did not, the file says so in a
/// `compile_error!` instead of the generator panicking.
fn printed_by_prettyplease(text: &str) -> String {
    match syn::parse_file(text) {
        Ok(file) => prettyplease::unparse(&file),
        Err(e) => invalid_rust(&e),
    }
}

/// The modules of `importable` that `code` uses as a path's first segment
/// (`module::item`): comments and string literals aside.
pub fn modules_named<const N: usize>(
    code: &str,
    importable: &[&'static str; N],
) -> [Option<&'static str>; N] {
    let mut found = [None; N];
    let bytes = code.as_bytes();
    let path_sep = |at: usize| {
        let start = at
            - bytes[..at]
                .iter()
                .rev()
                .take_while(|&&b| is_ident(b))
                .count();
        let after_path_sep = start >= 2 && &bytes[start - 2..start] == b"::";
        if start < at && !after_path_sep {
            let word = &code[start..at];
            if let Some(k) = importable.iter().position(|m| *m == word) {
                found[k] = Some(importable[k]);
            }
        }
    };
    scan(code, path_sep, |_| {});
    found
}

/// The byte ranges of the string literals in `code` that span lines (an
/// example payload's raw string), in order.
pub fn multiline_literals(code: &str) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    scan(
        code,
        |_| {},
        |range| {
            if code.as_bytes()[range.clone()].contains(&b'\n') {
                found.push(range);
            }
        },
    );
    found
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Walks `code` past its comments and string literals (plain, raw, byte),
/// calling `path_sep` with the index of each `::` outside them and
/// `literal` with each literal's range. Only the bytes that can start a
/// comment, a string or a path separator are looked at.
fn scan(
    code: &str,
    mut path_sep: impl FnMut(usize),
    mut literal: impl FnMut(std::ops::Range<usize>),
) {
    let bytes = code.as_bytes();
    let mut i = 0;
    while let Some(at) = memchr::memchr3(b'/', b'"', b':', &bytes[i..]) {
        let at = i + at;
        i = at + 1;
        match bytes[at] {
            b'/' if bytes.get(at + 1) == Some(&b'/') => {
                i = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n);
            }
            b'"' => {
                // `r"…"` or `r#"…"#` (`br` too) is raw: no escapes, closed by as many `#`.
                let hashes = bytes[..at].iter().rev().take_while(|&&b| b == b'#').count();
                let r = at.checked_sub(hashes + 1);
                let raw = r.is_some_and(|r| {
                    bytes[r] == b'r'
                        && (r == 0
                            || !is_ident(bytes[r - 1])
                            || (bytes[r - 1] == b'b' && (r == 1 || !is_ident(bytes[r - 2]))))
                });
                i = string_end(bytes, at + 1, if raw { hashes } else { 0 });
                literal(at..i);
            }
            b':' if bytes.get(at + 1) == Some(&b':') => {
                i = at + 2;
                path_sep(at);
            }
            _ => {}
        }
    }
}

/// The index after a string literal whose text starts at `from`: a plain
/// one (`hashes` 0, with escapes) or a raw one closed by `"` and `hashes` `#`.
fn string_end(bytes: &[u8], from: usize, hashes: usize) -> usize {
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if hashes == 0 => i += 2,
            b'"' if bytes[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&b| b == b'#')
                .count()
                == hashes =>
            {
                return i + 1 + hashes;
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Formats generated tokens (the usage snippets and the quickstart
/// example, which reach the runtime through the crate). The tokens come
/// from `quote!` over a checked model, so they always parse; if they did
/// not, the file says so in a `compile_error!` that the compiler points at,
/// instead of the generator panicking.
pub fn format_tokens(tokens: proc_macro2::TokenStream) -> String {
    match syn::parse2::<syn::File>(tokens) {
        Ok(file) => separate_items(&prettyplease::unparse(&file)),
        Err(e) => invalid_rust(&e),
    }
}

fn invalid_rust(e: &syn::Error) -> String {
    format!(
        "compile_error!({:?});\n",
        format!("docspec emitted invalid Rust: {e}")
    )
}

/// prettyplease puts items right under each other; a blank line after each
/// top-level item and after each item of an impl block reads better. Lines
/// of a multi-line string literal (an example payload) are its text, and
/// are left as they are.
pub fn separate_items(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + source.len() / 16);
    let literals = multiline_literals(source);
    let mut literals = literals.iter().peekable();
    // `lines`, with where each starts.
    let mut start = 0;
    let mut lines = source
        .split_inclusive('\n')
        .map(|piece| {
            let line_start = start;
            start += piece.len();
            let line = piece.strip_suffix('\n').unwrap_or(piece);
            (line_start, line.strip_suffix('\r').unwrap_or(line))
        })
        .peekable();
    // The blocks open at this line: the indentation of the line that opened
    // each, and whether it holds items (a module, an impl, a trait) rather
    // than statements. prettyplease indents every block one step, so a
    // `}` at an indentation closes the block opened at the same one.
    let mut open: Vec<(usize, bool)> = Vec::new();
    while let Some((line_start, line)) = lines.next() {
        out.push_str(line);
        out.push('\n');
        while literals.next_if(|l| l.end <= line_start).is_some() {}
        if literals
            .peek()
            .is_some_and(|l| l.start < line_start + line.len())
        {
            // The line opens, holds or closes a multi-line literal.
            continue;
        }
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let mut closes_item = false;
        let comment = trimmed.starts_with("//");
        if trimmed.starts_with('}') {
            while open.last().is_some_and(|&(at, _)| at > indent) {
                open.pop();
            }
            if open.last().is_some_and(|&(at, _)| at == indent) {
                open.pop();
            }
            // An item ends where what held it holds items (or at the top).
            closes_item = trimmed == "}" && open.last().is_none_or(|&(_, items)| items);
        }
        if line.ends_with('{') && !comment {
            open.push((indent, holds_items(trimmed)));
        }
        let Some(&(_, next)) = lines.peek() else {
            break;
        };
        let ends_item = (closes_item && !next.trim_start().starts_with('}'))
            || (line.ends_with(';') && !line.starts_with(' ') && !line.starts_with("use "));
        let next_is_use = next.starts_with("use ") && line.starts_with("use ");
        if ends_item && !next.is_empty() && !next_is_use {
            out.push('\n');
        }
        if line.starts_with("use ") && !next.starts_with("use ") && !next.is_empty() {
            out.push('\n');
        }
    }
    out
}

/// Whether the block a line opens holds items: `mod`, `impl` or `trait`,
/// public or not.
fn holds_items(opening: &str) -> bool {
    let header = opening
        .strip_prefix("pub(crate) ")
        .or_else(|| opening.strip_prefix("pub "))
        .unwrap_or(opening);
    ["mod ", "impl ", "impl<", "trait ", "unsafe impl"]
        .iter()
        .any(|keyword| header.starts_with(keyword))
}

#[cfg(test)]
mod tests {
    use super::{counting_left_to_prettyplease, modules_named, separate_items, string, Writer};

    /// `vec![..]` of string literals and `.to_owned()`, around every width
    /// where prettyplease breaks the list or an item: laid out by the writer
    /// itself, as prettyplease prints it.
    #[test]
    fn a_macro_list_is_laid_out_as_prettyplease_prints_it() {
        for count in 1..=3 {
            for width in 0..80 {
                // Items of one width, and a short one among long ones.
                let widths = [width, (width * 7) % 80, width];
                let literals: Vec<String> = (0..count)
                    .map(|i| string(&format!("{i}: \"{}\"", "x".repeat(widths[i]))))
                    .collect();
                let items: Vec<(&str, &str)> = literals
                    .iter()
                    .map(|l| (l.as_str(), ".to_owned()"))
                    .collect();
                let (written, left) = counting_left_to_prettyplease(|| {
                    Writer::written("::rt", |out| {
                        out.open("mod examples");
                        out.open("fn t()");
                        out.macro_list("let expected: Vec<String> = vec![", &items, "];");
                        out.close("");
                        out.close("");
                    })
                });
                assert_eq!(left, 0);
                let printed = prettyplease::unparse(&syn::parse_file(&written).unwrap());
                assert_eq!(written, printed, "{count} items of width {width}");
            }
        }
    }

    const IMPORTABLE: [&str; 4] = ["serde", "serde_json", "validation", "wire"];

    /// `separate_items` of `lines` adds a blank line after the lines
    /// numbered `blank_after` (from 0) and nowhere else.
    fn assert_separated(lines: &[&str], blank_after: &[usize]) {
        let code: String = lines.iter().map(|l| format!("{l}\n")).collect();
        let expected: String = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let blank = if blank_after.contains(&i) { "\n" } else { "" };
                format!("{l}\n{blank}")
            })
            .collect();
        assert_eq!(separate_items(&code), expected);
    }

    /// A blank line after each item of a module or an impl, at any depth,
    /// and none inside a function, whatever its indentation.
    #[test]
    fn items_are_separated_at_every_depth_and_statements_never() {
        let lines = [
            "pub mod sms {",
            "    impl Client {",
            "        pub fn new() -> Self {",
            "            if x {",
            "                y();",
            "            }",
            "            Client",
            "        }",
            "        pub fn other(&self) {}",
            "    }",
            "    pub mod op {}",
            "}",
            "fn main() {",
            "    if a {",
            "        b();",
            "    }",
            "    c();",
            "}",
            "fn last() {}",
        ];
        // After `new`, after the impl, after the module, after `main`.
        let blank_after = [7, 9, 11, 17];
        assert_separated(&lines, &blank_after);
    }

    #[test]
    fn a_module_counts_as_the_first_segment_of_a_path_in_code() {
        let code = "let x: wire::Secret = serde_json::Value::Null;\n";
        assert_eq!(
            modules_named(code, &IMPORTABLE),
            [None, Some("serde_json"), None, Some("wire")]
        );
        // Not after another segment, nor as a lone word.
        let code = "::wire::read(); a::serde::x(); validation;\n";
        assert_eq!(modules_named(code, &IMPORTABLE), [None; 4]);
    }

    #[test]
    fn comments_and_strings_name_no_module() {
        let code = concat!(
            "/// see wire::Object\n",
            "// serde::Serialize\n",
            "let a = \"validation::Path \\\" wire::x\";\n",
            "let b = r#\"serde::x \" wire::y\"#;\n",
            "let c = br\"serde_json::z\";\n",
            "f(a, b, c); // wire::\n",
        );
        assert_eq!(modules_named(code, &IMPORTABLE), [None; 4]);
        let code = "let d = r\"x\"; wire::f(\"s\", r#\"\"\"#); serde::g();\n";
        assert_eq!(
            modules_named(code, &IMPORTABLE),
            [Some("serde"), None, None, Some("wire")]
        );
    }

    #[test]
    fn items_are_separated_and_raw_strings_kept_as_they_are() {
        let lines = [
            "use a::b;",
            "use a::c;",
            "pub struct A {}",
            "impl A {",
            "    fn f() {",
            "        let json = r#\"{",
            // The literal's own lines, which look like the end of items.
            "}",
            "    }",
            "  ]",
            "}\"#;",
            "        let text = \"r#\\\"\";",
            "    }",
            "    fn g() {}",
            "}",
            "const X: u8 = 1;",
        ];
        // After the imports, after `f` in the impl and after the impl.
        let blank_after = [1, 11, 13];
        assert_separated(&lines, &blank_after);
    }
}
