//! The flags of a command: one per parameter, named after the parameter as
//! the docs spell it (kebab-case), told apart by where the parameter goes
//! when two names meet.

use super::{In, Parameter};

/// The flags of the program itself, which no parameter's flag may take.
/// `--region` and `--all-pages` are reserved for the program's own use, so
/// that giving them a meaning later renames no parameter's flag.
pub const PROGRAM_FLAGS: &[&str] = &["--endpoint", "--body", "--help", "--region", "--all-pages"];

/// The flag of each of `parameters`, in their order: `--` and the name in
/// kebab-case (`X-Language` → `--x-language`, `project_id` → `--project-id`),
/// unless that flag is one of the program's or two parameters would share it;
/// then the flag names the location first (`--query-endpoint`,
/// `--header-marker`). A qualified flag that is still taken (a parameter
/// named `query_marker` next to two named `marker`) gets `-2`, `-3`, ... in
/// the parameters' order. The same parameters always get the same flags.
pub fn flag_names(parameters: &[Parameter]) -> Vec<String> {
    let plain: Vec<String> = parameters
        .iter()
        .map(|p| format!("--{}", kebab(p.name)))
        .collect();
    let keeps_plain = |i: usize| {
        !PROGRAM_FLAGS.contains(&plain[i].as_str())
            && plain.iter().filter(|other| **other == plain[i]).count() == 1
    };
    let mut taken: Vec<String> = PROGRAM_FLAGS.iter().map(|f| (*f).to_owned()).collect();
    taken.extend(
        (0..plain.len())
            .filter(|&i| keeps_plain(i))
            .map(|i| plain[i].clone()),
    );
    let mut names = Vec::with_capacity(parameters.len());
    for (i, parameter) in parameters.iter().enumerate() {
        if keeps_plain(i) {
            names.push(plain[i].clone());
            continue;
        }
        let qualified = format!("--{}-{}", parameter.location.word(), kebab(parameter.name));
        let mut name = qualified.clone();
        let mut n = 1;
        while taken.contains(&name) {
            n += 1;
            name = format!("{qualified}-{n}");
        }
        taken.push(name.clone());
        names.push(name);
    }
    names
}

/// `name` in kebab-case: lower case, words joined by `-`. Words end at
/// anything but a letter or digit, before an upper-case letter that follows
/// a lower-case one or a digit (`workspaceId`), and before the last capital
/// of a run followed by a lower-case letter (`HTTPServer` → `http-server`).
pub fn kebab(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
            continue;
        }
        if c.is_uppercase() && i > 0 && !out.is_empty() && !out.ends_with('-') {
            let before = chars[i - 1];
            let after = chars.get(i + 1).copied();
            let starts_word = before.is_lowercase()
                || before.is_numeric()
                || (before.is_uppercase() && after.is_some_and(char::is_lowercase));
            if starts_word {
                out.push('-');
            }
        }
        out.extend(c.to_lowercase());
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

impl In {
    /// The location as a word: `path`, `query`, `header`.
    pub fn word(self) -> &'static str {
        match self {
            In::Path => "path",
            In::Query => "query",
            In::Header => "header",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(parameters: &[Parameter]) -> Vec<String> {
        flag_names(parameters)
    }

    #[test]
    fn names_are_kebab_case_of_the_wire_names() {
        for (name, flag) in [
            ("project_id", "project-id"),
            ("X-Language", "x-language"),
            ("workspaceId", "workspace-id"),
            ("HTTPServer", "http-server"),
            ("limit", "limit"),
            ("v2Name", "v2-name"),
            ("name2", "name2"),
            ("__odd__", "odd"),
            ("X-Auth-Token", "x-auth-token"),
        ] {
            assert_eq!(kebab(name), flag, "{name}");
        }
    }

    #[test]
    fn flags_that_meet_a_program_flag_or_each_other_name_their_location() {
        let parameters = [
            Parameter::required(In::Path, "project_id"),
            Parameter::optional(In::Query, "endpoint"),
            Parameter::optional(In::Query, "body"),
            Parameter::optional(In::Query, "marker"),
            Parameter::optional(In::Header, "Marker"),
            Parameter::optional(In::Query, "region"),
            Parameter::optional(In::Query, "limit"),
        ];
        assert_eq!(
            names(&parameters),
            [
                "--project-id",
                "--query-endpoint",
                "--query-body",
                "--query-marker",
                "--header-marker",
                "--query-region",
                "--limit",
            ]
        );
    }

    #[test]
    fn a_qualified_flag_that_is_still_taken_is_numbered_in_order() {
        let parameters = [
            Parameter::optional(In::Query, "query_marker"),
            Parameter::optional(In::Query, "marker"),
            Parameter::optional(In::Header, "marker"),
            Parameter::optional(In::Query, "Marker"),
        ];
        assert_eq!(
            names(&parameters),
            [
                "--query-marker",
                "--query-marker-2",
                "--header-marker",
                "--query-marker-3",
            ]
        );
    }

    #[test]
    fn the_same_parameters_get_the_same_flags_and_all_differ() {
        let parameters = [
            Parameter::optional(In::Header, "help"),
            Parameter::optional(In::Query, "help"),
            Parameter::optional(In::Query, "all_pages"),
            Parameter::required(In::Path, "id"),
            Parameter::optional(In::Query, "id"),
        ];
        let first = names(&parameters);
        assert_eq!(first, names(&parameters));
        assert_eq!(
            first,
            [
                "--header-help",
                "--query-help",
                "--query-all-pages",
                "--path-id",
                "--query-id",
            ]
        );
    }
}
