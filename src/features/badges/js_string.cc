#include "features/badges/js_string.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "features/badges/generated/tables.h"

namespace badgesmith::badges {
namespace {

constexpr char32_t kReplacementCharacter = 0xFFFD;

constexpr unsigned char byte_at(std::string_view text, std::size_t i) noexcept {
  return static_cast<unsigned char>(text[i]);
}

constexpr bool is_continuation(unsigned char byte) noexcept { return (byte & 0xC0) == 0x80; }

bool is_trimmed(char32_t cp) noexcept {
  const char32_t* begin = generated::kTrimCodePoints;
  const char32_t* end = begin + generated::kTrimCodePointCount;
  return std::binary_search(begin, end, cp);
}

const generated::UpperMapping* find_upper(char32_t cp) noexcept {
  const generated::UpperMapping* begin = generated::kUpperMappings;
  const generated::UpperMapping* end = begin + generated::kUpperMappingCount;
  const auto* it = std::lower_bound(
      begin, end, cp,
      [](const generated::UpperMapping& m, char32_t value) { return m.from < value; });
  return it != end && it->from == cp ? it : nullptr;
}

}  // namespace

bool is_valid_utf8(std::string_view text) noexcept {
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const unsigned char lead = byte_at(text, i);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    // Per Unicode Table 3-7: the second byte's range is narrowed for E0 (no overlongs), ED (no
    // surrogates), F0 (no overlongs) and F4 (nothing above U+10FFFF); C0, C1 and F5..FF never
    // start a sequence.
    std::size_t length = 0;
    unsigned char second_min = 0x80;
    unsigned char second_max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) second_min = 0xA0;
      if (lead == 0xED) second_max = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) second_min = 0x90;
      if (lead == 0xF4) second_max = 0x8F;
    } else {
      return false;
    }
    if (n - i < length) return false;
    const unsigned char second = byte_at(text, i + 1);
    if (second < second_min || second > second_max) return false;
    for (std::size_t k = 2; k < length; ++k) {
      if (!is_continuation(byte_at(text, i + k))) return false;
    }
    i += length;
  }
  return true;
}

char32_t next_code_point(std::string_view utf8, std::size_t* pos) noexcept {
  std::size_t i = *pos;
  const unsigned char lead = byte_at(utf8, i);
  char32_t cp = 0;
  std::size_t length = 1;
  if (lead < 0x80) {
    cp = lead;
  } else if (lead < 0xE0) {
    cp = lead & 0x1F;
    length = 2;
  } else if (lead < 0xF0) {
    cp = lead & 0x0F;
    length = 3;
  } else {
    cp = lead & 0x07;
    length = 4;
  }
  for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (byte_at(utf8, i + k) & 0x3F);
  *pos = i + length;
  return cp;
}

void append_utf8(std::string& out, char32_t code_point) {
  // Surrogates and values past U+10FFFF have no UTF-8 form; writing U+FFFD keeps `out` valid
  // (what a JS string → UTF-8 conversion does with a lone surrogate).
  if ((code_point >= 0xD800 && code_point <= 0xDFFF) || code_point > 0x10FFFF) {
    code_point = kReplacementCharacter;
  }
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

std::string_view js_trim(std::string_view utf8) noexcept {
  std::size_t begin = 0;
  while (begin < utf8.size()) {
    std::size_t next = begin;
    if (!is_trimmed(next_code_point(utf8, &next))) break;
    begin = next;
  }
  std::size_t end = utf8.size();
  while (end > begin) {
    std::size_t start = end - 1;
    while (start > begin && is_continuation(byte_at(utf8, start))) --start;
    std::size_t next = start;
    if (!is_trimmed(next_code_point(utf8, &next))) break;
    end = start;
  }
  return utf8.substr(begin, end - begin);
}

std::string js_to_upper(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const unsigned char byte = byte_at(utf8, pos);
    // ASCII fast path; the exhaustive test compares it with the generated table.
    if (byte < 0x80) {
      out.push_back(static_cast<char>(byte >= 'a' && byte <= 'z' ? byte - ('a' - 'A') : byte));
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    const char32_t cp = next_code_point(utf8, &pos);
    const generated::UpperMapping* mapping = find_upper(cp);
    if (mapping == nullptr) {
      out.append(utf8.substr(start, pos - start));
      continue;
    }
    for (const char32_t to : mapping->to) {
      if (to == 0) break;
      append_utf8(out, to);
    }
  }
  return out;
}

std::size_t utf16_length(std::string_view utf8) noexcept {
  std::size_t units = 0;
  for (const char c : utf8) {
    const auto byte = static_cast<unsigned char>(c);
    // Each lead byte starts one code point; 4-byte sequences (astral) need a surrogate pair.
    if (!is_continuation(byte)) ++units;
    if (byte >= 0xF0) ++units;
  }
  return units;
}

}  // namespace badgesmith::badges
