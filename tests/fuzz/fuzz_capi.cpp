// Fuzz target: the C ABI entry points that take text. The first byte picks one:
//   0 rdy_plan_load_json (then every result and document of a plan that loads),
//   1 rdy_date_from_iso, 2 batch scoring of JSON Lines against a fixed plan.
// Every call must return a status; a failure must leave a message.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "readiness/readiness.h"

namespace {

const rdy_plan* rubric_plan() {
  static rdy_plan* plan = [] {
    rdy_plan* p = nullptr;
    if (rdy_plan_load_file(READINESS_FUZZ_RUBRIC_PLAN, &p) != RDY_OK) std::abort();
    return p;
  }();
  return plan;
}

void check_failure(int status) {
  if (status == RDY_OK) return;
  if (rdy_last_error_code() != status || rdy_last_error_message()[0] == '\0') std::abort();
}

void use_plan(const std::uint8_t* data, std::size_t size) {
  rdy_plan* plan = nullptr;
  int status = rdy_plan_load_json(reinterpret_cast<const char*>(data), size, &plan);
  check_failure(status);
  if (status != RDY_OK) return;
  char* json = nullptr;
  if (rdy_plan_to_json(plan, 0, &json, nullptr) == RDY_OK) rdy_free(json);
  rdy_score* score = nullptr;
  if (rdy_plan_score(plan, &score) == RDY_OK) {
    for (std::size_t i = 0; i < rdy_score_item_count(score); ++i)
      (void)rdy_score_item_reason(score, i);
    if (rdy_score_to_json(score, &json, nullptr) == RDY_OK) rdy_free(json);
    rdy_score_destroy(score);
  }
  rdy_forecast* forecast = nullptr;
  if (rdy_plan_forecast(plan, nullptr, &forecast) == RDY_OK) {
    if (rdy_forecast_to_json(forecast, &json, nullptr) == RDY_OK) rdy_free(json);
    rdy_forecast_destroy(forecast);
  }
  rdy_plan_destroy(plan);
}

void use_date(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);  // NUL-terminated copy
  std::int32_t days = 0;
  int status = rdy_date_from_iso(text.c_str(), &days);
  check_failure(status);
  if (status != RDY_OK) return;
  char buf[11];
  if (rdy_date_to_iso(days, buf, sizeof buf, nullptr) != RDY_OK) std::abort();
  if (std::strncmp(buf, text.c_str(), 10) != 0 && text.size() == 10) std::abort();
}

void use_batch(const std::uint8_t* data, std::size_t size) {
  rdy_batch* batch = nullptr;
  int status =
      rdy_batch_run_jsonl(rubric_plan(), reinterpret_cast<const char*>(data), size, 1, &batch);
  check_failure(status);
  if (status != RDY_OK) return;
  char* text = nullptr;
  if (rdy_batch_to_jsonl(batch, &text, nullptr) == RDY_OK) rdy_free(text);
  for (std::size_t i = 0; i < rdy_batch_count(batch); ++i) {
    (void)rdy_batch_record_id(batch, i);
    (void)rdy_batch_record_error(batch, i);
  }
  rdy_batch_destroy(batch);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  switch (data[0] % 3) {
    case 0:
      use_plan(data + 1, size - 1);
      break;
    case 1:
      use_date(data + 1, size - 1);
      break;
    default:
      use_batch(data + 1, size - 1);
      break;
  }
  return 0;
}
