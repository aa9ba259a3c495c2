//! The build script's output is the checked-in generated crate's `sms` part,
//! byte for byte, and it works the same: the page's examples round-trip. The
//! build script generates only `sms`, so other services added to `spec/`
//! (the README's "Adding a page") are not part of the comparison.

use build_rs_consumer::sms::export_consistency_results::{ForbiddenBody, RequestBody};
use docspec_example_check::{check_json_example, ExampleCheck};
use std::path::Path;

fn files_below(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push(relative);
            }
        }
    }
    out.sort();
    out
}

/// The service the build script generates.
const SERVICE: &str = "sms";

/// The files of the one service (`sms/...`) and the crate-wide ones beside
/// `lib.rs`; not `lib.rs` itself, which declares whichever services were
/// generated, nor the folders of other services.
fn service_files(files: Vec<String>) -> Vec<String> {
    files
        .into_iter()
        .filter(|f| match f.split_once('/') {
            Some((folder, _)) => folder == SERVICE,
            None => f != "lib.rs",
        })
        .collect()
}

#[test]
fn out_dir_equals_generated_crate() {
    let out_dir = Path::new(env!("OUT_DIR"));
    let checked_in = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../generated/src");
    let generated = service_files(files_below(out_dir));
    assert_eq!(
        generated,
        service_files(files_below(&checked_in)),
        "the same files"
    );
    assert!(
        generated
            .iter()
            .any(|f| f.starts_with(&format!("{SERVICE}/"))),
        "{generated:?}"
    );
    let lib = std::fs::read_to_string(out_dir.join("lib.rs")).unwrap();
    assert!(lib.contains(&format!("pub mod {SERVICE} {{")), "{lib}");
    for file in &generated {
        let a = std::fs::read(out_dir.join(file)).unwrap();
        let b = std::fs::read(checked_in.join(file)).unwrap();
        assert!(a == b, "{file} differs between OUT_DIR and generated/src");
    }
}

#[test]
fn examples_round_trip() {
    let request = r#"{"task_info":[{"source_id":"31806fb2-95bd-421f-ae35-b81b750dxxxx","task_id":"05a41be9-3ffe-4cc6-8d66-07359039xxxx","source_name":"ecsxxx"}]}"#;
    assert_eq!(
        check_json_example::<RequestBody>(request),
        ExampleCheck::RoundTrip
    );
    let forbidden = r#"{"error_code":"SMS.9004","error_msg":"denied","encoded_authorization_message":"XXXXXX","error_param":["p"],"details":[{"error_code":"SMS.9004","error_msg":"denied"}]}"#;
    assert_eq!(
        check_json_example::<ForbiddenBody>(forbidden),
        ExampleCheck::RoundTrip
    );
}
