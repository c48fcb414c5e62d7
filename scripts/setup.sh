#!/usr/bin/env bash
# Installs what Lienthong needs to build and test on a fresh Debian machine. Idempotent: it only
# installs what is missing, so it is cheap to run before every build.
set -euo pipefail

need_apt=()
for pkg in libssl-dev zlib1g-dev libsqlite3-dev sqlite3 pkg-config gzip openssl; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$pkg")
done
if ! command -v python3 >/dev/null 2>&1; then need_apt+=(python3 python3-pip); fi
# The PostgreSQL store's tests run against a throwaway cluster (scripts/with-postgres.sh).
if [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then need_apt+=(postgresql-15); fi
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "setup: installing ${need_apt[*]}"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# Python is the independent checker in the tests (JOSE interoperability, gzip, JSON Schema).
if ! python3 -c 'import joserfc, cryptography, jsonschema' >/dev/null 2>&1; then
    echo "setup: installing the Python test checkers (joserfc, cryptography, jsonschema)"
    python3 -m pip install -q joserfc cryptography jsonschema \
        || python3 -m pip install -q --break-system-packages joserfc cryptography jsonschema
fi

if ! command -v swift >/dev/null 2>&1; then
    echo "setup: the Swift toolchain (6.x) is not on PATH; install it from swift.org and retry" >&2
    exit 1
fi
