//! The service program's commands run in-process against a server on
//! 127.0.0.1 (one thread, one scripted answer per connection): help, exit
//! codes, the values of colliding flags landing where their parameters go.

use super::*;
use crate::client::{self, Endpoint, UriBuilder};
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

fn never_called(_: Call<'_>) -> Exit {
    panic!("only the lookup command is run")
}

const PROGRAM: Program = Program {
    usage: "things",
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
            run: lookup,
        },
        Command {
            name: "list-things",
            operation: "ListThings",
            title: "Querying Things",
            chapter: Some("Thing Management"),
            method: "GET",
            path: "/things",
            parameters: &[Parameter::optional(In::Query, "limit")],
            body: None,
            run: never_called,
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
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let credentials = || Ok(Credentials::token("loopback-token"));
    let exit = PROGRAM.run(
        args.iter().map(|a| a.to_string()),
        Io {
            out: &mut out,
            err: &mut err,
            credentials: &credentials,
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
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    let (sender, received) = mpsc::channel();
    std::thread::spawn(move || {
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
            "HTTP/1.1 {status} Whatever\r\ncontent-type: application/json\r\nx-request-id: req-42\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        );
        (&stream).write_all(answer.as_bytes()).unwrap();
        sender
            .send((head, String::from_utf8(bytes).unwrap()))
            .unwrap();
    });
    (endpoint, received)
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
        "usage: things COMMAND --endpoint URL [FLAGS]\n       things COMMAND --help\n\n\
         Thing Management:\n{}{}\nOther operations:\n{}{}\n",
        row("lookup", "Looking Up a Thing"),
        row("list-things", "Querying Things"),
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
    assert!(ran.out.starts_with("usage: things lookup --endpoint URL --id VALUE [--query-endpoint VALUE] [--query-body VALUE] [--query-marker VALUE] [--header-marker VALUE] --body FILE\n\nLookup: Looking Up a Thing\nPOST /things/{id}\n"), "{}", ran.out);
    for line in [
        "  --query-endpoint VALUE  query parameter endpoint\n",
        "  --header-marker VALUE   header parameter Marker\n",
        "  --id VALUE              path parameter id, required\n",
        "  --body FILE             the request body, a JSON file\n",
    ] {
        assert!(ran.out.contains(line), "{line:?} in\n{}", ran.out);
    }
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
            "--endpoint is required",
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
    assert_eq!(ran.err, "request id: req-42\n");
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
