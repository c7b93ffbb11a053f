// From the network's instants to the reported schedule (SPEC §5.4, §10): dates, floats, lights,
// summaries' spans and the driving path.
#include <algorithm>

#include "core/schedule_network.hpp"
#include "readiness/error.hpp"
#include "readiness/schedule.hpp"

namespace readiness {
namespace {

using detail::network;
using node_id = std::uint32_t;

date day_date(const working_calendar& c, std::int64_t index) {
  return c.date_of(index);
}

// A milestone marks the end of the working day before its instant; at day 0, day 0 itself.
std::int64_t milestone_day(std::int64_t instant, std::int64_t day0) {
  return instant == day0 ? day0 : instant - 1;
}

scheduled_task leaf_result(const network& n, const plan& p, const task_graph& g, node_id v,
                           date as_of, const light_options& lights) {
  const task& t = g.model(v);
  const working_calendar& c = n.cal(v);
  std::int64_t day0 = n.day0[n.calendar[v]];
  scheduled_task r;
  r.id = t.id;
  r.title = t.title;
  r.lead = t.lead;
  r.done = n.is(v, detail::node_done);
  r.in_progress = n.is(v, detail::node_started);
  r.milestone = !r.done && n.duration[v] == 0;
  r.remaining = r.done ? 0 : n.duration[v];
  if (r.done) {
    r.es = t.started ? *t.started : day_date(c, n.times[v].es);
    r.ef = t.finished ? *t.finished : day_date(c, std::max(n.times[v].ef - 1, n.times[v].es));
    if (r.ef < r.es) r.es = r.ef;
    r.ls = r.es;
    r.lf = r.ef;
  } else if (r.milestone) {
    r.es = r.ef = day_date(c, milestone_day(n.times[v].es, day0));
    r.ls = r.lf = day_date(c, milestone_day(n.times[v].lf, day0));
  } else {
    r.es = day_date(c, n.times[v].es);
    r.ef = day_date(c, n.times[v].ef - 1);
    r.ls = day_date(c, n.times[v].ls);
    r.lf = day_date(c, n.times[v].lf - 1);
  }
  if (r.in_progress && t.started) r.es = *t.started;
  if (n.deadline[v] < detail::unbounded) r.deadline = day_date(c, n.deadline[v] - 1);
  if (!r.done) {
    r.total_float = static_cast<std::int64_t>(n.times[v].lf) - n.times[v].ef;
    r.free_float = n.times[v].free_start;
    r.critical = *r.total_float <= 0;
  }
  light_inputs in;
  in.done = r.done;
  if (r.deadline) in.days_to_deadline = static_cast<std::int64_t>(n.deadline[v]) - 1 - day0;
  in.total_float = r.total_float;
  in.progress = t.progress.value_or(fraction{0, 1});
  if (t.baseline) in.planned_share = planned_share(c, as_of, *t.baseline);
  r.light = classify_light(in, lights);
  if (!r.done) {
    date last = std::max({r.ef, r.lf, r.deadline.value_or(r.ef)});
    r.provisional = c.provisional_between(as_of, last);
  }
  (void)p;
  return r;
}

// Folds a descendant into its summary's span.
void fold(scheduled_task& s, const scheduled_task& d, bool first) {
  auto min_opt = [](std::optional<std::int64_t>& a, const std::optional<std::int64_t>& b) {
    if (b && (!a || *b < *a)) a = b;
  };
  if (first) {
    s.es = d.es, s.ef = d.ef, s.ls = d.ls, s.lf = d.lf;
    s.done = d.done;
    s.light = d.light;
  } else {
    s.es = std::min(s.es, d.es), s.ef = std::max(s.ef, d.ef);
    s.ls = std::min(s.ls, d.ls), s.lf = std::max(s.lf, d.lf);
    s.done = s.done && d.done;
    s.light = std::min(s.light, d.light);  // red is worst, done is best
  }
  min_opt(s.total_float, d.total_float);
  min_opt(s.free_float, d.free_float);
  s.in_progress = s.in_progress || d.in_progress || (d.done != s.done);
  s.provisional = s.provisional || d.provisional;
}

std::vector<std::string> driving_path(const network& n, const task_graph& g) {
  std::vector<std::string> path;
  node_id end = task_graph::none;
  std::int64_t latest = 0;
  for (node_id v = 0; v < g.task_count(); ++v) {
    if (n.flags[v] & (detail::node_virtual | detail::node_done)) continue;
    std::int64_t day0 = n.day0[n.calendar[v]];
    std::int64_t last = n.duration[v] == 0 ? milestone_day(n.times[v].ef, day0) : n.times[v].ef - 1;
    std::int64_t moment = n.cal(v).day_of(last);
    if (end == task_graph::none || moment > latest) end = v, latest = moment;
  }
  for (node_id v = end; v != task_graph::none && path.size() <= g.task_count();) {
    path.push_back(g.id(v));
    if (n.is(v, detail::node_done)) break;
    std::int32_t d = detail::drivers(n, v).start;
    while (d >= 0 && n.is(static_cast<node_id>(d >> 1), detail::node_virtual)) {
      detail::node_drivers through = detail::drivers(n, static_cast<node_id>(d >> 1));
      d = (d & 1) ? through.finish : through.start;
    }
    v = d >= 0 ? static_cast<node_id>(d >> 1) : task_graph::none;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace

const scheduled_task* schedule::find(std::string_view id) const {
  auto it = std::lower_bound(
      tasks.begin(), tasks.end(), id,
      [](const scheduled_task& t, std::string_view k) { return compare_ids(t.id, k) < 0; });
  return it != tasks.end() && it->id == id ? &*it : nullptr;
}

date status_date(const plan& p, const schedule_options& options) {
  if (options.as_of) return *options.as_of;
  if (p.assessment.as_of) return *p.assessment.as_of;
  throw error(errc::validation, "/assessment/as_of",
              "the schedule needs a status date: set assessment.as_of or pass --as-of");
}

schedule compute_schedule(const plan& p, const plan_calendars& calendars,
                          const schedule_options& options) {
  status_date(p, options);  // before the graph: the clearer error first
  task_graph graph(p, options.threads);
  return compute_schedule(p, graph, calendars, options);
}

schedule compute_schedule(const plan& p, const task_graph& g, const plan_calendars& calendars,
                          const schedule_options& options) {
  schedule out;
  out.as_of = status_date(p, options);
  schedule_engine engine(p, g, calendars, out.as_of, options.threads);
  std::vector<detail::node_times> unlevelled;
  if (options.level) {
    engine.run();
    unlevelled = engine.network().times;
    engine.run_levelled();
    out.levelled = true;
  } else {
    engine.run();
  }
  const network& n = engine.network();
  const working_calendar& plan_cal = calendars.plan;
  out.day0 = plan_cal.date_of(n.day0[0]);
  if (p.inspection && (p.inspection->ready_by || p.inspection->arrives)) {
    date rb = p.inspection->ready_by ? *p.inspection->ready_by
                                     : *p.inspection->arrives - boost::gregorian::days(1);
    out.ready_by = plan_cal.date_of(plan_cal.index_on_or_before(rb));
  }

  std::size_t count = g.task_count();
  out.tasks.resize(count);
  std::vector<bool> folded(count, false);
  for (node_id v : g.topological_order()) {
    node_id t = g.task_of(v);
    bool out_node = t != v;
    if (g.is_summary(t) && !out_node) continue;  // a summary is complete at its out node
    scheduled_task& r = out.tasks[t];
    if (!g.is_summary(t)) {
      r = leaf_result(n, p, g, t, out.as_of, options.lights);
      if (options.level) r.delay = static_cast<std::int64_t>(n.times[t].es) - unlevelled[t].es;
    } else {
      const task& m = g.model(t);
      r.id = m.id, r.title = m.title, r.lead = m.lead, r.summary = true;
      r.critical = r.total_float && *r.total_float <= 0;
      if (r.done) r.total_float.reset(), r.free_float.reset(), r.critical = false;
      const working_calendar& c = n.cal(t);
      std::int64_t day0 = n.day0[n.calendar[t]];
      std::int64_t last = c.index_on_or_before(r.ef);
      r.remaining = r.done ? 0 : std::max<std::int64_t>(0, last - day0 + 1);
      if (options.level) {
        std::int64_t now = c.index_on_or_before(r.ef);
        r.delay = now - (unlevelled[g.out_node(t)].ef - 1);
      }
    }
    std::uint32_t parent = g.parent(t);
    if (parent != task_graph::none) {
      fold(out.tasks[parent], r, !folded[parent]);
      folded[parent] = true;
    }
  }
  std::vector<std::optional<date>> dues = detail::inherited_dues(g);
  for (std::size_t t = 0; t < count; ++t) {
    scheduled_task& r = out.tasks[t];
    r.finish_index = plan_cal.index_on_or_before(r.ef) - n.day0[0];
    if (!r.summary) continue;
    // Summary deadlines: own or inherited due, and ready_by.
    std::optional<date> due = dues[t];
    if (due && out.ready_by) due = std::min(*due, *out.ready_by);
    if (!due) due = out.ready_by;
    if (due) {
      const working_calendar& c = n.cal(static_cast<node_id>(t));
      r.deadline = c.date_of(c.index_on_or_before(*due));
    }
  }
  out.finish = out.day0;
  bool any = false;
  for (const auto& r : out.tasks) {
    if (!any || r.ef > out.finish) out.finish = r.ef;
    any = true;
    out.provisional = out.provisional || r.provisional;
  }
  if (out.ready_by) out.provisional = out.provisional || plan_cal.provisional(*out.ready_by);
  out.provisional = out.provisional || plan_cal.provisional(out.as_of);
  out.driving_path = driving_path(n, g);
  return out;
}

}  // namespace readiness
