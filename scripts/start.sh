#!/usr/bin/env bash
# Starts the app on the embedded demo data; installs dependencies first when needed.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
exec npx vite --host 127.0.0.1 --port "${PORT:-5173}" "$@"
