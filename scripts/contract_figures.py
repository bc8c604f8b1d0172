"""The golden data contract's per-cell figures, for the fixture generators (see docs/data-format.md)."""

import math


def round_latency(ms: float) -> float:
    """Milliseconds rounded to 0.001, as `paretoroute import` writes them."""
    return round(ms * 1000) / 1000


def p99(values: list[float]) -> float:
    """The contract's P99: linear interpolation between closest ranks."""
    xs = sorted(values)
    if len(xs) == 1:
        return xs[0]
    h = (len(xs) - 1) * 0.99
    lo = math.floor(h)
    return xs[lo] + (h - lo) * (xs[lo + 1] - xs[lo])


def figure_rows(key_columns: list[str], cells: dict[tuple, list[tuple]]) -> list[str]:
    """figures.tsv: per cell key, samples, mean quality, mean input and output tokens, P99 latency,
    mean cache-read and cache-write tokens.

    Each cell holds (quality, input tokens, output tokens, latency ms[, cache read, cache write])
    per sample; input tokens exclude cache reads and writes (contract version 2), and a sample
    without the last two had no cached tokens.
    """
    rows = ["\t".join(key_columns + ["samples", "mean_quality", "mean_input_tokens", "mean_output_tokens", "p99_latency_ms",
                                     "mean_cache_read_tokens", "mean_cache_write_tokens"])]
    for key in sorted(cells):
        values = cells[key]
        n = len(values)
        reads = [v[4] if len(v) > 4 else 0 for v in values]
        writes = [v[5] if len(v) > 5 else 0 for v in values]
        rows.append("\t".join(map(str, key)) + "\t" + "\t".join([
            str(n), repr(sum(v[0] for v in values) / n), repr(sum(v[1] for v in values) / n),
            repr(sum(v[2] for v in values) / n), repr(p99([v[3] for v in values])),
            repr(sum(reads) / n), repr(sum(writes) / n)]))
    return rows
