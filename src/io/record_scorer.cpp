#include "io/record_scorer.hpp"

#include <boost/json/monotonic_resource.hpp>

#include "core/scoring_internal.hpp"
#include "readiness/limits.hpp"

namespace readiness::io {
namespace {

namespace json = boost::json;

// Values are converted by the full reader's own conversions (detail::reading), so their rules
// live in one place; the place names they would carry are never shown (a problem means fallback).
const std::string nowhere;

}  // namespace

record_scorer::record_scorer(const compiled_rubric& rubric)
    : rubric_(rubric),
      buffer_size_(64 << 10),
      buffer_(new unsigned char[buffer_size_]),
      slots_(rubric.item_count() + 1),
      spare_(rubric.item_count() + 1),
      inputs_(rubric.item_count(), nullptr),
      sink_(1),
      reading_{sink_} {}

void record_scorer::clear() {
  for (std::uint32_t i : touched_) {
    item_input& in = slots_[i];  // emptied member by member: no allocation, no copy
    in.met.reset();
    if (in.met_conditions) {
      spare_[i] = std::move(*in.met_conditions);  // its buffer serves the next record
      in.met_conditions.reset();
    }
    in.count.reset();
    in.deficiencies.reset();
    in.level.reset();
    in.value.reset();
    in.hits.reset();
    in.of.reset();
    in.note.clear();
    in.ext.clear();
    if (i < inputs_.size()) inputs_[i] = nullptr;
  }
  touched_.clear();
  rest_.vetoes.clear();
  rest_.site_checks.clear();
}

bool record_scorer::score(std::string_view line, const std::vector<evidence_entry>& evidence,
                          std::optional<centi> target, std::string& id, score_total& total) {
  if (line.size() > limits::max_record_bytes) return false;
  clear();
  sink_ = detail::diagnostics_sink(1);
  json::monotonic_resource memory(buffer_.get(), buffer_size_);
  parser_.reset(json::storage_ptr(&memory));
  boost::system::error_code ec;
  parser_.write(line.data(), line.size(), ec);
  if (ec) {
    parser_.reset();  // lets go of `memory` before it goes
    return false;
  }
  json::value doc = parser_.release();
  parser_.reset();
  const json::object* o = doc.if_object();
  if (!o || !read_record(*o, id) || !sink_.empty()) return false;
  total = score_totals(rubric_, inputs_.data(), rest_, evidence, target);
  return true;
}

bool record_scorer::read_record(const json::object& o, std::string& id) {
  bool has_id = false;
  for (const auto& member : o) {
    std::string_view key = member.key();
    const json::value& v = member.value();
    if (key == "id") {
      auto text = reading_.id(v, nowhere);
      if (!text) return false;
      id = std::move(*text);
      has_id = true;
    } else if (key == "items") {
      if (!v.is_null() && !read_items(v)) return false;
    } else if (key == "as_of") {
      if (!v.is_null() && !reading_.day(v, nowhere)) return false;
    } else if (key == "vetoes") {
      if (!v.is_null() && !read_flags(v, rest_.vetoes)) return false;
    } else if (key == "sites") {
      if (v.is_null()) continue;
      const json::object* sites = v.if_object();  // the array form is a record's own sites
      if (!sites) return false;
      for (const auto& site : *sites)
        if (!read_flags(site.value(), rest_.site_checks[std::string(site.key())])) return false;
    } else {
      return false;  // evidence, site_list, "x-" members, unknown keys: the full reader's
    }
  }
  return has_id;
}

bool record_scorer::read_flags(const json::value& v, id_map<bool>& out) {
  const json::object* o = v.if_object();
  if (!o) return false;
  for (const auto& member : *o) {
    const bool* flag = member.value().if_bool();
    if (!flag) return false;
    out.emplace_hint(out.end(), std::string(member.key()), *flag);
  }
  return true;
}

bool record_scorer::read_items(const json::value& v) {
  const json::object* given = v.if_object();
  if (!given) return false;
  const auto unknown = static_cast<std::uint32_t>(inputs_.size());
  const auto& items = rubric_.data().items;
  std::uint32_t next = 0;
  for (const auto& member : *given) {
    const json::object* input = member.value().if_object();
    if (!input) return false;
    // Records usually list items in rubric order: try the item after the last one first.
    std::uint32_t slot = unknown;
    if (next < unknown && items[next].source->id == member.key()) {
      slot = next;
    } else if (auto index = rubric_.find_item(member.key())) {
      slot = static_cast<std::uint32_t>(*index);
    }
    next = slot + 1;
    touched_.push_back(slot);
    if (!read_input(*input, slots_[slot], spare_[slot])) return false;
    if (slot != unknown) inputs_[slot] = &slots_[slot];
  }
  return true;
}

bool record_scorer::read_input(const json::object& o, item_input& in,
                               std::vector<std::string>& spare) {
  for (const auto& member : o) {
    std::string_view key = member.key();
    const json::value& v = member.value();
    if (v.is_null()) {
      if (key.substr(0, 2) == "x-") return false;
      continue;  // a null member reads as absent
    }
    if (key == "met") {
      if (const bool* b = v.if_bool()) {
        in.met = *b;
      } else {
        const json::array* ids = v.if_array();
        if (!ids) return false;
        auto& list = in.met_conditions.emplace(std::move(spare));
        list.clear();
        for (const json::value& e : *ids) {
          auto id = reading_.id(e, nowhere);
          if (!id) return false;
          list.push_back(std::move(*id));
        }
      }
    } else if (key == "count") {
      if (!(in.count = reading_.whole(v, nowhere, false))) return false;
    } else if (key == "deficiencies") {
      if (!(in.deficiencies = reading_.whole(v, nowhere, false))) return false;
    } else if (key == "level") {
      if (!(in.level = reading_.text(v, nowhere))) return false;
    } else if (key == "value") {
      if (!(in.value = reading_.number(v, nowhere))) return false;
    } else if (key == "hits") {
      if (!(in.hits = reading_.whole(v, nowhere, false))) return false;
    } else if (key == "of") {
      if (!(in.of = reading_.whole(v, nowhere, false))) return false;
    } else if (key == "note") {
      auto text = reading_.text(v, nowhere);
      if (!text) return false;
      in.note = std::move(*text);
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace readiness::io
