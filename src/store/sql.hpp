// Small helpers between SQLiteCpp statements and model values: optional members become NULL,
// dates ISO text, fractions a numerator/denominator column pair.
#ifndef READINESS_STORE_SQL_HPP
#define READINESS_STORE_SQL_HPP

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <string>

#include "readiness/decimal.hpp"
#include "readiness/model.hpp"

namespace readiness::store {

void bind_text(SQLite::Statement& st, int index, const std::string& text);
// "" is stored as NULL (optional references such as a site's unit).
void bind_text_or_null(SQLite::Statement& st, int index, const std::string& text);
void bind_date(SQLite::Statement& st, int index, const std::optional<date>& day);
void bind_int(SQLite::Statement& st, int index, const std::optional<std::int64_t>& number);
void bind_bool(SQLite::Statement& st, int index, const std::optional<bool>& flag);
// Binds `index` (numerator) and `index + 1` (denominator).
void bind_fraction(SQLite::Statement& st, int index, const std::optional<fraction>& value);

std::string text_column(const SQLite::Column& c);  // NULL reads as ""
std::optional<std::string> optional_text(const SQLite::Column& c);
std::optional<date> date_column(const SQLite::Column& c);
std::optional<std::int64_t> int_column(const SQLite::Column& c);
std::optional<bool> bool_column(const SQLite::Column& c);
std::optional<fraction> fraction_columns(const SQLite::Statement& st, int index);

}  // namespace readiness::store

#endif
