// Fuzz target: one holiday file in the holiday-cn form (parse_holiday_file), then a calendar
// merged from it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "readiness/calendar.hpp"
#include "readiness/calendar_io.hpp"
#include "readiness/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace readiness;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    holiday_file file = io::parse_holiday_file(text, "fuzz.json");
    calendar_spec spec;
    (void)merge_calendar(spec, {file});
  } catch (const error&) {
  }
  return 0;
}
