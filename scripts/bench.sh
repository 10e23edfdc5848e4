#!/usr/bin/env bash
# Batch benchmark: generates N synthetic signers and reports letters per second and peak
# memory for each output format. Usage: scripts/bench.sh [--combine] [N] [FORMAT...]
#   scripts/bench.sh                     # N = 100000, every format the binary offers
#   scripts/bench.sh 20000 text json     # one file per letter
#   scripts/bench.sh --combine 100000 text
# Letters are written under $TMPDIR (default /tmp): TMPDIR=/dev/shm measures without the
# disk. Each format starts after the previous one's files are removed and synced.
set -euo pipefail
cd "$(dirname "$0")/.."

combine=()
if [ "${1:-}" = "--combine" ]; then
  combine=(--combine)
  shift
fi
n="${1:-100000}"
shift || true
formats=("$@")

[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }
cargo build --release --locked --quiet
bin="$PWD/target/release/letters"
if [ ${#formats[@]} -eq 0 ]; then
  # Every format `letters batch --format` accepts.
  mapfile -t formats < <("$bin" batch --help | sed -n 's/.*\[possible values: \(.*\)\]/\1/p' | head -1 | tr -d ' ' | tr ',' '\n')
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$n" > "$work/signers.csv" <<'PY'
import sys
n = int(sys.argv[1])
print("name,title,organization,email,city")
for i in range(1, n + 1):
    print(f'Signer Número {i},Volunteer,"Group {i}, Caracas",signer{i}@example.org,Mérida')
PY
if [ -f tests/fixtures/signature.png ]; then
  python3 - "$work/signers.csv" <<'PY'
import sys
path = sys.argv[1]
lines = open(path, encoding="utf-8").read().splitlines()
out = [lines[0] + ",signature"] + [l + ",signature.png" for l in lines[1:]]
open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")
PY
  cp tests/fixtures/signature.png "$work/signature.png"
fi

printf '%-8s %10s %12s %14s\n' format letters "letters/s" "peak RSS (MB)"
for format in "${formats[@]}"; do
  out="$work/out-$format"
  stats="$work/time-$format"
  sync
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$stats" "$bin" batch --signers "$work/signers.csv" \
    -t detention-urgent-action --to ve-attorney-general --format "$format" \
    "${combine[@]}" --date 2024-08-20 -o "$out" >/dev/null 2>"$work/stderr" || true
  end=$(date +%s.%N)
  # The summary line: "N written, S skipped, F failed in …".
  letters=$(sed -n 's/^\([0-9]*\) written, .*/\1/p' "$work/stderr" | tail -1)
  letters=${letters:-0}
  rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$stats")
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); n=int(sys.argv[3]); print(f'{sys.argv[4]:<8} {n:>10} {n/s:>12.0f} {int(sys.argv[5])/1024:>14.1f}')" \
    "$start" "$end" "$letters" "$format" "$rss_kb"
  rm -rf "$out"
done
