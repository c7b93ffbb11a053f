// The workbook's tables and their versions. A file records its version in PRAGMA user_version
// and its kind in PRAGMA application_id. A new file is built by running every migration from
// version 0; an older file runs the ones it lacks; a newer file is refused.
#ifndef READINESS_STORE_SCHEMA_HPP
#define READINESS_STORE_SCHEMA_HPP

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <string>
#include <vector>

namespace readiness::store {

// "RDYW" — marks a SQLite file as a readiness workbook.
constexpr std::int32_t workbook_application_id = 0x52445957;

struct migration {
  int to;            // the version this step produces (from to − 1)
  const char* what;  // one line, for messages
  const char* sql;
};

// In order; the last one's `to` is workbook::schema_version.
const std::vector<migration>& migrations();

// Connection settings every open applies: WAL, foreign keys, synchronous, busy timeout.
void configure_connection(SQLite::Database& db, int busy_timeout_ms, bool writable);

// Builds the current schema in an empty database (one transaction).
void create_schema(SQLite::Database& db);

// Checks the file is a workbook of a version this library reads, migrating an older one when
// `writable`. Returns the version the file now has. `where` names the file in errors.
int check_schema(SQLite::Database& db, bool writable, const std::string& where);

}  // namespace readiness::store

#endif
