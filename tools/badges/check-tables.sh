#!/usr/bin/env bash
# Fails when src/features/badges/generated/*.cc are not what tools/badges/gen-tables.mjs
# produces from the pinned packages and this machine's Node (its ICU decides the Unicode
# tables, so an older Node is rejected rather than silently compared).
# Usage: tools/badges/check-tables.sh   (any working directory; exit 0 = current)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if ! command -v node >/dev/null 2>&1; then
  echo "check-tables: node not found (Node.js >= 20 required)" >&2
  exit 1
fi
major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "${major}" -lt 20 ]; then
  echo "check-tables: Node.js >= 20 required, found $(node --version)" >&2
  exit 1
fi

if [ ! -d "${here}/node_modules/anafanafo" ]; then
  echo "check-tables: installing tools/badges/node_modules (npm ci)" >&2
  (cd "${here}" && npm ci --no-audit --no-fund >&2)
fi

exec node "${here}/gen-tables.mjs" --check
