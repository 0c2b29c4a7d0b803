#!/usr/bin/env bash
# How long `cplan server` takes from a change to its diagnostics (a 500-line case, one
# character typed a change, release build): examples/server_latency.rs.
#   scripts/bench-server.sh          # 100 changes
#   scripts/bench-server.sh 300      # more
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin cplan --example server_latency
target/release/examples/server_latency target/release/cplan "${1:-100}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
