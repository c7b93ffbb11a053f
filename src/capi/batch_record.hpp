// What the C ABI's batch functions need besides the batch pipeline (io::run_batch): a record's
// result document, {"id": …, "score": <readiness-score/1>}. The pipeline hands on totals only, so
// the document is made here from the record's line, with the same rubric, evidence and target.
#ifndef READINESS_CAPI_BATCH_RECORD_HPP
#define READINESS_CAPI_BATCH_RECORD_HPP

#include <memory>
#include <string>
#include <string_view>

#include "capi/handles.hpp"

namespace readiness::capi {

// The scoring context of one batch (compiled rubric, evidence, target), shared by the batch
// handle so documents can still be made after the plan is destroyed. Immutable.
struct record_context;
std::shared_ptr<const record_context> make_record_context(const plan& rubric_plan);

// The result document of one record (one line of JSON Lines). Throws readiness::error for a bad
// record; `place` ("line 3") starts every error message.
std::string record_document(const record_context& context, std::string_view line,
                            const std::string& place);

// The flat totals the accessors read (defined with the scoring engine).
score_totals flatten_totals(const score_total& t);

}  // namespace readiness::capi

#endif
