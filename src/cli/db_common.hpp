// What the `readiness db …` verbs share: the author of a change and opening the workbook.
#ifndef READINESS_CLI_DB_COMMON_HPP
#define READINESS_CLI_DB_COMMON_HPP

#include <string>

#include "cli/command.hpp"
#include "readiness/workbook.hpp"

namespace readiness::cli {

option_spec author_option();

// --author, else $USER, else "unknown".
write_options author_of(const arguments& args);

}  // namespace readiness::cli

#endif
