// Batch ranking (SPEC §6): many score results against one rubric, ranked by qualified (qualified
// first), then total (descending), then id; a quota marks those inside it.
//
// A quota is a count ("5": the first five) or a share ("10%": ⌊share × n⌋ of n results, but at
// least 1 when n > 0 and the share is above 0). It never exceeds n. Places are 1, 2, 3, … in rank
// order (results that tie on qualified and total keep their id order and distinct places).
#ifndef READINESS_RANK_HPP
#define READINESS_RANK_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "readiness/decimal.hpp"
#include "readiness/scoring.hpp"

namespace readiness {

struct quota {
  bool is_share = false;
  std::int64_t count = 0;  // is_share false
  fraction share;          // is_share true: 0 … 1
};

// "5" or "10%" / "12.5%"; errc::invalid_argument naming the text otherwise (negative, over
// 100%, not a number).
quota parse_quota(std::string_view text);

// How many of n results a quota takes.
std::int64_t quota_size(const quota& q, std::int64_t n);

struct scored_record {
  std::string id;
  score_total total;
};

struct ranked_record {
  std::string id;
  score_total total;
  std::int64_t place = 0;  // 1-based
  bool inside = false;     // within the quota (false for all without one)
};

struct ranking {
  std::vector<ranked_record> records;  // in rank order
  std::optional<quota> applied;
  std::int64_t inside = 0;  // how many are inside
};

ranking rank(std::vector<scored_record> records, const std::optional<quota>& q);

}  // namespace readiness

#endif
