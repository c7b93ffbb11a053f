// readiness db assess FILE ITEM INPUT-JSON [--author NAME]
#include <ostream>

#include "cli/db_common.hpp"
#include "store/item_input_json.hpp"

namespace readiness::cli {
namespace {

int run(const arguments& args, context& ctx) {
  const std::string& file = args.positional.at(0);
  const std::string& item = args.positional.at(1);
  item_assessment change{item, std::nullopt};
  if (!args.has("--clear")) change.input = store::read_item_input_json(args.positional.at(2), item);
  workbook wb = workbook::open(file);
  wb.apply(change, author_of(args));
  ctx.out << "recorded item " << item << (change.input ? ": " + args.positional.at(2) : ": blank")
          << "\n";
  return exit_ok;
}

const command_registration registration({
    "db assess",
    "FILE ITEM '{\"deficiencies\": 1}' [--author NAME] | FILE ITEM --clear",
    "record an item's self-assessment input in a workbook",
    {{"--clear", false, "make the item blank again (no input)"}, author_option()},
    2,
    3,
    [](const arguments& args, context& ctx) {
      if (args.has("--clear") != (args.positional.size() == 2))
        throw usage_error{"give the input as JSON, or --clear"};
      return run(args, ctx);
    },
});

}  // namespace
}  // namespace readiness::cli
