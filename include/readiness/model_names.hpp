// The names plan documents and result documents give the model's enumerations.
#ifndef READINESS_MODEL_NAMES_HPP
#define READINESS_MODEL_NAMES_HPP

#include <optional>
#include <string_view>

#include "readiness/model.hpp"

namespace readiness {

// "check", "conditions", "per_unit", "deduction", "levels", "ratio", "sites", "penalty".
const char* rule_kind_name(rule_kind kind) noexcept;
std::optional<rule_kind> rule_kind_named(std::string_view name) noexcept;

// "FS", "SS", "FF", "SF".
const char* link_type_name(link_type type) noexcept;
std::optional<link_type> link_type_named(std::string_view name) noexcept;

// The effect's key in a task's `effects` entry: "met", "conditions", …, "clear" for clear_veto.
const char* effect_kind_name(effect_kind kind) noexcept;

}  // namespace readiness

#endif
