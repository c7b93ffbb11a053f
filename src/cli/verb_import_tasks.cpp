// readiness import-tasks TABLE.csv: a 任务分工 table into tasks and units.
#include <ostream>

#include "cli/import_arguments.hpp"

namespace readiness::cli {
namespace {

int run(const arguments& args, context& ctx) {
  import_request request;
  prepare_import(args, request);
  auto table = io::import_task_table(request.bytes, request.table_path, request.options);
  report_import(ctx, request.table_path, table.encoding, table.warnings);
  plan result;
  if (request.into) result = std::move(*request.into);
  io::merge_task_table(result, table);
  ctx.err << request.table_path << ": " << table.tasks.size() << " tasks, "
          << table.new_units.size() << " new units\n";
  return finish_import(args, ctx, result, request.into.has_value());
}

const command_registration registration{
    {"import-tasks", "TABLE.csv [--map HEADER=field,…] [--year YYYY] [--into PLAN] [-o OUT.json]",
     "read a task division table (任务分工: 序号, 工作任务, 牵头单位, 责任单位, 配合单位, "
     "完成时限, "
     "责任人) from CSV in UTF-8 or GBK",
     import_option_specs(), 1, 1, run}};

}  // namespace
}  // namespace readiness::cli
