#include <catch2/catch.hpp>
#include <string>

#include "readiness/plan_io.hpp"
#include "unit/plan_test_support.hpp"

using namespace readiness;
using namespace plan_test;

namespace {

std::string canonical(const std::string& text, int indent = 2) {
  return io::write_plan_json(io::read_plan_json(text), indent);
}

std::string source_file(const std::string& relative) {
  return io::read_text_file(std::string(READINESS_SOURCE_DIR) + "/" + relative);
}

}  // namespace

TEST_CASE("read → write → read gives the same document for every key", "[plan_write]") {
  std::string once = canonical(io::read_text_file(data_path("plan-full.json")));
  std::string twice = canonical(once);
  CHECK(once == twice);
  CHECK(canonical(once, 0) == canonical(twice, 0));
}

TEST_CASE("the canonical document is fixed byte for byte", "[plan_write]") {
  // plan-full.canonical.json is the reviewed output; a change to it is a format change.
  CHECK(canonical(io::read_text_file(data_path("plan-full.json"))) ==
        io::read_text_file(data_path("plan-full.canonical.json")));
}

TEST_CASE("the example district plan loads and round-trips", "[plan_write]") {
  // Must load: a missing or invalid example is a failure, never a skip.
  std::string text = source_file("data/examples/district-2026.json");
  plan p = io::read_plan_json(text);
  CHECK(p.tasks.size() > 10);
  CHECK(p.rubric.categories.size() > 3);
  std::string once = io::write_plan_json(p);
  CHECK(once == canonical(once));
}

TEST_CASE("the writer puts keys in canonical order and x- keys last, sorted", "[plan_write]") {
  std::string out = canonical(R"({"x-b": 1, "tasks": [{"id": "T1", "duration": 1}],
      "rubric": {"categories": []}, "x-a": [1, 2.50, "s"], "title": "t", "format": "readiness/1"})");
  CHECK(out == R"({
  "format": "readiness/1",
  "title": "t",
  "rubric": {
    "categories": []
  },
  "tasks": [
    {
      "id": "T1",
      "duration": 1
    }
  ],
  "x-a": [1,2.5,"s"],
  "x-b": 1
}
)");
}

TEST_CASE("plain links and one-day holidays are written in their short forms", "[plan_write]") {
  std::string out = canonical(R"({"format": "readiness/1", "rubric": {"categories": []},
      "calendar": {"weekend": ["sun", "sat"], "holidays": ["2026-09-18/2026-09-18"]},
      "tasks": [{"id": "T1", "duration": 1},
                {"id": "T2", "duration": 1, "after": [{"task": "T1", "type": "FS", "lag": 0},
                                                      {"task": "T1", "lag": 1}]}]})",
                              0);
  CHECK(out.find(R"("calendar":{"weekend":["sat","sun"],"holidays":["2026-09-18"]})") !=
        std::string::npos);
  CHECK(out.find(R"("after":["T1",{"task":"T1","type":"FS","lag":1}])") != std::string::npos);
}

TEST_CASE("numbers are written exactly", "[plan_write]") {
  std::string out = canonical(R"({"format": "readiness/1", "inspection": {"target": 89.50},
      "rubric": {"categories": [{"id": "1", "points": 0.3, "weight": 1, "items": [
        {"id": "1.1", "points": 0.3, "rule": {"kind": "ratio", "zero_at": 0.1, "full_at": 0.7}}]}]},
      "assessment": {"items": {"1.1": {"value": 0.87}}},
      "simulation": {"seed": 18446744073709551615}})",
                              0);
  CHECK(out.find(R"("target":89.5)") != std::string::npos);
  CHECK(out.find(R"("points":0.3,"weight":1)") != std::string::npos);
  CHECK(out.find(R"("zero_at":0.1,"full_at":0.7)") != std::string::npos);
  CHECK(out.find(R"("value":0.87)") != std::string::npos);
  CHECK(out.find(R"("seed":18446744073709551615)") != std::string::npos);
}

TEST_CASE("a plan built in code is written as a valid document", "[plan_write]") {
  plan p;
  CHECK(io::write_plan_json(p, 0) == R"({"format":"readiness/1","rubric":{"categories":[]}})");
  task t;
  t.id = "T1";
  t.duration = 3;
  t.finished = date(2026, 7, 1);
  p.tasks.push_back(t);
  plan back = io::read_plan_json(io::write_plan_json(p));
  CHECK(*back.tasks[0].finished == date(2026, 7, 1));
}
