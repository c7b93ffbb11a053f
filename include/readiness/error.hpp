// The one error type of the C++ core. Its codes equal the C ABI's status values.
#ifndef READINESS_ERROR_HPP
#define READINESS_ERROR_HPP

#include <stdexcept>
#include <string>
#include <vector>

namespace readiness {

// Append-only; the numbers are the C ABI's RDY_* status codes and never change.
enum class errc : int {
  ok = 0,
  invalid_argument = 1,  // a NULL, an out-of-range index, a bad option
  parse = 2,             // malformed JSON, CSV or UTF-8
  validation = 3,        // well-formed input that breaks a rule of the plan document
  cycle = 4,             // a cycle through task links or parents
  not_found = 5,         // an id or file that does not exist
  io = 6,                // a file could not be read or written
  store = 7,             // the workbook refused an operation (SQLite error)
  version = 8,           // a workbook or document from a newer version
  limit = 9,             // an input beyond a documented maximum
  cancelled = 10,        // a callback asked to stop
  out_of_memory = 11,
  internal = 12,
  busy = 13,       // the workbook is locked by another writer
  read_only = 14,  // the workbook cannot be written
};

// Short static text for a code ("validation error").
const char* errc_name(errc code) noexcept;

// One located problem: `where` is a JSON pointer, "line 3, column 2", a task id or a file.
struct diagnostic {
  std::string where;
  std::string message;
};

class error : public std::runtime_error {
 public:
  error(errc code, std::string where, std::string message);
  error(errc code, std::vector<diagnostic> diagnostics);

  errc code() const noexcept { return code_; }
  const std::vector<diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  errc code_;
  std::vector<diagnostic> diagnostics_;
};

// "where: message" for each diagnostic, one per line.
std::string format_diagnostics(const std::vector<diagnostic>& diagnostics);

}  // namespace readiness

#endif
