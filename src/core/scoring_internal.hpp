// The compiled rubric's insides and the per-item rule evaluation, shared by the scoring files.
#ifndef READINESS_CORE_SCORING_INTERNAL_HPP
#define READINESS_CORE_SCORING_INTERNAL_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "readiness/scoring.hpp"

namespace readiness::detail {

enum class section : std::uint8_t { regular, bonus, penalty };

struct compiled_item {
  const item* source = nullptr;  // points into compiled_data::source
  section where = section::regular;
  std::uint32_t category = 0;              // index of its category (regular items)
  std::vector<std::string_view> required;  // distinct evidence kinds required
  std::uint64_t required_mask = 0;         // one bit per required kind
  std::vector<std::uint32_t> scope;        // sites items: site indices in scope, sorted
};

struct compiled_category {
  std::uint32_t first = 0, last = 0;  // its items: [first, last) in compiled_data::items
};

struct compiled_data {
  rubric source;
  std::vector<compiled_item> items;
  std::vector<compiled_category> categories;
  std::unordered_map<std::string_view, std::uint32_t> item_index;
  std::unordered_map<std::string_view, std::uint32_t> site_index;
  std::vector<std::string> site_ids;        // the keys of site_index
  std::vector<std::uint32_t> veto_order;    // rubric veto indices in id order
  std::vector<std::uint32_t> gate_order;    // rubric gate indices in name order
  std::vector<std::int32_t> gate_category;  // per gate: its category index
  centi max = 0;
  bool weighted = false;  // every category has a weight
};

// An exact rational in 128 bits, kept reduced so chained operations stay small.
struct wide_ratio {
  wide_int num = 0, den = 1;
};
wide_ratio reduce_ratio(wide_int num, wide_int den);  // den ≠ 0; result has den > 0
wide_ratio add(wide_ratio a, wide_ratio b);

// What a rule made of an item's input, before evidence is considered.
struct rule_outcome {
  centi score = 0;          // rounded once to 0.01; ≤ 0 for penalty items
  bool blank = false;       // no input for this rule
  bool capped = false;      // per_unit or penalty reached its cap; deduction reached its floor
  std::int64_t count = 0;   // per_unit/penalty count, deficiencies, hits, compliant sites
  std::int64_t of = 0;      // ratio "of", sites in scope
  fraction value;           // ratio value
  bool has_value = false;   // ratio given as a value rather than hits/of
  std::int32_t level = -1;  // levels: index of the level recorded (-1: unknown label)
  std::uint64_t met = 0;    // conditions: one bit per met condition (first 64)
  std::int64_t met_count = 0;
};

// The raw score of one item. `input` may be null (blank); `compliant` counts the compliant sites
// in scope (sites items only).
rule_outcome apply_rule(const compiled_item& it, const item_input* input, std::int64_t compliant);

// points × t, where t = clamp((v − zero_at)/(full_at − zero_at), 0, 1), rounded once.
centi ratio_points(centi points, fraction v, fraction zero_at, fraction full_at);

// The short Chinese text explaining an item's score. `missing` has a bit per required evidence
// kind not found.
std::string item_reason(const compiled_item& it, const rule_outcome& o, item_status status,
                        std::uint64_t missing);

}  // namespace readiness::detail

#endif
