// Thread safety as the README states it: one const plan (and its graph, calendars and compiled
// rubric) used from many threads at once gives exactly the single-threaded results. Run under
// ThreadSanitizer by scripts/test-tsan.sh.
#include <catch2/catch.hpp>

#include <atomic>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "io/batch.hpp"
#include "readiness/calendar_io.hpp"
#include "readiness/forecast.hpp"
#include "readiness/forecast_io.hpp"
#include "readiness/plan_io.hpp"
#include "readiness/schedule.hpp"
#include "readiness/schedule_io.hpp"
#include "readiness/score_io.hpp"
#include "readiness/scoring.hpp"
#include "readiness/simulate.hpp"
#include "readiness/task_graph.hpp"

using namespace readiness;

namespace {

constexpr int thread_count = 8;

const plan& example_plan() {
  static const plan p =
      io::read_plan_file(std::string(READINESS_SOURCE_DIR) + "/data/examples/district-2026.json");
  return p;
}

// Runs body(thread index) on thread_count threads started together; returns how many threw.
int on_threads(const std::function<void(int)>& body) {
  std::atomic<int> ready{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < thread_count; ++t)
    threads.emplace_back([&, t] {
      ++ready;
      while (ready.load() < thread_count) std::this_thread::yield();
      try {
        body(t);
      } catch (...) {
        ++failures;
      }
    });
  for (auto& th : threads) th.join();
  return failures.load();
}

simulation_options small_simulation(unsigned threads) {
  simulation_options o;
  o.iterations = 300;
  o.seed = 11;
  o.threads = threads;
  return o;
}

}  // namespace

TEST_CASE("one const plan scores, schedules and forecasts identically on 8 threads",
          "[concurrency]") {
  const plan& p = example_plan();
  const std::string score = io::write_score_json(score_plan(p));
  const plan_calendars calendars = io::load_plan_calendars(p);
  const std::string sched = io::write_schedule_json(compute_schedule(p, calendars));
  const std::string fore = io::write_forecast_json(io::forecast_plan(p));
  const std::string risk = io::write_risk_json(io::simulate_plan(p, small_simulation(1)));

  std::vector<std::string> scores(thread_count), schedules(thread_count), forecasts(thread_count),
      risks(thread_count);
  int failures = on_threads([&](int t) {
    auto i = static_cast<std::size_t>(t);
    for (int round = 0; round < 3; ++round) {
      scores[i] = io::write_score_json(score_plan(p));
      schedules[i] = io::write_schedule_json(compute_schedule(p, calendars));
      forecasts[i] = io::write_forecast_json(io::forecast_plan(p));
    }
    risks[i] = io::write_risk_json(io::simulate_plan(p, small_simulation(1)));
  });
  CHECK(failures == 0);
  for (int t = 0; t < thread_count; ++t) {
    auto i = static_cast<std::size_t>(t);
    CHECK(scores[i] == score);
    CHECK(schedules[i] == sched);
    CHECK(forecasts[i] == fore);
    CHECK(risks[i] == risk);
  }
}

TEST_CASE("one task graph, calendar set and compiled rubric are shared read-only by 8 threads",
          "[concurrency]") {
  const plan& p = example_plan();
  const task_graph graph(p);
  const plan_calendars calendars = io::load_plan_calendars(p);
  const compiled_rubric rubric = compile_rubric(p.rubric, p.sites);
  const schedule s = compute_schedule(p, graph, calendars);
  const std::string sched = io::write_schedule_json(s);
  const std::string fore = io::write_forecast_json(forecast(p, graph, calendars, s, rubric));

  std::vector<std::string> schedules(thread_count), forecasts(thread_count);
  int failures = on_threads([&](int t) {
    auto i = static_cast<std::size_t>(t);
    schedule mine = compute_schedule(p, graph, calendars);
    schedules[i] = io::write_schedule_json(mine);
    forecasts[i] = io::write_forecast_json(forecast(p, graph, calendars, mine, rubric));
  });
  CHECK(failures == 0);
  for (std::size_t i = 0; i < thread_count; ++i) {
    CHECK(schedules[i] == sched);
    CHECK(forecasts[i] == fore);
  }
}

TEST_CASE("simulations run concurrently, each on several threads, give the one-thread result",
          "[concurrency]") {
  const plan& p = example_plan();
  const std::string expected = io::write_risk_json(io::simulate_plan(p, small_simulation(1)));
  std::vector<std::string> risks(4);
  std::vector<std::thread> callers;
  for (std::size_t i = 0; i < risks.size(); ++i)
    callers.emplace_back(
        [&, i] { risks[i] = io::write_risk_json(io::simulate_plan(p, small_simulation(4))); });
  for (auto& c : callers) c.join();
  for (const auto& r : risks) CHECK(r == expected);
}

TEST_CASE("batches scored concurrently on shared plan keep their results and order",
          "[concurrency]") {
  const plan& p = example_plan();
  std::string records;
  for (int i = 0; i < 400; ++i)
    records += "{\"id\": \"d" + std::to_string(i) + "\", \"items\": {\"1.1\": {\"met\": [" +
               (i % 2 ? "\"a\"" : "") +
               "]}}, \"vetoes\": {\"V1\": " + (i % 7 == 0 ? "true" : "false") + "}}\n";
  auto run = [&](unsigned threads) {
    std::istringstream in(records);
    std::string out;
    io::batch_sink sink;
    sink.text = [&](std::string_view text) { out += text; };
    sink.bad = [&](const std::string& message) { out += "bad: " + message + "\n"; };
    io::batch_options options;
    options.threads = threads;
    options.chunk_bytes = 2048;
    io::run_batch(p, {{"d.jsonl", &in, records.size()}}, io::batch_format::jsonl, options, sink);
    return out;
  };
  const std::string expected = run(1);
  REQUIRE_FALSE(expected.empty());
  std::vector<std::string> outs(4);
  std::vector<std::thread> callers;
  for (std::size_t i = 0; i < outs.size(); ++i) callers.emplace_back([&, i] { outs[i] = run(4); });
  for (auto& c : callers) c.join();
  for (const auto& o : outs) CHECK(o == expected);
}
