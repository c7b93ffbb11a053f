// simulate(): Monte Carlo over the schedule engine's prepared network (see simulate.hpp).
//
// Pass 1 runs the iterations: draws, the engine's forward and backward passes, the effects of the
// tasks finishing by ready_by, the readiness total. Pass 2 (only for sensitivity) draws every
// iteration's durations again from the same streams and sums rank products, so no iteration's
// durations need to be kept.
#include <algorithm>
#include <cmath>
#include <map>

#include "core/forecast_internal.hpp"
#include "core/parallel_chunks.hpp"
#include "core/schedule_network.hpp"
#include "core/simulate_stats.hpp"
#include "readiness/effects.hpp"
#include "readiness/error.hpp"
#include "readiness/schedule.hpp"
#include "readiness/simulate.hpp"

namespace readiness {
namespace {

using detail::histogram;

constexpr std::uint64_t chunk_size = 32;

// A task whose duration is drawn.
struct uncertain_task {
  std::uint32_t task = 0;
  duration_draw draw;
  bool started = false;
  fraction progress;
};

// What every thread shares, fixed before the iterations start.
struct setup {
  const plan* p = nullptr;
  const task_graph* graph = nullptr;
  const plan_calendars* calendars = nullptr;
  const compiled_rubric* rubric = nullptr;
  date as_of;
  unsigned engine_threads = 0;  // 1 when the caller asked for one thread: the setups stay on it
  std::string default_distribution;
  std::uint64_t seed = 0;
  std::optional<centi> target;
  std::vector<const task*> models;         // graph task order
  std::vector<uncertain_task> uncertain;   // task order
  std::vector<std::uint32_t> finish_node;  // per task: its node, or a summary's out node
  std::vector<std::int32_t> deadline;      // per task: last finish instant on time
  std::vector<std::int32_t> ready_end;     // per calendar: last finish instant by ready_by
  std::vector<std::uint32_t> with_effects;
  std::vector<std::int64_t> finish_base;    // per task: first instant of its histogram window
  std::vector<std::int64_t> duration_base;  // per uncertain task: first day of its window
  bool has_ready_by = false;
};

// Each thread's own engine, effect state and counts.
struct worker {
  schedule_engine engine;
  effect_state effects;
  detail::window_histograms finish;  // per task, finish instants
  std::vector<std::uint64_t> on_time, critical;
  detail::window_histograms durations;  // per uncertain task
  std::vector<std::pair<std::int64_t, std::uint32_t>> selected;
  // This chunk's bins, one row per iteration, added task by task at the end of the chunk.
  std::vector<std::uint8_t> finish_block, duration_block;
  std::size_t rows = 0;
  std::vector<detail::rank_sums> sums;  // pass 2, per uncertain task

  worker(const setup& s)
      : engine(*s.p, *s.graph, *s.calendars, s.as_of, s.engine_threads),
        effects(*s.rubric, s.p->assessment, s.p->evidence, s.models),
        finish(s.finish_base),
        on_time(s.models.size(), 0),
        critical(s.models.size(), 0),
        durations(s.duration_base),
        finish_block(chunk_size * s.models.size()),
        duration_block(chunk_size * s.uncertain.size()) {}

  void flush() {
    finish.add_block(finish_block, rows);
    durations.add_block(duration_block, rows);
    rows = 0;
  }
};

std::int32_t remaining_of(std::int64_t days, const uncertain_task& u) {
  if (!u.started) return static_cast<std::int32_t>(days);
  wide_int num = static_cast<wide_int>(days) * (u.progress.den - u.progress.num);
  return static_cast<std::int32_t>((num + u.progress.den - 1) / u.progress.den);
}

// The day number a finish instant stands for (the end of the working day before it; an open
// task's milestone at day 0 counts on day 0).
std::int64_t finish_day(const detail::network& n, std::uint32_t node, std::int32_t ef) {
  std::int64_t index = ef - 1;
  if (!n.is(node, detail::node_done))
    index = std::max<std::int64_t>(index, n.day0[n.calendar[node]]);
  return n.cal(node).day_of(index);
}

struct per_iteration {
  std::vector<centi> total;
  std::vector<std::uint8_t> qualified;
  std::vector<std::int64_t> finish;  // day number of the plan's finish
};

void draw_durations(const setup& s, std::uint64_t i, worker& w) {
  random_stream rng(s.seed, i);
  std::uint8_t* bins = w.duration_block.data() + w.rows * s.uncertain.size();
  for (std::size_t k = 0; k < s.uncertain.size(); ++k) {
    const uncertain_task& u = s.uncertain[k];
    std::int64_t days = u.draw(rng);
    w.engine.set_remaining(u.task, remaining_of(days, u));
    bins[k] = w.durations.bin_or_add(k, days);
  }
}

void run_iteration(const setup& s, std::uint64_t i, worker& w, per_iteration& out) {
  draw_durations(s, i, w);
  w.engine.run_total_floats();
  const detail::network& n = w.engine.network();
  std::int64_t plan_finish = 0;
  std::int32_t latest = detail::never;
  std::uint8_t* bins = w.finish_block.data() + w.rows * s.models.size();
  ++w.rows;
  for (std::size_t t = 0; t < s.models.size(); ++t) {
    std::uint32_t node = s.finish_node[t];
    std::int32_t ef = n.times[node].ef;
    bins[t] = w.finish.bin_or_add(t, ef);
    if (ef <= s.deadline[t]) ++w.on_time[t];
    if (!n.is(node, detail::node_done) && n.times[node].lf - ef <= 0) ++w.critical[t];
    if (n.mixed) {
      std::int64_t day = finish_day(n, node, ef);
      plan_finish = t == 0 ? day : std::max(plan_finish, day);
    } else if (ef > latest) {
      latest = ef;
      plan_finish = finish_day(n, node, ef);
    }
  }
  out.finish[i] = plan_finish;

  w.effects.reset();
  w.selected.clear();
  if (s.has_ready_by)
    for (std::uint32_t t : s.with_effects) {
      std::uint32_t node = s.finish_node[t];
      std::int32_t ef = n.times[node].ef;
      if (ef > s.ready_end[n.calendar[node]]) continue;
      w.selected.emplace_back(n.mixed ? finish_day(n, node, ef) : ef, t);
    }
  if (w.effects.order_sensitive()) std::sort(w.selected.begin(), w.selected.end());
  for (const auto& [day, t] : w.selected) w.effects.apply(t);
  score_total totals = w.effects.totals(s.target);
  out.total[i] = totals.total;
  out.qualified[i] = totals.qualified ? 1 : 0;
}

setup prepare(const plan& p, const task_graph& g, const plan_calendars& cals,
              const compiled_rubric& rubric, const schedule& sched, const schedule_engine& probe) {
  setup s;
  s.p = &p;
  s.graph = &g;
  s.calendars = &cals;
  s.rubric = &rubric;
  s.as_of = sched.as_of;
  s.default_distribution = p.simulation ? p.simulation->distribution : std::string();
  s.target = detail::plan_target(p);
  s.models = detail::scheduled_models(p, sched);
  s.has_ready_by = sched.ready_by.has_value();
  const detail::network& n = probe.network();
  auto end_of = [](const working_calendar& c, date d) {
    return static_cast<std::int32_t>(c.count_before(days_since_epoch(d) + 1));
  };
  for (const auto* c : n.calendars)
    s.ready_end.push_back(s.has_ready_by ? end_of(*c, *sched.ready_by) : detail::unbounded);
  for (std::uint32_t t = 0; t < g.task_count(); ++t) {
    std::uint32_t node = g.is_summary(t) ? g.out_node(t) : t;
    s.finish_node.push_back(node);
    const auto& st = sched.tasks[t];
    s.deadline.push_back(st.deadline && !st.done ? end_of(n.cal(node), *st.deadline)
                                                 : detail::unbounded);
    if (!s.models[t]->effects.empty()) s.with_effects.push_back(t);
    const task& m = *s.models[t];
    if (g.is_summary(t) || st.done || !m.estimate) continue;
    uncertain_task u{t, duration_draw(*m.estimate, s.default_distribution), false, {}};
    u.progress = m.progress.value_or(fraction{0, 1});
    u.started = m.started.has_value() || u.progress > fraction{0, 1};
    s.uncertain.push_back(u);
    s.duration_base.push_back(u.draw.lowest());
  }
  // Windows start a little before the deterministic finish: draws spread mostly later.
  for (std::uint32_t t = 0; t < g.task_count(); ++t)
    s.finish_base.push_back(static_cast<std::int64_t>(n.times[s.finish_node[t]].ef) -
                            detail::window_histograms::width / 8);
  return s;
}

date percentile_date(const detail::network& n, std::uint32_t node, const histogram& h,
                     std::uint64_t rank) {
  return date_from_days(
      static_cast<std::int32_t>(finish_day(n, node, static_cast<std::int32_t>(h.at_rank(rank)))));
}

}  // namespace

risk_result simulate(const plan& p, const task_graph& g, const plan_calendars& cals,
                     const compiled_rubric& rubric, const simulation_options& options) {
  std::uint64_t iterations = options.iterations.value_or(
      p.simulation && p.simulation->iterations
          ? static_cast<std::uint64_t>(std::max<std::int64_t>(0, *p.simulation->iterations))
          : default_iterations);
  if (iterations < 1 || iterations > max_iterations)
    throw error(
        errc::invalid_argument, "iterations",
        "must be 1 … " + std::to_string(max_iterations) + ", not " + std::to_string(iterations));
  const unsigned engine_threads = options.threads == 1 ? 1 : 0;
  schedule_options so;
  so.as_of = options.as_of;
  so.threads = engine_threads;
  schedule sched = compute_schedule(p, g, cals, so);
  schedule_engine probe(p, g, cals, sched.as_of, engine_threads);
  probe.run();
  setup s = prepare(p, g, cals, rubric, sched, probe);
  s.engine_threads = engine_threads;
  s.seed = options.seed.value_or(p.simulation && p.simulation->seed ? *p.simulation->seed
                                                                    : default_seed);

  std::uint64_t chunks = (iterations + chunk_size - 1) / chunk_size;
  unsigned threads = detail::thread_count(options.threads, chunks);
  std::vector<std::unique_ptr<worker>> workers;
  for (unsigned t = 0; t < threads; ++t) workers.push_back(std::make_unique<worker>(s));

  per_iteration results;
  results.total.assign(iterations, 0);
  results.qualified.assign(iterations, 0);
  results.finish.assign(iterations, 0);
  detail::run_chunks(
      iterations, chunk_size, threads,
      [&](unsigned thread, std::uint64_t begin, std::uint64_t end) {
        worker& w = *workers[thread];
        for (std::uint64_t i = begin; i < end; ++i) run_iteration(s, i, w, results);
        w.flush();
      },
      options.progress);

  // Reduce: counts and histograms are sums, so the order of threads does not matter.
  std::size_t count = s.models.size();
  detail::window_histograms finish_all(s.finish_base), durations_all(s.duration_base);
  std::vector<std::uint64_t> on_time(count, 0), critical(count, 0);
  for (const auto& w : workers) {
    finish_all.merge(w->finish);
    durations_all.merge(w->durations);
    for (std::size_t t = 0; t < count; ++t) {
      on_time[t] += w->on_time[t];
      critical[t] += w->critical[t];
    }
  }
  std::vector<histogram> durations;
  for (std::size_t k = 0; k < s.uncertain.size(); ++k) durations.push_back(durations_all.of(k));

  risk_result out;
  out.iterations = iterations;
  out.seed = s.seed;
  out.threads = threads;
  out.as_of = sched.as_of;
  out.ready_by = sched.ready_by;
  out.target = s.target;
  out.provisional = sched.provisional;

  histogram plan_finish, totals;
  wide_int sum = 0;
  std::uint64_t reached = 0, qualified = 0;
  for (std::uint64_t i = 0; i < iterations; ++i) {
    plan_finish.add(results.finish[i]);
    totals.add(results.total[i]);
    sum += results.total[i];
    qualified += results.qualified[i];
    if (s.target && results.qualified[i] && results.total[i] >= *s.target) ++reached;
  }
  auto day_at = [&](unsigned pct) {
    return date_from_days(
        static_cast<std::int32_t>(plan_finish.at_rank(detail::nearest_rank(iterations, pct))));
  };
  out.finish_p50 = day_at(50);
  out.finish_p80 = day_at(80);
  out.finish_p95 = day_at(95);
  double n = static_cast<double>(iterations);
  out.score.mean = static_cast<double>(sum) / (100.0 * n);
  out.score.mean_centi = round_half_away(sum, static_cast<wide_int>(iterations));
  out.score.p10 = totals.at_rank(detail::nearest_rank(iterations, 10));
  out.score.p50 = totals.at_rank(detail::nearest_rank(iterations, 50));
  out.score.p90 = totals.at_rank(detail::nearest_rank(iterations, 90));
  if (s.target) out.score.p_target = static_cast<double>(reached) / n;
  out.score.p_qualified = static_cast<double>(qualified) / n;

  // Pass 2: sensitivity, when both a duration and the total vary.
  std::vector<detail::rank_sums> sums(s.uncertain.size());
  bool score_varies = totals.lowest() != totals.highest();
  if (score_varies && !s.uncertain.empty()) {
    std::vector<std::int64_t> score_rank = totals.twice_mid_ranks();
    std::vector<std::vector<std::int64_t>> duration_rank;
    for (const auto& h : durations) duration_rank.push_back(h.twice_mid_ranks());
    for (auto& w : workers) w->sums.assign(s.uncertain.size(), {});
    detail::run_chunks(
        iterations, chunk_size, threads,
        [&](unsigned thread, std::uint64_t begin, std::uint64_t end) {
          worker& w = *workers[thread];
          for (std::uint64_t i = begin; i < end; ++i) {
            random_stream rng(s.seed, i);
            wide_int y = score_rank[static_cast<std::size_t>(results.total[i] - totals.lowest())];
            for (std::size_t k = 0; k < s.uncertain.size(); ++k) {
              std::int64_t d = s.uncertain[k].draw(rng);
              wide_int x = duration_rank[k][static_cast<std::size_t>(d - durations[k].lowest())];
              auto& r = w.sums[k];
              r.x += x, r.y += y, r.xx += x * x, r.yy += y * y, r.xy += x * y;
            }
          }
        },
        {});
    for (const auto& w : workers)
      for (std::size_t k = 0; k < sums.size(); ++k) {
        const auto& r = w->sums[k];
        sums[k].x += r.x, sums[k].y += r.y, sums[k].xx += r.xx, sums[k].yy += r.yy,
            sums[k].xy += r.xy;
      }
  }

  const detail::network& net = probe.network();
  std::size_t next_uncertain = 0;
  for (std::size_t t = 0; t < count; ++t) {
    const scheduled_task& st = sched.tasks[t];
    task_risk r;
    r.id = st.id;
    r.summary = st.summary;
    r.deadline = st.deadline;
    r.p_on_time = static_cast<double>(on_time[t]) / n;
    r.criticality = static_cast<double>(critical[t]) / n;
    if (st.done) {
      r.p50 = r.p80 = r.p95 = st.ef;
    } else {
      std::uint32_t node = s.finish_node[t];
      histogram h = finish_all.of(t);
      r.p50 = percentile_date(net, node, h, detail::nearest_rank(iterations, 50));
      r.p80 = percentile_date(net, node, h, detail::nearest_rank(iterations, 80));
      r.p95 = percentile_date(net, node, h, detail::nearest_rank(iterations, 95));
    }
    if (next_uncertain < s.uncertain.size() && s.uncertain[next_uncertain].task == t) {
      r.uncertain = true;
      r.sensitivity = detail::spearman(iterations, sums[next_uncertain]);
      ++next_uncertain;
    }
    out.tasks.push_back(std::move(r));
  }
  return out;
}

}  // namespace readiness
