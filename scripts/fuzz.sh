#!/usr/bin/env bash
# Fuzzes the targets under fuzz/ with cargo fuzz: first replays the inputs that once
# crashed (fuzz/regressions/), then fuzzes each target for SECONDS (default 60).
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

seconds="${1:-60}"
shift || true

if ! command -v cargo-fuzz >/dev/null; then
    echo "installing cargo-fuzz" >&2
    cargo install --locked --quiet cargo-fuzz --version 0.13.2
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cargo fuzz list)
fi

# Stable toolchain, no sanitizer (AddressSanitizer needs nightly; the crate has no unsafe code).
fuzz=(cargo fuzz run --release --sanitizer none)
cargo fuzz build --release --sanitizer none

for target in "${targets[@]}"; do
    if [ -d "regressions/$target" ]; then
        echo "== $target: replaying $(ls "regressions/$target" | wc -l) inputs that once crashed" >&2
        "${fuzz[@]}" "$target" "regressions/$target"/* -- -runs=1 >/dev/null
    fi
    echo "== $target: fuzzing for ${seconds}s" >&2
    mkdir -p "corpus/$target"
    log="$(mktemp)"
    status=0
    "${fuzz[@]}" "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        >"$log" 2>&1 || status=$?
    grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$log" || true
    if [ "$status" -ne 0 ]; then
        tail -n 60 "$log" >&2
        echo "fuzz target $target failed (exit $status): the input is in fuzz/artifacts/$target/" >&2
        rm -f "$log"
        exit 1
    fi
    rm -f "$log"
done
