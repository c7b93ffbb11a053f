// The plan's structure — everything but its recorded status — in the workbook's tables. It is
// written once, when the workbook is created, and read on every load.
#ifndef READINESS_STORE_STRUCTURE_HPP
#define READINESS_STORE_STRUCTURE_HPP

#include <SQLiteCpp/Database.h>

#include "readiness/model.hpp"

namespace readiness::store {

// Writes rubric, units, sites, calendars, tasks (without progress and actual dates), inspection
// and simulation settings. Call inside a transaction on an empty schema.
void write_structure(SQLite::Database& db, const plan& p);

// Reads them back; the status members (progress, started, finished, assessment inputs, vetoes,
// site checks, evidence, as_of) are left empty.
plan read_structure(SQLite::Database& db);

}  // namespace readiness::store

#endif
