#include <catch2/catch.hpp>
#include <sstream>

#include "readiness/assessment_record.hpp"
#include "readiness/error.hpp"
#include "readiness/rank.hpp"

using namespace readiness;

namespace {

scored_record rec(std::string id, centi total, bool qualified = true) {
  scored_record r;
  r.id = std::move(id);
  r.total.total = total;
  r.total.qualified = qualified;
  return r;
}

std::vector<std::string> ids(const ranking& r) {
  std::vector<std::string> out;
  for (const auto& x : r.records) out.push_back(x.id);
  return out;
}

}  // namespace

TEST_CASE("ranking sorts by qualified, then total descending, then id", "[rank]") {
  auto r = rank({rec("d10", 9000), rec("d2", 9000), rec("d1", 9500, false), rec("d3", 8000)},
                std::nullopt);
  CHECK(ids(r) == std::vector<std::string>{"d2", "d10", "d3", "d1"});
  CHECK(r.records[0].place == 1);
  CHECK(r.records[3].place == 4);
  CHECK_FALSE(r.records[0].inside);
}

TEST_CASE("a quota as a count marks the first ones and never exceeds n", "[rank]") {
  std::vector<scored_record> four{rec("a", 1), rec("b", 2), rec("c", 3), rec("d", 4)};
  auto r = rank(four, parse_quota("2"));
  CHECK(r.inside == 2);
  CHECK(r.records[0].inside);
  CHECK(r.records[1].inside);
  CHECK_FALSE(r.records[2].inside);
  CHECK(rank(four, parse_quota("9")).inside == 4);
  CHECK(rank(four, parse_quota("0")).inside == 0);
  CHECK(rank({}, parse_quota("3")).inside == 0);
}

TEST_CASE("a quota as a share takes the floor, but at least one", "[rank]") {
  CHECK(quota_size(parse_quota("10%"), 5) == 1);   // 0.5 → at least 1
  CHECK(quota_size(parse_quota("10%"), 25) == 2);  // 2.5 → 2
  CHECK(quota_size(parse_quota("10%"), 30) == 3);
  CHECK(quota_size(parse_quota("12.5%"), 8) == 1);
  CHECK(quota_size(parse_quota("100%"), 7) == 7);
  CHECK(quota_size(parse_quota("0%"), 7) == 0);
  CHECK(quota_size(parse_quota("10%"), 0) == 0);
}

TEST_CASE("bad quotas are refused", "[rank]") {
  for (const char* text : {"", "%", "-1", "150%", "2.5", "abc", "10%%"})
    CHECK_THROWS_AS(parse_quota(text), error);
}

TEST_CASE("batch records read an assessment with its own id, evidence and sites", "[rank]") {
  auto r = io::parse_assessment_record(
      R"({"id": "d1", "as_of": "2026-07-30", "items": {"1.1": {"met": true}},
          "vetoes": {"V1": false}, "sites": {"S1": {"4.3": true}},
          "evidence": [{"id": "E1", "item": "1.1", "kind": "doc"}],
          "site_list": [{"id": "S1", "name": "医院", "type": "hospital"}]})",
      "batch.jsonl:1");
  CHECK(r.id == "d1");
  CHECK(*r.assessment.items["1.1"].met);
  CHECK(r.assessment.site_checks["S1"]["4.3"]);
  REQUIRE(r.evidence);
  CHECK(r.evidence->at(0).kind == "doc");
  REQUIRE(r.sites);
  CHECK(r.sites->at(0).type == "hospital");

  auto arr = io::parse_assessment_record(
      R"({"id": "d2", "sites": [{"id": "S1", "type": "hospital", "checks": {"4.3": true}}]})",
      "x:1");
  CHECK(arr.assessment.site_checks["S1"]["4.3"]);
  CHECK(arr.sites->size() == 1);
}

TEST_CASE("a bad batch record names the file, the line and the JSON pointer", "[rank]") {
  std::istringstream in(
      "{\"id\": \"a\", \"items\": {}}\n\n{\"id\": \"b\", \"items\": {\"1.1\": {\"met\": "
      "3}}}\n{\"items\": {}}\n");
  std::vector<std::string> good, bad;
  io::read_assessment_records(
      in, "batch.jsonl", [&](io::assessment_record&& r) { good.push_back(r.id); },
      [&](const error& e) { bad.push_back(e.diagnostics().at(0).where); });
  CHECK(good == std::vector<std::string>{"a"});
  REQUIRE(bad.size() == 2);
  CHECK(bad[0] == "batch.jsonl:3: /items/1.1/met");
  CHECK(bad[1].rfind("batch.jsonl:4", 0) == 0);
}
