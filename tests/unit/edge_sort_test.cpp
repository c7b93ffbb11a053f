#include "core/edge_sort.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

using readiness::edge_kind;
using readiness::graph_edge;
using readiness::detail::packed_edge;
using readiness::detail::sort_edges_by_source;

namespace {

// Random edges over `nodes` sources; each edge's lag is its input position, so stability shows.
std::vector<packed_edge> random_edges(std::size_t count, std::uint32_t nodes, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::uint32_t> node(0, nodes - 1);
  std::vector<packed_edge> edges;
  for (std::size_t k = 0; k < count; ++k)
    edges.push_back(
        {node(rng), node(rng), graph_edge(static_cast<std::int32_t>(k), edge_kind::ff)});
  return edges;
}

void check_sorted_like_stable_sort(std::size_t count, std::uint32_t nodes) {
  std::vector<packed_edge> edges = random_edges(count, nodes, static_cast<unsigned>(nodes));
  std::vector<packed_edge> expected = edges;
  std::stable_sort(expected.begin(), expected.end(),
                   [](const packed_edge& a, const packed_edge& b) { return a.source < b.source; });
  auto columns = sort_edges_by_source(edges, nodes);
  CHECK(edges.empty());
  REQUIRE(columns.sources.size() == count);
  REQUIRE(columns.targets.size() == count);
  REQUIRE(columns.props.size() == count);
  std::size_t wrong = 0;
  for (std::size_t k = 0; k < count; ++k)
    if (columns.sources[k] != expected[k].source || columns.targets[k] != expected[k].target ||
        columns.props[k].lag() != expected[k].prop.lag() ||
        columns.props[k].kind() != edge_kind::ff)
      ++wrong;
  CHECK(wrong == 0);
}

}  // namespace

TEST_CASE("edge sort orders by source and keeps the input order of equal sources", "[task_graph]") {
  SECTION("one pass (up to 2^10 nodes)") {
    check_sorted_like_stable_sort(5000, 700);
  }
  SECTION("two passes (up to 2^20 nodes)") {
    check_sorted_like_stable_sort(200000, 100000);
  }
  SECTION("three passes (beyond 2^20 nodes)") {
    check_sorted_like_stable_sort(300000, 3000000);
  }
  SECTION("a node count that is a power of two") {
    check_sorted_like_stable_sort(4096, 1024);
  }
}

TEST_CASE("edge sort of zero and one edges", "[task_graph]") {
  std::vector<packed_edge> none;
  auto empty = sort_edges_by_source(none, 10);
  CHECK(empty.sources.empty());
  std::vector<packed_edge> one{{3, 1, graph_edge(-2, edge_kind::sf)}};
  auto single = sort_edges_by_source(one, 10);
  REQUIRE(single.sources.size() == 1);
  CHECK(single.sources[0] == 3);
  CHECK(single.targets[0] == 1);
  CHECK(single.props[0].lag() == -2);
  CHECK(single.props[0].kind() == edge_kind::sf);
}
