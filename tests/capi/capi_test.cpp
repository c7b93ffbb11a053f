// The C ABI's contract, through the shared library only: status codes, the thread's last error,
// NULL arguments, ownership of results and strings, and no exception ever crossing the boundary.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "capi_fixture.hpp"
#include "readiness/error.hpp"
#include "readiness/readiness.h"
#include "readiness/version.h"

using capi_test::example_text;
using capi_test::plan_holder;

namespace {

// An engine this build does not have answers RDY_ERR_INTERNAL saying so; the test then only
// checks that answer.
bool wired(int status) {
  if (status == RDY_ERR_INTERNAL &&
      std::strstr(rdy_last_error_message(), "not part of this build") != nullptr) {
    WARN("not in this build: " << rdy_last_error_message());
    return false;
  }
  INFO(rdy_last_error_message());
  REQUIRE(status == RDY_OK);
  return true;
}

void set_some_error() {
  int32_t days = 0;
  REQUIRE(rdy_date_from_iso("not a date", &days) == RDY_ERR_PARSE);
}

}  // namespace

TEST_CASE("status codes equal readiness::errc values", "[capi]") {
  using readiness::errc;
  STATIC_REQUIRE(RDY_OK == static_cast<int>(errc::ok));
  STATIC_REQUIRE(RDY_ERR_INVALID_ARGUMENT == static_cast<int>(errc::invalid_argument));
  STATIC_REQUIRE(RDY_ERR_PARSE == static_cast<int>(errc::parse));
  STATIC_REQUIRE(RDY_ERR_VALIDATION == static_cast<int>(errc::validation));
  STATIC_REQUIRE(RDY_ERR_CYCLE == static_cast<int>(errc::cycle));
  STATIC_REQUIRE(RDY_ERR_NOT_FOUND == static_cast<int>(errc::not_found));
  STATIC_REQUIRE(RDY_ERR_IO == static_cast<int>(errc::io));
  STATIC_REQUIRE(RDY_ERR_STORE == static_cast<int>(errc::store));
  STATIC_REQUIRE(RDY_ERR_VERSION == static_cast<int>(errc::version));
  STATIC_REQUIRE(RDY_ERR_LIMIT == static_cast<int>(errc::limit));
  STATIC_REQUIRE(RDY_ERR_CANCELLED == static_cast<int>(errc::cancelled));
  STATIC_REQUIRE(RDY_ERR_OUT_OF_MEMORY == static_cast<int>(errc::out_of_memory));
  STATIC_REQUIRE(RDY_ERR_INTERNAL == static_cast<int>(errc::internal));
  STATIC_REQUIRE(RDY_ERR_BUSY == static_cast<int>(errc::busy));
  STATIC_REQUIRE(RDY_ERR_READ_ONLY == static_cast<int>(errc::read_only));
}

TEST_CASE("status strings are static text for every code, never NULL", "[capi]") {
  for (int code = -5; code < 40; ++code) REQUIRE(rdy_status_string(code) != nullptr);
  CHECK(std::string(rdy_status_string(RDY_ERR_CYCLE)) == "cycle");
  CHECK(std::string(rdy_status_string(-1)) == "unknown status");
}

TEST_CASE("versions agree with version.h", "[capi]") {
  CHECK(std::string(rdy_version_string()) == RDY_VERSION_STRING);
  CHECK(rdy_version_number() == RDY_VERSION_NUMBER);
  CHECK(rdy_abi_version() == RDY_ABI_VERSION);
}

TEST_CASE("a fallible call clears the last error on entry", "[capi]") {
  set_some_error();
  CHECK(rdy_last_error_code() == RDY_ERR_PARSE);
  CHECK(std::strlen(rdy_last_error_message()) > 0);
  int32_t days = 0;
  REQUIRE(rdy_date_from_iso("2026-01-01", &days) == RDY_OK);
  CHECK(rdy_last_error_code() == RDY_OK);
  CHECK(std::string(rdy_last_error_message()).empty());
}

TEST_CASE("accessors, destroy functions and rdy_free leave the last error alone", "[capi]") {
  plan_holder h;
  set_some_error();
  std::string before = rdy_last_error_message();
  (void)rdy_plan_title(h.plan);
  (void)rdy_plan_as_of(nullptr);
  (void)rdy_score_points(nullptr, RDY_POINTS_TOTAL);
  (void)rdy_schedule_task_id(nullptr, 3);
  (void)rdy_status_string(2);
  rdy_free(nullptr);
  rdy_score_destroy(nullptr);
  rdy_schedule_destroy(nullptr);
  rdy_schedule_options_destroy(nullptr);
  rdy_forecast_destroy(nullptr);
  rdy_risk_destroy(nullptr);
  rdy_risk_options_destroy(nullptr);
  rdy_batch_destroy(nullptr);
  rdy_plan_destroy(nullptr);
  CHECK(rdy_last_error_code() == RDY_ERR_PARSE);
  CHECK(before == rdy_last_error_message());
}

TEST_CASE("the last error is per thread", "[capi]") {
  set_some_error();
  int other_code = -1;
  std::thread([&] { other_code = rdy_last_error_code(); }).join();
  CHECK(other_code == RDY_OK);
  CHECK(rdy_last_error_code() == RDY_ERR_PARSE);
}

TEST_CASE("every fallible function refuses NULL arguments with RDY_ERR_INVALID_ARGUMENT",
          "[capi]") {
  plan_holder h;
  const rdy_plan* p = h.plan;
  char* json = nullptr;
  size_t index = 0;
  int32_t days = 0;
  rdy_plan* plan_out = nullptr;
  const int invalid = RDY_ERR_INVALID_ARGUMENT;
  CHECK(rdy_date_from_iso(nullptr, &days) == invalid);
  CHECK(rdy_date_from_iso("2026-01-01", nullptr) == invalid);
  CHECK(rdy_date_to_iso(0, nullptr, 5, nullptr) == invalid);
  CHECK(rdy_plan_load_json(nullptr, 1, &plan_out) == invalid);
  CHECK(rdy_plan_load_json("{}", 2, nullptr) == invalid);
  CHECK(rdy_plan_load_file(nullptr, &plan_out) == invalid);
  CHECK(rdy_plan_load_file("x.json", nullptr) == invalid);
  CHECK(rdy_plan_to_json(nullptr, 0, &json, nullptr) == invalid);
  CHECK(rdy_plan_to_json(p, 0, nullptr, nullptr) == invalid);
  CHECK(rdy_plan_to_json(p, -1, &json, nullptr) == invalid);
  CHECK(rdy_plan_score(nullptr, nullptr) == invalid);
  CHECK(rdy_plan_score(p, nullptr) == invalid);
  CHECK(rdy_score_to_json(nullptr, &json, nullptr) == invalid);
  CHECK(rdy_score_find_item(nullptr, "1.1", &index) == invalid);
  CHECK(rdy_schedule_options_create(nullptr) == invalid);
  CHECK(rdy_schedule_options_set_status_date(nullptr, 0) == invalid);
  CHECK(rdy_schedule_options_set_levelling(nullptr, 1) == invalid);
  CHECK(rdy_schedule_options_set_warn_days(nullptr, 1) == invalid);
  CHECK(rdy_schedule_options_set_tolerance(nullptr, 0.1) == invalid);
  CHECK(rdy_plan_schedule(nullptr, nullptr, nullptr) == invalid);
  CHECK(rdy_plan_schedule(p, nullptr, nullptr) == invalid);
  CHECK(rdy_schedule_to_json(nullptr, &json, nullptr) == invalid);
  CHECK(rdy_schedule_find_task(nullptr, "T01", &index) == invalid);
  CHECK(rdy_plan_forecast(nullptr, nullptr, nullptr) == invalid);
  CHECK(rdy_plan_forecast(p, nullptr, nullptr) == invalid);
  CHECK(rdy_forecast_to_json(nullptr, &json, nullptr) == invalid);
  CHECK(rdy_risk_options_create(nullptr) == invalid);
  CHECK(rdy_risk_options_set_iterations(nullptr, 10) == invalid);
  CHECK(rdy_risk_options_set_seed(nullptr, 1) == invalid);
  CHECK(rdy_risk_options_set_threads(nullptr, 1) == invalid);
  CHECK(rdy_risk_options_set_progress(nullptr, nullptr, nullptr) == invalid);
  CHECK(rdy_risk_options_set_status_date(nullptr, 0) == invalid);
  CHECK(rdy_plan_simulate(nullptr, nullptr, nullptr) == invalid);
  CHECK(rdy_plan_simulate(p, nullptr, nullptr) == invalid);
  CHECK(rdy_risk_to_json(nullptr, &json, nullptr) == invalid);
  CHECK(rdy_batch_score_jsonl(nullptr, "", 0, 0, nullptr, nullptr) == invalid);
  CHECK(rdy_batch_score_jsonl(p, nullptr, 4, 0, nullptr, nullptr) == invalid);
  CHECK(rdy_batch_score_jsonl(p, "", 0, 0, nullptr, nullptr) == invalid);
  CHECK(rdy_batch_score_jsonl(p, "", 0, -3, nullptr, nullptr) == invalid);
  CHECK(rdy_batch_run_jsonl(nullptr, "", 0, 0, nullptr) == invalid);
  CHECK(rdy_batch_run_jsonl(p, "", 0, 0, nullptr) == invalid);
  CHECK(rdy_batch_to_jsonl(nullptr, &json, nullptr) == invalid);
  CHECK(rdy_last_error_code() == invalid);
  CHECK(std::string(rdy_last_error_message()).find("NULL") != std::string::npos);
}

TEST_CASE("the message of a NULL argument names the function and the argument", "[capi]") {
  REQUIRE(rdy_plan_score(nullptr, nullptr) == RDY_ERR_INVALID_ARGUMENT);
  CHECK(std::string(rdy_last_error_message()) == "rdy_plan_score: plan is NULL");
}

TEST_CASE("accessors give neutral values for NULL handles and indices out of range", "[capi]") {
  CHECK(rdy_plan_title(nullptr) == nullptr);
  CHECK(rdy_plan_as_of(nullptr) == RDY_NO_VALUE);
  CHECK(rdy_score_points(nullptr, RDY_POINTS_TOTAL) == RDY_NO_VALUE);
  CHECK(std::isnan(rdy_score_points_double(nullptr, RDY_POINTS_TOTAL)));
  CHECK(rdy_score_grade(nullptr) == nullptr);
  CHECK(rdy_score_qualified(nullptr) == -1);
  CHECK(rdy_score_item_count(nullptr) == 0);
  CHECK(rdy_score_item_id(nullptr, 0) == nullptr);
  CHECK(rdy_score_item_status(nullptr, 0) == -1);
  CHECK(rdy_score_category_points(nullptr, 0) == RDY_NO_VALUE);
  CHECK(rdy_schedule_task_count(nullptr) == 0);
  CHECK(rdy_schedule_task_date(nullptr, 0, RDY_TASK_ES) == RDY_NO_VALUE);
  CHECK(rdy_schedule_task_date_iso(nullptr, 0, RDY_TASK_ES) == nullptr);
  CHECK(rdy_schedule_task_light(nullptr, 0) == -1);
  CHECK(rdy_schedule_provisional(nullptr) == -1);
  CHECK(rdy_schedule_driving_path_task(nullptr, 0) == nullptr);
  CHECK(rdy_forecast_points(nullptr, RDY_FORECAST_NOW, RDY_POINTS_TOTAL) == RDY_NO_VALUE);
  CHECK(rdy_forecast_curve_count(nullptr) == 0);
  CHECK(rdy_forecast_at_risk_task(nullptr, 0) == nullptr);
  CHECK(rdy_risk_iterations(nullptr) == 0);
  CHECK(std::isnan(rdy_risk_score(nullptr, RDY_RISK_MEAN)));
  CHECK(rdy_risk_task_finish(nullptr, 0, 50) == RDY_NO_VALUE);
  CHECK(rdy_batch_count(nullptr) == 0);
  CHECK(rdy_batch_record_status(nullptr, 0) == -1);
  CHECK(rdy_batch_record_json(nullptr, 0) == nullptr);
  CHECK(rdy_light_string(RDY_LIGHT_RED) == std::string("red"));
  CHECK(rdy_light_string(17) == nullptr);
}

TEST_CASE("dates convert both ways and refuse days that do not exist", "[capi]") {
  int32_t days = 0;
  REQUIRE(rdy_date_from_iso("1970-01-01", &days) == RDY_OK);
  CHECK(days == 0);
  REQUIRE(rdy_date_from_iso("1969-12-31", &days) == RDY_OK);
  CHECK(days == -1);
  REQUIRE(rdy_date_from_iso("2026-10-12", &days) == RDY_OK);
  CHECK(days == 20738);
  for (const char* bad :
       {"2026-02-30", "2026-2-3", " 2026-01-01", "2026-01-01x", "", "0000-01-01"}) {
    days = 7;
    CHECK(rdy_date_from_iso(bad, &days) == RDY_ERR_PARSE);
    CHECK(days == 7);  // out-parameters are not written on failure
  }
  char buf[16];
  size_t needed = 0;
  REQUIRE(rdy_date_to_iso(-1, nullptr, 0, &needed) == RDY_OK);
  CHECK(needed == 11);
  REQUIRE(rdy_date_to_iso(-1, buf, sizeof buf, &needed) == RDY_OK);
  CHECK(std::string(buf) == "1969-12-31");
  std::strcpy(buf, "unchanged");
  CHECK(rdy_date_to_iso(0, buf, 10, nullptr) == RDY_ERR_LIMIT);
  CHECK(std::string(buf) == "unchanged");
  CHECK(rdy_date_to_iso(100000000, buf, sizeof buf, nullptr) == RDY_ERR_INVALID_ARGUMENT);
  for (int32_t d = -3000; d < 30000; d += 97) {
    REQUIRE(rdy_date_to_iso(d, buf, sizeof buf, nullptr) == RDY_OK);
    int32_t back = 0;
    REQUIRE(rdy_date_from_iso(buf, &back) == RDY_OK);
    REQUIRE(back == d);
  }
}

TEST_CASE("broken plans fail with the status and the place", "[capi]") {
  rdy_plan* plan = nullptr;
  SECTION("malformed JSON is a parse error") {
    std::string text = "{\"format\": \"readiness/1\",";
    CHECK(rdy_plan_load_json(text.data(), text.size(), &plan) == RDY_ERR_PARSE);
  }
  SECTION("an unknown key is a validation error naming its JSON pointer") {
    std::string text = example_text();
    text.insert(1, "\"titel\": \"x\", ");
    CHECK(rdy_plan_load_json(text.data(), text.size(), &plan) == RDY_ERR_VALIDATION);
    CHECK(std::string(rdy_last_error_message()).find("/titel") != std::string::npos);
  }
  SECTION("a missing file is an i/o error naming the path") {
    CHECK(rdy_plan_load_file("no/such/plan.json", &plan) == RDY_ERR_IO);
    CHECK(std::string(rdy_last_error_message()).find("no/such/plan.json") != std::string::npos);
  }
  SECTION("text is taken by length, not up to a NUL") {
    std::string text = example_text();
    CHECK(rdy_plan_load_json(text.data(), text.size() / 2, &plan) == RDY_ERR_PARSE);
  }
  CHECK(plan == nullptr);
}

TEST_CASE("a plan loads from text and file alike and writes back its document", "[capi]") {
  plan_holder h;
  rdy_plan* from_file = nullptr;
  REQUIRE(rdy_plan_load_file(READINESS_EXAMPLE_PLAN, &from_file) == RDY_OK);
  CHECK(std::string(rdy_plan_title(h.plan)) == rdy_plan_title(from_file));
  CHECK(rdy_plan_as_of(h.plan) == rdy_plan_as_of(from_file));
  char* a = nullptr;
  char* b = nullptr;
  size_t len = 0;
  REQUIRE(rdy_plan_to_json(h.plan, 2, &a, &len) == RDY_OK);
  CHECK(std::strlen(a) == len);
  REQUIRE(rdy_plan_to_json(from_file, 2, &b, nullptr) == RDY_OK);
  CHECK(std::string(a) == b);
  rdy_plan* again = nullptr;
  REQUIRE(rdy_plan_load_json(a, len, &again) == RDY_OK);
  rdy_free(a);
  rdy_free(b);
  rdy_plan_destroy(again);
  rdy_plan_destroy(from_file);
}

TEST_CASE("a score stays valid after its plan is destroyed", "[capi]") {
  rdy_score* score = nullptr;
  std::string grade, first_item;
  int64_t total = 0;
  {
    plan_holder h;
    if (!wired(rdy_plan_score(h.plan, &score))) return;
    grade = rdy_score_grade(score);
    first_item = rdy_score_item_id(score, 0);
    total = rdy_score_points(score, RDY_POINTS_TOTAL);
  }
  CHECK(rdy_score_grade(score) == grade);
  CHECK(rdy_score_item_id(score, 0) == first_item);
  CHECK(rdy_score_points(score, RDY_POINTS_TOTAL) == total);
  CHECK(rdy_score_points_double(score, RDY_POINTS_TOTAL) == Approx(total / 100.0));
  size_t index = 99;
  REQUIRE(rdy_score_find_item(score, first_item.c_str(), &index) == RDY_OK);
  CHECK(index == 0);
  index = 99;
  CHECK(rdy_score_find_item(score, "9.99.nope", &index) == RDY_ERR_NOT_FOUND);
  CHECK(index == 99);
  CHECK(std::string(rdy_last_error_message()).find("9.99.nope") != std::string::npos);
  CHECK(rdy_score_item_id(score, rdy_score_item_count(score)) == nullptr);
  CHECK(rdy_score_item_points(score, 100000) == RDY_NO_VALUE);
  CHECK(rdy_score_points(score, -1) == RDY_NO_VALUE);
  rdy_score_destroy(score);
}

TEST_CASE("threads score one plan concurrently with identical results", "[capi]") {
  plan_holder h;
  rdy_score* first = nullptr;
  if (!wired(rdy_plan_score(h.plan, &first))) return;
  int64_t expected = rdy_score_points(first, RDY_POINTS_TOTAL);
  rdy_score_destroy(first);
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        rdy_score* s = nullptr;
        if (rdy_plan_score(h.plan, &s) != RDY_OK ||
            rdy_score_points(s, RDY_POINTS_TOTAL) != expected)
          ++mismatches;
        rdy_score_destroy(s);
      }
    });
  for (auto& t : threads) t.join();
  CHECK(mismatches == 0);
}

TEST_CASE("schedule options check their ranges", "[capi]") {
  rdy_schedule_options* o = nullptr;
  REQUIRE(rdy_schedule_options_create(&o) == RDY_OK);
  CHECK(rdy_schedule_options_set_tolerance(o, -0.1) == RDY_ERR_INVALID_ARGUMENT);
  CHECK(rdy_schedule_options_set_tolerance(o, std::nan("")) == RDY_ERR_INVALID_ARGUMENT);
  CHECK(rdy_schedule_options_set_tolerance(o, 0.25) == RDY_OK);
  CHECK(rdy_schedule_options_set_warn_days(o, -1) == RDY_ERR_INVALID_ARGUMENT);
  CHECK(rdy_schedule_options_set_warn_days(o, 10) == RDY_OK);
  CHECK(rdy_schedule_options_set_levelling(o, 2) == RDY_ERR_INVALID_ARGUMENT);
  CHECK(rdy_schedule_options_set_status_date(o, 2000000000) == RDY_ERR_INVALID_ARGUMENT);
  CHECK(rdy_schedule_options_set_status_date(o, RDY_NO_VALUE) == RDY_OK);
  rdy_schedule_options_destroy(o);
}

TEST_CASE("a schedule stays valid after plan and options are destroyed", "[capi]") {
  rdy_schedule* s = nullptr;
  {
    plan_holder h;
    rdy_schedule_options* o = nullptr;
    REQUIRE(rdy_schedule_options_create(&o) == RDY_OK);
    int status = rdy_plan_schedule(h.plan, o, &s);
    rdy_schedule_options_destroy(o);
    if (!wired(status)) return;
  }
  REQUIRE(rdy_schedule_task_count(s) > 0);
  for (size_t i = 0; i < rdy_schedule_task_count(s); ++i) {
    int32_t es = rdy_schedule_task_date(s, i, RDY_TASK_ES);
    char buf[11];
    REQUIRE(rdy_date_to_iso(es, buf, sizeof buf, nullptr) == RDY_OK);
    CHECK(std::string(rdy_schedule_task_date_iso(s, i, RDY_TASK_ES)) == buf);
  }
  CHECK(rdy_schedule_task_date(s, 0, 42) == RDY_NO_VALUE);
  size_t index = 0;
  CHECK(rdy_schedule_find_task(s, "no-such-task", &index) == RDY_ERR_NOT_FOUND);
  char* json = nullptr;
  REQUIRE(rdy_schedule_to_json(s, &json, nullptr) == RDY_OK);
  CHECK(std::string(json).find("readiness-schedule/1") != std::string::npos);
  rdy_free(json);
  rdy_schedule_destroy(s);
}

TEST_CASE("a cyclic plan fails to schedule with RDY_ERR_CYCLE naming the tasks", "[capi]") {
  rdy_plan* plan = nullptr;
  std::string cyclic = R"({"format": "readiness/1", "title": "cycle",
    "rubric": {"id": "r", "title": "r", "total": 1, "grades": [{"min": 0, "label": "x"}],
      "categories": [{"id": "1", "title": "c", "points": 1, "items": [
        {"id": "1.1", "title": "i", "points": 1, "rule": {"kind": "check"}}]}]},
    "assessment": {"as_of": "2026-07-30", "items": {}},
    "inspection": {"arrives": "2026-10-12"},
    "tasks": [{"id": "A", "title": "a", "duration": 2, "after": ["B"]},
              {"id": "B", "title": "b", "duration": 2, "after": ["A"]}]})";
  int status = rdy_plan_load_json(cyclic.data(), cyclic.size(), &plan);
  if (status == RDY_ERR_CYCLE || status == RDY_ERR_VALIDATION) {
    CHECK(std::string(rdy_last_error_message()).find("A") != std::string::npos);
    return;  // the reader already refuses it
  }
  REQUIRE(status == RDY_OK);
  rdy_schedule* s = nullptr;
  status = rdy_plan_schedule(plan, nullptr, &s);
  if (wired(status == RDY_ERR_CYCLE ? RDY_OK : status)) {
    CHECK(status == RDY_ERR_CYCLE);
    std::string message = rdy_last_error_message();
    CHECK(message.find("A") != std::string::npos);
    CHECK(message.find("B") != std::string::npos);
    CHECK(s == nullptr);
  }
  rdy_plan_destroy(plan);
}

TEST_CASE("risk options check their ranges and results come back identical per seed", "[capi]") {
  rdy_risk_options* o = nullptr;
  REQUIRE(rdy_risk_options_create(&o) == RDY_OK);
  CHECK(rdy_risk_options_set_iterations(o, 0) == RDY_ERR_INVALID_ARGUMENT);
  CHECK(rdy_risk_options_set_iterations(o, 20000000) == RDY_ERR_INVALID_ARGUMENT);
  CHECK(rdy_risk_options_set_threads(o, 1000) == RDY_ERR_INVALID_ARGUMENT);
  REQUIRE(rdy_risk_options_set_iterations(o, 300) == RDY_OK);
  REQUIRE(rdy_risk_options_set_seed(o, 7) == RDY_OK);
  plan_holder h;
  rdy_risk* one = nullptr;
  if (wired(rdy_plan_simulate(h.plan, o, &one))) {
    REQUIRE(rdy_risk_options_set_threads(o, 3) == RDY_OK);
    rdy_risk* three = nullptr;
    REQUIRE(rdy_plan_simulate(h.plan, o, &three) == RDY_OK);
    char* a = nullptr;
    char* b = nullptr;
    REQUIRE(rdy_risk_to_json(one, &a, nullptr) == RDY_OK);
    REQUIRE(rdy_risk_to_json(three, &b, nullptr) == RDY_OK);
    CHECK(std::string(a) == b);
    rdy_free(a);
    rdy_free(b);
    rdy_risk_destroy(three);
  }
  rdy_risk_destroy(one);
  rdy_risk_options_destroy(o);
}

TEST_CASE("a progress callback that throws does not unwind through the library", "[capi]") {
  plan_holder h;
  rdy_risk_options* o = nullptr;
  REQUIRE(rdy_risk_options_create(&o) == RDY_OK);
  REQUIRE(rdy_risk_options_set_iterations(o, 200) == RDY_OK);
  REQUIRE(rdy_risk_options_set_threads(o, 1) == RDY_OK);
  REQUIRE(rdy_risk_options_set_progress(
              o, [](uint64_t, uint64_t, void*) -> int { throw std::runtime_error("host bug"); },
              nullptr) == RDY_OK);
  rdy_risk* r = nullptr;
  int status = rdy_plan_simulate(h.plan, o, &r);
  if (!(status == RDY_ERR_INTERNAL &&
        std::strstr(rdy_last_error_message(), "not part of this build"))) {
    CHECK(status == RDY_ERR_INTERNAL);
    CHECK(std::string(rdy_last_error_message()).find("host bug") != std::string::npos);
    CHECK(r == nullptr);
  }
  rdy_risk_options_destroy(o);
}

TEST_CASE("a batch callback that throws is caught and a non-zero return cancels", "[capi]") {
  plan_holder h;
  std::string records =
      "{\"id\": \"A\", \"items\": {}}\n{\"id\": \"B\", \"items\": {}}\n{\"id\": \"C\"}\n";
  int calls = 0;
  int status = rdy_batch_score_jsonl(
      h.plan, records.data(), records.size(), 1,
      [](uint64_t, const char*, size_t, int, const char*, void* user) -> int {
        return ++*static_cast<int*>(user) == 2 ? 1 : 0;
      },
      &calls);
  if (!wired(status == RDY_ERR_CANCELLED ? RDY_OK : status)) return;
  CHECK(status == RDY_ERR_CANCELLED);
  CHECK(calls == 2);
  status = rdy_batch_score_jsonl(
      h.plan, records.data(), records.size(), 1,
      [](uint64_t, const char*, size_t, int, const char*, void*) -> int {
        throw std::runtime_error("host bug");
      },
      nullptr);
  CHECK(status == RDY_ERR_INTERNAL);
  CHECK(std::string(rdy_last_error_message()).find("host bug") != std::string::npos);
}

TEST_CASE("a batch reports bad records per record and keeps going", "[capi]") {
  plan_holder h;
  std::string records =
      "{\"id\": \"A\", \"items\": {}}\n\nnot json\n{\"id\": \"C\", \"items\": {}}\n";
  rdy_batch* b = nullptr;
  if (!wired(rdy_batch_run_jsonl(h.plan, records.data(), records.size(), 2, &b))) return;
  REQUIRE(rdy_batch_count(b) == 3);
  CHECK(rdy_batch_failed_count(b) == 1);
  CHECK(rdy_batch_record_status(b, 1) == RDY_ERR_PARSE);
  CHECK(std::string(rdy_batch_record_error(b, 1)).rfind("line 3: ", 0) == 0);
  CHECK(rdy_batch_record_id(b, 1) == nullptr);
  CHECK(std::string(rdy_batch_record_id(b, 2)) == "C");
  CHECK(rdy_batch_record_points(b, 1, RDY_POINTS_TOTAL) == RDY_NO_VALUE);
  CHECK(rdy_batch_record_points(b, 0, RDY_POINTS_TOTAL) >= 0);
  CHECK(rdy_batch_record_status(b, 3) == -1);
  char* text = nullptr;
  size_t len = 0;
  REQUIRE(rdy_batch_to_jsonl(b, &text, &len) == RDY_OK);
  std::string lines(text, len);
  rdy_free(text);
  CHECK(std::count(lines.begin(), lines.end(), '\n') == 3);
  CHECK(lines.find("{\"line\":3,\"status\":2,") != std::string::npos);
  rdy_batch_destroy(b);
}

TEST_CASE("an empty batch gives no records", "[capi]") {
  plan_holder h;
  rdy_batch* b = nullptr;
  if (!wired(rdy_batch_run_jsonl(h.plan, nullptr, 0, 0, &b))) return;
  CHECK(rdy_batch_count(b) == 0);
  rdy_batch_destroy(b);
}

TEST_CASE("a forecast stays valid after its plan is destroyed", "[capi]") {
  rdy_forecast* f = nullptr;
  {
    plan_holder h;
    if (!wired(rdy_plan_forecast(h.plan, nullptr, &f))) return;
  }
  CHECK(rdy_forecast_curve_count(f) > 0);
  CHECK(rdy_forecast_points(f, RDY_FORECAST_ON_DAY, RDY_POINTS_TOTAL) != RDY_NO_VALUE);
  CHECK(rdy_forecast_points(f, RDY_FORECAST_NOW, RDY_POINTS_TOTAL) != RDY_NO_VALUE);
  CHECK(rdy_forecast_grade(f, 3) == nullptr);
  char* json = nullptr;
  if (wired(rdy_forecast_to_json(f, &json, nullptr))) {
    CHECK(std::string(json).find("readiness-forecast/1") != std::string::npos);
    rdy_free(json);
  }
  rdy_forecast_destroy(f);
}
