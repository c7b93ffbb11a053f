// The score, task and unit tables, built from the plan, its score and its schedule.
#include "report/sheets.hpp"

#include <algorithm>
#include <set>

#include "readiness/dates.hpp"
#include "readiness/model_names.hpp"

namespace readiness::report {
namespace {

sheet_cell text(std::string t) {
  return {std::move(t), cell_kind::text, 1, {}};
}
sheet_cell number(centi c) {
  return {format_centi(c), cell_kind::number, 1, {}};
}
sheet_cell whole(std::int64_t n) {
  return {std::to_string(n), cell_kind::number, 1, {}};
}
sheet_cell day(const std::optional<date>& d) {
  return d ? sheet_cell{format_iso_date(*d), cell_kind::date, 1, {}} : text("");
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

const std::string& unit_name(const plan& p, const std::string& id) {
  for (const auto& u : p.units)
    if (u.id == id) return u.name.empty() ? u.id : u.name;
  return id;
}

std::vector<std::string> unit_names(const plan& p, const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const auto& id : ids) out.push_back(unit_name(p, id));
  return out;
}

std::string category_heading(const category& c) {
  std::string number = c.id;
  if (!c.id.empty() &&
      std::all_of(c.id.begin(), c.id.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) &&
      c.id.size() < 3)
    number = chinese_number(std::stoi(c.id));
  return number + "、" + c.title + "（" + format_centi(c.points) + "）";
}

std::string link_text(const link& l) {
  std::string suffix;
  if (l.type != link_type::fs) suffix += link_type_name(l.type);
  if (l.lag > 0) suffix += "+" + std::to_string(l.lag);
  if (l.lag < 0) suffix += std::to_string(l.lag);
  if (!suffix.empty() && l.type == link_type::fs) suffix = "FS" + suffix;
  return suffix.empty() ? l.task : l.task + "(" + suffix + ")";
}

std::string percent(const fraction& f) {
  return format_fraction(make_fraction(f.num * 100, f.den)) + "%";
}

}  // namespace

std::string chinese_number(int n) {
  static const char* digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 1 || n > 99) return std::to_string(n);
  if (n < 10) return digits[n];
  std::string out = n / 10 == 1 ? "" : digits[n / 10];
  out += "十";
  if (n % 10) out += digits[n % 10];
  return out;
}

std::string light_label(const std::string& light) {
  if (light == "red") return "红";
  if (light == "yellow") return "黄";
  if (light == "blue") return "蓝";
  if (light == "green") return "绿";
  if (light == "done") return "完成";
  return light;
}

sheet_table score_sheet(const plan& p, const score_result& score) {
  sheet_table t;
  t.name = "考评得分";
  t.title = (p.rubric.title.empty() ? p.title : p.rubric.title) + " 考评得分表";
  t.columns = {{"考评项目", 16, true}, {"序号", 6, false},     {"考评内容", 30, true},
               {"分值", 6, false},     {"评分标准", 44, true}, {"考评得分", 8, false}};
  std::map<std::string, const item_score*> by_id;
  for (const auto& s : score.items) by_id[s.id] = &s;
  auto add_items = [&](const std::string& heading, const std::vector<item>& items) {
    bool first = true;
    for (const auto& it : items) {
      const item_score* s = by_id.count(it.id) ? by_id[it.id] : nullptr;
      sheet_cell head = text(first ? heading : "");
      if (first) head.row_span = items.size();
      first = false;
      t.rows.push_back({head, text(it.id), text(it.title),
                        it.scoring.kind == rule_kind::penalty ? text("") : number(it.points),
                        text(it.criteria), s ? number(s->score) : text("")});
    }
  };
  for (const auto& c : p.rubric.categories) add_items(category_heading(c), c.items);
  if (p.rubric.bonus && !p.rubric.bonus->items.empty())
    add_items(p.rubric.bonus->cap ? "加分项（最高" + format_centi(*p.rubric.bonus->cap) + "分）"
                                  : std::string("加分项"),
              p.rubric.bonus->items);
  if (p.rubric.penalties && !p.rubric.penalties->items.empty())
    add_items(p.rubric.penalties->cap
                  ? "扣分项（最多扣" + format_centi(*p.rubric.penalties->cap) + "分）"
                  : std::string("扣分项"),
              p.rubric.penalties->items);
  const auto& total = score.total;
  std::string summary = "基础分" + format_centi(total.base) + "，加分" + format_centi(total.bonus) +
                        "，扣分" + format_centi(-total.penalty);
  if (!total.grade.empty()) summary += "；等次：" + total.grade;
  if (!total.qualified) summary += "（不具备评选资格）";
  if (!total.vetoes_triggered.empty())
    summary += "；一票否决：" + join(total.vetoes_triggered, "、");
  if (score.as_of) summary += "；自评日期 " + format_iso_date(*score.as_of);
  t.rows.push_back(
      {text("合计"), text(""), text(""), number(total.max), text(summary), number(total.total)});
  t.total_rows = 1;
  return t;
}

sheet_table task_sheet(const plan& p, const schedule* s) {
  sheet_table t;
  t.name = "任务分工";
  t.title = p.title + " 任务分工表";
  t.columns = {{"序号", 6, false},      {"工作任务", 32, true}, {"上级任务", 7, false},
               {"牵头单位", 16, true},  {"责任单位", 20, true}, {"配合单位", 16, true},
               {"责任人", 8, false},    {"工期/天", 7, false},  {"前置任务", 10, true},
               {"完成时限", 11, false}, {"进度", 7, false}};
  if (s)
    for (sheet_column c : {sheet_column{"计划开始", 11, false},
                           {"计划完成", 11, false},
                           {"最迟完成", 11, false},
                           {"总时差/天", 8, false},
                           {"关键", 5, false},
                           {"状态灯", 7, false}})
      t.columns.push_back(c);
  std::vector<const task*> tasks;
  for (const auto& task : p.tasks) tasks.push_back(&task);
  std::stable_sort(tasks.begin(), tasks.end(),
                   [](const task* a, const task* b) { return compare_ids(a->id, b->id) < 0; });
  for (const task* task : tasks) {
    std::vector<std::string> after;
    for (const auto& l : task->after) after.push_back(link_text(l));
    std::vector<sheet_cell> row = {text(task->id),
                                   text(task->title),
                                   text(task->parent),
                                   text(task->lead.empty() ? "" : unit_name(p, task->lead)),
                                   text(join(unit_names(p, task->responsible), "、")),
                                   text(join(unit_names(p, task->support), "、")),
                                   text(task->owner),
                                   task->duration ? whole(*task->duration) : text(""),
                                   text(join(after, "、")),
                                   day(task->due),
                                   text(task->finished   ? "100%"
                                        : task->progress ? percent(*task->progress)
                                                         : "")};
    if (s) {
      const scheduled_task* st = s->find(task->id);
      if (st) {
        row.push_back(day(st->es));
        row.push_back(day(st->ef));
        row.push_back(day(st->done ? std::optional<date>() : std::optional<date>(st->lf)));
        row.push_back(st->total_float ? whole(*st->total_float) : text(""));
        row.push_back(text(st->critical ? "是" : ""));
        std::string name = light_name(st->light);
        sheet_cell light = text(light_label(name));
        light.fill = name;
        row.push_back(light);
      } else {
        row.resize(t.columns.size());
      }
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

sheet_table unit_sheet(const plan& p, const score_result& score, const schedule* s,
                       const unit_outlooks* outlooks) {
  sheet_table t;
  t.name = "责任单位";
  t.title = p.title + " 责任单位一览表";
  t.columns = {{"单位代码", 10, false}, {"单位名称", 28, true},   {"类别", 10, false},
               {"牵头任务", 8, false},  {"已完成", 7, false},     {"未完成", 7, false},
               {"参与任务", 8, false},  {"负责考评项", 18, true}, {"失分", 7, false}};
  if (s)
    for (sheet_column c : {sheet_column{"红灯", 5, false}, {"黄灯", 5, false}})
      t.columns.push_back(c);
  if (outlooks)
    for (sheet_column c : {sheet_column{"逾期任务", 8, false}, {"风险分值", 8, false}})
      t.columns.push_back(c);
  for (const auto& u : p.units) {
    std::int64_t led = 0, done = 0, part = 0, red = 0, yellow = 0;
    for (const auto& task : p.tasks) {
      bool in = std::find(task.responsible.begin(), task.responsible.end(), u.id) !=
                    task.responsible.end() ||
                std::find(task.support.begin(), task.support.end(), u.id) != task.support.end();
      if (in) ++part;
      if (task.lead != u.id) continue;
      const scheduled_task* st = s ? s->find(task.id) : nullptr;
      if (st && st->summary) continue;
      ++led;
      bool is_done =
          st ? st->done
             : (task.finished || (task.progress && *task.progress == make_fraction(1, 1)));
      if (is_done) ++done;
      if (st && st->light == light::red) ++red;
      if (st && st->light == light::yellow) ++yellow;
    }
    std::vector<std::string> items;
    centi lost = 0;
    for (const auto& it : score.items)
      if (it.owner == u.id) {
        items.push_back(it.id);
        lost += it.lost;
      }
    std::vector<sheet_cell> row = {
        text(u.id),  text(u.name),      text(u.kind), whole(led),
        whole(done), whole(led - done), whole(part),  text(join(items, "、")),
        number(lost)};
    if (s) {
      row.push_back(whole(red));
      row.push_back(whole(yellow));
      if (red) row[row.size() - 2].fill = "red";
      if (yellow) row.back().fill = "yellow";
    }
    if (outlooks) {
      auto it = outlooks->find(u.id);
      unit_outlook o = it == outlooks->end() ? unit_outlook{} : it->second;
      row.push_back(whole(o.late));
      row.push_back(number(o.points_at_risk));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::vector<std::vector<std::string>> sheet_rows(const sheet_table& sheet) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header;
  for (const auto& c : sheet.columns) header.push_back(c.header);
  rows.push_back(std::move(header));
  for (const auto& row : sheet.rows) {
    std::vector<std::string> cells;
    for (const auto& c : row) cells.push_back(c.text);
    rows.push_back(std::move(cells));
  }
  return rows;
}

}  // namespace readiness::report
