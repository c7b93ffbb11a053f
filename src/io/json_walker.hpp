// Reading a parsed JSON document into model values while tracking where each value sits: every
// problem becomes a diagnostic named by its JSON pointer, and reading goes on to find the rest.
#ifndef READINESS_IO_JSON_WALKER_HPP
#define READINESS_IO_JSON_WALKER_HPP

#include <boost/json/value.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_pointer.hpp"
#include "readiness/decimal.hpp"
#include "readiness/error.hpp"
#include "readiness/model.hpp"

namespace readiness::io::detail {

namespace json = boost::json;
using readiness::detail::child;

// Collects diagnostics up to a limit and counts the rest.
class diagnostics_sink {
 public:
  explicit diagnostics_sink(std::size_t max) : max_(max) {}

  // `structural` problems (a wrong type, a missing or unknown key, a bad id, a number that cannot
  // be taken) leave the model too incomplete to validate without follow-on noise; other problems
  // (a bad date, a progress out of range) leave an optional member absent and do not.
  void add(std::string where, std::string message, bool structural = false);

  bool empty() const { return total_ == 0; }
  bool has_structural() const { return structural_; }
  std::size_t total() const { return total_; }
  const std::vector<diagnostic>& kept() const { return kept_; }

 private:
  std::size_t max_;
  std::size_t total_ = 0;
  bool structural_ = false;
  std::vector<diagnostic> kept_;
};

// "string", "number", … for "expected …, got …".
const char* json_kind_name(const json::value& v);

// `text` as a JSON string literal, for messages: unknown key "titel".
std::string quoted(std::string_view text);

// The value as compact JSON text (numbers in shortest form), for "x-" members kept verbatim.
std::string raw_json(const json::value& v);

// Conversions of one value at `where`; each reports its problem and returns nullopt/nullptr.
struct reading {
  diagnostics_sink& sink;

  void type_error(const std::string& where, const json::value& v, const char* expected);

  const json::object* object(const json::value& v, const std::string& where);
  const json::array* array(const json::value& v, const std::string& where);
  std::optional<std::string> text(const json::value& v, const std::string& where);
  std::optional<bool> boolean(const json::value& v, const std::string& where);
  // Any JSON number, exactly (a double stands for its shortest decimal text).
  std::optional<fraction> number(const json::value& v, const std::string& where);
  // A number with at most two fractional digits.
  std::optional<centi> points(const json::value& v, const std::string& where);
  // A fraction in 0 … 1.
  std::optional<fraction> share(const json::value& v, const std::string& where);
  std::optional<std::int64_t> whole(const json::value& v, const std::string& where,
                                    bool allow_negative);
  std::optional<double> real(const json::value& v, const std::string& where);
  // A non-empty string of at most 64 bytes.
  std::optional<std::string> id(const json::value& v, const std::string& where);
  // "YYYY-MM-DD" within the plan date range.
  std::optional<date> day(const json::value& v, const std::string& where);
  std::optional<date> day_text(std::string_view text, const std::string& where);
  // "A" or "A/B".
  std::optional<date_range> range(const json::value& v, const std::string& where);
  // An array of strings (ids when `ids`).
  std::optional<std::vector<std::string>> strings(const json::value& v, const std::string& where,
                                                  bool ids);
};

// One JSON object being read: hands out members by key, then reports keys nobody asked for and
// keeps "x-" members.
class object_fields {
 public:
  object_fields(const json::object& object, std::string pointer, reading& r)
      : object_(object), pointer_(std::move(pointer)), r_(r) {}

  const std::string& pointer() const { return pointer_; }
  std::string at(std::string_view key) const { return child(pointer_, key); }
  reading& reader() { return r_; }

  // The member, or nullptr when absent or null; the key counts as known either way.
  const json::value* get(std::string_view key);
  // As get(), reporting a missing key; a null comes back for its conversion to report.
  const json::value* require(std::string_view key, std::string_view why = {});
  // Whether the member is present and not null, without claiming the key.
  bool has(std::string_view key) const;

  // get()/require() then a reading conversion: f.read("due", &reading::day).
  template <typename Result, typename... Extra>
  Result read(std::string_view key,
              Result (reading::*convert)(const json::value&, const std::string&, Extra...),
              bool required = false, Extra... extra) {
    const json::value* v = required ? require(key) : get(key);
    if (!v) return Result{};
    return (r_.*convert)(*v, at(key), extra...);
  }

  // Reports unknown keys (in document order) and stores "x-" members in `ext`.
  void finish(extensions& ext);

 private:
  const json::object& object_;
  std::string pointer_;
  reading& r_;
  std::vector<std::string_view> known_;
};

}  // namespace readiness::io::detail

#endif
