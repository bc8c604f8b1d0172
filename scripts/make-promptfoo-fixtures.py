#!/usr/bin/env python3
"""Writes the promptfoo fixtures of `paretoroute import promptfoo` and the figures they must give.

promptfoo (an npm package) cannot be installed where these fixtures were made, so this script
builds its two output forms of one run from promptfoo's own source types, promptfoo/promptfoo at
commit 013bf397854358335b4c79b3d145b8902505a1ef (src/models/evalResult.ts, src/types/index.ts)
and the JSONL writer of src/util/output.ts of the same period:

- results.json: `promptfoo eval -o results.json`, an OutputFile {evalId, results: EvaluateSummaryV3
  {version: 3, timestamp, prompts, results, stats}, config, shareableUrl, metadata}; each row of
  results.results is `EvalResult.toEvaluateResult()`: `vars` at the top, `provider` with only `id`
  and `label`, the provider settings only in the top-level `config.providers`;
- results.jsonl: `promptfoo eval -o results.jsonl`, one raw EvalResult per line
  (`JSON.stringify(result)` joined by EOL per batch): vars in `testCase.vars`, the settings in
  `provider.config`. One batch boundary has no newline, as older writers left it.

The run: 6 tests (faq and order_tracking, the intent and the chunk count in the test's vars) ×
2 prompts × 3 providers (gpt-4o-mini; claude sonnet at temperature 0.2; the same sonnet labelled
sonnet-warm at temperature 0.7). One row errored (an API error), one was served from promptfoo's
cache. Rows are written in a different order in the two files.

    python3 scripts/make-promptfoo-fixtures.py Tests/Fixtures/import/promptfoo

figures.tsv holds, per cell, what `import promptfoo` with the model map
mini/sonnet (gpt-4o-mini=mini, claude-3-5-sonnet-20241022=sonnet, sonnet-warm=sonnet) must give.
"""

import hashlib
import json
import os
import sys

from contract_figures import figure_rows, round_latency

TIMESTAMP = "2026-11-30T14:05:09.412Z"
EVAL_ID = "eval-Xk2-2026-11-30T14:05:09"
PROVIDERS = [
    {"id": "openai:chat:gpt-4o-mini", "config": {"temperature": 0.2, "max_tokens": 256}},
    {"id": "anthropic:messages:claude-3-5-sonnet-20241022", "config": {"temperature": 0.2, "max_tokens": 512}},
    {"id": "anthropic:messages:claude-3-5-sonnet-20241022", "label": "sonnet-warm",
     "config": {"temperature": 0.7, "max_tokens": 512}},
]
MODEL_MAP = {"openai:chat:gpt-4o-mini": "mini", "anthropic:messages:claude-3-5-sonnet-20241022": "sonnet",
             "sonnet-warm": "sonnet"}
PROMPTS = ["Answer the customer: {{question}}", "You are a shop assistant. {{question}}"]
TESTS = [
    {"intent": "faq", "question": "Do you ship to Canada?", "rag_chunks": "0"},
    {"intent": "faq", "question": "What is your refund window?", "rag_chunks": "0"},
    {"intent": "faq", "question": "Can I change my address?", "rag_chunks": "0"},
    {"intent": "order_tracking", "question": "Where is order 1182?", "rag_chunks": "2"},
    {"intent": "order_tracking", "question": "My parcel shows no update", "rag_chunks": "2"},
    {"intent": "order_tracking", "question": "When will order 2291 arrive?", "rag_chunks": "2"},
]


def unit(*parts: object) -> float:
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def uuid(*parts: object) -> str:
    h = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def raw_result(test_idx: int, prompt_idx: int, provider_idx: int) -> dict:
    """One EvalResult as the class holds it (and JSON.stringify writes it)."""
    provider = PROVIDERS[provider_idx]
    test = TESTS[test_idx]
    rendered = PROMPTS[prompt_idx].replace("{{question}}", test["question"])
    key = (test_idx, prompt_idx, provider_idx)
    accuracy = round(0.55 + 0.45 * unit("acc", *key), 4)
    tone = round(0.6 + 0.4 * unit("tone", *key), 4)
    score = (accuracy + tone) / 2
    prompt_tokens = 180 + int(120 * unit("in", *key)) + (450 if test["rag_chunks"] == "2" else 0)
    completion_tokens = min(provider["config"]["max_tokens"], 60 + int(400 * unit("out", *key)))
    latency = int(400 + 2600 * unit("lat", *key)) if "sonnet" in provider["id"] else int(250 + 900 * unit("lat", *key))
    errored = key == (4, 1, 0)
    cached = key == (2, 0, 1)
    response = {
        "output": f"Reply to: {test['question']}",
        "tokenUsage": {"total": prompt_tokens + completion_tokens, "prompt": prompt_tokens,
                       "completion": completion_tokens, "numRequests": 1},
        "cached": False,
        "finishReason": "stop",
    }
    if cached:
        response["tokenUsage"] = {"cached": prompt_tokens + completion_tokens, "total": prompt_tokens + completion_tokens}
        response["cached"] = True
        latency = 0
    sanitized = {"id": provider["id"]}
    if "label" in provider:
        sanitized["label"] = provider["label"]
    sanitized["config"] = provider["config"]
    result = {
        "id": uuid("result", *key),
        "evalId": EVAL_ID,
        "promptIdx": prompt_idx,
        "testIdx": test_idx,
        "testCase": {"vars": test, "assert": [{"type": "llm-rubric", "value": "answers the question", "metric": "accuracy"},
                                               {"type": "llm-rubric", "value": "is polite", "metric": "tone"}],
                     "options": {}, "metadata": {}},
        "prompt": {"raw": rendered, "label": PROMPTS[prompt_idx]},
        "promptId": hashlib.sha256(PROMPTS[prompt_idx].encode()).hexdigest(),
        "error": None,
        "success": score >= 0.7,
        "score": score,
        "response": response,
        "gradingResult": {"pass": score >= 0.7, "score": score, "reason": "All assertions passed" if score >= 0.7 else "Below threshold",
                          "namedScores": {"accuracy": accuracy, "tone": tone}},
        "namedScores": {"accuracy": accuracy, "tone": tone},
        "provider": sanitized,
        "latencyMs": latency,
        "cost": round((prompt_tokens * 3 + completion_tokens * 15) / 1e6, 8),
        "metadata": {},
        "failureReason": 0 if score >= 0.7 else 1,
        "persisted": True,
    }
    if errored:
        result.update({"error": "API error: 529 Overloaded", "success": False, "score": 0, "response": None,
                       "gradingResult": None, "namedScores": {}, "latencyMs": 30011, "cost": 0, "failureReason": 2})
    return result


def to_evaluate_result(raw: dict) -> dict:
    """EvalResult.toEvaluateResult(): the row of results.json."""
    provider = {"id": raw["provider"]["id"]}
    if "label" in raw["provider"]:
        provider["label"] = raw["provider"]["label"]
    row = {
        "cost": raw["cost"],
        "gradingResult": raw["gradingResult"],
        "id": raw["id"],
        "latencyMs": raw["latencyMs"],
        "namedScores": raw["namedScores"],
        "prompt": raw["prompt"],
        "promptId": raw["promptId"],
        "promptIdx": raw["promptIdx"],
        "provider": provider,
        "response": raw["response"],
        "score": raw["score"],
        "success": raw["success"],
        "testCase": raw["testCase"],
        "testIdx": raw["testIdx"],
        "vars": raw["testCase"]["vars"],
        "metadata": raw["metadata"],
        "failureReason": raw["failureReason"],
    }
    if raw["error"]:
        row["error"] = raw["error"]
    if row["response"] is None:
        del row["response"]  # undefined in toEvaluateResult: JSON.stringify drops it
    return row



def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else "Tests/Fixtures/import/promptfoo"
    os.makedirs(out, exist_ok=True)
    raws = [raw_result(t, p, v) for t in range(len(TESTS)) for p in range(len(PROMPTS)) for v in range(len(PROVIDERS))]
    rows = [to_evaluate_result(r) for r in raws]
    stats = {"successes": sum(r["success"] for r in raws), "failures": sum(not r["success"] and r["failureReason"] == 1 for r in raws),
             "errors": sum(r["failureReason"] == 2 for r in raws),
             "tokenUsage": {"total": 0, "prompt": 0, "completion": 0, "cached": 0, "numRequests": len(raws),
                            "completionDetails": {"reasoning": 0, "acceptedPrediction": 0, "rejectedPrediction": 0},
                            "assertions": {"total": 0, "prompt": 0, "completion": 0, "cached": 0}}}
    output_file = {
        "evalId": EVAL_ID,
        "results": {"version": 3, "timestamp": TIMESTAMP,
                    "prompts": [{"raw": p, "label": p, "provider": v.get("label", v["id"])} for v in PROVIDERS for p in PROMPTS],
                    "results": rows, "stats": stats},
        "config": {"description": "shop assistant", "prompts": PROMPTS, "providers": PROVIDERS,
                   "tests": [{"vars": t} for t in TESTS], "outputPath": ["results.json", "results.jsonl"]},
        "shareableUrl": None,
        "metadata": {"promptfooVersion": "0.120.0", "nodeVersion": "v22.11.0", "platform": "linux", "arch": "x64",
                     "exportedAt": "2026-11-30T14:06:31.020Z", "evaluationCreatedAt": TIMESTAMP, "author": None},
    }
    with open(os.path.join(out, "results.json"), "w") as handle:
        json.dump(output_file, handle, indent=2)
    # JSONL: batches by test index (findManyByEvalIdBatched), rows inside a batch in another order.
    order = sorted(raws, key=lambda r: (r["testIdx"] // 3, -r["promptIdx"], r["provider"].get("label", ""), r["provider"]["id"]))
    batches = [[r for r in order if r["testIdx"] // 3 == b] for b in range(2)]
    with open(os.path.join(out, "results.jsonl"), "w") as handle:
        # The first batch ends without a newline: older writers joined batches so.
        handle.write("\n".join(json.dumps(r, separators=(",", ":")) for r in batches[0]))
        handle.write("\n".join(json.dumps(r, separators=(",", ":")) for r in batches[1]) + "\n")
    cells: dict[tuple, list[tuple]] = {}
    for r in raws:
        if r["error"] or r["response"]["cached"]:
            continue
        provider = r["provider"]
        model = MODEL_MAP[provider.get("label", provider["id"])]
        key = (r["testCase"]["vars"]["intent"], model, provider["config"]["max_tokens"],
               provider["config"]["temperature"], int(r["testCase"]["vars"]["rag_chunks"]))
        usage = r["response"]["tokenUsage"]
        # The TokenUsage of commit 013bf39 has no provider-cache detail: prompt is all input,
        # and the figures' cache columns are 0.
        cells.setdefault(key, []).append((r["score"], usage["prompt"], usage["completion"], round_latency(r["latencyMs"])))
    lines = figure_rows(["intent", "model", "max_tokens", "temperature", "rag_chunks"], cells)
    with open(os.path.join(out, "figures.tsv"), "w") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"{len(raws)} results (1 errored, 1 cached) in {out}")


if __name__ == "__main__":
    main()
