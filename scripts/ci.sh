#!/usr/bin/env bash
# Everything the tests need on a fresh Debian + Node 20 machine, then the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
npm test
