// forecast(): the projection now and on the day, the curve, and the lists built on them.
#include "readiness/forecast.hpp"

#include "core/forecast_internal.hpp"
#include "readiness/error.hpp"

namespace readiness {

readiness_forecast forecast(const plan& p, const task_graph& graph, const plan_calendars& calendars,
                            const schedule& s, const compiled_rubric& rubric) {
  if (!s.ready_by)
    throw error(errc::validation, "/inspection",
                "a forecast needs inspection.ready_by or inspection.arrives");
  if (graph.task_count() != s.tasks.size())
    throw error(errc::invalid_argument, "schedule", "the schedule is not of this task graph");
  const working_calendar& cal = calendars.plan;
  auto tasks = detail::scheduled_models(p, s);

  readiness_forecast out;
  out.as_of = s.as_of;
  out.ready_by = *s.ready_by;
  out.arrives = p.inspection ? p.inspection->arrives : std::nullopt;
  out.target = detail::plan_target(p);
  out.now = projected_score(p, rubric, s, cal, s.as_of);
  out.on_day = projected_score(p, rubric, s, cal, out.ready_by);
  date last = out.arrives ? std::max(*out.arrives, out.ready_by) : out.ready_by;
  out.curve = readiness_curve(p, rubric, s, cal, last);
  for (const auto& pt : out.curve)
    if (out.target && pt.qualified && pt.total >= *out.target) {
      out.reaches_target = pt.day;
      break;
    }
  out.provisional = s.provisional || cal.provisional_between(s.as_of, last);
  detail::fill_at_risk(p, rubric, s, tasks, out.ready_by, out);
  detail::fill_uncovered(p, tasks, out);
  detail::fill_units(p, s, out);
  detail::fill_priorities(p, graph, rubric, s, tasks, out);
  return out;
}

}  // namespace readiness
