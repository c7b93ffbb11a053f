// readiness db baseline FILE [NAME] [--list] [--author NAME]
#include <ostream>

#include "cli/db_common.hpp"
#include "cli/text_table.hpp"

namespace readiness::cli {
namespace {

void list(const workbook& wb, context& ctx) {
  auto saved = wb.baselines();
  if (saved.empty()) {
    ctx.out << "no baselines saved\n";
    return;
  }
  text_table t({{"name", align::left},
                {"saved", align::left},
                {"by", align::left},
                {"tasks", align::right}});
  for (const auto& b : saved) t.add_row({b.name, b.at, b.author, std::to_string(b.tasks)});
  ctx.out << t.render();
}

int run(const arguments& args, context& ctx) {
  const std::string& file = args.positional.at(0);
  if (args.has("--list")) {
    if (args.positional.size() > 1) throw usage_error{"--list takes no NAME"};
    list(workbook::open(file, {workbook::access::read_only, 5000}), ctx);
    return exit_ok;
  }
  workbook wb = workbook::open(file);
  wb.save_baseline(args.positional.size() > 1 ? args.positional[1] : "", author_of(args));
  const auto saved = wb.baselines();
  ctx.out << "saved baseline \"" << saved.back().name << "\" (" << saved.back().tasks
          << " tasks); lights now compare against it\n";
  return exit_ok;
}

const command_registration registration({
    "db baseline",
    "FILE [NAME] [--author NAME] | FILE --list",
    "save the schedule as planned now as a named baseline (default name: today)",
    {{"--list", false, "list the saved baselines"}, author_option()},
    1,
    2,
    run,
});

}  // namespace
}  // namespace readiness::cli
