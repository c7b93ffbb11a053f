#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "readiness/calendar_io.hpp"
#include "readiness/error.hpp"
#include "unit/schedule_fixture.hpp"

using namespace readiness;
using fixture::d;

namespace {

std::string messages(const readiness::error& e) {
  return format_diagnostics(e.diagnostics());
}

std::string temp_folder(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("readiness-holiday-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

void write(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

const char* next_year = R"({"$schema": "x", "year": 2027, "papers": ["notice"], "days": [
  {"name": "元旦", "date": "2026-12-27", "isOffDay": false},
  {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
  {"name": "元旦", "date": "2027-01-02", "isOffDay": true}]})";

}  // namespace

TEST_CASE("A holiday-cn file reads with its make-up day in the previous year", "[holiday_file]") {
  holiday_file f = io::parse_holiday_file(next_year, "2027.json");
  CHECK(f.year == 2027);
  REQUIRE(f.days.size() == 3);
  CHECK(f.days[0].day == d("2026-12-27"));
  CHECK_FALSE(f.days[0].off);
  calendar_spec spec;
  spec.base = "cn";
  working_calendar c(merge_calendar(spec, {f}));
  CHECK(c.is_working(d("2026-12-27")));  // a Sunday, worked
  CHECK_FALSE(c.is_working(d("2027-01-01")));
  CHECK(c.provisional(d("2026-06-01")));  // the 2027 file does not cover 2026
  CHECK_FALSE(c.provisional(d("2027-06-01")));
}

TEST_CASE("A day that does not exist is located by file and pointer", "[holiday_file]") {
  const char* text =
      R"({"year": 2027, "days": [{"name": "a", "date": "2027-01-01", "isOffDay": true},
    {"name": "b", "date": "2027-01-02", "isOffDay": true}, {"name": "c", "date": "2027-01-03",
    "isOffDay": true}, {"name": "d", "date": "2027-02-30", "isOffDay": true}]})";
  try {
    io::parse_holiday_file(text, "2027.json");
    FAIL("no error");
  } catch (const readiness::error& e) {
    CHECK(e.code() == errc::validation);
    CHECK(messages(e) == "2027.json: /days/3/date: \"2027-02-30\" is not a date");
  }
}

TEST_CASE("Malformed holiday files are refused with their place", "[holiday_file]") {
  CHECK_THROWS_WITH(io::parse_holiday_file("{\"year\": 2027,", "x.json"),
                    Catch::Contains("x.json") && Catch::Contains("malformed JSON"));
  CHECK_THROWS_WITH(
      io::parse_holiday_file(R"({"year": 2027, "days": [{"date": "2027-01-01"}]})", "x.json"),
      Catch::Contains("x.json: /days/0"));
  CHECK_THROWS_WITH(io::parse_holiday_file(R"({"year": "2027", "days": []})", "x.json"),
                    Catch::Contains("x.json: /year"));
  CHECK_THROWS_WITH(
      io::parse_holiday_file(
          R"({"year": 2027, "days": [{"date": "2029-01-01", "isOffDay": true}]})", "x.json"),
      Catch::Contains("/days/0/date") && Catch::Contains("more than a year away"));
  CHECK_THROWS_AS(io::read_holiday_file("/nonexistent/2027.json"), readiness::error);
}

TEST_CASE("READINESS_CALENDAR_PATH and calendar.files add years; later files replace a year",
          "[holiday_file]") {
  std::string extra = temp_folder("path");
  write(extra + "/2027.json", next_year);
  std::string origin = temp_folder("plan");
  std::filesystem::create_directories(origin + "/holidays");
  write(origin + "/holidays/2026.json",
        R"({"year": 2026, "days": [{"name": "test", "date": "2026-03-02", "isOffDay": true}]})");
  setenv("READINESS_CALENDAR_PATH", ("/nonexistent:" + extra).c_str(), 1);
  calendar_spec spec;
  spec.base = "cn";
  spec.files = {"holidays/2026.json"};
  auto files = io::load_holiday_files(spec, origin);
  unsetenv("READINESS_CALENDAR_PATH");
  working_calendar c(merge_calendar(spec, files));
  CHECK_FALSE(c.provisional(d("2027-03-01")));
  CHECK(c.is_working(d("2026-12-27")));
  CHECK_FALSE(c.is_working(d("2026-03-02")));  // from the plan's file
  CHECK(c.is_working(d("2026-10-08")));        // the built-in 2026 file was replaced
  CHECK_FALSE(c.is_working(d("2025-10-08")));  // 2025 stays built-in
}

TEST_CASE("An unknown calendar base is refused", "[holiday_file]") {
  calendar_spec spec;
  spec.base = "us";
  CHECK_THROWS_WITH(io::load_holiday_files(spec, ""), Catch::Contains("unknown calendar base"));
}

TEST_CASE("Unit calendars come from the units' specs", "[holiday_file]") {
  plan p;
  p.calendar = calendar_spec{};
  p.calendar->base = "cn";
  unit u;
  u.id = "town";
  u.calendar = calendar_spec{};
  u.calendar->weekend = weekday_bit(0);
  p.units.push_back(u);
  plan_calendars cals = io::load_plan_calendars(p);
  CHECK_FALSE(cals.plan.is_working(d("2026-10-10")) == false);
  CHECK(cals.for_unit("town").is_working(d("2026-10-03")));  // no base: holidays not loaded
  CHECK_FALSE(cals.for_unit("town").is_working(d("2026-10-04")));
  CHECK(&cals.for_unit("other") == &cals.plan);
}
