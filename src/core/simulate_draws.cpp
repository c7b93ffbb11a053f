// Random streams and duration draws for the Monte Carlo (SPEC §7).
#include <algorithm>
#include <cmath>

#include "readiness/simulate.hpp"

namespace readiness {
namespace {

std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Marsaglia and Tsang's method, for shape ≥ 1 (PERT shapes are 1 … 5).
double gamma_draw(double shape, random_stream& rng) {
  double d = shape - 1.0 / 3.0;
  double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x = rng.normal();
    double v = 1.0 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    double u = rng.uniform();
    if (std::log(u) < 0.5 * x * x + d - d * v + d * std::log(v)) return d * v;
  }
}

// ceil(x) for the small durations drawn, without a library call (x is finite).
std::int64_t ceil_days(double x) {
  if (!(std::fabs(x) < 1e15)) return static_cast<std::int64_t>(std::ceil(x));
  auto t = static_cast<std::int64_t>(x);  // toward zero
  return static_cast<double>(t) < x ? t + 1 : t;
}

}  // namespace

random_stream::random_stream(std::uint64_t seed, std::uint64_t iteration)
    : state_(mix64(seed + 0x9E3779B97F4A7C15ull) ^ mix64(iteration * 0xD1B54A32D192ED03ull + 1)) {}

std::uint64_t random_stream::next() {
  state_ += 0x9E3779B97F4A7C15ull;
  return mix64(state_);
}

double random_stream::uniform() {
  return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53;
}

double random_stream::normal() {
  // Box–Muller, one of the pair (keeping no state makes every draw count the same).
  double u1 = uniform(), u2 = uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

double triangular_quantile(double a, double m, double b, double u) {
  if (b <= a) return a;
  return triangular_shape(a, m, b).quantile(u);
}

double pert_draw(double a, double m, double b, random_stream& rng) {
  if (b <= a) return a;
  double alpha = 1.0 + 4.0 * (m - a) / (b - a);
  double beta = 1.0 + 4.0 * (b - m) / (b - a);
  double x = gamma_draw(alpha, rng);
  double y = gamma_draw(beta, rng);
  return a + (b - a) * (x / (x + y));
}

duration_draw::duration_draw(const estimate& e, const std::string& plan_default)
    : a_(e.optimistic),
      m_(e.likely),
      b_(e.pessimistic),
      shape_(e.optimistic, e.likely, e.pessimistic),
      lo_(std::max<std::int64_t>(0, static_cast<std::int64_t>(std::ceil(e.optimistic)))),
      hi_(std::max(lo_, static_cast<std::int64_t>(std::ceil(e.pessimistic)))),
      pert_((e.distribution.empty() ? plan_default : e.distribution) == "pert") {}

std::int64_t duration_draw::operator()(random_stream& rng) const {
  double x = pert_ ? pert_draw(a_, m_, b_, rng) : (b_ <= a_ ? a_ : shape_.quantile(rng.uniform()));
  return std::clamp(ceil_days(x), lo_, hi_);
}

std::int64_t draw_days(const estimate& e, const std::string& plan_default, random_stream& rng) {
  return duration_draw(e, plan_default)(rng);
}

}  // namespace readiness
