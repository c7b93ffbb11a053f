// Helpers shared by the plan reader, writer and validation tests.
#ifndef READINESS_TESTS_PLAN_TEST_SUPPORT_HPP
#define READINESS_TESTS_PLAN_TEST_SUPPORT_HPP

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "readiness/error.hpp"
#include "readiness/plan_io.hpp"

namespace plan_test {

inline std::string data_path(const std::string& name) {
  return std::string(READINESS_TEST_DATA) + "/" + name;
}

// The error reading `name` (under tests/data) throws; fails the test when it reads cleanly.
inline readiness::error file_error(const std::string& name,
                                   const readiness::io::read_options& options = {}) {
  try {
    readiness::io::read_plan_file(data_path(name), options);
  } catch (const readiness::error& e) {
    return e;
  }
  FAIL("reading " << name << " did not fail");
  throw std::logic_error("unreachable");
}

inline readiness::error text_error(const std::string& text,
                                   const readiness::io::read_options& options = {}) {
  try {
    readiness::io::read_plan_json(text, options);
  } catch (const readiness::error& e) {
    return e;
  }
  FAIL("reading did not fail: " << text);
  throw std::logic_error("unreachable");
}

inline std::string describe(const std::vector<readiness::diagnostic>& list) {
  return readiness::format_diagnostics(list);
}

inline bool contains(const std::vector<readiness::diagnostic>& list, const std::string& where,
                     const std::string& message) {
  for (const auto& d : list)
    if (d.where == where && d.message == message) return true;
  return false;
}

// The one diagnostic of `e` is exactly (where, message).
inline void check_only(const readiness::error& e, readiness::errc code, const std::string& where,
                       const std::string& message) {
  INFO(describe(e.diagnostics()));
  CHECK(e.code() == code);
  REQUIRE(e.diagnostics().size() == 1);
  CHECK(e.diagnostics()[0].where == where);
  CHECK(e.diagnostics()[0].message == message);
}

}  // namespace plan_test

#endif
