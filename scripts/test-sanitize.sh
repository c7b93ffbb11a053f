#!/usr/bin/env bash
# Builds everything with AddressSanitizer and UndefinedBehaviorSanitizer (build-asan) and runs the
# whole CTest suite: C++ units, the C ABI, the command line and Python. Fails on a failing test and
# on any sanitizer report, including one from a process whose exit status a test ignores.
#
#   scripts/test-sanitize.sh [ctest arguments...]
#   READINESS_ASAN_BUILD_DIR=dir  build folder (default build-asan)
#   READINESS_JOBS=n              parallel build and test jobs (default: the number of cores)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${READINESS_ASAN_BUILD_DIR:-build-asan}"
jobs="${READINESS_JOBS:-$(nproc)}"
sanitizers="address,undefined"

# -O1 keeps the build and the suite quick enough while the reports keep their line numbers.
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS_DEBUG="-g -O1" \
  -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" -DREADINESS_SANITIZE="$sanitizers" \
  -DPython3_EXECUTABLE=/usr/bin/python3 ${READINESS_CMAKE_ARGS:-} >/dev/null

log_dir="$(cd "$build_dir" && pwd)/sanitizer-reports"
rm -rf "$log_dir"
mkdir -p "$log_dir"
common="abort_on_error=0:halt_on_error=1:print_stacktrace=1:log_path=$log_dir/report"
export ASAN_OPTIONS="$common:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1"
export UBSAN_OPTIONS="$common"
export LSAN_OPTIONS="log_path=$log_dir/report"

# Building runs test programs too (Catch2's test discovery), so the options apply from here.
cmake --build "$build_dir" -j"$jobs"

status=0
cd "$build_dir"
# tests/python sets LD_PRELOAD of the runtime for Python, which is not instrumented itself.
ctest --output-on-failure -j"$jobs" "$@" || status=1

reports=("$log_dir"/report*)
if [ -e "${reports[0]}" ]; then
  echo "test-sanitize: ${#reports[@]} sanitizer report(s):" >&2
  for r in "${reports[@]}"; do
    echo "==== $r" >&2
    cat "$r" >&2
  done
  status=1
fi
if [ "$status" -eq 0 ]; then
  echo "test-sanitize: the whole suite passed under $sanitizers with no report"
fi
exit "$status"
