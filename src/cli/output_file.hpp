// Where a verb writes its file: "-o FILE" (or "--output FILE"), or standard output for "-" or
// when the option is absent and the verb allows it.
#ifndef READINESS_CLI_OUTPUT_FILE_HPP
#define READINESS_CLI_OUTPUT_FILE_HPP

#include <optional>
#include <string>
#include <string_view>

#include "cli/command.hpp"

namespace readiness::cli {

option_spec output_option();
option_spec output_long_option();

// The path given with -o/--output; nullopt when absent or "-".
std::optional<std::string> output_path(const arguments& args);

// Writes `data` to the output path, or to ctx.out without one. The file is written whole to a
// temporary name first and renamed, so a failure never leaves half a file (errc::io).
void write_output(const arguments& args, context& ctx, std::string_view data);

// Writes a file the same way.
void write_file_atomically(const std::string& path, std::string_view data);

}  // namespace readiness::cli

#endif
