// Uncertainty (SPEC §7): Monte Carlo over task durations, giving the odds of each deadline, the
// plan's finish, and the readiness score on the day.
//
// Every iteration draws, for each open task with an `estimate`, a duration from a triangular
// (optimistic, likely, pessimistic) or PERT-beta distribution (the estimate's `distribution`, else
// the plan's `simulation.distribution`, else triangular), rounded up to whole working days; a task
// in progress keeps ceil(duration × (1 − progress)) of it. Other tasks keep their duration. The
// schedule engine's passes run on one prepared network per thread; the readiness score is scored
// from the effects of the tasks finishing by `ready_by`.
//
// Determinism: iteration i draws from its own stream (splitmix64 seeded from the seed and i), and
// every statistic is reduced from integer counts and sums, so the same seed and N give the same
// numbers, bit for bit, whatever the number of threads.
//
// Percentiles are nearest-rank: Pq is the smallest value with at least ⌈q·N⌉ iterations at or
// below it. Sensitivity is Spearman's rank correlation (mid-ranks for ties) between a task's
// sampled duration and the readiness total; 0 when either does not vary.
#ifndef READINESS_SIMULATE_HPP
#define READINESS_SIMULATE_HPP

#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "readiness/calendar.hpp"
#include "readiness/model.hpp"
#include "readiness/scoring.hpp"
#include "readiness/task_graph.hpp"

namespace readiness {

// Iterations done so far and in all; return false to cancel (the run then throws
// errc::cancelled). Called on the thread that called simulate(), never concurrently.
using progress_callback = std::function<bool(std::uint64_t done, std::uint64_t total)>;

constexpr std::uint64_t default_iterations = 10000;
constexpr std::uint64_t max_iterations = 10000000;
constexpr std::uint64_t default_seed = 1;

struct simulation_options {
  std::optional<std::uint64_t> iterations;  // else plan.simulation.iterations, else 10,000
  std::optional<std::uint64_t> seed;        // else plan.simulation.seed, else 1
  unsigned threads = 0;                     // 0: every core (std::thread::hardware_concurrency)
  std::optional<date> as_of;                // overrides assessment.as_of
  progress_callback progress;               // optional
};

struct task_risk {
  std::string id;
  bool summary = false;
  bool uncertain = false;        // its duration was drawn
  std::optional<date> deadline;  // as the schedule reports it
  double p_on_time = 1;          // share of iterations finishing by the deadline
  date p50, p80, p95;            // finish dates
  double criticality = 0;        // share of iterations in which it was critical
  double sensitivity = 0;        // Spearman ρ(duration, readiness total)
};

struct score_risk {
  double mean = 0;       // of the readiness total, in points
  centi mean_centi = 0;  // the same, rounded half away from zero to 0.01
  centi p10 = 0, p50 = 0, p90 = 0;
  std::optional<double> p_target;  // share at or above the target and qualified
  double p_qualified = 1;
};

struct risk_result {
  std::uint64_t iterations = 0;
  std::uint64_t seed = 0;
  unsigned threads = 0;
  date as_of;
  std::optional<date> ready_by;
  std::optional<centi> target;
  bool provisional = false;
  date finish_p50, finish_p80, finish_p95;  // the plan's finish (latest task finish)
  score_risk score;
  std::vector<task_risk> tasks;  // id order
};

// Runs the simulation. errc::invalid_argument for 0 or more than max_iterations iterations;
// errc::cancelled when the progress callback asks to stop; schedule errors as compute_schedule.
risk_result simulate(const plan& p, const task_graph& graph, const plan_calendars& calendars,
                     const compiled_rubric& rubric, const simulation_options& options = {});

// The random stream of one iteration, and the draws (exposed for tests).
class random_stream {
 public:
  random_stream(std::uint64_t seed, std::uint64_t iteration);
  std::uint64_t next();
  double uniform();  // in (0, 1)
  double normal();   // standard normal

 private:
  std::uint64_t state_;
};

// The inverse CDF of the triangular distribution (a ≤ m ≤ b) at u.
double triangular_quantile(double a, double m, double b, double u);
// A PERT-beta draw: a + (b − a)·Beta(1 + 4(m − a)/(b − a), 1 + 4(b − m)/(b − a)).
double pert_draw(double a, double m, double b, random_stream& rng);
// Whole working days drawn for an estimate, rounded up (and kept within ⌈optimistic⌉ …
// ⌈pessimistic⌉); `plan_default` is the plan's simulation.distribution.
// The triangular distribution's quantile with its spans worked out once (b > a): the same
// arithmetic, in the same order, as triangular_quantile.
struct triangular_shape {
  triangular_shape(double a, double m, double b)
      : a(a), b(b), ba(b - a), ma(m - a), bm(b - m), split(b > a ? (m - a) / (b - a) : 0) {}
  double quantile(double u) const {
    if (u < split) return a + std::sqrt(u * ba * ma);
    return b - std::sqrt((1.0 - u) * ba * bm);
  }
  double a, b, ba, ma, bm, split;
};

class duration_draw {
 public:
  duration_draw(const estimate& e, const std::string& plan_default);
  std::int64_t operator()(random_stream& rng) const;
  std::int64_t lowest() const { return lo_; }

 private:
  double a_, m_, b_;
  triangular_shape shape_;  // meaningful when b_ > a_
  std::int64_t lo_, hi_;
  bool pert_;
};
std::int64_t draw_days(const estimate& e, const std::string& plan_default, random_stream& rng);

}  // namespace readiness

#endif
