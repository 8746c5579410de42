#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests when it is missing (Playwright drives it;
# Playwright's own browser download is never used).
set -euo pipefail
chromium=${JOBBRO_CHROMIUM:-/usr/bin/chromium}
if [ -x "$chromium" ]; then
  exit 0
fi
echo "browser-deps: installing chromium" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >&2
