//! Every constraint of the reference operation at its boundaries, through the
//! generated types: min-1, min, max, max+1, with multibyte text where length matters.

use huaweicloud_api::sms::export_consistency_results::{
    BatchConsistencyReq, Details, ForbiddenBody, RequestBody,
};
use huaweicloud_api::validation::{Part, Rule, Validate, Violation};
use huaweicloud_api::wire;

fn task(task_id: &str) -> BatchConsistencyReq {
    let mut task = BatchConsistencyReq::new();
    task.task_id = Some(task_id.to_owned());
    task
}

fn violations(value: &impl Validate) -> Vec<Violation> {
    match value.validate() {
        Ok(()) => Vec::new(),
        Err(found) => found.into_iter().collect(),
    }
}

fn violation(path: &str, rule: Rule, limit: &str, actual: &str) -> Violation {
    Violation {
        part: Part::Body,
        path: path.to_owned(),
        rule,
        limit: limit.to_owned(),
        actual: actual.to_owned(),
    }
}

#[test]
fn task_info_holds_1_to_200_items() {
    let body = |n: usize| RequestBody::new((0..n).map(|_| task("t")).collect());
    assert_eq!(
        violations(&body(0)),
        [violation("/task_info", Rule::MinItems, "1", "0")]
    );
    assert_eq!(violations(&body(1)), []);
    assert_eq!(violations(&body(200)), []);
    assert_eq!(
        violations(&body(201)),
        [violation("/task_info", Rule::MaxItems, "200", "201")]
    );
}

#[test]
fn task_id_is_1_to_36_characters_not_bytes() {
    let body = |id: &str| RequestBody::new(vec![task(id)]);
    let path = "/task_info/0/task_id";
    assert_eq!(
        violations(&body("")),
        [violation(path, Rule::MinLength, "1", "0")]
    );
    assert_eq!(violations(&body("a")), []);
    assert_eq!(violations(&body(&"a".repeat(36))), []);
    assert_eq!(
        violations(&body(&"a".repeat(37))),
        [violation(path, Rule::MaxLength, "36", "37")]
    );
    // 36 characters of 3 bytes each: 108 bytes, still within the limit.
    assert_eq!(violations(&body(&"任".repeat(36))), []);
    assert_eq!(
        violations(&body(&"任".repeat(37))),
        [violation(path, Rule::MaxLength, "36", "37")]
    );
    assert_eq!(violations(&body("任")), []);
    // Four-byte characters count once too.
    assert_eq!(violations(&body(&"🦀".repeat(36))), []);
}

#[test]
fn source_fields_are_0_to_255_characters() {
    let mut t = task("t");
    t.source_id = Some(String::new());
    t.source_name = Some("é".repeat(255));
    assert_eq!(violations(&RequestBody::new(vec![t.clone()])), []);
    t.source_name = Some("é".repeat(256));
    assert_eq!(
        violations(&RequestBody::new(vec![t])),
        [violation(
            "/task_info/0/source_name",
            Rule::MaxLength,
            "255",
            "256"
        )]
    );
}

fn forbidden(error_param: usize, details: usize) -> ForbiddenBody {
    let mut body = ForbiddenBody::new();
    body.error_param = Some(vec!["p".to_owned(); error_param]);
    body.details = Some((0..details).map(|_| Details::new()).collect());
    body
}

#[test]
fn error_param_and_details_hold_1_to_20_items() {
    for n in [1, 20] {
        assert_eq!(violations(&forbidden(n, n)), [], "{n} items");
    }
    assert_eq!(
        violations(&forbidden(0, 0)),
        [
            violation("/error_param", Rule::MinItems, "1", "0"),
            violation("/details", Rule::MinItems, "1", "0"),
        ]
    );
    assert_eq!(
        violations(&forbidden(21, 21)),
        [
            violation("/error_param", Rule::MaxItems, "20", "21"),
            violation("/details", Rule::MaxItems, "20", "21"),
        ]
    );
}

#[test]
fn each_error_param_is_at_most_65535_characters() {
    let mut body = forbidden(2, 1);
    body.error_param = Some(vec!["x".repeat(65535), "y".repeat(65536)]);
    assert_eq!(
        violations(&body),
        [violation(
            "/error_param/1",
            Rule::MaxLength,
            "65535",
            "65536"
        )]
    );
}

#[test]
fn one_validate_call_reports_every_violation() {
    let mut long = task(&"a".repeat(37));
    long.source_name = Some("n".repeat(300));
    let body = RequestBody::new(vec![task(""), long]);
    let found = body.validate().unwrap_err();
    assert_eq!(
        found.to_string(),
        "/task_info/0/task_id: 0 characters, fewer than the minimum length of 1\n\
         /task_info/1/task_id: 37 characters, more than the maximum length of 36\n\
         /task_info/1/source_name: 300 characters, more than the maximum length of 255"
    );
}

#[test]
fn missing_required_fields_fail_with_their_path() {
    let error = wire::from_json::<RequestBody>(b"{}").unwrap_err();
    assert_eq!(error.path, "");
    assert!(
        error.message.contains("missing field `task_info`"),
        "{error}"
    );

    let error =
        wire::from_json::<RequestBody>(br#"{"task_info": [{"task_id": "a"}, {"task_id": 5}]}"#)
            .unwrap_err();
    assert_eq!(error.path, "/task_info/1/task_id");
    assert!(error.message.contains("expected a string"), "{error}");
    assert!(
        error.to_string().starts_with("/task_info/1/task_id: "),
        "{error}"
    );

    let error = wire::from_json::<RequestBody>(br#"{"task_info": {"task_id": "a"}}"#).unwrap_err();
    assert_eq!(error.path, "/task_info");

    let error = wire::from_json::<RequestBody>(br#"{"task_info": null}"#).unwrap_err();
    assert_eq!(error.path, "/task_info");

    let error =
        wire::from_json::<ForbiddenBody>(br#"{"details": [{"error_code": ["x"]}]}"#).unwrap_err();
    assert_eq!(error.path, "/details/0/error_code");
}

#[test]
fn constraints_are_lenient_on_read_and_reported_by_validate() {
    // A server may answer longer strings than documented: the body still reads.
    let json = format!(r#"{{"error_code": "{}", "details": []}}"#, "E".repeat(300));
    let body: ForbiddenBody = wire::from_json(json.as_bytes()).unwrap();
    let found: Vec<String> = body
        .validate()
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        found,
        [
            "/error_code: 300 characters, more than the maximum length of 255",
            "/details: 0 items, fewer than the minimum of 1",
        ]
    );
}

#[test]
fn round_trips_keep_undocumented_fields_nulls_and_absence() {
    let json = r#"{"task_info":[{"task_id":"t","source_id":null,"extra":{"nested":[1,2.5,"x"]}}],"request_id":"r-1"}"#;
    let body: RequestBody = wire::from_json(json.as_bytes()).unwrap();
    assert_eq!(body.task_info[0].source_id, None);
    assert_eq!(body.task_info[0].source_name, None);
    assert_eq!(
        body.undocumented.get("request_id"),
        Some(&serde_json::json!("r-1"))
    );
    let written: serde_json::Value = serde_json::to_value(&body).unwrap();
    let original: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(written, original);
    // Absent stays absent.
    assert!(written["task_info"][0].get("source_name").is_none());
    assert!(written["task_info"][0]["source_id"].is_null());
}

#[test]
fn duplicate_keys_are_rejected() {
    let error =
        wire::from_json::<BatchConsistencyReq>(br#"{"task_id": "a", "task_id": "b"}"#).unwrap_err();
    assert!(
        error.message.contains("duplicate field `task_id`"),
        "{error}"
    );
}
