// RFC 6901 JSON pointers, the place every plan diagnostic names ("/tasks/12/after/0").
// Shared by the JSON reader (which walks the document) and validation (which walks the model).
#ifndef READINESS_CORE_JSON_POINTER_HPP
#define READINESS_CORE_JSON_POINTER_HPP

#include <cstddef>
#include <string>
#include <string_view>

namespace readiness::detail {

// "/" + token, with "~" written "~0" and "/" written "~1".
inline std::string pointer_token(std::string_view token) {
  std::string out = "/";
  for (char c : token) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

inline std::string child(const std::string& pointer, std::string_view key) {
  return pointer + pointer_token(key);
}

inline std::string child(const std::string& pointer, std::size_t index) {
  return pointer + "/" + std::to_string(index);
}

}  // namespace readiness::detail

#endif
