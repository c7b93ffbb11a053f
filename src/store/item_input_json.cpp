#include "store/item_input_json.hpp"

#include <boost/json/parse.hpp>

#include "core/json_pointer.hpp"
#include "io/json_walker.hpp"
#include "io/plan_read_parts.hpp"
#include "io/text_place.hpp"
#include "readiness/error.hpp"

namespace readiness::store {

item_input read_item_input_json(std::string_view text, const std::string& item_id) {
  const std::string subject = "item " + item_id + " input";
  if (auto bad = io::detail::invalid_utf8_offset(text); bad != std::string_view::npos)
    throw error(errc::parse, subject + ", " + io::detail::line_column(text, bad), "invalid UTF-8");
  boost::json::error_code ec;
  boost::json::value value = boost::json::parse(text, ec);
  if (ec) throw error(errc::parse, subject, "not JSON: " + ec.message());
  if (!value.is_object())
    throw error(errc::validation, subject, "expected an object such as {\"deficiencies\": 1}");

  // The input sits where a plan document keeps it, so the reader's rules apply unchanged.
  boost::json::object wrapper;
  wrapper["items"].emplace_object()[item_id] = value;
  io::detail::diagnostics_sink sink(20);
  io::detail::reading r{sink};
  assessment a = io::detail::read_assessment(wrapper, "", r);
  if (!sink.empty()) {
    const std::string prefix = "/items" + readiness::detail::pointer_token(item_id);
    std::vector<diagnostic> found;
    for (auto d : sink.kept()) {
      if (d.where.compare(0, prefix.size(), prefix) == 0) d.where = d.where.substr(prefix.size());
      d.where = subject + (d.where.empty() ? "" : " " + d.where);
      found.push_back(std::move(d));
    }
    throw error(errc::validation, std::move(found));
  }
  auto it = a.items.find(item_id);
  if (it == a.items.end()) throw error(errc::validation, subject, "not readable");
  return it->second;
}

}  // namespace readiness::store
