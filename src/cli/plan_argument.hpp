// How every analysis verb reads its PLAN argument and the options common to them.
#ifndef READINESS_CLI_PLAN_ARGUMENT_HPP
#define READINESS_CLI_PLAN_ARGUMENT_HPP

#include <optional>
#include <string>

#include "cli/command.hpp"
#include "readiness/model.hpp"

namespace readiness::cli {

// The "--as-of DATE" option, checked (usage_error on a bad date).
std::optional<date> as_of_option(const arguments& args);

// Reads the plan named by positional argument `index` (a JSON document or a workbook). With
// --as-of, a workbook is rebuilt as it was on that date; for any plan the status date becomes it.
plan load_plan_argument(const arguments& args, std::size_t index = 0);

// Parses an ISO date given on the command line; usage_error naming the option when invalid.
date parse_date_argument(const std::string& text, const std::string& option);

// The common option specs, so every verb spells them the same way.
option_spec json_option();
option_spec as_of_option_spec();

}  // namespace readiness::cli

#endif
