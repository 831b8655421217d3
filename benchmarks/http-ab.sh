#!/usr/bin/env bash
# Compares the CPU per request of two server builds on a busy machine: both run at once on loopback with the full SDN
# list, and two wrk clients load them at the same time (which one starts first alternates), so both see the same
# machine load; each round prints both builds' server CPU per request (user + system from /proc/PID/stat) and the ratio.
# Compare ratios, not absolute numbers, when other processes share the cores.
#
# Usage, from the repository root:
#   benchmarks/http-ab.sh DIR_A DIR_B [ROUNDS]     # DIR_x: a folder holding a built Screening.Server.dll
# e.g. git worktree add /tmp/before <commit>, build both in Release, then
#   benchmarks/http-ab.sh /tmp/before/src/Screening.Server/bin/Release/net10.0 src/Screening.Server/bin/Release/net10.0 10
# Environment (defaults): SDN=../shared/data/ofac_sdn  C=16 (connections per server)  D=8 (seconds per round)
#   WARM=20 (seconds of warm-up)  AEXTRA/BEXTRA (extra server arguments)  AENV/BENV (extra environment, VAR=value ...)
# Needs wrk (Debian: apt-get install -y wrk).
set -euo pipefail

[ $# -ge 2 ] || { sed -n '2,13p' "$0" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
A=$(realpath "$1"); B=$(realpath "$2"); ROUNDS=${3:-6}
cd "$ROOT"
SDN=$(realpath "${SDN:-../shared/data/ofac_sdn}")
C=${C:-16}; D=${D:-8}; WARM=${WARM:-20}
LUA="$ROOT/benchmarks/http/screen.lua"
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install -y wrk)" >&2; exit 2; }
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

dotnet build -c Release -v q -nologo benchmarks/Screening.LoadTest >/dev/null
dotnet benchmarks/Screening.LoadTest/bin/Release/net10.0/Screening.LoadTest.dll --list "ofac-sdn:$SDN" --queries 8000 \
  --write-bodies "$WORK/bodies.jsonl" >/dev/null

start() { # dir port env extra
  # shellcheck disable=SC2086
  (cd "$WORK" && exec env $3 dotnet "$1/Screening.Server.dll" --urls "http://127.0.0.1:$2" "--Screening:Lists:0=ofac-sdn:$SDN" $4 \
    >"$WORK/server-$2.log" 2>&1) &
  PIDS+=($!)
}
start "$A" 5301 "${AENV:-}" "${AEXTRA:-}"; PA=${PIDS[-1]}
start "$B" 5302 "${BENV:-}" "${BEXTRA:-}"; PB=${PIDS[-1]}
for port in 5301 5302; do
  deadline=$((SECONDS + 120))
  until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "server on $port not ready" >&2; cat "$WORK/server-$port.log" >&2; exit 1; }
    sleep 0.5
  done
done
load() { wrk -t1 -c"$C" -d"$2"s -s "$LUA" "http://127.0.0.1:$1" -- "$WORK/bodies.jsonl"; }
load 5301 "$WARM" >/dev/null & W=$!; load 5302 "$WARM" >/dev/null; wait $W

cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
field() { sed "s/.*$2=\([0-9.]*\).*/\1/" <<<"$1"; }
TICK=$(getconf CLK_TCK)
echo "A: $A"; echo "B: $B"; echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$ROUNDS"); do
  a0=$(cpu "$PA"); b0=$(cpu "$PB")
  if [ $((i % 2)) = 1 ]; then
    load 5301 "$D" >"$WORK/a.txt" & W=$!; load 5302 "$D" >"$WORK/b.txt"; wait $W
  else
    load 5302 "$D" >"$WORK/b.txt" & W=$!; load 5301 "$D" >"$WORK/a.txt"; wait $W
  fi
  a1=$(cpu "$PA"); b1=$(cpu "$PB")
  ra=$(grep RESULT "$WORK/a.txt"); rb=$(grep RESULT "$WORK/b.txt")
  awk -v i="$i" -v load="$(cut -d' ' -f1 /proc/loadavg)" -v hz="$TICK" -v d="$D" \
      -v na="$(field "$ra" requests)" -v nb="$(field "$rb" requests)" -v ta=$((a1 - a0)) -v tb=$((b1 - b0)) \
      -v pa="$(field "$ra" p99)" -v pb="$(field "$rb" p99)" 'BEGIN {
        ua = ta / hz * 1e6 / na; ub = tb / hz * 1e6 / nb;
        printf "round %d load %s | A %6.0f req/s %6.1f µs/req p99 %s ms | B %6.0f req/s %6.1f µs/req p99 %s ms | B/A %.3f\n",
          i, load, na / d, ua, pa, nb / d, ub, pb, ub / ua }'
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
