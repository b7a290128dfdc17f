#!/usr/bin/env bash
# Install Debian's chromium for the web viewer's browser test (tests/test_web_browser.py).
# Idempotent and quiet: exits 0 at once when a chromium is already on PATH.
# Playwright drives this binary through executable_path; `playwright install` is never needed.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-browser: chromium is missing and this is not root (no sudo): run as root" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# Output is kept and shown only when something fails.
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends chromium; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "install-browser: could not install chromium with apt-get" >&2
    exit 1
fi

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
    echo "install-browser: apt-get finished but no chromium binary was found" >&2
    exit 1
fi
