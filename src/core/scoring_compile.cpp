// compile_rubric: index a rubric once so that scoring an assessment is a linear pass.
#include <algorithm>
#include <numeric>

#include "core/scoring_internal.hpp"
#include "readiness/error.hpp"

namespace readiness {
namespace {

using detail::compiled_data;
using detail::compiled_item;
using detail::section;

std::string pointer(std::string_view base, std::size_t index) {
  return std::string(base) + "/" + std::to_string(index);
}

[[noreturn]] void fail(const std::string& where, const std::string& message) {
  throw error(errc::validation, where, message);
}

bool known_grade(const rubric& r, const std::string& label) {
  return std::any_of(r.grades.begin(), r.grades.end(),
                     [&](const grade& g) { return g.label == label; });
}

void check_sanction(const rubric& r, const sanction& s, const std::string& where) {
  if (s.what == sanction::kind::cap_grade && !known_grade(r, s.grade))
    fail(where + "/effect", "cap_grade names unknown grade \"" + s.grade + "\"");
}

// The sites a `sites` item is scored over: every site of its type, and every listed id.
std::vector<std::uint32_t> scope_of(const compiled_data& d, const rule& ru,
                                    const std::vector<site>& sites) {
  std::vector<std::uint32_t> scope;
  if (!ru.site_type.empty())
    for (std::size_t s = 0; s < sites.size(); ++s)
      if (sites[s].type == ru.site_type) scope.push_back(d.site_index.at(sites[s].id));
  for (const auto& id : ru.sites) scope.push_back(d.site_index.at(id));
  std::sort(scope.begin(), scope.end());
  scope.erase(std::unique(scope.begin(), scope.end()), scope.end());
  return scope;
}

void add_item(compiled_data& d, const item& it, section where, std::uint32_t category,
              const std::string& at, const std::vector<site>& sites) {
  bool is_penalty = it.scoring.kind == rule_kind::penalty;
  if (is_penalty != (where == section::penalty))
    fail(at + "/rule/kind", is_penalty ? "a penalty rule belongs in rubric.penalties"
                                       : "items in rubric.penalties must have rule kind penalty");
  auto index = static_cast<std::uint32_t>(d.items.size());
  if (!d.item_index.emplace(std::string_view(it.id), index).second)
    fail(at + "/id", "duplicate item id \"" + it.id + "\"");
  compiled_item ci;
  ci.source = &it;
  ci.where = where;
  ci.category = category;
  if (it.evidence && !is_penalty)
    for (const auto& kind : it.evidence->required_kinds)
      if (std::find(ci.required.begin(), ci.required.end(), kind) == ci.required.end())
        ci.required.push_back(kind);
  if (ci.required.size() > 64)
    throw error(errc::limit, at + "/evidence/requires", "more than 64 required evidence kinds");
  ci.required_mask =
      ci.required.size() == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << ci.required.size()) - 1;
  if (it.scoring.kind == rule_kind::sites) ci.scope = scope_of(d, it.scoring, sites);
  d.items.push_back(std::move(ci));
}

void index_sites(compiled_data& d, const std::vector<site>& sites) {
  for (const auto& s : sites) d.site_ids.push_back(s.id);
  // Ids listed by an item but missing from the plan (validation reports them) still count as
  // sites in scope: with no check recorded they are non-compliant.
  auto listed = [&](const std::vector<item>& items) {
    for (const auto& it : items)
      for (const auto& id : it.scoring.sites) d.site_ids.push_back(id);
  };
  for (const auto& c : d.source.categories) listed(c.items);
  if (d.source.bonus) listed(d.source.bonus->items);
  // site_ids is complete: views into it stay valid from here on.
  for (const auto& id : d.site_ids)
    d.site_index.emplace(std::string_view(id), static_cast<std::uint32_t>(d.site_index.size()));
}

template <typename T, typename Name>
std::vector<std::uint32_t> id_order_of(const std::vector<T>& list, Name name) {
  std::vector<std::uint32_t> order(list.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return id_less{}(name(list[a]), name(list[b]));
  });
  return order;
}

}  // namespace

compiled_rubric::compiled_rubric() : data_(std::make_shared<compiled_data>()) {}

const rubric& compiled_rubric::source() const {
  return data_->source;
}
std::size_t compiled_rubric::item_count() const {
  return data_->items.size();
}
centi compiled_rubric::max() const {
  return data_->max;
}

std::optional<std::size_t> compiled_rubric::find_item(std::string_view id) const {
  auto it = data_->item_index.find(id);
  if (it == data_->item_index.end()) return std::nullopt;
  return it->second;
}

compiled_rubric compile_rubric(const rubric& r, const std::vector<site>& sites) {
  auto d = std::make_shared<compiled_data>();
  d->source = r;
  const rubric& src = d->source;
  index_sites(*d, sites);

  centi category_sum = 0;
  bool all_weighted = !src.categories.empty();
  for (std::size_t c = 0; c < src.categories.size(); ++c) {
    const auto& cat = src.categories[c];
    std::string at = pointer("/rubric/categories", c);
    detail::compiled_category cc;
    cc.first = static_cast<std::uint32_t>(d->items.size());
    for (std::size_t i = 0; i < cat.items.size(); ++i)
      add_item(*d, cat.items[i], section::regular, static_cast<std::uint32_t>(c),
               pointer(at + "/items", i), sites);
    cc.last = static_cast<std::uint32_t>(d->items.size());
    d->categories.push_back(cc);
    category_sum += cat.points;
    all_weighted = all_weighted && cat.weight.has_value();
  }
  if (src.bonus)
    for (std::size_t i = 0; i < src.bonus->items.size(); ++i)
      add_item(*d, src.bonus->items[i], section::bonus, 0, pointer("/rubric/bonus/items", i),
               sites);
  if (src.penalties)
    for (std::size_t i = 0; i < src.penalties->items.size(); ++i)
      add_item(*d, src.penalties->items[i], section::penalty, 0,
               pointer("/rubric/penalties/items", i), sites);

  for (std::size_t v = 0; v < src.vetoes.size(); ++v)
    check_sanction(src, src.vetoes[v].effect, pointer("/rubric/vetoes", v));
  for (std::size_t g = 0; g < src.gates.size(); ++g) {
    const auto& gt = src.gates[g];
    std::string at = pointer("/rubric/gates", g);
    check_sanction(src, gt.effect, at);
    auto cat = std::find_if(src.categories.begin(), src.categories.end(),
                            [&](const category& c) { return c.id == gt.category; });
    if (cat == src.categories.end())
      fail(at + "/category", "gate on unknown category \"" + gt.category + "\"");
    d->gate_category.push_back(static_cast<std::int32_t>(cat - src.categories.begin()));
  }
  d->veto_order = id_order_of(src.vetoes, [](const veto& v) -> std::string_view { return v.id; });
  d->gate_order =
      id_order_of(src.gates, [](const gate& g) -> std::string_view { return g.name(); });
  d->max = src.total.value_or(category_sum);
  d->weighted = all_weighted;

  compiled_rubric out;
  out.data_ = std::move(d);
  return out;
}

}  // namespace readiness
