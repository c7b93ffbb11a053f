// The raw score of one item under each rule kind (SPEC §3.1), exactly, rounded once.
#include <algorithm>

#include "core/scoring_internal.hpp"
#include "core/wide_gcd.hpp"

namespace readiness::detail {
namespace {

using detail::wide_gcd;

wide_ratio reduce(wide_int num, wide_int den) {
  return reduce_ratio(num, den);
}

wide_ratio minus(fraction a, fraction b) {
  return reduce(static_cast<wide_int>(a.num) * b.den - static_cast<wide_int>(b.num) * a.den,
                static_cast<wide_int>(a.den) * b.den);
}

// min(a, b) over non-negative centi, where b may be "no limit".
// A raw score beyond any real rubric (10^18 incidents × 0.5 points) saturates here instead of
// wrapping when narrowed, and stays small enough that summing limits::max_items of them cannot
// overflow.
constexpr wide_int max_raw_centi = wide_int{1} << 45;

centi cap_at(wide_int value, std::optional<centi> cap) {
  if (cap && value > *cap) return *cap;
  return static_cast<centi>(std::clamp<wide_int>(value, -max_raw_centi, max_raw_centi));
}

rule_outcome blank() {
  rule_outcome o;
  o.blank = true;
  return o;
}

rule_outcome check(const item& it, const item_input& in) {
  if (!in.met) return blank();
  rule_outcome o;
  o.score = *in.met ? it.points : 0;
  return o;
}

rule_outcome conditions(const item& it, const item_input& in) {
  if (!in.met_conditions) return blank();
  rule_outcome o;
  const auto& conds = it.scoring.conditions;
  const auto& ids = *in.met_conditions;
  wide_int sum = 0;
  for (std::size_t c = 0; c < conds.size(); ++c) {
    if (std::find(ids.begin(), ids.end(), conds[c].id) == ids.end()) continue;
    sum += conds[c].points;
    ++o.met_count;
    if (c < 64) o.met |= std::uint64_t{1} << c;
  }
  o.capped = sum > it.points;
  o.score = cap_at(sum, it.points);
  return o;
}

rule_outcome per_unit(const item& it, const item_input& in) {
  if (!in.count) return blank();
  rule_outcome o;
  o.count = std::max<std::int64_t>(0, *in.count);
  centi cap = it.scoring.cap.value_or(it.points);
  wide_int raw = static_cast<wide_int>(it.scoring.unit) * o.count;
  o.capped = raw >= cap && o.count > 0;
  o.score = cap_at(raw, cap);
  return o;
}

rule_outcome deduction(const item& it, const item_input& in) {
  if (!in.deficiencies) return blank();
  rule_outcome o;
  o.count = std::max<std::int64_t>(0, *in.deficiencies);
  centi floor = it.scoring.floor.value_or(0);
  wide_int raw = static_cast<wide_int>(it.points) - static_cast<wide_int>(it.scoring.per) * o.count;
  o.capped = raw <= floor && o.count > 0;
  o.score = raw < floor ? floor : static_cast<centi>(raw);
  return o;
}

rule_outcome levels(const item& it, const item_input& in) {
  if (!in.level) return blank();
  rule_outcome o;
  const auto& ls = it.scoring.levels;
  for (std::size_t l = 0; l < ls.size(); ++l)
    if (ls[l].label == *in.level) {
      o.level = static_cast<std::int32_t>(l);
      o.score = scale_centi(it.points, ls[l].ratio);
      break;
    }
  return o;
}

fraction zero_at(const rule& r) {
  return r.zero_at.value_or(fraction{0, 1});
}
fraction full_at(const rule& r) {
  return r.full_at.value_or(fraction{1, 1});
}

rule_outcome ratio(const item& it, const item_input& in) {
  rule_outcome o;
  if (in.value) {
    o.value = *in.value;
    o.has_value = true;
    o.score = ratio_points(it.points, o.value, zero_at(it.scoring), full_at(it.scoring));
  } else if (in.hits && in.of) {
    o.count = *in.hits;
    o.of = *in.of;
    // "of" 0 has no rate: nothing was sampled, so nothing is proven.
    if (o.of > 0)
      o.score = ratio_points(it.points, make_fraction(o.count, o.of), zero_at(it.scoring),
                             full_at(it.scoring));
  } else {
    return blank();
  }
  return o;
}

rule_outcome sites(const compiled_item& ci, std::int64_t compliant) {
  rule_outcome o;
  o.count = compliant;
  o.of = static_cast<std::int64_t>(ci.scope.size());
  if (o.of > 0)
    o.score = ratio_points(ci.source->points, make_fraction(o.count, o.of),
                           zero_at(ci.source->scoring), full_at(ci.source->scoring));
  return o;
}

rule_outcome penalty(const item& it, const item_input& in) {
  if (!in.count) return blank();
  rule_outcome o;
  o.count = std::max<std::int64_t>(0, *in.count);
  wide_int raw = static_cast<wide_int>(it.scoring.per) * o.count;
  o.capped = it.scoring.cap && raw >= *it.scoring.cap && o.count > 0;
  o.score = -cap_at(raw, it.scoring.cap);
  return o;
}

}  // namespace

wide_ratio reduce_ratio(wide_int num, wide_int den) {
  if (den < 0) num = -num, den = -den;
  wide_int g = wide_gcd(num, den);
  if (g > 1) detail::divide_both(num, den, g);
  return {num, den};
}

wide_ratio add(wide_ratio a, wide_ratio b) {
  wide_int g = wide_gcd(a.den, b.den);
  return reduce_ratio(a.num * (b.den / g) + b.num * (a.den / g), a.den / g * b.den);
}

centi ratio_points(centi points, fraction v, fraction zero, fraction full) {
  if (zero.num == 0 && full.num == full.den && v.den > 0) {  // the usual 0 … 1: t = v
    if (v.num <= 0) return 0;
    if (v.num >= v.den) return points;
    return static_cast<centi>(round_half_away(static_cast<wide_int>(points) * v.num, v.den));
  }
  wide_ratio span = minus(full, zero);
  wide_ratio part = minus(v, zero);
  if (span.num == 0) return v >= full ? points : 0;  // a threshold: full at or above it
  // t = part / span, clamped to [0, 1]
  wide_ratio t = reduce(part.num * span.den, part.den * span.num);
  if (t.num <= 0) return 0;
  if (t.num >= t.den) return points;
  return static_cast<centi>(round_half_away(static_cast<wide_int>(points) * t.num, t.den));
}

rule_outcome apply_rule(const compiled_item& ci, const item_input* input, std::int64_t compliant) {
  const item& it = *ci.source;
  if (it.scoring.kind == rule_kind::sites) return sites(ci, compliant);
  if (!input) return blank();
  switch (it.scoring.kind) {
    case rule_kind::check:
      return check(it, *input);
    case rule_kind::conditions:
      return conditions(it, *input);
    case rule_kind::per_unit:
      return per_unit(it, *input);
    case rule_kind::deduction:
      return deduction(it, *input);
    case rule_kind::levels:
      return levels(it, *input);
    case rule_kind::ratio:
      return ratio(it, *input);
    case rule_kind::penalty:
      return penalty(it, *input);
    case rule_kind::sites:
      break;
  }
  return blank();
}

}  // namespace readiness::detail
