// One batch record's outcome, and the scorer the scoring module makes for a batch.
#ifndef READINESS_CAPI_BATCH_RECORD_HPP
#define READINESS_CAPI_BATCH_RECORD_HPP

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "capi/handles.hpp"

namespace readiness::capi {

// One record's outcome.
struct record_result {
  std::string id;
  bool has_id = false;
  int status = RDY_OK;
  std::uint64_t line = 0;
  std::string error;  // "line N: reason" for a bad record
  std::string json;   // {"id": …, "score": {…}} for a good one
  score_totals totals;
};

// Scores one line of JSON Lines (a record) against the rubric of a plan; throws readiness::error
// for a bad record. Made once per batch from the plan (defined with the scoring engine).
// `place` ("line 3") starts every error message.
using record_scorer = std::function<record_result(std::string_view line, const std::string& place)>;
record_scorer make_record_scorer(const plan& rubric_plan);

}  // namespace readiness::capi

#endif
