// workbook::apply: every recorded change is checked first, then written as one revision in one
// transaction — all of a batch or none of it.
#include <SQLiteCpp/Transaction.h>

#include <map>

#include "readiness/error.hpp"
#include "readiness/workbook.hpp"
#include "store/sqlite_error.hpp"
#include "store/status.hpp"
#include "store/timestamp.hpp"
#include "store/update_check.hpp"
#include "store/workbook_impl.hpp"

namespace readiness {
namespace {

using namespace store;

// The batch's resulting value per thing, read from the file once and then changed in order.
struct pending {
  std::map<std::string, task_state> tasks;
  std::map<std::string, std::optional<item_input>> items;
  std::map<std::string, std::optional<bool>> vetoes;
  std::map<std::pair<std::string, std::string>, std::optional<bool>> sites;
  std::map<std::string, std::optional<evidence_entry>> evidence;
  std::vector<std::string> evidence_order;  // first mention in the batch
};

struct change_checker {
  SQLite::Database& db;
  const plan& skeleton;
  const structure_index& index;
  date as_of;
  pending& out;
  std::vector<diagnostic>& problems;

  void operator()(const task_progress& u) {
    auto it = out.tasks.find(u.task);
    task_state s = it != out.tasks.end() ? it->second : current_task(db, u.task);
    if (u.progress) s.progress = u.progress;
    if (u.started) s.started = *u.started;
    if (u.finished) s.finished = *u.finished;
    std::size_t before = problems.size();
    check_task_status(index, u.task, s, as_of, problems);
    if (problems.size() == before) out.tasks[u.task] = s;
  }

  void operator()(const item_assessment& u) {
    std::size_t before = problems.size();
    check_item_input(skeleton, u.item, u.input, as_of, problems);
    if (problems.size() == before) out.items[u.item] = u.input;
  }

  void operator()(const veto_flag& u) {
    std::size_t before = problems.size();
    check_veto_flag(skeleton, u.veto, u.triggered, as_of, problems);
    if (problems.size() == before) out.vetoes[u.veto] = u.triggered;
  }

  void operator()(const site_check& u) {
    std::size_t before = problems.size();
    check_site_check(skeleton, u.site, u.item, u.compliant, as_of, problems);
    if (problems.size() == before) out.sites[{u.site, u.item}] = u.compliant;
  }

  void operator()(const evidence_update& u) {
    std::size_t before = problems.size();
    check_evidence(skeleton, u.entry, u.remove, as_of, problems);
    if (problems.size() != before) return;
    if (u.remove) {
      auto it = out.evidence.find(u.entry.id);
      bool exists = it != out.evidence.end() ? it->second.has_value()
                                             : current_evidence(db, u.entry.id).has_value();
      if (!exists) {
        problems.push_back({"evidence " + u.entry.id, "no such entry in the ledger"});
        return;
      }
    }
    if (!out.evidence.count(u.entry.id)) out.evidence_order.push_back(u.entry.id);
    out.evidence[u.entry.id] = u.remove ? std::nullopt : std::optional<evidence_entry>(u.entry);
  }
};

void write_pending(status_writer& w, const pending& p) {
  for (const auto& [id, s] : p.tasks) w.task(id, s);
  for (const auto& [id, input] : p.items) w.item(id, input);
  for (const auto& [id, flag] : p.vetoes) w.veto(id, flag);
  for (const auto& [key, value] : p.sites) w.site_check(key.first, key.second, value);
  for (const auto& id : p.evidence_order) w.evidence(id, p.evidence.at(id));
}

}  // namespace

void workbook::apply(const std::vector<update>& updates, const write_options& options) {
  const std::string where = impl_->where();
  if (!impl_->writable) throw error(errc::read_only, where, "opened read-only");
  std::string at;
  if (options.at) {
    auto normal = normalize_timestamp(*options.at);
    if (!normal)
      throw error(errc::invalid_argument, where,
                  "'" + *options.at + "' is not a UTC time (YYYY-MM-DDTHH:MM:SSZ)");
    at = *normal;
  } else {
    at = now_timestamp();
  }
  const std::string author = options.author.empty() ? "unknown" : options.author;
  if (updates.empty()) return;

  sqlite_guard(where, [&] {
    SQLite::Transaction txn(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
    const plan& skeleton = impl_->skeleton();
    // The status date moves forward to the day of the change, never back.
    date as_of = timestamp_day(at);
    if (auto last = latest_revision(impl_->db); last && last->as_of && *last->as_of > as_of)
      as_of = *last->as_of;

    pending changes;
    std::vector<diagnostic> problems;
    change_checker check{impl_->db, skeleton, impl_->structure_ids(), as_of, changes, problems};
    for (const auto& u : updates) std::visit(check, u);
    if (!problems.empty()) throw error(errc::validation, std::move(problems));

    std::int64_t rev = add_revision(impl_->db, at, author, "update", as_of);
    status_writer writer(impl_->db, rev);
    write_pending(writer, changes);
    txn.commit();
  });
}

}  // namespace readiness
