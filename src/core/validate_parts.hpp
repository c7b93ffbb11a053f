// Shared by the validation files: an index of every id in a plan with the pointer of its first
// definition, and the list of findings.
#ifndef READINESS_CORE_VALIDATE_PARTS_HPP
#define READINESS_CORE_VALIDATE_PARTS_HPP

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_pointer.hpp"
#include "readiness/error.hpp"
#include "readiness/model.hpp"
#include "readiness/model_names.hpp"

namespace readiness::detail {

struct findings {
  std::vector<diagnostic> list;
  void add(std::string where, std::string message) {
    list.push_back({std::move(where), std::move(message)});
  }
};

template <typename V>
using first_map = std::map<std::string, V, id_less>;

struct item_place {
  const item* it;
  std::string pointer;  // "/rubric/categories/0/items/2"
};

struct plan_index {
  const plan& p;
  first_map<std::string> units, sites, tasks, categories, vetoes, gates, evidence;  // → pointer
  first_map<item_place> items;
  first_map<std::string> parents;  // task id → the id of one of its children
};

plan_index index_plan(const plan& p);

// Every item of the rubric with its pointer, in document order (categories, bonus, penalties).
std::vector<item_place> all_items(const rubric& r);

// `text` in double quotes, for messages.
std::string quoted(std::string_view text);

// Reports "duplicate <what> id" when `pointer` is not where `id` was first defined.
void check_unique(const first_map<std::string>& index, const std::string& id,
                  const std::string& pointer, const char* what, findings& out);
// Reports `unknown <what> "id"` when `id` is not in `index`.
bool check_known(const first_map<std::string>& index, const std::string& id,
                 const std::string& where, const char* what, findings& out);

void check_rubric(const plan_index& ix, findings& out);
void check_assessment(const plan_index& ix, findings& out);
void check_tasks(const plan_index& ix, findings& out);
// A task's effect at `at`: its item or veto exists, and it suits the item's rule.
void check_effect(const plan_index& ix, const effect& e, const std::string& at, findings& out);

}  // namespace readiness::detail

#endif
