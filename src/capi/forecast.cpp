// Readiness forecast: rdy_plan_forecast and the accessors of rdy_forecast.
#include <memory>

#include "capi/guard.hpp"
#include "capi/handles.hpp"
#include "readiness/forecast.hpp"
#include "readiness/forecast_io.hpp"
#include "readiness/schedule.hpp"
#include "readiness/scoring.hpp"

using namespace readiness::capi;

namespace readiness::capi {

std::unique_ptr<forecast_handle> make_forecast(const plan& p,
                                               const schedule_options_handle& options);
std::int64_t totals_points(const score_totals& t, int field);

schedule_options engine_options(const schedule_options_handle& o);
score_totals flatten_totals(const score_total& t);

std::string render_forecast(const readiness_forecast& f) {
  return io::write_forecast_json(f, 2);
}

std::unique_ptr<forecast_handle> make_forecast(const plan& p,
                                               const schedule_options_handle& options) {
  auto f =
      std::make_shared<const readiness_forecast>(io::forecast_plan(p, engine_options(options)));
  auto out = std::make_unique<forecast_handle>();
  out->ready_by = to_days(f->ready_by);
  out->totals[RDY_FORECAST_NOW] = flatten_totals(f->now.total);
  out->totals[RDY_FORECAST_ON_DAY] = flatten_totals(f->on_day.total);
  out->curve.reserve(f->curve.size());
  for (const auto& c : f->curve) out->curve.push_back({to_days(c.day), c.total});
  out->at_risk.reserve(f->at_risk.size());
  for (const auto& r : f->at_risk) out->at_risk.push_back({r.task, r.item, r.unit, r.points});
  out->uncovered.reserve(f->uncovered.size());
  for (const auto& g : f->uncovered) out->uncovered.push_back({g.id, g.lost});
  out->render = [f]() -> std::string { return render_forecast(*f); };
  return out;
}

}  // namespace readiness::capi

namespace {

const readiness::capi::score_totals* totals_at(const rdy_forecast* f, int when) {
  if (!live(f) || (when != RDY_FORECAST_NOW && when != RDY_FORECAST_ON_DAY)) return nullptr;
  return &impl(f)->totals[static_cast<std::size_t>(when)];
}

template <typename Row>
const Row* row_at(const std::vector<Row>* rows, size_t index) {
  return rows && index < rows->size() ? &(*rows)[index] : nullptr;
}

}  // namespace

extern "C" {

int rdy_plan_forecast(const rdy_plan* plan, const rdy_schedule_options* options,
                      rdy_forecast** out) {
  return guard("rdy_plan_forecast", [&] {
    require(plan, "rdy_plan_forecast", "plan");
    require(out, "rdy_plan_forecast", "out");
    if (options) require(options, "rdy_plan_forecast", "options");
    *out =
        wrap(make_forecast(impl(plan)->value, options ? *impl(options) : schedule_options_handle())
                 .release());
  });
}

void rdy_forecast_destroy(rdy_forecast* forecast) {
  retire(impl(forecast));
}

int rdy_forecast_to_json(const rdy_forecast* forecast, char** out_json, size_t* out_len) {
  return guard("rdy_forecast_to_json", [&] {
    require(forecast, "rdy_forecast_to_json", "forecast");
    require(out_json, "rdy_forecast_to_json", "out_json");
    give_string(impl(forecast)->render(), out_json, out_len);
  });
}

int32_t rdy_forecast_ready_by(const rdy_forecast* f) {
  return live(f) ? impl(f)->ready_by : RDY_NO_VALUE;
}

int64_t rdy_forecast_points(const rdy_forecast* f, int when, int field) {
  auto* t = totals_at(f, when);
  return t ? totals_points(*t, field) : no_value;
}
const char* rdy_forecast_grade(const rdy_forecast* f, int when) {
  auto* t = totals_at(f, when);
  return t ? t->grade.c_str() : nullptr;
}
int rdy_forecast_qualified(const rdy_forecast* f, int when) {
  auto* t = totals_at(f, when);
  return t ? t->qualified : -1;
}

size_t rdy_forecast_curve_count(const rdy_forecast* f) {
  return live(f) ? impl(f)->curve.size() : 0;
}
int32_t rdy_forecast_curve_date(const rdy_forecast* f, size_t index) {
  auto* row = row_at(live(f) ? &impl(f)->curve : nullptr, index);
  return row ? row->date : RDY_NO_VALUE;
}
int64_t rdy_forecast_curve_points(const rdy_forecast* f, size_t index) {
  auto* row = row_at(live(f) ? &impl(f)->curve : nullptr, index);
  return row ? row->points : no_value;
}

size_t rdy_forecast_at_risk_count(const rdy_forecast* f) {
  return live(f) ? impl(f)->at_risk.size() : 0;
}
const char* rdy_forecast_at_risk_task(const rdy_forecast* f, size_t index) {
  auto* row = row_at(live(f) ? &impl(f)->at_risk : nullptr, index);
  return row ? row->task.c_str() : nullptr;
}
const char* rdy_forecast_at_risk_item(const rdy_forecast* f, size_t index) {
  auto* row = row_at(live(f) ? &impl(f)->at_risk : nullptr, index);
  return row ? row->item.c_str() : nullptr;
}
const char* rdy_forecast_at_risk_unit(const rdy_forecast* f, size_t index) {
  auto* row = row_at(live(f) ? &impl(f)->at_risk : nullptr, index);
  return row ? row->unit.c_str() : nullptr;
}
int64_t rdy_forecast_at_risk_points(const rdy_forecast* f, size_t index) {
  auto* row = row_at(live(f) ? &impl(f)->at_risk : nullptr, index);
  return row ? row->points : no_value;
}

size_t rdy_forecast_uncovered_count(const rdy_forecast* f) {
  return live(f) ? impl(f)->uncovered.size() : 0;
}
const char* rdy_forecast_uncovered_item(const rdy_forecast* f, size_t index) {
  auto* row = row_at(live(f) ? &impl(f)->uncovered : nullptr, index);
  return row ? row->item.c_str() : nullptr;
}
int64_t rdy_forecast_uncovered_lost(const rdy_forecast* f, size_t index) {
  auto* row = row_at(live(f) ? &impl(f)->uncovered : nullptr, index);
  return row ? row->lost : no_value;
}

}  // extern "C"
