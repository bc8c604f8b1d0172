#!/usr/bin/env python3
"""Loads paretoroute export's LiteLLM configs in LiteLLM's Router, offline, and checks them.

usage: litellm_check.py CONFIG.yaml INTENTS.json [--calls N] [--tolerance POINTS]
       litellm_check.py --modes DIR [--calls N] [--tolerance POINTS]

The first form checks a config against the intent table written with it (export --litellm
--intents); the second checks every mode of ladder --export DIR against modes.json. For each
intent: its group(s) exist in the Router with the table's model id, max_tokens, temperature and
RAG chunks, and a mock call to each group is served by the expected deployment. For a share
route, N mock calls (default 2000) to its group must land on its high deployment within
+/- POINTS percentage points (default 3) of the share. No network: LITELLM_LOCAL_MODEL_COST_MAP
is set and every deployment gets a mock_response (its model_info.id). Exits 0 when every check
passes, 1 otherwise, 2 on usage errors. Needs litellm and PyYAML (see docs/deploy.md).
"""
import json
import os
import random
import sys

os.environ["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
os.environ.setdefault("LITELLM_LOG", "ERROR")

import yaml  # noqa: E402
import litellm  # noqa: E402
from litellm import Router  # noqa: E402

PREFIX = "intent/"
failures = []


def fail(message):
    failures.append(message)
    print("FAIL " + message)


def load_router(path):
    with open(path, encoding="utf-8") as handle:
        config = yaml.safe_load(handle)
    model_list = config["model_list"]
    for deployment in model_list:
        deployment["litellm_params"]["mock_response"] = deployment["model_info"]["id"]
    strategy = (config.get("router_settings") or {}).get("routing_strategy", "simple-shuffle")
    return config, Router(model_list=model_list, routing_strategy=strategy, num_retries=0)


def call(router, group):
    response = router.completion(model=group, messages=[{"role": "user", "content": "hello"}])
    return response.choices[0].message.content


def all_deployments(router):
    # LiteLLM >= 1.108 lists deployments through its registry; older versions through get_model_list.
    if hasattr(router, "registry"):
        return list(router.registry().deployments(None) or [])
    return list(router.get_model_list() or [])


def deployments_of(router, group):
    return [d for d in all_deployments(router) if d["model_name"] == group]


def check_setting(router, label, group, deployment, setting, model_id):
    params, info = deployment["litellm_params"], deployment["model_info"]
    if model_id is not None and params["model"] != model_id:
        fail(f"{label}: {group} model {params['model']!r}, expected {model_id!r}")
    if info.get("paretoroute_model") != setting["model"]:
        fail(f"{label}: {group} paretoroute_model {info.get('paretoroute_model')!r}, expected {setting['model']!r}")
    for key in ("max_tokens", "temperature"):
        if params.get(key) != setting[key]:
            fail(f"{label}: {group} {key} {params.get(key)!r}, expected {setting[key]!r}")
    if info.get("rag_chunks") != setting["rag_chunks"]:
        fail(f"{label}: {group} rag_chunks {info.get('rag_chunks')!r}, expected {setting['rag_chunks']!r}")


def check_intents(router, label, intents, calls, tolerance):
    checked = 0
    for name, entry in intents.items():
        ids = entry.get("model_ids") or [None, None]
        group = PREFIX + name
        if "route" not in entry:
            found = deployments_of(router, group)
            if len(found) != 1:
                fail(f"{label}: {group} has {len(found)} deployments, expected 1")
                continue
            check_setting(router, label, group, found[0], entry, ids[0])
            if call(router, group) != found[0]["model_info"]["id"]:
                fail(f"{label}: a call to {group} was not served by its deployment")
            checked += 1
            continue
        route = entry["route"]
        if "share" in route:
            found = {d["model_info"].get("route_side"): d for d in deployments_of(router, group)}
            if set(found) != {"low", "high"}:
                fail(f"{label}: {group} has sides {sorted(map(str, found))}, expected low and high")
                continue
            for k, side in enumerate(("low", "high")):
                check_setting(router, label, group, found[side], route[side], ids[k])
            random.seed(1)
            high_id = found["high"]["model_info"]["id"]
            low_id = found["low"]["model_info"]["id"]
            served = [call(router, group) for _ in range(calls)]
            stray = [s for s in served if s not in (high_id, low_id)]
            share = served.count(high_id) / calls
            verdict = "ok" if abs(share - route["share"]) * 100 <= tolerance and not stray else "FAIL"
            print(f"{verdict} {label}: {group}: {served.count(high_id)} of {calls} calls to high "
                  f"({share * 100:.1f} %, share {route['share'] * 100:.1f} %, tolerance {tolerance} points)")
            if verdict != "ok":
                fail(f"{label}: {group} split {share:.4f}, expected {route['share']} +/- {tolerance} points")
        else:
            for k, side in enumerate(("low", "high")):
                side_group = f"{group}/{side}"
                found = deployments_of(router, side_group)
                if len(found) != 1:
                    fail(f"{label}: {side_group} has {len(found)} deployments, expected 1")
                    continue
                check_setting(router, label, side_group, found[0], route[side], ids[k])
                info = found[0]["model_info"]
                if info.get("router") != route["router"] or info.get("threshold") != route["threshold"]:
                    fail(f"{label}: {side_group} router/threshold {info.get('router')!r}/{info.get('threshold')!r}")
                if call(router, side_group) != info["id"]:
                    fail(f"{label}: a call to {side_group} was not served by its deployment")
        checked += 1
    groups = {d["model_name"] for d in all_deployments(router)}
    print(f"{label}: {checked} intents checked, {len(groups)} model groups loaded")


def main(argv):
    calls, tolerance, positional, modes = 2000, 3.0, [], None
    k = 0
    while k < len(argv):
        if argv[k] == "--calls":
            calls = int(argv[k + 1]); k += 2
        elif argv[k] == "--tolerance":
            tolerance = float(argv[k + 1]); k += 2
        elif argv[k] == "--modes":
            modes = argv[k + 1]; k += 2
        else:
            positional.append(argv[k]); k += 1
    print(f"litellm {getattr(litellm, '__version__', None) or _version('litellm')}, PyYAML {yaml.__version__}")
    if modes is not None:
        with open(os.path.join(modes, "modes.json"), encoding="utf-8") as handle:
            table = json.load(handle)
        for mode in table["modes"]:
            _, router = load_router(os.path.join(modes, mode["litellm_config"]))
            check_intents(router, mode["name"], mode["intents"], calls, tolerance)
    elif len(positional) == 2:
        with open(positional[1], encoding="utf-8") as handle:
            table = json.load(handle)
        _, router = load_router(positional[0])
        check_intents(router, os.path.basename(positional[0]), table["intents"], calls, tolerance)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


def _version(name):
    from importlib.metadata import version
    return version(name)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
