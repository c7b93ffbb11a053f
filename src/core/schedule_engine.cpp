// Turning a plan's tasks into the network's integer inputs (SPEC §5.1–5.3): status, remaining
// work, lower bounds and deadlines, each in the calendar of the task's lead unit.
#include <algorithm>
#include <cstddef>
#include <map>

#include "core/parallel_chunks.hpp"
#include "core/schedule_network.hpp"
#include "readiness/error.hpp"
#include "readiness/schedule.hpp"

namespace readiness {
namespace {

using detail::network;
using detail::never;
using detail::unbounded;

std::int32_t narrow(std::int64_t x) {
  return static_cast<std::int32_t>(std::clamp<std::int64_t>(x, never + 1, unbounded - 1));
}

// ceil(duration × (1 − progress)), exactly.
std::int32_t remaining_work(std::int64_t duration, fraction progress) {
  wide_int num = static_cast<wide_int>(duration) * (progress.den - progress.num);
  wide_int den = progress.den;
  return static_cast<std::int32_t>((num + den - 1) / den);
}

// The deadline date of a task: its own or nearest ancestor's due, and the plan's ready_by.
std::optional<date> deadline_date(std::optional<date> due, std::optional<date> ready_by) {
  if (due && ready_by) return std::min(*due, *ready_by);
  return due ? due : ready_by;
}

// Remembers the calendars one walk over the tasks has met, in order of first use (index 0 is the
// plan's), and the index of day 0 in each; consecutive tasks often share a lead.
class calendar_picker {
 public:
  calendar_picker(const plan_calendars& cals, date as_of) : cals_(cals), as_of_(as_of) {
    add(&cals.plan);
  }
  std::uint16_t of(const std::string& lead) {
    if (last_lead_ && lead == *last_lead_) return last_;
    const working_calendar* c = &cals_.for_unit(lead);
    auto it = index_.find(c);
    last_lead_ = &lead;
    return last_ = it != index_.end() ? it->second : add(c);
  }
  std::vector<const working_calendar*> calendars;
  std::vector<std::int32_t> day0;

 private:
  std::uint16_t add(const working_calendar* c) {
    auto k = static_cast<std::uint16_t>(calendars.size());
    index_.emplace(c, k);
    calendars.push_back(c);
    day0.push_back(narrow(c->count_before(days_since_epoch(as_of_))));
    return k;
  }

  const plan_calendars& cals_;
  date as_of_;
  std::map<const working_calendar*, std::uint16_t> index_;
  const std::string* last_lead_ = nullptr;
  std::uint16_t last_ = 0;
};

void set_task(network& n, const task_graph& g, std::uint32_t v, const working_calendar& c,
              std::int32_t day0, std::optional<date> due, std::optional<date> ready_by) {
  const task& t = g.model(v);
  auto start_of = [&](date d) { return narrow(c.count_before(days_since_epoch(d))); };
  auto end_of = [&](date d) { return narrow(c.count_before(days_since_epoch(d) + 1)); };
  std::int32_t nb = t.not_before ? start_of(*t.not_before) : never;
  if (g.is_summary(v)) {
    n.flags[v] = n.flags[g.out_node(v)] = detail::node_virtual;
    n.lower[v] = nb;
    n.lower[g.out_node(v)] = never;
    return;
  }
  std::int32_t d = static_cast<std::int32_t>(t.duration.value_or(0));
  // Most tasks have no progress yet: no fraction arithmetic for them.
  bool some_progress = t.progress && t.progress->num != 0;
  bool complete = some_progress && *t.progress == fraction{1, 1};
  if (t.finished || complete) {
    std::int32_t finish = t.finished ? end_of(*t.finished) : day0;
    std::int32_t start = t.started ? start_of(*t.started) : finish - d;
    n.flags[v] = detail::node_done;
    n.actual_start[v] = std::min(start, finish);
    n.lower[v] = finish;
    n.duration[v] = 0;
    return;
  }
  bool started = t.started || (some_progress && *t.progress > fraction{0, 1});
  n.flags[v] = started ? detail::node_started : 0;
  n.duration[v] = some_progress ? remaining_work(d, *t.progress) : d;
  n.actual_start[v] = t.started ? start_of(*t.started) : day0;
  n.lower[v] = std::max(day0, nb);
  if (auto dl = deadline_date(due, ready_by)) n.deadline[v] = end_of(*dl);
}

// The inputs of tasks [first, end): each one's calendar (an index into pick's), then the rest.
void set_tasks(network& n, const task_graph& g, std::uint32_t first, std::uint32_t end,
               calendar_picker& pick, const std::vector<std::optional<date>>& dues,
               std::optional<date> ready_by) {
  for (std::uint32_t v = first; v < end; ++v) {
    const task& t = g.model(v);
    // What this reads of a task (duration … finished) spans its second to fourth cache lines,
    // which the graph build did not touch; loading them a few tasks ahead overlaps the misses
    // (at 10k tasks, 0.28 -> 0.24 ms).
    if (v + 8 < end) {
      const char* ahead = reinterpret_cast<const char*>(&g.model(v + 8));
      for (std::size_t line = 64; line < offsetof(task, title); line += 64)
        __builtin_prefetch(ahead + line);
      __builtin_prefetch(ahead + offsetof(task, title) - 1);
    }
    std::uint16_t k = pick.of(t.lead);
    n.calendar[v] = k;
    set_task(n, g, v, *pick.calendars[k], pick.day0[k], dues.empty() ? t.due : dues[v], ready_by);
  }
}

void set_capacities(network& n, const plan& p, const task_graph& g) {
  std::map<std::string_view, std::int32_t> slot;
  for (const auto& u : p.units) {
    if (!u.capacity) continue;
    if (*u.capacity < 1)
      throw error(errc::validation, "unit " + u.id,
                  "capacity " + std::to_string(*u.capacity) + " is below 1");
    slot.emplace(u.id, static_cast<std::int32_t>(n.capacity.size()));
    n.capacity.push_back(*u.capacity);
  }
  if (slot.empty()) return;
  n.unit_of.assign(g.node_count(), -1);
  for (std::uint32_t v = 0; v < g.task_count(); ++v) {
    auto it = slot.find(g.model(v).lead);
    if (it != slot.end() && !g.is_summary(v)) n.unit_of[v] = it->second;
  }
}

}  // namespace

std::vector<std::optional<date>> detail::inherited_dues(const task_graph& g) {
  std::size_t count = g.task_count();
  std::vector<std::optional<date>> due(count);
  std::vector<bool> known(count, false);
  std::vector<std::uint32_t> path;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint32_t t = i;
    while (t != task_graph::none && !known[t] && !g.model(t).due) {
      path.push_back(t);
      t = g.parent(t);
    }
    std::optional<date> found;
    if (t != task_graph::none) {
      if (!known[t]) due[t] = g.model(t).due, known[t] = true;
      found = due[t];
    }
    for (std::uint32_t on_path : path) due[on_path] = found, known[on_path] = true;
    path.clear();
  }
  return due;
}

schedule_engine::schedule_engine(const plan& p, const task_graph& g, const plan_calendars& cals,
                                 date as_of, unsigned threads)
    : net_(std::make_unique<detail::network>()) {
  detail::network& n = *net_;
  n.graph = &g;
  n.index_order = g.in_index_order();
  std::size_t count = g.node_count();
  n.calendar.assign(count, 0);
  n.duration.assign(count, 0);
  n.lower.assign(count, never);
  n.deadline.assign(count, unbounded);
  n.actual_start.assign(count, never);
  n.flags.assign(count, 0);
  n.times.assign(count, detail::node_times{});
  std::optional<date> ready_by;
  if (p.inspection) {
    if (p.inspection->ready_by)
      ready_by = p.inspection->ready_by;
    else if (p.inspection->arrives)
      ready_by = *p.inspection->arrives - boost::gregorian::days(1);
  }
  // Dues pass down from parents only in a plan that has summaries.
  std::vector<std::optional<date>> dues;
  if (g.node_count() > g.task_count()) dues = detail::inherited_dues(g);
  // One walk over the tasks; a large plan's on two threads, each taking half the tasks.
  const auto tasks = static_cast<std::uint32_t>(g.task_count());
  const std::uint32_t half = tasks / 2;
  std::vector<calendar_picker> picks(1, calendar_picker(cals, as_of));
  if (!detail::split_in_two(threads, tasks, parallel_tasks)) {
    set_tasks(n, g, 0, tasks, picks[0], dues, ready_by);
  } else {
    picks.push_back(calendar_picker(cals, as_of));
    detail::run_in_halves([&] { set_tasks(n, g, 0, half, picks[0], dues, ready_by); },
                          [&] { set_tasks(n, g, half, tasks, picks[1], dues, ready_by); });
  }
  // The first walk's calendars keep their numbers; the second walk's new ones follow.
  n.calendars = std::move(picks[0].calendars);
  n.day0 = std::move(picks[0].day0);
  if (picks.size() == 2) {
    std::vector<std::uint16_t> number(picks[1].calendars.size());
    bool renumber = false;
    for (std::size_t k = 0; k < number.size(); ++k) {
      auto at = std::find(n.calendars.begin(), n.calendars.end(), picks[1].calendars[k]);
      if (at == n.calendars.end()) {
        n.calendars.push_back(picks[1].calendars[k]);
        n.day0.push_back(picks[1].day0[k]);
        at = n.calendars.end() - 1;
      }
      number[k] = static_cast<std::uint16_t>(at - n.calendars.begin());
      renumber = renumber || number[k] != k;
    }
    if (renumber)
      for (std::uint32_t v = half; v < tasks; ++v) n.calendar[v] = number[n.calendar[v]];
  }
  n.mixed = n.calendars.size() > 1;
  for (std::uint32_t v = tasks; v < g.node_count(); ++v) n.calendar[v] = n.calendar[g.task_of(v)];
  set_capacities(n, p, g);
}

schedule_engine::~schedule_engine() = default;
schedule_engine::schedule_engine(schedule_engine&&) noexcept = default;
schedule_engine& schedule_engine::operator=(schedule_engine&&) noexcept = default;

void schedule_engine::run() {
  detail::forward_pass(*net_);
  detail::backward_pass(*net_);
}

void schedule_engine::run_total_floats() {
  detail::forward_pass(*net_);
  detail::backward_pass(*net_, false);
}

void schedule_engine::run_levelled() {
  run();
  std::vector<std::int32_t> priority(net_->times.size());
  for (std::size_t v = 0; v < priority.size(); ++v) priority[v] = net_->times[v].ls;
  detail::level(*net_, priority);
}

void schedule_engine::set_remaining(std::size_t task, std::int32_t days) {
  net_->duration[task] = days;
}

std::int32_t schedule_engine::early_start(std::size_t t) const {
  return net_->times[t].es;
}
std::int32_t schedule_engine::early_finish(std::size_t t) const {
  return net_->times[t].ef;
}
std::int32_t schedule_engine::late_start(std::size_t t) const {
  return net_->times[t].ls;
}
std::int32_t schedule_engine::late_finish(std::size_t t) const {
  return net_->times[t].lf;
}
std::int32_t schedule_engine::total_float(std::size_t t) const {
  return net_->times[t].lf - net_->times[t].ef;
}
std::int32_t schedule_engine::free_float(std::size_t t) const {
  return net_->times[t].free_start;
}
bool schedule_engine::critical(std::size_t t) const {
  return !net_->is(static_cast<std::uint32_t>(t), detail::node_done) && total_float(t) <= 0;
}

}  // namespace readiness
