// Holiday files (the public holiday-cn form) and the calendars of a plan (SPEC §4).
//
//   {"year": 2026, "papers": ["<notice>"],
//    "days": [{"name": "国庆节", "date": "2026-10-01", "isOffDay": true}, ...]}
//
// isOffDay false marks a make-up working day (调休上班); it may fall in the previous year. Other
// top-level keys ("$schema", "$id") are ignored, as the public data set carries them.
#ifndef READINESS_CALENDAR_IO_HPP
#define READINESS_CALENDAR_IO_HPP

#include <string>
#include <string_view>
#include <vector>

#include "readiness/calendar.hpp"
#include "readiness/model.hpp"

namespace readiness::io {

// Parses one holiday file. Errors name the file and the JSON pointer
// (`2027.json: /days/3/date: "2027-02-30" is not a date`): errc::parse for malformed JSON,
// errc::validation for a well-formed file that breaks the form.
holiday_file parse_holiday_file(std::string_view text, const std::string& name);
holiday_file read_holiday_file(const std::string& path);

// The folder holding the built-in data (it contains calendars/cn/): $READINESS_DATA_DIR, else the
// installed data folder, else the source tree's data folder — the first that exists. Empty when
// none does.
std::string find_data_dir();

// The holiday files a calendar_spec uses, in the order they apply (a later file of a year
// replaces an earlier one): with base "cn", the built-in calendars/cn/*.json, then every *.json in
// the folders of $READINESS_CALENDAR_PATH (':'-separated, in order); then, with or without base,
// the spec's own `files`, relative to `origin` (the plan document's folder).
// errc::not_found when base is "cn" and no data folder exists; errc::validation for an unknown
// base; errc::io for an unreadable file.
std::vector<holiday_file> load_holiday_files(const calendar_spec& spec, const std::string& origin);

// The plan's calendar and every unit calendar, each merged from its spec and its files. A plan
// without a calendar section schedules on Monday to Friday.
plan_calendars load_plan_calendars(const plan& p);

}  // namespace readiness::io

#endif
