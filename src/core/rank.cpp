// Ranking by (qualified, total descending, id) and quotas (see rank.hpp).
#include "readiness/rank.hpp"

#include <algorithm>

#include "readiness/error.hpp"

namespace readiness {

quota parse_quota(std::string_view text) {
  auto bad = [&](const char* why) -> quota {
    throw error(errc::invalid_argument, "--quota", "'" + std::string(text) + "': " + why);
  };
  quota q;
  bool percent = !text.empty() && text.back() == '%';
  std::string_view number = percent ? text.substr(0, text.size() - 1) : text;
  auto value = parse_fraction(number);
  if (number.empty() || !value) return bad("expected a count (5) or a share (10%)");
  if (value->num < 0) return bad("a quota cannot be negative");
  if (percent) {
    fraction share = make_fraction(value->num, value->den * 100);
    if (share > fraction{1, 1}) return bad("a share cannot be over 100%");
    q.is_share = true;
    q.share = share;
  } else {
    if (value->den != 1) return bad("a count must be a whole number");
    q.count = value->num;
  }
  return q;
}

std::int64_t quota_size(const quota& q, std::int64_t n) {
  if (n <= 0) return 0;
  if (!q.is_share) return std::min(q.count, n);
  if (q.share.num == 0) return 0;
  wide_int taken = static_cast<wide_int>(q.share.num) * n / q.share.den;
  return std::clamp<std::int64_t>(static_cast<std::int64_t>(taken), 1, n);
}

ranking rank(std::vector<scored_record> records, const std::optional<quota>& q) {
  std::sort(records.begin(), records.end(), [](const scored_record& a, const scored_record& b) {
    if (a.total.qualified != b.total.qualified) return a.total.qualified;
    if (a.total.total != b.total.total) return a.total.total > b.total.total;
    return id_less{}(a.id, b.id);
  });
  ranking out;
  out.applied = q;
  auto n = static_cast<std::int64_t>(records.size());
  out.inside = q ? quota_size(*q, n) : 0;
  out.records.reserve(records.size());
  for (std::int64_t k = 0; k < n; ++k) {
    auto& r = records[static_cast<std::size_t>(k)];
    out.records.push_back({std::move(r.id), std::move(r.total), k + 1, k < out.inside});
  }
  return out;
}

}  // namespace readiness
