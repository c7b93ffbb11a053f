// Task effects (SPEC §6): what a finished task changes in the assessment and the evidence ledger.
//
//   met         the check becomes met
//   conditions  adds met conditions (each once)
//   count       adds to the count; a negative count removes incidents, never below 0
//   resolve     removes deficiencies, never below 0; an item never assessed stays blank (there
//               is nothing recorded to resolve)
//   level       sets the level when it is better: a higher ratio among the item's levels (an
//               unknown current label counts as the worst)
//   value       raises the value to at least this (a hits/of input counts as hits/of)
//   evidence    adds a ledger entry of that kind for the item
//   sites       marks those sites compliant for the item
//   clear veto  clears a triggered veto
//
// Effects of several tasks apply in order of finish, then task id. Only `count` effects of both
// signs on one item depend on that order (the clamp at 0); every other kind commutes.
#ifndef READINESS_EFFECTS_HPP
#define READINESS_EFFECTS_HPP

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "readiness/model.hpp"
#include "readiness/scoring.hpp"

namespace readiness {

// Applies one item effect (every kind but evidence, sites and clear veto) to that item's input.
void apply_item_effect(const item& it, const effect& e, item_input& input);

// Applies one effect of task `task_id` to an assessment and its ledger. errc::validation naming
// the task when the effect names an item the rubric does not have.
void apply_effect(const compiled_rubric& rubric, const effect& e, std::string_view task_id,
                  assessment& a, std::vector<evidence_entry>& ledger);

// Applies every effect of a task, in the order listed.
void apply_task_effects(const compiled_rubric& rubric, const task& t, assessment& a,
                        std::vector<evidence_entry>& ledger);

// An assessment and ledger that the effects of a fixed list of tasks can be applied to, and reset
// to the base, many times over with almost no allocation: the fast path of the readiness curve
// and of every Monte Carlo iteration. Scores exactly as apply_task_effects on a copy would. One
// per thread; not copyable (it points into itself).
class effect_state {
 public:
  // `tasks[i]` is task i for apply(i); the pointers must outlive this object, as must the rubric.
  effect_state(const compiled_rubric& rubric, const assessment& base,
               const std::vector<evidence_entry>& ledger, const std::vector<const task*>& tasks);
  ~effect_state();
  effect_state(const effect_state&) = delete;
  effect_state& operator=(const effect_state&) = delete;

  // Back to the base assessment and ledger.
  void reset();
  // Applies the effects of task i (once per reset is the caller's business).
  void apply(std::size_t task);
  bool has_effects(std::size_t task) const;
  // Whether the result depends on the order tasks are applied in (count effects of both signs
  // on one item).
  bool order_sensitive() const;

  const assessment& current() const;
  // The ledger with at most one added entry per (item, kind): enough for scoring.
  const std::vector<evidence_entry>& ledger() const;
  score_total totals(std::optional<centi> target) const;
  score_result result(std::optional<centi> target) const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace readiness

#endif
