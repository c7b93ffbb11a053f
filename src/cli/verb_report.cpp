// readiness report PLAN -o report.html: the one-file HTML report.
#include <ostream>

#include "cli/output_file.hpp"
#include "cli/plan_argument.hpp"
#include "readiness/calendar_io.hpp"
#include "readiness/forecast.hpp"
#include "readiness/schedule.hpp"
#include "readiness/scoring.hpp"
#include "readiness/task_graph.hpp"
#include "report/html_report.hpp"

namespace readiness::cli {
namespace {

int run(const arguments& args, context& ctx) {
  plan p = load_plan_argument(args);
  plan_calendars calendars = io::load_plan_calendars(p);
  task_graph graph(p);
  schedule s = compute_schedule(p, graph, calendars);
  compiled_rubric rubric = compile_rubric(p.rubric, p.sites);
  readiness_forecast f = forecast(p, graph, calendars, s, rubric);
  write_output(args, ctx, report::render_html_report(p, s, f, calendars.plan));
  if (auto path = output_path(args)) ctx.err << "wrote " << *path << '\n';
  return exit_ok;
}

const command_registration registration{
    {"report",
     "PLAN -o report.html [--as-of DATE]",
     "write a self-contained HTML report: headline, readiness curve, Gantt chart, category bars, "
     "shortfalls, uncovered gaps, units",
     {as_of_option_spec(), output_option(), output_long_option()},
     1,
     1,
     run}};

}  // namespace
}  // namespace readiness::cli
