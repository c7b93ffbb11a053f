// C ABI call overhead: accessor calls through libreadiness (loaded with dlopen, so every call
// crosses the shared-library boundary as a host's would), and plan load + score through the ABI
// against the same work in C++ directly.
//   READINESS_LIBRARY=build/libreadiness.so build/benchmarks/capi_bench
#include <benchmark/benchmark.h>
#include <dlfcn.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "readiness/plan_io.hpp"
#include "readiness/readiness.h"
#include "readiness/scoring.hpp"

namespace {

struct abi {
  void* handle = nullptr;
  decltype(&rdy_plan_load_json) plan_load_json;
  decltype(&rdy_plan_destroy) plan_destroy;
  decltype(&rdy_plan_score) plan_score;
  decltype(&rdy_score_destroy) score_destroy;
  decltype(&rdy_score_item_count) item_count;
  decltype(&rdy_score_item_points) item_points;
  decltype(&rdy_score_points) points;

  template <typename F>
  void bind(F& f, const char* name) {
    f = reinterpret_cast<F>(dlsym(handle, name));
    if (!f) throw std::runtime_error(std::string("missing ") + name);
  }

  abi() {
    const char* path = std::getenv("READINESS_LIBRARY");
    handle = dlopen(path ? path : "libreadiness.so", RTLD_NOW | RTLD_LOCAL);
    if (!handle) throw std::runtime_error(std::string("dlopen: ") + dlerror());
    bind(plan_load_json, "rdy_plan_load_json");
    bind(plan_destroy, "rdy_plan_destroy");
    bind(plan_score, "rdy_plan_score");
    bind(score_destroy, "rdy_score_destroy");
    bind(item_count, "rdy_score_item_count");
    bind(item_points, "rdy_score_item_points");
    bind(points, "rdy_score_points");
  }
};

const abi& lib() {
  static const abi a;
  return a;
}

const std::string& example() {
  static const std::string text = [] {
    std::ifstream in(READINESS_SOURCE_DIR "/data/examples/district-2026.json", std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }();
  return text;
}

void BM_capi_accessor_calls(benchmark::State& state) {
  rdy_plan* plan = nullptr;
  rdy_score* score = nullptr;
  lib().plan_load_json(example().data(), example().size(), &plan);
  lib().plan_score(plan, &score);
  std::size_t n = lib().item_count(score);
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < n; ++i) sum += lib().item_points(score, i);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
  lib().score_destroy(score);
  lib().plan_destroy(plan);
}
BENCHMARK(BM_capi_accessor_calls);

void BM_capi_load_and_score(benchmark::State& state) {
  for (auto _ : state) {
    rdy_plan* plan = nullptr;
    rdy_score* score = nullptr;
    lib().plan_load_json(example().data(), example().size(), &plan);
    lib().plan_score(plan, &score);
    benchmark::DoNotOptimize(lib().points(score, RDY_POINTS_TOTAL));
    lib().score_destroy(score);
    lib().plan_destroy(plan);
  }
}
BENCHMARK(BM_capi_load_and_score)->Unit(benchmark::kMicrosecond);

void BM_cpp_load_and_score(benchmark::State& state) {
  for (auto _ : state) {
    readiness::plan p = readiness::io::read_plan_json(example());
    readiness::score_result r = readiness::score_plan(p);
    benchmark::DoNotOptimize(r.total.total);
  }
}
BENCHMARK(BM_cpp_load_and_score)->Unit(benchmark::kMicrosecond);

void BM_capi_score_only(benchmark::State& state) {
  rdy_plan* plan = nullptr;
  lib().plan_load_json(example().data(), example().size(), &plan);
  for (auto _ : state) {
    rdy_score* score = nullptr;
    lib().plan_score(plan, &score);
    lib().score_destroy(score);
  }
  lib().plan_destroy(plan);
}
BENCHMARK(BM_capi_score_only)->Unit(benchmark::kMicrosecond);

void BM_cpp_score_only(benchmark::State& state) {
  readiness::plan p = readiness::io::read_plan_json(example());
  for (auto _ : state) benchmark::DoNotOptimize(readiness::score_plan(p).total.total);
}
BENCHMARK(BM_cpp_score_only)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
