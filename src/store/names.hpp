// Reading back the enumeration names the workbook stores: the plan document's own names
// (readiness/model_names.hpp) where they exist, and the sanction kinds.
#ifndef READINESS_STORE_NAMES_HPP
#define READINESS_STORE_NAMES_HPP

#include <string>

#include "readiness/model.hpp"

namespace readiness::store {

rule_kind rule_kind_from(const std::string& name);
effect_kind effect_kind_from(const std::string& name);
link_type link_type_from(const std::string& name);
const char* sanction_name(sanction::kind kind);
sanction::kind sanction_from(const std::string& name);

}  // namespace readiness::store

#endif
