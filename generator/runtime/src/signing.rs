//! AK/SK request signing, algorithm `SDK-HMAC-SHA256`, as the API gateway checks it.
//!
//! The canonical request is the method, the canonical URI, the canonical
//! query, the canonical headers, the signed header names and the hex SHA-256
//! of the body, joined by newlines; the signature is the hex HMAC-SHA256, keyed
//! with the secret key, of `SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hex SHA-256 of the
//! canonical request>`.

use crate::client::{RequestError, UNRESERVED_ONLY};
use crate::credentials::header_value;
use crate::wire::Secret;
use hmac::{Hmac, Mac};
use percent_encoding::{percent_decode_str, percent_encode};
use sha2::{Digest, Sha256};
use std::fmt::Write;
use std::time::{SystemTime, UNIX_EPOCH};

/// The signing algorithm, as the `Authorization` header names it.
pub const ALGORITHM: &str = "SDK-HMAC-SHA256";
/// The header that carries the signing time, which the signature covers.
pub const DATE_HEADER: &str = "X-Sdk-Date";

/// Sets `Host` (when absent) and `X-Sdk-Date`, then `Authorization` with the signature.
pub fn sign(
    request: &mut http::Request<Vec<u8>>,
    access_key: &str,
    secret_key: &Secret,
    now: SystemTime,
) -> Result<(), RequestError> {
    let date = sdk_date(now);
    if !request.headers().contains_key(http::header::HOST) {
        let host = request
            .uri()
            .authority()
            .map(|a| a.as_str().to_owned())
            .ok_or(RequestError::HeaderValue { name: "Host" })?;
        let value = header_value("Host", &host, false)?;
        request.headers_mut().insert(http::header::HOST, value);
    }
    let value = header_value(DATE_HEADER, &date, false)?;
    request.headers_mut().insert(DATE_HEADER, value);
    let (canonical, signed_headers) = canonical_request(request)?;
    let signature = hex(&hmac_sha256(
        secret_key.expose().as_bytes(),
        string_to_sign(&canonical, &date).as_bytes(),
    ));
    let authorization = format!(
        "{ALGORITHM} Access={access_key}, SignedHeaders={signed_headers}, Signature={signature}"
    );
    let value = header_value("Authorization", &authorization, true)?;
    request
        .headers_mut()
        .insert(http::header::AUTHORIZATION, value);
    Ok(())
}

/// The canonical request and the signed header list (`a;b;c`), over every header but `Authorization`.
pub fn canonical_request(
    request: &http::Request<Vec<u8>>,
) -> Result<(String, String), RequestError> {
    let mut headers: Vec<(&str, String)> = Vec::new();
    for name in request.headers().keys() {
        // The gateway leaves names with `_` out of the signature; the
        // signature itself cannot be signed (this lets a server recompute it).
        if name.as_str().contains('_') || name == http::header::AUTHORIZATION {
            continue;
        }
        let mut values = Vec::new();
        for value in request.headers().get_all(name) {
            let value = value.to_str().map_err(|_| RequestError::HeaderValue {
                name: "(signed header)",
            })?;
            values.push(value.trim());
        }
        headers.push((name.as_str(), values.join(",")));
    }
    headers.sort();
    let signed: Vec<&str> = headers.iter().map(|(name, _)| *name).collect();
    let signed = signed.join(";");
    let mut canonical_headers = String::new();
    for (name, value) in &headers {
        let _ = writeln!(canonical_headers, "{name}:{value}");
    }
    let canonical = [
        request.method().as_str(),
        &canonical_uri(request.uri().path()),
        &canonical_query(request.uri().query().unwrap_or("")),
        &canonical_headers,
        &signed,
        &hex(&Sha256::digest(request.body())),
    ]
    .join("\n");
    Ok((canonical, signed))
}

/// `SDK-HMAC-SHA256`, the date and the hex SHA-256 of the canonical request, joined by newlines.
pub fn string_to_sign(canonical_request: &str, date: &str) -> String {
    format!(
        "{ALGORITHM}\n{date}\n{}",
        hex(&Sha256::digest(canonical_request.as_bytes()))
    )
}

/// The path percent-decoded, each segment encoded keeping only unreserved characters, ending in `/`.
fn canonical_uri(path: &str) -> String {
    let decoded: Vec<u8> = percent_decode_str(path).collect();
    let mut uri = decoded
        .split(|b| *b == b'/')
        .map(|segment| percent_encode(segment, UNRESERVED_ONLY).to_string())
        .collect::<Vec<_>>()
        .join("/");
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

/// Pairs decoded, re-encoded keeping only unreserved characters, sorted by key then value.
fn canonical_query(query: &str) -> String {
    if query.is_empty() {
        return String::new();
    }
    let encode = |text: &str| {
        let bytes: Vec<u8> = percent_decode_str(text).collect();
        percent_encode(&bytes, UNRESERVED_ONLY).to_string()
    };
    let mut pairs: Vec<(String, String)> = query
        .split('&')
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (encode(key), encode(value))
        })
        .collect();
    pairs.sort();
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

fn hmac_sha256(key: &[u8], message: &[u8]) -> Vec<u8> {
    // HMAC accepts keys of any length; `new_from_slice` cannot fail for it.
    match Hmac::<Sha256>::new_from_slice(key) {
        Ok(mut mac) => {
            mac.update(message);
            mac.finalize().into_bytes().to_vec()
        }
        Err(_) => Vec::new(),
    }
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// `YYYYMMDDTHHMMSSZ` in UTC; times before 1970 read as 1970.
pub fn sdk_date(at: SystemTime) -> String {
    let secs = at.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rem) = ((secs / 86_400) as i64, secs % 86_400);
    // Days since 1970-01-01 to a proleptic Gregorian date, by 400-year eras.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}
