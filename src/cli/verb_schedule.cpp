// `readiness schedule PLAN [--json] [--level] [--as-of DATE] [--warn-days N]`: every task's dates
// on the working-day calendar, floats, critical tasks and lights; late tasks first.
#include <charconv>
#include <ostream>

#include "cli/command.hpp"
#include "cli/plan_argument.hpp"
#include "cli/text_table.hpp"
#include "readiness/calendar_io.hpp"
#include "readiness/dates.hpp"
#include "readiness/schedule.hpp"
#include "readiness/schedule_io.hpp"

namespace readiness::cli {
namespace {

const char* light_text(light l) {
  switch (l) {
    case light::red:
      return "红";
    case light::yellow:
      return "黄";
    case light::blue:
      return "蓝";
    case light::green:
      return "绿";
    case light::done:
      return "完成";
  }
  return "";
}

std::string day(const std::optional<date>& d) {
  return d ? format_iso_date(*d) : "—";
}

std::string number(const std::optional<std::int64_t>& v) {
  return v ? std::to_string(*v) : "—";
}

std::int64_t warn_days_option(const arguments& args) {
  auto v = args.get("--warn-days");
  if (!v) return light_options{}.warn_days;
  std::int64_t n = -1;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || end != v->data() + v->size() || n < 0 || n > 10000)
    throw usage_error{"--warn-days: '" + *v + "' is not a whole number of days (0 to 10000)"};
  return n;
}

void late_summary(std::ostream& out, const schedule& s) {
  text_table t({{"任务", align::left, 0},
                {"名称", align::left, 30},
                {"牵头", align::left, 0},
                {"预计完成", align::left, 0},
                {"时限", align::left, 0},
                {"总时差", align::right, 0}});
  for (const auto& r : s.tasks)
    if (r.light == light::red && !r.summary)
      t.add_row({r.id, r.title, r.lead, day(r.ef), day(r.deadline), number(r.total_float)});
  if (t.rows() == 0) {
    out << "没有逾期或将逾期的任务。\n";
    return;
  }
  out << "逾期或将逾期（红灯）：" << t.rows() << "项\n" << t.render(2);
}

void task_table(std::ostream& out, const schedule& s) {
  std::vector<text_table::column> columns = {
      {"任务", align::left, 0},     {"名称", align::left, 30},    {"牵头", align::left, 0},
      {"最早开始", align::left, 0}, {"最早完成", align::left, 0}, {"时限", align::left, 0},
      {"总时差", align::right, 0},  {"灯", align::left, 0}};
  if (s.levelled) columns.push_back({"推迟", align::right, 0});
  text_table t(columns);
  for (const auto& r : s.tasks) {
    std::string id = (r.critical ? "*" : " ") + r.id;
    std::string title = (r.summary ? "【" + r.title + "】" : r.title);
    std::vector<std::string> row = {id,
                                    title,
                                    r.lead,
                                    day(r.es),
                                    day(r.ef),
                                    day(r.deadline),
                                    number(r.total_float),
                                    light_text(r.light)};
    if (s.levelled) row.push_back(number(r.delay));
    t.add_row(row);
  }
  out << t.render();
}

int run(const arguments& args, context& ctx) {
  schedule_options options;
  options.lights.warn_days = warn_days_option(args);
  options.level = args.has("--level");
  plan p = load_plan_argument(args);
  options.as_of = as_of_option(args);
  schedule s = compute_schedule(p, io::load_plan_calendars(p), options);
  if (args.has("--json")) {
    ctx.out << io::write_schedule_json(s, 2);
    return exit_ok;
  }
  if (!p.title.empty()) ctx.out << p.title << '\n';
  ctx.out << "状态日期：" << format_iso_date(s.as_of) << "（第0个工作日："
          << format_iso_date(s.day0) << "）\n";
  if (s.ready_by) ctx.out << "准备就绪时限：" << format_iso_date(*s.ready_by) << '\n';
  ctx.out << "计划完成：" << format_iso_date(s.finish) << (s.levelled ? "（已按单位能力平衡）" : "")
          << '\n';
  if (s.provisional)
    ctx.out << "注意：部分日期落在没有节假日数据的年份，按基本工作周推算，结果为暂定。\n";
  ctx.out << '\n';
  late_summary(ctx.out, s);
  ctx.out << '\n';
  task_table(ctx.out, s);
  ctx.out << "\n* 关键任务（总时差 ≤ 0）\n关键路径：";
  for (std::size_t i = 0; i < s.driving_path.size(); ++i)
    ctx.out << (i ? " → " : "") << s.driving_path[i];
  ctx.out << (s.driving_path.empty() ? "—\n" : "\n");
  return exit_ok;
}

const command_registration registration{{
    "schedule",
    "PLAN [--json] [--level] [--as-of DATE] [--warn-days N]",
    "every task's dates on the working-day calendar, floats, critical path and lights",
    {json_option(),
     as_of_option_spec(),
     {"--level", false, "level by unit capacity (a unit leads at most `capacity` tasks a day)"},
     {"--warn-days", true, "blue light when a deadline is this many working days away (3)"}},
    1,
    1,
    run,
}};

}  // namespace
}  // namespace readiness::cli
