// The one place where C++ meets C: every fallible rdy_* function runs its body through guard(),
// which clears the thread's last error, and turns any exception into a status and a message.
// No exception crosses extern "C".
#ifndef READINESS_CAPI_GUARD_HPP
#define READINESS_CAPI_GUARD_HPP

#include <cstddef>
#include <cstdint>
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <utility>

#include "readiness/error.hpp"
#include "readiness/readiness.h"

namespace readiness::capi {

void clear_last_error() noexcept;
// Records code and message as the thread's last error; returns code.
int set_last_error(int code, std::string_view message) noexcept;

// message = text (nothing on failure to allocate); returns code.
inline int assign_message(std::string& message, const char* text, int code) noexcept {
  try {
    message = text;
  } catch (...) {
  }
  return code;
}

// Thrown by argument checks: RDY_ERR_INVALID_ARGUMENT naming the function and the argument.
[[noreturn]] void invalid_argument(const char* function, const std::string& what);

template <typename T>
void require(const T* pointer, const char* function, const char* name) {
  if (pointer == nullptr) invalid_argument(function, std::string(name) + " is NULL");
}

// A handle argument: NULL, or a handle whose magic number is not its type's (destroyed already,
// or a handle of another type), is RDY_ERR_INVALID_ARGUMENT. (handles.hpp's require overloads.)
inline void require_live(bool present, bool alive, const char* function, const char* name,
                         const char* type) {
  if (!present) invalid_argument(function, std::string(name) + " is NULL");
  if (!alive)
    invalid_argument(function, std::string(name) + " is not a live " + type +
                                   " (destroyed already, or a handle of another type)");
}

// Text given as (pointer, length): NULL is allowed only with length 0.
inline std::string_view text_argument(const char* text, std::size_t len, const char* function,
                                      const char* name) {
  if (text == nullptr && len != 0) invalid_argument(function, std::string(name) + " is NULL");
  return text ? std::string_view(text, len) : std::string_view();
}

// A NUL-terminated string argument.
inline std::string_view cstring_argument(const char* text, const char* function, const char* name) {
  require(text, function, name);
  return std::string_view(text);
}

// Runs body; on an exception returns its status and puts its message in message. Touches no
// thread state (worker threads of a batch report per record with it).
template <typename Body>
int capture(const char* function, Body&& body, std::string& message) noexcept {
  try {
    body();
    return RDY_OK;
  } catch (const readiness::error& e) {
    return assign_message(message, e.what(), static_cast<int>(e.code()));
  } catch (const std::bad_alloc&) {
    return assign_message(message, "out of memory", RDY_ERR_OUT_OF_MEMORY);
  } catch (const std::exception& e) {
    int code = assign_message(message, function, RDY_ERR_INTERNAL);
    try {
      message += ": ";
      message += e.what();
    } catch (...) {
    }
    return code;
  } catch (...) {
    return assign_message(message, "unknown exception", RDY_ERR_INTERNAL);
  }
}

// The guard of every fallible rdy_* function: clears the thread's last error on entry and sets
// it from any exception.
template <typename Body>
int guard(const char* function, Body&& body) noexcept {
  clear_last_error();
  std::string message;
  int code = capture(function, std::forward<Body>(body), message);
  if (code != RDY_OK) set_last_error(code, message);
  return code;
}

// A malloc'ed NUL-terminated copy, released by rdy_free. Throws std::bad_alloc.
char* owned_copy(std::string_view text);
// Hands text to the caller as an owned string.
void give_string(std::string_view text, char** out, std::size_t* out_len);

// Thrown when a function's engine is not part of this build yet.
[[noreturn]] void not_available(const char* function, const char* engine);

}  // namespace readiness::capi

#endif
