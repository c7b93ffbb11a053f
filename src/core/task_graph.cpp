#include "readiness/task_graph.hpp"

#include <algorithm>
#include <numeric>
#include <utility>

#include "core/id_hash.hpp"
#include "core/json_pointer.hpp"
#include "core/parallel_chunks.hpp"
#include "core/running_ids.hpp"
#include "core/task_graph_cycles.hpp"
#include "readiness/id_order.hpp"

namespace readiness {
namespace {

using detail::child;
using detail::exact_hash_length;
using detail::hash_id;
using detail::hash_key;
using detail::process_hash_key;
using detail::same_bytes;
using node_id = std::uint32_t;

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

// A slot's length: ids of 4 GiB or more share one, and are told apart by their bytes.
std::uint32_t slot_length(std::size_t n) {
  return static_cast<std::uint32_t>(std::min<std::size_t>(n, 0xffffffffu));
}

// A duration a leaf may have, and a lag a link may have (anything else is reported).
bool usable_duration(const std::optional<std::int64_t>& d) {
  return d && *d >= 0 && *d <= max_link_lag;
}
bool usable_lag(std::int64_t lag) {
  return lag >= -max_link_lag && lag <= max_link_lag;
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

}  // namespace

task_graph::task_graph(const plan& p, unsigned threads) {
  build(p, nullptr, threads);
}

task_graph::task_graph(std::vector<diagnostic>* cycles, const plan& p) {
  build(p, cycles, 1);
}

bool task_graph::is_virtual(std::uint32_t node) const {
  return node >= task_count() || out_node_[node] != none;
}

std::uint32_t task_graph::find(std::string_view id) const {
  std::uint32_t low = 0, high = static_cast<std::uint32_t>(task_count());
  while (low < high) {
    std::uint32_t middle = low + (high - low) / 2;
    int order = compare_ids(this->id(middle), id);
    if (order == 0) return middle;  // ids compare equal only when they are the same bytes
    if (order < 0)
      low = middle + 1;
    else
      high = middle;
  }
  return none;
}

std::uint32_t task_graph::look_up(std::string_view id) const {
  return find_hashed(id, hash_id(id, process_hash_key()));
}

bool task_graph::has_id(std::uint32_t task, std::string_view id) const {
  const std::string& known = model(task).id;
  return known.size() == id.size() && same_bytes(known.data(), id.data(), id.size());
}

bool task_graph::holds(const id_slot& slot, std::string_view id, std::uint64_t hash,
                       std::uint32_t length) const {
  return slot.hash == hash && slot.length == length &&
         (length <= exact_hash_length || has_id(slot.task - 1, id));
}

void task_graph::start_table(std::size_t tasks) {
  std::size_t slots = 16;
  while (2 * slots < 3 * tasks) slots <<= 1;  // at least 1.5 per task
  id_slots_.assign(slots, id_slot{});
}

std::uint32_t task_graph::find_hashed(std::string_view id, std::uint64_t hash) const {
  if (id_slots_.empty()) return none;
  const std::size_t mask = id_slots_.size() - 1;
  const std::uint32_t length = slot_length(id.size());
  for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
    const id_slot& slot = id_slots_[s];
    if (slot.task == 0) return none;
    if (holds(slot, id, hash, length)) return slot.task - 1;
  }
}

std::uint32_t task_graph::insert_id(std::uint32_t task, std::string_view id, std::uint64_t hash) {
  const std::size_t mask = id_slots_.size() - 1;
  const std::uint32_t length = slot_length(id.size());
  for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
    id_slot& slot = id_slots_[s];
    if (slot.task == 0) {
      slot = id_slot{hash, task + 1, length};
      return none;
    }
    if (holds(slot, id, hash, length)) return slot.task - 1;
  }
}

void task_graph::find_many(const std::string_view* keys, std::size_t count,
                           std::uint32_t* out) const {
  constexpr std::size_t block = 64;
  const hash_key& secret = process_hash_key();
  std::uint64_t hashes[block];
  const std::size_t mask = id_slots_.empty() ? 0 : id_slots_.size() - 1;
  for (std::size_t b = 0; b < count; b += block) {
    std::size_t m = std::min(block, count - b);
    if (id_slots_.empty()) {
      for (std::size_t j = 0; j < m; ++j) out[b + j] = none;
      continue;
    }
    // Misses overlap when the loads are issued ahead: the slots, then (for ids too long to be
    // known by their hash) the tasks' ids.
    for (std::size_t j = 0; j < m; ++j) {
      hashes[j] = hash_id(keys[b + j], secret);
      __builtin_prefetch(&id_slots_[hashes[j] & mask]);
    }
    for (std::size_t j = 0; j < m; ++j) {
      const id_slot& slot = id_slots_[hashes[j] & mask];
      if (slot.task != 0 && slot.length > exact_hash_length)
        __builtin_prefetch(model(slot.task - 1).id.data());
    }
    for (std::size_t j = 0; j < m; ++j) out[b + j] = find_hashed(keys[b + j], hashes[j]);
  }
}

void task_graph::build(const plan& p, std::vector<diagnostic>* cycles, unsigned threads) {
  const std::size_t n = p.tasks.size();
  // Below 2^29 tasks, node indices (a task and a summary's out node) stay below 2^30 and a
  // driving code (node << 1 | side) fits in 31 bits.
  if (n >= (std::size_t(1) << 29)) throw error(errc::limit, "/tasks", "more than 2^29 tasks");
  tasks_ = p.tasks.data();
  const bool two_threads = cycles == nullptr && detail::split_in_two(threads, n, parallel_tasks);
  edge_arrays edges;
  link_pass links;
  // A plan whose ids run as numbers takes two half walks on two threads (1M tasks: 0.056 s,
  // against 0.094 s in one walk); one that comes in id order takes one walk; any other, and any
  // problem, the steps below. With two threads, the one walk goes on only while the ids run as
  // numbers: hashing a large plan's ids on one thread takes longer than the steps on two (1M
  // tasks: 0.20 s against 0.15 s).
  bool linked = false;
  if (cycles == nullptr && detail::split_in_two(threads, n, parallel_numbered_tasks)) {
    linked = link_numbered_in_halves(p, edges, links);
    if (!linked) edges = edge_arrays{}, links = link_pass{};
  }
  if (cycles == nullptr && !linked) linked = link_in_one_walk(p, !two_threads, edges, links);
  if (!linked) {
    edges = edge_arrays{};
    links = link_pass{};
    link_in_steps(p, cycles, two_threads, edges, links);
  }
  finish(edges, links, cycles);
}

void task_graph::link_in_steps(const plan& p, std::vector<diagnostic>* cycles, bool two_threads,
                               edge_arrays& edges, link_pass& result) {
  problems bad{cycles == nullptr, {}};
  const std::size_t n = p.tasks.size();
  // One walk over the tasks in document order: whether the ids come sorted (generated plans
  // often do), each id's hash, the number of links, and the parents. A large plan's on two
  // threads, each taking half the tasks.
  const auto half = static_cast<std::uint32_t>(two_threads ? n / 2 : n);
  std::vector<std::uint64_t> hashes(n);
  task_walk first, second;
  if (!two_threads)
    walk_tasks(p, 0, n, hashes, first);
  else
    detail::run_in_halves([&] { walk_tasks(p, 0, half, hashes, first); },
                          [&] { walk_tasks(p, half, n, hashes, second); });
  // The edges of tasks 0 … half − 1 (when ids come sorted): their links and parent edges.
  const std::size_t edges_before_half = first.links + first.parents.size();
  const bool sorted = first.sorted && second.sorted &&
                      (!two_threads || compare_ids(p.tasks[half].id, p.tasks[half - 1].id) >= 0);
  const std::size_t links = first.links + second.links;
  std::vector<std::string_view> keys = std::move(first.parents);  // parent ids, then links'
  std::vector<std::uint32_t> who = std::move(first.who);  // the task naming each (document index)
  keys.insert(keys.end(), second.parents.begin(), second.parents.end());
  who.insert(who.end(), second.who.begin(), second.who.end());
  second = task_walk{};

  // Indices in id order: the document's when sorted, else a stable sort by id.
  if (!sorted) {
    document_index_.resize(n);
    std::iota(document_index_.begin(), document_index_.end(), 0u);
    std::stable_sort(document_index_.begin(), document_index_.end(),
                     [&](std::uint32_t a, std::uint32_t b) {
                       return compare_ids(p.tasks[a].id, p.tasks[b].id) < 0;
                     });
    std::vector<std::uint64_t> by_index(n);
    for (std::size_t i = 0; i < n; ++i) by_index[i] = hashes[document_index_[i]];
    hashes.swap(by_index);
    std::vector<std::uint32_t> index_of(n);
    for (std::uint32_t i = 0; i < n; ++i) index_of[document_index_[i]] = i;
    for (auto& w : who) w = index_of[w];
  }
  auto at = [&](std::uint32_t i) { return task_pointer(document_index(i)); };

  start_table(n);
  {
    const std::size_t mask = id_slots_.size() - 1;
    constexpr std::size_t ahead = 16;
    for (std::uint32_t i = 0; i < n; ++i) {
      if (i + ahead < n) __builtin_prefetch(&id_slots_[hashes[i + ahead] & mask]);
      if (insert_id(i, id(i), hashes[i]) != none)
        bad.add(child(at(i), "id"), "duplicate task id \"" + id(i) + "\"");
    }
  }
  std::vector<std::uint64_t>().swap(hashes);

  parent_.assign(n, none);
  out_node_.assign(n, none);
  std::vector<std::uint32_t> found_at(keys.size());
  find_many(keys.data(), keys.size(), found_at.data());
  const std::size_t parent_links = keys.size();
  std::vector<std::uint32_t> unknown_parent;  // reported in id order, like every other error
  for (std::size_t k = 0; k < keys.size(); ++k) {
    std::uint32_t i = who[k], pa = found_at[k];
    if (pa == none)
      unknown_parent.push_back(i);
    else
      parent_[i] = pa;
  }
  std::sort(unknown_parent.begin(), unknown_parent.end());
  for (std::uint32_t i : unknown_parent)
    bad.add(child(at(i), "parent"), "unknown task \"" + model(i).parent + "\"");
  std::vector<std::uint32_t>().swap(who);
  std::vector<std::string_view>().swap(keys);
  std::vector<std::uint32_t>().swap(found_at);
  number_out_nodes();

  // The edges as three arrays that the graph keeps (no copy), by successor: each task's links
  // and parent edge come with the task, in index order; the edges from children into their
  // summaries' out nodes (numbered after every task) are gathered and go last. With the graph's
  // row starts, these are the build's peak memory, so they are sized exactly.
  const std::size_t most_edges = links + 2 * parent_links;
  edges.starts.resize(n);
  edges.preds.resize(most_edges);
  edges.props.resize(most_edges);
  // A large plan whose ids come sorted resolves its links on two threads, each writing its half
  // of the tasks' edges from where that half begins; problems come back in index order.
  std::vector<link_pass> passes(1);
  if (!(two_threads && sorted && links >= parallel_links)) {
    resolve_links(0, static_cast<std::uint32_t>(n), edges, 0, passes[0]);
  } else {
    passes.resize(2);
    detail::run_in_halves([&] { resolve_links(0, half, edges, 0, passes[0]); },
                          [&] {
                            resolve_links(half, static_cast<std::uint32_t>(n), edges,
                                          edges_before_half, passes[1]);
                          });
  }
  result.into_out_nodes.reserve(parent_links);
  for (auto& r : passes) {
    result.index_order = result.index_order && r.index_order;
    for (auto& d : r.problems) bad.add(std::move(d.where), std::move(d.message));
    result.into_out_nodes.insert(result.into_out_nodes.end(), r.into_out_nodes.begin(),
                                 r.into_out_nodes.end());
  }
  result.end = passes.back().end;
  bad.raise();
}

void task_graph::number_out_nodes() {
  const std::size_t n = task_count();
  summary_of_out_.clear();
  for (std::uint32_t i = 0; i < n; ++i)
    if (parent_[i] != none) out_node_[parent_[i]] = 0;  // mark; numbered below in id order
  for (std::uint32_t i = 0; i < n; ++i)
    if (out_node_[i] != none) {
      out_node_[i] = static_cast<std::uint32_t>(node_count());
      summary_of_out_.push_back(i);
    }
}

void task_graph::finish(edge_arrays& edges, link_pass& links, std::vector<diagnostic>* cycles) {
  // The edges from children into their summaries' out nodes go last, by out node.
  auto& into_out_nodes = links.into_out_nodes;
  index_order_ = links.index_order;
  std::size_t edge_count = links.end;
  std::vector<id_slot>().swap(id_slots_);  // its memory serves what comes next
  std::stable_sort(into_out_nodes.begin(), into_out_nodes.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  const std::size_t total = edge_count + into_out_nodes.size();
  if (edges.preds.size() < total) {
    edges.preds.resize(total);
    edges.props.resize(total);
  }
  edges.starts.resize(node_count() + 1);
  auto into = into_out_nodes.begin();
  for (node_id v = static_cast<node_id>(task_count()); v < node_count(); ++v) {
    edges.starts[v] = static_cast<std::uint32_t>(edge_count);
    for (; into != into_out_nodes.end() && into->first == v; ++into) {
      index_order_ = index_order_ && into->second < v;
      edges.put(edge_count++, into->second, graph_edge(0, edge_kind::pass));
    }
  }
  edges.starts[node_count()] = static_cast<std::uint32_t>(edge_count);
  std::vector<std::pair<node_id, node_id>>().swap(into_out_nodes);
  edges.preds.resize(edge_count);  // fewer only where links were skipped
  edges.props.resize(edge_count);
  hand_over(edges);

  if (index_order_) {
    order_.resize(node_count());
    std::iota(order_.begin(), order_.end(), 0u);
    return;
  }
  std::vector<std::vector<node_id>> found;
  order_ = detail::search_order(*this, cycles ? 100 : 1, found);
  if (found.empty()) return;
  detail::drop_enclosing_cycles(found);
  std::vector<diagnostic> out;
  for (const auto& c : found) {
    std::string text = "cycle: ";
    for (std::size_t k = 0; k < c.size(); ++k) text += (k ? " → " : "") + id(c[k]);
    diagnostic d{task_pointer(document_index(c.front())), text};
    bool seen = std::any_of(out.begin(), out.end(),
                            [&](const diagnostic& o) { return o.message == d.message; });
    if (!seen) out.push_back(std::move(d));
  }
  order_.clear();
  if (!cycles) throw error(errc::cycle, std::move(out));
  *cycles = std::move(out);
}

void task_graph::hand_over(edge_arrays& edges) {
  graph_ = graph_type();
  auto& rows = graph_.m_forward;
  rows.m_rowstart.swap(edges.starts);
  rows.m_column.swap(edges.preds);
  rows.m_edge_properties.swap(edges.props);
  graph_.vertex_properties().resize(node_count());
}

// What the one walk keeps besides the graph's arrays: the edges, and the links to look up once it
// is over.
struct task_graph::one_walk {
  task_graph& graph;
  const plan& p;
  edge_arrays& edges;
  link_pass& result;
  struct later_link {
    std::size_t edge;
    std::uint32_t task, link;  // link: the index in `after`, or none for the parent
  };
  std::vector<later_link> later;
  std::vector<std::uint32_t> without_duration;  // right only for summaries

  // Room for four links a task; more grow the arrays, and pages never written cost nothing.
  void reserve(std::size_t tasks) {
    edges.starts.reserve(tasks + 1);
    edges.preds.reserve(4 * tasks + 16);
    edges.props.reserve(4 * tasks + 16);
  }
  void add_edge(node_id from, graph_edge e) {
    edges.preds.push_back(from);
    edges.props.push_back(e);
  }
  // Task i's edges, each link's task found by pred_of(link's id, its place in `after`): a task not
  // found yet (further on, or unknown) is looked for once the walk is over. False for a lag out
  // of range.
  template <class PredOf>
  bool link(std::uint32_t i, PredOf&& pred_of) {
    const task& t = p.tasks[i];
    edges.starts.push_back(static_cast<std::uint32_t>(edges.preds.size()));
    if (!usable_duration(t.duration)) without_duration.push_back(i);
    for (std::uint32_t k = 0; k < t.after.size(); ++k) {
      const readiness::link& l = t.after[k];
      if (!usable_lag(l.lag)) return false;
      std::uint32_t pred = pred_of(l.task, k);
      if (pred == none) later.push_back({edges.preds.size(), i, k});
      result.index_order = result.index_order && pred < i;  // false for a task further on
      add_edge(pred, graph_edge(static_cast<std::int32_t>(l.lag), edge_of(l.type)));
    }
    if (!t.parent.empty()) {
      std::uint32_t pa = pred_of(t.parent, none);
      if (pa == none) later.push_back({edges.preds.size(), i, none});
      graph.parent_[i] = pa;
      result.index_order = result.index_order && pa < i;
      add_edge(pa, graph_edge(0, edge_kind::pass));
    }
    return true;
  }
};

bool task_graph::link_in_one_walk(const plan& p, bool hashed, edge_arrays& edges,
                                  link_pass& result) {
  const std::size_t n = p.tasks.size();
  parent_.assign(n, none);
  out_node_.assign(n, none);
  one_walk walk{*this, p, edges, result, {}, {}};
  walk.reserve(n);
  // While the ids run as numbers, a link's task is read from its id.
  detail::running_ids numbered;
  std::uint32_t i = 0;
  for (; i < n && numbered.extend(p.tasks[i].id); ++i)
    if (!walk.link(i, [&](std::string_view id, std::uint32_t) { return numbered.index_of(id); }))
      return false;
  if (i < n && !(hashed && link_rest_hashed(walk, i))) return false;
  // Links and parents further on in the plan.
  for (const auto& l : walk.later) {
    const task& t = p.tasks[l.task];
    std::string_view named = l.link == none ? t.parent : t.after[l.link].task;
    std::uint32_t pred = i < n ? look_up(named) : numbered.index_of(named);
    if (pred == none) return false;
    edges.preds[l.edge] = pred;
    if (l.link == none) parent_[l.task] = pred;
  }
  return close_walk(walk.without_duration, edges, result);
}

bool task_graph::link_numbered_in_halves(const plan& p, edge_arrays& edges, link_pass& result) {
  const std::size_t n = p.tasks.size();
  detail::running_ids numbering;  // started by the first id; each half checks its own
  if (n < 2 || !numbering.extend(p.tasks[0].id)) return false;
  parent_.assign(n, none);
  out_node_.assign(n, none);
  const auto half = static_cast<std::uint32_t>(n / 2);
  edge_arrays second_edges;
  link_pass second_result;
  one_walk first{*this, p, edges, result, {}, {}},
      second{*this, p, second_edges, second_result, {}, {}};
  // Each half walks its tasks and reads each link's task from its number, trusting the other
  // half to check the ids it names: both must, or nothing is kept.
  auto walk_range = [&](one_walk& walk, std::uint32_t from, std::uint32_t end) {
    walk.reserve(end - from);
    auto pred_of = [&](std::string_view id, std::uint32_t) {
      return numbering.index_below(id, static_cast<std::uint32_t>(n));
    };
    for (std::uint32_t i = from; i < end; ++i)
      if (!numbering.spells(p.tasks[i].id, i) || !walk.link(i, pred_of)) return false;
    return walk.later.empty();  // an id the numbering does not spell: the steps report it
  };
  bool first_ok = false, second_ok = false;
  detail::run_in_halves(
      [&] { first_ok = walk_range(first, 0, half); },
      [&] { second_ok = walk_range(second, half, static_cast<std::uint32_t>(n)); });
  if (!first_ok || !second_ok) return false;
  // The second half's edges follow the first's.
  const auto offset = static_cast<std::uint32_t>(edges.preds.size());
  edges.preds.insert(edges.preds.end(), second_edges.preds.begin(), second_edges.preds.end());
  edges.props.insert(edges.props.end(), second_edges.props.begin(), second_edges.props.end());
  for (std::uint32_t start : second_edges.starts) edges.starts.push_back(offset + start);
  result.index_order = result.index_order && second_result.index_order;
  first.without_duration.insert(first.without_duration.end(), second.without_duration.begin(),
                                second.without_duration.end());
  return close_walk(first.without_duration, edges, result);
}

bool task_graph::close_walk(const std::vector<std::uint32_t>& without_duration, edge_arrays& edges,
                            link_pass& result) {
  number_out_nodes();
  for (std::uint32_t t : without_duration)
    if (!is_summary(t)) return false;
  if (node_count() > task_count()) {
    // A link from a summary waits for its out node; its children's parent edges leave its gate.
    for (std::size_t e = 0; e < edges.preds.size(); ++e)
      if (edges.props[e].kind() != edge_kind::pass && is_summary(edges.preds[e])) {
        edges.preds[e] = finish_node(edges.preds[e]);
        result.index_order = false;
      }
    for (std::uint32_t t = 0; t < task_count(); ++t)
      if (parent_[t] != none)
        result.into_out_nodes.push_back({out_node(parent_[t]), finish_node(t)});
  }
  result.end = edges.preds.size();
  return true;
}

bool task_graph::link_rest_hashed(one_walk& walk, std::uint32_t from) {
  const plan& p = walk.p;
  const std::size_t n = p.tasks.size();
  const hash_key& secret = process_hash_key();
  start_table(n);
  for (std::uint32_t j = 0; j < from; ++j) insert_id(j, id(j), hash_id(id(j), secret));
  // The table is read a few tasks ahead: the slots of task i + 8's id and of task i + 4's links
  // are fetched while task i is linked, their hashes kept in rings.
  constexpr std::uint32_t id_ahead = 8, links_ahead = 4, ring = 16, ring_links = 4;
  std::uint64_t id_hashes[ring], link_hashes[ring][ring_links];
  const std::size_t mask = id_slots_.size() - 1;
  auto look_ahead_id = [&](std::uint32_t j) {
    id_hashes[j % ring] = hash_id(p.tasks[j].id, secret);
    __builtin_prefetch(&id_slots_[id_hashes[j % ring] & mask]);
  };
  auto look_ahead_links = [&](std::uint32_t j) {
    const auto& after = p.tasks[j].after;
    for (std::size_t k = 0; k < after.size() && k < ring_links; ++k) {
      link_hashes[j % ring][k] = hash_id(after[k].task, secret);
      __builtin_prefetch(&id_slots_[link_hashes[j % ring][k] & mask]);
    }
  };
  for (std::uint32_t j = from; j < std::min<std::size_t>(n, from + id_ahead); ++j) look_ahead_id(j);
  for (std::uint32_t j = from; j < std::min<std::size_t>(n, from + links_ahead); ++j)
    look_ahead_links(j);
  for (std::uint32_t i = from; i < n; ++i) {
    const task& t = p.tasks[i];
    if (i > 0 && compare_ids(p.tasks[i - 1].id, t.id) >= 0) return false;
    if (i + id_ahead < n) look_ahead_id(i + id_ahead);
    if (i + links_ahead < n) look_ahead_links(i + links_ahead);
    insert_id(i, t.id, id_hashes[i % ring]);  // no duplicate: the ids ascend
    auto pred_of = [&](std::string_view id, std::uint32_t k) {
      return find_hashed(id, k < ring_links ? link_hashes[i % ring][k] : hash_id(id, secret));
    };
    if (!walk.link(i, pred_of)) return false;
  }
  return true;
}

void task_graph::walk_tasks(const plan& p, std::size_t first, std::size_t end,
                            std::vector<std::uint64_t>& hashes, task_walk& r) const {
  const hash_key& secret = process_hash_key();
  for (std::size_t j = first; j < end; ++j) {
    const task& t = p.tasks[j];
    if (j > first && r.sorted && compare_ids(t.id, p.tasks[j - 1].id) < 0) r.sorted = false;
    hashes[j] = hash_id(t.id, secret);
    r.links += t.after.size();
    if (!t.parent.empty()) {
      r.parents.push_back(t.parent);
      r.who.push_back(static_cast<std::uint32_t>(j));
    }
  }
}

void task_graph::resolve_links(std::uint32_t first_task, std::uint32_t end_task, edge_arrays& out,
                               std::size_t at_edge, link_pass& r) const {
  problems bad{false, {}};
  auto at = [&](std::uint32_t i) { return task_pointer(document_index(i)); };
  auto add_edge = [&](node_id from, node_id to, graph_edge e) {
    r.index_order = r.index_order && from < to;
    out.put(at_edge++, from, e);
  };
  const bool summaries = node_count() > task_count();
  // Task i's edges; pred_of(link) gives the index a link names, or none.
  auto resolve_task = [&](std::uint32_t i, auto&& pred_of) {
    const task& t = model(i);
    out.starts[i] = static_cast<std::uint32_t>(at_edge);
    if (!is_summary(i) && !usable_duration(t.duration)) {
      if (!t.duration)
        bad.add(at(i), "task \"" + t.id + "\" has no subtasks and no duration");
      else if (*t.duration < 0)
        bad.add(child(at(i), "duration"), std::to_string(*t.duration) + " is negative");
      else
        bad.add(child(at(i), "duration"),
                std::to_string(*t.duration) + " working days is too long");
    }
    for (std::size_t k = 0; k < t.after.size(); ++k) {
      const link& l = t.after[k];
      std::uint32_t pred = pred_of(l);
      if (pred == none) {
        bad.add(child(child(at(i), "after"), k), "unknown task \"" + l.task + "\"");
        continue;
      }
      if (!usable_lag(l.lag)) {
        bad.add(
            child(child(child(at(i), "after"), k), "lag"),
            std::string(kind_name(l.type)) + " lag " + std::to_string(l.lag) + " is out of range");
        continue;
      }
      add_edge(summaries ? finish_node(pred) : pred, i,
               graph_edge(static_cast<std::int32_t>(l.lag), edge_of(l.type)));
    }
    if (parent_[i] != none) {
      add_edge(parent_[i], i, graph_edge(0, edge_kind::pass));
      r.into_out_nodes.push_back({out_node(parent_[i]), finish_node(i)});
    }
  };
  // A table that stays in cache answers each link as it comes.
  if (id_slots_.size() <= direct_lookup_slots) {
    const hash_key& secret = process_hash_key();
    for (std::uint32_t i = first_task; i < end_task; ++i) {
      if (i + 8 < end_task) __builtin_prefetch(&model(i + 8).after);
      if (i + 4 < end_task) __builtin_prefetch(model(i + 4).after.data());
      resolve_task(i, [&](const link& l) { return find_hashed(l.task, hash_id(l.task, secret)); });
    }
    r.problems = std::move(bad.found);
    r.end = at_edge;
    return;
  }
  // A larger one resolves a block of tasks' links at a time, so their lookups overlap
  // (find_many).
  std::vector<std::string_view> keys;
  std::vector<std::uint32_t> found_at;
  constexpr std::uint32_t task_block = 64;
  for (std::uint32_t first = first_task; first < end_task; first += task_block) {
    std::uint32_t last = std::min(end_task, first + task_block);
    keys.clear();
    for (std::uint32_t i = first; i < last; ++i)
      for (const link& l : model(i).after) keys.push_back(l.task);
    found_at.resize(keys.size());
    find_many(keys.data(), keys.size(), found_at.data());
    std::size_t next_key = 0;
    for (std::uint32_t i = first; i < last; ++i)
      resolve_task(i, [&](const link&) { return found_at[next_key++]; });
  }
  r.problems = std::move(bad.found);
  r.end = at_edge;
}

task_graph::graph_type task_graph::successors() const {
  std::size_t edges = num_edges(graph_);
  std::vector<node_id> from, to;
  std::vector<graph_edge> props;
  from.reserve(edges), to.reserve(edges), props.reserve(edges);
  for (node_id v = 0; v < node_count(); ++v)
    for (auto [e, end] = out_edges(v, graph_); e != end; ++e) {
      from.push_back(target(*e, graph_));
      to.push_back(v);
      props.push_back(graph_[*e]);
    }
  return graph_type(boost::construct_inplace_from_sources_and_targets, from, to, props,
                    node_count());
}

std::vector<diagnostic> find_cycles(const plan& p) {
  std::vector<diagnostic> cycles;
  task_graph g(&cycles, p);
  return cycles;
}

}  // namespace readiness
