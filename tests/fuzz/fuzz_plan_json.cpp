// Fuzz target: the plan reader (read_plan_json), then whatever a valid plan goes on to: the
// canonical writer (read → write → read must give the same text), scoring and the schedule.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "readiness/calendar_io.hpp"
#include "readiness/error.hpp"
#include "readiness/plan_io.hpp"
#include "readiness/schedule.hpp"
#include "readiness/scoring.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace readiness;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  plan p;
  try {
    p = io::read_plan_json(text);
  } catch (const error&) {
    return 0;  // a clear refusal is the right answer to most inputs
  }
  // A plan that was read must write, and read back to the same document.
  std::string written = io::write_plan_json(p, 0);
  try {
    plan again = io::read_plan_json(written);
    if (io::write_plan_json(again, 0) != written) std::abort();
  } catch (const error&) {
    std::abort();
  }
  try {
    (void)score_plan(p);
  } catch (const error&) {
  }
  // Holiday files named by the plan would be read from the disk: leave those plans there.
  bool reads_files = p.calendar && !p.calendar->files.empty();
  for (const auto& u : p.units)
    reads_files = reads_files || (u.calendar && !u.calendar->files.empty());
  if (!reads_files) {
    try {
      (void)compute_schedule(p, io::load_plan_calendars(p));
    } catch (const error&) {
    }
  }
  return 0;
}
