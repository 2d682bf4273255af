#!/usr/bin/env python3
"""Writes examples/logs.jsonl: 400 requests to two versions of a support bot (seeded, so the
file is the same on every run). It is also a small A/B test: users are split between the versions
(even user numbers see v11, odd ones v12), so mlops abtest examples/logs.jsonl compares them.
Run from the repository root: python3 examples/make-example-log.py"""
import json, random, datetime

rng = random.Random(7)
start = datetime.datetime(2026, 11, 1, 9, 0, 0, tzinfo=datetime.timezone.utc)
segments = ["free", "pro", "enterprise"]
prompts = ["How do I reset my password?", "Can I work remotely from another country?",
           "Cancel my subscription", "What is the refund policy for annual plans?",
           "My invoice shows the wrong VAT number", "Export my data as CSV"]
with open("examples/logs.jsonl", "w") as f:
    for i in range(400):
        version = "v11" if i % 2 == 0 else "v12"
        seg = rng.choices(segments, [0.6, 0.3, 0.1])[0]
        inp = int(rng.lognormvariate(5.5, 0.8))
        out = int(rng.lognormvariate(4.6 if version == "v11" else 4.9, 0.7))
        ttft = rng.lognormvariate(5.6 if version == "v11" else 5.9, 0.3)
        latency = ttft + out * rng.uniform(18, 30)
        rec = {
            "request_id": f"req-{i:05d}",
            "timestamp": (start + datetime.timedelta(seconds=i * 37)).isoformat().replace("+00:00", "Z"),
            "model": "support-bot",
            "version": version,
            "stage": "production" if version == "v11" else "canary",
            # one draw, as before the split, so that every other field is unchanged
            "user": f"u{rng.randrange(120) // 2 * 2 + (0 if version == 'v11' else 1):03d}",
            "segment": seg,
            "region": rng.choice(["eu", "us"]),
            "prompt": rng.choice(prompts),
            "response": "Sure, here is how: " + " ".join(["step"] * (out // 10 + 1)),
            "usage": {"prompt_tokens": inp, "completion_tokens": out, "total_tokens": inp + out},
            "latency_ms": round(latency, 1),
            "ttft_ms": round(ttft, 1),
            "finish_reason": "length" if out > 400 else "stop",
            "status": "ok",
            "feedback": {"thumbs": rng.choice([1, 1, 1, -1])},
        }
        if rng.random() < (0.01 if version == "v11" else 0.03):
            rec["status"] = "error"
            rec["error"] = {"type": rng.choice(["timeout", "rate_limited"])}
            rec["finish_reason"] = None
            rec["usage"]["completion_tokens"] = 0
        f.write(json.dumps(rec) + "\n")
