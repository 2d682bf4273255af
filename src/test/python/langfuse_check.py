#!/usr/bin/env python3
"""The figures mlops analyze must give on the Langfuse trace exports in ../shared/data/langfuse-traces.

Run: python3 src/test/python/langfuse_check.py ../shared/data/langfuse-traces
Prints one JSON line per file: GENERATION observations, errors (level ERROR), input and output tokens,
total cost, and numpy-linear latency percentiles (seconds -> ms) over the successful ones.
LangfuseFormatTest asserts the same figures, computed by this script once and written into the test.
"""
import json
import sys
from pathlib import Path

import numpy as np


def figures(path):
    doc = json.loads(Path(path).read_text())
    gens = [o for o in doc["observations"] if o.get("type") == "GENERATION"]
    ok = [o for o in gens if o.get("level") != "ERROR"]
    def usage(o, key):
        u = o.get("usageDetails") or o.get("usage") or {}
        return u.get(key) or 0
    lat = [o["latency"] * 1000 for o in ok if o.get("latency") is not None]
    return {
        "file": Path(path).name,
        "requests": len(gens),
        "errors": len(gens) - len(ok),
        "input_tokens": sum(usage(o, "input") for o in gens),
        "output_tokens": sum(usage(o, "output") for o in gens),
        "ok_input_tokens": sum(usage(o, "input") for o in ok),
        "cost_usd": round(sum(o.get("totalCost") or 0 for o in gens), 10),
        "latency_p50_ms": float(np.percentile(lat, 50)) if lat else None,
        "latency_max_ms": max(lat) if lat else None,
        "models": sorted({o.get("model") for o in gens if o.get("model")}),
    }


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/langfuse-traces")
    total = {"requests": 0, "input_tokens": 0, "output_tokens": 0, "cost_usd": 0.0}
    for f in sorted(folder.glob("*.trace.json")):
        r = figures(f)
        print(json.dumps(r))
        for k in total:
            total[k] += r[k]
    total["cost_usd"] = round(total["cost_usd"], 10)
    print(json.dumps({"total": total}))
