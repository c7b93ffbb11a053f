#!/usr/bin/env bash
# Sets everything up (scripts/setup.sh) and runs the whole test suite with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
READINESS_SETUP_EXTRA="${READINESS_SETUP_EXTRA:-tj3 abigail-tools chromium fonts-noto-cjk}" \
  scripts/setup.sh
build_dir="${READINESS_BUILD_DIR:-build}"
cd "$build_dir"
ctest --output-on-failure -j"$(nproc)" "$@"
