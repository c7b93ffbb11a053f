// Lights (SPEC §5.5): red, yellow, blue, green, done — the first that applies.
#include <algorithm>

#include "readiness/schedule.hpp"

namespace readiness {

const char* light_name(light l) {
  switch (l) {
    case light::red:
      return "red";
    case light::yellow:
      return "yellow";
    case light::blue:
      return "blue";
    case light::green:
      return "green";
    case light::done:
      return "done";
  }
  return "green";
}

std::optional<fraction> planned_share(const working_calendar& calendar, date as_of,
                                      const baseline_dates& baseline) {
  std::int64_t first = calendar.count_before(days_since_epoch(baseline.start));
  std::int64_t end = calendar.count_before(days_since_epoch(baseline.finish) + 1);
  if (end <= first) return std::nullopt;
  std::int64_t now = calendar.count_before(days_since_epoch(as_of));
  std::int64_t elapsed = std::clamp(now - first, std::int64_t{0}, end - first);
  return make_fraction(elapsed, end - first);
}

light classify_light(const light_inputs& in, const light_options& options) {
  if (in.done) return light::done;
  if ((in.days_to_deadline && *in.days_to_deadline < 0) || (in.total_float && *in.total_float < 0))
    return light::red;
  if (in.planned_share) {
    // share − progress > tolerance, exactly.
    const fraction& s = *in.planned_share;
    const fraction& p = in.progress;
    const fraction& t = options.tolerance;
    wide_int lhs =
        (static_cast<wide_int>(s.num) * p.den - static_cast<wide_int>(p.num) * s.den) * t.den;
    wide_int rhs = static_cast<wide_int>(t.num) * s.den * p.den;
    if (lhs > rhs) return light::yellow;
  }
  if (in.days_to_deadline && *in.days_to_deadline <= options.warn_days) return light::blue;
  return light::green;
}

}  // namespace readiness
