// Scoring (SPEC §3): a rubric, an assessment and an evidence ledger give a score, item by item,
// with the reasons points were lost. Pure computation over model values; exact arithmetic only.
//
// Compile a rubric once (with the sites it is inspected on), then score any number of
// assessments against it. A compiled_rubric is immutable: share one between threads freely.
#ifndef READINESS_SCORING_HPP
#define READINESS_SCORING_HPP

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "readiness/decimal.hpp"
#include "readiness/model.hpp"
#include "readiness/model_names.hpp"  // rule_kind_name

namespace readiness {

namespace detail {
struct compiled_data;
}

// The rubric prepared for fast, repeated scoring: items indexed by id, rule data, the sites in
// scope of every `sites` item. Cheap to copy (copies share the same immutable data).
class compiled_rubric {
 public:
  compiled_rubric();

  const struct rubric& source() const;
  std::size_t item_count() const;  // regular, bonus and penalty items
  centi max() const;               // rubric total, or the sum of category points
  // The index of an item in document order (categories, then bonus, then penalties).
  std::optional<std::size_t> find_item(std::string_view id) const;

  const detail::compiled_data& data() const { return *data_; }

 private:
  friend compiled_rubric compile_rubric(const rubric&, const std::vector<site>&);
  std::shared_ptr<const detail::compiled_data> data_;
};

// Throws readiness::error (errc::validation, naming the JSON pointer) for what would make scoring
// meaningless: duplicate item ids, a gate on an unknown category, a veto or gate capping to an
// unknown grade, a bonus/penalty section holding a rule it cannot hold.
compiled_rubric compile_rubric(const rubric& r, const std::vector<site>& sites);

// The numbers are part of the C ABI (rdy_score_item_status): append only.
enum class item_status { full, partial, zero, blank, no_evidence };
const char* item_status_name(item_status s) noexcept;  // "full", "partial", …

struct item_score {
  std::string id;
  std::string category;  // the category id, or "bonus" / "penalty"
  std::string title;
  std::string owner;
  centi score = 0;  // rounded once, to 0.01; negative for penalty items
  centi max = 0;    // item points (0 for penalty items)
  centi lost = 0;   // max − score
  item_status status = item_status::blank;
  rule_kind rule = rule_kind::check;
  std::string reason;  // short text in Chinese ("发现2处问题，每处扣0.5分")
};

struct category_score {
  std::string id;
  std::string title;
  centi score = 0;
  centi max = 0;
  fraction ratio;  // score / max (0 when max is 0)
};

struct score_total {
  centi base = 0;
  centi bonus = 0;
  centi penalty = 0;  // ≤ 0
  centi total = 0;
  centi max = 0;
  std::string grade;  // "" when the rubric has no grades
  bool qualified = true;
  std::vector<std::string> vetoes_triggered;  // veto ids, id order
  std::vector<std::string> gates_failed;      // gate names (id, else category id), id order
  std::optional<centi> target;
  std::optional<centi> gap;  // max(0, target − total) when there is a target
};

struct shortfall {
  std::string id;
  centi lost = 0;
};

struct bonus_opportunity {
  std::string id;
  centi gain = 0;  // what taking it fully would add now, within the bonus cap
};

struct score_result {
  std::optional<date> as_of;
  score_total total;
  std::vector<category_score> categories;  // rubric order
  std::vector<item_score> items;           // document order: categories, bonus, penalties
  std::vector<std::string> blanks;         // blank regular and bonus items, id order
  std::vector<shortfall> shortfalls;       // regular and bonus items losing points: lost desc, id
  std::vector<bonus_opportunity> bonus_opportunities;  // id order; empty when the cap is reached
};

// Scores one assessment. O(items + inputs + evidence + site checks); the evidence ledger may hold
// entries for any item (entries for unknown items are ignored).
score_result score(const compiled_rubric& rubric, const assessment& a,
                   const std::vector<evidence_entry>& evidence, std::optional<centi> target);

// The same, writing into `out` and reusing its storage: scoring many records into one result
// allocates almost nothing after the first.
void score_into(const compiled_rubric& rubric, const assessment& a,
                const std::vector<evidence_entry>& evidence, std::optional<centi> target,
                score_result& out);

// Only the totals, without item texts: the fast path for simulations and rankings.
score_total score_totals(const compiled_rubric& rubric, const assessment& a,
                         const std::vector<evidence_entry>& evidence, std::optional<centi> target);
// The same, with the item inputs given by item index (find_item; item_count() pointers, null for
// a blank item) instead of `rest.items`, which is not read: for readers that put inputs straight
// into place (batch records). `rest` gives the vetoes and site checks.
score_total score_totals(const compiled_rubric& rubric, const item_input* const* inputs,
                         const assessment& rest, const std::vector<evidence_entry>& evidence,
                         std::optional<centi> target);

// Scores a whole plan: its rubric and sites, assessment, evidence, and inspection target.
score_result score_plan(const plan& p);

}  // namespace readiness

#endif
