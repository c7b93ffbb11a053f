// SQLite failures as readiness errors that say which file (and task, item …) was involved:
// a lock held too long is errc::busy, a file that cannot be written errc::read_only, the rest
// errc::store (or errc::io when the file itself cannot be opened).
#ifndef READINESS_STORE_SQLITE_ERROR_HPP
#define READINESS_STORE_SQLITE_ERROR_HPP

#include <SQLiteCpp/Exception.h>

#include <string>
#include <utility>

#include "readiness/error.hpp"

namespace readiness::store {

[[noreturn]] void throw_store_error(const SQLite::Exception& e, const std::string& where);

// Runs f, translating SQLite exceptions; `where` names the file and what was being done.
template <typename F>
auto sqlite_guard(const std::string& where, F&& f) -> decltype(f()) {
  try {
    return std::forward<F>(f)();
  } catch (const SQLite::Exception& e) {
    throw_store_error(e, where);
  }
}

}  // namespace readiness::store

#endif
