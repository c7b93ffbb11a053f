// Readiness forecast: rdy_plan_forecast and the accessors of rdy_forecast.
#include <memory>

#include "capi/guard.hpp"
#include "capi/handles.hpp"

using namespace readiness::capi;

namespace readiness::capi {

std::unique_ptr<rdy_forecast> make_forecast(const plan& p, const rdy_schedule_options& options);
std::int64_t totals_points(const score_totals& t, int field);

std::unique_ptr<rdy_forecast> make_forecast(const plan&, const rdy_schedule_options&) {
  not_available("rdy_plan_forecast", "the readiness forecast engine");
}

}  // namespace readiness::capi

namespace {

const readiness::capi::score_totals* totals_at(const rdy_forecast* f, int when) {
  if (!f || (when != RDY_FORECAST_NOW && when != RDY_FORECAST_ON_DAY)) return nullptr;
  return &f->totals[static_cast<std::size_t>(when)];
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
    *out = make_forecast(plan->value, options ? *options : rdy_schedule_options()).release();
  });
}

void rdy_forecast_destroy(rdy_forecast* forecast) {
  delete forecast;
}

int rdy_forecast_to_json(const rdy_forecast* forecast, char** out_json, size_t* out_len) {
  return guard("rdy_forecast_to_json", [&] {
    require(forecast, "rdy_forecast_to_json", "forecast");
    require(out_json, "rdy_forecast_to_json", "out_json");
    give_string(forecast->render(), out_json, out_len);
  });
}

int32_t rdy_forecast_ready_by(const rdy_forecast* f) {
  return f ? f->ready_by : RDY_NO_VALUE;
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
  return f ? f->curve.size() : 0;
}
int32_t rdy_forecast_curve_date(const rdy_forecast* f, size_t index) {
  auto* row = row_at(f ? &f->curve : nullptr, index);
  return row ? row->date : RDY_NO_VALUE;
}
int64_t rdy_forecast_curve_points(const rdy_forecast* f, size_t index) {
  auto* row = row_at(f ? &f->curve : nullptr, index);
  return row ? row->points : no_value;
}

size_t rdy_forecast_at_risk_count(const rdy_forecast* f) {
  return f ? f->at_risk.size() : 0;
}
const char* rdy_forecast_at_risk_task(const rdy_forecast* f, size_t index) {
  auto* row = row_at(f ? &f->at_risk : nullptr, index);
  return row ? row->task.c_str() : nullptr;
}
const char* rdy_forecast_at_risk_item(const rdy_forecast* f, size_t index) {
  auto* row = row_at(f ? &f->at_risk : nullptr, index);
  return row ? row->item.c_str() : nullptr;
}
const char* rdy_forecast_at_risk_unit(const rdy_forecast* f, size_t index) {
  auto* row = row_at(f ? &f->at_risk : nullptr, index);
  return row ? row->unit.c_str() : nullptr;
}
int64_t rdy_forecast_at_risk_points(const rdy_forecast* f, size_t index) {
  auto* row = row_at(f ? &f->at_risk : nullptr, index);
  return row ? row->points : no_value;
}

size_t rdy_forecast_uncovered_count(const rdy_forecast* f) {
  return f ? f->uncovered.size() : 0;
}
const char* rdy_forecast_uncovered_item(const rdy_forecast* f, size_t index) {
  auto* row = row_at(f ? &f->uncovered : nullptr, index);
  return row ? row->item.c_str() : nullptr;
}
int64_t rdy_forecast_uncovered_lost(const rdy_forecast* f, size_t index) {
  auto* row = row_at(f ? &f->uncovered : nullptr, index);
  return row ? row->lost : no_value;
}

}  // extern "C"
