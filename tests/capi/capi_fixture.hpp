// What the C ABI tests share: the example plan's text, the ranked batch records, and owners of a
// loaded plan and of a batch that destroy them at the end of a test.
#ifndef READINESS_TESTS_CAPI_FIXTURE_HPP
#define READINESS_TESTS_CAPI_FIXTURE_HPP

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "readiness/readiness.h"

namespace capi_test {

inline std::string file_text(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string example_text() {
  return file_text(READINESS_EXAMPLE_PLAN);
}

// ranked_records.jsonl: the example plan's assessment with every veto off and category 2 full
// (so it is qualified), then varied — A (75.60), C and B2 tie (74.60), a bad line, D (70.60),
// V (A with veto V1: disqualified, 75.60), and B2 again with another total (72.60).
inline std::string ranked_records() {
  std::string text = file_text(READINESS_RANKED_RECORDS);
  REQUIRE(!text.empty());
  return text;
}

struct plan_holder {
  rdy_plan* plan = nullptr;
  plan_holder() {
    std::string text = example_text();
    REQUIRE(rdy_plan_load_json(text.data(), text.size(), &plan) == RDY_OK);
  }
  ~plan_holder() { rdy_plan_destroy(plan); }
};

struct batch_holder {
  rdy_batch* batch = nullptr;
  batch_holder(const rdy_plan* plan, const std::string& records, int threads) {
    INFO(rdy_last_error_message());
    REQUIRE(rdy_batch_run_jsonl(plan, records.data(), records.size(), threads, &batch) == RDY_OK);
  }
  ~batch_holder() { rdy_batch_destroy(batch); }
};

}  // namespace capi_test

#endif
