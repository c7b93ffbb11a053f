#!/usr/bin/env bash
# Fuzzes every reader and the C ABI's text entry points with libFuzzer (clang, build-fuzz).
#
#   scripts/fuzz.sh [seconds per target, default 300] [target...]
#
# Targets: plan_json holiday_file assessment_record csv capi (default: all). New interesting
# inputs stay in build-fuzz/tests/fuzz/corpus/<target>; crashes land in build-fuzz/tests/fuzz/
# crashes/. Copy a crash into tests/fuzz/regressions/<target>/ once it is fixed: the replay tests
# (fuzz.replay.<target>) then run it in every build. Prints executions and crashes per target and
# exits non-zero when any target crashed. When clang cannot build libFuzzer programs (no clang,
# or not its runtime libclang-rt-14-dev) it says why and exits 0.
#
#   scripts/fuzz.sh --probe   exits 0 when clang can build libFuzzer programs here, else says
#                             why and exits 1 (.ci/run asks before its fuzzing stage)
set -euo pipefail
cd "$(dirname "$0")/.."

can_fuzz() {
  if ! command -v clang++ >/dev/null || ! command -v clang >/dev/null; then
    echo "fuzz: clang not found"
    return 1
  fi
  # clang only recommends its runtimes (libclang-rt-14-dev on Debian 12): without them nothing
  # links.
  local probe status=0
  probe="$(mktemp -d)"
  printf '#include <cstddef>\n#include <cstdint>\nextern "C" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) { return 0; }\n' \
    >"$probe/probe.cpp"
  if ! clang++ -fsanitize=fuzzer,address,undefined "$probe/probe.cpp" -o "$probe/probe" \
      >"$probe/log" 2>&1; then
    echo "fuzz: clang cannot link libFuzzer with the sanitizers (install libclang-rt-14-dev):"
    tail -5 "$probe/log"
    status=1
  fi
  rm -rf "$probe"
  return "$status"
}

if [ "${1:-}" = "--probe" ]; then
  can_fuzz
  exit
fi
seconds="${1:-300}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(plan_json holiday_file assessment_record csv capi)
build_dir="${READINESS_FUZZ_BUILD_DIR:-build-fuzz}"
jobs="${READINESS_JOBS:-$(nproc)}"

if ! can_fuzz; then
  echo "fuzz: fuzzing skipped"
  exit 0
fi
CC=clang CXX=clang++ cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_C_FLAGS_DEBUG="-g -O1" -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
  -DREADINESS_FUZZ=ON -DREADINESS_FUZZ_SECONDS="$seconds" \
  -DPython3_EXECUTABLE=/usr/bin/python3 ${READINESS_CMAKE_ARGS:-} >/dev/null
# libreadiness.so too: it checks that a sanitized shared library still links with clang.
cmake --build "$build_dir" -j"$jobs" --target fuzz_targets readiness

export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
fuzz_dir="$build_dir/tests/fuzz"
mkdir -p "$fuzz_dir/crashes"
status=0
summary=()
for t in "${targets[@]}"; do
  mkdir -p "$fuzz_dir/corpus/$t"
  rm -f "$fuzz_dir/crashes/$t-"*
  log="$fuzz_dir/$t.log"
  echo "fuzz: $t for ${seconds}s"
  if ! READINESS_DATA_DIR="$PWD/data" "$fuzz_dir/fuzz_$t" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
      -artifact_prefix="$fuzz_dir/crashes/$t-" "$fuzz_dir/corpus/$t" "tests/fuzz/corpus/$t" \
      "tests/fuzz/regressions/$t" >"$log" 2>&1; then
    status=1
    echo "fuzz: $t FAILED; its log:" >&2
    tail -60 "$log" >&2
  fi
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  crashes="$(find "$fuzz_dir/crashes" -name "$t-*" | wc -l)"
  summary+=("$(printf '%-18s %14s %8s %8s' "$t" "${runs:-?}" "$crashes" "$seconds")")
done

printf '\n%-18s %14s %8s %8s\n' target executions crashes seconds
printf '%s\n' "${summary[@]}"
exit "$status"
