#!/usr/bin/env bash
# Builds the test programs with ThreadSanitizer (build-tsan) and runs the concurrency tests:
# one const plan scored, scheduled, forecast and simulated from many threads, concurrent batch
# scoring, multi-threaded Monte Carlo, large plans' task graphs and schedules built on two
# threads, and the whole C ABI suite (its thread tests, and batches and simulations on worker
# threads). Fails on a failing test or any data-race report.
#
# Catch2 v2 ANDs test specs given as separate arguments: alternatives go in one argument, joined
# by commas. -w NoTests fails the run when a spec matches no test case.
#
#   READINESS_TSAN_BUILD_DIR=dir  build folder (default build-tsan)
#   READINESS_JOBS=n              parallel build jobs (default: the number of cores)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${READINESS_TSAN_BUILD_DIR:-build-tsan}"
jobs="${READINESS_JOBS:-$(nproc)}"

cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS_DEBUG="-g -O1" \
  -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" -DREADINESS_SANITIZE=thread \
  -DPython3_EXECUTABLE=/usr/bin/python3 ${READINESS_CMAKE_ARGS:-} >/dev/null

log_dir="$(cd "$build_dir" && pwd)/tsan-reports"
rm -rf "$log_dir"
mkdir -p "$log_dir"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:history_size=4:log_path=$log_dir/report"
cmake --build "$build_dir" -j"$jobs" --target unit_tests capi_tests

export READINESS_DATA_DIR="$PWD/data"
status=0
"$build_dir/tests/unit_tests" -w NoTests "[concurrency],[simulate],[batch],[task_graph],[schedule]" ||
  status=1
# Every C ABI case: besides the thread tests, batches and simulations there run on worker threads.
"$build_dir/tests/capi/capi_tests" -w NoTests || status=1

reports=("$log_dir"/report*)
if [ -e "${reports[0]}" ]; then
  echo "test-tsan: ${#reports[@]} ThreadSanitizer report(s):" >&2
  for r in "${reports[@]}"; do
    echo "==== $r" >&2
    cat "$r" >&2
  done
  status=1
fi
[ "$status" -eq 0 ] && echo "test-tsan: the concurrency tests passed with no data race"
exit "$status"
