#include "readiness/dates.hpp"

namespace readiness {
namespace {

const date epoch(1970, 1, 1);

bool is_digits(std::string_view text) {
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return !text.empty();
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

void append_padded(std::string& out, int value, int width) {
  std::string digits = std::to_string(value);
  if (static_cast<int>(digits.size()) < width) out.append(width - digits.size(), '0');
  out += digits;
}

}  // namespace

date earliest_plan_date() {
  return date(1900, 1, 1);
}
date latest_plan_date() {
  return date(2199, 12, 31);
}

std::optional<date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  if (!is_digits(y) || !is_digits(m) || !is_digits(d)) return std::nullopt;
  int year = to_int(y), month = to_int(m), day = to_int(d);
  if (year < 1400 || month < 1 || month > 12 || day < 1) return std::nullopt;
  if (day > boost::gregorian::gregorian_calendar::end_of_month_day(
                static_cast<unsigned short>(year), static_cast<unsigned short>(month)))
    return std::nullopt;
  return date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
              static_cast<unsigned short>(day));
}

std::string format_iso_date(date d) {
  auto ymd = d.year_month_day();
  std::string out;
  out.reserve(10);
  append_padded(out, ymd.year, 4);
  out += '-';
  append_padded(out, ymd.month, 2);
  out += '-';
  append_padded(out, ymd.day, 2);
  return out;
}

std::optional<date_range> parse_date_range(std::string_view text) {
  auto slash = text.find('/');
  if (slash == std::string_view::npos) {
    auto d = parse_iso_date(text);
    if (!d) return std::nullopt;
    return date_range{*d, *d};
  }
  auto first = parse_iso_date(text.substr(0, slash));
  auto last = parse_iso_date(text.substr(slash + 1));
  if (!first || !last || *first > *last) return std::nullopt;
  return date_range{*first, *last};
}

std::string format_date_range(const date_range& range) {
  if (range.first == range.last) return format_iso_date(range.first);
  return format_iso_date(range.first) + "/" + format_iso_date(range.last);
}

std::int32_t days_since_epoch(date d) {
  return static_cast<std::int32_t>((d - epoch).days());
}

date date_from_days(std::int32_t days) {
  return epoch + boost::gregorian::date_duration(days);
}

}  // namespace readiness
