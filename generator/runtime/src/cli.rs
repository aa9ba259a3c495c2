//! What the generated service programs share: one program per service with
//! one command per operation (`cargo run --example sms --
//! export-consistency-results --endpoint URL --body FILE`), its help by
//! chapter, the parameters' flags, reading the body file and the
//! credentials, sending once, printing the answer, and the exit code (0 a
//! documented status; 1 an undocumented status or a failure to send or read
//! the answer; 2 bad arguments or a request that breaks the docs, in which
//! case nothing is sent).
//!
//! A generated program is a table of [`Command`]s, each with a function that
//! builds its operation's request from the [`Args`] and hands it to
//! [`Call::send`]; everything else is here, compiled once. Only building,
//! encoding and decoding are generic; the sending is not.

mod args;
mod flags;
mod help;

pub use args::Args;
pub use flags::{flag_names, kebab, PROGRAM_FLAGS};

use crate::client::{self, Operation, RequestError, ResponseError, TypedResponse};
use crate::credentials::Credentials;
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
    /// Builds the request from the flags and sends it (see [`Call::send`]).
    pub run: fn(Call<'_>) -> Exit,
}

/// A service's program: its commands, in the reference's order (by chapter).
#[derive(Debug, Clone, Copy)]
pub struct Program {
    /// How the program is started, for the help (`cargo run -p my-api --example sms --`).
    pub usage: &'static str,
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

/// Where a run prints and finds its credentials.
pub struct Io<'a> {
    /// The status and the answer, or the violations, or the help asked for.
    pub out: &'a mut dyn Write,
    /// Everything else: errors, the request id, usage after a mistake.
    pub err: &'a mut dyn Write,
    /// Called once a valid request is ready to be sent.
    pub credentials: &'a dyn Fn() -> Result<Credentials, String>,
}

/// One call of a command: its flags, the endpoint, and where to print.
pub struct Call<'a> {
    program: &'a Program,
    command: &'a Command,
    args: Args,
    endpoint: String,
    io: Io<'a>,
}

/// What reading an answer as the operation's response told.
struct Answer {
    status: u16,
    documented: bool,
}

/// Reads an answer (status, headers, body) as the operation's response: the
/// check that it is what the docs say. The body printed is the one received
/// (the typed value would write back the same JSON: nothing is dropped), so
/// a program does not build every response type's serializer as well.
type Decoder<'a> = dyn Fn(u16, &http::HeaderMap, &[u8]) -> Result<Answer, ResponseError> + 'a;

/// The answer's header that names the request, for support tickets.
const REQUEST_ID: &str = "x-request-id";

impl Program {
    /// Runs the command named by the process's arguments, with the
    /// credentials of the environment; for a generated program's `main`.
    pub fn main(&self) -> ExitCode {
        let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
        let credentials = || Credentials::from_env().map_err(|e| e.to_string());
        let io = Io {
            out: &mut out,
            err: &mut err,
            credentials: &credentials,
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
            Some(_) => &["--endpoint", "--body"],
            None => &["--endpoint"],
        };
        let parsed = Args::parse(rest, command.parameters, program_flags).and_then(|args| {
            let endpoint = args.text("--endpoint").ok_or("--endpoint is required")?;
            Ok((endpoint.to_owned(), args))
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

impl Call<'_> {
    /// Builds the request with `build` from the flags, checks it against the
    /// docs, sends it once, reads the answer as the docs say and prints it.
    pub fn send<O>(self, build: impl FnOnce(&Args) -> Result<O, String>) -> Exit
    where
        O: Operation,
        O::Response: TypedResponse,
    {
        let operation = match build(&self.args) {
            Ok(operation) => operation,
            Err(message) => return self.refuse(&message),
        };
        // The credentials are read before the request is built: they fill
        // the `{project_id}` and `{domain_id}` the command line leaves unset.
        let credentials = match (self.io.credentials)() {
            Ok(credentials) => credentials,
            Err(message) => {
                let _ = writeln!(self.io.err, "{message}");
                return Exit::Usage;
            }
        };
        let request = match operation.to_http(credentials.endpoint(&self.endpoint)) {
            Ok(request) => request,
            Err(RequestError::Invalid(violations)) => {
                let _ = writeln!(
                    self.io.err,
                    "the request breaks the documented constraints; nothing was sent:"
                );
                let _ = writeln!(self.io.out, "{violations}");
                return Exit::Usage;
            }
            Err(e) => return self.refuse(&e.to_string()),
        };
        self.exchange(credentials, request, &|status, headers, body| {
            O::from_http(status, headers, body).map(|response| Answer {
                status: response.status(),
                documented: response.is_documented(),
            })
        })
    }

    fn refuse(self, message: &str) -> Exit {
        let usage = help::usage(self.program, self.command);
        let _ = writeln!(self.io.err, "{message}\n{usage}");
        Exit::Usage
    }

    /// Sends `request` with the credentials, reads the answer with `decode`
    /// and prints it as received.
    fn exchange(
        self,
        credentials: Credentials,
        request: http::Request<Vec<u8>>,
        decode: &Decoder<'_>,
    ) -> Exit {
        let Call {
            endpoint,
            io,
            command,
            ..
        } = self;
        let client = match Client::new(endpoint, credentials) {
            Ok(client) => client,
            Err(e) => {
                let _ = writeln!(io.err, "{e}");
                return Exit::Usage;
            }
        };
        let answer =
            transport::block_on(client.send_http(command.operation, request)).and_then(|sent| sent);
        let (status, headers, body) = match answer {
            Ok(answer) => {
                let (parts, body) = answer.into_parts();
                (parts.status.as_u16(), parts.headers, body)
            }
            Err(e) => {
                let _ = writeln!(io.err, "{e}");
                let mut source = std::error::Error::source(&e);
                while let Some(cause) = source {
                    let _ = writeln!(io.err, "  caused by: {cause}");
                    source = cause.source();
                }
                return Exit::Failure;
            }
        };
        if let Some(id) = headers.get(REQUEST_ID).and_then(|v| v.to_str().ok()) {
            let _ = writeln!(io.err, "request id: {id}");
        }
        let answer = match decode(status, &headers, &body) {
            Ok(answer) => answer,
            Err(e) => {
                let _ = writeln!(io.err, "{e}");
                return Exit::Failure;
            }
        };
        let json = serde_json::to_string_pretty(&client::raw_json_value(&body))
            .unwrap_or_else(|e| format!("(cannot print the body: {e})"));
        let _ = writeln!(io.out, "status: {}\n{json}", answer.status);
        if answer.documented {
            Exit::Success
        } else {
            let _ = writeln!(io.err, "status {} is not one the docs list", answer.status);
            Exit::Failure
        }
    }
}

#[cfg(test)]
mod tests;
