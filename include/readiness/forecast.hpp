// Readiness on the day (SPEC §6): the score the plan will have on any date if its schedule holds,
// the readiness curve, the points that depend on late tasks, the gaps no task covers, the unit
// accountability table, and what to do first.
//
// Projected score at date X: the assessment plus the effects of every task whose finish (its
// early finish, or its actual finish when done) is on or before X, applied in order of finish,
// then task id. Effects of unfinished work never count partly. "Now" is the projection at the
// status date; "on the day" the projection at `ready_by`.
//
// Points at risk (exact and additive): let B be every task that is not late (done tasks and open
// tasks finishing on or before their deadline) and L the late ones (open, finishing after their
// deadline), ordered by (finish, id). Starting from the assessment with B's effects applied, the
// effects of L are applied one task at a time, and within a task one item (or veto) at a time;
// each step's points at risk are the total after it minus the total before it. The steps
// telescope, so the sum over every entry — and hence over every item and every lead unit — is
// exactly total(B ∪ L) − total(B): the points that depend on late work. Entries whose task still
// finishes by `ready_by` (`on_day`) are counted in the projection though late against their own
// deadline; the others are missing on the day, and they add up to total(B ∪ L) − total(B then
// on-day L).
#ifndef READINESS_FORECAST_HPP
#define READINESS_FORECAST_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "readiness/calendar.hpp"
#include "readiness/model.hpp"
#include "readiness/schedule.hpp"
#include "readiness/scoring.hpp"
#include "readiness/task_graph.hpp"

namespace readiness {

struct curve_point {
  date day;
  centi total = 0;
  bool qualified = true;
  std::string grade;
};

// One (late task, item) pair: the points its effects on that item (or the veto it clears) add.
struct at_risk_entry {
  std::string task;
  std::string item;  // an item id, or the veto id when `veto`
  bool veto = false;
  std::string unit;  // the task's lead unit
  centi points = 0;
  date finish;          // the task's projected finish
  date deadline;        // its deadline
  bool on_day = false;  // it still finishes by ready_by, so the points count on the day
};

struct gap {
  std::string id;
  std::string owner;
  centi lost = 0;
};

struct unit_row {
  std::string id;
  std::string name;
  std::int64_t tasks = 0;  // tasks it leads (summaries not counted)
  std::int64_t done = 0;
  std::int64_t red = 0, yellow = 0, blue = 0, green = 0;  // open tasks by light
  std::int64_t late = 0;                                  // open tasks finishing after deadline
  centi points_at_risk = 0;
  std::int64_t items_owned = 0;  // rubric items naming it as owner
  centi points_lost = 0;         // lost on those items on the day (regular and penalty items)
};

// "What to do first": an open task and why.
//   secured    = own + downstream
//   own        = its step in a chain that starts from the done tasks' effects and adds every open
//                task's effects in order of (finish, id): total after − total before (so the own
//                points of all open tasks add up to total(all done) − total(done so far))
//   downstream = the own points of every open task that waits on it, through links and the
//                work-breakdown tree, each counted once
//   rate       = secured / max(1, remaining working days)
// Order: red tasks first, then critical ones, then the rest; within a group by rate
// (descending), then latest start, then id.
struct priority {
  std::string task;
  std::string title;
  std::string lead;
  enum light light = light::green;
  bool critical = false;
  centi own = 0;
  centi downstream = 0;
  std::int64_t remaining = 0;
  date latest_start;
  date finish;
  std::string reason;  // short Chinese text
};

struct readiness_forecast {
  date as_of;
  date ready_by;
  std::optional<date> arrives;
  std::optional<centi> target;
  bool provisional = false;  // a date used lies in a year without holiday data
  score_result now;
  score_result on_day;
  std::vector<curve_point> curve;      // every working day from the status date to arrives
  std::optional<date> reaches_target;  // first curve day at or above the target, qualified
  std::vector<at_risk_entry> at_risk;  // by (finish, task id), then item id
  centi points_at_risk = 0;            // Σ at_risk
  centi points_missing = 0;            // Σ at_risk not on the day
  std::vector<gap> uncovered;          // id order
  std::vector<unit_row> units;         // id order
  std::vector<priority> priorities;    // ranked
};

// The projection at `day` of the tasks scheduled in `s` (tasks in the schedule's order).
score_result projected_score(const plan& p, const compiled_rubric& rubric, const schedule& s,
                             const working_calendar& calendar, date day);

// The projected totals on every working day from the status date to `last` (inclusive).
// Incremental: effects are applied day by day and the plan is rescored only on days something
// finishes.
std::vector<curve_point> readiness_curve(const plan& p, const compiled_rubric& rubric,
                                         const schedule& s, const working_calendar& calendar,
                                         date last);

// Everything. errc::validation (at /inspection) when the plan has neither ready_by nor arrives.
readiness_forecast forecast(const plan& p, const task_graph& graph, const plan_calendars& calendars,
                            const schedule& s, const compiled_rubric& rubric);

}  // namespace readiness

#endif
