// Sorting a graph's edge arrays by source node in place, fast: the task graph hands them sorted to
// Boost's in-place CSR construction, whose own in-place sort follows swap cycles one dependent
// cache miss at a time (most of the build at a million tasks).
#ifndef READINESS_CORE_EDGE_SORT_HPP
#define READINESS_CORE_EDGE_SORT_HPP

#include <cstdint>
#include <vector>

#include "readiness/task_graph.hpp"

namespace readiness::detail {

// Reorders the three parallel arrays so that `sources` is ascending; sources[k] < nodes. The
// order of edges that share a source is unspecified but the same for the same input.
void sort_edges_by_source(std::vector<std::uint32_t>& sources, std::vector<std::uint32_t>& targets,
                          std::vector<graph_edge>& props, std::size_t nodes);

}  // namespace readiness::detail

#endif
