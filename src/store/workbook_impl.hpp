// The workbook's one connection and what it caches, shared by the workbook's source files.
#ifndef READINESS_STORE_WORKBOOK_IMPL_HPP
#define READINESS_STORE_WORKBOOK_IMPL_HPP

#include <SQLiteCpp/Database.h>

#include <memory>
#include <optional>
#include <string>

#include "readiness/workbook.hpp"
#include "store/update_check.hpp"

namespace readiness {

struct workbook::impl {
  impl(std::string file, int flags, int busy_timeout_ms);

  std::string path;
  SQLite::Database db;
  bool writable;
  // The plan's structure never changes after import, so it is read once per connection.
  std::optional<plan> structure;
  std::unique_ptr<store::structure_index> index;

  const plan& skeleton();
  const store::structure_index& structure_ids();
  // "workbook FILE" or "workbook FILE, what" for error places.
  std::string where(const std::string& what = "") const;
};

}  // namespace readiness

#endif
