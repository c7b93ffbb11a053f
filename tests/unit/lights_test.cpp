#include <catch2/catch.hpp>

#include "readiness/schedule.hpp"
#include "unit/schedule_fixture.hpp"

using namespace readiness;
using fixture::at;
using fixture::d;
using fixture::leaf;

TEST_CASE("The first light that applies wins: red, yellow, blue, green", "[lights]") {
  light_options o;
  light_inputs in;
  in.progress = make_fraction(0, 1);
  CHECK(classify_light(in, o) == light::green);
  in.days_to_deadline = 3;
  CHECK(classify_light(in, o) == light::blue);
  in.days_to_deadline = 4;
  CHECK(classify_light(in, o) == light::green);
  in.planned_share = make_fraction(1, 2);
  in.progress = make_fraction(2, 5);  // behind by exactly 0.10: not yet yellow
  CHECK(classify_light(in, o) == light::green);
  in.progress = make_fraction(39, 100);
  CHECK(classify_light(in, o) == light::yellow);
  in.total_float = -1;
  CHECK(classify_light(in, o) == light::red);
  in.total_float = 0;
  in.days_to_deadline = -1;
  CHECK(classify_light(in, o) == light::red);
  in.done = true;
  CHECK(classify_light(in, o) == light::done);
  o.tolerance = make_fraction(1, 5);
  in = light_inputs{};
  in.planned_share = make_fraction(1, 2);
  in.progress = make_fraction(39, 100);
  CHECK(classify_light(in, o) == light::green);
  o.warn_days = 5;
  in.days_to_deadline = 5;
  CHECK(classify_light(in, o) == light::blue);
}

TEST_CASE("Planned share counts working days of the baseline before day 0", "[lights]") {
  working_calendar c = fixture::china();
  baseline_dates b{d("2026-09-28"), d("2026-10-13"), {}};  // 28, 29, 30, 8, 9, 10, 12, 13
  CHECK(*planned_share(c, d("2026-10-09"), b) == make_fraction(4, 8));
  CHECK(*planned_share(c, d("2026-09-01"), b) == make_fraction(0, 1));
  CHECK(*planned_share(c, d("2026-11-01"), b) == make_fraction(1, 1));
  CHECK_FALSE(planned_share(c, d("2026-10-09"), {d("2026-10-03"), d("2026-10-04"), {}}));
}

TEST_CASE("Lights in a schedule", "[lights]") {
  task late = leaf("late", 10), behind = leaf("behind", 10), soon = leaf("soon", 1),
       fine = leaf("fine", 1);
  late.due = d("2026-10-09");
  behind.due = d("2026-11-30");
  behind.started = d("2026-09-28");
  behind.progress = make_fraction(1, 10);
  behind.baseline = baseline_dates{d("2026-09-28"), d("2026-10-13"), {}};
  soon.due = d("2026-10-13");  // day 0 is 10-09: 10, 12, 13 → 3 working days away
  fine.due = d("2026-10-14");
  plan p = fixture::plan_on("2026-10-09", {late, behind, soon, fine});
  schedule s = fixture::run(p, fixture::china());
  CHECK(at(s, "late").light == light::red);
  CHECK(at(s, "behind").light == light::yellow);  // 4/8 planned, 1/10 done
  CHECK(at(s, "soon").light == light::blue);
  CHECK(at(s, "fine").light == light::green);
  schedule_options o;
  o.lights.warn_days = 4;
  CHECK(at(fixture::run(p, fixture::china(), o), "fine").light == light::blue);
}
