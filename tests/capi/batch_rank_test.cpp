// Batch ranking (rdy_batch_rank) and its accessors, through the shared library only.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <string>
#include <tuple>
#include <vector>

#include "capi_fixture.hpp"
#include "readiness/readiness.h"

using capi_test::batch_holder;
using capi_test::example_text;
using capi_test::plan_holder;
using capi_test::ranked_records;

namespace {

struct ranking_holder {
  rdy_ranking* ranking = nullptr;
  ranking_holder(const rdy_batch* batch, const char* quota) {
    INFO(rdy_last_error_message());
    REQUIRE(rdy_batch_rank(batch, quota, &ranking) == RDY_OK);
  }
  ~ranking_holder() { rdy_ranking_destroy(ranking); }
};

std::string owned(char* text, size_t len) {
  std::string out(text, len);
  rdy_free(text);
  return out;
}

}  // namespace

TEST_CASE("rdy_batch_rank orders good records by qualified, then total, then id", "[capi][rank]") {
  plan_holder h;
  batch_holder b(h.plan, ranked_records(), 2);
  REQUIRE(rdy_batch_count(b.batch) == 7);
  REQUIRE(rdy_batch_record_status(b.batch, 2) == RDY_ERR_PARSE);
  REQUIRE(rdy_batch_record_qualified(b.batch, 5) == 0);  // V is vetoed
  REQUIRE(rdy_batch_record_qualified(b.batch, 4) == 1);
  ranking_holder r(b.batch, nullptr);
  REQUIRE(rdy_ranking_count(r.ranking) == 6);  // the bad line is left out
  CHECK(rdy_ranking_inside_count(r.ranking) == 0);

  // The expected order, computed here from the batch's own accessors.
  using key = std::tuple<int, int64_t, std::string, size_t>;
  std::vector<key> expected;
  for (size_t i = 0; i < rdy_batch_count(b.batch); ++i)
    if (rdy_batch_record_status(b.batch, i) == RDY_OK)
      expected.emplace_back(-rdy_batch_record_qualified(b.batch, i),
                            -rdy_batch_record_points(b.batch, i, RDY_POINTS_TOTAL),
                            rdy_batch_record_id(b.batch, i), i);
  std::sort(expected.begin(), expected.end());
  for (size_t k = 0; k < expected.size(); ++k) {
    INFO("position " << k);
    size_t index = rdy_ranking_record_index(r.ranking, k);
    CHECK(std::string(rdy_ranking_record_id(r.ranking, k)) == std::get<2>(expected[k]));
    CHECK(std::string(rdy_batch_record_id(b.batch, index)) == std::get<2>(expected[k]));
    CHECK(rdy_ranking_record_points(r.ranking, k, RDY_POINTS_TOTAL) ==
          rdy_batch_record_points(b.batch, index, RDY_POINTS_TOTAL));
    CHECK(rdy_ranking_record_place(r.ranking, k) == static_cast<int64_t>(k + 1));
    CHECK(rdy_ranking_place_of(r.ranking, index) == static_cast<int64_t>(k + 1));
    CHECK(rdy_ranking_record_inside(r.ranking, k) == 0);
  }
  // The vetoed record is last although its total is the highest; ties on total go by id.
  std::vector<size_t> order;
  for (size_t k = 0; k < rdy_ranking_count(r.ranking); ++k)
    order.push_back(rdy_ranking_record_index(r.ranking, k));
  CHECK(order == std::vector<size_t>{0, 3, 1, 6, 4, 5});  // A, B2, C, B2, D, V
  CHECK(std::string(rdy_ranking_record_id(r.ranking, 5)) == "V");
  CHECK(rdy_batch_record_points(b.batch, 5, RDY_POINTS_TOTAL) >=
        rdy_batch_record_points(b.batch, 4, RDY_POINTS_TOTAL));
  CHECK(rdy_ranking_place_of(r.ranking, 2) == RDY_NO_VALUE);
  CHECK(rdy_ranking_inside_of(r.ranking, 2) == -1);
  // The duplicate id B2 maps to both of its batch records, once each.
  std::vector<size_t> b2;
  for (size_t k = 0; k < rdy_ranking_count(r.ranking); ++k)
    if (std::string(rdy_ranking_record_id(r.ranking, k)) == "B2")
      b2.push_back(rdy_ranking_record_index(r.ranking, k));
  std::sort(b2.begin(), b2.end());
  CHECK(b2 == std::vector<size_t>{3, 6});
}

TEST_CASE("a quota marks the first records inside: a count, a share, at least one",
          "[capi][rank]") {
  plan_holder h;
  batch_holder b(h.plan, ranked_records(), 1);
  struct expectation {
    const char* quota;
    size_t inside;
  };
  for (auto e : {expectation{"2", 2}, expectation{"0", 0}, expectation{"50%", 3},
                 expectation{"1%", 1}, expectation{"0%", 0}, expectation{"12.5%", 1},
                 expectation{"100%", 6}, expectation{"40", 6}, expectation{"", 0}}) {
    INFO("quota " << e.quota);
    ranking_holder r(b.batch, e.quota);
    CHECK(rdy_ranking_inside_count(r.ranking) == e.inside);
    for (size_t k = 0; k < rdy_ranking_count(r.ranking); ++k) {
      int inside = k < e.inside ? 1 : 0;
      CHECK(rdy_ranking_record_inside(r.ranking, k) == inside);
      CHECK(rdy_ranking_inside_of(r.ranking, rdy_ranking_record_index(r.ranking, k)) == inside);
    }
  }
}

TEST_CASE("a quota that is not a count or a share is an invalid argument naming it",
          "[capi][rank]") {
  plan_holder h;
  batch_holder b(h.plan, ranked_records(), 1);
  for (const char* quota : {"-1", "101%", "1.5", "ten", "10 %"}) {
    INFO("quota " << quota);
    rdy_ranking* r = nullptr;
    CHECK(rdy_batch_rank(b.batch, quota, &r) == RDY_ERR_INVALID_ARGUMENT);
    CHECK(r == nullptr);
    CHECK(std::string(rdy_last_error_message()).find(quota) != std::string::npos);
  }
}

TEST_CASE("the ranking document is readiness-ranking/1 and outlives the batch", "[capi][rank]") {
  plan_holder h;
  rdy_ranking* ranking = nullptr;
  {
    batch_holder b(h.plan, ranked_records(), 2);
    REQUIRE(rdy_batch_rank(b.batch, "50%", &ranking) == RDY_OK);
  }
  char* text = nullptr;
  size_t len = 0;
  REQUIRE(rdy_ranking_to_json(ranking, &text, &len) == RDY_OK);
  std::string json = owned(text, len);
  CHECK(json.find("\"format\": \"readiness-ranking/1\"") != std::string::npos);
  CHECK(json.find("\"quota\": \"50%\"") != std::string::npos);
  CHECK(json.find("\"count\": 6") != std::string::npos);
  CHECK(json.find("\"inside\": 3") != std::string::npos);
  CHECK(std::string(rdy_ranking_record_id(ranking, 5)) == "V");
  rdy_ranking_destroy(ranking);
}
