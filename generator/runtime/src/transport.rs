//! Sending requests: an async [`Client`] that sends through any
//! [`HttpClient`]: by default reqwest over rustls (ring provider, certificates
//! checked against the platform's roots; there is no switch to turn that
//! off), or a `reqwest::Client` of your own (proxy, extra root certificates,
//! pools), or a mock.
//!
//! Requests are authenticated per attempt (an AK/SK signature carries its
//! time), and retried with exponential backoff and jitter on connection
//! errors, 429 and 5xx, but only when repeating them is safe: GET, HEAD, PUT,
//! DELETE, or POST when [`Options::retry_post`] says so. A `Retry-After`
//! header on a 429 or 5xx answer is the server's word on when to come back:
//! it replaces the computed delay, and when it asks for longer than
//! [`Options::max_backoff`] the answer is returned rather than retried early.
//!
//! With the `tracing` feature each call and each attempt is a span
//! (operation, method, attempt, status, request id; never a URL, a header
//! value or a body).

mod builder;
mod http_client;
mod pages;
mod trace;

pub use crate::client::Answer;
pub use builder::Builder;
pub use http_client::{HttpClient, Pending, SendError};
pub use pages::{Items, Pages};
/// The reqwest the transport is built on, for [`Builder::reqwest_client`].
pub use reqwest;

use crate::client::{is_idempotent, Operation, Paged, RequestError, ResponseError, ServiceError};
use crate::credentials::{Credentials, MissingCredentials};
use crate::regions::Regions;
use crate::regions::UnknownRegion;
use std::error::Error as StdError;
use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// How a [`Client`] sends. Not `#[non_exhaustive]`, so that
/// `Options { timeout, ..Options::default() }` works: fields are only added with a default.
#[derive(Debug, Clone)]
pub struct Options {
    /// For each attempt, from sending to the last byte of the answer's body.
    pub timeout: Duration,
    /// Attempts after the first one.
    pub retries: u32,
    /// The delay before the first retry; doubled for each next one, with up to half of it as jitter.
    pub backoff: Duration,
    /// The longest delay between two attempts, also the longest `Retry-After` honoured.
    pub max_backoff: Duration,
    /// Retry POST too (only for operations that are safe to repeat).
    pub retry_post: bool,
    /// Allow `http://` endpoints that are not loopback addresses.
    pub allow_plain_http: bool,
    /// Send requests that break the documented constraints instead of
    /// refusing them (for when the docs, or their reading, are wrong): the
    /// violations come back in [`Answer::violations`] and, with the `tracing`
    /// feature, as a warning.
    pub send_despite_violations: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            timeout: Duration::from_secs(30),
            retries: 3,
            backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(10),
            retry_post: false,
            allow_plain_http: false,
            send_despite_violations: false,
        }
    }
}

/// Why a call produced no typed response. Never shows a credential.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The endpoint or the options cannot be used.
    Config(String),
    /// The HTTP stack or the async runtime could not be set up (TLS among others).
    Setup(Box<dyn StdError + Send + Sync>),
    /// No credentials were given, and the environment holds none.
    Credentials(MissingCredentials),
    /// The region is not one the service's table knows, or no region and no endpoint were given.
    Region(UnknownRegion),
    /// The request could not be built (constraint violations among others): nothing was sent.
    Request(RequestError),
    /// No answer within [`Options::timeout`].
    Timeout(SendError),
    /// Connecting or exchanging failed.
    Network(SendError),
    /// The answer's body is not what the docs give for its status.
    Response(ResponseError),
    /// The service answered with an error status (from [`Answer::error_for_status`] through `?`).
    Service(ServiceError),
}

impl Error {
    /// The `X-Request-Id` of the answer, when there was one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Response(e) => e.request_id(),
            Error::Service(e) => e.request_id.as_deref(),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Config(message) => write!(f, "cannot use this client configuration: {message}"),
            Error::Setup(_) => f.write_str("cannot set up the HTTP client"),
            Error::Credentials(e) => e.fmt(f),
            Error::Region(e) => e.fmt(f),
            Error::Request(e) => e.fmt(f),
            Error::Timeout(_) => f.write_str("no answer within the timeout"),
            Error::Network(_) => f.write_str("network error"),
            Error::Response(e) => e.fmt(f),
            Error::Service(e) => e.fmt(f),
        }
    }
}

impl StdError for Error {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            Error::Config(_) => None,
            Error::Setup(e) => Some(&**e),
            // The wrapped errors are shown by Display already: their sources come next.
            Error::Credentials(e) => e.source(),
            Error::Region(e) => e.source(),
            Error::Request(e) => e.source(),
            Error::Timeout(e) | Error::Network(e) => Some(e),
            Error::Response(e) => e.source(),
            Error::Service(e) => e.source(),
        }
    }
}

impl From<RequestError> for Error {
    fn from(e: RequestError) -> Self {
        Error::Request(e)
    }
}

impl From<ServiceError> for Error {
    fn from(e: ServiceError) -> Self {
        Error::Service(e)
    }
}

impl From<MissingCredentials> for Error {
    fn from(e: MissingCredentials) -> Self {
        Error::Credentials(e)
    }
}

impl From<UnknownRegion> for Error {
    fn from(e: UnknownRegion) -> Self {
        Error::Region(e)
    }
}

/// Runs `future` to completion on a new single-threaded tokio runtime (the
/// one reqwest needs), for programs that have no async runtime of their own.
pub fn block_on<F: std::future::Future>(future: F) -> Result<F::Output, Error> {
    Ok(runtime()?.block_on(future))
}

/// A new single-threaded tokio runtime with I/O and time, as [`block_on`] uses;
/// for callers that send several requests through one client (its connections
/// belong to the runtime they were made on).
pub(crate) fn runtime() -> Result<tokio::runtime::Runtime, Error> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Setup(Box::new(e)))
}

/// Sends typed requests to one endpoint with one set of credentials.
#[derive(Clone)]
pub struct Client {
    http: Arc<dyn HttpClient>,
    endpoint: String,
    credentials: Credentials,
    options: Options,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("endpoint", &self.endpoint)
            .field("credentials", &self.credentials)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client for `endpoint` (`https://host`) with `credentials`, the default [`Options`] and the default reqwest client.
    pub fn new(endpoint: impl Into<String>, credentials: Credentials) -> Result<Self, Error> {
        Self::with_options(endpoint, credentials, Options::default())
    }

    /// A client for `endpoint` with `credentials` and `options`.
    pub fn with_options(
        endpoint: impl Into<String>,
        credentials: Credentials,
        options: Options,
    ) -> Result<Self, Error> {
        Builder::new()
            .endpoint(endpoint)
            .credentials(credentials)
            .options(options)
            .build()
    }

    /// Sets up a client: region or endpoint, credentials, options, HTTP stack.
    pub fn builder() -> Builder {
        Builder::new()
    }

    /// A client for `region`, one of `regions` (a generated service's `REGIONS`).
    pub fn for_region(
        regions: Regions,
        region: &str,
        credentials: Credentials,
    ) -> Result<Self, Error> {
        Builder::new()
            .regions(regions)
            .region(region)
            .credentials(credentials)
            .build()
    }

    /// A client for the region in `HUAWEICLOUD_SDK_REGION`, one of `regions`,
    /// with the credentials of the environment (see [`Credentials::from_env`]).
    pub fn from_env(regions: Regions) -> Result<Self, Error> {
        Builder::from_env().regions(regions).build()
    }

    /// The endpoint requests go to.
    /// The endpoint requests go to.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// The credentials requests are authenticated with.
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    /// Validates and sends `operation`, retrying where safe, and reads the
    /// typed response; the answer keeps its status and headers. A request
    /// that breaks the documented constraints is refused, unless
    /// [`Options::send_despite_violations`] is set.
    pub async fn send<O: Operation>(&self, operation: &O) -> Result<Answer<O::Response>, Error> {
        self.call(operation, self.options.send_despite_violations)
            .await
    }

    /// As [`Client::send`], but sends a request that breaks the documented
    /// constraints; they come back in [`Answer::violations`].
    pub async fn send_despite_violations<O: Operation>(
        &self,
        operation: &O,
    ) -> Result<Answer<O::Response>, Error> {
        self.call(operation, true).await
    }

    async fn call<O: Operation>(
        &self,
        operation: &O,
        despite_violations: bool,
    ) -> Result<Answer<O::Response>, Error> {
        let span = trace::call(O::NAME, &O::METHOD);
        span.wrap(async {
            let endpoint = self.credentials.endpoint(&self.endpoint);
            let (request, violations) = if despite_violations {
                let violations = operation.validate().err();
                if let Some(violations) = &violations {
                    trace::sent_despite(O::NAME, violations);
                }
                (operation.build_http(endpoint)?, violations)
            } else {
                (operation.to_http(endpoint)?, None)
            };
            let answer = self.exchange(O::NAME, request).await?;
            let (parts, body) = answer.into_parts();
            span.answered(parts.status.as_u16(), &parts.headers);
            let answer = crate::client::read::<O>(parts.status.as_u16(), parts.headers, &body)
                .map_err(Error::Response)?;
            Ok(match violations {
                Some(violations) => answer.with_violations(violations),
                None => answer,
            })
        })
        .await
    }

    /// The pages of a paged operation, starting with `first`.
    pub fn pages<O: Paged>(&self, first: O) -> Pages<'_, O> {
        Pages::new(self, first)
    }

    /// The items of every page of a paged operation, starting with `first`.
    pub fn items<O: Paged>(&self, first: O) -> Items<'_, O>
    where
        O::Response: crate::client::TypedResponse,
    {
        Items::new(Pages::new(self, first))
    }

    /// Sends `operation` (validated) and returns the last answer undecoded.
    pub async fn send_raw<O: Operation>(
        &self,
        operation: &O,
    ) -> Result<http::Response<Vec<u8>>, Error> {
        let request = operation.to_http(self.credentials.endpoint(&self.endpoint))?;
        self.exchange(O::NAME, request).await
    }

    /// Sends a request built without credentials (an [`Operation::to_http`]
    /// result) for the operation named `operation`, authenticating and
    /// retrying as [`Client::send`] does; returns the last answer undecoded.
    /// Not generic, so that a program calling many operations compiles the
    /// sending once.
    pub async fn send_http(
        &self,
        operation: &'static str,
        unsigned: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, Error> {
        self.exchange(operation, unsigned).await
    }

    /// Authenticates and sends `unsigned`, retrying where safe.
    async fn exchange(
        &self,
        operation: &'static str,
        unsigned: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, Error> {
        let repeatable = is_idempotent(unsigned.method())
            || (self.options.retry_post && unsigned.method() == http::Method::POST);
        let mut attempt = 0;
        loop {
            let mut request = unsigned.clone();
            self.credentials.apply(&mut request, SystemTime::now())?;
            let last = !repeatable || attempt >= self.options.retries;
            let span = trace::attempt(operation, attempt);
            let sent = span
                .wrap(tokio::time::timeout(
                    self.options.timeout,
                    self.http.send(request),
                ))
                .await
                .unwrap_or_else(|elapsed| Err(SendError::timeout(elapsed)));
            match sent {
                Ok(answer) => {
                    let status = answer.status().as_u16();
                    span.answered(status, answer.headers());
                    let asked = retry_after(answer.headers(), SystemTime::now());
                    let too_long = asked.is_some_and(|wait| wait > self.options.max_backoff);
                    if last || too_long || !(status == 429 || (500..600).contains(&status)) {
                        return Ok(answer);
                    }
                    tokio::time::sleep(asked.unwrap_or_else(|| self.delay(attempt))).await;
                }
                Err(e) if e.is_connect() && !last => {
                    tokio::time::sleep(self.delay(attempt)).await;
                }
                Err(e) if e.is_timeout() => return Err(Error::Timeout(e)),
                Err(e) => return Err(Error::Network(e)),
            }
            attempt += 1;
        }
    }

    /// Exponential backoff: half the doubled delay for sure, the other half at random.
    fn delay(&self, attempt: u32) -> Duration {
        let full = self
            .options
            .backoff
            .saturating_mul(2u32.saturating_pow(attempt))
            .min(self.options.max_backoff);
        let half = full / 2;
        half + half.mul_f64(fastrand::f64())
    }
}

/// The wait a `Retry-After` header asks for: delay-seconds or an HTTP-date
/// (RFC 9110 §10.2.3). A date in the past means now; an unreadable value is ignored.
fn retry_after(headers: &http::HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers
        .get(http::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

/// `https://` always; `http://` for loopback hosts, or anywhere with the explicit opt-in.
pub(crate) fn check_scheme(endpoint: &str, allow_plain_http: bool) -> Result<(), Error> {
    let shown = crate::client::without_userinfo(endpoint);
    let uri: http::Uri = endpoint
        .parse()
        .map_err(|_| Error::Config(format!("{shown:?} is not a URI")))?;
    match uri.scheme_str() {
        Some("https") => Ok(()),
        Some("http") if allow_plain_http || uri.host().is_some_and(is_loopback) => Ok(()),
        Some("http") => Err(Error::Config(format!(
            "{shown:?} is plain http to a host that is not a loopback address; use https, or set Options::allow_plain_http"
        ))),
        _ => Err(Error::Config(format!(
            "{shown:?}: expected an https:// endpoint"
        ))),
    }
}

fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// The default HTTP stack: reqwest over rustls with the ring provider and the
/// platform's verifier, no redirects (an answer is the operation's answer).
pub(crate) fn default_http_client() -> Result<reqwest::Client, Error> {
    reqwest_builder()?
        .build()
        .map_err(|e| Error::Setup(Box::new(e)))
}

/// The builder of the default reqwest client (rustls with the ring provider,
/// the platform's root certificates, no redirects), to extend with a proxy,
/// pool or timeout settings of your own and give to
/// [`Builder::reqwest_client`]. (A reqwest client built from scratch needs a
/// TLS setup: the runtime's reqwest has no crypto provider of its own.)
pub fn reqwest_builder() -> Result<reqwest::ClientBuilder, Error> {
    use rustls_platform_verifier::BuilderVerifierExt;
    let setup = |e: rustls::Error| Error::Setup(Box::new(e));
    // The application's process-wide crypto provider when it installed one
    // (`CryptoProvider::install_default`, with aws-lc-rs for post-quantum key
    // exchange, say), else the ring provider.
    let provider = match rustls::crypto::CryptoProvider::get_default() {
        Some(installed) => Arc::clone(installed),
        None => Arc::new(ring_provider()),
    };
    let tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(setup)?
        .with_platform_verifier()
        .map_err(setup)?
        .with_no_client_auth();
    Ok(reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .redirect(reqwest::redirect::Policy::none()))
}

/// rustls's ring provider. rustls 0.23.48 deprecates reaching it, since ring
/// has no post-quantum key exchange; it is still the provider this crate
/// builds with everywhere (aws-lc-rs needs a C toolchain and more), and an
/// application that wants post-quantum key exchange installs aws-lc-rs as
/// the process default, which [`reqwest_builder`] takes first. The lint is
/// allowed on this one call, so that users' builds against the newest
/// rustls stay free of warnings; no other deprecation is hidden.
#[allow(deprecated)]
fn ring_provider() -> rustls::crypto::CryptoProvider {
    rustls::crypto::ring::default_provider()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_only_for_loopback_or_on_request() {
        for ok in [
            "https://sms.example.com",
            "http://127.0.0.1:8080",
            "http://[::1]:1",
            "http://localhost",
        ] {
            assert!(check_scheme(ok, false).is_ok(), "{ok}");
        }
        assert!(check_scheme("http://sms.example.com", false).is_err());
        assert!(check_scheme("http://sms.example.com", true).is_ok());
        assert!(check_scheme("ftp://sms.example.com", true).is_err());
    }

    #[test]
    fn an_endpoint_error_never_shows_a_password_written_into_the_url() {
        for endpoint in [
            "http://user:s3cret@sms.example.com/v1",
            "ftp://user:s3cret@sms.example.com",
        ] {
            let message = check_scheme(endpoint, false).unwrap_err().to_string();
            assert!(!message.contains("s3cret"), "{message}");
            assert!(message.contains("***@sms.example.com"), "{message}");
        }
        let built = crate::client::UriBuilder::new("user:s3cret@nohost");
        let message = built.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(!message.contains("s3cret"), "{message}");
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_445_412_480);
        let with = |value: &str| {
            let mut headers = http::HeaderMap::new();
            headers.insert(http::header::RETRY_AFTER, value.parse().unwrap());
            retry_after(&headers, now)
        };
        assert_eq!(with("120"), Some(Duration::from_secs(120)));
        assert_eq!(with(" 0 "), Some(Duration::ZERO));
        // 2015-10-21 07:28:00 UTC is `now`; two minutes later, and one day earlier.
        assert_eq!(
            with("Wed, 21 Oct 2015 07:30:00 GMT"),
            Some(Duration::from_secs(120))
        );
        assert_eq!(with("Tue, 20 Oct 2015 07:28:00 GMT"), Some(Duration::ZERO));
        assert_eq!(with("soon"), None);
        assert_eq!(with("-5"), None);
        assert_eq!(retry_after(&http::HeaderMap::new(), now), None);
    }

    #[test]
    fn backoff_doubles_within_jitter_and_cap() {
        let client = Client::new("https://sms.example.com", Credentials::token("t")).unwrap();
        for attempt in 0..8 {
            let full =
                (Duration::from_millis(200) * 2u32.pow(attempt)).min(Duration::from_secs(10));
            let delay = client.delay(attempt);
            assert!(delay >= full / 2 && delay <= full, "{attempt}: {delay:?}");
        }
    }
}
