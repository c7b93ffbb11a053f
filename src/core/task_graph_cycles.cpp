// Finding a topological order by depth-first search, and the cycles that prevent one.
#include "core/task_graph_cycles.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace readiness::detail {
namespace {

using node_id = std::uint32_t;

// Depth-first search over predecessors that keeps the current path, so an edge back into the
// path closes a cycle; the finishing order is a topological order (predecessors finish first).
class cycle_search {
 public:
  cycle_search(const task_graph& g, std::size_t limit) : g_(g), limit_(limit) {}

  std::vector<node_id> run(std::vector<std::vector<node_id>>& cycles) {
    const auto& graph = g_.predecessors();
    std::size_t n = g_.node_count();
    std::vector<std::uint8_t> color(n, 0);  // 0 white, 1 on the path, 2 finished
    std::vector<node_id> post;
    post.reserve(n);
    std::vector<std::pair<node_id, std::uint32_t>> path;  // node, next out-edge offset
    for (node_id root = 0; root < n; ++root) {
      if (color[root]) continue;
      color[root] = 1;
      path.push_back({root, 0});
      while (!path.empty()) {
        auto& [v, next] = path.back();
        auto edges = out_edges(v, graph);
        auto count = static_cast<std::uint32_t>(std::distance(edges.first, edges.second));
        if (next < count) {
          node_id t = target(*(edges.first + next), graph);
          ++next;
          if (color[t] == 0) {
            color[t] = 1;
            path.push_back({t, 0});
          } else if (color[t] == 1 && cycles.size() < limit_) {
            cycles.push_back(cycle_from(path, t));
          }
          continue;
        }
        color[v] = 2;
        post.push_back(v);
        path.pop_back();
      }
    }
    return post;
  }

 private:
  // The tasks from `back_to` down the path, each once (a summary's gate and out node are one
  // task), in link order (the path runs against it), rotated to start at the least id, closed by
  // repeating the first.
  std::vector<node_id> cycle_from(const std::vector<std::pair<node_id, std::uint32_t>>& path,
                                  node_id back_to) const {
    std::size_t i = path.size();
    while (i > 0 && path[i - 1].first != back_to) --i;
    std::vector<node_id> tasks;
    for (std::size_t k = path.size(); k-- > i - 1;) {
      node_id t = g_.task_of(path[k].first);
      if (tasks.empty() || tasks.back() != t) tasks.push_back(t);
    }
    while (tasks.size() > 1 && tasks.front() == tasks.back()) tasks.pop_back();
    std::rotate(tasks.begin(), std::min_element(tasks.begin(), tasks.end()), tasks.end());
    tasks.push_back(tasks.front());
    return tasks;
  }

  const task_graph& g_;
  std::size_t limit_;
};

}  // namespace

std::vector<std::uint32_t> search_order(const task_graph& g, std::size_t limit,
                                        std::vector<std::vector<std::uint32_t>>& cycles) {
  return cycle_search(g, limit).run(cycles);
}

// One bad link often closes many cycles: a summary after one of its children waits for that child
// through every chain of its subtree that leads there. Keeps only the cycles whose tasks include
// no other cycle's, so the report shows each problem by its shortest loop; fixing that loop's
// links shows any other on the next run. The comparison takes time in proportion to the number
// of cycles (at most 100) times their total length, so past a million tasks on cycles all are
// kept.
void drop_enclosing_cycles(std::vector<std::vector<node_id>>& cycles) {
  std::size_t total = 0;
  for (const auto& c : cycles) total += c.size();
  if (total > (std::size_t(1) << 20)) return;
  std::vector<std::vector<node_id>> sets;  // each cycle's tasks, sorted; one met twice counts twice
  for (const auto& c : cycles) {
    std::vector<node_id> tasks(c.begin(), c.end() - 1);  // the last repeats the first
    std::sort(tasks.begin(), tasks.end());
    sets.push_back(std::move(tasks));
  }
  std::vector<bool> encloses(cycles.size(), false);
  for (std::size_t a = 0; a < sets.size(); ++a)
    for (std::size_t b = 0; b < sets.size() && !encloses[a]; ++b)
      encloses[a] = sets[b].size() < sets[a].size() &&
                    std::includes(sets[a].begin(), sets[a].end(), sets[b].begin(), sets[b].end());
  std::size_t kept = 0;
  for (std::size_t a = 0; a < cycles.size(); ++a)
    if (!encloses[a]) {
      if (kept != a) cycles[kept] = std::move(cycles[a]);
      ++kept;
    }
  cycles.resize(kept);
}

}  // namespace readiness::detail
