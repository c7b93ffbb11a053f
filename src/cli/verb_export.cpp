// readiness export PLAN --format xlsx|csv|ics -o FILE [--sheet score|tasks|units]
#include <chrono>
#include <cstdlib>
#include <ostream>

#include "cli/output_file.hpp"
#include "cli/plan_argument.hpp"
#include "io/ics.hpp"
#include "readiness/calendar_io.hpp"
#include "readiness/error.hpp"
#include "readiness/forecast.hpp"
#include "readiness/schedule.hpp"
#include "readiness/scoring.hpp"
#include "readiness/task_graph.hpp"
#include "report/sheet_writers.hpp"

namespace readiness::cli {
namespace {

std::string format_of(const arguments& args) {
  if (auto f = args.get("--format")) {
    if (*f == "xlsx" || *f == "csv" || *f == "ics") return *f;
    throw usage_error{"--format: '" + *f + "' is not xlsx, csv or ics"};
  }
  if (auto path = output_path(args)) {
    for (const char* ext : {"xlsx", "csv", "ics"}) {
      std::string tail = std::string(".") + ext;
      if (path->size() > tail.size() &&
          path->compare(path->size() - tail.size(), tail.size(), tail) == 0)
        return ext;
    }
  }
  throw usage_error{"give --format xlsx, csv or ics (or an -o file ending in one of them)"};
}

// The schedule when the plan can be scheduled; the tables then carry dates and lights.
std::optional<schedule> try_schedule(const plan& p, const plan_calendars& calendars,
                                     std::optional<task_graph>& graph, context& ctx) {
  if (p.tasks.empty()) return std::nullopt;
  try {
    graph.emplace(p);
    return compute_schedule(p, *graph, calendars);
  } catch (const error& e) {
    ctx.err << "note: the task table has no dates (" << e.what() << ")\n";
    return std::nullopt;
  }
}

// Late tasks and points at risk per unit, when the plan has an inspection date to forecast to;
// the unit table then carries them.
std::optional<report::unit_outlooks> try_outlooks(const plan& p, const plan_calendars& calendars,
                                                  const task_graph& graph, const schedule& s) {
  if (!p.inspection || (!p.inspection->ready_by && !p.inspection->arrives)) return std::nullopt;
  readiness_forecast f = forecast(p, graph, calendars, s, compile_rubric(p.rubric, p.sites));
  report::unit_outlooks out;
  for (const unit_row& u : f.units) out[u.id] = {u.late, u.points_at_risk};
  return out;
}

// DTSTAMP: $SOURCE_DATE_EPOCH when set (reproducible builds' convention), else now.
std::int64_t stamp_now() {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"))
    if (*epoch) return std::strtoll(epoch, nullptr, 10);
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

int run(const arguments& args, context& ctx) {
  const std::string format = format_of(args);
  std::string sheet_name = args.get("--sheet").value_or(format == "csv" ? "score" : "");
  if (!sheet_name.empty() && sheet_name != "score" && sheet_name != "tasks" &&
      sheet_name != "units")
    throw usage_error{"--sheet: '" + sheet_name + "' is not score, tasks or units"};
  plan p = load_plan_argument(args);
  if (format == "ics") {
    write_output(args, ctx, io::write_ics(p, stamp_now()));
    return exit_ok;
  }
  plan_calendars calendars = io::load_plan_calendars(p);
  std::optional<task_graph> graph;
  auto sched = try_schedule(p, calendars, graph, ctx);
  const schedule* s = sched ? &*sched : nullptr;
  std::optional<report::unit_outlooks> outlooks;
  if (s && (sheet_name.empty() || sheet_name == "units"))
    outlooks = try_outlooks(p, calendars, *graph, *s);
  score_result score = score_plan(p);
  std::vector<report::sheet_table> sheets;
  if (sheet_name.empty() || sheet_name == "score") sheets.push_back(report::score_sheet(p, score));
  if (sheet_name.empty() || sheet_name == "tasks") sheets.push_back(report::task_sheet(p, s));
  if (sheet_name.empty() || sheet_name == "units")
    sheets.push_back(report::unit_sheet(p, score, s, outlooks ? &*outlooks : nullptr));
  if (format == "csv") {
    write_output(args, ctx, report::sheet_csv(sheets.front()));
    return exit_ok;
  }
  auto path = output_path(args);
  if (!path) throw usage_error{"XLSX needs an output file: -o FILE.xlsx"};
  report::write_xlsx(*path, sheets, p.assessment.as_of);
  return exit_ok;
}

const command_registration registration{
    {"export",
     "PLAN --format xlsx|csv|ics -o FILE [--sheet score|tasks|units]",
     "write the score sheet, task table and unit table as XLSX or CSV, or the deadlines as "
     "an iCalendar file",
     {{"--format", true, "xlsx (all sheets, or --sheet), csv (one sheet) or ics"},
      {"--sheet", true, "score (考评得分), tasks (任务分工) or units (责任单位)"},
      as_of_option_spec(),
      output_option(),
      output_long_option()},
     1,
     1,
     run}};

}  // namespace
}  // namespace readiness::cli
