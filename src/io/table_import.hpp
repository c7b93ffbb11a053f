// Spreadsheet tables as offices keep them, turned into plan parts: the task division table
// (任务分工: 序号, 工作任务, 牵头单位, 责任单位, 配合单位, 完成时限, 责任人, …) into tasks and
// units, and the rubric table (考评项目, 序号, 考评内容, 分值, 评分标准) into a rubric. Every
// problem names "TABLE.csv:line L, column C".
#ifndef READINESS_IO_TABLE_IMPORT_HPP
#define READINESS_IO_TABLE_IMPORT_HPP

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/csv.hpp"
#include "readiness/model.hpp"

namespace readiness::io {

struct table_import_options {
  // Extra header → field mappings, checked before the built-in headers ("任务内容" → "title").
  // Task fields: id, title, lead, responsible, support, due, owner, duration, after, parent,
  // progress, criteria, ignore. Rubric fields: category, id, title, points, criteria, ignore.
  std::vector<std::pair<std::string, std::string>> map;
  std::optional<int> year;     // the year of dates written without one ("9月18日前")
  const plan* into = nullptr;  // units already known (matched by name or id), ids already used
};

struct task_table {
  std::vector<unit> new_units;  // units first named by this table, with generated ids
  std::vector<task> tasks;      // table order
  std::vector<std::string> warnings;
  text_encoding encoding = text_encoding::utf8;
};

struct rubric_table {
  rubric result;
  std::vector<std::string> warnings;
  text_encoding encoding = text_encoding::utf8;
};

// `bytes` is the file as read; `name` is used in messages. errc::parse for broken CSV or text,
// errc::validation for cells that do not fit (all problems at once, each located).
task_table import_task_table(std::string_view bytes, const std::string& name,
                             const table_import_options& options);
rubric_table import_rubric_table(std::string_view bytes, const std::string& name,
                                 const table_import_options& options);

// Adds the table's units to `p` and its tasks, replacing a task of the same id in place.
void merge_task_table(plan& p, const task_table& table);

// Parses a deadline cell: 2026-09-18, 2026/9/18, 2026.9.18, 2026年9月18日, 9月18日(前), 9月底;
// nullopt when the text is none of these. A date without a year needs `year`.
std::optional<date> parse_table_date(std::string_view text, std::optional<int> year,
                                     bool* needed_year = nullptr);

// Unit names in one cell, split at 、，,;； and white space.
std::vector<std::string> split_unit_names(std::string_view cell);

}  // namespace readiness::io

#endif
