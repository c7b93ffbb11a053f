#include "store/names.hpp"

#include "readiness/error.hpp"
#include "readiness/model_names.hpp"

namespace readiness::store {
namespace {

[[noreturn]] void unknown(const char* column, const std::string& name) {
  throw error(errc::store, column, "stored value '" + name + "' is not known");
}

}  // namespace

rule_kind rule_kind_from(const std::string& name) {
  if (auto kind = rule_kind_named(name)) return *kind;
  unknown("item.rule_kind", name);
}

effect_kind effect_kind_from(const std::string& name) {
  for (auto kind : {effect_kind::met, effect_kind::conditions, effect_kind::count,
                    effect_kind::resolve, effect_kind::level, effect_kind::value,
                    effect_kind::evidence, effect_kind::sites, effect_kind::clear_veto})
    if (name == effect_kind_name(kind)) return kind;
  unknown("task_effect.kind", name);
}

link_type link_type_from(const std::string& name) {
  if (auto type = link_type_named(name)) return *type;
  unknown("task_link.type", name);
}

const char* sanction_name(sanction::kind kind) {
  switch (kind) {
    case sanction::kind::disqualify:
      return "disqualify";
    case sanction::kind::cap_grade:
      return "cap_grade";
    case sanction::kind::cap_score:
      return "cap_score";
  }
  return "disqualify";
}

sanction::kind sanction_from(const std::string& name) {
  for (auto kind :
       {sanction::kind::disqualify, sanction::kind::cap_grade, sanction::kind::cap_score})
    if (name == sanction_name(kind)) return kind;
  unknown("effect", name);
}

}  // namespace readiness::store
