#!/usr/bin/env python3
"""Independent reference for SDK-HMAC-SHA256 request signing.

Written from the algorithm as issue 10 states it (not from the Rust code, and
using only Python's standard library: hashlib, hmac, urllib.parse). Its output
is pasted into tests/suite/signing.rs as constants; rerun it after changing a vector:

    python3 generator/runtime/tests/suite/signing_vectors.py
"""
import datetime
import hashlib
import hmac
import urllib.parse

UNRESERVED = "-_.~"  # plus ASCII letters and digits, which quote() never escapes


def enc(text):
    return urllib.parse.quote(text, safe=UNRESERVED)


def canonical_uri(path):
    decoded = urllib.parse.unquote(path)
    uri = "/".join(enc(segment) for segment in decoded.split("/"))
    return uri if uri.endswith("/") else uri + "/"


def canonical_query(query):
    pairs = []
    for item in query.split("&") if query else []:
        key, _, value = item.partition("=")
        pairs.append((enc(urllib.parse.unquote(key)), enc(urllib.parse.unquote(value))))
    pairs.sort()
    return "&".join(f"{k}={v}" for k, v in pairs)


def sign(method, host, path, query, headers, body, ak, sk, project_id, when):
    date = when.strftime("%Y%m%dT%H%M%SZ")
    headers = dict(headers)
    headers["Host"] = host
    headers["X-Sdk-Date"] = date
    if project_id:
        headers["X-Project-Id"] = project_id
    lowered = {k.lower(): v.strip() for k, v in headers.items() if "_" not in k}
    names = sorted(lowered)
    canonical_headers = "".join(f"{n}:{lowered[n]}\n" for n in names)
    signed = ";".join(names)
    canonical = "\n".join([
        method,
        canonical_uri(path),
        canonical_query(query),
        canonical_headers,
        signed,
        hashlib.sha256(body).hexdigest(),
    ])
    to_sign = "\n".join(["SDK-HMAC-SHA256", date, hashlib.sha256(canonical.encode()).hexdigest()])
    signature = hmac.new(sk.encode(), to_sign.encode(), hashlib.sha256).hexdigest()
    auth = f"SDK-HMAC-SHA256 Access={ak}, SignedHeaders={signed}, Signature={signature}"
    return canonical, to_sign, auth


WHEN = datetime.datetime(2026, 12, 1, 23, 20, 5, tzinfo=datetime.timezone.utc)
AK, SK = "HPUAEXAMPLEAK0000001", "exampleSecretKey/with+symbols=0123456789"

VECTORS = {
    "POST_JSON": (
        "POST", "sms.ap-southeast-1.myhuaweicloud.com", "/v3/tasks/consistency-results/export", "",
        {"Content-Type": "application/json;charset=UTF-8", "X-Language": "en-us"},
        b'{"task_info":[{"task_id":"05a41be9-3ffe-4cc6-8d66-07359039xxxx"}]}', "p1234567890abcdef",
    ),
    "GET_SPACES_UNICODE_REPEATED": (
        "GET", "127.0.0.1:8443", "/v1/objects/my%20file/d%C3%A9j%C3%A0%20vu", "tag=b&tag=a&limit=10&name=x%20y",
        {"X-Language": "  en-us  ", "x_ignored": "left out"}, b"", None,
    ),
    # Temporary AK/SK: the security token travels in X-Security-Token and is signed like any header.
    "TEMPORARY_AK_SK": (
        "DELETE", "sms.ap-southeast-1.myhuaweicloud.com", "/v3/tasks/t1", "",
        {"X-Security-Token": "gQpzZWN1cml0eS10b2tlbi1leGFtcGxl"}, b"", None,
    ),
}

for name, (method, host, path, query, headers, body, project) in VECTORS.items():
    canonical, to_sign, auth = sign(method, host, path, query, headers, body, AK, SK, project, WHEN)
    print(f"// {name}")
    print(f"const {name}_CANONICAL: &str = {canonical!r};".replace("'", '"'))
    print(f"const {name}_STRING_TO_SIGN: &str = {to_sign!r};".replace("'", '"'))
    print(f"const {name}_AUTHORIZATION: &str = {auth!r};".replace("'", '"'))
