#include "store/baseline.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <unordered_map>

#include "readiness/calendar_io.hpp"
#include "readiness/dates.hpp"
#include "readiness/error.hpp"
#include "readiness/schedule.hpp"
#include "readiness/workbook.hpp"
#include "store/sql.hpp"
#include "store/sqlite_error.hpp"
#include "store/status.hpp"
#include "store/timestamp.hpp"
#include "store/workbook_impl.hpp"

namespace readiness {
namespace store {

void apply_baseline(SQLite::Database& db, const std::optional<std::string>& before,
                    const std::optional<std::string>& name, plan& p, const std::string& where) {
  if (name && name->empty()) return;
  SQLite::Statement pick(db,
                         "SELECT b.id FROM baseline b JOIN revision r ON r.id = b.revision_id "
                         "WHERE (?1 IS NULL OR r.at < ?1) AND (?2 IS NULL OR b.name = ?2) "
                         "ORDER BY r.at DESC, r.id DESC LIMIT 1");
  if (before)
    pick.bind(1, *before);
  else
    pick.bind(1);
  if (name)
    pick.bind(2, *name);
  else
    pick.bind(2);
  if (!pick.executeStep()) {
    if (!name) return;
    throw error(errc::not_found, where,
                "no baseline named \"" + *name + "\"" + (before ? " saved by then" : ""));
  }
  const std::int64_t id = pick.getColumn(0).getInt64();
  std::unordered_map<std::string, task*> index;
  for (auto& t : p.tasks) {
    t.baseline.reset();
    index[t.id] = &t;
  }
  SQLite::Statement rows(db,
                         "SELECT task_id, start, finish FROM baseline_task WHERE baseline_id = ?");
  rows.bind(1, id);
  while (rows.executeStep()) {
    auto it = index.find(rows.getColumn(0).getString());
    if (it == index.end()) continue;
    it->second->baseline =
        baseline_dates{*date_column(rows.getColumn(1)), *date_column(rows.getColumn(2)), {}};
  }
}

namespace {

bool name_taken(SQLite::Database& db, const std::string& name) {
  SQLite::Statement st(db, "SELECT 1 FROM baseline WHERE name = ?");
  st.bind(1, name);
  return st.executeStep();
}

}  // namespace
}  // namespace store

void workbook::save_baseline(const std::string& name, const write_options& options) {
  using namespace store;
  const std::string where = impl_->where("baseline");
  if (!impl_->writable) throw error(errc::read_only, where, "opened read-only");
  std::string at = now_timestamp();
  if (options.at) {
    auto normal = normalize_timestamp(*options.at);
    if (!normal)
      throw error(errc::invalid_argument, where,
                  "'" + *options.at + "' is not a UTC time (YYYY-MM-DDTHH:MM:SSZ)");
    at = *normal;
  }
  const std::string author = options.author.empty() ? "unknown" : options.author;
  if (name.size() > 64)
    throw error(errc::validation, where, "a baseline name has at most 64 bytes");

  // The schedule is computed from the plan as it stands now; a concurrent writer may change it
  // before the baseline is stored, which is the same as saving a moment earlier.
  plan current = load();
  schedule planned = compute_schedule(current, io::load_plan_calendars(current));

  sqlite_guard(where, [&] {
    SQLite::Transaction txn(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
    std::string chosen = name;
    if (chosen.empty()) {
      chosen = format_iso_date(timestamp_day(at));
      for (int n = 2; name_taken(impl_->db, chosen); ++n)
        chosen = format_iso_date(timestamp_day(at)) + "-" + std::to_string(n);
    } else if (name_taken(impl_->db, chosen)) {
      throw error(errc::validation, where, "a baseline named \"" + chosen + "\" already exists");
    }
    auto last = latest_revision(impl_->db);
    std::int64_t rev =
        add_revision(impl_->db, at, author, "baseline", last ? last->as_of : std::optional<date>());
    SQLite::Statement add(impl_->db, "INSERT INTO baseline(name, revision_id) VALUES (?, ?)");
    add.bind(1, chosen);
    add.bind(2, rev);
    add.exec();
    const std::int64_t id = impl_->db.getLastInsertRowid();
    SQLite::Statement row(impl_->db,
                          "INSERT INTO baseline_task(baseline_id, task_id, start, finish) "
                          "VALUES (?, ?, ?, ?)");
    for (const auto& t : planned.tasks) {
      row.reset();
      row.bind(1, id);
      row.bind(2, t.id);
      bind_date(row, 3, t.es);
      bind_date(row, 4, t.ef);
      row.exec();
    }
    txn.commit();
  });
}

std::vector<baseline_info> workbook::baselines() const {
  return store::sqlite_guard(impl_->where("baselines"), [&] {
    std::vector<baseline_info> out;
    SQLite::Statement st(impl_->db,
                         "SELECT b.name, r.at, r.author, (SELECT count(*) FROM baseline_task t "
                         "WHERE t.baseline_id = b.id) FROM baseline b JOIN revision r ON "
                         "r.id = b.revision_id ORDER BY r.at, r.id");
    while (st.executeStep())
      out.push_back({st.getColumn(0).getString(), st.getColumn(1).getString(),
                     st.getColumn(2).getString(),
                     static_cast<std::size_t>(st.getColumn(3).getInt64())});
    return out;
  });
}

}  // namespace readiness
