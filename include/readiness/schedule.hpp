// The schedule of a plan (SPEC §5): every task's dates on the working-day calendar, floats,
// critical flags, the driving path, lights (§5.5) and, on request, levelling by unit capacity
// (§5.6).
//
// Time inside is integer instants: the beginning of working day k is instant k, so a task that
// works days S … F starts at instant S and finishes at instant F + 1; a milestone's start and
// finish are one instant. Each task counts in the calendar of its lead unit (the plan's unless the
// unit has its own). Where a link joins tasks on different calendars, the predecessor's instant is
// carried over as a moment in absolute time — a start as the beginning of its day, a finish as
// the end of its last working day — and read in the successor's calendar as the first instant at
// or after that moment; the lag then counts in the successor's working days. Backward, the
// predecessor gets the latest instant that still satisfies that rule.
#ifndef READINESS_SCHEDULE_HPP
#define READINESS_SCHEDULE_HPP

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "readiness/calendar.hpp"
#include "readiness/decimal.hpp"
#include "readiness/model.hpp"
#include "readiness/task_graph.hpp"

namespace readiness {

enum class light { red, yellow, blue, green, done };
const char* light_name(light l);  // "red", "yellow", "blue", "green", "done"

struct light_options {
  std::int64_t warn_days = 3;  // blue when the deadline is this many working days away
  fraction tolerance = make_fraction(1, 10);  // yellow when behind the baseline by more than this
};

struct schedule_options {
  std::optional<date> as_of;  // overrides assessment.as_of
  bool level = false;         // levelling by unit capacity (SPEC §5.6)
  light_options lights;
  unsigned threads = 0;  // 0: a large plan may build and set up on two threads; 1: this one only
};

struct scheduled_task {
  std::string id;
  std::string title;
  std::string lead;
  bool summary = false;    // a parent: spans its descendants
  bool milestone = false;  // remaining duration 0
  bool done = false;
  bool in_progress = false;      // started, not done
  bool critical = false;         // total float ≤ 0 (never for done tasks)
  bool provisional = false;      // a date it used lies in a year without holiday data
  date es, ef, ls, lf;           // reported dates (SPEC §5.4)
  std::optional<date> deadline;  // the last working day on or before its deadline
  std::optional<std::int64_t> total_float, free_float;  // working days; absent for done tasks
  std::int64_t remaining = 0;                           // working days of work left
  // The working-day index of `ef` in the plan calendar, relative to day 0 (negative in the past;
  // a finish on a day the plan calendar is off counts as the working day before it). Effects
  // apply in order of (finish_index, id).
  std::int64_t finish_index = 0;
  std::optional<std::int64_t> delay;  // with levelling: working days later than unlevelled
  enum light light = light::green;
};

struct schedule {
  date as_of;                    // the status date
  date day0;                     // the first working day on or after it (plan calendar)
  std::optional<date> ready_by;  // the plan's deadline: inspection.ready_by or the last working
                                 // day before arrives; absent without an inspection
  date finish;                   // the latest `ef` of all tasks
  bool provisional = false;
  bool levelled = false;
  std::vector<scheduled_task> tasks;      // in id order
  std::vector<std::string> driving_path;  // task ids, first to last

  const scheduled_task* find(std::string_view id) const;
};

// The status date of a plan with the options applied; errc::validation when there is none.
date status_date(const plan& p, const schedule_options& options);

// Computes the schedule. Throws readiness::error: errc::validation (missing status date, bad
// references, bad durations), errc::cycle (naming the tasks on the cycle).
schedule compute_schedule(const plan& p, const plan_calendars& calendars,
                          const schedule_options& options = {});
schedule compute_schedule(const plan& p, const task_graph& graph, const plan_calendars& calendars,
                          const schedule_options& options = {});

namespace detail {
struct network;
}

// The integer passes over a built graph, without dates or strings: for the benchmarks, and for
// callers that reschedule many times (new durations, same network).
class schedule_engine {
 public:
  // `threads`: 0 lets a plan of parallel_tasks tasks or more set up on two threads when the
  // machine has two cores; 1 keeps it on the calling thread. The network is the same either way.
  //
  // The engine keeps pointers to the graph and the calendars: both must outlive it, so
  // temporaries are refused.
  schedule_engine(const plan& p, const task_graph& graph, const plan_calendars& calendars,
                  date as_of, unsigned threads = 0);
  schedule_engine(const plan&, const task_graph&&, const plan_calendars&, date,
                  unsigned = 0) = delete;
  schedule_engine(const plan&, const task_graph&, const plan_calendars&&, date,
                  unsigned = 0) = delete;
  schedule_engine(const plan&, const task_graph&&, const plan_calendars&&, date,
                  unsigned = 0) = delete;
  static constexpr std::size_t parallel_tasks = task_graph::parallel_tasks;
  ~schedule_engine();
  schedule_engine(schedule_engine&&) noexcept;
  schedule_engine& operator=(schedule_engine&&) noexcept;

  // Forward and backward passes, floats and critical flags.
  void run();
  // As run(), without free floats (free_float() is then stale): what Monte Carlo needs.
  void run_total_floats();
  // Serial schedule in priority order under unit capacities, then the backward pass.
  void run_levelled();

  // Remaining duration of a leaf task (its node); the next run uses it.
  void set_remaining(std::size_t task, std::int32_t days);

  // Results per task index (the graph's id order), as absolute instants in the task's calendar.
  std::int32_t early_start(std::size_t task) const;
  std::int32_t early_finish(std::size_t task) const;
  std::int32_t late_start(std::size_t task) const;
  std::int32_t late_finish(std::size_t task) const;
  std::int32_t total_float(std::size_t task) const;
  std::int32_t free_float(std::size_t task) const;
  bool critical(std::size_t task) const;

  const detail::network& network() const { return *net_; }

 private:
  std::unique_ptr<detail::network> net_;
};

// The planned share of a baseline done by the status date: working days of the baseline span
// before day 0 / working days in the span (0 … 1); absent when the span has no working day.
std::optional<fraction> planned_share(const working_calendar& calendar, date as_of,
                                      const baseline_dates& baseline);

// One task's light (SPEC §5.5) from its state on the status date.
struct light_inputs {
  bool done = false;
  std::optional<std::int64_t> days_to_deadline;  // deadline's working day − day 0
  std::optional<std::int64_t> total_float;
  std::optional<fraction> planned_share;  // with a baseline
  fraction progress;                      // 0 … 1
};
light classify_light(const light_inputs& in, const light_options& options);

}  // namespace readiness

#endif
