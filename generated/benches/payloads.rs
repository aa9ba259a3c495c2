//! What docspec's strict, lossless and validated types cost over the serde
//! structs a user would write by hand, on the largest payloads the reference
//! operation documents (`sms::export_consistency_results`).
//!
//! For each payload, one criterion group runs back to back:
//!
//! - a: deserialize into the hand-written struct (the baseline),
//! - b: deserialize into the generated type,
//! - c: deserialize into the generated type and `validate()` (goal: within 1.10x of a),
//! - d: serialize the generated value,
//! - e: serialize the baseline value,
//! - f: `wire::from_json`, which also tracks the JSON path of errors,
//! - g: `validate()` alone, to split c into reading and checking,
//! - h: the baseline read from bytes (`serde_json::from_slice`), the fair
//!   comparison for f: reading bytes checks UTF-8, reading a `&str` does not.
//!
//! Run with `cargo bench -p huaweicloud-api --bench payloads`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use huaweicloud_api::sms::export_consistency_results::{ForbiddenBody, RequestBody};
use huaweicloud_api::validation::Validate;
use huaweicloud_api::wire;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use std::hint::black_box;
use std::time::Duration;

/// What a user would write without docspec: the documented fields, with
/// derived serde impls, no validation, no undocumented members kept.
mod baseline {
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
fn max_request_body() -> String {
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
fn large_forbidden_body() -> String {
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

/// Checks, outside the timings, that both types read the payload, that it
/// keeps every documented constraint, and that both write it back unchanged:
/// the benchmarks then compare equal work.
fn check_payload<Generated, Baseline>(json: &str)
where
    Generated: DeserializeOwned + Serialize + Validate,
    Baseline: DeserializeOwned + Serialize,
{
    let original: Value = serde_json::from_str(json).expect("the payload is JSON");
    let generated: Generated =
        serde_json::from_str(json).expect("the generated type reads the payload");
    let baseline: Baseline = serde_json::from_str(json).expect("the baseline reads the payload");
    if let Err(violations) = generated.validate() {
        panic!("the payload should keep every documented constraint:\n{violations}");
    }
    assert_eq!(
        serde_json::to_value(&generated).ok(),
        Some(original.clone())
    );
    assert_eq!(serde_json::to_value(&baseline).ok(), Some(original));
}

/// Runs a to h on one payload, in one group, so that the ratios to the
/// baseline come from measurements taken minutes apart at most.
fn compare<Generated, Baseline>(c: &mut Criterion, group_name: &str, json: &str)
where
    Generated: DeserializeOwned + Serialize + Validate,
    Baseline: DeserializeOwned + Serialize,
{
    check_payload::<Generated, Baseline>(json);
    let generated: Generated = serde_json::from_str(json).expect("checked above");
    let baseline: Baseline = serde_json::from_str(json).expect("checked above");

    let mut group = c.benchmark_group(group_name);
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("a_baseline_from_str", |b| {
        b.iter(|| serde_json::from_str::<Baseline>(black_box(json)).expect("checked above"))
    });
    group.bench_function("b_generated_from_str", |b| {
        b.iter(|| serde_json::from_str::<Generated>(black_box(json)).expect("checked above"))
    });
    group.bench_function("c_generated_from_str_validate", |b| {
        b.iter(|| {
            let value = serde_json::from_str::<Generated>(black_box(json)).expect("checked above");
            value.validate().expect("checked above");
            value
        })
    });
    group.bench_function("d_generated_to_string", |b| {
        b.iter(|| serde_json::to_string(black_box(&generated)).expect("checked above"))
    });
    group.bench_function("e_baseline_to_string", |b| {
        b.iter(|| serde_json::to_string(black_box(&baseline)).expect("checked above"))
    });
    group.bench_function("f_wire_from_json", |b| {
        b.iter(|| wire::from_json::<Generated>(black_box(json.as_bytes())).expect("checked above"))
    });
    group.bench_function("g_validate_only", |b| {
        b.iter(|| black_box(&generated).validate())
    });
    group.bench_function("h_baseline_from_slice", |b| {
        b.iter(|| {
            serde_json::from_slice::<Baseline>(black_box(json.as_bytes())).expect("checked above")
        })
    });
    group.finish();
}

fn request_body(c: &mut Criterion) {
    compare::<RequestBody, baseline::RequestBody>(c, "request_body_max", &max_request_body());
}

fn forbidden_body(c: &mut Criterion) {
    compare::<ForbiddenBody, baseline::ForbiddenBody>(
        c,
        "forbidden_403_large",
        &large_forbidden_body(),
    );
}

criterion_group! {
    name = benches;
    // A few seconds per function keeps `cargo bench` within minutes on a
    // small machine; the command line can still override these.
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = request_body, forbidden_body
}
criterion_main!(benches);
