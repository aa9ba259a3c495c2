//! The reference operation sent over a real connection: a hyper server on
//! 127.0.0.1, started inside each test, checks what it receives (method, path,
//! headers, content type, body; the AK/SK signature recomputed from the
//! received request) and answers as scripted: every documented status with
//! the page's example payload where it has one, an undocumented status,
//! malformed JSON, a slow answer, 503-then-200 and Retry-After.

use docspec_runtime::credentials::Credentials;
use docspec_runtime::signing::{canonical_request, string_to_sign};
use docspec_runtime::transport::{self, Error, Options};
use hmac::{Hmac, Mac};
use http_body_util::{BodyExt, Full};
use huaweicloud_api::client::RequestError;
use huaweicloud_api::sms::export_consistency_results::{
    BatchConsistencyReq, HeaderParameters, Request, RequestBody, Response,
};
use huaweicloud_api::sms::Client;
use hyper::body::Bytes;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

const TOKEN: &str = "MIItoken-for-the-loopback-test";
const AK: &str = "HPUAEXAMPLEAK0000001";
const SK: &str = "loopbackSecretKey+/=";
const PATH: &str = "/v3/tasks/consistency-results/export";

/// One scripted answer.
#[derive(Clone)]
struct Reply {
    status: u16,
    body: &'static str,
    delay: Duration,
    retry_after: Option<&'static str>,
}

fn reply(status: u16, body: &'static str) -> Reply {
    Reply {
        status,
        body,
        delay: Duration::ZERO,
        retry_after: None,
    }
}

/// What the server received.
#[derive(Default)]
struct Seen {
    requests: Vec<http::Request<Vec<u8>>>,
}

struct Server {
    endpoint: String,
    seen: Arc<Mutex<Seen>>,
}

impl Server {
    fn count(&self) -> usize {
        self.seen.lock().unwrap().requests.len()
    }

    fn last(&self) -> http::Request<Vec<u8>> {
        let seen = self.seen.lock().unwrap();
        let last = seen.requests.last().expect("the server received a request");
        let mut copy = http::Request::builder()
            .method(last.method())
            .uri(last.uri())
            .body(last.body().clone())
            .unwrap();
        *copy.headers_mut() = last.headers().clone();
        copy
    }
}

/// Serves `script` (one answer per request, the last one repeated) on 127.0.0.1.
async fn serve(script: Vec<Reply>) -> Server {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Seen::default()));
    let script = Arc::new(Mutex::new(VecDeque::from(script)));
    let state = seen.clone();
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                return;
            };
            let (seen, script) = (state.clone(), script.clone());
            tokio::spawn(async move {
                let service = hyper::service::service_fn(
                    move |request: hyper::Request<hyper::body::Incoming>| {
                        let (seen, script) = (seen.clone(), script.clone());
                        async move {
                            let (parts, body) = request.into_parts();
                            let body = body.collect().await?.to_bytes().to_vec();
                            seen.lock()
                                .unwrap()
                                .requests
                                .push(http::Request::from_parts(parts, body));
                            let next = {
                                let mut script = script.lock().unwrap();
                                if script.len() > 1 {
                                    script.pop_front().unwrap()
                                } else {
                                    script.front().cloned().unwrap()
                                }
                            };
                            tokio::time::sleep(next.delay).await;
                            let mut answer =
                                hyper::Response::new(Full::new(Bytes::from(next.body)));
                            *answer.status_mut() = http::StatusCode::from_u16(next.status).unwrap();
                            // Each answer names its request, as the cloud's gateway does.
                            let id = format!("req-{}", seen.lock().unwrap().requests.len());
                            answer
                                .headers_mut()
                                .insert("X-Request-Id", http::HeaderValue::from_str(&id).unwrap());
                            if let Some(wait) = next.retry_after {
                                answer.headers_mut().insert(
                                    http::header::RETRY_AFTER,
                                    http::HeaderValue::from_static(wait),
                                );
                            }
                            Ok::<_, hyper::Error>(answer)
                        }
                    },
                );
                let io = hyper_util::rt::TokioIo::new(stream);
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(io, service)
                    .await;
            });
        }
    });
    Server { endpoint, seen }
}

fn request(tasks: usize) -> Request {
    let mut task = BatchConsistencyReq::new();
    task.task_id = Some("05a41be9-3ffe-4cc6-8d66-07359039xxxx".to_owned());
    Request {
        headers: HeaderParameters {
            x_language: Some("en-us".to_owned()),
        },
        body: RequestBody::new(vec![task; tasks]),
    }
}

fn fast() -> Options {
    Options {
        timeout: Duration::from_secs(5),
        backoff: Duration::from_millis(5),
        ..Options::default()
    }
}

fn client(server: &Server, credentials: Credentials, options: Options) -> Client {
    Client::new(transport::Client::with_options(&server.endpoint, credentials, options).unwrap())
}

/// Sends the reference request with `tasks` tasks through the generated per-service client.
async fn call(
    server: &Server,
    credentials: Credentials,
    options: Options,
    tasks: usize,
) -> Result<Response, Error> {
    client(server, credentials, options)
        .export_consistency_results(request(tasks))
        .await
        .map(transport::Answer::into_response)
}

/// What every request must look like on arrival, whatever the credentials.
fn assert_documented_request(received: &http::Request<Vec<u8>>) {
    assert_eq!(received.method(), http::Method::POST);
    assert_eq!(received.uri().path(), PATH);
    assert_eq!(
        received.headers()["content-type"],
        "application/json;charset=UTF-8"
    );
    assert_eq!(received.headers()["x-language"], "en-us");
    let body: serde_json::Value = serde_json::from_slice(received.body()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"task_info": [{"task_id": "05a41be9-3ffe-4cc6-8d66-07359039xxxx"}]})
    );
}

/// Server side: recomputes the signature of `received` with `sk`, as the
/// gateway does, over the headers the signature names (transports add their
/// own, such as `accept` and `content-length`, after signing).
fn assert_signed_with(received: &http::Request<Vec<u8>>, sk: &str) {
    let authorization = received.headers()["authorization"]
        .to_str()
        .unwrap()
        .to_owned();
    let date = received.headers()["x-sdk-date"].to_str().unwrap();
    assert_eq!(date.len(), "20261201T232005Z".len());
    let named = authorization
        .split("SignedHeaders=")
        .nth(1)
        .and_then(|rest| rest.split(',').next())
        .unwrap();
    assert!(
        named.contains("host") && named.contains("x-sdk-date"),
        "{named}"
    );
    let mut signed_part = http::Request::builder()
        .method(received.method())
        .uri(received.uri())
        .body(received.body().clone())
        .unwrap();
    for name in named.split(';') {
        signed_part.headers_mut().insert(
            name.parse::<http::HeaderName>().unwrap(),
            received.headers()[name].clone(),
        );
    }
    let (canonical, signed) = canonical_request(&signed_part).unwrap();
    assert_eq!(signed, named);
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(sk.as_bytes()).unwrap();
    mac.update(string_to_sign(&canonical, date).as_bytes());
    let expected: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        authorization,
        format!("SDK-HMAC-SHA256 Access={AK}, SignedHeaders={signed}, Signature={expected}")
    );
}

/// The page's example payload for `status`, read from the spec (the spec is the docs' capture).
fn page_example(status: u16) -> Option<&'static str> {
    let spec = docspec::spec::load_file(
        &docspec_tests::workspace().join("spec/sms/ExportConsistencyResults.yaml"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let body = spec
        .spec
        .examples
        .iter()
        .find(|e| e.status == Some(status))?
        .body
        .clone()?;
    Some(Box::leak(body.into_boxed_str()))
}

#[tokio::test]
async fn token_calls_succeed_and_send_the_token() {
    let server = serve(vec![reply(200, "{ }")]).await;
    let response = call(&server, Credentials::token(TOKEN), fast(), 1)
        .await
        .unwrap();
    assert_eq!(response, Response::Ok("{ }".to_owned()));
    let received = server.last();
    assert_documented_request(&received);
    assert_eq!(received.headers()["x-auth-token"], TOKEN);
    assert!(!received.headers().contains_key("authorization"));
}

#[tokio::test]
async fn ak_sk_calls_carry_a_signature_the_server_can_recompute() {
    let server = serve(vec![reply(200, "{ }")]).await;
    let credentials = Credentials::ak_sk(AK, SK).with_project_id("p-123");
    let response = call(&server, credentials, fast(), 1).await.unwrap();
    assert_eq!(response, Response::Ok("{ }".to_owned()));
    let received = server.last();
    assert_documented_request(&received);
    assert!(!received.headers().contains_key("x-auth-token"));
    assert_eq!(received.headers()["x-project-id"], "p-123");
    assert_eq!(
        received.headers()["host"],
        server.endpoint.trim_start_matches("http://")
    );
    let authorization = received.headers()["authorization"].to_str().unwrap();
    assert!(
        authorization
            .contains("SignedHeaders=content-type;host;x-language;x-project-id;x-sdk-date,"),
        "{authorization}"
    );

    assert_signed_with(&received, SK);
}

#[tokio::test]
async fn every_documented_status_decodes_into_its_variant() {
    let forbidden = page_example(403).expect("the page has a 403 example");
    let ok = page_example(200).expect("the page has a 200 example");
    let bad_request = r#"{"error_code":"SMS.0400","error_msg":"bad request"}"#;
    let not_found = r#"{"error_code":"SMS.0404","error_msg":"no such task"}"#;
    let server = serve(vec![
        reply(200, ok),
        reply(400, bad_request),
        reply(403, forbidden),
        reply(404, not_found),
        reply(418, "teapot"),
    ])
    .await;
    let client = client(&server, Credentials::token(TOKEN), fast());
    let mut got = Vec::new();
    for _ in 0..5 {
        let answer = client.export_consistency_results(request(1)).await.unwrap();
        got.push(answer.into_response());
    }
    assert_eq!(got[0], Response::Ok(ok.to_owned()));
    match &got[1] {
        Response::BadRequest(body) => assert_eq!(body.error_code.as_deref(), Some("SMS.0400")),
        other => panic!("{other:?}"),
    }
    match &got[2] {
        Response::Forbidden(body) => assert_eq!(body.error_code.as_deref(), Some("SMS.9004")),
        other => panic!("{other:?}"),
    }
    match &got[3] {
        Response::NotFound(body) => assert_eq!(body.error_msg.as_deref(), Some("no such task")),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        got[4],
        Response::Undocumented {
            status: 418,
            body: b"teapot".to_vec()
        }
    );
    assert!(got[..4].iter().all(Response::is_documented) && !got[4].is_documented());
}

#[tokio::test]
async fn malformed_json_is_an_error_with_status_path_and_body() {
    let server = serve(vec![reply(403, r#"{"error_code": 7"#)]).await;
    let error = call(&server, Credentials::token(TOKEN), fast(), 1)
        .await
        .unwrap_err();
    match &error {
        Error::Response(e) => {
            assert_eq!(e.status, 403);
            assert_eq!(e.body, br#"{"error_code": 7"#);
        }
        other => panic!("{other:?}"),
    }
    let text = error.to_string();
    assert!(
        text.contains("status 403") && text.contains("error_code"),
        "{text}"
    );
    assert!(!text.contains(TOKEN) && !format!("{error:?}").contains(TOKEN));
}

#[tokio::test]
async fn a_slow_answer_times_out() {
    let server = serve(vec![Reply {
        delay: Duration::from_secs(3),
        ..reply(200, "{ }")
    }])
    .await;
    let options = Options {
        timeout: Duration::from_millis(200),
        ..fast()
    };
    let error = call(&server, Credentials::token(TOKEN), options, 1)
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Timeout(_)), "{error:?}");
}

#[tokio::test]
async fn post_is_retried_after_503_only_when_asked() {
    let server = serve(vec![reply(503, "busy"), reply(200, "{ }")]).await;
    let once = call(&server, Credentials::token(TOKEN), fast(), 1)
        .await
        .unwrap();
    assert_eq!(once.status(), 503, "POST is not repeated unless asked");
    assert_eq!(server.count(), 1);

    let server = serve(vec![reply(503, "busy"), reply(200, "{ }")]).await;
    let options = Options {
        retry_post: true,
        ..fast()
    };
    let retried = call(&server, Credentials::ak_sk(AK, SK), options, 1)
        .await
        .unwrap();
    assert_eq!(retried, Response::Ok("{ }".to_owned()));
    assert_eq!(server.count(), 2);
}

#[tokio::test]
async fn retry_after_is_waited_for_and_a_longer_one_is_not_cut_short() {
    let busy_for = |wait| Reply {
        retry_after: Some(wait),
        ..reply(429, "slow down")
    };
    let options = Options {
        retry_post: true,
        max_backoff: Duration::from_secs(2),
        ..fast()
    };

    let server = serve(vec![busy_for("1"), reply(200, "{ }")]).await;
    let started = std::time::Instant::now();
    let answer = call(&server, Credentials::token(TOKEN), options.clone(), 1)
        .await
        .unwrap();
    assert_eq!(answer, Response::Ok("{ }".to_owned()));
    assert_eq!(server.count(), 2);
    // The computed backoff is 5 ms; only the header explains a wait of a second.
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );

    let server = serve(vec![busy_for("3600"), reply(200, "{ }")]).await;
    let answer = call(&server, Credentials::token(TOKEN), options, 1)
        .await
        .unwrap();
    assert_eq!(
        answer.status(),
        429,
        "the server's answer, not an early retry"
    );
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn a_request_that_breaks_the_docs_never_reaches_the_server() {
    let server = serve(vec![reply(200, "{ }")]).await;
    let error = call(&server, Credentials::token(TOKEN), fast(), 0)
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::Request(RequestError::Invalid(_))),
        "{error:?}"
    );
    assert_eq!(server.count(), 0);
}

#[tokio::test]
async fn connection_errors_are_reported_without_credentials() {
    // A port nobody listens on: bind, learn it, close.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let transport = transport::Client::with_options(
        format!("http://127.0.0.1:{port}"),
        Credentials::token(TOKEN),
        Options {
            retries: 1,
            ..fast()
        },
    )
    .unwrap();
    let error = Client::new(transport)
        .export_consistency_results(request(1))
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Network(_)), "{error:?}");
    assert!(!error.to_string().contains(TOKEN) && !format!("{error:?}").contains(TOKEN));
}

/// The generated program of the `sms` service, built once into the target
/// folder the generated-crate tests share (the workspace's own is locked
/// while tests run).
fn service_program() -> std::path::PathBuf {
    static BUILT: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    BUILT
        .get_or_init(|| {
            let scratch = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
            let output =
                docspec_tests::cargo_in(&docspec_tests::workspace().join("generated"), scratch)
                    .args([
                        "build",
                        "--quiet",
                        "-p",
                        "huaweicloud-api",
                        "--example",
                        "sms",
                    ])
                    .output()
                    .unwrap();
            assert!(
                output.status.success(),
                "the service program does not build:\n{}",
                String::from_utf8_lossy(&output.stderr)
            );
            docspec_tests::scratch_dir(scratch, "target").join("debug/examples/sms")
        })
        .clone()
}

/// Runs the program's `export-consistency-results` command with `env` and
/// `body` against `server`: (exit code, stdout, stderr).
async fn run_example(server: &Server, env: &[(&str, &str)], body: &str) -> (i32, String, String) {
    let program = service_program();
    let file = std::env::temp_dir().join(format!(
        "docspec-example-{}-{}.json",
        std::process::id(),
        server.endpoint.rsplit(':').next().unwrap()
    ));
    std::fs::write(&file, body).unwrap();
    let mut command = std::process::Command::new(program);
    command
        .args([
            "export-consistency-results",
            "--endpoint",
            &server.endpoint,
            "--x-language",
            "en-us",
            "--body",
        ])
        .arg(&file);
    for name in [
        "HUAWEICLOUD_SDK_AK",
        "HUAWEICLOUD_SDK_SK",
        "HUAWEICLOUD_SDK_PROJECT_ID",
        "HUAWEICLOUD_SDK_AUTH_TOKEN",
    ] {
        command.env_remove(name);
    }
    command.envs(env.iter().copied());
    let output = tokio::task::spawn_blocking(move || command.output().unwrap())
        .await
        .unwrap();
    let _ = std::fs::remove_file(&file);
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

const EXAMPLE_BODY: &str =
    r#"{"task_info": [{"task_id": "05a41be9-3ffe-4cc6-8d66-07359039xxxx"}]}"#;

#[tokio::test]
async fn the_example_program_calls_with_a_token_and_with_ak_sk() {
    let server = serve(vec![
        reply(403, page_example(403).unwrap()),
        reply(200, "{ }"),
    ])
    .await;
    let (code, stdout, stderr) = run_example(
        &server,
        &[("HUAWEICLOUD_SDK_AUTH_TOKEN", TOKEN)],
        EXAMPLE_BODY,
    )
    .await;
    assert_eq!(code, 0, "{stdout}");
    // The request id goes to stderr, so that stdout is the status and the answer.
    assert!(stdout.starts_with("status: 403\n"), "{stdout}");
    assert!(stderr.contains("request id: req-1\n"), "{stderr}");
    assert!(stdout.contains("\"error_code\": \"SMS.9004\""), "{stdout}");
    assert_eq!(server.last().headers()["x-auth-token"], TOKEN);
    assert_documented_request(&server.last());

    let ak_sk = [
        ("HUAWEICLOUD_SDK_AK", AK),
        ("HUAWEICLOUD_SDK_SK", SK),
        ("HUAWEICLOUD_SDK_PROJECT_ID", "p-123"),
        ("HUAWEICLOUD_SDK_AUTH_TOKEN", TOKEN),
    ];
    let (code, stdout, stderr) = run_example(&server, &ak_sk, EXAMPLE_BODY).await;
    assert_eq!(code, 0, "{stdout}");
    // The body as received, JSON pretty-printed (the page types this
    // status's body as text, but what came is JSON).
    assert_eq!(stdout, "status: 200\n{}\n");
    assert!(stderr.contains("request id: req-2\n"), "{stderr}");
    let received = server.last();
    assert!(
        !received.headers().contains_key("x-auth-token"),
        "AK/SK wins"
    );
    assert_signed_with(&received, SK);
}

#[tokio::test]
async fn the_example_program_exits_2_on_violations_and_1_on_undocumented_statuses() {
    let server = serve(vec![reply(418, "teapot")]).await;
    let token = [("HUAWEICLOUD_SDK_AUTH_TOKEN", TOKEN)];
    let (code, stdout, stderr) = run_example(&server, &token, r#"{"task_info": []}"#).await;
    assert_eq!(code, 2, "{stdout}");
    assert_eq!(stdout, "/task_info: 0 items, fewer than the minimum of 1\n");
    assert!(stderr.contains("nothing was sent"), "{stderr}");
    assert_eq!(server.count(), 0, "nothing is sent");

    let (code, stdout, stderr) = run_example(&server, &token, EXAMPLE_BODY).await;
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.starts_with("status: 418\n"), "{stdout}");
    assert!(
        stderr.ends_with("status 418 is not one the docs list\n"),
        "{stderr}"
    );
    assert_eq!(server.count(), 1);
}

#[test]
fn the_service_program_lists_its_commands_and_refuses_unknown_ones() {
    let program = service_program();
    let help = std::process::Command::new(&program)
        .arg("--help")
        .output()
        .unwrap();
    assert_eq!(help.status.code(), Some(0));
    let out = String::from_utf8_lossy(&help.stdout);
    assert!(
        out.contains("\n  export-consistency-results  Obtaining Consistency Verification Results in Batches\n"),
        "{out}"
    );
    let unknown = std::process::Command::new(&program)
        .args(["export-everything", "--endpoint", "https://sms.example.com"])
        .output()
        .unwrap();
    assert_eq!(unknown.status.code(), Some(2));
    assert!(unknown.stdout.is_empty());
}

#[tokio::test]
async fn answers_keep_status_headers_and_request_id_and_errors_are_one_view() {
    let bad_request = r#"{"error_code":"SMS.0400","error_msg":"bad request"}"#;
    let server = serve(vec![reply(200, "fine"), reply(400, bad_request)]).await;
    let client = client(&server, Credentials::token(TOKEN), fast());
    let ok = client.export_consistency_results(request(1)).await.unwrap();
    assert_eq!((ok.status, ok.request_id()), (200, Some("req-1")));
    assert_eq!(ok.headers["content-length"], "4");
    assert!(ok.service_error().is_none());
    assert_eq!(
        ok.error_for_status().unwrap().into_response(),
        Response::Ok("fine".to_owned())
    );

    // The documented 400 body, read through the one error view; `?` makes it the transport's error.
    let answer = client.export_consistency_results(request(1)).await.unwrap();
    assert!(matches!(&*answer, Response::BadRequest(_)));
    let error: Error = answer.error_for_status().unwrap_err().into();
    assert_eq!(error.request_id(), Some("req-2"));
    assert_eq!(
        error.to_string(),
        "status 400 SMS.0400: bad request (request id req-2)"
    );
}

#[tokio::test]
async fn a_reqwest_client_of_the_users_own_sends() {
    let server = serve(vec![reply(200, "fine")]).await;
    // A setting only the user's client has: a default header.
    let mut headers = http::HeaderMap::new();
    headers.insert("x-proxy-hint", http::HeaderValue::from_static("own-client"));
    // The runtime's TLS setup (rustls with ring, the platform's roots), extended.
    let own = transport::reqwest_builder()
        .unwrap()
        .default_headers(headers)
        .build()
        .unwrap();
    let transport = transport::Client::builder()
        .endpoint(&server.endpoint)
        .credentials(Credentials::token(TOKEN))
        .options(fast())
        .reqwest_client(own)
        .build()
        .unwrap();
    let answer = Client::new(transport)
        .export_consistency_results(request(1))
        .await
        .unwrap();
    assert_eq!(answer.status, 200);
    let received = server.last();
    assert_eq!(received.headers()["x-proxy-hint"], "own-client");
    assert_documented_request(&received);
}
