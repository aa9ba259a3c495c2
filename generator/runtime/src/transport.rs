//! Sending requests: an async [`Client`] on reqwest over rustls (ring provider,
//! certificates checked against the platform's roots; there is no switch to
//! turn that off).
//!
//! Requests are authenticated per attempt (an AK/SK signature carries its
//! time), and retried with exponential backoff and jitter on connection
//! errors, 429 and 5xx, but only when repeating them is safe: GET, HEAD, PUT,
//! DELETE, or POST when [`Options::retry_post`] says so. A `Retry-After`
//! header on a 429 or 5xx answer is the server's word on when to come back:
//! it replaces the computed delay, and when it asks for longer than
//! [`Options::max_backoff`] the answer is returned rather than retried early.

use crate::client::{is_idempotent, Operation, RequestError, ResponseError};
use crate::credentials::Credentials;
use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// How a [`Client`] sends.
#[derive(Debug, Clone)]
pub struct Options {
    /// For each attempt, from connecting to the last byte of the body.
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
        }
    }
}

/// Why a call produced no typed response. Never shows a credential.
#[derive(Debug)]
pub enum Error {
    /// The endpoint or the options cannot be used.
    Config(String),
    /// The request could not be built (constraint violations among others): nothing was sent.
    Request(RequestError),
    /// No answer within [`Options::timeout`].
    Timeout,
    /// Connecting or exchanging failed.
    Network(String),
    /// The answer's body is not what the docs give for its status.
    Response(ResponseError),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Config(message) => write!(f, "cannot use this client configuration: {message}"),
            Error::Request(e) => e.fmt(f),
            Error::Timeout => f.write_str("no answer within the timeout"),
            Error::Network(message) => write!(f, "network error: {message}"),
            Error::Response(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Error {}

impl From<RequestError> for Error {
    fn from(e: RequestError) -> Self {
        Error::Request(e)
    }
}

/// Runs `future` to completion on a new single-threaded tokio runtime (the
/// one reqwest needs), for programs that have no async runtime of their own.
pub fn block_on<F: std::future::Future>(future: F) -> Result<F::Output, Error> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Config(format!("cannot start the async runtime: {e}")))?;
    Ok(runtime.block_on(future))
}

/// Sends typed requests to one endpoint with one set of credentials.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    endpoint: String,
    credentials: Credentials,
    options: Options,
}

impl Client {
    /// A client for `endpoint` (`https://host`) with `credentials` and the default [`Options`].
    pub fn new(endpoint: impl Into<String>, credentials: Credentials) -> Result<Self, Error> {
        Self::with_options(endpoint, credentials, Options::default())
    }

    /// A client for `endpoint` with `credentials` and `options`.
    pub fn with_options(
        endpoint: impl Into<String>,
        credentials: Credentials,
        options: Options,
    ) -> Result<Self, Error> {
        let endpoint = endpoint.into();
        check_scheme(&endpoint, options.allow_plain_http)?;
        let tls = tls_config()?;
        let http = reqwest::Client::builder()
            .tls_backend_preconfigured(tls)
            .timeout(options.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| Error::Config(e.to_string()))?;
        Ok(Client {
            http,
            endpoint,
            credentials,
            options,
        })
    }

    /// The endpoint requests go to.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// Validates and sends `operation`, retrying where safe, and reads the typed response.
    pub async fn send<O: Operation>(&self, operation: &O) -> Result<O::Response, Error> {
        let (status, headers, body) = self.send_raw(operation).await?;
        O::from_http(status, &headers, &body).map_err(Error::Response)
    }

    /// As [`Client::send`], but returns the last answer undecoded.
    pub async fn send_raw<O: Operation>(
        &self,
        operation: &O,
    ) -> Result<(u16, http::HeaderMap, Vec<u8>), Error> {
        let unsigned = operation.to_http(&self.endpoint)?;
        let repeatable = is_idempotent(unsigned.method())
            || (self.options.retry_post && unsigned.method() == http::Method::POST);
        let mut attempt = 0;
        loop {
            let mut request = unsigned.clone();
            self.credentials.apply(&mut request, SystemTime::now())?;
            let request =
                reqwest::Request::try_from(request).map_err(|e| Error::Config(e.to_string()))?;
            let last = !repeatable || attempt >= self.options.retries;
            match self.http.execute(request).await {
                Ok(answer) => {
                    let status = answer.status().as_u16();
                    let asked = retry_after(answer.headers(), SystemTime::now());
                    let too_long = asked.is_some_and(|wait| wait > self.options.max_backoff);
                    if last || too_long || !(status == 429 || (500..600).contains(&status)) {
                        let headers = answer.headers().clone();
                        let body = answer.bytes().await.map_err(network)?;
                        return Ok((status, headers, body.to_vec()));
                    }
                    tokio::time::sleep(asked.unwrap_or_else(|| self.delay(attempt))).await;
                }
                Err(e) if e.is_connect() && !last => {
                    tokio::time::sleep(self.delay(attempt)).await;
                }
                Err(e) => return Err(network(e)),
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

fn network(e: reqwest::Error) -> Error {
    if e.is_timeout() {
        Error::Timeout
    } else {
        // Without the URL: it is the endpoint the user gave, and nothing else to add.
        Error::Network(e.without_url().to_string())
    }
}

/// `https://` always; `http://` for loopback hosts, or anywhere with the explicit opt-in.
fn check_scheme(endpoint: &str, allow_plain_http: bool) -> Result<(), Error> {
    let uri: http::Uri = endpoint
        .parse()
        .map_err(|_| Error::Config(format!("{endpoint:?} is not a URI")))?;
    match uri.scheme_str() {
        Some("https") => Ok(()),
        Some("http") if allow_plain_http || uri.host().is_some_and(is_loopback) => Ok(()),
        Some("http") => Err(Error::Config(format!(
            "{endpoint:?} is plain http to a host that is not a loopback address; use https, or set Options::allow_plain_http"
        ))),
        _ => Err(Error::Config(format!(
            "{endpoint:?}: expected an https:// endpoint"
        ))),
    }
}

fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// The TLS configuration: the application's process-wide crypto provider
/// when it installed one (`CryptoProvider::install_default`, with aws-lc-rs
/// for post-quantum key exchange, say), else the ring provider.
fn tls_config() -> Result<rustls::ClientConfig, Error> {
    use rustls::crypto::CryptoProvider;
    use rustls_platform_verifier::BuilderVerifierExt;
    let provider = match CryptoProvider::get_default() {
        Some(installed) => Arc::clone(installed),
        None => Arc::new(ring_provider()),
    };
    rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Config(e.to_string()))?
        .with_platform_verifier()
        .map_err(|e| Error::Config(e.to_string()))
        .map(|builder| builder.with_no_client_auth())
}

/// rustls's ring provider. rustls 0.23.48 deprecates reaching it, since ring
/// has no post-quantum key exchange; it is still the provider this crate
/// builds with everywhere (aws-lc-rs needs a C toolchain and more), and an
/// application that wants post-quantum key exchange installs aws-lc-rs as
/// the process default, which [`tls_config`] takes first. The lint is
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
