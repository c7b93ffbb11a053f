#include "store/sqlite_error.hpp"

#include <sqlite3.h>

namespace readiness::store {

void throw_store_error(const SQLite::Exception& e, const std::string& where) {
  const int primary = e.getErrorCode() & 0xff;
  std::string detail = e.what();
  switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw error(errc::busy, where,
                  "the workbook is locked by another writer (waited too long): " + detail);
    case SQLITE_READONLY:
      throw error(errc::read_only, where, "the workbook cannot be written: " + detail);
    case SQLITE_NOTADB:
      throw error(errc::store, where, "not a workbook (the file is not a SQLite database)");
    case SQLITE_CANTOPEN:
      throw error(errc::io, where, "cannot open the file: " + detail);
    case SQLITE_FULL:
    case SQLITE_IOERR:
      throw error(errc::io, where, "cannot write the file: " + detail);
    case SQLITE_CORRUPT:
      throw error(errc::store, where, "the workbook is damaged: " + detail);
    default:
      throw error(errc::store, where, detail);
  }
}

}  // namespace readiness::store
