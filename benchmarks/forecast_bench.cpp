// Readiness projection of a 100,000-task plan: the curve (target ≤ 1 s), and the whole forecast
// (curve, points at risk, gaps, units, priorities) for reference.
#include <benchmark/benchmark.h>

#include "readiness/calendar_io.hpp"
#include "readiness/forecast.hpp"
#include "synthetic_plan.hpp"

namespace {

struct prepared {
  readiness::plan p = bench::synthetic_plan(100000);
  readiness::plan_calendars calendars = readiness::io::load_plan_calendars(p);
  readiness::task_graph graph{p};
  readiness::schedule s = readiness::compute_schedule(p, graph, calendars);
  readiness::compiled_rubric rubric = readiness::compile_rubric(p.rubric, p.sites);
};

prepared& plan100k() {
  static prepared x;
  return x;
}

void BM_curve_100k_tasks(benchmark::State& state) {
  prepared& x = plan100k();
  for (auto _ : state) {
    auto curve =
        readiness::readiness_curve(x.p, x.rubric, x.s, x.calendars.plan, *x.p.inspection->arrives);
    benchmark::DoNotOptimize(curve.data());
  }
}

void BM_forecast_100k_tasks(benchmark::State& state) {
  prepared& x = plan100k();
  for (auto _ : state) {
    auto f = readiness::forecast(x.p, x.graph, x.calendars, x.s, x.rubric);
    benchmark::DoNotOptimize(f.curve.data());
  }
}

}  // namespace

BENCHMARK(BM_curve_100k_tasks)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_forecast_100k_tasks)->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK_MAIN();
