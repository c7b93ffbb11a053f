// `readiness forecast PLAN [--json] [--as-of DATE]`: the score now and on the day, the curve,
// who holds the points at risk, and what to do first.
#include <map>
#include <ostream>

#include "cli/command.hpp"
#include "cli/forecast_text.hpp"
#include "cli/plan_argument.hpp"
#include "cli/text_table.hpp"
#include "readiness/dates.hpp"
#include "readiness/forecast_io.hpp"

namespace readiness::cli {
namespace {

constexpr std::size_t priorities_shown = 10;

std::string total_line(const score_total& t) {
  std::string s = points_text(t.total) + "分";
  if (!t.grade.empty()) s += "（" + t.grade + "）";
  if (!t.qualified) s += "，被否决";
  return s;
}

void headline(std::ostream& out, const plan& p, const readiness_forecast& f) {
  if (!p.title.empty()) out << p.title << '\n';
  std::size_t days_left = 0;
  for (const auto& pt : f.curve)
    if (pt.day <= f.ready_by) ++days_left;
  out << "状态日期 " << format_iso_date(f.as_of) << "，准备截止 " << format_iso_date(f.ready_by);
  if (f.arrives) out << "，检查组 " << format_iso_date(*f.arrives) << " 到达";
  out << "；剩余 " << days_left << " 个工作日" << (f.provisional ? "（日历暂定）" : "") << '\n';
  out << "现在 " << total_line(f.now.total) << " → 迎检当日预计 " << total_line(f.on_day.total);
  if (f.target) {
    out << "，目标 " << points_text(*f.target);
    if (f.on_day.total.gap && *f.on_day.total.gap > 0)
      out << "，差 " << points_text(*f.on_day.total.gap);
  }
  out << '\n';
  if (f.target) {
    if (f.reaches_target)
      out << "按计划 " << format_iso_date(*f.reaches_target) << " 达到目标分\n";
    else
      out << "按现有计划，检查组到达前达不到目标分\n";
  }
}

void at_risk(std::ostream& out, const readiness_forecast& f) {
  out << "\n风险分：" << points_text(f.points_at_risk) << "分取决于逾期任务";
  if (f.points_missing > 0) out << "，其中" << points_text(f.points_missing) << "分迎检前拿不到";
  out << '\n';
  if (f.at_risk.empty()) return;
  std::map<std::string, centi, id_less> by_unit;
  for (const auto& e : f.at_risk) by_unit[e.unit] += e.points;
  std::map<std::string, std::string> names;
  for (const auto& u : f.units) names[u.id] = u.name;
  text_table t({{"单位", align::left, 24}, {"风险分", align::right, 0}, {"任务", align::left, 40}});
  for (const auto& [unit, pts] : by_unit) {
    std::string tasks;
    for (const auto& e : f.at_risk)
      if (e.unit == unit && tasks.find(e.task) == std::string::npos)
        tasks += (tasks.empty() ? "" : "、") + e.task;
    t.add_row({names[unit].empty() ? unit : names[unit], points_text(pts), tasks});
  }
  out << t.render(2);
}

int run(const arguments& args, context& ctx) {
  plan p = load_plan_argument(args);
  readiness_forecast f = io::forecast_plan(p);
  if (args.has("--json")) {
    ctx.out << io::write_forecast_json(f, 2) << '\n';
    return exit_ok;
  }
  headline(ctx.out, p, f);
  print_curve(ctx.out, f);
  at_risk(ctx.out, f);
  if (!f.priorities.empty()) {
    ctx.out << "\n先做什么（前" << std::min(priorities_shown, f.priorities.size()) << "项）\n";
    print_priorities(ctx.out, f, priorities_shown);
  }
  return exit_ok;
}

const command_registration registration{{
    "forecast",
    "PLAN [--json] [--as-of DATE]",
    "the score on the day the team arrives: curve, points at risk, what to do first",
    {json_option(), as_of_option_spec()},
    1,
    1,
    run,
}};

}  // namespace
}  // namespace readiness::cli
