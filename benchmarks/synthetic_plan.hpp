// A large synthetic plan for the readiness benchmarks: the example district's rubric, units, sites
// and calendar, with `count` tasks in ten layers (each task after one or two of the layer before),
// estimates on every task and effects of every kind on a third of them. Deterministic.
#ifndef READINESS_BENCHMARKS_SYNTHETIC_PLAN_HPP
#define READINESS_BENCHMARKS_SYNTHETIC_PLAN_HPP

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>

#include "readiness/model.hpp"
#include "readiness/plan_io.hpp"

namespace bench {

inline readiness::plan synthetic_plan(std::size_t count) {
  using namespace readiness;
  plan p =
      io::read_plan_file(std::string(READINESS_SOURCE_DIR) + "/data/examples/district-2026.json");
  p.tasks.clear();
  std::mt19937_64 rng(42);
  std::vector<const item*> items;
  for (const auto& c : p.rubric.categories)
    for (const auto& it : c.items) items.push_back(&it);
  std::size_t layers = 10, per_layer = (count + layers - 1) / layers;
  char id[32];
  auto name = [&](std::size_t i) {
    std::snprintf(id, sizeof id, "T%06zu", i);
    return std::string(id);
  };
  for (std::size_t i = 0; i < count; ++i) {
    task t;
    t.id = name(i);
    t.title = "任务" + t.id;
    t.lead = p.units[rng() % p.units.size()].id;
    std::int64_t d = 1 + static_cast<std::int64_t>(rng() % 6);
    t.duration = d;
    estimate e;
    e.optimistic = static_cast<double>(d) * 0.7;
    e.likely = static_cast<double>(d);
    e.pessimistic = static_cast<double>(d) * 1.8;
    t.estimate = e;
    std::size_t layer = i / per_layer;
    if (layer > 0) {
      std::size_t first = (layer - 1) * per_layer;
      for (int k = 0, n = 1 + static_cast<int>(rng() % 2); k < n; ++k) {
        readiness::link l;
        l.task = name(first + rng() % per_layer);
        if (std::none_of(t.after.begin(), t.after.end(),
                         [&](const readiness::link& x) { return x.task == l.task; }))
          t.after.push_back(l);
      }
    }
    if (rng() % 3 == 0) {
      const item& it = *items[rng() % items.size()];
      effect ef;
      ef.item = it.id;
      switch (it.scoring.kind) {
        case rule_kind::check:
          ef.kind = effect_kind::met;
          break;
        case rule_kind::conditions:
          ef.kind = effect_kind::conditions;
          ef.ids = {it.scoring.conditions[rng() % it.scoring.conditions.size()].id};
          break;
        case rule_kind::per_unit:
          ef.kind = effect_kind::count;
          ef.amount = 1;
          break;
        case rule_kind::deduction:
          ef.kind = effect_kind::resolve;
          ef.amount = 1;
          break;
        case rule_kind::levels:
          ef.kind = effect_kind::level;
          ef.text = it.scoring.levels[0].label;
          break;
        case rule_kind::ratio:
          ef.kind = effect_kind::value;
          ef.value = make_fraction(95, 100);
          break;
        default:
          ef.kind = effect_kind::sites;
          ef.ids = {p.sites[rng() % p.sites.size()].id};
      }
      t.effects.push_back(ef);
      if (it.evidence && !it.evidence->required_kinds.empty()) {
        effect ev;
        ev.kind = effect_kind::evidence;
        ev.item = it.id;
        ev.text = it.evidence->required_kinds[0];
        t.effects.push_back(ev);
      }
    }
    p.tasks.push_back(std::move(t));
  }
  return p;
}

}  // namespace bench

#endif
