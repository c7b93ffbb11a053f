// readiness db init FILE --from PLAN.json [--force]
#include <ostream>

#include "cli/db_common.hpp"
#include "readiness/plan_io.hpp"

namespace readiness::cli {
namespace {

int run(const arguments& args, context& ctx) {
  auto from = args.get("--from");
  if (!from || from->empty()) throw usage_error{"give the plan to start from: --from PLAN.json"};
  const std::string& file = args.positional.at(0);
  plan p = io::read_plan_file(*from);
  workbook::create_options options;
  options.overwrite = args.has("--force");
  options.write = author_of(args);
  workbook wb = workbook::create(file, p, options);
  ctx.out << "created workbook " << file << " from " << *from << " (" << p.tasks.size()
          << " tasks, " << p.assessment.items.size() << " item inputs, " << p.evidence.size()
          << " evidence entries)\n";
  return exit_ok;
}

const command_registration registration({
    "db init",
    "FILE --from PLAN.json [--force] [--author NAME]",
    "create a workbook (SQLite) holding a plan and its history",
    {{"--from", true, "the plan document (JSON) to import"},
     {"--force", false, "replace FILE if it exists"},
     author_option()},
    1,
    1,
    run,
});

}  // namespace
}  // namespace readiness::cli
