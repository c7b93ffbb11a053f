// The tables of sheets.hpp written out: an XLSX workbook ready to print (libxlsxwriter), or one
// CSV file per table.
#ifndef READINESS_REPORT_SHEET_WRITERS_HPP
#define READINESS_REPORT_SHEET_WRITERS_HPP

#include <optional>
#include <string>
#include <vector>

#include "readiness/model.hpp"
#include "report/sheets.hpp"

namespace readiness::report {

// One worksheet per table: a title row, the header row repeated on every printed page, merged
// category cells, bold totals, light fills, landscape A4 fitted to the page width, column widths
// sized for Chinese text. `created` (the document date in its properties) keeps the file
// byte-identical for identical input. errc::io naming the path when it cannot be written.
void write_xlsx(const std::string& path, const std::vector<sheet_table>& sheets,
                std::optional<date> created);

// The table as CSV (header first), UTF-8 with a byte-order mark so Excel reads Chinese right.
std::string sheet_csv(const sheet_table& sheet);

}  // namespace readiness::report

#endif
