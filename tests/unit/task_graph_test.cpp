#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <memory>
#include <numeric>
#include <random>
#include <type_traits>
#include <variant>

#include "readiness/error.hpp"
#include "readiness/task_graph.hpp"
#include "unit/schedule_fixture.hpp"

using namespace readiness;
using fixture::leaf;

namespace {

std::string cycle_message(const plan& p) {
  try {
    task_graph g(p);
  } catch (const readiness::error& e) {
    if (e.code() == errc::cycle) return e.diagnostics().at(0).message;
    return "other error: " + std::string(e.what());
  }
  return "no error";
}

}  // namespace

TEST_CASE("Tasks get dense indices in natural id order", "[task_graph]") {
  plan p = fixture::plan_on("2026-03-02", {leaf("T10", 1), leaf("T9", 1, {"T10"}), leaf("T1", 1)});
  task_graph g(p);
  REQUIRE(g.task_count() == 3);
  CHECK(g.id(0) == "T1");
  CHECK(g.id(1) == "T9");
  CHECK(g.id(2) == "T10");
  CHECK(g.find("T9") == 1);
  CHECK(g.find("T10") == 2);
  CHECK(g.find("T1") == 0);
  CHECK(g.find("T99") == task_graph::none);
  CHECK(g.find("T") == task_graph::none);
  CHECK(g.find("") == task_graph::none);
  CHECK(g.document_index(0) == 2);
  CHECK(g.document_index(1) == 1);
  CHECK(g.document_index(2) == 0);
  CHECK(&g.model(0) == &p.tasks[2]);
  // T10 comes before T9 in every topological order.
  const auto& order = g.topological_order();
  auto pos = [&](std::uint32_t v) {
    return std::find(order.begin(), order.end(), v) - order.begin();
  };
  CHECK(pos(2) < pos(1));
}

TEST_CASE("Ids of every length are found, and ids one byte off are not", "[task_graph]") {
  // Lengths 1 … 40 cover each way an id is hashed and compared (a few bytes, one or two words,
  // more); each id differs from the next longer one only by its length, and from its probes by
  // one byte at the start, the middle or the end. Links name every id, so each resolves.
  std::vector<task> tasks;
  std::vector<std::string> ids;
  for (std::size_t n = 1; n <= 40; ++n) {
    std::string id(n, 'a');
    for (std::size_t k = 0; k < n; ++k) id[k] = static_cast<char>('a' + (k * 7 + n) % 26);
    ids.push_back(id);
    tasks.push_back(leaf(id, 1));
    if (n > 1) tasks.back().after.push_back(fixture::dep(ids[n - 2], link_type::fs, 0));
  }
  plan p = fixture::plan_on("2026-03-02", tasks);
  task_graph g(p);
  std::size_t wrong = 0;
  for (const auto& id : ids) {
    std::uint32_t i = g.find(id);
    wrong += i == task_graph::none || g.id(i) != id;
    for (std::size_t at : {std::size_t(0), id.size() / 2, id.size() - 1}) {
      std::string off = id;
      off[at] = off[at] == 'z' ? 'y' : 'z';
      wrong += g.find(off) != task_graph::none;
    }
    wrong += g.find(id + "#") != task_graph::none;
  }
  CHECK(wrong == 0);
  CHECK(num_edges(g.predecessors()) == 39);
}

// The graph reads the tasks where the plan keeps them, so it refuses a temporary plan.
static_assert(std::is_constructible_v<task_graph, const plan&>);
static_assert(!std::is_constructible_v<task_graph, plan&&>);
static_assert(!std::is_constructible_v<task_graph, const plan&&>);

TEST_CASE("Tasks whose ids come sorted keep their document order", "[task_graph]") {
  plan p = fixture::plan_on("2026-03-02",
                            {leaf("A", 1), leaf("A2", 1, {"A"}), leaf("B", 2, {"A2", "A"})});
  task_graph g(p);
  for (std::uint32_t i = 0; i < 3; ++i) {
    CHECK(g.document_index(i) == i);
    CHECK(&g.model(i) == &p.tasks[i]);
    CHECK(g.find(p.tasks[i].id) == i);
  }
  CHECK(g.find("A3") == task_graph::none);
  CHECK(g.in_index_order());
}

TEST_CASE("A cycle through links names its tasks in order", "[task_graph]") {
  plan p = fixture::plan_on("2026-03-02",
                            {leaf("T03", 1, {"T07"}), leaf("T05", 1), leaf("T07", 1, {"T03"})});
  CHECK(cycle_message(p) == "cycle: T03 → T07 → T03");
  auto found = find_cycles(p);
  REQUIRE(found.size() == 1);
  CHECK(found[0].where == "/tasks/0");
  CHECK(found[0].message == "cycle: T03 → T07 → T03");
}

TEST_CASE("A longer cycle keeps the link order", "[task_graph]") {
  plan p = fixture::plan_on("2026-03-02",
                            {leaf("A", 1, {"C"}), leaf("B", 1, {"A"}), leaf("C", 1, {"B"})});
  CHECK(cycle_message(p) == "cycle: A → B → C → A");
}

TEST_CASE("Cycles through parents are found", "[task_graph]") {
  SECTION("a child waiting for its own parent") {
    task s;
    s.id = "S";
    task c = leaf("C", 1, {"S"});
    c.parent = "S";
    CHECK(cycle_message(fixture::plan_on("2026-03-02", {s, c})) == "cycle: C → S → C");
  }
  SECTION("a parent waiting for its own child") {
    task s;
    s.id = "S";
    s.after.push_back(fixture::dep("C", link_type::fs, 0));
    task c = leaf("C", 1);
    c.parent = "S";
    CHECK(cycle_message(fixture::plan_on("2026-03-02", {s, c})) == "cycle: C → S → C");
  }
  SECTION("two tasks each other's parent") {
    task a = leaf("A", 1), b = leaf("B", 1);
    a.parent = "B";
    b.parent = "A";
    CHECK(cycle_message(fixture::plan_on("2026-03-02", {a, b})) == "cycle: A → B → A");
  }
  SECTION("mixed: a link into a sibling summary and back") {
    task s1, s2;
    s1.id = "S1";
    s2.id = "S2";
    task a = leaf("A", 1, {"S2"}), b = leaf("B", 1, {"S1"});
    a.parent = "S1";
    b.parent = "S2";
    CHECK(cycle_message(fixture::plan_on("2026-03-02", {s1, s2, a, b})) ==
          "cycle: A → S1 → B → S2 → A");
  }
}

TEST_CASE("A summary after its own child is reported by its shortest cycle", "[task_graph]") {
  // S after C, its child at the end of the chain A → B → C: the cycles through A and B too
  // contain C → S → C and are left out. The unrelated X ↔ Y cycle is still reported.
  task s;
  s.id = "S";
  s.after.push_back(fixture::dep("C", link_type::fs, 0));
  task a = leaf("A", 1), b = leaf("B", 1, {"A"}), c = leaf("C", 1, {"B"});
  a.parent = b.parent = c.parent = "S";
  plan p = fixture::plan_on("2026-03-02", {s, a, b, c, leaf("X", 1, {"Y"}), leaf("Y", 1, {"X"})});
  auto found = find_cycles(p);
  REQUIRE(found.size() == 2);
  CHECK(found[0].message == "cycle: C → S → C");
  CHECK(found[1].message == "cycle: X → Y → X");
}

TEST_CASE("Bad references and durations are located errors", "[task_graph]") {
  plan p = fixture::plan_on("2026-03-02", {leaf("A", 1, {"T-99"})});
  CHECK_THROWS_WITH(task_graph(p), "/tasks/0/after/0: unknown task \"T-99\"");
  p = fixture::plan_on("2026-03-02", {leaf("A", -2)});
  CHECK_THROWS_WITH(task_graph(p), "/tasks/0/duration: -2 is negative");
  p = fixture::plan_on("2026-03-02", {leaf("A", 1), leaf("A", 2)});
  CHECK_THROWS_WITH(task_graph(p), Catch::Contains("duplicate task id"));
  // Out of id order, errors still name the document's places.
  p = fixture::plan_on("2026-03-02", {leaf("B", 1), leaf("A", 1), leaf("B", 2)});
  CHECK_THROWS_WITH(task_graph(p), "/tasks/2/id: duplicate task id \"B\"");
  p = fixture::plan_on("2026-03-02", {leaf("C", 1), leaf("B", 1, {"A"}), leaf("A", 1, {"Z"})});
  CHECK_THROWS_WITH(task_graph(p), "/tasks/2/after/0: unknown task \"Z\"");
  p = fixture::plan_on("2026-03-02", {leaf("C", 1), leaf("B", 1)});
  p.tasks[0].parent = "Q";
  CHECK_THROWS_WITH(task_graph(p), "/tasks/0/parent: unknown task \"Q\"");
  // Several: in id order, whatever the document's order.
  p.tasks[1].parent = "R";
  try {
    task_graph g(p);
    FAIL("no error");
  } catch (const error& e) {
    REQUIRE(e.diagnostics().size() == 2);
    CHECK(e.diagnostics()[0].where == "/tasks/1/parent");
    CHECK(e.diagnostics()[1].where == "/tasks/0/parent");
  }
  task t;
  t.id = "X";
  p = fixture::plan_on("2026-03-02", {t});
  CHECK_THROWS_WITH(task_graph(p), Catch::Contains("no duration"));
  CHECK(find_cycles(fixture::plan_on("2026-03-02", {leaf("A", 1, {"T-99"})})).empty());
}

TEST_CASE("A chain of summaries is not in index order: out nodes wait for later ones",
          "[task_graph]") {
  std::vector<task> tasks;
  for (int i = 0; i < 4; ++i) {
    task t = leaf("T" + std::to_string(i), 2);
    if (i > 0) t.parent = "T" + std::to_string(i - 1);
    if (i < 3) t.duration.reset();
    tasks.push_back(t);
  }
  plan p = fixture::plan_on("2026-03-02", tasks);
  task_graph g(p);
  REQUIRE(g.node_count() == 7);  // three summaries with out nodes 4, 5, 6
  CHECK_FALSE(g.in_index_order());
  const auto& order = g.topological_order();
  auto pos = [&](std::uint32_t v) {
    return std::find(order.begin(), order.end(), v) - order.begin();
  };
  CHECK(pos(3) < pos(g.out_node(2)));
  CHECK(pos(g.out_node(2)) < pos(g.out_node(1)));
  CHECK(pos(g.out_node(1)) < pos(g.out_node(0)));
}

namespace {

// 40,000 tasks in id order, each after three earlier ones with every link type, so the links
// (about 120,000) pass the two-thread threshold; every 7th task is under the summary T00000,
// which no link names.
plan large_sorted_plan() {
  std::vector<task> tasks;
  std::uint64_t state = 12345;
  auto next = [&] { return state = state * 6364136223846793005ull + 1442695040888963407ull; };
  for (int i = 0; i < 40000; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "T%05d", i);
    task t = leaf(id, static_cast<std::int64_t>(next() >> 60));
    for (int k = 0; k < 3 && i > 1; ++k) {
      readiness::link l;
      l.task = tasks[1 + (next() >> 33) % static_cast<std::uint64_t>(i - 1)].id;
      l.type = static_cast<link_type>((next() >> 40) % 4);
      l.lag = static_cast<std::int64_t>((next() >> 50) % 5) - 2;
      t.after.push_back(l);
    }
    tasks.push_back(t);
  }
  tasks[0].duration.reset();  // T00000 is a summary
  for (int i = 7; i < 40000; i += 7) tasks[i].parent = "T00000";
  return fixture::plan_on("2026-03-02", tasks);
}

// The number of differences between two graphs of the same tasks, by index (their documents may
// list the tasks in different orders).
std::size_t differences(const task_graph& one, const task_graph& two) {
  if (one.node_count() != two.node_count()) return 1;
  if (num_edges(one.predecessors()) != num_edges(two.predecessors())) return 1;
  std::size_t differ = 0;
  differ += one.in_index_order() != two.in_index_order();
  differ += one.topological_order() != two.topological_order();
  const auto& a = one.predecessors();
  const auto& b = two.predecessors();
  for (std::uint32_t v = 0; v < one.node_count(); ++v) {
    if (v < one.task_count()) {
      differ += one.id(v) != two.id(v);
      differ += one.find(one.id(v)) != two.find(one.id(v));
      differ += one.parent(v) != two.parent(v);
      differ += one.out_node(v) != two.out_node(v);
    }
    auto [ea, enda] = out_edges(v, a);
    auto [eb, endb] = out_edges(v, b);
    if (std::distance(ea, enda) != std::distance(eb, endb)) {
      ++differ;
      continue;
    }
    for (; ea != enda; ++ea, ++eb)
      differ += target(*ea, a) != target(*eb, b) || a[*ea].lag() != b[*eb].lag() ||
                a[*ea].kind() != b[*eb].kind();
  }
  return differ;
}

// The number of differences between the graphs of p built on one thread and on two.
std::size_t differences(const plan& p) {
  task_graph one(p, 1), two(p, 0);
  std::size_t differ = differences(one, two);
  for (std::uint32_t v = 0; v < one.task_count() && differ == 0; ++v)
    differ += one.document_index(v) != two.document_index(v);
  return differ;
}

// The graph of p, or the messages of the error it raises (without their places, which depend on
// the document's order).
std::variant<std::unique_ptr<task_graph>, std::vector<std::string>> graph_or_messages(
    const plan& p, unsigned threads = 0) {
  try {
    return std::make_unique<task_graph>(p, threads);
  } catch (const error& e) {
    std::vector<std::string> messages;
    for (const auto& d : e.diagnostics()) messages.push_back(d.message);
    std::sort(messages.begin(), messages.end());
    return messages;
  }
}

}  // namespace

TEST_CASE("A large plan's graph is the same built on one thread or two", "[task_graph]") {
  plan p = large_sorted_plan();
  REQUIRE(p.tasks.size() >= task_graph::parallel_tasks);
  REQUIRE(num_edges(task_graph(p, 1).predecessors()) >= task_graph::parallel_links);
  SECTION("ids in order") {
    CHECK(differences(p) == 0);
  }
  SECTION("ids out of order just where the halves meet") {
    std::swap(p.tasks[19999], p.tasks[20000]);
    CHECK(differences(p) == 0);
  }
  SECTION("ids out of order in the second half") {
    std::swap(p.tasks[30000], p.tasks[30001]);
    CHECK(differences(p) == 0);
  }
  SECTION("ids that stop running as numbers") {
    // T30000 becomes T30000a, still in order: one thread reads numbers up to it and hashes the
    // rest, two go over to the steps there.
    for (auto& t : p.tasks)
      for (auto& l : t.after)
        if (l.task == "T30000") l.task = "T30000a";
    p.tasks[30000].id = "T30000a";
    CHECK(differences(p) == 0);
  }
  SECTION("a very long last id") {
    p.tasks.back().id += std::string(std::size_t(1) << 20, 'x');
    CHECK(differences(p) == 0);
  }
}

TEST_CASE("A large plan's link errors come in id order from either thread", "[task_graph]") {
  plan p = large_sorted_plan();
  p.tasks[39000].after[0].task = "NOPE-2";
  p.tasks[100].after[1].task = "NOPE-1";
  p.tasks[20001].duration = -1;
  for (unsigned threads : {1u, 0u}) {
    try {
      task_graph g(p, threads);
      FAIL("no error");
    } catch (const error& e) {
      REQUIRE(e.diagnostics().size() == 3);
      CHECK(e.diagnostics()[0].where == "/tasks/100/after/1");
      CHECK(e.diagnostics()[1].where == "/tasks/20001/duration");
      CHECK(e.diagnostics()[2].where == "/tasks/39000/after/0");
    }
  }
}

TEST_CASE("A plan too large to look up links one by one resolves them in blocks alike",
          "[task_graph]") {
  // A table of more slots than direct lookups take: the lookups go in blocks (when the ids do
  // not come in order, as here: the plan lists them backwards). Task i comes after tasks i / 2
  // and i − 1 (SS, lag 1); one link names no task, one lag is too long.
  const int n = static_cast<int>(task_graph::direct_lookup_slots / 3 * 2) + 100;
  std::vector<task> tasks(static_cast<std::size_t>(n));
  auto name = [](int i) {
    char id[16];
    std::snprintf(id, sizeof id, "T%06d", i);
    return std::string(id);
  };
  for (int i = 0; i < n; ++i) {
    tasks[i] = leaf(name(i), 1);
    if (i == 0) continue;
    readiness::link half, previous;
    half.task = name(i / 2);
    previous.task = name(i - 1);
    previous.type = link_type::ss;
    previous.lag = 1;
    tasks[i].after = {half, previous};
  }
  std::reverse(tasks.begin(), tasks.end());
  plan p = fixture::plan_on("2026-03-02", tasks);
  auto document_index = [&](int i) { return n - 1 - i; };
  {
    task_graph g(p, 1);
    const auto& preds = g.predecessors();
    std::size_t wrong = 0;
    for (std::uint32_t v = 1; v < static_cast<std::uint32_t>(n); ++v) {
      auto [e, end] = out_edges(v, preds);
      REQUIRE(std::distance(e, end) == 2);
      wrong += target(*e, preds) != v / 2 || preds[*e].kind() != edge_kind::fs;
      ++e;
      wrong +=
          target(*e, preds) != v - 1 || preds[*e].kind() != edge_kind::ss || preds[*e].lag() != 1;
    }
    CHECK(wrong == 0);
  }
  p.tasks[document_index(n - 1)].after[1].task = "T9999999";
  p.tasks[document_index(70000)].after[0].lag = 2000000;
  try {
    task_graph g(p, 1);
    FAIL("no error");
  } catch (const error& e) {
    REQUIRE(e.diagnostics().size() == 2);
    CHECK(e.diagnostics()[0].where ==
          "/tasks/" + std::to_string(document_index(70000)) + "/after/0/lag");
    CHECK(e.diagnostics()[1].where ==
          "/tasks/" + std::to_string(document_index(n - 1)) + "/after/1");
  }
}

TEST_CASE("A plan in id order is linked in one walk as any order of it is in steps",
          "[task_graph]") {
  // Random plans listed in id order (linked in one walk) and in reverse (linked in steps): the
  // same graph, or errors with the same messages. Links go either way in id order, to summaries
  // and to the task itself; parents come before or after their children; some ids are too long
  // to be known by their hash; some run as numbers (T7, T8, … or T07, T08, … T100), now and then
  // with a gap, so the walk reads numbers and then hashes; now and then a link spells a number
  // with one zero too many; some plans have more links than the walk makes room for.
  std::size_t graphs = 0, errors = 0;
  for (unsigned seed = 1; seed <= 400; ++seed) {
    std::mt19937 rng(seed);
    auto pick = [&](std::size_t k) { return static_cast<std::size_t>(rng() % k); };
    const std::size_t n = 1 + pick(40);
    const unsigned style = seed % 4;  // short ids, long ids, numbers, zero-padded numbers
    const bool many_links = seed % 5 == 0;
    const std::size_t first = pick(120), gap_at = pick(2) == 0 ? pick(n) : n;
    std::vector<task> tasks;
    for (std::size_t i = 0; i < n; ++i) {
      std::size_t number = first + i + (i >= gap_at ? 1 : 0);
      char padded[16];
      std::snprintf(padded, sizeof padded, "T%02zu", number);
      std::string id = style == 0   ? "T" + std::to_string(pick(1000) * 7 + i)
                       : style == 1 ? "PHASE-ONE-" + std::to_string(pick(1000) * 7 + i)
                       : style == 2 ? "T" + std::to_string(number)
                                    : std::string(padded);
      tasks.push_back(leaf(id, static_cast<std::int64_t>(pick(6))));
    }
    std::sort(tasks.begin(), tasks.end(),
              [](const task& a, const task& b) { return compare_ids(a.id, b.id) < 0; });
    tasks.erase(std::unique(tasks.begin(), tasks.end(),
                            [](const task& a, const task& b) { return a.id == b.id; }),
                tasks.end());
    // A random order of the tasks (rank) in which each summary's subtree is the run of tasks
    // right after it, up to `end`: links name only tasks whose subtree ends before the linking
    // task, so most plans have no cycle while links go either way in id order. Now and then a
    // link names any task.
    std::vector<std::size_t> by_rank(tasks.size()), end(tasks.size());
    std::iota(by_rank.begin(), by_rank.end(), std::size_t(0));
    std::shuffle(by_rank.begin(), by_rank.end(), rng);
    std::vector<std::size_t> open, rank(tasks.size());
    for (std::size_t r = 0; r < by_rank.size(); ++r) {
      std::size_t t = by_rank[r];
      rank[t] = r;
      while (!open.empty() && pick(3) == 0) end[open.back()] = r, open.pop_back();
      if (!open.empty() && pick(2) == 0) tasks[t].parent = tasks[open.back()].id;
      end[t] = r + 1;
      if (pick(3) == 0) open.push_back(t);
    }
    for (std::size_t t : open) end[t] = tasks.size();
    for (std::size_t i = 0; i < tasks.size(); ++i) {
      std::vector<std::size_t> before;
      for (std::size_t k = 0; k < tasks.size(); ++k)
        if (end[k] <= rank[i]) before.push_back(k);
      auto other = [&] {
        return pick(40) == 0 || before.empty() ? pick(tasks.size()) : before[pick(before.size())];
      };
      std::size_t links = many_links ? 6 + pick(6) : pick(4);
      for (std::size_t k = 0; k < links; ++k) {
        std::string named = tasks[other()].id;
        if (pick(60) == 0) named.insert(1, "0");  // T07 for T7, T007 for T07: no such task
        tasks[i].after.push_back(fixture::dep(named, static_cast<link_type>(pick(4)),
                                              static_cast<std::int64_t>(pick(7)) - 3));
      }
    }
    for (auto& t : tasks)  // a summary needs no duration
      if (std::any_of(tasks.begin(), tasks.end(), [&](const task& c) { return c.parent == t.id; }))
        t.duration.reset();
    plan in_order = fixture::plan_on("2026-03-02", tasks);
    std::reverse(tasks.begin(), tasks.end());
    plan reversed = fixture::plan_on("2026-03-02", tasks);
    auto walked = graph_or_messages(in_order), stepped = graph_or_messages(reversed);
    REQUIRE(walked.index() == stepped.index());
    if (walked.index() == 0) {
      ++graphs;
      CHECK(differences(*std::get<0>(walked), *std::get<0>(stepped)) == 0);
      CHECK(std::get<0>(walked)->document_index(0) == 0);
    } else {
      ++errors;
      CHECK(std::get<1>(walked) == std::get<1>(stepped));
    }
  }
  CHECK(graphs > 50);  // both outcomes are exercised
  CHECK(errors > 50);
}

TEST_CASE("The graph holds its edges as Boost builds them", "[task_graph]") {
  // The edges are handed to Boost's structure as they come (task_graph::hand_over): the graph
  // must be the one Boost's own constructor makes of the same edges, given node by node from the
  // last node to the first (so it has to sort them). Plans linked in one walk and in steps, with
  // summaries (out nodes, edges into them last) and with a last node that has no edges.
  plan large = large_sorted_plan();
  plan large_reversed = large;
  std::reverse(large_reversed.tasks.begin(), large_reversed.tasks.end());
  std::vector<task> tasks;
  for (int i = 0; i < 6; ++i) {
    task t = leaf("T" + std::to_string(i), 2);
    if (i > 0 && i < 4) t.parent = "T" + std::to_string(i - 1);
    if (i < 3) t.duration.reset();
    if (i == 5)
      t.after = {fixture::dep("T0", link_type::fs, 0), fixture::dep("T3", link_type::ss, -2)};
    tasks.push_back(t);
  }
  plan summaries = fixture::plan_on("2026-03-02", tasks);
  plan isolated_last = fixture::plan_on(
      "2026-03-02", {leaf("A", 1), leaf("B", 1, {"A"}), leaf("C", 1, {"A", "B"}), leaf("D", 1)});
  using graph_type = task_graph::graph_type;
  for (const plan* p : {&large, &large_reversed, &summaries, &isolated_last}) {
    task_graph g(*p, 1);
    const graph_type& ours = g.predecessors();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    std::vector<graph_edge> props;
    for (auto v = static_cast<std::uint32_t>(g.node_count()); v-- > 0;)
      for (auto [e, end] = out_edges(v, ours); e != end; ++e) {
        pairs.emplace_back(v, target(*e, ours));
        props.push_back(ours[*e]);
      }
    graph_type boosts(boost::edges_are_unsorted_multi_pass, pairs.begin(), pairs.end(),
                      props.begin(), g.node_count());
    REQUIRE(num_vertices(ours) == g.node_count());
    REQUIRE(num_vertices(boosts) == g.node_count());
    REQUIRE(num_edges(ours) == num_edges(boosts));
    CHECK(ours.vertex_properties().m_vertex_properties.size() == g.node_count());
    std::size_t differ = 0, edges_seen = 0;
    for (std::uint32_t v = 0; v < g.node_count(); ++v) {
      auto [a, a_end] = out_edges(v, ours);
      auto [b, b_end] = out_edges(v, boosts);
      differ += out_degree(v, ours) != out_degree(v, boosts);
      for (; a != a_end && b != b_end; ++a, ++b)
        differ += target(*a, ours) != target(*b, boosts) || ours[*a].kind() != boosts[*b].kind() ||
                  ours[*a].lag() != boosts[*b].lag() ||
                  get(boost::edge_index, ours, *a) != get(boost::edge_index, boosts, *b);
    }
    for (auto [e, end] = edges(ours); e != end; ++e, ++edges_seen)
      differ += get(boost::edge_index, ours, *e) != edges_seen;
    CHECK(differ == 0);
    CHECK(edges_seen == num_edges(ours));
  }
}

TEST_CASE("A numbered plan walked in two halves is linked as in one walk and in steps",
          "[task_graph]") {
  // Plans of more than parallel_numbered_tasks tasks whose ids run as numbers: in two halves on
  // two threads (threads 0), in one walk (threads 1) and in steps (the plan listed backwards),
  // the same graph or errors with the same messages, whatever is wrong with them.
  const int n = static_cast<int>(task_graph::parallel_numbered_tasks) + 808;
  const int half = n / 2;
  for (int variant = 0; variant < 12; ++variant) {
    const bool padded = variant % 2 == 1;
    auto name = [&](int i) {
      char id[16];
      std::snprintf(id, sizeof id, padded ? "T%05d" : "T%d", i + 1);
      return std::string(id);
    };
    // Variants 4 and 5 skip a number in the second half: the ids stay in order, and the
    // numbering ends there.
    const int gap = variant / 2 == 2 ? half + 100 : n + 1;
    auto id_of = [&](int i) { return name(i >= gap ? i + 1 : i); };
    std::mt19937 rng(static_cast<unsigned>(variant));
    std::vector<task> tasks;
    for (int i = 0; i < n; ++i) {
      task t = leaf(id_of(i), static_cast<std::int64_t>(rng() % 5));
      for (int k = 0; k < 3 && i > 0; ++k)
        t.after.push_back(fixture::dep(id_of(static_cast<int>(rng() % static_cast<unsigned>(i))),
                                       static_cast<link_type>(rng() % 4),
                                       static_cast<std::int64_t>(rng() % 5) - 2));
      tasks.push_back(t);
    }
    switch (variant / 2) {
      case 0:  // as it is
        break;
      case 1:  // links forward, across the halves both ways, and summaries in both halves
        tasks[half + 10].after.clear();
        tasks[n - 1].after.clear();
        tasks[10].after.push_back(fixture::dep(name(half + 10), link_type::ss, 1));
        tasks[half + 20].after.push_back(fixture::dep(name(n - 1), link_type::fs, 0));
        for (int summary : {5, half + 5}) {
          tasks[summary].duration.reset();
          tasks[summary].after.clear();
        }
        for (int i = 1; i < n; i += 97) {
          if (i == 5 || i == half + 5) continue;
          tasks[i].parent = name(i % 2 ? 5 : half + 5);
          tasks[i].after.clear();
        }
        break;
      case 2:  // the gap above
        break;
      case 3:  // a link spells a number with a zero too many, another names no task
        tasks[half + 3].after.push_back(fixture::dep("T0" + name(7).substr(1), link_type::fs, 0));
        tasks[20].after.push_back(fixture::dep(name(n + 40), link_type::fs, 0));
        break;
      case 4:  // a leaf without duration, a lag out of range, a link to itself
        tasks[half + 9].duration.reset();
        tasks[30].after.push_back(fixture::dep(name(2), link_type::fs, 3000000));
        tasks[half + 50].after.push_back(fixture::dep(name(half + 50), link_type::fs, 0));
        break;
      default:  // a first id that starts no numbering
        tasks[0].id = "T";
        for (auto& t : tasks)
          for (auto& l : t.after)
            if (l.task == name(0)) l.task = "T";
    }
    plan in_order = fixture::plan_on("2026-03-02", tasks);
    std::reverse(tasks.begin(), tasks.end());
    plan reversed = fixture::plan_on("2026-03-02", tasks);
    auto halves = graph_or_messages(in_order, 0), walked = graph_or_messages(in_order, 1),
         stepped = graph_or_messages(reversed, 1);
    INFO("variant " << variant);
    REQUIRE(halves.index() == walked.index());
    REQUIRE(halves.index() == stepped.index());
    CHECK(halves.index() == (variant < 6 || variant >= 10 ? 0u : 1u));
    if (halves.index() == 0) {
      CHECK(differences(*std::get<0>(halves), *std::get<0>(walked)) == 0);
      CHECK(differences(*std::get<0>(halves), *std::get<0>(stepped)) == 0);
    } else {
      CHECK(std::get<1>(halves) == std::get<1>(walked));
      CHECK(std::get<1>(halves) == std::get<1>(stepped));
    }
  }
}

TEST_CASE("A plan without tasks has a graph without nodes", "[task_graph]") {
  plan p = fixture::plan_on("2026-03-02", {});
  for (unsigned threads : {0u, 1u}) {
    task_graph g(p, threads);
    CHECK(g.task_count() == 0);
    CHECK(g.node_count() == 0);
    CHECK(num_vertices(g.predecessors()) == 0);
    CHECK(num_edges(g.predecessors()) == 0);
    CHECK(g.topological_order().empty());
    CHECK(g.find("T1") == task_graph::none);
  }
}
