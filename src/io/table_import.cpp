// Task and rubric tables from spreadsheets: header recognition, cell conversion, unit ids.
#include "io/table_import.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "io/json_writer.hpp"
#include "readiness/dates.hpp"
#include "readiness/error.hpp"
#include "readiness/model_names.hpp"

namespace readiness::io {
namespace {

using header_table = std::vector<std::pair<std::string_view, std::string_view>>;

const header_table task_headers = {
    {"序号", "id"},          {"编号", "id"},           {"工作任务", "title"},
    {"任务", "title"},       {"任务名称", "title"},    {"工作内容", "title"},
    {"重点任务", "title"},   {"牵头单位", "lead"},     {"责任单位", "responsible"},
    {"配合单位", "support"}, {"协办单位", "support"},  {"完成时限", "due"},
    {"时间节点", "due"},     {"完成时间", "due"},      {"截止时间", "due"},
    {"责任人", "owner"},     {"工期/天", "duration"},  {"工期(天)", "duration"},
    {"工期", "duration"},    {"前置任务", "after"},    {"上级任务", "parent"},
    {"进度", "progress"},    {"测评标准", "criteria"}, {"测评方法", "ignore"},
    {"材料要求", "ignore"},  {"督查单位", "ignore"},   {"备注", "ignore"},
    {"计划开始", "ignore"},  {"计划完成", "ignore"},   {"最迟完成", "ignore"},
    {"总时差/天", "ignore"}, {"关键", "ignore"},       {"状态灯", "ignore"}};
const std::set<std::string_view> task_fields = {
    "id",       "title", "lead",   "responsible", "support",  "due",   "owner",
    "duration", "after", "parent", "progress",    "criteria", "ignore"};

const header_table rubric_headers = {{"考评项目", "category"}, {"大项", "category"},
                                     {"序号", "id"},           {"考评内容", "title"},
                                     {"小项", "title"},        {"分值", "points"},
                                     {"评分标准", "criteria"}, {"考评得分", "ignore"},
                                     {"得分", "ignore"},       {"备注", "ignore"}};
const std::set<std::string_view> rubric_fields = {"category", "id",       "title",
                                                  "points",   "criteria", "ignore"};

// Header text without spaces, line breaks and with ASCII parentheses and slashes.
std::string normal_header(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isspace(c)) continue;
    std::string_view rest = text.substr(i);
    if (rest.substr(0, 3) == "（") {
      out += '(';
      i += 2;
      continue;
    }
    if (rest.substr(0, 3) == "）") {
      out += ')';
      i += 2;
      continue;
    }
    if (rest.substr(0, 3) == "／") {
      out += '/';
      i += 2;
      continue;
    }
    if (rest.substr(0, 3) == "\u3000") {
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

std::string trim(std::string_view s) {
  const char* space = " \t\r\n";
  auto b = s.find_first_not_of(space);
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(space);
  std::string out(s.substr(b, e - b + 1));
  while (out.substr(0, 3) == "\u3000") out.erase(0, 3);
  while (out.size() >= 3 && out.compare(out.size() - 3, 3, "\u3000") == 0)
    out.resize(out.size() - 3);
  return out;
}

struct located_errors {
  std::string name;
  std::vector<diagnostic> list;
  void add(std::size_t line, std::size_t column, std::string message) {
    std::string where = name + ":line " + std::to_string(line);
    if (column) where += ", column " + std::to_string(column);
    list.push_back({std::move(where), std::move(message)});
  }
  void throw_if_any() const {
    if (!list.empty()) throw error(errc::validation, list);
  }
};

// The header row (the first of the first ten rows with at least two known headers) and the field
// of each column ("" for unknown columns).
struct table_layout {
  std::size_t header_row = 0;
  std::vector<std::string> fields;
};

table_layout find_layout(const std::vector<csv_row>& rows, const header_table& builtin,
                         const std::set<std::string_view>& fields,
                         const table_import_options& options, located_errors& errors,
                         std::vector<std::string>& warnings) {
  for (const auto& [header, field] : options.map)
    if (!fields.count(field))
      throw error(errc::invalid_argument, "--map " + header + "=" + field,
                  "unknown field \"" + field + "\"");
  auto field_of = [&](const std::string& cell) -> std::string {
    std::string h = normal_header(cell);
    for (const auto& [header, field] : options.map)
      if (normal_header(header) == h) return field;
    for (const auto& [header, field] : builtin)
      if (normal_header(header) == h) return std::string(field);
    return {};
  };
  for (std::size_t r = 0; r < rows.size() && r < 10; ++r) {
    table_layout layout;
    layout.header_row = r;
    int known = 0;
    for (const auto& cell : rows[r].cells) {
      layout.fields.push_back(field_of(cell));
      if (!layout.fields.back().empty()) ++known;
    }
    if (known < 2) continue;
    std::map<std::string, std::size_t> seen;
    for (std::size_t c = 0; c < layout.fields.size(); ++c) {
      const auto& f = layout.fields[c];
      if (f.empty()) {
        if (!trim(rows[r].cells[c]).empty())
          warnings.push_back(errors.name + ":line " + std::to_string(rows[r].line) + ", column " +
                             std::to_string(c + 1) + ": column \"" + trim(rows[r].cells[c]) +
                             "\" ignored (map it with --map)");
        continue;
      }
      if (f == "ignore") continue;
      if (auto [it, fresh] = seen.emplace(f, c); !fresh)
        errors.add(rows[r].line, c + 1,
                   "a second column for " + f + " (the first is column " +
                       std::to_string(it->second + 1) + ")");
    }
    return layout;
  }
  errors.add(rows.empty() ? 1 : rows.front().line, 0,
             "no header row found in the first ten rows (expected headers such as " +
                 std::string(builtin[0].first) + ", " + std::string(builtin[2].first) + ")");
  errors.throw_if_any();
  return {};
}

// Cells of one row by field, with their columns.
struct row_cells {
  std::map<std::string, std::pair<std::string, std::size_t>> by_field;
  std::string get(const std::string& f) const {
    auto it = by_field.find(f);
    return it == by_field.end() ? std::string() : it->second.first;
  }
  std::size_t column(const std::string& f) const {
    auto it = by_field.find(f);
    return it == by_field.end() ? 0 : it->second.second;
  }
};

row_cells cells_of(const csv_row& row, const table_layout& layout) {
  row_cells out;
  for (std::size_t c = 0; c < row.cells.size() && c < layout.fields.size(); ++c) {
    const auto& f = layout.fields[c];
    if (f.empty() || f == "ignore") continue;
    out.by_field.emplace(f, std::make_pair(trim(row.cells[c]), c + 1));
  }
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// 一 … 九十九 → 1 … 99; 0 when the text is not a Chinese numeral.
int chinese_numeral(std::string_view s) {
  static const std::vector<std::string_view> digits = {"零", "一", "二", "三", "四",
                                                       "五", "六", "七", "八", "九"};
  int value = 0, current = 0;
  bool any = false;
  while (!s.empty()) {
    bool matched = false;
    for (int d = 0; d < 10; ++d)
      if (s.substr(0, digits[d].size()) == digits[d]) {
        current = d;
        s.remove_prefix(digits[d].size());
        matched = any = true;
        break;
      }
    if (matched) continue;
    if (s.substr(0, 3) == "十") {
      value += (current ? current : 1) * 10;
      current = 0;
      s.remove_prefix(3);
      any = true;
      continue;
    }
    return 0;
  }
  return any ? value + current : 0;
}

std::string task_id_from(std::string_view number) {
  if (all_digits(number)) {
    std::string n(number);
    while (n.size() > 1 && n[0] == '0') n.erase(0, 1);
    return "T" + std::string(n.size() < 2 ? 2 - n.size() : 0, '0') + n;
  }
  return std::string(number);
}

// "T03", "3", "T03(SS+2)", "T03(FS-1)".
std::optional<link> parse_link(std::string_view text) {
  link l;
  auto open = text.find('(');
  l.task = task_id_from(text.substr(0, open));
  if (l.task.empty()) return std::nullopt;
  if (open == std::string_view::npos) return l;
  if (text.back() != ')') return std::nullopt;
  std::string_view inside = text.substr(open + 1, text.size() - open - 2);
  if (inside.size() >= 2 && std::isalpha(static_cast<unsigned char>(inside[0]))) {
    auto type = link_type_named(inside.substr(0, 2));
    if (!type) return std::nullopt;
    l.type = *type;
    inside.remove_prefix(2);
  }
  if (inside.empty()) return l;
  bool negative = inside[0] == '-';
  if (inside[0] != '+' && inside[0] != '-') return std::nullopt;
  inside.remove_prefix(1);
  if (inside.empty() || inside.size() > 6 ||
      !std::all_of(inside.begin(), inside.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  l.lag = std::stoll(std::string(inside)) * (negative ? -1 : 1);
  return l;
}

std::optional<std::int64_t> small_whole(std::string_view s) {
  if (!all_digits(s) || s.size() > 9) return std::nullopt;
  return std::stoll(std::string(s));
}

std::optional<fraction> share_of(std::string text) {
  bool percent = false;
  if (!text.empty() && text.back() == '%') {
    percent = true;
    text.pop_back();
  }
  auto f = parse_fraction(trim(text));
  if (!f) return std::nullopt;
  if (percent) *f = make_fraction(f->num, f->den * 100);
  if (*f < make_fraction(0, 1) || *f > make_fraction(1, 1)) return std::nullopt;
  return f;
}

std::string guess_unit_kind(const std::string& name) {
  auto ends = [&](std::string_view tail) {
    return name.size() >= tail.size() &&
           name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
  };
  if (ends("镇") || ends("乡") || ends("街道")) return "town";
  return "department";
}

// Unit names → ids: units of the plan merged into (by name or id), else new ones U01, U02, …
class unit_names {
 public:
  explicit unit_names(const plan* into) {
    if (!into) return;
    for (const auto& u : into->units) {
      used_.insert(u.id);
      by_name_.emplace(u.name.empty() ? u.id : u.name, u.id);
      by_name_.emplace(u.id, u.id);
    }
  }
  std::string id_for(const std::string& name) {
    if (auto it = by_name_.find(name); it != by_name_.end()) return it->second;
    std::string id;
    do {
      ++next_;
      id = "U" + std::string(next_ < 10 ? "0" : "") + std::to_string(next_);
    } while (used_.count(id));
    used_.insert(id);
    by_name_.emplace(name, id);
    unit u;
    u.id = id;
    u.name = name;
    u.kind = guess_unit_kind(name);
    fresh_.push_back(std::move(u));
    return id;
  }
  std::vector<unit> take() { return std::move(fresh_); }

 private:
  std::map<std::string, std::string> by_name_;
  std::set<std::string> used_;
  std::vector<unit> fresh_;
  int next_ = 0;
};

std::string json_text(const std::string& text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

// "每发现1处扣0.5分" / "每缺1项扣1分，扣完为止" → the points taken per deficiency.
std::optional<centi> deduction_per(std::string_view criteria) {
  std::size_t from = 0;
  while ((from = criteria.find("每", from)) != std::string_view::npos) {
    std::size_t kou = criteria.find("扣", from);
    std::size_t stop = criteria.find("。", from);
    if (kou == std::string_view::npos || (stop != std::string_view::npos && stop < kou) ||
        kou - from > 60) {
      from += 3;
      continue;
    }
    std::size_t n = kou + 3, e = n;
    while (e < criteria.size() &&
           (std::isdigit(static_cast<unsigned char>(criteria[e])) || criteria[e] == '.'))
      ++e;
    if (e > n && criteria.substr(e, 3) == "分")
      if (auto f = parse_fraction(criteria.substr(n, e - n)))
        if (auto c = centi_from_fraction(*f); c && *c > 0) return c;
    from += 3;
  }
  return std::nullopt;
}

// "一、组织领导坚强有力（6）" → {"1", "组织领导坚强有力", 6}.
struct category_heading {
  std::string id;
  std::string title;
  std::optional<centi> points;
};

category_heading parse_heading(std::string text, std::size_t ordinal) {
  category_heading h;
  std::string t = normal_header(text) == text ? text : text;
  // the number in front: "一、", "1.", "1、"
  for (std::string_view sep : {"、", ".", "．", " "}) {
    auto at = t.find(sep);
    if (at == std::string::npos || at == 0) continue;
    std::string head = t.substr(0, at);
    if (int n = chinese_numeral(head))
      h.id = std::to_string(n);
    else if (all_digits(head))
      h.id = head;
    if (!h.id.empty()) {
      t = trim(t.substr(at + sep.size()));
      break;
    }
  }
  if (h.id.empty()) h.id = std::to_string(ordinal);
  // the points at the end: "（6）", "(6分)"
  std::string n = normal_header(t);
  if (!n.empty() && n.back() == ')' && n.rfind('(') != std::string::npos) {
    auto open = n.rfind('(');
    std::string inside = n.substr(open + 1, n.size() - open - 2);
    if (inside.size() >= 3 && inside.compare(inside.size() - 3, 3, "分") == 0)
      inside.resize(inside.size() - 3);
    for (std::string_view lead : {"最多扣", "最高扣", "最高", "最多", "上限"})
      if (inside.compare(0, lead.size(), lead) == 0) {
        inside.erase(0, lead.size());
        break;
      }
    if (auto f = parse_fraction(inside))
      if (auto c = centi_from_fraction(*f)) {
        h.points = c;
        auto cut = t.rfind("（");
        if (cut == std::string::npos || (t.rfind('(') != std::string::npos && t.rfind('(') > cut))
          cut = t.rfind('(');
        t = trim(t.substr(0, cut));
      }
  }
  h.title = t;
  return h;
}

bool is_bonus_heading(const std::string& t) {
  return t.find("加分") != std::string::npos || t.find("特色") != std::string::npos;
}
bool is_penalty_heading(const std::string& t) {
  return t.find("扣分") != std::string::npos || t.find("负面清单") != std::string::npos;
}

}  // namespace

std::vector<std::string> split_unit_names(std::string_view cell) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    if (auto t = trim(current); !t.empty()) out.push_back(t);
    current.clear();
  };
  for (std::size_t i = 0; i < cell.size();) {
    std::string_view rest = cell.substr(i);
    bool split = false;
    for (std::string_view sep : {"、", "，", "；", "\u3000"})
      if (rest.substr(0, sep.size()) == sep) {
        flush();
        i += sep.size();
        split = true;
        break;
      }
    if (split) continue;
    char c = cell[i];
    if (c == ',' || c == ';' || std::isspace(static_cast<unsigned char>(c)))
      flush();
    else
      current += c;
    ++i;
  }
  flush();
  return out;
}

std::optional<date> parse_table_date(std::string_view text, std::optional<int> year,
                                     bool* needed_year) {
  if (needed_year) *needed_year = false;
  std::string t = trim(text);
  for (std::string_view tail : {"前", "之前", "以前"})
    if (t.size() > tail.size() && t.compare(t.size() - tail.size(), tail.size(), tail) == 0)
      t.resize(t.size() - tail.size());
  // numbers separated by -, /, ., 年, 月; ends with 日, 号, or 月底 (the month's last day)
  std::vector<int> parts;
  bool month_end = t.size() > 6 && t.compare(t.size() - 6, 6, "月底") == 0;
  if (month_end) t.resize(t.size() - 3);
  std::string digits;
  std::string_view s = t;
  while (!s.empty()) {
    char c = s.front();
    if (c >= '0' && c <= '9') {
      digits += c;
      s.remove_prefix(1);
      continue;
    }
    if (digits.empty() || digits.size() > 4) return std::nullopt;
    parts.push_back(std::stoi(digits));
    digits.clear();
    std::size_t skip = 0;
    for (std::string_view sep : {"-", "/", ".", "年", "月", "日", "号"})
      if (s.substr(0, sep.size()) == sep) {
        skip = sep.size();
        break;
      }
    if (!skip) return std::nullopt;
    s.remove_prefix(skip);
  }
  if (!digits.empty()) {
    if (digits.size() > 4) return std::nullopt;
    parts.push_back(std::stoi(digits));
  }
  int y = 0, m = 0, d = 0;
  if (month_end) {
    if (parts.size() == 2) {
      y = parts[0];
      m = parts[1];
    } else if (parts.size() == 1)
      m = parts[0];
    else
      return std::nullopt;
  } else if (parts.size() == 3) {
    y = parts[0];
    m = parts[1];
    d = parts[2];
  } else if (parts.size() == 2) {
    m = parts[0];
    d = parts[1];
  } else {
    return std::nullopt;
  }
  if (y == 0) {
    if (!year) {
      if (needed_year) *needed_year = true;
      return std::nullopt;
    }
    y = *year;
  }
  if (y < 1900 || y > 2199 || m < 1 || m > 12) return std::nullopt;
  try {
    if (month_end) return boost::gregorian::date(y, m, 1).end_of_month();
    return date(y, m, d);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

task_table import_task_table(std::string_view bytes, const std::string& name,
                             const table_import_options& options) {
  task_table out;
  std::string text = decode_text(bytes, name, &out.encoding);
  auto rows = parse_csv(text, name);
  located_errors errors{name, {}};
  auto layout = find_layout(rows, task_headers, task_fields, options, errors, out.warnings);
  errors.throw_if_any();
  if (std::find(layout.fields.begin(), layout.fields.end(), "title") == layout.fields.end())
    errors.add(rows[layout.header_row].line, 0,
               "no 工作任务 column (map one with --map HEADER=title)");
  errors.throw_if_any();

  unit_names units(options.into);
  std::set<std::string> ids;
  if (options.into)
    for (const auto& t : options.into->tasks) ids.insert(t.id);
  std::set<std::string> table_ids;
  std::string phase;  // the current 一、二、… section, parent of the rows under it
  std::size_t ordinal = 0;
  for (std::size_t r = layout.header_row + 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    auto cells = cells_of(row, layout);
    ++ordinal;
    task t;
    std::string number = cells.get("id");
    if (int n = chinese_numeral(number)) {
      t.id = "P" + std::to_string(n);
      phase = t.id;
    } else if (!number.empty()) {
      t.id = task_id_from(number);
      if (!phase.empty()) t.parent = phase;
    } else {
      t.id = task_id_from(std::to_string(ordinal));
      if (!phase.empty()) t.parent = phase;
    }
    if (t.id.size() > 64) errors.add(row.line, cells.column("id"), "序号 longer than 64 bytes");
    if (!table_ids.insert(t.id).second)
      errors.add(row.line, cells.column("id"), "task " + t.id + " appears twice in the table");
    t.title = cells.get("title");
    if (t.title.empty()) errors.add(row.line, cells.column("title"), "the 工作任务 cell is empty");
    auto unit_list = [&](const char* field) {
      std::vector<std::string> list;
      for (const auto& n : split_unit_names(cells.get(field))) {
        auto id = units.id_for(n);
        if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
      }
      return list;
    };
    auto leads = unit_list("lead");
    if (!leads.empty()) t.lead = leads.front();
    if (leads.size() > 1)
      out.warnings.push_back(name + ":line " + std::to_string(row.line) + ", column " +
                             std::to_string(cells.column("lead")) + ": several 牵头单位; " +
                             leads.front() + " leads, the others are counted as responsible");
    t.responsible = unit_list("responsible");
    for (std::size_t i = 1; i < leads.size(); ++i)
      if (std::find(t.responsible.begin(), t.responsible.end(), leads[i]) == t.responsible.end())
        t.responsible.push_back(leads[i]);
    t.support = unit_list("support");
    t.owner = cells.get("owner");
    if (auto due = cells.get("due"); !due.empty()) {
      bool needed_year = false;
      t.due = parse_table_date(due, options.year, &needed_year);
      if (!t.due)
        errors.add(row.line, cells.column("due"),
                   needed_year ? "\"" + due +
                                     "\" has no year: give --year or merge --into a plan"
                                     " with an inspection date"
                               : "\"" + due +
                                     "\" is not a date (2026-09-18, 2026/9/18, "
                                     "2026年9月18日 or 9月18日前)");
    }
    if (auto d = cells.get("duration"); !d.empty()) {
      std::string v = d;
      if (v.size() > 3 && v.compare(v.size() - 3, 3, "天") == 0) v.resize(v.size() - 3);
      if (auto n = small_whole(trim(v)))
        t.duration = *n;
      else
        errors.add(row.line, cells.column("duration"),
                   "工期 \"" + d + "\" is not a whole number of working days");
    }
    for (const auto& pred : split_unit_names(cells.get("after"))) {
      if (auto l = parse_link(pred))
        t.after.push_back(std::move(*l));
      else
        errors.add(row.line, cells.column("after"),
                   "前置任务 \"" + pred +
                       "\" is not a task number, optionally with a link "
                       "type and lag as in T03(SS+2)");
    }
    if (auto p = cells.get("parent"); !p.empty()) t.parent = task_id_from(p);
    if (auto p = cells.get("progress"); !p.empty()) {
      t.progress = share_of(p);
      if (!t.progress)
        errors.add(row.line, cells.column("progress"), "进度 \"" + p + "\" is not 0…1 or 0%…100%");
    }
    if (auto c = cells.get("criteria"); !c.empty()) t.ext.emplace_back("x-criteria", json_text(c));
    out.tasks.push_back(std::move(t));
  }
  // leaf tasks need a duration to be scheduled; parents span their children
  std::set<std::string> parents;
  for (const auto& t : out.tasks) parents.insert(t.parent);
  if (options.into)
    for (const auto& t : options.into->tasks) parents.insert(t.parent);
  for (std::size_t i = 0; i < out.tasks.size(); ++i) {
    const auto& t = out.tasks[i];
    bool known = options.into &&
                 std::any_of(options.into->tasks.begin(), options.into->tasks.end(),
                             [&](const task& old) { return old.id == t.id && old.duration; });
    if (!t.duration && !parents.count(t.id) && !known) {
      out.warnings.push_back(name + ":line " +
                             std::to_string(rows[layout.header_row + 1 + i].line) + ": task " +
                             t.id + " has no 工期/天; set one before scheduling");
      break;
    }
  }
  // links must name a task of the table or of the plan merged into
  for (std::size_t i = 0; i < out.tasks.size(); ++i)
    for (const auto& l : out.tasks[i].after)
      if (!table_ids.count(l.task) && !ids.count(l.task))
        errors.add(rows[layout.header_row + 1 + i].line, 0,
                   "前置任务 " + l.task + " is not a task of the table");
  errors.throw_if_any();
  out.new_units = units.take();
  return out;
}

void merge_task_table(plan& p, const task_table& table) {
  for (const auto& u : table.new_units) p.units.push_back(u);
  for (const auto& t : table.tasks) {
    auto it = std::find_if(p.tasks.begin(), p.tasks.end(),
                           [&](const task& old) { return old.id == t.id; });
    if (it == p.tasks.end()) {
      p.tasks.push_back(t);
      continue;
    }
    // the table replaces what it holds; what only the plan knows (links, effects, estimates,
    // actual dates) stays
    task merged = *it;
    merged.title = t.title;
    merged.lead = t.lead;
    merged.responsible = t.responsible;
    merged.support = t.support;
    merged.owner = t.owner;
    if (!t.parent.empty()) merged.parent = t.parent;
    if (t.due) merged.due = t.due;
    if (t.duration) merged.duration = t.duration;
    if (!t.after.empty()) merged.after = t.after;
    if (t.progress) merged.progress = t.progress;
    for (const auto& e : t.ext) {
      auto old = std::find_if(merged.ext.begin(), merged.ext.end(),
                              [&](const auto& m) { return m.first == e.first; });
      if (old == merged.ext.end())
        merged.ext.push_back(e);
      else
        old->second = e.second;
    }
    *it = std::move(merged);
  }
}

rubric_table import_rubric_table(std::string_view bytes, const std::string& name,
                                 const table_import_options& options) {
  rubric_table out;
  std::string text = decode_text(bytes, name, &out.encoding);
  auto rows = parse_csv(text, name);
  located_errors errors{name, {}};
  auto layout = find_layout(rows, rubric_headers, rubric_fields, options, errors, out.warnings);
  errors.throw_if_any();
  for (const char* needed : {"category", "title", "points"})
    if (std::find(layout.fields.begin(), layout.fields.end(), needed) == layout.fields.end())
      errors.add(rows[layout.header_row].line, 0,
                 std::string("no column for ") + needed + " (考评项目, 考评内容, 分值; or --map)");
  errors.throw_if_any();

  enum class section { regular, bonus, penalties };
  section where = section::regular;
  rubric& rb = out.result;
  std::vector<std::optional<centi>> stated;  // each category's points as its heading states them
  std::vector<std::size_t> heading_lines;
  std::set<std::string> item_ids;
  std::size_t ordinal = 0;
  for (std::size_t r = layout.header_row + 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    auto cells = cells_of(row, layout);
    if (auto heading = cells.get("category"); !heading.empty()) {
      if (auto h = normal_header(heading); h == "合计" || h == "总计" || h == "总分") break;
      if (is_bonus_heading(heading)) {
        where = section::bonus;
        rb.bonus.emplace();
        auto h = parse_heading(heading, 0);
        rb.bonus->cap = h.points;
      } else if (is_penalty_heading(heading)) {
        where = section::penalties;
        rb.penalties.emplace();
        auto h = parse_heading(heading, 0);
        rb.penalties->cap = h.points;
      } else {
        where = section::regular;
        auto h = parse_heading(heading, ++ordinal);
        category c;
        c.id = h.id;
        c.title = h.title;
        for (const auto& old : rb.categories)
          if (old.id == c.id)
            errors.add(row.line, cells.column("category"), "category " + c.id + " appears twice");
        rb.categories.push_back(std::move(c));
        stated.push_back(h.points);
        heading_lines.push_back(row.line);
      }
    }
    if (cells.get("title").empty() && cells.get("points").empty()) continue;
    if (where == section::regular && rb.categories.empty()) {
      errors.add(row.line, cells.column("category"), "an item before any 考评项目");
      continue;
    }
    item it;
    it.title = cells.get("title");
    it.criteria = cells.get("criteria");
    std::string number = cells.get("id");
    std::vector<item>* list = nullptr;
    std::string prefix;
    if (where == section::regular) {
      list = &rb.categories.back().items;
      prefix = rb.categories.back().id;
    } else if (where == section::bonus) {
      list = &rb.bonus->items;
      prefix = "B";
    } else {
      list = &rb.penalties->items;
      prefix = "P";
    }
    if (number.find('.') != std::string::npos || (!number.empty() && !all_digits(number)))
      it.id = number;
    else
      it.id = prefix + (where == section::regular ? "." : "") + std::to_string(list->size() + 1);
    if (!item_ids.insert(it.id).second)
      errors.add(row.line, cells.column("id"), "item " + it.id + " appears twice");
    std::string pts = cells.get("points");
    if (pts.size() > 3 && pts.compare(pts.size() - 3, 3, "分") == 0) pts.resize(pts.size() - 3);
    std::optional<centi> points;
    if (auto f = parse_fraction(trim(pts))) points = centi_from_fraction(*f);
    if (where != section::penalties) {
      if (!points || *points < 0)
        errors.add(row.line, cells.column("points"),
                   "分值 \"" + cells.get("points") +
                       "\" is not a number of points (at most two "
                       "decimals)");
      else
        it.points = *points;
    }
    auto per = deduction_per(it.criteria);
    if (where == section::penalties) {
      it.scoring.kind = rule_kind::penalty;
      it.scoring.per = per ? *per : (points ? (*points < 0 ? -*points : *points) : 0);
      it.points = 0;
      if (!per && !points)
        errors.add(row.line, cells.column("criteria"),
                   "a penalty item needs \"每…扣X分\" in 评分标准 or its points in 分值");
    } else if (per || it.criteria.find("扣完为止") != std::string::npos) {
      it.scoring.kind = rule_kind::deduction;
      it.scoring.per = per ? *per : it.points;
      if (!per)
        out.warnings.push_back(name + ":line " + std::to_string(row.line) +
                               ": 扣完为止 without 每…扣X分; one deficiency takes all points");
    }
    list->push_back(std::move(it));
  }
  centi total = 0;
  for (std::size_t i = 0; i < rb.categories.size(); ++i) {
    auto& c = rb.categories[i];
    centi sum = 0;
    for (const auto& it : c.items) sum += it.points;
    c.points = stated[i] ? *stated[i] : sum;
    if (stated[i] && *stated[i] != sum)
      errors.add(heading_lines[i], layout.fields.size() ? 1 : 0,
                 "category " + c.id + " states " + format_centi(*stated[i]) +
                     " points but its items add up to " + format_centi(sum));
    total += c.points;
  }
  rb.total = total;
  errors.throw_if_any();
  return out;
}

}  // namespace readiness::io
