// readiness db export FILE [-o OUT] [--as-of DATE] [--baseline NAME]
#include "cli/output_file.hpp"
#include "cli/plan_argument.hpp"
#include "readiness/plan_io.hpp"
#include "readiness/workbook.hpp"

namespace readiness::cli {
namespace {

int run(const arguments& args, context& ctx) {
  workbook wb = workbook::open(args.positional.at(0), {workbook::access::read_only, 5000});
  load_options options;
  options.as_of = as_of_option(args);
  if (auto b = args.get("--baseline")) options.baseline = *b;
  write_output(args, ctx, io::write_plan_json(wb.load(options)) + "\n");
  return exit_ok;
}

const command_registration registration({
    "db export",
    "FILE [-o OUT] [--as-of DATE] [--baseline NAME]",
    "write a workbook's plan as a JSON document (standard output by default)",
    {output_option(),
     output_long_option(),
     {"--as-of", true, "the plan as it was at the end of this day"},
     {"--baseline", true, "fill task baselines from this saved baseline (\"\": the document's)"}},
    1,
    1,
    run,
});

}  // namespace
}  // namespace readiness::cli
