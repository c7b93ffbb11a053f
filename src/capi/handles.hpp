// The C handles' contents. Each result handle holds a flat, self-contained copy of what its
// accessors read (ids and numbers, no pointers into the plan), plus the engine's own result for the
// JSON document, so it stays valid after the plan is destroyed. Handles are immutable once made,
// which makes every accessor and *_to_json call read-only and safe to share across threads.
#ifndef READINESS_CAPI_HANDLES_HPP
#define READINESS_CAPI_HANDLES_HPP

#include <array>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "capi/guard.hpp"
#include "readiness/model.hpp"
#include "readiness/rank.hpp"
#include "readiness/readiness.h"
#include "readiness/scoring.hpp"

namespace readiness::capi {

constexpr std::int64_t no_value = RDY_NO_VALUE;

// Days since 1970-01-01 ↔ dates.
std::int32_t to_days(const date& d);
date from_days(std::int32_t days);  // throws error(invalid_argument) outside 1400…9999
std::int32_t to_days(const std::optional<date>& d);
std::string iso_text(std::int32_t days);  // "" for no_value

// Bounds-checked read of a vector: fallback when out of range.
template <typename T, typename V>
V at_or(const std::vector<T>* items, std::size_t index, V T::*member, V fallback) {
  if (items == nullptr || index >= items->size()) return fallback;
  return (*items)[index].*member;
}

constexpr int points_field_count = 7;  // RDY_POINTS_TOTAL … RDY_POINTS_GAP

// The numbers of a score's "total" object.
struct score_totals {
  std::array<std::int64_t, points_field_count> points{no_value, no_value, no_value, no_value,
                                                      no_value, no_value, no_value};
  std::string grade;
  int qualified = 0;
};

}  // namespace readiness::capi

namespace readiness::capi {

// The C handle types stay incomplete everywhere (also in the library's debug information, which
// libabigail compares): a handle points to one of these, reached through impl() and made by
// wrap(). Their layout is private and may change freely within an ABI version.
//
// Each starts with a magic number of its type, set when it is made and cleared when it is
// destroyed, so a handle of the wrong type, or one already destroyed whose memory still holds the
// cleared number, is refused (RDY_ERR_INVALID_ARGUMENT) instead of read. This is a best effort:
// reading a freed handle at all is undefined behaviour, and the allocator may reuse or overwrite
// the memory, so it catches the common mistakes, not every one.

template <std::uint32_t Tag>
struct handle_base {
  static constexpr std::uint32_t tag = Tag;
  std::uint32_t magic = Tag;
};

constexpr std::uint32_t retired_magic = 0;

// True for a non-NULL handle whose magic is its type's.
template <typename H>
bool is_live(const H* h) noexcept {
  return h != nullptr && h->magic == H::tag;
}

// Clears the magic (a volatile store, so the compiler cannot drop it as a write to a dying object).
template <typename H>
void retire_magic(H* h) noexcept {
  *static_cast<volatile std::uint32_t*>(&h->magic) = retired_magic;
}

// What a destroy function does: a live handle is retired and deleted; NULL, or a handle whose
// magic is not its type's (destroyed already, or another type), is left alone.
template <typename H>
void retire(H* h) noexcept {
  if (!is_live(h)) return;
  retire_magic(h);
  delete h;
}

struct plan_handle : handle_base<0x4e4c5052u> {  // "RPLN"
  explicit plan_handle(readiness::plan p) : value(std::move(p)) {}
  readiness::plan value;
};

struct score_handle : handle_base<0x4f435352u> {  // "RSCO"
  struct category_row {
    std::string id;
    std::int64_t points = 0, max = 0;
  };
  struct item_row {
    std::string id, category, rule, reason;
    std::int64_t points = 0, max = 0, lost = 0;
    int status = -1;
  };
  score_totals totals;
  std::int32_t as_of = RDY_NO_VALUE;
  std::vector<category_row> categories;
  std::vector<item_row> items;
  std::function<std::string()> render;  // the readiness-score/1 document
};

struct schedule_options_handle : handle_base<0x4f485352u> {  // "RSHO"
  std::int32_t status_date = RDY_NO_VALUE;
  bool levelling = false;
  std::int32_t warn_days = 3;
  double tolerance = 0.10;
};

struct schedule_handle : handle_base<0x48435352u> {  // "RSCH"
  struct task_row {
    std::string id;
    std::array<std::int32_t, 5> dates{RDY_NO_VALUE, RDY_NO_VALUE, RDY_NO_VALUE, RDY_NO_VALUE,
                                      RDY_NO_VALUE};
    std::array<std::string, 5> iso;  // "" when absent
    std::int32_t total_float = RDY_NO_VALUE, free_float = RDY_NO_VALUE, remaining = 0;
    int critical = 0, done = 0, summary = 0, light = -1;
  };
  std::int32_t as_of = RDY_NO_VALUE, ready_by = RDY_NO_VALUE, finish = RDY_NO_VALUE;
  int provisional = 0;
  std::vector<task_row> tasks;
  std::vector<std::string> driving_path;
  std::function<std::string()> render;  // the readiness-schedule/1 document
};

struct forecast_handle : handle_base<0x43524652u> {  // "RFRC"
  struct curve_point {
    std::int32_t date = RDY_NO_VALUE;
    std::int64_t points = 0;
  };
  struct risk_row {
    std::string task, item, unit;
    std::int64_t points = 0;
  };
  struct gap_row {
    std::string item;
    std::int64_t lost = 0;
  };
  std::int32_t ready_by = RDY_NO_VALUE;
  std::array<score_totals, 2> totals;  // now, on the day
  std::vector<curve_point> curve;
  std::vector<risk_row> at_risk;
  std::vector<gap_row> uncovered;
  std::function<std::string()> render;  // the readiness-forecast/1 document
};

struct risk_options_handle : handle_base<0x4f4b5352u> {  // "RSKO"
  std::optional<std::uint64_t> iterations;
  std::optional<std::uint64_t> seed;
  int threads = 0;
  rdy_progress_fn progress = nullptr;
  void* user_data = nullptr;
  std::int32_t status_date = RDY_NO_VALUE;
};

struct risk_handle : handle_base<0x4b495252u> {  // "RRIK"
  struct task_row {
    std::string id;
    double p_on_time = 0, criticality = 0, sensitivity = 0;
    std::array<std::int32_t, 3> finish{RDY_NO_VALUE, RDY_NO_VALUE, RDY_NO_VALUE};  // p50/80/95
  };
  std::uint64_t iterations = 0, seed = 0;
  std::array<std::int32_t, 3> finish{RDY_NO_VALUE, RDY_NO_VALUE, RDY_NO_VALUE};
  std::array<double, 5> score{0, 0, 0, 0, 0};  // RDY_RISK_MEAN … RDY_RISK_P_TARGET
  std::vector<task_row> tasks;
  std::function<std::string()> render;  // the readiness-risk/1 document
};

struct record_context;  // what a batch needs to score a record again (batch_record.hpp)

struct batch_handle : handle_base<0x48544252u> {  // "RBTH"
  struct record_row {
    std::string id;
    bool has_id = false;
    int status = RDY_OK;
    std::uint64_t line = 0;
    std::string error;
    std::string source;  // a good record's line: its document is made from it on first use
    score_total total;   // the engine's totals (ranking, JSON)
    score_totals totals;
  };
  // A good record's result document, made at most once, on first use (any thread).
  struct document {
    std::once_flag once;
    std::string text;
    bool made = false;
  };
  std::vector<record_row> records;
  std::size_t failed = 0;
  std::shared_ptr<const record_context> context;
  std::unique_ptr<document[]> documents;  // one per record
};

struct ranking_handle : handle_base<0x4b4e5252u> {  // "RRNK"
  readiness::ranking value;                         // rank order, as the engine ranked it
  std::vector<std::size_t> index;                   // rank position → batch record index
  std::vector<std::int64_t> place;   // batch record index → place; no_value for a bad record
  std::vector<score_totals> totals;  // rank position → flat totals
};

inline plan_handle* impl(rdy_plan* h) {
  return reinterpret_cast<plan_handle*>(h);
}
inline const plan_handle* impl(const rdy_plan* h) {
  return reinterpret_cast<const plan_handle*>(h);
}
inline rdy_plan* wrap(plan_handle* h) {
  return reinterpret_cast<rdy_plan*>(h);
}
inline score_handle* impl(rdy_score* h) {
  return reinterpret_cast<score_handle*>(h);
}
inline const score_handle* impl(const rdy_score* h) {
  return reinterpret_cast<const score_handle*>(h);
}
inline rdy_score* wrap(score_handle* h) {
  return reinterpret_cast<rdy_score*>(h);
}
inline schedule_options_handle* impl(rdy_schedule_options* h) {
  return reinterpret_cast<schedule_options_handle*>(h);
}
inline const schedule_options_handle* impl(const rdy_schedule_options* h) {
  return reinterpret_cast<const schedule_options_handle*>(h);
}
inline rdy_schedule_options* wrap(schedule_options_handle* h) {
  return reinterpret_cast<rdy_schedule_options*>(h);
}
inline schedule_handle* impl(rdy_schedule* h) {
  return reinterpret_cast<schedule_handle*>(h);
}
inline const schedule_handle* impl(const rdy_schedule* h) {
  return reinterpret_cast<const schedule_handle*>(h);
}
inline rdy_schedule* wrap(schedule_handle* h) {
  return reinterpret_cast<rdy_schedule*>(h);
}
inline forecast_handle* impl(rdy_forecast* h) {
  return reinterpret_cast<forecast_handle*>(h);
}
inline const forecast_handle* impl(const rdy_forecast* h) {
  return reinterpret_cast<const forecast_handle*>(h);
}
inline rdy_forecast* wrap(forecast_handle* h) {
  return reinterpret_cast<rdy_forecast*>(h);
}
inline risk_options_handle* impl(rdy_risk_options* h) {
  return reinterpret_cast<risk_options_handle*>(h);
}
inline const risk_options_handle* impl(const rdy_risk_options* h) {
  return reinterpret_cast<const risk_options_handle*>(h);
}
inline rdy_risk_options* wrap(risk_options_handle* h) {
  return reinterpret_cast<rdy_risk_options*>(h);
}
inline risk_handle* impl(rdy_risk* h) {
  return reinterpret_cast<risk_handle*>(h);
}
inline const risk_handle* impl(const rdy_risk* h) {
  return reinterpret_cast<const risk_handle*>(h);
}
inline rdy_risk* wrap(risk_handle* h) {
  return reinterpret_cast<rdy_risk*>(h);
}
inline batch_handle* impl(rdy_batch* h) {
  return reinterpret_cast<batch_handle*>(h);
}
inline const batch_handle* impl(const rdy_batch* h) {
  return reinterpret_cast<const batch_handle*>(h);
}
inline rdy_batch* wrap(batch_handle* h) {
  return reinterpret_cast<rdy_batch*>(h);
}
inline ranking_handle* impl(rdy_ranking* h) {
  return reinterpret_cast<ranking_handle*>(h);
}
inline const ranking_handle* impl(const rdy_ranking* h) {
  return reinterpret_cast<const ranking_handle*>(h);
}
inline rdy_ranking* wrap(ranking_handle* h) {
  return reinterpret_cast<rdy_ranking*>(h);
}

// live(h): a non-NULL handle of the right type, not destroyed (as far as its magic tells).
// Accessors answer their neutral value for a handle that is not live.
#define READINESS_CAPI_LIVE(type)                                              \
  inline bool live(const type* h) noexcept {                                   \
    return is_live(impl(h));                                                   \
  }                                                                            \
  inline void require(const type* h, const char* function, const char* name) { \
    require_live(h != nullptr, is_live(impl(h)), function, name, #type);       \
  }
READINESS_CAPI_LIVE(rdy_plan)
READINESS_CAPI_LIVE(rdy_score)
READINESS_CAPI_LIVE(rdy_schedule_options)
READINESS_CAPI_LIVE(rdy_schedule)
READINESS_CAPI_LIVE(rdy_forecast)
READINESS_CAPI_LIVE(rdy_risk_options)
READINESS_CAPI_LIVE(rdy_risk)
READINESS_CAPI_LIVE(rdy_batch)
READINESS_CAPI_LIVE(rdy_ranking)
#undef READINESS_CAPI_LIVE

}  // namespace readiness::capi

#endif
