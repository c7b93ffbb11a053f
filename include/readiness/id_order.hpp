// The one order for ids in every output: natural order, so "1.2" comes before "1.10" and
// "T9" before "T10". Runs of digits compare by value, other bytes by value; ties by length.
#ifndef READINESS_ID_ORDER_HPP
#define READINESS_ID_ORDER_HPP

#include <string_view>

namespace readiness {

int compare_ids(std::string_view a, std::string_view b) noexcept;

struct id_less {
  bool operator()(std::string_view a, std::string_view b) const noexcept {
    return compare_ids(a, b) < 0;
  }
};

}  // namespace readiness

#endif
