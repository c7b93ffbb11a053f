// Task deadlines and the inspection as an iCalendar file (RFC 5545) people import into their
// calendars: all-day events, a stable UID per event, CRLF line ends, lines folded at 75 octets.
#ifndef READINESS_IO_ICS_HPP
#define READINESS_IO_ICS_HPP

#include <cstdint>
#include <string>
#include <string_view>

#include "readiness/model.hpp"

namespace readiness::io {

// The calendar: the inspection (arrives … window_end), ready_by, and one event on the `due` date
// of every task that has its own, in id order. `stamp` is the DTSTAMP of every event, seconds
// since 1970-01-01 UTC.
std::string write_ics(const plan& p, std::int64_t stamp);

// TEXT value escaping: \ ; , and line breaks.
std::string ics_escape(std::string_view text);

// One content line with CRLF, folded so no line exceeds 75 octets, never inside a UTF-8 sequence.
std::string ics_fold(std::string_view line);

}  // namespace readiness::io

#endif
