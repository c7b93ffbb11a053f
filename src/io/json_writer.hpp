// A small streaming JSON writer: keys in the order they are written, numbers exactly as the
// library means them (points as decimals, never "1.25E1"), strings escaped per RFC 8259.
#ifndef READINESS_IO_JSON_WRITER_HPP
#define READINESS_IO_JSON_WRITER_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "readiness/decimal.hpp"

namespace readiness::io {

class json_writer {
 public:
  // indent 0 writes one compact line; otherwise that many spaces per level.
  explicit json_writer(int indent = 0) : indent_(indent) {}
  // Writes on after the text already in `into` (take() gives it back with the value appended):
  // no copy and no new buffer for each of many small documents.
  explicit json_writer(std::string&& into, int indent = 0)
      : out_(std::move(into)), indent_(indent) {}

  json_writer& begin_object();
  json_writer& end_object();
  json_writer& begin_array();
  json_writer& end_array();
  json_writer& key(std::string_view name);

  json_writer& value(std::string_view text);
  json_writer& value(const char* text) { return value(std::string_view(text)); }
  json_writer& value(const std::string& text) { return value(std::string_view(text)); }
  json_writer& value(bool flag);
  json_writer& value(std::int64_t number);
  json_writer& value(int number) { return value(static_cast<std::int64_t>(number)); }
  json_writer& value(double number);
  json_writer& null();
  json_writer& points(centi value);         // 1225 → 12.25
  json_writer& number(fraction value);      // exact decimal where possible
  json_writer& raw(std::string_view json);  // already-serialised JSON

  // key + value in one call.
  template <typename T>
  json_writer& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void before_value();
  void newline();
  void close(char bracket);

  std::string out_;
  std::vector<bool> first_;  // per open container: nothing written yet
  int indent_;
  bool after_key_ = false;
};

// Appends `text` as a JSON string literal (with quotes) to `out`.
void append_json_string(std::string& out, std::string_view text);

}  // namespace readiness::io

#endif
