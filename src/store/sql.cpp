#include "store/sql.hpp"

#include "readiness/dates.hpp"
#include "readiness/error.hpp"

namespace readiness::store {

void bind_text(SQLite::Statement& st, int index, const std::string& text) {
  st.bind(index, text);
}

void bind_text_or_null(SQLite::Statement& st, int index, const std::string& text) {
  if (text.empty())
    st.bind(index);
  else
    st.bind(index, text);
}

void bind_date(SQLite::Statement& st, int index, const std::optional<date>& day) {
  if (day)
    st.bind(index, format_iso_date(*day));
  else
    st.bind(index);
}

void bind_int(SQLite::Statement& st, int index, const std::optional<std::int64_t>& number) {
  if (number)
    st.bind(index, static_cast<std::int64_t>(*number));
  else
    st.bind(index);
}

void bind_bool(SQLite::Statement& st, int index, const std::optional<bool>& flag) {
  if (flag)
    st.bind(index, *flag ? 1 : 0);
  else
    st.bind(index);
}

void bind_fraction(SQLite::Statement& st, int index, const std::optional<fraction>& value) {
  if (value) {
    st.bind(index, static_cast<std::int64_t>(value->num));
    st.bind(index + 1, static_cast<std::int64_t>(value->den));
  } else {
    st.bind(index);
    st.bind(index + 1);
  }
}

std::string text_column(const SQLite::Column& c) {
  return c.isNull() ? std::string() : c.getString();
}

std::optional<std::string> optional_text(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

std::optional<date> date_column(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  std::string text = c.getString();
  auto day = parse_iso_date(text);
  if (!day) throw error(errc::store, c.getName(), "stored date '" + text + "' is not a date");
  return day;
}

std::optional<std::int64_t> int_column(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}

std::optional<bool> bool_column(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt() != 0;
}

std::optional<fraction> fraction_columns(const SQLite::Statement& st, int index) {
  auto num = st.getColumn(index);
  auto den = st.getColumn(index + 1);
  if (num.isNull() || den.isNull()) return std::nullopt;
  return fraction{num.getInt64(), den.getInt64()};
}

}  // namespace readiness::store
