//! The service program's commands run in-process against a server on
//! 127.0.0.1 (one thread, one scripted answer per connection): help, exit
//! codes, the values of colliding flags landing where their parameters go,
//! the endpoint from a region (the program's table pointed at the loopback),
//! and `--all-pages` over offset and marker paging.

use super::*;
use crate::client::{self, paging, Endpoint, ResponseError, UriBuilder};
use crate::validation::{check, Path, Validate, Violations};
use std::io::{BufRead, BufReader, Read};
use std::net::TcpListener;
use std::sync::mpsc;

/// A made-up operation whose parameters collide with the program's flags
/// and with each other: `GET`-like lookup of `/things/{id}` with a JSON body.
struct Lookup {
    id: String,
    endpoint: Option<String>,
    body_query: Option<String>,
    marker_query: Option<i64>,
    marker_header: Option<String>,
    body: serde_json::Value,
}

enum LookupResponse {
    Ok(serde_json::Value),
    Undocumented { status: u16, body: Vec<u8> },
}

impl Validate for Lookup {
    fn validate_at(&self, at: &Path<'_>, found: &mut Violations) {
        if let Some(n) = self.body.get("n").and_then(serde_json::Value::as_i64) {
            check::range(&at.key("n"), n, Some(0), Some(10), found);
        }
    }
}

impl Operation for Lookup {
    type Response = LookupResponse;
    const NAME: &'static str = "Lookup";
    const METHOD: http::Method = http::Method::POST;

    fn build_http(&self, endpoint: Endpoint<'_>) -> Result<http::Request<Vec<u8>>, RequestError> {
        let mut uri = UriBuilder::new(endpoint)?;
        uri.literal("/things/");
        uri.segment(&self.id);
        if let Some(value) = &self.endpoint {
            uri.query("endpoint", value);
        }
        if let Some(value) = &self.body_query {
            uri.query("body", value);
        }
        if let Some(value) = &self.marker_query {
            uri.query("marker", value);
        }
        let mut builder = http::Request::builder()
            .method(Self::METHOD)
            .uri(uri.finish()?);
        if let Some(value) = &self.marker_header {
            builder = client::header(builder, "Marker", value)?;
        }
        client::json_body(builder, &self.body)
    }

    fn from_http(
        status: u16,
        _: &http::HeaderMap,
        body: &[u8],
    ) -> Result<LookupResponse, ResponseError> {
        Ok(match status {
            200 => LookupResponse::Ok(
                crate::wire::from_json(body).map_err(|e| ResponseError::new(status, e, body))?,
            ),
            _ => LookupResponse::Undocumented {
                status,
                body: body.to_vec(),
            },
        })
    }
}

impl TypedResponse for LookupResponse {
    fn status(&self) -> u16 {
        match self {
            LookupResponse::Ok(_) => 200,
            LookupResponse::Undocumented { status, .. } => *status,
        }
    }

    fn is_documented(&self) -> bool {
        matches!(self, LookupResponse::Ok(_))
    }

    fn to_json(&self) -> serde_json::Value {
        match self {
            LookupResponse::Ok(body) => body.clone(),
            LookupResponse::Undocumented { body, .. } => client::raw_json_value(body),
        }
    }
}

/// What a generated program's function for the command looks like.
fn lookup(call: Call<'_>) -> Exit {
    call.send(|args| {
        Ok(Lookup {
            id: args.path("id")?,
            endpoint: args.query("endpoint")?,
            body_query: args.query("body")?,
            marker_query: args.query("marker")?,
            marker_header: args.header("Marker")?,
            body: args.body()?,
        })
    })
}

/// A page of a made-up list: its items, and the next marker where the answer gives one.
struct Listing {
    status: u16,
    items: Option<Vec<String>>,
    next_marker: Option<String>,
    json: serde_json::Value,
}

impl Listing {
    /// Reads an answer: 200 is a page (`{"items": [...], "next_marker": ...}`), anything else is not.
    fn read(status: u16, body: &[u8]) -> Result<Self, ResponseError> {
        let json: serde_json::Value = match status {
            200 => crate::wire::from_json(body).map_err(|e| ResponseError::new(status, e, body))?,
            _ => client::raw_json_value(body),
        };
        let items = json["items"]
            .as_array()
            .filter(|_| status == 200)
            .map(|items| {
                items
                    .iter()
                    .map(|i| i.as_str().unwrap_or_default().to_owned())
                    .collect()
            });
        Ok(Listing {
            status,
            items,
            next_marker: json["next_marker"].as_str().map(str::to_owned),
            json,
        })
    }
}

impl TypedResponse for Listing {
    fn status(&self) -> u16 {
        self.status
    }

    fn is_documented(&self) -> bool {
        [200, 400].contains(&self.status)
    }

    fn to_json(&self) -> serde_json::Value {
        self.json.clone()
    }
}

/// How a made-up list moves from page to page.
trait Walk {
    const NAME: &'static str;
    const PAGING: PagingKind;
}

/// `ListThings`: the offset counts records from 0.
#[derive(Clone)]
struct ByOffset;

/// `ListMarked`: the answer gives the next marker.
#[derive(Clone)]
struct ByMarker;

impl Walk for ByOffset {
    const NAME: &'static str = "ListThings";
    const PAGING: PagingKind = PagingKind::Records;
}

impl Walk for ByMarker {
    const NAME: &'static str = "ListMarked";
    const PAGING: PagingKind = PagingKind::Marker;
}

/// `GET /v1/{project_id}/things?offset&marker&limit`, paged as `W` says.
#[derive(Clone)]
struct List<W> {
    project_id: Option<String>,
    offset: Option<i32>,
    marker: Option<String>,
    limit: Option<i32>,
    walk: std::marker::PhantomData<W>,
}

impl<W> Validate for List<W> {
    fn validate_at(&self, at: &Path<'_>, found: &mut Violations) {
        if let Some(offset) = self.offset {
            check::range(&at.key("offset"), offset, Some(0), Some(100), found);
        }
    }
}

impl<W: Walk> Operation for List<W> {
    type Response = Listing;
    const NAME: &'static str = W::NAME;
    const METHOD: http::Method = http::Method::GET;

    fn build_http(&self, endpoint: Endpoint<'_>) -> Result<http::Request<Vec<u8>>, RequestError> {
        let mut uri = UriBuilder::new(endpoint)?;
        uri.literal("/v1/");
        uri.project_id(self.project_id.as_deref())?;
        uri.literal("/things");
        if let Some(offset) = &self.offset {
            uri.query("offset", offset);
        }
        if let Some(marker) = &self.marker {
            uri.query("marker", marker);
        }
        if let Some(limit) = &self.limit {
            uri.query("limit", limit);
        }
        client::no_body(http::Request::builder().uri(uri.finish()?))
    }

    fn from_http(status: u16, _: &http::HeaderMap, body: &[u8]) -> Result<Listing, ResponseError> {
        Listing::read(status, body)
    }
}

impl<W: Walk + Clone> Paged for List<W> {
    type Item = String;
    const PAGING: PagingKind = W::PAGING;

    fn items(response: &Listing) -> Option<&[String]> {
        response.items.as_deref()
    }

    fn limit(&self) -> Option<i64> {
        paging::limit(&self.limit)
    }

    fn advance(&mut self, response: &Listing) -> bool {
        match W::PAGING {
            PagingKind::Marker => {
                paging::advance_marker(&mut self.marker, response.next_marker.as_deref())
            }
            _ => {
                let count = Self::items(response).map_or(0, <[String]>::len);
                paging::advance(&mut self.offset, 0, count)
            }
        }
    }
}

/// What a generated program's function for a paging command looks like.
fn list<W: Walk + Clone>(call: Call<'_>) -> Exit {
    call.send_pages(|args| {
        let (offset, marker) = match W::PAGING {
            PagingKind::Marker => (None, args.query("marker")?),
            _ => (args.query("offset")?, None),
        };
        Ok(List::<W> {
            project_id: args.path("project_id")?,
            offset,
            marker,
            limit: args.query("limit")?,
            walk: std::marker::PhantomData,
        })
    })
}

fn never_called(_: Call<'_>) -> Exit {
    panic!("only the lookup and list commands are run")
}

const PROGRAM: Program = Program {
    usage: "things",
    regions: Regions::new(
        "things",
        &[
            ("eu-de", "https://things.eu-de.example.com"),
            ("eu-nl", "https://things.eu-nl.example.com"),
        ],
    ),
    commands: &[
        Command {
            name: "lookup",
            operation: "Lookup",
            title: "Looking Up a Thing",
            chapter: Some("Thing Management"),
            method: "POST",
            path: "/things/{id}",
            parameters: &[
                Parameter::required(In::Path, "id"),
                Parameter::optional(In::Query, "endpoint"),
                Parameter::optional(In::Query, "body"),
                Parameter::optional(In::Query, "marker"),
                Parameter::optional(In::Header, "Marker"),
            ],
            body: Some(Body::Json),
            paging: None,
            run: lookup,
        },
        Command {
            name: "list-things",
            operation: "ListThings",
            title: "Querying Things",
            chapter: Some("Thing Management"),
            method: "GET",
            path: "/v1/{project_id}/things",
            parameters: &[
                Parameter::optional(In::Path, "project_id"),
                Parameter::optional(In::Query, "offset"),
                Parameter::optional(In::Query, "limit"),
            ],
            body: None,
            paging: Some(Paging {
                kind: PagingKind::Records,
                cursor: "offset",
                limit: Some("limit"),
            }),
            run: list::<ByOffset>,
        },
        Command {
            name: "list-marked",
            operation: "ListMarked",
            title: "Querying Marked Things",
            chapter: Some("Thing Management"),
            method: "GET",
            path: "/v1/{project_id}/things",
            parameters: &[
                Parameter::optional(In::Path, "project_id"),
                Parameter::optional(In::Query, "marker"),
                Parameter::optional(In::Query, "limit"),
            ],
            body: None,
            paging: Some(Paging {
                kind: PagingKind::Marker,
                cursor: "marker",
                limit: Some("limit"),
            }),
            run: list::<ByMarker>,
        },
        Command {
            name: "show-the-quota-of-the-account-in-every-region",
            operation: "ShowAllQuotas",
            title: "Querying All Quotas",
            chapter: None,
            method: "GET",
            path: "/quotas/all",
            parameters: &[],
            body: None,
            paging: None,
            run: never_called,
        },
        Command {
            name: "show-quota",
            operation: "ShowQuota",
            title: "Querying Quotas",
            chapter: None,
            method: "GET",
            path: "/quotas",
            parameters: &[],
            body: None,
            paging: None,
            run: never_called,
        },
    ],
};

/// What a run printed and how it ended.
struct Ran {
    exit: Exit,
    out: String,
    err: String,
}

fn run(args: &[&str]) -> Ran {
    run_in(&PROGRAM, &[], args)
}

/// Runs `program` with a token and the variables of `environment`.
fn run_in(program: &Program, environment: &[(&str, &str)], args: &[&str]) -> Ran {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    const TOKEN: (&str, &str) = ("HUAWEICLOUD_SDK_AUTH_TOKEN", "loopback-token");
    let lookup = |name: &str| {
        environment
            .iter()
            .chain([&TOKEN])
            .find(|(n, _)| *n == name)
            .map(|(_, v)| (*v).to_owned())
    };
    let exit = program.run(
        args.iter().map(|a| a.to_string()),
        Io {
            out: &mut out,
            err: &mut err,
            environment: &lookup,
        },
    );
    Ran {
        exit,
        out: String::from_utf8(out).unwrap(),
        err: String::from_utf8(err).unwrap(),
    }
}

/// A server on 127.0.0.1 that answers one request with `status` and `body`
/// and reports the request's head and body; its endpoint.
fn serve_once(status: u16, body: &'static str) -> (String, mpsc::Receiver<(String, String)>) {
    serve(vec![(status, body)])
}

/// A server on 127.0.0.1 that answers one request per connection with each
/// of `answers` in turn (request ids `req-1`, `req-2`, ...) and reports each
/// request's head and body; its endpoint.
fn serve(answers: Vec<(u16, &'static str)>) -> (String, mpsc::Receiver<(String, String)>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    let (sender, received) = mpsc::channel();
    std::thread::spawn(move || {
        for (n, (status, body)) in answers.into_iter().enumerate() {
            answer(&listener, n + 1, status, body, &sender);
        }
    });
    (endpoint, received)
}

/// Answers one connection to `listener` with `status`, `body` and request id `req-{n}`.
fn answer(
    listener: &TcpListener,
    n: usize,
    status: u16,
    body: &str,
    sender: &mpsc::Sender<(String, String)>,
) {
    let (stream, _) = listener.accept().unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut head = String::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if line == "\r\n" || line.is_empty() {
            break;
        }
        head.push_str(&line);
    }
    let length = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().parse::<usize>().unwrap())
        })
        .unwrap_or(0);
    let mut bytes = vec![0; length];
    reader.read_exact(&mut bytes).unwrap();
    let answer = format!(
        "HTTP/1.1 {status} Whatever\r\ncontent-type: application/json\r\nx-request-id: req-{n}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    (&stream).write_all(answer.as_bytes()).unwrap();
    sender
        .send((head, String::from_utf8(bytes).unwrap()))
        .unwrap();
}

/// A body file for one test, removed when dropped.
struct BodyFile(std::path::PathBuf);

impl BodyFile {
    fn new(name: &str, json: &str) -> Self {
        let path =
            std::env::temp_dir().join(format!("docspec-cli-{}-{name}.json", std::process::id()));
        std::fs::write(&path, json).unwrap();
        BodyFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for BodyFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn the_help_lists_the_commands_by_chapter_with_their_titles() {
    let ran = run(&["--help"]);
    assert_eq!(ran.exit, Exit::Success);
    // Titles line up at most 32 columns after the names; a longer name has its title after it.
    let row = |name: &str, title: &str| format!("  {name:32}  {title}\n");
    let expected = format!(
        "usage: things COMMAND (--region ID | --endpoint URL) [FLAGS]\n       things COMMAND --help\n\n\
         Thing Management:\n{}{}{}\nOther operations:\n{}{}\n",
        row("lookup", "Looking Up a Thing"),
        row("list-things", "Querying Things"),
        row("list-marked", "Querying Marked Things"),
        row(
            "show-the-quota-of-the-account-in-every-region",
            "Querying All Quotas"
        ),
        row("show-quota", "Querying Quotas"),
    );
    assert!(ran.out.starts_with(&expected), "{}", ran.out);
    let bare = run(&[]);
    assert_eq!(bare.exit, Exit::Usage);
    assert_eq!(
        bare.err, ran.out,
        "without a command, the help goes to stderr"
    );
}

#[test]
fn a_command_help_names_each_flag_and_where_it_goes() {
    let ran = run(&["lookup", "--help"]);
    assert_eq!(ran.exit, Exit::Success);
    assert!(ran.out.starts_with("usage: things lookup (--region ID | --endpoint URL) --id VALUE [--query-endpoint VALUE] [--query-body VALUE] [--query-marker VALUE] [--header-marker VALUE] --body FILE\n\nLookup: Looking Up a Thing\nPOST /things/{id}\n"), "{}", ran.out);
    for line in [
        "  --query-endpoint VALUE  query parameter endpoint\n",
        "  --header-marker VALUE   header parameter Marker\n",
        "  --id VALUE              path parameter id, required\n",
        "  --body FILE             the request body, a JSON file\n",
        "  --region ID             the region whose endpoint to call (eu-de, eu-nl)\n",
        "  --endpoint URL          the service's endpoint, https://host[:port]; wins over the region\n",
    ] {
        assert!(ran.out.contains(line), "{line:?} in\n{}", ran.out);
    }
    assert!(
        !ran.out.contains("\n  --all-pages"),
        "lookup does not page:\n{}",
        ran.out
    );
}

#[test]
fn a_paging_command_help_offers_all_pages_and_the_project_id_default() {
    let ran = run(&["list-things", "--help"]);
    assert_eq!(ran.exit, Exit::Success);
    assert!(ran.out.starts_with("usage: things list-things (--region ID | --endpoint URL) [--project-id VALUE] [--offset VALUE] [--limit VALUE] [--all-pages]\n"), "{}", ran.out);
    for line in [
        "  --project-id VALUE  path parameter project_id, else HUAWEICLOUD_SDK_PROJECT_ID\n",
        "  --all-pages         every page, each answer in turn: --offset moves by the items received, until a page is empty or shorter than --limit\n",
    ] {
        assert!(ran.out.contains(line), "{line:?} in\n{}", ran.out);
    }
    let marked = run(&["list-marked", "--help"]);
    assert!(
        marked.out.contains("  --all-pages         every page, each answer in turn: --marker becomes the next marker the answer gives, until a page is empty or gives no new marker\n"),
        "{}",
        marked.out
    );
}

#[test]
fn bad_arguments_exit_2_with_the_reason_and_the_usage() {
    let body = BodyFile::new("bad-arguments", "{}");
    for (args, reason) in [
        (
            vec!["launch"],
            "unknown command \"launch\": `things --help` lists the commands",
        ),
        (
            vec![
                "lookup",
                "--endpoint",
                "http://127.0.0.1:9",
                "--body",
                body.path(),
            ],
            "--id is required",
        ),
        (
            vec!["lookup", "--id", "1", "--body", body.path()],
            "no endpoint: give --endpoint URL, or --region ID (or set HUAWEICLOUD_SDK_REGION); known regions: eu-de, eu-nl\n",
        ),
        (
            vec!["lookup", "--region", "eu-ch2", "--id", "1", "--body", body.path()],
            "--region \"eu-ch2\": things has no known endpoint there; known regions: eu-de, eu-nl; or give --endpoint URL\n",
        ),
        (
            vec!["lookup", "--endpoint", "http://127.0.0.1:9", "--id", "1", "--body", body.path(), "--all-pages"],
            "--all-pages: lookup does not page",
        ),
        (
            vec!["list-things", "--endpoint", "http://127.0.0.1:9", "--all-pages=yes"],
            "--all-pages takes no value",
        ),
        (vec!["lookup", "--marker", "1"], "unknown argument --marker"),
        (
            vec!["list-things", "--body", body.path()],
            "unknown argument --body",
        ),
        (
            vec!["lookup", "--endpoint", "http://127.0.0.1:9", "--id", "1"],
            "--body is required",
        ),
        (
            vec![
                "lookup",
                "--endpoint",
                "http://127.0.0.1:9",
                "--id",
                "1",
                "--query-marker",
                "many",
                "--body",
                body.path(),
            ],
            "--query-marker: cannot read \"many\"",
        ),
    ] {
        let ran = run(&args);
        assert_eq!(ran.exit, Exit::Usage, "{args:?}");
        assert!(ran.err.starts_with(reason), "{args:?}: {}", ran.err);
        assert_eq!(ran.out, "", "{args:?}");
    }
    let ran = run(&[
        "lookup",
        "--endpoint",
        "ftp://x",
        "--id",
        "1",
        "--body",
        body.path(),
    ]);
    assert_eq!(ran.exit, Exit::Usage, "{}", ran.err);
}

#[test]
fn a_request_that_breaks_the_docs_prints_its_json_paths_and_is_not_sent() {
    let body = BodyFile::new("violations", r#"{"n": 11}"#);
    // Nothing listens on this port: were it sent, the run would fail with 1.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let ran = lookup_one(&endpoint, body.path());
    assert_eq!(ran.exit, Exit::Usage, "{}", ran.err);
    assert_eq!(ran.out, "/n: 11 is greater than the maximum of 10\n");
    assert!(ran.err.contains("nothing was sent"), "{}", ran.err);
}

#[test]
fn colliding_flags_reach_their_own_parameters_over_a_loopback_call() {
    let (endpoint, received) = serve_once(200, r#"{"found": true}"#);
    let body = BodyFile::new("loopback", r#"{"n": 3}"#);
    let ran = run(&[
        "lookup",
        "--endpoint",
        &endpoint,
        "--id",
        "a/b",
        "--query-endpoint=https://elsewhere",
        "--query-body",
        "q",
        "--query-marker",
        "7",
        "--header-marker",
        "h",
        "--body",
        body.path(),
    ]);
    let (head, sent) = received.recv().unwrap();
    assert_eq!(ran.exit, Exit::Success, "{}", ran.err);
    assert_eq!(ran.out, "status: 200\n{\n  \"found\": true\n}\n");
    assert_eq!(ran.err, "request id: req-1\n");
    assert!(
        head.starts_with(
            "POST /things/a%2Fb?endpoint=https%3A%2F%2Felsewhere&body=q&marker=7 HTTP/1.1\r\n"
        ),
        "{head}"
    );
    assert!(
        head.to_ascii_lowercase().contains("\r\nmarker: h\r\n"),
        "{head}"
    );
    assert!(
        head.contains("loopback-token"),
        "the credentials were applied: {head}"
    );
    assert_eq!(sent, r#"{"n":3}"#);
}

/// Runs `lookup` on thing 1 at `endpoint` with the body in `file`.
fn lookup_one(endpoint: &str, file: &str) -> Ran {
    run(&[
        "lookup",
        "--endpoint",
        endpoint,
        "--id",
        "1",
        "--body",
        file,
    ])
}

/// Runs `lookup` with an empty body against a server that answers `status` and `body`.
fn lookup_answered(status: u16, body: &'static str) -> Ran {
    let (endpoint, received) = serve_once(status, body);
    let file = BodyFile::new(&format!("answered-{status}"), "{}");
    let ran = lookup_one(&endpoint, file.path());
    received.recv().unwrap();
    ran
}

#[test]
fn an_undocumented_status_exits_1_with_the_answer_printed() {
    let ran = lookup_answered(418, "teapot");
    assert_eq!(ran.exit, Exit::Failure);
    assert_eq!(ran.out, "status: 418\n\"teapot\"\n");
    assert!(
        ran.err.ends_with("status 418 is not one the docs list\n"),
        "{}",
        ran.err
    );
}

#[test]
fn an_answer_that_is_not_the_documented_type_exits_1() {
    let ran = lookup_answered(200, "{not json");
    assert_eq!(ran.exit, Exit::Failure);
    assert_eq!(ran.out, "");
    assert!(
        ran.err
            .contains("status 200: the body is not the documented type"),
        "{}",
        ran.err
    );
}

#[test]
fn exit_codes_are_0_1_2() {
    assert_eq!(
        [Exit::Success, Exit::Failure, Exit::Usage].map(Exit::code),
        [0, 1, 2]
    );
}

/// `program` with its region `loop` pointed at `endpoint`, as a generated
/// program's `REGIONS` would point it at the service.
fn with_region(endpoint: &str) -> Program {
    let endpoint: &'static str = Box::leak(endpoint.to_owned().into_boxed_str());
    let table: &'static [(&str, &str)] = Box::leak(Box::new([
        ("eu-de", "https://things.eu-de.example.com"),
        ("loop", endpoint),
    ]));
    Program {
        regions: Regions::new("things", table),
        ..PROGRAM
    }
}

/// An endpoint nothing listens on: a run that sent there would exit 1.
fn nowhere() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    format!("http://{}", listener.local_addr().unwrap())
}

#[test]
fn the_region_gives_the_endpoint_from_the_flag_or_the_environment() {
    let items = r#"{"items": ["a"]}"#;
    let (endpoint, received) = serve(vec![(200, items), (200, items), (200, items)]);
    let program = with_region(&endpoint);
    let ran = run_in(
        &program,
        &[],
        &["list-things", "--region", "loop", "--project-id", "p"],
    );
    assert_eq!(ran.exit, Exit::Success, "{}", ran.err);
    let (head, _) = received.recv().unwrap();
    assert!(head.starts_with("GET /v1/p/things HTTP/1.1\r\n"), "{head}");
    assert!(
        head.contains(&endpoint["http://".len()..]),
        "the loopback's host: {head}"
    );

    let ran = run_in(
        &program,
        &[("HUAWEICLOUD_SDK_REGION", "loop")],
        &["list-things", "--project-id", "p"],
    );
    assert_eq!(ran.exit, Exit::Success, "{}", ran.err);
    received.recv().unwrap();

    // The flag wins over the environment.
    let ran = run_in(
        &program,
        &[("HUAWEICLOUD_SDK_REGION", "eu-ch2")],
        &["list-things", "--region", "loop", "--project-id", "p"],
    );
    assert_eq!(ran.exit, Exit::Success, "{}", ran.err);
    received.recv().unwrap();

    let ran = run_in(
        &program,
        &[("HUAWEICLOUD_SDK_REGION", "eu-ch2")],
        &["list-things", "--project-id", "p"],
    );
    assert_eq!(ran.exit, Exit::Usage);
    assert!(
        ran.err.starts_with("HUAWEICLOUD_SDK_REGION \"eu-ch2\": things has no known endpoint there; known regions: eu-de, loop; or give --endpoint URL\n"),
        "{}",
        ran.err
    );
}

#[test]
fn an_explicit_endpoint_wins_over_the_region() {
    let (endpoint, received) = serve(vec![(200, r#"{"items": []}"#), (200, r#"{"items": []}"#)]);
    // Were the region used, nothing would answer and the run would exit 1.
    let program = with_region(&nowhere());
    let ran = run_in(
        &program,
        &[("HUAWEICLOUD_SDK_REGION", "loop")],
        &[
            "list-things",
            "--region",
            "loop",
            "--endpoint",
            &endpoint,
            "--project-id",
            "p",
        ],
    );
    assert_eq!(ran.exit, Exit::Success, "{}", ran.err);
    assert_eq!(ran.out, "status: 200\n{\n  \"items\": []\n}\n");
    received.recv().unwrap();
    // Nor does the region have to be one the table knows.
    let ran = run_in(
        &program,
        &[],
        &[
            "list-things",
            "--region",
            "eu-ch2",
            "--endpoint",
            &endpoint,
            "--project-id",
            "p",
        ],
    );
    assert_eq!(ran.exit, Exit::Success, "{}", ran.err);
    received.recv().unwrap();
}

#[test]
fn the_project_id_flag_wins_over_the_environment_in_path_and_header() {
    let (endpoint, received) = serve(vec![(200, r#"{"items": []}"#), (200, r#"{"items": []}"#)]);
    let env = [("HUAWEICLOUD_SDK_PROJECT_ID", "p-env")];
    let ran = run_in(
        &PROGRAM,
        &env,
        &[
            "list-things",
            "--endpoint",
            &endpoint,
            "--project-id",
            "p-flag",
        ],
    );
    assert_eq!(ran.exit, Exit::Success, "{}", ran.err);
    let (head, _) = received.recv().unwrap();
    assert!(
        head.starts_with("GET /v1/p-flag/things HTTP/1.1\r\n"),
        "{head}"
    );
    assert!(
        head.to_ascii_lowercase()
            .contains("\r\nx-project-id: p-flag\r\n"),
        "{head}"
    );
    let ran = run_in(&PROGRAM, &env, &["list-things", "--endpoint", &endpoint]);
    assert_eq!(ran.exit, Exit::Success, "{}", ran.err);
    let (head, _) = received.recv().unwrap();
    assert!(
        head.starts_with("GET /v1/p-env/things HTTP/1.1\r\n"),
        "{head}"
    );
    let ran = run_in(&PROGRAM, &[], &["list-things", "--endpoint", &endpoint]);
    assert_eq!(ran.exit, Exit::Usage);
    assert!(
        ran.err.contains("HUAWEICLOUD_SDK_PROJECT_ID"),
        "{}",
        ran.err
    );
}

/// Runs `command` on project `p` with `flags` and `--all-pages` against a
/// server that answers `answers` in turn; what it printed, and the request
/// lines (method, path and query) of the requests the server received.
fn walk(command: &str, flags: &[&str], answers: Vec<(u16, &'static str)>) -> (Ran, Vec<String>) {
    let count = answers.len();
    let (endpoint, received) = serve(answers);
    let mut args = vec![
        command,
        "--endpoint",
        &endpoint,
        "--project-id",
        "p",
        "--all-pages",
    ];
    args.extend(flags);
    let ran = run(&args);
    let lines = (0..count)
        .map_while(|_| received.recv().ok())
        .map(|(head, _)| head.lines().next().unwrap().to_owned())
        .collect();
    (ran, lines)
}

/// What stderr holds after `pages` answers with request ids.
fn request_ids(pages: usize) -> String {
    (1..=pages)
        .map(|n| format!("request id: req-{n}\n"))
        .collect()
}

#[test]
fn all_pages_follows_the_offset_by_the_items_received_until_a_short_page() {
    let (ran, lines) = walk(
        "list-things",
        &["--offset", "4", "--limit", "2"],
        vec![
            (200, r#"{"items": ["a", "b"]}"#),
            (200, r#"{"items": ["c", "d"]}"#),
            (200, r#"{"items": ["e"]}"#),
        ],
    );
    assert_eq!(ran.exit, Exit::Success, "{}", ran.err);
    assert_eq!(
        lines,
        [
            "GET /v1/p/things?offset=4&limit=2 HTTP/1.1",
            "GET /v1/p/things?offset=6&limit=2 HTTP/1.1",
            "GET /v1/p/things?offset=8&limit=2 HTTP/1.1",
        ]
    );
    let page = |items: &str| format!("status: 200\n{{\n  \"items\": [\n{items}\n  ]\n}}\n");
    assert_eq!(
        ran.out,
        [
            page("    \"a\",\n    \"b\""),
            page("    \"c\",\n    \"d\""),
            page("    \"e\""),
        ]
        .concat()
    );
    assert_eq!(ran.err, request_ids(3));
}

#[test]
fn without_all_pages_a_paging_command_sends_once() {
    let (endpoint, received) = serve(vec![(200, r#"{"items": ["a", "b"]}"#)]);
    let ran = run(&[
        "list-things",
        "--endpoint",
        &endpoint,
        "--project-id",
        "p",
        "--limit",
        "2",
    ]);
    assert_eq!(ran.exit, Exit::Success, "{}", ran.err);
    let (head, _) = received.recv().unwrap();
    assert!(
        head.starts_with("GET /v1/p/things?limit=2 HTTP/1.1\r\n"),
        "{head}"
    );
    assert_eq!(ran.err, request_ids(1));
}

#[test]
fn all_pages_follows_the_marker_until_the_answer_gives_none() {
    // A short marker page is not the last: the marker decides.
    let (ran, lines) = walk(
        "list-marked",
        &["--limit", "5"],
        vec![
            (200, r#"{"items": ["a"], "next_marker": "m1"}"#),
            (200, r#"{"items": ["b"], "next_marker": "m2"}"#),
            (200, r#"{"items": ["c"]}"#),
        ],
    );
    assert_eq!(ran.exit, Exit::Success, "{}", ran.err);
    assert_eq!(
        lines,
        [
            "GET /v1/p/things?limit=5 HTTP/1.1",
            "GET /v1/p/things?marker=m1&limit=5 HTTP/1.1",
            "GET /v1/p/things?marker=m2&limit=5 HTTP/1.1",
        ]
    );
    assert_eq!(ran.out.matches("status: 200\n").count(), 3, "{}", ran.out);
    assert_eq!(ran.err, request_ids(3));
}

#[test]
fn all_pages_stops_at_the_first_answer_that_is_no_page_with_its_exit_code() {
    // The server answers two requests: a third would fail to connect, and show.
    let first = (200, r#"{"items": ["a"], "next_marker": "m1"}"#);
    // An undocumented status (one the transport does not retry): printed, exit 1.
    let (ran, lines) = walk("list-marked", &[], vec![first, (418, "teapot")]);
    assert_eq!((ran.exit, lines.len()), (Exit::Failure, 2), "{}", ran.err);
    assert!(
        ran.out.ends_with("status: 418\n\"teapot\"\n"),
        "{}",
        ran.out
    );
    assert_eq!(
        ran.err,
        request_ids(2) + "status 418 is not one the docs list\n"
    );

    // A documented error status ends the walk as a single call would: exit 0.
    let (ran, lines) = walk(
        "list-marked",
        &[],
        vec![first, (400, r#"{"error_code": "X.400"}"#)],
    );
    assert_eq!((ran.exit, lines.len()), (Exit::Success, 2), "{}", ran.err);
    assert!(
        ran.out
            .ends_with("status: 400\n{\n  \"error_code\": \"X.400\"\n}\n"),
        "{}",
        ran.out
    );
    assert_eq!(ran.err, request_ids(2));

    // A page whose body is not the documented type: exit 1.
    let (ran, lines) = walk("list-marked", &[], vec![first, (200, "{not json")]);
    assert_eq!((ran.exit, lines.len()), (Exit::Failure, 2), "{}", ran.err);
    assert!(
        ran.err.contains("the body is not the documented type"),
        "{}",
        ran.err
    );
}

#[test]
fn a_next_page_that_breaks_the_docs_is_not_sent_and_exits_2() {
    // The offset's documented maximum is 100: the page after 99 + 2 items is refused.
    let (ran, lines) = walk(
        "list-things",
        &["--offset", "99", "--limit", "2"],
        vec![(200, r#"{"items": ["a", "b"]}"#)],
    );
    assert_eq!((ran.exit, lines.len()), (Exit::Usage, 1), "{}", ran.err);
    assert!(
        ran.out
            .ends_with("/offset: 101 is greater than the maximum of 100\n"),
        "{}",
        ran.out
    );
    assert!(
        ran.err
            .contains("the request for page 2 breaks the documented constraints; it was not sent"),
        "{}",
        ran.err
    );
}

#[test]
fn a_service_without_regions_asks_for_the_endpoint() {
    let program = Program {
        regions: Regions::new("things", &[]),
        ..PROGRAM
    };
    let ran = run_in(&program, &[], &["list-things", "--region", "eu-de"]);
    assert_eq!(ran.exit, Exit::Usage);
    assert!(
        ran.err.starts_with("--region \"eu-de\": things has no known endpoint there; spec/things/service.yaml names no region; or give --endpoint URL\n"),
        "{}",
        ran.err
    );
    let ran = run_in(&program, &[], &["list-things"]);
    assert!(
        ran.err.starts_with("no endpoint: give --endpoint URL, or --region ID (or set HUAWEICLOUD_SDK_REGION); spec/things/service.yaml names no region\n"),
        "{}",
        ran.err
    );
    let help = run_in(&program, &[], &["list-things", "--help"]);
    assert!(
        help.out
            .contains("  --region ID         the region whose endpoint to call (none known)\n"),
        "{}",
        help.out
    );
}
