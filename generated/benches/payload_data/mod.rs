//! The payloads and the hand-written baseline structs the payload benchmark
//! compares against, shared with `examples/payload_instructions.rs`, which
//! counts instructions under cachegrind.

use serde_json::{json, Value};

/// What a user would write without docspec: the documented fields, with
/// derived serde impls, no validation, no undocumented members kept.
pub mod baseline {
    use serde::{Deserialize, Serialize};

    #[derive(Deserialize, Serialize)]
    pub struct RequestBody {
        pub task_info: Vec<BatchConsistencyReq>,
    }

    #[derive(Deserialize, Serialize)]
    pub struct BatchConsistencyReq {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub task_id: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub source_id: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub source_name: Option<String>,
    }

    #[derive(Deserialize, Serialize)]
    pub struct ForbiddenBody {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub error_code: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub error_msg: Option<String>,
        // The generated type holds this credential in a `wire::Secret`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub encoded_authorization_message: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub error_param: Option<Vec<String>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub details: Option<Vec<Details>>,
    }

    #[derive(Deserialize, Serialize)]
    pub struct Details {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub error_code: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub error_msg: Option<String>,
    }
}

/// Characters the payload strings are made of. Multibyte text matters:
/// lengths are documented in characters, so a string whose bytes exceed its
/// limit must have its characters counted.
const ASCII: &str = "abcdefghijklmnopqrstuvwxyz0123456789-";
/// Two bytes each in UTF-8.
const LATIN: &str = "éèàçüöñ";
/// Three bytes each in UTF-8.
const CJK: &str = "云服务器迁移源端主机名称一致性校验结果";

/// Exactly `chars` characters, cycling through `alphabet`.
fn text(alphabet: &str, chars: usize) -> String {
    alphabet.chars().cycle().take(chars).collect()
}

/// The largest request the docs allow: 200 tasks (`Array Length: 1 - 200`),
/// every string at its documented maximum (task_id 36, source_id and
/// source_name 255 characters); half the names are CJK, a quarter of the
/// source IDs accented Latin.
pub fn max_request_body() -> String {
    let tasks: Vec<Value> = (0..200)
        .map(|i| {
            let name_alphabet = if i % 2 == 0 { ASCII } else { CJK };
            let id_alphabet = if i % 4 == 1 { LATIN } else { ASCII };
            json!({
                "task_id": format!("{i:08x}-3ffe-4cc6-8d66-07359039{i:04x}"),
                "source_id": text(id_alphabet, 255),
                "source_name": text(name_alphabet, 255),
            })
        })
        .collect();
    json!({ "task_info": tasks }).to_string()
}

/// The page's 403 example scaled up: error_param and details at their
/// documented maximum of 20 items, an encoded authorization message of
/// 48 KiB, long messages, half of them CJK. Every value within its limits.
pub fn large_forbidden_body() -> String {
    let message = "You do not have permission to perform action XXX on resource XXX. ";
    let long_message = |i: usize| {
        if i % 2 == 0 {
            text(message, 1024)
        } else {
            text(CJK, 1024)
        }
    };
    let details: Vec<Value> = (0..20)
        .map(|i| json!({ "error_code": "SMS.9004", "error_msg": long_message(i) }))
        .collect();
    json!({
        "error_code": "SMS.9004",
        "error_msg": text(message, 255),
        "encoded_authorization_message": text("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkrLw", 48 * 1024),
        "error_param": (0..20).map(long_message).collect::<Vec<_>>(),
        "details": details,
    })
    .to_string()
}
