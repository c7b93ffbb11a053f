// Places in a text document for parse errors: "line 3, column 14" from a byte offset, and where
// a text stops being valid UTF-8.
#ifndef READINESS_IO_TEXT_PLACE_HPP
#define READINESS_IO_TEXT_PLACE_HPP

#include <cstddef>
#include <string>
#include <string_view>

namespace readiness::io::detail {

// "line L, column C" (both from 1; columns count characters, not bytes) of the byte at `offset`.
std::string line_column(std::string_view text, std::size_t offset);

// The byte offset of the first invalid UTF-8 sequence, or npos when the text is valid UTF-8
// (no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t invalid_utf8_offset(std::string_view text);

}  // namespace readiness::io::detail

#endif
