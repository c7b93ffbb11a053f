// `readiness score PLAN [--json] [--as-of DATE]`: the score today, item by item, and where the
// points are lost. A low score is data, not an error: the exit status is 0.
#include <algorithm>
#include <map>
#include <ostream>

#include "cli/command.hpp"
#include "cli/plan_argument.hpp"
#include "cli/text_table.hpp"
#include "readiness/dates.hpp"
#include "readiness/score_io.hpp"
#include "readiness/scoring.hpp"

namespace readiness::cli {
namespace {

constexpr std::size_t shortfalls_shown = 10;

const char* status_text(item_status s) {
  switch (s) {
    case item_status::full:
      return "满分";
    case item_status::partial:
      return "部分得分";
    case item_status::zero:
      return "未得分";
    case item_status::blank:
      return "空白";
    case item_status::no_evidence:
      return "缺佐证";
  }
  return "";
}

std::string pts(centi v) {
  return format_centi(v);
}

void headline(std::ostream& out, const plan& p, const score_result& r) {
  const score_total& t = r.total;
  if (!p.title.empty()) out << p.title << '\n';
  if (!p.rubric.title.empty()) out << p.rubric.title << '\n';
  out << "自查日期：" << (r.as_of ? format_iso_date(*r.as_of) : std::string("未填")) << '\n';
  out << "总分：" << pts(t.total) << " / " << pts(t.max) << "（基础分 " << pts(t.base) << "，加分 "
      << pts(t.bonus) << "，扣分 " << pts(-t.penalty) << "）\n";
  out << "等次：" << (t.grade.empty() ? "—" : t.grade) << "    "
      << (t.qualified ? "具备资格" : "不具备资格（被否决）") << '\n';
  if (t.target) out << "目标：" << pts(*t.target) << "    差距：" << pts(*t.gap) << '\n';
  auto list = [&](const char* label, const std::vector<std::string>& ids) {
    if (ids.empty()) return;
    out << label;
    for (std::size_t i = 0; i < ids.size(); ++i) out << (i ? "、" : "") << ids[i];
    out << '\n';
  };
  list("触发一票否决：", t.vetoes_triggered);
  list("未过前置条件：", t.gates_failed);
}

text_table items_table() {
  return text_table({{"序号", align::left, 0},
                     {"考评内容", align::left, 30},
                     {"分值", align::right, 0},
                     {"得分", align::right, 0},
                     {"状态", align::left, 0},
                     {"说明", align::left, 44}});
}

void add_item_row(text_table& t, const item_score& s) {
  t.add_row({s.id, s.title, pts(s.max), pts(s.score), status_text(s.status), s.reason});
}

void section(std::ostream& out, const std::string& title, const std::string& figures,
             const text_table& table) {
  out << '\n' << title << (figures.empty() ? "" : "  " + figures) << '\n' << table.render(2);
}

void sections(std::ostream& out, const score_result& r) {
  for (const auto& c : r.categories) {
    text_table t = items_table();
    for (const auto& s : r.items)
      if (s.category == c.id) add_item_row(t, s);
    section(out, c.id + " " + c.title, pts(c.score) + " / " + pts(c.max), t);
  }
  for (const char* group : {"bonus", "penalty"}) {
    text_table t = items_table();
    for (const auto& s : r.items)
      if (s.category == group) add_item_row(t, s);
    if (t.rows() == 0) continue;
    bool bonus = group == std::string("bonus");
    section(out, bonus ? "加分项" : "扣分项", bonus ? pts(r.total.bonus) : pts(r.total.penalty), t);
  }
}

// The owner's unit name where the plan knows it, else its id.
std::string owner_name(const plan& p, const std::string& id) {
  for (const auto& u : p.units)
    if (u.id == id && !u.name.empty()) return u.name;
  return id;
}

void lists(std::ostream& out, const plan& p, const score_result& r) {
  std::map<std::string, const item_score*, id_less> by_id;
  for (const auto& s : r.items) by_id[s.id] = &s;

  if (!r.shortfalls.empty()) {
    text_table t({{"序号", align::left, 0},
                  {"考评内容", align::left, 30},
                  {"失分", align::right, 0},
                  {"责任单位", align::left, 0},
                  {"说明", align::left, 44}});
    std::size_t n = std::min(shortfalls_shown, r.shortfalls.size());
    for (std::size_t i = 0; i < n; ++i) {
      const item_score& s = *by_id.at(r.shortfalls[i].id);
      t.add_row({s.id, s.title, pts(s.lost), owner_name(p, s.owner), s.reason});
    }
    std::string more = r.shortfalls.size() > n ? "（前" + std::to_string(n) + "项，共" +
                                                     std::to_string(r.shortfalls.size()) + "项）"
                                               : "";
    section(out, "补短板", more, t);
  }
  if (!r.blanks.empty()) {
    text_table t({{"序号", align::left, 0},
                  {"考评内容", align::left, 30},
                  {"分值", align::right, 0},
                  {"责任单位", align::left, 0}});
    for (const auto& id : r.blanks) {
      const item_score& s = *by_id.at(id);
      t.add_row({s.id, s.title, pts(s.max), owner_name(p, s.owner)});
    }
    section(out, "填空白", std::to_string(r.blanks.size()) + "项未填报", t);
  }
  if (!r.bonus_opportunities.empty()) {
    text_table t({{"序号", align::left, 0},
                  {"考评内容", align::left, 30},
                  {"可加分", align::right, 0},
                  {"责任单位", align::left, 0}});
    for (const auto& b : r.bonus_opportunities) {
      const item_score& s = *by_id.at(b.id);
      t.add_row({s.id, s.title, pts(b.gain), owner_name(p, s.owner)});
    }
    section(out, "增特色", "", t);
  }
}

int run(const arguments& args, context& ctx) {
  plan p = load_plan_argument(args);
  score_result r = score_plan(p);
  if (args.has("--json")) {
    ctx.out << io::write_score_json(r, 2) << '\n';
    return exit_ok;
  }
  headline(ctx.out, p, r);
  sections(ctx.out, r);
  lists(ctx.out, p, r);
  return exit_ok;
}

const command_registration registration{{
    "score",
    "PLAN [--json] [--as-of DATE]",
    "the score today, item by item: where points are lost, blanks, bonus opportunities",
    {json_option(), as_of_option_spec()},
    1,
    1,
    run,
}};

}  // namespace
}  // namespace readiness::cli
