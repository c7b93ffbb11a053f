#include <catch2/catch.hpp>

#include "io/csv.hpp"
#include "readiness/error.hpp"

using namespace readiness;
using namespace readiness::io;

TEST_CASE("csv: quoted fields keep commas, doubled quotes and line breaks", "[csv]") {
  auto rows = parse_csv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",x,\r\n", "t.csv");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].cells == std::vector<std::string>{"a", "b,c", "say \"hi\""});
  CHECK(rows[0].line == 1);
  CHECK(rows[1].cells == std::vector<std::string>{"two\r\nlines", "x", ""});
  CHECK(rows[1].line == 2);
}

TEST_CASE("csv: rows after a multi-line cell know their line", "[csv]") {
  auto rows = parse_csv("h1,h2\n\"a\nb\nc\",1\nlast,2", "t.csv");
  REQUIRE(rows.size() == 3);
  CHECK(rows[2].line == 5);
  CHECK(rows[2].cells == std::vector<std::string>{"last", "2"});
}

TEST_CASE("csv: blank rows are dropped, lone CR ends a row", "[csv]") {
  auto rows = parse_csv("a,b\r\n,,\r\n\r\nc,d\re,f", "t.csv");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].cells[0] == "c");
  CHECK(rows[2].cells[1] == "f");
}

TEST_CASE("csv: an unterminated quote names line and column", "[csv]") {
  try {
    parse_csv("a,b\nc,\"open\n", "t.csv");
    FAIL("no error");
  } catch (const error& e) {
    CHECK(e.code() == errc::parse);
    CHECK(std::string(e.what()).find("t.csv:line 2, column 3") != std::string::npos);
  }
}

TEST_CASE("csv: text after a closing quote is an error", "[csv]") {
  CHECK_THROWS_AS(parse_csv("\"a\"b,c\n", "t.csv"), error);
}

TEST_CASE("csv: the writer quotes what needs it and round-trips", "[csv]") {
  std::vector<std::vector<std::string>> rows = {{"考评项目", "a,b", "say \"x\""},
                                                {"two\nlines", "", " pad"}};
  std::string text = write_csv(rows, true);
  CHECK(text.substr(0, 3) == "\xEF\xBB\xBF");
  CHECK(text.find("\r\n") != std::string::npos);
  text_encoding found;
  auto back = parse_csv(decode_text(text, "t.csv", &found), "t.csv");
  CHECK(found == text_encoding::utf8_bom);
  REQUIRE(back.size() == 2);
  CHECK(back[0].cells == rows[0]);
  CHECK(back[1].cells == rows[1]);
}

TEST_CASE("encoding: UTF-8 with and without BOM, GBK converted", "[csv]") {
  text_encoding found;
  CHECK(decode_text("序号", "t", &found) == "序号");
  CHECK(found == text_encoding::utf8);
  CHECK(decode_text("\xEF\xBB\xBF序号", "t", &found) == "序号");
  CHECK(found == text_encoding::utf8_bom);
  // 序号 in GBK
  CHECK(decode_text("\xD0\xF2\xBA\xC5", "t", &found) == "序号");
  CHECK(found == text_encoding::gb18030);
}

TEST_CASE("encoding: bytes that are neither UTF-8 nor GB18030 are located", "[csv]") {
  try {
    decode_text("ok\nbad \x81\x20", "t.csv", nullptr);
    FAIL("no error");
  } catch (const error& e) {
    CHECK(e.code() == errc::parse);
    CHECK(std::string(e.what()).find("t.csv:line 2") != std::string::npos);
  }
}
