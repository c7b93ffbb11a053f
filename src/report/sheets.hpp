// The plan's tables as people print and send them: the score sheet in the official column layout
// (考评项目 | 序号 | 考评内容 | 分值 | 评分标准 | 考评得分), the task table and the unit table.
// Built once as plain tables; the XLSX and CSV writers only lay them out.
#ifndef READINESS_REPORT_SHEETS_HPP
#define READINESS_REPORT_SHEETS_HPP

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "readiness/id_order.hpp"
#include "readiness/model.hpp"
#include "readiness/schedule.hpp"
#include "readiness/scoring.hpp"

namespace readiness::report {

enum class cell_kind { text, number, date };

struct sheet_cell {
  std::string text;
  cell_kind kind = cell_kind::text;
  std::size_t row_span = 1;  // > 1: merged with the cells below (their text is empty)
  std::string fill;          // a light ("red", "yellow", "blue", "green", "done") or ""
};

struct sheet_column {
  std::string header;
  double width = 10;  // in Excel character units; a Chinese character takes about 2
  bool wrap = false;
};

struct sheet_table {
  std::string name;   // the sheet tab ("考评得分")
  std::string title;  // a heading above the table in print
  std::vector<sheet_column> columns;
  std::vector<std::vector<sheet_cell>> rows;
  std::size_t total_rows = 0;  // the last rows that are totals (bold)
};

// What the forecast says of one unit (absent when not forecast).
struct unit_outlook {
  std::int64_t late = 0;
  centi points_at_risk = 0;
};
using unit_outlooks = std::map<std::string, unit_outlook, id_less>;

sheet_table score_sheet(const plan& p, const score_result& score);
// With a schedule, the task table adds dates, float and the light of every task.
sheet_table task_sheet(const plan& p, const schedule* s);
sheet_table unit_sheet(const plan& p, const score_result& score, const schedule* s,
                       const unit_outlooks* outlooks);

// "红", "黄", "蓝", "绿", "完成" for a light name.
std::string light_label(const std::string& light);
// 1 → "一", 12 → "十二" (1 … 99), other numbers in digits.
std::string chinese_number(int n);

// Every row of the table as text (header first), as CSV holds it.
std::vector<std::vector<std::string>> sheet_rows(const sheet_table& sheet);

}  // namespace readiness::report

#endif
