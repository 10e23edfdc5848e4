#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need, then
# runs every unit and integration test.
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# `letters send` is tested against a real SMTP server on 127.0.0.1 (tests/smtp/server.py).
python3 -c 'import aiosmtpd' 2>/dev/null || python3 -m pip install --quiet aiosmtpd

# Snapshots are compared, never rewritten, when testing.
export INSTA_UPDATE=no

# The PDF tests read PDFs back with poppler (pdftotext, pdfinfo, pdffonts, pdfimages)
# and check them with qpdf. Install them on a fresh Debian/Ubuntu machine.
if ! command -v pdftotext >/dev/null || ! command -v qpdf >/dev/null; then
    echo "installing poppler-utils and qpdf for the PDF tests" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then
        sudo="sudo"
    fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq >/dev/null
    $sudo apt-get install -y -qq --no-install-recommends poppler-utils qpdf >/dev/null
fi

cargo test --locked --all-targets
