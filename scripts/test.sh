#!/usr/bin/env bash
# The test command: set up a fresh machine, then build and run every test, the PostgreSQL store's
# included, against a throwaway PostgreSQL 15 cluster started (and removed) by with-postgres.sh.
#
# A watchdog guards the run: the whole suite takes about 4 minutes here, and some runs used to hang
# with every thread idle (a PostgreSQL store call that waited for a cancelled lease; see
# docs/DESIGN.md). After
# LIENTHONG_TEST_HANG_SECONDS (1200) it prints every thread's stack (with gdb, when installed),
# stops the test process and runs the suite once more, saying so; a second hang fails. A failed
# run ends with its failures repeated, since CI shows only the end of the output.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests

hang_seconds=${LIENTHONG_TEST_HANG_SECONDS:-1200}
test_binary_pattern='\.build/.*/LienthongPackageTests\.xctest'

# Prints the stacks of the test process and stops it (the swift test above it then fails).
stop_hung_tests() {
    local pid
    pid=$(pgrep -f "$test_binary_pattern" | head -1 || true)
    echo "test.sh: the tests are still running after $hang_seconds seconds: stopping them (pid ${pid:-none})" >&2
    [ -n "$pid" ] || return 0
    if command -v gdb >/dev/null 2>&1; then
        gdb -p "$pid" -batch -ex 'thread apply all bt 30' >&2 2>/dev/null || true
    fi
    # The gateways and mocks the tests started would outlive it: stop them too.
    local family
    family="$pid $(descendants "$pid")"
    kill -TERM $family 2>/dev/null || true
    sleep 10
    kill -KILL $family 2>/dev/null || true
}

descendants() {
    local child
    for child in $(pgrep -P "$1" || true); do
        echo "$child"
        descendants "$child"
    done
}

# Runs the suite under the watchdog; exits 124 when the watchdog had to stop it.
run_suite() {
    local marker
    marker=$(mktemp)
    rm -f "$marker"
    # The sleep holds no inherited descriptor: killed with its subshell or not, it cannot keep the
    # caller's pipes open.
    ( sleep "$hang_seconds" </dev/null >/dev/null 2>&1; touch "$marker"; stop_hung_tests ) &
    local watchdog=$!
    local status=0
    bash scripts/with-postgres.sh swift test --skip-build "$@" 2>&1 | tee "$output" || status=$?
    pkill -P "$watchdog" 2>/dev/null || true
    kill "$watchdog" 2>/dev/null || true
    wait "$watchdog" 2>/dev/null || true
    if [ -e "$marker" ]; then
        rm -f "$marker"
        return 124
    fi
    return "$status"
}

# The failures of a run, repeated at its end: CI shows only the last lines of a long output.
summarise_failures() {
    grep -q "✘" "$output" || return 0
    echo "test.sh: what failed (the full output is above):"
    grep -E -A6 "✘ Test .* recorded an issue" "$output" | head -60
    grep -E "^✘ (Test|Suite) " "$output" | grep -v "recorded an issue" | tail -15
}

output=$(mktemp)
trap 'rm -f "$output"' EXIT
status=0
run_suite "$@" || status=$?
if [ "$status" -eq 124 ]; then
    echo "test.sh: the test run hung and was stopped; running the whole suite once more" >&2
    status=0
    run_suite "$@" || status=$?
fi
[ "$status" -eq 0 ] || summarise_failures
exit "$status"
