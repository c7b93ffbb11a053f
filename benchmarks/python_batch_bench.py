#!/usr/bin/env python3
"""Python batch scoring: N records (default 100,000) through readiness.batch_score in one call,
against the library's own throughput for the same JSON Lines (one rdy_batch_run_jsonl call,
timed alone). Target: Python within 2x of the library.

    READINESS_LIBRARY=build/libreadiness.so PYTHONPATH=bindings/python \
        python3 benchmarks/python_batch_bench.py [N] [PLAN]
"""

import ctypes
import json
import pathlib
import random
import sys
import time

import readiness
from readiness import _ffi

ROOT = pathlib.Path(__file__).resolve().parent.parent


def make_records(plan_doc, n):
    """n assessments over the plan's own items: its assessment with inputs dropped at random."""
    base = plan_doc["assessment"]
    items = list(base.get("items", {}).items())
    rng = random.Random(7)
    lines = []
    for i in range(n):
        kept = {k: v for k, v in items if rng.random() < 0.8}
        record = {"id": f"office-{i:06d}", "as_of": base.get("as_of"), "items": kept,
                  "vetoes": base.get("vetoes", {}), "sites": base.get("sites", {})}
        lines.append(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
    return ("\n".join(lines) + "\n").encode("utf-8")


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    path = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else \
        ROOT / "data/examples/district-2026.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    text = make_records(doc, n)
    with readiness.Plan.load(path) as plan:
        # The library alone: one C call, results kept in the batch handle.
        batch = _ffi.BatchPtr()
        t0 = time.perf_counter()
        _ffi.lib.rdy_batch_run_jsonl(plan._handle, text, len(text), 0, ctypes.byref(batch))
        library_seconds = time.perf_counter() - t0
        _ffi.lib.rdy_batch_destroy(batch)

        t0 = time.perf_counter()
        results = readiness.batch_score(plan, text)
        python_seconds = time.perf_counter() - t0
    bad = sum(1 for r in results if not r.ok)
    print(f"records: {n} ({len(text) / 1e6:.1f} MB of JSON Lines), bad: {bad}")
    print(f"library (one rdy_batch_run_jsonl call): {library_seconds:.3f} s, "
          f"{n / library_seconds:,.0f} records/s")
    print(f"python readiness.batch_score:           {python_seconds:.3f} s, "
          f"{n / python_seconds:,.0f} records/s")
    ratio = python_seconds / library_seconds
    print(f"python / library: {ratio:.2f}x (target: within 2x)")
    return 0 if ratio <= 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
