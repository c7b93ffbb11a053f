// The plan as immutable values: what a `readiness/1` document or a workbook holds (SPEC §2–§5).
// Readers build it and validate it; the core only reads it.
#ifndef READINESS_MODEL_HPP
#define READINESS_MODEL_HPP

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "readiness/decimal.hpp"
#include "readiness/id_order.hpp"

namespace readiness {

using date = boost::gregorian::date;

// An inclusive range of days; a single day has first == last.
struct date_range {
  date first;
  date last;
};

// Members whose key starts with "x-": kept as raw JSON text, written back, otherwise ignored.
using extensions = std::vector<std::pair<std::string, std::string>>;

// ---------------------------------------------------------------------------------------------
// Calendar (SPEC §4)

// Weekday bit masks; bit d stands for boost's day_of_week d (0 = Sunday … 6 = Saturday).
constexpr std::uint8_t weekday_bit(int day_of_week) {
  return std::uint8_t(1u << day_of_week);
}
constexpr std::uint8_t default_weekend = weekday_bit(0) | weekday_bit(6);

struct calendar_spec {
  std::string base;                     // "" (base week only) or "cn" (built-in China data)
  std::optional<std::uint8_t> weekend;  // days off each week; Saturday and Sunday when absent
  std::vector<date_range> holidays;     // days off that would otherwise be working days
  std::vector<date_range> workdays;     // make-up working days (调休) that would otherwise be off
  std::vector<std::string> files;       // extra holiday files, relative to the plan document
  extensions ext;
};

// ---------------------------------------------------------------------------------------------
// Units and sites

struct unit {
  std::string id;
  std::string name;
  std::string kind;                       // "department", "town", "office", … (free text)
  std::optional<std::int64_t> capacity;   // most tasks it can lead on one working day
  std::optional<calendar_spec> calendar;  // overrides the plan calendar for tasks it leads
  extensions ext;
};

struct site {
  std::string id;
  std::string name;
  std::string type;  // "hospital", "station", "parking", …
  std::string unit;  // responsible unit id, may be empty
  extensions ext;
};

struct evidence_entry {
  std::string id;
  std::string item;  // the rubric item it proves
  std::string kind;  // matches an item's evidence.requires entry
  std::string title;
  std::optional<date> dated;
  extensions ext;
};

// ---------------------------------------------------------------------------------------------
// Rubric (SPEC §3)

enum class rule_kind { check, conditions, per_unit, deduction, levels, ratio, sites, penalty };

struct condition {
  std::string id;
  centi points = 0;
  std::string title;
  extensions ext;
};

struct level {
  std::string label;
  fraction ratio;
  extensions ext;
};

struct rule {
  rule_kind kind = rule_kind::check;
  std::vector<condition> conditions;         // conditions
  centi unit = 0;                            // per_unit: points per counted thing
  std::optional<centi> cap;                  // per_unit (default item points); penalty (no cap)
  centi per = 0;                             // deduction, penalty: points per deficiency/incident
  std::optional<centi> floor;                // deduction (default 0)
  std::vector<level> levels;                 // levels, in document order
  std::optional<fraction> zero_at, full_at;  // ratio, sites (0 and 1 when absent)
  std::string site_type;                     // sites: every site of this type …
  std::vector<std::string> sites;            // … or these site ids
  extensions ext;
};

struct evidence_rule {
  std::string method;                       // material, site, survey, interview, online
  std::vector<std::string> required_kinds;  // "requires": kinds of ledger entries needed
  extensions ext;
};

struct item {
  std::string id;
  std::string title;     // 考评内容
  std::string criteria;  // 评分标准, the rule in the rubric's own words
  centi points = 0;      // most it can give (0 for penalty items)
  rule scoring;
  std::optional<evidence_rule> evidence;
  std::string owner;  // unit id, may be empty
  std::optional<std::int64_t> min_sample;
  extensions ext;
};

struct category {
  std::string id;
  std::string title;
  centi points = 0;
  std::optional<fraction> weight;
  std::vector<item> items;
  extensions ext;
};

struct item_group {  // bonus or penalties
  std::optional<centi> cap;
  std::vector<item> items;
  extensions ext;
};

// What a triggered veto or a failed gate does.
struct sanction {
  enum class kind { disqualify, cap_grade, cap_score };
  kind what = kind::disqualify;
  std::string grade;  // cap_grade
  centi score = 0;    // cap_score
  extensions ext;     // "x-" members of an object-form effect
};

struct veto {
  std::string id;
  std::string title;
  sanction effect;
  extensions ext;
};

struct gate {
  std::string id;  // may be empty in the document: then the category id names it
  std::string category;
  fraction min_ratio;
  sanction effect;
  extensions ext;

  const std::string& name() const { return id.empty() ? category : id; }
};

struct grade {
  centi min = 0;
  std::string label;
  extensions ext;
};

struct rubric {
  std::string id;
  std::string title;
  std::optional<centi> total;
  std::vector<grade> grades;  // by min, descending, ending at 0
  std::vector<category> categories;
  std::optional<item_group> bonus;
  std::optional<item_group> penalties;
  std::vector<veto> vetoes;
  std::vector<gate> gates;
  extensions ext;
};

// ---------------------------------------------------------------------------------------------
// Assessment (自查: the recorded state of every item)

struct item_input {
  std::optional<bool> met;                                 // check: {"met": true}
  std::optional<std::vector<std::string>> met_conditions;  // conditions: {"met": ["a", "c"]}
  std::optional<std::int64_t> count;                       // per_unit, penalty
  std::optional<std::int64_t> deficiencies;                // deduction
  std::optional<std::string> level;                        // levels
  std::optional<fraction> value;                           // ratio: {"value": 0.87}
  std::optional<std::int64_t> hits, of;                    // ratio: {"hits": 24, "of": 25}
  std::string note;
  extensions ext;
};

template <typename V>
using id_map = std::map<std::string, V, id_less>;

struct assessment {
  std::optional<date> as_of;
  id_map<item_input> items;
  id_map<bool> vetoes;               // veto id → triggered
  id_map<id_map<bool>> site_checks;  // site id → item id → compliant ("sites" in the document)
  extensions ext;
};

// ---------------------------------------------------------------------------------------------
// Tasks (SPEC §5, §6)

enum class link_type { fs, ss, ff, sf };

struct link {
  std::string task;  // the predecessor
  link_type type = link_type::fs;
  std::int64_t lag = 0;  // working days, may be negative
  extensions ext;
};

struct estimate {
  double optimistic = 0, likely = 0, pessimistic = 0;  // working days
  std::string distribution;                            // "", "triangular" or "pert"
  extensions ext;
};

enum class effect_kind {
  met,
  conditions,
  count,
  resolve,
  level,
  value,
  evidence,
  sites,
  clear_veto
};

struct effect {
  effect_kind kind = effect_kind::met;
  std::string item;              // every kind but clear_veto
  std::string veto;              // clear_veto
  std::vector<std::string> ids;  // conditions, sites
  std::int64_t amount = 0;       // count (may be negative), resolve
  std::string text;              // level label, evidence kind
  fraction value;                // value
  extensions ext;
};

struct baseline_dates {
  date start;
  date finish;
  extensions ext;
};

// The members the schedule reads for every task come first, in the first three cache lines: a
// plan of many tasks is read from memory, and fewer lines per task is faster.
struct task {
  std::string id;
  std::string parent;
  std::optional<std::int64_t> duration;  // working days; absent on summary tasks
  std::vector<link> after;
  std::string lead;
  std::optional<date> not_before;
  std::optional<date> due;
  std::optional<fraction> progress;  // 0 … 1
  std::optional<date> started;
  std::optional<date> finished;
  std::string title;
  std::vector<std::string> responsible;
  std::vector<std::string> support;
  std::string owner;  // the person answerable (责任人)
  std::optional<struct estimate> estimate;
  std::optional<baseline_dates> baseline;
  std::vector<effect> effects;
  extensions ext;
};

// ---------------------------------------------------------------------------------------------
// The plan

struct inspection {
  std::optional<date> arrives;     // the team's first day
  std::optional<date> window_end;  // last day of the visit window
  std::optional<date> ready_by;    // default: the last working day before arrives
  std::optional<centi> target;
  extensions ext;
};

struct simulation_settings {
  std::string distribution;  // "", "triangular" or "pert": the default for every estimate
  std::optional<std::int64_t> iterations;
  std::optional<std::uint64_t> seed;
  extensions ext;
};

struct plan {
  std::string title;
  std::optional<struct inspection> inspection;
  std::optional<calendar_spec> calendar;
  std::vector<unit> units;
  struct rubric rubric;
  struct assessment assessment;
  std::vector<evidence_entry> evidence;
  std::vector<site> sites;
  std::vector<task> tasks;
  std::optional<simulation_settings> simulation;
  extensions ext;

  // Where the document came from (a folder), for relative calendar files. Not content.
  std::string origin;
};

}  // namespace readiness

#endif
