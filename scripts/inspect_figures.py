#!/usr/bin/env python3
"""figures.tsv of the Inspect AI fixtures, from the JSON logs alone (no Inspect AI needed).

make-inspect-fixtures.py writes it after a run; run this file to recompute it from the
committed logs, e.g. after the figures gain a column:

    python3 scripts/inspect_figures.py Tests/Fixtures/import/inspect

Per scorer and cell: the sample count, mean quality, mean input and output tokens, P99 latency
and mean cache-read and cache-write tokens of the evaluated model, by the golden data contract's
rules (version 2: input tokens exclude cache reads and writes, as Inspect's ModelUsage counts them).
"""

import glob
import json
import os
import sys

from contract_figures import figure_rows, round_latency


def figures(log_paths: list[str]) -> list[str]:
    """The rows of figures.tsv for the JSON logs at `log_paths`."""
    cells: dict[tuple, list[tuple]] = {}
    for path in log_paths:
        with open(path) as handle:
            log = json.load(handle)
        model = log["eval"]["model"]
        # Inspect keeps eval(temperature=…, max_tokens=…) in plan.config; a model's own config
        # (get_model(config=…)) would be in eval.model_generate_config, which wins.
        config = {**log["plan"]["config"], **log["eval"]["model_generate_config"]}
        rag = log["eval"]["task_args"]["rag_chunks"]
        for sample in log["samples"]:
            if sample.get("error"):
                continue
            usage = sample["model_usage"][model]
            # Inspect's input_tokens excludes the cached tokens: each kind is kept apart.
            cache_read = usage.get("input_tokens_cache_read") or 0
            cache_write = usage.get("input_tokens_cache_write") or 0
            latency = round_latency(sample["output"]["time"] * 1000)
            exact = {"C": 1.0, "I": 0.0}[sample["scores"]["match"]["value"]]
            judged = float(sample["scores"]["judge"]["value"])
            for scorer_name, quality in (("match", exact), ("judge", judged)):
                key = (scorer_name, sample["metadata"]["intent"], model.split("/")[-1],
                       config["max_tokens"], config["temperature"], rag)
                cells.setdefault(key, []).append((quality, usage["input_tokens"], usage["output_tokens"], latency,
                                                  cache_read, cache_write))
    return figure_rows(["scorer", "intent", "model", "max_tokens", "temperature", "rag_chunks"], cells)


def write(directory: str, log_paths: list[str]) -> None:
    """Writes `directory`/figures.tsv for the logs."""
    with open(os.path.join(directory, "figures.tsv"), "w") as handle:
        handle.write("\n".join(figures(sorted(log_paths))) + "\n")


def main() -> None:
    directory = sys.argv[1] if len(sys.argv) > 1 else "Tests/Fixtures/import/inspect"
    logs = sorted(glob.glob(os.path.join(directory, "*.json")))
    write(directory, logs)
    print(f"figures.tsv from {len(logs)} JSON logs in {directory}")


if __name__ == "__main__":
    main()
