// Plans built as C++ values for the calendar and schedule tests.
#ifndef READINESS_TESTS_SCHEDULE_FIXTURE_HPP
#define READINESS_TESTS_SCHEDULE_FIXTURE_HPP

#include <string>
#include <vector>

#include "readiness/calendar.hpp"
#include "readiness/calendar_io.hpp"
#include "readiness/dates.hpp"
#include "readiness/model.hpp"
#include "readiness/schedule.hpp"

namespace fixture {

inline readiness::date d(const char* iso) {
  return *readiness::parse_iso_date(iso);
}

// The built-in China calendar (2025 and 2026 data).
inline readiness::working_calendar china() {
  readiness::calendar_spec spec;
  spec.base = "cn";
  return readiness::working_calendar(
      readiness::merge_calendar(spec, readiness::io::load_holiday_files(spec, "")));
}

inline readiness::task leaf(const std::string& id, std::int64_t duration,
                            std::vector<std::string> after = {}) {
  readiness::task t;
  t.id = id;
  t.title = id;
  t.duration = duration;
  for (auto& a : after) t.after.push_back({a, readiness::link_type::fs, 0, {}});
  return t;
}

inline readiness::link dep(const std::string& pred, readiness::link_type type, std::int64_t lag) {
  return {pred, type, lag, {}};
}

inline readiness::plan plan_on(const char* as_of, std::vector<readiness::task> tasks) {
  readiness::plan p;
  p.assessment.as_of = d(as_of);
  p.tasks = std::move(tasks);
  return p;
}

inline readiness::schedule run(const readiness::plan& p, const readiness::working_calendar& cal,
                               readiness::schedule_options options = {}) {
  readiness::plan_calendars cals{cal, {}};
  return readiness::compute_schedule(p, cals, options);
}

inline const readiness::scheduled_task& at(const readiness::schedule& s, const std::string& id) {
  const auto* t = s.find(id);
  if (!t) throw std::runtime_error("no task " + id);
  return *t;
}

}  // namespace fixture

#endif
