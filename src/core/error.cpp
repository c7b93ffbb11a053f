#include "readiness/error.hpp"

namespace readiness {

const char* errc_name(errc code) noexcept {
  switch (code) {
    case errc::ok:
      return "ok";
    case errc::invalid_argument:
      return "invalid argument";
    case errc::parse:
      return "parse error";
    case errc::validation:
      return "validation error";
    case errc::cycle:
      return "cycle";
    case errc::not_found:
      return "not found";
    case errc::io:
      return "i/o error";
    case errc::store:
      return "workbook error";
    case errc::version:
      return "unsupported version";
    case errc::limit:
      return "limit exceeded";
    case errc::cancelled:
      return "cancelled";
    case errc::out_of_memory:
      return "out of memory";
    case errc::internal:
      return "internal error";
    case errc::busy:
      return "workbook busy";
    case errc::read_only:
      return "workbook read-only";
  }
  return "unknown status";
}

std::string format_diagnostics(const std::vector<diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    if (!out.empty()) out += '\n';
    if (!d.where.empty()) out += d.where + ": ";
    out += d.message;
  }
  return out;
}

error::error(errc code, std::string where, std::string message)
    : error(code, std::vector<diagnostic>{{std::move(where), std::move(message)}}) {}

error::error(errc code, std::vector<diagnostic> diagnostics)
    : std::runtime_error(format_diagnostics(diagnostics)),
      code_(code),
      diagnostics_(std::move(diagnostics)) {}

}  // namespace readiness
