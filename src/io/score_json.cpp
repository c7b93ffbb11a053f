// Writes the "readiness-score/1" document.
#include <algorithm>
#include <numeric>

#include "io/score_json.hpp"
#include "readiness/dates.hpp"
#include "readiness/id_order.hpp"
#include "readiness/score_io.hpp"

namespace readiness::io {
namespace {

void optional_points(json_writer& w, std::string_view name, const std::optional<centi>& value) {
  w.key(name);
  if (value)
    w.points(*value);
  else
    w.null();
}

void string_list(json_writer& w, std::string_view name, const std::vector<std::string>& list) {
  w.key(name).begin_array();
  for (const auto& s : list) w.value(s);
  w.end_array();
}

// Indices of `list` ordered by the id of each element.
template <typename T>
std::vector<std::size_t> by_id(const std::vector<T>& list) {
  std::vector<std::size_t> order(list.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return id_less{}(list[a].id, list[b].id); });
  return order;
}

void write_categories(json_writer& w, const std::vector<category_score>& categories) {
  w.key("categories").begin_array();
  for (std::size_t c : by_id(categories)) {
    const auto& cat = categories[c];
    w.begin_object().field("id", cat.id).field("title", cat.title);
    w.key("score").points(cat.score);
    w.key("max").points(cat.max);
    // The share to four decimals: enough to compare, short enough to read.
    w.key("ratio").number(
        make_fraction(round_half_away(wide_int{cat.ratio.num} * 10000, cat.ratio.den), 10000));
    w.end_object();
  }
  w.end_array();
}

void write_items(json_writer& w, const std::vector<item_score>& items) {
  w.key("items").begin_array();
  for (std::size_t i : by_id(items)) {
    const auto& it = items[i];
    w.begin_object().field("id", it.id).field("category", it.category).field("title", it.title);
    w.key("score").points(it.score);
    w.key("max").points(it.max);
    w.key("lost").points(it.lost);
    w.field("status", item_status_name(it.status)).field("rule", rule_kind_name(it.rule));
    w.field("owner", it.owner).field("reason", it.reason);
    w.end_object();
  }
  w.end_array();
}

}  // namespace

void write_score_total(json_writer& w, const score_total& t) {
  w.begin_object();
  w.key("base").points(t.base);
  w.key("bonus").points(t.bonus);
  w.key("penalty").points(t.penalty);
  w.key("total").points(t.total);
  w.key("max").points(t.max);
  w.key("grade");
  if (t.grade.empty())
    w.null();
  else
    w.value(t.grade);
  w.field("qualified", t.qualified);
  string_list(w, "vetoes_triggered", t.vetoes_triggered);
  string_list(w, "gates_failed", t.gates_failed);
  optional_points(w, "target", t.target);
  optional_points(w, "gap", t.gap);
  w.end_object();
}

std::string write_score_json(const score_result& r, int indent) {
  json_writer w(indent);
  w.begin_object().field("format", "readiness-score/1");
  w.key("as_of");
  if (r.as_of)
    w.value(format_iso_date(*r.as_of));
  else
    w.null();
  w.key("total");
  write_score_total(w, r.total);
  write_categories(w, r.categories);
  write_items(w, r.items);
  string_list(w, "blanks", r.blanks);
  w.key("shortfalls").begin_array();
  for (const auto& s : r.shortfalls) {
    w.begin_object().field("id", s.id);
    w.key("lost").points(s.lost);
    w.end_object();
  }
  w.end_array();
  w.key("bonus_opportunities").begin_array();
  for (const auto& b : r.bonus_opportunities) {
    w.begin_object().field("id", b.id);
    w.key("gain").points(b.gain);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.take();
}

}  // namespace readiness::io
