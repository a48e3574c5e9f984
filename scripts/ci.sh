#!/usr/bin/env bash
# Everything the tests need on a fresh Debian + Node 20 machine, then the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

# The browser tests (tests/e2e) drive Debian's Chromium (CHROMIUM_PATH, default
# /usr/bin/chromium); Chinese labels need a CJK font (Noto Sans CJK).
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
apt_packages=()
if [ ! -x "$CHROMIUM" ]; then
  apt_packages+=(chromium)
fi
if ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
  apt_packages+=(fonts-noto-cjk)
fi
# the handout tests read the PDF's text with pdftotext and render its pages with pdftoppm;
# poppler-data holds the UniGB-UCS2-H CMap of the PDF's standard Chinese font
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
  apt_packages+=(poppler-utils)
fi
if [ ! -e /usr/share/poppler/cMap/Adobe-GB1/UniGB-UCS2-H ]; then
  apt_packages+=(poppler-data)
fi
if [ "${#apt_packages[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "ci: missing ${apt_packages[*]} (Chromium for the browser tests at $CHROMIUM, a CJK font for Chinese labels)." >&2
    echo "ci: installing needs root. Run as root, or first: sudo apt-get install -y --no-install-recommends chromium fonts-noto-cjk poppler-utils poppler-data" >&2
    echo "ci: (or point CHROMIUM_PATH at an existing Chromium)." >&2
    exit 1
  fi
  # chromium pulls fonts in on its own only as a recommendation; ask for both when Chromium is missing
  if [[ " ${apt_packages[*]} " == *" chromium "* && " ${apt_packages[*]} " != *" fonts-noto-cjk "* ]]; then apt_packages+=(fonts-noto-cjk); fi
  echo "ci: installing ${apt_packages[*]} with apt-get"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${apt_packages[@]}"
fi

npm ci --no-audit --no-fund
npm test
