#!/usr/bin/env bash
# Benchmark: generate N invented cases, then time each command against the parse-only
# floor (the same YAML library reading every file into the model, nothing else).
#   bench/run.sh              # 10,000 and 100,000 cases
#   bench/run.sh 20000        # one size
# Prints, per command and thread count: wall seconds, cases per second, peak RSS (MB,
# from /usr/bin/time), and the ratio to the floor at the same thread count.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
as_of=2026-11-24
cargo build --release --quiet --bin cplan --example gen_cases --example parse_floor
bin=target/release/cplan
floor=target/release/examples/parse_floor
command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

report=$(mktemp); trap 'rm -f "$report"' EXIT
measure() { # prints "seconds peak_kb" for the command given; its own output is discarded
  /usr/bin/time -f "%e %M" -o "$report" "$@" > /dev/null 2>&1 || true
  tail -1 "$report"
}

printf "%-28s %8s %3s %9s %10s %8s %7s\n" command cases -j seconds cases/s "RSS MB" "/floor"
for n in "${sizes[@]}"; do
  dir=target/bench/$n
  if [ ! -d "$dir" ]; then
    target/release/examples/gen_cases "$n" --out "$dir" --seed 1 > /dev/null
  fi
  for j in 1 2; do
    read -r floor_s floor_kb < <(measure "$floor" "$dir" -j "$j")
    printf "%-28s %8d %3d %9.2f %10.0f %8.1f %7s\n" "parse-only floor" "$n" "$j" "$floor_s" \
      "$(echo "$n / $floor_s" | bc -l)" "$(echo "$floor_kb / 1024" | bc -l)" "1.00"
    for cmd in "check --format concise" "status --format csv" "deadlines --format csv" "agenda --due-within 14d --format json"; do
      # agenda takes the folder after the flags; the others take it first.
      read -r s kb < <(measure $bin --as-of "$as_of" -j "$j" $cmd "$dir")
      printf "%-28s %8d %3d %9.2f %10.0f %8.1f %7.2f\n" "${cmd%% --format*}" "$n" "$j" "$s" \
        "$(echo "$n / $s" | bc -l)" "$(echo "$kb / 1024" | bc -l)" "$(echo "$s / $floor_s" | bc -l)"
    done
  done
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
