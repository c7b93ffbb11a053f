// readiness import-rubric TABLE.csv: a 考评标准 table into a rubric.
#include <ostream>

#include "cli/import_arguments.hpp"

namespace readiness::cli {
namespace {

int run(const arguments& args, context& ctx) {
  import_request request;
  prepare_import(args, request);
  auto table = io::import_rubric_table(request.bytes, request.table_path, request.options);
  report_import(ctx, request.table_path, table.encoding, table.warnings);
  plan result;
  if (request.into) result = std::move(*request.into);
  rubric imported = std::move(table.result);
  if (request.into) {
    // keep what the table cannot say: the rubric's name, grades, vetoes, gates
    imported.id = result.rubric.id;
    imported.title = result.rubric.title;
    imported.grades = result.rubric.grades;
    imported.vetoes = result.rubric.vetoes;
    imported.gates = result.rubric.gates;
    imported.ext = result.rubric.ext;
  }
  if (auto title = args.get("--title")) imported.title = *title;
  if (auto id = args.get("--id")) imported.id = *id;
  std::size_t items = 0;
  for (const auto& c : imported.categories) items += c.items.size();
  ctx.err << request.table_path << ": " << imported.categories.size() << " categories, " << items
          << " items\n";
  result.rubric = std::move(imported);
  return finish_import(args, ctx, result, request.into.has_value());
}

std::vector<option_spec> options() {
  auto specs = import_option_specs();
  specs.push_back({"--title", true, "the rubric's title (考评标准 name)"});
  specs.push_back({"--id", true, "the rubric's id"});
  return specs;
}

const command_registration registration{
    {"import-rubric", "TABLE.csv [--map HEADER=field,…] [--title TEXT] [--into PLAN] [-o OUT.json]",
     "read a rubric table (考评项目, 序号, 考评内容, 分值, 评分标准) from CSV in UTF-8 or GBK",
     options(), 1, 1, run}};

}  // namespace
}  // namespace readiness::cli
