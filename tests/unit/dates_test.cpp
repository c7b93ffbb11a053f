#include <catch2/catch.hpp>

#include "readiness/dates.hpp"

using namespace readiness;

TEST_CASE("parse_iso_date reads days that exist and nothing else", "[dates]") {
  CHECK(*parse_iso_date("2026-10-01") == date(2026, 10, 1));
  CHECK(*parse_iso_date("2024-02-29") == date(2024, 2, 29));
  CHECK_FALSE(parse_iso_date("2026-02-30"));
  CHECK_FALSE(parse_iso_date("2025-02-29"));
  CHECK_FALSE(parse_iso_date("2026-13-01"));
  CHECK_FALSE(parse_iso_date("2026-00-10"));
  CHECK_FALSE(parse_iso_date("2026-1-01"));
  CHECK_FALSE(parse_iso_date("2026/10/01"));
  CHECK_FALSE(parse_iso_date(" 2026-10-01"));
  CHECK_FALSE(parse_iso_date("2026-10-01 "));
  CHECK_FALSE(parse_iso_date("20261001"));
  CHECK_FALSE(parse_iso_date(""));
}

TEST_CASE("is_plan_date bounds plan dates to 1900-01-01 … 2199-12-31", "[dates]") {
  CHECK(is_plan_date(*parse_iso_date("1900-01-01")));
  CHECK(is_plan_date(*parse_iso_date("2199-12-31")));
  CHECK_FALSE(is_plan_date(*parse_iso_date("1899-12-31")));
  CHECK_FALSE(is_plan_date(*parse_iso_date("2200-01-01")));
}

TEST_CASE("format_iso_date pads to YYYY-MM-DD", "[dates]") {
  CHECK(format_iso_date(date(2026, 3, 2)) == "2026-03-02");
  CHECK(format_iso_date(date(1900, 1, 1)) == "1900-01-01");
}

TEST_CASE("date ranges are inclusive and a single day is written as one date", "[dates]") {
  auto r = parse_date_range("2026-10-01/2026-10-07");
  REQUIRE(r);
  CHECK(r->first == date(2026, 10, 1));
  CHECK(r->last == date(2026, 10, 7));
  CHECK(format_date_range(*r) == "2026-10-01/2026-10-07");
  auto one = parse_date_range("2026-09-18");
  REQUIRE(one);
  CHECK(one->first == one->last);
  CHECK(format_date_range(*one) == "2026-09-18");
  CHECK(format_date_range(*parse_date_range("2026-09-18/2026-09-18")) == "2026-09-18");
  CHECK_FALSE(parse_date_range("2026-10-07/2026-10-01"));
  CHECK_FALSE(parse_date_range("2026-10-01/"));
  CHECK_FALSE(parse_date_range("2026-10-01/2026-02-30"));
}

TEST_CASE("days_since_epoch counts from 1970-01-01 both ways", "[dates]") {
  CHECK(days_since_epoch(date(1970, 1, 1)) == 0);
  CHECK(days_since_epoch(date(1970, 1, 2)) == 1);
  CHECK(days_since_epoch(date(1969, 12, 31)) == -1);
  CHECK(days_since_epoch(date(2026, 10, 12)) == 20738);
  for (std::int32_t d : {-25567, -1, 0, 20738, 83333})
    CHECK(days_since_epoch(date_from_days(d)) == d);
  CHECK(date_from_days(20738) == date(2026, 10, 12));
}
