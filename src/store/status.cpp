#include "store/status.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "readiness/error.hpp"
#include "store/ext_codec.hpp"
#include "store/sql.hpp"

namespace readiness::store {
namespace {

using SQLite::Statement;

// Rows of a history table joined to their revision, oldest first, optionally before a time.
std::string history_query(const std::string& columns, const std::string& table) {
  return "SELECT " + columns + " FROM " + table +
         " h JOIN revision r ON r.id = h.revision_id WHERE (?1 IS NULL OR r.at < ?1) "
         "ORDER BY r.at, r.id";
}

void bind_before(Statement& st, const std::optional<std::string>& before) {
  if (before)
    st.bind(1, *before);
  else
    st.bind(1);
}

evidence_entry evidence_row(const Statement& st, const std::string& id, int first) {
  evidence_entry e;
  e.id = id;
  e.item = text_column(st.getColumn(first));
  e.kind = text_column(st.getColumn(first + 1));
  e.title = text_column(st.getColumn(first + 2));
  e.dated = date_column(st.getColumn(first + 3));
  e.ext = ext_column(st.getColumn(first + 4));
  return e;
}

const char* const item_columns =
    "h.present, h.met, h.has_conditions, h.count, h.deficiencies, h.level, h.value_num, "
    "h.value_den, h.hits, h.of_total, h.note, h.ext";

}  // namespace

std::int64_t add_revision(SQLite::Database& db, const std::string& at, const std::string& author,
                          const char* kind, const std::optional<date>& as_of) {
  Statement st(db, "INSERT INTO revision(at, author, kind, as_of) VALUES (?, ?, ?, ?)");
  st.bind(1, at);
  st.bind(2, author);
  st.bind(3, kind);
  bind_date(st, 4, as_of);
  st.exec();
  return db.getLastInsertRowid();
}

std::optional<revision_row> latest_revision(SQLite::Database& db) {
  Statement st(db, "SELECT id, at, author, as_of FROM revision ORDER BY at DESC, id DESC LIMIT 1");
  if (!st.executeStep()) return std::nullopt;
  return revision_row{st.getColumn(0).getInt64(), st.getColumn(1).getString(),
                      st.getColumn(2).getString(), date_column(st.getColumn(3))};
}

status_writer::status_writer(SQLite::Database& db, std::int64_t revision)
    : revision_(revision),
      task_(db,
            "INSERT INTO task_status(revision_id, task_id, progress_num, progress_den, started, "
            "finished) VALUES (?, ?, ?, ?, ?, ?)"),
      item_(db,
            "INSERT INTO item_input(revision_id, item_id, present, met, has_conditions, count, "
            "deficiencies, level, value_num, value_den, hits, of_total, note, ext) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      condition_(db,
                 "INSERT INTO item_input_condition(revision_id, item_id, pos, condition_id) "
                 "VALUES (?, ?, ?, ?)"),
      veto_(db, "INSERT INTO veto_flag(revision_id, veto_id, triggered) VALUES (?, ?, ?)"),
      site_(db,
            "INSERT INTO site_check(revision_id, site_id, item_id, compliant) VALUES (?, ?, ?, ?)"),
      evidence_(db,
                "INSERT INTO evidence(revision_id, id, pos, present, item_id, kind, title, dated, "
                "ext) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)") {}

void status_writer::task(const std::string& id, const task_state& s) {
  task_.reset();
  task_.bind(1, revision_);
  task_.bind(2, id);
  bind_fraction(task_, 3, s.progress);
  bind_date(task_, 5, s.started);
  bind_date(task_, 6, s.finished);
  task_.exec();
}

void status_writer::item(const std::string& id, const std::optional<item_input>& input) {
  item_.reset();
  item_.bind(1, revision_);
  item_.bind(2, id);
  item_.bind(3, input ? 1 : 0);
  const item_input empty;
  const item_input& in = input ? *input : empty;
  bind_bool(item_, 4, in.met);
  item_.bind(5, in.met_conditions ? 1 : 0);
  bind_int(item_, 6, in.count);
  bind_int(item_, 7, in.deficiencies);
  if (in.level)
    item_.bind(8, *in.level);
  else
    item_.bind(8);
  bind_fraction(item_, 9, in.value);
  bind_int(item_, 11, in.hits);
  bind_int(item_, 12, in.of);
  item_.bind(13, in.note);
  bind_ext(item_, 14, in.ext);
  item_.exec();
  if (!in.met_conditions) return;
  for (std::size_t i = 0; i < in.met_conditions->size(); ++i) {
    condition_.reset();
    condition_.bind(1, revision_);
    condition_.bind(2, id);
    condition_.bind(3, static_cast<std::int64_t>(i));
    condition_.bind(4, (*in.met_conditions)[i]);
    condition_.exec();
  }
}

void status_writer::veto(const std::string& id, std::optional<bool> triggered) {
  veto_.reset();
  veto_.bind(1, revision_);
  veto_.bind(2, id);
  bind_bool(veto_, 3, triggered);
  veto_.exec();
}

void status_writer::site_check(const std::string& site, const std::string& item,
                               std::optional<bool> value) {
  site_.reset();
  site_.bind(1, revision_);
  site_.bind(2, site);
  site_.bind(3, item);
  bind_bool(site_, 4, value);
  site_.exec();
}

void status_writer::evidence(const std::string& id, const std::optional<evidence_entry>& entry) {
  evidence_.reset();
  evidence_.bind(1, revision_);
  evidence_.bind(2, id);
  evidence_.bind(3, evidence_pos_++);
  evidence_.bind(4, entry ? 1 : 0);
  if (entry) {
    bind_text_or_null(evidence_, 5, entry->item);
    evidence_.bind(6, entry->kind);
    evidence_.bind(7, entry->title);
    bind_date(evidence_, 8, entry->dated);
    bind_ext(evidence_, 9, entry->ext);
  } else {
    for (int i = 5; i <= 9; ++i) evidence_.bind(i);
  }
  evidence_.exec();
}

void status_writer::whole_plan(const plan& p) {
  for (const auto& t : p.tasks)
    if (t.progress || t.started || t.finished) task(t.id, {t.progress, t.started, t.finished});
  for (const auto& [id, input] : p.assessment.items) item(id, input);
  for (const auto& [id, flag] : p.assessment.vetoes) veto(id, flag);
  for (const auto& [site_id, checks] : p.assessment.site_checks)
    for (const auto& [item_id, value] : checks) site_check(site_id, item_id, value);
  for (const auto& e : p.evidence) evidence(e.id, e);
}

std::optional<item_input> item_input_row(const Statement& st, int first) {
  if (st.getColumn(first).getInt() == 0) return std::nullopt;
  item_input in;
  in.met = bool_column(st.getColumn(first + 1));
  if (st.getColumn(first + 2).getInt() != 0) in.met_conditions.emplace();
  in.count = int_column(st.getColumn(first + 3));
  in.deficiencies = int_column(st.getColumn(first + 4));
  in.level = optional_text(st.getColumn(first + 5));
  in.value = fraction_columns(st, first + 6);
  in.hits = int_column(st.getColumn(first + 8));
  in.of = int_column(st.getColumn(first + 9));
  in.note = text_column(st.getColumn(first + 10));
  in.ext = ext_column(st.getColumn(first + 11));
  return in;
}

void read_status(SQLite::Database& db, const std::optional<std::string>& before, plan& p) {
  std::unordered_map<std::string, task*> tasks;
  tasks.reserve(p.tasks.size());
  for (auto& t : p.tasks) tasks[t.id] = &t;
  Statement ts(db, history_query("h.task_id, h.progress_num, h.progress_den, h.started, h.finished",
                                 "task_status"));
  bind_before(ts, before);
  while (ts.executeStep()) {
    auto it = tasks.find(ts.getColumn(0).getString());
    if (it == tasks.end()) throw error(errc::store, "task_status", "row of an unknown task");
    it->second->progress = fraction_columns(ts, 1);
    it->second->started = date_column(ts.getColumn(3));
    it->second->finished = date_column(ts.getColumn(4));
  }

  // Latest row per item, then the conditions of exactly those rows.
  std::map<std::string, std::pair<std::int64_t, std::optional<item_input>>> latest;
  Statement items(
      db, history_query(std::string("h.item_id, h.revision_id, ") + item_columns, "item_input"));
  bind_before(items, before);
  while (items.executeStep())
    latest[items.getColumn(0).getString()] = {items.getColumn(1).getInt64(),
                                              item_input_row(items, 2)};
  Statement conds(db,
                  "SELECT c.item_id, c.revision_id, c.condition_id FROM item_input_condition c "
                  "JOIN revision r ON r.id = c.revision_id WHERE (?1 IS NULL OR r.at < ?1) "
                  "ORDER BY c.revision_id, c.item_id, c.pos");
  bind_before(conds, before);
  while (conds.executeStep()) {
    auto it = latest.find(conds.getColumn(0).getString());
    if (it == latest.end() || it->second.first != conds.getColumn(1).getInt64() ||
        !it->second.second || !it->second.second->met_conditions)
      continue;
    it->second.second->met_conditions->push_back(conds.getColumn(2).getString());
  }
  p.assessment.items.clear();
  for (auto& [id, row] : latest)
    if (row.second) p.assessment.items.emplace(id, std::move(*row.second));

  p.assessment.vetoes.clear();
  Statement vetoes(db, history_query("h.veto_id, h.triggered", "veto_flag"));
  bind_before(vetoes, before);
  while (vetoes.executeStep()) {
    std::string id = vetoes.getColumn(0).getString();
    if (auto flag = bool_column(vetoes.getColumn(1)))
      p.assessment.vetoes[id] = *flag;
    else
      p.assessment.vetoes.erase(id);
  }

  p.assessment.site_checks.clear();
  Statement sites(db, history_query("h.site_id, h.item_id, h.compliant", "site_check"));
  bind_before(sites, before);
  while (sites.executeStep()) {
    std::string site_id = sites.getColumn(0).getString();
    std::string item_id = sites.getColumn(1).getString();
    if (auto value = bool_column(sites.getColumn(2))) {
      p.assessment.site_checks[site_id][item_id] = *value;
    } else if (auto it = p.assessment.site_checks.find(site_id);
               it != p.assessment.site_checks.end()) {
      it->second.erase(item_id);
      if (it->second.empty()) p.assessment.site_checks.erase(it);
    }
  }

  // The ledger keeps the order in which entries first appeared.
  struct ledger_line {
    std::size_t order;
    std::optional<evidence_entry> entry;
  };
  std::unordered_map<std::string, ledger_line> ledger;
  Statement ev(
      db, history_query("h.id, h.present, h.item_id, h.kind, h.title, h.dated, h.ext", "evidence") +
              ", h.pos");
  bind_before(ev, before);
  while (ev.executeStep()) {
    std::string id = ev.getColumn(0).getString();
    auto [it, fresh] = ledger.try_emplace(id, ledger_line{ledger.size(), std::nullopt});
    (void)fresh;
    if (ev.getColumn(1).getInt() != 0)
      it->second.entry = evidence_row(ev, id, 2);
    else
      it->second.entry.reset();
  }
  std::vector<std::pair<std::size_t, evidence_entry>> live;
  for (auto& [id, line] : ledger)
    if (line.entry) live.emplace_back(line.order, std::move(*line.entry));
  std::sort(live.begin(), live.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  p.evidence.clear();
  for (auto& [order, entry] : live) p.evidence.push_back(std::move(entry));
}

task_state current_task(SQLite::Database& db, const std::string& id) {
  Statement st(db,
               "SELECT h.progress_num, h.progress_den, h.started, h.finished FROM task_status h "
               "JOIN revision r ON r.id = h.revision_id WHERE h.task_id = ? "
               "ORDER BY r.at DESC, r.id DESC LIMIT 1");
  st.bind(1, id);
  if (!st.executeStep()) return {};
  return {fraction_columns(st, 0), date_column(st.getColumn(2)), date_column(st.getColumn(3))};
}

std::optional<item_input> current_item(SQLite::Database& db, const std::string& id) {
  Statement st(db, std::string("SELECT h.revision_id, ") + item_columns +
                       " FROM item_input h JOIN revision r ON r.id = h.revision_id "
                       "WHERE h.item_id = ? ORDER BY r.at DESC, r.id DESC LIMIT 1");
  st.bind(1, id);
  if (!st.executeStep()) return std::nullopt;
  auto input = item_input_row(st, 1);
  if (input && input->met_conditions) {
    Statement conds(db,
                    "SELECT condition_id FROM item_input_condition WHERE revision_id = ? AND "
                    "item_id = ? ORDER BY pos");
    conds.bind(1, st.getColumn(0).getInt64());
    conds.bind(2, id);
    while (conds.executeStep()) input->met_conditions->push_back(conds.getColumn(0).getString());
  }
  return input;
}

std::optional<bool> current_veto(SQLite::Database& db, const std::string& id) {
  Statement st(db,
               "SELECT h.triggered FROM veto_flag h JOIN revision r ON r.id = h.revision_id "
               "WHERE h.veto_id = ? ORDER BY r.at DESC, r.id DESC LIMIT 1");
  st.bind(1, id);
  if (!st.executeStep()) return std::nullopt;
  return bool_column(st.getColumn(0));
}

std::optional<bool> current_site_check(SQLite::Database& db, const std::string& site,
                                       const std::string& item) {
  Statement st(db,
               "SELECT h.compliant FROM site_check h JOIN revision r ON r.id = h.revision_id "
               "WHERE h.site_id = ? AND h.item_id = ? ORDER BY r.at DESC, r.id DESC LIMIT 1");
  st.bind(1, site);
  st.bind(2, item);
  if (!st.executeStep()) return std::nullopt;
  return bool_column(st.getColumn(0));
}

std::optional<evidence_entry> current_evidence(SQLite::Database& db, const std::string& id) {
  Statement st(db,
               "SELECT h.present, h.item_id, h.kind, h.title, h.dated, h.ext FROM evidence h "
               "JOIN revision r ON r.id = h.revision_id WHERE h.id = ? "
               "ORDER BY r.at DESC, r.id DESC LIMIT 1");
  st.bind(1, id);
  if (!st.executeStep() || st.getColumn(0).getInt() == 0) return std::nullopt;
  return evidence_row(st, id, 1);
}

}  // namespace readiness::store
