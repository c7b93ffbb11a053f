#include <catch2/catch.hpp>

#include "readiness/schedule.hpp"
#include "unit/schedule_fixture.hpp"

using namespace readiness;
using fixture::at;
using fixture::d;
using fixture::leaf;

namespace {

plan three_tasks(std::int64_t capacity) {
  plan p = fixture::plan_on("2026-03-02", {leaf("A", 2), leaf("B", 3), leaf("C", 1), leaf("D", 2)});
  for (auto& t : p.tasks) t.lead = "u";
  p.tasks[3].lead = "other";
  unit u;
  u.id = "u";
  u.capacity = capacity;
  p.units.push_back(u);
  return p;
}

schedule levelled(const plan& p) {
  schedule_options o;
  o.level = true;
  return fixture::run(p, working_calendar(), o);
}

}  // namespace

TEST_CASE("Capacity 1: one task at a time, least latest start first", "[levelling]") {
  schedule s = levelled(three_tasks(1));
  CHECK(s.levelled);
  // Unlevelled: plan finish instant 3; LS: B 0, A 1, C 2.
  CHECK(at(s, "B").es == d("2026-03-02"));
  CHECK(at(s, "B").delay == 0);
  CHECK(at(s, "A").es == d("2026-03-05"));
  CHECK(at(s, "A").delay == 3);
  CHECK(at(s, "C").es == d("2026-03-09"));
  CHECK(at(s, "C").delay == 5);
  CHECK(at(s, "D").delay == 0);  // another unit, unlimited
}

TEST_CASE("Capacity 2: two at a time", "[levelling]") {
  schedule s = levelled(three_tasks(2));
  CHECK(at(s, "B").delay == 0);
  CHECK(at(s, "A").delay == 0);
  CHECK(at(s, "C").es == d("2026-03-04"));
  CHECK(at(s, "C").delay == 2);
}

TEST_CASE("Levelling keeps links and reports late tasks", "[levelling]") {
  plan p = three_tasks(1);
  p.tasks[2].after.push_back({"A", link_type::fs, 0, {}});
  p.tasks[2].due = d("2026-03-06");
  schedule s = levelled(p);
  const auto& C = at(s, "C");
  CHECK(C.es >= at(s, "A").ef);
  CHECK(*C.total_float < 0);
  CHECK(C.light == light::red);
  schedule plain_schedule = fixture::run(p, working_calendar());
  CHECK_FALSE(plain_schedule.levelled);
  CHECK_FALSE(at(plain_schedule, "C").delay);
}

TEST_CASE("A task held back by capacity starts the driving path", "[levelling]") {
  // B (due first) takes unit u on days 0–2; A, after X, could start on day 1 but waits for u
  // until day 3; C follows A and finishes last. Unlevelled, X drives A; levelled, nothing does.
  plan p = fixture::plan_on("2026-03-02",
                            {leaf("X", 1), leaf("A", 2, {"X"}), leaf("B", 3), leaf("C", 2, {"A"})});
  p.tasks[1].lead = p.tasks[2].lead = "u";
  p.tasks[2].due = d("2026-03-04");
  unit u;
  u.id = "u";
  u.capacity = 1;
  p.units.push_back(u);
  schedule plain_schedule = fixture::run(p, working_calendar());
  CHECK(plain_schedule.driving_path == std::vector<std::string>{"X", "A", "C"});
  schedule s = levelled(p);
  CHECK(at(s, "A").es == d("2026-03-05"));
  CHECK(at(s, "C").ef == d("2026-03-10"));
  CHECK(s.driving_path == std::vector<std::string>{"A", "C"});
}
