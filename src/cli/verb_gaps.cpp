// `readiness gaps PLAN [--json] [--as-of DATE]`: on the day, the gaps no task covers (填空白),
// the shortfalls (补短板) and the bonus not yet taken (增特色). --json prints the forecast
// document, which holds all three.
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
  ctx.out << "迎检当日（" << format_iso_date(f.ready_by) << "）预计 "
          << points_text(f.on_day.total.total) << " / " << points_text(f.on_day.total.max)
          << "分\n";
  print_gaps(ctx.out, p, f);
  return exit_ok;
}

const command_registration registration{{
    "gaps",
    "PLAN [--json] [--as-of DATE]",
    "on the day: gaps no task covers, shortfalls by points lost, bonus not yet taken",
    {json_option(), as_of_option_spec()},
    1,
    1,
    run,
}};

}  // namespace
}  // namespace readiness::cli
