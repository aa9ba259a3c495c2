//! What the generated service programs share: one program per service with
//! one command per operation (`cargo run --example sms --
//! export-consistency-results --region ap-southeast-1 --body FILE`), its help by
//! chapter, the parameters' flags, the endpoint (`--endpoint`, else the
//! region's from `--region` or `HUAWEICLOUD_SDK_REGION`), reading the body
//! file and the credentials, sending, printing the answer, and the exit code
//! (0 a documented status; 1 an undocumented status or a failure to send or
//! read the answer; 2 bad arguments or a request that breaks the docs, in
//! which case nothing is sent).
//!
//! A command sends once; a command whose operation pages also takes
//! `--all-pages`, which follows the pages as `transport::Client::pages`
//! does (the same [`next_page`](crate::client::paging::next_page)) and
//! prints each page's answer as it comes, one after another, each with its
//! request id on stderr. The walk ends after the last page, or at the first
//! answer that is no page, with that answer's exit code.
//!
//! A generated program is a table of [`Command`]s, each with a function that
//! builds its operation's request from the [`Args`] and hands it to
//! [`Call::send`] (or [`Call::send_pages`]); everything else is here,
//! compiled once. Only building, encoding and decoding (and, for paging
//! operations, moving to the next page) are generic; the sending is not.

mod args;
mod flags;
mod help;

pub use crate::client::PagingKind;
pub use crate::regions::Regions;
pub use args::Args;
pub use flags::{flag_names, kebab, PROGRAM_FLAGS};

use crate::client::paging::{next_page, Paged};
use crate::client::{Operation, RequestError, ResponseError, TypedResponse};
use crate::credentials::Credentials;
use crate::regions::ENV_REGION;
use crate::transport::{self, Client};
use std::io::Write;
use std::process::ExitCode;

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum In {
    /// A placeholder of the path template.
    Path,
    /// The query string.
    Query,
    /// A request header.
    Header,
}

/// One parameter of an operation, as the docs spell its name.
#[derive(Debug, Clone, Copy)]
pub struct Parameter {
    /// Where the parameter goes.
    pub location: In,
    /// Its name as the docs spell it (`X-Language`, `project_id`).
    pub name: &'static str,
    /// Whether the docs call it mandatory.
    pub required: bool,
}

impl Parameter {
    /// A parameter the docs call mandatory.
    pub const fn required(location: In, name: &'static str) -> Self {
        Parameter {
            location,
            name,
            required: true,
        }
    }

    /// A parameter the request may leave out.
    pub const fn optional(location: In, name: &'static str) -> Self {
        Parameter {
            location,
            name,
            required: false,
        }
    }
}

/// What a request body is read from `--body FILE` as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// A JSON file, read as the operation's body type (errors name the JSON path).
    Json,
    /// A text file, sent as it is.
    Text,
}

/// How a command's operation pages, for `--all-pages` and the help.
#[derive(Debug, Clone, Copy)]
pub struct Paging {
    /// What the cursor counts.
    pub kind: PagingKind,
    /// The query parameter that moves from page to page (`offset`, `marker`), as the docs spell it.
    pub cursor: &'static str,
    /// The page-size query parameter (`limit`), if the operation has one.
    pub limit: Option<&'static str>,
}

/// One operation of the service, as a command.
#[derive(Debug, Clone, Copy)]
pub struct Command {
    /// The command (`export-consistency-results`).
    pub name: &'static str,
    /// The operation's name as the spec gives it (`ExportConsistencyResults`).
    pub operation: &'static str,
    /// The page's title.
    pub title: &'static str,
    /// The chapter of the reference the page stands in, if known.
    pub chapter: Option<&'static str>,
    /// The HTTP method (`POST`).
    pub method: &'static str,
    /// The path template (`/v1/{project_id}/workspaces`).
    pub path: &'static str,
    /// The parameters, path first, then query, then headers, each in the page's order.
    pub parameters: &'static [Parameter],
    /// The body, if the operation takes one.
    pub body: Option<Body>,
    /// How the operation pages, if it does: the command then takes `--all-pages`.
    pub paging: Option<Paging>,
    /// Builds the request from the flags and sends it (see [`Call::send`]).
    pub run: fn(Call<'_>) -> Exit,
}

/// A service's program: its commands, in the reference's order (by chapter).
#[derive(Debug, Clone, Copy)]
pub struct Program {
    /// How the program is started, for the help (`cargo run -p my-api --example sms --`).
    pub usage: &'static str,
    /// The service's endpoints by region (its `REGIONS`), for `--region`.
    pub regions: Regions,
    /// The commands, a chapter's together.
    pub commands: &'static [Command],
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// A documented status, or the help asked for: 0.
    Success,
    /// An undocumented status, or sending or reading the answer failed: 1.
    Failure,
    /// Bad arguments, or a request that breaks the docs; nothing was sent: 2.
    Usage,
}

impl Exit {
    /// The process's exit code.
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Failure => 1,
            Exit::Usage => 2,
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit.code())
    }
}

/// Where a run prints, and the environment it reads its region and credentials from.
pub struct Io<'a> {
    /// The status and the answer, or the violations, or the help asked for.
    pub out: &'a mut dyn Write,
    /// Everything else: errors, the request id, usage after a mistake.
    pub err: &'a mut dyn Write,
    /// The environment variable of a name (`HUAWEICLOUD_SDK_REGION`, the
    /// credentials'), if set; the credentials are read once a valid request
    /// is ready to be sent.
    pub environment: &'a dyn Fn(&str) -> Option<String>,
}

/// One call of a command: its flags, the endpoint, and where to print.
pub struct Call<'a> {
    program: &'a Program,
    command: &'a Command,
    args: Args,
    endpoint: String,
    io: Io<'a>,
}

/// The request that follows a page, or none: [`next_page`] for `--all-pages`, else never one.
type Next<O> = fn(O, &<O as Operation>::Response) -> Option<O>;

/// The program's switch that follows the pages.
const ALL_PAGES: &str = "--all-pages";

impl Program {
    /// Runs the command named by the process's arguments, with the
    /// credentials of the environment; for a generated program's `main`.
    pub fn main(&self) -> ExitCode {
        let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
        let io = Io {
            out: &mut out,
            err: &mut err,
            environment: &|name| std::env::var(name).ok(),
        };
        self.run(std::env::args().skip(1), io).into()
    }

    /// Runs the command that `args` names (without the program's own name).
    pub fn run<'a>(&'a self, args: impl IntoIterator<Item = String>, io: Io<'a>) -> Exit {
        let mut args = args.into_iter();
        let Some(name) = args.next() else {
            let _ = write!(io.err, "{}", help::program(self));
            return Exit::Usage;
        };
        if ["--help", "-h", "help"].contains(&name.as_str()) {
            let _ = write!(io.out, "{}", help::program(self));
            return Exit::Success;
        }
        let Some(command) = self.commands.iter().find(|c| c.name == name) else {
            let _ = writeln!(
                io.err,
                "unknown command {name:?}: `{} --help` lists the commands",
                self.usage
            );
            return Exit::Usage;
        };
        let rest: Vec<String> = args.collect();
        if rest.iter().any(|a| a == "--help" || a == "-h") {
            let _ = write!(io.out, "{}", help::command(self, command));
            return Exit::Success;
        }
        let program_flags: &[&str] = match command.body {
            Some(_) => &["--endpoint", "--region", "--body"],
            None => &["--endpoint", "--region"],
        };
        let parsed =
            Args::parse(rest, command.parameters, program_flags, &[ALL_PAGES]).and_then(|args| {
                if args.switch(ALL_PAGES) && command.paging.is_none() {
                    return Err(format!(
                        "{ALL_PAGES}: {} does not page (its answer is no list the docs give a cursor for); `{} {} --help` shows its flags",
                        command.name, self.usage, command.name
                    ));
                }
                let endpoint = self.endpoint(&args, io.environment)?;
                Ok((endpoint, args))
            });
        match parsed {
            Ok((endpoint, args)) => (command.run)(Call {
                program: self,
                command,
                args,
                endpoint,
                io,
            }),
            Err(message) => {
                let _ = writeln!(io.err, "{message}\n{}", help::usage(self, command));
                Exit::Usage
            }
        }
    }
}

impl Program {
    /// The endpoint to call: `--endpoint`, else the region's (`--region`, else
    /// `HUAWEICLOUD_SDK_REGION`) in the service's table.
    fn endpoint(
        &self,
        args: &Args,
        environment: &dyn Fn(&str) -> Option<String>,
    ) -> Result<String, String> {
        if let Some(endpoint) = args.text("--endpoint") {
            return Ok(endpoint.to_owned());
        }
        let (source, region) = match args.text("--region") {
            Some(region) => ("--region", region.to_owned()),
            None => match environment(ENV_REGION).filter(|r| !r.is_empty()) {
                Some(region) => (ENV_REGION, region),
                None => ("", String::new()),
            },
        };
        let error = match self.regions.endpoint(&region) {
            Ok(endpoint) => return Ok(endpoint.to_owned()),
            Err(error) => error,
        };
        let service = self.regions.service;
        let known = if error.known.is_empty() {
            format!("spec/{service}/service.yaml names no region")
        } else {
            format!("known regions: {}", error.known.join(", "))
        };
        Err(if region.is_empty() {
            format!(
                "no endpoint: give --endpoint URL, or --region ID (or set {ENV_REGION}); {known}"
            )
        } else {
            format!("{source} {region:?}: {service} has no known endpoint there; {known}; or give --endpoint URL")
        })
    }
}

impl<'a> Call<'a> {
    /// Builds the request with `build` from the flags, checks it against the
    /// docs, sends it once, reads the answer as the docs say and prints it.
    pub fn send<O>(self, build: impl FnOnce(&Args) -> Result<O, String>) -> Exit
    where
        O: Operation,
        O::Response: TypedResponse,
    {
        self.walk(build, |_, _| None)
    }

    /// As [`Call::send`], for an operation that pages: with `--all-pages`,
    /// sends the request for each next page too, until [`next_page`] says
    /// there is none, printing each answer.
    pub fn send_pages<O>(self, build: impl FnOnce(&Args) -> Result<O, String>) -> Exit
    where
        O: Paged,
        O::Response: TypedResponse,
    {
        if self.args.switch(ALL_PAGES) {
            self.walk(build, next_page::<O>)
        } else {
            self.walk(build, |_, _| None)
        }
    }

    /// Sends the request `build` makes, then each one `next` makes of the
    /// request and its answer, printing every answer; ends at the first exit
    /// that is not a success. Only the building, decoding and `next` are
    /// generic: the rest is in [`Run`], compiled once.
    fn walk<O>(self, build: impl FnOnce(&Args) -> Result<O, String>, next: Next<O>) -> Exit
    where
        O: Operation,
        O::Response: TypedResponse,
    {
        let mut request = match build(&self.args) {
            Ok(request) => request,
            Err(message) => return self.refuse(&message),
        };
        let mut run = match self.start() {
            Ok(run) => run,
            Err(exit) => return exit,
        };
        for page in 1.. {
            let (status, headers, body) = match run.send(page, request.to_http(run.endpoint())) {
                Ok(answer) => answer,
                Err(exit) => return exit,
            };
            let response = O::from_http(status, &headers, &body);
            let read = response.as_ref().map(|r| (r.status(), r.is_documented()));
            let exit = run.print(read, &body);
            match response.ok().and_then(|response| next(request, &response)) {
                Some(following) if exit == Exit::Success => request = following,
                _ => return exit,
            }
        }
        Exit::Success
    }

    /// Reads the credentials (with the ids the flags give) and sets up the
    /// client that sends every page.
    fn start(self) -> Result<Run<'a>, Exit> {
        let Call {
            program,
            command,
            args,
            endpoint,
            io,
        } = self;
        // The credentials are read before the request is built: they fill
        // the `{project_id}` and `{domain_id}` the command line leaves unset.
        let credentials = match Credentials::from_lookup(io.environment) {
            Ok(credentials) => account_ids(command, &args, credentials),
            Err(e) => {
                let _ = writeln!(io.err, "{e}");
                return Err(Exit::Usage);
            }
        };
        let sending = transport::runtime()
            .and_then(|runtime| Ok((runtime, Client::new(endpoint, credentials)?)));
        match sending {
            Ok((runtime, client)) => Ok(Run {
                program,
                command,
                io,
                runtime,
                client,
            }),
            Err(e) => {
                let _ = writeln!(io.err, "{e}");
                Err(match e {
                    transport::Error::Setup(_) => Exit::Failure,
                    _ => Exit::Usage,
                })
            }
        }
    }

    fn refuse(self, message: &str) -> Exit {
        let usage = help::usage(self.program, self.command);
        let _ = writeln!(self.io.err, "{message}\n{usage}");
        Exit::Usage
    }
}

/// `credentials` with the `{project_id}` and `{domain_id}` the command line
/// gives (`--project-id`) over the environment's, so that the path and the
/// `X-Project-Id` header name the same project.
fn account_ids(command: &Command, args: &Args, credentials: Credentials) -> Credentials {
    let given = |name: &str| {
        let path = command
            .parameters
            .iter()
            .any(|p| p.location == In::Path && p.name == name);
        path.then(|| args.path::<Option<String>>(name).ok().flatten())
            .flatten()
            .filter(|id| !id.is_empty())
    };
    let credentials = match given("project_id") {
        Some(id) => credentials.with_project_id(id),
        None => credentials,
    };
    match given("domain_id") {
        Some(id) => credentials.with_domain_id(id),
        None => credentials,
    }
}

/// A command's run once its request is built: where it prints, and one
/// client and the async runtime its connections live on, for every page.
struct Run<'a> {
    program: &'a Program,
    command: &'a Command,
    io: Io<'a>,
    runtime: tokio::runtime::Runtime,
    client: Client,
}

impl Run<'_> {
    /// The endpoint, with the credentials' ids for the path.
    fn endpoint(&self) -> crate::client::Endpoint<'_> {
        self.client.credentials().endpoint(self.client.endpoint())
    }

    /// Sends the request for page `page` (numbered from 1) when it was
    /// built, printing the answer's request id on stderr; the answer, or the
    /// exit after a request that breaks the docs or a failure to send.
    fn send(
        &mut self,
        page: u64,
        built: Result<http::Request<Vec<u8>>, RequestError>,
    ) -> Result<(u16, http::HeaderMap, Vec<u8>), Exit> {
        let err = &mut *self.io.err;
        let request = match built {
            Ok(request) => request,
            Err(RequestError::Invalid(violations)) => {
                let _ = match page {
                    1 => writeln!(err, "the request breaks the documented constraints; nothing was sent:"),
                    _ => writeln!(err, "the request for page {page} breaks the documented constraints; it was not sent:"),
                };
                let _ = writeln!(self.io.out, "{violations}");
                return Err(Exit::Usage);
            }
            Err(e) => {
                let _ = writeln!(err, "{e}\n{}", help::usage(self.program, self.command));
                return Err(Exit::Usage);
            }
        };
        let sent = self
            .runtime
            .block_on(self.client.send_http(self.command.operation, request));
        match sent {
            Ok(answer) => {
                let (parts, body) = answer.into_parts();
                if let Some(id) = crate::client::request_id(&parts.headers) {
                    let _ = writeln!(err, "request id: {id}");
                }
                Ok((parts.status.as_u16(), parts.headers, body))
            }
            Err(e) => {
                let _ = writeln!(err, "{e}");
                let mut source = std::error::Error::source(&e);
                while let Some(cause) = source {
                    let _ = writeln!(err, "  caused by: {cause}");
                    source = cause.source();
                }
                Err(Exit::Failure)
            }
        }
    }

    /// Prints an answer that was read as the operation's response (its
    /// status and `body` on stdout; on stderr that the status is not
    /// documented), or why it could not be read; its exit. `read` is the
    /// status and whether the docs list it. The body printed is the one
    /// received, JSON pretty-printed: the typed value would write back the
    /// same JSON (nothing is dropped), and printing it would make a program
    /// build every response type's serializer too.
    fn print(&mut self, read: Result<(u16, bool), &ResponseError>, body: &[u8]) -> Exit {
        let (status, documented) = match read {
            Ok(read) => read,
            Err(e) => {
                let _ = writeln!(self.io.err, "{e}");
                return Exit::Failure;
            }
        };
        let json = serde_json::to_string_pretty(&crate::client::raw_json_value(body))
            .unwrap_or_else(|e| format!("(cannot print the body: {e})"));
        let _ = writeln!(self.io.out, "status: {status}\n{json}");
        if documented {
            Exit::Success
        } else {
            let _ = writeln!(self.io.err, "status {status} is not one the docs list");
            Exit::Failure
        }
    }
}

#[cfg(test)]
mod tests;
