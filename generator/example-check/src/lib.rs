//! Checking a page's example payloads against the generated types: what the
//! example tests of a generated crate assert. Test support, so a crate of its
//! own that a generated crate takes as a dev-dependency: the runtime's public
//! API holds none of it.

use docspec_runtime::validation::Validate;
use docspec_runtime::wire::{from_json, Decode, DecodeError};
use serde::Serialize;

/// What checking an example payload showed.
#[derive(Debug, Clone, PartialEq)]
pub enum ExampleCheck {
    /// Read, valid, and written back to the same JSON value.
    RoundTrip,
    /// Read and written back to the same JSON value, but breaks documented constraints (as displayed).
    Violations(Vec<String>),
    /// Read, but written back to a different value: something was lost.
    Lossy {
        /// What was written back (or why writing failed).
        written: String,
    },
    /// Could not be read as the documented type.
    Decode(DecodeError),
    /// Not JSON.
    InvalidJson(String),
}

/// Reads a JSON example as `T`, validates it and writes it back.
pub fn check_json_example<T: Decode + Serialize + Validate>(json: &str) -> ExampleCheck {
    let original: serde_json::Value = match serde_json::from_str(json) {
        Ok(value) => value,
        Err(e) => return ExampleCheck::InvalidJson(e.to_string()),
    };
    let value: T = match from_json(json.as_bytes()) {
        Ok(value) => value,
        Err(e) => return ExampleCheck::Decode(e),
    };
    let written = match serde_json::to_value(&value) {
        Ok(written) => written,
        Err(e) => {
            return ExampleCheck::Lossy {
                written: e.to_string(),
            }
        }
    };
    if !same_json(&original, &written) {
        return ExampleCheck::Lossy {
            written: written.to_string(),
        };
    }
    match value.validate() {
        Ok(()) => ExampleCheck::RoundTrip,
        Err(violations) => {
            ExampleCheck::Violations(violations.iter().map(ToString::to_string).collect())
        }
    }
}

/// JSON equality where numbers compare by value: `5` and `5.0` are the same JSON number.
pub fn same_json(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::same_json;
    use serde_json::json;

    #[test]
    fn numbers_compare_by_value_and_everything_else_exactly() {
        assert!(same_json(
            &json!({"a": [5, 1.5]}),
            &json!({"a": [5.0, 1.5]})
        ));
        assert!(!same_json(&json!({"a": 5}), &json!({"a": 6})));
        assert!(!same_json(&json!({"a": 5}), &json!({"a": "5"})));
        assert!(!same_json(&json!({"a": 1}), &json!({"a": 1, "b": null})));
        assert!(!same_json(&json!([1, 2]), &json!([2, 1])));
    }
}
