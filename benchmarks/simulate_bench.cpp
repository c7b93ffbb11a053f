// Monte Carlo: 10,000 iterations of a 10,000-task plan, on 1 and 2 threads (target: ≤ 5 s on two
// cores, ≥ 1.8× speed-up from 1 to 2 threads).
#include <benchmark/benchmark.h>

#include "readiness/calendar_io.hpp"
#include "readiness/simulate.hpp"
#include "synthetic_plan.hpp"

namespace {

void BM_simulate_10k_tasks(benchmark::State& state) {
  static readiness::plan p = bench::synthetic_plan(10000);
  static readiness::plan_calendars calendars = readiness::io::load_plan_calendars(p);
  static readiness::task_graph graph(p);
  static readiness::compiled_rubric rubric = readiness::compile_rubric(p.rubric, p.sites);
  readiness::simulation_options o;
  o.iterations = static_cast<std::uint64_t>(state.range(1));
  o.seed = 1;
  o.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    auto r = readiness::simulate(p, graph, calendars, rubric, o);
    benchmark::DoNotOptimize(r.score.mean);
  }
  state.counters["iterations/s"] = benchmark::Counter(
      static_cast<double>(state.range(1)) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
}

}  // namespace

BENCHMARK(BM_simulate_10k_tasks)
    ->Args({1, 10000})
    ->Args({2, 10000})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

BENCHMARK_MAIN();
