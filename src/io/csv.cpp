// The CSV reader and writer, and the encoding detection in front of the reader.
#include "io/csv.hpp"

#include <iconv.h>

#include <cerrno>
#include <memory>

#include "io/text_place.hpp"
#include "readiness/error.hpp"

namespace readiness::io {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

std::string place(const std::string& name, std::string_view text, std::size_t offset) {
  return name + ":" + detail::line_column(text, offset);
}

std::size_t line_of(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') ++line;
  return line;
}

std::string gb18030_to_utf8(std::string_view bytes, const std::string& name) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1))
    throw error(errc::internal, name, "this system cannot convert GB18030 text");
  std::unique_ptr<void, int (*)(iconv_t)> guard(cd, iconv_close);
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  std::size_t done = 0;
  while (in_left > 0) {
    char* dst = out.data() + done;
    std::size_t dst_left = out.size() - done;
    std::size_t r = iconv(cd, &in, &in_left, &dst, &dst_left);
    done = out.size() - dst_left;
    if (r != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    std::size_t offset = bytes.size() - in_left;
    throw error(errc::parse, name + ":line " + std::to_string(line_of(bytes, offset)),
                "neither UTF-8 nor GBK/GB18030 text (byte " + std::to_string(offset + 1) + ")");
  }
  out.resize(done);
  return out;
}

}  // namespace

const char* text_encoding_name(text_encoding e) noexcept {
  switch (e) {
    case text_encoding::utf8:
      return "UTF-8";
    case text_encoding::utf8_bom:
      return "UTF-8 (BOM)";
    case text_encoding::gb18030:
      return "GB18030";
  }
  return "?";
}

std::string decode_text(std::string_view bytes, const std::string& name, text_encoding* found) {
  text_encoding e = text_encoding::utf8;
  std::string text;
  if (bytes.substr(0, utf8_bom.size()) == utf8_bom) {
    bytes.remove_prefix(utf8_bom.size());
    if (auto bad = detail::invalid_utf8_offset(bytes); bad != std::string_view::npos)
      throw error(errc::parse, place(name, bytes, bad),
                  "invalid UTF-8 after a UTF-8 byte-order mark");
    e = text_encoding::utf8_bom;
    text.assign(bytes);
  } else if (detail::invalid_utf8_offset(bytes) == std::string_view::npos) {
    text.assign(bytes);
  } else {
    e = text_encoding::gb18030;
    text = gb18030_to_utf8(bytes, name);
  }
  if (found) *found = e;
  return text;
}

std::vector<csv_row> parse_csv(std::string_view text, const std::string& name) {
  std::vector<csv_row> rows;
  csv_row row;
  std::string cell;
  std::size_t line = 1;
  row.line = 1;
  bool quoted = false, after_quote = false, any = false;
  std::size_t quote_start = 0;
  auto end_cell = [&] {
    row.cells.push_back(std::move(cell));
    cell.clear();
    after_quote = false;
  };
  auto end_row = [&] {
    end_cell();
    bool blank = true;
    for (const auto& c : row.cells)
      if (c.find_first_not_of(" \t") != std::string::npos) blank = false;
    if (!blank) rows.push_back(std::move(row));
    row = csv_row{};
    any = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
          after_quote = true;
        }
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    if (c == ',') {
      end_cell();
      any = true;
    } else if (c == '\r' || c == '\n') {
      // CRLF, LF, or a lone CR (old Mac line ends) all end the row
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      ++line;
      row.line = line;
    } else if (after_quote) {
      throw error(errc::parse, place(name, text, i),
                  "text after the closing quote of a quoted field");
    } else if (c == '"' && cell.find_first_not_of(" \t") == std::string::npos) {
      cell.clear();
      quoted = true;
      quote_start = i;
    } else {
      cell += c;
      any = true;
    }
  }
  if (quoted)
    throw error(errc::parse, place(name, text, quote_start),
                "a quoted field is never closed (missing '\"')");
  if (any || !cell.empty() || !row.cells.empty() || after_quote) end_row();
  return rows;
}

void append_csv_field(std::string& out, std::string_view field) {
  bool quote = field.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!quote) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string write_csv(const std::vector<std::vector<std::string>>& rows, bool bom) {
  std::string out;
  if (bom) out += utf8_bom;
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      append_csv_field(out, row[i]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace readiness::io
