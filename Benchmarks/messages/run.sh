#!/usr/bin/env bash
# Asynchronous messages through `lienthong demo`: wrk posts business.enterprise.lookup/v1 messages
# to the province's POST /v1/messages (each answered 202 only once it is in the SQLite outbox, fsync
# on), then the script waits until the delivery workers have delivered the backlog to the ministry
# gateway (mTLS, signed receipt per message, inbox, adapter). Prints accepted/s and delivered/s;
# asserts nothing. Needs wrk (apt-get install wrk) and a release build.
#
# Then, when SUSTAINED_RATES is set (e.g. "600 800 1000"; needs h2load from nghttp2-client), each
# rate is offered for SUSTAINED_SECONDS (20) with h2load --rps: does delivery keep up, i.e. is the
# backlog at the end small and does it drain at once?
#
# Usage: Benchmarks/messages/run.sh
#   env: LIENTHONG, BASE_PORT, DURATION, CONNECTIONS, DEMO_FLAGS, SUSTAINED_RATES, SUSTAINED_SECONDS
set -euo pipefail
cd "$(dirname "$0")/../.."
lienthong=${LIENTHONG:-.build/release/lienthong}
base=${BASE_PORT:-29000}
duration=${DURATION:-5s}
connections=${CONNECTIONS:-64}
for tool in wrk "$lienthong"; do
    command -v "$tool" >/dev/null 2>&1 || { echo "missing $tool (apt-get install wrk; swift build -c release)" >&2; exit 1; }
done

work=$(mktemp -d)
demo_pid=
cleanup() {
    [ -n "$demo_pid" ] && kill -TERM "$demo_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

"$lienthong" demo --base-port "$base" --data "$work/demo" ${DEMO_FLAGS:-} >"$work/demo.out" 2>"$work/demo.err" &
demo_pid=$!
for _ in $(seq 1 120); do grep -q '^api-key:' "$work/demo.out" 2>/dev/null && break; sleep 0.5; done
grep -q '^api-key:' "$work/demo.out" || { echo "the demo did not start:" >&2; cat "$work/demo.err" >&2; exit 1; }
key=$(sed -n 's/^api-key: //p' "$work/demo.out")
enterprise=$(sed -n 's/^enterprise: //p' "$work/demo.out")

cat >"$work/submit.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"service":"business.enterprise.lookup/v1","payload":{"ENTERPRISE_GDT_CODE":"$enterprise"}}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $key"
LUA

# "accepted N, sending N, delivered N, dead N" from the province's outbox.
counts() { "$lienthong" messages list --data "$work/demo/province-data" --limit 1 | tail -1; }
number() { sed -n "s/.*$1 \([0-9]*\).*/\1/p"; }

start=$(date +%s.%N)
wrk -t2 -c"$connections" -d"$duration" --latency -s "$work/submit.lua" "http://127.0.0.1:$base/v1/messages" >"$work/wrk.txt" 2>&1 || true
rate=$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.txt")
p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
errors=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$work/wrk.txt")
echo "accepted: ${rate:-0} messages/s (202), p50 ${p50:-?}, p99 ${p99:-?}, ${errors:-0} not 2xx; $connections connections for $duration"

for _ in $(seq 1 600); do
    line=$(counts)
    waiting=$(( $(echo "$line" | number accepted) + $(echo "$line" | number sending) ))
    [ "$waiting" -eq 0 ] && break
    sleep 0.5
done
end=$(date +%s.%N)
line=$(counts)
delivered=$(echo "$line" | number delivered)
awk -v n="$delivered" -v s="$start" -v e="$end" \
    'BEGIN { printf "delivered: %d messages in %.1f s from the first submission: %.0f messages/s end to end\n", n, e - s, n / (e - s) }'
echo "outbox: $line"

# Offered rates: delivery keeps up when the backlog stays small while the rate is offered.
sustained_seconds=${SUSTAINED_SECONDS:-20}
if [ -n "${SUSTAINED_RATES:-}" ]; then
    command -v h2load >/dev/null 2>&1 || { echo "missing h2load (apt-get install nghttp2-client)" >&2; exit 1; }
    printf '{"service":"business.enterprise.lookup/v1","payload":{"ENTERPRISE_GDT_CODE":"%s"}}' "$enterprise" >"$work/message.json"
    echo
    echo "offered rates for ${sustained_seconds} s each (h2load --rps over 16 connections):"
    for offered in $SUSTAINED_RATES; do
        before=$(counts | number delivered)
        t0=$(date +%s.%N)
        h2load --h1 -c 16 --rps $(( offered / 16 )) -D "$sustained_seconds" -d "$work/message.json" \
            -H "Content-Type: application/json" -H "Authorization: Bearer $key" \
            "http://127.0.0.1:$base/v1/messages" >"$work/h2load.txt" 2>&1 || true
        t1=$(date +%s.%N)
        line=$(counts)
        backlog=$(( $(echo "$line" | number accepted) + $(echo "$line" | number sending) ))
        delivered_during=$(( $(echo "$line" | number delivered) - before ))
        accepted=$(awk '/^status codes:/ {print $3}' "$work/h2load.txt")
        for _ in $(seq 1 600); do
            line=$(counts)
            [ $(( $(echo "$line" | number accepted) + $(echo "$line" | number sending) )) -eq 0 ] && break
            sleep 0.5
        done
        t2=$(date +%s.%N)
        awk -v r="$offered" -v a="${accepted:-0}" -v d="$delivered_during" -v b="$backlog" -v t0="$t0" -v t1="$t1" -v t2="$t2" \
            'BEGIN { printf "offered %5d/s: accepted %d (%.0f/s), delivered %d while offered (%.0f/s), backlog at the end %d, drained %.1f s later\n",
                     r, a, a / (t1 - t0), d, d / (t1 - t0), b, t2 - t1 }'
    done
fi
