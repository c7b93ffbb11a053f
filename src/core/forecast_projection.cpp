// The projected score at a date and the readiness curve (SPEC §6).
#include <algorithm>
#include <map>
#include <string_view>

#include "core/forecast_internal.hpp"
#include "readiness/effects.hpp"
#include "readiness/error.hpp"
#include "readiness/forecast.hpp"

namespace readiness {
namespace detail {

std::vector<const task*> scheduled_models(const plan& p, const schedule& s) {
  std::vector<const task*> out;
  out.reserve(s.tasks.size());
  // A plan whose tasks come in id order (most do) matches the schedule's order one to one.
  if (p.tasks.size() == s.tasks.size()) {
    for (std::size_t i = 0; i < s.tasks.size() && p.tasks[i].id == s.tasks[i].id; ++i)
      out.push_back(&p.tasks[i]);
    if (out.size() == s.tasks.size()) return out;
    out.clear();
  }
  std::map<std::string_view, const task*, id_less> by_id;
  for (const auto& t : p.tasks) by_id.emplace(t.id, &t);
  for (const auto& st : s.tasks) {
    auto it = by_id.find(st.id);
    if (it == by_id.end())
      throw error(errc::invalid_argument, "task " + st.id, "the schedule is not of this plan");
    out.push_back(it->second);
  }
  return out;
}

std::vector<std::size_t> effect_order(const schedule& s, const std::vector<const task*>& tasks) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < tasks.size(); ++i)
    if (!tasks[i]->effects.empty()) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return s.tasks[a].finish_index < s.tasks[b].finish_index;
  });
  return order;
}

std::int64_t relative_index(const working_calendar& c, const schedule& s, date day) {
  return c.index_on_or_before(day) - c.index_on_or_after(s.day0);
}

std::optional<centi> plan_target(const plan& p) {
  return p.inspection ? p.inspection->target : std::nullopt;
}

bool reaches_target(const score_total& t) {
  return t.target && t.qualified && t.total >= *t.target;
}

bool is_late(const scheduled_task& t) {
  return !t.done && t.deadline && t.ef > *t.deadline;
}

}  // namespace detail

score_result projected_score(const plan& p, const compiled_rubric& rubric, const schedule& s,
                             const working_calendar& calendar, date day) {
  auto tasks = detail::scheduled_models(p, s);
  effect_state state(rubric, p.assessment, p.evidence, tasks);
  std::int64_t limit = detail::relative_index(calendar, s, day);
  for (std::size_t i : detail::effect_order(s, tasks))
    if (s.tasks[i].finish_index <= limit) state.apply(i);
  score_result r = state.result(detail::plan_target(p));
  r.as_of = day;
  return r;
}

std::vector<curve_point> readiness_curve(const plan& p, const compiled_rubric& rubric,
                                         const schedule& s, const working_calendar& calendar,
                                         date last) {
  auto tasks = detail::scheduled_models(p, s);
  effect_state state(rubric, p.assessment, p.evidence, tasks);
  auto order = detail::effect_order(s, tasks);
  auto target = detail::plan_target(p);
  std::int64_t first = calendar.index_on_or_after(s.day0);
  std::int64_t end = calendar.index_on_or_before(last);
  std::vector<curve_point> curve;
  if (end >= first) curve.reserve(static_cast<std::size_t>(end - first + 1));
  std::size_t next = 0;
  score_total totals;
  for (std::int64_t day = first; day <= end; ++day) {
    bool changed = day == first;
    while (next < order.size() && s.tasks[order[next]].finish_index <= day - first) {
      state.apply(order[next++]);
      changed = true;
    }
    if (changed) totals = state.totals(target);
    curve.push_back({calendar.date_of(day), totals.total, totals.qualified, totals.grade});
  }
  return curve;
}

}  // namespace readiness
