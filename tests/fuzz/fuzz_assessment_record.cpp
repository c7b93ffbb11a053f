// Fuzz target: JSON Lines batch records — one record (parse_assessment_record) and the whole
// input as a stream of lines (read_assessment_records), which must agree on the count.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "readiness/assessment_record.hpp"
#include "readiness/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace readiness;
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    (void)io::parse_assessment_record(text, "fuzz:1");
  } catch (const error&) {
  }
  std::istringstream in(text);
  std::size_t good = 0, bad = 0;
  io::read_assessment_records(
      in, "fuzz.jsonl", [&](io::assessment_record&&) { ++good; }, [&](const error&) { ++bad; });
  if (good + bad > size + 1) std::abort();  // never more records than lines
  return 0;
}
