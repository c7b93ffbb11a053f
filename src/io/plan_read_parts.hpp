// The sections of the plan reader, one file each; plan_read.cpp puts them together.
#ifndef READINESS_IO_PLAN_READ_PARTS_HPP
#define READINESS_IO_PLAN_READ_PARTS_HPP

#include <string>
#include <vector>

#include "io/json_walker.hpp"

namespace readiness::io::detail {

// Reads an array of objects with `read_one(object, pointer, reading)`; skips entries that are not
// objects after reporting them.
template <typename T, typename ReadOne>
std::vector<T> read_objects(const json::value& v, const std::string& where, reading& r,
                            ReadOne read_one) {
  std::vector<T> out;
  const auto* a = r.array(v, where);
  if (!a) return out;
  for (std::size_t i = 0; i < a->size(); ++i) {
    std::string at = child(where, i);
    if (const auto* o = r.object((*a)[i], at)) out.push_back(read_one(*o, at, r));
  }
  return out;
}

rubric read_rubric(const json::object& o, const std::string& where, reading& r);
task read_task(const json::object& o, const std::string& where, reading& r);
calendar_spec read_calendar(const json::object& o, const std::string& where, reading& r);
assessment read_assessment(const json::object& o, const std::string& where, reading& r);
// One evidence ledger entry (a plan's `evidence` list and a batch record's share it).
evidence_entry read_evidence(const json::object& o, const std::string& where, reading& r);

}  // namespace readiness::io::detail

#endif
