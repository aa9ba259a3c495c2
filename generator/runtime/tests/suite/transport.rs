//! The transport over a mock [`HttpClient`]: an operation written by hand as
//! the generator writes one (a `{project_id}` path, a name of at most 8
//! characters), sent through a stack that records what it gets and answers as
//! scripted. Covers the ids from the credentials, regions and the builder,
//! answers that keep status and headers, the service-error view, the escape
//! hatch per call and per client, and timeouts that keep their source.
#![cfg(feature = "transport")]

use docspec_runtime::client::{self, Endpoint, Operation, RequestError, ResponseError};
use docspec_runtime::credentials::Credentials;
use docspec_runtime::regions::Regions;
use docspec_runtime::transport::{self, Error, HttpClient, Options, Pending, SendError};
use docspec_runtime::validation::{check, Path, Validate, Violations};
use std::error::Error as _;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// `GET /v1/{project_id}/things/{name}`.
struct GetThing {
    project_id: Option<String>,
    name: String,
}

#[derive(Debug, PartialEq)]
enum Thing {
    Ok(serde_json::Value),
    NotFound(serde_json::Value),
    Undocumented { status: u16, body: Vec<u8> },
}

impl client::TypedResponse for Thing {
    fn status(&self) -> u16 {
        match self {
            Thing::Ok(_) => 200,
            Thing::NotFound(_) => 404,
            Thing::Undocumented { status, .. } => *status,
        }
    }
    fn is_documented(&self) -> bool {
        !matches!(self, Thing::Undocumented { .. })
    }
    fn to_json(&self) -> serde_json::Value {
        match self {
            Thing::Ok(v) | Thing::NotFound(v) => v.clone(),
            Thing::Undocumented { body, .. } => client::raw_json_value(body),
        }
    }
}

impl Validate for GetThing {
    fn validate_at(&self, _at: &Path<'_>, found: &mut Violations) {
        let at = Path::root(docspec_runtime::validation::Part::PathParameter);
        check::length(&at.key("name"), &self.name, None, Some(8), found);
    }
}

impl Operation for GetThing {
    type Response = Thing;
    const NAME: &'static str = "GetThing";
    const METHOD: http::Method = http::Method::GET;

    fn build_http(&self, endpoint: Endpoint<'_>) -> Result<http::Request<Vec<u8>>, RequestError> {
        let mut uri = client::UriBuilder::new(endpoint)?;
        uri.literal("/v1/");
        uri.project_id(self.project_id.as_deref())?;
        uri.literal("/things/");
        uri.segment(&self.name);
        client::no_body(
            http::Request::builder()
                .method(Self::METHOD)
                .uri(uri.finish()?),
        )
    }

    fn from_http(
        status: u16,
        _headers: &http::HeaderMap,
        body: &[u8],
    ) -> Result<Thing, ResponseError> {
        let json = || {
            docspec_runtime::wire::from_json::<serde_json::Value>(body)
                .map_err(|e| ResponseError::new(status, e, body))
        };
        Ok(match status {
            200 => Thing::Ok(json()?),
            404 => Thing::NotFound(json()?),
            status => Thing::Undocumented {
                status,
                body: body.to_vec(),
            },
        })
    }
}

fn get(name: &str) -> GetThing {
    GetThing {
        project_id: None,
        name: name.to_owned(),
    }
}

/// Records every request and answers with `status`, `body` and an `X-Request-Id`, after `delay`.
#[derive(Clone, Default)]
struct Mock {
    seen: Arc<Mutex<Vec<http::Request<Vec<u8>>>>>,
    status: u16,
    body: &'static str,
    delay: Duration,
}

impl HttpClient for Mock {
    fn send(&self, request: http::Request<Vec<u8>>) -> Pending<'_> {
        Box::pin(async move {
            self.seen.lock().unwrap().push(request);
            tokio::time::sleep(self.delay).await;
            let mut answer = http::Response::new(self.body.as_bytes().to_vec());
            *answer.status_mut() = http::StatusCode::from_u16(self.status).unwrap();
            answer
                .headers_mut()
                .insert("X-Request-Id", "req-0001".parse().unwrap());
            Ok(answer)
        })
    }
}

fn mock(status: u16, body: &'static str) -> Mock {
    Mock {
        status,
        body,
        ..Mock::default()
    }
}

const THINGS: Regions = Regions::new(
    "things",
    &[
        ("eu-de", "https://things.eu-de.otc.t-systems.com"),
        (
            "ap-southeast-1",
            "https://things.ap-southeast-1.myhuaweicloud.com",
        ),
    ],
);

fn client(http: Mock, credentials: Credentials, options: Options) -> transport::Client {
    transport::Client::builder()
        .regions(THINGS)
        .region("eu-de")
        .credentials(credentials)
        .options(options)
        .http_client(http)
        .build()
        .unwrap()
}

fn uri_of(http: &Mock) -> String {
    http.seen.lock().unwrap().last().unwrap().uri().to_string()
}

#[tokio::test]
async fn the_project_id_comes_from_the_request_else_the_credentials() {
    let http = mock(200, r#"{"id": 1}"#);
    let credentials = Credentials::token("t").with_project_id("p-from-credentials");
    let client = client(http.clone(), credentials, Options::default());
    let answer = client.send(&get("lamp")).await.unwrap();
    assert_eq!(
        uri_of(&http),
        "https://things.eu-de.otc.t-systems.com/v1/p-from-credentials/things/lamp"
    );
    assert_eq!(answer.response, Thing::Ok(serde_json::json!({"id": 1})));
    assert_eq!(answer.status, 200);
    assert_eq!(answer.request_id(), Some("req-0001"));
    assert!(answer.violations.is_none());

    let mut own = get("lamp");
    own.project_id = Some("p/own".to_owned());
    client.send(&own).await.unwrap();
    assert_eq!(
        uri_of(&http),
        "https://things.eu-de.otc.t-systems.com/v1/p%2Fown/things/lamp"
    );
}

#[tokio::test]
async fn no_project_id_anywhere_is_a_clear_error_and_nothing_is_sent() {
    let http = mock(200, "{}");
    let client = client(http.clone(), Credentials::token("t"), Options::default());
    let error = client.send(&get("lamp")).await.unwrap_err();
    assert!(
        matches!(
            error,
            Error::Request(RequestError::MissingId {
                parameter: "project_id",
                ..
            })
        ),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "path parameter {project_id} is unset and the credentials give none: set it in the request, in the credentials, or in HUAWEICLOUD_SDK_PROJECT_ID"
    );
    assert!(http.seen.lock().unwrap().is_empty());
}

#[test]
fn the_sans_io_path_takes_the_ids_from_an_endpoint() {
    let request = get("lamp")
        .to_http(Endpoint::new("https://h.example").with_project_id("p1"))
        .unwrap();
    assert_eq!(request.uri(), "https://h.example/v1/p1/things/lamp");
    let credentials = Credentials::token("t").with_project_id("p2");
    let request = get("lamp")
        .to_http(credentials.endpoint("https://h.example"))
        .unwrap();
    assert_eq!(request.uri(), "https://h.example/v1/p2/things/lamp");
    assert!(get("lamp").to_http("https://h.example".into()).is_err());
}

#[tokio::test]
async fn error_statuses_give_one_view_with_the_request_id() {
    let body = r#"{"error_code": "THG.0404", "error_msg": "no such thing"}"#;
    let client = client(
        mock(404, body),
        Credentials::token("t").with_project_id("p"),
        Options::default(),
    );
    let answer = client.send(&get("lamp")).await.unwrap();
    assert_eq!(answer.headers["x-request-id"], "req-0001");
    let error = answer.error_for_status().unwrap_err();
    assert_eq!(
        (
            error.status,
            error.code.as_deref(),
            error.message.as_deref()
        ),
        (404, Some("THG.0404"), Some("no such thing"))
    );
    assert_eq!(error.request_id.as_deref(), Some("req-0001"));
    // Through `?` into the transport's error, which keeps the request id.
    let as_transport: Error = error.into();
    assert_eq!(as_transport.request_id(), Some("req-0001"));

    // A body that is not the documented type keeps its headers too.
    let client = client_for(mock(404, "not json"));
    let error = client.send(&get("lamp")).await.unwrap_err();
    assert_eq!(error.request_id(), Some("req-0001"));
    let Error::Response(response) = &error else {
        panic!("{error:?}")
    };
    assert!(
        response.source().is_some(),
        "the decode error is the source"
    );
    assert_eq!(
        *response.service_error().body,
        serde_json::json!("not json")
    );
}

fn client_for(http: Mock) -> transport::Client {
    client(
        http,
        Credentials::token("t").with_project_id("p"),
        Options::default(),
    )
}

#[tokio::test]
async fn violations_are_refused_unless_sent_despite_them() {
    let http = mock(200, "{}");
    let refusing = client_for(http.clone());
    let error = refusing.send(&get("a-very-long-name")).await.unwrap_err();
    assert!(matches!(error, Error::Request(RequestError::Invalid(_))));
    assert!(error.source().is_some(), "the violations are the source");
    assert!(http.seen.lock().unwrap().is_empty());

    // Per call.
    let answer = refusing
        .send_despite_violations(&get("a-very-long-name"))
        .await
        .unwrap();
    let violations = answer.violations.expect("the violations are returned");
    assert_eq!(violations.len(), 1);
    assert_eq!(violations.iter().next().unwrap().path, "name");
    assert_eq!(http.seen.lock().unwrap().len(), 1);

    // Per client; a valid request reports none.
    let options = Options {
        send_despite_violations: true,
        ..Options::default()
    };
    let sending = client(
        http.clone(),
        Credentials::token("t").with_project_id("p"),
        options,
    );
    let answer = sending.send(&get("a-very-long-name")).await.unwrap();
    assert_eq!(answer.violations.map(|v| v.len()), Some(1));
    assert!(sending.send(&get("ok")).await.unwrap().violations.is_none());
    assert_eq!(http.seen.lock().unwrap().len(), 3);
}

#[tokio::test]
async fn a_timeout_keeps_its_source() {
    let http = Mock {
        delay: Duration::from_secs(5),
        ..mock(200, "{}")
    };
    let options = Options {
        timeout: Duration::from_millis(20),
        ..Options::default()
    };
    let client = client(http, Credentials::token("t").with_project_id("p"), options);
    let error = client.send(&get("lamp")).await.unwrap_err();
    let Error::Timeout(send) = &error else {
        panic!("{error:?}")
    };
    assert!(send.is_timeout());
    assert!(error.source().and_then(|e| e.source()).is_some());
}

#[test]
fn regions_the_environment_and_an_explicit_endpoint() {
    let env = |vars: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    };
    let built = transport::Builder::from_lookup(env(&[
        ("HUAWEICLOUD_SDK_AUTH_TOKEN", "t"),
        ("HUAWEICLOUD_SDK_REGION", "ap-southeast-1"),
        ("HUAWEICLOUD_SDK_PROJECT_ID", "p-env"),
        ("HUAWEICLOUD_SDK_DOMAIN_ID", "d-env"),
    ]))
    .regions(THINGS)
    .http_client(mock(200, "{}"))
    .build()
    .unwrap();
    assert_eq!(
        built.endpoint(),
        "https://things.ap-southeast-1.myhuaweicloud.com"
    );
    assert_eq!(built.credentials().project_id(), Some("p-env"));
    assert_eq!(built.credentials().domain_id(), Some("d-env"));

    let unknown = transport::Builder::from_lookup(env(&[
        ("HUAWEICLOUD_SDK_AUTH_TOKEN", "t"),
        ("HUAWEICLOUD_SDK_REGION", "eu-nl"),
    ]))
    .regions(THINGS)
    .http_client(mock(200, "{}"))
    .build()
    .unwrap_err();
    assert_eq!(
        unknown.to_string(),
        "things has no known endpoint in region \"eu-nl\"; known regions: eu-de, ap-southeast-1 (set HUAWEICLOUD_SDK_REGION, or give the endpoint)"
    );

    // An explicit endpoint wins over the region; an explicit project id over the environment's.
    let explicit = transport::Builder::from_lookup(env(&[
        ("HUAWEICLOUD_SDK_AUTH_TOKEN", "t"),
        ("HUAWEICLOUD_SDK_REGION", "eu-nl"),
        ("HUAWEICLOUD_SDK_PROJECT_ID", "p-env"),
    ]))
    .regions(THINGS)
    .endpoint("https://things.example.com")
    .project_id("p-flag")
    .http_client(mock(200, "{}"))
    .build()
    .unwrap();
    assert_eq!(explicit.endpoint(), "https://things.example.com");
    assert_eq!(explicit.credentials().project_id(), Some("p-flag"));

    let no_credentials = transport::Builder::from_lookup(env(&[]))
        .endpoint("https://things.example.com")
        .http_client(mock(200, "{}"))
        .build()
        .unwrap_err();
    assert!(matches!(no_credentials, Error::Credentials(_)));
    let nowhere = transport::Builder::from_lookup(env(&[("HUAWEICLOUD_SDK_AUTH_TOKEN", "t")]))
        .regions(THINGS)
        .http_client(mock(200, "{}"))
        .build()
        .unwrap_err();
    assert!(matches!(nowhere, Error::Region(_)), "{nowhere:?}");
    assert!(nowhere
        .to_string()
        .contains("known regions: eu-de, ap-southeast-1"));
}

#[test]
fn send_errors_say_what_kind_they_are() {
    let io = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "refused");
    let error = SendError::connect(io);
    assert!(error.is_connect() && !error.is_timeout());
    assert_eq!(error.source().unwrap().to_string(), "refused");
}

/// What a subscriber saw: each span's name and fields, and each event's fields.
#[cfg(feature = "tracing")]
mod traced {
    use std::sync::{Arc, Mutex};
    use tracing::field::{Field, Visit};
    use tracing::span::{Attributes, Id, Record};
    use tracing::{Event, Metadata, Subscriber};

    pub type Fields = Vec<(String, String)>;

    #[derive(Clone, Default)]
    pub struct Recorder {
        pub spans: Arc<Mutex<Vec<(String, Fields)>>>,
        pub events: Arc<Mutex<Vec<Fields>>>,
    }

    struct Collect<'a>(&'a mut Fields);

    impl Visit for Collect<'_> {
        fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
            self.0.push((field.name().to_owned(), format!("{value:?}")));
        }
        fn record_str(&mut self, field: &Field, value: &str) {
            self.0.push((field.name().to_owned(), value.to_owned()));
        }
    }

    impl Subscriber for Recorder {
        fn enabled(&self, _: &Metadata<'_>) -> bool {
            true
        }
        fn new_span(&self, span: &Attributes<'_>) -> Id {
            let mut fields = Fields::new();
            span.record(&mut Collect(&mut fields));
            let mut spans = self.spans.lock().unwrap();
            spans.push((span.metadata().name().to_owned(), fields));
            Id::from_u64(spans.len() as u64)
        }
        fn record(&self, span: &Id, values: &Record<'_>) {
            let mut spans = self.spans.lock().unwrap();
            let (_, fields) = &mut spans[span.into_u64() as usize - 1];
            values.record(&mut Collect(fields));
        }
        fn record_follows_from(&self, _: &Id, _: &Id) {}
        fn event(&self, event: &Event<'_>) {
            let mut fields = Fields::new();
            event.record(&mut Collect(&mut fields));
            self.events.lock().unwrap().push(fields);
        }
        fn enter(&self, _: &Id) {}
        fn exit(&self, _: &Id) {}
    }
}

#[cfg(feature = "tracing")]
#[test]
fn spans_per_call_and_attempt_name_the_operation_status_and_request_id_never_a_secret() {
    let recorder = traced::Recorder::default();
    let token = "MIIsecret-token-never-traced";
    let client = client(
        mock(404, r#"{"error_code": "X"}"#),
        Credentials::token(token).with_project_id("p"),
        Options {
            send_despite_violations: true,
            ..Options::default()
        },
    );
    tracing::subscriber::with_default(recorder.clone(), || {
        transport::block_on(client.send(&get("a-very-long-name")))
            .unwrap()
            .unwrap();
    });
    let spans = recorder.spans.lock().unwrap();
    let field = |span: &str, name: &str| {
        spans
            .iter()
            .find(|(n, _)| n == span)
            .and_then(|(_, fields)| fields.iter().find(|(f, _)| f == name))
            .map(|(_, v)| v.clone())
    };
    assert_eq!(
        field("docspec.call", "operation").as_deref(),
        Some("GetThing")
    );
    assert_eq!(field("docspec.call", "status").as_deref(), Some("404"));
    assert_eq!(
        field("docspec.call", "request_id").as_deref(),
        Some("req-0001")
    );
    assert_eq!(field("docspec.attempt", "attempt").as_deref(), Some("0"));
    assert_eq!(field("docspec.attempt", "status").as_deref(), Some("404"));
    let events = recorder.events.lock().unwrap();
    let warned = events
        .iter()
        .flatten()
        .any(|(_, v)| v.contains("sent despite"));
    assert!(warned, "the violations are logged: {events:?}");
    let everything = format!("{spans:?}{events:?}");
    assert!(!everything.contains(token) && !everything.contains("things.eu-de"));
}
