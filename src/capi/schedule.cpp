// Scheduling: options, rdy_plan_schedule and the accessors of rdy_schedule.
#include <memory>

#include "capi/guard.hpp"
#include "capi/handles.hpp"
#include "readiness/calendar_io.hpp"
#include "readiness/schedule.hpp"
#include "readiness/schedule_io.hpp"

using namespace readiness::capi;

namespace readiness::capi {

std::unique_ptr<schedule_handle> make_schedule(const plan& p,
                                               const schedule_options_handle& options);

schedule_options engine_options(const schedule_options_handle& o) {
  schedule_options out;
  if (o.status_date != RDY_NO_VALUE) out.as_of = from_days(o.status_date);
  out.level = o.levelling;
  out.lights.warn_days = o.warn_days;
  auto tolerance = fraction_from_double(o.tolerance);
  if (!tolerance) invalid_argument("rdy_schedule_options_set_tolerance", "tolerance is not exact");
  out.lights.tolerance = *tolerance;
  return out;
}

int light_code(light l) {
  switch (l) {
    case light::red:
      return RDY_LIGHT_RED;
    case light::yellow:
      return RDY_LIGHT_YELLOW;
    case light::blue:
      return RDY_LIGHT_BLUE;
    case light::green:
      return RDY_LIGHT_GREEN;
    case light::done:
      return RDY_LIGHT_DONE;
  }
  return -1;
}

std::int32_t days_or_none(const std::optional<std::int64_t>& v) {
  return v ? static_cast<std::int32_t>(*v) : RDY_NO_VALUE;
}

std::unique_ptr<schedule_handle> flatten_schedule(std::shared_ptr<const schedule> s) {
  auto out = std::make_unique<schedule_handle>();
  out->as_of = to_days(s->as_of);
  out->ready_by = to_days(s->ready_by);
  out->finish = to_days(s->finish);
  out->provisional = s->provisional ? 1 : 0;
  out->tasks.reserve(s->tasks.size());
  for (const auto& t : s->tasks) {
    schedule_handle::task_row row;
    row.id = t.id;
    row.dates = {to_days(t.es), to_days(t.ef), to_days(t.ls), to_days(t.lf), to_days(t.deadline)};
    for (std::size_t f = 0; f < row.dates.size(); ++f) row.iso[f] = iso_text(row.dates[f]);
    row.total_float = days_or_none(t.total_float);
    row.free_float = days_or_none(t.free_float);
    row.remaining = static_cast<std::int32_t>(t.remaining);
    row.critical = t.critical ? 1 : 0;
    row.done = t.done ? 1 : 0;
    row.summary = t.summary ? 1 : 0;
    row.light = light_code(t.light);
    out->tasks.push_back(std::move(row));
  }
  out->driving_path = s->driving_path;
  out->render = [s]() -> std::string { return io::write_schedule_json(*s, 2); };
  return out;
}

std::unique_ptr<schedule_handle> make_schedule(const plan& p,
                                               const schedule_options_handle& options) {
  auto s = std::make_shared<const schedule>(
      compute_schedule(p, io::load_plan_calendars(p), engine_options(options)));
  return flatten_schedule(std::move(s));
}

}  // namespace readiness::capi

namespace {

const schedule_handle::task_row* task_at(const rdy_schedule* s, size_t index) {
  return live(s) && index < impl(s)->tasks.size() ? &impl(s)->tasks[index] : nullptr;
}

bool valid_date_field(int field) {
  return field >= RDY_TASK_ES && field <= RDY_TASK_DEADLINE;
}

}  // namespace

extern "C" {

int rdy_schedule_options_create(rdy_schedule_options** out) {
  return guard("rdy_schedule_options_create", [&] {
    require(out, "rdy_schedule_options_create", "out");
    *out = wrap(new schedule_options_handle());
  });
}

void rdy_schedule_options_destroy(rdy_schedule_options* options) {
  retire(impl(options));
}

int rdy_schedule_options_set_status_date(rdy_schedule_options* options, int32_t days) {
  return guard("rdy_schedule_options_set_status_date", [&] {
    require(options, "rdy_schedule_options_set_status_date", "options");
    if (days != RDY_NO_VALUE) from_days(days);  // range check
    impl(options)->status_date = days;
  });
}

int rdy_schedule_options_set_levelling(rdy_schedule_options* options, int enabled) {
  return guard("rdy_schedule_options_set_levelling", [&] {
    require(options, "rdy_schedule_options_set_levelling", "options");
    if (enabled != 0 && enabled != 1)
      invalid_argument("rdy_schedule_options_set_levelling", "enabled must be 0 or 1");
    impl(options)->levelling = enabled == 1;
  });
}

int rdy_schedule_options_set_warn_days(rdy_schedule_options* options, int32_t days) {
  return guard("rdy_schedule_options_set_warn_days", [&] {
    require(options, "rdy_schedule_options_set_warn_days", "options");
    if (days < 0 || days > 366)
      invalid_argument("rdy_schedule_options_set_warn_days", "days must be 0 … 366");
    impl(options)->warn_days = days;
  });
}

int rdy_schedule_options_set_tolerance(rdy_schedule_options* options, double tolerance) {
  return guard("rdy_schedule_options_set_tolerance", [&] {
    require(options, "rdy_schedule_options_set_tolerance", "options");
    if (!(tolerance >= 0.0 && tolerance <= 1.0))  // also refuses NaN
      invalid_argument("rdy_schedule_options_set_tolerance", "tolerance must be 0 … 1");
    impl(options)->tolerance = tolerance;
  });
}

int rdy_plan_schedule(const rdy_plan* plan, const rdy_schedule_options* options,
                      rdy_schedule** out) {
  return guard("rdy_plan_schedule", [&] {
    require(plan, "rdy_plan_schedule", "plan");
    require(out, "rdy_plan_schedule", "out");
    if (options) require(options, "rdy_plan_schedule", "options");
    *out =
        wrap(make_schedule(impl(plan)->value, options ? *impl(options) : schedule_options_handle())
                 .release());
  });
}

void rdy_schedule_destroy(rdy_schedule* schedule) {
  retire(impl(schedule));
}

int rdy_schedule_to_json(const rdy_schedule* schedule, char** out_json, size_t* out_len) {
  return guard("rdy_schedule_to_json", [&] {
    require(schedule, "rdy_schedule_to_json", "schedule");
    require(out_json, "rdy_schedule_to_json", "out_json");
    give_string(impl(schedule)->render(), out_json, out_len);
  });
}

int32_t rdy_schedule_as_of(const rdy_schedule* s) {
  return live(s) ? impl(s)->as_of : RDY_NO_VALUE;
}
int32_t rdy_schedule_ready_by(const rdy_schedule* s) {
  return live(s) ? impl(s)->ready_by : RDY_NO_VALUE;
}
int32_t rdy_schedule_finish(const rdy_schedule* s) {
  return live(s) ? impl(s)->finish : RDY_NO_VALUE;
}
int rdy_schedule_provisional(const rdy_schedule* s) {
  return live(s) ? impl(s)->provisional : -1;
}

size_t rdy_schedule_task_count(const rdy_schedule* s) {
  return live(s) ? impl(s)->tasks.size() : 0;
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
    for (std::size_t i = 0; i < impl(s)->tasks.size(); ++i)
      if (impl(s)->tasks[i].id == id) {
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
  return live(s) ? impl(s)->driving_path.size() : 0;
}
const char* rdy_schedule_driving_path_task(const rdy_schedule* s, size_t index) {
  if (!live(s) || index >= impl(s)->driving_path.size()) return nullptr;
  return impl(s)->driving_path[index].c_str();
}

}  // extern "C"
