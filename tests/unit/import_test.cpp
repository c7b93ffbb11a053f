#include <catch2/catch.hpp>

#include "io/table_import.hpp"
#include "readiness/dates.hpp"
#include "readiness/error.hpp"
#include "readiness/plan_io.hpp"

using namespace readiness;
using namespace readiness::io;

namespace {

std::string fixture(const std::string& name) {
  return read_text_file(std::string(READINESS_TEST_DATA) + "/office/" + name);
}

const task& find_task(const task_table& t, const std::string& id) {
  for (const auto& task : t.tasks)
    if (task.id == id) return task;
  FAIL("no task " << id);
  throw;
}

std::string unit_name(const task_table& t, const std::string& id) {
  for (const auto& u : t.new_units)
    if (u.id == id) return u.name;
  return "?";
}

std::string error_text(const std::string& csv, const table_import_options& options = {}) {
  try {
    import_task_table(csv, "T.csv", options);
  } catch (const error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("import: dates in the forms offices write them", "[import]") {
  CHECK(parse_table_date("2026-09-18", {}) == date(2026, 9, 18));
  CHECK(parse_table_date("2026/9/18", {}) == date(2026, 9, 18));
  CHECK(parse_table_date("2026.9.18", {}) == date(2026, 9, 18));
  CHECK(parse_table_date("2026年9月18日", {}) == date(2026, 9, 18));
  CHECK(parse_table_date("9月18日前", 2026) == date(2026, 9, 18));
  CHECK(parse_table_date("9月底", 2026) == date(2026, 9, 30));
  bool needed = false;
  CHECK_FALSE(parse_table_date("9月18日前", {}, &needed));
  CHECK(needed);
  CHECK_FALSE(parse_table_date("2026-02-30", {}));
  CHECK_FALSE(parse_table_date("长期坚持", 2026));
}

TEST_CASE("import: unit names split at 、，, ; and spaces", "[import]") {
  CHECK(split_unit_names("城西街道、城东街道，青石镇; 柳树镇 南湖街道") ==
        std::vector<std::string>{"城西街道", "城东街道", "青石镇", "柳树镇", "南湖街道"});
}

TEST_CASE("import: a UTF-8 task table with BOM, title row, phases and multi-line cells",
          "[import]") {
  table_import_options options;
  options.year = 2026;
  auto t = import_task_table(fixture("tasks-bom.csv"), "tasks-bom.csv", options);
  CHECK(t.encoding == text_encoding::utf8_bom);
  REQUIRE(t.tasks.size() == 5);
  CHECK(t.tasks[0].id == "P1");
  const task& meeting = find_task(t, "T02");
  CHECK(meeting.parent == "P1");
  CHECK(meeting.title == "召开全区动员部署会\n（各镇街参加）");
  CHECK(meeting.due == date(2026, 7, 14));
  CHECK(meeting.responsible.size() == 3);
  CHECK(unit_name(t, meeting.responsible[2]) == "青石镇");
  REQUIRE(meeting.after.size() == 1);
  CHECK(meeting.after[0].task == "T01");
  const task& signs = find_task(t, "T03");
  CHECK(signs.parent == "P2");
  CHECK(signs.title == "医院、车站设置\"军人优先\"窗口标识");
  CHECK(signs.due == date(2026, 9, 18));
  CHECK(signs.duration == 10);
  CHECK(unit_name(t, signs.lead) == "区卫生健康委员会");
  // units get ids in order of first appearance, towns recognised
  CHECK(t.new_units.front().id == "U01");
  CHECK(t.new_units.front().name == "区双拥办");
  bool town = false;
  for (const auto& u : t.new_units)
    if (u.name == "青石镇") town = u.kind == "town";
  CHECK(town);
}

TEST_CASE("import: a GBK task table as Excel saves it on a Chinese system", "[import]") {
  table_import_options options;
  options.year = 2026;
  auto t = import_task_table(fixture("tasks-gbk.csv"), "tasks-gbk.csv", options);
  CHECK(t.encoding == text_encoding::gb18030);
  REQUIRE(t.tasks.size() == 2);
  CHECK(t.tasks[0].title == "双拥公园提升改造");
  CHECK(t.tasks[0].due == date(2026, 9, 30));
  CHECK(t.tasks[1].due == date(2026, 9, 30));
  CHECK(unit_name(t, t.tasks[1].lead) == "区退役军人事务局");
}

TEST_CASE("import: errors name file, line and column", "[import]") {
  std::string csv = "序号,工作任务,完成时限,工期/天\n1,甲,2026-09-18,3\n2,乙,2026-13-01,x\n";
  auto text = error_text(csv);
  CHECK(text.find("T.csv:line 3, column 3") != std::string::npos);
  CHECK(text.find("T.csv:line 3, column 4") != std::string::npos);
  CHECK(error_text("序号,工作任务\n1,甲\n1,乙\n").find("appears twice") != std::string::npos);
  CHECK(error_text("序号,工作任务,完成时限\n1,甲,9月1日\n").find("no year") != std::string::npos);
  CHECK(error_text("a,b\n1,2\n").find("no header row") != std::string::npos);
  CHECK(error_text("序号,工作任务,前置任务\n1,甲,9\n").find("前置任务 T09") != std::string::npos);
}

TEST_CASE("import: --map names other headers", "[import]") {
  table_import_options options;
  options.map = {{"任务内容", "title"}, {"主办单位", "lead"}};
  auto t = import_task_table("序号,任务内容,主办单位\n1,甲,区民政局\n", "T.csv", options);
  REQUIRE(t.tasks.size() == 1);
  CHECK(t.tasks[0].title == "甲");
  CHECK(t.tasks[0].lead == "U01");
  options.map = {{"任务内容", "nonsense"}};
  CHECK_THROWS_AS(import_task_table("序号,任务内容\n1,甲\n", "T.csv", options), error);
}

TEST_CASE("import: links with type and lag, and progress in percent", "[import]") {
  auto t = import_task_table("序号,工作任务,前置任务,进度\n1,甲,,100%\n2,乙,1(SS+2)、T01,30%\n",
                             "T.csv", {});
  const auto& b = t.tasks[1];
  REQUIRE(b.after.size() == 2);
  CHECK(b.after[0].type == link_type::ss);
  CHECK(b.after[0].lag == 2);
  CHECK(b.progress == make_fraction(3, 10));
}

TEST_CASE("import: merging into a plan reuses its units and replaces tasks by id", "[import]") {
  plan p;
  unit vab;
  vab.id = "vab";
  vab.name = "区退役军人事务局";
  p.units.push_back(vab);
  task old;
  old.id = "T01";
  old.title = "旧";
  old.duration = 4;
  effect e;
  e.item = "1.1";
  old.effects.push_back(e);
  p.tasks.push_back(old);
  table_import_options options;
  options.into = &p;
  auto t = import_task_table("序号,工作任务,牵头单位\n1,新,区退役军人事务局\n2,另,区民政局\n",
                             "T.csv", options);
  CHECK(t.tasks[0].lead == "vab");
  REQUIRE(t.new_units.size() == 1);
  merge_task_table(p, t);
  REQUIRE(p.tasks.size() == 2);
  CHECK(p.tasks[0].title == "新");
  CHECK(p.tasks[0].duration == 4);
  CHECK(p.tasks[0].effects.size() == 1);
  CHECK(p.units.size() == 2);
}

TEST_CASE("import: a rubric table with merged category cells, deductions, bonus and penalty",
          "[import]") {
  auto r = import_rubric_table(fixture("rubric.csv"), "rubric.csv", {});
  const rubric& rb = r.result;
  REQUIRE(rb.categories.size() == 2);
  CHECK(rb.categories[0].id == "1");
  CHECK(rb.categories[0].title == "组织领导坚强有力");
  CHECK(rb.categories[0].points == 300);
  REQUIRE(rb.categories[0].items.size() == 2);
  const item& first = rb.categories[0].items[0];
  CHECK(first.scoring.kind == rule_kind::deduction);
  CHECK(first.scoring.per == 50);
  CHECK(rb.categories[0].items[1].scoring.kind == rule_kind::check);
  CHECK(rb.categories[1].items[0].id == "2.1");
  CHECK(rb.categories[1].items[1].scoring.per == 25);
  REQUIRE(rb.bonus);
  CHECK(rb.bonus->cap == 200);
  CHECK(rb.bonus->items[0].id == "B1");
  REQUIRE(rb.penalties);
  CHECK(rb.penalties->cap == 500);
  CHECK(rb.penalties->items[0].scoring.kind == rule_kind::penalty);
  CHECK(rb.penalties->items[0].scoring.per == 100);
  CHECK(rb.total == 500);
}

TEST_CASE("import: rubric points that do not add up are located", "[import]") {
  try {
    import_rubric_table("考评项目,考评内容,分值\n一、甲（5）,a,2\n,b,x\n", "R.csv", {});
    FAIL("no error");
  } catch (const error& e) {
    std::string text = e.what();
    CHECK(text.find("R.csv:line 3, column 3") != std::string::npos);
    CHECK(text.find("states 5 points") != std::string::npos);
  }
}

TEST_CASE("import: the totals row of an exported score sheet ends the rubric", "[import]") {
  auto r = import_rubric_table(
      "考评项目,序号,考评内容,分值,评分标准,考评得分\n一、甲（2）,1.1,a,2,,1\n合计,,,2,基础分1,1\n",
      "R.csv", {});
  REQUIRE(r.result.categories.size() == 1);
  CHECK(r.result.total == 200);
}
