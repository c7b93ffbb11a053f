// Fuzz target: CSV import — decoding (UTF-8 with or without BOM, GB18030), the CSV parser, and
// the task and rubric tables built from it. The first byte picks the table.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "io/csv.hpp"
#include "io/table_import.hpp"
#include "readiness/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace readiness;
  if (size == 0) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  io::table_import_options options;
  if (data[0] & 2) options.year = 2026;
  try {
    if (data[0] & 1) {
      (void)io::import_rubric_table(bytes, "fuzz.csv", options);
    } else {
      plan p;
      io::task_table t = io::import_task_table(bytes, "fuzz.csv", options);
      io::merge_task_table(p, t);
    }
  } catch (const error&) {
  }
  try {
    io::text_encoding found{};
    std::string text = io::decode_text(bytes, "fuzz.csv", &found);
    (void)io::parse_csv(text, "fuzz.csv");
  } catch (const error&) {
  }
  return 0;
}
