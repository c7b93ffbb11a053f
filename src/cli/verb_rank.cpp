// `readiness rank RUBRIC ASSESSMENTS… [--quota 10% | --quota 5] [--json]`: scores every record
// of the JSON Lines files against the plan's rubric and ranks them (qualified, total, id). Bad
// records are reported on standard error and left out; the exit status is then 1.
#include <fstream>
#include <ostream>

#include "cli/command.hpp"
#include "cli/forecast_text.hpp"
#include "cli/plan_argument.hpp"
#include "cli/text_table.hpp"
#include "readiness/assessment_record.hpp"
#include "readiness/error.hpp"
#include "readiness/forecast_io.hpp"
#include "readiness/plan_io.hpp"
#include "readiness/rank.hpp"

namespace readiness::cli {
namespace {

int run(const arguments& args, context& ctx) {
  plan p = io::read_plan_file(args.positional[0]);
  std::optional<quota> q;
  if (auto text = args.get("--quota")) {
    try {
      q = parse_quota(*text);
    } catch (const error& e) {
      throw usage_error{e.diagnostics().empty() ? e.what() : e.diagnostics()[0].message};
    }
  }
  compiled_rubric plan_rubric = compile_rubric(p.rubric, p.sites);
  std::optional<centi> target = p.inspection ? p.inspection->target : std::nullopt;
  std::vector<scored_record> records;
  std::size_t bad = 0;
  for (std::size_t k = 1; k < args.positional.size(); ++k) {
    const std::string& name = args.positional[k];
    std::ifstream in(name, std::ios::binary);
    if (!in) throw error(errc::io, name, "cannot be read");
    io::read_assessment_records(
        in, name,
        [&](io::assessment_record&& rec) {
          const std::vector<evidence_entry>& ledger = rec.evidence ? *rec.evidence : p.evidence;
          if (rec.sites) {
            compiled_rubric own = compile_rubric(p.rubric, *rec.sites);
            records.push_back({rec.id, score_totals(own, rec.assessment, ledger, target)});
          } else {
            records.push_back({rec.id, score_totals(plan_rubric, rec.assessment, ledger, target)});
          }
        },
        [&](const error& e) {
          ++bad;
          for (const auto& d : e.diagnostics())
            ctx.err << "readiness rank: " << d.where << ": " << d.message << '\n';
        });
  }
  ranking r = rank(std::move(records), q);
  if (args.has("--json")) {
    ctx.out << io::write_ranking_json(r, 2) << '\n';
  } else {
    text_table t({{"名次", align::right, 0},
                  {"编号", align::left, 0},
                  {"总分", align::right, 0},
                  {"等次", align::left, 0},
                  {"资格", align::left, 0},
                  {"入围", align::left, 0}});
    for (const auto& rec : r.records)
      t.add_row({std::to_string(rec.place), rec.id, points_text(rec.total.total), rec.total.grade,
                 rec.total.qualified ? "合格" : "否决", q ? (rec.inside ? "是" : "") : ""});
    ctx.out << t.render();
    if (q) ctx.out << "入围 " << r.inside << " / " << r.records.size() << '\n';
  }
  if (bad) ctx.err << "readiness rank: " << bad << " record(s) could not be read\n";
  return bad ? exit_failure : exit_ok;
}

const command_registration registration{{
    "rank",
    "RUBRIC ASSESSMENTS... [--quota 10% | --quota 5] [--json]",
    "score many assessments (JSON Lines) against one rubric and rank them, with a quota",
    {{"--quota", true, "a count (5) or a share (10%: floor, at least 1) marked as inside"},
     json_option()},
    2,
    SIZE_MAX,
    run,
}};

}  // namespace
}  // namespace readiness::cli
