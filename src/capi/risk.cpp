// Monte Carlo: risk options, rdy_plan_simulate and the accessors of rdy_risk.
#include <cmath>
#include <memory>

#include "capi/guard.hpp"
#include "capi/handles.hpp"
#include "readiness/forecast_io.hpp"
#include "readiness/simulate.hpp"

using namespace readiness::capi;

namespace readiness::capi {

std::unique_ptr<risk_handle> make_risk(const plan& p, const risk_options_handle& options);

std::unique_ptr<risk_handle> make_risk(const plan& p, const risk_options_handle& o) {
  simulation_options options;
  options.iterations = o.iterations;
  options.seed = o.seed;
  options.threads = static_cast<unsigned>(o.threads);
  if (o.status_date != RDY_NO_VALUE) options.as_of = from_days(o.status_date);
  if (o.progress != nullptr) {
    rdy_progress_fn callback = o.progress;
    void* user_data = o.user_data;
    options.progress = [callback, user_data](std::uint64_t done, std::uint64_t total) {
      return callback(done, total, user_data) == 0;
    };
  }
  auto r = std::make_shared<const risk_result>(io::simulate_plan(p, options));
  auto out = std::make_unique<risk_handle>();
  out->iterations = r->iterations;
  out->seed = r->seed;
  out->finish = {to_days(r->finish_p50), to_days(r->finish_p80), to_days(r->finish_p95)};
  out->score = {r->score.mean, centi_to_double(r->score.p10), centi_to_double(r->score.p50),
                centi_to_double(r->score.p90),
                r->score.p_target ? *r->score.p_target : std::nan("")};
  out->tasks.reserve(r->tasks.size());
  for (const auto& t : r->tasks) {
    risk_handle::task_row row;
    row.id = t.id;
    row.p_on_time = t.p_on_time;
    row.criticality = t.criticality;
    row.sensitivity = t.sensitivity;
    row.finish = {to_days(t.p50), to_days(t.p80), to_days(t.p95)};
    out->tasks.push_back(std::move(row));
  }
  out->render = [r]() -> std::string { return io::write_risk_json(*r, 2); };
  return out;
}

}  // namespace readiness::capi

namespace {

int percentile_slot(int percentile) {
  switch (percentile) {
    case 50:
      return 0;
    case 80:
      return 1;
    case 95:
      return 2;
    default:
      return -1;
  }
}

const risk_handle::task_row* task_at(const rdy_risk* r, size_t index) {
  return live(r) && index < impl(r)->tasks.size() ? &impl(r)->tasks[index] : nullptr;
}

}  // namespace

extern "C" {

int rdy_risk_options_create(rdy_risk_options** out) {
  return guard("rdy_risk_options_create", [&] {
    require(out, "rdy_risk_options_create", "out");
    *out = wrap(new risk_options_handle());
  });
}

void rdy_risk_options_destroy(rdy_risk_options* options) {
  retire(impl(options));
}

int rdy_risk_options_set_iterations(rdy_risk_options* options, uint64_t iterations) {
  return guard("rdy_risk_options_set_iterations", [&] {
    require(options, "rdy_risk_options_set_iterations", "options");
    if (iterations < 1 || iterations > 10000000)
      invalid_argument("rdy_risk_options_set_iterations", "iterations must be 1 … 10000000");
    impl(options)->iterations = iterations;
  });
}

int rdy_risk_options_set_seed(rdy_risk_options* options, uint64_t seed) {
  return guard("rdy_risk_options_set_seed", [&] {
    require(options, "rdy_risk_options_set_seed", "options");
    impl(options)->seed = seed;
  });
}

int rdy_risk_options_set_threads(rdy_risk_options* options, int threads) {
  return guard("rdy_risk_options_set_threads", [&] {
    require(options, "rdy_risk_options_set_threads", "options");
    if (threads < 0 || threads > 256)
      invalid_argument("rdy_risk_options_set_threads", "threads must be 0 … 256");
    impl(options)->threads = threads;
  });
}

int rdy_risk_options_set_progress(rdy_risk_options* options, rdy_progress_fn callback,
                                  void* user_data) {
  return guard("rdy_risk_options_set_progress", [&] {
    require(options, "rdy_risk_options_set_progress", "options");
    impl(options)->progress = callback;
    impl(options)->user_data = user_data;
  });
}

int rdy_risk_options_set_status_date(rdy_risk_options* options, int32_t days) {
  return guard("rdy_risk_options_set_status_date", [&] {
    require(options, "rdy_risk_options_set_status_date", "options");
    if (days != RDY_NO_VALUE) from_days(days);
    impl(options)->status_date = days;
  });
}

int rdy_plan_simulate(const rdy_plan* plan, const rdy_risk_options* options, rdy_risk** out) {
  return guard("rdy_plan_simulate", [&] {
    require(plan, "rdy_plan_simulate", "plan");
    require(out, "rdy_plan_simulate", "out");
    if (options) require(options, "rdy_plan_simulate", "options");
    *out = wrap(
        make_risk(impl(plan)->value, options ? *impl(options) : risk_options_handle()).release());
  });
}

void rdy_risk_destroy(rdy_risk* risk) {
  retire(impl(risk));
}

int rdy_risk_to_json(const rdy_risk* risk, char** out_json, size_t* out_len) {
  return guard("rdy_risk_to_json", [&] {
    require(risk, "rdy_risk_to_json", "risk");
    require(out_json, "rdy_risk_to_json", "out_json");
    give_string(impl(risk)->render(), out_json, out_len);
  });
}

uint64_t rdy_risk_iterations(const rdy_risk* r) {
  return live(r) ? impl(r)->iterations : 0;
}
uint64_t rdy_risk_seed(const rdy_risk* r) {
  return live(r) ? impl(r)->seed : 0;
}

int32_t rdy_risk_finish(const rdy_risk* r, int percentile) {
  int slot = percentile_slot(percentile);
  return live(r) && slot >= 0 ? impl(r)->finish[static_cast<std::size_t>(slot)] : RDY_NO_VALUE;
}

double rdy_risk_score(const rdy_risk* r, int field) {
  if (!live(r) || field < RDY_RISK_MEAN || field > RDY_RISK_P_TARGET) return std::nan("");
  return impl(r)->score[static_cast<std::size_t>(field)];
}

size_t rdy_risk_task_count(const rdy_risk* r) {
  return live(r) ? impl(r)->tasks.size() : 0;
}
const char* rdy_risk_task_id(const rdy_risk* r, size_t index) {
  auto* row = task_at(r, index);
  return row ? row->id.c_str() : nullptr;
}
double rdy_risk_task_p_on_time(const rdy_risk* r, size_t index) {
  auto* row = task_at(r, index);
  return row ? row->p_on_time : std::nan("");
}
int32_t rdy_risk_task_finish(const rdy_risk* r, size_t index, int percentile) {
  auto* row = task_at(r, index);
  int slot = percentile_slot(percentile);
  return row && slot >= 0 ? row->finish[static_cast<std::size_t>(slot)] : RDY_NO_VALUE;
}
double rdy_risk_task_criticality(const rdy_risk* r, size_t index) {
  auto* row = task_at(r, index);
  return row ? row->criticality : std::nan("");
}
double rdy_risk_task_sensitivity(const rdy_risk* r, size_t index) {
  auto* row = task_at(r, index);
  return row ? row->sensitivity : std::nan("");
}

}  // extern "C"
