#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need, then
# runs every unit and integration test.
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# Snapshots are compared, never rewritten, when testing.
export INSTA_UPDATE=no

# Debian/Ubuntu packages the tests use: poppler (pdftotext, pdfinfo, pdffonts,
# pdfimages) and qpdf read PDFs back; python3-venv holds the Python test tools.
missing=()
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v qpdf >/dev/null || missing+=(qpdf)
python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]} for the tests" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then
        sudo="sudo"
    fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq >/dev/null
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Python test tools (tests/requirements.txt) go into a virtual environment of their
# own, which a distribution's Python requires (PEP 668), and come first on PATH, so the
# tests' `python3` is this one.
venv="target/test-venv"
if [ ! -x "$venv/bin/python3" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python3" -m pip install --quiet --disable-pip-version-check -r tests/requirements.txt
export PATH="$PWD/$venv/bin:$PATH"

cargo test --locked --all-targets

# The tests that mount a small tmpfs (a full disk, a read-only folder) need root, so they
# are marked #[ignore] and show as ignored above. As root (as in CI), run them too: their
# test binary was built above, so this builds nothing.
if [ "$(id -u)" -eq 0 ]; then
    cargo test --locked --test bad_input -- --ignored tmpfs_
else
    echo "not run: the tmpfs tests in tests/bad_input.rs need root" >&2
fi
