// The score document, "readiness-score/1" (SPEC §10): the one writer the CLI, the C ABI and
// Python share.
#ifndef READINESS_SCORE_IO_HPP
#define READINESS_SCORE_IO_HPP

#include <string>

#include "readiness/scoring.hpp"

namespace readiness::io {

// The whole document. Items, categories and blanks in id order; shortfalls by points lost
// (descending), then id. Beyond the required keys it adds item title/owner/reason, category
// title/ratio and bonus_opportunities. indent 0 writes one line.
std::string write_score_json(const score_result& result, int indent = 0);

}  // namespace readiness::io

#endif
