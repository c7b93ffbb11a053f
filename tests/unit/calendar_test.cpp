#include <catch2/catch.hpp>

#include "readiness/calendar.hpp"
#include "readiness/dates.hpp"
#include "readiness/error.hpp"
#include "unit/schedule_fixture.hpp"

using namespace readiness;
using fixture::d;

TEST_CASE("A plain calendar works Monday to Friday", "[calendar]") {
  working_calendar c;
  CHECK(c.is_working(d("2026-03-06")));        // Friday
  CHECK_FALSE(c.is_working(d("2026-03-07")));  // Saturday
  CHECK(c.index_on_or_after(d("2026-03-07")) == c.index_on_or_after(d("2026-03-06")) + 1);
  CHECK(c.index_on_or_before(d("2026-03-08")) == c.index_on_or_after(d("2026-03-06")));
  CHECK(c.date_of(c.index_on_or_after(d("2026-03-07"))) == d("2026-03-09"));
  CHECK_FALSE(c.provisional(d("2031-01-01")));
}

TEST_CASE("National Day 2026: 10-01 to 10-07 off, 09-20 and 10-10 make-up days", "[calendar]") {
  working_calendar c = fixture::china();
  CHECK(c.is_working(d("2026-09-20")));  // Sunday, worked
  CHECK(c.is_working(d("2026-10-10")));  // Saturday, worked
  for (int day = 1; day <= 7; ++day) CHECK_FALSE(c.is_working(date(2026, 10, day)));
  CHECK_FALSE(c.is_working(d("2026-09-25")));  // Mid-Autumn
  std::int64_t sep30 = c.index_on_or_after(d("2026-09-30"));
  CHECK(c.index_on_or_after(d("2026-10-01")) == sep30 + 1);
  CHECK(c.date_of(sep30 + 1) == d("2026-10-08"));
  CHECK(c.date_of(sep30 + 3) == d("2026-10-10"));
  CHECK(c.date_of(sep30 + 4) == d("2026-10-12"));
  CHECK(c.index_on_or_before(d("2026-10-04")) == sep30);
  std::int64_t sep18 = c.index_on_or_after(d("2026-09-18"));
  CHECK(c.date_of(sep18 + 1) == d("2026-09-20"));
  CHECK(c.date_of(sep18 + 2) == d("2026-09-21"));
}

TEST_CASE("Spring Festival 2026: 02-15 to 02-23 off, 02-14 and 02-28 worked", "[calendar]") {
  working_calendar c = fixture::china();
  std::int64_t feb13 = c.index_on_or_after(d("2026-02-13"));
  CHECK(c.date_of(feb13 + 1) == d("2026-02-14"));
  CHECK(c.date_of(feb13 + 2) == d("2026-02-24"));
  CHECK(c.index_on_or_after(d("2026-02-15")) == feb13 + 2);
  CHECK(c.date_of(c.index_on_or_after(d("2026-02-27")) + 1) == d("2026-02-28"));
  CHECK(c.date_of(c.index_on_or_after(d("2026-02-27")) + 2) == d("2026-03-02"));
}

TEST_CASE("Index arithmetic agrees with a day-by-day count over six years", "[calendar]") {
  working_calendar c = fixture::china();
  std::int64_t count = c.index_on_or_after(d("2023-01-01"));
  for (date x = d("2023-01-01"); x <= d("2028-12-31"); x += boost::gregorian::days(1)) {
    REQUIRE(c.index_on_or_after(x) == count);
    if (c.is_working(x)) {
      REQUIRE(c.date_of(count) == x);
      REQUIRE(c.index_on_or_before(x) == count);
      ++count;
    } else {
      REQUIRE(c.index_on_or_before(x) == count - 1);
    }
  }
}

TEST_CASE("Far dates convert without walking", "[calendar]") {
  working_calendar c = fixture::china();
  std::int64_t a = c.index_on_or_after(d("1900-01-01")), b = c.index_on_or_after(d("2199-12-31"));
  CHECK(b - a > 70000);
  CHECK(c.date_of(b) == d("2199-12-31"));  // a Tuesday
  CHECK(c.date_of(a) == d("1900-01-01"));  // a Monday
}

TEST_CASE("Years without data are provisional on a data calendar", "[calendar]") {
  working_calendar c = fixture::china();
  CHECK_FALSE(c.provisional(d("2026-06-01")));
  CHECK(c.provisional(d("2027-06-01")));
  CHECK(c.provisional_between(d("2026-12-01"), d("2027-01-10")));
  CHECK_FALSE(c.provisional_between(d("2025-12-01"), d("2026-01-10")));
  CHECK_FALSE(c.is_working(d("2025-10-08")));  // 2025 data is loaded too
}

TEST_CASE("The plan's own lists win over the files", "[calendar]") {
  calendar_spec spec;
  spec.base = "cn";
  spec.workdays.push_back({d("2026-10-05"), d("2026-10-05")});
  spec.holidays.push_back({d("2026-10-09"), d("2026-10-09")});
  working_calendar c(merge_calendar(spec, io::load_holiday_files(spec, "")));
  CHECK(c.is_working(d("2026-10-05")));
  CHECK_FALSE(c.is_working(d("2026-10-09")));
}

TEST_CASE("Without base only the base week and the plan's lists count", "[calendar]") {
  calendar_spec spec;
  spec.weekend = weekday_bit(0);  // Sunday only
  spec.holidays.push_back({d("2026-10-01"), d("2026-10-03")});
  working_calendar c(merge_calendar(spec, {}));
  CHECK(c.is_working(d("2026-10-10")));  // Saturday
  CHECK_FALSE(c.is_working(d("2026-10-02")));
  CHECK(c.is_working(d("2026-10-05")));
  CHECK_FALSE(c.uses_data());
}

TEST_CASE("A week with no working day is refused", "[calendar]") {
  calendar_days days;
  days.weekend = 0x7f;
  CHECK_THROWS_AS(working_calendar(days), readiness::error);
}
