//! Requests and responses of the reference operation: what is sent is checked,
//! credentials stay out of Debug output and errors.
//!
//! Since issue 10 the page's `X-Auth-Token` header is a credential, not a
//! field of the request: these tests set it through `Credentials::token`.

use huaweicloud_api::client::RequestError;
use huaweicloud_api::credentials::Credentials;
use huaweicloud_api::sms::export_consistency_results::{
    BatchConsistencyReq, HeaderParameters, Request, RequestBody, Response, METHOD, PATH,
};
use std::time::SystemTime;

const TOKEN: &str = "MIIsecret-token-value";

fn request(language: Option<&str>, tasks: usize) -> Request {
    let mut task = BatchConsistencyReq::new();
    task.task_id = Some("05a41be9-3ffe-4cc6-8d66-07359039xxxx".to_owned());
    Request {
        headers: HeaderParameters {
            x_language: language.map(str::to_owned),
        },
        body: RequestBody::new(vec![task; tasks]),
    }
}

#[test]
fn builds_the_documented_request() {
    assert_eq!(METHOD, http::Method::POST);
    assert_eq!(PATH, "/v3/tasks/consistency-results/export");
    let mut http = request(Some("en-us"), 1)
        .to_http("https://sms.example.com/")
        .unwrap();
    assert!(!http.headers().contains_key("X-Auth-Token"));
    Credentials::token(TOKEN)
        .apply(&mut http, SystemTime::now())
        .unwrap();
    assert_eq!(http.method(), http::Method::POST);
    assert_eq!(
        http.uri(),
        "https://sms.example.com/v3/tasks/consistency-results/export"
    );
    assert_eq!(http.headers()["X-Auth-Token"], TOKEN);
    assert_eq!(http.headers()["X-Language"], "en-us");
    assert_eq!(
        http.headers()["content-type"],
        "application/json;charset=UTF-8"
    );
    let body: serde_json::Value = serde_json::from_slice(http.body()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"task_info": [{"task_id": "05a41be9-3ffe-4cc6-8d66-07359039xxxx"}]})
    );
}

#[test]
fn refuses_to_send_what_the_docs_forbid() {
    match request(None, 0).to_http("https://sms.example.com") {
        Err(RequestError::Invalid(found)) => {
            assert_eq!(
                found.to_string(),
                "/task_info: 0 items, fewer than the minimum of 1"
            )
        }
        other => panic!("expected a violation, got {other:?}"),
    }
}

#[test]
fn header_values_never_carry_cr_or_lf() {
    for bad in ["en\r\nX-Injected: 1", "en\nx", "en\rx", "en\0x"] {
        let error = request(Some(bad), 1)
            .to_http("https://sms.example.com")
            .unwrap_err();
        assert!(
            matches!(error, RequestError::HeaderValue { name: "X-Language" }),
            "{error:?}"
        );
    }
    let mut http = request(None, 1).to_http("https://sms.example.com").unwrap();
    let error = Credentials::token(format!("{TOKEN}\r\nX-Evil: 1"))
        .apply(&mut http, SystemTime::now())
        .unwrap_err();
    assert!(!error.to_string().contains(TOKEN), "{error}");
    assert!(!format!("{error:?}").contains(TOKEN), "{error:?}");
}

#[test]
fn credentials_stay_out_of_debug_output() {
    let credentials = Credentials::token(TOKEN);
    let debug = format!("{credentials:?}");
    assert!(!debug.contains(TOKEN), "{debug}");
    assert!(debug.contains("Secret(***)"), "{debug}");
    let mut http = request(None, 1).to_http("https://sms.example.com").unwrap();
    credentials.apply(&mut http, SystemTime::now()).unwrap();
    assert_eq!(http.headers()["X-Auth-Token"], TOKEN);
    let debug = format!("{http:?}");
    assert!(!debug.contains(TOKEN), "{debug}");
    assert!(debug.contains("Sensitive"), "{debug}");
}

#[test]
fn rejects_endpoints_that_are_not_scheme_and_host() {
    for bad in [
        "sms.example.com",
        "https://sms.example.com?x=1",
        "not a uri",
    ] {
        let error = request(None, 1).to_http(bad).unwrap_err();
        assert!(
            matches!(error, RequestError::Endpoint { .. }),
            "{bad}: {error:?}"
        );
    }
}

#[test]
fn reads_responses_by_status() {
    assert_eq!(
        Response::from_http(200, b"{ }").unwrap(),
        Response::Ok("{ }".to_owned())
    );
    let forbidden =
        Response::from_http(403, br#"{"error_code":"SMS.9004","error_msg":"denied"}"#).unwrap();
    match &forbidden {
        Response::Forbidden(body) => assert_eq!(body.error_code.as_deref(), Some("SMS.9004")),
        other => panic!("{other:?}"),
    }
    assert_eq!(forbidden.status(), 403);
    let error = Response::from_http(400, br#"{"error_code": 1}"#).unwrap_err();
    assert_eq!(error.error.path, "/error_code");
    assert_eq!(error.status, 400);
    assert_eq!(error.body, br#"{"error_code": 1}"#);
    assert_eq!(
        Response::from_http(502, b"gateway"),
        Ok(Response::Undocumented {
            status: 502,
            body: b"gateway".to_vec()
        })
    );
    assert!(Response::from_http(200, &[0xff, 0xfe]).is_err());
}

#[test]
fn path_parameters_are_percent_encoded() {
    use huaweicloud_api::client::UriBuilder;
    let mut uri = UriBuilder::new("https://api.example.com").unwrap();
    uri.literal("/v3/");
    uri.segment(&"../a/b?c=d#e f");
    uri.literal("/items");
    uri.query("name", &"x&y=z");
    uri.query("limit", &10);
    assert_eq!(
        uri.finish().unwrap(),
        "https://api.example.com/v3/..%2Fa%2Fb%3Fc%3Dd%23e%20f/items?name=x%26y%3Dz&limit=10"
    );
}
