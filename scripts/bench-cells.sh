#!/usr/bin/env bash
# Benchmark of `paretoroute cells --csv` against DuckDB building the same cell table (never run by
# the tests). Data: the `benchmark` preset of paretoroute-synth (40 intents, 720,000 rows) and a 4x
# set built from it (each intent copied four times, renamed intent_01_r1 ... intent_40_r4, its
# rows in four blocks: 160 intents, 2,880,000 rows). Times, as whole processes, one run each:
#   paretoroute cells --data DIR --csv FILE
#   DuckDB: read_csv of the evals + GROUP BY intent, model, max_tokens, temperature, rag_chunks:
#           count, mean quality, mean input and output tokens, quantile_cont(latency_ms, 0.99),
#           written with COPY ... TO a CSV file
# DuckDB 2.0 comes from PyPI into a virtual environment (BenchData/duckdb-venv).
# Usage: scripts/bench-cells.sh [BASELINE_BINARY]   (from the repository root; ~250 MB of disk)
# With BASELINE_BINARY (a release `paretoroute` of another commit), its `cells` is timed too.
set -euo pipefail
cd "$(dirname "$0")/.."
baseline=${1:-}
mkdir -p BenchData
swift build -c release --product paretoroute > /dev/null
swift build -c release --product paretoroute-synth > /dev/null
one=BenchData/benchmark
four=BenchData/benchmark-4x
[ -s "$one/evals/0001-benchmark.csv" ] || .build/release/paretoroute-synth --preset benchmark --out "$one" > /dev/null
if [ ! -s "$four/evals/0001-benchmark.csv" ]; then
  mkdir -p "$four/evals"
  cp "$one/models.csv" "$four/"
  awk -F, 'NR == 1 { print; next } { for (k = 1; k <= 4; k++) { row = $0; sub(/^[^,]*/, $1 "_r" k, row); print row } }' \
    "$one/intents.csv" > "$four/intents.csv"
  src="$one/evals/0001-benchmark.csv"
  { head -1 "$src"; for k in 1 2 3 4; do
      awk -v k="$k" 'NR > 1 { i = index($0, ","); print substr($0, 1, i - 1) "_r" k substr($0, i) }' "$src"; done
  } > "$four/evals/0001-benchmark.csv"
fi
venv=BenchData/duckdb-venv
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv"; "$venv/bin/pip" install -q duckdb==2.0.0; }
cat > BenchData/cells.sql.py <<'PY'
import duckdb, sys
evals, out = sys.argv[1], sys.argv[2]
con = duckdb.connect()
con.execute(f"""
  COPY (SELECT intent, model, max_tokens, temperature, rag_chunks, count(*) AS samples,
               avg(quality) AS quality, avg(input_tokens) AS mean_input_tokens,
               avg(output_tokens) AS mean_output_tokens, quantile_cont(latency_ms, 0.99) AS p99_latency_ms
        FROM read_csv('{evals}')
        GROUP BY intent, model, max_tokens, temperature, rag_chunks)
  TO '{out}' (HEADER, DELIMITER ',')""")
PY
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for dir in "$one" "$four"; do
  name=$(basename "$dir")
  evals="$dir/evals/0001-benchmark.csv"
  echo "$name: $(($(wc -l < "$evals") - 1)) rows, $(du -h "$evals" | cut -f1)"
  cat "$evals" > /dev/null   # warm the page cache for both
  /usr/bin/time -f "  paretoroute cells --csv: %e s wall, %U s user, %S s system, %M KB peak" \
    .build/release/paretoroute cells --data "$dir" --csv "BenchData/cells-$name.csv" > /dev/null
  /usr/bin/time -f "  duckdb read_csv GROUP BY: %e s wall, %U s user, %S s system, %M KB peak" \
    "$venv/bin/python" BenchData/cells.sql.py "$evals" "BenchData/duckdb-$name.csv"
  if [ -n "$baseline" ]; then
    /usr/bin/time -f "  baseline cells --csv: %e s wall, %U s user, %S s system, %M KB peak" \
      "$baseline" cells --data "$dir" --csv "BenchData/cells-$name-baseline.csv" > /dev/null
    cmp -s "BenchData/cells-$name.csv" "BenchData/cells-$name-baseline.csv" && echo "  same CSV as the baseline" || echo "  CSV DIFFERS from the baseline"
  fi
  echo "  rows written: paretoroute $(($(wc -l < "BenchData/cells-$name.csv") - 1)), duckdb $(($(wc -l < "BenchData/duckdb-$name.csv") - 1))"
done
