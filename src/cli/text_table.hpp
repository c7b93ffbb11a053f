// Plain-text tables for the terminal that line up when cells hold Chinese: widths are counted in
// display columns (East Asian wide and fullwidth characters take two, combining marks none).
#ifndef READINESS_CLI_TEXT_TABLE_HPP
#define READINESS_CLI_TEXT_TABLE_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace readiness::cli {

// Columns a terminal gives one code point: 0 for combining marks, zero-width characters and
// controls; 2 for East Asian Wide and Fullwidth characters (CJK, Hangul, kana, fullwidth forms,
// CJK punctuation, wide emoji); 1 otherwise.
int codepoint_width(char32_t cp) noexcept;

// Columns a terminal gives UTF-8 text. A byte that does not start a valid sequence counts as one
// column, so broken text still lines up somewhere near.
std::size_t display_width(std::string_view utf8) noexcept;

// The longest prefix of `utf8` (whole code points) that fits in `width` columns; when it had to
// cut, the last column is an ellipsis ("…").
std::string truncate_to_width(std::string_view utf8, std::size_t width);

enum class align { left, right };

// `text` padded with spaces to `width` columns (text wider than that is returned unchanged).
std::string pad_to_width(std::string_view text, std::size_t width, align how);

// A table: a header row, a rule under it, then the rows. Columns are separated by two spaces;
// trailing spaces are trimmed from every line.
//
//   text_table t({{"序号", align::left}, {"得分", align::right}});
//   t.add_row({"1.1", "1.5"});
//   std::cout << t.render();
class text_table {
 public:
  struct column {
    std::string header;
    align how = align::left;
    std::size_t max_width = 0;  // 0: no limit; wider cells are cut with "…"
  };

  explicit text_table(std::vector<column> columns);

  // A row with fewer cells than columns is padded with empty cells; extra cells are an error
  // (std::invalid_argument), since they would silently vanish.
  void add_row(std::vector<std::string> cells);

  std::size_t rows() const { return rows_.size(); }

  // The whole table, each line ending in '\n'. `indent` spaces precede every line.
  std::string render(std::size_t indent = 0) const;

 private:
  std::vector<column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace readiness::cli

#endif
