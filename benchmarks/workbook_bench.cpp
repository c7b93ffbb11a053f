// The SQLite workbook: importing a generated 100,000-task plan, 10,000 progress updates (each
// its own transaction, and in batches of 100), loading the plan now and rebuilding it as of a
// past day. Files live in the system temporary folder.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "../tests/support/temp_folder.hpp"
#include "../tests/support/workbook_plans.hpp"
#include "readiness/workbook.hpp"

namespace {

using namespace readiness;

const plan& big_plan() {
  static const plan p = workbook_plans::generate_plan(100000, 3);
  return p;
}

const test_support::temp_folder& folder() {
  static const test_support::temp_folder dir("bench");
  return dir;
}

std::vector<std::string> open_tasks(const plan& p, std::size_t count) {
  std::vector<std::string> out;
  for (const auto& t : p.tasks)
    if (t.duration && !t.finished && out.size() < count) out.push_back(t.id);
  return out;
}

// A 100k-task workbook with 10,000 recorded updates spread over ten days, made once.
const std::string& history_workbook() {
  static const std::string path = [] {
    std::string file = folder().file("history.sqlite");
    workbook wb = workbook::create(file, big_plan());
    auto tasks = open_tasks(big_plan(), 10000);
    for (int d = 0; d < 10; ++d) {
      std::vector<update> batch;
      for (std::size_t i = 0; i < 1000; ++i)
        batch.push_back(
            task_progress{tasks[(static_cast<std::size_t>(d) * 1000 + i) % tasks.size()],
                          make_fraction(d + 1, 10), std::nullopt, std::nullopt});
      wb.apply(batch, {"bench", "2026-08-" + std::to_string(10 + d) + "T09:00:00Z"});
    }
    return file;
  }();
  return path;
}

void BM_import_100k_tasks(benchmark::State& state) {
  const plan& p = big_plan();
  workbook::create_options overwrite;
  overwrite.overwrite = true;
  for (auto _ : state) workbook::create(folder().file("import.sqlite"), p, overwrite);
  state.counters["tasks"] = static_cast<double>(p.tasks.size());
  state.counters["bytes"] =
      static_cast<double>(std::filesystem::file_size(folder().file("import.sqlite")));
}
BENCHMARK(BM_import_100k_tasks)->Unit(benchmark::kMillisecond)->Iterations(2);

// One update per transaction on a plan the size of a district's (200 tasks).
void BM_progress_update_each_own_transaction(benchmark::State& state) {
  workbook::create_options overwrite;
  overwrite.overwrite = true;
  plan p = workbook_plans::generate_plan(200, 5);
  workbook wb = workbook::create(folder().file("single.sqlite"), p, overwrite);
  auto tasks = open_tasks(p, 50);
  std::int64_t k = 0;
  for (auto _ : state) {
    wb.apply(task_progress{tasks[static_cast<std::size_t>(k) % tasks.size()],
                           make_fraction(k % 100, 100), std::nullopt, std::nullopt},
             {"bench", std::nullopt});
    ++k;
  }
  state.SetItemsProcessed(k);
}
BENCHMARK(BM_progress_update_each_own_transaction)
    ->Unit(benchmark::kMicrosecond)
    ->Iterations(10000);

// 10,000 updates in batches of `range(0)`, one transaction per batch.
void BM_progress_updates_batched(benchmark::State& state) {
  workbook::create_options overwrite;
  overwrite.overwrite = true;
  plan p = workbook_plans::generate_plan(200, 5);
  auto tasks = open_tasks(p, 50);
  const auto batch_size = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) {
    state.PauseTiming();
    workbook wb = workbook::create(folder().file("batched.sqlite"), p, overwrite);
    state.ResumeTiming();
    for (std::size_t done = 0; done < 10000; done += batch_size) {
      std::vector<update> batch;
      for (std::size_t i = 0; i < batch_size; ++i)
        batch.push_back(task_progress{tasks[(done + i) % tasks.size()],
                                      make_fraction(static_cast<std::int64_t>(i % 100), 100),
                                      std::nullopt, std::nullopt});
      wb.apply(batch, {"bench", std::nullopt});
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * 10000);
}
BENCHMARK(BM_progress_updates_batched)->Arg(100)->Unit(benchmark::kMillisecond)->Iterations(2);

void BM_load_now_100k(benchmark::State& state) {
  workbook wb = workbook::open(history_workbook());
  for (auto _ : state) benchmark::DoNotOptimize(wb.load());
}
BENCHMARK(BM_load_now_100k)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_as_of_rebuild_100k(benchmark::State& state) {
  workbook wb = workbook::open(history_workbook());
  for (auto _ : state) benchmark::DoNotOptimize(wb.load(date(2026, 8, 14)));
}
BENCHMARK(BM_as_of_rebuild_100k)->Unit(benchmark::kMillisecond)->Iterations(3);

// A fresh connection pays for reading the structure once.
void BM_as_of_rebuild_100k_fresh_connection(benchmark::State& state) {
  const std::string& path = history_workbook();
  for (auto _ : state) benchmark::DoNotOptimize(workbook::open(path).load(date(2026, 8, 14)));
}
BENCHMARK(BM_as_of_rebuild_100k_fresh_connection)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
