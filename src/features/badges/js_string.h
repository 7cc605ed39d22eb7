// The JavaScript string semantics badge-maker relies on, over UTF-8: String.prototype.trim,
// toUpperCase, length in UTF-16 code units. The Unicode tables come from the Node.js the
// equivalence test runs (tools/badges/gen-tables.mjs), so both agree on every code point.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "features/badges/badge_text.h"

namespace badgesmith::badges {

using ::badgesmith::is_valid_utf8;

// JS trim(): strips leading and trailing WhiteSpace and LineTerminator code points (including
// U+FEFF and U+00A0). REQUIRES: valid UTF-8.
std::string_view js_trim(std::string_view utf8) noexcept;

// JS toUpperCase(): full Unicode upper-casing ("ß" → "SS"). REQUIRES: valid UTF-8.
std::string js_to_upper(std::string_view utf8);

// How much longer upper-casing can make a text: a mapped code point is at least 2 bytes (ASCII
// maps to ASCII) and becomes at most 3 code points of at most 4 bytes.
inline constexpr std::size_t kMaxUpperGrowth = 6;

// js_to_upper() written at `out`, which has room for kMaxUpperGrowth * utf8.size() bytes;
// returns the end. REQUIRES: valid UTF-8.
char* js_to_upper_into(char* out, std::string_view utf8) noexcept;
// The same, faster for ASCII; `out` needs 16 more bytes of room (what lies past the returned end
// is unspecified).
char* js_to_upper_into(char* out, PaddedView utf8) noexcept;

// JS .length: UTF-16 code units (astral code points count 2). REQUIRES: valid UTF-8.
std::size_t utf16_length(PaddedView utf8) noexcept;
std::size_t utf16_length(std::string_view utf8);  // Pads a copy.

namespace detail {

// Per lead byte, the length of its UTF-8 sequence (1 for continuation bytes, which valid text
// never has in lead position); per length, the lead byte's payload bits and the shift that drops
// the payload bytes a shorter sequence does not have.
inline constexpr auto kSequenceLength = [] {
  std::array<unsigned char, 256> lengths{};
  for (int byte = 0; byte < 256; ++byte) {
    lengths[byte] = byte < 0xC0 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
  }
  return lengths;
}();
inline constexpr unsigned kLeadPayload[5] = {0, 0x7F, 0x1F, 0x0F, 0x07};
inline constexpr unsigned kPayloadShift[5] = {0, 18, 12, 6, 0};

}  // namespace detail

// Decodes the code point at `utf8[*pos]` and advances *pos past it. REQUIRES: valid UTF-8 and
// *pos < utf8.size(). Inline and without a branch on the sequence length: it sits in the
// per-character loops of width and casing, where text mixing accents, CJK and emoji made a
// branchy decoder mispredict on most characters. Every sequence is read as four payload bytes
// (shorter ones repeat their last byte, so nothing past the sequence is read) and the surplus
// shifted out. Callers with much ASCII test for it first: this is slower than a predicted branch.
inline char32_t next_code_point(std::string_view utf8, std::size_t* pos) noexcept {
  const std::size_t i = *pos;
  const auto byte = [utf8](std::size_t k) -> char32_t {
    return static_cast<unsigned char>(utf8[k]);
  };
  const char32_t lead = byte(i);
  const std::size_t length = detail::kSequenceLength[lead];
  const std::size_t last = length - 1;
  const char32_t payload = ((lead & detail::kLeadPayload[length]) << 18) |
                           ((byte(i + std::min<std::size_t>(1, last)) & 0x3F) << 12) |
                           ((byte(i + std::min<std::size_t>(2, last)) & 0x3F) << 6) |
                           (byte(i + last) & 0x3F);
  *pos = i + length;
  return payload >> detail::kPayloadShift[length];
}
void append_utf8(std::string& out, char32_t code_point);

}  // namespace badgesmith::badges
