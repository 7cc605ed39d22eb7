#!/usr/bin/env bash
# Startup time and idle memory of `badgesmith serve` (cold-ish start, empty data dir).
#
# Usage: bench/startup.sh [--json FILE]
#   Environment: N runs (15), BADGESMITH_BIN (default build/release/badgesmith).
#
# Each run: fresh empty data dir, free 127.0.0.1 port, access log off; wall time
# from just before exec to the first HTTP 200 from GET /health (polled every
# ~0.2 ms by bench/startup_probe.py); then 1 s later VmRSS; then SIGTERM.
# Prints per-run figures, the medians and the targets (startup <= 10 ms,
# RSS <= 10 MB) as PASS/FAIL. The targets are informational: exit status is 0
# unless the server failed to start. Builds nothing; writes no repository file.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

BIN=${BADGESMITH_BIN:-build/release/badgesmith}
N=${N:-15}
JSON_OUT=""
TARGET_MS=10
TARGET_MB=10

usage() { sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --json) [[ $# -ge 2 ]] || { echo "startup.sh: --json needs a FILE" >&2; exit 2; }; JSON_OUT=$2; shift 2 ;;
    --json=*) JSON_OUT=${1#--json=}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "startup.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

die() { echo "startup.sh: error: $*" >&2; exit 1; }
[[ "$N" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer (got '$N')"
[[ -x "$BIN" ]] || die "$BIN not found or not executable (run: make build)"
command -v python3 >/dev/null || die "python3 not found (run: scripts/install-deps)"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/badgesmith-bench-startup.XXXXXX")
PROBE_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  # The probe stops its server itself when it gets SIGTERM/SIGINT via its finally block.
  if [[ -n "$PROBE_PID" ]]; then kill -TERM "$PROBE_PID" 2>/dev/null || true; wait "$PROBE_PID" 2>/dev/null || true; fi
  if [[ "${KEEP_TMP:-0}" == 1 ]]; then echo "startup.sh: kept $TMP"; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "startup.sh: $N runs of: $BIN serve --listen 127.0.0.1:PORT --data-dir <empty> --access-log off"
printf '%4s %12s %10s %6s\n' run "startup ms" "RSS MB" exit
results="$TMP/results.jsonl"
: >"$results"
for ((i = 1; i <= N; i++)); do
  run="$TMP/run-$i"
  mkdir -p "$run/data" "$run/logs"
  python3 bench/startup_probe.py "$BIN" "$run/data" "$run/logs" >"$run/result.json" &
  PROBE_PID=$!
  rc=0
  wait "$PROBE_PID" || rc=$?
  PROBE_PID=""
  [[ $rc -eq 0 ]] || die "run $i: server failed to start (see above)"
  cat "$run/result.json" >>"$results"
  python3 -c '
import json, sys
r = json.loads(sys.argv[2])
print("%4s %12.2f %10.2f %6s" % (sys.argv[1], r["startup_ms"], r["rss_kb"] / 1024, r["exit_code"]))
' "$i" "$(cat "$run/result.json")"
  rm -rf "$run/data"  # keep each run's data dir from influencing the next
done

python3 - "$results" "$TARGET_MS" "$TARGET_MB" "$JSON_OUT" <<'EOF'
import json, statistics, sys
path, target_ms, target_mb, json_out = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
runs = [json.loads(l) for l in open(path) if l.strip()]
ms = [r["startup_ms"] for r in runs]
mb = [r["rss_kb"] / 1024 for r in runs]
med_ms, med_mb = statistics.median(ms), statistics.median(mb)
bad_exit = [i + 1 for i, r in enumerate(runs) if r["exit_code"] != 0]
ok_ms, ok_mb = med_ms <= target_ms, med_mb <= target_mb
print()
print(f"startup ms: median {med_ms:.2f}  min {min(ms):.2f}  max {max(ms):.2f}  (n={len(runs)})")
print(f"VmRSS MB:   median {med_mb:.2f}  min {min(mb):.2f}  max {max(mb):.2f}  (MB = 1024 kB)")
print(f"target startup <= {target_ms:g} ms: {'PASS' if ok_ms else 'FAIL'} ({med_ms:.2f} ms)")
print(f"target VmRSS   <= {target_mb:g} MB: {'PASS' if ok_mb else 'FAIL'} ({med_mb:.2f} MB)")
if bad_exit:
    print(f"warning: non-zero exit after SIGTERM in run(s) {bad_exit} (expected 0)")
if json_out:
    with open(json_out, "w") as f:
        json.dump({"bench": "startup", "runs": runs,
                   "median_startup_ms": round(med_ms, 3), "median_rss_mb": round(med_mb, 3),
                   "targets": {"startup_ms": target_ms, "rss_mb": target_mb},
                   "pass": {"startup": ok_ms, "rss": ok_mb}}, f, indent=2)
        f.write("\n")
    print(f"startup.sh: wrote {json_out}")
EOF
