// The JavaScript string semantics badge-maker relies on, over UTF-8: String.prototype.trim,
// toUpperCase, length in UTF-16 code units. The Unicode tables come from the Node.js the
// equivalence test runs (tools/badges/gen-tables.mjs), so both agree on every code point.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/utf8.h"

namespace badgesmith::badges {

using ::badgesmith::is_valid_utf8;

// JS trim(): strips leading and trailing WhiteSpace and LineTerminator code points (including
// U+FEFF and U+00A0). REQUIRES: valid UTF-8.
std::string_view js_trim(std::string_view utf8) noexcept;

// JS toUpperCase(): full Unicode upper-casing ("ß" → "SS"). REQUIRES: valid UTF-8.
std::string js_to_upper(std::string_view utf8);

// JS .length: UTF-16 code units (astral code points count 2). REQUIRES: valid UTF-8.
std::size_t utf16_length(std::string_view utf8) noexcept;

// Decodes the code point at `utf8[*pos]` and advances *pos past it. REQUIRES: valid UTF-8 and
// *pos < utf8.size(). Inline: it sits in the per-character loops of width, casing and trimming.
inline char32_t next_code_point(std::string_view utf8, std::size_t* pos) noexcept {
  const std::size_t i = *pos;
  const auto byte = [utf8](std::size_t k) { return static_cast<unsigned char>(utf8[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) {
    *pos = i + 1;
    return lead;
  }
  if (lead < 0xE0) {
    *pos = i + 2;
    return (char32_t{lead & 0x1Fu} << 6) | (byte(i + 1) & 0x3Fu);
  }
  if (lead < 0xF0) {
    *pos = i + 3;
    return (char32_t{lead & 0x0Fu} << 12) | (char32_t{byte(i + 1) & 0x3Fu} << 6) |
           (byte(i + 2) & 0x3Fu);
  }
  *pos = i + 4;
  return (char32_t{lead & 0x07u} << 18) | (char32_t{byte(i + 1) & 0x3Fu} << 12) |
         (char32_t{byte(i + 2) & 0x3Fu} << 6) | (byte(i + 3) & 0x3Fu);
}
void append_utf8(std::string& out, char32_t code_point);

}  // namespace badgesmith::badges
