#include <catch2/catch.hpp>

// The CLI's sources are not part of a library, so the one file under test is compiled in here.
#include "cli/text_table.cpp"

using readiness::cli::align;
using readiness::cli::display_width;
using readiness::cli::pad_to_width;
using readiness::cli::text_table;
using readiness::cli::truncate_to_width;

TEST_CASE("display width counts Chinese characters as two columns", "[text_table]") {
  CHECK(display_width("考评") == 4);
  CHECK(display_width("a考") == 3);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("") == 0);
  CHECK(display_width("（满分）") == 8);  // fullwidth parentheses
  CHECK(display_width("、。") == 4);      // CJK punctuation
  CHECK(display_width("한국") == 4);      // Hangul
  CHECK(display_width("ＡＢ") == 4);      // fullwidth Latin
  CHECK(display_width("ｱ") == 1);         // halfwidth katakana stays narrow
}

TEST_CASE("combining marks take no column", "[text_table]") {
  CHECK(display_width("e\xCC\x81") == 1);  // e + U+0301
  CHECK(readiness::cli::codepoint_width(0x0301) == 0);
  CHECK(readiness::cli::codepoint_width(0x200B) == 0);
  CHECK(readiness::cli::codepoint_width(0x4E00) == 2);
  CHECK(readiness::cli::codepoint_width(0x1F600) == 2);
  CHECK(readiness::cli::codepoint_width(U'A') == 1);
}

TEST_CASE("invalid UTF-8 bytes count one column each", "[text_table]") {
  CHECK(display_width("\xFF\xFE") == 2);
  CHECK(display_width("\xE8\x80") == 2);  // truncated three-byte sequence
}

TEST_CASE("padding aligns by display columns", "[text_table]") {
  CHECK(pad_to_width("考评", 6, align::left) == "考评  ");
  CHECK(pad_to_width("考评", 6, align::right) == "  考评");
  CHECK(pad_to_width("考评内容", 3, align::left) == "考评内容");
}

TEST_CASE("truncation never splits a wide character", "[text_table]") {
  CHECK(truncate_to_width("考评内容", 8) == "考评内容");
  CHECK(truncate_to_width("考评内容", 5) == "考评\u2026");
  CHECK(truncate_to_width("考评内容", 4) == "考\u2026");
  CHECK(truncate_to_width("abcdef", 4) == "abc\u2026");
  CHECK(display_width(truncate_to_width("a考评内容", 6)) <= 6);
}

TEST_CASE("a table lines up mixed Chinese and ASCII cells", "[text_table]") {
  text_table t({{"序号", align::left, 0}, {"考评内容", align::left, 0}, {"得分", align::right, 0}});
  t.add_row({"1.1", "双拥工作纳入规划", "1.5"});
  t.add_row({"1.10", "经费", "10"});
  std::string expected =
      "序号  考评内容          得分\n"
      "----  ----------------  ----\n"
      "1.1   双拥工作纳入规划   1.5\n"
      "1.10  经费                10\n";
  CHECK(t.render() == expected);
  CHECK(t.rows() == 2);
}

TEST_CASE("a table pads short rows and refuses long ones", "[text_table]") {
  text_table t({{"a", align::left, 0}, {"b", align::left, 0}});
  t.add_row({"x"});
  CHECK(t.render(2) == "  a  b\n  -  -\n  x\n");
  CHECK_THROWS_AS(t.add_row({"1", "2", "3"}), std::invalid_argument);
}

TEST_CASE("a column with a maximum width cuts long cells", "[text_table]") {
  text_table t({{"内容", align::left, 6}});
  t.add_row({"考评内容很长"});
  CHECK(t.render() == "内容\n-----\n考评\u2026\n");  // "考评…" is 5 columns
}
