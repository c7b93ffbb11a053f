#!/usr/bin/env python3
"""Python batch scoring: N records (default 100,000) through readiness.batch_score in one call,
against the library's own throughput for the same JSON Lines (one rdy_batch_run_jsonl call,
timed alone), then readiness.batch_rank with a 10% quota. Target: Python within 2x of the
library. THREADS (default 0: one per core) goes to both.

Documents ({"id", "score": <readiness-score/1>}) are made by the library only when a result's
to_dict() asks, so neither timing includes them; the last line times to_dict() on 1,000 results.

    READINESS_LIBRARY=build/libreadiness.so PYTHONPATH=bindings/python \
        python3 benchmarks/python_batch_bench.py [N] [PLAN] [THREADS]
"""

import ctypes
import json
import pathlib
import random
import resource
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
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    doc = json.loads(path.read_text(encoding="utf-8"))
    text = make_records(doc, n)
    with readiness.Plan.load(path) as plan:
        # The library alone: one C call, results kept in the batch handle.
        batch = _ffi.BatchPtr()
        t0 = time.perf_counter()
        _ffi.lib.rdy_batch_run_jsonl(plan._handle, text, len(text), threads, ctypes.byref(batch))
        library_seconds = time.perf_counter() - t0
        _ffi.lib.rdy_batch_destroy(batch)

        t0 = time.perf_counter()
        results = readiness.batch_score(plan, text, threads=threads)
        python_seconds = time.perf_counter() - t0

        t0 = time.perf_counter()
        ranking = readiness.batch_rank(plan, text, quota="10%", threads=threads)
        rank_seconds = time.perf_counter() - t0

        sample = results[:1000]
        t0 = time.perf_counter()
        for r in sample:
            r.to_dict()
        document_seconds = time.perf_counter() - t0
    bad = sum(1 for r in results if not r.ok)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"records: {n} ({len(text) / 1e6:.1f} MB of JSON Lines), bad: {bad}, threads: {threads}")
    print(f"library (one rdy_batch_run_jsonl call): {library_seconds:.3f} s, "
          f"{n / library_seconds:,.0f} records/s")
    print(f"python readiness.batch_score:           {python_seconds:.3f} s, "
          f"{n / python_seconds:,.0f} records/s")
    print(f"python readiness.batch_rank (10%):      {rank_seconds:.3f} s, "
          f"{n / rank_seconds:,.0f} records/s, {ranking.inside} inside")
    print(f"to_dict() of {len(sample)} results:         {document_seconds:.3f} s, "
          f"{1e6 * document_seconds / max(len(sample), 1):,.0f} us per document")
    print(f"peak RSS: {peak:,.0f} MiB")
    ratio = python_seconds / library_seconds
    print(f"python / library: {ratio:.2f}x (target: within 2x)")
    return 0 if ratio <= 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
