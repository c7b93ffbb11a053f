#include <catch2/catch.hpp>

#include "readiness/effects.hpp"
#include "readiness/error.hpp"

using namespace readiness;

namespace {

item make_item(std::string id, centi points, rule_kind kind) {
  item it;
  it.id = std::move(id);
  it.points = points;
  it.scoring.kind = kind;
  return it;
}

effect item_effect(effect_kind kind, std::string item_id) {
  effect e;
  e.kind = kind;
  e.item = std::move(item_id);
  return e;
}

struct fixture {
  rubric r;
  std::vector<site> sites;
  compiled_rubric compiled;

  fixture() {
    category c;
    c.id = "1";
    item check = make_item("1.1", 100, rule_kind::check);
    item conds = make_item("1.2", 100, rule_kind::conditions);
    conds.scoring.conditions = {{"a", 50, "", {}}, {"b", 50, "", {}}};
    item per = make_item("1.3", 100, rule_kind::per_unit);
    per.scoring.unit = 50;
    item ded = make_item("1.4", 100, rule_kind::deduction);
    ded.scoring.per = 25;
    item lev = make_item("1.5", 100, rule_kind::levels);
    lev.scoring.levels = {{"优", {1, 1}, {}}, {"良", {4, 5}, {}}, {"中", {3, 5}, {}}};
    item ratio = make_item("1.6", 100, rule_kind::ratio);
    item proof = make_item("1.7", 100, rule_kind::check);
    proof.evidence = evidence_rule{"material", {"doc"}, {}};
    item st = make_item("1.8", 100, rule_kind::sites);
    st.scoring.site_type = "hospital";
    c.items = {check, conds, per, ded, lev, ratio, proof, st};
    c.points = 800;
    r.categories.push_back(c);
    item_group penalties;
    item pen = make_item("P1", 0, rule_kind::penalty);
    pen.scoring.per = 50;
    penalties.items.push_back(pen);
    r.penalties = penalties;
    veto v;
    v.id = "V1";
    v.effect.what = sanction::kind::cap_score;
    v.effect.score = 100;
    r.vetoes.push_back(v);
    r.total = 800;
    sites = {{"S1", "医院一", "hospital", "", {}}, {"S2", "医院二", "hospital", "", {}}};
    compiled = compile_rubric(r, sites);
  }

  centi item_score(const assessment& a, const std::vector<evidence_entry>& ledger,
                   const std::string& id) {
    score_result s = score(compiled, a, ledger, std::nullopt);
    for (const auto& is : s.items)
      if (is.id == id) return is.score;
    FAIL("no item " << id);
    return 0;
  }

  centi after(const effect& e, assessment a = {}, std::vector<evidence_entry> ledger = {}) {
    apply_effect(compiled, e, "T1", a, ledger);
    return item_score(a, ledger, e.item);
  }
};

}  // namespace

TEST_CASE("effect met makes a check item met", "[effects]") {
  fixture f;
  CHECK(f.after(item_effect(effect_kind::met, "1.1")) == 100);
}

TEST_CASE("effect conditions adds met conditions once each", "[effects]") {
  fixture f;
  assessment a;
  a.items["1.2"].met_conditions = std::vector<std::string>{"a"};
  effect e = item_effect(effect_kind::conditions, "1.2");
  e.ids = {"a", "b"};
  std::vector<evidence_entry> ledger;
  apply_effect(f.compiled, e, "T1", a, ledger);
  CHECK(a.items["1.2"].met_conditions->size() == 2);
  CHECK(f.item_score(a, ledger, "1.2") == 100);
}

TEST_CASE("effect count adds, and a negative count removes incidents but not below 0",
          "[effects]") {
  fixture f;
  effect add = item_effect(effect_kind::count, "1.3");
  add.amount = 1;
  CHECK(f.after(add) == 50);  // blank count starts at 0
  assessment a;
  a.items["P1"].count = 1;
  effect remove = item_effect(effect_kind::count, "P1");
  remove.amount = -3;
  std::vector<evidence_entry> ledger;
  apply_effect(f.compiled, remove, "T1", a, ledger);
  CHECK(*a.items["P1"].count == 0);
  CHECK(f.item_score(a, ledger, "P1") == 0);
}

TEST_CASE("effect resolve removes deficiencies, not below 0; a blank item stays blank",
          "[effects]") {
  fixture f;
  assessment a;
  a.items["1.4"].deficiencies = 3;
  effect e = item_effect(effect_kind::resolve, "1.4");
  e.amount = 2;
  CHECK(f.after(e, a) == 75);
  e.amount = 5;
  CHECK(f.after(e, a) == 100);
  assessment blank;
  std::vector<evidence_entry> ledger;
  apply_effect(f.compiled, e, "T1", blank, ledger);
  CHECK_FALSE(blank.items["1.4"].deficiencies.has_value());
}

TEST_CASE("effect level sets the level only when better", "[effects]") {
  fixture f;
  assessment a;
  a.items["1.5"].level = "良";
  effect worse = item_effect(effect_kind::level, "1.5");
  worse.text = "中";
  CHECK(f.after(worse, a) == 80);
  effect better = item_effect(effect_kind::level, "1.5");
  better.text = "优";
  CHECK(f.after(better, a) == 100);
  CHECK(f.after(worse) == 60);  // blank: any level is better
}

TEST_CASE("effect value raises the value to at least this", "[effects]") {
  fixture f;
  assessment a;
  a.items["1.6"].hits = 9;
  a.items["1.6"].of = 10;
  effect lower = item_effect(effect_kind::value, "1.6");
  lower.value = make_fraction(1, 2);
  CHECK(f.after(lower, a) == 90);
  effect higher = item_effect(effect_kind::value, "1.6");
  higher.value = make_fraction(19, 20);
  CHECK(f.after(higher, a) == 95);
}

TEST_CASE("effect evidence adds a ledger entry of that kind for the item", "[effects]") {
  fixture f;
  assessment a;
  a.items["1.7"].met = true;
  effect e = item_effect(effect_kind::evidence, "1.7");
  e.text = "doc";
  std::vector<evidence_entry> ledger;
  CHECK(f.item_score(a, ledger, "1.7") == 0);
  apply_effect(f.compiled, e, "T1", a, ledger);
  REQUIRE(ledger.size() == 1);
  CHECK(ledger[0].kind == "doc");
  CHECK(f.item_score(a, ledger, "1.7") == 100);
}

TEST_CASE("effect sites marks those sites compliant for the item", "[effects]") {
  fixture f;
  effect e = item_effect(effect_kind::sites, "1.8");
  e.ids = {"S1"};
  CHECK(f.after(e) == 50);
  e.ids = {"S1", "S2"};
  CHECK(f.after(e) == 100);
}

TEST_CASE("effect clear veto clears a triggered veto", "[effects]") {
  fixture f;
  assessment a;
  a.items["1.1"].met = true;
  a.items["1.2"].met_conditions = std::vector<std::string>{"a", "b"};
  a.vetoes["V1"] = true;
  std::vector<evidence_entry> ledger;
  CHECK(score_totals(f.compiled, a, ledger, std::nullopt).total == 100);
  effect e;
  e.kind = effect_kind::clear_veto;
  e.veto = "V1";
  apply_effect(f.compiled, e, "T1", a, ledger);
  CHECK_FALSE(a.vetoes["V1"]);
  CHECK(score_totals(f.compiled, a, ledger, std::nullopt).total == 200);
}

TEST_CASE("an effect on an unknown item is an error naming the task", "[effects]") {
  fixture f;
  assessment a;
  std::vector<evidence_entry> ledger;
  try {
    apply_effect(f.compiled, item_effect(effect_kind::met, "9.9"), "T7", a, ledger);
    FAIL("no error");
  } catch (const error& e) {
    CHECK(e.code() == errc::validation);
    CHECK(std::string(e.what()).find("T7") != std::string::npos);
  }
}

TEST_CASE("effect_state scores as applying the effects to a copy, and resets", "[effects]") {
  fixture f;
  task t1, t2, t3;
  t1.id = "T1";
  t1.effects = {item_effect(effect_kind::met, "1.1"), item_effect(effect_kind::evidence, "1.7"),
                item_effect(effect_kind::met, "1.7")};
  t1.effects[1].text = "doc";
  t2.id = "T2";
  effect s = item_effect(effect_kind::sites, "1.8");
  s.ids = {"S2"};
  effect c = item_effect(effect_kind::count, "1.3");
  c.amount = 2;
  t2.effects = {s, c};
  t3.id = "T3";
  effect v;
  v.kind = effect_kind::clear_veto;
  v.veto = "V1";
  t3.effects = {v};
  assessment base;
  base.vetoes["V1"] = true;
  std::vector<evidence_entry> ledger;
  effect_state st(f.compiled, base, ledger, {&t1, &t2, &t3});
  CHECK_FALSE(st.order_sensitive());

  assessment copy = base;
  std::vector<evidence_entry> copy_ledger;
  for (const task* t : {&t1, &t2, &t3}) apply_task_effects(f.compiled, *t, copy, copy_ledger);
  for (int round = 0; round < 2; ++round) {
    st.reset();
    CHECK(st.totals(std::nullopt).total ==
          score_totals(f.compiled, base, ledger, std::nullopt).total);
    st.apply(0);
    st.apply(1);
    st.apply(2);
    CHECK(st.totals(std::nullopt).total ==
          score_totals(f.compiled, copy, copy_ledger, std::nullopt).total);
  }
}

TEST_CASE("count effects of both signs on one item make the order matter", "[effects]") {
  fixture f;
  task up, down;
  up.id = "T1";
  up.effects = {item_effect(effect_kind::count, "P1")};
  up.effects[0].amount = 1;
  down.id = "T2";
  down.effects = {item_effect(effect_kind::count, "P1")};
  down.effects[0].amount = -1;
  effect_state st(f.compiled, {}, {}, {&up, &down});
  CHECK(st.order_sensitive());
}
