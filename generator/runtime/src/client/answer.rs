// What came back: a typed response with the status and headers it came
// with, and one view of an error answer (status, error code, message,
// request id) whatever shape the service gave its body.

use super::TypedResponse;
use crate::validation::Violations;
use std::fmt;

/// The header a Huawei Cloud answer names its request in; support asks for it.
pub const REQUEST_ID_HEADER: &str = "X-Request-Id";

/// A typed response with the status and headers it came with. It derefs to
/// the response, so `match &*answer { Response::Ok(body) => .. }` reads it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Answer<R> {
    /// The HTTP status.
    pub status: u16,
    /// The headers received.
    pub headers: http::HeaderMap,
    /// The typed response.
    pub response: R,
    /// The documented constraints the request broke, when it was sent despite
    /// them (`transport::Options::send_despite_violations` or
    /// `transport::Client::send_despite_violations`); `None` when it broke none.
    pub violations: Option<Violations>,
}

impl<R> Answer<R> {
    /// A typed response with its status and headers.
    pub fn new(status: u16, headers: http::HeaderMap, response: R) -> Self {
        Answer {
            status,
            headers,
            response,
            violations: None,
        }
    }

    /// Records the violations the request was sent with.
    pub fn with_violations(mut self, violations: Violations) -> Self {
        self.violations = (!violations.is_empty()).then_some(violations);
        self
    }

    /// The `X-Request-Id` the answer came with.
    pub fn request_id(&self) -> Option<&str> {
        request_id(&self.headers)
    }

    /// The typed response alone.
    pub fn into_response(self) -> R {
        self.response
    }
}

impl<R: TypedResponse> Answer<R> {
    /// The error this answer carries, for a status of 400 or more (documented
    /// or not); `None` for a success.
    pub fn service_error(&self) -> Option<ServiceError> {
        (self.status >= 400)
            .then(|| ServiceError::read(self.status, &self.headers, &self.response.to_json()))
    }

    /// The answer for a success; an error status (400 or more, documented or
    /// not) as `Err`, so that `client.call(request).await?.error_for_status()?`
    /// leaves only the successes to match.
    pub fn error_for_status(self) -> Result<Self, ServiceError> {
        match self.service_error() {
            Some(error) => Err(error),
            None => Ok(self),
        }
    }
}

impl<R> std::ops::Deref for Answer<R> {
    type Target = R;
    fn deref(&self) -> &R {
        &self.response
    }
}

/// The `X-Request-Id` among `headers`.
pub fn request_id(headers: &http::HeaderMap) -> Option<&str> {
    headers.get(REQUEST_ID_HEADER)?.to_str().ok()
}

/// An error answer as one view: its status, the service's error code and
/// message, and the request id, from the documented error body or from the
/// shapes services commonly answer with (`error_code`/`error_msg`,
/// `code`/`message`, `error: {code, message}`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ServiceError {
    /// The HTTP status.
    pub status: u16,
    /// The service's error code (`APIGW.0301`, `ModelArts.0104`).
    pub code: Option<String>,
    /// The service's error message.
    pub message: Option<String>,
    /// From the `X-Request-Id` header, else a `request_id` member of the body.
    pub request_id: Option<String>,
    /// The body as JSON (text that is not JSON as a JSON string); boxed, so that the error stays small to return.
    pub body: Box<serde_json::Value>,
}

/// The member names an error's code and message go by, most specific first.
const CODE_NAMES: [&str; 4] = ["error_code", "errorCode", "code", "error"];
const MESSAGE_NAMES: [&str; 6] = [
    "error_msg",
    "error_message",
    "errorMsg",
    "errorMessage",
    "message",
    "error_description",
];

impl ServiceError {
    /// Reads the error view of an answer whose body is `body` as JSON.
    pub fn read(status: u16, headers: &http::HeaderMap, body: &serde_json::Value) -> Self {
        // `{"error": {"code": .., "message": ..}}`: the object is the error.
        let error = match body.get("error") {
            Some(inner @ serde_json::Value::Object(_)) => inner,
            _ => body,
        };
        let first = |names: &[&str]| {
            names
                .iter()
                .find_map(|name| error.get(name).and_then(scalar_text))
        };
        let request_id = request_id(headers)
            .map(str::to_owned)
            .or_else(|| body.get("request_id").and_then(scalar_text));
        ServiceError {
            status,
            code: first(&CODE_NAMES),
            message: first(&MESSAGE_NAMES),
            request_id,
            body: Box::new(body.clone()),
        }
    }
}

/// A string as it is, a number or boolean as written; anything else is no code or message.
fn scalar_text(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(text) => Some(text.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "status {}", self.status)?;
        if let Some(code) = &self.code {
            write!(f, " {code}")?;
        }
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " (request id {id})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ServiceError {}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn headers(request_id: Option<&str>) -> http::HeaderMap {
        let mut headers = http::HeaderMap::new();
        if let Some(id) = request_id {
            headers.insert(REQUEST_ID_HEADER, id.parse().unwrap());
        }
        headers
    }

    #[test]
    fn the_common_shapes_give_code_and_message() {
        let none = headers(None);
        for (body, code, message) in [
            (
                json!({"error_code": "SMS.0001", "error_msg": "bad task"}),
                "SMS.0001",
                "bad task",
            ),
            (json!({"code": 400, "message": "bad"}), "400", "bad"),
            (
                json!({"error": {"code": "APIGW.0301", "message": "Incorrect IAM authentication information"}}),
                "APIGW.0301",
                "Incorrect IAM authentication information",
            ),
            (json!({"errorCode": "E1", "errorMessage": "m"}), "E1", "m"),
        ] {
            let error = ServiceError::read(403, &none, &body);
            assert_eq!(error.code.as_deref(), Some(code), "{body}");
            assert_eq!(error.message.as_deref(), Some(message), "{body}");
            assert_eq!(error.status, 403);
            assert_eq!(*error.body, body);
        }
        let text = ServiceError::read(502, &none, &json!("Bad Gateway"));
        assert_eq!((text.code, text.message), (None, None));
    }

    #[test]
    fn the_request_id_comes_from_the_header_else_the_body() {
        let body = json!({"error_code": "X", "request_id": "from-body"});
        let with_header = ServiceError::read(500, &headers(Some("from-header")), &body);
        assert_eq!(with_header.request_id.as_deref(), Some("from-header"));
        let without = ServiceError::read(500, &headers(None), &body);
        assert_eq!(without.request_id.as_deref(), Some("from-body"));
        assert_eq!(
            with_header.to_string(),
            "status 500 X (request id from-header)"
        );
    }

    #[derive(Debug)]
    struct Plain(u16, serde_json::Value);

    impl TypedResponse for Plain {
        fn status(&self) -> u16 {
            self.0
        }
        fn is_documented(&self) -> bool {
            true
        }
        fn to_json(&self) -> serde_json::Value {
            self.1.clone()
        }
    }

    #[test]
    fn error_statuses_become_err_and_successes_stay() {
        let body = json!({"error_code": "SMS.9999", "error_msg": "no such task"});
        let answer = Answer::new(404, headers(Some("r-1")), Plain(404, body));
        let error = answer.error_for_status().unwrap_err();
        assert_eq!(
            error.to_string(),
            "status 404 SMS.9999: no such task (request id r-1)"
        );
        let ok = Answer::new(200, headers(Some("r-2")), Plain(200, json!({})));
        assert!(ok.service_error().is_none());
        let ok = ok.error_for_status().unwrap();
        assert_eq!(ok.request_id(), Some("r-2"));
        assert_eq!(ok.status(), 200, "derefs to the response");
    }
}
