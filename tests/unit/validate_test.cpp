#include <catch2/catch.hpp>
#include <string>

#include "readiness/plan_io.hpp"
#include "readiness/validate.hpp"
#include "unit/plan_test_support.hpp"

using namespace readiness;
using namespace plan_test;

namespace {

// plan-full.json read without validation, to break one rule at a time.
plan full() {
  io::read_options options;
  options.validate = false;
  return io::read_plan_file(data_path("plan-full.json"), options);
}

// validate(p) finds exactly this one problem.
void check_finds(const plan& p, const std::string& where, const std::string& message) {
  auto found = validate(p);
  INFO(describe(found));
  REQUIRE(found.size() == 1);
  CHECK(found[0].where == where);
  CHECK(found[0].message == message);
}

item& item_at(plan& p, std::size_t category, std::size_t index) {
  return p.rubric.categories[category].items[index];
}

}  // namespace

TEST_CASE("the full example plan is valid", "[validate]") {
  plan p = full();
  auto found = validate(p);
  INFO(describe(found));
  CHECK(found.empty());
  CHECK_NOTHROW(require_valid(p));
}

TEST_CASE("ids are unique within their kind", "[validate]") {
  plan p = full();
  p.units[2].id = "office";
  auto found = validate(p);
  CHECK(contains(found, "/units/2/id", "duplicate unit id \"office\" (first at /units/0)"));
  p = full();
  p.tasks[3].id = "T01";
  found = validate(p);
  CHECK(contains(found, "/tasks/3/id", "duplicate task id \"T01\" (first at /tasks/0)"));
  p = full();
  p.rubric.bonus->items[0].id = "1.2";
  p.assessment.items.erase("B1");
  check_finds(p, "/rubric/bonus/items/0/id",
              "duplicate item id \"1.2\" (first at /rubric/categories/0/items/1)");
  p = full();
  p.sites[2].id = "S1";
  found = validate(p);
  CHECK(contains(found, "/sites/2/id", "duplicate site id \"S1\" (first at /sites/0)"));
  p = full();
  p.evidence[1].id = "E1";
  check_finds(p, "/evidence/1/id", "duplicate evidence id \"E1\" (first at /evidence/0)");
  p = full();
  p.rubric.categories[1].id = "1";
  found = validate(p);
  CHECK(contains(found, "/rubric/categories/1/id",
                 "duplicate category id \"1\" (first at /rubric/categories/0)"));
  p = full();
  p.rubric.vetoes[2].id = "V1";
  check_finds(p, "/rubric/vetoes/2/id", "duplicate veto id \"V1\" (first at /rubric/vetoes/0)");
  p = full();
  item_at(p, 0, 0).scoring.conditions[3].id = "a";
  check_finds(
      p, "/rubric/categories/0/items/0/rule/conditions/3/id",
      "duplicate condition id \"a\" (first at /rubric/categories/0/items/0/rule/conditions/0)");
  p = full();
  p.rubric.gates[1].id.clear();
  p.rubric.gates[1].category = "2";
  check_finds(p, "/rubric/gates/1",
              "duplicate gate \"2\" (first at /rubric/gates/0); give each gate on one category "
              "an \"id\"");
}

TEST_CASE("every reference resolves", "[validate]") {
  plan p = full();
  item_at(p, 0, 0).owner = "ofice";
  check_finds(p, "/rubric/categories/0/items/0/owner", "unknown unit \"ofice\"");
  p = full();
  p.tasks[2].support[1] = "nobody";
  check_finds(p, "/tasks/2/support/1", "unknown unit \"nobody\"");
  p = full();
  p.tasks[2].responsible[0] = "nobody";
  check_finds(p, "/tasks/2/responsible/0", "unknown unit \"nobody\"");
  p = full();
  p.sites[0].unit = "nobody";
  check_finds(p, "/sites/0/unit", "unknown unit \"nobody\"");
  p = full();
  p.tasks[2].parent = "T99";
  auto found = validate(p);
  CHECK(contains(found, "/tasks/2/parent", "unknown task \"T99\""));
  p = full();
  p.tasks[2].after[1].task = "T-99";
  check_finds(p, "/tasks/2/after/1", "unknown task \"T-99\"");
  p = full();
  p.evidence[0].item = "9.9";
  check_finds(p, "/evidence/0/item", "unknown item \"9.9\"");
  p = full();
  item_at(p, 1, 3).scoring.sites[1] = "S9";
  check_finds(p, "/rubric/categories/1/items/3/rule/sites/1", "unknown site \"S9\"");
  p = full();
  p.rubric.gates[0].category = "9";
  check_finds(p, "/rubric/gates/0/category", "unknown category \"9\"");
  p = full();
  p.rubric.vetoes[1].effect.grade = "优";
  check_finds(p, "/rubric/vetoes/1/effect/cap_grade", "unknown grade \"优\"");
}

TEST_CASE("effects name known items, conditions, levels, sites and vetoes", "[validate]") {
  plan p = full();
  p.tasks[2].effects[0].item = "9.9";
  check_finds(p, "/tasks/2/effects/0/item", "unknown item \"9.9\"");
  p = full();
  p.tasks[2].effects[0].ids[1] = "S9";
  check_finds(p, "/tasks/2/effects/0/sites/1", "unknown site \"S9\"");
  p = full();
  p.tasks[0].effects[0].ids[0] = "z";
  check_finds(p, "/tasks/0/effects/0/conditions/0", "unknown condition \"z\" of item \"1.1\"");
  p = full();
  p.tasks[2].effects[3].text = "特优";
  check_finds(p, "/tasks/2/effects/3/level", "unknown level \"特优\" of item \"2.1\"");
  p = full();
  p.tasks[2].effects[8].veto = "V9";
  check_finds(p, "/tasks/2/effects/8/veto", "unknown veto \"V9\"");
}

TEST_CASE("an effect must suit its item's rule", "[validate]") {
  plan p = full();
  p.tasks[0].effects[1].item = "1.1";  // "met" on a conditions item
  check_finds(p, "/tasks/0/effects/1/met",
              "does not suit item \"1.1\" (a \"conditions\" item takes \"met\": [condition ids])");
  p = full();
  p.tasks[2].effects[2].item = "1.3";  // "resolve" on a per_unit item
  check_finds(p, "/tasks/2/effects/2/resolve",
              "does not suit item \"1.3\" (a \"per_unit\" item takes \"count\")");
}

TEST_CASE("assessment inputs must suit their item's rule", "[validate]") {
  plan p = full();
  p.assessment.items["1.2"].met.reset();
  p.assessment.items["1.2"].count = 2;
  check_finds(p, "/assessment/items/1.2/count", "a \"check\" item takes \"met\": true or false");
  p = full();
  p.assessment.items["1.1"].met_conditions->push_back("e");
  check_finds(p, "/assessment/items/1.1/met/2", "unknown condition \"e\" of item \"1.1\"");
  p = full();
  p.assessment.items["1.1"].met_conditions.reset();
  p.assessment.items["1.1"].met = true;
  check_finds(p, "/assessment/items/1.1/met",
              "a \"conditions\" item takes \"met\": [condition ids]");
  p = full();
  p.assessment.items["2.1"].level = "优秀";
  check_finds(p, "/assessment/items/2.1/level", "unknown level \"优秀\" of item \"2.1\"");
  p = full();
  p.assessment.items["2.2"].hits = 26;
  check_finds(p, "/assessment/items/2.2/hits", "26 is more than \"of\" (25)");
  p = full();
  p.assessment.items["2.2"].hits = 0;
  p.assessment.items["2.2"].of = 0;
  check_finds(p, "/assessment/items/2.2/of", "must be greater than 0");
  p = full();
  p.assessment.items["2.2"].of.reset();
  check_finds(p, "/assessment/items/2.2", "missing \"of\" (\"hits\" counts out of it)");
  p = full();
  p.assessment.items["2.2"].value = make_fraction(9, 10);
  check_finds(p, "/assessment/items/2.2", "give \"value\" or \"hits\" and \"of\", not both");
  p = full();
  p.assessment.items["2.3"].value = make_fraction(9, 10);
  check_finds(p, "/assessment/items/2.3/value",
              "a \"sites\" item takes no input (it is scored from assessment.sites)");
  p = full();
  p.assessment.items["9.9"].met = true;
  check_finds(p, "/assessment/items/9.9", "unknown item \"9.9\"");
  p = full();
  p.assessment.vetoes["V9"] = true;
  check_finds(p, "/assessment/vetoes/V9", "unknown veto \"V9\"");
  p = full();
  p.assessment.site_checks["S9"]["2.3"] = true;
  check_finds(p, "/assessment/sites/S9", "unknown site \"S9\"");
  p = full();
  p.assessment.site_checks["S1"]["1.2"] = true;
  check_finds(p, "/assessment/sites/S1/1.2",
              "item \"1.2\" is not a \"sites\" item (its rule is \"check\")");
  p = full();
  p.assessment.site_checks["S1"]["a/b"] = true;
  check_finds(p, "/assessment/sites/S1/a~1b", "unknown item \"a/b\"");
}

TEST_CASE("point sums add up", "[validate]") {
  plan p = full();
  item_at(p, 0, 1).points = 150;  // category 1 now 6.5, the rubric 20.5
  auto found = validate(p);
  INFO(describe(found));
  CHECK(contains(found, "/rubric/categories/0/points", "the items add up to 6.5, not 6"));
  p = full();
  p.rubric.total = 2100;
  check_finds(p, "/rubric/total", "the categories add up to 20, not 21");
  p = full();
  item_at(p, 0, 0).scoring.conditions[3].points = 50;
  check_finds(p, "/rubric/categories/0/items/0/rule/conditions",
              "the conditions add up to 2.25, not 2 (the item's points)");
  p = full();
  p.rubric.penalties->items[0].points = 200;
  check_finds(p, "/rubric/penalties/items/0/points", "a penalty item has 0 points, got 2");
  p = full();
  p.rubric.bonus->items[0].points = -100;
  check_finds(p, "/rubric/bonus/items/0/points", "must not be negative, got -1");
  CHECK_THROWS_AS(require_valid(p), error);
}

TEST_CASE("files with point sums that do not add up are refused", "[validate]") {
  check_only(file_error("bad/point-sum.json"), errc::validation, "/rubric/categories/0/points",
             "the items add up to 9, not 10");
}

TEST_CASE("penalty rules belong in penalties", "[validate]") {
  plan p = full();
  p.rubric.penalties->items[0].scoring.kind = rule_kind::check;
  CHECK(contains(validate(p), "/rubric/penalties/items/0/rule/kind",
                 "a penalty item needs rule kind \"penalty\", got \"check\""));
  p = full();
  p.rubric.bonus->items[0].scoring.kind = rule_kind::penalty;
  p.rubric.bonus->items[0].scoring.per = 100;
  p.assessment.items.erase("B1");
  check_finds(p, "/rubric/bonus/items/0/rule/kind",
              "a \"penalty\" rule belongs in rubric.penalties");
}

TEST_CASE("grades are sorted by min, descending, and end at 0", "[validate]") {
  plan p = full();
  p.rubric.grades[1].min = 9500;
  check_finds(p, "/rubric/grades/1/min", "grades must be sorted by min, descending (95 after 90)");
  p = full();
  p.rubric.grades[3].min = 1000;
  check_finds(p, "/rubric/grades/3/min", "the last grade must have min 0, got 10");
}

TEST_CASE("weights are all or none and add up to 1", "[validate]") {
  plan p = full();
  p.rubric.categories[1].weight.reset();
  check_finds(p, "/rubric/categories/1",
              "missing \"weight\" (when one category has a weight, every category needs one)");
  p = full();
  p.rubric.categories[1].weight = make_fraction(1, 2);
  check_finds(p, "/rubric/categories", "the weights add up to 0.9, not 1");
  p = full();
  p.rubric.categories[0].weight.reset();
  p.rubric.categories[1].weight.reset();
  CHECK(validate(p).empty());
}

TEST_CASE("rule parameters are in range", "[validate]") {
  plan p = full();
  item_at(p, 1, 0).scoring.levels[1].ratio = make_fraction(6, 5);
  check_finds(p, "/rubric/categories/1/items/0/rule/levels/1/ratio",
              "must be between 0 and 1, got 1.2");
  p = full();
  item_at(p, 0, 2).scoring.unit = 0;
  check_finds(p, "/rubric/categories/0/items/2/rule/unit", "must be greater than 0, got 0");
  p = full();
  item_at(p, 1, 1).scoring.zero_at = make_fraction(19, 20);
  check_finds(p, "/rubric/categories/1/items/1/rule/full_at",
              "full_at (0.95) must be greater than zero_at (0.95)");
  p = full();
  p.rubric.gates[0].min_ratio = make_fraction(3, 2);
  check_finds(p, "/rubric/gates/0/min_ratio", "must be between 0 and 1, got 1.5");
}

TEST_CASE("actual dates respect the status date", "[validate]") {
  error e = file_error("bad/finished-after-status.json");
  check_only(e, errc::validation, "/tasks/0/finished",
             "2026-08-02 is after the status date 2026-07-30");
  plan p = full();
  p.tasks[0].finished = date(2026, 7, 10);
  check_finds(p, "/tasks/0/finished", "2026-07-10 is before the start 2026-07-20");
}

TEST_CASE("summary tasks have no work of their own; leaf tasks need a duration", "[validate]") {
  plan p = full();
  p.tasks[1].duration = 4;
  check_finds(p, "/tasks/1/duration",
              "a summary task (parent of \"T06\") has no duration of its own");
  p = full();
  p.tasks[3].duration.reset();
  check_finds(p, "/tasks/3", "missing \"duration\" (a task without subtasks needs one)");
}

TEST_CASE("errors from reading files name each reference kind", "[validate]") {
  check_only(file_error("bad/duplicate-id.json"), errc::validation, "/tasks/1/id",
             "duplicate task id \"T1\" (first at /tasks/0)");
  check_only(file_error("bad/unknown-unit.json"), errc::validation, "/tasks/0/lead",
             "unknown unit \"nobody\"");
  check_only(file_error("bad/unknown-task.json"), errc::validation, "/tasks/0/after/0",
             "unknown task \"T-99\"");
  check_only(file_error("bad/unknown-item.json"), errc::validation, "/evidence/0/item",
             "unknown item \"9.9\"");
  check_only(file_error("bad/unknown-site.json"), errc::validation, "/assessment/sites/S9",
             "unknown site \"S9\"");
  check_only(file_error("bad/unknown-condition.json"), errc::validation,
             "/assessment/items/1.2/met/1", "unknown condition \"z\" of item \"1.2\"");
}

TEST_CASE("warnings: fewer sites in scope than min_sample", "[validate]") {
  plan p = full();
  CHECK(validation_warnings(p).empty());
  item_at(p, 1, 2).min_sample = 3;
  auto warnings = validation_warnings(p);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].where == "/rubric/categories/1/items/2/min_sample");
  CHECK(warnings[0].message == "2 sites in scope, fewer than min_sample 3");
  CHECK(validate(p).empty());
}
