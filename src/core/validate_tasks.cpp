// Validation of tasks (SPEC §5): ids, units, parents and links resolving, summary and leaf tasks,
// actual dates against the status date, effects. Cycles are the schedule's to find.
#include "core/validate_parts.hpp"
#include "readiness/dates.hpp"

namespace readiness::detail {
namespace {

void check_units_named(const plan_index& ix, const std::vector<std::string>& ids,
                       const std::string& at, findings& out) {
  for (std::size_t k = 0; k < ids.size(); ++k)
    check_known(ix.units, ids[k], child(at, k), "unit", out);
}

void check_summary(const task& t, const std::string& child_id, const std::string& at,
                   findings& out) {
  std::string which = "a summary task (parent of " + quoted(child_id) + ") has no ";
  if (t.duration) out.add(child(at, "duration"), which + "duration of its own");
  if (t.estimate) out.add(child(at, "estimate"), which + "estimate of its own");
  if (t.progress) out.add(child(at, "progress"), which + "progress of its own");
  if (!t.effects.empty())
    out.add(child(at, "effects"), which + "effects of its own; give them to a subtask");
}

void check_actual_dates(const task& t, const std::optional<date>& as_of, const std::string& at,
                        findings& out) {
  if (as_of && t.started && *t.started > *as_of)
    out.add(child(at, "started"),
            format_iso_date(*t.started) + " is after the status date " + format_iso_date(*as_of));
  if (as_of && t.finished && *t.finished > *as_of)
    out.add(child(at, "finished"),
            format_iso_date(*t.finished) + " is after the status date " + format_iso_date(*as_of));
  if (t.started && t.finished && *t.finished < *t.started)
    out.add(child(at, "finished"),
            format_iso_date(*t.finished) + " is before the start " + format_iso_date(*t.started));
}

}  // namespace

void check_tasks(const plan_index& ix, findings& out) {
  for (std::size_t i = 0; i < ix.p.tasks.size(); ++i) {
    const task& t = ix.p.tasks[i];
    std::string at = child("/tasks", i);
    check_unique(ix.tasks, t.id, at, "task", out);
    if (!t.parent.empty()) check_known(ix.tasks, t.parent, child(at, "parent"), "task", out);
    if (!t.lead.empty()) check_known(ix.units, t.lead, child(at, "lead"), "unit", out);
    check_units_named(ix, t.responsible, child(at, "responsible"), out);
    check_units_named(ix, t.support, child(at, "support"), out);
    for (std::size_t k = 0; k < t.after.size(); ++k)
      check_known(ix.tasks, t.after[k].task, child(child(at, "after"), k), "task", out);
    auto children = ix.parents.find(t.id);
    if (children != ix.parents.end())
      check_summary(t, children->second, at, out);
    else if (!t.duration)
      out.add(at, "missing \"duration\" (a task without subtasks needs one)");
    check_actual_dates(t, ix.p.assessment.as_of, at, out);
    for (std::size_t k = 0; k < t.effects.size(); ++k)
      check_effect(ix, t.effects[k], child(child(at, "effects"), k), out);
  }
}

}  // namespace readiness::detail
