#include "io/plan_limits.hpp"

#include <string>

#include "readiness/error.hpp"
#include "readiness/limits.hpp"

namespace readiness::io {
namespace {

void check(std::size_t count, std::size_t maximum, const char* where, const char* what) {
  if (count > maximum)
    throw error(
        errc::limit, where,
        std::to_string(count) + " " + what + ", more than the limit of " + std::to_string(maximum));
}

std::size_t item_count(const rubric& r) {
  std::size_t n = 0;
  for (const auto& c : r.categories) n += c.items.size();
  if (r.bonus) n += r.bonus->items.size();
  if (r.penalties) n += r.penalties->items.size();
  return n;
}

}  // namespace

void check_plan_limits(const plan& p) {
  check(p.tasks.size(), limits::max_tasks, "/tasks", "tasks");
  std::size_t links = 0, effects = 0;
  for (const auto& t : p.tasks) {
    links += t.after.size();
    effects += t.effects.size();
  }
  check(links, limits::max_links, "/tasks", "links");
  check(effects, limits::max_effects, "/tasks", "effects");
  check(item_count(p.rubric), limits::max_items, "/rubric", "items");
  check(p.units.size(), limits::max_units, "/units", "units");
  check(p.sites.size(), limits::max_sites, "/sites", "sites");
  check(p.evidence.size(), limits::max_evidence, "/evidence", "evidence entries");
}

}  // namespace readiness::io
