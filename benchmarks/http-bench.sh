#!/usr/bin/env bash
# HTTP benchmark of POST /screen: one server instance on loopback, the full OFAC SDN list, wrk as the client.
# Writes benchmarks/results/http.md: requests/s, p50/p90/p99 at each concurrency, the server's CPU time per request
# (user + system, from /proc/PID/stat, over exactly the requests of the measured run), the client's, the load average
# at start and end, and the cost of the Prometheus exporter (the same server with and without it, interleaved).
#
# Usage, from the repository root:   benchmarks/http-bench.sh [--note TEXT]
# Environment (defaults): SDN=../shared/data/ofac_sdn  LEVELS="1 16 64"  DURATION=20  WARMUP=30  QUERIES=8000
#   PORT=5080  OUT=benchmarks/results/http.md  METRICS_ROUNDS=4 (0 skips the exporter comparison)
# Needs wrk (Debian: apt-get install -y wrk); not needed by CI. Run it on a quiet machine: every other process on the
# two cores inflates the CPU per request and cuts requests/s; the report says how loaded the machine was.
set -euo pipefail

NOTE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --note) NOTE="$2"; shift 2 ;;
    *) echo "unknown argument $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SDN=$(realpath "${SDN:-../shared/data/ofac_sdn}")
LEVELS=${LEVELS:-"1 16 64"}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-30}
QUERIES=${QUERIES:-8000}
PORT=${PORT:-5080}
OUT=${OUT:-benchmarks/results/http.md}
METRICS_ROUNDS=${METRICS_ROUNDS:-4}
LUA="$ROOT/benchmarks/http/screen.lua"
CORES=$(nproc)

command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install -y wrk)" >&2; exit 2; }
[ -f "$SDN/sdn.csv" ] || { echo "no OFAC SDN list at $SDN (set SDN=DIR holding sdn.csv)" >&2; exit 2; }

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src benchmarks 2>/dev/null || echo "+uncommitted")
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

echo "== build (Release)"
dotnet build -c Release -v q -nologo benchmarks/Screening.LoadTest >/dev/null  # builds the server too
SERVER="$ROOT/src/Screening.Server/bin/Release/net10.0/Screening.Server.dll"
LOADTEST="$ROOT/benchmarks/Screening.LoadTest/bin/Release/net10.0/Screening.LoadTest.dll"

echo "== request bodies and the library's own cost"
dotnet "$LOADTEST" --list "ofac-sdn:$SDN" --queries "$QUERIES" --write-bodies "$WORK/bodies.jsonl" >/dev/null
LIBRARY=$(dotnet "$LOADTEST" --list "ofac-sdn:$SDN" --queries "$QUERIES" --library-cost --duration 10)
echo "$LIBRARY"

# A server per configuration, started from an empty folder (a quiet content root: nothing there to watch).
start_server() { # port extra-args...
  local port=$1; shift
  (cd "$WORK" && exec dotnet "$SERVER" --urls "http://127.0.0.1:$port" "--Screening:Lists:0=ofac-sdn:$SDN" "$@" >"$WORK/server-$port.log" 2>&1) &
  PIDS+=($!)
  local deadline=$((SECONDS + 120))
  until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "server on $port not ready in 120 s" >&2; cat "$WORK/server-$port.log" >&2; exit 1; }
    sleep 0.5
  done
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
field() { sed "s/.*$2=\([0-9.]*\).*/\1/" <<<"$1"; }
TICK=$(getconf CLK_TCK)

# One measured wrk run: prints "rps p50 p90 p99 errors server_us client_us requests".
measure() { # port pid concurrency seconds
  local before after out
  before=$(cpu_ticks "$2")
  TIMEFORMAT='%U %S'
  { time wrk -t1 -c"$3" -d"$4"s --timeout 10s -s "$LUA" "http://127.0.0.1:$1" -- "$WORK/bodies.jsonl" >"$WORK/wrk.txt"; } 2>"$WORK/time.txt"
  after=$(cpu_ticks "$2")
  out=$(grep RESULT "$WORK/wrk.txt")
  awk -v n="$(field "$out" requests)" -v s="$(field "$out" seconds)" -v ticks=$((after - before)) -v hz="$TICK" \
      -v p50="$(field "$out" p50)" -v p90="$(field "$out" p90)" -v p99="$(field "$out" p99)" -v err="$(field "$out" errors)" \
      -v ct="$(cat "$WORK/time.txt")" 'BEGIN {
        split(ct, c, " ");
        printf "%.0f %.2f %.2f %.2f %d %.1f %.1f %d\n", n / s, p50, p90, p99, err, ticks / hz * 1e6 / n, (c[1] + c[2]) * 1e6 / n, n }'
}

echo "== server with the Prometheus exporter (the default) on :$PORT"
start_server "$PORT"
ON_PID=${PIDS[-1]}
OFF_PID=""
if [ "$METRICS_ROUNDS" -gt 0 ]; then
  echo "== the same server without it on :$((PORT + 1))"
  start_server "$((PORT + 1))" --Screening:Server:Metrics=false
  OFF_PID=${PIDS[-1]}
fi

echo "== warm-up: ${WARMUP} s at concurrency 16"
wrk -t1 -c16 -d"${WARMUP}"s -s "$LUA" "http://127.0.0.1:$PORT" -- "$WORK/bodies.jsonl" >/dev/null

ROWS=""
for level in $LEVELS; do
  wrk -t1 -c"$level" -d5s -s "$LUA" "http://127.0.0.1:$PORT" -- "$WORK/bodies.jsonl" >/dev/null
  read -r rps p50 p90 p99 err server client n < <(measure "$PORT" "$ON_PID" "$level" "$DURATION")
  util=$(awk -v r="$rps" -v s="$server" -v c="$client" -v k="$CORES" 'BEGIN { printf "%.0f", r * (s + c) / 1e6 / k * 100 }')
  line="| $level | $n | $rps | $p50 | $p90 | $p99 | $err | $server | $client | $util% |"
  echo "$line"
  ROWS+="$line"$'\n'
done

METRICS_TABLE=""
if [ -n "$OFF_PID" ]; then
  echo "== Prometheus exporter on vs off: $METRICS_ROUNDS interleaved rounds of ${DURATION}s at concurrency 16"
  wrk -t1 -c16 -d"${WARMUP}"s -s "$LUA" "http://127.0.0.1:$((PORT + 1))" -- "$WORK/bodies.jsonl" >/dev/null
  ON_LIST=""; OFF_LIST=""; RATIOS=""
  METRICS_TABLE="| round | exporter on: requests/s | server CPU µs/request | exporter off: requests/s | server CPU µs/request | off/on CPU |
| ---: | ---: | ---: | ---: | ---: | ---: |"
  for round in $(seq 1 "$METRICS_ROUNDS"); do
    if [ $((round % 2)) = 1 ]; then order="on off"; else order="off on"; fi
    for which in $order; do
      if [ "$which" = on ]; then p=$PORT; pid=$ON_PID; else p=$((PORT + 1)); pid=$OFF_PID; fi
      read -r rps _ _ _ _ server _ _ < <(measure "$p" "$pid" 16 "$DURATION")
      echo "round $round, exporter $which: $rps requests/s, server CPU $server µs/request"
      if [ "$which" = on ]; then on_rps=$rps; on_cpu=$server; else off_rps=$rps; off_cpu=$server; fi
    done
    ratio=$(awk -v a="$on_cpu" -v b="$off_cpu" 'BEGIN { printf "%.3f", b / a }')
    RATIOS+="$ratio "
    METRICS_TABLE+=$'\n'"| $round | $on_rps | $on_cpu | $off_rps | $off_cpu | $ratio |"
  done
  median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
  METRICS_TABLE+=$'\n\n'"Median off/on ratio of server CPU per request: $(median "$RATIOS") (below 1: the exporter costs that share)."
fi

LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
QUIET=$(awk -v l="${LOAD_START%% *}" 'BEGIN { print (l < 0.5) ? "yes" : "no" }')
mkdir -p "$(dirname "$OUT")"
{
  echo "# HTTP throughput: POST /screen"
  echo
  if [ "$QUIET" = no ]; then
    echo "> **Preliminary:** the machine was loaded when this ran (load average $LOAD_START at start on $CORES cores): other"
    echo "> processes took CPU from the server and the client, so requests/s are low and CPU times high. Re-run on a quiet machine."
    echo
  fi
  [ -n "$NOTE" ] && { echo "> $NOTE"; echo; }
  echo "Command: \`benchmarks/http-bench.sh\` (DURATION=$DURATION WARMUP=$WARMUP QUERIES=$QUERIES LEVELS=\"$LEVELS\"), commit \`$COMMIT\`, $(date -u +%Y-%m-%d)."
  echo
  echo "- Server: \`src/Screening.Server\` in Release, one instance on 127.0.0.1, list \`ofac-sdn\` (the full OFAC SDN legacy CSV set),"
  echo "  configuration as shipped (appsettings.json: metrics on, no API key)."
  echo "- Client: wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), one thread, keep-alive connections, with \`benchmarks/http/screen.lua\`: $QUERIES request bodies of the"
  echo "  benchmarks' query mix (exact, alias, one and two typos, Cyrillic, China/Hong Kong, legal-form swaps, unlisted; benchmarks/README.md),"
  echo "  formatted once, sent in a fixed cycle. wrk was chosen over \`Screening.LoadTest\` because its CPU per request is a fraction of"
  echo "  the .NET client's, and client and server share the same cores."
  echo "- Machine: $CORES cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), .NET $(dotnet --list-runtimes | grep -m1 NETCore.App | awk '{print $2}'), $(uname -sr)."
  echo "- Load average (1, 5, 15 min): $LOAD_START at start, $LOAD_END at end (the end includes this benchmark's own load)."
  echo "- Warm-up: ${WARMUP} s at concurrency 16, then 5 s at each level before its ${DURATION} s measured run."
  echo
  echo "| concurrency | requests | requests/s | p50 ms | p90 ms | p99 ms | errors | server CPU µs/request | client CPU µs/request | both, share of $CORES cores |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf "%s" "$ROWS"
  echo
  echo "Server CPU per request is the server process's user + system time (\`/proc/PID/stat\`, clock ticks of $((1000 / TICK)) ms) over the"
  echo "measured run divided by the requests wrk completed; it includes the kernel's TCP work on the server's side. The"
  echo "last column is the share of the machine's CPU time that server and client used: below 100%, other processes had"
  echo "the rest. The library alone (\`Screening.LoadTest --library-cost\`, same queries, one thread, no HTTP):"
  echo
  echo "    $LIBRARY"
  if [ -n "$METRICS_TABLE" ]; then
    echo
    echo "## Cost of the Prometheus exporter"
    echo
    echo "The same build started twice, with and without \`/metrics\` (OpenTelemetry's exporter listening to the library's, ASP.NET Core's"
    echo "and Kestrel's meters), measured in alternating ${DURATION} s runs at concurrency 16:"
    echo
    echo "$METRICS_TABLE"
  fi
} >"$OUT"
echo "== written $OUT"
