#include "core/edge_sort.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <tuple>

using readiness::edge_kind;
using readiness::graph_edge;
using readiness::detail::sort_edges_by_source;

namespace {

using edge = std::tuple<std::uint32_t, std::uint32_t, std::int32_t>;  // source, target, lag

// Random edges over `nodes` nodes, each with its input position as its lag; sorted in place, the
// arrays must hold the same edges with ascending sources.
void check_sorts(std::size_t count, std::uint32_t nodes) {
  std::mt19937 rng(nodes);
  std::uniform_int_distribution<std::uint32_t> node(0, nodes - 1);
  std::vector<std::uint32_t> sources, targets;
  std::vector<graph_edge> props;
  std::vector<edge> expected;
  for (std::size_t k = 0; k < count; ++k) {
    sources.push_back(node(rng));
    targets.push_back(node(rng));
    props.push_back(graph_edge(static_cast<std::int32_t>(k), edge_kind::ff));
    expected.emplace_back(sources.back(), targets.back(), static_cast<std::int32_t>(k));
  }
  sort_edges_by_source(sources, targets, props, nodes);
  REQUIRE(sources.size() == count);
  CHECK(std::is_sorted(sources.begin(), sources.end()));
  std::vector<edge> got;
  for (std::size_t k = 0; k < count; ++k) {
    CHECK(props[k].kind() == edge_kind::ff);
    got.emplace_back(sources[k], targets[k], props[k].lag());
  }
  std::sort(got.begin(), got.end());
  std::sort(expected.begin(), expected.end());
  CHECK(got == expected);
}

}  // namespace

TEST_CASE("edge sort orders by source and keeps every edge whole", "[task_graph]") {
  SECTION("few nodes: one counting pass") {
    check_sorts(5000, 700);
  }
  SECTION("many nodes: buckets, then each bucket") {
    check_sorts(200000, 100000);
  }
  SECTION("more nodes than edges") {
    check_sorts(30000, 3000000);
  }
  SECTION("a node count that is a power of two") {
    check_sorts(4096, 4096);
  }
  SECTION("zero and one edge") {
    check_sorts(0, 10);
    check_sorts(1, 10);
  }
}
