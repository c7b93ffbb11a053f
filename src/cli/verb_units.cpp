// `readiness units PLAN [--json] [--as-of DATE]`: the accountability table, one row per unit:
// tasks led, done, open by light, late, points at risk, items owned and points lost on them.
// --json prints the forecast document, whose "units" list is this table.
#include <ostream>

#include "cli/command.hpp"
#include "cli/forecast_text.hpp"
#include "cli/plan_argument.hpp"
#include "readiness/dates.hpp"
#include "readiness/forecast_io.hpp"

namespace readiness::cli {
namespace {

int run(const arguments& args, context& ctx) {
  plan p = load_plan_argument(args);
  readiness_forecast f = io::forecast_plan(p);
  if (args.has("--json")) {
    ctx.out << io::write_forecast_json(f, 2) << '\n';
    return exit_ok;
  }
  if (!p.title.empty()) ctx.out << p.title << '\n';
  ctx.out << "各单位任务与失分（状态日期 " << format_iso_date(f.as_of) << "，失分按迎检当日 "
          << format_iso_date(f.ready_by) << " 预计）\n";
  print_units(ctx.out, f);
  return exit_ok;
}

const command_registration registration{{
    "units",
    "PLAN [--json] [--as-of DATE]",
    "the accountability table: tasks, lights, late work, points at risk and lost, per unit",
    {json_option(), as_of_option_spec()},
    1,
    1,
    run,
}};

}  // namespace
}  // namespace readiness::cli
