// The working-day calendar (SPEC §4): a base week, days off, make-up working days (调休), and the
// years whose holiday data is known. Working days are numbered by an absolute index: the index of
// a working day is the number of working days before it since 1970-01-01 (negative before). All
// conversions are closed-form week arithmetic plus a binary search over the exceptions, never a
// day-by-day walk, so any span costs the same.
#ifndef READINESS_CALENDAR_HPP
#define READINESS_CALENDAR_HPP

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "readiness/dates.hpp"
#include "readiness/id_order.hpp"
#include "readiness/model.hpp"

namespace readiness {

// What a calendar is made of, already merged: where a date is listed in both lists the make-up
// working day wins (callers resolve their own precedence before they build this).
struct calendar_days {
  std::uint8_t weekend = default_weekend;  // weekday_bit(d) for d = 0 (Sunday) … 6 (Saturday)
  std::vector<date> days_off;
  std::vector<date> workdays;
  bool uses_data = false;       // built on holiday data: years outside data_years are provisional
  std::vector<int> data_years;  // years covered by a holiday file
};

class working_calendar {
 public:
  working_calendar();                                    // Monday to Friday, no holidays, no data
  explicit working_calendar(const calendar_days& days);  // invalid_argument: a week with no work

  bool is_working(date d) const { return is_working_day(days_since_epoch(d)); }
  // Absolute index of the first working day on or after / last on or before `d`.
  std::int64_t index_on_or_after(date d) const { return count_before(days_since_epoch(d)); }
  std::int64_t index_on_or_before(date d) const {
    return count_before(days_since_epoch(d) + 1) - 1;
  }
  // The date of working day `index`.
  date date_of(std::int64_t index) const {
    return date_from_days(static_cast<std::int32_t>(day_of(index)));
  }

  // The same on day numbers (days_since_epoch), for hot loops.
  bool is_working_day(std::int64_t day) const;
  std::int64_t count_before(std::int64_t day) const;  // working days in [1970-01-01, day)
  std::int64_t day_of(std::int64_t index) const;

  // True when the calendar is built on holiday data and the year of `d` has none.
  bool provisional(date d) const;
  // True when any year from a's to b's (inclusive, either order) has no data.
  bool provisional_between(date a, date b) const;
  bool uses_data() const { return uses_data_; }
  const std::vector<int>& data_years() const { return data_years_; }
  std::uint8_t weekend() const { return weekend_; }

  bool operator==(const working_calendar& other) const;
  bool operator!=(const working_calendar& other) const { return !(*this == other); }

 private:
  std::int64_t base_count(std::int64_t day) const;     // base-week working days in [0, day)
  std::int64_t base_day_of(std::int64_t count) const;  // inverse of base_count on working days
  bool base_working(std::int64_t day) const;

  std::uint8_t weekend_;
  int per_week_ = 5;
  std::int64_t partial_[8] = {};  // base-week working days among the first r days of a week
  int position_[7] = {};          // offset in the week of its r-th base working day
  // Days whose status differs from the base week, ascending; delta +1 (make-up) or −1 (off).
  std::vector<std::int64_t> exception_day_;
  std::vector<std::int8_t> exception_delta_;
  std::vector<std::int64_t> prefix_;       // sum of deltas of exceptions before index i
  std::vector<std::int64_t> count_after_;  // count_before(exception_day_[i] + 1)
  bool uses_data_ = false;
  std::vector<int> data_years_;
};

// The calendars a plan schedules on: its own, and any unit's that overrides it for the tasks the
// unit leads.
struct plan_calendars {
  working_calendar plan;
  std::map<std::string, working_calendar, id_less> units;

  // The calendar of the tasks led by `unit_id` (the plan's when the unit has none).
  const working_calendar& for_unit(const std::string& unit_id) const;
};

// One day of a holiday file (the holiday-cn form): off (a holiday) or a make-up working day.
struct holiday_day {
  std::string name;
  date day;
  bool off = true;
};

struct holiday_file {
  int year = 0;
  std::vector<std::string> papers;
  std::vector<holiday_day> days;
  std::string source;  // file name, for messages
};

// Merges one calendar_spec into calendar_days: base week; when `base` is "cn", every file in
// `data` (a later file replaces an earlier one of the same year); then the spec's own
// holidays and workdays, which win over the files. Pure: the files are read by calendar_io.
calendar_days merge_calendar(const calendar_spec& spec, const std::vector<holiday_file>& data);

}  // namespace readiness

#endif
