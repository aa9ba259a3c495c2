#!/usr/bin/env bash
# Whole-service comparison of two docspec builds: generation CPU time,
# emitted lines per operation, and the compile time of the generated crate
# (debug and release, dependencies built beforehand, no incremental), on
# the synthetic specs (benches/synth), on the corpus pages imported as
# tests/tests/crates/corpus_pipeline.rs does, and on the ModelArts export
# (../shared/exports/modelarts, imported as a folder; the old generator
# cannot read that import, so only the new one and the baseline run there).
# The third column, "plain", is the issue's practical limit: the same types
# as plain `#[derive(Serialize, Deserialize)]` structs
# (generator/examples/plain_derive_crate.rs). Figures go to BENCHMARKS.md.
#
#   git worktree add /tmp/old 7b33788 && (cd /tmp/old && cargo build --release -p docspec)
#   cargo build --release -p docspec --bin docspec --example write_synth_specs --example plain_derive_crate
#   generator/benches/whole_service.sh /tmp/old/target/release/docspec target/release/docspec /tmp/ws
#
# Short on purpose (the machine is shared): generation best of 3 runs,
# one build of each crate and profile; the 100-operation synthetic crates
# are built only with BUILD_SYNTH=1, and NO_BUILD=1 skips every build
# (generation figures only).
set -euo pipefail
old=$(realpath "$1")
new=$(realpath "$2")
work=${3:-/tmp/docspec-whole-service}
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$work"

# Inputs: synthetic specs (1,000 operations for generation, 100 for builds)
# and the corpus pages, both forms, imported by the new docspec.
[ -d "$work/synth-spec" ] || "$root/target/release/examples/write_synth_specs" "$work/synth-spec" 1000
[ -d "$work/synth100-spec" ] || "$root/target/release/examples/write_synth_specs" "$work/synth100-spec" 100
corpus="$root/../shared/corpus"
if [ ! -d "$work/corpus-spec" ] && [ -d "$corpus" ]; then
    for page in "$corpus"/*/*/page.html "$corpus"/*/*/page.txt; do
        operation=$(basename "$(dirname "$page")")
        service=$(basename "$(dirname "$(dirname "$page")")")
        case "$page" in *.txt) service="${service}_text" ;; *) service="${service}_html" ;; esac
        "$new" import "$page" --service "$service" --operation "$operation" --out "$work/corpus-spec" 2>/dev/null
    done
fi
export="$root/../shared/exports/modelarts"
if [ ! -d "$work/modelarts-spec" ] && [ -d "$export" ]; then
    "$new" import "$export" --service modelarts --out "$work/modelarts-spec" 2>/dev/null
fi
plain="$root/target/release/examples/plain_derive_crate"

cpu() { # best user+system seconds of 3 runs of "$@"
    for _ in 1 2 3; do
        /usr/bin/time -f "%U %S" "$@" 2>&1 >/dev/null | tail -1 | awk '{print $1 + $2}'
    done | sort -n | head -1
}

printf '%-10s %-4s %6s %9s %10s %9s %9s\n' input gen ops cpu_s lines lines/op build_s
for input in synth corpus modelarts synth100; do
    spec="$work/$input-spec"
    [ -d "$spec" ] || continue
    ops=$(find "$spec" -name '*.yaml' | wc -l)
    gens="old new plain"
    [ "$input" = modelarts ] && gens="new plain"
    for gen in $gens; do
        out="$work/$gen-$input"
        rm -rf "$out/src" "$out/Cargo.toml"
        if [ "$gen" = plain ]; then
            seconds=$(cpu "$plain" "$spec" "$out" "api-$gen-$input")
        else
            seconds=$(cpu "${!gen}" generate --spec "$spec" --out "$out" --crate-name "api-$gen-$input")
        fi
        lines=$(find "$out/src" -name '*.rs' -exec cat {} + | wc -l)
        builds=""
        if [ -z "${NO_BUILD:-}" ] && [ "$input" != synth ] && { [ "$input" != synth100 ] || [ -n "${BUILD_SYNTH:-}" ]; }; then
            cp "$root/Cargo.lock" "$out/Cargo.lock"
            for profile in dev release; do
                target="$work/target-${gen/plain/new}"
                export CARGO_TARGET_DIR="$target" CARGO_INCREMENTAL=0
                cargo build -q --lib --profile "$profile" --manifest-path "$out/Cargo.toml" 2>/dev/null
                cargo clean -q -p "api-$gen-$input" --profile "$profile" --manifest-path "$out/Cargo.toml"
                start=$(date +%s.%N)
                cargo build -q --lib --profile "$profile" --manifest-path "$out/Cargo.toml"
                builds="$builds $(echo "$(date +%s.%N) - $start" | bc | xargs printf '%.1f')"
            done
        fi
        printf '%-10s %-4s %6d %9s %10d %9d %s\n' "$input" "$gen" "$ops" "$seconds" "$lines" $((lines / ops)) "${builds:- -}"
    done
done
