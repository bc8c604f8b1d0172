#!/usr/bin/env bash
# Whole-binary time of every command on the default data, this build against a baseline build
# (never run by the tests). Each command runs RUNS times (default 5), alternating the two binaries
# so that a busy machine slows both alike; the median wall time of each is printed.
# Usage: scripts/bench-commands.sh BASELINE_BINARY [RUNS]   (from the repository root)
# A baseline: git worktree add /tmp/base COMMIT && (cd /tmp/base && swift build -c release)
set -euo pipefail
cd "$(dirname "$0")/.."
baseline=$1
runs=${2:-5}
swift build -c release --product paretoroute > /dev/null
swift build -c release --product paretoroute-synth > /dev/null
new=.build/release/paretoroute
work=BenchData/commands
mkdir -p "$work"
config=GoldenData/production.json
$new exact --out "$work/front.json" > /dev/null
[ -s "$work/logs.jsonl" ] || .build/release/paretoroute-synth logs --out "$work/logs.jsonl" --days 2 --scale 0.05 --seed 1 > /dev/null
inspect=Tests/Fixtures/import/inspect/faq-haiku-t0.2-rag0.json
commands=(
  "validate"
  "evaluate $config"
  "optimize"
  "exact"
  "pick $work/front.json --knee"
  "check $config --front $work/front.json"
  "diff $work/front.json $work/front.json"
  "compare GoldenData GoldenData"
  "cells"
  "report $work/front.json --html $work/report.html"
  "import inspect $inspect --data $work/importdata"
  "project $config"
  "ladder --budget 60000"
  "usage $work/logs.jsonl"
  "calibrate $work/logs.jsonl --out $work/calibrated"
)
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each, median wall seconds"
printf '%-60s %9s %9s\n' command baseline new
for command in "${commands[@]}"; do
  base_times=() new_times=()
  for ((i = 0; i < runs; i++)); do
    for which in base new; do
      binary=$new; [ "$which" = base ] && binary=$baseline
      rm -rf "$work/calibrated" "$work/importdata"; cp -r GoldenData "$work/importdata"
      start=$(date +%s.%N)
      # shellcheck disable=SC2086
      $binary $command > /dev/null 2>&1 || true
      end=$(date +%s.%N)
      t=$(echo "$end - $start" | bc)
      if [ "$which" = base ]; then base_times+=("$t"); else new_times+=("$t"); fi
    done
  done
  b=$(printf '%s\n' "${base_times[@]}" | median)
  n=$(printf '%s\n' "${new_times[@]}" | median)
  printf '%-60s %9.3f %9.3f\n' "$command" "$b" "$n"
done
