// The one thing the transport needs from an HTTP stack: send a request, give
// back the whole answer. reqwest implements it here; a mock, or another
// stack, implements it in a few lines.

use std::error::Error as StdError;
use std::fmt;
use std::future::Future;
use std::pin::Pin;

/// The answer to come from [`HttpClient::send`].
pub type Pending<'a> =
    Pin<Box<dyn Future<Output = Result<http::Response<Vec<u8>>, SendError>> + Send + 'a>>;

/// An HTTP stack the transport sends through: reqwest by default, any other
/// (or a mock) by implementing this. The request is complete (signed, with its
/// body); the answer comes back with its whole body. Timeouts and retries are
/// the transport's: an implementation sends once.
pub trait HttpClient: Send + Sync {
    /// Sends `request` once; the answer with its whole body.
    fn send(&self, request: http::Request<Vec<u8>>) -> Pending<'_>;
}

/// Why an exchange failed, with the stack's own error as its source.
#[derive(Debug)]
#[non_exhaustive]
pub struct SendError {
    kind: Kind,
    source: Box<dyn StdError + Send + Sync>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Connect,
    Timeout,
    Other,
}

impl SendError {
    /// No connection was made: nothing was sent, so any request may be retried.
    pub fn connect(source: impl Into<Box<dyn StdError + Send + Sync>>) -> Self {
        SendError {
            kind: Kind::Connect,
            source: source.into(),
        }
    }

    /// No answer in time.
    pub fn timeout(source: impl Into<Box<dyn StdError + Send + Sync>>) -> Self {
        SendError {
            kind: Kind::Timeout,
            source: source.into(),
        }
    }

    /// Any other failure of the exchange.
    pub fn other(source: impl Into<Box<dyn StdError + Send + Sync>>) -> Self {
        SendError {
            kind: Kind::Other,
            source: source.into(),
        }
    }

    /// Whether no connection was made.
    pub fn is_connect(&self) -> bool {
        self.kind == Kind::Connect
    }

    /// Whether no answer came in time.
    pub fn is_timeout(&self) -> bool {
        self.kind == Kind::Timeout
    }
}

impl fmt::Display for SendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            Kind::Connect => f.write_str("cannot connect"),
            Kind::Timeout => f.write_str("no answer within the timeout"),
            Kind::Other => f.write_str("the exchange failed"),
        }
    }
}

impl StdError for SendError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&*self.source)
    }
}

impl HttpClient for reqwest::Client {
    fn send(&self, request: http::Request<Vec<u8>>) -> Pending<'_> {
        Box::pin(async move {
            let request = reqwest::Request::try_from(request).map_err(send_error)?;
            let answer = self.execute(request).await.map_err(send_error)?;
            let mut response = http::Response::new(Vec::new());
            *response.status_mut() = answer.status();
            *response.headers_mut() = answer.headers().clone();
            *response.body_mut() = answer.bytes().await.map_err(send_error)?.to_vec();
            Ok(response)
        })
    }
}

fn send_error(e: reqwest::Error) -> SendError {
    // Without the URL: it is the endpoint the user gave, and may carry a project id.
    let e = e.without_url();
    if e.is_timeout() {
        SendError::timeout(e)
    } else if e.is_connect() {
        SendError::connect(e)
    } else {
        SendError::other(e)
    }
}
