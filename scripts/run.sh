#!/usr/bin/env bash
# The run command: set up a fresh machine, build the gateway in release mode and run it.
# With no arguments it runs `lienthong --help`; pass a subcommand to run that instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product lienthong
if [ $# -eq 0 ]; then set -- --help; fi
exec .build/release/lienthong "$@"
