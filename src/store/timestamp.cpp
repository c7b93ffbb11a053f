#include "store/timestamp.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "readiness/dates.hpp"
#include "readiness/error.hpp"

namespace readiness::store {
namespace {

bool digits(std::string_view text, std::size_t from, std::size_t count) {
  for (std::size_t i = from; i < from + count; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  return true;
}

int number(std::string_view text, std::size_t from, std::size_t count) {
  int value = 0;
  for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

}  // namespace

std::string now_timestamp() {
  using namespace std::chrono;
  auto now = system_clock::now();
  auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  std::time_t seconds = system_clock::to_time_t(now);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(ms));
  return buf;
}

std::optional<std::string> normalize_timestamp(std::string_view text) {
  if (text.size() != 20 && text.size() != 24) return std::nullopt;
  if (!parse_iso_date(text.substr(0, 10)) || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text.back() != 'Z')
    return std::nullopt;
  if (!digits(text, 11, 2) || !digits(text, 14, 2) || !digits(text, 17, 2)) return std::nullopt;
  if (number(text, 11, 2) > 23 || number(text, 14, 2) > 59 || number(text, 17, 2) > 59)
    return std::nullopt;
  std::string out(text.substr(0, 19));
  if (text.size() == 24) {
    if (text[19] != '.' || !digits(text, 20, 3)) return std::nullopt;
    out += text.substr(19, 4);
  } else {
    out += ".000";
  }
  return out + "Z";
}

std::string start_of_day(date day) {
  return format_iso_date(day) + "T00:00:00.000Z";
}

std::string after_day(date day) {
  return format_iso_date(day + boost::gregorian::days(1));
}

date timestamp_day(const std::string& timestamp) {
  auto day = parse_iso_date(std::string_view(timestamp).substr(0, 10));
  if (!day) throw error(errc::store, "history", "stored time '" + timestamp + "' is not a time");
  return *day;
}

}  // namespace readiness::store
