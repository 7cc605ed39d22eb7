#!/usr/bin/env bash
# Usage: tools/badges/run-equivalence.sh BADGESMITH_BINARY [equivalence.mjs options]
#
# The ctest entry point of the badge equivalence test: makes sure tools/badges/node_modules
# matches package-lock.json (npm ci --no-audit --no-fund when it is missing or was installed
# from another lockfile; same stamp as scripts/install-deps), then runs equivalence.mjs, whose
# exit status it returns. Fails, never skips, when Node >= 20, npm or the pinned packages are
# unavailable. npm ci needs the registry: under scripts/hermetic (no network) node_modules must
# already be installed (make deps does it).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
die() { echo "run-equivalence: FAIL: $*" >&2; exit 1; }

[[ $# -ge 1 ]] || { echo "usage: $0 BADGESMITH_BINARY [equivalence.mjs options]" >&2; exit 2; }
command -v node >/dev/null || die "node not found (Node.js >= 20 needed)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[[ "$node_major" -ge 20 ]] || die "Node $(node --version) is too old; need >= 20"

lock_sum=$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)
stamp="$here/node_modules/.badgesmith-lock-sha256"
if [[ ! -f "$here/node_modules/badge-maker/package.json" || ! -f "$stamp" || "$(cat "$stamp")" != "$lock_sum" ]]; then
  command -v npm >/dev/null || die "npm not found; cannot install tools/badges/node_modules"
  echo "run-equivalence: npm ci in $here"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) \
    || die "npm ci failed in $here (no registry access? run 'make deps' outside scripts/hermetic)"
  echo "$lock_sum" >"$stamp"
fi

exec node "$here/equivalence.mjs" "$@"
