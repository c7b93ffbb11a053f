// Checking one recorded change with the plan validator before it is written. The validator
// runs on a small plan holding the stored structure the change refers to (the rubric for an
// item input, the task and its children for a status change) plus the changed value; only the
// findings about the changed value count, renamed from JSON pointers to the task or item.
#ifndef READINESS_STORE_UPDATE_CHECK_HPP
#define READINESS_STORE_UPDATE_CHECK_HPP

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "readiness/error.hpp"
#include "readiness/model.hpp"
#include "store/status.hpp"

namespace readiness::store {

// The stored structure with its tasks found by id.
struct structure_index {
  explicit structure_index(const plan& skeleton);
  const plan& skeleton;
  std::unordered_map<std::string, const task*> tasks;
  std::unordered_map<std::string, const task*> first_child;  // parent id → a child
};

// `as_of` is the status date the change will have.
void check_task_status(const structure_index& index, const std::string& task_id,
                       const task_state& s, date as_of, std::vector<diagnostic>& out);
// Progress outside 0 … 1 anywhere in a plan given as values (readers refuse it in documents).
void check_progress_ranges(const plan& p, std::vector<diagnostic>& out);
void check_item_input(const plan& skeleton, const std::string& item_id,
                      const std::optional<item_input>& input, date as_of,
                      std::vector<diagnostic>& out);
void check_veto_flag(const plan& skeleton, const std::string& veto_id,
                     std::optional<bool> triggered, date as_of, std::vector<diagnostic>& out);
void check_site_check(const plan& skeleton, const std::string& site_id, const std::string& item_id,
                      std::optional<bool> compliant, date as_of, std::vector<diagnostic>& out);
void check_evidence(const plan& skeleton, const evidence_entry& entry, bool remove, date as_of,
                    std::vector<diagnostic>& out);

}  // namespace readiness::store

#endif
