#!/usr/bin/env bash
# Size, cold start and memory of the Lambda zips (dist/, from `make lambda-zip`).
#
# Usage: bench/lambda.sh
#   Environment: N cold starts (20), INVOCATIONS (1000).
#
# 1. Sizes: each dist/badgesmith-lambda-*.zip present (x86_64 required, arm64 if built), with a
#    per-archive breakdown from `unzip -lv`: bootstrap, certs/ (count, stored and unpacked).
# 2. Cold starts (x86_64): the zip unzipped into an empty root (/var/task, /etc/resolv.conf,
#    empty /tmp; chroot when run as root), the Runtime API emulator in bench/lambda_probe.py on
#    127.0.0.1 with one event queued. Exec -> first /next (init) and exec -> first /response,
#    from the emulator's own monotonic timestamps; median, min and max of N.
#    Repeated with the root on /dev/shm (tmpfs): a fresh /tmp means creating the SQLite store,
#    whose fdatasync calls cost what this machine's disk costs; the second figure leaves them out.
# 3. Memory: VmHWM and VmRSS from /proc after INVOCATIONS invocations of one process.
# Targets (informational, PASS/FAIL): zip <= 6 MB (goal 3 MB), init <= 10 ms, first response
# <= 15 ms, RSS <= 20 MB. Loopback only, bounded (each wait 10 s). Builds nothing; writes only
# under $TMPDIR.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

N=${N:-20}
INVOCATIONS=${INVOCATIONS:-1000}
die() { echo "lambda.sh: error: $*" >&2; exit 1; }
[[ "$N" =~ ^[1-9][0-9]*$ && $N -le 200 ]] || die "N must be 1..200 (got '$N')"
[[ "$INVOCATIONS" =~ ^[1-9][0-9]*$ && $INVOCATIONS -le 100000 ]] ||
  die "INVOCATIONS must be 1..100000 (got '$INVOCATIONS')"
X86=dist/badgesmith-lambda-x86_64.zip
[[ -f "$X86" ]] || die "$X86 missing (run: make lambda-zip-x86_64)"
for tool in unzip python3 timeout; do command -v "$tool" >/dev/null || die "$tool not found"; done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/badgesmith-bench-lambda.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t ? "PASS" : "FAIL") }'; }

echo "== zip sizes (unzip -lv) =="
for zip in dist/badgesmith-lambda-x86_64.zip dist/badgesmith-lambda-arm64.zip; do
  [[ -f "$zip" ]] || { echo "$zip: not built (make lambda-zip-arm64)"; continue; }
  bytes=$(stat -c %s "$zip")
  echo "$zip: $bytes bytes ($(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1048576 }') MiB)" \
       "<= 6 MB $(verdict "$bytes" 6000000), goal 3 MB $(verdict "$bytes" 3000000)"
  # unzip -lv columns: Length Method Size Cmpr Date Time CRC-32 Name.
  unzip -lv "$zip" | awk '
    $8 == "bootstrap" { printf "  bootstrap      %9d bytes, stored %9d (%s)\n", $1, $3, $4 }
    $8 ~ /^certs\//   { n++; len += $1; size += $3 }
    END { printf "  certs/ (%3d)   %9d bytes, stored %9d (%d%%)\n", n, len, size,
                 len ? 100 - 100 * size / len : 0 }'
done

echo
echo "== cold starts and memory (x86_64, $N runs, then $INVOCATIONS invocations) =="
make_root() {
  mkdir -p "$1/var/task" "$1/etc" "$1/tmp"
  echo "nameserver 127.0.0.1" >"$1/etc/resolv.conf"
  unzip -q "$X86" -d "$1/var/task"
}
[[ $(id -u) -eq 0 ]] || echo "(not root: no chroot; the bootstrap runs from the root's /var/task)"
budget=$((60 + N * 15 + INVOCATIONS / 10))
make_root "$TMP/root"
result=$(timeout "$budget" python3 -B bench/lambda_probe.py "$TMP/root" "$N" "$INVOCATIONS") ||
  die "lambda_probe.py failed"
shm_result='null'
if [[ -d /dev/shm && -w /dev/shm ]]; then
  SHM=$(mktemp -d /dev/shm/badgesmith-bench-lambda.XXXXXX)
  trap 'rm -rf "$TMP" "$SHM"' EXIT
  make_root "$SHM/root"
  shm_result=$(timeout "$budget" python3 -B bench/lambda_probe.py "$SHM/root" "$N" 0) ||
    die "lambda_probe.py failed (tmpfs root)"
fi

python3 - "$result" "$shm_result" <<'EOF'
import json, statistics, sys
r, shm = json.loads(sys.argv[1]), json.loads(sys.argv[2])
def line(name, values, target):
    median = statistics.median(values)
    verdict = "PASS" if median <= target else "FAIL"
    print(f"{name:<28} median {median:7.2f} ms  min {min(values):7.2f}  max {max(values):7.2f}"
          f"   target <= {target} ms {verdict}")
line("exec -> /next", r["init_ms"], 10)
line("exec -> response", r["first_ms"], 15)
if shm:
    line("exec -> /next (tmpfs)", shm["init_ms"], 10)
    line("exec -> response (tmpfs)", shm["first_ms"], 15)
hwm, rss = r["vmhwm_kb"] / 1024, r["vmrss_kb"] / 1024
print(f"after {r['invocations']} invocations ({r['invoke_s']:.2f} s through the emulator):"
      f" VmHWM {hwm:.1f} MiB, VmRSS {rss:.1f} MiB"
      f"   target <= 20 MB {'PASS' if r['vmhwm_kb'] * 1024 <= 20e6 else 'FAIL'}")
print("raw:", json.dumps({"disk": r, "tmpfs": shm}))
EOF
