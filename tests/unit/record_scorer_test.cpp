// The batch's fast path (io::record_scorer) against the full reader: on every record it takes, the
// id and totals equal parse_assessment_record + score_totals; it takes every record of the common
// form and leaves the rest to the full reader.
#include <catch2/catch.hpp>

#include <boost/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "io/record_scorer.hpp"
#include "readiness/assessment_record.hpp"
#include "readiness/error.hpp"
#include "readiness/plan_io.hpp"
#include "readiness/scoring.hpp"

using namespace readiness;
namespace json = boost::json;

namespace {

const plan& example() {
  static const plan p =
      io::read_plan_file(std::string(READINESS_SOURCE_DIR) + "/data/examples/district-2026.json");
  return p;
}

// The example's assessment as a batch record.
json::object base_record() {
  json::value doc = json::parse(io::write_plan_json(example()));
  json::object record = doc.at("assessment").as_object();
  record["id"] = "town-1";
  return record;
}

// A record of the common form, changed at random: inputs dropped, reordered, nulled, given
// other numbers; and sometimes broken or given what only the full reader reads.
std::string mutated(const json::object& base, std::mt19937_64& rng, bool only_common) {
  auto chance = [&](int percent) { return static_cast<int>(rng() % 100) < percent; };
  json::object r = base;
  json::object items;
  std::vector<std::pair<std::string, json::value>> list;
  for (const auto& [key, value] : r["items"].as_object())
    if (!chance(15)) list.emplace_back(std::string(key), value);
  if (chance(30)) std::shuffle(list.begin(), list.end(), rng);
  const double numbers[] = {0.87, 0.1 + 0.2, 1e-9, 3.0, 0.5, 123456789.125, 2.0 / 3.0, -0.0};
  for (auto& [key, value] : list) {
    json::object& in = value.as_object();
    if (in.contains("value") && chance(40)) in["value"] = numbers[rng() % 8];
    if (in.contains("deficiencies") && chance(30)) in["deficiencies"] = rng() % 5;
    if (in.contains("count") && chance(30)) in["count"] = rng() % 7;
    if (in.contains("met") && in["met"].is_bool() && chance(30)) in["met"] = chance(50);
    if (chance(5)) in["note"] = "已落实";
    if (chance(5)) in[in.begin()->key()] = nullptr;
    items[key] = std::move(value);
  }
  if (!only_common && !items.empty() && chance(20)) {  // one input the fast path does not read
    json::object& in =
        std::next(items.begin(), static_cast<long>(rng() % items.size()))->value().as_object();
    switch (rng() % 5) {
      case 0:
        in["x-source"] = "audit";
        break;
      case 1:
        in["colour"] = "red";
        break;
      case 2:
        in["met"] = 7;
        break;
      case 3:
        in["deficiencies"] = 1.5;
        break;
      default:
        in["level"] = 3;
    }
  }
  if (chance(10)) items["99.9"] = json::object{{"met", true}};  // not in the rubric
  r["items"] = std::move(items);
  if (r.contains("vetoes") && chance(20))
    for (auto& [key, value] : r["vetoes"].as_object()) value = chance(30);
  if (chance(10)) r["as_of"] = nullptr;
  if (!only_common) {
    if (chance(2)) r.erase("id");
    if (chance(2)) r["id"] = "";
    if (chance(2)) r["id"] = std::string(65, 'a');
    if (chance(2)) r["as_of"] = "2026-13-01";
    if (chance(2)) r["evidence"] = json::array{};
    if (chance(2)) r["sites"] = json::array{};
    if (chance(2)) r["x-batch"] = 7;
    if (chance(2)) r["extra"] = true;
    if (chance(2) && r.contains("vetoes") && !r["vetoes"].as_object().empty())
      r["vetoes"].as_object().begin()->value() = "yes";
  }
  std::string line = json::serialize(r);
  if (!only_common && chance(2)) line.resize(line.size() / 2);  // not JSON
  return line;
}

void check_same(const score_total& a, const score_total& b) {
  CHECK(a.base == b.base);
  CHECK(a.bonus == b.bonus);
  CHECK(a.penalty == b.penalty);
  CHECK(a.total == b.total);
  CHECK(a.max == b.max);
  CHECK(a.grade == b.grade);
  CHECK(a.qualified == b.qualified);
  CHECK(a.vetoes_triggered == b.vetoes_triggered);
  CHECK(a.gates_failed == b.gates_failed);
  CHECK(a.target == b.target);
  CHECK(a.gap == b.gap);
}

struct fixture {
  const plan& p = example();
  compiled_rubric rubric = compile_rubric(p.rubric, p.sites);
  std::optional<centi> target = p.inspection ? p.inspection->target : std::nullopt;
  io::record_scorer fast{rubric};

  // Runs both readers; true when the fast path took the record.
  bool compare(const std::string& line) {
    std::string id;
    score_total total;
    bool taken = fast.score(line, p.evidence, target, id, total);
    if (!taken) return false;
    io::assessment_record full = io::parse_assessment_record(line, "test");
    CHECK(full.id == id);
    check_same(total, score_totals(rubric, full.assessment,
                                   full.evidence ? *full.evidence : p.evidence, target));
    return true;
  }
};

}  // namespace

TEST_CASE("record scorer: equals the full reader on every record it takes", "[batch]") {
  fixture f;
  std::mt19937_64 rng(11);
  json::object base = base_record();
  int taken = 0, records = 3000;
  for (int i = 0; i < records; ++i) taken += f.compare(mutated(base, rng, false)) ? 1 : 0;
  // Most records are of the common form; the rest went to the full reader.
  CHECK(taken > records / 3);
  CHECK(taken < records);
}

TEST_CASE("record scorer: takes every record of the common form", "[batch]") {
  fixture f;
  std::mt19937_64 rng(12);
  json::object base = base_record();
  for (int i = 0; i < 1000; ++i) {
    std::string line = mutated(base, rng, true);
    INFO(line);
    CHECK(f.compare(line));
  }
}

TEST_CASE("record scorer: leaves records it does not read to the full reader", "[batch]") {
  fixture f;
  for (const char* line : {
           R"({"items": {}})",                                          // no id
           R"({"id": "a", "evidence": []})",                            // the record's own ledger
           R"({"id": "a", "sites": [{"id": "S1"}]})",                   // the record's own sites
           R"({"id": "a", "x-source": 1})",                             // kept as an extension
           R"({"id": "a", "items": {"1.1": {"met": 7}}})",              // a wrong type
           R"({"id": "a", "items": {"1.1": {"met": ["a"], "x": 1}}})",  // an unknown key
           R"({"id": "a", "as_of": "2026-02-30"})",                     // not a date
           R"({"id": "a", "items": )",                                  // not JSON
           R"([1, 2])",                                                 // not an object
       }) {
    INFO(line);
    std::string id;
    score_total total;
    CHECK_FALSE(f.fast.score(line, f.p.evidence, f.target, id, total));
  }
}

TEST_CASE("record scorer: a key given twice counts once, the last, as in the full reader",
          "[batch]") {
  fixture f;
  CHECK(f.compare(R"({"id": "a", "items": {"1.4": {"met": true}, "1.4": {"met": false}},)"
                  R"( "vetoes": {"V1": true, "V1": false}})"));
  CHECK(f.compare(R"({"id": "a", "items": {"1.4": {"met": false}, "1.4": {"met": true}},)"
                  R"( "vetoes": {"V1": false, "V1": true}})"));
}
