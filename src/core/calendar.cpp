#include "readiness/calendar.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "readiness/error.hpp"

namespace readiness {
namespace {

constexpr int epoch_day_of_week = 4;  // 1970-01-01 was a Thursday

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

}  // namespace

working_calendar::working_calendar() : working_calendar(calendar_days{}) {}

working_calendar::working_calendar(const calendar_days& days) : weekend_(days.weekend) {
  per_week_ = 0;
  for (int i = 0; i < 7; ++i) {
    partial_[i] = per_week_;
    if (base_working(i)) position_[per_week_++] = i;
  }
  partial_[7] = per_week_;
  if (per_week_ == 0)
    throw error(errc::invalid_argument, "calendar/weekend", "every day of the week is off");

  std::map<std::int64_t, bool> status;  // day → working, only where it differs from the base week
  for (date d : days.days_off) status[days_since_epoch(d)] = false;
  for (date d : days.workdays) status[days_since_epoch(d)] = true;
  for (const auto& [day, working] : status) {
    if (working == base_working(day)) continue;
    exception_day_.push_back(day);
    exception_delta_.push_back(working ? 1 : -1);
  }
  prefix_.resize(exception_day_.size() + 1);
  count_after_.resize(exception_day_.size());
  for (std::size_t i = 0; i < exception_day_.size(); ++i) {
    prefix_[i + 1] = prefix_[i] + exception_delta_[i];
    count_after_[i] = base_count(exception_day_[i] + 1) + prefix_[i + 1];
  }
  uses_data_ = days.uses_data;
  std::set<int> years(days.data_years.begin(), days.data_years.end());
  data_years_.assign(years.begin(), years.end());
}

bool working_calendar::base_working(std::int64_t day) const {
  auto dow = static_cast<int>(((day + epoch_day_of_week) % 7 + 7) % 7);
  return (weekend_ & weekday_bit(dow)) == 0;
}

std::int64_t working_calendar::base_count(std::int64_t day) const {
  std::int64_t q = floor_div(day, 7);
  return q * per_week_ + partial_[day - 7 * q];
}

std::int64_t working_calendar::base_day_of(std::int64_t count) const {
  std::int64_t q = floor_div(count, per_week_);
  return 7 * q + position_[count - q * per_week_];
}

bool working_calendar::is_working_day(std::int64_t day) const {
  auto it = std::lower_bound(exception_day_.begin(), exception_day_.end(), day);
  if (it != exception_day_.end() && *it == day)
    return exception_delta_[static_cast<std::size_t>(it - exception_day_.begin())] > 0;
  return base_working(day);
}

std::int64_t working_calendar::count_before(std::int64_t day) const {
  auto j =
      std::lower_bound(exception_day_.begin(), exception_day_.end(), day) - exception_day_.begin();
  return base_count(day) + prefix_[static_cast<std::size_t>(j)];
}

std::int64_t working_calendar::day_of(std::int64_t index) const {
  // The first exception whose day ends past working day `index` bounds the segment holding it.
  auto j = static_cast<std::size_t>(
      std::upper_bound(count_after_.begin(), count_after_.end(), index) - count_after_.begin());
  if (j < exception_day_.size() && exception_delta_[j] > 0 && count_after_[j] - 1 == index)
    return exception_day_[j];
  return base_day_of(index - prefix_[j]);
}

bool working_calendar::provisional(date d) const {
  return provisional_between(d, d);
}

bool working_calendar::provisional_between(date a, date b) const {
  if (!uses_data_) return false;
  int first = a.year(), last = b.year();
  if (first > last) std::swap(first, last);
  auto lo = std::lower_bound(data_years_.begin(), data_years_.end(), first);
  auto hi = std::upper_bound(data_years_.begin(), data_years_.end(), last);
  return hi - lo != last - first + 1;
}

bool working_calendar::operator==(const working_calendar& other) const {
  return weekend_ == other.weekend_ && exception_day_ == other.exception_day_ &&
         exception_delta_ == other.exception_delta_ && uses_data_ == other.uses_data_ &&
         data_years_ == other.data_years_;
}

const working_calendar& plan_calendars::for_unit(const std::string& unit_id) const {
  auto it = units.find(unit_id);
  return it == units.end() ? plan : it->second;
}

calendar_days merge_calendar(const calendar_spec& spec, const std::vector<holiday_file>& data) {
  calendar_days out;
  out.weekend = spec.weekend.value_or(default_weekend);
  out.uses_data = spec.base == "cn";
  // A later file of the same year replaces an earlier one.
  std::map<int, const holiday_file*> by_year;
  for (const auto& f : data) by_year[f.year] = &f;
  std::map<date, bool> status;  // date → working
  for (const auto& [year, file] : by_year) {
    out.data_years.push_back(year);
    for (const auto& d : file->days) status[d.day] = !d.off;
  }
  // The plan's own lists win over the files; within them a make-up day wins over a holiday.
  for (const auto& r : spec.holidays)
    for (date d = r.first; d <= r.last; d += boost::gregorian::days(1)) status[d] = false;
  for (const auto& r : spec.workdays)
    for (date d = r.first; d <= r.last; d += boost::gregorian::days(1)) status[d] = true;
  for (const auto& [d, working] : status) (working ? out.workdays : out.days_off).push_back(d);
  if (!out.uses_data) out.data_years.clear();
  return out;
}

}  // namespace readiness
