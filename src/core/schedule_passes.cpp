// Forward and backward passes over the task graph (SPEC §5.4), in integer instants.
#include <algorithm>
#include <limits>
#include <type_traits>

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
// so the predecessor of an edge this many places ahead is known long before its state is read;
// loading it early overlaps the cache misses of a large network.
constexpr std::uint32_t prefetch_distance = 16;
// Only a network whose node records (24 bytes each) outgrow a core's cache gains from that: from
// 32k nodes on. A smaller one pays for the extra loads (10k nodes: passes 0.28 ms without, 0.30
// with; 100k: 4.2 without, 3.2 with).
constexpr std::size_t prefetch_from_nodes = std::size_t(1) << 15;

// Inlined: called for every edge of every pass, millions of times in a simulation.
#define READINESS_HOT inline __attribute__((always_inline))

template <bool Prefetch>
READINESS_HOT void prefetch_pred(const network& n, std::uint32_t edge) {
  if (!Prefetch) return;
  const auto& g = n.graph->predecessors();
  if (edge >= num_edges(g)) return;
  node_id p = target(task_graph::graph_type::edge_descriptor(0, edge), g);
  __builtin_prefetch(&n.times[p]);
  __builtin_prefetch(&n.flags[p]);
}

// Calls f with two std::bool_constant arguments for the run-time flags a and b: one instantiation
// of a pass per case.
template <class F>
void with_flags(bool a, bool b, F&& f) {
  if (a)
    b ? f(std::true_type{}, std::true_type{}) : f(std::true_type{}, std::false_type{});
  else
    b ? f(std::false_type{}, std::true_type{}) : f(std::false_type{}, std::false_type{});
}

// The start instant a node shows its start-linked successors: where its work began.
std::int32_t start_value(const network& n, node_id v) {
  return n.is(v, node_started) ? n.actual_start[v] : n.times[v].es;
}

// The latest instant of side `from` of v that keeps `value` (side `to` of t, minus the lag).
// Mixed: whether the network has more than one calendar (else no carrying, and no calls).
template <bool Mixed>
READINESS_HOT std::int32_t pull(const network& n, node_id v, side from, node_id t, side to,
                                std::int32_t value, std::int32_t lag) {
  if (!real(value)) return unbounded;
  std::int64_t y = static_cast<std::int64_t>(value) - lag;
  if (Mixed && n.calendar[v] != n.calendar[t])
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
    node_times& t = n.times[v];
    t.ls = t.lf = t.free_start = t.free_finish = unbounded;  // the backward pass's minima
    if (n.flags[v] & node_done) {
      t.es = n.actual_start[v];
      t.ef = n.lower[v];
    } else {
      t.es = t.ef = never;
    }
  }
}

namespace {

// The latest instant offered to one side of a node. An offer at or below `never` sets nothing,
// as no offer.
template <bool Track>
class best_offer {
 public:
  READINESS_HOT void offer(std::int32_t x, std::int32_t) { best_ = std::max(best_, x); }
  std::int32_t value() const { return best_; }
  std::int32_t driver() const { return -1; }

 private:
  std::int32_t best_ = never;
};

// Tracking the offer that set it, too: ties go to the least (predecessor << 1 | side), so to the
// predecessor first in id order. Both live in one number, instant × 2^32 + (2^32 − 1 − code), so
// an offer is one comparison without a branch (which offer wins is a coin toss on a random
// network).
template <>
class best_offer<true> {
 public:
  // Codes are below 2^31 (the task graph takes fewer than 2^29 tasks); read as unsigned, they
  // stay out of the instant's half anyway.
  READINESS_HOT void offer(std::int32_t x, std::int32_t code) {
    std::int64_t key = std::int64_t{x} * 4294967296 +
                       (0xffffffff - std::int64_t{static_cast<std::uint32_t>(code)});
    key_ = x > never ? std::max(key_, key) : key_;
  }
  std::int32_t value() const {
    return key_ == none ? never : static_cast<std::int32_t>(key_ >> 32);  // floor(key / 2^32)
  }
  std::int32_t driver() const {
    return key_ == none ? -1 : static_cast<std::int32_t>(0xffffffff - (key_ & 0xffffffff));
  }

 private:
  static constexpr std::int64_t none = std::numeric_limits<std::int64_t>::min();  // no offer
  std::int64_t key_ = none;
};

// Offers side `from` of predecessor p, read as side `to` of v, plus the lag.
template <bool Mixed, bool Track>
READINESS_HOT void offer_from(const network& n, best_offer<Track>& into, node_id p, side from,
                              node_id v, side to, std::int32_t value, std::int32_t lag) {
  if (!real(value)) return;
  if (Mixed && n.calendar[p] != n.calendar[v])
    value = carry_forward(n.cal(p), from, n.cal(v), to, value);
  into.offer(value + lag, static_cast<std::int32_t>(p << 1 | from));
}

// What a node's predecessors offer its start and its finish.
template <bool Track>
struct offers {
  best_offer<Track> start, finish;
};

template <bool Mixed, bool Prefetch, bool Track>
READINESS_HOT offers<Track> gather(const network& n, node_id v) {
  const auto& g = n.graph->predecessors();
  offers<Track> o;
  auto range = out_edges(v, g);
  for (auto it = range.first; it != range.second; ++it) {
    prefetch_pred<Prefetch>(n, (*it).idx + prefetch_distance);
    node_id p = target(*it, g);
    const graph_edge e = g[*it];
    edge_kind kind = e.kind();
    std::int32_t pf = n.times[p].ef;
    if (kind == edge_kind::pass) {  // start to start and finish to finish
      offer_from<Mixed>(n, o.start, p, start_side, v, start_side, start_value(n, p), 0);
      offer_from<Mixed>(n, o.finish, p, finish_side, v, finish_side, pf, 0);
      continue;
    }
    side from = pred_side(kind), to = succ_side(kind);
    // Both offers take the edge's, and the side it does not reach keeps its own: no reference
    // chosen between the two, so both stay in registers. A predecessor's start is read only for
    // the links from it (SS, SF): most links are FS, and the branch then always goes one way.
    best_offer<Track> offer = to == start_side ? o.start : o.finish;
    std::int32_t value = pf;
    if (from == start_side) value = start_value(n, p);
    offer_from<Mixed>(n, offer, p, from, v, to, value, e.lag());
    o.start = to == start_side ? offer : o.start;
    o.finish = to == start_side ? o.finish : offer;
  }
  return o;
}

// A leaf's early start from its offers and its own bound, and the offer that set it (-1: its
// own bound).
struct early_start {
  std::int32_t at, driver;
};

template <bool Track>
early_start leaf_start(const network& n, node_id v, const offers<Track>& o) {
  std::int32_t d = n.duration[v];
  std::int32_t from_start = o.start.value(),
               from_finish = real(o.finish.value()) ? o.finish.value() - d : never;
  early_start s{n.lower[v], -1};
  if (from_start >= s.at && from_start >= from_finish && real(from_start))
    s = {from_start, o.start.driver()};
  else if (from_finish >= s.at && real(from_finish))
    s = {from_finish, o.finish.driver()};
  return s;
}

template <bool Mixed, bool Prefetch>
READINESS_HOT void settle_node(network& n, node_id v) {
  std::uint8_t f = n.flags[v];
  if (f & node_done) return;
  offers<false> o = gather<Mixed, Prefetch, false>(n, v);
  node_times& t = n.times[v];
  if (f & node_virtual) {
    t.es = std::max(o.start.value(), n.lower[v]);
    t.ef = o.finish.value();
    return;
  }
  t.es = leaf_start(n, v, o).at;
  t.ef = t.es + n.duration[v];
}

template <bool Mixed, bool Prefetch>
void forward_nodes(network& n) {
  if (n.index_order) {
    auto count = static_cast<node_id>(n.flags.size());
    for (node_id v = 0; v < count; ++v) settle_node<Mixed, Prefetch>(n, v);
    return;
  }
  for (node_id v : n.graph->topological_order()) settle_node<Mixed, Prefetch>(n, v);
}

}  // namespace

void settle(network& n, node_id v) {
  if (n.mixed)
    settle_node<true, true>(n, v);
  else
    settle_node<false, true>(n, v);
}

node_drivers drivers(const network& n, node_id v) {
  if (n.is(v, node_done)) return {};
  offers<true> o = n.mixed ? gather<true, false, true>(n, v) : gather<false, false, true>(n, v);
  const node_times& t = n.times[v];
  if (n.is(v, node_virtual))
    return {n.lower[v] > o.start.value() ? -1 : o.start.driver(), o.finish.driver()};
  early_start s = leaf_start(n, v, o);
  // A start later than its links and bounds allow was held back by levelling.
  return {s.at == t.es ? s.driver : -1, o.finish.driver()};
}

void forward_pass(network& n) {
  start_forward(n);
  with_flags(n.mixed, n.flags.size() >= prefetch_from_nodes, [&](auto mixed, auto prefetch) {
    forward_nodes<decltype(mixed)::value, decltype(prefetch)::value>(n);
  });
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

namespace {

template <bool Mixed, bool Prefetch, bool free_floats>
void backward_nodes(network& n) {
  const auto& g = n.graph->predecessors();
  const auto& order = n.graph->topological_order();
  std::vector<std::int32_t> fallback = plan_finish(n);
  const std::size_t count = n.index_order ? n.flags.size() : order.size();
  for (std::size_t k = count; k-- > 0;) {
    node_id v = n.index_order ? static_cast<node_id>(k) : order[k];
    std::uint8_t f = n.flags[v];
    node_times& t = n.times[v];
    if (f & node_done) {  // fixed: bounds nothing before it
      t.ls = t.es;
      t.lf = t.ef;
      continue;
    }
    // Every successor has pushed its bounds into ls, lf and the free minima; settle v.
    bool leaf = !(f & node_virtual), started = (f & node_started) != 0;
    if (leaf) {
      std::int32_t own = n.deadline[v] < unbounded ? n.deadline[v] : fallback[n.calendar[v]];
      std::int32_t d = n.duration[v];
      std::int32_t lf = std::min(own, t.lf);
      if (!started && t.ls < unbounded) lf = std::min(lf, t.ls + d);
      std::int64_t ff = static_cast<std::int64_t>(own) - t.ef;
      if (!started) ff = std::min<std::int64_t>(ff, t.free_start);
      t.free_start = saturate(std::min<std::int64_t>(ff, t.free_finish));
      t.lf = lf;
      t.ls = lf - d;
    }
    // Then push v's late dates and early-date slack into its predecessors.
    auto range = out_edges(v, g);
    for (auto e = range.second; e != range.first;) {
      --e;
      if ((*e).idx >= prefetch_distance) prefetch_pred<Prefetch>(n, (*e).idx - prefetch_distance);
      node_id p = target(*e, g);
      node_times& pt = n.times[p];
      auto note_free = [&](side from, side to, std::int32_t lag) {
        std::int32_t value = to == start_side ? t.es : t.ef;
        std::int32_t room = pull<Mixed>(n, p, from, v, to, value, lag);
        if (room >= unbounded) return;
        std::int64_t slack = static_cast<std::int64_t>(room) - pt.ef;
        if (from == start_side) slack = static_cast<std::int64_t>(room) - start_value(n, p);
        if (!leaf) {
          std::int32_t beyond = to == start_side ? t.free_start : t.free_finish;
          slack = beyond >= unbounded ? static_cast<std::int64_t>(unbounded) : slack + beyond;
        }
        std::int32_t& into = from == start_side ? pt.free_start : pt.free_finish;
        into = std::min(into, saturate(slack));
      };
      const graph_edge edge = g[*e];
      if (edge.kind() == edge_kind::pass) {
        pt.ls = std::min(pt.ls, t.ls);
        pt.lf = std::min(pt.lf, t.lf);
        if (free_floats) {
          note_free(start_side, start_side, 0);
          note_free(finish_side, finish_side, 0);
        }
        continue;
      }
      side from = pred_side(edge.kind()), to = succ_side(edge.kind());
      std::int32_t bound =
          pull<Mixed>(n, p, from, v, to, to == start_side ? t.ls : t.lf, edge.lag());
      std::int32_t& into = from == start_side ? pt.ls : pt.lf;
      into = std::min(into, bound);
      if (free_floats) note_free(from, to, edge.lag());
    }
  }
}

}  // namespace

void backward_pass(network& n, bool free_floats) {
  with_flags(n.mixed, n.flags.size() >= prefetch_from_nodes, [&](auto mixed, auto prefetch) {
    constexpr bool m = decltype(mixed)::value, p = decltype(prefetch)::value;
    free_floats ? backward_nodes<m, p, true>(n) : backward_nodes<m, p, false>(n);
  });
}

}  // namespace readiness::detail
