// Scheduling benchmarks: random DAGs of 10k, 100k and 1M tasks (about 3 FS links per task) on
// the 2026 China calendar. Times building the graph from the model, setting up the network, and
// the passes (forward, backward, floats, critical flags).
//
//   schedule_bench                       Google Benchmark runs
//   schedule_bench --compare N DIR       one measured run of N tasks as JSON on stdout, and the
//                                        same DAG written to DIR/dag-N.txt for compare_schedule.py
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <random>
#include <string>

#include "readiness/calendar_io.hpp"
#include "readiness/dates.hpp"
#include "readiness/schedule.hpp"
#include "readiness/task_graph.hpp"

using namespace readiness;

namespace {

constexpr int links_per_task = 3;

// Task i depends on up to three distinct earlier tasks, uniformly chosen; durations 1 … 10.
plan random_plan(std::size_t n, std::uint64_t seed = 42) {
  std::mt19937_64 rng(seed);
  plan p;
  p.assessment.as_of = date(2026, 1, 5);
  p.calendar = calendar_spec{};
  p.calendar->base = "cn";
  p.tasks.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    task& t = p.tasks[i];
    t.id = "T" + std::to_string(i + 1);
    t.duration = static_cast<std::int64_t>(rng() % 10 + 1);
    std::size_t k = std::min<std::size_t>(i, links_per_task);
    for (std::size_t j = 0; j < k; ++j) {
      std::size_t pred = rng() % i;
      bool seen = false;
      for (const auto& l : t.after) seen = seen || l.task == p.tasks[pred].id;
      if (!seen) t.after.push_back({p.tasks[pred].id, link_type::fs, 0, {}});
    }
  }
  return p;
}

const plan_calendars& calendars() {
  static const plan_calendars cals = [] {
    plan p;
    p.calendar = calendar_spec{};
    p.calendar->base = "cn";
    return io::load_plan_calendars(p);
  }();
  return cals;
}

void BM_build_graph(benchmark::State& state) {
  plan p = random_plan(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    task_graph g(p);
    benchmark::DoNotOptimize(g.topological_order().data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_setup(benchmark::State& state) {
  plan p = random_plan(static_cast<std::size_t>(state.range(0)));
  task_graph g(p);
  for (auto _ : state) {
    schedule_engine engine(p, g, calendars(), *p.assessment.as_of);
    benchmark::DoNotOptimize(&engine);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_passes(benchmark::State& state) {
  plan p = random_plan(static_cast<std::size_t>(state.range(0)));
  task_graph g(p);
  schedule_engine engine(p, g, calendars(), *p.assessment.as_of);
  for (auto _ : state) {
    engine.run();
    benchmark::DoNotOptimize(engine.total_float(0));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_end_to_end(benchmark::State& state) {
  plan p = random_plan(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    task_graph g(p);
    schedule_engine engine(p, g, calendars(), *p.assessment.as_of);
    engine.run();
    benchmark::DoNotOptimize(engine.total_float(0));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_compute_schedule(benchmark::State& state) {
  plan p = random_plan(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    schedule s = compute_schedule(p, calendars());
    benchmark::DoNotOptimize(s.tasks.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

BENCHMARK(BM_build_graph)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_setup)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_passes)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_end_to_end)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_compute_schedule)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// The process's peak resident size (VmHWM). Not getrusage's ru_maxrss: that starts from the peak
// of the process that ran this one before exec (a Python script's, larger than a 10k-task run).
long peak_rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string key;
  long kib = 0;
  while (status >> key) {
    if (key == "VmHWM:") {
      status >> kib;
      break;
    }
    status.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
  }
  return kib;
}

// Starts a fresh peak: the heap's free memory goes back to the system (else a small run reuses
// what building the plan left free and shows no growth), and Linux resets the process's peak
// resident size to its current one. Returns the new peak.
long restart_peak_rss_kib() {
  malloc_trim(0);
  std::ofstream reset("/proc/self/clear_refs");
  if (!(reset << "5" << std::flush))
    std::fprintf(stderr, "schedule_bench: could not reset the peak; memory growth may read low\n");
  return peak_rss_kib();
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// One measured run for compare_schedule.py: best of several repetitions for time, the peak RSS
// growth of the first run for memory. Writes the DAG and our finish days for cross-checking.
int compare(std::size_t n, const std::string& dir) {
  plan p = random_plan(n);
  const plan_calendars& cals = calendars();
  std::size_t links = 0;
  for (const auto& t : p.tasks) links += t.after.size();
  {
    std::ofstream out(dir + "/dag-" + std::to_string(n) + ".txt");
    out << n << ' ' << links << '\n';
    for (const auto& t : p.tasks) {
      out << *t.duration << ' ' << t.after.size();
      for (const auto& l : t.after) out << ' ' << (std::stoul(l.task.substr(1)) - 1);
      out << '\n';
    }
  }
  long rss_before = restart_peak_rss_kib(), rss_after = 0;
  double build = 1e9, setup = 1e9, passes = 1e9, end_to_end = 1e9;
  std::int32_t finish = 0;
  // At least three repetitions, more for small plans (until about a second has passed): the best
  // of a few runs, as for the peers.
  auto begun = std::chrono::steady_clock::now();
  for (int rep = 0; rep < 3 || (rep < 50 && seconds_since(begun) < 1.0); ++rep) {
    auto whole = std::chrono::steady_clock::now();
    auto t0 = std::chrono::steady_clock::now();
    task_graph g(p);
    build = std::min(build, seconds_since(t0));
    t0 = std::chrono::steady_clock::now();
    schedule_engine engine(p, g, cals, *p.assessment.as_of);
    setup = std::min(setup, seconds_since(t0));
    t0 = std::chrono::steady_clock::now();
    engine.run();
    passes = std::min(passes, seconds_since(t0));
    end_to_end = std::min(end_to_end, seconds_since(whole));
    if (rep == 0) {
      rss_after = peak_rss_kib();  // the first run's: before the output below allocates
      std::int32_t day0 = cals.plan.index_on_or_after(*p.assessment.as_of);
      for (std::size_t i = 0; i < n; ++i) finish = std::max(finish, engine.early_finish(i) - day0);
      std::ofstream out(dir + "/ours-" + std::to_string(n) + ".txt");
      for (std::size_t i = 0; i < n; ++i)
        out << g.id(i) << ' ' << (engine.early_finish(i) - day0) << ' ' << engine.total_float(i)
            << '\n';
    }
  }
  std::printf(
      "{\"tasks\": %zu, \"links\": %zu, \"build_s\": %.6f, \"setup_s\": %.6f, \"passes_s\": "
      "%.6f, \"end_to_end_s\": %.6f, \"peak_rss_growth_bytes\": %ld, \"finish_day\": %d}\n",
      n, links, build, setup, passes, end_to_end, (rss_after - rss_before) * 1024L, finish);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::strcmp(argv[1], "--compare") == 0)
    return compare(std::stoul(argv[2]), argv[3]);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
