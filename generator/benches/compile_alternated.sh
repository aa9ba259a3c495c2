#!/usr/bin/env bash
# Debug build time of generated crates, alternated so that the load of a
# shared machine falls on every crate alike (BENCHMARKS.md §5).
#
#   generator/benches/compile_alternated.sh ROUNDS CRATE_DIR...
#
# Each crate gets its own target folder (t-<dir name>, beside the crate) and
# its dependencies are built first; then each round cleans and builds every
# crate once, `--lib`, without incremental compilation, and prints
# "name wall_s user_s sys_s load1".
set -eu
rounds=$1
shift
export CARGO_INCREMENTAL=0
package() { grep -m1 '^name' "$1/Cargo.toml" | sed 's/.*"\(.*\)"/\1/'; }
target() { echo "$(dirname "$(realpath "$1")")/t-$(basename "$1")"; }
for dir in "$@"; do
    CARGO_TARGET_DIR=$(target "$dir") cargo build -q --lib --manifest-path "$dir/Cargo.toml"
done
for _ in $(seq 1 "$rounds"); do
    for dir in "$@"; do
        export CARGO_TARGET_DIR
        CARGO_TARGET_DIR=$(target "$dir")
        cargo clean -q -p "$(package "$dir")" --manifest-path "$dir/Cargo.toml"
        load=$(cut -d' ' -f1 /proc/loadavg)
        times=$({ /usr/bin/time -f "%e %U %S" cargo build -q --lib --manifest-path "$dir/Cargo.toml" 2>&1 >/dev/null; } | tail -1)
        echo "$(basename "$dir") $times $load"
    done
done
