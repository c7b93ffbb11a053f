#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "readiness/calendar_io.hpp"
#include "readiness/effects.hpp"
#include "readiness/forecast.hpp"
#include "readiness/forecast_io.hpp"
#include "readiness/plan_io.hpp"

using namespace readiness;

namespace {

// Monday 2026-03-02 is day 0; ready_by Friday 2026-03-13 is working day 9 (Monday to Friday).
// T1 (10 days) finishes on ready_by; T2 (11 days) one working day later.
std::string small_plan(const std::string& tasks) {
  return R"({"format": "readiness/1", "title": "t",
  "inspection": {"arrives": "2026-03-16", "ready_by": "2026-03-13", "target": 3},
  "units": [{"id": "u1", "name": "一号单位"}, {"id": "u2", "name": "二号单位"}],
  "rubric": {"id": "r", "total": 5, "grades": [{"min": 3, "label": "好"}, {"min": 0, "label": "差"}],
    "categories": [{"id": "1", "points": 5, "items": [
      {"id": "1.1", "points": 1, "rule": {"kind": "check"}, "owner": "u1"},
      {"id": "1.2", "points": 1, "rule": {"kind": "per_unit", "unit": 0.5}, "owner": "u2"},
      {"id": "1.3", "points": 1, "rule": {"kind": "check"}, "owner": "u2"},
      {"id": "1.4", "points": 1, "rule": {"kind": "check"}, "owner": "u1"},
      {"id": "1.5", "points": 1, "rule": {"kind": "check"}}]}],
    "vetoes": [{"id": "V1", "title": "否决", "effect": "disqualify"}]},
  "assessment": {"as_of": "2026-03-02", "items": {"1.1": {"met": false}, "1.2": {"count": 0},
    "1.3": {"met": false}, "1.4": {"met": false}, "1.5": {"met": true}}, "vetoes": {"V1": true}},
  "tasks": [)" +
         tasks + "]}";
}

const char* on_the_edge = R"(
  {"id": "T1", "lead": "u1", "duration": 10, "effects": [{"item": "1.1", "met": true}]},
  {"id": "T2", "lead": "u2", "duration": 11, "effects": [{"item": "1.4", "met": true}]})";

// Several late tasks with overlapping effects, a veto and a cap.
const char* overlapping = R"(
  {"id": "T1", "lead": "u1", "duration": 3, "effects": [{"item": "1.1", "met": true}]},
  {"id": "T2", "lead": "u2", "duration": 8, "due": "2026-03-06",
   "effects": [{"item": "1.2", "count": 1}, {"item": "1.4", "met": true}]},
  {"id": "T3", "lead": "u2", "duration": 12,
   "effects": [{"item": "1.2", "count": 2}, {"item": "1.4", "met": true}]},
  {"id": "T4", "lead": "u1", "duration": 14, "effects": [{"veto": "V1", "clear": true}]},
  {"id": "T5", "lead": "u1", "duration": 20, "after": ["T1"],
   "effects": [{"item": "1.2", "count": 1}]})";

readiness_forecast forecast_of(const std::string& tasks) {
  plan p = io::read_plan_json(small_plan(tasks));
  return io::forecast_plan(p);
}

}  // namespace

TEST_CASE("a task finishing exactly on ready_by counts on the day, one working day later does not",
          "[forecast]") {
  auto f = forecast_of(on_the_edge);
  CHECK(format_iso_date(f.ready_by) == "2026-03-13");
  CHECK(f.now.total.total == 100);     // 1.5 only
  CHECK(f.on_day.total.total == 200);  // + 1.1 from T1, not 1.4 from T2
  REQUIRE(f.at_risk.size() == 1);
  CHECK(f.at_risk[0].task == "T2");
  CHECK(f.at_risk[0].item == "1.4");
  CHECK(f.at_risk[0].points == 100);
  CHECK_FALSE(f.at_risk[0].on_day);
  CHECK(f.points_missing == 100);
}

TEST_CASE("the curve has every working day to arrives and steps on finish days", "[forecast]") {
  auto f = forecast_of(on_the_edge);
  REQUIRE(f.curve.size() == 11);  // 2026-03-02 … 2026-03-16, weekdays
  CHECK(format_iso_date(f.curve.front().day) == "2026-03-02");
  CHECK(format_iso_date(f.curve.back().day) == "2026-03-16");
  CHECK(f.curve[8].total == 100);      // 03-12
  CHECK(f.curve[9].total == 200);      // 03-13: T1 done
  CHECK(f.curve[10].total == 300);     // 03-16: T2 done
  CHECK_FALSE(f.curve[10].qualified);  // V1 still triggered
  CHECK_FALSE(f.reaches_target);
}

TEST_CASE("points at risk add up per item, per unit and to the score they depend on",
          "[forecast]") {
  plan p = io::read_plan_json(small_plan(overlapping));
  auto f = io::forecast_plan(p);
  // T2 (due 03-06, 8 days) and T3, T4, T5 (past ready_by) are late.
  std::map<std::string, centi> by_item, by_unit, by_task;
  centi sum = 0;
  for (const auto& e : f.at_risk) {
    by_item[e.item] += e.points;
    by_unit[e.unit] += e.points;
    by_task[e.task] += e.points;
    sum += e.points;
  }
  CHECK(sum == f.points_at_risk);
  centi units = 0;
  for (const auto& u : f.units) {
    units += u.points_at_risk;
    CHECK(u.points_at_risk == by_unit[u.id]);
  }
  CHECK(units == f.points_at_risk);
  centi items = 0;
  for (const auto& [id, pts] : by_item) items += pts;
  CHECK(items == f.points_at_risk);

  // Independently: total(all effects) − total(effects of tasks that are not late).
  compiled_rubric rubric = compile_rubric(p.rubric, p.sites);
  assessment all = p.assessment, on_time = p.assessment;
  std::vector<evidence_entry> l1, l2;
  for (const auto& t : p.tasks) {
    apply_task_effects(rubric, t, all, l1);
    if (t.id == "T1") apply_task_effects(rubric, t, on_time, l2);
  }
  centi expected =
      score_totals(rubric, all, l1, 300).total - score_totals(rubric, on_time, l2, 300).total;
  CHECK(f.points_at_risk == expected);
  CHECK(by_task["T2"] == 150);         // 1.2 +0.5 and 1.4 +1, applied first (earliest finish)
  CHECK(by_task["T3"] == 50);          // 1.2 +0.5 more reaches the cap of 1; 1.4 already met
  CHECK(by_task["T5"] == 0);           // 1.2 is capped already
  CHECK(f.on_day.total.total == 350);  // T2 still finishes by ready_by (late against its due)
}

TEST_CASE("uncovered gaps are items losing points that no task touches", "[forecast]") {
  auto f = forecast_of(on_the_edge);
  std::vector<std::string> ids;
  for (const auto& g : f.uncovered) ids.push_back(g.id);
  CHECK(ids == std::vector<std::string>{"1.2", "1.3"});
}

TEST_CASE("the unit table counts tasks, lateness and points lost on owned items", "[forecast]") {
  auto f = forecast_of(on_the_edge);
  REQUIRE(f.units.size() == 2);
  const unit_row& u1 = f.units[0];
  const unit_row& u2 = f.units[1];
  CHECK(u1.id == "u1");
  CHECK(u1.tasks == 1);
  CHECK(u1.late == 0);
  CHECK(u1.items_owned == 2);
  CHECK(u1.points_lost == 100);  // 1.4 on the day
  CHECK(u2.tasks == 1);
  CHECK(u2.late == 1);
  CHECK(u2.red == 1);
  CHECK(u2.points_at_risk == 100);
  CHECK(u2.points_lost == 200);  // 1.2 and 1.3
}

TEST_CASE("what to do first puts red tasks first and counts points downstream", "[forecast]") {
  auto f = forecast_of(overlapping);
  REQUIRE(!f.priorities.empty());
  CHECK(f.priorities.front().light == light::red);
  for (std::size_t i = 1; i < f.priorities.size(); ++i)
    if (f.priorities[i - 1].light != light::red) CHECK(f.priorities[i].light != light::red);
  for (const auto& pr : f.priorities) {
    CHECK_FALSE(pr.reason.empty());
    if (pr.task == "T1") CHECK(pr.downstream == 0);  // T5 adds nothing beyond the cap
  }
}

TEST_CASE("the forecast document carries the required keys", "[forecast]") {
  auto f = forecast_of(on_the_edge);
  std::string doc = io::write_forecast_json(f, 0);
  for (const char* key :
       {"\"format\":\"readiness-forecast/1\"", "\"ready_by\":\"2026-03-13\"", "\"now\":{",
        "\"on_day\":{", "\"curve\":[", "\"at_risk\":[", "\"uncovered\":[", "\"units\":[",
        "\"points_at_risk\"", "\"points_lost\""})
    CHECK(doc.find(key) != std::string::npos);
}

TEST_CASE("tasks out of id order forecast the same as in id order", "[forecast]") {
  // The same five tasks, in id order and reversed: the projection pairs each scheduled task with
  // its model by id either way.
  const char* reversed = R"(
  {"id": "T5", "lead": "u1", "duration": 20, "after": ["T1"],
   "effects": [{"item": "1.2", "count": 1}]},
  {"id": "T4", "lead": "u1", "duration": 14, "effects": [{"veto": "V1", "clear": true}]},
  {"id": "T3", "lead": "u2", "duration": 12,
   "effects": [{"item": "1.2", "count": 2}, {"item": "1.4", "met": true}]},
  {"id": "T2", "lead": "u2", "duration": 8, "due": "2026-03-06",
   "effects": [{"item": "1.2", "count": 1}, {"item": "1.4", "met": true}]},
  {"id": "T1", "lead": "u1", "duration": 3, "effects": [{"item": "1.1", "met": true}]})";
  std::string in_order = io::write_forecast_json(forecast_of(overlapping), 0);
  std::string out_of_order = io::write_forecast_json(forecast_of(reversed), 0);
  CHECK(out_of_order == in_order);
  CHECK(in_order.find("\"points_at_risk\"") != std::string::npos);
}
