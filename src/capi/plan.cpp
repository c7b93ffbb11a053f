// Loading plans: the C ABI never parses a plan itself; it calls the one reader in io.
#include <memory>

#include "capi/guard.hpp"
#include "capi/handles.hpp"
#include "readiness/plan_io.hpp"

using namespace readiness::capi;

extern "C" {

int rdy_plan_load_json(const char* text, size_t len, rdy_plan** out) {
  return guard("rdy_plan_load_json", [&] {
    auto t = text_argument(text, len, "rdy_plan_load_json", "text");
    require(out, "rdy_plan_load_json", "out");
    auto plan = std::make_unique<plan_handle>(readiness::io::read_plan_json(t));
    *out = wrap(plan.release());
  });
}

int rdy_plan_load_file(const char* path, rdy_plan** out) {
  return guard("rdy_plan_load_file", [&] {
    auto p = cstring_argument(path, "rdy_plan_load_file", "path");
    require(out, "rdy_plan_load_file", "out");
    auto plan = std::make_unique<plan_handle>(readiness::io::read_plan_file(std::string(p)));
    *out = wrap(plan.release());
  });
}

void rdy_plan_destroy(rdy_plan* plan) {
  retire(impl(plan));
}

const char* rdy_plan_title(const rdy_plan* plan) {
  return live(plan) ? impl(plan)->value.title.c_str() : nullptr;
}

int32_t rdy_plan_as_of(const rdy_plan* plan) {
  return live(plan) ? to_days(impl(plan)->value.assessment.as_of) : RDY_NO_VALUE;
}

int rdy_plan_to_json(const rdy_plan* plan, int indent, char** out_json, size_t* out_len) {
  return guard("rdy_plan_to_json", [&] {
    require(plan, "rdy_plan_to_json", "plan");
    require(out_json, "rdy_plan_to_json", "out_json");
    if (indent < 0 || indent > 16) invalid_argument("rdy_plan_to_json", "indent must be 0 … 16");
    give_string(readiness::io::write_plan_json(impl(plan)->value, indent), out_json, out_len);
  });
}

}  // extern "C"
