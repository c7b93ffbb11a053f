// The short Chinese reason shown next to every item's score.
#include <string>

#include "core/scoring_internal.hpp"

namespace readiness::detail {
namespace {

// "两项", "三项", "12项": how a count of conditions reads.
std::string count_words(std::int64_t n) {
  static const char* const small[] = {"零", "一", "两", "三", "四", "五",
                                      "六", "七", "八", "九", "十"};
  return (n >= 0 && n <= 10 ? std::string(small[n]) : std::to_string(n)) + "项";
}

std::string pts(centi value) {
  return format_centi(value) + "分";
}

void join(std::string& out, const std::string& piece) {
  if (!out.empty()) out += "、";
  out += piece;
}

std::string conditions_reason(const item& it, const rule_outcome& o) {
  const auto& conds = it.scoring.conditions;
  if (o.met_count == 0) return "未满足任何评分要点";
  std::string met, unmet;
  for (std::size_t c = 0; c < conds.size() && c < 64; ++c)
    join((o.met >> c) & 1 ? met : unmet, conds[c].id);
  std::string text = "满足" + met + count_words(o.met_count);
  if (!unmet.empty()) text += "，未满足" + unmet;
  if (o.capped) text += "（最高计" + pts(it.points) + "）";
  return text;
}

std::string ratio_reason(const item& it, const rule_outcome& o) {
  std::string text;
  if (o.has_value)
    text = "实测值" + format_fraction(o.value);
  else if (o.of <= 0)
    return "抽样数为0，不计分";
  else
    text = "抽查" + std::to_string(o.count) + "/" + std::to_string(o.of) + "达标";
  if (it.scoring.zero_at) text += "，" + format_fraction(*it.scoring.zero_at) + "以下不得分";
  if (it.scoring.full_at) text += "，达到" + format_fraction(*it.scoring.full_at) + "得满分";
  return text;
}

std::string rule_reason(const compiled_item& ci, const rule_outcome& o) {
  const item& it = *ci.source;
  const rule& r = it.scoring;
  switch (r.kind) {
    case rule_kind::check:
      return o.score > 0 || it.points == 0 ? "已达标" : "未达标";
    case rule_kind::conditions:
      return conditions_reason(it, o);
    case rule_kind::per_unit: {
      if (o.count == 0) return "数量为0";
      std::string text = std::to_string(o.count) + "个，每个" + pts(r.unit);
      if (o.capped) text += "，最高计" + pts(r.cap.value_or(it.points));
      return text;
    }
    case rule_kind::deduction: {
      if (o.count == 0) return "未发现问题";
      std::string text = "发现" + std::to_string(o.count) + "处问题，每处扣" + pts(r.per);
      if (o.capped) text += r.floor && *r.floor > 0 ? "，最低" + pts(*r.floor) : "，扣完为止";
      return text;
    }
    case rule_kind::levels:
      if (o.level < 0) return "所报等次不在评分标准中";
      return "评定等次：" + r.levels[static_cast<std::size_t>(o.level)].label;
    case rule_kind::ratio:
      return ratio_reason(it, o);
    case rule_kind::sites:
      if (o.of == 0) return "无可查点位";
      return std::to_string(o.count) + "/" + std::to_string(o.of) + "个点位达标";
    case rule_kind::penalty: {
      if (o.count == 0) return "未发生";
      std::string text = "发生" + std::to_string(o.count) + "次，每次扣" + pts(r.per);
      if (o.capped) text += "，最多扣" + pts(*r.cap);
      return text;
    }
  }
  return {};
}

}  // namespace

std::string item_reason(const compiled_item& ci, const rule_outcome& o, item_status status,
                        std::uint64_t missing) {
  if (status == item_status::blank) return "未填报自查结果";
  if (status == item_status::no_evidence) {
    std::string kinds;
    for (std::size_t k = 0; k < ci.required.size(); ++k)
      if ((missing >> k) & 1) join(kinds, std::string(ci.required[k]));
    return "缺少佐证材料：" + kinds;
  }
  return rule_reason(ci, o);
}

}  // namespace readiness::detail
