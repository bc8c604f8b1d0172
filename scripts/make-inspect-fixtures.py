#!/usr/bin/env python3
"""Writes the Inspect AI fixtures of `paretoroute import inspect` and the figures they must give.

Run it with Inspect AI installed (offline: the mockllm provider, every output with explicit usage):

    python3 -m venv /tmp/venv-inspect && /tmp/venv-inspect/bin/pip install inspect-ai
    /tmp/venv-inspect/bin/python scripts/make-inspect-fixtures.py Tests/Fixtures/import/inspect

It runs three tasks (faq; support, whose samples are order_tracking or return_request by their
metadata; chitchat) on two models (mockllm/sonnet, mockllm/haiku) under two settings
(max_tokens 256, temperature 0.2, 0 chunks; max_tokens 512, temperature 0.7, 2 chunks — the chunk
count is the task argument `rag_chunks`), three epochs each, with two scorers: `exact` (Inspect's
`match()`, C/I) and `judge` (a number in [0, 1] read from a grader model, mockllm/judge, whose calls
land in the sample's model_usage beside the evaluated model's). One sample of one epoch raises (faq-0004,
epoch 2, on haiku at the first setting), so one log holds one errored sample. Some calls report
cache-read and cache-write input tokens apart from `input_tokens` (Inspect's ModelUsage convention):
about 30% of (model, prompt) pairs read half the prompt from the cache, about 15% write 120 tokens.

Latencies are real: each mock call sleeps a time derived from the prompt, and Inspect records the
time the call took (`output.time`). So a rerun gives other latencies (and other logs); the tests
use the committed logs and the figures this script computed from them, never Python.

Besides the JSON logs it writes one `.eval` log of the same faq run (for the conversion error) and
`figures.tsv` (scripts/inspect_figures.py, which recomputes it from committed logs without Inspect):
per scorer and cell, the sample count, mean quality, mean input and output tokens, the P99 latency
and the mean cache-read and cache-write tokens, computed from the JSON logs by the golden data
contract's rules (version 2: `input_tokens` excludes cache reads and writes, as Inspect counts them).

The judge's draw includes `id(messages)`, an object address, so the judge scores (unlike the
tokens, which depend only on the prompt, the model and the epoch's call number) differ between runs.
"""

import asyncio
import hashlib
import os
import shutil
import sys
import tempfile

from inspect_ai import Task, eval, task
from inspect_ai.dataset import Sample
from inspect_ai.model import ModelOutput, ModelUsage, get_model
from inspect_ai.scorer import Score, Target, match, mean, scorer
from inspect_ai.solver import TaskState, solver

import inspect_figures

MODELS = ["sonnet", "haiku"]
SETTINGS = [  # (max_tokens, temperature, rag_chunks)
    (256, 0.2, 0),
    (512, 0.7, 2),
]
EPOCHS = 3
# Per model: seconds to the first token and per output token (the mock sleeps that long).
SPEED = {"sonnet": (0.060, 0.0009), "haiku": (0.030, 0.0004)}


def unit(*parts: object) -> float:
    """A reproducible number in [0, 1) from the parts (no global random state)."""
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def samples(prefix: str, intents: list[str], count: int) -> list[Sample]:
    out = []
    for i in range(count):
        intent = intents[i % len(intents)]
        sid = f"{prefix}-{i + 1:04d}"
        answer = f"answer {sid}"
        out.append(Sample(id=sid, input=f"question {sid} ({intent})", target=answer,
                          metadata={"intent": intent, "topic": prefix}))
    return out


def evaluated_model(name: str):
    """mockllm/<name>: a deterministic answer per prompt and setting, with explicit usage."""

    calls: dict[str, int] = {}

    async def respond(messages, tools, tool_choice, config):
        prompt = messages[-1].text
        sid = prompt.split()[1]
        max_tokens = config.max_tokens or 1024
        temperature = config.temperature if config.temperature is not None else 1.0
        # The n-th call for a prompt stands for an epoch: answers vary between epochs.
        calls[prompt] = calls.get(prompt, 0) + 1
        draw = unit(name, prompt, max_tokens, temperature, calls[prompt])
        correct = draw < (0.9 if name == "sonnet" else 0.7) - 0.2 * temperature
        content = f"answer {sid}" if correct else f"something else about {sid}"
        prompt_tokens = 300 + int(400 * unit("in", prompt)) + (600 if "rag2" in prompt else 0)
        output_tokens = min(max_tokens, 80 + int(300 * unit("out", name, prompt, calls[prompt])))
        first, per_token = SPEED[name]
        await asyncio.sleep(first + per_token * output_tokens * (1 + 0.5 * unit("lat", name, prompt, max_tokens)))
        output = ModelOutput.from_content(model=name, content=content)
        cache_read = int(prompt_tokens * 0.5) if unit("cache", name, prompt) < 0.3 else None
        cache_write = 120 if unit("write", name, prompt) < 0.15 else None
        billed_input = prompt_tokens - (cache_read or 0) - (cache_write or 0)
        output.usage = ModelUsage(input_tokens=billed_input, output_tokens=output_tokens,
                                  total_tokens=prompt_tokens + output_tokens,
                                  input_tokens_cache_read=cache_read, input_tokens_cache_write=cache_write)
        return output

    return get_model(f"mockllm/{name}", custom_outputs=respond)


def judge_model():
    """mockllm/judge: replies with a quality in [0, 1]; its tokens are the grader's, not the deployment's."""

    def respond(messages, tools, tool_choice, config):
        text = messages[-1].text
        good = "CORRECT" in text
        value = (0.75 if good else 0.35) + 0.25 * unit("judge", text, len(messages), id(messages))
        output = ModelOutput.from_content(model="judge", content=f"{min(value, 1.0):.4f}")
        output.usage = ModelUsage(input_tokens=200, output_tokens=5, total_tokens=205)
        return output

    return get_model("mockllm/judge", custom_outputs=respond)


@scorer(metrics=[mean()])
def judge():
    async def score(state: TaskState, target: Target) -> Score:
        verdict = "CORRECT" if state.output.completion.strip() == target.text else "WRONG"
        reply = await judge_model().generate(f"grade {verdict}: {state.output.completion}")
        return Score(value=float(reply.completion))

    return score


@solver
def answer(rag_chunks: int):
    async def solve(state: TaskState, generate_):
        if state.sample_id == "faq-0004" and state.epoch == 2 and str(state.model) == "mockllm/haiku" and not rag_chunks:
            raise RuntimeError("simulated retrieval failure")
        if rag_chunks:
            state.user_prompt.text = state.user_prompt.text + f" rag{rag_chunks}"
        return await generate_(state)

    return solve


@task
def faq(rag_chunks: int = 0):
    return Task(dataset=samples("faq", ["faq"], 4), solver=answer(rag_chunks), scorer=[match(), judge()])


@task
def support(rag_chunks: int = 0):
    return Task(dataset=samples("support", ["order_tracking", "return_request"], 4),
                solver=answer(rag_chunks), scorer=[match(), judge()])


@task
def chitchat(rag_chunks: int = 0):
    return Task(dataset=samples("chat", ["chitchat"], 3), solver=answer(rag_chunks), scorer=[match(), judge()])



def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else "Tests/Fixtures/import/inspect"
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp()
    written = []
    for model in MODELS:
        for max_tokens, temperature, rag in SETTINGS:
            for make in (faq, support, chitchat):
                logs = eval(make(rag_chunks=rag), model=evaluated_model(model), log_format="json",
                            log_dir=work, temperature=temperature, max_tokens=max_tokens, epochs=EPOCHS,
                            fail_on_error=False, display="none", max_samples=4)
                source = logs[0].location
                target = os.path.join(out, f"{make.__name__}-{model}-t{temperature}-rag{rag}.json")
                shutil.copyfile(source, target)
                written.append(target)
    # One .eval log (Inspect's default format) of the faq run, for the conversion error.
    logs = eval(faq(rag_chunks=0), model=evaluated_model("haiku"), log_dir=work, temperature=0.2,
                max_tokens=256, epochs=EPOCHS, fail_on_error=False, display="none")
    shutil.copyfile(logs[0].location, os.path.join(out, "faq-haiku.eval"))
    inspect_figures.write(out, written)
    import inspect_ai
    print(f"inspect-ai {inspect_ai.__version__}: {len(written)} JSON logs and figures.tsv in {out}")


if __name__ == "__main__":
    main()
