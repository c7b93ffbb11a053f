// C ABI call overhead: accessor calls through libreadiness (loaded with dlopen, so every call
// crosses the shared-library boundary as a host's would), plan load + score through the ABI
// against the same work in C++ directly, and batch scoring of JSON Lines through the ABI
// (rdy_batch_run_jsonl, rdy_batch_score_jsonl, rdy_batch_rank) against io::run_batch, the
// pipeline both use. Batch records are the example plan's assessment with 20% of its items
// dropped at random (READINESS_BATCH_RECORDS of them, default 2000), as python_batch_bench.py.
//   READINESS_LIBRARY=build/libreadiness.so build/benchmarks/capi_bench
#include <benchmark/benchmark.h>
#include <dlfcn.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>

#include "io/batch.hpp"
#include "readiness/plan_io.hpp"
#include "readiness/rank.hpp"
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
  decltype(&rdy_batch_run_jsonl) batch_run_jsonl;
  decltype(&rdy_batch_score_jsonl) batch_score_jsonl;
  decltype(&rdy_batch_destroy) batch_destroy;
  decltype(&rdy_batch_count) batch_count;
  decltype(&rdy_batch_record_points) batch_record_points;
  decltype(&rdy_batch_rank) batch_rank;
  decltype(&rdy_ranking_destroy) ranking_destroy;

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
    bind(batch_run_jsonl, "rdy_batch_run_jsonl");
    bind(batch_score_jsonl, "rdy_batch_score_jsonl");
    bind(batch_destroy, "rdy_batch_destroy");
    bind(batch_count, "rdy_batch_count");
    bind(batch_record_points, "rdy_batch_record_points");
    bind(batch_rank, "rdy_batch_rank");
    bind(ranking_destroy, "rdy_ranking_destroy");
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

// JSON Lines records over the example plan (see the top of the file).
const std::string& batch_records() {
  static const std::string text = [] {
    const char* env = std::getenv("READINESS_BATCH_RECORDS");
    int n = env ? std::atoi(env) : 2000;
    boost::json::object base = boost::json::parse(example()).at("assessment").as_object();
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::string out;
    for (int i = 0; i < n; ++i) {
      boost::json::object record = base;
      boost::json::object kept;
      for (const auto& item : base.at("items").as_object())
        if (u(rng) < 0.8) kept.emplace(item.key(), item.value());
      record["items"] = std::move(kept);
      record["id"] = "office-" + std::to_string(i);
      out += boost::json::serialize(record);
      out += '\n';
    }
    return out;
  }();
  return text;
}

std::int64_t batch_record_count() {
  const std::string& t = batch_records();
  return static_cast<std::int64_t>(std::count(t.begin(), t.end(), '\n'));
}

// Arg: threads. Scores and keeps every record (no documents: they are made on first use).
void BM_capi_batch_run_jsonl(benchmark::State& state) {
  rdy_plan* plan = nullptr;
  lib().plan_load_json(example().data(), example().size(), &plan);
  for (auto _ : state) {
    rdy_batch* batch = nullptr;
    lib().batch_run_jsonl(plan, batch_records().data(), batch_records().size(),
                          static_cast<int>(state.range(0)), &batch);
    benchmark::DoNotOptimize(lib().batch_record_points(batch, 0, RDY_POINTS_TOTAL));
    lib().batch_destroy(batch);
  }
  state.SetItemsProcessed(state.iterations() * batch_record_count());
  lib().plan_destroy(plan);
}
BENCHMARK(BM_capi_batch_run_jsonl)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// Arg: threads. Streams every record's result document to a callback.
void BM_capi_batch_score_jsonl(benchmark::State& state) {
  rdy_plan* plan = nullptr;
  lib().plan_load_json(example().data(), example().size(), &plan);
  for (auto _ : state) {
    std::size_t bytes = 0;
    lib().batch_score_jsonl(
        plan, batch_records().data(), batch_records().size(), static_cast<int>(state.range(0)),
        [](uint64_t, const char*, size_t len, int, const char*, void* user) -> int {
          *static_cast<std::size_t*>(user) += len;
          return 0;
        },
        &bytes);
    benchmark::DoNotOptimize(bytes);
  }
  state.SetItemsProcessed(state.iterations() * batch_record_count());
  lib().plan_destroy(plan);
}
BENCHMARK(BM_capi_batch_score_jsonl)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// Arg: threads. The same pipeline in C++, totals kept: what rdy_batch_run_jsonl adds is the rest.
void BM_cpp_io_run_batch(benchmark::State& state) {
  readiness::plan p = readiness::io::read_plan_json(example());
  for (auto _ : state) {
    std::istringstream in(batch_records());
    std::vector<readiness::io::batch_input> inputs{{"records", &in, batch_records().size()}};
    std::vector<readiness::scored_record> kept;
    readiness::io::batch_sink sink;
    sink.record = [&](const std::string& id, const readiness::score_total& total) {
      kept.push_back({id, total});
    };
    readiness::io::batch_options options;
    options.threads = static_cast<unsigned>(state.range(0));
    readiness::io::run_batch(p, inputs, readiness::io::batch_format::jsonl, options, sink);
    benchmark::DoNotOptimize(kept.data());
  }
  state.SetItemsProcessed(state.iterations() * batch_record_count());
}
BENCHMARK(BM_cpp_io_run_batch)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// Ranking a kept batch with a 10% quota.
void BM_capi_batch_rank(benchmark::State& state) {
  rdy_plan* plan = nullptr;
  lib().plan_load_json(example().data(), example().size(), &plan);
  rdy_batch* batch = nullptr;
  lib().batch_run_jsonl(plan, batch_records().data(), batch_records().size(), 0, &batch);
  for (auto _ : state) {
    rdy_ranking* ranking = nullptr;
    lib().batch_rank(batch, "10%", &ranking);
    lib().ranking_destroy(ranking);
  }
  state.SetItemsProcessed(state.iterations() * batch_record_count());
  lib().batch_destroy(batch);
  lib().plan_destroy(plan);
}
BENCHMARK(BM_capi_batch_rank)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
