//! A mutational fuzzer for the page importer that needs only stable Rust.
//!
//! Every input is a real or built-in page in either form (exported HTML or
//! copied text) with a few random mutations stacked on it: byte flips,
//! inserted, deleted, duplicated and repeated spans, splices of two pages,
//! cuts, HTML tags (balanced or not), pipes and `|---|` lines, brackets,
//! very long lines, deep nesting, invalid UTF-8, lines and cells dropped or
//! doubled. Each input goes through the whole generator: import, then for
//! every spec the import gives, the YAML read back, the docs lint, the
//! resolver and the emitter. Nothing there may panic, hang or take long.
//!
//! ```text
//! cargo run --release --manifest-path generator/fuzz/Cargo.toml --bin fuzz_import -- --seconds 600
//! ```
//!
//! It lives in `generator/fuzz/`, a workspace of its own, so that
//! `cargo test --workspace` does not build it; the invariants it checks are
//! `invariants.rs`, which the libFuzzer target and `tests/corpora/import_fuzz.rs`
//! check the same way.
//!
//! Options: `--seconds N` (default 60), `--seed S` (default 1), `--max-len
//! BYTES` (default 262144), `--budget-ms MS` (an input slower than this is
//! reported as possibly superlinear, default 2000), `--hang-seconds N` (an
//! input still running after this is a hang, default 60), `--stack-kib N`
//! (the stack of the fuzzing thread, default 2048 as for any spawned thread),
//! `--shared DIR` (test data, default `../shared` beside the workspace),
//! `--out DIR` (findings, default `target/fuzz-import`).
//! `--replay FILE...` imports the given files once each, printing outcome,
//! time per stage and any panic with its backtrace (with `--import-only`
//! before it, the later stages are skipped, to time or profile the import
//! alone); `--minimize FILE` shrinks an input that panics to a smaller one
//! that panics at the same place, and prints it as a byte-string literal.
//!
//! Inputs are a pure function of the seed and their number, so the run
//! survives what `catch_unwind` cannot catch: the fuzzing runs in a child
//! process that reports the number of each input before running it, and
//! when the child dies (stack overflow, abort, out of memory) or stops
//! reporting, this process rebuilds that input, saves it and starts a new
//! child after it. The pages under `shared/` are read at run time and never
//! copied anywhere but into the findings folder under `target/`.
//!
//! Exit status: 0 when nothing failed, 1 after any panic, crash or hang,
//! 3 when the only findings are slow inputs or broken invariants (a failed
//! import without an error, a location outside the page, YAML that does not
//! read back to the imported spec).

use docspec_fuzz::{check_import, Outcome as Checked, STAGES};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::Mutex;
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------
// Built-in pages: a made-up operation in the docs' layout, in both forms.

const BUILTIN_TEXT: &str = "Creating a Gadget
Function
This API is used to create a gadget in a workshop.
URI
POST /v2/{project_id}/workshops/{workshop_id}/gadgets?dry_run={dry_run}
Parameter | Mandatory | Type | Description |
|---|---|---|---|
project_id | Yes | String | Specifies the project ID. |
workshop_id | Yes | String | Specifies the workshop ID. Minimum: 1 Maximum: 36 |
dry_run | No | Boolean | Specifies whether to only check the request. Default: false |
Request Parameters
Parameter | Mandatory | Type | Description |
|---|---|---|---|
X-Auth-Token | Yes | String | Specifies the user token. |
Content-Type | No | String | Specifies the media type. Default: application/json |
Parameter | Mandatory | Type | Description |
|---|---|---|---|
gadget | Yes | CreateGadgetOption object | Specifies the gadget. |
Parameter | Mandatory | Type | Description |
|---|---|---|---|
name | Yes | String | Specifies the gadget name. Minimum: 1 Maximum: 64 |
size | No | Integer | Specifies the size. The value ranges from 1 to 100. |
color | No | String | Specifies the color. The value can be red, green or blue. |
parts | No | Array of GadgetPart objects | Specifies the parts. Array Length: 0 - 10 |
labels | No | Map<String,String> | Specifies the labels. |
Parameter | Mandatory | Type | Description |
|---|---|---|---|
part_id | Yes | String | Specifies the part ID. |
weight | No | Number | Specifies the weight in grams. Minimum: 0 |
Response Parameters
Status code: 201
Parameter | Type | Description |
|---|---|---|
gadget | GadgetInfo object | Specifies the created gadget. |
request_id | String | Specifies the request ID. |
Parameter | Type | Description |
|---|---|---|
id | String | Specifies the gadget ID. |
tags | Array of strings | Specifies the tags. |
Status code: 400
Parameter | Type | Description |
|---|---|---|
error_code | String | Specifies the error code. |
error_msg | String | Specifies the error message. |
Example Requests
Creating a gadget with one part
POST https://{endpoint}/v2/{project_id}/workshops/{workshop_id}/gadgets
{
  \"gadget\" : {
    \"name\" : \"g-01\",
    \"size\" : 3,
    \"color\" : \"red\",
    \"parts\" : [ { \"part_id\" : \"p-1\", \"weight\" : 2.5 } ],
    \"labels\" : { \"team\" : \"a|b\" }
  }
} Example Responses
Status code: 201
Created.
{
  \"gadget\" : { \"id\" : \"0a1b\", \"tags\" : [ \"x\" ] },
  \"request_id\" : \"r-9\"
} Status code: 400
Bad request.
{ \"error_code\" : \"GD.0001\", \"error_msg\" : \"Invalid size.\" } Status Codes
Status Code | Description |
|---|---|
201 | Created. |
400 | Bad request. |
Error Codes
See Error Codes.
";

const BUILTIN_HTML: &str = r##"<a name="CreateGadget"></a>
<h1 class="topictitle1">Creating a Gadget</h1>
<h4 class="sectiontitle">Function</h4><p>This API is used to create a gadget in a workshop.</p>
<h4 class="sectiontitle">URI</h4><p>POST /v2/{project_id}/workshops/{workshop_id}/gadgets?dry_run={dry_run}</p>
<table><caption><b>Table 1 </b>Path parameters</caption><thead><tr><th><p>Parameter</p></th><th><p>Mandatory</p></th><th><p>Type</p></th><th><p>Description</p></th></tr></thead>
<tbody><tr><td><p>project_id</p></td><td><p>Yes</p></td><td><p>String</p></td><td><p>Specifies the project ID.</p></td></tr>
<tr><td><p>workshop_id</p></td><td><p>Yes</p></td><td><p>String</p></td><td><p>Specifies the workshop ID.</p><p>Minimum: <strong>1</strong></p><p>Maximum: <strong>36</strong></p></td></tr></tbody></table>
<table><caption><b>Table 2 </b>Query parameters</caption><thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>dry_run</td><td>No</td><td>Boolean</td><td>Specifies whether to only check the request.<p>Default: <strong>false</strong></p></td></tr></tbody></table>
<h4 class="sectiontitle">Request Parameters</h4>
<table id="CreateGadget__t3"><caption><b>Table 3 </b>Request header parameters</caption><thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>X-Auth-Token</td><td>Yes</td><td>String</td><td>Specifies the user token.</td></tr>
<tr><td>Content-Type</td><td>No</td><td>String</td><td>Specifies the media type.<p>Default: application/json</p></td></tr></tbody></table>
<table><caption><b>Table 4 </b>Request body parameters</caption><thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>gadget</td><td>Yes</td><td><a href="#CreateGadget__t5">CreateGadgetOption</a> object</td><td>Specifies the gadget.</td></tr></tbody></table>
<a name="CreateGadget__t5"></a><table id="CreateGadget__t5"><caption><b>Table 5 </b>CreateGadgetOption</caption><thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>name</td><td>Yes</td><td>String</td><td>Specifies the gadget name.<p>Minimum: 1</p><p>Maximum: 64</p></td></tr>
<tr><td>size</td><td>No</td><td>Integer</td><td>Specifies the size. The value ranges from 1 to 100.</td></tr>
<tr><td>color</td><td>No</td><td>String</td><td>Specifies the color. The value can be:<ul><li>red</li><li>green</li><li>blue</li></ul></td></tr>
<tr><td>parts</td><td>No</td><td>Array of <a href="#CreateGadget__t6">GadgetPart</a> objects</td><td>Specifies the parts. For details, see <a href="#CreateGadget__t6">Table 6</a>.<p>Array Length: 0 - 10</p></td></tr>
<tr><td>labels</td><td>No</td><td>Map&lt;String,String&gt;</td><td>Specifies the labels.</td></tr></tbody></table>
<table id="CreateGadget__t6"><caption><b>Table 6 </b>GadgetPart</caption><thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>part_id</td><td>Yes</td><td>String</td><td>Specifies the part ID.</td></tr>
<tr><td>weight</td><td>No</td><td>Number</td><td>Specifies the weight in grams.<p>Minimum: 0</p></td></tr></tbody></table>
<h4 class="sectiontitle">Response Parameters</h4><p><strong>Status code: 201</strong></p>
<table><caption><b>Table 7 </b>Response body parameters</caption><thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>gadget</td><td><a href="#CreateGadget__t8">GadgetInfo</a> object</td><td>Specifies the created gadget.</td></tr>
<tr><td>request_id</td><td>String</td><td>Specifies the request ID.</td></tr></tbody></table>
<table id="CreateGadget__t8"><caption><b>Table 8 </b>GadgetInfo</caption><thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>id</td><td>String</td><td>Specifies the gadget ID.</td></tr>
<tr><td>tags</td><td>Array of strings</td><td>Specifies the tags.</td></tr></tbody></table>
<p><strong>Status code: 400</strong></p>
<table><caption><b>Table 9 </b>Response body parameters</caption><thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>error_code</td><td>String</td><td>Specifies the error code.</td></tr>
<tr><td>error_msg</td><td>String</td><td>Specifies the error message.</td></tr></tbody></table>
<h4 class="sectiontitle">Example Requests</h4><p>Creating a gadget with one part</p>
<pre class="screen">POST https://{endpoint}/v2/{project_id}/workshops/{workshop_id}/gadgets

{
  "gadget" : {
    "name" : "g-01",
    "size" : 3,
    "color" : "red",
    "parts" : [ { "part_id" : "p-1", "weight" : 2.5 } ],
    "labels" : { "team" : "a|b" }
  }
}</pre>
<h4 class="sectiontitle">Example Responses</h4><p><strong>Status code: 201</strong></p><p>Created.</p>
<pre class="screen">{
  "gadget" : { "id" : "0a1b", "tags" : [ "x" ] },
  "request_id" : "r-9"
}</pre>
<p><strong>Status code: 400</strong></p><p>Bad request.</p>
<pre class="screen">{ "error_code" : "GD.0001", "error_msg" : "Invalid size." }</pre>
<h4 class="sectiontitle">Status Codes</h4>
<table><thead><tr><th>Status Code</th><th>Description</th></tr></thead><tbody><tr><td>201</td><td>Created.</td></tr><tr><td>400</td><td>Bad request.</td></tr></tbody></table>
<h4 class="sectiontitle">Error Codes</h4><p>See <a href="errorcode.html">Error Codes</a>.</p>
"##;

/// A page to mutate: where it came from and its bytes.
struct Seed {
    name: String,
    /// Imported under a `.html` name (else `.txt`); the importer goes by the content anyway.
    html: bool,
    bytes: Vec<u8>,
}

/// The built-in pages, then the seed page and the corpus pages when `shared` has them.
fn load_seeds(shared: &Path) -> Vec<Seed> {
    let mut seeds = vec![
        Seed {
            name: "builtin/gadget.txt".to_owned(),
            html: false,
            bytes: BUILTIN_TEXT.as_bytes().to_vec(),
        },
        Seed {
            name: "builtin/gadget.html".to_owned(),
            html: true,
            bytes: BUILTIN_HTML.as_bytes().to_vec(),
        },
    ];
    let mut files = Vec::new();
    if let Ok(entries) = std::fs::read_dir(shared.join("seed")) {
        files.extend(entries.flatten().map(|e| e.path()));
    }
    if let Ok(services) = std::fs::read_dir(shared.join("corpus")) {
        for service in services.flatten() {
            let Ok(pages) = std::fs::read_dir(service.path()) else {
                continue;
            };
            for page in pages.flatten() {
                files.push(page.path().join("page.html"));
                files.push(page.path().join("page.txt"));
            }
        }
    }
    files.sort();
    for file in files {
        let Ok(bytes) = std::fs::read(&file) else {
            continue;
        };
        let name = file
            .strip_prefix(shared)
            .unwrap_or(&file)
            .display()
            .to_string();
        seeds.push(Seed {
            html: file.extension().is_some_and(|e| e == "html"),
            name,
            bytes,
        });
    }
    seeds
}

// ---------------------------------------------------------------------------
// Deterministic randomness and the mutations.

/// xorshift64*: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // splitmix64 of the seed, so that nearby seeds give unrelated streams.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (`0` when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// Small numbers far more often than large ones: uniform in `0..2^k` for a uniform `k <= bits`.
    fn small(&mut self, bits: u32) -> usize {
        let k = self.below(bits as usize + 1) as u32;
        self.below(1usize << k)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Tags, balanced and not, and markup that HTML parsers treat specially.
const HTML_TOKENS: &[&str] = &[
    "<table>",
    "</table>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    "<th>",
    "</th>",
    "<thead>",
    "</thead>",
    "<tbody>",
    "</tbody>",
    "<caption>",
    "</caption>",
    "<caption><b>Table 3 </b>",
    "<pre>",
    "</pre>",
    "<pre class=\"screen\">",
    "<p>",
    "</p>",
    "<h1>",
    "</h1>",
    "<h4 class=\"sectiontitle\">",
    "</h4>",
    "<ul>",
    "<li>",
    "</li>",
    "</ul>",
    "<div>",
    "</div>",
    "<br>",
    "<b>",
    "</b>",
    "<strong>",
    "<a href=\"#t5\">",
    "<a href=\"other.html#x\">",
    "</a>",
    "<a name=\"t5\"></a>",
    "<table id=\"t5\">",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<style>",
    "<template>",
    "<svg>",
    "<math>",
    "<select>",
    "<textarea>",
    "<plaintext>",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE html>",
    "&amp;",
    "&lt;",
    "&#0;",
    "&#x110000;",
    "&nbsp;",
    "<",
    ">",
    "</",
    "<td colspan=\"3\">",
    "<tr><td>a</td><td>b</td></tr>",
    "<tr><th>Parameter</th><th>Type</th></tr>",
];

/// The docs' own words: headings, markers, table syntax, types, constraints, numbers.
const DOC_TOKENS: &[&str] = &[
    "|",
    " | ",
    " |",
    "| ",
    "|---|---|---|\n",
    "|---|\n",
    "|---|---|---|---|---|\n",
    "Parameter | Mandatory | Type | Description |\n",
    "Parameter | Type | Description |\n",
    "Status Code | Description |\n",
    "x | Yes | String | The x. |\n",
    "x | String |\n",
    "Status code: 200\n",
    "Status code: 999\n",
    "Status code: 0\n",
    "Status Codes\n",
    "Function\n",
    "URI\n",
    "Request Parameters\n",
    "Response Parameters\n",
    "Example Requests\n",
    "Example Responses\n",
    "Examples\n",
    "Samples\n",
    "Sample request\n",
    "Error Codes\n",
    "POST /v1/{project_id}/x\n",
    "GET /v1/{a}/{a}/{b\n",
    "DELETE /\n",
    "GET https://x/y\n",
    "POST\n",
    "https://{endpoint}/v1/x ",
    "?q={q}",
    "{?a,b}",
    "{",
    "}",
    "[",
    "]",
    "\"",
    "\\",
    "{ }",
    "[ ]",
    "{\"a\": ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "Table ",
    "Table 4",
    "Table 0",
    "Table 4294967296",
    "see Table 99",
    "For details, see the x field description.",
    "Object",
    "Array",
    "Array of objects",
    "Array of X objects",
    "X object",
    "X array",
    "Object (X)",
    "Array<X>",
    "Map<String,X>",
    "Map<String,Object>",
    "JSON Array",
    "Array of strings",
    "Integer",
    "Long",
    "Number",
    "Boolean",
    "String",
    "int32",
    "Yes",
    "No",
    "Minimum: ",
    "Maximum: ",
    "Minimum: 1 Maximum: 0",
    "Length: ",
    "Array Length: 1 - 10",
    "Default: ",
    "Default value: ",
    "Enumeration values:\n- a\n- b",
    "Value range: ",
    "The value ranges from 1 to 100.",
    "The value can be a or b.",
    "1 to 64 characters",
    "99999999999999999999999999",
    "-9223372036854775809",
    "18446744073709551616",
    "1e999",
    "-0",
    "0.000000000000000000001",
    "NaN",
    "-",
    "_",
    "::",
    "a.b.c",
    "\u{feff}",
    "\u{2028}",
    "\u{0}",
    "\u{fffd}",
    "e\u{301}",
    "\u{1f600}",
];

/// Openers for deep nesting; the closer, if any, goes after the run.
const NESTING: &[(&str, &str)] = &[
    ("<div>", "</div>"),
    ("<b>", ""),
    ("<ul><li>", ""),
    ("<table><tr><td>", "</td></tr></table>"),
    ("<table>", ""),
    ("<td>", ""),
    ("{\"a\":", "}"),
    ("[", "]"),
    ("{", ""),
    ("Array of ", ""),
    ("Array<", ">"),
    ("Map<String,", ">"),
    ("(", ")"),
    ("<a href=\"#t\">", "</a>"),
    ("<pre>", ""),
];

/// Byte sequences that are not UTF-8, or that break a character in two.
const BAD_UTF8: &[&[u8]] = &[
    b"\xff",
    b"\xfe\xff",
    b"\x80",
    b"\xc3",
    b"\xc3\x28",
    b"\xe2\x82",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\xf0\x9f\x98",
    b"\xc0\xaf",
    b"\xef\xbb\xbf",
    b"\x00",
];

/// What separates or makes cells, in either form.
const CELL_MARKS: &[&[u8]] = &[
    b" | ", b"|", b"<td>", b"</td>", b"<th>", b"<tr>", b"</tr>", b"<td", b"|---",
];

/// A place to insert at: anywhere, or at a line start half the time.
fn position(bytes: &[u8], rng: &mut Rng) -> usize {
    let at = rng.below(bytes.len() + 1);
    if rng.below(2) == 0 {
        at
    } else {
        bytes[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1)
    }
}

/// A span `start..end` of at most `max` bytes.
fn span(bytes: &[u8], rng: &mut Rng, max: usize) -> (usize, usize) {
    let start = rng.below(bytes.len() + 1);
    let len = rng.below(max.min(bytes.len() - start) + 1);
    (start, start + len)
}

/// The line spans of `bytes`, newline included.
fn lines(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < bytes.len() {
        out.push((start, bytes.len()));
    }
    out
}

/// Byte offsets of every occurrence of `needle`.
fn occurrences(bytes: &[u8], needle: &[u8]) -> Vec<usize> {
    if needle.is_empty() || bytes.len() < needle.len() {
        return Vec::new();
    }
    (0..=bytes.len() - needle.len())
        .filter(|&i| bytes[i..].starts_with(needle))
        .collect()
}

fn insert(bytes: &mut Vec<u8>, at: usize, what: &[u8]) {
    bytes.splice(at..at, what.iter().copied());
}

/// Applies one random mutation; returns its name.
fn mutate(bytes: &mut Vec<u8>, seeds: &[Seed], rng: &mut Rng, max_len: usize) -> &'static str {
    let room = max_len.saturating_sub(bytes.len());
    match rng.below(17) {
        0 if !bytes.is_empty() => {
            let at = rng.below(bytes.len());
            bytes[at] ^= 1 << rng.below(8);
            "flip"
        }
        1 if !bytes.is_empty() => {
            let at = rng.below(bytes.len());
            bytes[at] = *rng.pick(b"{}[]\"|<>/\\\n\r\t :-#&;\x00\x80\xff");
            "set-byte"
        }
        2 => {
            let at = rng.below(bytes.len() + 1);
            let random: Vec<u8> = (0..1 + rng.small(5)).map(|_| rng.next() as u8).collect();
            insert(bytes, at, &random);
            "insert-random"
        }
        3 => {
            let max = 1 << rng.below(14);
            let (start, end) = span(bytes, rng, max);
            bytes.drain(start..end);
            "delete-span"
        }
        4 => {
            let (start, end) = span(bytes, rng, 4096.min(room));
            let copy = bytes[start..end].to_vec();
            let at = position(bytes, rng);
            insert(bytes, at, &copy);
            "duplicate-span"
        }
        5 => {
            // Blow a span up to a large page: many copies in a row.
            let (start, end) = span(bytes, rng, 2048);
            let copy = bytes[start..end].to_vec();
            if !copy.is_empty() {
                let times = (room / copy.len()).min(1 + rng.small(12));
                let repeated = copy.repeat(times);
                insert(bytes, end, &repeated);
            }
            "repeat-span"
        }
        6 => {
            let other = &rng.pick(seeds).bytes;
            let cut = rng.below(bytes.len() + 1);
            let from = rng.below(other.len() + 1);
            bytes.truncate(cut);
            bytes.extend_from_slice(&other[from..]);
            "splice"
        }
        7 => {
            let at = if rng.below(2) == 0 {
                rng.below(bytes.len() + 1)
            } else {
                position(bytes, rng)
            };
            bytes.truncate(at);
            "truncate"
        }
        8 => {
            let at = position(bytes, rng);
            insert(bytes, at, rng.pick(HTML_TOKENS).as_bytes());
            "html-token"
        }
        9 => {
            let at = position(bytes, rng);
            insert(bytes, at, rng.pick(DOC_TOKENS).as_bytes());
            "doc-token"
        }
        10 => {
            let unit: &[u8] = match rng.below(4) {
                0 => b"x",
                1 => b" ",
                2 => rng.pick(DOC_TOKENS).as_bytes(),
                _ => rng.pick(HTML_TOKENS).as_bytes(),
            };
            let times = (1000 + rng.below(64_000)) / unit.len().max(1);
            let long = unit.repeat(times.min(room / unit.len().max(1)));
            let at = position(bytes, rng);
            insert(bytes, at, &long);
            "long-line"
        }
        11 => {
            let (open, close) = *rng.pick(NESTING);
            let depth = 1 + rng.small(14);
            let depth = depth.min(room / (open.len() + close.len()).max(1));
            let mut nested = open.repeat(depth).into_bytes();
            nested.extend_from_slice(b"x");
            nested.extend(close.repeat(rng.below(depth + 1)).into_bytes());
            let at = position(bytes, rng);
            insert(bytes, at, &nested);
            "deep-nesting"
        }
        12 => {
            let at = rng.below(bytes.len() + 1);
            let bad = *rng.pick(BAD_UTF8);
            insert(bytes, at, bad);
            "bad-utf8"
        }
        13 => {
            let lines = lines(bytes);
            if lines.is_empty() {
                return "line-op";
            }
            let (start, end) = *rng.pick(&lines);
            match rng.below(3) {
                0 => {
                    bytes.drain(start..end);
                }
                1 => {
                    let copy = bytes[start..end].to_vec();
                    insert(bytes, end, &copy);
                }
                _ => {
                    let (other_start, other_end) = *rng.pick(&lines);
                    let copy = bytes[other_start..other_end].to_vec();
                    bytes.splice(start..end, copy);
                }
            }
            "line-op"
        }
        14 => {
            // A cell too many or too few: drop or double a separator or a cell.
            let needle = *rng.pick(CELL_MARKS);
            let found = occurrences(bytes, needle);
            if !found.is_empty() {
                let at = *rng.pick(&found);
                if rng.below(2) == 0 {
                    bytes.drain(at..at + needle.len());
                } else {
                    let copy = needle.to_vec();
                    insert(bytes, at, &copy);
                }
            }
            "cell-op"
        }
        15 => {
            // Empty a table: keep its header and separator, drop the rows below.
            let lines = lines(bytes);
            let separators: Vec<usize> = (0..lines.len())
                .filter(|&i| bytes[lines[i].0..lines[i].1].starts_with(b"|---"))
                .collect();
            if let Some(&i) = (!separators.is_empty()).then(|| rng.pick(&separators)) {
                let rows = lines[i + 1..]
                    .iter()
                    .take_while(|&&(s, e)| bytes[s..e].trim_ascii_end().ends_with(b"|"))
                    .count();
                if rows > 0 {
                    bytes.drain(lines[i + 1].0..lines[i + rows].1);
                }
            } else if let Some(at) = occurrences(bytes, b"<tbody>").first() {
                if let Some(end) = occurrences(&bytes[*at..], b"</tbody>").first() {
                    bytes.drain(at + 7..at + end);
                }
            }
            "empty-table"
        }
        _ => {
            // Line endings: CRLF or CR throughout.
            let ending: &[u8] = if rng.below(2) == 0 { b"\r\n" } else { b"\r" };
            let converted: Vec<u8> = bytes
                .iter()
                .flat_map(|&b| if b == b'\n' { ending.to_vec() } else { vec![b] })
                .collect();
            *bytes = converted;
            "line-endings"
        }
    }
}

/// Input number `index` of the run seeded `seed`: a seed page and its mutations.
fn generate(seeds: &[Seed], seed: u64, index: u64, max_len: usize) -> (usize, Vec<u8>) {
    let mut rng = Rng::new(seed ^ index.wrapping_mul(0xD6E8_FEB8_6659_FD93));
    let base = rng.below(seeds.len());
    let mut bytes = seeds[base].bytes.clone();
    let count = 1 + rng.small(3);
    for _ in 0..count {
        mutate(&mut bytes, seeds, &mut rng, max_len);
        bytes.truncate(max_len);
    }
    (base, bytes)
}

// ---------------------------------------------------------------------------
// Running one input through the generator.

/// How far an input went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// The import failed, with an error located in the page.
    Rejected,
    /// Imported; the later stages were not run (`--import-only`).
    Imported,
    /// Imported, but the spec does not resolve (the docs have errors the generator reports).
    Unresolved,
    /// Imported, resolved and emitted.
    Emitted,
}

/// What went wrong with an input that did not panic.
type Broken = String;

/// Seconds per stage of the last input run on this thread.
type Timings = [f64; STAGES.len()];

thread_local! {
    static TIMINGS: std::cell::Cell<Timings> = const { std::cell::Cell::new([0.0; STAGES.len()]) };
}

/// The time of each stage of the last input, in seconds: `import 0.012, read back 0.003, ...`.
fn stage_times() -> String {
    let timings = TIMINGS.with(std::cell::Cell::get);
    let stages: Vec<String> = STAGES
        .iter()
        .zip(timings)
        .map(|(stage, seconds)| format!("{stage} {seconds:.3}"))
        .collect();
    stages.join(", ")
}

/// Import, then YAML read back, lint, resolve and emit, each stage timed,
/// with the importer's promises checked by [`check_import`].
fn run_input(bytes: &[u8], html: bool) -> Result<Outcome, Broken> {
    TIMINGS.with(|t| t.set([0.0; STAGES.len()]));
    let path = Path::new(if html { "Fuzz.html" } else { "Fuzz.txt" });
    let mut since = Instant::now();
    let mut ended = |stage: usize| {
        let now = Instant::now();
        TIMINGS.with(|t| {
            let mut timings = t.get();
            timings[stage] = (now - since).as_secs_f64();
            t.set(timings);
        });
        since = now;
    };
    let later_stages = !IMPORT_ONLY.load(Ordering::Relaxed);
    Ok(match check_import(path, bytes, later_stages, &mut ended)? {
        Checked::Rejected => Outcome::Rejected,
        Checked::Imported(_) => Outcome::Imported,
        Checked::Unresolved(_) => Outcome::Unresolved,
        Checked::Emitted(_) => Outcome::Emitted,
    })
}

/// Whether to stop after the import (`--import-only`, to time or profile it alone).
static IMPORT_ONLY: AtomicBool = AtomicBool::new(false);

/// The message, place and backtrace of the last panic on this process.
static LAST_PANIC: Mutex<Option<(String, String)>> = Mutex::new(None);

fn install_panic_hook() {
    panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let backtrace = std::backtrace::Backtrace::force_capture();
        let report = format!("panicked at {place}:\n{message}\n\nbacktrace:\n{backtrace}");
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some((place, report));
        }
    }));
}

/// Runs one input, catching a panic: `Err((place, report))` when it panicked.
fn run_caught(bytes: &[u8], html: bool) -> Result<Result<Outcome, Broken>, (String, String)> {
    panic::catch_unwind(AssertUnwindSafe(|| run_input(bytes, html))).map_err(|_| {
        LAST_PANIC
            .lock()
            .ok()
            .and_then(|mut p| p.take())
            .unwrap_or_else(|| ("unknown".to_owned(), "no panic report".to_owned()))
    })
}

// ---------------------------------------------------------------------------
// Findings.

fn fnv(text: &[u8]) -> u64 {
    text.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Writes `input` and its report to the findings folder; returns the input's path.
fn save(out: &Path, kind: &str, key: &str, input: &[u8], report: &str) -> PathBuf {
    let _ = std::fs::create_dir_all(out);
    let stem = format!("{kind}-{key}");
    let file = out.join(format!("{stem}.bin"));
    let _ = std::fs::write(&file, input);
    let _ = std::fs::write(out.join(format!("{stem}.txt")), report);
    file
}

// ---------------------------------------------------------------------------
// The worker: fuzzes from a given input number until its time is up.

#[derive(Debug, Default, Clone)]
struct Counts {
    inputs: u64,
    html_seeded: u64,
    rejected: u64,
    unresolved: u64,
    emitted: u64,
    panics: u64,
    slow: u64,
    broken: u64,
    /// The slowest input: (seconds, number).
    slowest: (f64, u64),
}

impl Counts {
    fn line(&self) -> String {
        format!(
            "counts inputs={} html_seeded={} rejected={} unresolved={} emitted={} panics={} slow={} broken={} slowest_s={:.3} slowest_input={}",
            self.inputs, self.html_seeded, self.rejected, self.unresolved, self.emitted,
            self.panics, self.slow, self.broken, self.slowest.0, self.slowest.1
        )
    }

    fn parse(line: &str) -> Option<Counts> {
        let fields: BTreeMap<&str, &str> = line
            .strip_prefix("counts ")?
            .split(' ')
            .filter_map(|f| f.split_once('='))
            .collect();
        let n = |k: &str| fields.get(k).and_then(|v| v.parse::<u64>().ok());
        Some(Counts {
            inputs: n("inputs")?,
            html_seeded: n("html_seeded")?,
            rejected: n("rejected")?,
            unresolved: n("unresolved")?,
            emitted: n("emitted")?,
            panics: n("panics")?,
            slow: n("slow")?,
            broken: n("broken")?,
            slowest: (fields.get("slowest_s")?.parse().ok()?, n("slowest_input")?),
        })
    }

    fn add(&mut self, other: &Counts) {
        self.inputs += other.inputs;
        self.html_seeded += other.html_seeded;
        self.rejected += other.rejected;
        self.unresolved += other.unresolved;
        self.emitted += other.emitted;
        self.panics += other.panics;
        self.slow += other.slow;
        self.broken += other.broken;
        if other.slowest.0 > self.slowest.0 {
            self.slowest = other.slowest;
        }
    }
}

fn worker(options: &Options, from: u64) -> ExitCode {
    let seeds = load_seeds(&options.shared);
    install_panic_hook();
    let deadline = Instant::now() + Duration::from_secs_f64(options.seconds);
    let mut counts = Counts::default();
    let mut seen_panics: BTreeMap<String, usize> = BTreeMap::new();
    let mut stdout = std::io::stdout().lock();
    let started = Instant::now();
    let mut last_status = Instant::now();
    let mut index = from;
    while Instant::now() < deadline {
        // The supervisor rebuilds this input if the process dies on it.
        if writeln!(stdout, "input {index}")
            .and_then(|()| stdout.flush())
            .is_err()
        {
            break;
        }
        let (base, bytes) = generate(&seeds, options.seed, index, options.max_len);
        let html = seeds[base].html;
        let key = format!("{}-{index}", options.seed);
        let start = Instant::now();
        let result = run_caught(&bytes, html);
        let took = start.elapsed();
        counts.inputs += 1;
        counts.html_seeded += u64::from(html);
        match result {
            Ok(Ok(Outcome::Rejected)) => counts.rejected += 1,
            Ok(Ok(Outcome::Imported)) => {}
            Ok(Ok(Outcome::Unresolved)) => counts.unresolved += 1,
            Ok(Ok(Outcome::Emitted)) => counts.emitted += 1,
            Ok(Err(broken)) => {
                counts.broken += 1;
                let report = format!("from {}: {broken}\n", seeds[base].name);
                let file = save(&options.out, "broken", &key, &bytes, &report);
                eprintln!(
                    "BROKEN INVARIANT: {broken} (input saved to {})",
                    file.display()
                );
            }
            Err((place, report)) => {
                counts.panics += 1;
                let report = format!(
                    "input {index} of seed {}, from {}\n{report}",
                    options.seed, seeds[base].name
                );
                // Keep the smallest input per panic place.
                let smaller = seen_panics.get(&place).is_none_or(|&len| bytes.len() < len);
                if smaller {
                    seen_panics.insert(place.clone(), bytes.len());
                    let file = save(
                        &options.out,
                        "panic",
                        &format!("{:016x}", fnv(place.as_bytes())),
                        &bytes,
                        &report,
                    );
                    eprintln!(
                        "PANIC at {place} ({} bytes, saved to {})",
                        bytes.len(),
                        file.display()
                    );
                }
            }
        }
        let seconds = took.as_secs_f64();
        if seconds > counts.slowest.0 {
            counts.slowest = (seconds, index);
        }
        if took > options.budget {
            // Time it again: the machine is shared, a single slow run may be noise.
            let again = Instant::now();
            let _ = run_caught(&bytes, html);
            let retimed = again.elapsed();
            if retimed > options.budget {
                counts.slow += 1;
                let report = format!(
                    "input {index} of seed {}, from {}: {} bytes took {:.2} s, then {:.2} s ({})\n",
                    options.seed,
                    seeds[base].name,
                    bytes.len(),
                    seconds,
                    retimed.as_secs_f64(),
                    stage_times()
                );
                let file = save(&options.out, "slow", &key, &bytes, &report);
                eprintln!("SLOW: {}", report.trim_end());
                eprintln!("      saved to {}", file.display());
            }
        }
        if last_status.elapsed() >= Duration::from_secs(30) {
            last_status = Instant::now();
            let elapsed = started.elapsed().as_secs_f64();
            eprintln!(
                "[fuzz_import] {:.0} s: {} inputs ({:.0}/s), {} rejected, {} unresolved, {} emitted, {} panics, {} slow, {} broken",
                elapsed,
                counts.inputs,
                counts.inputs as f64 / elapsed,
                counts.rejected,
                counts.unresolved,
                counts.emitted,
                counts.panics,
                counts.slow,
                counts.broken
            );
        }
        index += 1;
    }
    let _ = writeln!(stdout, "{}", counts.line());
    let _ = stdout.flush();
    ExitCode::SUCCESS
}

// ---------------------------------------------------------------------------
// The supervisor: runs workers in child processes, survives their deaths.

fn supervise(options: &Options, args: &[String]) -> ExitCode {
    let seeds = load_seeds(&options.shared);
    let corpus = seeds.len() - 2;
    if corpus == 0 {
        println!(
            "note: no pages under {} (test data outside the repository); fuzzing the built-in pages only",
            options.shared.display()
        );
    }
    println!(
        "fuzz_import: seed {}, {} s, {} seed pages ({} from {}, 2 built-in), inputs up to {} bytes, budget {} ms, hang after {} s, stack {} KiB, findings in {}",
        options.seed,
        options.seconds,
        seeds.len(),
        corpus,
        options.shared.display(),
        options.max_len,
        options.budget.as_millis(),
        options.hang.as_secs(),
        options.stack_kib,
        options.out.display()
    );
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            eprintln!("cannot find this program: {e}");
            return ExitCode::FAILURE;
        }
    };
    let started = Instant::now();
    let mut total = Counts::default();
    let (mut crashes, mut hangs) = (0u64, 0u64);
    let mut next = 0u64;
    loop {
        let left = options.seconds - started.elapsed().as_secs_f64();
        if left <= 0.0 {
            break;
        }
        let mut child = match Command::new(&exe)
            .args(args)
            .args([
                "--worker-from",
                &next.to_string(),
                "--seconds",
                &format!("{left:.3}"),
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
        {
            Ok(child) => child,
            Err(e) => {
                eprintln!("cannot start a worker: {e}");
                return ExitCode::FAILURE;
            }
        };
        let Some(stdout) = child.stdout.take() else {
            eprintln!("the worker has no output");
            return ExitCode::FAILURE;
        };
        let (sender, receiver) = mpsc::channel::<String>();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        let mut current = None;
        let mut finished = None;
        let mut hung = false;
        loop {
            match receiver.recv_timeout(options.hang) {
                Ok(line) => {
                    if let Some(n) = line.strip_prefix("input ") {
                        current = n.parse::<u64>().ok();
                    } else if let Some(counts) = Counts::parse(&line) {
                        finished = Some(counts);
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    hung = true;
                    let _ = child.kill();
                    break;
                }
            }
        }
        let status = child.wait();
        if let Some(counts) = &finished {
            total.add(counts);
        }
        match (finished, current) {
            (Some(_), _) if !hung => break,
            (_, Some(index)) => {
                let (base, bytes) = generate(&seeds, options.seed, index, options.max_len);
                let what = if hung { "hang" } else { "crash" };
                let report = format!(
                    "input {index} of seed {} (from {}, {} bytes): the worker {} ({status:?}); replay with --replay on this file\n",
                    options.seed,
                    seeds[base].name,
                    bytes.len(),
                    if hung {
                        format!("was still on it after {} s", options.hang.as_secs())
                    } else {
                        "died on it".to_owned()
                    }
                );
                let file = save(
                    &options.out,
                    what,
                    &format!("{}-{index}", options.seed),
                    &bytes,
                    &report,
                );
                eprintln!(
                    "{}: {} (saved to {})",
                    what.to_uppercase(),
                    report.trim_end(),
                    file.display()
                );
                if hung {
                    hangs += 1;
                } else {
                    crashes += 1;
                }
                // The inputs before it were run; their counts died with the worker.
                total.inputs += index + 1 - next;
                next = index + 1;
            }
            (_, None) => {
                eprintln!("the worker stopped before its first input ({status:?})");
                return ExitCode::FAILURE;
            }
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "fuzz_import: {} inputs in {:.0} s ({:.0}/s), {} from HTML seeds; {} rejected, {} unresolved, {} emitted; slowest input {:.3} s (number {})",
        total.inputs,
        elapsed,
        total.inputs as f64 / elapsed,
        total.html_seeded,
        total.rejected,
        total.unresolved,
        total.emitted,
        total.slowest.0,
        total.slowest.1
    );
    println!(
        "result: {} panics, {} crashes, {} hangs, {} slow (> {} ms), {} broken invariants",
        total.panics,
        crashes,
        hangs,
        total.slow,
        options.budget.as_millis(),
        total.broken
    );
    if total.panics + crashes + hangs > 0 {
        ExitCode::from(1)
    } else if total.slow + total.broken > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    }
}

// ---------------------------------------------------------------------------
// Replaying and minimizing saved inputs.

fn replay(files: &[PathBuf]) -> ExitCode {
    install_panic_hook();
    let mut failed = false;
    for file in files {
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("{}: {e}", file.display());
                failed = true;
                continue;
            }
        };
        let html = file.extension().is_some_and(|e| e == "html");
        let start = Instant::now();
        let result = run_caught(&bytes, html);
        let took = start.elapsed().as_secs_f64();
        match result {
            Ok(Ok(outcome)) => println!(
                "{}: {} bytes, {outcome:?} in {took:.3} s ({})",
                file.display(),
                bytes.len(),
                stage_times()
            ),
            Ok(Err(broken)) => {
                failed = true;
                println!(
                    "{}: {} bytes, BROKEN in {took:.3} s: {broken}",
                    file.display(),
                    bytes.len()
                );
            }
            Err((_, report)) => {
                failed = true;
                println!(
                    "{}: {} bytes, PANIC in {took:.3} s: {report}",
                    file.display(),
                    bytes.len()
                );
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Where `bytes` panics, if it does.
fn panic_place(bytes: &[u8], html: bool) -> Option<String> {
    run_caught(bytes, html).err().map(|(place, _)| place)
}

/// Delta debugging by removal: drops chunks, halving their size, while the
/// input still panics at the same place.
fn minimize(file: &Path, out: &Path) -> ExitCode {
    install_panic_hook();
    // The many expected panics would flood the terminal: the hook only records them.
    let Ok(mut bytes) = std::fs::read(file) else {
        eprintln!("cannot read {}", file.display());
        return ExitCode::FAILURE;
    };
    let html = file.extension().is_some_and(|e| e == "html");
    let Some(place) = panic_place(&bytes, html) else {
        eprintln!("{} does not panic", file.display());
        return ExitCode::FAILURE;
    };
    let mut chunk = bytes.len().div_ceil(2).max(1);
    loop {
        let mut at = 0;
        let mut removed_any = false;
        while at < bytes.len() {
            let end = (at + chunk).min(bytes.len());
            let mut candidate = bytes[..at].to_vec();
            candidate.extend_from_slice(&bytes[end..]);
            if panic_place(&candidate, html).as_deref() == Some(place.as_str()) {
                bytes = candidate;
                removed_any = true;
            } else {
                at += chunk;
            }
        }
        if chunk == 1 && !removed_any {
            break;
        }
        if !removed_any {
            chunk = (chunk / 2).max(1);
        }
    }
    let report = run_caught(&bytes, html)
        .err()
        .map(|(_, r)| r)
        .unwrap_or_default();
    let saved = save(
        out,
        "minimized",
        &format!("{:016x}", fnv(place.as_bytes())),
        &bytes,
        &report,
    );
    println!(
        "minimized to {} bytes (saved to {}):",
        bytes.len(),
        saved.display()
    );
    println!("b\"{}\"", bytes.escape_ascii());
    println!("{report}");
    ExitCode::SUCCESS
}

// ---------------------------------------------------------------------------
// Options.

struct Options {
    seconds: f64,
    seed: u64,
    max_len: usize,
    budget: Duration,
    hang: Duration,
    stack_kib: usize,
    shared: PathBuf,
    out: PathBuf,
}

enum Mode {
    Supervise,
    Worker(u64),
    Replay(Vec<PathBuf>),
    Minimize(PathBuf),
}

fn parse_args(args: &[String]) -> Result<(Options, Mode), String> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut options = Options {
        seconds: 60.0,
        seed: 1,
        max_len: 256 * 1024,
        budget: Duration::from_millis(2000),
        hang: Duration::from_secs(60),
        stack_kib: 2048,
        shared: workspace.join("../shared"),
        out: workspace.join("target/fuzz-import"),
    };
    let mut mode = Mode::Supervise;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        let number = |text: &String| text.parse::<u64>().map_err(|e| format!("{arg}: {e}"));
        match arg.as_str() {
            "--seconds" => {
                options.seconds = value()?.parse().map_err(|e| format!("{arg}: {e}"))?;
            }
            "--seed" => options.seed = number(value()?)?,
            "--max-len" => options.max_len = number(value()?)? as usize,
            "--budget-ms" => options.budget = Duration::from_millis(number(value()?)?),
            "--hang-seconds" => options.hang = Duration::from_secs(number(value()?)?),
            "--stack-kib" => options.stack_kib = number(value()?)? as usize,
            "--shared" => options.shared = PathBuf::from(value()?),
            "--out" => options.out = PathBuf::from(value()?),
            "--import-only" => IMPORT_ONLY.store(true, Ordering::Relaxed),
            "--worker-from" => mode = Mode::Worker(number(value()?)?),
            "--minimize" => mode = Mode::Minimize(PathBuf::from(value()?)),
            "--replay" => {
                mode = Mode::Replay(args.by_ref().map(PathBuf::from).collect());
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok((options, mode))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (options, mode) = match parse_args(&args) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("fuzz_import: {message}");
            return ExitCode::from(2);
        }
    };
    // The fuzzing itself runs on a thread with the stack of any spawned thread.
    let stack = options.stack_kib * 1024;
    let run = move || match mode {
        Mode::Supervise => supervise(&options, &args),
        Mode::Worker(from) => worker(&options, from),
        Mode::Replay(files) => replay(&files),
        Mode::Minimize(file) => minimize(&file, &options.out),
    };
    match std::thread::Builder::new().stack_size(stack).spawn(run) {
        Ok(handle) => handle.join().unwrap_or(ExitCode::FAILURE),
        Err(e) => {
            eprintln!("cannot start the fuzzing thread: {e}");
            ExitCode::FAILURE
        }
    }
}
