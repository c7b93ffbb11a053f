#include "cli/import_arguments.hpp"

#include <ostream>

#include "cli/output_file.hpp"
#include "readiness/error.hpp"
#include "readiness/plan_io.hpp"
#include "readiness/validate.hpp"

namespace readiness::cli {

std::vector<option_spec> import_option_specs() {
  return {{"--map", true, "other headers: \"任务内容=title,主办单位=lead\" (HEADER=field, …)"},
          {"--year", true, "the year of dates written without one (9月18日前)"},
          {"--into", true, "merge into this plan and write the whole plan"},
          output_option(),
          output_long_option()};
}

void prepare_import(const arguments& args, import_request& request) {
  request.table_path = args.positional.at(0);
  request.bytes = io::read_text_file(request.table_path);
  if (auto into = args.get("--into")) {
    request.into = io::read_plan_file(*into);
    request.options.into = &*request.into;
    const auto& p = *request.into;
    if (p.inspection && p.inspection->arrives)
      request.options.year = p.inspection->arrives->year();
    else if (p.assessment.as_of)
      request.options.year = p.assessment.as_of->year();
  }
  if (auto year = args.get("--year")) {
    if (year->size() != 4 || year->find_first_not_of("0123456789") != std::string::npos)
      throw usage_error{"--year: '" + *year + "' is not a year"};
    request.options.year = std::stoi(*year);
  }
  if (auto map = args.get("--map")) {
    std::string pairs = *map;
    for (char& c : pairs)
      if (c == ';') c = ',';
    std::size_t from = 0;
    while (from <= pairs.size()) {
      auto end = pairs.find(',', from);
      if (end == std::string::npos) end = pairs.size();
      std::string pair = pairs.substr(from, end - from);
      from = end + 1;
      if (pair.empty()) continue;
      auto eq = pair.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size())
        throw usage_error{"--map: '" + pair + "' is not HEADER=field"};
      request.options.map.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
    }
  }
}

void report_import(context& ctx, const std::string& path, io::text_encoding encoding,
                   const std::vector<std::string>& warnings) {
  for (const auto& w : warnings) ctx.err << "warning: " << w << '\n';
  if (encoding == io::text_encoding::gb18030)
    ctx.err << path << ": read as GBK/GB18030 (converted to UTF-8)\n";
}

int finish_import(const arguments& args, context& ctx, const plan& result, bool merged) {
  if (merged) {
    auto problems = validate(result);
    if (!problems.empty()) throw error(errc::validation, problems);
  }
  write_output(args, ctx, io::write_plan_json(result, 2) + "\n");
  return exit_ok;
}

}  // namespace readiness::cli
