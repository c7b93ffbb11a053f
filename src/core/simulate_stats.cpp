// Histograms, percentiles and rank correlation for the Monte Carlo, in integers.
#include "core/simulate_stats.hpp"

#include <cmath>

namespace readiness::detail {

void histogram::add(std::int64_t x) {
  if (counts_.empty()) {
    base_ = x;
    counts_.assign(1, 0);
  } else if (x < base_) {
    counts_.insert(counts_.begin(), static_cast<std::size_t>(base_ - x), 0);
    base_ = x;
  } else if (x > highest()) {
    counts_.resize(static_cast<std::size_t>(x - base_ + 1), 0);
  }
  ++counts_[static_cast<std::size_t>(x - base_)];
}

void histogram::add_many(std::int64_t x, std::uint64_t n) {
  if (n == 0) return;
  add(x);
  counts_[static_cast<std::size_t>(x - base_)] += n - 1;
}

void histogram::merge(const histogram& other) {
  for (std::size_t k = 0; k < other.counts_.size(); ++k)
    add_many(other.base_ + static_cast<std::int64_t>(k), other.counts_[k]);
}

window_histograms::window_histograms(std::vector<std::int64_t> bases)
    : bases_(std::move(bases)),
      bins_(bases_.size() * static_cast<std::size_t>(width), 0),
      outside_(bases_.size()) {}

void window_histograms::spill(std::size_t t, std::int64_t x) {
  outside_[t].add(x);
}

void window_histograms::add_block(const std::vector<std::uint8_t>& block, std::size_t rows) {
  std::size_t tasks = bases_.size();
  for (std::size_t t = 0; t < tasks; ++t) {
    std::uint32_t* row = &bins_[t * static_cast<std::size_t>(width)];
    for (std::size_t r = 0; r < rows; ++r) {
      std::uint8_t k = block[r * tasks + t];
      if (k != skip) ++row[k];
    }
  }
}

void window_histograms::merge(const window_histograms& other) {
  for (std::size_t i = 0; i < bins_.size(); ++i) bins_[i] += other.bins_[i];
  for (std::size_t t = 0; t < outside_.size(); ++t) outside_[t].merge(other.outside_[t]);
}

histogram window_histograms::of(std::size_t t) const {
  histogram h = outside_[t];
  for (std::int64_t k = 0; k < width; ++k)
    h.add_many(bases_[t] + k,
               bins_[t * static_cast<std::size_t>(width) + static_cast<std::size_t>(k)]);
  return h;
}

std::uint64_t histogram::total() const {
  std::uint64_t n = 0;
  for (auto c : counts_) n += c;
  return n;
}

std::uint64_t histogram::count(std::int64_t x) const {
  if (counts_.empty() || x < base_ || x > highest()) return 0;
  return counts_[static_cast<std::size_t>(x - base_)];
}

std::int64_t histogram::at_rank(std::uint64_t rank) const {
  std::uint64_t seen = 0;
  for (std::size_t k = 0; k < counts_.size(); ++k) {
    seen += counts_[k];
    if (seen >= rank) return base_ + static_cast<std::int64_t>(k);
  }
  return highest();
}

std::vector<std::int64_t> histogram::twice_mid_ranks() const {
  std::vector<std::int64_t> out(counts_.size(), 0);
  std::uint64_t below = 0;
  for (std::size_t k = 0; k < counts_.size(); ++k) {
    out[k] = static_cast<std::int64_t>(2 * below + counts_[k] + 1);
    below += counts_[k];
  }
  return out;
}

std::uint64_t nearest_rank(std::uint64_t n, unsigned percent) {
  std::uint64_t r = (n * percent + 99) / 100;
  return r == 0 ? 1 : r;
}

double spearman(std::uint64_t n, const rank_sums& s) {
  wide_int nn = static_cast<wide_int>(n);
  wide_int cov = nn * s.xy - s.x * s.y;
  wide_int vx = nn * s.xx - s.x * s.x;
  wide_int vy = nn * s.yy - s.y * s.y;
  if (vx <= 0 || vy <= 0) return 0;
  long double rho = static_cast<long double>(cov) /
                    std::sqrt(static_cast<long double>(vx) * static_cast<long double>(vy));
  return static_cast<double>(rho);
}

}  // namespace readiness::detail
