#include "readiness/workbook.hpp"

#include <SQLiteCpp/Transaction.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "readiness/error.hpp"
#include "readiness/validate.hpp"
#include "store/baseline.hpp"
#include "store/schema.hpp"
#include "store/sqlite_error.hpp"
#include "store/status.hpp"
#include "store/structure.hpp"
#include "store/timestamp.hpp"
#include "store/update_check.hpp"
#include "store/workbook_impl.hpp"

namespace readiness {
namespace fs = std::filesystem;
using namespace store;

workbook::impl::impl(std::string file, int flags, int busy_timeout_ms)
    : path(std::move(file)),
      db(path, flags, busy_timeout_ms),
      writable((flags & SQLite::OPEN_READWRITE) != 0) {}

const plan& workbook::impl::skeleton() {
  if (!structure) structure = read_structure(db);
  return *structure;
}

const store::structure_index& workbook::impl::structure_ids() {
  if (!index) index = std::make_unique<store::structure_index>(skeleton());
  return *index;
}

std::string workbook::impl::where(const std::string& what) const {
  return "workbook " + path + (what.empty() ? "" : ", " + what);
}

namespace {

void remove_journal_files(const std::string& path) {
  std::error_code ec;
  fs::remove(path + "-wal", ec);
  fs::remove(path + "-shm", ec);
  fs::remove(path + "-journal", ec);
}

std::string resolve_time(const write_options& options, const std::string& where) {
  if (!options.at) return now_timestamp();
  auto at = normalize_timestamp(*options.at);
  if (!at)
    throw error(errc::invalid_argument, where,
                "'" + *options.at + "' is not a UTC time (YYYY-MM-DDTHH:MM:SSZ)");
  return *at;
}

std::string author_of(const write_options& options) {
  return options.author.empty() ? "unknown" : options.author;
}

// The imported status counts from the document's status date, or from the import when that is
// earlier, so later changes always come after it.
std::string import_time(const plan& p, const std::string& now) {
  if (p.assessment.as_of) {
    std::string day = start_of_day(*p.assessment.as_of);
    if (day < now) return day;
  }
  return now;
}

}  // namespace

workbook::workbook(std::unique_ptr<impl> p) : impl_(std::move(p)) {}
workbook::workbook(workbook&&) noexcept = default;
workbook& workbook::operator=(workbook&&) noexcept = default;
workbook::~workbook() = default;

const std::string& workbook::path() const {
  return impl_->path;
}

bool workbook::looks_like_workbook(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char header[16] = {};
  if (!in.read(header, sizeof header)) return false;
  return std::string_view(header, sizeof header) == std::string_view("SQLite format 3\0", 16);
}

workbook workbook::create(const std::string& path, const plan& p, const create_options& options) {
  const std::string where = "workbook " + path;
  std::error_code ec;
  if (fs::exists(path, ec) && !options.overwrite)
    throw error(errc::io, where, "the file already exists (ask to overwrite it)");
  require_valid(p);
  std::vector<diagnostic> ranges;
  check_progress_ranges(p, ranges);
  if (!ranges.empty()) throw error(errc::validation, std::move(ranges));
  const std::string at = import_time(p, resolve_time(options.write, where));

  // Built beside the target and renamed over it, so no half-built workbook is ever at `path`.
  const std::string temp = path + ".new-" + std::to_string(::getpid());
  remove_journal_files(temp);
  fs::remove(temp, ec);
  try {
    sqlite_guard(where, [&] {
      SQLite::Database db(temp, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                          options.busy_timeout_ms);
      configure_connection(db, options.busy_timeout_ms, true);
      create_schema(db);
      SQLite::Transaction txn(db, SQLite::TransactionBehavior::IMMEDIATE);
      write_structure(db, p);
      std::int64_t rev =
          add_revision(db, at, author_of(options.write), "import", p.assessment.as_of);
      status_writer(db, rev).whole_plan(p);
      txn.commit();
      db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    });
  } catch (...) {
    remove_journal_files(temp);
    fs::remove(temp, ec);
    throw;
  }
  remove_journal_files(temp);
  // A journal left beside an old file must never be replayed onto the new one.
  remove_journal_files(path);
  fs::rename(temp, path, ec);
  if (ec) {
    fs::remove(temp, ec);
    throw error(errc::io, where, "cannot put the new workbook in place: " + ec.message());
  }
  return open(path, open_options{access::read_write, options.busy_timeout_ms});
}

workbook workbook::open(const std::string& path, const open_options& options) {
  const std::string where = "workbook " + path;
  std::error_code ec;
  if (!fs::exists(path, ec)) throw error(errc::not_found, where, "no such file");
  if (fs::is_directory(path, ec)) throw error(errc::io, where, "is a folder, not a workbook");
  if (fs::file_size(path, ec) > 0 && !looks_like_workbook(path))
    throw error(errc::store, where, "not a workbook (the file is not a SQLite database)");
  bool writable = options.mode == access::read_write;
  if (writable && ::access(path.c_str(), W_OK) != 0)
    throw error(errc::read_only, where,
                "the file cannot be written (open it read-only to read it)");
  return sqlite_guard(where, [&] {
    const int flags = writable ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY;
    auto p = std::make_unique<impl>(path, flags, options.busy_timeout_ms);
    check_schema(p->db, writable, where);
    configure_connection(p->db, options.busy_timeout_ms, writable);
    return workbook(std::move(p));
  });
}

plan workbook::load(std::optional<date> as_of) const {
  load_options options;
  options.as_of = as_of;
  return load(options);
}

plan workbook::load(const load_options& options) const {
  return sqlite_guard(impl_->where("load"), [&] {
    // One read transaction: every table is read from the same snapshot.
    SQLite::Transaction txn(impl_->db);
    plan p = impl_->skeleton();
    std::optional<std::string> before;
    if (options.as_of) before = after_day(*options.as_of);
    read_status(impl_->db, before, p);
    if (options.as_of) {
      p.assessment.as_of = options.as_of;
    } else if (auto rev = latest_revision(impl_->db)) {
      p.assessment.as_of = rev->as_of;
    }
    apply_baseline(impl_->db, before, options.baseline, p, impl_->where("baseline"));
    txn.commit();
    auto folder = fs::path(impl_->path).parent_path();
    p.origin = folder.empty() ? "." : folder.string();
    return p;
  });
}

void workbook::apply(const update& one, const write_options& options) {
  apply(std::vector<update>{one}, options);
}

}  // namespace readiness
