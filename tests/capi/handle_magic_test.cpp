// Destroyed and foreign handles, as far as the library can tell (the magic number of handles.hpp).
//
// What is tested, and what is not: really using a handle after its destroy function reads freed
// memory, which is undefined behaviour, so no test does it. Instead the tests build handle
// structs of the library's own layout (src/capi/handles.hpp) in memory they own, clear the magic
// with the same function the destroy functions use, and hand them to the library: that is exactly
// what a destroyed handle looks like while its memory still holds the cleared number. Handles of
// the wrong type are real handles of another type.
#include <catch2/catch.hpp>

#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "capi/handles.hpp"
#include "capi_fixture.hpp"
#include "readiness/readiness.h"

using readiness::capi::batch_handle;
using readiness::capi::schedule_options_handle;

using capi_test::example_text;

namespace {

bool names_a_dead_handle(const char* type) {
  std::string message = rdy_last_error_message();
  INFO(message);
  return message.find(std::string("is not a live ") + type) != std::string::npos;
}

}  // namespace

TEST_CASE("a handle whose magic was cleared is refused by fallible calls", "[capi][magic]") {
  schedule_options_handle options;  // the library's layout, in memory the test owns
  rdy_schedule_options* h = readiness::capi::wrap(&options);
  REQUIRE(rdy_schedule_options_set_warn_days(h, 7) == RDY_OK);  // a live one is used
  CHECK(options.warn_days == 7);

  readiness::capi::retire_magic(&options);  // what rdy_schedule_options_destroy does first
  CHECK(rdy_schedule_options_set_warn_days(h, 9) == RDY_ERR_INVALID_ARGUMENT);
  CHECK(rdy_last_error_code() == RDY_ERR_INVALID_ARGUMENT);
  CHECK(names_a_dead_handle("rdy_schedule_options"));
  CHECK(options.warn_days == 7);  // not written

  std::string text = example_text();
  rdy_plan* plan = nullptr;
  REQUIRE(rdy_plan_load_json(text.data(), text.size(), &plan) == RDY_OK);
  rdy_schedule* schedule = nullptr;
  CHECK(rdy_plan_schedule(plan, h, &schedule) == RDY_ERR_INVALID_ARGUMENT);
  CHECK(schedule == nullptr);
  CHECK(names_a_dead_handle("rdy_schedule_options"));
  rdy_plan_destroy(plan);
}

TEST_CASE("a destroy function leaves a handle with a cleared magic alone", "[capi][magic]") {
  // Were the struct deleted, freeing memory on the stack would crash or be reported by the
  // sanitizers; left alone, its contents are unchanged.
  schedule_options_handle options;
  options.warn_days = 11;
  readiness::capi::retire_magic(&options);
  rdy_schedule_options_destroy(readiness::capi::wrap(&options));
  CHECK(options.warn_days == 11);
  CHECK(options.magic == readiness::capi::retired_magic);
}

TEST_CASE("accessors answer their neutral value for a handle whose magic was cleared",
          "[capi][magic]") {
  batch_handle batch;
  batch.records.resize(1);
  batch.records[0].has_id = true;
  batch.records[0].id = "kept";
  batch.records[0].status = RDY_ERR_PARSE;
  const rdy_batch* h = readiness::capi::wrap(&batch);
  REQUIRE(rdy_batch_count(h) == 1);
  REQUIRE(std::string(rdy_batch_record_id(h, 0)) == "kept");

  readiness::capi::retire_magic(&batch);
  CHECK(rdy_batch_count(h) == 0);
  CHECK(rdy_batch_record_id(h, 0) == nullptr);
  CHECK(rdy_batch_record_status(h, 0) == -1);
  char* text = nullptr;
  CHECK(rdy_batch_to_jsonl(h, &text, nullptr) == RDY_ERR_INVALID_ARGUMENT);
  CHECK(names_a_dead_handle("rdy_batch"));
  rdy_ranking* ranking = nullptr;
  CHECK(rdy_batch_rank(h, nullptr, &ranking) == RDY_ERR_INVALID_ARGUMENT);
  CHECK(ranking == nullptr);
}

TEST_CASE("a handle of another type is refused", "[capi][magic]") {
  std::string text = example_text();
  rdy_plan* plan = nullptr;
  REQUIRE(rdy_plan_load_json(text.data(), text.size(), &plan) == RDY_OK);
  rdy_score* score = nullptr;
  REQUIRE(rdy_plan_score(plan, &score) == RDY_OK);

  auto* score_as_plan = reinterpret_cast<const rdy_plan*>(score);
  char* json = nullptr;
  CHECK(rdy_plan_to_json(score_as_plan, 0, &json, nullptr) == RDY_ERR_INVALID_ARGUMENT);
  CHECK(json == nullptr);
  CHECK(names_a_dead_handle("rdy_plan"));
  CHECK(rdy_plan_title(score_as_plan) == nullptr);
  auto* plan_as_score = reinterpret_cast<const rdy_score*>(plan);
  CHECK(rdy_score_item_count(plan_as_score) == 0);
  CHECK(rdy_score_points(plan_as_score, RDY_POINTS_TOTAL) == RDY_NO_VALUE);
  rdy_score_destroy(reinterpret_cast<rdy_score*>(plan));  // ignored: not a score
  CHECK(rdy_plan_title(plan) != nullptr);                 // the plan is still there

  rdy_score_destroy(score);
  rdy_plan_destroy(plan);
}
