// Versions, status text, the thread's last error, and owned memory.
#include <cstdlib>
#include <cstring>

#include "capi/guard.hpp"
#include "readiness/version.h"

namespace readiness::capi {
namespace {

struct last_error {
  int code = RDY_OK;
  std::string message;
};

last_error& thread_error() noexcept {
  thread_local last_error state;
  return state;
}

}  // namespace

void clear_last_error() noexcept {
  auto& e = thread_error();
  e.code = RDY_OK;
  e.message.clear();  // keeps capacity: never allocates
}

int set_last_error(int code, std::string_view message) noexcept {
  auto& e = thread_error();
  e.code = code;
  try {
    e.message.assign(message.data(), message.size());
  } catch (...) {
    e.message.clear();  // out of memory for the message: the code still tells
  }
  return code;
}

void invalid_argument(const char* function, const std::string& what) {
  throw readiness::error(errc::invalid_argument, function, what);
}

void not_available(const char* function, const char* engine) {
  throw readiness::error(errc::internal, function,
                         std::string(engine) + " is not part of this build of the library");
}

char* owned_copy(std::string_view text) {
  auto* memory = static_cast<char*>(std::malloc(text.size() + 1));
  if (memory == nullptr) throw std::bad_alloc();
  if (!text.empty()) std::memcpy(memory, text.data(), text.size());
  memory[text.size()] = '\0';
  return memory;
}

void give_string(std::string_view text, char** out, std::size_t* out_len) {
  *out = owned_copy(text);
  if (out_len != nullptr) *out_len = text.size();
}

}  // namespace readiness::capi

extern "C" {

const char* rdy_version_string(void) {
  return RDY_VERSION_STRING;
}
int rdy_version_number(void) {
  return RDY_VERSION_NUMBER;
}
int rdy_abi_version(void) {
  return RDY_ABI_VERSION;
}

const char* rdy_status_string(int status) {
  if (status < 0 || status > static_cast<int>(readiness::errc::read_only)) return "unknown status";
  return readiness::errc_name(static_cast<readiness::errc>(status));
}

int rdy_last_error_code(void) {
  return readiness::capi::thread_error().code;
}
const char* rdy_last_error_message(void) {
  return readiness::capi::thread_error().message.c_str();
}

void rdy_free(void* memory) {
  std::free(memory);
}

}  // extern "C"
