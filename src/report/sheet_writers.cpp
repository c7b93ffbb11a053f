// XLSX through libxlsxwriter, CSV through the one CSV writer.
#include "report/sheet_writers.hpp"

#include <xlsxwriter.h>

#include <cstdlib>
#include <ctime>
#include <map>

#include "io/csv.hpp"
#include "readiness/error.hpp"

namespace readiness::report {
namespace {

std::uint32_t fill_colour(const std::string& light) {
  if (light == "red") return 0xFF7C80;
  if (light == "yellow") return 0xFFE699;
  if (light == "blue") return 0x9DC3E6;
  if (light == "green") return 0xA9D08E;
  if (light == "done") return 0xD9D9D9;
  return 0;
}

class formats {
 public:
  explicit formats(lxw_workbook* wb) : wb_(wb) {}

  // bold, wrap, centre and fill make the few formats a sheet needs; each is made once.
  lxw_format* get(bool bold, bool wrap, bool centre, const std::string& fill, bool number) {
    auto key = std::to_string(bold) + std::to_string(wrap) + std::to_string(centre) +
               std::to_string(number) + fill;
    if (auto it = made_.find(key); it != made_.end()) return it->second;
    lxw_format* f = workbook_add_format(wb_);
    format_set_font_name(f, "宋体");
    format_set_font_size(f, 10.5);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (centre) format_set_align(f, LXW_ALIGN_CENTER);
    if (bold) format_set_bold(f);
    if (wrap) format_set_text_wrap(f);
    if (number) format_set_num_format(f, "0.##");
    if (auto c = fill_colour(fill)) format_set_bg_color(f, c);
    made_.emplace(key, f);
    return f;
  }

  lxw_format* title() {
    if (!title_) {
      title_ = workbook_add_format(wb_);
      format_set_font_name(title_, "黑体");
      format_set_font_size(title_, 16);
      format_set_bold(title_);
      format_set_align(title_, LXW_ALIGN_CENTER);
      format_set_align(title_, LXW_ALIGN_VERTICAL_CENTER);
    }
    return title_;
  }

 private:
  lxw_workbook* wb_;
  std::map<std::string, lxw_format*> made_;
  lxw_format* title_ = nullptr;
};

void check(lxw_error e, const std::string& path, const char* what) {
  if (e != LXW_NO_ERROR) throw error(errc::io, path, std::string(what) + ": " + lxw_strerror(e));
}

void write_sheet(lxw_workbook* wb, formats& fmt, const sheet_table& t, const std::string& path) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, t.name.c_str());
  if (!ws) throw error(errc::io, path, "cannot add the worksheet " + t.name);
  const auto columns = static_cast<lxw_col_t>(t.columns.size());
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_set_margins(ws, 0.5, 0.5, 0.6, 0.6);
  worksheet_center_horizontally(ws);
  worksheet_repeat_rows(ws, 1, 1);
  worksheet_freeze_panes(ws, 2, 0);
  worksheet_set_footer(ws, "&C第 &P 页，共 &N 页");
  for (lxw_col_t c = 0; c < columns; ++c)
    worksheet_set_column(ws, c, c, t.columns[c].width, nullptr);
  worksheet_set_row(ws, 0, 30, nullptr);
  if (columns > 1)
    worksheet_merge_range(ws, 0, 0, 0, columns - 1, t.title.c_str(), fmt.title());
  else
    worksheet_write_string(ws, 0, 0, t.title.c_str(), fmt.title());
  for (lxw_col_t c = 0; c < columns; ++c)
    worksheet_write_string(ws, 1, c, t.columns[c].header.c_str(),
                           fmt.get(true, true, true, "", false));
  const std::size_t first_total = t.rows.size() - std::min(t.total_rows, t.rows.size());
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 2);
    bool bold = r >= first_total;
    for (lxw_col_t c = 0; c < columns && c < t.rows[r].size(); ++c) {
      const sheet_cell& cell = t.rows[r][c];
      bool number = cell.kind == cell_kind::number && !cell.text.empty();
      lxw_format* f = fmt.get(bold, t.columns[c].wrap, !t.columns[c].wrap || cell.row_span > 1,
                              cell.fill, number);
      if (cell.row_span > 1) {
        worksheet_merge_range(ws, row, c, static_cast<lxw_row_t>(row + cell.row_span - 1), c,
                              cell.text.c_str(), f);
        continue;
      }
      if (number)
        worksheet_write_number(ws, row, c, std::strtod(cell.text.c_str(), nullptr), f);
      else if (!cell.text.empty())
        worksheet_write_string(ws, row, c, cell.text.c_str(), f);
      else
        worksheet_write_blank(ws, row, c, f);
    }
  }
}

}  // namespace

void write_xlsx(const std::string& path, const std::vector<sheet_table>& sheets,
                std::optional<date> created) {
  lxw_workbook_options options = {};
  options.constant_memory = LXW_FALSE;  // merged ranges need rows written out of order
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb) throw error(errc::io, path, "cannot create the workbook");
  lxw_doc_properties props = {};
  std::string title = sheets.empty() ? "" : sheets.front().title, author = "readiness";
  props.title = title.data();  // the library copies them
  props.author = author.data();
  std::tm when = {};
  date d = created ? *created : date(2000, 1, 1);
  when.tm_year = d.year() - 1900;
  when.tm_mon = d.month() - 1;
  when.tm_mday = d.day();
  props.created = timegm(&when);
  workbook_set_properties(wb, &props);
  try {
    formats fmt(wb);
    for (const auto& s : sheets) write_sheet(wb, fmt, s, path);
  } catch (...) {
    workbook_close(wb);
    throw;
  }
  check(workbook_close(wb), path, "cannot write the workbook");
}

std::string sheet_csv(const sheet_table& sheet) {
  return io::write_csv(sheet_rows(sheet), true);
}

}  // namespace readiness::report
