// What import-tasks and import-rubric share: the table file, --map, --year and --into.
#ifndef READINESS_CLI_IMPORT_ARGUMENTS_HPP
#define READINESS_CLI_IMPORT_ARGUMENTS_HPP

#include <optional>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "io/table_import.hpp"
#include "readiness/model.hpp"

namespace readiness::cli {

std::vector<option_spec> import_option_specs();

struct import_request {
  std::string table_path;
  std::string bytes;                 // the table file as read
  std::optional<plan> into;          // the plan named by --into
  io::table_import_options options;  // options.into points into `into`
};

// Reads the table and the --into plan, parses --map ("HEADER=field", several separated by
// commas or semicolons) and --year (else the year of the --into plan's inspection or status date).
// usage_error for a malformed option.
void prepare_import(const arguments& args, import_request& request);

// The warnings, then which encoding was found, on standard error.
void report_import(context& ctx, const std::string& path, io::text_encoding encoding,
                   const std::vector<std::string>& warnings);

// Writes the plan (merged) or the fragment to -o / standard output; with --into the merged plan
// must pass validation first, so an invalid result is never written.
int finish_import(const arguments& args, context& ctx, const plan& result, bool merged);

}  // namespace readiness::cli

#endif
