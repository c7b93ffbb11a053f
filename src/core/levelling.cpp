// Levelling by unit capacity (SPEC §5.6): a serial schedule. Tasks become eligible when all their
// predecessors are placed; the eligible task of highest priority (least unlevelled latest start,
// then id) is placed at its earliest start where its lead unit has a free slot on every day of
// its work.
#include <algorithm>
#include <queue>

#include "core/schedule_network.hpp"

namespace readiness::detail {
namespace {

using node_id = std::uint32_t;

// Tasks a unit leads on each working day, counted from the unit calendar's day 0.
class unit_usage {
 public:
  unit_usage(std::int64_t capacity, std::int32_t day0) : capacity_(capacity), day0_(day0) {}

  // The earliest start ≥ from with a free slot on each of `days` days.
  std::int32_t earliest(std::int32_t from, std::int32_t days) {
    std::int32_t s = std::max(from, day0_);
    for (std::int32_t k = s; k < s + days; ++k) {
      if (used(k) >= capacity_) {
        s = k + 1;
        k = s - 1;  // restart the window after the full day
      }
    }
    return s;
  }

  void take(std::int32_t start, std::int32_t days) {
    std::size_t last = static_cast<std::size_t>(start - day0_ + days);
    if (count_.size() < last) count_.resize(last, 0);
    for (std::int32_t k = start; k < start + days; ++k)
      ++count_[static_cast<std::size_t>(k - day0_)];
  }

 private:
  std::int64_t used(std::int32_t day) const {
    auto i = static_cast<std::size_t>(day - day0_);
    return i < count_.size() ? count_[i] : 0;
  }

  std::int64_t capacity_;
  std::int32_t day0_;
  std::vector<std::int32_t> count_;
};

}  // namespace

void level(network& n, const std::vector<std::int32_t>& priority) {
  const task_graph::graph_type next = n.graph->successors();
  const std::size_t count = n.flags.size();
  std::vector<unit_usage> usage;
  std::vector<std::int32_t> unit_day0(n.capacity.size(), 0);
  for (std::uint32_t v = 0; v < n.graph->task_count(); ++v)
    if (n.unit(v) >= 0) unit_day0[static_cast<std::size_t>(n.unit(v))] = n.day0[n.calendar[v]];
  for (std::size_t u = 0; u < n.capacity.size(); ++u)
    usage.emplace_back(n.capacity[u], unit_day0[u]);

  std::vector<std::uint32_t> waiting(count, 0);  // predecessors not yet placed
  for (node_id v = 0; v < count; ++v)
    waiting[v] = static_cast<std::uint32_t>(out_degree(v, n.graph->predecessors()));
  using entry = std::pair<std::int32_t, node_id>;
  std::priority_queue<entry, std::vector<entry>, std::greater<entry>> eligible;
  std::vector<node_id> immediate;  // summaries' nodes and done tasks take no capacity
  auto enqueue = [&](node_id v) {
    if (n.flags[v] & (node_virtual | node_done))
      immediate.push_back(v);
    else
      eligible.push({priority[v], v});
  };
  start_forward(n);
  for (node_id v = 0; v < count; ++v)
    if (waiting[v] == 0) enqueue(v);
  while (!immediate.empty() || !eligible.empty()) {
    node_id v;
    if (!immediate.empty()) {
      v = immediate.back();
      immediate.pop_back();
    } else {
      v = eligible.top().second;
      eligible.pop();
    }
    settle(n, v);
    std::int32_t unit = n.unit(v);
    if (unit >= 0 && !(n.flags[v] & (node_virtual | node_done)) && n.duration[v] > 0) {
      auto& u = usage[static_cast<std::size_t>(unit)];
      std::int32_t s = u.earliest(n.times[v].es, n.duration[v]);
      if (s > n.times[v].es) {
        n.times[v].es = s;
        n.times[v].ef = s + n.duration[v];
      }
      u.take(s, n.duration[v]);
    }
    auto range = out_edges(v, next);
    for (auto e = range.first; e != range.second; ++e)
      if (--waiting[target(*e, next)] == 0) enqueue(target(*e, next));
  }
  backward_pass(n);
}

}  // namespace readiness::detail
