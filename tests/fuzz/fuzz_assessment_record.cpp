// Fuzz target: JSON Lines batch records — one record (parse_assessment_record) and the whole
// input as a stream of lines (read_assessment_records), which must agree on the count; and the
// batch's fast path (io::record_scorer), which must score every record it takes exactly as the
// full reader does.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "io/record_scorer.hpp"
#include "readiness/assessment_record.hpp"
#include "readiness/error.hpp"
#include "readiness/plan_io.hpp"
#include "readiness/scoring.hpp"

namespace {

using namespace readiness;

struct rubric_context {
  plan p = io::read_plan_file(READINESS_FUZZ_RUBRIC_PLAN);
  compiled_rubric rubric = compile_rubric(p.rubric, p.sites);
  std::optional<centi> target = p.inspection ? p.inspection->target : std::nullopt;
};

bool same(const score_total& a, const score_total& b) {
  return a.base == b.base && a.bonus == b.bonus && a.penalty == b.penalty && a.total == b.total &&
         a.max == b.max && a.grade == b.grade && a.qualified == b.qualified &&
         a.vetoes_triggered == b.vetoes_triggered && a.gates_failed == b.gates_failed &&
         a.target == b.target && a.gap == b.gap;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const rubric_context context;
  static io::record_scorer fast(context.rubric);
  std::string text(reinterpret_cast<const char*>(data), size);
  std::string id;
  score_total fast_total;
  bool taken = fast.score(text, context.p.evidence, context.target, id, fast_total);
  try {
    io::assessment_record r = io::parse_assessment_record(text, "fuzz:1");
    if (taken) {
      score_total full =
          score_totals(context.rubric, r.assessment, r.evidence ? *r.evidence : context.p.evidence,
                       context.target);
      if (r.id != id || !same(full, fast_total)) std::abort();
    }
  } catch (const error&) {
    if (taken) std::abort();  // the fast path took a record the full reader refuses
  }
  std::istringstream in(text);
  std::size_t good = 0, bad = 0;
  io::read_assessment_records(
      in, "fuzz.jsonl", [&](io::assessment_record&&) { ++good; }, [&](const error&) { ++bad; });
  if (good + bad > size + 1) std::abort();  // never more records than lines
  return 0;
}
