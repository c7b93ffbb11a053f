// Sorting a graph's edges by source node, fast, for Boost's in-place CSR construction (whose own
// in-place sort follows swap cycles one dependent cache miss at a time: most of the build at a
// million tasks). The edges travel as one packed array, so each sort pass writes one stream per
// bucket, not three.
#ifndef READINESS_CORE_EDGE_SORT_HPP
#define READINESS_CORE_EDGE_SORT_HPP

#include <cstdint>
#include <vector>

#include "readiness/task_graph.hpp"

namespace readiness::detail {

struct packed_edge {
  std::uint32_t source;
  std::uint32_t target;
  graph_edge prop;
};

// Sorts by source (each < nodes), stably, and returns the three arrays Boost's in-place
// construction takes; `edges` is left empty. Needs twice the packed array while it sorts.
struct edge_columns {
  std::vector<std::uint32_t> sources, targets;
  std::vector<graph_edge> props;
};
edge_columns sort_edges_by_source(std::vector<packed_edge>& edges, std::size_t nodes);

}  // namespace readiness::detail

#endif
