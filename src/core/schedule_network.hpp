// The integer state of a schedule: per-node inputs and results over the task graph, and the
// passes that fill them. Private to the core.
#ifndef READINESS_CORE_SCHEDULE_NETWORK_HPP
#define READINESS_CORE_SCHEDULE_NETWORK_HPP

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "readiness/calendar.hpp"
#include "readiness/task_graph.hpp"

namespace readiness::detail {

// Instants beyond any real one: no constraint from below / from above.
constexpr std::int32_t never = std::numeric_limits<std::int32_t>::min() / 4;
constexpr std::int32_t unbounded = std::numeric_limits<std::int32_t>::max() / 4;

enum node_flag : std::uint8_t { node_virtual = 1, node_done = 2, node_started = 4 };
enum side : std::uint8_t { start_side = 0, finish_side = 1 };

// A node's results (instants in the node's calendar).
struct node_times {
  std::int32_t es = 0, ef = 0, ls = 0, lf = 0;
  // Leaf: free float. Virtual node: how far its start (free_start) or finish (free_finish) may
  // move without moving any real task.
  std::int32_t free_start = 0, free_finish = 0;
};

// What set a node's start (leaf; virtual: its start) and its finish: (predecessor node << 1 |
// predecessor side), or -1 for its own bound (or, levelled, the capacity of its unit).
struct node_drivers {
  std::int32_t start = -1, finish = -1;
};

struct network {
  const task_graph* graph = nullptr;
  std::vector<const working_calendar*> calendars;  // distinct calendars, [0] is the plan's
  std::vector<std::int32_t> day0;                  // per calendar: index of day 0
  std::vector<std::uint16_t> calendar;             // per node
  bool mixed = false;                              // more than one calendar in use
  // Every edge goes from a lower to a higher node index, so index order is a topological order:
  // the passes then walk the per-node arrays in memory order.
  bool index_order = false;

  // Inputs per node. For a done task, `actual_start` and `lower` hold its actual start and
  // finish instants; for a task in progress, `actual_start` is where its work began.
  std::vector<std::int32_t> duration;  // remaining working days (0 for virtual nodes)
  std::vector<std::int32_t> lower;     // earliest start (day 0, not_before)
  std::vector<std::int32_t> deadline;  // latest finish instant, `unbounded` when none
  std::vector<std::int32_t> actual_start;
  std::vector<std::uint8_t> flags;
  // Levelling: the capacity slot of a leaf's lead unit (−1: unlimited; empty when no unit has a
  // capacity), and each slot's capacity.
  std::vector<std::int32_t> unit_of;
  std::vector<std::int64_t> capacity;
  std::int32_t unit(std::uint32_t node) const { return unit_of.empty() ? -1 : unit_of[node]; }

  // Results per node, one record each: a pass touches a neighbour's record in one cache line
  // (three records in four; the rest span two).
  std::vector<node_times> times;

  const working_calendar& cal(std::uint32_t node) const { return *calendars[calendar[node]]; }
  bool is(std::uint32_t node, node_flag f) const { return (flags[node] & f) != 0; }
};

// Each task's own `due`, or else its nearest ancestor's (SPEC §5.3), by task index. One pass over
// the tree, however deep: walking up from every task would be quadratic in its depth.
std::vector<std::optional<date>> inherited_dues(const task_graph& g);

// Carries instant x of side s in calendar a into calendar b as side t: the least such instant at
// or after the same moment (see schedule.hpp).
std::int32_t carry_forward(const working_calendar& a, side s, const working_calendar& b, side t,
                           std::int32_t x);
// The greatest instant x of side s in calendar a whose carry_forward into (b, t) is ≤ y.
std::int32_t carry_backward(const working_calendar& a, side s, const working_calendar& b, side t,
                            std::int32_t y);

// Resets the forward results (done tasks take their actual instants) and the minima the backward
// pass collects.
void start_forward(network& n);
// Sets a node's early dates from its predecessors' (every one already settled).
void settle(network& n, std::uint32_t v);
// What set node v's early dates, found again after a pass (the passes keep only the dates: only
// the driving path asks, for the few nodes on it).
node_drivers drivers(const network& n, std::uint32_t v);
// Forward pass in topological order.
void forward_pass(network& n);
// Backward pass (needs the forward results): late dates, and free floats when `free_floats`
// (Monte Carlo needs only the total floats and skips them). Each node, once its successors have
// pushed their bounds into it, settles and pushes its own into its predecessors.
void backward_pass(network& n, bool free_floats = true);
// Serial schedule under unit capacities, in priority order of `priority` (least first, then node
// index), replacing the early dates; then the backward pass.
void level(network& n, const std::vector<std::int32_t>& priority);

}  // namespace readiness::detail

#endif
