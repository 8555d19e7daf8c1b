#!/usr/bin/env bash
# Throughput of the service on this machine, on SQLite and on PostgreSQL: a release
# build of `area-send demo` on loopback, loaded by wrk (Debian's package). Prints a
# Markdown table for the README. Bounded: each run lasts DURATION seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${BENCH_DURATION:-10}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"

if ! command -v wrk >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
# BENCH_BIN measures another build (say, the previous commit's) in the same run.
if [ -z "${BENCH_BIN:-}" ]; then
  cargo build --quiet --release --bin area-send
fi
BIN="${BENCH_BIN:-${CARGO_TARGET_DIR:-target}/release/area-send}"
DATA=$(mktemp -d)
SERVER=""
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$DATA"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Start the demo on $1 (sqlite or a postgres URL) and wait for it.
start() {
  PORT=$(free_port)
  if [ "$1" = sqlite ]; then
    AREA_SEND_DATA_DIR="$DATA" AREA_SEND_LOG=warn "$BIN" demo --bind "127.0.0.1:$PORT" >"$DATA/server.log" 2>&1 &
  else
    AREA_SEND_DATA_DIR="$DATA" AREA_SEND_LOG=warn "$BIN" --database-url "$1" demo --bind "127.0.0.1:$PORT" >"$DATA/server.log" 2>&1 &
  fi
  SERVER=$!
  python3 - "$PORT" <<'PY'
import sys, time, urllib.request
for _ in range(120):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/healthz", timeout=1); sys.exit(0)
    except Exception:
        time.sleep(0.5)
sys.exit("server did not start")
PY
}

# Sign in as the lead inspector and print the session cookie.
session_cookie() {
  python3 - "$PORT" <<'PY'
import sys, re, http.cookiejar, urllib.request, urllib.parse
base = f"http://127.0.0.1:{sys.argv[1]}"
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
page = opener.open(base + "/sign-in").read().decode()
token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
body = urllib.parse.urlencode({"csrf_token": token, "email": "lead.inspector@demo.area-send.test", "password": "demo-lead-inspector"}).encode()
opener.open(base + "/sign-in", body)
print("; ".join(f"{c.name}={c.value}" for c in jar))
PY
}

# A respondent part way through the children's survey: prints "COOKIE|PATH" for its
# first question page (the demo prints each survey's open link as it starts).
respondent_cookie() {
  python3 - "$PORT" "$DATA/server.log" <<'PY'
import sys, re, http.cookiejar, urllib.request, urllib.parse
base = f"http://127.0.0.1:{sys.argv[1]}"
link = re.search(r"open link:\s+\S+?(/s/[A-Za-z0-9]+)", open(sys.argv[2]).read()).group(1)
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
page = opener.open(base + link).read().decode()
token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
post = lambda path, **f: opener.open(base + path, urllib.parse.urlencode({"csrf_token": token, **f}).encode())
post(link + "/start", lang="en")
res = post(link + "/how", lang="en")
path = urllib.parse.urlparse(res.geturl()).path
print("; ".join(f"{c.name}={c.value}" for c in jar) + "|" + path)
PY
}

# Resident memory of the server in MB: now, and the most it has held.
rss() { awk '/^VmRSS/ {r=$2} /^VmHWM/ {h=$2} END {printf "%d MB (peak %d MB)", r/1024, h/1024}' "/proc/$SERVER/status"; }

# Requests per second and 99th percentile latency for one path; $3 connections.
measure() {
  local path=$1 cookie=${2:-} conns=${3:-$CONNECTIONS}
  local out
  if [ -n "$cookie" ]; then
    out=$(wrk -t1 -c"$conns" -d"${DURATION}s" --latency -H "Cookie: $cookie" "http://127.0.0.1:$PORT$path")
  else
    out=$(wrk -t1 -c"$conns" -d"${DURATION}s" --latency "http://127.0.0.1:$PORT$path")
  fi
  local rps p99 errors
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  echo "$rps|$p99|${errors:-0}"
}

run_backend() {
  local name=$1 target=$2
  start "$target"
  local cookie
  cookie=$(session_cookie)
  local respondent survey_cookie question
  respondent=$(respondent_cookie)
  IFS='|' read -r survey_cookie question <<<"$respondent"
  for row in "/static/favicon.svg|a static file (no database), for comparison||$CONNECTIONS" "/healthz|health check (one SELECT 1)||$CONNECTIONS" "/sign-in|sign-in page (new anonymous session written)||$CONNECTIONS" "/inspections|inspections list, signed in|$cookie|$CONNECTIONS" "/inspections/1|inspection overview, signed in (8 queries)|$cookie|$CONNECTIONS" "$question|children's question page, a respondent's cookie|$survey_cookie|$CONNECTIONS" "$question|children's question page, 500 connections|$survey_cookie|500"; do
    IFS='|' read -r path label c conns <<<"$row"
    IFS='|' read -r rps p99 errors <<<"$(measure "$path" "$c" "$conns")"
    echo "| $name | $label | $conns | $rps | $p99 | $errors | $(rss) |"
  done
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
}

echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores: wrk, 1 thread, $CONNECTIONS connections, ${DURATION}s per row, release build, 2 server workers."
echo
echo "| database | request | connections | requests/s | p99 latency | non-2xx | server memory after |"
echo "|---|---|---|---|---|---|---|"
run_backend SQLite sqlite
[ "${BENCH_BACKENDS:-both}" = sqlite ] && exit 0
PG_ADMIN=$(scripts/postgres.sh start)
psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS area_send_bench" -c "CREATE DATABASE area_send_bench" >/dev/null
run_backend PostgreSQL "${PG_ADMIN%/*}/area_send_bench"
