// "x-" members in one column: a JSON array of [key, raw JSON text] pairs, so the raw text of
// each member comes back byte for byte.
#ifndef READINESS_STORE_EXT_CODEC_HPP
#define READINESS_STORE_EXT_CODEC_HPP

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include "readiness/model.hpp"

namespace readiness::store {

// NULL when there are none.
void bind_ext(SQLite::Statement& st, int index, const extensions& ext);
extensions ext_column(const SQLite::Column& c);

}  // namespace readiness::store

#endif
