#!/usr/bin/env bash
# Makes sure a headless-capable Chromium is on PATH for the browser tests
# (Tests/RecurrentTests/Diagnostics/DiagnosticsBrowserTests.swift, skipped without one).
# Installs Debian/Ubuntu's `chromium` package with apt-get when none is found.
# Usage (from .ci/run, before `swift test`):  Scripts/ensure-chromium.sh
set -euo pipefail

for browser in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$browser" >/dev/null 2>&1; then
        echo "ensure-chromium: using $(command -v "$browser") ($("$browser" --version 2>/dev/null || echo 'version unknown'))"
        exit 0
    fi
done

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: no Chromium and no apt-get; install Chromium by hand (the browser tests are skipped without it)" >&2
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
echo "ensure-chromium: installing chromium with apt-get"
$sudo apt-get update -q
$sudo apt-get install -y -q chromium fonts-dejavu-core || $sudo apt-get install -y -q chromium-browser
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1
echo "ensure-chromium: installed $(command -v chromium || command -v chromium-browser)"
