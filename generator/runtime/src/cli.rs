//! What the generated example programs share: reading flags, the body file
//! and the credentials, sending once, printing the answer, and the exit code
//! (0 a documented status; 1 an undocumented status or a failure to send or
//! read the answer; 2 bad arguments or a request that breaks the docs, in
//! which case nothing is sent).

use crate::client::{Answer, Operation, TypedResponse};
use crate::regions::Regions;
use crate::transport::{self, Client};
use crate::validation::Validate;
use serde::de::DeserializeOwned;
use std::process::ExitCode;

/// The flags given, as `--name value` or `--name=value`.
#[derive(Debug, Default)]
pub struct Args {
    values: Vec<(String, String)>,
}

impl Args {
    /// Reads `args`, accepting only the `known` flags.
    pub fn parse(args: impl IntoIterator<Item = String>, known: &[&str]) -> Result<Self, String> {
        let mut values = Vec::new();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let (name, value) = match arg.split_once('=') {
                Some((name, value)) if name.starts_with("--") => {
                    (name.to_owned(), value.to_owned())
                }
                _ => {
                    let value = args.next().ok_or_else(|| format!("{arg} needs a value"))?;
                    (arg, value)
                }
            };
            if !known.contains(&name.as_str()) {
                return Err(format!("unknown argument {name}"));
            }
            values.push((name, value));
        }
        Ok(Args { values })
    }

    /// The text of flag `name`, if given (the last one wins).
    pub fn text(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Flag `name` as a `T`: JSON when it reads as one (numbers, booleans,
    /// arrays), else the text as a JSON string.
    pub fn value<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, String> {
        let Some(text) = self.text(name) else {
            return Ok(None);
        };
        serde_json::from_str(text)
            .or_else(|_| serde_json::from_value(serde_json::Value::String(text.to_owned())))
            .map(Some)
            .map_err(|e| format!("{name}: cannot read {text:?}: {e}"))
    }

    /// As [`Args::value`], for a flag that must be given.
    pub fn required<T: DeserializeOwned>(&self, name: &str) -> Result<T, String> {
        self.value(name)?
            .ok_or_else(|| format!("{name} is required"))
    }

    /// The JSON file named by `--body`, read as a `T`; errors name the JSON path.
    pub fn body<T: crate::wire::Decode>(&self) -> Result<T, String> {
        let path = self.text("--body").ok_or("--body is required")?;
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        crate::wire::from_json(&bytes).map_err(|e| format!("{path}: {e}"))
    }

    /// The file named by `--body`, as text, for operations whose body is plain text.
    pub fn text_body(&self) -> Result<String, String> {
        let path = self.text("--body").ok_or("--body is required")?;
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
    }
}

/// The flags that choose where and as whom a program sends: `--endpoint URL`
/// (wins), else `--region ID` (else `HUAWEICLOUD_SDK_REGION`) looked up in
/// the service's regions, and `--project-id ID` over `HUAWEICLOUD_SDK_PROJECT_ID`.
pub const CLIENT_FLAGS: [&str; 3] = ["--endpoint", "--region", "--project-id"];

/// A client as [`CLIENT_FLAGS`] and the environment's credentials say.
pub fn client(args: &Args, regions: Regions) -> Result<Client, String> {
    let mut builder = transport::Builder::from_env().regions(regions);
    if let Some(endpoint) = args.text("--endpoint") {
        builder = builder.endpoint(endpoint);
    }
    if let Some(region) = args.text("--region") {
        builder = builder.region(region);
    }
    if let Some(id) = args.text("--project-id") {
        builder = builder.project_id(id);
    }
    builder.build().map_err(|e| e.to_string())
}

/// Prints an answer (`status: N`, `request id: ID` when the service gave
/// one, the body as JSON) and gives the exit code: 0 for a documented status, 1 otherwise.
pub fn report<R: TypedResponse>(answer: &Answer<R>) -> ExitCode {
    println!("status: {}", answer.status);
    if let Some(id) = answer.request_id() {
        println!("request id: {id}");
    }
    let json = serde_json::to_string_pretty(&answer.to_json())
        .unwrap_or_else(|e| format!("(cannot print the body: {e})"));
    println!("{json}");
    if answer.is_documented() {
        ExitCode::SUCCESS
    } else {
        eprintln!("status {} is not one the docs list", answer.status);
        ExitCode::from(1)
    }
}

/// Prints a failed call (with the request id when there was an answer); exit code 1.
pub fn report_error(error: &transport::Error) -> ExitCode {
    eprintln!("{error}");
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        eprintln!("  caused by: {cause}");
        source = cause.source();
    }
    if let Some(id) = error.request_id() {
        eprintln!("request id: {id}");
    }
    ExitCode::from(1)
}

/// Runs one example: parses the command line with `known` flags (besides
/// [`CLIENT_FLAGS`]; a region needs the service's table, which this
/// function does not have, so give `--endpoint`), builds the request with
/// `build`, validates, sends, prints.
pub fn run<O>(
    usage: &str,
    known: &[&str],
    build: impl FnOnce(&Args) -> Result<O, String>,
) -> ExitCode
where
    O: Operation + Validate,
    O::Response: TypedResponse,
{
    let mut flags = CLIENT_FLAGS.to_vec();
    flags.extend_from_slice(known);
    let prepared = Args::parse(std::env::args().skip(1), &flags).and_then(|args| {
        args.required::<String>("--endpoint")?;
        Ok((build(&args)?, args))
    });
    let (operation, args) = match prepared {
        Ok(prepared) => prepared,
        Err(message) => {
            eprintln!("{message}\n{usage}");
            return ExitCode::from(2);
        }
    };
    if let Err(violations) = operation.validate() {
        eprintln!("the request breaks the documented constraints; nothing was sent:");
        println!("{violations}");
        return ExitCode::from(2);
    }
    let client = match client(&args, Regions::new("this program", &[])) {
        Ok(client) => client,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    match transport::block_on(client.send(&operation)).and_then(|sent| sent) {
        Ok(answer) => report(&answer),
        Err(e) => report_error(&e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Args, String> {
        Args::parse(
            list.iter().map(|s| s.to_string()),
            &["--a", "--n", "--tags"],
        )
    }

    #[test]
    fn flags_read_as_json_or_text() {
        let args = args(&["--a", "en-us", "--n=10", "--tags", r#"["x","y"]"#]).unwrap();
        assert_eq!(
            args.value::<String>("--a").unwrap().as_deref(),
            Some("en-us")
        );
        assert_eq!(args.value::<i64>("--n").unwrap(), Some(10));
        assert_eq!(args.value::<String>("--n").unwrap().as_deref(), Some("10"));
        assert_eq!(
            args.value::<Vec<String>>("--tags").unwrap(),
            Some(vec!["x".to_owned(), "y".to_owned()])
        );
        assert!(args.value::<i64>("--a").is_err());
        assert!(args.required::<String>("--body").is_err());
    }

    #[test]
    fn unknown_flags_and_missing_values_are_errors() {
        assert!(args(&["--b", "1"]).is_err());
        assert!(args(&["--a"]).is_err());
    }
}
