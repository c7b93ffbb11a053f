#include "readiness/task_graph.hpp"

#include <algorithm>
#include <numeric>
#include <utility>

#include "core/edge_sort.hpp"
#include "core/json_pointer.hpp"
#include "readiness/id_order.hpp"

namespace readiness {
namespace {

using detail::child;
using node_id = std::uint32_t;

std::uint64_t hash_id(std::string_view id) {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : id) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h ^ (h >> 29);
}

std::string task_pointer(std::size_t document_index) {
  return child(std::string("/tasks"), document_index);
}

const char* kind_name(link_type t) {
  switch (t) {
    case link_type::fs:
      return "FS";
    case link_type::ss:
      return "SS";
    case link_type::ff:
      return "FF";
    case link_type::sf:
      return "SF";
  }
  return "FS";
}

edge_kind edge_of(link_type t) {
  switch (t) {
    case link_type::fs:
      return edge_kind::fs;
    case link_type::ss:
      return edge_kind::ss;
    case link_type::ff:
      return edge_kind::ff;
    case link_type::sf:
      return edge_kind::sf;
  }
  return edge_kind::fs;
}

// Problems found while building: thrown at once in strict mode, skipped when collecting cycles.
struct problems {
  bool strict;
  std::vector<diagnostic> found;
  void add(std::string where, std::string message) {
    found.push_back({std::move(where), std::move(message)});
  }
  void raise() const {
    if (strict && !found.empty()) throw error(errc::validation, found);
  }
};

// Depth-first search that keeps the current path, so a back edge names its cycle; the reverse
// finishing order is the topological order.
class cycle_search {
 public:
  cycle_search(const task_graph& g, std::size_t limit) : g_(g), limit_(limit) {}

  std::vector<node_id> run(std::vector<std::vector<node_id>>& cycles) {
    const auto& graph = g_.graph();
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
    std::reverse(post.begin(), post.end());
    return post;
  }

 private:
  // The tasks from `back_to` down the path, each once (a summary's gate and out node are one
  // task), rotated to start at the least id, closed by repeating the first.
  std::vector<node_id> cycle_from(const std::vector<std::pair<node_id, std::uint32_t>>& path,
                                  node_id back_to) const {
    std::size_t i = path.size();
    while (i > 0 && path[i - 1].first != back_to) --i;
    std::vector<node_id> tasks;
    for (std::size_t k = i - 1; k < path.size(); ++k) {
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

task_graph::task_graph(const plan& p) {
  build(p, nullptr);
}

task_graph::task_graph(const plan& p, std::vector<diagnostic>* cycles) {
  build(p, cycles);
}

bool task_graph::is_virtual(std::uint32_t node) const {
  return node >= tasks_.size() || out_node_[node] != none;
}

std::uint32_t task_graph::find(std::string_view id) const {
  return find_hashed(id, hash_id(id));
}

std::uint32_t task_graph::find_hashed(std::string_view id, std::uint64_t hash) const {
  if (hash_slots_.empty()) return none;
  std::size_t mask = hash_slots_.size() - 1;
  std::uint64_t tag = hash & 0xffffffff00000000ull;
  for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
    std::uint64_t slot = hash_slots_[s];
    if (slot == 0) return none;
    auto index = static_cast<std::uint32_t>(slot) - 1;
    if ((slot & 0xffffffff00000000ull) == tag && tasks_[index]->id == id) return index;
  }
}

void task_graph::find_many(const std::string_view* keys, std::size_t count,
                           std::uint32_t* out) const {
  constexpr std::size_t block = 64;
  std::uint64_t hashes[block];
  std::size_t mask = hash_slots_.empty() ? 0 : hash_slots_.size() - 1;
  for (std::size_t b = 0; b < count; b += block) {
    std::size_t m = std::min(block, count - b);
    if (hash_slots_.empty()) {
      for (std::size_t j = 0; j < m; ++j) out[b + j] = none;
      continue;
    }
    // Misses overlap when the loads are issued ahead: slots, then the id pointers, then the ids.
    for (std::size_t j = 0; j < m; ++j) {
      hashes[j] = hash_id(keys[b + j]);
      __builtin_prefetch(&hash_slots_[hashes[j] & mask]);
    }
    for (std::size_t j = 0; j < m; ++j) {
      std::uint64_t slot = hash_slots_[hashes[j] & mask];
      if (slot != 0) __builtin_prefetch(&tasks_[static_cast<std::uint32_t>(slot) - 1]);
    }
    for (std::size_t j = 0; j < m; ++j) {
      std::uint64_t slot = hash_slots_[hashes[j] & mask];
      if (slot != 0) __builtin_prefetch(&tasks_[static_cast<std::uint32_t>(slot) - 1]->id);
    }
    for (std::size_t j = 0; j < m; ++j) out[b + j] = find_hashed(keys[b + j], hashes[j]);
  }
}

void task_graph::build(const plan& p, std::vector<diagnostic>* cycles) {
  problems bad{cycles == nullptr, {}};
  const std::size_t n = p.tasks.size();
  if (n >= (std::size_t(1) << 30)) throw error(errc::limit, "/tasks", "more than 2^30 tasks");

  // Indices in id order; generated plans are often already sorted, so check before sorting.
  document_index_.resize(n);
  std::vector<std::uint32_t>& doc = document_index_;
  std::iota(doc.begin(), doc.end(), 0u);
  auto by_id = [&](std::uint32_t a, std::uint32_t b) {
    return compare_ids(p.tasks[a].id, p.tasks[b].id) < 0;
  };
  if (!std::is_sorted(doc.begin(), doc.end(), by_id))
    std::stable_sort(doc.begin(), doc.end(), by_id);
  tasks_.resize(n);
  for (std::size_t i = 0; i < n; ++i) tasks_[i] = &p.tasks[doc[i]];

  std::size_t slots = 16;
  while (slots < 2 * n) slots <<= 1;
  hash_slots_.assign(slots, 0);
  {
    constexpr std::size_t ahead = 16;
    std::vector<std::uint64_t> hashes(std::min<std::size_t>(n, ahead));
    const std::size_t mask = slots - 1;
    for (std::uint32_t i = 0; i < n; ++i) {
      if (i == 0)
        for (std::size_t k = 0; k < hashes.size(); ++k) {
          hashes[k] = hash_id(id(k));
          __builtin_prefetch(&hash_slots_[hashes[k] & mask]);
        }
      std::uint64_t h = hashes[i % ahead];
      if (i + ahead < n) {
        std::uint64_t next = hash_id(id(i + ahead));
        hashes[i % ahead] = next;
        __builtin_prefetch(&hash_slots_[next & mask]);
      }
      std::uint64_t tag = h & 0xffffffff00000000ull;
      std::size_t s = h & mask;
      for (; hash_slots_[s] != 0; s = (s + 1) & mask)
        if ((hash_slots_[s] & 0xffffffff00000000ull) == tag &&
            id(static_cast<std::uint32_t>(hash_slots_[s]) - 1) == id(i))
          break;
      if (hash_slots_[s] != 0) {
        bad.add(child(task_pointer(doc[i]), "id"), "duplicate task id \"" + id(i) + "\"");
        continue;
      }
      hash_slots_[s] = tag | (i + 1);
    }
  }

  parent_.assign(n, none);
  out_node_.assign(n, none);
  std::vector<std::string_view> keys;
  std::vector<std::uint32_t> found_at;
  std::vector<std::uint32_t> who;
  for (std::uint32_t i = 0; i < n; ++i)
    if (!model(i).parent.empty()) {
      keys.push_back(model(i).parent);
      who.push_back(i);
    }
  found_at.resize(keys.size());
  find_many(keys.data(), keys.size(), found_at.data());
  const std::size_t parent_links = keys.size();
  for (std::size_t k = 0; k < keys.size(); ++k) {
    std::uint32_t i = who[k], pa = found_at[k];
    if (pa == none)
      bad.add(child(task_pointer(doc[i]), "parent"), "unknown task \"" + model(i).parent + "\"");
    else
      parent_[i] = pa;
  }
  std::vector<std::uint32_t>().swap(who);
  node_task_.resize(n);
  std::iota(node_task_.begin(), node_task_.end(), 0u);
  for (std::uint32_t i = 0; i < n; ++i)
    if (parent_[i] != none) out_node_[parent_[i]] = 0;  // mark; numbered below in id order
  for (std::uint32_t i = 0; i < n; ++i)
    if (out_node_[i] != none) {
      out_node_[i] = static_cast<std::uint32_t>(node_task_.size());
      node_task_.push_back(i);
    }

  // The edges as three arrays that the graph sorts in place and keeps (no copy): with the
  // graph's row starts, these are the build's peak memory, so they are reserved exactly.
  std::vector<node_id> sources, targets;
  std::vector<graph_edge> props;
  std::size_t links = 0;
  for (const auto& t : p.tasks) links += t.after.size();
  for (auto* v : {&sources, &targets}) v->reserve(links + 2 * parent_links);
  props.reserve(links + 2 * parent_links);
  auto add_edge = [&](node_id from, node_id to, graph_edge e) {
    sources.push_back(from);
    targets.push_back(to);
    props.push_back(e);
  };
  // Links resolve a block of tasks at a time, so their lookups overlap (find_many).
  constexpr std::uint32_t task_block = 64;
  for (std::uint32_t first = 0; first < n; first += task_block) {
    std::uint32_t last = std::min<std::uint32_t>(static_cast<std::uint32_t>(n), first + task_block);
    keys.clear();
    for (std::uint32_t i = first; i < last; ++i)
      for (const link& l : model(i).after) keys.push_back(l.task);
    found_at.resize(keys.size());
    find_many(keys.data(), keys.size(), found_at.data());
    std::size_t next_key = 0;
    for (std::uint32_t i = first; i < last; ++i) {
      const task& t = model(i);
      auto at = [&] { return task_pointer(doc[i]); };
      if (!is_summary(i)) {
        if (!t.duration)
          bad.add(at(), "task \"" + t.id + "\" has no subtasks and no duration");
        else if (*t.duration < 0)
          bad.add(child(at(), "duration"), std::to_string(*t.duration) + " is negative");
        else if (*t.duration > max_link_lag)
          bad.add(child(at(), "duration"),
                  std::to_string(*t.duration) + " working days is too long");
      }
      for (std::size_t k = 0; k < t.after.size(); ++k) {
        const link& l = t.after[k];
        std::uint32_t pred = found_at[next_key++];
        if (pred == none) {
          bad.add(child(child(at(), "after"), k), "unknown task \"" + l.task + "\"");
          continue;
        }
        if (l.lag < -max_link_lag || l.lag > max_link_lag) {
          bad.add(child(child(child(at(), "after"), k), "lag"),
                  std::string(kind_name(l.type)) + " lag " + std::to_string(l.lag) +
                      " is out of range");
          continue;
        }
        add_edge(is_summary(pred) ? out_node(pred) : pred, i,
                 graph_edge(static_cast<std::int32_t>(l.lag), edge_of(l.type)));
      }
      if (parent_[i] != none) {
        add_edge(parent_[i], i, graph_edge(0, edge_kind::pass));
        add_edge(is_summary(i) ? out_node(i) : i, out_node(parent_[i]),
                 graph_edge(0, edge_kind::pass));
      }
    }
  }
  std::vector<std::string_view>().swap(keys);
  std::vector<std::uint32_t>().swap(found_at);
  bad.raise();

  detail::sort_edges_by_source(sources, targets, props, node_task_.size());
  graph_ = graph_type(boost::construct_inplace_from_sources_and_targets, sources, targets, props,
                      node_task_.size());
  std::vector<node_id>().swap(sources);

  // Ids often number the work in order (every link from a lower to a higher index): then index
  // order is a topological order and there can be no cycle, which one sequential scan shows.
  index_order_ = true;
  for (node_id v = 0; v < node_task_.size() && index_order_; ++v)
    for (auto [e, end] = boost::out_edges(v, graph_); e != end; ++e)
      if (boost::target(*e, graph_) <= v) {
        index_order_ = false;
        break;
      }
  if (index_order_) {
    order_.resize(node_task_.size());
    std::iota(order_.begin(), order_.end(), 0u);
    return;
  }
  std::vector<std::vector<node_id>> found;
  cycle_search search(*this, cycles ? 100 : 1);
  order_ = search.run(found);
  if (found.empty()) return;
  std::vector<diagnostic> out;
  for (const auto& c : found) {
    std::string text = "cycle: ";
    for (std::size_t k = 0; k < c.size(); ++k) text += (k ? " → " : "") + id(c[k]);
    diagnostic d{task_pointer(doc[c.front()]), text};
    bool seen = std::any_of(out.begin(), out.end(),
                            [&](const diagnostic& o) { return o.message == d.message; });
    if (!seen) out.push_back(std::move(d));
  }
  order_.clear();
  if (!cycles) throw error(errc::cycle, std::move(out));
  *cycles = std::move(out);
}

std::vector<diagnostic> find_cycles(const plan& p) {
  std::vector<diagnostic> cycles;
  task_graph g(p, &cycles);
  return cycles;
}

}  // namespace readiness
