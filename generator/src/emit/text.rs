//! Rust source written as text, laid out as prettyplease lays out the few
//! constructs docspec emits, so that no item goes through tokens, a syntax
//! tree and the printer.
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
//! the item [`Item::finish`] fall back to prettyplease, over the same text:
//! there is no second way of writing any construct.

use super::doc_lines;

/// prettyplease's margin, indentation step and least space on a line.
const MARGIN: usize = 89;
const INDENT: usize = 4;
const MIN_SPACE: usize = 60;

/// One item (or a run of items) being written at the file's top level.
pub struct Item<'a> {
    out: String,
    indent: usize,
    /// The path by which the code reaches the runtime crate.
    runtime: &'a str,
    /// False once some part is not certainly laid out as prettyplease would:
    /// the text is then printed by prettyplease.
    exact: bool,
}

impl<'a> Item<'a> {
    /// Items that reach the runtime crate by `runtime` (`::docspec_runtime`).
    pub fn new(runtime: &'a str) -> Self {
        Item {
            out: String::with_capacity(4096),
            indent: 0,
            runtime,
            exact: true,
        }
    }

    /// The path by which the code reaches the runtime crate.
    pub fn runtime(&self) -> &'a str {
        self.runtime
    }

    /// The space prettyplease leaves for text after the indentation.
    fn space(&self) -> usize {
        MARGIN.saturating_sub(self.indent).max(MIN_SPACE)
    }

    fn fits(&self, width: usize) -> bool {
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

    /// `head {`, and what follows one level deeper.
    pub fn open(&mut self, head: &str) {
        if head.is_empty() {
            self.line("{");
        } else {
            self.line(&format!("{head} {{"));
        }
        self.indent += INDENT;
    }

    /// The `}` (and `tail`) that ends what [`Item::open`] began.
    pub fn close(&mut self, tail: &str) {
        self.indent -= INDENT;
        self.line(&format!("}}{tail}"));
    }

    /// An outer doc attribute whose value is `value` (`" text"` for
    /// `/// text`): a `///` line as prettyplease prints it, or, for a doc it
    /// prints otherwise, the attribute, and the item goes to prettyplease.
    pub fn doc(&mut self, value: &str) {
        match doc_lines::as_line(value) {
            Some(line) => self.push_indented(self.indent, &line),
            None => {
                self.exact = false;
                let attr = format!("#[doc = {}]", string(value));
                self.push_indented(self.indent, &attr);
            }
        }
    }

    /// [`Item::doc`] for each value.
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
    /// as a call; how it breaks a longer receiver's call is left to it.
    pub fn method_call(&mut self, receiver: &str, method: &str, args: &[&str], tail: &str) {
        if is_identifier(receiver) && receiver.len() <= INDENT {
            self.call(&format!("{receiver}.{method}"), args, tail);
        } else {
            self.line(&format!("{receiver}.{method}({}){tail}", args.join(", ")));
        }
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
        self.line(&format!("{head}("));
        self.indent += INDENT;
        for arg in args {
            self.line(&format!("{arg},"));
        }
        self.indent -= INDENT;
        self.line(&format!("){tail}"));
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

    /// A match arm `pat => body,` whose body the writer does not break (a
    /// literal, a method chain): on one line if it fits (the comma not
    /// counted, as in [`Item::call_arm`]), else left to prettyplease.
    pub fn arm(&mut self, pat: &str, body: &str) {
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
        if self.fits(open.len()) {
            self.push_indented(self.indent, &format!("{open}{close}"));
        } else {
            self.broken_call(head, params, &format!("{ret} {{{close}"));
        }
        if !body_empty {
            self.indent += INDENT;
        }
    }

    /// A struct literal `path { fields }`, the `fields` being `member: value`
    /// or `member`, with `head` before and `tail` after: prettyplease keeps
    /// it on one line only when it fits and its fields are short (at most
    /// 34 bytes from the path to the last field).
    pub fn struct_literal(&mut self, head: &str, path: &str, fields: &[Field], tail: &str) {
        let inline: Vec<String> = fields.iter().map(Field::inline).collect();
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
                Field::Shorthand(member) => self.line(&format!("{member},")),
                Field::Value(member, value) => self.line(&format!("{member}: {value},")),
                Field::Call(member, callee, args, suffix) => {
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
            printed_by_prettyplease(&self.out)
        }
    }
}

/// A member of a struct literal.
pub enum Field<'a> {
    /// `member`: a variable of the same name.
    Shorthand(&'a str),
    /// `member: value`, the value holding nothing to break.
    Value(&'a str, &'a str),
    /// `member: callee(args)suffix`.
    Call(&'a str, &'a str, Vec<&'a str>, &'a str),
}

impl Field<'_> {
    fn inline(&self) -> String {
        match self {
            Field::Shorthand(member) => (*member).to_owned(),
            Field::Value(member, value) => format!("{member}: {value}"),
            Field::Call(member, callee, args, suffix) => {
                format!("{member}: {callee}({}){suffix}", args.join(", "))
            }
        }
    }
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
        Err(e) => super::invalid_rust(&e),
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
    let mut i = 0;
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = code[i..].find('\n').map_or(bytes.len(), |n| i + n);
            }
            b'"' => i = string_end(bytes, i + 1, 0),
            b'r' if i + 1 < bytes.len()
                && matches!(bytes[i + 1], b'"' | b'#')
                && (i == 0 || !is_ident(bytes[i - 1])) =>
            {
                let hashes = bytes[i + 1..].iter().take_while(|&&b| b == b'#').count();
                if bytes.get(i + 1 + hashes) == Some(&b'"') {
                    i = string_end(bytes, i + 2 + hashes, hashes);
                } else {
                    i += 1;
                }
            }
            b if is_ident(b) => {
                let start = i;
                while i < bytes.len() && is_ident(bytes[i]) {
                    i += 1;
                }
                let after_path_sep = start >= 2 && &bytes[start - 2..start] == b"::";
                if !after_path_sep && code[i..].starts_with("::") {
                    let word = &code[start..i];
                    if let Some(k) = importable.iter().position(|m| *m == word) {
                        found[k] = Some(importable[k]);
                    }
                }
            }
            _ => i += 1,
        }
    }
    found
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
