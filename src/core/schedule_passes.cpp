// Forward and backward passes over the task graph (SPEC §5.4), in integer instants.
#include <algorithm>

#include "core/schedule_network.hpp"

namespace readiness::detail {
namespace {

using node_id = std::uint32_t;

bool real(std::int32_t x) {
  return x > never && x < unbounded;
}

// Which side of the predecessor a link reads, and which side of the successor it constrains.
side pred_side(edge_kind k) {
  return (k == edge_kind::fs || k == edge_kind::ff) ? finish_side : start_side;
}
side succ_side(edge_kind k) {
  return (k == edge_kind::fs || k == edge_kind::ss) ? start_side : finish_side;
}

std::int32_t saturate(std::int64_t x) {
  return static_cast<std::int32_t>(std::clamp<std::int64_t>(x, never, unbounded));
}

// The passes walk the graph's edges in storage order (forward: ascending, backward: descending),
// so the target of an edge this many places ahead is known long before its state is read; loading
// it early overlaps the cache misses of a large network.
constexpr std::uint32_t prefetch_distance = 16;

void prefetch_target(const network& n, std::uint32_t edge) {
  const auto& g = n.graph->graph();
  if (edge >= num_edges(g)) return;
  node_id t = target(task_graph::graph_type::edge_descriptor(0, edge), g);
  __builtin_prefetch(&n.times[t]);
  __builtin_prefetch(&n.flags[t]);
}

// The start instant a node shows its start-linked successors: where its work began.
std::int32_t start_value(const network& n, node_id v) {
  return n.is(v, node_started) ? n.actual_start[v] : n.times[v].es;
}

// Inlined: called for every edge of every pass, millions of times in a simulation.
#define READINESS_HOT inline __attribute__((always_inline))

READINESS_HOT void push(network& n, node_id v, side from, node_id t, side to, std::int32_t value,
                        std::int32_t lag) {
  if (!real(value)) return;
  if (n.mixed && n.calendar[v] != n.calendar[t])
    value = carry_forward(n.cal(v), from, n.cal(t), to, value);
  value += lag;
  std::int32_t& slot = to == start_side ? n.times[t].es : n.times[t].ef;
  std::int32_t& driver = to == start_side ? n.times[t].driver_start : n.times[t].driver_finish;
  std::int32_t code = static_cast<std::int32_t>(v << 1 | from);
  if (value > slot || (value == slot && (driver < 0 || (driver >> 1) > static_cast<int>(v)))) {
    slot = value;
    driver = code;
  }
}

// The latest instant of side `from` of v that keeps `value` (side `to` of t, minus the lag).
READINESS_HOT std::int32_t pull(const network& n, node_id v, side from, node_id t, side to,
                                std::int32_t value, std::int32_t lag) {
  if (!real(value)) return unbounded;
  std::int64_t y = static_cast<std::int64_t>(value) - lag;
  if (n.mixed && n.calendar[v] != n.calendar[t])
    return carry_backward(n.cal(v), from, n.cal(t), to, saturate(y));
  return saturate(y);
}

}  // namespace

std::int32_t carry_forward(const working_calendar& a, side s, const working_calendar& b, side t,
                           std::int32_t x) {
  if (!real(x)) return x;
  std::int64_t moment = s == start_side ? a.day_of(x) : a.day_of(x - 1) + 1;
  return saturate(t == start_side ? b.count_before(moment) : b.count_before(moment - 1) + 1);
}

std::int32_t carry_backward(const working_calendar& a, side s, const working_calendar& b, side t,
                            std::int32_t y) {
  if (!real(y)) return y;
  std::int64_t moment = t == start_side ? b.day_of(y) : b.day_of(y - 1) + 1;
  return saturate(s == start_side ? a.count_before(moment + 1) - 1 : a.count_before(moment));
}

void start_forward(network& n) {
  std::size_t count = n.flags.size();
  for (std::size_t v = 0; v < count; ++v) {
    n.times[v].driver_start = n.times[v].driver_finish = -1;
    if (n.flags[v] & node_done) {
      n.times[v].es = n.actual_start[v];
      n.times[v].ef = n.lower[v];
    } else {
      n.times[v].es = n.times[v].ef = never;
    }
  }
}

namespace {

READINESS_HOT void settle_node(network& n, node_id v) {
  std::uint8_t f = n.flags[v];
  if (f & node_done) return;
  if (f & node_virtual) {
    if (n.lower[v] > n.times[v].es) {
      n.times[v].es = n.lower[v];
      n.times[v].driver_start = -1;
    }
    return;
  }
  std::int32_t d = n.duration[v];
  std::int32_t by_start = n.times[v].es,
               by_finish = real(n.times[v].ef) ? n.times[v].ef - d : never;
  std::int32_t s = n.lower[v];
  std::int32_t driver = -1;
  if (by_start >= s && by_start >= by_finish && real(by_start)) {
    s = by_start;
    driver = n.times[v].driver_start;
  } else if (by_finish >= s && real(by_finish)) {
    s = by_finish;
    driver = n.times[v].driver_finish;
  }
  n.times[v].es = s;
  n.times[v].ef = s + d;
  n.times[v].driver_start = driver;
}

}  // namespace

void settle(network& n, node_id v) {
  settle_node(n, v);
}

void push_successors(network& n, node_id v) {
  const auto& g = n.graph->graph();
  std::int32_t vs = start_value(n, v), vf = n.times[v].ef;
  auto range = out_edges(v, g);
  for (auto it = range.first; it != range.second; ++it) {
    prefetch_target(n, (*it).idx + prefetch_distance);
    node_id t = target(*it, g);
    if (n.flags[t] & node_done) continue;
    const graph_edge e = g[*it];
    edge_kind kind = e.kind();
    if (kind == edge_kind::pass) {  // start to start and finish to finish
      push(n, v, start_side, t, start_side, vs, 0);
      push(n, v, finish_side, t, finish_side, vf, 0);
      continue;
    }
    side from = pred_side(kind);
    push(n, v, from, t, succ_side(kind), from == start_side ? vs : vf, e.lag());
  }
}

void forward_pass(network& n) {
  start_forward(n);
  if (n.index_order) {
    auto count = static_cast<node_id>(n.flags.size());
    for (node_id v = 0; v < count; ++v) {
      settle_node(n, v);
      push_successors(n, v);
    }
    return;
  }
  for (node_id v : n.graph->topological_order()) {
    settle_node(n, v);
    push_successors(n, v);
  }
}

namespace {

// The latest finish of a task with no deadline: the plan's finish, read in its calendar.
std::vector<std::int32_t> plan_finish(const network& n) {
  std::vector<std::int32_t> out(n.calendars.size(), never);
  if (!n.mixed) {
    for (std::size_t v = 0; v < n.flags.size(); ++v)
      if (!(n.flags[v] & (node_virtual | node_done))) out[0] = std::max(out[0], n.times[v].ef);
    if (!real(out[0])) out[0] = n.day0[0];
    return out;
  }
  std::int64_t moment = std::numeric_limits<std::int64_t>::min();
  for (std::uint32_t v = 0; v < n.flags.size(); ++v)
    if (!(n.flags[v] & (node_virtual | node_done)))
      moment = std::max<std::int64_t>(moment, n.cal(v).day_of(n.times[v].ef - 1) + 1);
  for (std::size_t c = 0; c < n.calendars.size(); ++c)
    out[c] = moment == std::numeric_limits<std::int64_t>::min()
                 ? n.day0[c]
                 : saturate(n.calendars[c]->count_before(moment));
  return out;
}

}  // namespace

void backward_pass(network& n, bool free_floats) {
  const auto& g = n.graph->graph();
  const auto& order = n.graph->topological_order();
  std::vector<std::int32_t> fallback = plan_finish(n);
  const std::size_t count = n.index_order ? n.flags.size() : order.size();
  for (std::size_t k = count; k-- > 0;) {
    node_id v = n.index_order ? static_cast<node_id>(k) : order[k];
    std::uint8_t f = n.flags[v];
    if (f & node_done) {
      n.times[v].ls = n.times[v].es;
      n.times[v].lf = n.times[v].ef;
      continue;
    }
    bool leaf = !(f & node_virtual), started = (f & node_started) != 0;
    std::int32_t own =
        leaf ? (n.deadline[v] < unbounded ? n.deadline[v] : fallback[n.calendar[v]]) : unbounded;
    std::int32_t lf_req = own, ls_req = unbounded;
    std::int32_t vs = start_value(n, v), vf = n.times[v].ef;
    std::int64_t free_s = unbounded, free_f = unbounded;
    auto note_free = [&](side from, node_id t, side to, std::int32_t lag) {
      std::int32_t value = to == start_side ? n.times[t].es : n.times[t].ef;
      std::int32_t room = pull(n, v, from, t, to, value, lag);
      if (room >= unbounded) return;
      std::int64_t slack = static_cast<std::int64_t>(room) - (from == start_side ? vs : vf);
      if (n.flags[t] & node_virtual) {
        std::int32_t beyond = to == start_side ? n.times[t].free_start : n.times[t].free_finish;
        slack = beyond >= unbounded ? static_cast<std::int64_t>(unbounded) : slack + beyond;
      }
      std::int64_t& into = from == start_side ? free_s : free_f;
      into = std::min(into, slack);
    };
    auto range = out_edges(v, g);
    for (auto e = range.first; e != range.second; ++e) {
      if ((*e).idx >= prefetch_distance) prefetch_target(n, (*e).idx - prefetch_distance);
      node_id t = target(*e, g);
      if (n.flags[t] & node_done) continue;
      const graph_edge edge = g[*e];
      if (edge.kind() == edge_kind::pass) {
        ls_req = std::min(ls_req, n.times[t].ls);
        lf_req = std::min(lf_req, n.times[t].lf);
        if (free_floats) {
          note_free(start_side, t, start_side, 0);
          note_free(finish_side, t, finish_side, 0);
        }
        continue;
      }
      side from = pred_side(edge.kind()), to = succ_side(edge.kind());
      std::int32_t bound =
          pull(n, v, from, t, to, to == start_side ? n.times[t].ls : n.times[t].lf, edge.lag());
      (from == start_side ? ls_req : lf_req) =
          std::min(from == start_side ? ls_req : lf_req, bound);
      if (free_floats) note_free(from, t, to, edge.lag());
    }
    if (!leaf) {
      n.times[v].ls = ls_req;
      n.times[v].lf = lf_req;
      n.times[v].free_start = saturate(free_s);
      n.times[v].free_finish = saturate(free_f);
      continue;
    }
    std::int32_t d = n.duration[v];
    if (!started && ls_req < unbounded) lf_req = std::min(lf_req, ls_req + d);
    n.times[v].lf = lf_req;
    n.times[v].ls = lf_req - d;
    std::int64_t ff = static_cast<std::int64_t>(own) - vf;
    if (!started) ff = std::min(ff, free_s);
    n.times[v].free_start = saturate(std::min(ff, free_f));
  }
}

}  // namespace readiness::detail
