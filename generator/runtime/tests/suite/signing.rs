//! SDK-HMAC-SHA256 signing against vectors from an independent implementation.
//!
//! The constants below are the output of `signing_vectors.py` (beside this file), a Python
//! script written from the algorithm's description alone (hashlib, hmac and
//! urllib.parse of the standard library); rerun it to re-derive them.

use docspec_runtime::credentials::Credentials;
use docspec_runtime::signing::{canonical_request, sdk_date, sign, string_to_sign};
use docspec_runtime::wire::Secret;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

// POST_JSON
const POST_JSON_CANONICAL: &str = "POST\n/v3/tasks/consistency-results/export/\n\ncontent-type:application/json;charset=UTF-8\nhost:sms.ap-southeast-1.myhuaweicloud.com\nx-language:en-us\nx-project-id:p1234567890abcdef\nx-sdk-date:20261201T232005Z\n\ncontent-type;host;x-language;x-project-id;x-sdk-date\n9c5fe0ce6afce8cd202d4141aeff340a6db74a83bacd66d8bf775d1ef625ea44";
const POST_JSON_STRING_TO_SIGN: &str = "SDK-HMAC-SHA256\n20261201T232005Z\nddb93dcec904582883552797810a3e56d5c2602b1ba28332e76a407874bb9762";
const POST_JSON_AUTHORIZATION: &str = "SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, SignedHeaders=content-type;host;x-language;x-project-id;x-sdk-date, Signature=5fb11433db10a6b044e13b82564dd02afc24c4f0213f2fdb2e1580dee44afe9f";
// GET_SPACES_UNICODE_REPEATED
const GET_SPACES_UNICODE_REPEATED_CANONICAL: &str = "GET\n/v1/objects/my%20file/d%C3%A9j%C3%A0%20vu/\nlimit=10&name=x%20y&tag=a&tag=b\nhost:127.0.0.1:8443\nx-language:en-us\nx-sdk-date:20261201T232005Z\n\nhost;x-language;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const GET_SPACES_UNICODE_REPEATED_STRING_TO_SIGN: &str = "SDK-HMAC-SHA256\n20261201T232005Z\nd0dbfb33fc30cb3f44f519f354a0d79c50c94de17d6032fed955bcf89ef891db";
const GET_SPACES_UNICODE_REPEATED_AUTHORIZATION: &str = "SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, SignedHeaders=host;x-language;x-sdk-date, Signature=bdf26df94617dc16cf7955ef289a6b8a85b9e48ae64c5c87db09d234b4f9c3fd";
// TEMPORARY_AK_SK
const TEMPORARY_AK_SK_CANONICAL: &str = "DELETE\n/v3/tasks/t1/\n\nhost:sms.ap-southeast-1.myhuaweicloud.com\nx-sdk-date:20261201T232005Z\nx-security-token:gQpzZWN1cml0eS10b2tlbi1leGFtcGxl\n\nhost;x-sdk-date;x-security-token\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const TEMPORARY_AK_SK_STRING_TO_SIGN: &str = "SDK-HMAC-SHA256\n20261201T232005Z\n7c234675602f05c2ea37dfc09577cf6e8baacd89aac2fa74bd49282d5598284d";
const TEMPORARY_AK_SK_AUTHORIZATION: &str = "SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, SignedHeaders=host;x-sdk-date;x-security-token, Signature=2223b774862b4e030bedc9a719b30e8cd858d5c4e561f8b49601c20b62aa0c51";

const AK: &str = "HPUAEXAMPLEAK0000001";
const SECURITY_TOKEN: &str = "gQpzZWN1cml0eS10b2tlbi1leGFtcGxl";
const SK: &str = "exampleSecretKey/with+symbols=0123456789";
/// 2026-12-01T23:20:05Z, the script's `WHEN`.
const WHEN: u64 = 1_796_167_205;

fn when() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(WHEN)
}

fn post_json() -> http::Request<Vec<u8>> {
    http::Request::builder()
        .method("POST")
        .uri("https://sms.ap-southeast-1.myhuaweicloud.com/v3/tasks/consistency-results/export")
        .header("Content-Type", "application/json;charset=UTF-8")
        .header("X-Language", "en-us")
        .body(br#"{"task_info":[{"task_id":"05a41be9-3ffe-4cc6-8d66-07359039xxxx"}]}"#.to_vec())
        .unwrap()
}

/// The signed request matches one vector of the script: canonical request, string to sign, header.
fn assert_signed_as(request: &http::Request<Vec<u8>>, vector: [&str; 3]) -> String {
    let [canonical_expected, to_sign, authorization] = vector;
    let (canonical, signed) = canonical_request(request).unwrap();
    assert_eq!(canonical, canonical_expected);
    assert_eq!(string_to_sign(&canonical, "20261201T232005Z"), to_sign);
    assert_eq!(request.headers()["authorization"], authorization);
    signed
}

#[test]
fn signs_a_json_post_with_a_project_id() {
    let mut request = post_json();
    Credentials::ak_sk(AK, SK)
        .with_project_id("p1234567890abcdef")
        .apply(&mut request, when())
        .unwrap();
    assert_signed_as(
        &request,
        [
            POST_JSON_CANONICAL,
            POST_JSON_STRING_TO_SIGN,
            POST_JSON_AUTHORIZATION,
        ],
    );
    assert_eq!(request.headers()["x-sdk-date"], "20261201T232005Z");
    assert_eq!(request.headers()["x-project-id"], "p1234567890abcdef");
    assert!(!request.headers().contains_key("x-auth-token"));
}

#[test]
fn signs_spaces_non_ascii_repeated_keys_and_an_empty_body() {
    let mut request = http::Request::builder()
        .method("GET")
        .uri("http://127.0.0.1:8443/v1/objects/my%20file/d%C3%A9j%C3%A0%20vu?tag=b&tag=a&limit=10&name=x%20y")
        .header("X-Language", "  en-us  ")
        .header("x_ignored", "left out")
        .body(Vec::new())
        .unwrap();
    sign(&mut request, AK, &Secret::new(SK), when()).unwrap();
    let signed = assert_signed_as(
        &request,
        [
            GET_SPACES_UNICODE_REPEATED_CANONICAL,
            GET_SPACES_UNICODE_REPEATED_STRING_TO_SIGN,
            GET_SPACES_UNICODE_REPEATED_AUTHORIZATION,
        ],
    );
    assert_eq!(signed, "host;x-language;x-sdk-date");
    assert_eq!(request.headers()["host"], "127.0.0.1:8443");
}

#[test]
fn temporary_ak_sk_send_and_sign_their_security_token() {
    let mut request = http::Request::builder()
        .method("DELETE")
        .uri("https://sms.ap-southeast-1.myhuaweicloud.com/v3/tasks/t1")
        .body(Vec::new())
        .unwrap();
    let credentials = Credentials::ak_sk(AK, SK).with_security_token(SECURITY_TOKEN);
    credentials.apply(&mut request, when()).unwrap();
    assert_signed_as(
        &request,
        [
            TEMPORARY_AK_SK_CANONICAL,
            TEMPORARY_AK_SK_STRING_TO_SIGN,
            TEMPORARY_AK_SK_AUTHORIZATION,
        ],
    );
    assert_eq!(request.headers()["x-security-token"], SECURITY_TOKEN);
    assert_eq!(
        credentials.to_string(),
        "temporary AK/SK credentials (access key HPUAEXAMPLEAK0000001)"
    );
    let debug = format!("{credentials:?}{request:?}");
    assert!(!debug.contains(SECURITY_TOKEN), "{debug}");
}

#[test]
fn dates_are_utc_basic_format() {
    assert_eq!(sdk_date(when()), "20261201T232005Z");
    assert_eq!(sdk_date(UNIX_EPOCH), "19700101T000000Z");
    // 2024-02-29 (a leap day) and the second before it.
    assert_eq!(
        sdk_date(UNIX_EPOCH + Duration::from_secs(1_709_164_800)),
        "20240229T000000Z"
    );
    assert_eq!(
        sdk_date(UNIX_EPOCH + Duration::from_secs(1_709_164_799)),
        "20240228T235959Z"
    );
}

#[test]
fn secrets_stay_out_of_debug_display_and_signed_requests() {
    let ak_sk = Credentials::ak_sk(AK, SK).with_project_id("p1");
    let token = Credentials::token("MIItoken-secret");
    for text in [
        format!("{ak_sk:?}"),
        ak_sk.to_string(),
        format!("{token:?}"),
        token.to_string(),
    ] {
        assert!(
            !text.contains(SK) && !text.contains("MIItoken-secret"),
            "{text}"
        );
    }
    let mut signed = post_json();
    ak_sk.apply(&mut signed, when()).unwrap();
    let mut with_token = post_json();
    token.apply(&mut with_token, when()).unwrap();
    assert_eq!(with_token.headers()["x-auth-token"], "MIItoken-secret");
    let debug = format!("{signed:?}{with_token:?}");
    assert!(!debug.contains("MIItoken-secret"), "{debug}");
    assert!(!debug.contains("Signature="), "{debug}");
    assert!(!debug.contains(SK), "{debug}");
}

#[test]
fn a_token_with_cr_or_lf_is_refused_without_showing_it() {
    let mut request = post_json();
    let error = Credentials::token("MIIsecret\r\nX-Evil: 1")
        .apply(&mut request, when())
        .unwrap_err();
    assert!(!error.to_string().contains("MIIsecret"), "{error}");
    assert!(!format!("{error:?}").contains("MIIsecret"), "{error:?}");
}

#[test]
fn environment_names_and_ak_sk_wins() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    };
    let both = Credentials::from_lookup(env(&[
        ("HUAWEICLOUD_SDK_AK", "ak"),
        ("HUAWEICLOUD_SDK_SK", "sk"),
        ("HUAWEICLOUD_SDK_PROJECT_ID", "p"),
        ("HUAWEICLOUD_SDK_AUTH_TOKEN", "t"),
    ]))
    .unwrap();
    assert_eq!(both, Credentials::ak_sk("ak", "sk").with_project_id("p"));
    let temporary = Credentials::from_lookup(env(&[
        ("HUAWEICLOUD_SDK_AK", "ak"),
        ("HUAWEICLOUD_SDK_SK", "sk"),
        ("HUAWEICLOUD_SDK_SECURITY_TOKEN", "st"),
    ]))
    .unwrap();
    assert_eq!(
        temporary,
        Credentials::ak_sk("ak", "sk").with_security_token("st")
    );
    assert_eq!(
        Credentials::token("t").with_security_token("st"),
        Credentials::token("t"),
        "a security token belongs to AK/SK only"
    );
    let token = Credentials::from_lookup(env(&[
        ("HUAWEICLOUD_SDK_AK", "ak"),
        ("HUAWEICLOUD_SDK_AUTH_TOKEN", "t"),
    ]))
    .unwrap();
    assert_eq!(token, Credentials::token("t"));
    assert!(Credentials::from_lookup(env(&[("HUAWEICLOUD_SDK_SK", "")])).is_err());
}
