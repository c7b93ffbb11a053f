// Text views of a readiness forecast (see forecast_text.hpp).
#include "cli/forecast_text.hpp"

#include <algorithm>
#include <map>
#include <ostream>
#include <set>

#include "cli/text_table.hpp"
#include "readiness/dates.hpp"

namespace readiness::cli {
namespace {

constexpr std::size_t shortfalls_shown = 15;

std::string bar(centi value, centi max, std::size_t width) {
  if (max <= 0) return {};
  auto filled =
      static_cast<std::size_t>(std::clamp<centi>(value, 0, max) * static_cast<centi>(width) / max);
  std::string out;
  for (std::size_t i = 0; i < filled; ++i) out += "█";
  return out;
}

std::map<std::string, const item_score*, id_less> items_by_id(const score_result& r) {
  std::map<std::string, const item_score*, id_less> out;
  for (const auto& s : r.items) out[s.id] = &s;
  return out;
}

}  // namespace

std::string points_text(centi v) {
  return format_centi(v);
}

const char* light_text(light l) {
  switch (l) {
    case light::red:
      return "红灯";
    case light::yellow:
      return "黄灯";
    case light::blue:
      return "蓝灯";
    case light::green:
      return "绿灯";
    case light::done:
      return "已完成";
  }
  return "";
}

void print_curve(std::ostream& out, const readiness_forecast& f) {
  if (f.curve.empty()) return;
  centi lo = f.curve.front().total, hi = lo;
  for (const auto& pt : f.curve) lo = std::min(lo, pt.total), hi = std::max(hi, pt.total);
  static const char* const ticks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  std::string spark;
  for (const auto& pt : f.curve) {
    std::size_t k = hi == lo ? 7 : static_cast<std::size_t>((pt.total - lo) * 7 / (hi - lo));
    spark += ticks[k];
  }
  out << "\n得分曲线（每个工作日，" << points_text(lo) << " → " << points_text(hi) << "）\n  "
      << spark << '\n';
  text_table t({{"周末工作日", align::left, 0},
                {"预计得分", align::right, 0},
                {"等次", align::left, 0},
                {"", align::left, 0}});
  centi max = f.now.total.max > 0 ? f.now.total.max : hi;
  for (std::size_t i = 0; i < f.curve.size(); ++i) {
    const auto& pt = f.curve[i];
    bool last_of_week = i + 1 == f.curve.size() ||
                        f.curve[i + 1].day.week_number() != pt.day.week_number() ||
                        (f.curve[i + 1].day - pt.day).days() >= 7;
    if (!last_of_week) continue;
    std::string mark = pt.day == f.ready_by ? "  ← 准备截止" : "";
    t.add_row({format_iso_date(pt.day), points_text(pt.total),
               pt.grade + (pt.qualified ? "" : "（否决）"), bar(pt.total, max, 25) + mark});
  }
  out << t.render(2);
}

void print_gaps(std::ostream& out, const plan& p, const readiness_forecast& f) {
  auto items = items_by_id(f.on_day);
  std::set<std::string> covered;
  for (const auto& t : p.tasks)
    for (const auto& e : t.effects)
      if (e.kind != effect_kind::clear_veto) covered.insert(e.item);
  auto title = [&](const std::string& id) {
    auto it = items.find(id);
    return it == items.end() ? std::string() : it->second->title;
  };

  out << "\n填空白：迎检当日仍失分、且没有任何任务针对的考评项（" << f.uncovered.size() << "项）\n";
  if (f.uncovered.empty()) {
    out << "  无\n";
  } else {
    std::vector<gap> sorted = f.uncovered;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const gap& a, const gap& b) { return a.lost > b.lost; });
    text_table t({{"序号", align::left, 0},
                  {"考评内容", align::left, 30},
                  {"失分", align::right, 0},
                  {"责任单位", align::left, 0}});
    for (const auto& g : sorted) t.add_row({g.id, title(g.id), points_text(g.lost), g.owner});
    out << t.render(2);
  }

  const auto& sf = f.on_day.shortfalls;
  out << "\n补短板：迎检当日预计失分的考评项（按失分排序，共" << sf.size() << "项）\n";
  text_table s({{"序号", align::left, 0},
                {"考评内容", align::left, 30},
                {"失分", align::right, 0},
                {"责任单位", align::left, 0},
                {"有任务", align::left, 0},
                {"说明", align::left, 40}});
  for (std::size_t i = 0; i < sf.size() && i < shortfalls_shown; ++i) {
    auto it = items.find(sf[i].id);
    const item_score* is = it == items.end() ? nullptr : it->second;
    s.add_row({sf[i].id, is ? is->title : "", points_text(sf[i].lost), is ? is->owner : "",
               covered.count(sf[i].id) ? "是" : "否", is ? is->reason : ""});
  }
  out << s.render(2);

  const auto& bo = f.on_day.bonus_opportunities;
  out << "\n增特色：尚未拿到的加分（" << bo.size() << "项）\n";
  if (bo.empty()) {
    out << "  无\n";
    return;
  }
  text_table b({{"序号", align::left, 0},
                {"考评内容", align::left, 30},
                {"可加分", align::right, 0},
                {"有任务", align::left, 0}});
  for (const auto& o : bo)
    b.add_row({o.id, title(o.id), points_text(o.gain), covered.count(o.id) ? "是" : "否"});
  out << b.render(2);
}

void print_units(std::ostream& out, const readiness_forecast& f) {
  text_table t({{"单位", align::left, 22},
                {"牵头任务", align::right, 0},
                {"完成", align::right, 0},
                {"红", align::right, 0},
                {"黄", align::right, 0},
                {"蓝", align::right, 0},
                {"绿", align::right, 0},
                {"逾期", align::right, 0},
                {"风险分", align::right, 0},
                {"负责考评项", align::right, 0},
                {"失分", align::right, 0}});
  for (const auto& u : f.units) {
    if (u.tasks == 0 && u.items_owned == 0) continue;
    t.add_row({u.name.empty() ? u.id : u.name, std::to_string(u.tasks), std::to_string(u.done),
               std::to_string(u.red), std::to_string(u.yellow), std::to_string(u.blue),
               std::to_string(u.green), std::to_string(u.late), points_text(u.points_at_risk),
               std::to_string(u.items_owned), points_text(u.points_lost)});
  }
  out << t.render(2);
}

void print_priorities(std::ostream& out, const readiness_forecast& f, std::size_t limit) {
  text_table t({{"#", align::right, 0},
                {"任务", align::left, 0},
                {"名称", align::left, 26},
                {"牵头", align::left, 0},
                {"状态", align::left, 0},
                {"保障分", align::right, 0},
                {"剩余", align::right, 0},
                {"原因", align::left, 60}});
  for (std::size_t i = 0; i < f.priorities.size() && i < limit; ++i) {
    const auto& p = f.priorities[i];
    t.add_row({std::to_string(i + 1), p.task, p.title, p.lead,
               std::string(light_text(p.light)) + (p.critical ? "·关键" : ""),
               points_text(p.own + p.downstream), std::to_string(p.remaining), p.reason});
  }
  out << t.render(2);
}

}  // namespace readiness::cli
