#!/usr/bin/env python3
"""Runs the readiness command once and compares its stdout and exit status with a golden file.

Usage: run_golden.py --exe PATH --golden FILE --expect-exit N [--workdir DIR] -- ARGS...

With READINESS_UPDATE_GOLDEN=1 in the environment the golden file is (re)written from the actual
output instead, and the test passes when the exit status matches.
"""
import argparse
import difflib
import os
import subprocess
import sys


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--exe", required=True)
    parser.add_argument("--golden", required=True)
    parser.add_argument("--expect-exit", type=int, default=0)
    parser.add_argument("--workdir", default=None)
    parser.add_argument("args", nargs=argparse.REMAINDER)
    opts = parser.parse_args()
    args = opts.args[1:] if opts.args[:1] == ["--"] else opts.args

    env = dict(os.environ)
    env.setdefault("LC_ALL", "C.UTF-8")
    proc = subprocess.run([opts.exe, *args], cwd=opts.workdir, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    actual = proc.stdout.decode("utf-8", errors="replace")
    failed = False

    if proc.returncode != opts.expect_exit:
        print(f"exit status {proc.returncode}, expected {opts.expect_exit}")
        print("stderr:\n" + proc.stderr.decode("utf-8", errors="replace"))
        failed = True

    if os.environ.get("READINESS_UPDATE_GOLDEN") == "1":
        with open(opts.golden, "w", encoding="utf-8", newline="\n") as f:
            f.write(actual)
        print(f"updated {opts.golden}")
        return 1 if failed else 0

    if not os.path.exists(opts.golden):
        print(f"missing golden file {opts.golden} (run with READINESS_UPDATE_GOLDEN=1 to create it)")
        return 1
    with open(opts.golden, encoding="utf-8", newline="") as f:
        expected = f.read()
    if actual != expected:
        print("stdout differs from " + opts.golden + ":")
        sys.stdout.writelines(difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True),
            fromfile="golden", tofile="actual"))
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
