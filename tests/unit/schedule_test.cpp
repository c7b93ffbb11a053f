#include <catch2/catch.hpp>

#include <cstdio>
#include <type_traits>

#include "readiness/error.hpp"
#include "readiness/schedule.hpp"
#include "readiness/schedule_io.hpp"
#include "unit/schedule_fixture.hpp"

using namespace readiness;
using fixture::at;
using fixture::d;
using fixture::dep;
using fixture::leaf;

namespace {

const working_calendar plain;  // Monday to Friday

task with_links(task t, std::vector<readiness::link> links) {
  t.after = std::move(links);
  return t;
}

}  // namespace

// The engine keeps pointers to the graph and the calendars, so it refuses temporaries of them.
static_assert(std::is_constructible_v<schedule_engine, const plan&, const task_graph&,
                                      const plan_calendars&, date>);
static_assert(!std::is_constructible_v<schedule_engine, const plan&, task_graph&&,
                                       const plan_calendars&, date>);
static_assert(!std::is_constructible_v<schedule_engine, const plan&, const task_graph&,
                                       plan_calendars&&, date>);

TEST_CASE("FS chain across the National Day holiday and the 10-10 make-up day", "[schedule]") {
  plan p = fixture::plan_on("2026-09-28", {leaf("A", 4), leaf("B", 2, {"A"}),
                                           with_links(leaf("C", 1), {dep("B", link_type::fs, 1)})});
  schedule s = fixture::run(p, fixture::china());
  CHECK(s.day0 == d("2026-09-28"));
  CHECK(at(s, "A").es == d("2026-09-28"));
  CHECK(at(s, "A").ef == d("2026-10-08"));
  CHECK(at(s, "B").es == d("2026-10-09"));
  CHECK(at(s, "B").ef == d("2026-10-10"));  // a Saturday make-up day
  CHECK(at(s, "C").es == d("2026-10-13"));  // lag 1 skips Monday 10-12
  CHECK(s.finish == d("2026-10-13"));
  CHECK(s.driving_path == std::vector<std::string>{"A", "B", "C"});
  CHECK(at(s, "C").finish_index == 7);
  CHECK_FALSE(s.provisional);
}

TEST_CASE("The 09-20 Sunday make-up day and Mid-Autumn are counted", "[schedule]") {
  plan p = fixture::plan_on("2026-09-18", {leaf("A", 3), leaf("B", 5, {"A"})});
  schedule s = fixture::run(p, fixture::china());
  CHECK(at(s, "A").ef == d("2026-09-21"));  // 09-18, 09-20 (Sun), 09-21
  CHECK(at(s, "B").es == d("2026-09-22"));
  CHECK(at(s, "B").ef == d("2026-09-29"));  // 22, 23, 24, (25–27 off) 28, 29
}

TEST_CASE("Spring Festival: work stops 02-15 to 02-23 and resumes on 02-24", "[schedule]") {
  plan p = fixture::plan_on("2026-02-12", {leaf("A", 4), leaf("B", 3, {"A"})});
  schedule s = fixture::run(p, fixture::china());
  CHECK(at(s, "A").ef == d("2026-02-24"));  // 12, 13, 14 (Sat), 24
  CHECK(at(s, "B").ef == d("2026-02-27"));
}

TEST_CASE("Every link type with positive and negative lag", "[schedule]") {
  // Day 0 is Monday 2026-03-02; P works days 0–2 (instants 0 … 3).
  plan p = fixture::plan_on("2026-03-02",
                            {leaf("P", 3), with_links(leaf("FS+", 1), {dep("P", link_type::fs, 2)}),
                             with_links(leaf("FS-", 1), {dep("P", link_type::fs, -1)}),
                             with_links(leaf("SS+", 1), {dep("P", link_type::ss, 1)}),
                             with_links(leaf("SS-", 1), {dep("P", link_type::ss, -2)}),
                             with_links(leaf("FF+", 2), {dep("P", link_type::ff, 1)}),
                             with_links(leaf("FF-", 1), {dep("P", link_type::ff, -1)}),
                             with_links(leaf("SF+", 2), {dep("P", link_type::sf, 5)}),
                             with_links(leaf("SF-", 1), {dep("P", link_type::sf, -1)})});
  schedule s = fixture::run(p, plain);
  CHECK(at(s, "FS+").es == d("2026-03-09"));
  CHECK(at(s, "FS-").es == d("2026-03-04"));
  CHECK(at(s, "SS+").es == d("2026-03-03"));
  CHECK(at(s, "SS-").es == d("2026-03-02"));  // never before day 0
  CHECK(at(s, "FF+").es == d("2026-03-04"));
  CHECK(at(s, "FF+").ef == d("2026-03-05"));
  CHECK(at(s, "FF-").ef == d("2026-03-03"));
  CHECK(at(s, "SF+").ef == d("2026-03-06"));
  CHECK(at(s, "SF-").ef == d("2026-03-02"));
  // Backward through each type: the plan finishes at the end of 03-09 (instant 6).
  CHECK(at(s, "P").lf == d("2026-03-04"));  // FS+ must start by 03-09: P finishes by 03-04 + 0
  CHECK(at(s, "P").total_float == 0);
  CHECK(at(s, "FS+").total_float == 0);
  CHECK(at(s, "SS+").total_float == 4);
  CHECK(at(s, "FF+").total_float == 2);
}

TEST_CASE("Milestones mark the end of the day before them, or day 0", "[schedule]") {
  plan p = fixture::plan_on(
      "2026-03-02", {leaf("M0", 0), leaf("P", 3), leaf("M1", 0, {"P"}), leaf("Q", 1, {"M1"})});
  schedule s = fixture::run(p, plain);
  CHECK(at(s, "M0").es == d("2026-03-02"));
  CHECK(at(s, "M0").ef == d("2026-03-02"));
  CHECK(at(s, "M0").milestone);
  CHECK(at(s, "M1").es == d("2026-03-04"));  // the day P finishes
  CHECK(at(s, "M1").ef == d("2026-03-04"));
  CHECK(at(s, "Q").es == d("2026-03-05"));
  CHECK(at(s, "M1").lf == d("2026-03-04"));
  CHECK(at(s, "M1").total_float == 0);
}

TEST_CASE("Done tasks keep actual dates; in-progress tasks their remaining work", "[schedule]") {
  task done = leaf("D", 5);
  done.started = d("2026-02-23");
  done.finished = d("2026-02-28");  // a Saturday: read as Monday's beginning
  done.progress = make_fraction(1, 1);
  task after_done = with_links(leaf("N", 1), {dep("D", link_type::fs, 3)});
  task running = leaf("R", 10);
  running.started = d("2026-02-23");
  running.progress = make_fraction(1, 4);  // ceil(10 × 0.75) = 8 days left
  task ss = with_links(leaf("S", 1), {dep("R", link_type::ss, 2)});
  plan p = fixture::plan_on("2026-03-04", {done, after_done, running, ss});
  schedule s = fixture::run(p, plain);
  const auto& D = at(s, "D");
  CHECK(D.done);
  CHECK(D.es == d("2026-02-23"));
  CHECK(D.ef == d("2026-02-28"));
  CHECK_FALSE(D.total_float);
  CHECK_FALSE(D.free_float);
  CHECK_FALSE(D.critical);
  CHECK(D.light == light::done);
  CHECK(at(s, "N").es == d("2026-03-05"));  // Monday 03-02 + 3
  const auto& R = at(s, "R");
  CHECK(R.in_progress);
  CHECK(R.remaining == 8);
  CHECK(R.es == d("2026-02-23"));  // its actual start
  CHECK(R.ef == d("2026-03-13"));
  CHECK(at(s, "S").es == d("2026-03-04"));  // started 02-23 + 2 is in the past: day 0
}

TEST_CASE("Remaining work is ceil(duration × (1 − progress)) exactly", "[schedule]") {
  task a = leaf("A", 10), b = leaf("B", 3);
  a.progress = make_fraction(3, 10);  // 7 exactly, no float rounding up to 8
  b.progress = make_fraction(1, 3);   // 2 exactly
  schedule s = fixture::run(fixture::plan_on("2026-03-02", {a, b}), plain);
  CHECK(at(s, "A").remaining == 7);
  CHECK(at(s, "B").remaining == 2);
}

TEST_CASE("not_before and deadlines on holidays", "[schedule]") {
  task a = leaf("A", 2);
  a.not_before = d("2026-10-03");  // in the holiday: first working day after is 10-08
  task b = leaf("B", 1);
  b.due = d("2026-10-05");  // a holiday: the deadline is 09-30
  plan p = fixture::plan_on("2026-09-28", {a, b});
  schedule s = fixture::run(p, fixture::china());
  CHECK(at(s, "A").es == d("2026-10-08"));
  CHECK(at(s, "B").deadline == d("2026-09-30"));
  CHECK(at(s, "B").lf == d("2026-09-30"));
  CHECK(at(s, "B").total_float == 2);
}

TEST_CASE("ready_by defaults to the last working day before arrives; negative float",
          "[schedule]") {
  plan p = fixture::plan_on("2026-09-28", {leaf("A", 10), leaf("B", 1)});
  p.inspection = inspection{};
  p.inspection->arrives = d("2026-10-12");
  schedule s = fixture::run(p, fixture::china());
  REQUIRE(s.ready_by);
  CHECK(*s.ready_by == d("2026-10-10"));  // Saturday make-up day
  const auto& A = at(s, "A");
  CHECK(A.ef == d("2026-10-15"));
  CHECK(A.deadline == d("2026-10-10"));
  CHECK(A.total_float == -4);
  CHECK(A.free_float == -4);
  CHECK(A.critical);
  CHECK(A.ls == d("2026-09-21"));
  CHECK(A.light == light::red);
  CHECK(at(s, "B").total_float == 5);
}

TEST_CASE("Summaries: links to a parent wait for every descendant; its links apply to each",
          "[schedule]") {
  task s1;
  s1.id = "S1";
  s1.due = d("2026-03-06");
  task l1 = leaf("L1", 2), l2 = leaf("L2", 4), own = leaf("L3", 1);
  l1.parent = l2.parent = own.parent = "S1";
  own.due = d("2026-03-20");
  task x = leaf("X", 1, {"S1"});
  task p0 = leaf("P", 3);
  task s2;
  s2.id = "S2";
  s2.after.push_back(dep("P", link_type::fs, 0));
  task k = leaf("K", 1), k2 = leaf("K2", 1);
  k.parent = k2.parent = "S2";
  k2.not_before = d("2026-03-10");
  plan p = fixture::plan_on("2026-03-02", {s1, l1, l2, own, x, p0, s2, k, k2});
  schedule s = fixture::run(p, plain);
  CHECK(at(s, "X").es == d("2026-03-06"));  // after L2 (days 0–3)
  const auto& S1 = at(s, "S1");
  CHECK(S1.summary);
  CHECK(S1.es == d("2026-03-02"));
  CHECK(S1.ef == d("2026-03-05"));
  CHECK(at(s, "L1").deadline == d("2026-03-06"));  // inherited
  CHECK(at(s, "L3").deadline == d("2026-03-20"));  // its own
  CHECK(at(s, "L2").total_float == 1);
  CHECK(at(s, "K").es == d("2026-03-05"));
  CHECK(at(s, "K2").es == d("2026-03-10"));
  CHECK(at(s, "S2").es == d("2026-03-05"));
  CHECK(at(s, "S2").ef == d("2026-03-10"));
}

TEST_CASE("Free float is the least link slack on early dates", "[schedule]") {
  plan p = fixture::plan_on("2026-03-02", {leaf("A", 2), leaf("B", 1), leaf("C", 1, {"A", "B"})});
  schedule s = fixture::run(p, plain);
  CHECK(at(s, "B").free_float == 1);
  CHECK(at(s, "B").total_float == 1);
  CHECK(at(s, "A").free_float == 0);
  CHECK(at(s, "C").critical);
  CHECK_FALSE(at(s, "B").critical);
  CHECK(s.driving_path == std::vector<std::string>{"A", "C"});
}

TEST_CASE("Unit calendars interoperate through absolute time", "[schedule]") {
  unit six;
  six.id = "six";
  plan p = fixture::plan_on("2026-03-02",
                            {leaf("P", 5), leaf("Q", 6), leaf("R", 1, {"Q"}), leaf("W", 1, {"P"})});
  p.tasks[1].lead = "six";  // Q works Monday to Saturday
  p.tasks[3].lead = "six";  // so does W
  p.tasks[2].due = d("2026-03-09");
  calendar_days days;
  days.weekend = weekday_bit(0);
  plan_calendars cals{plain, {}};
  cals.units.emplace("six", working_calendar(days));
  schedule s = compute_schedule(p, cals);
  CHECK(at(s, "Q").ef == d("2026-03-07"));  // Saturday
  CHECK(at(s, "R").es == d("2026-03-09"));
  CHECK(at(s, "W").es == d("2026-03-07"));  // P ends Friday; W works Saturday
  CHECK(at(s, "Q").lf == d("2026-03-07"));
  CHECK(at(s, "Q").total_float == 0);
}

TEST_CASE("A year without data makes the schedule provisional", "[schedule]") {
  plan p = fixture::plan_on("2026-12-21", {leaf("A", 20)});
  schedule s = fixture::run(p, fixture::china());
  CHECK(at(s, "A").provisional);
  CHECK(s.provisional);
  schedule t = fixture::run(fixture::plan_on("2026-11-02", {leaf("A", 5)}), fixture::china());
  CHECK_FALSE(t.provisional);
}

TEST_CASE("A missing status date is a clear error", "[schedule]") {
  plan p = fixture::plan_on("2026-03-02", {leaf("A", 1)});
  p.assessment.as_of.reset();
  CHECK_THROWS_WITH(fixture::run(p, plain), Catch::Contains("/assessment/as_of"));
  schedule_options o;
  o.as_of = d("2026-03-02");
  CHECK(fixture::run(p, plain, o).as_of == d("2026-03-02"));
}

TEST_CASE("A cycle stops the schedule with the tasks on it", "[schedule]") {
  plan p = fixture::plan_on("2026-03-02", {leaf("T03", 1, {"T07"}), leaf("T07", 1, {"T03"})});
  try {
    fixture::run(p, plain);
    FAIL("no error");
  } catch (const readiness::error& e) {
    CHECK(e.code() == errc::cycle);
    CHECK(std::string(e.what()) == "/tasks/0: cycle: T03 → T07 → T03");
  }
}

TEST_CASE("The schedule document is byte-identical for identical input", "[schedule]") {
  plan p = fixture::plan_on("2026-09-28", {leaf("T10", 4), leaf("T9", 2, {"T10"}), leaf("T1", 0)});
  std::string a = io::write_schedule_json(fixture::run(p, fixture::china()));
  std::string b = io::write_schedule_json(fixture::run(p, fixture::china()));
  CHECK(a == b);
  CHECK(a.find("\"format\": \"readiness-schedule/1\"") != std::string::npos);
  CHECK(a.find("\"T1\"") < a.find("\"T9\""));
  CHECK(a.find("\"T9\"") < a.find("\"T10\""));
  CHECK(a.find("\"driving_path\": [\n    \"T10\",\n    \"T9\"\n  ]") != std::string::npos);
}

TEST_CASE("A large plan's network is the same set up on one thread or two", "[schedule]") {
  // 40,000 tasks in id order over three calendars, where the second half of the tasks meets the
  // unit calendars in the other order than the first half; some done, some started, some with
  // not_before or due; an FS link to an earlier task, spread over all of them.
  calendar_days six_days, four_days;
  six_days.weekend = weekday_bit(0);
  four_days.weekend = weekday_bit(0) | weekday_bit(5) | weekday_bit(6) | weekday_bit(3);
  plan_calendars cals{plain, {}};
  cals.units.emplace("six", working_calendar(six_days));
  cals.units.emplace("four", working_calendar(four_days));
  std::vector<task> tasks;
  constexpr int count = 40000;
  REQUIRE(count >= static_cast<int>(schedule_engine::parallel_tasks));
  for (int i = 0; i < count; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "T%05d", i);
    task t = leaf(id, 1 + i % 7);
    if (i > 0)
      t.after.push_back(
          {tasks[static_cast<std::size_t>((i * 37 + 11) % i)].id, link_type::fs, 0, {}});
    bool second_half = i >= count / 2;
    if (i % 5 == 1) t.lead = second_half ? "four" : "six";
    if (i % 5 == 3) t.lead = second_half ? "six" : "four";
    if (i % 11 == 0) t.not_before = d("2026-03-20");
    if (i % 13 == 0) t.due = d("2026-04-30");
    if (i % 17 == 0) t.progress = fraction{1, 3};
    if (i % 19 == 0) t.finished = d("2026-02-27"), t.started = d("2026-02-20");
    tasks.push_back(t);
  }
  plan p = fixture::plan_on("2026-03-02", tasks);
  task_graph g(p);
  schedule_engine one(p, g, cals, d("2026-03-02"), 1), two(p, g, cals, d("2026-03-02"), 0);
  one.run();
  two.run();
  std::size_t differ = 0;
  for (std::size_t t = 0; t < g.task_count(); ++t)
    if (one.early_start(t) != two.early_start(t) || one.early_finish(t) != two.early_finish(t) ||
        one.late_start(t) != two.late_start(t) || one.late_finish(t) != two.late_finish(t) ||
        one.free_float(t) != two.free_float(t) || one.critical(t) != two.critical(t))
      ++differ;
  CHECK(differ == 0);
}
