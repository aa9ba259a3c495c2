//! A command's flags as given (`--name value` or `--name=value`), and the
//! parameters' values read from them.

use super::{flags, In, Parameter};
use serde::de::DeserializeOwned;

/// The flags given to one command, read against its parameters.
#[derive(Debug)]
pub struct Args {
    values: Vec<(String, String)>,
    parameters: &'static [Parameter],
    /// The flag of each parameter, in the parameters' order.
    flags: Vec<String>,
}

impl Args {
    /// Reads `args` for a command with `parameters`, accepting their flags,
    /// the program's flags in `program` (`--endpoint`, `--body`), and the
    /// flags in `switches` (`--all-pages`), which take no value.
    pub fn parse(
        args: impl IntoIterator<Item = String>,
        parameters: &'static [Parameter],
        program: &[&str],
        switches: &[&str],
    ) -> Result<Self, String> {
        let flags = flags::flag_names(parameters);
        let mut values = Vec::new();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            if switches.contains(&arg.as_str()) {
                values.push((arg, String::new()));
                continue;
            }
            let (name, value) = match arg.split_once('=') {
                Some((name, _)) if switches.contains(&name) => {
                    return Err(format!("{name} takes no value"))
                }
                Some((name, value)) if name.starts_with("--") => {
                    (name.to_owned(), value.to_owned())
                }
                _ => {
                    let value = args.next().ok_or_else(|| format!("{arg} needs a value"))?;
                    (arg, value)
                }
            };
            if !program.contains(&name.as_str()) && !flags.contains(&name) {
                return Err(format!("unknown argument {name}"));
            }
            values.push((name, value));
        }
        Ok(Args {
            values,
            parameters,
            flags,
        })
    }

    /// The text of flag `name`, if given (the last one wins).
    pub fn text(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether the switch `name` (`--all-pages`) was given.
    pub fn switch(&self, name: &str) -> bool {
        self.values.iter().any(|(n, _)| n == name)
    }

    /// The path parameter `name` (as the docs spell it), from its flag.
    pub fn path<T: DeserializeOwned>(&self, name: &str) -> Result<T, String> {
        self.parameter(In::Path, name)
    }

    /// The query parameter `name` (as the docs spell it), from its flag.
    pub fn query<T: DeserializeOwned>(&self, name: &str) -> Result<T, String> {
        self.parameter(In::Query, name)
    }

    /// The header parameter `name` (as the docs spell it), from its flag.
    pub fn header<T: DeserializeOwned>(&self, name: &str) -> Result<T, String> {
        self.parameter(In::Header, name)
    }

    /// The parameter's flag read as a `T`: JSON when it reads as one
    /// (numbers, booleans, arrays), else the text as a JSON string. An
    /// optional parameter without its flag is `null` (`None` for an `Option`);
    /// a required one is an error.
    fn parameter<T: DeserializeOwned>(&self, location: In, name: &str) -> Result<T, String> {
        let Some(i) = self
            .parameters
            .iter()
            .position(|p| p.location == location && p.name == name)
        else {
            return Err(format!(
                "the command has no {} parameter {name}",
                location.word()
            ));
        };
        let flag = &self.flags[i];
        let Some(text) = self.text(flag) else {
            if self.parameters[i].required {
                return Err(format!("{flag} is required"));
            }
            return serde_json::from_value(serde_json::Value::Null)
                .map_err(|e| format!("{flag}: cannot be left out: {e}"));
        };
        serde_json::from_str(text)
            .or_else(|_| serde_json::from_value(serde_json::Value::String(text.to_owned())))
            .map_err(|e| format!("{flag}: cannot read {text:?}: {e}"))
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

#[cfg(test)]
mod tests {
    use super::*;

    const PARAMETERS: &[Parameter] = &[
        Parameter::optional(In::Header, "X-Language"),
        Parameter::optional(In::Query, "limit"),
        Parameter::optional(In::Query, "tags"),
        Parameter::required(In::Path, "project_id"),
    ];

    fn args(list: &[&str]) -> Result<Args, String> {
        Args::parse(
            list.iter().map(|s| s.to_string()),
            PARAMETERS,
            &["--body"],
            &["--all-pages"],
        )
    }

    #[test]
    fn flags_read_as_json_or_text() {
        let args = args(&[
            "--x-language",
            "en-us",
            "--limit=10",
            "--tags",
            r#"["x","y"]"#,
            "--project-id",
            "p-1",
        ])
        .unwrap();
        assert_eq!(
            args.header::<Option<String>>("X-Language")
                .unwrap()
                .as_deref(),
            Some("en-us")
        );
        assert_eq!(args.query::<Option<i64>>("limit").unwrap(), Some(10));
        assert_eq!(
            args.query::<Option<String>>("limit").unwrap().as_deref(),
            Some("10")
        );
        assert_eq!(
            args.query::<Option<Vec<String>>>("tags").unwrap(),
            Some(vec!["x".to_owned(), "y".to_owned()])
        );
        assert_eq!(args.path::<String>("project_id").unwrap(), "p-1");
        assert!(args.header::<Option<i64>>("X-Language").is_err());
        assert!(
            args.query::<Option<i64>>("X-Language").is_err(),
            "a header, not a query parameter"
        );
        assert!(
            args.body::<serde_json::Value>().is_err(),
            "--body not given"
        );
    }

    #[test]
    fn left_out_flags_are_none_unless_required() {
        let args = args(&[]).unwrap();
        assert_eq!(args.query::<Option<i64>>("limit").unwrap(), None);
        assert_eq!(
            args.path::<String>("project_id").unwrap_err(),
            "--project-id is required"
        );
    }

    #[test]
    fn unknown_flags_and_missing_values_are_errors() {
        assert_eq!(args(&["--b", "1"]).unwrap_err(), "unknown argument --b");
        assert_eq!(args(&["--limit"]).unwrap_err(), "--limit needs a value");
        assert_eq!(
            args(&["--endpoint", "x"]).unwrap_err(),
            "unknown argument --endpoint"
        );
        assert_eq!(
            args(&["--all-pages=yes"]).unwrap_err(),
            "--all-pages takes no value"
        );
    }

    #[test]
    fn switches_take_no_value() {
        let given = args(&["--all-pages", "--limit", "5"]).unwrap();
        assert!(given.switch("--all-pages"));
        assert_eq!(given.query::<Option<i64>>("limit").unwrap(), Some(5));
        assert!(!args(&["--limit", "5"]).unwrap().switch("--all-pages"));
    }
}
