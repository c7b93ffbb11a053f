// Change logs: the history rows of one task or one item, compared with the row before them.
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <map>

#include "readiness/dates.hpp"
#include "readiness/error.hpp"
#include "readiness/workbook.hpp"
#include "store/sql.hpp"
#include "store/sqlite_error.hpp"
#include "store/status.hpp"
#include "store/workbook_impl.hpp"

namespace readiness {
namespace {

using namespace store;

std::string text_of(const std::optional<fraction>& v) {
  return v ? format_fraction(*v) : std::string();
}
std::string text_of(const std::optional<date>& d) {
  return d ? format_iso_date(*d) : std::string();
}
std::string text_of(const std::optional<bool>& b, const char* yes, const char* no) {
  return b ? (*b ? yes : no) : "";
}

std::string describe(const std::optional<item_input>& input) {
  if (!input) return "";
  const item_input& in = *input;
  std::vector<std::string> parts;
  if (in.met) parts.push_back(*in.met ? "met" : "not met");
  if (in.met_conditions) {
    std::string list;
    for (const auto& c : *in.met_conditions) list += (list.empty() ? "" : ", ") + c;
    parts.push_back("met: " + (list.empty() ? std::string("none") : list));
  }
  if (in.count) parts.push_back("count " + std::to_string(*in.count));
  if (in.deficiencies) parts.push_back("deficiencies " + std::to_string(*in.deficiencies));
  if (in.level) parts.push_back("level " + *in.level);
  if (in.value) parts.push_back("value " + format_fraction(*in.value));
  if (in.hits || in.of)
    parts.push_back((in.hits ? std::to_string(*in.hits) : "?") + " of " +
                    (in.of ? std::to_string(*in.of) : "?"));
  if (!in.note.empty()) parts.push_back("note: " + in.note);
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out.empty() ? "{}" : out;
}

std::string describe(const std::optional<evidence_entry>& e) {
  if (!e) return "";
  std::string out = e->kind;
  if (!e->title.empty()) out += ": " + e->title;
  if (e->dated) out += " (" + format_iso_date(*e->dated) + ")";
  return out;
}

struct timed_record {
  std::string at;
  std::int64_t revision;
  change_record record;
};

void add(std::vector<timed_record>& out, const SQLite::Statement& st, std::string subject,
         std::string field, std::string from, std::string to) {
  out.push_back({st.getColumn(0).getString(),
                 st.getColumn(1).getInt64(),
                 {st.getColumn(0).getString(), st.getColumn(2).getString(), std::move(subject),
                  std::move(field), std::move(from), std::move(to)}});
}

std::vector<change_record> in_order(std::vector<timed_record> rows) {
  std::stable_sort(rows.begin(), rows.end(), [](const timed_record& a, const timed_record& b) {
    return a.at != b.at ? a.at < b.at : a.revision < b.revision;
  });
  std::vector<change_record> out;
  for (auto& r : rows) out.push_back(std::move(r.record));
  return out;
}

const char* const revision_columns = "r.at, r.id, r.author";

}  // namespace

std::vector<change_record> workbook::history(const std::string& task_id) const {
  return sqlite_guard(impl_->where("history of task " + task_id), [&] {
    const auto& tasks = impl_->skeleton().tasks;
    if (std::none_of(tasks.begin(), tasks.end(), [&](const task& t) { return t.id == task_id; }))
      throw error(errc::not_found, "task " + task_id, "unknown task");
    std::vector<timed_record> rows;
    SQLite::Statement st(impl_->db, std::string("SELECT ") + revision_columns +
                                        ", h.progress_num, h.progress_den, h.started, h.finished "
                                        "FROM task_status h JOIN revision r ON r.id = "
                                        "h.revision_id WHERE h.task_id = ? ORDER BY r.at, r.id");
    st.bind(1, task_id);
    const std::string subject = "task " + task_id;
    task_state prev;
    while (st.executeStep()) {
      task_state now{fraction_columns(st, 3), date_column(st.getColumn(5)),
                     date_column(st.getColumn(6))};
      std::size_t before = rows.size();
      if (text_of(now.progress) != text_of(prev.progress))
        add(rows, st, subject, "progress", text_of(prev.progress), text_of(now.progress));
      if (now.started != prev.started)
        add(rows, st, subject, "started", text_of(prev.started), text_of(now.started));
      if (now.finished != prev.finished)
        add(rows, st, subject, "finished", text_of(prev.finished), text_of(now.finished));
      if (rows.size() == before)  // recorded again without a change
        add(rows, st, subject, "progress", text_of(prev.progress), text_of(now.progress));
      prev = now;
    }
    return in_order(std::move(rows));
  });
}

std::vector<change_record> workbook::history_item(const std::string& item_id) const {
  return sqlite_guard(impl_->where("history of item " + item_id), [&] {
    std::vector<timed_record> rows;
    bool known = false;
    {
      SQLite::Statement exists(impl_->db, "SELECT 1 FROM item WHERE id = ?");
      exists.bind(1, item_id);
      known = exists.executeStep();
    }
    if (!known) throw error(errc::not_found, "item " + item_id, "unknown item");

    SQLite::Statement inputs(impl_->db,
                             std::string("SELECT ") + revision_columns +
                                 " FROM item_input h JOIN revision r ON r.id = "
                                 "h.revision_id WHERE h.item_id = ? ORDER BY r.at, r.id");
    inputs.bind(1, item_id);
    std::optional<item_input> prev;
    const std::string subject = "item " + item_id;
    // Each row's full value comes from the same row reader the loads use.
    while (inputs.executeStep()) {
      SQLite::Statement one(impl_->db,
                            "SELECT h.present, h.met, h.has_conditions, h.count, h.deficiencies, "
                            "h.level, h.value_num, h.value_den, h.hits, h.of_total, h.note, "
                            "h.ext FROM item_input h WHERE h.revision_id = ? AND h.item_id = ?");
      one.bind(1, inputs.getColumn(1).getInt64());
      one.bind(2, item_id);
      one.executeStep();
      auto now = item_input_row(one, 0);
      if (now && now->met_conditions) {
        SQLite::Statement conds(impl_->db,
                                "SELECT condition_id FROM item_input_condition WHERE "
                                "revision_id = ? AND item_id = ? ORDER BY pos");
        conds.bind(1, inputs.getColumn(1).getInt64());
        conds.bind(2, item_id);
        while (conds.executeStep()) now->met_conditions->push_back(conds.getColumn(0).getString());
      }
      add(rows, inputs, subject, "input", describe(prev), describe(now));
      prev = std::move(now);
    }

    SQLite::Statement checks(impl_->db, std::string("SELECT ") + revision_columns +
                                            ", h.site_id, h.compliant FROM site_check h JOIN "
                                            "revision r ON r.id = h.revision_id WHERE h.item_id "
                                            "= ? ORDER BY r.at, r.id");
    checks.bind(1, item_id);
    std::map<std::string, std::optional<bool>> last_check;
    while (checks.executeStep()) {
      std::string site_id = checks.getColumn(3).getString();
      auto now = bool_column(checks.getColumn(4));
      add(rows, checks, "site " + site_id + " / item " + item_id, "check",
          text_of(last_check[site_id], "compliant", "not compliant"),
          text_of(now, "compliant", "not compliant"));
      last_check[site_id] = now;
    }

    // Evidence rows of entries that ever proved this item.
    SQLite::Statement ledger(impl_->db,
                             std::string("SELECT ") + revision_columns +
                                 ", h.id, h.present, h.item_id, h.kind, h.title, h.dated, h.ext "
                                 "FROM evidence h JOIN revision r ON r.id = h.revision_id WHERE "
                                 "h.id IN (SELECT id FROM evidence WHERE item_id = ?) "
                                 "ORDER BY r.at, r.id");
    ledger.bind(1, item_id);
    std::map<std::string, std::optional<evidence_entry>> last_entry;
    while (ledger.executeStep()) {
      std::string id = ledger.getColumn(3).getString();
      std::optional<evidence_entry> now;
      if (ledger.getColumn(4).getInt() != 0) {
        evidence_entry e;
        e.id = id;
        e.item = text_column(ledger.getColumn(5));
        e.kind = text_column(ledger.getColumn(6));
        e.title = text_column(ledger.getColumn(7));
        e.dated = date_column(ledger.getColumn(8));
        now = std::move(e);
      }
      add(rows, ledger, "evidence " + id, "entry", describe(last_entry[id]), describe(now));
      last_entry[id] = std::move(now);
    }
    return in_order(std::move(rows));
  });
}

}  // namespace readiness
