// Scoring throughput: items scored per second on a generated 1,000-item rubric using every rule
// kind (all with inputs, evidence and site checks), and on the example district plan.
#include <benchmark/benchmark.h>

#include <string>

#include "readiness/plan_io.hpp"
#include "readiness/scoring.hpp"

namespace {

using namespace readiness;

constexpr int categories = 10;
constexpr int items_per_category = 100;
constexpr int site_count = 50;

item generated_item(int c, int i) {
  item it;
  it.id = std::to_string(c + 1) + "." + std::to_string(i + 1);
  it.title = "考评内容" + it.id;
  it.points = 100;
  it.owner = "unit" + std::to_string(i % 7);
  rule& r = it.scoring;
  switch (i % 7) {
    case 0:
      r.kind = rule_kind::check;
      break;
    case 1:
      r.kind = rule_kind::conditions;
      for (const char* id : {"a", "b", "c", "d"}) r.conditions.push_back({id, 25, "", {}});
      break;
    case 2:
      r.kind = rule_kind::per_unit, r.unit = 30;
      break;
    case 3:
      r.kind = rule_kind::deduction, r.per = 25;
      break;
    case 4:
      r.kind = rule_kind::levels;
      r.levels = {{"优", {1, 1}, {}}, {"良", {4, 5}, {}}, {"中", {3, 5}, {}}, {"差", {0, 1}, {}}};
      break;
    case 5:
      r.kind = rule_kind::ratio, r.zero_at = make_fraction(6, 10), r.full_at = make_fraction(9, 10);
      break;
    default:
      r.kind = rule_kind::sites, r.site_type = "type" + std::to_string(i % 5);
      break;
  }
  if (i % 3 == 0) it.evidence = evidence_rule{"material", {"doc"}, {}};
  return it;
}

item_input generated_input(const item& it, int i) {
  item_input in;
  switch (it.scoring.kind) {
    case rule_kind::check:
      in.met = i % 2 == 0;
      break;
    case rule_kind::conditions:
      in.met_conditions = std::vector<std::string>{"a", "c"};
      break;
    case rule_kind::per_unit:
      in.count = i % 5;
      break;
    case rule_kind::deduction:
      in.deficiencies = i % 4;
      break;
    case rule_kind::levels:
      in.level = i % 2 ? "良" : "中";
      break;
    case rule_kind::ratio:
      in.value = make_fraction(70 + i % 30, 100);
      break;
    default:
      break;
  }
  return in;
}

struct generated {
  rubric r;
  std::vector<site> sites;
  assessment a;
  std::vector<evidence_entry> evidence;
};

const generated& thousand_items() {
  static const generated g = [] {
    generated g;
    g.r.id = "bench";
    g.r.grades = {{9000, "优秀", {}}, {6000, "合格", {}}, {0, "不合格", {}}};
    for (int s = 0; s < site_count; ++s)
      g.sites.push_back({"S" + std::to_string(s), "点位", "type" + std::to_string(s % 5), "", {}});
    for (int c = 0; c < categories; ++c) {
      category cat;
      cat.id = std::to_string(c + 1);
      for (int i = 0; i < items_per_category; ++i) {
        item it = generated_item(c, i);
        cat.points += it.points;
        if (it.scoring.kind == rule_kind::sites) {
          for (int s = 0; s < site_count; s += 2)
            g.a.site_checks["S" + std::to_string(s)][it.id] = true;
        } else if (i % 11 != 0) {  // some blanks
          g.a.items[it.id] = generated_input(it, i);
        }
        if (it.evidence && i % 2 == 0)
          g.evidence.push_back({"E" + it.id, it.id, "doc", "材料", std::nullopt, {}});
        cat.items.push_back(std::move(it));
      }
      g.r.categories.push_back(std::move(cat));
    }
    g.r.bonus = item_group{};
    g.r.bonus->cap = 500;
    g.r.penalties = item_group{};
    g.r.penalties->cap = 1000;
    item p;
    p.id = "P1";
    p.scoring.kind = rule_kind::penalty;
    p.scoring.per = 100;
    g.r.penalties->items.push_back(p);
    g.a.items["P1"].count = 2;
    g.r.vetoes.push_back({"V1", "否决", {}, {}});
    g.a.vetoes["V1"] = false;
    return g;
  }();
  return g;
}

std::int64_t item_total(const compiled_rubric& c) {
  return static_cast<std::int64_t>(c.item_count());
}

void BM_compile_1000(benchmark::State& state) {
  const auto& g = thousand_items();
  for (auto _ : state) benchmark::DoNotOptimize(compile_rubric(g.r, g.sites));
  state.SetItemsProcessed(state.iterations() * 1001);
}
BENCHMARK(BM_compile_1000);

void BM_score_full_1000(benchmark::State& state) {
  const auto& g = thousand_items();
  auto compiled = compile_rubric(g.r, g.sites);
  for (auto _ : state) benchmark::DoNotOptimize(score(compiled, g.a, g.evidence, centi{90000}));
  state.SetItemsProcessed(state.iterations() * item_total(compiled));
}
BENCHMARK(BM_score_full_1000);

void BM_score_into_1000(benchmark::State& state) {
  const auto& g = thousand_items();
  auto compiled = compile_rubric(g.r, g.sites);
  score_result reused;
  for (auto _ : state) {
    score_into(compiled, g.a, g.evidence, centi{90000}, reused);
    benchmark::DoNotOptimize(reused.total.total);
  }
  state.SetItemsProcessed(state.iterations() * item_total(compiled));
}
BENCHMARK(BM_score_into_1000);

void BM_score_totals_1000(benchmark::State& state) {
  const auto& g = thousand_items();
  auto compiled = compile_rubric(g.r, g.sites);
  for (auto _ : state)
    benchmark::DoNotOptimize(score_totals(compiled, g.a, g.evidence, centi{90000}));
  state.SetItemsProcessed(state.iterations() * item_total(compiled));
}
BENCHMARK(BM_score_totals_1000);

void example_plan(benchmark::State& state, bool totals_only) {
  plan p;
  try {
    p = io::read_plan_file(READINESS_SOURCE_DIR "/data/examples/district-2026.json");
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    return;
  }
  auto compiled = compile_rubric(p.rubric, p.sites);
  std::optional<centi> target = p.inspection ? p.inspection->target : std::nullopt;
  for (auto _ : state) {
    if (totals_only)
      benchmark::DoNotOptimize(score_totals(compiled, p.assessment, p.evidence, target));
    else
      benchmark::DoNotOptimize(score(compiled, p.assessment, p.evidence, target));
  }
  state.SetItemsProcessed(state.iterations() * item_total(compiled));
}

void BM_score_full_example(benchmark::State& state) {
  example_plan(state, false);
}
void BM_score_totals_example(benchmark::State& state) {
  example_plan(state, true);
}
BENCHMARK(BM_score_full_example);
BENCHMARK(BM_score_totals_example);

}  // namespace

BENCHMARK_MAIN();
