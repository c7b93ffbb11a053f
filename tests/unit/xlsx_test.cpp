#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "io/csv.hpp"
#include "readiness/scoring.hpp"
#include "report/sheet_writers.hpp"
#include "unit/office_fixture.hpp"

using namespace readiness;

namespace {

std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  pclose(pipe);
  return out;
}

bool have_unzip() {
  return std::system("unzip -v >/dev/null 2>&1") == 0;
}

std::string temp_file(const std::string& name) {
  auto dir =
      std::filesystem::temp_directory_path() / ("readiness-xlsx-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

}  // namespace

TEST_CASE("sheets: the score sheet follows the official columns with a totals row", "[xlsx]") {
  auto p = office_test::small_plan();
  auto score = score_plan(p);
  auto sheet = report::score_sheet(p, score);
  REQUIRE(sheet.columns.size() == 6);
  CHECK(sheet.columns[0].header == "考评项目");
  CHECK(sheet.columns[5].header == "考评得分");
  REQUIRE(sheet.rows.size() == 3);
  CHECK(sheet.rows[0][0].text == "一、组织领导坚强有力（3）");
  CHECK(sheet.rows[0][0].row_span == 2);
  CHECK(sheet.rows[0][5].text == "2");
  CHECK(sheet.rows[2][0].text == "合计");
  CHECK(sheet.total_rows == 1);
}

TEST_CASE("sheets: CSV of a sheet starts with a BOM and reads back", "[xlsx]") {
  auto p = office_test::small_plan();
  auto csv = report::sheet_csv(report::task_sheet(p, nullptr));
  CHECK(csv.substr(0, 3) == "\xEF\xBB\xBF");
  auto rows = io::parse_csv(io::decode_text(csv, "t.csv", nullptr), "t.csv");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].cells[0] == "序号");
  CHECK(rows[2].cells[3] == "区双拥办");
  CHECK(rows[2].cells[4] == "城西街道");
  CHECK(rows[2].cells[8] == "T01");
}

TEST_CASE("xlsx: the workbook opens back with the cells, merges and print setup", "[xlsx]") {
  if (!have_unzip()) {
    WARN("unzip is not installed; skipping the XLSX read-back");
    return;
  }
  auto p = office_test::small_plan();
  auto score = score_plan(p);
  std::string path = temp_file("plan.xlsx");
  report::write_xlsx(path,
                     {report::score_sheet(p, score), report::task_sheet(p, nullptr),
                      report::unit_sheet(p, score, nullptr, nullptr)},
                     p.assessment.as_of);
  std::string sheet1 = run("unzip -p '" + path + "' xl/worksheets/sheet1.xml");
  std::string strings = run("unzip -p '" + path + "' xl/sharedStrings.xml");
  std::string workbook = run("unzip -p '" + path + "' xl/workbook.xml");
  for (const char* text : {"考评项目", "序号", "考评内容", "分值", "评分标准", "考评得分",
                           "一、组织领导坚强有力（3）", "纳入规划", "合计", "制定方案", "城西街道"})
    CHECK(strings.find(text) != std::string::npos);
  CHECK(sheet1.find("<mergeCell ref=\"A3:A4\"/>") != std::string::npos);
  CHECK(sheet1.find("orientation=\"landscape\"") != std::string::npos);
  CHECK(sheet1.find("<c r=\"F3\"") != std::string::npos);
  CHECK(workbook.find("考评得分") != std::string::npos);
  CHECK(workbook.find("_xlnm.Print_Titles") != std::string::npos);
  std::filesystem::remove_all(std::filesystem::path(path).parent_path());
}

TEST_CASE("xlsx: an unwritable path is an io error naming it", "[xlsx]") {
  auto p = office_test::small_plan();
  auto score = score_plan(p);
  CHECK_THROWS_WITH(
      report::write_xlsx("/nonexistent-folder/x.xlsx", {report::score_sheet(p, score)}, {}),
      Catch::Contains("/nonexistent-folder/x.xlsx"));
}
