#include "store/ext_codec.hpp"

#include <boost/json/parse.hpp>

#include "io/json_writer.hpp"
#include "readiness/error.hpp"

namespace readiness::store {

void bind_ext(SQLite::Statement& st, int index, const extensions& ext) {
  if (ext.empty()) {
    st.bind(index);
    return;
  }
  std::string text = "[";
  for (const auto& [key, raw] : ext) {
    if (text.size() > 1) text += ',';
    text += '[';
    io::append_json_string(text, key);
    text += ',';
    io::append_json_string(text, raw);
    text += ']';
  }
  text += ']';
  st.bind(index, text);
}

extensions ext_column(const SQLite::Column& c) {
  extensions ext;
  if (c.isNull()) return ext;
  boost::system::error_code ec;
  auto value = boost::json::parse(c.getString(), ec);
  if (ec || !value.is_array())
    throw error(errc::store, c.getName(), "stored extension members are not readable");
  for (const auto& pair : value.get_array()) {
    const auto* two = pair.if_array();
    if (!two || two->size() != 2 || !(*two)[0].is_string() || !(*two)[1].is_string())
      throw error(errc::store, c.getName(), "stored extension members are not readable");
    ext.emplace_back(std::string((*two)[0].get_string()), std::string((*two)[1].get_string()));
  }
  return ext;
}

}  // namespace readiness::store
