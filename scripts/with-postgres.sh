#!/usr/bin/env bash
# Runs CMD… with a throwaway PostgreSQL 15 cluster: initdb + pg_ctl in a temporary directory, on a
# free port on 127.0.0.1, as an unprivileged user (initdb refuses root). Exports
# LIENTHONG_TEST_POSTGRES_URL (and LIENTHONG_TEST_POSTGRES_CA, the server's self-signed TLS
# certificate) for the PostgreSQL store tests, runs CMD, and always stops and
# deletes the cluster afterwards (also when CMD fails or the script is interrupted).
#
#   scripts/with-postgres.sh swift test --filter Postgres
set -euo pipefail

if [ $# -eq 0 ]; then
    echo "usage: scripts/with-postgres.sh CMD [ARG...]" >&2
    exit 2
fi

PG_BIN="${LIENTHONG_POSTGRES_BIN:-/usr/lib/postgresql/15/bin}"
if [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pg_ctl" ]; then
    echo "with-postgres: no PostgreSQL 15 in $PG_BIN (run scripts/setup.sh, which installs postgresql-15)" >&2
    exit 1
fi

# The user the cluster runs as: the caller when unprivileged, else the `postgres` system user.
if [ "$(id -u)" -eq 0 ]; then
    RUN_AS="${LIENTHONG_POSTGRES_USER:-postgres}"
    if ! id "$RUN_AS" >/dev/null 2>&1; then
        useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin "$RUN_AS"
    fi
    as_owner() { runuser -u "$RUN_AS" -- "$@"; }
else
    RUN_AS="$(id -un)"
    as_owner() { "$@"; }
fi

# Under /tmp whatever TMPDIR says: the cluster's user must reach it, and the server's Unix socket
# path in it must stay short (the kernel allows about 100 bytes).
CLUSTER_DIR="$(mktemp -d /tmp/lienthong-pg.XXXXXX)"
chmod 755 "$CLUSTER_DIR"
if [ "$(id -u)" -eq 0 ]; then chown "$RUN_AS" "$CLUSTER_DIR"; fi
DATA="$CLUSTER_DIR/data"
LOG="$CLUSTER_DIR/server.log"

CHILD=""
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    # Interrupted while CMD runs: stop it first, so it does not outlive the cluster.
    if [ -n "$CHILD" ] && kill -0 "$CHILD" 2>/dev/null; then
        kill -TERM "$CHILD" 2>/dev/null || true
        wait "$CHILD" 2>/dev/null || true
    fi
    if [ -f "$DATA/postmaster.pid" ]; then
        as_owner "$PG_BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$CLUSTER_DIR"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

PASSWORD="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
printf '%s\n' "$PASSWORD" > "$CLUSTER_DIR/password"
if [ "$(id -u)" -eq 0 ]; then chown "$RUN_AS" "$CLUSTER_DIR/password"; fi

# A server certificate for 127.0.0.1, so the tests can check sslmode=verify-full for real; the
# URL the tests get uses sslmode=disable, TLS tests ask for it explicitly.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1" -keyout "$CLUSTER_DIR/server.key" -out "$CLUSTER_DIR/server.crt" \
    >"$CLUSTER_DIR/openssl.log" 2>&1 || { cat "$CLUSTER_DIR/openssl.log" >&2; exit 1; }
chmod 600 "$CLUSTER_DIR/server.key"
if [ "$(id -u)" -eq 0 ]; then chown "$RUN_AS" "$CLUSTER_DIR/server.key" "$CLUSTER_DIR/server.crt"; fi

as_owner "$PG_BIN/initdb" -D "$DATA" -U lienthong --pwfile="$CLUSTER_DIR/password" -A scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$CLUSTER_DIR/initdb.log" 2>&1 \
    || { cat "$CLUSTER_DIR/initdb.log" >&2; exit 1; }
# Loopback only; the socket in the cluster directory, so nothing outside it is touched. A free
# port: ask the kernel for one, then let the server take it; if something else took it in
# between, try another.
started=""
for attempt in 1 2 3 4 5; do
    PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
    if as_owner "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
        -o "-h 127.0.0.1 -p $PORT -k $CLUSTER_DIR -c max_connections=200 -c fsync=on -c ssl=on \
            -c ssl_cert_file=$CLUSTER_DIR/server.crt -c ssl_key_file=$CLUSTER_DIR/server.key" start >/dev/null; then
        started=yes
        break
    fi
done
if [ -z "$started" ]; then
    cat "$LOG" >&2
    exit 1
fi

export LIENTHONG_TEST_POSTGRES_URL="postgres://lienthong:$PASSWORD@127.0.0.1:$PORT/postgres?sslmode=disable"
# The CA (the self-signed server certificate itself) for sslmode=verify-full.
export LIENTHONG_TEST_POSTGRES_CA="$CLUSTER_DIR/server.crt"
echo "with-postgres: PostgreSQL 15 on 127.0.0.1:$PORT (cluster in $CLUSTER_DIR)" >&2
# CMD runs in the background and the script waits for it, so that a signal to this script is
# handled at once (bash defers traps while a foreground command runs).
set +e
"$@" &
CHILD=$!
wait "$CHILD"
status=$?
set -e
exit "$status"
