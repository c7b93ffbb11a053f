// The plan's recorded status — task progress and actual dates, item inputs, veto flags, site
// checks, the evidence ledger — kept as an append-only history: every write adds a revision
// (time, author, status date) and one full row per thing it changed. The state at a moment is,
// for every thing, its latest row by then.
#ifndef READINESS_STORE_STATUS_HPP
#define READINESS_STORE_STATUS_HPP

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>

#include "readiness/model.hpp"

namespace readiness::store {

struct task_state {
  std::optional<fraction> progress;
  std::optional<date> started;
  std::optional<date> finished;
};

struct revision_row {
  std::int64_t id = 0;
  std::string at;
  std::string author;
  std::optional<date> as_of;
};

// Adds a revision row; returns its id.
std::int64_t add_revision(SQLite::Database& db, const std::string& at, const std::string& author,
                          const char* kind, const std::optional<date>& as_of);

// The newest revision (by time, then id), if any.
std::optional<revision_row> latest_revision(SQLite::Database& db);

class status_writer {
 public:
  status_writer(SQLite::Database& db, std::int64_t revision);

  void task(const std::string& id, const task_state& s);
  void item(const std::string& id, const std::optional<item_input>& input);
  void veto(const std::string& id, std::optional<bool> triggered);
  void site_check(const std::string& site, const std::string& item, std::optional<bool> value);
  // `entry` nullopt records the removal of `id`.
  void evidence(const std::string& id, const std::optional<evidence_entry>& entry);

  // Every status member of the plan, as imported.
  void whole_plan(const plan& p);

 private:
  std::int64_t revision_;
  std::int64_t evidence_pos_ = 0;
  SQLite::Statement task_, item_, condition_, veto_, site_, evidence_;
};

// Fills the status members of `p` (tasks' progress and dates, assessment items, vetoes, site
// checks, evidence) with their latest rows whose time is before `before` (all rows when nullopt).
void read_status(SQLite::Database& db, const std::optional<std::string>& before, plan& p);

// The latest recorded value of one thing (for updates and change logs).
task_state current_task(SQLite::Database& db, const std::string& id);
std::optional<item_input> current_item(SQLite::Database& db, const std::string& id);
std::optional<bool> current_veto(SQLite::Database& db, const std::string& id);
std::optional<bool> current_site_check(SQLite::Database& db, const std::string& site,
                                       const std::string& item);
std::optional<evidence_entry> current_evidence(SQLite::Database& db, const std::string& id);

// Reads one item_input row (columns: present, met, has_conditions, count, deficiencies, level,
// value_num, value_den, hits, of_total, note, ext from `first`), conditions not included.
std::optional<item_input> item_input_row(const SQLite::Statement& st, int first);

}  // namespace readiness::store

#endif
