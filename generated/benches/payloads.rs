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
use serde_json::Value;
use std::hint::black_box;
use std::time::Duration;

mod payload_data;

use payload_data::{baseline, large_forbidden_body, max_request_body};

/// Checks, outside the timings, that both types read the payload, that it
/// keeps every documented constraint, and that both write it back unchanged:
/// the benchmarks then compare equal work.
fn check_payload<Generated, Baseline>(json: &str)
where
    Generated: DeserializeOwned + wire::Decode + Serialize + Validate,
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
    Generated: DeserializeOwned + wire::Decode + Serialize + Validate,
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
