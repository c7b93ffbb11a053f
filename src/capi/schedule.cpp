// Scheduling: options, rdy_plan_schedule and the accessors of rdy_schedule.
#include <memory>

#include "capi/guard.hpp"
#include "capi/handles.hpp"

using namespace readiness::capi;

namespace readiness::capi {

std::unique_ptr<rdy_schedule> make_schedule(const plan& p, const rdy_schedule_options& options);

std::unique_ptr<rdy_schedule> make_schedule(const plan&, const rdy_schedule_options&) {
  not_available("rdy_plan_schedule", "the schedule engine");
}

}  // namespace readiness::capi

namespace {

const rdy_schedule::task_row* task_at(const rdy_schedule* s, size_t index) {
  return s && index < s->tasks.size() ? &s->tasks[index] : nullptr;
}

bool valid_date_field(int field) {
  return field >= RDY_TASK_ES && field <= RDY_TASK_DEADLINE;
}

}  // namespace

extern "C" {

int rdy_schedule_options_create(rdy_schedule_options** out) {
  return guard("rdy_schedule_options_create", [&] {
    require(out, "rdy_schedule_options_create", "out");
    *out = new rdy_schedule_options();
  });
}

void rdy_schedule_options_destroy(rdy_schedule_options* options) {
  delete options;
}

int rdy_schedule_options_set_status_date(rdy_schedule_options* options, int32_t days) {
  return guard("rdy_schedule_options_set_status_date", [&] {
    require(options, "rdy_schedule_options_set_status_date", "options");
    if (days != RDY_NO_VALUE) from_days(days);  // range check
    options->status_date = days;
  });
}

int rdy_schedule_options_set_levelling(rdy_schedule_options* options, int enabled) {
  return guard("rdy_schedule_options_set_levelling", [&] {
    require(options, "rdy_schedule_options_set_levelling", "options");
    if (enabled != 0 && enabled != 1)
      invalid_argument("rdy_schedule_options_set_levelling", "enabled must be 0 or 1");
    options->levelling = enabled == 1;
  });
}

int rdy_schedule_options_set_warn_days(rdy_schedule_options* options, int32_t days) {
  return guard("rdy_schedule_options_set_warn_days", [&] {
    require(options, "rdy_schedule_options_set_warn_days", "options");
    if (days < 0 || days > 366)
      invalid_argument("rdy_schedule_options_set_warn_days", "days must be 0 … 366");
    options->warn_days = days;
  });
}

int rdy_schedule_options_set_tolerance(rdy_schedule_options* options, double tolerance) {
  return guard("rdy_schedule_options_set_tolerance", [&] {
    require(options, "rdy_schedule_options_set_tolerance", "options");
    if (!(tolerance >= 0.0 && tolerance <= 1.0))  // also refuses NaN
      invalid_argument("rdy_schedule_options_set_tolerance", "tolerance must be 0 … 1");
    options->tolerance = tolerance;
  });
}

int rdy_plan_schedule(const rdy_plan* plan, const rdy_schedule_options* options,
                      rdy_schedule** out) {
  return guard("rdy_plan_schedule", [&] {
    require(plan, "rdy_plan_schedule", "plan");
    require(out, "rdy_plan_schedule", "out");
    *out = make_schedule(plan->value, options ? *options : rdy_schedule_options()).release();
  });
}

void rdy_schedule_destroy(rdy_schedule* schedule) {
  delete schedule;
}

int rdy_schedule_to_json(const rdy_schedule* schedule, char** out_json, size_t* out_len) {
  return guard("rdy_schedule_to_json", [&] {
    require(schedule, "rdy_schedule_to_json", "schedule");
    require(out_json, "rdy_schedule_to_json", "out_json");
    give_string(schedule->render(), out_json, out_len);
  });
}

int32_t rdy_schedule_as_of(const rdy_schedule* s) {
  return s ? s->as_of : RDY_NO_VALUE;
}
int32_t rdy_schedule_ready_by(const rdy_schedule* s) {
  return s ? s->ready_by : RDY_NO_VALUE;
}
int32_t rdy_schedule_finish(const rdy_schedule* s) {
  return s ? s->finish : RDY_NO_VALUE;
}
int rdy_schedule_provisional(const rdy_schedule* s) {
  return s ? s->provisional : -1;
}

size_t rdy_schedule_task_count(const rdy_schedule* s) {
  return s ? s->tasks.size() : 0;
}
const char* rdy_schedule_task_id(const rdy_schedule* s, size_t index) {
  auto* row = task_at(s, index);
  return row ? row->id.c_str() : nullptr;
}

int rdy_schedule_find_task(const rdy_schedule* s, const char* task_id, size_t* out_index) {
  return guard("rdy_schedule_find_task", [&] {
    require(s, "rdy_schedule_find_task", "schedule");
    auto id = cstring_argument(task_id, "rdy_schedule_find_task", "task_id");
    require(out_index, "rdy_schedule_find_task", "out_index");
    for (std::size_t i = 0; i < s->tasks.size(); ++i)
      if (s->tasks[i].id == id) {
        *out_index = i;
        return;
      }
    throw readiness::error(readiness::errc::not_found, "task \"" + std::string(id) + "\"",
                           "the plan has no such task");
  });
}

int32_t rdy_schedule_task_date(const rdy_schedule* s, size_t index, int field) {
  auto* row = task_at(s, index);
  if (!row || !valid_date_field(field)) return RDY_NO_VALUE;
  return row->dates[static_cast<std::size_t>(field)];
}
const char* rdy_schedule_task_date_iso(const rdy_schedule* s, size_t index, int field) {
  auto* row = task_at(s, index);
  if (!row || !valid_date_field(field)) return nullptr;
  const auto& text = row->iso[static_cast<std::size_t>(field)];
  return text.empty() ? nullptr : text.c_str();
}
int32_t rdy_schedule_task_total_float(const rdy_schedule* s, size_t index) {
  auto* row = task_at(s, index);
  return row ? row->total_float : RDY_NO_VALUE;
}
int32_t rdy_schedule_task_free_float(const rdy_schedule* s, size_t index) {
  auto* row = task_at(s, index);
  return row ? row->free_float : RDY_NO_VALUE;
}
int32_t rdy_schedule_task_remaining(const rdy_schedule* s, size_t index) {
  auto* row = task_at(s, index);
  return row ? row->remaining : RDY_NO_VALUE;
}
int rdy_schedule_task_critical(const rdy_schedule* s, size_t index) {
  auto* row = task_at(s, index);
  return row ? row->critical : -1;
}
int rdy_schedule_task_done(const rdy_schedule* s, size_t index) {
  auto* row = task_at(s, index);
  return row ? row->done : -1;
}
int rdy_schedule_task_summary(const rdy_schedule* s, size_t index) {
  auto* row = task_at(s, index);
  return row ? row->summary : -1;
}
int rdy_schedule_task_light(const rdy_schedule* s, size_t index) {
  auto* row = task_at(s, index);
  return row ? row->light : -1;
}

const char* rdy_light_string(int light) {
  switch (light) {
    case RDY_LIGHT_GREEN:
      return "green";
    case RDY_LIGHT_BLUE:
      return "blue";
    case RDY_LIGHT_YELLOW:
      return "yellow";
    case RDY_LIGHT_RED:
      return "red";
    case RDY_LIGHT_DONE:
      return "done";
    default:
      return nullptr;
  }
}

size_t rdy_schedule_driving_path_count(const rdy_schedule* s) {
  return s ? s->driving_path.size() : 0;
}
const char* rdy_schedule_driving_path_task(const rdy_schedule* s, size_t index) {
  if (!s || index >= s->driving_path.size()) return nullptr;
  return s->driving_path[index].c_str();
}

}  // extern "C"
