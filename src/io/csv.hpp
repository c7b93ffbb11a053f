// CSV as spreadsheets write it (RFC 4180: quoted fields, doubled quotes, newlines inside quotes,
// CRLF or LF), in whatever encoding Excel saved it: UTF-8 with or without a byte-order mark, or
// GBK/GB18030 as Excel on a Chinese system does. One reader and one writer for every CSV.
#ifndef READINESS_IO_CSV_HPP
#define READINESS_IO_CSV_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace readiness::io {

enum class text_encoding { utf8, utf8_bom, gb18030 };
const char* text_encoding_name(text_encoding e) noexcept;  // "UTF-8", "UTF-8 (BOM)", "GB18030"

// Detects the encoding of raw bytes: a UTF-8 byte-order mark, else valid UTF-8, else GB18030 (a
// superset of GBK and GB2312). Returns the text as UTF-8 without the mark. errc::parse naming
// `name` and the line when the bytes are neither valid UTF-8 nor valid GB18030.
std::string decode_text(std::string_view bytes, const std::string& name, text_encoding* found);

struct csv_row {
  std::size_t line = 0;  // the line it starts on, from 1
  std::vector<std::string> cells;
};

// Parses UTF-8 CSV text. Rows whose cells are all blank are dropped. errc::parse naming
// "NAME:line L, column C" for an unterminated quote or text after a closing quote.
std::vector<csv_row> parse_csv(std::string_view text, const std::string& name);

// Appends one field, quoted when it holds a comma, quote, CR or LF (or leading/trailing space).
void append_csv_field(std::string& out, std::string_view field);

// Whole rows, CRLF line ends, with a UTF-8 byte-order mark first when `bom` (so Excel opens
// Chinese text right).
std::string write_csv(const std::vector<std::vector<std::string>>& rows, bool bom);

}  // namespace readiness::io

#endif
