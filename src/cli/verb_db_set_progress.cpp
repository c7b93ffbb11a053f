// readiness db set-progress FILE TASK PROGRESS [--started DATE] [--finished DATE] [--author NAME]
#include <ostream>

#include "cli/db_common.hpp"
#include "cli/plan_argument.hpp"
#include "readiness/dates.hpp"
#include "readiness/decimal.hpp"

namespace readiness::cli {
namespace {

int run(const arguments& args, context& ctx) {
  const std::string& file = args.positional.at(0);
  task_progress change;
  change.task = args.positional.at(1);
  const std::string& text = args.positional.at(2);
  auto progress = parse_fraction(text);
  if (!progress) throw usage_error{"PROGRESS: '" + text + "' is not a number (0 … 1)"};
  change.progress = progress;
  if (auto s = args.get("--started")) change.started = parse_date_argument(*s, "--started");
  if (auto f = args.get("--finished")) change.finished = parse_date_argument(*f, "--finished");
  workbook wb = workbook::open(file);
  wb.apply(change, author_of(args));
  ctx.out << "recorded task " << change.task << ": progress " << format_fraction(*progress);
  if (change.started && *change.started)
    ctx.out << ", started " << format_iso_date(**change.started);
  if (change.finished && *change.finished)
    ctx.out << ", finished " << format_iso_date(**change.finished);
  ctx.out << "\n";
  return exit_ok;
}

const command_registration registration({
    "db set-progress",
    "FILE TASK PROGRESS [--started DATE] [--finished DATE] [--author NAME]",
    "record a task's progress (0 … 1) and actual dates in a workbook",
    {{"--started", true, "the day work began (YYYY-MM-DD)"},
     {"--finished", true, "the day it was finished (YYYY-MM-DD)"},
     author_option()},
    3,
    3,
    run,
});

}  // namespace
}  // namespace readiness::cli
