#include <catch2/catch.hpp>

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
