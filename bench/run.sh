#!/usr/bin/env bash
# Benchmark: generate N invented cases, then time each command against two floors: the
# event-parser floor (the YAML event parser alone over every file: what reading YAML
# costs at the parser's speed) and the parse-only floor (the loader reading every file
# into the model, nothing else).
#   bench/run.sh                  # 10,000 and 100,000 cases
#   bench/run.sh 20000            # one size
#   bench/run.sh --messy 10000    # a findings-heavy caseload (gen_cases --messy)
# Each report is run in a machine format and as a table (a table's rows were once held
# whole to size its columns: peak RSS is the column to watch).
# Columns: /events = time over the event-parser floor; /floor = over the parse-only
# floor; /check = over check; 1j/2j = how much faster two threads are than one.
# agenda looks 60 days ahead: the generated cases keep the sample's dates, whose reviews and
# hearings fall 30 to 90 days after 2026-11-24, so 12% of cases get an agenda.
# Prints, per command and thread count: wall seconds, CPU seconds (user + system: what
# to compare when the machine is shared and wall time is noisy), cases per second, peak
# RSS (MB, from /usr/bin/time), and the ratio to the floor at the same thread count.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=()
if [ "${1:-}" = --messy ]; then mode=(--messy); shift; fi
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
as_of=2026-11-24
cargo build --release --quiet --bin cplan --example gen_cases --example parse_floor --example event_floor
bin=target/release/cplan
floor=target/release/examples/parse_floor
events=target/release/examples/event_floor
command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

# One line: name, cases, threads, seconds, peak KB, the two floors' and check's seconds
# at the same thread count; the last column is the speed-up of two threads over one.
row() {
  local name=$1 n=$2 j=$3 s=$4 kb=$5 cpu=$6 events_s=$7 floor_s=$8 check_s=$9 speedup="-"
  if [ "$j" = 1 ]; then one_thread["$name/$n"]=$s; else
    speedup=$(printf "%.2f" "$(echo "${one_thread["$name/$n"]} / $s" | bc -l)"); fi
  printf "%-24s %7d %2d %8.2f %8.2f %8.0f %7.1f %7.2f %6.2f %6.2f %6s\n" "$name" "$n" "$j" "$s" "$cpu" \
    "$(echo "$n / $s" | bc -l)" "$(echo "$kb / 1024" | bc -l)" "$(echo "$s / $events_s" | bc -l)" \
    "$(echo "$s / $floor_s" | bc -l)" "$(echo "$s / $check_s" | bc -l)" "$speedup"
}

report=$(mktemp); trap 'rm -f "$report"' EXIT
measure() { # prints "seconds peak_kb cpu_seconds" for the command given; its output is discarded
  /usr/bin/time -f "%e %M %U %S" -o "$report" "$@" > /dev/null 2>&1 || true
  tail -1 "$report" | awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }'
}

printf "%-24s %7s %2s %8s %8s %8s %7s %7s %6s %6s %6s\n" command cases -j seconds "CPU s" cases/s "RSS MB" /events /floor /check "1j/2j"
declare -A one_thread
for n in "${sizes[@]}"; do
  dir=target/bench/${mode:+messy-}$n
  if [ ! -d "$dir" ]; then
    target/release/examples/gen_cases "$n" --out "$dir" --seed 1 "${mode[@]}" > /dev/null
  fi
  # Untimed: reads every file once, so the first timed command does not pay for disk
  # reads the others are spared (the page cache).
  "$floor" "$dir" > /dev/null
  for j in 1 2; do
    read -r events_s events_kb cpu < <(measure "$events" "$dir" -j "$j")
    row "event-parser floor" "$n" "$j" "$events_s" "$events_kb" "$cpu" "$events_s" "$events_s" "$events_s"
    read -r floor_s floor_kb cpu < <(measure "$floor" "$dir" -j "$j")
    row "parse-only floor" "$n" "$j" "$floor_s" "$floor_kb" "$cpu" "$events_s" "$floor_s" "$floor_s"
    check_s=$floor_s
    for cmd in "check --format concise" "status --format csv" "status --format table" "deadlines --format csv" \
      "deadlines --format table" "agenda --due-within 60d --format json"; do
      read -r s kb cpu < <(measure $bin --as-of "$as_of" -j "$j" $cmd "$dir")
      [ "${cmd%% *}" = check ] && check_s=$s
      name=${cmd/ --format/}
      row "${name/--due-within /}" "$n" "$j" "$s" "$kb" "$cpu" "$events_s" "$floor_s" "$check_s"
    done
  done
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); load: $(cut -d' ' -f1-3 /proc/loadavg)"
