#!/usr/bin/env bash
# Synchronous exchanges client → province gateway → ministry gateway → mock national system at
# rising concurrency, measured in one run beside two baselines under the same load:
#   - straight to the mock (what the national system alone costs here), and
#   - through a plain two-hop nginx chain (proxy_pass to proxy_pass to the mock; no TLS, no checks),
#     the floor of what any two proxies cost on this machine.
# The exchange is business.enterprise.lookup/v1 (an ~0.8 KB answer): authenticated, validated,
# signed, gzip-checked, sent over mTLS, verified, audited (SQLite, fsync) on both gateways.
# Then the latency the gateways add at fixed rates (h2load --rps, open loop per connection): p50 and
# p99 through both gateways against straight to the mock at the same rate.
# Figures are printed, never asserted. Needs wrk, nginx and h2load
# (apt-get install wrk nginx-light nghttp2-client).
#
# Usage: Benchmarks/exchange/run.sh
#   env: LIENTHONG, BASE_PORT, DURATION, CONNECTIONS, RATES ("500 1000"), RATE_CONNECTIONS (8),
#        DEMO_FLAGS (e.g. --outbound-http1)
set -euo pipefail
cd "$(dirname "$0")/../.."
lienthong=${LIENTHONG:-.build/release/lienthong}
base=${BASE_PORT:-28000}
duration=${DURATION:-10s}
connections=${CONNECTIONS:-"1 8 32 64"}
rates=${RATES:-"500 1000"}
rate_connections=${RATE_CONNECTIONS:-8}
for tool in wrk nginx h2load "$lienthong"; do
    command -v "$tool" >/dev/null 2>&1 || { echo "missing $tool (apt-get install wrk nginx-light nghttp2-client; swift build -c release)" >&2; exit 1; }
done

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

"$lienthong" demo --base-port "$base" --data "$work/demo" ${DEMO_FLAGS:-} >"$work/demo.out" 2>"$work/demo.err" &
pids+=($!)
for _ in $(seq 1 120); do grep -q '^api-key:' "$work/demo.out" 2>/dev/null && break; sleep 0.5; done
grep -q '^api-key:' "$work/demo.out" || { echo "the demo did not start:" >&2; cat "$work/demo.err" >&2; exit 1; }
key=$(sed -n 's/^api-key: //p' "$work/demo.out")
enterprise=$(sed -n 's/^enterprise: //p' "$work/demo.out")
mock="127.0.0.1:$((base + 12))"   # the NGSP business registry mock (demo layout: N+12)

# Two-hop nginx chain: :N+20 → :N+21 → mock.
mkdir -p "$work/nginx/logs"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
error_log $work/nginx/logs/error.log;
pid $work/nginx/nginx.pid;
events { worker_connections 4096; }
http {
    access_log off;
    upstream hop2 { server 127.0.0.1:$((base + 21)); keepalive 64; }
    upstream mock { server $mock; keepalive 64; }
    server { listen 127.0.0.1:$((base + 20)); location / { proxy_pass http://hop2; proxy_http_version 1.1; proxy_set_header Connection ""; } }
    server { listen 127.0.0.1:$((base + 21)); location / { proxy_pass http://mock; proxy_http_version 1.1; proxy_set_header Connection ""; } }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
sleep 1

cat >"$work/gateway.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"ENTERPRISE_GDT_CODE":"$enterprise"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $key"
LUA
cat >"$work/mock.lua" <<LUA
wrk.headers["Authorization"] = "Bearer ngsp-dev-token"
LUA

# run NAME URL SCRIPT CONNECTIONS → "requests/s p50 p99 non2xx"
run() {
    local threads=$(( $4 < 2 ? 1 : 2 ))
    wrk -t"$threads" -c"$4" -d"$duration" --latency -s "$3" "$2" >"$work/wrk.txt" 2>&1 || true
    local rate p50 p99 errors
    rate=$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
    errors=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$work/wrk.txt")
    echo "${rate:-0} ${p50:-?} ${p99:-?} ${errors:-0}"
}

gateway_url="http://127.0.0.1:$base/v1/services/business.enterprise.lookup/v1"
mock_url="http://$mock/ngsp/api/v1/enterprises/$enterprise"
nginx_url="http://127.0.0.1:$((base + 20))/ngsp/api/v1/enterprises/$enterprise"

echo "exchange benchmark: $duration per point, wrk $(wrk --version 2>&1 | head -1 | awk '{print $2}'), $(nproc) cores shared by wrk, both gateways, nginx and the mock"
printf '%-6s %-34s %-34s %-34s %s\n' "conns" "two gateways: req/s p50 p99" "straight to mock: req/s p50 p99" "nginx 2-hop: req/s p50 p99" "gw/nginx"
for c in $connections; do
    read -r g_rate g_p50 g_p99 g_err < <(run gateway "$gateway_url" "$work/gateway.lua" "$c")
    read -r m_rate m_p50 m_p99 _ < <(run mock "$mock_url" "$work/mock.lua" "$c")
    read -r n_rate n_p50 n_p99 _ < <(run nginx "$nginx_url" "$work/mock.lua" "$c")
    ratio=$(awk -v g="$g_rate" -v n="$n_rate" 'BEGIN { if (n > 0) printf "%.2f", g / n; else print "n/a" }')
    printf '%-6s %-34s %-34s %-34s %s\n' "$c" "$g_rate $g_p50 $g_p99" "$m_rate $m_p50 $m_p99" "$n_rate $n_p50 $n_p99" "$ratio"
    [ "${g_err:-0}" = "0" ] || echo "       ($g_err gateway answers were not 2xx)"
done

# rate URL RATE [ARG...] → "p50 p99 answered ok" from h2load's per-request logs (microseconds).
# One h2load process per connection, each sending RATE/connections requests per second and started
# a moment after the previous one: h2load's clients in one process fire on the same tick, which
# would offer the load in bursts of $rate_connections requests rather than spread over time.
rate() {
    local url=$1 total=$2
    shift 2
    local seconds=${duration%s} h2pids=() i
    rm -f "$work"/h2load-*.log
    for i in $(seq 1 "$rate_connections"); do
        h2load --h1 -c 1 --rps $(( total / rate_connections )) -D "$seconds" "$@" \
            --log-file "$work/h2load-$i.log" "$url" >"$work/h2load-$i.txt" 2>&1 &
        h2pids+=($!)
        sleep "$(awk -v n="$total" 'BEGIN { printf "%.4f", 1 / n }')"
    done
    wait "${h2pids[@]}" 2>/dev/null || true
    cat "$work"/h2load-*.log | sort -n -k3 | awk '
        { t[NR] = $3; if ($2 ~ /^2/) ok++ }
        END { if (NR == 0) { print "? ? 0 0"; exit }
              printf "%.2fms %.2fms %d %d\n", t[int(NR * 0.5) + 1] / 1000, t[int(NR * 0.99) + 1] / 1000, NR, ok }'
}

printf '{"ENTERPRISE_GDT_CODE":"%s"}' "$enterprise" >"$work/body.json"
echo
echo "added latency at fixed rates: $rate_connections h2load --rps processes of one connection each, $duration per point"
printf '%-8s %-30s %-30s %s\n' "rate/s" "two gateways: p50 p99 (ok/n)" "straight to mock: p50 p99" "added p50 p99"
for r in $rates; do
    read -r g50 g99 gn gok < <(rate "$gateway_url" "$r" -d "$work/body.json" -H "Content-Type: application/json" -H "Authorization: Bearer $key")
    read -r m50 m99 _ _ < <(rate "$mock_url" "$r" -H "Authorization: Bearer ngsp-dev-token")
    added=$(awk -v g50="${g50%ms}" -v g99="${g99%ms}" -v m50="${m50%ms}" -v m99="${m99%ms}" \
        'BEGIN { printf "%.2fms %.2fms", g50 - m50, g99 - m99 }')
    printf '%-8s %-30s %-30s %s\n' "$r" "$g50 $g99 ($gok/$gn)" "$m50 $m99" "$added"
done
