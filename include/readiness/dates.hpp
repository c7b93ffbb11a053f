// ISO dates and "A/B" ranges as plan documents write them, and day numbers for the C ABI.
#ifndef READINESS_DATES_HPP
#define READINESS_DATES_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "readiness/model.hpp"

namespace readiness {

// The range of dates a plan may use (SPEC §2): 1900-01-01 … 2199-12-31.
date earliest_plan_date();
date latest_plan_date();
inline bool is_plan_date(date d) {
  return !d.is_special() && d >= earliest_plan_date() && d <= latest_plan_date();
}

// Strict "YYYY-MM-DD" of a day that exists; nullopt otherwise (2026-02-30, 2026-2-3, " 2026-…").
// Any year boost's calendar holds (1400 … 9999) parses; is_plan_date() says whether it is in range.
std::optional<date> parse_iso_date(std::string_view text);
std::string format_iso_date(date d);

// "A" (one day) or "A/B" (inclusive, A ≤ B); nullopt when either side is not a date or A > B.
std::optional<date_range> parse_date_range(std::string_view text);
// "A" for a single day, "A/B" otherwise.
std::string format_date_range(const date_range& range);

// Days since 1970-01-01 (negative before it), the C ABI's date form.
std::int32_t days_since_epoch(date d);
date date_from_days(std::int32_t days);

}  // namespace readiness

#endif
