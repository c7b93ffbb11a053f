// Ids that are one prefix and a running number, in order: "T01", "T02", … "T70" (zero-padded
// to one width; "T100" after "T99") or "T1", "T2", … "T10" (no padding). Task tables number
// their rows so (序号), and a plan numbered so finds the task a link names by reading the number
// from the link: no table, no hashing, no comparing. Private to the core.
#ifndef READINESS_CORE_RUNNING_IDS_HPP
#define READINESS_CORE_RUNNING_IDS_HPP

#include <cstdint>
#include <string_view>

#include "core/id_hash.hpp"

namespace readiness::detail {

class running_ids {
 public:
  static constexpr std::uint32_t none = 0xffffffffu;

  // Takes the next task's id: true when it carries on the numbering (the first id sets the
  // prefix, the first number and the width), false when it does not, and the numbering ends
  // there. The prefix is read from the first id where it is: that id must outlive this.
  bool extend(std::string_view id) {
    if (count_ == 0) return start(id);
    if (!spells(id, count_)) return false;
    ++count_;
    return true;
  }

  // How many ids carried on the numbering.
  std::uint32_t count() const { return count_; }

  // The position (0 for the first id) of the id that is exactly these bytes, none when no id
  // taken is. Each number has one spelling for a prefix and width, so a link that reads as the
  // number of a task taken names that task.
  std::uint32_t index_of(std::string_view id) const { return index_below(id, count_); }

  // The same for ids not all taken yet: the position the id spells in the numbering the first
  // id started, when below `bound`; it names a task only once the id at that position is checked
  // (spells()).
  std::uint32_t index_below(std::string_view id, std::uint32_t bound) const {
    std::uint64_t number = 0;
    if (count_ == 0 || !read(id, number) || number < first_ || number - first_ >= bound)
      return none;
    return static_cast<std::uint32_t>(number - first_);
  }

  // Whether the id is the one at this position of the numbering the first id started.
  bool spells(std::string_view id, std::uint32_t position) const {
    std::uint64_t number = 0;
    return count_ != 0 && read(id, number) && number == first_ + position;
  }

 private:
  // Up to 18 digits, so a number fits a word with room for the count.
  static constexpr std::size_t most_digits = 18;

  bool start(std::string_view id) {
    std::size_t digits = 0;
    while (digits < id.size() && is_digit(id[id.size() - 1 - digits])) ++digits;
    if (digits == 0 || digits > most_digits) return false;
    prefix_ = id.substr(0, id.size() - digits);
    width_ = id[prefix_.size()] == '0' ? digits : 1;
    if (!read(id, first_)) return false;
    count_ = 1;
    return true;
  }

  // The number an id spells in this prefix and width: the prefix, then the number's digits,
  // zero-padded to the width and no further.
  bool read(std::string_view id, std::uint64_t& number) const {
    const std::size_t p = prefix_.size();
    if (id.size() <= p || id.size() - p < width_ || id.size() - p > most_digits) return false;
    if (!same_bytes(id.data(), prefix_.data(), p)) return false;
    if (id.size() - p > width_ && id[p] == '0') return false;  // padded beyond the width
    const std::size_t digits = id.size() - p;
    if (digits >= 4 && digits <= 8) return read_word(id.data() + p, digits, number);
    std::uint64_t value = 0;
    for (std::size_t k = p; k < id.size(); ++k) {
      if (!is_digit(id[k])) return false;
      value = value * 10 + static_cast<std::uint64_t>(id[k] - '0');
    }
    number = value;
    return true;
  }

  // Four to eight digits at once, as one word (the loads of same_bytes, nothing read beyond
  // them): '0's in front make eight, each byte is checked to be a digit, then pairs, fours and
  // eights of digits are summed in place (the swar parse of simdjson and fast_float).
  static bool read_word(const char* d, std::size_t digits, std::uint64_t& number) {
    const unsigned fill = 8 * static_cast<unsigned>(8 - digits);
    std::uint64_t word = (load4(d) | load4(d + digits - 4) << (8 * (digits - 4))) << fill;
    word |= fill == 0 ? 0 : 0x3030303030303030ull & ~(~std::uint64_t{0} << fill);
    // A byte is a digit when its high half is 3, and still 3 once 6 is added.
    const std::uint64_t high = 0xf0f0f0f0f0f0f0f0ull;
    if (((word & high) | ((word + 0x0606060606060606ull) & high) >> 4) != 0x3333333333333333ull)
      return false;
    const std::uint64_t values = word - 0x3030303030303030ull;
    std::uint64_t x = (values * 10 + (values >> 8)) & 0x00ff00ff00ff00ffull;
    x = (x * 100 + (x >> 16)) & 0x0000ffff0000ffffull;
    number = (x * 10000 + (x >> 32)) & 0xffffffffull;
    return true;
  }

  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  std::string_view prefix_;  // into the first id, which the plan keeps
  std::size_t width_ = 1;
  std::uint64_t first_ = 0;
  std::uint32_t count_ = 0;
};

}  // namespace readiness::detail

#endif
