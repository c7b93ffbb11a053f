// The C ABI under abuse: every exported function (tests/capi/exported_symbols.txt) called with
// NULL handles and out-parameters, out-of-range indices and fields, invalid UTF-8 and huge values.
// Each must answer with a status or its documented neutral value — never a crash. A symbol
// without an abuse case here fails the test, so new functions get one.
//
// Destroyed or foreign handles are exercised in tests/capi/handle_magic_test.cpp (the magic number
// each handle carries); a really freed handle is the caller's bug (as with free()) and not used.
#include <catch2/catch.hpp>

#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "readiness/readiness.h"

namespace {

const size_t huge_index = SIZE_MAX;
const int bad_fields[] = {-1, 7, 1000, INT_MIN, INT_MAX};

std::string example_text() {
  std::ifstream in(READINESS_EXAMPLE_PLAN, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A fallible call given a bad argument: the status, the same code in the last error, a message.
void expect_status(int status, int expected) {
  INFO("last error: " << rdy_last_error_message());
  CHECK(status == expected);
  CHECK(rdy_last_error_code() == expected);
  CHECK(std::strlen(rdy_last_error_message()) > 0);
}
void expect_invalid(int status) {
  expect_status(status, RDY_ERR_INVALID_ARGUMENT);
}

// Valid objects to abuse the accessors of.
struct fixture {
  rdy_plan* plan = nullptr;
  rdy_score* score = nullptr;
  rdy_schedule* schedule = nullptr;
  rdy_forecast* forecast = nullptr;
  rdy_risk* risk = nullptr;
  rdy_batch* batch = nullptr;
  rdy_ranking* ranking = nullptr;
  rdy_schedule_options* schedule_options = nullptr;
  rdy_risk_options* risk_options = nullptr;

  fixture() {
    std::string text = example_text();
    REQUIRE(rdy_plan_load_json(text.data(), text.size(), &plan) == RDY_OK);
    REQUIRE(rdy_schedule_options_create(&schedule_options) == RDY_OK);
    REQUIRE(rdy_risk_options_create(&risk_options) == RDY_OK);
    REQUIRE(rdy_risk_options_set_iterations(risk_options, 50) == RDY_OK);
    REQUIRE(rdy_risk_options_set_threads(risk_options, 1) == RDY_OK);
    REQUIRE(rdy_plan_score(plan, &score) == RDY_OK);
    REQUIRE(rdy_plan_schedule(plan, nullptr, &schedule) == RDY_OK);
    REQUIRE(rdy_plan_forecast(plan, nullptr, &forecast) == RDY_OK);
    REQUIRE(rdy_plan_simulate(plan, risk_options, &risk) == RDY_OK);
    const char records[] = "{\"id\": \"a\"}\n{\"id\": 5}\n";
    REQUIRE(rdy_batch_run_jsonl(plan, records, sizeof records - 1, 1, &batch) == RDY_OK);
    REQUIRE(rdy_batch_rank(batch, "50%", &ranking) == RDY_OK);
  }
  ~fixture() {
    rdy_ranking_destroy(ranking);
    rdy_batch_destroy(batch);
    rdy_risk_destroy(risk);
    rdy_forecast_destroy(forecast);
    rdy_schedule_destroy(schedule);
    rdy_score_destroy(score);
    rdy_risk_options_destroy(risk_options);
    rdy_schedule_options_destroy(schedule_options);
    rdy_plan_destroy(plan);
  }
};

int stop_at_once(uint64_t, const char*, size_t, int, const char*, void*) {
  return 1;
}

using abuse_case = std::function<void(fixture&)>;

// Owned-string producers: NULL handle, NULL out.
template <typename H>
void abuse_to_json(int (*to_json)(const H*, char**, size_t*), const H* valid) {
  char* json = nullptr;
  size_t len = 0;
  expect_invalid(to_json(nullptr, &json, &len));
  CHECK(json == nullptr);
  expect_invalid(to_json(valid, nullptr, &len));
  REQUIRE(to_json(valid, &json, nullptr) == RDY_OK);  // out_len may be NULL
  rdy_free(json);
}

const std::map<std::string, abuse_case>& cases() {
  static const std::map<std::string, abuse_case> all{
      // Versions, errors, memory.
      {"rdy_abi_version", [](fixture&) { CHECK(rdy_abi_version() >= 1); }},
      {"rdy_version_number", [](fixture&) { CHECK(rdy_version_number() >= 0); }},
      {"rdy_version_string", [](fixture&) { CHECK(rdy_version_string() != nullptr); }},
      {"rdy_status_string",
       [](fixture&) {
         for (int s : {-1, 0, 14, 15, 99, INT_MIN, INT_MAX}) CHECK(rdy_status_string(s) != nullptr);
       }},
      {"rdy_last_error_code", [](fixture&) { (void)rdy_last_error_code(); }},
      {"rdy_last_error_message", [](fixture&) { CHECK(rdy_last_error_message() != nullptr); }},
      {"rdy_free", [](fixture&) { rdy_free(nullptr); }},
      {"rdy_light_string",
       [](fixture&) {
         for (int l : bad_fields) CHECK(rdy_light_string(l) == nullptr);
       }},
      // Dates.
      {"rdy_date_from_iso",
       [](fixture&) {
         int32_t days = 7;
         expect_invalid(rdy_date_from_iso(nullptr, &days));
         expect_invalid(rdy_date_from_iso("2026-10-12", nullptr));
         for (const char* text : {"", "\xff\xfe\xfd", "2026-02-30", "2026-10-12\xc0\xaf",
                                  "99999-01-01", "-2026-01-01", "2026-1-1", "0000-00-00"})
           expect_status(rdy_date_from_iso(text, &days), RDY_ERR_PARSE);
         std::string long_text(1 << 20, '2');
         expect_status(rdy_date_from_iso(long_text.c_str(), &days), RDY_ERR_PARSE);
         CHECK(days == 7);  // no out-parameter written on failure
       }},
      {"rdy_date_to_iso",
       [](fixture&) {
         char buf[11];
         size_t needed = 0;
         for (int32_t days : {INT32_MAX, INT32_MIN, RDY_NO_VALUE, 3000000})
           expect_invalid(rdy_date_to_iso(days, buf, sizeof buf, &needed));
         expect_status(rdy_date_to_iso(0, buf, 3, &needed), RDY_ERR_LIMIT);
         expect_invalid(rdy_date_to_iso(0, nullptr, 11, &needed));
         CHECK(rdy_date_to_iso(0, nullptr, 0, &needed) == RDY_OK);
         CHECK(needed == 11);
       }},
      // Plan.
      {"rdy_plan_load_json",
       [](fixture&) {
         rdy_plan* p = nullptr;
         expect_invalid(rdy_plan_load_json(nullptr, 5, &p));
         expect_invalid(rdy_plan_load_json("{}", 2, nullptr));
         expect_status(rdy_plan_load_json(nullptr, 0, &p), RDY_ERR_PARSE);
         const char bad_utf8[] = "{\"format\": \"readiness/1\", \"title\": \"\xed\xa0\x80\"}";
         expect_status(rdy_plan_load_json(bad_utf8, sizeof bad_utf8 - 1, &p), RDY_ERR_PARSE);
         const char with_nul[] = "{\"format\": \"readiness/1\"\0, \"rubric\": {}}";
         expect_status(rdy_plan_load_json(with_nul, sizeof with_nul - 1, &p), RDY_ERR_PARSE);
         // A length beyond the document limit is refused before a byte is read.
         expect_status(rdy_plan_load_json("{}", SIZE_MAX, &p), RDY_ERR_LIMIT);
         std::string deep = std::string(100000, '[') + std::string(100000, ']');
         expect_status(rdy_plan_load_json(deep.data(), deep.size(), &p), RDY_ERR_LIMIT);
         CHECK(p == nullptr);
       }},
      {"rdy_plan_load_file",
       [](fixture&) {
         rdy_plan* p = nullptr;
         expect_invalid(rdy_plan_load_file(nullptr, &p));
         expect_invalid(rdy_plan_load_file(READINESS_EXAMPLE_PLAN, nullptr));
         expect_status(rdy_plan_load_file("", &p), RDY_ERR_IO);
         expect_status(rdy_plan_load_file("/nonexistent/\xff\xfe.json", &p), RDY_ERR_IO);
         expect_status(rdy_plan_load_file("/", &p), RDY_ERR_IO);
         CHECK(p == nullptr);
       }},
      {"rdy_plan_destroy", [](fixture&) { rdy_plan_destroy(nullptr); }},
      {"rdy_plan_title", [](fixture&) { CHECK(rdy_plan_title(nullptr) == nullptr); }},
      {"rdy_plan_as_of", [](fixture&) { CHECK(rdy_plan_as_of(nullptr) == RDY_NO_VALUE); }},
      {"rdy_plan_to_json",
       [](fixture& f) {
         char* json = nullptr;
         expect_invalid(rdy_plan_to_json(nullptr, 0, &json, nullptr));
         expect_invalid(rdy_plan_to_json(f.plan, 0, nullptr, nullptr));
         for (int indent : {-1, 17, INT_MAX, INT_MIN})
           expect_invalid(rdy_plan_to_json(f.plan, indent, &json, nullptr));
         CHECK(json == nullptr);
       }},
      // Score.
      {"rdy_plan_score",
       [](fixture& f) {
         rdy_score* s = nullptr;
         expect_invalid(rdy_plan_score(nullptr, &s));
         expect_invalid(rdy_plan_score(f.plan, nullptr));
         CHECK(s == nullptr);
       }},
      {"rdy_score_destroy", [](fixture&) { rdy_score_destroy(nullptr); }},
      {"rdy_score_to_json", [](fixture& f) { abuse_to_json(rdy_score_to_json, f.score); }},
      {"rdy_score_points",
       [](fixture& f) {
         CHECK(rdy_score_points(nullptr, RDY_POINTS_TOTAL) == RDY_NO_VALUE);
         for (int field : bad_fields) CHECK(rdy_score_points(f.score, field) == RDY_NO_VALUE);
       }},
      {"rdy_score_points_double",
       [](fixture& f) {
         CHECK(std::isnan(rdy_score_points_double(nullptr, RDY_POINTS_TOTAL)));
         for (int field : bad_fields) CHECK(std::isnan(rdy_score_points_double(f.score, field)));
       }},
      {"rdy_score_grade", [](fixture&) { CHECK(rdy_score_grade(nullptr) == nullptr); }},
      {"rdy_score_qualified", [](fixture&) { CHECK(rdy_score_qualified(nullptr) == -1); }},
      {"rdy_score_as_of", [](fixture&) { CHECK(rdy_score_as_of(nullptr) == RDY_NO_VALUE); }},
      {"rdy_score_category_count", [](fixture&) { CHECK(rdy_score_category_count(nullptr) == 0); }},
      {"rdy_score_category_id",
       [](fixture& f) {
         CHECK(rdy_score_category_id(nullptr, 0) == nullptr);
         CHECK(rdy_score_category_id(f.score, huge_index) == nullptr);
       }},
      {"rdy_score_category_points",
       [](fixture& f) {
         CHECK(rdy_score_category_points(nullptr, 0) == RDY_NO_VALUE);
         CHECK(rdy_score_category_points(f.score, huge_index) == RDY_NO_VALUE);
       }},
      {"rdy_score_category_max",
       [](fixture& f) { CHECK(rdy_score_category_max(f.score, huge_index) == RDY_NO_VALUE); }},
      {"rdy_score_item_count", [](fixture&) { CHECK(rdy_score_item_count(nullptr) == 0); }},
      {"rdy_score_item_id",
       [](fixture& f) { CHECK(rdy_score_item_id(f.score, huge_index) == nullptr); }},
      {"rdy_score_item_category",
       [](fixture& f) { CHECK(rdy_score_item_category(f.score, huge_index) == nullptr); }},
      {"rdy_score_item_points",
       [](fixture& f) { CHECK(rdy_score_item_points(f.score, huge_index) == RDY_NO_VALUE); }},
      {"rdy_score_item_max",
       [](fixture& f) { CHECK(rdy_score_item_max(f.score, huge_index) == RDY_NO_VALUE); }},
      {"rdy_score_item_lost",
       [](fixture& f) { CHECK(rdy_score_item_lost(f.score, huge_index) == RDY_NO_VALUE); }},
      {"rdy_score_item_status",
       [](fixture& f) { CHECK(rdy_score_item_status(f.score, huge_index) == -1); }},
      {"rdy_score_item_rule",
       [](fixture& f) { CHECK(rdy_score_item_rule(f.score, huge_index) == nullptr); }},
      {"rdy_score_item_reason",
       [](fixture& f) { CHECK(rdy_score_item_reason(f.score, huge_index) == nullptr); }},
      {"rdy_score_find_item",
       [](fixture& f) {
         size_t index = 99;
         expect_invalid(rdy_score_find_item(nullptr, "1.1", &index));
         expect_invalid(rdy_score_find_item(f.score, nullptr, &index));
         expect_invalid(rdy_score_find_item(f.score, "1.1", nullptr));
         expect_status(rdy_score_find_item(f.score, "\xff\xfe", &index), RDY_ERR_NOT_FOUND);
         expect_status(rdy_score_find_item(f.score, "", &index), RDY_ERR_NOT_FOUND);
         CHECK(index == 99);
       }},
      // Schedule.
      {"rdy_schedule_options_create",
       [](fixture&) { expect_invalid(rdy_schedule_options_create(nullptr)); }},
      {"rdy_schedule_options_destroy", [](fixture&) { rdy_schedule_options_destroy(nullptr); }},
      {"rdy_schedule_options_set_status_date",
       [](fixture& f) {
         expect_invalid(rdy_schedule_options_set_status_date(nullptr, 0));
         for (int32_t days : {INT32_MAX, INT32_MIN + 1, 3000000})
           expect_invalid(rdy_schedule_options_set_status_date(f.schedule_options, days));
       }},
      {"rdy_schedule_options_set_levelling",
       [](fixture& f) {
         expect_invalid(rdy_schedule_options_set_levelling(nullptr, 1));
         for (int v : {-1, 2, INT_MAX})
           expect_invalid(rdy_schedule_options_set_levelling(f.schedule_options, v));
       }},
      {"rdy_schedule_options_set_warn_days",
       [](fixture& f) {
         expect_invalid(rdy_schedule_options_set_warn_days(nullptr, 3));
         for (int32_t v : {-1, 367, INT32_MAX, INT32_MIN})
           expect_invalid(rdy_schedule_options_set_warn_days(f.schedule_options, v));
       }},
      {"rdy_schedule_options_set_tolerance",
       [](fixture& f) {
         expect_invalid(rdy_schedule_options_set_tolerance(nullptr, 0.1));
         for (double v : {-0.1, 1.5, double(NAN), double(INFINITY), -double(INFINITY)})
           expect_invalid(rdy_schedule_options_set_tolerance(f.schedule_options, v));
       }},
      {"rdy_plan_schedule",
       [](fixture& f) {
         rdy_schedule* s = nullptr;
         expect_invalid(rdy_plan_schedule(nullptr, nullptr, &s));
         expect_invalid(rdy_plan_schedule(f.plan, nullptr, nullptr));
         CHECK(s == nullptr);
       }},
      {"rdy_schedule_destroy", [](fixture&) { rdy_schedule_destroy(nullptr); }},
      {"rdy_schedule_to_json", [](fixture& f) { abuse_to_json(rdy_schedule_to_json, f.schedule); }},
      {"rdy_schedule_as_of", [](fixture&) { CHECK(rdy_schedule_as_of(nullptr) == RDY_NO_VALUE); }},
      {"rdy_schedule_ready_by",
       [](fixture&) { CHECK(rdy_schedule_ready_by(nullptr) == RDY_NO_VALUE); }},
      {"rdy_schedule_finish",
       [](fixture&) { CHECK(rdy_schedule_finish(nullptr) == RDY_NO_VALUE); }},
      {"rdy_schedule_provisional",
       [](fixture&) { CHECK(rdy_schedule_provisional(nullptr) == -1); }},
      {"rdy_schedule_task_count", [](fixture&) { CHECK(rdy_schedule_task_count(nullptr) == 0); }},
      {"rdy_schedule_task_id",
       [](fixture& f) { CHECK(rdy_schedule_task_id(f.schedule, huge_index) == nullptr); }},
      {"rdy_schedule_find_task",
       [](fixture& f) {
         size_t index = 99;
         expect_invalid(rdy_schedule_find_task(nullptr, "T01", &index));
         expect_invalid(rdy_schedule_find_task(f.schedule, nullptr, &index));
         expect_invalid(rdy_schedule_find_task(f.schedule, "T01", nullptr));
         expect_status(rdy_schedule_find_task(f.schedule, "\xc0\xaf", &index), RDY_ERR_NOT_FOUND);
         CHECK(index == 99);
       }},
      {"rdy_schedule_task_date",
       [](fixture& f) {
         CHECK(rdy_schedule_task_date(f.schedule, huge_index, RDY_TASK_ES) == RDY_NO_VALUE);
         for (int field : bad_fields)
           CHECK(rdy_schedule_task_date(f.schedule, 0, field) == RDY_NO_VALUE);
       }},
      {"rdy_schedule_task_date_iso",
       [](fixture& f) {
         CHECK(rdy_schedule_task_date_iso(nullptr, 0, RDY_TASK_ES) == nullptr);
         for (int field : bad_fields)
           CHECK(rdy_schedule_task_date_iso(f.schedule, 0, field) == nullptr);
       }},
      {"rdy_schedule_task_total_float",
       [](fixture& f) {
         CHECK(rdy_schedule_task_total_float(f.schedule, huge_index) == RDY_NO_VALUE);
       }},
      {"rdy_schedule_task_free_float",
       [](fixture& f) {
         CHECK(rdy_schedule_task_free_float(f.schedule, huge_index) == RDY_NO_VALUE);
       }},
      {"rdy_schedule_task_remaining",
       [](fixture& f) {
         CHECK(rdy_schedule_task_remaining(f.schedule, huge_index) == RDY_NO_VALUE);
       }},
      {"rdy_schedule_task_critical",
       [](fixture& f) { CHECK(rdy_schedule_task_critical(f.schedule, huge_index) == -1); }},
      {"rdy_schedule_task_done",
       [](fixture& f) { CHECK(rdy_schedule_task_done(f.schedule, huge_index) == -1); }},
      {"rdy_schedule_task_summary",
       [](fixture& f) { CHECK(rdy_schedule_task_summary(f.schedule, huge_index) == -1); }},
      {"rdy_schedule_task_light",
       [](fixture& f) { CHECK(rdy_schedule_task_light(f.schedule, huge_index) == -1); }},
      {"rdy_schedule_driving_path_count",
       [](fixture&) { CHECK(rdy_schedule_driving_path_count(nullptr) == 0); }},
      {"rdy_schedule_driving_path_task",
       [](fixture& f) {
         CHECK(rdy_schedule_driving_path_task(f.schedule, huge_index) == nullptr);
       }},
      // Forecast.
      {"rdy_plan_forecast",
       [](fixture& f) {
         rdy_forecast* out = nullptr;
         expect_invalid(rdy_plan_forecast(nullptr, nullptr, &out));
         expect_invalid(rdy_plan_forecast(f.plan, nullptr, nullptr));
         CHECK(out == nullptr);
       }},
      {"rdy_forecast_destroy", [](fixture&) { rdy_forecast_destroy(nullptr); }},
      {"rdy_forecast_to_json", [](fixture& f) { abuse_to_json(rdy_forecast_to_json, f.forecast); }},
      {"rdy_forecast_ready_by",
       [](fixture&) { CHECK(rdy_forecast_ready_by(nullptr) == RDY_NO_VALUE); }},
      {"rdy_forecast_points",
       [](fixture& f) {
         for (int bad : bad_fields) {
           CHECK(rdy_forecast_points(f.forecast, bad, RDY_POINTS_TOTAL) == RDY_NO_VALUE);
           CHECK(rdy_forecast_points(f.forecast, RDY_FORECAST_NOW, bad) == RDY_NO_VALUE);
         }
       }},
      {"rdy_forecast_grade",
       [](fixture& f) {
         for (int bad : bad_fields) CHECK(rdy_forecast_grade(f.forecast, bad) == nullptr);
       }},
      {"rdy_forecast_qualified",
       [](fixture& f) {
         for (int bad : bad_fields) CHECK(rdy_forecast_qualified(f.forecast, bad) == -1);
       }},
      {"rdy_forecast_curve_count", [](fixture&) { CHECK(rdy_forecast_curve_count(nullptr) == 0); }},
      {"rdy_forecast_curve_date",
       [](fixture& f) { CHECK(rdy_forecast_curve_date(f.forecast, huge_index) == RDY_NO_VALUE); }},
      {"rdy_forecast_curve_points",
       [](fixture& f) {
         CHECK(rdy_forecast_curve_points(f.forecast, huge_index) == RDY_NO_VALUE);
       }},
      {"rdy_forecast_at_risk_count",
       [](fixture&) { CHECK(rdy_forecast_at_risk_count(nullptr) == 0); }},
      {"rdy_forecast_at_risk_task",
       [](fixture& f) { CHECK(rdy_forecast_at_risk_task(f.forecast, huge_index) == nullptr); }},
      {"rdy_forecast_at_risk_item",
       [](fixture& f) { CHECK(rdy_forecast_at_risk_item(f.forecast, huge_index) == nullptr); }},
      {"rdy_forecast_at_risk_unit",
       [](fixture& f) { CHECK(rdy_forecast_at_risk_unit(f.forecast, huge_index) == nullptr); }},
      {"rdy_forecast_at_risk_points",
       [](fixture& f) {
         CHECK(rdy_forecast_at_risk_points(f.forecast, huge_index) == RDY_NO_VALUE);
       }},
      {"rdy_forecast_uncovered_count",
       [](fixture&) { CHECK(rdy_forecast_uncovered_count(nullptr) == 0); }},
      {"rdy_forecast_uncovered_item",
       [](fixture& f) { CHECK(rdy_forecast_uncovered_item(f.forecast, huge_index) == nullptr); }},
      {"rdy_forecast_uncovered_lost",
       [](fixture& f) {
         CHECK(rdy_forecast_uncovered_lost(f.forecast, huge_index) == RDY_NO_VALUE);
       }},
      // Risk.
      {"rdy_risk_options_create",
       [](fixture&) { expect_invalid(rdy_risk_options_create(nullptr)); }},
      {"rdy_risk_options_destroy", [](fixture&) { rdy_risk_options_destroy(nullptr); }},
      {"rdy_risk_options_set_iterations",
       [](fixture& f) {
         expect_invalid(rdy_risk_options_set_iterations(nullptr, 10));
         for (uint64_t n : {uint64_t{0}, uint64_t{10000001}, uint64_t{1000000000000}, UINT64_MAX})
           expect_invalid(rdy_risk_options_set_iterations(f.risk_options, n));
       }},
      {"rdy_risk_options_set_seed",
       [](fixture& f) {
         expect_invalid(rdy_risk_options_set_seed(nullptr, 1));
         CHECK(rdy_risk_options_set_seed(f.risk_options, UINT64_MAX) == RDY_OK);
       }},
      {"rdy_risk_options_set_threads",
       [](fixture& f) {
         expect_invalid(rdy_risk_options_set_threads(nullptr, 1));
         for (int n : {-1, 257, INT_MAX, INT_MIN})
           expect_invalid(rdy_risk_options_set_threads(f.risk_options, n));
       }},
      {"rdy_risk_options_set_progress",
       [](fixture&) { expect_invalid(rdy_risk_options_set_progress(nullptr, nullptr, nullptr)); }},
      {"rdy_risk_options_set_status_date",
       [](fixture& f) {
         expect_invalid(rdy_risk_options_set_status_date(nullptr, 0));
         for (int32_t days : {INT32_MAX, INT32_MIN + 1})
           expect_invalid(rdy_risk_options_set_status_date(f.risk_options, days));
       }},
      {"rdy_plan_simulate",
       [](fixture& f) {
         rdy_risk* r = nullptr;
         expect_invalid(rdy_plan_simulate(nullptr, nullptr, &r));
         expect_invalid(rdy_plan_simulate(f.plan, f.risk_options, nullptr));
         CHECK(r == nullptr);
       }},
      {"rdy_risk_destroy", [](fixture&) { rdy_risk_destroy(nullptr); }},
      {"rdy_risk_to_json", [](fixture& f) { abuse_to_json(rdy_risk_to_json, f.risk); }},
      {"rdy_risk_iterations", [](fixture&) { CHECK(rdy_risk_iterations(nullptr) == 0); }},
      {"rdy_risk_seed", [](fixture&) { CHECK(rdy_risk_seed(nullptr) == 0); }},
      {"rdy_risk_finish",
       [](fixture& f) {
         for (int p : {0, 49, 51, 100, -50, INT_MAX})
           CHECK(rdy_risk_finish(f.risk, p) == RDY_NO_VALUE);
       }},
      {"rdy_risk_score",
       [](fixture& f) {
         for (int field : bad_fields) CHECK(std::isnan(rdy_risk_score(f.risk, field)));
       }},
      {"rdy_risk_task_count", [](fixture&) { CHECK(rdy_risk_task_count(nullptr) == 0); }},
      {"rdy_risk_task_id",
       [](fixture& f) { CHECK(rdy_risk_task_id(f.risk, huge_index) == nullptr); }},
      {"rdy_risk_task_p_on_time",
       [](fixture& f) { CHECK(std::isnan(rdy_risk_task_p_on_time(f.risk, huge_index))); }},
      {"rdy_risk_task_finish",
       [](fixture& f) {
         CHECK(rdy_risk_task_finish(f.risk, huge_index, 50) == RDY_NO_VALUE);
         CHECK(rdy_risk_task_finish(f.risk, 0, 51) == RDY_NO_VALUE);
       }},
      {"rdy_risk_task_criticality",
       [](fixture& f) { CHECK(std::isnan(rdy_risk_task_criticality(f.risk, huge_index))); }},
      {"rdy_risk_task_sensitivity",
       [](fixture& f) { CHECK(std::isnan(rdy_risk_task_sensitivity(f.risk, huge_index))); }},
      // Batch.
      {"rdy_batch_score_jsonl",
       [](fixture& f) {
         auto none = [](uint64_t, const char*, size_t, int, const char*, void*) { return 0; };
         expect_invalid(rdy_batch_score_jsonl(nullptr, "", 0, 1, none, nullptr));
         expect_invalid(rdy_batch_score_jsonl(f.plan, nullptr, 3, 1, none, nullptr));
         expect_invalid(rdy_batch_score_jsonl(f.plan, "", 0, 1, nullptr, nullptr));
         for (int threads : {-1, 257, INT_MAX, INT_MIN})
           expect_invalid(rdy_batch_score_jsonl(f.plan, "", 0, threads, none, nullptr));
         const char bad[] =
             "\xff\xfe\n{\"id\": \"\xc0\xaf\"}\n{\"id\":"
             "\n";
         CHECK(rdy_batch_score_jsonl(f.plan, bad, sizeof bad - 1, 2, none, nullptr) == RDY_OK);
         const char one[] = "{\"id\": \"a\"}\n";
         expect_status(rdy_batch_score_jsonl(f.plan, one, sizeof one - 1, 1, stop_at_once, nullptr),
                       RDY_ERR_CANCELLED);
       }},
      {"rdy_batch_run_jsonl",
       [](fixture& f) {
         rdy_batch* b = nullptr;
         expect_invalid(rdy_batch_run_jsonl(nullptr, "", 0, 1, &b));
         expect_invalid(rdy_batch_run_jsonl(f.plan, nullptr, 1, 1, &b));
         expect_invalid(rdy_batch_run_jsonl(f.plan, "", 0, 1, nullptr));
         expect_invalid(rdy_batch_run_jsonl(f.plan, "", 0, -5, &b));
         CHECK(b == nullptr);
         const char bad[] =
             "\xff\n[]\n{}\n{\"id\": null}\n"
             "\n\n";
         REQUIRE(rdy_batch_run_jsonl(f.plan, bad, sizeof bad - 1, 1, &b) == RDY_OK);
         CHECK(rdy_batch_count(b) == 4);
         CHECK(rdy_batch_failed_count(b) == 4);
         for (size_t i = 0; i < rdy_batch_count(b); ++i) {
           CHECK(rdy_batch_record_status(b, i) != RDY_OK);
           CHECK(rdy_batch_record_json(b, i) == nullptr);
           CHECK(std::strlen(rdy_batch_record_error(b, i)) > 0);
         }
         rdy_batch_destroy(b);
       }},
      {"rdy_batch_destroy", [](fixture&) { rdy_batch_destroy(nullptr); }},
      {"rdy_batch_to_jsonl",
       [](fixture& f) {
         char* text = nullptr;
         expect_invalid(rdy_batch_to_jsonl(nullptr, &text, nullptr));
         expect_invalid(rdy_batch_to_jsonl(f.batch, nullptr, nullptr));
         CHECK(text == nullptr);
       }},
      {"rdy_batch_count", [](fixture&) { CHECK(rdy_batch_count(nullptr) == 0); }},
      {"rdy_batch_failed_count", [](fixture&) { CHECK(rdy_batch_failed_count(nullptr) == 0); }},
      {"rdy_batch_record_id",
       [](fixture& f) {
         CHECK(rdy_batch_record_id(f.batch, huge_index) == nullptr);
         CHECK(rdy_batch_record_id(f.batch, 1) == nullptr);  // the record that could not be read
       }},
      {"rdy_batch_record_status",
       [](fixture& f) { CHECK(rdy_batch_record_status(f.batch, huge_index) == -1); }},
      {"rdy_batch_record_error",
       [](fixture& f) { CHECK(rdy_batch_record_error(f.batch, huge_index) == nullptr); }},
      {"rdy_batch_record_json",
       [](fixture& f) { CHECK(rdy_batch_record_json(f.batch, huge_index) == nullptr); }},
      {"rdy_batch_record_points",
       [](fixture& f) {
         CHECK(rdy_batch_record_points(f.batch, huge_index, RDY_POINTS_TOTAL) == RDY_NO_VALUE);
         for (int field : bad_fields)
           CHECK(rdy_batch_record_points(f.batch, 0, field) == RDY_NO_VALUE);
       }},
      {"rdy_batch_record_grade",
       [](fixture& f) { CHECK(rdy_batch_record_grade(f.batch, huge_index) == nullptr); }},
      {"rdy_batch_record_qualified",
       [](fixture& f) { CHECK(rdy_batch_record_qualified(f.batch, huge_index) == -1); }},
      {"rdy_batch_rank",
       [](fixture& f) {
         rdy_ranking* r = nullptr;
         expect_invalid(rdy_batch_rank(nullptr, "5", &r));
         expect_invalid(rdy_batch_rank(f.batch, "5", nullptr));
         for (const char* quota :
              {"-1", "101%", "1.5", "abc", "5%%", "\xff\xfe", "%", "99999999999999999999999"})
           expect_invalid(rdy_batch_rank(f.batch, quota, &r));
         CHECK(r == nullptr);
         REQUIRE(rdy_batch_rank(f.batch, "9223372036854775807", &r) == RDY_OK);
         CHECK(rdy_ranking_inside_count(r) == rdy_ranking_count(r));
         rdy_ranking_destroy(r);
       }},
      {"rdy_ranking_destroy", [](fixture&) { rdy_ranking_destroy(nullptr); }},
      {"rdy_ranking_to_json",
       [](fixture& f) { abuse_to_json<rdy_ranking>(rdy_ranking_to_json, f.ranking); }},
      {"rdy_ranking_count", [](fixture&) { CHECK(rdy_ranking_count(nullptr) == 0); }},
      {"rdy_ranking_inside_count", [](fixture&) { CHECK(rdy_ranking_inside_count(nullptr) == 0); }},
      {"rdy_ranking_record_index",
       [](fixture& f) {
         CHECK(rdy_ranking_record_index(nullptr, 0) == SIZE_MAX);
         CHECK(rdy_ranking_record_index(f.ranking, huge_index) == SIZE_MAX);
       }},
      {"rdy_ranking_record_id",
       [](fixture& f) {
         CHECK(rdy_ranking_record_id(nullptr, 0) == nullptr);
         CHECK(rdy_ranking_record_id(f.ranking, huge_index) == nullptr);
       }},
      {"rdy_ranking_record_place",
       [](fixture& f) {
         CHECK(rdy_ranking_record_place(nullptr, 0) == RDY_NO_VALUE);
         CHECK(rdy_ranking_record_place(f.ranking, huge_index) == RDY_NO_VALUE);
       }},
      {"rdy_ranking_record_inside",
       [](fixture& f) {
         CHECK(rdy_ranking_record_inside(nullptr, 0) == -1);
         CHECK(rdy_ranking_record_inside(f.ranking, huge_index) == -1);
       }},
      {"rdy_ranking_record_points",
       [](fixture& f) {
         CHECK(rdy_ranking_record_points(nullptr, 0, RDY_POINTS_TOTAL) == RDY_NO_VALUE);
         CHECK(rdy_ranking_record_points(f.ranking, huge_index, RDY_POINTS_TOTAL) == RDY_NO_VALUE);
         for (int field : bad_fields)
           CHECK(rdy_ranking_record_points(f.ranking, 0, field) == RDY_NO_VALUE);
       }},
      {"rdy_ranking_place_of",
       [](fixture& f) {
         CHECK(rdy_ranking_place_of(nullptr, 0) == RDY_NO_VALUE);
         CHECK(rdy_ranking_place_of(f.ranking, huge_index) == RDY_NO_VALUE);
         CHECK(rdy_ranking_place_of(f.ranking, 1) == RDY_NO_VALUE);  // the bad record
       }},
      {"rdy_ranking_inside_of",
       [](fixture& f) {
         CHECK(rdy_ranking_inside_of(nullptr, 0) == -1);
         CHECK(rdy_ranking_inside_of(f.ranking, huge_index) == -1);
         CHECK(rdy_ranking_inside_of(f.ranking, 1) == -1);  // the bad record
       }},
  };
  return all;
}

std::vector<std::string> exported_symbols() {
  std::ifstream in(READINESS_EXPORTED_SYMBOLS);
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#') out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("every exported function survives NULL, out-of-range, invalid UTF-8 and huge values",
          "[capi][abuse]") {
  auto symbols = exported_symbols();
  REQUIRE(symbols.size() > 50);
  fixture f;
  for (const auto& name : symbols) {
    DYNAMIC_SECTION(name) {
      auto it = cases().find(name);
      INFO("no abuse case for " << name << ": add one to tests/capi/abuse/abuse_test.cpp");
      REQUIRE(it != cases().end());
      it->second(f);
    }
  }
}

TEST_CASE("no abuse case names a function the library does not export", "[capi][abuse]") {
  auto symbols = exported_symbols();
  std::set<std::string> exported(symbols.begin(), symbols.end());
  for (const auto& [name, body] : cases()) {
    INFO(name);
    CHECK(exported.count(name) == 1);
  }
}

TEST_CASE("a failed call after abuse leaves the library usable", "[capi][abuse]") {
  fixture f;
  rdy_score* s = nullptr;
  REQUIRE(rdy_plan_score(f.plan, &s) == RDY_OK);
  CHECK(rdy_last_error_code() == RDY_OK);
  CHECK(std::string(rdy_last_error_message()).empty());
  rdy_score_destroy(s);
}
