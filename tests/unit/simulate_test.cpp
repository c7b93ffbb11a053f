#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "readiness/error.hpp"
#include "readiness/forecast_io.hpp"
#include "readiness/plan_io.hpp"
#include "readiness/simulate.hpp"

using namespace readiness;

namespace {

std::string plan_with(const std::string& tasks, const std::string& extra = "") {
  return R"({"format": "readiness/1", "title": "t",
  "inspection": {"arrives": "2026-03-30", "ready_by": "2026-03-27", "target": 2},)" +
         extra + R"(
  "units": [{"id": "u1", "name": "一号单位"}],
  "rubric": {"id": "r", "total": 3, "categories": [{"id": "1", "points": 3, "items": [
      {"id": "1.1", "points": 1, "rule": {"kind": "check"}},
      {"id": "1.2", "points": 1, "rule": {"kind": "check"}},
      {"id": "1.3", "points": 1, "rule": {"kind": "check"}}]}]},
  "assessment": {"as_of": "2026-03-02", "items": {"1.1": {"met": false}, "1.2": {"met": false},
    "1.3": {"met": true}}},
  "tasks": [)" +
         tasks + "]}";
}

// Day 0 is Monday 2026-03-02; due 2026-03-09 is working day 5, so a task starting on day 0 is on
// time when it takes at most 6 working days.
const char* one_triangular = R"(
  {"id": "T1", "lead": "u1", "duration": 5, "due": "2026-03-09",
   "estimate": {"optimistic": 2, "likely": 5, "pessimistic": 12},
   "effects": [{"item": "1.1", "met": true}]})";

const char* chain = R"(
  {"id": "A", "lead": "u1", "duration": 5, "estimate": {"optimistic": 3, "likely": 5, "pessimistic": 9},
   "effects": [{"item": "1.1", "met": true}]},
  {"id": "B", "lead": "u1", "duration": 6, "after": ["A"],
   "estimate": {"optimistic": 4, "likely": 6, "pessimistic": 14, "distribution": "pert"},
   "effects": [{"item": "1.2", "met": true}]},
  {"id": "C", "lead": "u1", "duration": 3, "progress": 0.5,
   "estimate": {"optimistic": 2, "likely": 3, "pessimistic": 20}},
  {"id": "D", "lead": "u1", "duration": 2, "after": ["B", "C"]})";

risk_result run(const std::string& doc, std::uint64_t n, unsigned threads, std::uint64_t seed = 7) {
  plan p = io::read_plan_json(doc);
  simulation_options o;
  o.iterations = n;
  o.seed = seed;
  o.threads = threads;
  return io::simulate_plan(p, o);
}

}  // namespace

TEST_CASE("the same seed gives identical results on 1, 2 and 4 threads", "[simulate]") {
  std::string doc = plan_with(chain);
  std::string one = io::write_risk_json(run(doc, 2000, 1), 0);
  CHECK(one == io::write_risk_json(run(doc, 2000, 2), 0));
  CHECK(one == io::write_risk_json(run(doc, 2000, 4), 0));
  CHECK(one != io::write_risk_json(run(doc, 2000, 2, 8), 0));
}

TEST_CASE("the example plan simulates identically whatever the thread count", "[simulate]") {
  plan p =
      io::read_plan_file(std::string(READINESS_SOURCE_DIR) + "/data/examples/district-2026.json");
  simulation_options o;
  o.iterations = 300;
  o.seed = 1;
  o.threads = 1;
  std::string one = io::write_risk_json(io::simulate_plan(p, o), 0);
  o.threads = 3;
  CHECK(one == io::write_risk_json(io::simulate_plan(p, o), 0));
}

TEST_CASE("a plan without estimates has no variance", "[simulate]") {
  std::string doc = plan_with(R"(
    {"id": "A", "lead": "u1", "duration": 5, "effects": [{"item": "1.1", "met": true}]},
    {"id": "B", "lead": "u1", "duration": 30, "after": ["A"], "effects": [{"item": "1.2", "met": true}]})");
  auto r = run(doc, 500, 2);
  CHECK(r.score.p10 == r.score.p90);
  CHECK(r.score.p10 == 200);
  CHECK(r.finish_p50 == r.finish_p95);
  for (const auto& t : r.tasks) {
    CHECK(t.p50 == t.p95);
    CHECK(t.sensitivity == 0);
    CHECK((t.p_on_time == 0 || t.p_on_time == 1));
  }
  CHECK(r.score.p_target == Approx(1.0));
}

TEST_CASE("the chance of meeting a deadline matches the triangular distribution", "[simulate]") {
  // P(ceil(X) ≤ 6) = P(X ≤ 6) = 1 − (12 − 6)² / ((12 − 2)(12 − 5)) for X ~ triangular(2, 5, 12).
  double expected = 1.0 - 36.0 / 70.0;
  std::uint64_t n = 20000;
  auto r = run(plan_with(one_triangular), n, 2);
  REQUIRE(r.tasks.size() == 1);
  double sigma = std::sqrt(expected * (1 - expected) / static_cast<double>(n));
  CHECK(std::abs(r.tasks[0].p_on_time - expected) < 4 * sigma);
  // The score is 2 when T1 is in by ready_by (working day 19: always), so the target is sure.
  CHECK(r.score.p_target == Approx(1.0));
  // Median finish: the triangular median is 12 − sqrt(0.5 × 10 × 7) ≈ 6.08 → 7 working days.
  CHECK(format_iso_date(r.tasks[0].p50) == "2026-03-10");
}

TEST_CASE("PERT draws stay in range and centre on (a + 4m + b) / 6", "[simulate]") {
  double sum = 0;
  for (std::uint64_t i = 0; i < 20000; ++i) {
    random_stream rng(3, i);
    double x = pert_draw(2, 5, 14, rng);
    REQUIRE(x >= 2);
    REQUIRE(x <= 14);
    sum += x;
  }
  CHECK(sum / 20000 == Approx(6.0).margin(0.05));
}

TEST_CASE("a longer duration on the path to a scored effect lowers the score", "[simulate]") {
  std::string doc = plan_with(R"(
    {"id": "A", "lead": "u1", "duration": 10, "estimate": {"optimistic": 5, "likely": 15, "pessimistic": 30},
     "effects": [{"item": "1.1", "met": true}]},
    {"id": "Z", "lead": "u1", "duration": 3, "estimate": {"optimistic": 1, "likely": 3, "pessimistic": 5}})");
  auto r = run(doc, 3000, 2);
  REQUIRE(r.tasks.size() == 2);
  CHECK(r.tasks[0].sensitivity < -0.5);
  CHECK(std::abs(r.tasks[1].sensitivity) < 0.1);
  CHECK(r.score.p10 == 100);
  CHECK(r.score.p90 == 200);
}

TEST_CASE("the progress callback can cancel a simulation", "[simulate]") {
  plan p = io::read_plan_json(plan_with(chain));
  simulation_options o;
  o.iterations = 200000;
  o.threads = 1;
  o.progress = [](std::uint64_t, std::uint64_t) { return false; };
  try {
    io::simulate_plan(p, o);
    FAIL("not cancelled");
  } catch (const error& e) {
    CHECK(e.code() == errc::cancelled);
  }
}

TEST_CASE("zero iterations are refused", "[simulate]") {
  plan p = io::read_plan_json(plan_with(chain));
  simulation_options o;
  o.iterations = 0;
  CHECK_THROWS_AS(io::simulate_plan(p, o), error);
}
