#include "io/json_walker.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <limits>

#include "io/json_writer.hpp"
#include "readiness/dates.hpp"

namespace readiness::io::detail {
namespace {

constexpr std::size_t max_id_bytes = 64;

void write_raw(json_writer& w, const json::value& v) {
  switch (v.kind()) {
    case json::kind::null:
      w.null();
      break;
    case json::kind::bool_:
      w.value(v.get_bool());
      break;
    case json::kind::int64:
      w.value(v.get_int64());
      break;
    case json::kind::uint64:
      w.raw(std::to_string(v.get_uint64()));
      break;
    case json::kind::double_:
      w.value(v.get_double());
      break;
    case json::kind::string:
      w.value(std::string_view(v.get_string()));
      break;
    case json::kind::array:
      w.begin_array();
      for (const auto& e : v.get_array()) write_raw(w, e);
      w.end_array();
      break;
    case json::kind::object:
      w.begin_object();
      for (const auto& m : v.get_object()) {
        w.key(m.key());
        write_raw(w, m.value());
      }
      w.end_object();
      break;
  }
}

}  // namespace

std::string quoted(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

void diagnostics_sink::add(std::string where, std::string message, bool structural) {
  structural_ = structural_ || structural;
  ++total_;
  if (kept_.size() < max_) kept_.push_back({std::move(where), std::move(message)});
}

const char* json_kind_name(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
      return "number";
    case json::kind::string:
      return "string";
    case json::kind::array:
      return "array";
    case json::kind::object:
      return "object";
  }
  return "value";
}

std::string raw_json(const json::value& v) {
  json_writer w(0);
  write_raw(w, v);
  return w.take();
}

void reading::type_error(const std::string& where, const json::value& v, const char* expected) {
  sink.add(where, std::string("expected ") + expected + ", got " + json_kind_name(v), true);
}

const json::object* reading::object(const json::value& v, const std::string& where) {
  if (const auto* o = v.if_object()) return o;
  type_error(where, v, "an object");
  return nullptr;
}

const json::array* reading::array(const json::value& v, const std::string& where) {
  if (const auto* a = v.if_array()) return a;
  type_error(where, v, "an array");
  return nullptr;
}

std::optional<std::string> reading::text(const json::value& v, const std::string& where) {
  if (const auto* s = v.if_string()) return std::string(*s);
  type_error(where, v, "a string");
  return std::nullopt;
}

std::optional<bool> reading::boolean(const json::value& v, const std::string& where) {
  if (const auto* b = v.if_bool()) return *b;
  type_error(where, v, "true or false");
  return std::nullopt;
}

std::optional<fraction> reading::number(const json::value& v, const std::string& where) {
  switch (v.kind()) {
    case json::kind::int64:
      return fraction{v.get_int64(), 1};
    case json::kind::uint64:
      if (v.get_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return fraction{static_cast<std::int64_t>(v.get_uint64()), 1};
      break;
    case json::kind::double_:
      if (auto f = fraction_from_double(v.get_double())) return f;
      break;
    default:
      type_error(where, v, "a number");
      return std::nullopt;
  }
  sink.add(where, "number out of range", true);
  return std::nullopt;
}

std::optional<centi> reading::points(const json::value& v, const std::string& where) {
  auto f = number(v, where);
  if (!f) return std::nullopt;
  auto c = centi_from_fraction(*f);
  if (!c) sink.add(where, format_fraction(*f) + " has more than 2 decimal places", true);
  return c;
}

std::optional<fraction> reading::share(const json::value& v, const std::string& where) {
  auto f = number(v, where);
  if (f && (*f < fraction{0, 1} || *f > fraction{1, 1})) {
    sink.add(where, "must be between 0 and 1, got " + format_fraction(*f));
    return std::nullopt;
  }
  return f;
}

std::optional<std::int64_t> reading::whole(const json::value& v, const std::string& where,
                                           bool allow_negative) {
  if (!v.is_number()) {
    type_error(where, v, "a whole number");
    return std::nullopt;
  }
  auto f = number(v, where);
  if (!f) return std::nullopt;
  if (f->den != 1) {
    sink.add(where, "expected a whole number, got " + format_fraction(*f), true);
    return std::nullopt;
  }
  if (!allow_negative && f->num < 0) {
    sink.add(where, "must not be negative, got " + std::to_string(f->num), true);
    return std::nullopt;
  }
  return f->num;
}

std::optional<double> reading::real(const json::value& v, const std::string& where) {
  if (!v.is_number()) {
    type_error(where, v, "a number");
    return std::nullopt;
  }
  auto f = number(v, where);
  if (!f) return std::nullopt;
  return v.to_number<double>();
}

std::optional<std::string> reading::id(const json::value& v, const std::string& where) {
  auto s = text(v, where);
  if (!s) return std::nullopt;
  if (s->empty()) {
    sink.add(where, "an id must not be empty", true);
    return std::nullopt;
  }
  if (s->size() > max_id_bytes) {
    sink.add(where, "an id must be at most 64 bytes, got " + std::to_string(s->size()), true);
    return std::nullopt;
  }
  return s;
}

std::optional<date> reading::day_text(std::string_view text, const std::string& where) {
  auto d = parse_iso_date(text);
  if (!d) {
    sink.add(where, quoted(text) + " is not a date");
    return std::nullopt;
  }
  if (!is_plan_date(*d)) {
    sink.add(where, quoted(text) + " is out of range (1900-01-01 to 2199-12-31)");
    return std::nullopt;
  }
  return d;
}

std::optional<date> reading::day(const json::value& v, const std::string& where) {
  auto s = text(v, where);
  if (!s) return std::nullopt;
  return day_text(*s, where);
}

std::optional<date_range> reading::range(const json::value& v, const std::string& where) {
  auto s = text(v, where);
  if (!s) return std::nullopt;
  auto slash = s->find('/');
  if (slash == std::string::npos) {
    auto d = day_text(*s, where);
    if (!d) return std::nullopt;
    return date_range{*d, *d};
  }
  std::string_view all(*s);
  auto first = day_text(all.substr(0, slash), where);
  auto last = day_text(all.substr(slash + 1), where);
  if (!first || !last) return std::nullopt;
  if (*first > *last) {
    sink.add(where, quoted(all) + " is not a date range (its first day is after its last)");
    return std::nullopt;
  }
  return date_range{*first, *last};
}

std::optional<std::vector<std::string>> reading::strings(const json::value& v,
                                                         const std::string& where, bool ids) {
  const auto* a = array(v, where);
  if (!a) return std::nullopt;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < a->size(); ++i) {
    auto s = ids ? id((*a)[i], child(where, i)) : text((*a)[i], child(where, i));
    if (s) out.push_back(std::move(*s));
  }
  return out;
}

const json::value* object_fields::get(std::string_view key) {
  known_.push_back(key);
  auto it = object_.find(key);
  if (it == object_.end() || it->value().is_null()) return nullptr;
  return &it->value();
}

const json::value* object_fields::require(std::string_view key, std::string_view why) {
  known_.push_back(key);
  auto it = object_.find(key);
  if (it != object_.end()) return &it->value();  // null included: its reader reports the type
  std::string message = "missing required key " + quoted(key);
  if (!why.empty()) message += " " + std::string(why);
  r_.sink.add(pointer_, std::move(message), true);
  return nullptr;
}

bool object_fields::has(std::string_view key) const {
  auto it = object_.find(key);
  return it != object_.end() && !it->value().is_null();
}

void object_fields::finish(extensions& ext) {
  for (const auto& member : object_) {
    std::string_view key = member.key();
    if (key.substr(0, 2) == "x-") {
      ext.emplace_back(std::string(key), raw_json(member.value()));
    } else if (std::find(known_.begin(), known_.end(), key) == known_.end()) {
      r_.sink.add(at(key), "unknown key " + quoted(key), true);
    }
  }
}

}  // namespace readiness::io::detail
