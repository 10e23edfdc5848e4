#!/usr/bin/env bash
# The gallery: every bundled campaign in each language and layout, as a letter signed
# with an image, as one left for a pen, and as a sign-on letter with 150 co-signers,
# rendered to PDF and then to PNG pages in one folder for a person to look through.
#
#   scripts/gallery.sh [DIR]          # default: target/gallery
#
# DIR/<campaign>--<recipient>--<lang>--<layout>--<variant>-<page>.png are the pages
# (variant: signed, unsigned, sign-on), DIR/pdf/ holds the PDFs and DIR/pages.tsv how
# many pages each has. The signer has an organization and a two-line address, as an
# NGO's letters do. LETTERS_BIN=path renders with that binary instead of this tree's
# debug build; GALLERY_DPI sets the PNGs' resolution (default 60).
# tests/gallery.rs renders the same letters and checks their geometry.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-target/gallery}"
dpi="${GALLERY_DPI:-60}"
command -v pdftoppm >/dev/null || { echo "pdftoppm is needed (apt-get install poppler-utils)" >&2; exit 1; }
if [ -n "${LETTERS_BIN:-}" ]; then
  bin="$(realpath "$LETTERS_BIN")"
else
  cargo build --locked --quiet
  bin="$PWD/target/debug/letters"
fi

rm -rf "$out"
mkdir -p "$out/pdf"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# No user settings, a fixed day.
export LETTERS_CONFIG_DIR="$work/config" LETTERS_TODAY=2024-07-25

signer=(
  --sender-name "Ana Pérez" --sender-title "Coordinadora de incidencia"
  --sender-org "Red de Ejemplo por los Derechos Humanos"
  --sender-address "Avenida Principal 123, Suite 800" --sender-address "Caracas 1010, Venezuela"
  --sender-email ana@example.org --sender-phone "+58 212 555 0100" --sender-web www.example.org
)
signature=(--signature "$PWD/tests/fixtures/signature.png")
cosigners="$PWD/tests/fixtures/cosigners.csv"
campaigns=(accountability-2025 detention-urgent-action election-integrity post-election-audit)
layouts=(din5008-a din5008-b us-letter a4 letter)

# Renders one campaign, language, layout and variant into $work/run and moves each PDF
# (one per recipient) into the gallery under its full name.
render() {
  local campaign=$1 lang=$2 layout=$3 variant=$4
  local run="$work/run"
  rm -rf "$run"
  local common=(-t "$campaign" --lang "$lang" --layout "$layout" --format pdf -o "$run/")
  case $variant in
    signed) "$bin" -q draft "${common[@]}" "${signer[@]}" "${signature[@]}" ;;
    unsigned) "$bin" -q draft "${common[@]}" "${signer[@]}" ;;
    sign-on) "$bin" -q batch --signers "$cosigners" --sign-on "${common[@]}" "${signer[@]}" "${signature[@]}" ;;
  esac
  local pdf
  for pdf in "$run"/*.pdf; do
    # <campaign>--<recipient>--<lang>.pdf
    local recipient
    recipient="$(basename "$pdf" .pdf)"
    recipient="${recipient#"$campaign--"}"
    recipient="${recipient%"--$lang"}"
    mv "$pdf" "$out/pdf/$campaign--$recipient--$lang--$layout--$variant.pdf"
  done
}

for campaign in "${campaigns[@]}"; do
  for lang in en es; do
    for layout in "${layouts[@]}"; do
      for variant in signed unsigned sign-on; do
        render "$campaign" "$lang" "$layout" "$variant"
      done
    done
  done
done

printf 'file\tpages\n' > "$out/pages.tsv"
for pdf in "$out"/pdf/*.pdf; do
  name="$(basename "$pdf" .pdf)"
  pages="$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')"
  printf '%s\t%s\n' "$name" "$pages" >> "$out/pages.tsv"
  pdftoppm -r "$dpi" -png "$pdf" "$out/$name"
done
count=$(($(wc -l < "$out/pages.tsv") - 1))
pngs=$(find "$out" -maxdepth 1 -name '*.png' | wc -l)
echo "$count letters, $pngs pages in $out (page counts in $out/pages.tsv)"
