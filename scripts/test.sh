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

cargo test --locked --all-targets
