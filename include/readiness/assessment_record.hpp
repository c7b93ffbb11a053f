// Batch records (SPEC §6): JSON Lines, one assessment per line with its own id and, optionally,
// its own evidence ledger and sites.
//
//   {"id": "district-07", "as_of": "2026-07-30", "items": {"1.1": {"met": ["a"]}},
//    "vetoes": {"V1": false}, "sites": {"S1": {"4.3": true}},
//    "evidence": [{"id": "E1", "item": "1.1", "kind": "plan-document"}],
//    "site_list": [{"id": "S1", "name": "区人民医院", "type": "hospital"}]}
//
// `sites` is the assessment's site checks, as in a plan. `site_list` (the record's own sites,
// replacing the plan's) may also be given as `sites` in array form, each entry carrying its checks
// under "checks". Errors name the file, the line and the JSON pointer:
// `batch.jsonl:3: /items/1.1/met: expected array or boolean, got number`.
#ifndef READINESS_ASSESSMENT_RECORD_HPP
#define READINESS_ASSESSMENT_RECORD_HPP

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "readiness/error.hpp"
#include "readiness/model.hpp"

namespace readiness::io {

struct assessment_record {
  std::string id;
  struct assessment assessment;
  std::optional<std::vector<evidence_entry>> evidence;  // absent: use the plan's
  std::optional<std::vector<site>> sites;               // absent: use the plan's
};

// Parses one record. `place` prefixes every diagnostic ("batch.jsonl:3"). errc::parse for
// malformed JSON, errc::validation for a record that breaks the form (a missing id, a wrong type,
// an unknown key).
assessment_record parse_assessment_record(std::string_view line, const std::string& place);

// Reads JSON Lines from `in`, calling `each(record)` per non-blank line, and `bad(error)` for a
// line that does not parse (reading goes on). `name` is the file name for places.
void read_assessment_records(std::istream& in, const std::string& name,
                             const std::function<void(assessment_record&&)>& each,
                             const std::function<void(const readiness::error&)>& bad);

}  // namespace readiness::io

#endif
