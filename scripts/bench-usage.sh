#!/usr/bin/env bash
# Benchmark of `paretoroute usage` against DuckDB on the same request logs (never run by the
# tests). Writes N lines of A9 logs with paretoroute-synth (default 10 M: 30 days of the default
# data at scale 0.69), then times, as whole processes, RUNS runs (default 1) of each, in turn:
#   paretoroute usage LOG --json            (peak memory from /usr/bin/time)
#   DuckDB's read_json with the same GROUP BY (intent, model: requests, hits, tokens, cost)
# DuckDB 2.0 comes from PyPI into a virtual environment (BenchData/duckdb-venv).
# Usage: scripts/bench-usage.sh [SCALE] [RUNS]   (from the repository root; needs ~4 GB of disk)
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-0.69}
runs=${2:-1}
mkdir -p BenchData
log=BenchData/usage-$scale.jsonl
swift build -c release --product paretoroute > /dev/null
swift build -c release --product paretoroute-synth > /dev/null
[ -s "$log" ] || .build/release/paretoroute-synth logs --out "$log" --days 30 --scale "$scale" --seed 1
venv=BenchData/duckdb-venv
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv"; "$venv/bin/pip" install -q duckdb==2.0.0; }
echo "machine: $(nproc) cores; log: $(wc -l < "$log") lines, $(du -h "$log" | cut -f1)"
cat "$log" > /dev/null   # warm the page cache for both
cat > BenchData/usage.sql.py <<PY
import duckdb, sys
con = duckdb.connect()
rows = con.execute("""
  SELECT intent, model_id, count(*) AS requests, sum(CASE WHEN cache_hit THEN 1 ELSE 0 END) AS cache_hits,
         sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens, sum(total_cost_usd) AS cost_usd
  FROM read_json('$log', format = 'newline_delimited')
  GROUP BY intent, model_id ORDER BY cost_usd DESC""").fetchall()
for row in rows: print(*row, sep="\t")
PY
for run in $(seq "$runs"); do
  /usr/bin/time -f "run $run paretoroute usage: %e s wall, %U s user, %S s system, %M KB peak" \
    .build/release/paretoroute usage "$log" --json > BenchData/usage.json
  /usr/bin/time -f "run $run duckdb read_json GROUP BY: %e s wall, %U s user, %S s system, %M KB peak" \
    "$venv/bin/python" BenchData/usage.sql.py > BenchData/duckdb.tsv
done
head -3 BenchData/duckdb.tsv
