#!/usr/bin/env bash
# Headless Chromium and its driver for the browser test (WebPageIT), from Debian's packages,
# installed only when missing.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y chromium chromium-driver
