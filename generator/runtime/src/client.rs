//! Turning a typed request into an HTTP request, and an HTTP response into a
//! typed response, without doing any I/O: send the `http::Request` with the
//! HTTP client of your choice.
//!
//! What we send is checked: the documented constraints (`Validate`), header
//! values free of CR/LF and other control characters, path parameters
//! percent-encoded so that a value can never change the path's shape.

mod answer;
/// Paged operations: what a generated request tells of its pages.
pub mod paging;

pub use answer::{request_id, Answer, ServiceError, REQUEST_ID_HEADER};
pub use paging::{Paged, PagingKind};

use super::validation::{Validate, Violations};
use super::wire::DecodeError;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use std::fmt;

/// Why a request could not be built. Never shows a header's value, which may be a credential.
#[derive(Debug)]
#[non_exhaustive]
pub enum RequestError {
    /// The request breaks documented constraints.
    Invalid(Violations),
    /// The endpoint is not `scheme://host[:port][/base-path]`.
    Endpoint {
        /// The endpoint as given.
        endpoint: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A header value holds CR, LF or another character a header cannot carry.
    HeaderValue {
        /// The header, by name (its value is never shown).
        name: &'static str,
    },
    /// A path parameter that the credentials can fill (`{project_id}`,
    /// `{domain_id}`) is unset in the request, and the credentials give none.
    MissingId {
        /// The path parameter (`project_id`).
        parameter: &'static str,
        /// The environment variable that would give it (`HUAWEICLOUD_SDK_PROJECT_ID`).
        variable: &'static str,
    },
    /// The body could not be written as JSON.
    Body(serde_json::Error),
    /// The `http` crate refused the request it was given (a method, URI or header it cannot carry).
    Http(http::Error),
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestError::Invalid(violations) => write!(f, "the request breaks documented constraints:\n{violations}"),
            RequestError::Endpoint { endpoint, reason } => write!(f, "invalid endpoint {endpoint:?}: {reason}"),
            RequestError::HeaderValue { name } => write!(
                f,
                "the value of header {name} contains a character a header cannot carry (CR, LF or another control character)"
            ),
            RequestError::MissingId { parameter, variable } => write!(
                f,
                "path parameter {{{parameter}}} is unset and the credentials give none: set it in the request, in the credentials, or in {variable}"
            ),
            RequestError::Body(_) => f.write_str("the body cannot be written as JSON"),
            RequestError::Http(_) => f.write_str("cannot build the HTTP request"),
        }
    }
}

impl std::error::Error for RequestError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RequestError::Invalid(violations) => Some(violations),
            RequestError::Body(e) => Some(e),
            RequestError::Http(e) => Some(e),
            _ => None,
        }
    }
}

impl From<http::Error> for RequestError {
    fn from(e: http::Error) -> Self {
        RequestError::Http(e)
    }
}

/// Where a request goes: the endpoint (`https://host[:port][/base-path]`), and
/// the ids that fill `{project_id}` and `{domain_id}` where the request leaves
/// them unset (the transport takes them from the credentials). A `&str` is an
/// endpoint without ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Endpoint<'a> {
    /// `https://host[:port][/base-path]`.
    pub url: &'a str,
    /// Fills `{project_id}` where the request leaves it unset.
    pub project_id: Option<&'a str>,
    /// Fills `{domain_id}` where the request leaves it unset.
    pub domain_id: Option<&'a str>,
}

impl<'a> Endpoint<'a> {
    /// `url`, without ids.
    pub fn new(url: &'a str) -> Self {
        Endpoint {
            url,
            project_id: None,
            domain_id: None,
        }
    }

    /// The project id for `{project_id}` when the request leaves it unset.
    pub fn with_project_id(mut self, id: &'a str) -> Self {
        self.project_id = Some(id);
        self
    }

    /// The account (domain) id for `{domain_id}` when the request leaves it unset.
    pub fn with_domain_id(mut self, id: &'a str) -> Self {
        self.domain_id = Some(id);
        self
    }
}

impl<'a> From<&'a str> for Endpoint<'a> {
    fn from(url: &'a str) -> Self {
        Endpoint::new(url)
    }
}

impl<'a> From<&'a String> for Endpoint<'a> {
    fn from(url: &'a String) -> Self {
        Endpoint::new(url)
    }
}

/// Everything but RFC 3986's unreserved characters is escaped in a path segment or query component.
pub const UNRESERVED_ONLY: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Builds a request URI from an endpoint, literal path pieces, parameters and a query string.
pub struct UriBuilder<'a> {
    uri: String,
    query_started: bool,
    endpoint: Endpoint<'a>,
}

impl<'a> UriBuilder<'a> {
    /// Starts from `endpoint` (`https://host[:port]`, optionally with a base path).
    pub fn new(endpoint: impl Into<Endpoint<'a>>) -> Result<Self, RequestError> {
        let target = endpoint.into();
        let endpoint = target.url;
        let invalid = |reason| RequestError::Endpoint {
            endpoint: without_userinfo(endpoint),
            reason,
        };
        let parsed: http::Uri = endpoint.parse().map_err(|_| invalid("not a URI"))?;
        if parsed.scheme().is_none() || parsed.authority().is_none() {
            return Err(invalid("expected scheme://host"));
        }
        if parsed.query().is_some() {
            return Err(invalid("an endpoint has no query string"));
        }
        Ok(UriBuilder {
            uri: endpoint.trim_end_matches('/').to_owned(),
            query_started: false,
            endpoint: target,
        })
    }

    /// Appends a piece of the documented path template, as is.
    pub fn literal(&mut self, piece: &str) {
        self.uri.push_str(piece);
    }

    /// Appends a path parameter, percent-encoded so that `/`, `?` or `..` stay data.
    pub fn segment(&mut self, value: &dyn fmt::Display) {
        let value = value.to_string();
        self.uri
            .extend(utf8_percent_encode(&value, UNRESERVED_ONLY));
    }

    /// Appends `{project_id}`: the request's value, else the endpoint's (the credentials').
    pub fn project_id(&mut self, given: Option<&str>) -> Result<(), RequestError> {
        let id = given.or(self.endpoint.project_id);
        self.id_segment(id, "project_id", crate::credentials::ENV_PROJECT_ID)
    }

    /// Appends `{domain_id}`: the request's value, else the endpoint's (the credentials').
    pub fn domain_id(&mut self, given: Option<&str>) -> Result<(), RequestError> {
        let id = given.or(self.endpoint.domain_id);
        self.id_segment(id, "domain_id", crate::credentials::ENV_DOMAIN_ID)
    }

    fn id_segment(
        &mut self,
        id: Option<&str>,
        parameter: &'static str,
        variable: &'static str,
    ) -> Result<(), RequestError> {
        match id.filter(|id| !id.is_empty()) {
            Some(id) => {
                self.segment(&id);
                Ok(())
            }
            None => Err(RequestError::MissingId {
                parameter,
                variable,
            }),
        }
    }

    /// Appends `name=value` to the query string.
    pub fn query(&mut self, name: &str, value: &dyn fmt::Display) {
        self.uri.push(if self.query_started { '&' } else { '?' });
        self.query_started = true;
        self.uri.extend(utf8_percent_encode(name, UNRESERVED_ONLY));
        self.uri.push('=');
        self.uri
            .extend(utf8_percent_encode(&value.to_string(), UNRESERVED_ONLY));
    }

    /// The URI: the endpoint, the path and the query.
    pub fn finish(self) -> Result<http::Uri, RequestError> {
        self.uri
            .parse()
            .map_err(|e: http::uri::InvalidUri| RequestError::Http(e.into()))
    }
}

/// Adds a header, refusing values that carry CR, LF or other control characters.
pub fn header(
    builder: http::request::Builder,
    name: &'static str,
    value: &dyn fmt::Display,
) -> Result<http::request::Builder, RequestError> {
    Ok(builder.header(name, checked_value(name, &value.to_string())?))
}

/// Adds a header that carries a credential: checked as [`header`], and marked
/// sensitive so that `http`'s Debug output shows `Sensitive` instead of it.
pub fn secret_header(
    builder: http::request::Builder,
    name: &'static str,
    value: &str,
) -> Result<http::request::Builder, RequestError> {
    let mut value = checked_value(name, value)?;
    value.set_sensitive(true);
    Ok(builder.header(name, value))
}

fn checked_value(name: &'static str, value: &str) -> Result<http::HeaderValue, RequestError> {
    if value.chars().any(|c| c.is_control() && c != '\t') {
        return Err(RequestError::HeaderValue { name });
    }
    http::HeaderValue::from_str(value).map_err(|_| RequestError::HeaderValue { name })
}

/// The content type of JSON bodies, as the official SDKs send it.
pub const JSON_CONTENT_TYPE: &str = "application/json;charset=UTF-8";

/// Finishes a request with a JSON body.
pub fn json_body<T: serde::Serialize>(
    builder: http::request::Builder,
    body: &T,
) -> Result<http::Request<Vec<u8>>, RequestError> {
    let bytes = serde_json::to_vec(body).map_err(RequestError::Body)?;
    Ok(builder
        .header(http::header::CONTENT_TYPE, JSON_CONTENT_TYPE)
        .body(bytes)?)
}

/// Finishes a request with a plain-text body.
pub fn text_body(
    builder: http::request::Builder,
    body: &str,
) -> Result<http::Request<Vec<u8>>, RequestError> {
    Ok(builder
        .header(http::header::CONTENT_TYPE, "text/plain; charset=utf-8")
        .body(body.as_bytes().to_vec())?)
}

/// Finishes a request without a body.
pub fn no_body(builder: http::request::Builder) -> Result<http::Request<Vec<u8>>, RequestError> {
    Ok(builder.body(Vec::new())?)
}

/// A response body that is not what the docs give for its status.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ResponseError {
    /// The HTTP status of the response.
    pub status: u16,
    /// Where and why decoding failed (`path` is a JSON pointer).
    pub error: DecodeError,
    /// The body as received.
    pub body: Vec<u8>,
    /// The headers received (empty where the caller gave none, as `from_http`
    /// of a generated `Response` does). Boxed: an error stays small to return.
    pub headers: Box<http::HeaderMap>,
}

impl ResponseError {
    /// The error of reading `body`, received with `status`.
    pub fn new(status: u16, error: DecodeError, body: &[u8]) -> Self {
        ResponseError {
            status,
            error,
            body: body.to_vec(),
            headers: Box::default(),
        }
    }

    /// Keeps the headers the answer came with.
    pub fn with_headers(mut self, headers: http::HeaderMap) -> Self {
        *self.headers = headers;
        self
    }

    /// The `X-Request-Id` the answer came with.
    pub fn request_id(&self) -> Option<&str> {
        answer::request_id(&self.headers)
    }

    /// What the body tells of an error, read from its usual shapes (see [`ServiceError`]).
    pub fn service_error(&self) -> ServiceError {
        ServiceError::read(self.status, &self.headers, &raw_json_value(&self.body))
    }
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SHOWN: usize = 512;
        let body = String::from_utf8_lossy(&self.body[..self.body.len().min(SHOWN)]);
        let more = if self.body.len() > SHOWN { "..." } else { "" };
        write!(
            f,
            "status {}: the body is not the documented type: {} (body: {body:?}{more})",
            self.status, self.error
        )?;
        match self.request_id() {
            Some(id) => write!(f, " (request id {id})"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for ResponseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

/// One documented operation: what every generated `Request` implements, so
/// that one generic transport can send any of them.
pub trait Operation: Validate {
    /// The typed response, one variant per documented status.
    type Response;
    /// The operation's name as the docs give it (`ExportConsistencyResults`).
    const NAME: &'static str;
    /// The operation's HTTP method.
    const METHOD: http::Method;

    /// Builds the HTTP request for `endpoint`, without credentials and
    /// without checking the documented constraints: [`Operation::to_http`] checks first.
    fn build_http(&self, endpoint: Endpoint<'_>) -> Result<http::Request<Vec<u8>>, RequestError>;

    /// Validates, then builds the HTTP request for `endpoint`, without credentials.
    fn to_http(&self, endpoint: Endpoint<'_>) -> Result<http::Request<Vec<u8>>, RequestError> {
        self.validate().map_err(RequestError::Invalid)?;
        self.build_http(endpoint)
    }

    /// Reads an answer.
    fn from_http(
        status: u16,
        headers: &http::HeaderMap,
        body: &[u8],
    ) -> Result<Self::Response, ResponseError>;
}

/// Reads an answer to `O` with the status and headers it came with: the
/// sans-IO counterpart of what the transport returns.
pub fn read<O: Operation>(
    status: u16,
    headers: http::HeaderMap,
    body: &[u8],
) -> Result<Answer<O::Response>, ResponseError> {
    match O::from_http(status, &headers, body) {
        Ok(response) => Ok(Answer::new(status, headers, response)),
        Err(e) => Err(e.with_headers(headers)),
    }
}

/// What a generated `Response` tells about itself, for code that handles any operation.
pub trait TypedResponse {
    /// The HTTP status.
    fn status(&self) -> u16;
    /// Whether the status is one the docs list.
    fn is_documented(&self) -> bool;
    /// The body as JSON (text bodies as a JSON string).
    fn to_json(&self) -> serde_json::Value;
}

/// A typed body as JSON, for printing; the generated types always serialize,
/// and if one did not, the value says why instead of panicking.
pub fn json_value<T: serde::Serialize>(body: &T) -> serde_json::Value {
    serde_json::to_value(body).unwrap_or_else(|e| serde_json::Value::String(e.to_string()))
}

/// A body received under an undocumented status: JSON if it is, else its text.
pub fn raw_json_value(body: &[u8]) -> serde_json::Value {
    serde_json::from_slice(body)
        .unwrap_or_else(|_| serde_json::Value::String(String::from_utf8_lossy(body).into_owned()))
}

/// `endpoint` as an error may show it: a `user:password@` written into the
/// URL is replaced by `***@`, since errors end up in logs.
pub(crate) fn without_userinfo(endpoint: &str) -> String {
    let start = endpoint.find("://").map_or(0, |i| i + 3);
    let authority_end = endpoint[start..]
        .find(['/', '?', '#'])
        .map_or(endpoint.len(), |i| start + i);
    match endpoint[start..authority_end].rfind('@') {
        Some(at) => format!("{}***{}", &endpoint[..start], &endpoint[start + at..]),
        None => endpoint.to_owned(),
    }
}

/// Whether sending a request with `method` twice has the effect of sending it
/// once (RFC 9110), so that it may be retried without being asked.
pub fn is_idempotent(method: &http::Method) -> bool {
    [
        http::Method::GET,
        http::Method::HEAD,
        http::Method::PUT,
        http::Method::DELETE,
        http::Method::OPTIONS,
    ]
    .contains(method)
}
