// The task network of a plan (SPEC §5.1, §5.3) as a Boost.Graph compressed-sparse-row graph over
// dense indices. Ids stay outside: task i is the i-th task in id order (id_less), so index order
// is output order and every tie-break by index is a tie-break by id.
//
// Nodes: one per task; a summary (a task some other task names as `parent`) gets a second node,
// its "out" node. The task's own node is then the summary's gate: its `after` links and
// `not_before` land there and pass to every child; the out node collects every child, so a link
// from a summary waits for all its descendants. Edges carry the link type and lag; the
// parent↔child edges are `pass` edges (start to start and finish to finish, lag 0).
//
// The graph is stored by successor: a node's out-edges lead to its predecessors. A plan lists
// each task's links with the task, so the edges arrive grouped by successor and need no sort;
// the forward pass pulls from predecessors and the backward pass pushes into them.
#ifndef READINESS_TASK_GRAPH_HPP
#define READINESS_TASK_GRAPH_HPP

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "readiness/error.hpp"
#include "readiness/model.hpp"

namespace readiness {

enum class edge_kind : std::uint8_t { fs, ss, ff, sf, pass };

// One edge's type and lag in four bytes (lag × 8 + kind), so the edge array stays small.
class graph_edge {
 public:
  graph_edge() = default;
  graph_edge(std::int32_t lag, edge_kind kind) : bits_(lag * 8 + static_cast<std::int32_t>(kind)) {}
  edge_kind kind() const { return static_cast<edge_kind>(bits_ & 7); }
  std::int32_t lag() const { return (bits_ - (bits_ & 7)) / 8; }

 private:
  std::int32_t bits_ = 0;
};

// Links may not shift by more than this many working days (about 4,000 years).
constexpr std::int64_t max_link_lag = 1000000;

class task_graph {
 public:
  using graph_type =
      boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, graph_edge,
                                         boost::no_property, std::uint32_t, std::uint32_t>;
  static constexpr std::uint32_t none = 0xffffffffu;

  // Builds the graph; throws readiness::error: errc::validation for a duplicate id, an unknown
  // link target or parent, a negative or missing duration, a lag out of range (each naming its
  // JSON pointer); errc::cycle naming the tasks on a cycle in order (`T03 → T07 → T03`).
  //
  // `threads`: 0 lets a plan whose ids run as numbers (T01, T02, …) walk its tasks in two halves
  // on two threads from parallel_numbered_tasks tasks on, when the machine has two cores; any
  // other plan of parallel_tasks tasks or more walks them on two threads, and resolves its links
  // on two threads too when its ids come sorted and it has parallel_links links or more. 1 keeps
  // the build on the calling thread. The graph is the same either way.
  //
  // The graph reads the plan's tasks where they are (model(), id()): the plan must outlive it and
  // keep its tasks in place, so a temporary plan is refused.
  explicit task_graph(const plan& p, unsigned threads = 0);
  explicit task_graph(const plan&& p, unsigned threads = 0) = delete;
  static constexpr std::size_t parallel_tasks = std::size_t(1) << 15;
  static constexpr std::size_t parallel_links = std::size_t(1) << 16;
  static constexpr std::size_t parallel_numbered_tasks = std::size_t(1) << 13;
  // Ids are found through a hash table of at least one and a half times as many slots
  // (16 bytes each) as tasks. Up to this many slots (2 MiB) it stays in a core's cache and each
  // link looks its task up as it comes; a larger table is probed a block of links at a time, so
  // their cache misses overlap (100k tasks: build 9.8–10.2 ms in blocks, 11.4–11.7 one by one).
  // A plan in id order is linked in one walk, which reads the table a few tasks ahead instead.
  static constexpr std::size_t direct_lookup_slots = std::size_t(1) << 17;

  std::size_t task_count() const { return out_node_.size(); }
  std::size_t node_count() const { return task_count() + summary_of_out_.size(); }

  const std::string& id(std::size_t task) const { return model(task).id; }
  const task& model(std::size_t task) const { return tasks_[document_index(task)]; }
  std::size_t document_index(std::size_t task) const {
    return document_index_.empty() ? task : document_index_[task];
  }
  // The index of the task with this id, none when absent: a binary search over the ids in index
  // order (the hash table that resolves the links lives only while the graph is built).
  std::uint32_t find(std::string_view id) const;

  bool is_summary(std::size_t task) const { return out_node_[task] != none; }
  std::uint32_t out_node(std::size_t task) const { return out_node_[task]; }  // none if a leaf
  std::uint32_t parent(std::size_t task) const { return parent_[task]; }      // none at the top
  std::uint32_t task_of(std::uint32_t node) const {  // a task's node is the task itself
    return node < task_count() ? node : summary_of_out_[node - task_count()];
  }
  bool is_virtual(std::uint32_t node) const;  // a summary's gate or out node

  // Nodes in topological order (every predecessor before its successors).
  const std::vector<std::uint32_t>& topological_order() const { return order_; }
  // Whether every predecessor has a lower node index than its successor (then
  // topological_order() is 0, 1, 2, …, and the passes walk the per-node arrays in memory order).
  bool in_index_order() const { return index_order_; }
  // Out-edges of node v lead to v's predecessors, each edge carrying its link's type and lag;
  // within a node, links keep the plan's order.
  const graph_type& predecessors() const { return graph_; }
  // The same edges turned around (out-edges lead to successors), built on each call.
  graph_type successors() const;

 private:
  friend std::vector<diagnostic> find_cycles(const plan& p);
  task_graph(std::vector<diagnostic>* cycles, const plan& p);  // collect cycles, skip bad refs
  void build(const plan& p, std::vector<diagnostic>* cycles, unsigned threads);
  // Looking an id up in the hash table, while building.
  std::uint32_t find_hashed(std::string_view id, std::uint64_t hash) const;
  std::uint32_t look_up(std::string_view id) const;
  // look_up() for many ids at once, with the table and the ids prefetched a few steps ahead.
  void find_many(const std::string_view* ids, std::size_t count, std::uint32_t* out) const;
  // The arrays the graph takes over: the edges by successor (each node's in one run, the nodes
  // in order), where each node's run starts, and what resolving one range of tasks' links found
  // besides.
  struct edge_arrays {
    std::vector<std::uint32_t> starts;  // by node, and one past the last edge at the end
    std::vector<std::uint32_t> preds;
    std::vector<graph_edge> props;
    void put(std::size_t k, std::uint32_t from, graph_edge e) { preds[k] = from, props[k] = e; }
  };
  struct task_walk {
    bool sorted = true;  // within the range
    std::size_t links = 0;
    std::vector<std::string_view> parents;  // parent ids named
    std::vector<std::uint32_t> who;         // by the tasks at these document indices
  };
  // Hashes and counts tasks [first, end) in document order.
  void walk_tasks(const plan& p, std::size_t first, std::size_t end,
                  std::vector<std::uint64_t>& hashes, task_walk& r) const;
  struct link_pass {
    std::vector<diagnostic> problems;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> into_out_nodes;  // out node, child
    bool index_order = true;
    std::size_t end = 0;  // one past the last edge written
  };
  // A plan whose ids come in order (strictly ascending): the tasks and their links in one walk,
  // each link's task found as it comes (links to tasks further on, once the walk is over): read
  // from the link while the ids run as numbers (detail::running_ids), then, if `hashed`, looked
  // up in the hash table. False, with nothing to keep, when the ids are not in order (or stop
  // running as numbers, unless `hashed`) or anything is wrong: the steps below then find and
  // report it.
  bool link_in_one_walk(const plan& p, bool hashed, edge_arrays& edges, link_pass& result);
  // A plan whose ids run as numbers (detail::running_ids) in two halves on two threads, each
  // link's task read from its id; false, with nothing to keep, as link_in_one_walk.
  bool link_numbered_in_halves(const plan& p, edge_arrays& edges, link_pass& result);
  // After a walk: numbers the out nodes, checks that only summaries lack a duration, and turns
  // links from summaries to their out nodes.
  bool close_walk(const std::vector<std::uint32_t>& without_duration, edge_arrays& edges,
                  link_pass& result);
  struct one_walk;  // what the walk keeps besides the graph's arrays
  // The walk from task `from` on, once the ids stop running as numbers: the ids before it go
  // into the hash table, and each link is looked up there.
  bool link_rest_hashed(one_walk& walk, std::uint32_t from);
  // Any plan: hashes, then orders the ids, then resolves parents and links; throws the problems
  // found (strict) or skips them (collecting cycles).
  void link_in_steps(const plan& p, std::vector<diagnostic>* cycles, bool two_threads,
                     edge_arrays& edges, link_pass& result);
  void number_out_nodes();  // after parent_: each summary's out node, after every task
  // Makes the edges the graph: they come grouped by successor, the nodes in order, with each
  // node's start known, which is the layout of Boost's graph. Its constructors take unsorted
  // edges (a list of successors besides, sorted in place, and each node's edges counted); these
  // are sorted and counted already, so the arrays are swapped in as they are, through the
  // structure's public members (the test "The graph holds its edges as Boost builds them" checks
  // the result against Boost's own construction).
  void hand_over(edge_arrays& edges);
  // Adds the edges into out nodes, builds the graph and its topological order, and finds the
  // cycles.
  void finish(edge_arrays& edges, link_pass& links, std::vector<diagnostic>* cycles);
  // Writes the edges of tasks [first, end) from position `at_edge` on (index order).
  void resolve_links(std::uint32_t first, std::uint32_t end, edge_arrays& out, std::size_t at_edge,
                     link_pass& r) const;
  // Whether task `task` has this id (of more than detail's exact_hash_length bytes; shorter ids
  // are known by their hash and length).
  bool has_id(std::uint32_t task, std::string_view id) const;

  const task* tasks_ = nullptr;                // the plan's tasks, in document order
  std::vector<std::uint32_t> document_index_;  // by task index; empty when ids come sorted
  std::vector<std::uint32_t> out_node_;
  std::vector<std::uint32_t> parent_;
  std::vector<std::uint32_t> summary_of_out_;  // by out node − task_count()
  std::vector<std::uint32_t> order_;
  bool index_order_ = false;
  // The hash table (dropped once the graph is built). Open addressing: each slot holds an id's full
  // hash, its length and its task index + 1 (0 when empty). A probe that meets the hash and the
  // length has met the id when it is short, and compares bytes only for longer ids.
  struct id_slot {
    std::uint64_t hash = 0;
    std::uint32_t task = 0;
    std::uint32_t length = 0;
  };
  std::vector<id_slot> id_slots_;
  void start_table(std::size_t tasks);  // empty, sized for this many
  // Whether the slot holds this id (its hash and slot length given).
  bool holds(const id_slot& slot, std::string_view id, std::uint64_t hash,
             std::uint32_t length) const;
  // The node a task finishes at, which links from it wait for: a summary's out node, else its own.
  std::uint32_t finish_node(std::uint32_t task) const {
    return is_summary(task) ? out_node_[task] : task;
  }
  // Puts task `task` with this id and hash in the table; returns the task already there with the
  // same id, or none.
  std::uint32_t insert_id(std::uint32_t task, std::string_view id, std::uint64_t hash);
  graph_type graph_;
};

// The cycles through links and parents (up to 100 found), each as a diagnostic at the JSON
// pointer of its first task: `cycle: T03 → T07 → T03`. A cycle whose tasks include another's is
// left out, so one bad link is reported by its shortest loop (a summary after its own child:
// `T01 → T06 → T01`, not every chain of the subtree that also leads there). Links to unknown
// tasks are skipped (validation reports them). Empty when the network is acyclic.
std::vector<diagnostic> find_cycles(const plan& p);

}  // namespace readiness

#endif
