#!/usr/bin/env bash
# The run command: set up a fresh machine, build the gateway in release mode and run it.
# With no arguments it runs `lienthong demo`: the four mock national systems, a ministry gateway
# and a province gateway on loopback, with a development PKI and configs in ./lienthong-demo.
# Pass a subcommand to run that instead (e.g. `scripts/run.sh serve --config deploy/province.yaml`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product lienthong
if [ $# -eq 0 ]; then set -- demo; fi
exec .build/release/lienthong "$@"
