// Points at risk (SPEC §6): the telescoping chain over late tasks' effects, one item at a time,
// so the entries add up per item and per unit exactly (see forecast.hpp).
#include <algorithm>
#include <map>

#include "core/forecast_internal.hpp"
#include "readiness/effects.hpp"
#include "readiness/forecast.hpp"

namespace readiness::detail {
namespace {

// A late task's effects split by what they act on: one synthetic task per item (or veto).
struct step {
  std::size_t task = 0;
  std::string target;
  bool veto = false;
  struct task effects;
};

std::vector<step> steps_of(const std::vector<std::size_t>& late,
                           const std::vector<const task*>& tasks) {
  std::vector<step> out;
  for (std::size_t t : late) {
    std::map<std::pair<bool, std::string>, std::size_t> group;  // (veto, id) → step
    std::size_t first = out.size();
    for (const auto& e : tasks[t]->effects) {
      bool veto = e.kind == effect_kind::clear_veto;
      const std::string& id = veto ? e.veto : e.item;
      auto [it, added] = group.emplace(std::make_pair(veto, id), out.size());
      if (added) {
        step s;
        s.task = t;
        s.target = id;
        s.veto = veto;
        s.effects.id = tasks[t]->id;
        out.push_back(std::move(s));
      }
      out[it->second].effects.effects.push_back(e);
    }
    // Within a task: items, then vetoes, each in id order.
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
              [](const step& a, const step& b) {
                if (a.veto != b.veto) return !a.veto;
                return id_less{}(a.target, b.target);
              });
  }
  return out;
}

}  // namespace

void fill_at_risk(const plan& p, const compiled_rubric& rubric, const schedule& s,
                  const std::vector<const task*>& tasks, date ready_by, readiness_forecast& out) {
  std::vector<std::size_t> order = effect_order(s, tasks), late;
  std::vector<const task*> chain = tasks;
  for (std::size_t t : order)
    if (is_late(s.tasks[t])) late.push_back(t);
  std::vector<step> steps = steps_of(late, tasks);
  for (const auto& st : steps) chain.push_back(&st.effects);

  effect_state state(rubric, p.assessment, p.evidence, chain);
  for (std::size_t t : order)
    if (!is_late(s.tasks[t])) state.apply(t);
  auto target = plan_target(p);
  centi before = state.totals(target).total;
  for (std::size_t k = 0; k < steps.size(); ++k) {
    state.apply(tasks.size() + k);
    centi after = state.totals(target).total;
    const scheduled_task& st = s.tasks[steps[k].task];
    at_risk_entry e;
    e.task = st.id;
    e.item = steps[k].target;
    e.veto = steps[k].veto;
    e.unit = st.lead;
    e.points = after - before;
    e.finish = st.ef;
    e.deadline = *st.deadline;
    e.on_day = st.ef <= ready_by;
    out.points_at_risk += e.points;
    if (!e.on_day) out.points_missing += e.points;
    out.at_risk.push_back(std::move(e));
    before = after;
  }
  std::sort(out.at_risk.begin(), out.at_risk.end(),
            [](const at_risk_entry& a, const at_risk_entry& b) {
              if (a.task != b.task) return id_less{}(a.task, b.task);
              if (a.veto != b.veto) return !a.veto;
              return id_less{}(a.item, b.item);
            });
}

}  // namespace readiness::detail
