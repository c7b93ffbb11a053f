#include "readiness/id_order.hpp"

#include <algorithm>

namespace readiness {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

int compare_ids(std::string_view a, std::string_view b) noexcept {
  // The bytes both ids share compare equal whatever they hold, so the comparison begins where
  // they part (ids in a plan mostly differ in their last digits: "T1233", "T1234").
  const std::size_t shared = std::min(a.size(), b.size());
  std::size_t i = 0;
  while (i < shared && a[i] == b[i]) ++i;
  std::size_t run = i;  // the start of the run of digits the parting byte belongs to
  bool leading_zeros_only = true;
  while (run > 0 && is_digit(a[run - 1])) leading_zeros_only &= a[--run] == '0';
  if (i < shared) {
    auto ca = static_cast<unsigned char>(a[i]), cb = static_cast<unsigned char>(b[i]);
    bool da = is_digit(a[i]), db = is_digit(b[i]);
    // Two other bytes: any run before them ended at the same place with the same digits.
    if (!da && !db) return ca < cb ? -1 : 1;
    // Two digits, with as many leading zeros on both sides: the longer run is the greater
    // number; runs as long part at their first different digit.
    if (da && db && (!leading_zeros_only || (ca != '0' && cb != '0'))) {
      std::size_t ea = i, eb = i;
      while (ea < a.size() && is_digit(a[ea])) ++ea;
      while (eb < b.size() && is_digit(b[eb])) ++eb;
      if (ea != eb) return ea < eb ? -1 : 1;
      return ca < cb ? -1 : 1;
    }
  }
  // Otherwise by value from the start of that run.
  i = run;
  std::size_t j = i;
  while (i < a.size() && j < b.size()) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      std::size_t si = i, sj = j;
      while (si < a.size() && a[si] == '0') ++si;
      while (sj < b.size() && b[sj] == '0') ++sj;
      std::size_t ei = si, ej = sj;
      while (ei < a.size() && is_digit(a[ei])) ++ei;
      while (ej < b.size() && is_digit(b[ej])) ++ej;
      if (ei - si != ej - sj) return ei - si < ej - sj ? -1 : 1;
      for (std::size_t k = 0; k < ei - si; ++k)
        if (a[si + k] != b[sj + k]) return a[si + k] < b[sj + k] ? -1 : 1;
      i = ei;
      j = ej;
      continue;
    }
    auto ca = static_cast<unsigned char>(a[i]), cb = static_cast<unsigned char>(b[j]);
    if (ca != cb) return ca < cb ? -1 : 1;
    ++i;
    ++j;
  }
  if (i < a.size()) return 1;
  if (j < b.size()) return -1;
  // Equal by value ("T01" vs "T1"): fall back to plain bytes so the order is total.
  int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

}  // namespace readiness
