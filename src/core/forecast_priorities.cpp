// "What to do first" (see priority in forecast.hpp): open tasks ranked by the points they secure
// per remaining working day, red and critical tasks first.
#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "core/forecast_internal.hpp"
#include "readiness/effects.hpp"

namespace readiness::detail {
namespace {

// Past this many graph steps, downstream points are left out for the remaining tasks, so a huge
// plan cannot make the ranking quadratic.
constexpr std::size_t downstream_budget = 50'000'000;

bool is_open_leaf(const scheduled_task& t) {
  return !t.done && !t.summary;
}

// Own points: each open task's step in the chain done → open tasks by (finish, id).
std::vector<centi> own_points(const plan& p, const compiled_rubric& rubric, const schedule& s,
                              const std::vector<const task*>& tasks) {
  std::vector<centi> own(tasks.size(), 0);
  effect_state state(rubric, p.assessment, p.evidence, tasks);
  auto order = effect_order(s, tasks);
  for (std::size_t t : order)
    if (s.tasks[t].done) state.apply(t);
  auto target = plan_target(p);
  centi before = state.totals(target).total;
  for (std::size_t t : order) {
    if (s.tasks[t].done) continue;
    state.apply(t);
    centi after = state.totals(target).total;
    own[t] = after - before;
    before = after;
  }
  return own;
}

// Σ own points of every task reachable from task t's node, each once (t itself excluded).
class downstream_walk {
 public:
  explicit downstream_walk(const task_graph& g)
      : g_(g), next_(g.successors()), stamp_(g.node_count(), 0) {}

  std::optional<centi> from(std::size_t t, const std::vector<centi>& own) {
    if (steps_ > downstream_budget) return std::nullopt;
    ++round_;
    centi sum = 0;
    stack_.assign(1, static_cast<std::uint32_t>(t));
    stamp_[t] = round_;
    while (!stack_.empty()) {
      std::uint32_t v = stack_.back();
      stack_.pop_back();
      for (auto [e, end] = boost::out_edges(v, next_); e != end; ++e) {
        std::uint32_t w = static_cast<std::uint32_t>(boost::target(*e, next_));
        ++steps_;
        if (stamp_[w] == round_) continue;
        stamp_[w] = round_;
        stack_.push_back(w);
        std::uint32_t task = g_.task_of(w);
        if (task == w && !g_.is_summary(task)) sum += own[task];
      }
    }
    return sum;
  }

 private:
  const task_graph& g_;
  task_graph::graph_type next_;  // successors
  std::vector<std::uint32_t> stamp_;
  std::vector<std::uint32_t> stack_;
  std::uint32_t round_ = 0;
  std::size_t steps_ = 0;
};

std::string points_text(centi v) {
  return format_centi(v) + "分";
}

std::string reason_of(const priority& pr, const scheduled_task& st) {
  std::vector<std::string> parts;
  if (pr.light == light::red) {
    if (st.total_float && *st.total_float < 0)
      parts.push_back("红灯：预计拖期" + std::to_string(-*st.total_float) + "个工作日");
    else
      parts.push_back("红灯：已过时限");
  }
  if (pr.critical) parts.push_back("关键路径");
  if (pr.own > 0) parts.push_back("直接保障" + points_text(pr.own));
  if (pr.downstream > 0) parts.push_back("后续任务依赖" + points_text(pr.downstream));
  if (pr.own <= 0 && pr.downstream <= 0) parts.push_back("不直接影响得分");
  parts.push_back("剩余" + std::to_string(pr.remaining) + "个工作日");
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "；") + p;
  return out;
}

int group_of(const priority& p) {
  if (p.light == light::red) return 0;
  return p.critical ? 1 : 2;
}

bool ranks_before(const priority& a, const priority& b) {
  if (group_of(a) != group_of(b)) return group_of(a) < group_of(b);
  // rate a > rate b, compared exactly: secured_a × days_b > secured_b × days_a
  wide_int ra =
      static_cast<wide_int>(a.own + a.downstream) * std::max<std::int64_t>(1, b.remaining);
  wide_int rb =
      static_cast<wide_int>(b.own + b.downstream) * std::max<std::int64_t>(1, a.remaining);
  if (ra != rb) return ra > rb;
  if (a.latest_start != b.latest_start) return a.latest_start < b.latest_start;
  return id_less{}(a.task, b.task);
}

}  // namespace

void fill_priorities(const plan& p, const task_graph& graph, const compiled_rubric& rubric,
                     const schedule& s, const std::vector<const task*>& tasks,
                     readiness_forecast& out) {
  std::vector<centi> own = own_points(p, rubric, s, tasks);
  downstream_walk walk(graph);
  for (std::size_t t = 0; t < s.tasks.size(); ++t) {
    const scheduled_task& st = s.tasks[t];
    if (!is_open_leaf(st)) continue;
    priority pr;
    pr.task = st.id;
    pr.title = st.title;
    pr.lead = st.lead;
    pr.light = st.light;
    pr.critical = st.critical;
    pr.own = own[t];
    pr.downstream = walk.from(t, own).value_or(0);
    pr.remaining = st.remaining;
    pr.latest_start = st.ls;
    pr.finish = st.ef;
    pr.reason = reason_of(pr, st);
    out.priorities.push_back(std::move(pr));
  }
  std::sort(out.priorities.begin(), out.priorities.end(), ranks_before);
}

}  // namespace readiness::detail
