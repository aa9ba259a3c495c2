//! The docs' own language: section names, status markers, request lines,
//! table references, and the names Type cells give object tables.
//!
//! Every rule here is about how this documentation system writes things in
//! general, never about one page's wording.

use crate::model::Method;
use crate::phrase::{leading_type_phrase, parse_type, TypePhrase};

/// The part of a page a block stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Before the first heading.
    Preamble,
    Function,
    Uri,
    Request,
    Response,
    RequestExamples,
    ResponseExamples,
    /// Examples of both kinds under one heading (`Samples`).
    Examples,
    StatusCodes,
    /// Any other section (`Error Codes`, `Constraints`, ...): nothing to import.
    Other,
}

/// The section a heading opens, when it is one of the docs' section names.
pub fn section_named(heading: &str) -> Option<Section> {
    let name = normalized_heading(heading);
    plain_section(&name).or_else(|| example_heading(&name))
}

/// Whether a heading says more than its section's name (`Example 1: Adding
/// an HTTPS listener`): that text describes the example that follows.
pub fn heading_has_title(heading: &str) -> bool {
    plain_section(&normalized_heading(heading)).is_none()
}

fn normalized_heading(heading: &str) -> String {
    let name = heading
        .trim()
        .trim_end_matches(':')
        .trim()
        .to_ascii_lowercase();
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn plain_section(name: &str) -> Option<Section> {
    let section = match name {
        "function" | "functions" => Section::Function,
        // Not `Request URI`: guides use it for the URI format of every API.
        "uri" | "uris" | "url" | "uri format" | "url format" | "api format" => Section::Uri,
        "request" | "requests" | "request parameters" | "request parameter" | "request body"
        | "request header" | "request headers" | "request message" => Section::Request,
        "response"
        | "responses"
        | "response parameters"
        | "response parameter"
        | "response body"
        | "response header"
        | "response headers"
        | "response message" => Section::Response,
        "example request" | "example requests" | "request example" | "request examples"
        | "sample request" | "sample requests" => Section::RequestExamples,
        "example response" | "example responses" | "response example" | "response examples"
        | "sample response" | "sample responses" => Section::ResponseExamples,
        "example" | "examples" | "sample" | "samples" => Section::Examples,
        "status code" | "status codes" => Section::StatusCodes,
        "error code" | "error codes" | "returned value" | "returned values" | "constraints"
        | "constraint" | "calling method" | "feedback" | "helpful links" | "reference" => {
            Section::Other
        }
        _ => return None,
    };
    Some(section)
}

/// Example headings beyond the plain names: numbered (`Example 1: Use an
/// image to create an ECS`, `1. Example request`), with a parenthetical
/// (`Example Request (Importing an SSH Key)`) or a qualifier (`Example URL
/// request`, `Successful sample response`). The words before the first colon,
/// without parentheticals and numbers, must all be words of example headings
/// and include `example` or `sample`; which of request and response they name
/// says the kind. Longer phrases are prose, not headings.
fn example_heading(name: &str) -> Option<Section> {
    const HEADING_WORDS: [&str; 17] = [
        "example",
        "examples",
        "sample",
        "samples",
        "request",
        "requests",
        "response",
        "responses",
        "url",
        "uri",
        "api",
        "successful",
        "success",
        "failed",
        "json",
        "of",
        "and",
    ];
    let head = name.split(':').next().unwrap_or_default();
    let mut words = Vec::new();
    let mut depth = 0usize;
    let mut word = String::new();
    for c in head.chars().chain([' ']) {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_whitespace() || c == '-' || c == '—' => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    let words: Vec<&str> = words
        .iter()
        .map(|w| w.trim_matches(|c: char| c == '.' || c == ','))
        .filter(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
        .collect();
    let is_example_word = |w: &&str| w.starts_with("example") || w.starts_with("sample");
    if words.is_empty()
        || words.len() > 4
        || !words.iter().any(is_example_word)
        || !words.iter().all(|w| HEADING_WORDS.contains(w))
    {
        return None;
    }
    let names = |stem: &str| words.iter().any(|w| w.starts_with(stem));
    Some(match (names("request"), names("response")) {
        (true, false) => Section::RequestExamples,
        (false, true) => Section::ResponseExamples,
        _ => Section::Examples,
    })
}

/// `Status code: 200` on a line of its own: the status the following tables or examples document.
pub fn status_marker(line: &str) -> Option<u16> {
    let line = line.trim();
    let (label, code) = line.split_once(':')?;
    if !label.trim().eq_ignore_ascii_case("status code") {
        return None;
    }
    let code = code.trim();
    (code.len() == 3 && code.bytes().all(|b| b.is_ascii_digit()))
        .then(|| code.parse().ok())
        .flatten()
}

/// Whether a paragraph of a parameter section says the section documents
/// nothing: a value the docs use for "nothing" alone (`None`, `N/A`), after
/// a label (`Response parameters: N/A`), or a short sentence that denies
/// parameters, a body or headers (`This API has no request body.`).
pub fn states_no_parameters(paragraph: &str) -> bool {
    let text = paragraph
        .trim()
        .trim_end_matches(['.', '\u{3002}'])
        .trim()
        .to_ascii_lowercase();
    let value = match text.rsplit_once(':') {
        Some((_, value)) => value.trim(),
        None => text.as_str(),
    };
    const NOTHING: &[&str] = &[
        "none",
        "n/a",
        "na",
        "null",
        "nil",
        "-",
        "\u{2014}",
        "empty",
        "not involved",
        "not applicable",
    ];
    if NOTHING.contains(&value) {
        return true;
    }
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let denies = words
        .iter()
        .any(|w| matches!(*w, "no" | "none" | "not" | "without" | "nothing"));
    let names_parameters = words.iter().any(|w| {
        matches!(
            *w,
            "parameter" | "parameters" | "body" | "header" | "headers" | "field" | "fields"
        )
    });
    // A long sentence that denies something names a case, not the section.
    words.len() <= 12 && denies && names_parameters
}

pub fn is_method(word: &str) -> bool {
    Method::from_name(word).is_some()
}

fn is_url(word: &str) -> bool {
    word.starts_with("https://") || word.starts_with("http://")
}

/// A piece of an example's request line, as the docs lay it out: `POST` and
/// the URL on one line, or each on its own line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestPiece {
    /// A method alone on its line.
    Method(String),
    /// A URL alone on its line.
    Url(String),
    /// `METHOD target`, the target a URL or an absolute path.
    Line(String),
}

impl RequestPiece {
    /// The piece as written (`POST`, `https://...`, `POST https://...`).
    pub fn text(&self) -> &str {
        match self {
            RequestPiece::Method(text) | RequestPiece::Url(text) | RequestPiece::Line(text) => text,
        }
    }
}

/// Reads a request-line piece at the start of `line`; returns it and the
/// text after it (copied text glues the next paragraph onto code blocks).
/// Plain `METHOD /path` counts only when `allow_path` (examples, not the URI section).
pub fn request_piece(line: &str, allow_path: bool) -> Option<(RequestPiece, &str)> {
    let line = line.trim();
    let (first, rest) = split_word(line);
    if is_url(first) {
        return Some((RequestPiece::Url(first.to_owned()), rest));
    }
    if !is_method(first) {
        return None;
    }
    if rest.is_empty() {
        return Some((RequestPiece::Method(first.to_owned()), ""));
    }
    let (target, after) = split_word(rest);
    if is_url(target) || (allow_path && target.starts_with('/')) {
        return Some((RequestPiece::Line(format!("{first} {target}")), after));
    }
    None
}

/// Splits off the first whitespace-separated word; the rest is trimmed.
fn split_word(text: &str) -> (&str, &str) {
    match text.find(char::is_whitespace) {
        Some(i) => (&text[..i], text[i..].trim_start()),
        None => (text, ""),
    }
}

/// A request line of a URI section, in any of the forms the docs use:
/// `POST /v3/{project_id}/elb/listeners`, `GET https://{Endpoint}/v3/...`
/// (the path is what follows the host), `GET/{api_version}` (no space).
/// Returns the method and the target as written from its path on, the
/// query string kept. White space that markup put inside the target
/// (`https:/ /{ Endpoint }/v3/{ project_id }`) is taken out first.
pub fn uri_line(line: &str) -> Option<(String, String)> {
    let line = tidy_uri(line.trim());
    let (first, rest) = split_word(&line);
    let (method, target) = match first.split_once('/') {
        Some((method, _)) if rest.is_empty() && !method.is_empty() => {
            (method, &first[method.len()..])
        }
        _ => {
            let (target, after) = split_word(rest);
            if !after.is_empty() {
                return None;
            }
            (first, target)
        }
    };
    if !is_method(method) {
        return None;
    }
    Some((method.to_owned(), path_of_target(target)?.to_owned()))
}

/// The method and the target of a URI section that labels them apart
/// (`PATH: /rds/v1/{project_id}/instances` and `Method: GET`, on one line or
/// on several): `lines` are the section's lines in order.
pub fn labeled_uri<'a>(lines: impl IntoIterator<Item = &'a str>) -> Option<(String, String)> {
    let mut method = None;
    let mut target = None;
    for line in lines {
        let line = tidy_uri(line);
        let words: Vec<&str> = line.split_whitespace().collect();
        for (i, word) in words.iter().enumerate() {
            let (label, glued) = match word.split_once(':') {
                Some((label, value)) if !label.is_empty() && !value.starts_with('/') => {
                    (label, value)
                }
                _ => continue,
            };
            let value = if glued.is_empty() {
                words.get(i + 1).copied().unwrap_or_default()
            } else {
                glued
            };
            match label.to_ascii_lowercase().as_str() {
                "method" if is_method(value) => {
                    method.get_or_insert_with(|| value.to_owned());
                }
                "path" | "uri" | "url" => {
                    if let Some(path) = path_of_target(value) {
                        target.get_or_insert_with(|| path.to_owned());
                    }
                }
                _ => {}
            }
        }
    }
    Some((method?, target?))
}

/// The path of a request target: the target itself when it starts with
/// `/`, the part after the host of a URL.
fn path_of_target(target: &str) -> Option<&str> {
    if target.starts_with('/') {
        return Some(target);
    }
    let after_scheme = target
        .strip_prefix("https://")
        .or_else(|| target.strip_prefix("http://"))?;
    after_scheme.find('/').map(|i| &after_scheme[i..])
}

/// A request target with the white space that markup leaves in it taken
/// out: inside `{placeholders}`, after a `/`, and before a `/` that follows
/// a path character (not after a label's `:`, which keeps `PATH: /x` apart).
pub fn tidy_uri(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
            let before = out.chars().next_back();
            let after = chars.peek().copied();
            let inside = depth > 0 || after == Some('}');
            let after_slash = before == Some('/') && after.is_some_and(|a| a != '(');
            let before_slash = after == Some('/')
                && before.is_some_and(|b| b == '}' || b == '/' || b.is_ascii_alphanumeric())
                && !ends_with_method(&out);
            if !(inside || after_slash || before_slash) {
                out.push(' ');
            }
            continue;
        }
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        out.push(c);
    }
    out
}

/// Whether the text's last word is an HTTP method (`GET /x` keeps its space).
fn ends_with_method(text: &str) -> bool {
    let last = text.rsplit(char::is_whitespace).next().unwrap_or_default();
    is_method(last)
}

/// The names of a target's query string (`?limit={limit}&marker={marker}`
/// gives `limit`, `marker`), in order.
pub fn query_names(target: &str) -> Vec<String> {
    let Some((_, query)) = target.split_once('?') else {
        return Vec::new();
    };
    query
        .split('&')
        .map(|pair| pair.split('=').next().unwrap_or_default().trim())
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The path without its query string (`?a={a}`) and RFC 6570 query parts (`{?x,y}`).
pub fn strip_query(path: &str) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some(start) = rest.find("{?") {
        out.push_str(&rest[..start]);
        rest = match rest[start..].find('}') {
            Some(end) => &rest[start + end + 1..],
            None => "",
        };
    }
    out.push_str(rest);
    match out.find('?') {
        Some(i) => out[..i].to_owned(),
        None => out,
    }
}

/// Every `Table N` the text mentions (`For details, see Table 5.`), in order.
pub fn table_mentions(text: &str) -> Vec<u32> {
    let mut numbers = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("Table ") {
        let after = &rest[i + "Table ".len()..];
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        let at_word_start = rest[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if at_word_start {
            if let Ok(n) = digits.parse() {
                numbers.push(n);
            }
        }
        rest = after;
    }
    numbers
}

/// The number of a caption that starts `Table N`.
pub fn caption_number(caption: &str) -> Option<u32> {
    let rest = caption.trim().strip_prefix("Table ")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The caption without its `Table N` label.
pub fn caption_subject(caption: &str) -> &str {
    let caption = caption.trim();
    match caption.strip_prefix("Table ") {
        Some(rest) => rest.trim_start_matches(|c: char| c.is_ascii_digit()).trim(),
        None => caption,
    }
}

/// Old-style captions name the field they describe: `nics field description`,
/// `server_groups parameter information`, `custom_spec parameters`,
/// `config parameters of batch`.
const FIELD_CAPTION_WORDS: [&str; 5] = [
    " field description",
    " parameter information",
    " parameters",
    " parameter",
    " field",
];

/// The object name a caption gives: a single identifier (`CreateL7RuleOption`,
/// `grants`) or the field an old-style caption describes (`nics`).
pub fn caption_object_name(caption: &str) -> Option<String> {
    let subject = caption_subject(caption);
    if is_identifier(subject) {
        return Some(subject.to_owned());
    }
    // `Resource_tag structure`: the name a `Resource_tag structure` Type cell uses.
    if let Some(name) = subject
        .strip_suffix(" structure")
        .filter(|n| is_identifier(n))
    {
        return Some(name.to_owned());
    }
    FIELD_CAPTION_WORDS.iter().find_map(|words| {
        let at = subject.find(words)?;
        let name = &subject[..at];
        is_identifier(name).then(|| name.to_owned())
    })
}

/// What a caption says a table is, in lower case with the `Table N` label dropped.
pub fn caption_words(caption: &str) -> String {
    caption_subject(caption).to_ascii_lowercase()
}

/// A parameter name as the docs write them: letters, digits, `_`, `-`, `:`, `.`.
pub fn is_identifier(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ':' | '.'))
}

/// What a Type cell says about an object table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeRef {
    /// A scalar, a map, or an array of scalars: no table involved.
    Scalar,
    /// `Object`, `Array of objects`, `JSON Array`: an object without a name; the description may link its table.
    Generic,
    /// `X object`, `Array of X objects`, `X array`, `Array<X>`, `Map<String,X>`, `Object (X)`: the table named X.
    Named(String),
}

/// Type words that never name an object table.
const SCALAR_WORDS: [&str; 22] = [
    "string",
    "strings",
    "integer",
    "integers",
    "int",
    "long",
    "longs",
    "number",
    "numbers",
    "float",
    "double",
    "boolean",
    "booleans",
    "bool",
    "int32",
    "int64",
    "map",
    "dict",
    "file",
    "date",
    "timestamp",
    "any",
];

fn is_scalar_word(word: &str) -> bool {
    SCALAR_WORDS.contains(&word.to_ascii_lowercase().as_str())
}

fn is_object_word(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "object" | "objects" | "json"
    )
}

/// Reads the object reference of a Type cell, with the generator's own type
/// phrase parser, so that import and generation read a cell alike. A cell
/// that is no type phrase may still start with one (`config array
/// corresponding to infer_type`).
pub fn type_reference(cell: &str) -> TypeRef {
    // A bare `Array` is a multi-value parameter, not a reference.
    if cell.trim().eq_ignore_ascii_case("array") {
        return TypeRef::Scalar;
    }
    match parse_type(cell)
        .ok()
        .or_else(|| leading_type_phrase(cell).map(|(phrase, _)| phrase))
    {
        Some(phrase) => reference_of(&phrase),
        None => TypeRef::Scalar,
    }
}

fn reference_of(phrase: &TypePhrase) -> TypeRef {
    match phrase {
        TypePhrase::Object { name: Some(name) } | TypePhrase::Named(name) => named(name),
        TypePhrase::Object { name: None } | TypePhrase::Any => TypeRef::Generic,
        TypePhrase::Array(items) => reference_of(items),
        // A map of free-form values names no table; a map of X values does.
        TypePhrase::Map(values) => match values.as_ref() {
            TypePhrase::Object { name: None } | TypePhrase::Any => TypeRef::Scalar,
            values => reference_of(values),
        },
        TypePhrase::String
        | TypePhrase::Integer
        | TypePhrase::Long
        | TypePhrase::Number
        | TypePhrase::Boolean => TypeRef::Scalar,
    }
}

fn named(name: &str) -> TypeRef {
    if is_identifier(name) && !is_scalar_word(name) && !is_object_word(name) {
        TypeRef::Named(name.to_owned())
    } else {
        TypeRef::Scalar
    }
}

/// `see the nics field description`: a reference to a table by its caption.
pub fn field_description_reference(description: &str) -> Option<String> {
    let at = description.find(" field description")?;
    let before = description[..at].trim_end();
    let name = before.rsplit(char::is_whitespace).next()?;
    let lead = before[..before.len() - name.len()]
        .trim_end()
        .to_ascii_lowercase();
    (is_identifier(name) && (lead.ends_with("see the") || lead.ends_with("see")))
        .then(|| name.to_owned())
}

/// HTTP headers are written in their canonical case (`X-Auth-Token`,
/// `Content-Type`), unlike body fields (`os-stop`, `project_id`).
pub fn looks_like_header_name(name: &str) -> bool {
    const SINGLE_WORD_HEADERS: [&str; 8] = [
        "Authorization",
        "Accept",
        "Host",
        "Date",
        "Cookie",
        "Range",
        "Origin",
        "Expect",
    ];
    if SINGLE_WORD_HEADERS.contains(&name) {
        return true;
    }
    let segments: Vec<&str> = name.split('-').collect();
    segments.len() >= 2
        && segments.iter().all(|s| {
            s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && s.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

/// Whether two fields plausibly share one table: the same name, one the
/// plural of the other, or one a qualified form of the other (`servers_links` / `links`).
pub fn related_names(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_ascii_lowercase(), b.to_ascii_lowercase());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long == short
        || long.strip_suffix('s') == Some(short.as_str())
        || long
            .strip_suffix(short.as_str())
            .is_some_and(|head| head.ends_with(['_', '-', ':', '.']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_sections_that_state_no_parameters() {
        for text in [
            "None",
            "N/A.",
            "Response parameters: N/A",
            "This API has no request body.",
            "No request parameters.",
            "The response does not contain any parameters.",
        ] {
            assert!(states_no_parameters(text), "{text}");
        }
        for text in [
            "Table 26 describes the response parameters.",
            "name: the widget's name",
            "The ID of the zone. If not specified, all zones are returned, and no filter on the name field is applied.",
            "See Table 3.",
        ] {
            assert!(!states_no_parameters(text), "{text}");
        }
    }

    #[test]
    fn reads_example_headings_in_their_many_wordings() {
        use Section::*;
        for (heading, section) in [
            ("Example Request (Importing an SSH Key)", RequestExamples),
            ("Example 1: Use an image to create an ECS", Examples),
            ("Example URL request", RequestExamples),
            ("Examples", Examples),
            ("Sample request", RequestExamples),
            ("1. Example request", RequestExamples),
            ("Example Response 2 - Failed", ResponseExamples),
            ("Successful sample response:", ResponseExamples),
            ("Example Requests (query) and responses", Examples),
        ] {
            assert_eq!(section_named(heading), Some(section), "{heading}");
        }
        // Prose that starts like a heading stays prose.
        for prose in [
            "Example of how the request body limits are applied to each listener",
            "The example request below creates a VPC",
            "Request parameters of the example",
        ] {
            assert_eq!(section_named(prose), None, "{prose}");
        }
    }

    #[test]
    fn reads_type_references() {
        let named = |n: &str| TypeRef::Named(n.to_owned());
        assert_eq!(
            type_reference("Array of BatchConsistencyReq objects"),
            named("BatchConsistencyReq")
        );
        assert_eq!(
            type_reference("CreateL7RuleOption object"),
            named("CreateL7RuleOption")
        );
        assert_eq!(type_reference("model array"), named("model"));
        assert_eq!(
            type_reference("config array corresponding to infer_type"),
            named("config")
        );
        assert_eq!(type_reference("Object (Tag)"), named("Tag"));
        assert_eq!(type_reference("Array<Tag>"), named("Tag"));
        assert_eq!(
            type_reference("Map<String,HardDetail>"),
            named("HardDetail")
        );
        for generic in ["Object", "Array of objects", "Array<Object>", "JSON Array"] {
            assert_eq!(type_reference(generic), TypeRef::Generic, "{generic}");
        }
        for scalar in [
            "String",
            "string",
            "Integer",
            "Array of strings",
            "String array",
            "Array",
            "Map<String,String>",
            "Map<String, Object>",
            "Map",
            "Array<Array<String>>",
            "",
        ] {
            assert_eq!(type_reference(scalar), TypeRef::Scalar, "{scalar}");
        }
    }

    #[test]
    fn reads_captions() {
        assert_eq!(caption_number("Table 12 Tag"), Some(12));
        assert_eq!(
            caption_object_name("Table 4 CreateL7RuleOption").as_deref(),
            Some("CreateL7RuleOption")
        );
        assert_eq!(
            caption_object_name("Table 4 nics field description").as_deref(),
            Some("nics")
        );
        assert_eq!(
            caption_object_name("Table 3 config parameters of batch").as_deref(),
            Some("config")
        );
        assert_eq!(
            caption_object_name("Table 3 Parameters for creating an ECS"),
            None
        );
        assert_eq!(
            caption_object_name("Table 6 servers_links and links field description"),
            None
        );
        assert_eq!(
            caption_object_name("Table 1 Resource_tag structure").as_deref(),
            Some("Resource_tag")
        );
        assert_eq!(
            caption_object_name("Table 7 Data structure of the spec field").as_deref(),
            None
        );
    }

    #[test]
    fn reads_lines() {
        assert_eq!(status_marker("Status code: 403"), Some(403));
        assert_eq!(status_marker("Status Codes"), None);
        assert_eq!(
            section_named("Example Responses"),
            Some(Section::ResponseExamples)
        );
        assert_eq!(section_named("Request Parameters"), Some(Section::Request));
        assert_eq!(section_named("Task information"), None);
        assert_eq!(
            uri_line("POST /v3/tasks/x"),
            Some(("POST".into(), "/v3/tasks/x".into()))
        );
        assert_eq!(
            request_piece("https://{ep}/v3/x Example Responses", false),
            Some((
                RequestPiece::Url("https://{ep}/v3/x".into()),
                "Example Responses"
            ))
        );
        assert_eq!(request_piece("GET /v3/x", false), None);
        assert_eq!(
            table_mentions("see Table 3. If batch, see Table 4."),
            vec![3, 4]
        );
        assert_eq!(strip_query("/v3/{p}/x?limit={limit}"), "/v3/{p}/x");
        assert_eq!(strip_query("/v3/{p}/x{?a,b}"), "/v3/{p}/x");
        assert_eq!(
            field_description_reference("For details, see the nics field description."),
            Some("nics".into())
        );
    }

    #[test]
    fn reads_every_form_of_uri_line() {
        let read = |line: &str| uri_line(line).map(|(m, p)| format!("{m} {p}"));
        for (line, expected) in [
            ("POST /v1/{project_id}/vpcs", "POST /v1/{project_id}/vpcs"),
            (
                "GET https://{Endpoint}/v3/{project_id}/instances",
                "GET /v3/{project_id}/instances",
            ),
            (
                "GET https:/ /{ Endpoint }/v3/{ project_id }/instances",
                "GET /v3/{project_id}/instances",
            ),
            (
                "DELETE /v3/ {project_id} /instances/{instance_id }",
                "DELETE /v3/{project_id}/instances/{instance_id}",
            ),
            ("GET/{api_version}", "GET /{api_version}"),
            ("GET /v2/zones?limit={limit}", "GET /v2/zones?limit={limit}"),
            ("POST http://rds.example.com/v1/x", "POST /v1/x"),
        ] {
            assert_eq!(read(line).as_deref(), Some(expected), "{line}");
        }
        for prose in [
            "GET /v1/x returns the list",
            "Table 1 describes the parameters",
            "POST the request to /v1/x",
            "GETTING/v1/x",
            "get /v1/x",
        ] {
            assert_eq!(read(prose), None, "{prose}");
        }
    }

    #[test]
    fn reads_method_and_path_labelled_apart() {
        let expected = Some(("GET".to_owned(), "/rds/v1/{project_id}/flavors".to_owned()));
        assert_eq!(
            labeled_uri(["PATH: /rds/v1/{project_id}/flavors Method: GET"]),
            expected
        );
        assert_eq!(
            labeled_uri([
                "URI format",
                "PATH: /rds/v1/{ project_id }/flavors",
                "Method: GET"
            ]),
            expected
        );
        assert_eq!(
            labeled_uri([
                "Method:GET",
                "URL: https://{Endpoint}/rds/v1/{project_id}/flavors"
            ]),
            expected
        );
        assert_eq!(labeled_uri(["PATH: /rds/v1/x"]), None);
        assert_eq!(labeled_uri(["Method: FETCH", "PATH: /x"]), None);
    }

    #[test]
    fn reads_query_names() {
        assert_eq!(
            query_names("/v2/zones?type={type}&limit={limit}&marker"),
            ["type", "limit", "marker"]
        );
        assert!(query_names("/v2/zones").is_empty());
    }

    #[test]
    fn tells_headers_and_related_names() {
        assert!(looks_like_header_name("X-Auth-Token"));
        assert!(looks_like_header_name("Content-Type"));
        assert!(!looks_like_header_name("os-stop"));
        assert!(!looks_like_header_name("project_id"));
        assert!(related_names("servers_links", "links"));
        assert!(related_names("tag", "tags"));
        assert!(!related_names("data_volumes", "extendparam"));
    }
}
