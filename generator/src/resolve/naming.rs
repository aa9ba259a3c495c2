//! Rust names for wire names: heck for the casing, escapes for keywords and
//! for names no casing can make an identifier.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Words Rust reserves; a field named like one becomes a raw identifier (`r#type`).
const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
    "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

/// Keywords that cannot be raw identifiers either.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super"];

/// A snake_case field or module name for a wire name (`X-Auth-Token` → `x_auth_token`,
/// `type` → `r#type`, `1st` → `n1st`, `os:scheduler_hints` → `os_scheduler_hints`).
pub fn field_name(wire: &str) -> String {
    let snake = identifier_chars(wire).to_snake_case();
    escape(start_with_letter(snake, "n"), "_")
}

/// An UpperCamelCase type or variant name (`details` → `Details`, `round_robin` → `RoundRobin`).
pub fn type_name(wire: &str) -> String {
    let camel = identifier_chars(wire).to_upper_camel_case();
    let camel = start_with_letter(camel, "V");
    if NOT_RAW.contains(&camel.as_str()) {
        format!("{camel}Value")
    } else {
        camel
    }
}

/// Keeps letters and digits; every other character separates words.
fn identifier_chars(wire: &str) -> String {
    wire.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect()
}

fn start_with_letter(name: String, prefix: &str) -> String {
    match name.chars().next() {
        None => prefix.to_owned(),
        Some(c) if c.is_ascii_digit() => format!("{prefix}{name}"),
        Some(_) => name,
    }
}

fn escape(name: String, suffix: &str) -> String {
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}{suffix}")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// The `Response` variant for a status: its reason phrase (`403` → `Forbidden`), or `Status499`.
pub fn status_variant(status: u16) -> String {
    match http_reason(status) {
        Some(reason) => reason.to_upper_camel_case(),
        None => format!("Status{status}"),
    }
}

fn http_reason(status: u16) -> Option<&'static str> {
    Some(match status {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        203 => "Non Authoritative Information",
        204 => "No Content",
        206 => "Partial Content",
        300 => "Multiple Choices",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Payload Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        422 => "Unprocessable Entity",
        423 => "Locked",
        424 => "Failed Dependency",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => return None,
    })
}

/// Whether a field carries a credential, judged by the words of its name.
pub fn is_credential(wire: &str) -> bool {
    let words: Vec<String> = identifier_chars(wire)
        .to_snake_case()
        .split('_')
        .map(str::to_owned)
        .collect();
    let has = |w: &str| words.iter().any(|x| x == w);
    let has_pair = |a: &str, b: &str| words.windows(2).any(|p| p[0] == a && p[1] == b);
    has("token")
        || has("password")
        || has("passwd")
        || has("secret")
        || has("credential")
        || has("credentials")
        || has("authorization")
        || has("adminpass")
        || has_pair("admin", "pass")
        || has_pair("private", "key")
        || has_pair("access", "key")
        || has_pair("secret", "key")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names() {
        assert_eq!(field_name("X-Auth-Token"), "x_auth_token");
        assert_eq!(field_name("task_info"), "task_info");
        assert_eq!(field_name("type"), "r#type");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("1st"), "n1st");
        assert_eq!(field_name("os:scheduler_hints"), "os_scheduler_hints");
        assert_eq!(field_name("metadata.name"), "metadata_name");
        assert_eq!(field_name("adminPass"), "admin_pass");
        assert_eq!(field_name("-"), "n");
    }

    #[test]
    fn type_names() {
        assert_eq!(type_name("details"), "Details");
        assert_eq!(type_name("BatchConsistencyReq"), "BatchConsistencyReq");
        assert_eq!(type_name("ROUND_ROBIN"), "RoundRobin");
        assert_eq!(type_name("4"), "V4");
        assert_eq!(type_name(""), "V");
        assert_eq!(type_name("Self"), "SelfValue");
    }

    #[test]
    fn statuses() {
        assert_eq!(status_variant(200), "Ok");
        assert_eq!(status_variant(403), "Forbidden");
        assert_eq!(status_variant(499), "Status499");
    }

    #[test]
    fn credentials() {
        assert!(is_credential("X-Auth-Token"));
        assert!(is_credential("adminPass"));
        assert!(is_credential("private_key"));
        assert!(!is_credential("key_name"));
        assert!(!is_credential("description"));
    }
}
