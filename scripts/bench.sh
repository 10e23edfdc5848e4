#!/usr/bin/env bash
# Batch benchmark: generates N synthetic signers and reports letters per second and peak
# memory for each output format. Usage: scripts/bench.sh [--combine] [N[,N...]] [FORMAT...]
#   scripts/bench.sh                     # N = 100000, every format the binary offers
#   scripts/bench.sh 20000 text json     # one file per letter
#   scripts/bench.sh --combine 100000 text
#   scripts/bench.sh --combine 1000,5000,20000 pdf   # how memory grows with N
# With several N, a line after each larger N gives how much peak memory grew per letter
# since the smallest N.
# Every signer has a name of their own, as in a real campaign (a name no other row has
# changes the glyphs each letter's fonts are cut down to); BENCH_NAMES=same gives every
# row the same name, to see what distinct names cost. BENCH_ARGS adds flags to each run
# (BENCH_ARGS="--pdf-standard none" measures plain PDFs).
# LETTERS_BIN=path/to/letters measures that binary instead of this tree's release build.
# Letters are written under $TMPDIR (default /tmp): TMPDIR=/dev/shm measures without the
# disk. Each run starts after the previous one's files are removed and synced.
set -euo pipefail
cd "$(dirname "$0")/.."

combine=()
if [ "${1:-}" = "--combine" ]; then
  combine=(--combine)
  shift
fi
IFS=, read -r -a counts <<< "${1:-100000}"
shift || true
formats=("$@")

[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }
if [ -n "${LETTERS_BIN:-}" ]; then
  bin="$(realpath "$LETTERS_BIN")"
else
  cargo build --release --locked --quiet
  bin="$PWD/target/release/letters"
fi
if [ ${#formats[@]} -eq 0 ]; then
  # Every format `letters batch --format` accepts.
  mapfile -t formats < <("$bin" batch --help | sed -n 's/.*\[possible values: \(.*\)\]/\1/p' | head -1 | tr -d ' ' | tr ',' '\n')
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -f tests/fixtures/signature.png ] && cp tests/fixtures/signature.png "$work/signature.png"

printf '%-8s %10s %12s %14s %14s %14s\n' format letters "letters/s" "peak RSS (MB)" "output (MB)" "KB/letter"
declare -A first_n first_rss
for n in "${counts[@]}"; do
  python3 - "$n" "$work/signature.png" "${BENCH_NAMES:-distinct}" > "$work/signers.csv" <<'PY'
import os, sys
n, signature, same = int(sys.argv[1]), os.path.exists(sys.argv[2]), sys.argv[3] == "same"
first = ["Ana", "Luis", "María José", "Óscar", "Beatriz", "Joaquín", "Wendy", "Kwame",
         "Yolanda", "Zoë", "Íñigo", "Xiomara", "Günter", "Chloé", "Raúl", "Fátima",
         "Quentin", "Víctor", "Hélène", "Ñusta", "Björn", "Dagny", "Esperanza", "Ümit"]
last = ["Pérez", "Gómez", "Rodríguez", "O'Brien", "Nguyễn", "Kowalski", "Fernández",
        "Zúñiga", "Ibáñez", "Quispe", "Yáñez", "Müller", "Château", "Vásquez", "Jiménez",
        "Lefèvre", "Álvarez", "Wójcik", "Håkansson", "Mbeki", "Peña", "Durán", "Xu", "Ruiz"]
print("name,title,organization,email,city" + (",signature" if signature else ""))
for i in range(1, n + 1):
    if same:
        name = "Ana Pérez"
    else:
        # Every name differs: first name, two family names, and an initial past 13,824.
        a, b, c = i % len(first), (i // len(first)) % len(last), (i // len(first) // len(last)) % len(last)
        initial = chr(ord("A") + (i // (len(first) * len(last) ** 2)) % 26)
        name = f"{first[a]} {initial}. {last[b]} {last[c]}" if i >= len(first) * len(last) ** 2 else f"{first[a]} {last[b]} {last[c]}"
    row = f'"{name}",Volunteer,"Group {i}, Caracas",signer{i}@example.org,Mérida'
    print(row + (",signature.png" if signature else ""))
PY
  for format in "${formats[@]}"; do
    out="$work/out-$format"
    stats="$work/time-$format"
    sync
    start=$(date +%s.%N)
    /usr/bin/time -v -o "$stats" "$bin" batch --signers "$work/signers.csv" \
      -t detention-urgent-action --to ve-attorney-general --format "$format" \
      "${combine[@]}" ${BENCH_ARGS:-} --date 2024-08-20 -o "$out" >/dev/null 2>"$work/stderr" || true
    end=$(date +%s.%N)
    # The summary line: "N written, S skipped, F failed in …".
    letters=$(sed -n 's/^\([0-9]*\) written, .*/\1/p' "$work/stderr" | tail -1)
    letters=${letters:-0}
    rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$stats")
    output_kb=$(du -sk "$out" 2>/dev/null | cut -f1)
    python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); n=int(sys.argv[3]); print(f'{sys.argv[4]:<8} {n:>10} {n/s:>12.0f} {int(sys.argv[5])/1024:>14.1f} {int(sys.argv[6])/1024:>14.1f} {int(sys.argv[6])/max(n,1):>14.1f}')" \
      "$start" "$end" "$letters" "$format" "$rss_kb" "${output_kb:-0}"
    if [ -z "${first_n[$format]:-}" ]; then
      first_n[$format]=$letters
      first_rss[$format]=$rss_kb
    elif [ "$letters" -gt "${first_n[$format]}" ]; then
      python3 -c "import sys; a,b,ra,rb=map(int,sys.argv[1:5]); print(f'{sys.argv[5]:<8} peak RSS grows {(rb-ra)*1024/(b-a):.0f} bytes per letter from {a} to {b} letters')" \
        "${first_n[$format]}" "$letters" "${first_rss[$format]}" "$rss_kb" "$format"
    fi
    rm -rf "$out"
  done
done
