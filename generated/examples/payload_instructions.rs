//! Reads the largest multibyte request body N times, for instruction counts
//! under cachegrind (deterministic, unlike wall time on a shared machine):
//!
//! ```sh
//! cargo build --release -p huaweicloud-api --example payload_instructions
//! valgrind --tool=cachegrind --cache-sim=no target/release/examples/payload_instructions c 20
//! ```
//!
//! `a`: into the hand-written derived struct; `c`: into the generated type,
//! then `validate()`; `a403` and `c403` the same for the large 403 body. The instructions of one call are those of N calls
//! minus those of 0 calls (the setup), divided by N. `generator/benches/whole_service.sh`
//! runs it for this crate and for the one of an older commit.

#[path = "../benches/payload_data/mod.rs"]
mod payload_data;

use huaweicloud_api::sms::export_consistency_results::{ForbiddenBody, RequestBody};
use huaweicloud_api::validation::Validate;
use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let function = args.next().unwrap_or_default();
    let calls: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let json = payload_data::max_request_body();
    let forbidden = payload_data::large_forbidden_body();
    for _ in 0..calls {
        match function.as_str() {
            "a" => {
                let value: payload_data::baseline::RequestBody =
                    serde_json::from_str(black_box(&json)).expect("the baseline reads the payload");
                black_box(value);
            }
            "c" => {
                let value: RequestBody = serde_json::from_str(black_box(&json))
                    .expect("the generated type reads the payload");
                black_box(value.validate().is_ok());
                black_box(value);
            }
            "a403" => {
                let value: payload_data::baseline::ForbiddenBody =
                    serde_json::from_str(black_box(&forbidden))
                        .expect("the baseline reads the payload");
                black_box(value);
            }
            "c403" => {
                let value: ForbiddenBody = serde_json::from_str(black_box(&forbidden))
                    .expect("the generated type reads the payload");
                black_box(value.validate().is_ok());
                black_box(value);
            }
            other => {
                eprintln!("unknown function {other:?}: use a, c, a403 or c403");
                std::process::exit(2);
            }
        }
    }
}
