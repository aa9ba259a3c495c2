#!/usr/bin/env bash
# docspec side by side with progenitor on the same API: generation time,
# lines and bytes of generated code, `cargo build` time of each generated crate,
# and what each one's types enforce on the reference operation's boundary cases.
#
#   bash generator/benches/progenitor.sh [WORK_DIR]
#
# Inputs: the reference operation (spec/), the ModelArts export (../shared,
# imported page by page; pages the importer refuses or that do not resolve are
# counted and left out) and the 1,000-operation synthetic spec of the generation
# benchmark. progenitor reads the `docspec openapi --openapi 3.0` export.
# Nothing here is committed: progenitor is installed into target/progenitor-tools,
# everything generated goes to WORK_DIR (default: $TMPDIR/docspec-vs-progenitor).
# BUILD_SYNTH=1 also builds the two synthetic crates (docspec's is 2.3 M lines).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
WORK=${1:-${TMPDIR:-/tmp}/docspec-vs-progenitor}
TOOLS=$REPO/target/progenitor-tools
PROGENITOR_VERSION=0.15.1

if [ ! -x "$TOOLS/bin/cargo-progenitor" ]; then
  echo "== installing cargo-progenitor $PROGENITOR_VERSION into $TOOLS (several minutes)"
  nice cargo install --quiet --root "$TOOLS" cargo-progenitor --version "$PROGENITOR_VERSION"
fi
echo "== building docspec (release)"
cargo build --quiet --release -p docspec --bin docspec --example synth_specs
DOCSPEC=$REPO/target/release/docspec
SYNTH=$REPO/target/release/examples/synth_specs
PROGENITOR=$TOOLS/bin/cargo-progenitor

rm -rf "$WORK"
mkdir -p "$WORK/specs" "$WORK/openapi" "$WORK/docspec" "$WORK/progenitor"
RESULTS=$WORK/results.tsv
FINDINGS=$WORK/findings.txt
: >"$RESULTS"
: >"$FINDINGS"

now() { echo "$EPOCHREALTIME"; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }'; }
record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" | tee -a "$RESULTS"; }
# Lines and bytes of the Rust sources below a folder.
size() { find "$1" -name '*.rs' -print0 | xargs -0 cat | wc -lc | awk '{ print $1 " lines, " $2 " bytes" }'; }

echo "== inputs"
mkdir -p "$WORK/specs/reference"
cp -r spec/sms "$WORK/specs/reference/"
inputs=(reference)
if [ -d ../shared/exports/modelarts ]; then
  refused=0 unresolved=0
  for page in ../shared/exports/modelarts/*.html; do
    "$DOCSPEC" import "$page" --service modelarts --out "$WORK/specs/modelarts" >/dev/null 2>&1 || refused=$((refused + 1))
  done
  for spec in "$WORK"/specs/modelarts/modelarts/*.yaml; do
    # Exit code 2: the spec has errors (it does not resolve).
    rc=0
    "$DOCSPEC" lint "$spec" >/dev/null 2>&1 || rc=$?
    if [ "$rc" -eq 2 ]; then
      rm "$spec"
      unresolved=$((unresolved + 1))
    fi
  done
  kept=$(find "$WORK/specs/modelarts" -name '*.yaml' | wc -l)
  echo "modelarts: $kept operations; $refused pages refused by the importer, $unresolved not resolving" | tee -a "$FINDINGS"
  inputs+=(modelarts)
else
  echo "notice: ../shared/exports/modelarts is missing; the ModelArts input is skipped" | tee -a "$FINDINGS"
fi
"$SYNTH" 1000 "$WORK/specs/synth"
inputs+=(synth)

# progenitor accepts one error type per operation (it asserts so and panics);
# the reduced copy keeps only each operation's lowest error status.
reduce() {
  python3 - "$1" "$2" <<'EOF'
import json, sys
document = json.load(open(sys.argv[1]))
for item in document["paths"].values():
    for operation in item.values():
        errors = sorted(s for s in operation["responses"] if s[0] in "45")
        for status in errors[1:]:
            del operation["responses"][status]
json.dump(document, open(sys.argv[2], "w"), indent=1)
EOF
}

for input in "${inputs[@]}"; do
  echo "== $input"
  start=$(now)
  "$DOCSPEC" generate --spec "$WORK/specs/$input" --out "$WORK/docspec/$input" --crate-name "docspec-$input" 2>/dev/null
  record "$input" docspec "generate (s)" "$(since "$start")"
  record "$input" docspec "code" "$(size "$WORK/docspec/$input/src")"
  start=$(now)
  mkdir -p "$WORK/openapi/$input"
  "$DOCSPEC" openapi --spec "$WORK/specs/$input" --openapi 3.0 --format json -o "$WORK/openapi/$input/" 2>/dev/null
  record "$input" docspec "openapi 3.0 export (s)" "$(since "$start")"
  total=0 ok=0 as_is=0
  for document in "$WORK/openapi/$input"/*.openapi.json; do
    service=$(basename "$document" .openapi.json)
    name="$input-$service"
    total=$((total + 1))
    if "$PROGENITOR" progenitor -i "$document" -o "$WORK/progenitor/as-is-$name" -n "$name" -v 0.1.0 >"$WORK/progenitor/as-is-$name.log" 2>&1; then
      as_is=$((as_is + 1))
    else
      echo "$input/$service: progenitor refuses the export as is: $(grep -m1 -E 'panicked|assertion|error' -A1 "$WORK/progenitor/as-is-$name.log" | tr '\n' ' ')" >>"$FINDINGS"
    fi
    reduce "$document" "$WORK/openapi/$input/$service.reduced.json"
    start=$(now)
    if "$PROGENITOR" progenitor -i "$WORK/openapi/$input/$service.reduced.json" -o "$WORK/progenitor/$name" -n "$name" -v 0.1.0 >"$WORK/progenitor/$name.log" 2>&1; then
      ok=$((ok + 1))
    else
      echo "$input/$service: progenitor refuses even the reduced export: $(grep -m1 -E 'panicked|error' -A1 "$WORK/progenitor/$name.log" | tr '\n' ' ')" >>"$FINDINGS"
    fi
    elapsed=$(since "$start")
    total_time=$(awk -v a="${total_time:-0}" -v b="$elapsed" 'BEGIN { printf "%.3f", a + b }')
  done
  record "$input" progenitor "documents accepted as is / reduced / all" "$as_is / $ok / $total"
  record "$input" progenitor "generate, reduced documents (s)" "${total_time:-0}"
  unset total_time
  if compgen -G "$WORK/progenitor/$input-*/src" >/dev/null; then
    record "$input" progenitor "code" "$(size "$WORK"/progenitor/"$input"-*/src)"
  fi
done

# cargo build (dev profile): dependencies built first and untimed, in one
# target folder per tool, so that the figure is the generated crate alone.
build() { # tool crate_dir package
  local target=$WORK/target-$1
  (cd "$2" && CARGO_TARGET_DIR=$target cargo build --quiet 2>/dev/null) || true
  (cd "$2" && CARGO_TARGET_DIR=$target cargo clean --quiet -p "$3" 2>/dev/null) || true
  local start
  start=$(now)
  if (cd "$2" && CARGO_TARGET_DIR=$target cargo build --quiet >"$WORK/build-$3.log" 2>&1); then
    echo "$(since "$start")"
  else
    echo "fails (see $WORK/build-$3.log)"
  fi
}
for input in "${inputs[@]}"; do
  if [ "$input" = synth ] && [ "${BUILD_SYNTH:-0}" != 1 ]; then
    continue
  fi
  echo "== cargo build: $input"
  record "$input" docspec "cargo build, crate only (s)" "$(build docspec "$WORK/docspec/$input" "docspec-$input")"
  sum=0
  for crate in "$WORK"/progenitor/"$input"-*/; do
    [ -f "$crate/Cargo.toml" ] || continue
    seconds=$(build progenitor "$crate" "$(basename "$crate")")
    sum=$(awk -v a="$sum" -v b="$seconds" 'BEGIN { printf "%.3f", a + b }')
  done
  record "$input" progenitor "cargo build, crates only (s)" "$sum"
done

# The reference operation's boundary cases, read by each one's request body type.
echo "== boundary cases of the reference operation"
cases='
("201 items (max 200)", "{\"task_info\":[" + ",".join(["{}"] * 201) + "]}"),
("task_id of 37 characters (max 36)", "{\"task_info\":[{\"task_id\":\"" + "x" * 37 + "\"}]}"),
("unknown field round trip", "{\"task_info\":[{\"task_id\":\"t\",\"extra\":1}],\"more\":true}"),
'
payloads() {
  python3 -c "
import json
for name, text in [$cases]:
    print(name + '\t' + text)
"
}
probe_main() { # crate path of RequestBody, how to check it
  cat <<EOF
use std::io::BufRead;
fn main() {
    for line in std::io::stdin().lock().lines() {
        let line = line.unwrap();
        let (name, json) = line.split_once('\t').unwrap();
        let sent: serde_json::Value = serde_json::from_str(json).unwrap();
        let outcome = match serde_json::from_str::<$1>(json) {
            Err(e) => format!("rejected on read: {e}"),
            Ok(body) => {
                let back = serde_json::to_value(&body).unwrap();
                let round_trip = if back == sent { "round trip lossless" } else { "round trip LOSES data" };
                format!("read; {}; {round_trip}", $2)
            }
        };
        println!("{name}\t{outcome}");
    }
}
EOF
}
docspec_ref=$WORK/docspec/reference
mkdir -p "$docspec_ref/examples"
probe_main "docspec_reference::sms::export_consistency_results::RequestBody" \
  'match docspec_reference::validation::Validate::validate(&body) { Ok(()) => "validate() passes".to_owned(), Err(v) => format!("validate() reports: {v}") }' \
  >"$docspec_ref/examples/probe.rs"
payloads | (cd "$docspec_ref" && CARGO_TARGET_DIR=$WORK/target-docspec cargo run --quiet --example probe 2>/dev/null) |
  while IFS=$'\t' read -r name outcome; do record reference docspec "$name" "$outcome"; done
progenitor_ref=$WORK/progenitor/reference-sms
if [ -d "$progenitor_ref" ]; then
  mkdir -p "$progenitor_ref/examples"
  grep -q '^\[dev-dependencies\]' "$progenitor_ref/Cargo.toml" || printf '\n[dev-dependencies]\nserde_json = "1"\n' >>"$progenitor_ref/Cargo.toml"
  probe_main "reference_sms::types::ExportConsistencyResultsRequestBody" '"no validation beyond the types"' \
    >"$progenitor_ref/examples/probe.rs"
  payloads | (cd "$progenitor_ref" && CARGO_TARGET_DIR=$WORK/target-progenitor cargo run --quiet --example probe 2>/dev/null) |
    while IFS=$'\t' read -r name outcome; do record reference progenitor "$name" "$outcome"; done
fi
record reference both "unknown enum value" "n/a: the reference operation has no enumeration"

echo "== findings"
cat "$FINDINGS"
echo "results: $RESULTS"
