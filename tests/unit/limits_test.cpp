// Limits (include/readiness/limits.hpp): adversarial sizes and shapes are refused with a clear
// error or handled in linear time — no stack overflow, no quadratic blow-up, no memory out of
// proportion to the input.
#include <catch2/catch.hpp>

#include <chrono>
#include <sstream>
#include <string>
#include <vector>

#include "readiness/assessment_record.hpp"
#include "readiness/calendar_io.hpp"
#include "readiness/error.hpp"
#include "readiness/forecast_io.hpp"
#include "readiness/limits.hpp"
#include "readiness/plan_io.hpp"
#include "readiness/schedule.hpp"
#include "readiness/schedule_io.hpp"
#include "readiness/scoring.hpp"
#include "readiness/task_graph.hpp"
#include "readiness/validate.hpp"

using namespace readiness;

namespace {

// Generous: these guard against quadratic work (minutes), on a loaded machine under sanitizers.
constexpr double linear_budget_seconds = 60;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string task_id(std::size_t i) {
  std::string digits = std::to_string(i);
  return "T" + std::string(7 - digits.size(), '0') + digits;
}

plan empty_plan() {
  plan p;
  p.title = "limits";
  struct inspection in;
  in.arrives = date(2026, 10, 12);
  in.ready_by = date(2026, 10, 9);
  p.inspection = in;
  p.assessment.as_of = date(2026, 7, 30);
  return p;
}

task leaf(std::size_t i, std::int64_t duration) {
  task t;
  t.id = task_id(i);
  t.duration = duration;
  return t;
}

schedule schedule_of(const plan& p) {
  return compute_schedule(p, io::load_plan_calendars(p));
}

error error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const error& e) {
    return e;
  }
  FAIL("no error thrown");
  throw std::logic_error("unreachable");
}

std::string plan_json(const std::string& extra) {
  return R"({"format": "readiness/1", "rubric": {"categories": []})" + extra + "}";
}

}  // namespace

TEST_CASE("a 100,000-deep parent chain validates and schedules, iteratively and in linear time",
          "[limits]") {
  constexpr std::size_t depth = 100000;
  plan p = empty_plan();
  for (std::size_t i = 0; i < depth; ++i) {
    task t;
    t.id = task_id(i);
    if (i > 0) t.parent = task_id(i - 1);
    if (i + 1 == depth) t.duration = 5;
    p.tasks.push_back(std::move(t));
  }
  p.tasks[0].due = date(2026, 8, 31);  // inherited by every descendant
  auto start = std::chrono::steady_clock::now();
  CHECK(validate(p).empty());
  schedule s = schedule_of(p);
  CHECK(seconds_since(start) < linear_budget_seconds);
  REQUIRE(s.tasks.size() == depth);
  const scheduled_task* deepest = s.find(task_id(depth - 1));
  REQUIRE(deepest != nullptr);
  CHECK(deepest->deadline == date(2026, 8, 31));
  CHECK(s.find(task_id(0))->summary);
  CHECK(s.find(task_id(0))->ef == deepest->ef);
  CHECK_FALSE(io::write_schedule_json(s).empty());
}

TEST_CASE("a parent cycle 100,000 tasks long is named, not recursed into", "[limits]") {
  constexpr std::size_t length = 100000;
  plan p = empty_plan();
  for (std::size_t i = 0; i < length; ++i) {
    task t;
    t.id = task_id(i);
    t.parent = task_id((i + 1) % length);
    p.tasks.push_back(std::move(t));
  }
  p.tasks.push_back(leaf(length, 1));
  p.tasks.back().parent = task_id(0);
  error e = error_of([&] { task_graph g(p); });
  CHECK(e.code() == errc::cycle);
}

TEST_CASE("a 200,000-task link chain reads, schedules and forecasts in linear time", "[limits]") {
  constexpr std::size_t length = 200000;
  std::string tasks;
  tasks.reserve(length * 64);
  for (std::size_t i = 0; i < length; ++i) {
    // Milestones but for every 1,000th task, so the chain stays within the years with dates.
    tasks += (i ? "," : "") + std::string(R"({"id": ")") + task_id(i) + R"(", "duration": )" +
             (i % 1000 == 999 ? "1" : "0");
    if (i) tasks += R"(, "after": [")" + task_id(i - 1) + R"("])";
    tasks += "}";
  }
  std::string doc = plan_json(R"(, "inspection": {"arrives": "2026-10-12"},
      "assessment": {"as_of": "2026-07-30"}, "tasks": [)" +
                              tasks + "]");
  auto start = std::chrono::steady_clock::now();
  plan p = io::read_plan_json(doc);
  schedule s = schedule_of(p);
  CHECK(s.driving_path.size() == length);
  auto f = io::forecast_plan(p);
  CHECK(seconds_since(start) < linear_budget_seconds);
  CHECK(s.find(task_id(length - 1))->remaining == 1);
  CHECK_FALSE(f.curve.empty());
}

TEST_CASE("wide fan-in and fan-out of 100,000 links schedule in linear time", "[limits]") {
  constexpr std::size_t width = 100000;
  plan p = empty_plan();
  p.tasks.push_back(leaf(0, 1));  // the source
  for (std::size_t i = 1; i <= width; ++i) {
    p.tasks.push_back(leaf(i, static_cast<std::int64_t>(i % 7)));
    p.tasks.back().after.push_back({task_id(0), link_type::fs, 0, {}});
  }
  task sink = leaf(width + 1, 1);  // after every one of them
  for (std::size_t i = 1; i <= width; ++i)
    sink.after.push_back({task_id(i), i % 2 ? link_type::fs : link_type::ff, 0, {}});
  p.tasks.push_back(std::move(sink));
  auto start = std::chrono::steady_clock::now();
  CHECK(validate(p).empty());
  schedule s = schedule_of(p);
  CHECK(seconds_since(start) < linear_budget_seconds);
  // The source finishes on day 0; the longest middle task (6 days) ends on day 6; the sink then
  // takes day 7.
  const scheduled_task* last = s.find(task_id(width + 1));
  REQUIRE(last != nullptr);
  CHECK(last->remaining == 1);
  CHECK(s.driving_path.front() == task_id(0));
  CHECK(s.driving_path.back() == task_id(width + 1));
}

TEST_CASE("the longest allowed durations in a long chain do not overflow the schedule",
          "[limits]") {
  plan p = empty_plan();
  for (std::size_t i = 0; i < 3000; ++i) {
    p.tasks.push_back(leaf(i, limits::max_days));
    if (i) p.tasks.back().after.push_back({task_id(i - 1), link_type::fs, limits::max_days, {}});
  }
  // Three thousand million working days: beyond any date. Refused or saturated, never wrapped.
  try {
    schedule s = schedule_of(p);
    for (const auto& t : s.tasks) CHECK(t.ef >= t.es);
  } catch (const error& e) {
    CHECK((e.code() == errc::limit || e.code() == errc::validation));
  }
}

TEST_CASE("a plan asking for 10^12 iterations is refused when read", "[limits]") {
  error e =
      error_of([] { io::read_plan_json(plan_json(R"(, "simulation": {"iterations": 1e12})")); });
  CHECK(e.code() == errc::validation);
  REQUIRE(e.diagnostics().size() == 1);
  CHECK(e.diagnostics()[0].where == "/simulation/iterations");
  CHECK(e.diagnostics()[0].message == "must be at most 10000000, got 1000000000000");
  CHECK_NOTHROW(io::read_plan_json(plan_json(R"(, "simulation": {"iterations": 10000000})")));
}

TEST_CASE("huge counts, deficiencies and hits score without overflow", "[limits]") {
  std::string doc = plan_json(R"(,
    "assessment": {"items": {"1.1": {"count": 9223372036854775807},
                             "1.2": {"deficiencies": 9223372036854775807},
                             "1.3": {"hits": 9223372036854775807, "of": 9223372036854775807},
                             "P1": {"count": 9223372036854775807}}})");
  doc.replace(doc.find(R"("categories": [])"), 16, R"("categories": [{"id": "1", "points": 6,
    "items": [{"id": "1.1", "points": 2, "rule": {"kind": "per_unit", "unit": 0.5}},
              {"id": "1.2", "points": 2, "rule": {"kind": "deduction", "per": 0.25}},
              {"id": "1.3", "points": 2, "rule": {"kind": "ratio"}}]}],
    "penalties": {"cap": 3, "items": [{"id": "P1", "rule": {"kind": "penalty", "per": 0.5}}]})");
  plan p = io::read_plan_json(doc);
  score_result r = score_plan(p);
  CHECK(r.total.base == 400);      // 2 + 0 + 2
  CHECK(r.total.penalty == -300);  // capped
  CHECK(r.total.total == 100);
}

TEST_CASE("more rubric items than the limit are refused before validation", "[limits]") {
  std::string items;
  for (std::size_t i = 0; i <= limits::max_items; ++i)
    items += (i ? "," : "") + std::string(R"({"id": "i)") + std::to_string(i) +
             R"(", "points": 0, "rule": {"kind": "check"}})";
  std::string doc = R"({"format": "readiness/1", "rubric": {"categories": [{"id": "1",
      "points": 0, "items": [)" +
                    items + "]}]}}";
  error e = error_of([&] { io::read_plan_json(doc); });
  CHECK(e.code() == errc::limit);
  REQUIRE(e.diagnostics().size() == 1);
  CHECK(e.diagnostics()[0].where == "/rubric");
  CHECK(e.diagnostics()[0].message == "100001 items, more than the limit of 100000");
}

TEST_CASE("a batch record longer than 1 MiB is refused without holding it", "[limits]") {
  std::string huge =
      R"({"id": "big", "x-pad": ")" + std::string(limits::max_record_bytes, 'x') + "\"}";
  std::string text = R"({"id": "a"})"
                     "\n" +
                     huge + "\n" +
                     R"({"id": "b"})"
                     "\n";
  std::istringstream in(text);
  std::vector<std::string> ids, bad;
  std::vector<errc> codes;
  io::read_assessment_records(
      in, "big.jsonl", [&](io::assessment_record&& r) { ids.push_back(r.id); },
      [&](const error& e) {
        codes.push_back(e.code());
        bad.push_back(e.diagnostics()[0].where + ": " + e.diagnostics()[0].message);
      });
  CHECK(ids == std::vector<std::string>{"a", "b"});
  REQUIRE(bad.size() == 1);
  CHECK(codes[0] == errc::limit);
  CHECK(bad[0] == "big.jsonl:2: the record is " + std::to_string(huge.size()) +
                      " bytes, more than the limit of 1048576");
  error direct = error_of([&] { io::parse_assessment_record(huge, "one"); });
  CHECK(direct.code() == errc::limit);
}

TEST_CASE("deep nesting in a record, a holiday file or a plan is an error, not a stack overflow",
          "[limits]") {
  std::string deep = std::string(100000, '[') + std::string(100000, ']');
  CHECK(error_of([&] {
          io::parse_assessment_record(R"({"id": "x", "x-d": )" + deep + "}", "r");
        }).code() == errc::parse);
  CHECK(error_of([&] {
          io::parse_holiday_file(R"({"year": 2027, "x": )" + deep + "}", "h");
        }).code() == errc::parse);
  CHECK(error_of([&] { io::read_plan_json(plan_json(R"(, "x-d": )" + deep)); }).code() ==
        errc::limit);
}
