#include "store/schema.hpp"

#include <SQLiteCpp/Transaction.h>

#include "readiness/error.hpp"
#include "readiness/workbook.hpp"

namespace readiness::store {
namespace {

// Version 1: the plan (structure written once at import) and the append-only history of its
// status (task status, item inputs, veto flags, site checks, evidence), one revision per write.
const char* const schema_v1 = R"sql(
CREATE TABLE plan_info(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  title TEXT NOT NULL,
  ext TEXT,
  assessment_ext TEXT);
CREATE TABLE inspection(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  arrives TEXT, window_end TEXT, ready_by TEXT, target INTEGER, ext TEXT);
CREATE TABLE simulation(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  distribution TEXT NOT NULL, iterations INTEGER, seed INTEGER, ext TEXT);
CREATE TABLE unit(
  id TEXT PRIMARY KEY, pos INTEGER NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL,
  capacity INTEGER, ext TEXT);
CREATE TABLE calendar(
  id INTEGER PRIMARY KEY,
  unit_id TEXT UNIQUE REFERENCES unit(id) DEFERRABLE INITIALLY DEFERRED,
  base TEXT NOT NULL, weekend INTEGER, ext TEXT);
CREATE TABLE calendar_day(
  calendar_id INTEGER NOT NULL REFERENCES calendar(id) DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  pos INTEGER NOT NULL, first TEXT NOT NULL, last TEXT NOT NULL,
  PRIMARY KEY (calendar_id, kind, pos));
CREATE TABLE calendar_file(
  calendar_id INTEGER NOT NULL REFERENCES calendar(id) DEFERRABLE INITIALLY DEFERRED,
  pos INTEGER NOT NULL, path TEXT NOT NULL,
  PRIMARY KEY (calendar_id, pos));
CREATE TABLE site(
  id TEXT PRIMARY KEY, pos INTEGER NOT NULL UNIQUE, name TEXT NOT NULL, type TEXT NOT NULL,
  unit_id TEXT REFERENCES unit(id) DEFERRABLE INITIALLY DEFERRED, ext TEXT);
CREATE TABLE rubric(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  rubric_id TEXT NOT NULL, title TEXT NOT NULL, total INTEGER, ext TEXT);
CREATE TABLE grade(
  pos INTEGER PRIMARY KEY, min INTEGER NOT NULL, label TEXT NOT NULL, ext TEXT);
CREATE TABLE item_group(
  kind TEXT PRIMARY KEY CHECK (kind IN ('bonus', 'penalties')), cap INTEGER, ext TEXT);
CREATE TABLE category(
  id TEXT PRIMARY KEY, pos INTEGER NOT NULL UNIQUE, title TEXT NOT NULL, points INTEGER NOT NULL,
  weight_num INTEGER, weight_den INTEGER, ext TEXT);
CREATE TABLE item(
  id TEXT PRIMARY KEY,
  grp TEXT NOT NULL CHECK (grp IN ('category', 'bonus', 'penalties')),
  category_id TEXT REFERENCES category(id) DEFERRABLE INITIALLY DEFERRED,
  pos INTEGER NOT NULL,
  title TEXT NOT NULL, criteria TEXT NOT NULL, points INTEGER NOT NULL,
  owner_id TEXT REFERENCES unit(id) DEFERRABLE INITIALLY DEFERRED,
  min_sample INTEGER, ext TEXT,
  rule_kind TEXT NOT NULL, rule_unit INTEGER NOT NULL, rule_cap INTEGER, rule_per INTEGER NOT NULL,
  rule_floor INTEGER, zero_at_num INTEGER, zero_at_den INTEGER, full_at_num INTEGER,
  full_at_den INTEGER, site_type TEXT NOT NULL, rule_ext TEXT,
  has_evidence INTEGER NOT NULL, evidence_method TEXT, evidence_ext TEXT);
CREATE TABLE condition(
  item_id TEXT NOT NULL REFERENCES item(id) DEFERRABLE INITIALLY DEFERRED,
  pos INTEGER NOT NULL, id TEXT NOT NULL, points INTEGER NOT NULL, title TEXT NOT NULL, ext TEXT,
  PRIMARY KEY (item_id, pos));
CREATE TABLE level(
  item_id TEXT NOT NULL REFERENCES item(id) DEFERRABLE INITIALLY DEFERRED,
  pos INTEGER NOT NULL, label TEXT NOT NULL, ratio_num INTEGER NOT NULL,
  ratio_den INTEGER NOT NULL, ext TEXT,
  PRIMARY KEY (item_id, pos));
CREATE TABLE item_site(
  item_id TEXT NOT NULL REFERENCES item(id) DEFERRABLE INITIALLY DEFERRED,
  pos INTEGER NOT NULL,
  site_id TEXT NOT NULL REFERENCES site(id) DEFERRABLE INITIALLY DEFERRED,
  PRIMARY KEY (item_id, pos));
CREATE TABLE item_required_kind(
  item_id TEXT NOT NULL REFERENCES item(id) DEFERRABLE INITIALLY DEFERRED,
  pos INTEGER NOT NULL, kind TEXT NOT NULL,
  PRIMARY KEY (item_id, pos));
CREATE TABLE veto(
  id TEXT PRIMARY KEY, pos INTEGER NOT NULL UNIQUE, title TEXT NOT NULL,
  effect TEXT NOT NULL CHECK (effect IN ('disqualify', 'cap_grade', 'cap_score')),
  effect_grade TEXT NOT NULL, effect_score INTEGER NOT NULL, effect_ext TEXT, ext TEXT);
CREATE TABLE gate(
  pos INTEGER PRIMARY KEY, id TEXT NOT NULL,
  category_id TEXT NOT NULL REFERENCES category(id) DEFERRABLE INITIALLY DEFERRED,
  min_ratio_num INTEGER NOT NULL, min_ratio_den INTEGER NOT NULL,
  effect TEXT NOT NULL CHECK (effect IN ('disqualify', 'cap_grade', 'cap_score')),
  effect_grade TEXT NOT NULL, effect_score INTEGER NOT NULL, effect_ext TEXT, ext TEXT);
CREATE TABLE task(
  id TEXT PRIMARY KEY, pos INTEGER NOT NULL UNIQUE, title TEXT NOT NULL,
  parent_id TEXT REFERENCES task(id) DEFERRABLE INITIALLY DEFERRED,
  lead_id TEXT REFERENCES unit(id) DEFERRABLE INITIALLY DEFERRED,
  owner TEXT NOT NULL, duration INTEGER,
  has_estimate INTEGER NOT NULL, est_optimistic REAL, est_likely REAL, est_pessimistic REAL,
  est_distribution TEXT, est_ext TEXT,
  not_before TEXT, due TEXT,
  baseline_start TEXT, baseline_finish TEXT, baseline_ext TEXT,
  ext TEXT);
CREATE INDEX task_parent ON task(parent_id);
CREATE TABLE task_unit(
  task_id TEXT NOT NULL REFERENCES task(id) DEFERRABLE INITIALLY DEFERRED,
  role TEXT NOT NULL CHECK (role IN ('responsible', 'support')),
  pos INTEGER NOT NULL,
  unit_id TEXT NOT NULL REFERENCES unit(id) DEFERRABLE INITIALLY DEFERRED,
  PRIMARY KEY (task_id, role, pos));
CREATE TABLE task_link(
  task_id TEXT NOT NULL REFERENCES task(id) DEFERRABLE INITIALLY DEFERRED,
  pos INTEGER NOT NULL,
  pred_id TEXT NOT NULL REFERENCES task(id) DEFERRABLE INITIALLY DEFERRED,
  type TEXT NOT NULL CHECK (type IN ('FS', 'SS', 'FF', 'SF')),
  lag INTEGER NOT NULL, ext TEXT,
  PRIMARY KEY (task_id, pos));
CREATE TABLE task_effect(
  task_id TEXT NOT NULL REFERENCES task(id) DEFERRABLE INITIALLY DEFERRED,
  pos INTEGER NOT NULL,
  kind TEXT NOT NULL,
  item_id TEXT REFERENCES item(id) DEFERRABLE INITIALLY DEFERRED,
  veto_id TEXT REFERENCES veto(id) DEFERRABLE INITIALLY DEFERRED,
  amount INTEGER NOT NULL, text TEXT NOT NULL, value_num INTEGER NOT NULL,
  value_den INTEGER NOT NULL, ext TEXT,
  PRIMARY KEY (task_id, pos));
CREATE TABLE task_effect_ref(
  task_id TEXT NOT NULL, effect_pos INTEGER NOT NULL, pos INTEGER NOT NULL, ref TEXT NOT NULL,
  PRIMARY KEY (task_id, effect_pos, pos),
  FOREIGN KEY (task_id, effect_pos) REFERENCES task_effect(task_id, pos)
    DEFERRABLE INITIALLY DEFERRED);

CREATE TABLE revision(
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL, author TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('import', 'update', 'baseline')),
  as_of TEXT);
CREATE INDEX revision_time ON revision(at, id);
CREATE TABLE task_status(
  revision_id INTEGER NOT NULL REFERENCES revision(id),
  task_id TEXT NOT NULL REFERENCES task(id),
  progress_num INTEGER, progress_den INTEGER, started TEXT, finished TEXT,
  PRIMARY KEY (revision_id, task_id));
CREATE INDEX task_status_task ON task_status(task_id);
CREATE TABLE item_input(
  revision_id INTEGER NOT NULL REFERENCES revision(id),
  item_id TEXT NOT NULL REFERENCES item(id),
  present INTEGER NOT NULL, met INTEGER, has_conditions INTEGER NOT NULL,
  count INTEGER, deficiencies INTEGER, level TEXT, value_num INTEGER, value_den INTEGER,
  hits INTEGER, of_total INTEGER, note TEXT NOT NULL, ext TEXT,
  PRIMARY KEY (revision_id, item_id));
CREATE INDEX item_input_item ON item_input(item_id);
CREATE TABLE item_input_condition(
  revision_id INTEGER NOT NULL, item_id TEXT NOT NULL, pos INTEGER NOT NULL,
  condition_id TEXT NOT NULL,
  PRIMARY KEY (revision_id, item_id, pos),
  FOREIGN KEY (revision_id, item_id) REFERENCES item_input(revision_id, item_id));
CREATE TABLE veto_flag(
  revision_id INTEGER NOT NULL REFERENCES revision(id),
  veto_id TEXT NOT NULL REFERENCES veto(id),
  triggered INTEGER,
  PRIMARY KEY (revision_id, veto_id));
CREATE TABLE site_check(
  revision_id INTEGER NOT NULL REFERENCES revision(id),
  site_id TEXT NOT NULL REFERENCES site(id),
  item_id TEXT NOT NULL REFERENCES item(id),
  compliant INTEGER,
  PRIMARY KEY (revision_id, site_id, item_id));
CREATE INDEX site_check_item ON site_check(item_id);
CREATE TABLE evidence(
  revision_id INTEGER NOT NULL REFERENCES revision(id),
  id TEXT NOT NULL, pos INTEGER NOT NULL, present INTEGER NOT NULL,
  item_id TEXT REFERENCES item(id), kind TEXT, title TEXT, dated TEXT, ext TEXT,
  PRIMARY KEY (revision_id, id));
CREATE INDEX evidence_item ON evidence(item_id);
)sql"
                              // History is append-only: rows are never changed or removed.
                              R"sql(
CREATE TRIGGER revision_keep_u BEFORE UPDATE ON revision
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER revision_keep_d BEFORE DELETE ON revision
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER task_status_keep_u BEFORE UPDATE ON task_status
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER task_status_keep_d BEFORE DELETE ON task_status
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER item_input_keep_u BEFORE UPDATE ON item_input
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER item_input_keep_d BEFORE DELETE ON item_input
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER veto_flag_keep_u BEFORE UPDATE ON veto_flag
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER veto_flag_keep_d BEFORE DELETE ON veto_flag
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER site_check_keep_u BEFORE UPDATE ON site_check
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER site_check_keep_d BEFORE DELETE ON site_check
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER evidence_keep_u BEFORE UPDATE ON evidence
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER evidence_keep_d BEFORE DELETE ON evidence
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
)sql";

// Version 2: named baselines (the schedule as planned, saved more than once).
const char* const schema_v2 = R"sql(
CREATE TABLE baseline(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  revision_id INTEGER NOT NULL REFERENCES revision(id));
CREATE TABLE baseline_task(
  baseline_id INTEGER NOT NULL REFERENCES baseline(id),
  task_id TEXT NOT NULL REFERENCES task(id),
  start TEXT NOT NULL, finish TEXT NOT NULL,
  PRIMARY KEY (baseline_id, task_id));
CREATE TRIGGER baseline_keep_u BEFORE UPDATE ON baseline
  BEGIN SELECT RAISE(ABORT, 'baselines are kept as saved'); END;
CREATE TRIGGER baseline_task_keep_u BEFORE UPDATE ON baseline_task
  BEGIN SELECT RAISE(ABORT, 'baselines are kept as saved'); END;
)sql";

int user_version(SQLite::Database& db) {
  return db.execAndGet("PRAGMA user_version").getInt();
}

void run_migrations(SQLite::Database& db, int from) {
  for (const auto& m : migrations()) {
    if (m.to <= from) continue;
    db.exec(m.sql);
    // PRAGMA takes no bound parameters; the value is our own constant.
    db.exec("PRAGMA user_version = " + std::to_string(m.to));
  }
}

}  // namespace

const std::vector<migration>& migrations() {
  static const std::vector<migration> steps = {
      {1, "the plan and its history", schema_v1},
      {2, "named baselines", schema_v2},
  };
  return steps;
}

void configure_connection(SQLite::Database& db, int busy_timeout_ms, bool writable) {
  db.setBusyTimeout(busy_timeout_ms);
  db.exec("PRAGMA foreign_keys = ON");
  if (writable) {
    db.exec("PRAGMA journal_mode = WAL");
    // In WAL mode NORMAL survives a killed process (not a power cut mid-commit) and is fast.
    db.exec("PRAGMA synchronous = NORMAL");
  }
}

void create_schema(SQLite::Database& db) {
  SQLite::Transaction txn(db, SQLite::TransactionBehavior::IMMEDIATE);
  db.exec("PRAGMA application_id = " + std::to_string(workbook_application_id));
  run_migrations(db, 0);
  txn.commit();
}

int check_schema(SQLite::Database& db, bool writable, const std::string& where) {
  const int app = db.execAndGet("PRAGMA application_id").getInt();
  int version = user_version(db);
  if (app != workbook_application_id)
    throw error(errc::store, where, "not a workbook (a SQLite database written by something else)");
  if (version > workbook::schema_version)
    throw error(errc::version, where,
                "the workbook has schema version " + std::to_string(version) +
                    ", newer than this library reads (" + std::to_string(workbook::schema_version) +
                    "); upgrade readiness");
  if (version == workbook::schema_version) return version;
  if (version < 1) throw error(errc::store, where, "not a workbook (no schema version recorded)");
  if (!writable)
    throw error(errc::read_only, where,
                "the workbook has schema version " + std::to_string(version) +
                    " and must be upgraded; open it with write access once");
  SQLite::Transaction txn(db, SQLite::TransactionBehavior::IMMEDIATE);
  version = user_version(db);  // another process may have migrated it meanwhile
  if (version < workbook::schema_version) run_migrations(db, version);
  txn.commit();
  return user_version(db);
}

}  // namespace readiness::store
