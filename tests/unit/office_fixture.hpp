// A small plan for the office-format tests, built in code so the tests need no reader.
#ifndef READINESS_TESTS_OFFICE_FIXTURE_HPP
#define READINESS_TESTS_OFFICE_FIXTURE_HPP

#include "readiness/model.hpp"

namespace office_test {

inline readiness::plan small_plan() {
  using namespace readiness;
  plan p;
  p.title = "云溪区迎检计划, 2026; 测试\\版";
  struct inspection in;
  in.arrives = date(2026, 10, 12);
  in.window_end = date(2026, 10, 16);
  in.ready_by = date(2026, 10, 9);
  in.target = 9000;
  p.inspection = in;
  unit office;
  office.id = "office";
  office.name = "区双拥办";
  office.kind = "office";
  unit town;
  town.id = "town-a";
  town.name = "城西街道";
  town.kind = "town";
  p.units = {office, town};
  p.rubric.id = "r";
  p.rubric.title = "双拥模范城考评标准";
  category c;
  c.id = "1";
  c.title = "组织领导坚强有力";
  c.points = 300;
  item a;
  a.id = "1.1";
  a.title = "纳入规划";
  a.points = 200;
  a.criteria = "纳入的得2分";
  a.owner = "office";
  item b;
  b.id = "1.2";
  b.title = "合署办公";
  b.points = 100;
  b.criteria = "每缺1项扣0.5分，扣完为止";
  b.scoring.kind = rule_kind::deduction;
  b.scoring.per = 50;
  c.items = {a, b};
  p.rubric.categories = {c};
  p.rubric.total = 300;
  p.assessment.as_of = date(2026, 7, 30);
  item_input met;
  met.met = true;
  p.assessment.items["1.1"] = met;
  task t1;
  t1.id = "T01";
  t1.title = "制定方案";
  t1.lead = "office";
  t1.duration = 5;
  t1.due = date(2026, 8, 21);
  task t2;
  t2.id = "T02";
  t2.title = std::string("设置“军人优先”标识，") + std::string(40, 'x') + "医院、车站、公园";
  t2.lead = "office";
  t2.responsible = {"town-a"};
  t2.owner = "李XX";
  t2.duration = 10;
  t2.due = date(2026, 9, 18);
  readiness::link l;
  l.task = "T01";
  t2.after = {l};
  p.tasks = {t1, t2};
  return p;
}

}  // namespace office_test

#endif
