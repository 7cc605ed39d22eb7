// The JavaScript string semantics badge-maker relies on, over UTF-8: String.prototype.trim,
// toUpperCase, length in UTF-16 code units. The Unicode tables come from the Node.js the
// equivalence test runs (tools/badges/gen-tables.mjs), so both agree on every code point.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace badgesmith::badges {

bool is_valid_utf8(std::string_view text) noexcept;

// JS trim(): strips leading and trailing WhiteSpace and LineTerminator code points (including
// U+FEFF and U+00A0). REQUIRES: valid UTF-8.
std::string_view js_trim(std::string_view utf8) noexcept;

// JS toUpperCase(): full Unicode upper-casing ("ß" → "SS"). REQUIRES: valid UTF-8.
std::string js_to_upper(std::string_view utf8);

// JS .length: UTF-16 code units (astral code points count 2). REQUIRES: valid UTF-8.
std::size_t utf16_length(std::string_view utf8) noexcept;

// Decodes the code point at `utf8[*pos]` and advances *pos past it. REQUIRES: valid UTF-8 and
// *pos < utf8.size().
char32_t next_code_point(std::string_view utf8, std::size_t* pos) noexcept;
void append_utf8(std::string& out, char32_t code_point);

}  // namespace badgesmith::badges
