// The topological order of a task graph found by depth-first search, and the cycles that
// prevent one. Private to the core.
#ifndef READINESS_CORE_TASK_GRAPH_CYCLES_HPP
#define READINESS_CORE_TASK_GRAPH_CYCLES_HPP

#include <cstddef>
#include <cstdint>
#include <vector>

#include "readiness/task_graph.hpp"

namespace readiness::detail {

// The nodes of g in a topological order (every predecessor first), if it has one; the cycles met
// on the way (up to `limit`) go to `cycles`, each as its tasks in link order from the least,
// closed by repeating the first.
std::vector<std::uint32_t> search_order(const task_graph& g, std::size_t limit,
                                        std::vector<std::vector<std::uint32_t>>& cycles);

// Keeps only the cycles whose tasks include no other cycle's.
void drop_enclosing_cycles(std::vector<std::vector<std::uint32_t>>& cycles);

}  // namespace readiness::detail

#endif
