#!/usr/bin/env bash
# Accessibility and keyboard checks of every page in real headless Chromium:
# installs Debian's chromium and the npm packages if missing, starts `area-send demo`
# on a free loopback port, runs tests/browser/check.mjs, and stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
for tool in python3 node; do
  if ! command -v "$tool" >/dev/null; then
    echo "Installing Debian's $tool..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    if [ "$tool" = node ]; then apt-get install -y -qq nodejs npm >/dev/null; else apt-get install -y -qq python3 >/dev/null; fi
  fi
done
# playwright-core needs Node 20 or later (the machine image ships it; Debian 12's own is 18).
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
if [ "$NODE_MAJOR" -lt 20 ]; then
  echo "browser checks need Node.js 20 or later; this machine has $(node --version)" >&2
  exit 1
fi
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)

cargo build --quiet --bin area-send
BIN="${CARGO_TARGET_DIR:-target}/debug/area-send"
DATA=$(mktemp -d)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
AREA_SEND_DATA_DIR="$DATA" "$BIN" demo --bind "127.0.0.1:$PORT" >"$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT

python3 - "$PORT" <<'PY'
import sys, time, urllib.request
url = f"http://127.0.0.1:{sys.argv[1]}/healthz"
for _ in range(120):
    try:
        if urllib.request.urlopen(url, timeout=1).status == 200:
            sys.exit(0)
    except Exception:
        time.sleep(0.5)
sys.exit("the demo server did not start")
PY

# The demo writes its invitations here; the checks follow one as its invitee would.
AREA_SEND_URL="http://127.0.0.1:$PORT" AREA_SEND_OUTBOX="$DATA/outbox" node tests/browser/check.mjs
