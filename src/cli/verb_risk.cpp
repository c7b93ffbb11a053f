// `readiness risk PLAN [--iterations N] [--seed S] [--threads T] [--json] [--as-of DATE]`:
// Monte Carlo over the estimates — the odds of each deadline, the finish, and of reaching the
// target. The same seed and N print the same numbers whatever the thread count.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>

#include "cli/command.hpp"
#include "cli/forecast_text.hpp"
#include "cli/plan_argument.hpp"
#include "cli/text_table.hpp"
#include "readiness/dates.hpp"
#include "readiness/forecast_io.hpp"

namespace readiness::cli {
namespace {

constexpr std::size_t tasks_shown = 15;

std::uint64_t whole_option(const arguments& args, const std::string& name, std::uint64_t lo,
                           std::uint64_t hi) {
  std::string text = *args.get(name);
  std::uint64_t v = 0;
  bool ok = !text.empty() && text.size() <= 20;
  for (char c : text) ok = ok && c >= '0' && c <= '9';
  if (ok) {
    try {
      v = std::stoull(text);
    } catch (const std::exception&) {
      ok = false;
    }
  }
  if (!ok || v < lo || v > hi)
    throw usage_error{name + ": '" + text + "' is not a whole number in " + std::to_string(lo) +
                      " … " + std::to_string(hi)};
  return v;
}

std::string percent(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", share * 100.0);
  return buf;
}

std::string fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.2f", v);
  return buf;
}

void print(std::ostream& out, const plan& p, const risk_result& r) {
  if (!p.title.empty()) out << p.title << '\n';
  out << "蒙特卡洛模拟 " << r.iterations << " 次（随机种子 " << r.seed << "），状态日期 "
      << format_iso_date(r.as_of) << (r.provisional ? "（日历暂定）" : "") << '\n';
  out << "全部完成：P50 " << format_iso_date(r.finish_p50) << "，P80 "
      << format_iso_date(r.finish_p80) << "，P95 " << format_iso_date(r.finish_p95) << '\n';
  out << "迎检当日得分";
  if (r.ready_by) out << "（" << format_iso_date(*r.ready_by) << "）";
  out << "：均值 " << points_text(r.score.mean_centi) << "，P10 " << points_text(r.score.p10)
      << "，P50 " << points_text(r.score.p50) << "，P90 " << points_text(r.score.p90) << '\n';
  if (r.target && r.score.p_target)
    out << "达到目标 " << points_text(*r.target) << " 分的概率：" << percent(*r.score.p_target)
        << '\n';
  if (r.score.p_qualified < 1) out << "不被否决的概率：" << percent(r.score.p_qualified) << '\n';

  std::vector<const task_risk*> open;
  for (const auto& t : r.tasks)
    if (!t.summary && (t.uncertain || t.criticality > 0 || t.p_on_time < 1)) open.push_back(&t);
  std::stable_sort(open.begin(), open.end(), [](const task_risk* a, const task_risk* b) {
    if (a->p_on_time != b->p_on_time) return a->p_on_time < b->p_on_time;
    return a->criticality > b->criticality;
  });
  if (open.empty()) return;
  out << "\n按时完成概率最低的任务\n";
  text_table t({{"任务", align::left, 0},
                {"时限", align::left, 0},
                {"按时概率", align::right, 0},
                {"P50", align::left, 0},
                {"P80", align::left, 0},
                {"P95", align::left, 0},
                {"关键概率", align::right, 0},
                {"敏感度", align::right, 0}});
  for (std::size_t i = 0; i < open.size() && i < tasks_shown; ++i) {
    const task_risk& k = *open[i];
    t.add_row({k.id, k.deadline ? format_iso_date(*k.deadline) : "—", percent(k.p_on_time),
               format_iso_date(k.p50), format_iso_date(k.p80), format_iso_date(k.p95),
               percent(k.criticality), k.uncertain ? fixed2(k.sensitivity) : "—"});
  }
  out << t.render(2);
  out << "  （敏感度：任务工期与迎检当日得分的秩相关系数，负值越大，拖期越伤得分）\n";
}

int run(const arguments& args, context& ctx) {
  plan p = load_plan_argument(args);
  simulation_options o;
  if (args.has("--iterations"))
    o.iterations = whole_option(args, "--iterations", 1, max_iterations);
  if (args.has("--seed")) o.seed = whole_option(args, "--seed", 0, UINT64_MAX);
  if (args.has("--threads"))
    o.threads = static_cast<unsigned>(whole_option(args, "--threads", 1, 256));
  bool bar = ctx.err_is_terminal;
  if (bar)
    o.progress = [&ctx](std::uint64_t done, std::uint64_t total) {
      constexpr std::size_t width = 30;
      std::size_t filled = total ? static_cast<std::size_t>(done * width / total) : width;
      std::string line = "\r模拟 [";
      for (std::size_t i = 0; i < width; ++i) line += i < filled ? "#" : ".";
      line += "] " + std::to_string(done) + "/" + std::to_string(total);
      ctx.err << line << std::flush;
      return true;
    };
  risk_result r = io::simulate_plan(p, o);
  if (bar) ctx.err << "\r\033[K" << std::flush;
  if (args.has("--json")) {
    ctx.out << io::write_risk_json(r, 2) << '\n';
    return exit_ok;
  }
  print(ctx.out, p, r);
  return exit_ok;
}

const command_registration registration{{
    "risk",
    "PLAN [--iterations N] [--seed S] [--threads T] [--json] [--as-of DATE]",
    "Monte Carlo: odds of each deadline, of the finish, and of reaching the target score",
    {{"--iterations", true, "iterations (default: the plan's, else 10000)"},
     {"--seed", true, "random seed (default: the plan's, else 1)"},
     {"--threads", true, "threads (default: every core); results do not depend on it"},
     json_option(),
     as_of_option_spec()},
    1,
    1,
    run,
}};

}  // namespace
}  // namespace readiness::cli
