// readiness db history FILE [--task T | --item I]
#include <algorithm>
#include <ostream>

#include "cli/command.hpp"
#include "cli/text_table.hpp"
#include "readiness/workbook.hpp"

namespace readiness::cli {
namespace {

// Every task's and item's log, oldest first.
std::vector<change_record> whole_history(const workbook& wb) {
  plan p = wb.load();
  std::vector<change_record> all;
  for (const auto& t : p.tasks) {
    auto log = wb.history(t.id);
    all.insert(all.end(), log.begin(), log.end());
  }
  auto add_items = [&](const std::vector<item>& items) {
    for (const auto& it : items) {
      auto log = wb.history_item(it.id);
      all.insert(all.end(), log.begin(), log.end());
    }
  };
  for (const auto& c : p.rubric.categories) add_items(c.items);
  if (p.rubric.bonus) add_items(p.rubric.bonus->items);
  if (p.rubric.penalties) add_items(p.rubric.penalties->items);
  std::stable_sort(all.begin(), all.end(),
                   [](const change_record& a, const change_record& b) { return a.at < b.at; });
  // An evidence entry shows once even when it proves an item twice over its life.
  all.erase(std::unique(all.begin(), all.end(),
                        [](const change_record& a, const change_record& b) {
                          return a.at == b.at && a.subject == b.subject && a.field == b.field &&
                                 a.to == b.to;
                        }),
            all.end());
  return all;
}

int run(const arguments& args, context& ctx) {
  auto task = args.get("--task");
  auto item = args.get("--item");
  if (task && item) throw usage_error{"give --task or --item, not both"};
  workbook wb = workbook::open(args.positional.at(0), {workbook::access::read_only, 5000});
  std::vector<change_record> log = task   ? wb.history(*task)
                                   : item ? wb.history_item(*item)
                                          : whole_history(wb);
  if (log.empty()) {
    ctx.out << "no recorded changes\n";
    return exit_ok;
  }
  text_table t({{"time (UTC)", align::left},
                {"author", align::left, 16},
                {"what", align::left, 28},
                {"from", align::left, 32},
                {"to", align::left, 32}});
  for (const auto& c : log) {
    std::string at = c.at.substr(0, 16);
    at[10] = ' ';
    t.add_row({at, c.author, c.subject + " " + c.field, c.from.empty() ? "–" : c.from,
               c.to.empty() ? "–" : c.to});
  }
  ctx.out << t.render();
  return exit_ok;
}

const command_registration registration({
    "db history",
    "FILE [--task TASK | --item ITEM]",
    "show who changed what in a workbook, and when",
    {{"--task", true, "one task's status changes"},
     {"--item", true, "one item's inputs, site checks and evidence"}},
    1,
    1,
    run,
});

}  // namespace
}  // namespace readiness::cli
