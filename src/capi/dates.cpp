// Days since 1970-01-01 and ISO text, the one date form of the ABI.
#include <cstring>

#include "capi/guard.hpp"
#include "capi/handles.hpp"
#include "readiness/dates.hpp"

namespace readiness::capi {

std::int32_t to_days(const date& d) {
  return d.is_special() ? RDY_NO_VALUE : readiness::days_since_epoch(d);
}

std::int32_t to_days(const std::optional<date>& d) {
  return d ? to_days(*d) : RDY_NO_VALUE;
}

date from_days(std::int32_t days) {
  constexpr std::int32_t min_days = -207223;  // 1400-01-01
  constexpr std::int32_t max_days = 2932896;  // 9999-12-31
  if (days < min_days || days > max_days)
    throw readiness::error(errc::invalid_argument, "days",
                           std::to_string(days) + " is outside the years 1400 to 9999");
  return readiness::date_from_days(days);
}

std::string iso_text(std::int32_t days) {
  if (days == RDY_NO_VALUE) return {};
  return readiness::format_iso_date(from_days(days));
}

}  // namespace readiness::capi

using namespace readiness::capi;

extern "C" {

int rdy_date_from_iso(const char* text, int32_t* out_days) {
  return guard("rdy_date_from_iso", [&] {
    auto t = cstring_argument(text, "rdy_date_from_iso", "text");
    require(out_days, "rdy_date_from_iso", "out_days");
    auto d = readiness::parse_iso_date(t);
    if (!d)
      throw readiness::error(readiness::errc::parse, "\"" + std::string(t.substr(0, 40)) + "\"",
                             "not an existing day written YYYY-MM-DD");
    *out_days = to_days(*d);
  });
}

int rdy_date_to_iso(int32_t days, char* buf, size_t size, size_t* out_needed) {
  return guard("rdy_date_to_iso", [&] {
    if (buf == nullptr && size != 0) invalid_argument("rdy_date_to_iso", "buf is NULL");
    if (days == RDY_NO_VALUE) invalid_argument("rdy_date_to_iso", "days is RDY_NO_VALUE");
    std::string text = iso_text(days);
    if (out_needed != nullptr) *out_needed = text.size() + 1;
    if (buf == nullptr) return;
    if (size < text.size() + 1)
      throw readiness::error(readiness::errc::limit, "size",
                             std::to_string(size) + " bytes is too small: " +
                                 std::to_string(text.size() + 1) + " needed");
    std::memcpy(buf, text.c_str(), text.size() + 1);
  });
}

}  // extern "C"
