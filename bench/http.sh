#!/usr/bin/env bash
# HTTP throughput of BadgeSmith vs nginx serving the same bytes from files.
#
# Usage: bench/http.sh [--json FILE]
#   Targets (all measured in the same run, interleaved):
#     favicon     GET /favicon.svg
#     nuget-json  GET /badges/packages/nuget/Newtonsoft.Json              (cached, endpoint JSON)
#     nuget-svg   GET /badges/packages/nuget/Newtonsoft.Json?format=svg   (cached, SVG)
#   Environment: BADGESMITH_BIN (default build/release/badgesmith), TARGETS
#   (space-separated subset of the names above; default all), ROUNDS (3),
#   DURATION seconds per run (4), THREADS (2), CONNECTIONS (64), MIN_RATIO (0.9,
#   the PASS/FAIL line; informational), KEEP_TMP=1 keeps the temporary directory
#   (logs, nginx.conf, raw wrk output) for inspection.
#
# The package targets run against the loopback fixture upstream
# (tests/fixtures/upstream/fixture_upstream.py) with --cache-ttl 3600 and are warmed
# first, so every measured request is a cache hit. Both servers log every request to
# a file; wrk runs against them interleaved (per round and target: ours, then nginx)
# so that drift in machine load hits both. Per target it prints the best req/s of
# each, their ratio with PASS/FAIL, the median per-round ratio, and each server's
# CPU time per request (steadier than req/s on a busy machine). Builds nothing
# (`make bench` builds first). Writes no repository file. All traffic goes to
# 127.0.0.1.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

BIN=${BADGESMITH_BIN:-build/release/badgesmith}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-4}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
MIN_RATIO=${MIN_RATIO:-0.9}
TARGETS=${TARGETS:-favicon nuget-json nuget-svg}
CACHE_TTL=3600
FIXTURE=tests/fixtures/upstream/fixture_upstream.py
JSON_OUT=""

usage() { sed -n '2,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --json) [[ $# -ge 2 ]] || { echo "http.sh: --json needs a FILE" >&2; exit 2; }; JSON_OUT=$2; shift 2 ;;
    --json=*) JSON_OUT=${1#--json=}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "http.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

die() { echo "http.sh: error: $*" >&2; exit 1; }
for n in ROUNDS DURATION THREADS CONNECTIONS; do
  [[ "${!n}" =~ ^[1-9][0-9]*$ ]] || die "$n must be a positive integer (got '${!n}')"
done
[[ "$MIN_RATIO" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "MIN_RATIO must be a non-negative number (got '$MIN_RATIO')"

# Target table: name -> request target (path and query) and the content type we expect.
declare -A T_TARGET=(
  [favicon]=/favicon.svg
  [nuget-json]=/badges/packages/nuget/Newtonsoft.Json
  [nuget-svg]=/badges/packages/nuget/Newtonsoft.Json?format=svg
)
declare -A T_CT_EXPECT=([favicon]=image/svg+xml [nuget-json]=application/json [nuget-svg]=image/svg+xml)
read -r -a NAMES <<<"$TARGETS"
[[ ${#NAMES[@]} -gt 0 ]] || die "TARGETS is empty"
declare -A seen=()
NEED_FIXTURE=0
for t in "${NAMES[@]}"; do
  [[ -n "${T_TARGET[$t]:-}" ]] || die "unknown target '$t' in TARGETS (known: favicon nuget-json nuget-svg)"
  [[ -z "${seen[$t]:-}" ]] || die "target '$t' listed twice in TARGETS"
  seen[$t]=1
  [[ $t == favicon ]] || NEED_FIXTURE=1
done

[[ -x "$BIN" ]] || die "$BIN not found or not executable (run: make build)"
for tool in wrk nginx curl python3 timeout pgrep getconf; do
  command -v "$tool" >/dev/null || die "'$tool' not found (run: scripts/install-deps)"
done
[[ $NEED_FIXTURE -eq 0 || -f "$FIXTURE" ]] || die "$FIXTURE not found"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/badgesmith-bench-http.XXXXXX")
OURS_PID="" NGINX_PID="" WRK_PID="" FIXTURE_PID="" FIXTURE_FD=""
NGINX_WORKERS=()

STOP_RC=0 STOP_ALIVE=0
stop_pid() { # stop_pid PID NAME: SIGTERM, wait up to 5 s, then SIGKILL; exit status in STOP_RC
  local pid=$1 name=$2 i
  STOP_RC=0 STOP_ALIVE=0
  if kill -0 "$pid" 2>/dev/null; then
    STOP_ALIVE=1
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "http.sh: warning: $name (pid $pid) ignored SIGTERM for 5 s; killing" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || STOP_RC=$?
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n "$WRK_PID" ]]; then kill -TERM "$WRK_PID" 2>/dev/null || true; wait "$WRK_PID" 2>/dev/null || true; fi
  if [[ -n "$OURS_PID" ]]; then
    stop_pid "$OURS_PID" badgesmith
    [[ $STOP_ALIVE -eq 0 || $STOP_RC -eq 0 ]] || echo "http.sh: warning: badgesmith exited with status $STOP_RC after SIGTERM (expected 0)" >&2
  fi
  [[ -z "$NGINX_PID" ]] || stop_pid "$NGINX_PID" nginx
  # Closing our end of its stdin makes the fixture exit by itself; SIGTERM as well, in case.
  if [[ -n "$FIXTURE_FD" ]]; then exec {FIXTURE_FD}>&- || true; fi
  [[ -z "$FIXTURE_PID" ]] || stop_pid "$FIXTURE_PID" fixture-upstream
  if [[ "${KEEP_TMP:-0}" == 1 ]]; then
    echo "http.sh: kept $TMP"
  else
    rm -rf "$TMP"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# spawn CMD... : start CMD in the background with the fixture's stdin pipe closed, so that
# only this script holds its write end (the fixture exits when this script goes away).
spawn() {
  if [[ -n "$FIXTURE_FD" ]]; then "$@" {FIXTURE_FD}>&- & else "$@" & fi
}

# --- fixture upstream (package targets only) ------------------------------------------------
FIXTURE_BASE=""
if [[ $NEED_FIXTURE -eq 1 ]]; then
  # The fixture's stdin is a fifo whose only other end this script holds (read-write, so
  # opening it never blocks): when the script ends, however it ends, the fixture sees EOF.
  mkfifo "$TMP/fixture-stdin"
  exec {FIXTURE_FD}<>"$TMP/fixture-stdin"
  python3 -B "$FIXTURE" --port 0 <"$TMP/fixture-stdin" {FIXTURE_FD}>&- \
    >"$TMP/fixture-stdout.log" 2>"$TMP/fixture-stderr.log" &
  FIXTURE_PID=$!
  for ((i = 0; i < 200; i++)); do  # up to 10 s
    line=$(head -n 1 "$TMP/fixture-stdout.log" 2>/dev/null || true)
    [[ "$line" =~ ^listening\ (http://127\.0\.0\.1:[0-9]+)$ ]] && { FIXTURE_BASE=${BASH_REMATCH[1]}; break; }
    kill -0 "$FIXTURE_PID" 2>/dev/null || { cat "$TMP/fixture-stderr.log" >&2; die "fixture upstream exited before listening"; }
    sleep 0.05
  done
  [[ -n "$FIXTURE_BASE" ]] || { cat "$TMP/fixture-stderr.log" >&2; die "no 'listening http://127.0.0.1:PORT' line from the fixture upstream within 10 s"; }
fi

fixture_hits() { # total upstream requests the fixture has answered (control API not counted)
  curl -sS --fail --max-time 5 "$FIXTURE_BASE/_fixture/hits" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
}

# --- our server --------------------------------------------------------------------------
mkdir -p "$TMP/data"
ours_args=(serve --listen 127.0.0.1:0 --data-dir "$TMP/data")
[[ -z "$FIXTURE_BASE" ]] || ours_args+=(--nuget-source "$FIXTURE_BASE/v3/index.json" --cache-ttl "$CACHE_TTL")
spawn "$BIN" "${ours_args[@]}" >"$TMP/ours-access.log" 2>"$TMP/ours-stderr.log" </dev/null
OURS_PID=$!

listening_address() {
  python3 - "$TMP/ours-stderr.log" <<'EOF'
import json, sys
for line in open(sys.argv[1], errors="replace"):
    try:
        o = json.loads(line)
    except ValueError:
        continue
    if isinstance(o, dict) and o.get("msg") == "listening" and o.get("address"):
        print(o["address"])
        break
EOF
}
addr=""
for ((i = 0; i < 200; i++)); do  # up to 10 s
  addr=$(listening_address)
  [[ -n "$addr" ]] && break
  kill -0 "$OURS_PID" 2>/dev/null || { cat "$TMP/ours-stderr.log" >&2; die "badgesmith exited before listening"; }
  sleep 0.05
done
[[ -n "$addr" ]] || { cat "$TMP/ours-stderr.log" >&2; die "no 'listening' log line from badgesmith within 10 s"; }
[[ "$addr" =~ ^127\.0\.0\.1:([0-9]+)$ ]] || die "badgesmith listens on unexpected address '$addr'"
OURS_BASE="http://127.0.0.1:${BASH_REMATCH[1]}"

# --- warm our cache and take each target's exact bytes ---------------------------------------
mkdir -p "$TMP/www/_bench" "$TMP/nginx-tmp"
chmod 0755 "$TMP" "$TMP/www" "$TMP/www/_bench"
declare -A T_CT=() T_BYTES=()
for t in "${NAMES[@]}"; do
  url="$OURS_BASE${T_TARGET[$t]}"
  # First request: fetches from the fixture upstream for the package targets.
  code=$(curl -sS --max-time 15 -o /dev/null -w '%{http_code}' "$url") || die "GET $url failed"
  [[ "$code" == 200 ]] || { cat "$TMP/ours-stderr.log" >&2; die "GET $url answered $code, expected 200"; }
  # Second request: the bytes every measured request gets (a cache hit).
  T_CT[$t]=$(curl -sS --fail --max-time 5 -o "$TMP/www/_bench/$t" -w '%{content_type}' "$url") ||
    die "GET $url failed"
  chmod 0644 "$TMP/www/_bench/$t"
  T_BYTES[$t]=$(wc -c <"$TMP/www/_bench/$t")
  [[ "${T_BYTES[$t]}" -gt 0 ]] || die "GET $url returned an empty body"
  [[ -n "${T_CT[$t]}" ]] || die "GET $url returned no Content-Type"
  [[ "${T_CT[$t]}" == "${T_CT_EXPECT[$t]}"* ]] ||
    echo "http.sh: warning: $t: badgesmith content-type is '${T_CT[$t]}', expected ${T_CT_EXPECT[$t]}" >&2
  [[ "${T_CT[$t]}" =~ ^[A-Za-z0-9.+/_=\ \;-]+$ ]] ||
    die "$t: content-type '${T_CT[$t]}' cannot be written into nginx.conf"
done
FIXTURE_HITS_BEFORE=""
[[ -z "$FIXTURE_BASE" ]] || FIXTURE_HITS_BEFORE=$(fixture_hits) || die "could not read the fixture's hit count"

# --- nginx serving the same bytes -----------------------------------------------------------
# Each target's body is a file under $TMP/www/_bench, served with exactly the Content-Type ours
# sent. Request paths map to it with `location =`; a target with a query string (location does
# not match on it) is one `if ($args = ...)` + internal rewrite away from its own location.
NGINX_PORT=$(free_port)
NGINX_BASE="http://127.0.0.1:$NGINX_PORT"
user_line=""
[[ $(id -u) -eq 0 ]] && user_line="user root;"  # workers must read $TMP whatever TMPDIR is
locations=""
declare -A path_done=()
for t in "${NAMES[@]}"; do
  locations+="    location = /_bench/$t { internal; types { } default_type \"${T_CT[$t]}\"; alias $TMP/www/_bench/$t; }"$'\n'
done
for t in "${NAMES[@]}"; do
  path=${T_TARGET[$t]%%\?*}
  [[ -z "${path_done[$path]:-}" ]] || continue
  path_done[$path]=1
  block="    location = $path {"$'\n'
  plain=""
  for u in "${NAMES[@]}"; do
    [[ "${T_TARGET[$u]%%\?*}" == "$path" ]] || continue
    if [[ "${T_TARGET[$u]}" == *\?* ]]; then
      block+="      if (\$args = \"${T_TARGET[$u]#*\?}\") { rewrite ^ /_bench/$u last; }"$'\n'
    else
      plain=$u
    fi
  done
  if [[ -n "$plain" ]]; then
    block+="      types { } default_type \"${T_CT[$plain]}\"; alias $TMP/www/_bench/$plain;"$'\n'
  else
    block+="      return 404;"$'\n'
  fi
  locations+="$block    }"$'\n'
done
cat >"$TMP/nginx.conf" <<EOF
# generated by bench/http.sh
daemon off;
worker_processes auto;
$user_line
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log warn;
events { worker_connections 1024; }
http {
  types { }
  default_type application/octet-stream;
  access_log $TMP/nginx-access.log combined;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 100000;
  client_body_temp_path $TMP/nginx-tmp/body;
  proxy_temp_path $TMP/nginx-tmp/proxy;
  fastcgi_temp_path $TMP/nginx-tmp/fastcgi;
  uwsgi_temp_path $TMP/nginx-tmp/uwsgi;
  scgi_temp_path $TMP/nginx-tmp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $TMP/www;
    location / { return 404; }
$locations  }
}
EOF
nginx -t -q -e "$TMP/nginx-error.log" -c "$TMP/nginx.conf" -p "$TMP" \
  || { cat "$TMP/nginx-error.log" >&2 2>/dev/null; die "generated nginx.conf is invalid"; }
spawn nginx -e "$TMP/nginx-error.log" -c "$TMP/nginx.conf" -p "$TMP" </dev/null >"$TMP/nginx-stdout.log" 2>&1
NGINX_PID=$!
ng_ok=0
for ((i = 0; i < 200; i++)); do  # up to 10 s
  kill -0 "$NGINX_PID" 2>/dev/null || { cat "$TMP/nginx-error.log" >&2 2>/dev/null; die "nginx exited at startup"; }
  curl -sS --fail --max-time 2 -o /dev/null "$NGINX_BASE${T_TARGET[${NAMES[0]}]}" 2>/dev/null && { ng_ok=1; break; }
  sleep 0.05
done
[[ $ng_ok -eq 1 ]] || { cat "$TMP/nginx-error.log" >&2 2>/dev/null; die "nginx did not serve $NGINX_BASE${T_TARGET[${NAMES[0]}]} within 10 s"; }
for t in "${NAMES[@]}"; do
  url="$NGINX_BASE${T_TARGET[$t]}"
  ng_ct=$(curl -sS --fail --max-time 5 -o "$TMP/nginx-check" -w '%{content_type}' "$url") || die "nginx: GET $url failed"
  cmp -s "$TMP/www/_bench/$t" "$TMP/nginx-check" || die "nginx serves different bytes than badgesmith for $t"
  [[ "$ng_ct" == "${T_CT[$t]}" ]] || die "nginx serves $t as '$ng_ct', badgesmith as '${T_CT[$t]}'"
done

mapfile -t NGINX_WORKERS < <(pgrep -P "$NGINX_PID" || true)
[[ ${#NGINX_WORKERS[@]} -gt 0 ]] || die "found no nginx worker process under pid $NGINX_PID"

echo "http.sh: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency; $ROUNDS interleaved rounds; targets: ${NAMES[*]}"
echo "http.sh: ours  $OURS_BASE  (pid $OURS_PID, access log: stdout -> file${FIXTURE_BASE:+, --nuget-source $FIXTURE_BASE/v3/index.json --cache-ttl $CACHE_TTL})"
echo "http.sh: nginx $NGINX_BASE  (pid $NGINX_PID, workers ${NGINX_WORKERS[*]}, access log: file, worker_processes auto)"
for t in "${NAMES[@]}"; do
  printf 'http.sh:   %-10s GET %s  %s bytes, %s\n' "$t" "${T_TARGET[$t]}" "${T_BYTES[$t]}" "${T_CT[$t]}"
done

# --- load ----------------------------------------------------------------------------------
# parse_wrk FILE -> "rps p50_ms p99_ms non2xx socket_errors requests"
parse_wrk() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
      if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
      if (v ~ /s$/)  return substr(v, 1, length(v) - 1) * 1000
      if (v ~ /m$/)  return substr(v, 1, length(v) - 1) * 60000
      return v + 0
    }
    /^Requests\/sec:/             { rps = $2 }
    / requests in /               { reqs = $1 }
    /^[ \t]+50(\.000)?%/          { p50 = ms($2) }
    /^[ \t]+99(\.000)?%/          { p99 = ms($2) }
    /Non-2xx or 3xx responses:/   { non2xx = $NF }
    /Socket errors:/              { gsub(/,/, ""); err = $4 + $6 + $8 + $10 }
    END {
      if (rps == "") exit 1
      printf "%.2f %.3f %.3f %d %d %d\n", rps, p50, p99, non2xx + 0, err + 0, reqs + 0
    }' "$1"
}

# CPU time (user + system, all threads) of the server processes, in clock ticks: for ours the
# one process, for nginx the master and its workers. Divided by the requests wrk completed it
# gives CPU microseconds per request, which other load on the machine disturbs much less than
# req/s (it is not a throughput figure: it leaves out wrk and the kernel's loopback work done
# outside the servers' system calls).
CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { # cpu_ticks PID... -> total utime + stime
  local p total=0 rest
  for p in "$@"; do
    rest=$(<"/proc/$p/stat") || return 1
    rest=${rest##*) }  # fields from 3 on; comm (field 2) may hold spaces
    read -r -a f <<<"$rest"
    total=$((total + f[11] + f[12]))  # fields 14 (utime) and 15 (stime)
  done
  echo "$total"
}

run_wrk() { # run_wrk SERVER TARGET URL ROUND -> sets RESULT (parse_wrk fields + CPU us/request)
  local who=$1 t=$2 url=$3 round=$4 out="$TMP/wrk-$1-$2-$4.txt" rc=0
  [[ "$url" == http://127.0.0.1:* ]] || die "refusing non-loopback target $url"
  local pids cpu0 cpu1
  if [[ $who == ours ]]; then pids=("$OURS_PID"); else pids=("$NGINX_PID" "${NGINX_WORKERS[@]}"); fi
  cpu0=$(cpu_ticks "${pids[@]}") || die "could not read the CPU time of $who"
  spawn timeout -k 5 $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url" >"$out" 2>&1
  WRK_PID=$!
  wait "$WRK_PID" || rc=$?
  WRK_PID=""
  cpu1=$(cpu_ticks "${pids[@]}") || die "could not read the CPU time of $who (did it die?)"
  [[ $rc -eq 0 ]] || { cat "$out" >&2; die "wrk against $who $t failed (exit $rc)"; }
  RESULT=$(parse_wrk "$out") || { cat "$out" >&2; die "could not parse wrk output for $who $t"; }
  local non2xx errs reqs
  read -r _ _ _ non2xx errs reqs <<<"$RESULT"
  [[ "$reqs" -gt 0 ]] || { cat "$out" >&2; die "wrk completed no request against $who $t"; }
  RESULT+=" $(awk -v d=$((cpu1 - cpu0)) -v hz="$CLK_TCK" -v n="$reqs" 'BEGIN { printf "%.3f", d * 1e6 / hz / n }')"
  [[ "$non2xx" -eq 0 && "$errs" -eq 0 ]] ||
    echo "http.sh: warning: $who $t round $round: $non2xx non-2xx responses, $errs socket errors" >&2
}

declare -A RES=()  # [ours|nginx,target,round] -> "rps p50 p99 non2xx errs"
printf '\n%-6s %-10s %-7s %12s %9s %9s %8s %7s %9s\n' round target server "req/s" "p50 ms" "p99 ms" non2xx errors "cpu us/r"
for ((r = 1; r <= ROUNDS; r++)); do
  for t in "${NAMES[@]}"; do
    for who in ours nginx; do
      if [[ $who == ours ]]; then url=$OURS_BASE${T_TARGET[$t]}; pid=$OURS_PID; else url=$NGINX_BASE${T_TARGET[$t]}; pid=$NGINX_PID; fi
      kill -0 "$pid" 2>/dev/null || die "$who server died before round $r ($t)"
      run_wrk "$who" "$t" "$url" "$r"
      RES[$who,$t,$r]=$RESULT
      read -r rps p50 p99 non2xx errs _ cpu <<<"$RESULT"
      printf '%-6s %-10s %-7s %12.2f %9.3f %9.3f %8d %7d %9.2f\n' "$r" "$t" "$who" "$rps" "$p50" "$p99" "$non2xx" "$errs" "$cpu"
    done
    ratio_r=$(awk -v a="${RES[ours,$t,$r]%% *}" -v b="${RES[nginx,$t,$r]%% *}" 'BEGIN { printf "%.3f", a / b }')
    printf '%-6s %-10s %-7s %12s\n' "$r" "$t" ratio "$ratio_r"
  done
done
for who in ours nginx; do
  kill -0 "$([[ $who == ours ]] && echo "$OURS_PID" || echo "$NGINX_PID")" 2>/dev/null ||
    die "$who server died during the benchmark"
done
FIXTURE_HITS_AFTER=""
if [[ -n "$FIXTURE_BASE" ]]; then
  FIXTURE_HITS_AFTER=$(fixture_hits) || die "could not read the fixture's hit count"
fi

best() { printf '%s\n' "$@" | awk '{ if ($1 + 0 > b + 0) b = $1 } END { printf "%.2f", b }'; }
declare -A BEST_OURS=() BEST_NGINX=() RATIO=() VERDICT=() MEDIAN_RATIO=() CPU_OURS=() CPU_NGINX=() CPU_RATIO=()
median() { sort -g | awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for t in "${NAMES[@]}"; do
  o=() n=()
  for ((r = 1; r <= ROUNDS; r++)); do o+=("${RES[ours,$t,$r]}"); n+=("${RES[nginx,$t,$r]}"); done
  BEST_OURS[$t]=$(best "${o[@]}")
  BEST_NGINX[$t]=$(best "${n[@]}")
  RATIO[$t]=$(awk -v a="${BEST_OURS[$t]}" -v b="${BEST_NGINX[$t]}" 'BEGIN { printf "%.3f", a / b }')
  # Median of the per-round ratios: each pairs two runs next to each other in time, so it is
  # less sensitive than best-of-each to load that comes and goes (informational).
  MEDIAN_RATIO[$t]=$(for ((r = 1; r <= ROUNDS; r++)); do
      awk -v a="${RES[ours,$t,$r]%% *}" -v b="${RES[nginx,$t,$r]%% *}" 'BEGIN { printf "%.6f\n", a / b }'
    done | median)
  CPU_OURS[$t]=$(for ((r = 1; r <= ROUNDS; r++)); do echo "${RES[ours,$t,$r]##* }"; done | median)
  CPU_NGINX[$t]=$(for ((r = 1; r <= ROUNDS; r++)); do echo "${RES[nginx,$t,$r]##* }"; done | median)
  CPU_RATIO[$t]=$(awk -v o="${CPU_OURS[$t]}" -v n="${CPU_NGINX[$t]}" 'BEGIN { if (o > 0) printf "%.3f", n / o; else print "inf" }')
  if awk -v r="${RATIO[$t]}" -v m="$MIN_RATIO" 'BEGIN { exit !(r + 0 >= m + 0) }'; then VERDICT[$t]=PASS; else VERDICT[$t]=FAIL; fi
done
ours_log_lines=$(wc -l <"$TMP/ours-access.log")
nginx_log_lines=$(wc -l <"$TMP/nginx-access.log")

echo
printf '%-10s %8s %14s %14s %8s  %-7s %s\n' target bytes "ours req/s" "nginx req/s" ratio "vs $MIN_RATIO" "median round ratio"
for t in "${NAMES[@]}"; do
  printf '%-10s %8d %14.2f %14.2f %8.3f  %-7s %s\n' "$t" "${T_BYTES[$t]}" "${BEST_OURS[$t]}" "${BEST_NGINX[$t]}" \
    "${RATIO[$t]}" "${VERDICT[$t]}" "${MEDIAN_RATIO[$t]}"
done
printf 'access log   ours %12d   nginx %12d lines\n' "$ours_log_lines" "$nginx_log_lines"
if [[ -n "$FIXTURE_BASE" ]]; then
  upstream_during=$((FIXTURE_HITS_AFTER - FIXTURE_HITS_BEFORE))
  echo "upstream requests during the load: $upstream_during (fixture total $FIXTURE_HITS_AFTER)"
  [[ $upstream_during -eq 0 ]] ||
    echo "http.sh: warning: badgesmith went to the upstream during the load; the package figures are not pure cache hits" >&2
fi
echo
printf '%-10s %17s %18s %s\n' target "ours cpu us/req" "nginx cpu us/req" "nginx/ours (median of rounds; > 1: ours uses less CPU per request)"
for t in "${NAMES[@]}"; do
  printf '%-10s %17.2f %18.2f %8s\n' "$t" "${CPU_OURS[$t]}" "${CPU_NGINX[$t]}" "${CPU_RATIO[$t]}"
done
echo
for t in "${NAMES[@]}"; do
  echo "ratio ours/nginx (best req/s) $t: ${RATIO[$t]} ${VERDICT[$t]}"
done

if [[ -n "$JSON_OUT" ]]; then
  {
    printf 'meta\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$ROUNDS" "$DURATION" "$THREADS" "$CONNECTIONS" "$MIN_RATIO" \
      "$ours_log_lines" "$nginx_log_lines" "${FIXTURE_HITS_BEFORE:--}" "${FIXTURE_HITS_AFTER:--}"
    for t in "${NAMES[@]}"; do
      printf 'target\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "${T_TARGET[$t]}" "${T_CT[$t]}" "${T_BYTES[$t]}" \
        "${BEST_OURS[$t]}" "${BEST_NGINX[$t]}" "${RATIO[$t]}" "${MEDIAN_RATIO[$t]}" \
        "${CPU_OURS[$t]}" "${CPU_NGINX[$t]}" "${CPU_RATIO[$t]}"
      for ((r = 1; r <= ROUNDS; r++)); do
        printf 'round\t%s\t%s\t%s\t%s\n' "$t" "$r" "${RES[ours,$t,$r]}" "${RES[nginx,$t,$r]}"
      done
    done
  } >"$TMP/summary.tsv"
  python3 - "$JSON_OUT" "$TMP/summary.tsv" <<'EOF'
import json, sys
out, tsv = sys.argv[1:3]
def rec(s):
    rps, p50, p99, non2xx, errs, reqs, cpu = s.split()
    return {"rps": float(rps), "p50_ms": float(p50), "p99_ms": float(p99),
            "non2xx": int(non2xx), "socket_errors": int(errs), "requests": int(reqs),
            "cpu_us_per_request": float(cpu)}
targets, order = {}, []
for line in open(tsv):
    f = line.rstrip("\n").split("\t")
    if f[0] == "meta":
        rounds, dur, thr, conns = (int(x) for x in f[1:5])
        min_ratio = float(f[5])
        olog, nlog = int(f[6]), int(f[7])
        hits = None if f[8] == "-" else {"before_load": int(f[8]), "after_load": int(f[9])}
    elif f[0] == "target":
        name = f[1]
        order.append(name)
        targets[name] = {
            "name": name, "target": f[2], "content_type": f[3], "body_bytes": int(f[4]),
            "rounds": [],
            "best": {"ours_rps": float(f[5]), "nginx_rps": float(f[6])},
            "ratio_ours_over_nginx": float(f[7]),
            "median_round_ratio": float(f[8]),
            "cpu_us_per_request_median": {"ours": float(f[9]), "nginx": float(f[10])},
            "cpu_ratio_nginx_over_ours": float(f[11]),
            "pass": float(f[7]) >= min_ratio,
        }
    elif f[0] == "round":
        targets[f[1]]["rounds"].append({"round": int(f[2]), "ours": rec(f[3]), "nginx": rec(f[4])})
doc = {
    "bench": "http",
    "wrk": {"threads": thr, "connections": conns, "duration_s": dur},
    "rounds_per_target": rounds,
    "min_ratio": min_ratio,
    "targets": [targets[n] for n in order],
    "access_log_lines": {"ours": olog, "nginx": nlog},
}
if hits is not None:
    doc["upstream_hits"] = hits
if "favicon" in targets:  # the pre-2026-11-28 top-level fields, for the favicon
    fav = targets["favicon"]
    doc.update({"path": fav["target"], "body_bytes": fav["body_bytes"], "rounds": fav["rounds"],
                "best": fav["best"], "ratio_ours_over_nginx": fav["ratio_ours_over_nginx"]})
with open(out, "w") as fh:
    json.dump(doc, fh, indent=2)
    fh.write("\n")
EOF
  echo "http.sh: wrote $JSON_OUT"
fi
