#include <catch2/catch.hpp>

#include "readiness/error.hpp"
#include "readiness/scoring.hpp"

using namespace readiness;

namespace {

rule make_rule(rule_kind kind) {
  rule r;
  r.kind = kind;
  return r;
}

item make_item(std::string id, centi points, rule r) {
  item it;
  it.id = std::move(id);
  it.title = "考评内容" + it.id;
  it.points = points;
  it.scoring = std::move(r);
  return it;
}

sanction make_sanction(sanction::kind what, std::string grade, centi score) {
  sanction s;
  s.what = what;
  s.grade = std::move(grade);
  s.score = score;
  return s;
}

std::vector<grade> standard_grades() {
  return {{9000, "优秀", {}}, {8000, "良好", {}}, {6000, "合格", {}}, {0, "不合格", {}}};
}

rubric one_category(std::vector<item> items) {
  rubric r;
  r.id = "r";
  r.grades = standard_grades();
  category c;
  c.id = "1";
  c.title = "组织领导";
  for (const auto& it : items) c.points += it.points;
  c.items = std::move(items);
  r.categories.push_back(std::move(c));
  return r;
}

// Scores one regular item alone.
item_score score_one(const item& it, std::optional<item_input> input,
                     const std::vector<evidence_entry>& evidence = {},
                     const std::vector<site>& sites = {}, const assessment* base = nullptr) {
  assessment a = base ? *base : assessment{};
  if (input) a.items[it.id] = *input;
  auto compiled = compile_rubric(one_category({it}), sites);
  return score(compiled, a, evidence, std::nullopt).items.at(0);
}

item_input met(bool flag) {
  item_input in;
  in.met = flag;
  return in;
}
item_input count_of(std::int64_t n) {
  item_input in;
  in.count = n;
  return in;
}
item_input deficiencies(std::int64_t n) {
  item_input in;
  in.deficiencies = n;
  return in;
}
item_input level_of(std::string label) {
  item_input in;
  in.level = std::move(label);
  return in;
}
item_input value_of(std::int64_t num, std::int64_t den) {
  item_input in;
  in.value = make_fraction(num, den);
  return in;
}
item_input hits(std::int64_t h, std::int64_t of) {
  item_input in;
  in.hits = h;
  in.of = of;
  return in;
}
item_input conditions_met(std::vector<std::string> ids) {
  item_input in;
  in.met_conditions = std::move(ids);
  return in;
}

item conditions_item() {
  rule r = make_rule(rule_kind::conditions);
  for (const char* id : {"a", "b", "c", "d"}) r.conditions.push_back({id, 50, "", {}});
  return make_item("1.1", 200, r);
}

item per_unit_item(std::optional<centi> cap = std::nullopt) {
  rule r = make_rule(rule_kind::per_unit);
  r.unit = 50;
  r.cap = cap;
  return make_item("1.3", 200, r);
}

item deduction_item(std::optional<centi> floor = std::nullopt) {
  rule r = make_rule(rule_kind::deduction);
  r.per = 50;
  r.floor = floor;
  return make_item("1.4", 200, r);
}

item levels_item(centi points) {
  rule r = make_rule(rule_kind::levels);
  r.levels = {{"优", {1, 1}, {}}, {"良", {4, 5}, {}}, {"中", {1, 8}, {}}, {"差", {0, 1}, {}}};
  return make_item("1.5", points, r);
}

item ratio_item(centi points, std::optional<fraction> zero_at, std::optional<fraction> full_at) {
  rule r = make_rule(rule_kind::ratio);
  r.zero_at = zero_at;
  r.full_at = full_at;
  return make_item("1.6", points, r);
}

std::vector<site> hospitals() {
  return {{"S1", "区人民医院", "hospital", "", {}},
          {"S2", "中医院", "hospital", "", {}},
          {"S3", "妇幼保健院", "hospital", "", {}},
          {"S4", "第二医院", "hospital", "", {}},
          {"P1", "停车场", "parking", "", {}}};
}

item sites_item() {
  rule r = make_rule(rule_kind::sites);
  r.site_type = "hospital";
  return make_item("4.3", 200, r);
}

}  // namespace

TEST_CASE("check: points when met, zero when not, blank without input", "[scoring]") {
  item it = make_item("1.4", 100, make_rule(rule_kind::check));
  auto full = score_one(it, met(true));
  CHECK(full.score == 100);
  CHECK(full.status == item_status::full);
  CHECK(full.reason == "已达标");
  auto zero = score_one(it, met(false));
  CHECK(zero.score == 0);
  CHECK(zero.lost == 100);
  CHECK(zero.status == item_status::zero);
  auto blank = score_one(it, std::nullopt);
  CHECK(blank.score == 0);
  CHECK(blank.status == item_status::blank);
  auto note_only = score_one(it, item_input{});
  CHECK(note_only.status == item_status::blank);
}

TEST_CASE("conditions: the sum of met conditions, named in the reason", "[scoring]") {
  item it = conditions_item();
  auto two = score_one(it, conditions_met({"a", "c"}));
  CHECK(two.score == 100);
  CHECK(two.status == item_status::partial);
  CHECK(two.reason == "满足a、c两项，未满足b、d");
  auto all = score_one(it, conditions_met({"d", "c", "b", "a"}));
  CHECK(all.score == 200);
  CHECK(all.status == item_status::full);
  auto none = score_one(it, conditions_met({}));
  CHECK(none.score == 0);
  CHECK(none.status == item_status::zero);
  auto repeated = score_one(it, conditions_met({"a", "a", "x"}));
  CHECK(repeated.score == 50);
}

TEST_CASE("conditions: the sum is capped at the item's points", "[scoring]") {
  rule r = make_rule(rule_kind::conditions);
  r.conditions = {{"a", 75, "", {}}, {"b", 75, "", {}}};
  auto s = score_one(make_item("1.2", 100, r), conditions_met({"a", "b"}));
  CHECK(s.score == 100);
  CHECK(s.status == item_status::full);
}

TEST_CASE("per_unit: unit × count up to the cap (item points by default)", "[scoring]") {
  CHECK(score_one(per_unit_item(), count_of(0)).score == 0);
  CHECK(score_one(per_unit_item(), count_of(0)).status == item_status::zero);
  CHECK(score_one(per_unit_item(), count_of(3)).score == 150);
  CHECK(score_one(per_unit_item(), count_of(4)).score == 200);
  auto capped = score_one(per_unit_item(), count_of(9));
  CHECK(capped.score == 200);
  CHECK(capped.reason == "9个，每个0.5分，最高计2分");
  CHECK(score_one(per_unit_item(100), count_of(9)).score == 100);
  CHECK(score_one(per_unit_item(), count_of(-3)).score == 0);
}

TEST_CASE("deduction: points − per × deficiencies, floored", "[scoring]") {
  auto none = score_one(deduction_item(), deficiencies(0));
  CHECK(none.score == 200);
  CHECK(none.status == item_status::full);
  CHECK(none.reason == "未发现问题");
  auto two = score_one(deduction_item(), deficiencies(2));
  CHECK(two.score == 100);
  CHECK(two.reason == "发现2处问题，每处扣0.5分");
  auto exhausted = score_one(deduction_item(), deficiencies(4));
  CHECK(exhausted.score == 0);
  CHECK(exhausted.status == item_status::zero);
  auto beyond = score_one(deduction_item(), deficiencies(10));
  CHECK(beyond.score == 0);
  CHECK(beyond.reason == "发现10处问题，每处扣0.5分，扣完为止");
  CHECK(score_one(deduction_item(50), deficiencies(10)).score == 50);
  CHECK(score_one(deduction_item(50), deficiencies(2)).score == 100);
}

TEST_CASE("levels: points × the level's ratio, rounded half away from zero", "[scoring]") {
  CHECK(score_one(levels_item(250), level_of("优")).score == 250);
  CHECK(score_one(levels_item(250), level_of("良")).score == 200);
  CHECK(score_one(levels_item(250), level_of("良")).reason == "评定等次：良");
  CHECK(score_one(levels_item(100), level_of("中")).score == 13);  // 1 × 0.125 = 0.125 → 0.13
  CHECK(score_one(levels_item(300), level_of("中")).score == 38);  // 0.375 → 0.38
  CHECK(score_one(levels_item(250), level_of("差")).status == item_status::zero);
  CHECK(score_one(levels_item(250), level_of("不存在")).score == 0);
}

TEST_CASE("ratio: points × clamp((v − zero_at)/(full_at − zero_at), 0, 1)", "[scoring]") {
  auto plain = ratio_item(200, std::nullopt, std::nullopt);
  CHECK(score_one(plain, value_of(87, 100)).score == 174);
  CHECK(score_one(plain, hits(24, 25)).score == 192);
  CHECK(score_one(plain, hits(24, 25)).reason == "抽查24/25达标");
  CHECK(score_one(plain, hits(25, 25)).status == item_status::full);
  CHECK(score_one(plain, hits(3, 0)).score == 0);  // nothing sampled
  CHECK(score_one(plain, hits(1, 8)).score == 25);

  auto banded = ratio_item(100, make_fraction(6, 10), make_fraction(9, 10));
  CHECK(score_one(banded, value_of(87, 100)).score == 90);  // 0.27 / 0.3
  CHECK(score_one(banded, value_of(6, 10)).score == 0);
  CHECK(score_one(banded, value_of(1, 2)).score == 0);  // below zero_at: clamped to 0
  CHECK(score_one(banded, value_of(9, 10)).score == 100);
  CHECK(score_one(banded, value_of(99, 100)).score == 100);  // above full_at: clamped to 1
  // (0.6375 − 0.6) / 0.3 = 0.125 exactly → 0.125 points → 0.13, rounded once
  CHECK(score_one(banded, value_of(6375, 10000)).score == 13);
  // 3 points × (0.7125 − 0.6)/0.3 = 3 × 0.375 = 1.125 → 1.13
  CHECK(
      score_one(ratio_item(300, make_fraction(6, 10), make_fraction(9, 10)), value_of(7125, 10000))
          .score == 113);
  CHECK(score_one(banded, std::nullopt).status == item_status::blank);
}

TEST_CASE("ratio: a threshold (zero_at == full_at) is all or nothing", "[scoring]") {
  auto threshold = ratio_item(100, make_fraction(9, 10), make_fraction(9, 10));
  CHECK(score_one(threshold, value_of(9, 10)).score == 100);
  CHECK(score_one(threshold, value_of(89, 100)).score == 0);
}

TEST_CASE("sites: compliant / in scope; a site with no check is non-compliant", "[scoring]") {
  assessment a;
  a.site_checks["S1"]["4.3"] = true;
  a.site_checks["S2"]["4.3"] = true;
  a.site_checks["S3"]["4.3"] = true;
  a.site_checks["P1"]["4.3"] = true;  // not a hospital: out of scope
  auto s = score_one(sites_item(), std::nullopt, {}, hospitals(), &a);
  CHECK(s.score == 150);
  CHECK(s.status == item_status::partial);
  CHECK(s.reason == "3/4个点位达标");

  a.site_checks["S4"]["4.3"] = false;
  CHECK(score_one(sites_item(), std::nullopt, {}, hospitals(), &a).score == 150);
  a.site_checks["S4"]["4.3"] = true;
  CHECK(score_one(sites_item(), std::nullopt, {}, hospitals(), &a).status == item_status::full);
}

TEST_CASE("sites: never blank, and listed ids set the scope", "[scoring]") {
  auto none = score_one(sites_item(), std::nullopt, {}, hospitals());
  CHECK(none.status == item_status::zero);
  CHECK(none.score == 0);

  rule r = make_rule(rule_kind::sites);
  r.sites = {"S1", "P1"};
  assessment a;
  a.site_checks["P1"]["4.4"] = true;
  a.site_checks["S2"]["4.4"] = true;  // not listed
  auto listed = score_one(make_item("4.4", 100, r), std::nullopt, {}, hospitals(), &a);
  CHECK(listed.score == 50);
  CHECK(listed.reason == "1/2个点位达标");
}

TEST_CASE("evidence fails closed: no credit without every required kind", "[scoring]") {
  item it = make_item("1.5", 100, make_rule(rule_kind::check));
  it.evidence = evidence_rule{"material", {"funding-voucher", "budget"}, {}};
  evidence_entry voucher{"E1", "1.5", "funding-voucher", "拨款凭证", std::nullopt, {}};
  evidence_entry budget{"E2", "1.5", "budget", "预算", std::nullopt, {}};
  evidence_entry elsewhere{"E3", "1.4", "budget", "预算", std::nullopt, {}};

  auto missing = score_one(it, met(true), {voucher, elsewhere});
  CHECK(missing.score == 0);
  CHECK(missing.status == item_status::no_evidence);
  CHECK(missing.reason == "缺少佐证材料：budget");
  auto none = score_one(it, met(true));
  CHECK(none.reason == "缺少佐证材料：funding-voucher、budget");
  auto proven = score_one(it, met(true), {voucher, budget});
  CHECK(proven.score == 100);
  CHECK(proven.status == item_status::full);
  CHECK(score_one(it, std::nullopt).status == item_status::blank);  // blank comes first
}

namespace {

rubric full_rubric() {
  rubric r;
  r.id = "r";
  r.total = 10000;
  r.grades = standard_grades();
  category c1;
  c1.id = "1";
  c1.points = 6000;
  rule pu = make_rule(rule_kind::per_unit);
  pu.unit = 1;
  c1.items.push_back(make_item("1.1", 6000, pu));
  category c2;
  c2.id = "2";
  c2.points = 4000;
  rule pu2 = pu;
  c2.items.push_back(make_item("2.1", 4000, pu2));
  r.categories = {c1, c2};
  item_group bonus;
  bonus.cap = 300;
  bonus.items.push_back(make_item("B1", 200, make_rule(rule_kind::check)));
  bonus.items.push_back(make_item("B2", 200, make_rule(rule_kind::check)));
  r.bonus = bonus;
  item_group penalties;
  penalties.cap = 600;
  rule pen = make_rule(rule_kind::penalty);
  pen.per = 100;
  penalties.items.push_back(make_item("P1", 0, pen));
  pen.cap = 300;
  penalties.items.push_back(make_item("P2", 0, pen));
  r.penalties = penalties;
  return r;
}

// Points in hundredths for each category's single per_unit item.
assessment with_scores(centi first, centi second) {
  assessment a;
  a.items["1.1"].count = first;
  a.items["2.1"].count = second;
  return a;
}

score_total totals(const rubric& r, const assessment& a,
                   std::optional<centi> target = std::nullopt) {
  return score(compile_rubric(r, {}), a, {}, target).total;
}

}  // namespace

TEST_CASE("penalty items: −min(cap, per × count), and the penalties cap", "[scoring]") {
  rubric r = full_rubric();
  assessment a = with_scores(6000, 4000);
  a.items["P1"].count = 2;
  auto res = score(compile_rubric(r, {}), a, {}, std::nullopt);
  const auto& p1 = res.items[4];
  CHECK(p1.id == "P1");
  CHECK(p1.category == "penalty");
  CHECK(p1.score == -200);
  CHECK(p1.max == 0);
  CHECK(p1.lost == 200);
  CHECK(p1.reason == "发生2次，每次扣1分");
  CHECK(res.items[5].status == item_status::blank);
  CHECK(res.total.penalty == -200);

  a.items["P2"].count = 9;  // capped at 3 by the item
  res = score(compile_rubric(r, {}), a, {}, std::nullopt);
  CHECK(res.items[5].score == -300);
  CHECK(res.items[5].status == item_status::zero);
  CHECK(res.total.penalty == -500);

  a.items["P1"].count = 7;  // −7 − 3 = −10, capped at −6 by the section
  CHECK(totals(r, a).penalty == -600);
  CHECK(totals(r, a).total == 10000 - 600);
  a.items["P1"].count = 0;
  CHECK(score(compile_rubric(r, {}), a, {}, std::nullopt).items[4].status == item_status::full);
}

TEST_CASE("bonus items are capped, and opportunities respect the room left", "[scoring]") {
  rubric r = full_rubric();
  assessment a = with_scores(5000, 3000);
  a.items["B1"].met = true;
  auto res = score(compile_rubric(r, {}), a, {}, std::nullopt);
  CHECK(res.total.bonus == 200);
  REQUIRE(res.bonus_opportunities.size() == 1);
  CHECK(res.bonus_opportunities[0].id == "B2");
  CHECK(res.bonus_opportunities[0].gain == 100);  // only 1 point of room under the cap of 3

  a.items["B2"].met = true;
  res = score(compile_rubric(r, {}), a, {}, std::nullopt);
  CHECK(res.total.bonus == 300);
  CHECK(res.total.total == 8300);
  CHECK(res.bonus_opportunities.empty());
}

TEST_CASE("the total never goes below zero", "[scoring]") {
  rubric r = full_rubric();
  r.penalties->cap.reset();
  assessment a = with_scores(100, 0);
  a.items["P1"].count = 5;
  auto t = totals(r, a);
  CHECK(t.base == 100);
  CHECK(t.penalty == -500);
  CHECK(t.total == 0);
  CHECK(t.grade == "不合格");
}

TEST_CASE("grades: the first whose min is at most the total", "[scoring]") {
  rubric r = full_rubric();
  CHECK(totals(r, with_scores(5000, 4000)).grade == "优秀");  // exactly 90
  CHECK(totals(r, with_scores(5000, 3999)).grade == "良好");
  CHECK(totals(r, with_scores(2000, 3999)).grade == "不合格");
}

TEST_CASE("vetoes: disqualify, cap_grade (only lowers), cap_score", "[scoring]") {
  rubric r = full_rubric();
  veto v1{"V1", "重大事件", make_sanction(sanction::kind::disqualify, "", 0), {}};
  veto v2{"V2", "封顶等次", make_sanction(sanction::kind::cap_grade, "合格", 0), {}};
  veto v10{"V10", "封顶分数", make_sanction(sanction::kind::cap_score, "", 5900), {}};
  r.vetoes = {v10, v2, v1};
  assessment a = with_scores(6000, 3500);  // 95
  auto t = totals(r, a);
  CHECK(t.qualified);
  CHECK(t.vetoes_triggered.empty());

  a.vetoes["V1"] = true;
  t = totals(r, a);
  CHECK_FALSE(t.qualified);
  CHECK(t.grade == "优秀");
  CHECK(t.vetoes_triggered == std::vector<std::string>{"V1"});

  a.vetoes["V1"] = false;
  a.vetoes["V2"] = true;
  t = totals(r, a);
  CHECK(t.qualified);
  CHECK(t.grade == "合格");
  CHECK(t.total == 9500);

  auto low = with_scores(2000, 1000);  // 30: already below 合格, the cap does not raise it
  low.vetoes["V2"] = true;
  CHECK(totals(r, low).grade == "不合格");

  a.vetoes["V10"] = true;
  t = totals(r, a);
  CHECK(t.total == 5900);
  CHECK(t.grade == "不合格");
  CHECK(t.vetoes_triggered == std::vector<std::string>{"V2", "V10"});  // id order
}

TEST_CASE("gates: fail below min_ratio, pass at exactly min_ratio", "[scoring]") {
  rubric r = full_rubric();
  gate g;
  g.category = "2";
  g.min_ratio = make_fraction(85, 100);
  g.effect = make_sanction(sanction::kind::disqualify, "", 0);
  gate named;
  named.id = "G-a";
  named.category = "1";
  named.min_ratio = make_fraction(1, 2);
  named.effect = make_sanction(sanction::kind::cap_grade, "合格", 0);
  r.gates = {g, named};

  auto at = totals(r, with_scores(6000, 3400));  // 34 / 40 = 0.85 exactly
  CHECK(at.qualified);
  CHECK(at.gates_failed.empty());
  auto below = totals(r, with_scores(6000, 3399));
  CHECK_FALSE(below.qualified);
  CHECK(below.gates_failed == std::vector<std::string>{"2"});

  auto both = totals(r, with_scores(2999, 3399));
  CHECK(both.gates_failed == std::vector<std::string>{"2", "G-a"});
  CHECK(both.grade == "合格");  // 63.98 is 合格 already; the cap does not change it
  CHECK_FALSE(both.qualified);
  auto capped = totals(r, with_scores(2999, 4000) /* 69.99 */);
  CHECK(capped.grade == "合格");
  CHECK(capped.qualified);
}

TEST_CASE("category weights: base = Σ weight × ratio × total, rounded once", "[scoring]") {
  rubric r = full_rubric();
  r.categories[0].weight = make_fraction(1, 3);
  r.categories[1].weight = make_fraction(2, 3);
  // 1/3 × (30/60) × 100 + 2/3 × (40/40) × 100 = 16.666… + 66.666… = 83.33
  auto t = totals(r, with_scores(3000, 4000));
  CHECK(t.base == 8333);
  r.categories[1].weight.reset();  // not every category weighted: plain sum
  CHECK(totals(r, with_scores(3000, 4000)).base == 7000);
}

TEST_CASE("target and gap", "[scoring]") {
  rubric r = full_rubric();
  auto t = totals(r, with_scores(5000, 3500), 9000);
  CHECK(t.total == 8500);
  CHECK(t.gap == 500);
  CHECK(t.target == 9000);
  CHECK(totals(r, with_scores(6000, 4000), 9000).gap == 0);
  CHECK_FALSE(totals(r, with_scores(6000, 4000)).gap.has_value());
}

TEST_CASE("lists: blanks in id order, shortfalls by lost then id", "[scoring]") {
  rubric r = one_category({make_item("1.10", 100, make_rule(rule_kind::check)),
                           make_item("1.2", 100, make_rule(rule_kind::check)),
                           make_item("1.3", 200, make_rule(rule_kind::check)),
                           make_item("1.1", 100, make_rule(rule_kind::check))});
  assessment a;
  a.items["1.1"].met = true;
  auto res = score(compile_rubric(r, {}), a, {}, std::nullopt);
  CHECK(res.blanks == std::vector<std::string>{"1.2", "1.3", "1.10"});
  REQUIRE(res.shortfalls.size() == 3);
  CHECK(res.shortfalls[0].id == "1.3");
  CHECK(res.shortfalls[1].id == "1.2");
  CHECK(res.shortfalls[2].id == "1.10");
  CHECK(res.categories.at(0).score == 100);
  CHECK(res.categories.at(0).ratio == make_fraction(1, 5));
}

TEST_CASE("score_totals and score_into agree with score", "[scoring]") {
  rubric r = full_rubric();
  auto compiled = compile_rubric(r, {});
  assessment a = with_scores(4567, 1234);
  a.items["P1"].count = 1;
  a.items["B2"].met = true;
  auto full = score(compiled, a, {}, 9000);
  auto fast = score_totals(compiled, a, {}, 9000);
  CHECK(fast.total == full.total.total);
  CHECK(fast.base == full.total.base);
  CHECK(fast.gap == full.total.gap);
  score_result reused = score(compiled, with_scores(1, 1), {}, std::nullopt);
  score_into(compiled, a, {}, 9000, reused);
  CHECK(reused.total.total == full.total.total);
  CHECK(reused.shortfalls.size() == full.shortfalls.size());
  CHECK(reused.items[0].reason == full.items[0].reason);
}

TEST_CASE("compiling refuses what scoring cannot mean", "[scoring]") {
  rubric dup = one_category({make_item("1.1", 100, make_rule(rule_kind::check)),
                             make_item("1.1", 100, make_rule(rule_kind::check))});
  CHECK_THROWS_AS(compile_rubric(dup, {}), readiness::error);
  rubric bad_gate = full_rubric();
  gate g;
  g.category = "9";
  bad_gate.gates = {g};
  CHECK_THROWS_WITH(compile_rubric(bad_gate, {}), Catch::Contains("unknown category"));
  rubric misplaced = one_category({make_item("1.1", 0, make_rule(rule_kind::penalty))});
  CHECK_THROWS_AS(compile_rubric(misplaced, {}), readiness::error);
}

TEST_CASE("score_plan uses the plan's sites and target", "[scoring]") {
  plan p;
  p.rubric = one_category({sites_item()});
  p.sites = hospitals();
  p.assessment.site_checks["S1"]["4.3"] = true;
  p.inspection = inspection{};
  p.inspection->target = 200;
  auto res = score_plan(p);
  CHECK(res.total.total == 50);
  CHECK(res.total.gap == 150);
}
