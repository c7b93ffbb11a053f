// Scoring: rdy_plan_score and the accessors of rdy_score.
#include <cmath>
#include <cstring>
#include <memory>

#include "capi/batch_record.hpp"
#include "capi/guard.hpp"
#include "capi/handles.hpp"
#include "io/json_writer.hpp"
#include "readiness/assessment_record.hpp"
#include "readiness/score_io.hpp"
#include "readiness/scoring.hpp"

using namespace readiness::capi;

namespace readiness::capi {

std::string render_score(const score_result& result) {
  return io::write_score_json(result, 2);
}

// Fills a score handle from the scoring engine (wired in make_score below).
std::unique_ptr<score_handle> make_score(const plan& p);

score_totals flatten_totals(const score_total& t) {
  score_totals out;
  out.points[RDY_POINTS_TOTAL] = t.total;
  out.points[RDY_POINTS_BASE] = t.base;
  out.points[RDY_POINTS_BONUS] = t.bonus;
  out.points[RDY_POINTS_PENALTY] = t.penalty;
  out.points[RDY_POINTS_MAX] = t.max;
  out.points[RDY_POINTS_TARGET] = t.target ? *t.target : no_value;
  out.points[RDY_POINTS_GAP] = t.gap ? *t.gap : no_value;
  out.grade = t.grade;
  out.qualified = t.qualified ? 1 : 0;
  return out;
}

static_assert(static_cast<int>(item_status::full) == RDY_ITEM_FULL &&
                  static_cast<int>(item_status::partial) == RDY_ITEM_PARTIAL &&
                  static_cast<int>(item_status::zero) == RDY_ITEM_ZERO &&
                  static_cast<int>(item_status::blank) == RDY_ITEM_BLANK &&
                  static_cast<int>(item_status::no_evidence) == RDY_ITEM_NO_EVIDENCE,
              "RDY_ITEM_* follow readiness::item_status");

std::unique_ptr<score_handle> make_score(const plan& p) {
  auto result = std::make_shared<const score_result>(score_plan(p));
  auto out = std::make_unique<score_handle>();
  out->totals = flatten_totals(result->total);
  out->as_of = to_days(result->as_of);
  out->categories.reserve(result->categories.size());
  for (const auto& c : result->categories) out->categories.push_back({c.id, c.score, c.max});
  out->items.reserve(result->items.size());
  for (const auto& i : result->items)
    out->items.push_back({i.id, i.category, rule_kind_name(i.rule), i.reason, i.score, i.max,
                          i.lost, static_cast<int>(i.status)});
  out->render = [result]() -> std::string { return render_score(*result); };
  return out;
}

struct record_context {
  compiled_rubric rubric;
  std::vector<evidence_entry> evidence;
  std::optional<centi> target;
  struct rubric source;
};

std::shared_ptr<const record_context> make_record_context(const plan& rubric_plan) {
  return std::make_shared<const record_context>(record_context{
      compile_rubric(rubric_plan.rubric, rubric_plan.sites), rubric_plan.evidence,
      rubric_plan.inspection ? rubric_plan.inspection->target : std::nullopt, rubric_plan.rubric});
}

std::string record_document(const record_context& context, std::string_view line,
                            const std::string& place) {
  io::assessment_record record = io::parse_assessment_record(line, place);
  const compiled_rubric& rubric =
      record.sites ? compile_rubric(context.source, *record.sites) : context.rubric;
  score_result result =
      score(rubric, record.assessment, record.evidence ? *record.evidence : context.evidence,
            context.target);
  std::string out = "{\"id\":";
  io::append_json_string(out, record.id);
  out += ",\"score\":";
  out += io::write_score_json(result, 0);
  out += '}';
  return out;
}

std::int64_t totals_points(const score_totals& t, int field) {
  if (field < 0 || field >= points_field_count) return no_value;
  return t.points[static_cast<std::size_t>(field)];
}

double centi_or_nan(std::int64_t value) {
  return value == no_value ? std::nan("") : static_cast<double>(value) / 100.0;
}

}  // namespace readiness::capi

extern "C" {

int rdy_plan_score(const rdy_plan* plan, rdy_score** out) {
  return guard("rdy_plan_score", [&] {
    require(plan, "rdy_plan_score", "plan");
    require(out, "rdy_plan_score", "out");
    *out = wrap(make_score(impl(plan)->value).release());
  });
}

void rdy_score_destroy(rdy_score* score) {
  retire(impl(score));
}

int rdy_score_to_json(const rdy_score* score, char** out_json, size_t* out_len) {
  return guard("rdy_score_to_json", [&] {
    require(score, "rdy_score_to_json", "score");
    require(out_json, "rdy_score_to_json", "out_json");
    give_string(impl(score)->render(), out_json, out_len);
  });
}

int64_t rdy_score_points(const rdy_score* score, int field) {
  return live(score) ? totals_points(impl(score)->totals, field) : no_value;
}
double rdy_score_points_double(const rdy_score* score, int field) {
  return centi_or_nan(rdy_score_points(score, field));
}
const char* rdy_score_grade(const rdy_score* score) {
  return live(score) ? impl(score)->totals.grade.c_str() : nullptr;
}
int rdy_score_qualified(const rdy_score* score) {
  return live(score) ? impl(score)->totals.qualified : -1;
}
int32_t rdy_score_as_of(const rdy_score* score) {
  return live(score) ? impl(score)->as_of : RDY_NO_VALUE;
}

size_t rdy_score_category_count(const rdy_score* score) {
  return live(score) ? impl(score)->categories.size() : 0;
}
const char* rdy_score_category_id(const rdy_score* score, size_t index) {
  if (!live(score) || index >= impl(score)->categories.size()) return nullptr;
  return impl(score)->categories[index].id.c_str();
}
int64_t rdy_score_category_points(const rdy_score* score, size_t index) {
  return at_or(live(score) ? &impl(score)->categories : nullptr, index,
               &score_handle::category_row::points, no_value);
}
int64_t rdy_score_category_max(const rdy_score* score, size_t index) {
  return at_or(live(score) ? &impl(score)->categories : nullptr, index,
               &score_handle::category_row::max, no_value);
}

size_t rdy_score_item_count(const rdy_score* score) {
  return live(score) ? impl(score)->items.size() : 0;
}

static const score_handle::item_row* item_at(const rdy_score* score, size_t index) {
  return live(score) && index < impl(score)->items.size() ? &impl(score)->items[index] : nullptr;
}

const char* rdy_score_item_id(const rdy_score* score, size_t index) {
  auto* row = item_at(score, index);
  return row ? row->id.c_str() : nullptr;
}
const char* rdy_score_item_category(const rdy_score* score, size_t index) {
  auto* row = item_at(score, index);
  return row ? row->category.c_str() : nullptr;
}
int64_t rdy_score_item_points(const rdy_score* score, size_t index) {
  auto* row = item_at(score, index);
  return row ? row->points : no_value;
}
int64_t rdy_score_item_max(const rdy_score* score, size_t index) {
  auto* row = item_at(score, index);
  return row ? row->max : no_value;
}
int64_t rdy_score_item_lost(const rdy_score* score, size_t index) {
  auto* row = item_at(score, index);
  return row ? row->lost : no_value;
}
int rdy_score_item_status(const rdy_score* score, size_t index) {
  auto* row = item_at(score, index);
  return row ? row->status : -1;
}
const char* rdy_score_item_rule(const rdy_score* score, size_t index) {
  auto* row = item_at(score, index);
  return row ? row->rule.c_str() : nullptr;
}
const char* rdy_score_item_reason(const rdy_score* score, size_t index) {
  auto* row = item_at(score, index);
  return row ? row->reason.c_str() : nullptr;
}

int rdy_score_find_item(const rdy_score* score, const char* item_id, size_t* out_index) {
  return guard("rdy_score_find_item", [&] {
    require(score, "rdy_score_find_item", "score");
    auto id = cstring_argument(item_id, "rdy_score_find_item", "item_id");
    require(out_index, "rdy_score_find_item", "out_index");
    for (std::size_t i = 0; i < impl(score)->items.size(); ++i)
      if (impl(score)->items[i].id == id) {
        *out_index = i;
        return;
      }
    throw readiness::error(readiness::errc::not_found, "item \"" + std::string(id) + "\"",
                           "the rubric has no such item");
  });
}

}  // extern "C"
