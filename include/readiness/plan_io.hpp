// Reading and writing the `readiness/1` plan document (SPEC §2). The one JSON reader and writer
// for plans: the CLI, the C ABI, Python and the workbook all call these.
#ifndef READINESS_PLAN_IO_HPP
#define READINESS_PLAN_IO_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include "readiness/model.hpp"

namespace readiness::io {

struct read_options {
  std::size_t max_errors = 100;       // stop collecting diagnostics after this many
  std::size_t max_bytes = 64u << 20;  // larger documents are refused (errc::limit)
  bool validate = true;               // run readiness::validate after reading
};

// Parses and validates a whole plan document. On failure throws readiness::error with every
// problem found (up to max_errors), each naming its JSON pointer: errc::parse for malformed JSON
// or UTF-8, errc::validation for a well-formed document that breaks a rule.
plan read_plan_json(std::string_view text, const read_options& options = {});

// Reads a plan from a file: a JSON document, or a workbook (detected by its SQLite header) once
// the workbook exists. Sets plan::origin to the file's folder. errc::io when it cannot be read.
plan read_plan_file(const std::string& path, const read_options& options = {});

// Writes the canonical document: keys in a fixed order, absent optionals omitted, "x-" members
// kept. read → write → read gives the same plan. indent 0 writes one line.
std::string write_plan_json(const plan& p, int indent = 2);

// Reads just the text of a file (errc::io naming the path on failure).
std::string read_text_file(const std::string& path);

}  // namespace readiness::io

#endif
