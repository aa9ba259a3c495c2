// `tracing` spans, one per call and one per attempt (feature `tracing`):
// operation, method, attempt, status and request id; never a URL, a header
// value or a body, which may carry credentials. Without the feature these
// are empty functions the compiler removes.

use crate::validation::Violations;
use std::future::Future;

#[cfg(feature = "tracing")]
mod on {
    use super::*;
    use tracing::Instrument;

    pub struct Span(tracing::Span);

    pub fn call(operation: &'static str, method: &http::Method) -> Span {
        Span(tracing::info_span!(
            "docspec.call",
            operation,
            method = method.as_str(),
            status = tracing::field::Empty,
            request_id = tracing::field::Empty,
        ))
    }

    pub fn attempt(operation: &'static str, attempt: u32) -> Span {
        Span(tracing::debug_span!(
            "docspec.attempt",
            operation,
            attempt,
            status = tracing::field::Empty,
            request_id = tracing::field::Empty,
        ))
    }

    impl Span {
        pub async fn wrap<F: Future>(&self, future: F) -> F::Output {
            future.instrument(self.0.clone()).await
        }

        pub fn answered(&self, status: u16, headers: &http::HeaderMap) {
            self.0.record("status", status);
            if let Some(id) = crate::client::request_id(headers) {
                self.0.record("request_id", id);
            }
        }
    }

    pub fn sent_despite(operation: &'static str, violations: &Violations) {
        tracing::warn!(
            operation,
            count = violations.len(),
            "sent despite documented constraints: {violations}"
        );
    }
}

#[cfg(not(feature = "tracing"))]
mod on {
    use super::*;

    pub struct Span;

    pub fn call(_operation: &'static str, _method: &http::Method) -> Span {
        Span
    }

    pub fn attempt(_operation: &'static str, _attempt: u32) -> Span {
        Span
    }

    impl Span {
        pub async fn wrap<F: Future>(&self, future: F) -> F::Output {
            future.await
        }

        pub fn answered(&self, _status: u16, _headers: &http::HeaderMap) {}
    }

    pub fn sent_despite(_operation: &'static str, _violations: &Violations) {}
}

pub use on::{attempt, call, sent_despite};
