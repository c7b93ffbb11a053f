// Helpers the forecast files share. Private to the core.
#ifndef READINESS_CORE_FORECAST_INTERNAL_HPP
#define READINESS_CORE_FORECAST_INTERNAL_HPP

#include <cstdint>
#include <optional>
#include <vector>

#include "readiness/calendar.hpp"
#include "readiness/forecast.hpp"
#include "readiness/model.hpp"
#include "readiness/schedule.hpp"
#include "readiness/scoring.hpp"

namespace readiness::detail {

// The plan's task models in the schedule's order: tasks[i] is s.tasks[i].
std::vector<const task*> scheduled_models(const plan& p, const schedule& s);

// Task indices with effects, in the order effects apply: (finish_index, index).
std::vector<std::size_t> effect_order(const schedule& s, const std::vector<const task*>& tasks);

// The working-day index of the last working day on or before `day`, relative to day 0.
std::int64_t relative_index(const working_calendar& c, const schedule& s, date day);

std::optional<centi> plan_target(const plan& p);

// At or above the target and qualified (without a target: never).
bool reaches_target(const score_total& t);

// An open task finishing after its deadline.
bool is_late(const scheduled_task& t);

// The parts of a forecast, each filling its lists in `out` (which already holds on_day).
void fill_at_risk(const plan& p, const compiled_rubric& rubric, const schedule& s,
                  const std::vector<const task*>& tasks, date ready_by, readiness_forecast& out);
void fill_uncovered(const plan& p, const std::vector<const task*>& tasks, readiness_forecast& out);
void fill_units(const plan& p, const schedule& s, readiness_forecast& out);
void fill_priorities(const plan& p, const task_graph& graph, const compiled_rubric& rubric,
                     const schedule& s, const std::vector<const task*>& tasks,
                     readiness_forecast& out);

}  // namespace readiness::detail

#endif
