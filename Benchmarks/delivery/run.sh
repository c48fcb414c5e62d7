#!/usr/bin/env bash
# Asynchronous messaging, measured end to end with real processes: wrk posts 1 KB official
# documents (document.edoc.send/v1) to the province's POST /v1/messages for a fixed time; the
# province signs each, stores it in its outbox (fsync on) and answers 202; its delivery workers
# send it over mTLS to the ministry, which stores it in its inbox, answers a signed receipt and
# hands it to the document axis mock through the adapter. Printed, never asserted:
#   - accepted/s: 202 answers per second while wrk runs;
#   - delivered/s: documents at the axis divided by the time from wrk's start until the last
#     one arrived (delivery runs during and after the load);
#   - kilobytes each gateway wrote to storage per delivered document (write_bytes of /proc/PID/io:
#     SQLite's WAL, checkpoints and logs; not a PostgreSQL server's writes);
#   - the backlog drain: documents accepted while the ministry was stopped, then drained.
# For each store: SQLite (the default, in the data directory) and PostgreSQL (the province's
# outbox; the ministry keeps SQLite). PostgreSQL comes from LIENTHONG_TEST_POSTGRES_URL, or the
# script runs itself under scripts/with-postgres.sh. Needs wrk (apt-get install wrk).
#
# Usage: Benchmarks/delivery/run.sh   (env: LIENTHONG, BASE_PORT, DURATION, CONNECTIONS, STORES,
#        BACKLOG, OUTBOUND_HTTP2: false for HTTP/1.1 between the gateways, BATCH_SIZE: the province's
#        delivery.batchSize, 1 for one request per message)
set -euo pipefail
cd "$(dirname "$0")/../.."
lienthong=${LIENTHONG:-.build/release/lienthong}
base=${BASE_PORT:-29000}
duration=${DURATION:-10s}
connections=${CONNECTIONS:-32}
stores=${STORES:-"sqlite postgres"}
backlog=${BACKLOG:-5000}
for tool in wrk python3 curl "$lienthong"; do
    command -v "$tool" >/dev/null 2>&1 || { echo "missing $tool (apt-get install wrk; swift build -c release)" >&2; exit 1; }
done
if [[ " $stores " == *" postgres "* && -z "${LIENTHONG_TEST_POSTGRES_URL:-}" ]]; then
    exec scripts/with-postgres.sh "$0" "$@"
fi
lienthong=$(cd "$(dirname "$lienthong")" && pwd)/$(basename "$lienthong")

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# The PKI, as an operator makes it.
pki="$work/pki"
mkdir -p "$pki"
"$lienthong" keys generate --alg ES256 --out "$pki/ca-key.pem" >/dev/null
"$lienthong" keys ca --key "$pki/ca-key.pem" --name "Benchmark exchange CA" --out "$pki/ca.pem" >/dev/null
for who in g01:000.00.00.G01 h41:000.00.00.H41; do
    short=${who%%:*}; agency=${who#*:}
    "$lienthong" keys generate --alg ES256 --out "$pki/$short-key.pem" >/dev/null
    "$lienthong" keys csr --key "$pki/$short-key.pem" --agency "$agency" --name "$short" --ip 127.0.0.1 --out "$pki/$short.csr" >/dev/null
    "$lienthong" keys issue --ca-key "$pki/ca-key.pem" --ca-cert "$pki/ca.pem" --csr "$pki/$short.csr" --out "$pki/$short-chain.pem" >/dev/null
done
key=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
key_sha=$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)

# gateway_config AGENCY SHORT LOCAL EXCHANGE DATA EXTRA → YAML on stdout
gateway_config() {
    cat <<YAML
agency: $1
dataDirectory: "$5"
localAPI: {host: 127.0.0.1, port: $3}
exchange:
  host: 127.0.0.1
  port: $4
  certificateChain: "$pki/$2-chain.pem"
  privateKey: "$pki/$2-key.pem"
  trustedCAs: ["$pki/ca.pem"]
  outboundHTTP2: ${OUTBOUND_HTTP2:-true}
limits:
  maxBodyBytes: 4194304
  maxDecompressedBytes: 16777216
  replayWindowSeconds: 300
  requestTimeoutSeconds: 30
  upstreamTimeoutSeconds: 20
  compressionThresholdBytes: 8192
schemaDirectories: []
audit: {payloadRetention: metadata}
$6
YAML
}

# The 1 KB document: the schema's example with a DocumentId unique per request (wrk thread and
# counter), so the axis takes each as a new document.
python3 - "$work/post.lua" "$key" <<'PY'
import json, sys
example = json.load(open("schemas/document/edoc.send.request.v1.json"))["examples"][0]
example["MessageHeader"]["DocumentId"] = "@ID@"
example["MessageHeader"]["Code"] = {"CodeNumber": "@NUMBER@", "CodeNotation": "BENCH"}
body = json.dumps({"service": "document.edoc.send/v1", "payload": example}, ensure_ascii=False, separators=(",", ":"))
before, rest = body.split("@ID@")
middle, after = rest.split("@NUMBER@")
lua = f"""
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local counter = 0
local before = [==[{before}]==]
local middle = [==[{middle}]==]
local after = [==[{after}]==]
local run = tostring(os.time())
request = function()
  counter = counter + 1
  local id = "000.00.00.H41,2026/11/21," .. tid .. "-" .. counter .. "/BENCH-" .. run
  return wrk.format("POST", "/v1/messages", {{["Content-Type"] = "application/json", ["Authorization"] = "Bearer {sys.argv[2]}"}},
    before .. id .. middle .. counter .. after)
end
"""
# Long brackets keep the UTF-8 JSON as it is (LuaJIT knows no \\u escapes).
assert "]==]" not in body
open(sys.argv[1], "w").write(lua)
open(sys.argv[1] + ".sample.json", "w").write(before + "000.00.00.H41,2026/11/21,0/BENCH-SMOKE" + middle + "0" + after)
PY
payload_bytes=$(python3 -c 'import json; print(len(json.dumps(json.load(open("schemas/document/edoc.send.request.v1.json"))["examples"][0], ensure_ascii=False).encode()))')

wait_http() { # URL
    for _ in $(seq 1 600); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.2; done
    echo "$1 did not answer; the ends of the logs:" >&2
    tail -n 5 "$work"/*.log >&2 || true
    return 1
}
axis_count() { # the documents the axis took
    curl -fsS "http://127.0.0.1:$axis_port/_mock/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["requests"].get("edoc.send", 0))'
}
now() { date +%s.%N; }
cpu() { # PID → CPU seconds (user + system) it has used so far
    awk -v tck="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / tck }' "/proc/$1/stat" 2>/dev/null || echo "?"
}
written() { # PID DOCUMENTS → kilobytes the process had written to storage so far, per document
    awk -v n="$2" '/^write_bytes:/ { printf "%.1f", $2 / 1024 / (n > 0 ? n : 1) }' "/proc/$1/io" 2>/dev/null || echo "?"
}

start_gateway() { # NAME CONFIG → pid in last_pid
    "$lienthong" serve --config "$2" --log-level error >>"$work/$1.log" 2>&1 &
    last_pid=$!
    pids+=("$last_pid")
}

echo "delivery benchmark: batches of up to ${BATCH_SIZE:-16}, $duration of wrk -c$connections per store, ${payload_bytes}-byte documents, $(nproc) cores shared by wrk, both gateways and the mock; backlog $backlog"
for store in $stores; do
    run="$work/$store"
    mkdir -p "$run"
    axis_port=$((base + 2))
    "$lienthong" mock document-axis --port "$axis_port" >"$run/mock.log" 2>&1 &
    mock_pid=$!; pids+=("$mock_pid")
    wait_http "http://127.0.0.1:$axis_port/_mock/stats"

    gateway_config 000.00.00.G01 g01 $((base + 10)) $((base + 11)) "$run/ministry-data" "
peers: {}
routes: {}
clients: {}
services:
  document.edoc.send/v1:
    adapter: document-axis
    settings: {baseURL: \"http://127.0.0.1:$axis_port\", token: \"dev-document-axis-token\"}
    allowedAgencies: all" >"$run/ministry.yaml"
    store_line=""
    if [ "$store" = postgres ]; then
        schema="bench_$(date +%s)"
        store_line="store: \"${LIENTHONG_TEST_POSTGRES_URL}$( [[ $LIENTHONG_TEST_POSTGRES_URL == *\?* ]] && echo '&' || echo '?' )schema=$schema\""
    fi
    gateway_config 000.00.00.H41 h41 $((base + 20)) $((base + 21)) "$run/province-data" "
peers:
  000.00.00.G01: [\"https://127.0.0.1:$((base + 11))\"]
routes:
  document.edoc.send/v1: 000.00.00.G01
clients:
  bench:
    apiKeySHA256: $key_sha
    services: [document.edoc.send/v1]
services: {}
delivery: {batchSize: ${BATCH_SIZE:-16}}
$store_line" >"$run/province.yaml"

    start_gateway "$store-ministry" "$run/ministry.yaml"; ministry_pid=$last_pid
    start_gateway "$store-province" "$run/province.yaml"; province_pid=$last_pid
    wait_http "http://127.0.0.1:$((base + 10))/health"
    wait_http "http://127.0.0.1:$((base + 20))/health"

    # One message first: a setup that refuses it would only measure refusals.
    smoke=$(curl -sS -o "$run/smoke.txt" -w '%{http_code}' -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
        --data-binary @"$work/post.lua.sample.json" "http://127.0.0.1:$((base + 20))/v1/messages")
    [ "$smoke" = 202 ] || { echo "$store: the province refused a message (HTTP $smoke): $(cat "$run/smoke.txt")" >&2; exit 1; }

    # 1. Accepted and delivered under load.
    t0=$(now)
    wrk -t2 -c"$connections" -d"$duration" --latency -s "$work/post.lua" "http://127.0.0.1:$((base + 20))/v1/messages" >"$run/wrk.txt" 2>&1 || true
    total=$(awk '/requests in/ {print $1}' "$run/wrk.txt")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$run/wrk.txt")
    accepted=$(( ${total:-0} - ${non2xx:-0} ))
    rate=$(awk '/^Requests\/sec:/ {print $2}' "$run/wrk.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$run/wrk.txt"); p99=$(awk '$1 == "99%" {print $2}' "$run/wrk.txt")
    last=-1; same=0; t_last=$(now)
    while :; do
        at=$(axis_count)
        if [ "$at" != "$last" ]; then last=$at; t_last=$(now); same=0; else same=$((same + 1)); fi
        [ "$at" -ge "$accepted" ] && break
        [ "$same" -ge 120 ] && { echo "  delivery stalled at $at of $accepted" >&2; break; }
        sleep 0.25
    done
    delivered_rate=$(awk -v n="$last" -v a="$t0" -v b="$t_last" 'BEGIN { printf "%.0f", n / (b - a) }')
    echo "$store: CPU used so far: province $(cpu "$province_pid") s, ministry $(cpu "$ministry_pid") s, axis mock $(cpu "$mock_pid") s"
    echo "$store: written to storage per delivered document: province $(written "$province_pid" "$last") KB, ministry $(written "$ministry_pid" "$last") KB"
    echo "$store: accepted $accepted in $duration ($rate/s, p50 $p50, p99 $p99, ${non2xx:-0} not 202); delivered $last to the axis in $(awk -v a="$t0" -v b="$t_last" 'BEGIN { printf "%.1f", b - a }') s from the start: $delivered_rate delivered/s"

    # 2. A backlog built while the ministry is stopped, drained once it returns.
    kill -TERM "$ministry_pid"; wait "$ministry_pid" 2>/dev/null || true
    before=$(axis_count)
    wrk -t2 -c"$connections" -d"600s" --latency -s "$work/post.lua" "http://127.0.0.1:$((base + 20))/v1/messages" >"$run/wrk-backlog.txt" 2>&1 &
    wrk_pid=$!
    # Let it accept about BACKLOG documents (from the rate measured above), then stop wrk.
    sleep "$(awk -v n="$backlog" -v r="${rate:-1000}" 'BEGIN { printf "%.1f", n / (r > 0 ? r : 1000) }')"
    kill -INT "$wrk_pid" 2>/dev/null || true; wait "$wrk_pid" 2>/dev/null || true
    queued=$(( $(awk '/requests in/ {print $1}' "$run/wrk-backlog.txt") - $(awk '/Non-2xx or 3xx responses:/ {print $5}' "$run/wrk-backlog.txt" | grep . || echo 0) ))
    echo "$store: with the ministry down, accepted $queued at $(awk '/^Requests\/sec:/ {print $2}' "$run/wrk-backlog.txt")/s (p50 $(awk '$1 == "50%" {print $2}' "$run/wrk-backlog.txt"), p99 $(awk '$1 == "99%" {print $2}' "$run/wrk-backlog.txt"))"
    start_gateway "$store-ministry" "$run/ministry.yaml"; ministry_pid=$last_pid
    wait_http "http://127.0.0.1:$((base + 10))/health"
    t1=$(now); target=$((before + queued)); last=-1; same=0; t_last=$t1
    while :; do
        at=$(axis_count)
        if [ "$at" != "$last" ]; then last=$at; t_last=$(now); same=0; else same=$((same + 1)); fi
        [ "$at" -ge "$target" ] && break
        [ "$same" -ge 120 ] && { echo "  drain stalled at $((at - before)) of $queued" >&2; break; }
        sleep 0.25
    done
    echo "$store: backlog of $queued drained in $(awk -v a="$t1" -v b="$t_last" 'BEGIN { printf "%.1f", b - a }') s after the ministry returned: $(awk -v n="$((last - before))" -v a="$t1" -v b="$t_last" 'BEGIN { printf "%.0f", n / (b - a) }') delivered/s"

    kill -TERM "$province_pid" "$ministry_pid" "$mock_pid" 2>/dev/null || true
    wait "$province_pid" "$ministry_pid" "$mock_pid" 2>/dev/null || true
done
