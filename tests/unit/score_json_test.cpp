#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <cmath>

#include "readiness/id_order.hpp"
#include "readiness/score_io.hpp"

using namespace readiness;
namespace json = boost::json;

namespace {

item make(std::string id, centi points, rule_kind kind) {
  item it;
  it.id = std::move(id);
  it.title = "考评内容";
  it.points = points;
  it.scoring.kind = kind;
  return it;
}

score_result sample() {
  rubric r;
  r.grades = {{9000, "优秀", {}}, {0, "不合格", {}}};
  category c2;
  c2.id = "10";
  c2.points = 150;
  c2.items = {make("10.1", 150, rule_kind::levels)};
  c2.items[0].scoring.levels = {{"中", make_fraction(1, 3), {}}};
  category c1;
  c1.id = "2";
  c1.points = 300;
  c1.items = {make("2.10", 100, rule_kind::check), make("2.2", 200, rule_kind::deduction)};
  c1.items[1].scoring.per = 25;
  r.categories = {c2, c1};  // document order is not id order
  r.bonus = item_group{};
  r.bonus->items = {make("B1", 100, rule_kind::check)};
  r.penalties = item_group{};
  r.penalties->items = {make("N1", 0, rule_kind::penalty)};
  r.penalties->items[0].scoring.per = 33;
  assessment a;
  a.as_of = date(2026, 7, 30);
  a.items["10.1"].level = "中";
  a.items["2.2"].deficiencies = 3;
  a.items["N1"].count = 1;
  a.items["B1"].met = true;
  return score(compile_rubric(r, {}), a, {}, centi{9000});
}

centi as_centi(const json::value& v) {
  return static_cast<centi>(std::llround(v.to_number<double>() * 100));
}

}  // namespace

TEST_CASE("the score document has every required key", "[score_json]") {
  json::object doc = json::parse(io::write_score_json(sample())).as_object();
  CHECK(doc.at("format") == "readiness-score/1");
  CHECK(doc.at("as_of") == "2026-07-30");
  const auto& total = doc.at("total").as_object();
  for (const char* key : {"base", "bonus", "penalty", "total", "max", "grade", "qualified",
                          "vetoes_triggered", "gates_failed", "target", "gap"})
    CHECK(total.contains(key));
  for (const auto& c : doc.at("categories").as_array())
    for (const char* key : {"id", "score", "max"}) CHECK(c.as_object().contains(key));
  for (const auto& i : doc.at("items").as_array())
    for (const char* key : {"id", "category", "score", "max", "lost", "status", "rule"})
      CHECK(i.as_object().contains(key));
  CHECK(doc.at("blanks").is_array());
  CHECK(doc.at("shortfalls").is_array());
}

TEST_CASE("the totals equal the sums of the displayed item scores", "[score_json]") {
  json::object doc = json::parse(io::write_score_json(sample())).as_object();
  centi base = 0, bonus = 0, penalty = 0;
  for (const auto& v : doc.at("items").as_array()) {
    const auto& i = v.as_object();
    centi s = as_centi(i.at("score"));
    CHECK(as_centi(i.at("lost")) == as_centi(i.at("max")) - s);
    if (i.at("category") == "bonus")
      bonus += s;
    else if (i.at("category") == "penalty")
      penalty += s;
    else
      base += s;
  }
  const auto& t = doc.at("total").as_object();
  CHECK(as_centi(t.at("base")) == base);
  CHECK(as_centi(t.at("bonus")) == bonus);
  CHECK(as_centi(t.at("penalty")) == penalty);
  CHECK(as_centi(t.at("total")) == base + bonus + penalty);
  CHECK(as_centi(t.at("gap")) == 9000 - (base + bonus + penalty));
  centi categories = 0;
  for (const auto& c : doc.at("categories").as_array()) categories += as_centi(c.at("score"));
  CHECK(categories == base);
}

TEST_CASE("items and categories are listed in id order", "[score_json]") {
  json::object doc = json::parse(io::write_score_json(sample())).as_object();
  std::vector<std::string> ids;
  for (const auto& i : doc.at("items").as_array())
    ids.push_back(json::value_to<std::string>(i.at("id")));
  CHECK(ids == std::vector<std::string>{"2.2", "2.10", "10.1", "B1", "N1"});
  const auto& cats = doc.at("categories").as_array();
  CHECK(cats.at(0).at("id") == "2");
  CHECK(cats.at(1).at("id") == "10");
  const auto& shortfalls = doc.at("shortfalls").as_array();
  REQUIRE(shortfalls.size() == 3);
  CHECK(shortfalls.at(0).at("id") == "2.10");  // lost 1, and "2.10" comes before "10.1"
  CHECK(shortfalls.at(1).at("id") == "10.1");  // lost 1 (1.5 × 1/3 = 0.5)
  CHECK(shortfalls.at(2).at("id") == "2.2");   // lost 0.75
}

TEST_CASE("numbers have at most two decimals; absent values are null", "[score_json]") {
  score_result r = sample();
  std::string text = io::write_score_json(r);
  CHECK(text.find("\"penalty\":-0.33") != std::string::npos);
  CHECK(text.find("\"score\":0.5,") != std::string::npos);
  r.total.target.reset();
  r.total.gap.reset();
  r.total.grade.clear();
  r.as_of.reset();
  json::object doc = json::parse(io::write_score_json(r, 2)).as_object();
  CHECK(doc.at("total").at("target").is_null());
  CHECK(doc.at("total").at("gap").is_null());
  CHECK(doc.at("total").at("grade").is_null());
  CHECK(doc.at("as_of").is_null());
}
