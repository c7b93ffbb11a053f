// The documented maximums of every input (SPEC §9: "inputs too large or too deep"). Beyond one of
// these an input is refused with errc::limit (or, inside a plan document, a located validation
// error) — never a crash, a hang or memory out of proportion to the input.
//
// | what                                | maximum        | where it is enforced                |
// |-------------------------------------|----------------|-------------------------------------|
// | plan document, holiday file, table  | 64 MiB         | io::read_plan_json/_file, readers   |
// | JSON nesting depth                  | 64 levels      | plan reader; records and holiday    |
// |                                     |                | files stop at Boost.JSON's 32       |
// | id                                  | 64 bytes       | plan reader (every kind of id)      |
// | tasks in a plan                     | 1,000,000      | io::read_plan_json                  |
// | links (`after` entries) in a plan   | 4,000,000      | io::read_plan_json                  |
// | rubric items (with bonus, penalty)  | 100,000        | io::read_plan_json                  |
// | units, sites, evidence entries      | 1,000,000 each | io::read_plan_json                  |
// | task effects in a plan              | 4,000,000      | io::read_plan_json                  |
// | duration, |lag|                     | 1,000,000 days | task_graph (max_link_lag)           |
// | Monte Carlo iterations              | 10,000,000     | validation, simulate, C ABI         |
// | one JSON Lines batch record         | 1 MiB          | io::read_assessment_records         |
// | text (titles, names)                | the document   | bounded by the document size        |
//
// Depth of the task tree (parents) and length of link chains are bounded only by the number of
// tasks: every pass over them is iterative and linear.
#ifndef READINESS_LIMITS_HPP
#define READINESS_LIMITS_HPP

#include <cstddef>
#include <cstdint>

namespace readiness::limits {

constexpr std::size_t max_document_bytes = std::size_t{64} << 20;
constexpr unsigned max_json_depth = 64;
constexpr std::size_t max_id_bytes = 64;
constexpr std::size_t max_tasks = 1000000;
constexpr std::size_t max_links = 4000000;
constexpr std::size_t max_items = 100000;
constexpr std::size_t max_units = 1000000;
constexpr std::size_t max_sites = 1000000;
constexpr std::size_t max_evidence = 1000000;
constexpr std::size_t max_effects = 4000000;
constexpr std::int64_t max_days = 1000000;  // a duration or a link's lag, in working days
constexpr std::uint64_t max_iterations = 10000000;
constexpr std::size_t max_record_bytes = std::size_t{1} << 20;

}  // namespace readiness::limits

#endif
