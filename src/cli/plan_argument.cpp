#include "cli/plan_argument.hpp"

#include "readiness/dates.hpp"
#include "readiness/plan_io.hpp"
#include "readiness/workbook.hpp"

namespace readiness::cli {

date parse_date_argument(const std::string& text, const std::string& option) {
  if (auto d = parse_iso_date(text)) return *d;
  throw usage_error{option + ": '" + text + "' is not a date (YYYY-MM-DD)"};
}

std::optional<date> as_of_option(const arguments& args) {
  if (auto v = args.get("--as-of")) return parse_date_argument(*v, "--as-of");
  return std::nullopt;
}

plan load_plan_argument(const arguments& args, std::size_t index) {
  auto as_of = as_of_option(args);
  const std::string& path = args.positional.at(index);
  // A workbook knows its past: rebuild the plan as it was at the end of that day.
  if (as_of && workbook::looks_like_workbook(path))
    return workbook::open(path, {workbook::access::read_only, 5000}).load(*as_of);
  plan p = io::read_plan_file(path);
  if (as_of) p.assessment.as_of = *as_of;
  return p;
}

option_spec json_option() {
  return {"--json", false, "print the result document as JSON"};
}
option_spec as_of_option_spec() {
  return {"--as-of", true, "status date (YYYY-MM-DD); a workbook is rebuilt as of that date"};
}

}  // namespace readiness::cli
