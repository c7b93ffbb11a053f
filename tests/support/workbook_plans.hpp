// Generated plans for the workbook tests and benchmarks: every section, every rule and effect
// kind, "x-" members in many places, and any number of tasks (a tree of summaries and leaves,
// linked by every link type). Deterministic for a given size and seed.
#ifndef READINESS_TESTS_SUPPORT_WORKBOOK_PLANS_HPP
#define READINESS_TESTS_SUPPORT_WORKBOOK_PLANS_HPP

#include <cstdint>
#include <random>
#include <string>

#include "readiness/decimal.hpp"
#include "readiness/model.hpp"

namespace workbook_plans {

using namespace readiness;

inline date day(int y, int m, int d) {
  return date(y, m, d);
}

inline item make_item(const std::string& id, centi points, rule_kind kind) {
  item it;
  it.id = id;
  it.title = "考评内容 " + id;
  it.points = points;
  it.scoring.kind = kind;
  return it;
}

// A category of seven items, one per rule kind but penalty (14 points).
inline category make_category(int n, std::mt19937_64& rng, bool with_ext) {
  category c;
  c.id = std::to_string(n);
  c.title = "大项 " + c.id;
  c.points = 1400;
  auto id = [&](int k) { return c.id + "." + std::to_string(k); };
  item check = make_item(id(1), 200, rule_kind::check);
  check.owner = "u1";
  check.evidence = evidence_rule{"material", {"minutes"}, {}};
  item conds = make_item(id(2), 200, rule_kind::conditions);
  conds.scoring.conditions = {{"a", 50, "条件甲", {}}, {"b", 50, "", {}}, {"c", 100, "条件丙", {}}};
  if (with_ext) conds.scoring.conditions[1].ext = {{"x-c", "[1,2]"}};
  item per = make_item(id(3), 200, rule_kind::per_unit);
  per.scoring.unit = 50;
  per.scoring.cap = 200;
  item ded = make_item(id(4), 200, rule_kind::deduction);
  ded.scoring.per = 25 * static_cast<centi>(1 + rng() % 4);
  if (n % 2) ded.scoring.floor = 50;
  item lev = make_item(id(5), 200, rule_kind::levels);
  lev.scoring.levels = {{"优", make_fraction(1, 1), {}},
                        {"良", make_fraction(4, 5), {}},
                        {"中", make_fraction(3, 5), {}}};
  item rat = make_item(id(6), 200, rule_kind::ratio);
  rat.scoring.zero_at = make_fraction(1, 2);
  rat.scoring.full_at = make_fraction(19, 20);
  rat.evidence = evidence_rule{"survey", {}, {}};
  item sit = make_item(id(7), 200, rule_kind::sites);
  if (n % 2) {
    sit.scoring.site_type = "hospital";
    sit.min_sample = 1;
  } else {
    sit.scoring.sites = {"S1", "S3"};
  }
  if (with_ext) {
    c.ext = {{"x-order", std::to_string(n)}};
    check.ext = {{"x-src", "\"细则\""}};
    rat.scoring.ext = {{"x-how", "{\"k\":true}"}};
  }
  c.items = {check, conds, per, ded, lev, rat, sit};
  return c;
}

// A valid plan with `tasks` tasks (at least 12).
inline plan generate_plan(std::size_t tasks, std::uint64_t seed = 7) {
  std::mt19937_64 rng(seed);
  plan p;
  p.title = "生成的计划 " + std::to_string(tasks);
  p.ext = {{"x-generator", "{\"name\":\"workbook_plans\",\"seed\":" + std::to_string(seed) + "}"}};
  p.inspection =
      inspection{day(2026, 10, 12), day(2026, 10, 16), day(2026, 10, 9), 4500, {{"x-team", "5"}}};
  calendar_spec cal;
  cal.base = "cn";
  cal.holidays = {{day(2026, 9, 18), day(2026, 9, 18)}};
  cal.workdays = {{day(2026, 10, 10), day(2026, 10, 10)}};
  p.calendar = cal;

  const std::size_t unit_count = std::max<std::size_t>(6, tasks / 40);
  for (std::size_t i = 1; i <= unit_count; ++i) {
    unit u;
    u.id = "u" + std::to_string(i);
    u.name = "单位 " + std::to_string(i);
    u.kind = i % 3 ? "department" : "town";
    if (i % 4 == 1) u.capacity = 2 + static_cast<std::int64_t>(i % 3);
    if (i == 2) {
      calendar_spec own;
      own.weekend = weekday_bit(0);
      own.holidays = {{day(2026, 8, 1), day(2026, 8, 1)}};
      own.ext = {{"x-why", "\"值班\""}};
      u.calendar = own;
    }
    if (i % 5 == 0) u.ext = {{"x-code", std::to_string(i)}};
    p.units.push_back(u);
  }
  for (int i = 1; i <= 4; ++i)
    p.sites.push_back({"S" + std::to_string(i), "点位 " + std::to_string(i),
                       i <= 2 ? "hospital" : "station", i % 2 ? "u1" : "",
                       i == 4 ? extensions{{"x-geo", "[120.1,30.2]"}} : extensions{}});

  rubric& r = p.rubric;
  r.id = "gen";
  r.title = "生成的考评标准";
  r.total = 5600;
  r.grades = {{9000 * 56 / 100, "优秀", {}},
              {8000 * 56 / 100, "良好", {}},
              {6000 * 56 / 100, "合格", {}},
              {0, "不合格", {{"x-note", "null"}}}};
  for (int n = 1; n <= 4; ++n) r.categories.push_back(make_category(n, rng, n <= 2));
  item_group bonus;
  bonus.cap = 300;
  item b1 = make_item("B1", 200, rule_kind::check);
  item b2 = make_item("B2", 200, rule_kind::per_unit);
  b2.scoring.unit = 100;
  bonus.items = {b1, b2};
  r.bonus = bonus;
  item_group penalties;
  penalties.cap = 1000;
  item p1 = make_item("P1", 0, rule_kind::penalty);
  p1.scoring.per = 100;
  p1.scoring.cap = 300;
  item p2 = make_item("P2", 0, rule_kind::penalty);
  p2.scoring.per = 50;
  penalties.items = {p1, p2};
  penalties.ext = {{"x-k", "1"}};
  r.penalties = penalties;
  veto v1{"V1", "发生涉军重大群体性事件", {}, {}};
  veto v2{"V2", "重大安全事故", {sanction::kind::cap_grade, "合格", 0, {}}, {}};
  veto v3{"V3", "", {sanction::kind::cap_score, "", 3350, {}}, {{"x-v", "\"v\""}}};
  r.vetoes = {v1, v2, v3};
  gate g1;
  g1.category = "2";
  g1.min_ratio = make_fraction(17, 20);
  gate g2;
  g2.id = "G2";
  g2.category = "1";
  g2.min_ratio = make_fraction(1, 2);
  g2.effect = {sanction::kind::cap_grade, "良好", 0, {}};
  r.gates = {g1, g2};

  assessment& a = p.assessment;
  a.as_of = day(2026, 7, 30);
  a.ext = {{"x-by", "\"自查组\""}};
  for (int n = 1; n <= 4; ++n) {
    std::string c = std::to_string(n);
    if (n != 3) a.items[c + ".1"].met = n % 2 == 1;
    a.items[c + ".2"].met_conditions = std::vector<std::string>{"a"};
    if (n == 2) a.items[c + ".2"].met_conditions = std::vector<std::string>{};
    a.items[c + ".3"].count = static_cast<std::int64_t>(rng() % 5);
    a.items[c + ".4"].deficiencies = static_cast<std::int64_t>(rng() % 3);
    a.items[c + ".5"].level = n % 2 ? "良" : "中";
    if (n % 2) {
      a.items[c + ".6"].value = make_fraction(87, 100);
    } else {
      a.items[c + ".6"].hits = 24;
      a.items[c + ".6"].of = 25;
    }
    a.items[c + ".6"].note = "问卷 " + c;
  }
  a.items["P1"].count = 1;
  a.items["P1"].ext = {{"x-source", "[\"信访办\"]"}};
  a.vetoes = {{"V1", false}, {"V2", true}};
  a.site_checks["S1"]["1.7"] = true;
  a.site_checks["S1"]["2.7"] = false;
  a.site_checks["S2"]["1.7"] = false;
  p.evidence = {{"E1", "1.1", "minutes", "会议纪要", day(2026, 3, 2), {}},
                {"E2", "2.1", "minutes", "", std::nullopt, {{"x-file", "\"a.pdf\""}}},
                {"E0", "3.6", "survey-report", "问卷报告", day(2026, 7, 1), {}}};

  // Tasks: every tenth is a summary over the next nine; leaves link back to earlier leaves.
  std::vector<std::string> leaves;
  std::string summary;
  for (std::size_t i = 0; i < tasks; ++i) {
    task t;
    char id[32];
    std::snprintf(id, sizeof id, "T%06zu", i + 1);
    t.id = id;
    t.title = "任务 " + t.id;
    t.lead = p.units[i % p.units.size()].id;
    if (i % 10 == 0) {
      summary = t.id;
      if (i % 20 == 0) t.due = day(2026, 9, 25);
      p.tasks.push_back(std::move(t));
      continue;
    }
    t.parent = summary;
    t.duration = static_cast<std::int64_t>(rng() % 12);
    if (i % 3 == 0) t.responsible = {p.units[(i + 1) % p.units.size()].id};
    if (i % 7 == 0) t.support = {p.units[(i + 2) % p.units.size()].id, p.units[0].id};
    if (i % 4 == 0) t.owner = "王" + std::to_string(i % 9);
    if (i % 5 == 0 && t.duration) {
      double d = static_cast<double>(*t.duration);
      t.estimate = estimate{d * 0.5, d, d * 1.75, i % 2 ? "pert" : "", {}};
    }
    if (!leaves.empty() && i % 2 == 0) {
      const std::string& pred = leaves[rng() % leaves.size()];
      static const link_type types[] = {link_type::fs, link_type::ss, link_type::ff, link_type::sf};
      readiness::link l{pred, types[rng() % 4], static_cast<std::int64_t>(rng() % 5) - 1, {}};
      if (i % 11 == 0) l.ext = {{"x-why", "\"依赖\""}};
      t.after.push_back(l);
    }
    if (i % 9 == 0) t.not_before = day(2026, 8, 3);
    if (i % 6 == 0) t.due = day(2026, 9, 30);
    if (i % 8 == 1) {
      t.progress = fraction{1, 1};
      t.started = day(2026, 7, 6);
      t.finished = day(2026, 7, 17);
    } else if (i % 8 == 2) {
      t.progress = make_fraction(3, 10);
      t.started = day(2026, 7, 27);
      t.baseline = baseline_dates{day(2026, 7, 27), day(2026, 8, 7), {}};
    } else if (i % 8 == 3) {
      t.progress = fraction{0, 1};
    }
    std::string c = std::to_string(1 + i % 4);
    effect e;
    e.item = c + "." + std::to_string(1 + i % 7);
    switch (i % 7) {
      case 0:
        e.kind = effect_kind::met;
        break;
      case 1:
        e.kind = effect_kind::conditions;
        e.ids = {"b", "c"};
        break;
      case 2:
        e.kind = effect_kind::count;
        e.amount = 1;
        break;
      case 3:
        e.kind = effect_kind::resolve;
        e.amount = 1;
        break;
      case 4:
        e.kind = effect_kind::level;
        e.text = "优";
        break;
      case 5:
        e.kind = effect_kind::value;
        e.value = make_fraction(97, 100);
        break;
      case 6:
        e.kind = effect_kind::sites;
        e.ids = {"S1"};
        break;
    }
    if (i % 13 == 0) e.ext = {{"x-e", "0"}};
    t.effects.push_back(e);
    if (i % 17 == 0) {
      effect ev;
      ev.kind = effect_kind::evidence;
      ev.item = c + ".1";
      ev.text = "minutes";
      t.effects.push_back(ev);
    }
    if (i == 23) {
      effect clear;
      clear.kind = effect_kind::clear_veto;
      clear.veto = "V2";
      t.effects.push_back(clear);
    }
    if (i % 19 == 0) t.ext = {{"x-row", std::to_string(i)}};
    leaves.push_back(t.id);
    p.tasks.push_back(std::move(t));
  }
  simulation_settings sim;
  sim.distribution = "triangular";
  sim.iterations = 1000;
  sim.seed = 18446744073709551615ull;
  p.simulation = sim;
  return p;
}

}  // namespace workbook_plans

#endif
