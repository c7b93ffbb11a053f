// The SQLite workbook (SPEC §8): a plan kept in one file, with an append-only history of every
// change to task status, assessment inputs, veto flags, site checks and evidence, and named
// baselines. One workbook object is one connection: use it from one thread at a time; open one
// object per thread or process (many readers may read while one writer writes).
#ifndef READINESS_WORKBOOK_HPP
#define READINESS_WORKBOOK_HPP

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "readiness/model.hpp"

namespace readiness {

// Who records a change, and when.
struct write_options {
  std::string author;             // "" records "unknown"
  std::optional<std::string> at;  // UTC "YYYY-MM-DDTHH:MM:SS[.mmm]Z"; default: now
};

// A task's status. Members left empty keep their recorded value; `started` and `finished` hold
// an inner nullopt to clear a date.
struct task_progress {
  std::string task;
  std::optional<fraction> progress;
  std::optional<std::optional<date>> started;
  std::optional<std::optional<date>> finished;
};

// An item's self-assessment input (SPEC §3.1); nullopt makes the item blank again.
struct item_assessment {
  std::string item;
  std::optional<item_input> input;
};

// A veto's flag in the assessment; nullopt removes the entry (not triggered).
struct veto_flag {
  std::string veto;
  std::optional<bool> triggered;
};

// One site's check of one item; nullopt removes the entry (no recorded check).
struct site_check {
  std::string site;
  std::string item;
  std::optional<bool> compliant;
};

// Adds or replaces an evidence ledger entry (by id), or removes it.
struct evidence_update {
  evidence_entry entry;
  bool remove = false;
};

using update = std::variant<task_progress, item_assessment, veto_flag, site_check, evidence_update>;

struct load_options {
  // The plan as it was at the end of this day (UTC): changes recorded later are left out, the
  // status date becomes this day, and only baselines saved by then can be chosen.
  std::optional<date> as_of;
  // The saved baseline whose dates fill every task's `baseline`. nullopt: the latest saved one,
  // or the imported document's own baseline dates when none is saved. "": the document's own.
  std::optional<std::string> baseline;
};

// One line of a change log: at (UTC ISO), author, subject ("task T07", "item 1.5",
// "site S1 / item 4.3", "evidence E3", "veto V1"), field, and the values before and after
// ("" when absent).
struct change_record {
  std::string at;
  std::string author;
  std::string subject;
  std::string field;
  std::string from;
  std::string to;
};

struct baseline_info {
  std::string name;
  std::string at;
  std::string author;
  std::size_t tasks = 0;
};

class workbook {
 public:
  // The schema version this library writes; older files are migrated on open, newer refused.
  static constexpr int schema_version = 2;

  enum class access { read_write, read_only };

  struct open_options {
    access mode = access::read_write;
    int busy_timeout_ms = 5000;  // waiting longer for another writer throws errc::busy
  };

  struct create_options {
    bool overwrite = false;  // replace an existing file instead of refusing (errc::io)
    write_options write;     // author and time of the imported state
    int busy_timeout_ms = 5000;
  };

  // Creates a workbook holding the validated plan `p`. The imported status (progress, dates,
  // assessment, evidence) is recorded as of the document's status date, or now when that is
  // later. Throws errc::validation for an invalid plan, errc::io when the file exists.
  static workbook create(const std::string& path, const plan& p, const create_options& options);
  static workbook create(const std::string& path, const plan& p) {
    return create(path, p, create_options{});
  }

  // Opens an existing workbook, migrating an older schema (needs write access). errc::not_found
  // when the file does not exist, errc::store when it is not a workbook, errc::version when it
  // was written by a newer version.
  static workbook open(const std::string& path, const open_options& options);
  static workbook open(const std::string& path) { return open(path, open_options{}); }

  // True when the file starts with the SQLite header (it may still not be a workbook).
  static bool looks_like_workbook(const std::string& path);

  workbook(workbook&&) noexcept;
  workbook& operator=(workbook&&) noexcept;
  ~workbook();

  const std::string& path() const;

  // The whole plan, read in one snapshot. plan::origin is the workbook's folder.
  plan load(const load_options& options) const;
  plan load(std::optional<date> as_of = std::nullopt) const;

  // Validates every update against the plan, then records them all in one transaction with one
  // timestamp, or none: errc::validation names the task, item, site or entry and the reason.
  // The status date becomes the day of the change when that is later.
  void apply(const std::vector<update>& updates, const write_options& options);
  void apply(const update& one, const write_options& options);

  // Change logs, oldest first: a task's status; an item's inputs, site checks and evidence.
  std::vector<change_record> history(const std::string& task_id) const;
  std::vector<change_record> history_item(const std::string& item_id) const;

  // Saves the schedule as planned now (each task's start and finish) under `name` ("" names it
  // by its date). A name already used is refused (errc::validation).
  void save_baseline(const std::string& name, const write_options& options);
  std::vector<baseline_info> baselines() const;

 private:
  struct impl;
  explicit workbook(std::unique_ptr<impl> p);
  std::unique_ptr<impl> impl_;
};

}  // namespace readiness

#endif
