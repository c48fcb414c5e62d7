#!/usr/bin/env bash
# The test command: set up a fresh machine, then build and run every test, the PostgreSQL store's
# included, against a throwaway PostgreSQL 15 cluster started (and removed) by with-postgres.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
exec bash scripts/with-postgres.sh swift test --skip-build "$@"
