// `readiness validate PLAN`: reads and checks a plan, prints every problem with its place.
#include <ostream>

#include "cli/command.hpp"
#include "readiness/error.hpp"
#include "readiness/plan_io.hpp"
#include "readiness/validate.hpp"

namespace readiness::cli {
namespace {

void print(std::ostream& out, const diagnostic& d) {
  out << "  " << (d.where.empty() ? "" : d.where + ": ") << d.message << '\n';
}

std::size_t item_count(const rubric& r) {
  std::size_t n = 0;
  for (const auto& c : r.categories) n += c.items.size();
  if (r.bonus) n += r.bonus->items.size();
  if (r.penalties) n += r.penalties->items.size();
  return n;
}

int run(const arguments& args, context& ctx) {
  const std::string& path = args.positional.at(0);
  plan p;
  try {
    p = io::read_plan_file(path);
  } catch (const error& e) {
    if (e.code() != errc::parse && e.code() != errc::validation && e.code() != errc::limit) throw;
    ctx.out << path << ": invalid (" << errc_name(e.code()) << ")\n";
    for (const auto& d : e.diagnostics()) print(ctx.out, d);
    return exit_failure;
  }
  ctx.out << path << ": valid (" << p.tasks.size() << " tasks, " << item_count(p.rubric)
          << " items)\n";
  for (const auto& w : validation_warnings(p)) {
    ctx.out << "  warning: " << (w.where.empty() ? "" : w.where + ": ") << w.message << '\n';
  }
  return exit_ok;
}

const command_registration registration{{
    "validate",
    "PLAN",
    "check a plan document: every error with its JSON pointer, then warnings",
    {},
    1,
    1,
    run,
}};

}  // namespace
}  // namespace readiness::cli
