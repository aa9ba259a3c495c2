//! The resolved model: what the specs mean, checked once.
//!
//! Built by [`crate::resolve`] from specs; every type phrase is parsed, every
//! constraint read, every name chosen and every reference linked. Emission
//! and diffing read this model and never fail or re-check.

use crate::phrase::Limit;
use std::path::PathBuf;

/// Every operation of a set of specs, by service.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Api {
    /// Sorted by module name.
    pub services: Vec<Service>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    /// The Rust module name (`sms`).
    pub module: String,
    /// Sorted by module name.
    pub operations: Vec<Operation>,
    /// Endpoints by region, in the order of the service file (`spec/<service>/service.yaml`).
    pub regions: Vec<Region>,
}

/// Where a service answers in one region.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// `eu-de`
    pub id: String,
    /// `https://kms.eu-de.otc.t-systems.com`, without a trailing slash.
    pub endpoint: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// The operation id as in the spec (`ExportConsistencyResults`).
    pub id: String,
    /// The Rust module name (`export_consistency_results`).
    pub module: String,
    /// The spec file, as given to the generator.
    pub spec_file: PathBuf,
    pub title: String,
    pub summary: Option<String>,
    /// The chapter of the API reference the page stands in, when the spec says.
    pub chapter: Option<String>,
    /// The chapter's place in the reference (a sort key), when the spec says.
    pub chapter_order: Option<u32>,
    pub method: Method,
    /// The path template (`/v3/{project_id}/elb/certificates`).
    pub path: String,
    pub path_params: Vec<Field>,
    pub query_params: Vec<Field>,
    pub header_params: Vec<Field>,
    pub request_body: Option<Body>,
    /// Every struct of the operation, request body first, then in page order.
    pub structs: Vec<Struct>,
    /// Every string enumeration, in order of first use.
    pub enums: Vec<Enum>,
    /// Documented statuses, ascending.
    pub responses: Vec<ResponseCase>,
    pub examples: Vec<ExampleCase>,
    /// How to walk the answer's list page by page, where the docs say.
    pub paging: Option<Paging>,
}

/// An operation that answers a list one page at a time: a query parameter
/// that moves from page to page, the page size, and the list in the answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Paging {
    pub kind: PagingKind,
    /// The query parameter that moves (`offset`, `page`, `marker`).
    pub cursor: Field,
    /// Where the first page is when the request leaves `cursor` unset (offset and page numbers).
    pub start: i64,
    /// The page-size query parameter (`limit`, `size`), when there is one.
    pub limit: Option<Field>,
    /// The success status whose body holds the list.
    pub status: u16,
    /// The list: a field of that body.
    pub items: Field,
}

/// What the cursor counts, in the docs' own words.
#[derive(Debug, Clone, PartialEq)]
pub enum PagingKind {
    /// Records skipped: the next page starts after the items received.
    Records,
    /// Page numbers: the next page is one more.
    Pages,
    /// An opaque marker: the next one is a field of the answer (`next_marker`)...
    MarkerInBody(Field),
    /// ...or a field of the last item (`id`), as the marker's description says.
    MarkerOfLastItem(Field),
}

impl Service {
    /// The operations by chapter, in the reference's order: chapters by
    /// their place in the export's index (then by title, for chapters that
    /// have none), operations without a chapter last; within a chapter by
    /// module name.
    pub fn by_chapter(&self) -> Vec<(Option<&str>, Vec<&Operation>)> {
        let mut chapters: Vec<(Option<&str>, Option<u32>, Vec<&Operation>)> = Vec::new();
        for operation in &self.operations {
            let chapter = operation.chapter.as_deref();
            match chapters.iter_mut().find(|(c, _, _)| *c == chapter) {
                Some((_, order, operations)) => {
                    *order = match (*order, operation.chapter_order) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    };
                    operations.push(operation);
                }
                None => chapters.push((chapter, operation.chapter_order, vec![operation])),
            }
        }
        chapters.sort_by_key(|(chapter, order, _)| {
            (chapter.is_none(), order.is_none(), *order, *chapter)
        });
        chapters
            .into_iter()
            .map(|(chapter, _, operations)| (chapter, operations))
            .collect()
    }
}

/// Header parameters that carry credentials rather than parameters of a
/// call: every page lists `X-Auth-Token` as mandatory, but it belongs to the
/// token credentials, and AK/SK signing sends none; pages that list
/// `X-Security-Token` mean the token of temporary AK/SK, which the
/// credentials send and sign. Specs keep the headers as documented; emission
/// routes them to the runtime's credentials.
pub fn is_credential_header(wire_name: &str) -> bool {
    ["X-Auth-Token", "X-Security-Token"]
        .iter()
        .any(|name| wire_name.eq_ignore_ascii_case(name))
}

/// Path parameters the credentials know (`{project_id}`, `{domain_id}`):
/// the resolver makes them optional, and the runtime fills them from the
/// credentials when a request leaves them unset, as the official SDKs do.
pub fn is_account_id(wire_name: &str) -> bool {
    matches!(wire_name, "project_id" | "domain_id")
}

impl Operation {
    /// What the operation is: its method and path template (see [`crate::spec::identity`]).
    pub fn identity(&self) -> String {
        crate::spec::identity(self.method.as_str(), &self.path)
    }

    /// The header parameters a request carries: all but the credential headers.
    pub fn parameter_headers(&self) -> Vec<&Field> {
        self.header_params
            .iter()
            .filter(|f| !is_credential_header(&f.wire))
            .collect()
    }

    pub fn find_struct(&self, name: &str) -> Option<&Struct> {
        self.structs.iter().find(|s| s.name == name)
    }

    pub fn find_enum(&self, name: &str) -> Option<&Enum> {
        self.enums.iter().find(|e| e.name == name)
    }

    /// The path template cut into literal pieces and parameters, in order.
    pub fn path_pieces(&self) -> Vec<PathPiece<'_>> {
        path_pieces(&self.path)
    }

    /// The body an example is of: the request's, or its status's (none if
    /// the page documents no such body).
    pub fn body_of(&self, target: &ExampleTarget) -> Option<&Body> {
        match target {
            ExampleTarget::Request => self.request_body.as_ref(),
            ExampleTarget::Response(status) => self
                .responses
                .iter()
                .find(|r| r.status == *status)
                .map(|r| &r.body),
        }
    }
}

/// The HTTP methods an operation may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
    Patch,
    Head,
    Options,
}

impl Method {
    pub const ALL: [Method; 7] = [
        Method::Get,
        Method::Post,
        Method::Put,
        Method::Delete,
        Method::Patch,
        Method::Head,
        Method::Options,
    ];

    /// The method as the docs and HTTP write it: upper case (`POST`).
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
            Method::Patch => "PATCH",
            Method::Head => "HEAD",
            Method::Options => "OPTIONS",
        }
    }

    /// The method a word names, exactly as HTTP writes it (`POST`, not `post`).
    pub fn from_name(word: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.as_str() == word)
    }
}

impl std::fmt::Display for Method {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A path template (`/v3/{project_id}/elb/certificates`) cut into literal
/// pieces and `{placeholder}` names, in order. The one reading of a path's
/// placeholders: import, resolve and emission all use it. An unclosed `{`
/// ends the template's placeholders (the resolver reports it).
pub fn path_pieces(path: &str) -> Vec<PathPiece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        if open > 0 {
            pieces.push(PathPiece::Literal(&rest[..open]));
        }
        pieces.push(PathPiece::Parameter(rest[open + 1..close].trim()));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        pieces.push(PathPiece::Literal(rest));
    }
    pieces
}

/// The `{placeholder}` names of a path template, in order.
pub fn placeholders(path: &str) -> Vec<&str> {
    path_pieces(path)
        .into_iter()
        .filter_map(|piece| match piece {
            PathPiece::Parameter(name) => Some(name),
            PathPiece::Literal(_) => None,
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathPiece<'a> {
    Literal(&'a str),
    Parameter(&'a str),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_placeholders_and_methods() {
        assert_eq!(
            placeholders("/v3/{project_id}/x/{ id }"),
            vec!["project_id", "id"]
        );
        assert_eq!(placeholders("/v3/{project_id/x"), Vec::<&str>::new());
        assert_eq!(
            path_pieces("/v1/{a}/b"),
            vec![
                PathPiece::Literal("/v1/"),
                PathPiece::Parameter("a"),
                PathPiece::Literal("/b")
            ]
        );
        assert_eq!(Method::from_name("PATCH"), Some(Method::Patch));
        assert_eq!(Method::from_name("patch"), None);
        assert_eq!(Method::Options.to_string(), "OPTIONS");
    }
}

/// What a body is.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// A JSON value of this type (normally a struct).
    Json(Ty),
    /// Plain text: the docs give the body as one `-` row of type String.
    Text,
}

/// One Rust struct, from one table.
#[derive(Debug, Clone, PartialEq)]
pub struct Struct {
    pub name: String,
    pub doc: Vec<String>,
    pub fields: Vec<Field>,
    /// The table it comes from, for messages and comments (`object "details"`).
    pub origin: String,
}

/// One documented row.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The name on the wire, exactly as documented.
    pub wire: String,
    /// The Rust identifier (raw identifiers for keywords: `r#type`).
    pub rust: String,
    pub doc: Vec<String>,
    pub required: bool,
    pub ty: Ty,
    pub rules: Rules,
    /// A credential: kept out of Debug output and error messages.
    pub secret: bool,
    /// The documented default.
    pub default: Option<DefaultValue>,
}

/// A documented default: as the docs write it, and read for its field's type.
#[derive(Debug, Clone, PartialEq)]
pub struct DefaultValue {
    /// As written on the wire (`10`, `true`, `SLOW`).
    pub written: String,
    pub value: Literal,
}

/// What a default is, read for its field's type.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Number(Limit),
    Bool(bool),
    /// Text: for a string or enumeration, or a default that does not read as
    /// its type (the resolver reports that).
    Text(String),
    /// For an object, array, map or any-JSON field.
    Json(serde_json::Value),
}

impl Literal {
    /// Whether two defaults are the same value: `10` and `10.0` are one number.
    pub fn same_as(&self, other: &Literal) -> bool {
        match (self, other) {
            (Literal::Number(a), Literal::Number(b)) => {
                a.partial_cmp(b) == Some(std::cmp::Ordering::Equal)
            }
            _ => self == other,
        }
    }
}

/// The Rust type of a value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Ty {
    String,
    /// A credential string.
    Secret,
    I32,
    I64,
    F64,
    Bool,
    Struct(String),
    Enum(String),
    Array(Box<Ty>),
    /// A JSON object with string keys and values of this type.
    Map(Box<Ty>),
    /// Any JSON value (the docs say "JSON" and nothing more).
    Json,
}

impl Ty {
    /// The type of the scalars at the bottom of arrays.
    pub fn innermost(&self) -> &Ty {
        match self {
            Ty::Array(inner) => inner.innermost(),
            other => other,
        }
    }
}

/// The constraints of one field.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rules {
    /// Item count, for arrays.
    pub items: Bounds<u64>,
    /// Length in characters of a string, or of each string of an array.
    pub length: Bounds<u64>,
    /// Value range of a number, or of each number of an array.
    pub range: Bounds<Limit>,
    /// Allowed values of a number (string enumerations are [`Ty::Enum`]s).
    pub one_of: Option<Vec<Limit>>,
}

/// An inclusive range with either end open.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds<T> {
    pub min: Option<T>,
    pub max: Option<T>,
}

impl<T> Default for Bounds<T> {
    fn default() -> Self {
        Bounds {
            min: None,
            max: None,
        }
    }
}

impl<T> Bounds<T> {
    pub fn is_none(&self) -> bool {
        self.min.is_none() && self.max.is_none()
    }
}

/// A string enumeration; values the docs do not list are kept, not rejected.
#[derive(Debug, Clone, PartialEq)]
pub struct Enum {
    pub name: String,
    pub doc: Vec<String>,
    pub variants: Vec<Variant>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    pub wire: String,
    pub rust: String,
    /// What the docs say in brackets after the value (`only in public
    /// zones`, `End-of-sale`, `deprecated`): the value stays documented.
    pub note: Option<String>,
}

/// One documented response status.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseCase {
    pub status: u16,
    /// The `Response` variant (`Ok`, `Forbidden`, `Status499`).
    pub variant: String,
    /// The Status Codes table's description.
    pub doc: Vec<String>,
    pub body: Body,
}

/// One example payload and what checking it must show.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleCase {
    /// The test function name (`request_example`, `response_403_example`).
    pub name: String,
    pub target: ExampleTarget,
    /// The payload, verbatim.
    pub body: String,
    pub expect: Expectation,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExampleTarget {
    Request,
    Response(u16),
}

/// What the generated test asserts about an example.
#[derive(Debug, Clone, PartialEq)]
pub enum Expectation {
    /// Reads, validates and writes back to the same JSON value (or the same text, for text bodies).
    RoundTrip,
    /// Reads and writes back losslessly, but breaks documented constraints: these violations, as displayed.
    Violations(Vec<String>),
    /// Does not read: the docs contradict themselves. The error, as displayed.
    DecodeError(String),
    /// The payload is not JSON at all.
    InvalidJson,
}
