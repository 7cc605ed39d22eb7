#include "features/badges/js_string.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "features/badges/byte_block.h"
#include "features/badges/generated/tables.h"

namespace badgesmith::badges {
namespace {

constexpr char32_t kReplacementCharacter = 0xFFFD;

constexpr unsigned char byte_at(std::string_view text, std::size_t i) noexcept {
  return static_cast<unsigned char>(text[i]);
}

constexpr bool is_continuation(unsigned char byte) noexcept { return (byte & 0xC0) == 0x80; }

// Writes code_point as UTF-8 at p (needs 4 bytes) and returns the new end. Surrogates and values
// past U+10FFFF have no UTF-8 form; writing U+FFFD keeps the output valid (what a JS string ->
// UTF-8 conversion does with a lone surrogate).
char* put_utf8(char* p, char32_t code_point) noexcept {
  if ((code_point >= 0xD800 && code_point <= 0xDFFF) || code_point > 0x10FFFF) {
    code_point = kReplacementCharacter;
  }
  if (code_point < 0x80) {
    *p++ = static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    *p++ = static_cast<char>(0xC0 | (code_point >> 6));
    *p++ = static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    *p++ = static_cast<char>(0xE0 | (code_point >> 12));
    *p++ = static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    *p++ = static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    *p++ = static_cast<char>(0xF0 | (code_point >> 18));
    *p++ = static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    *p++ = static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    *p++ = static_cast<char>(0x80 | (code_point & 0x3F));
  }
  return p;
}

// Which BMP code points trim() strips and which have an upper-case mapping, one bit each (8 KiB
// per set), so the common answer "no" costs a load instead of a binary search. Built once from
// the generated tables; astral code points (no trim entries, few mappings) search the table.
struct BmpSets {
  static constexpr std::size_t kWords = 0x10000 / 64;
  std::uint64_t trimmed[kWords];
  std::uint64_t has_upper[kWords];
  // The bytes a trimmed code point's UTF-8 form starts and ends with, so that trim() can tell
  // from a text's two end bytes that it has nothing to strip (the usual case) without decoding.
  std::uint64_t trim_first_bytes[4];
  std::uint64_t trim_last_bytes[4];

  static bool test(const std::uint64_t* set, char32_t cp) noexcept {
    return (set[cp >> 6] >> (cp & 63)) & 1;
  }
};

const BmpSets& bmp_sets() noexcept {
  static const BmpSets sets = [] {
    BmpSets built{};
    const auto add = [](std::uint64_t* set, char32_t cp) {
      if (cp < 0x10000) set[cp >> 6] |= std::uint64_t{1} << (cp & 63);
    };
    for (std::size_t i = 0; i < generated::kTrimCodePointCount; ++i) {
      add(built.trimmed, generated::kTrimCodePoints[i]);
      char utf8[4];
      const char* const end = put_utf8(utf8, generated::kTrimCodePoints[i]);
      add(built.trim_first_bytes, static_cast<unsigned char>(utf8[0]));
      add(built.trim_last_bytes, static_cast<unsigned char>(end[-1]));
    }
    for (std::size_t i = 0; i < generated::kUpperMappingCount; ++i) {
      add(built.has_upper, generated::kUpperMappings[i].from);
    }
    return built;
  }();
  return sets;
}

bool is_trimmed(char32_t cp) noexcept {
  if (cp < 0x10000) return BmpSets::test(bmp_sets().trimmed, cp);
  const char32_t* begin = generated::kTrimCodePoints;
  // Past the last entry (every emoji, for one) there is nothing to search.
  if (cp > begin[generated::kTrimCodePointCount - 1]) return false;
  return std::binary_search(begin, begin + generated::kTrimCodePointCount, cp);
}

const generated::UpperMapping* find_upper(char32_t cp) noexcept {
  if (cp < 0x10000 && !BmpSets::test(bmp_sets().has_upper, cp)) return nullptr;
  const generated::UpperMapping* begin = generated::kUpperMappings;
  const generated::UpperMapping* end = begin + generated::kUpperMappingCount;
  // Past the last mapping (every emoji, for one) there is nothing to search.
  if (cp > end[-1].from) return nullptr;
  const auto* it = std::lower_bound(
      begin, end, cp,
      [](const generated::UpperMapping& m, char32_t value) { return m.from < value; });
  return it != end && it->from == cp ? it : nullptr;
}

}  // namespace

void append_utf8(std::string& out, char32_t code_point) {
  char bytes[4];
  out.append(bytes, static_cast<std::size_t>(put_utf8(bytes, code_point) - bytes));
}

std::string_view js_trim(std::string_view utf8) noexcept {
  if (utf8.empty()) return utf8;
  const BmpSets& sets = bmp_sets();
  if (!BmpSets::test(sets.trim_first_bytes, byte_at(utf8, 0)) &&
      !BmpSets::test(sets.trim_last_bytes, byte_at(utf8, utf8.size() - 1))) {
    return utf8;
  }
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

namespace {

// js_to_upper_into() for the code points starting in [*pos, limit), advancing *pos past them.
// `Padded`: kTextPadding readable bytes follow the text, so a code point that keeps its case is
// copied as four bytes of which only its own count, without a loop over its length.
template <bool Padded>
char* upper_code_points(char* p, std::string_view utf8, std::size_t* pos,
                        std::size_t limit) noexcept {
  while (*pos < limit) {
    const unsigned char byte = byte_at(utf8, *pos);
    // ASCII fast path; the exhaustive test compares it with the generated table.
    if (byte < 0x80) {
      *p++ = static_cast<char>(byte >= 'a' && byte <= 'z' ? byte - ('a' - 'A') : byte);
      ++*pos;
      continue;
    }
    const std::size_t start = *pos;
    const char32_t cp = next_code_point(utf8, pos);
    const generated::UpperMapping* mapping = find_upper(cp);
    if (mapping == nullptr) {
      if constexpr (Padded) {
        std::memcpy(p, utf8.data() + start, 4);
        p += *pos - start;
      } else {
        for (std::size_t i = start; i < *pos; ++i) *p++ = utf8[i];
      }
      continue;
    }
    for (const char32_t to : mapping->to) {
      if (to == 0) break;
      p = put_utf8(p, to);
    }
  }
  return p;
}

}  // namespace

char* js_to_upper_into(char* out, std::string_view utf8) noexcept {
  std::size_t pos = 0;
  return upper_code_points<false>(out, utf8, &pos, utf8.size());
}

char* js_to_upper_into(char* out, PaddedView padded) noexcept {
  const std::string_view utf8 = padded.text;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const blocks::Bytes16 block = blocks::load16(utf8.data() + pos);
    if (!blocks::any_set(blocks::Bytes16(block >= 0x80))) {
      // Sixteen ASCII bytes at once (zeros past the end included; only the text's count).
      const auto lower = blocks::Bytes16((block >= 'a') & (block <= 'z'));
      blocks::store16(out, block - (lower & 0x20));
      const std::size_t taken = std::min<std::size_t>(16, utf8.size() - pos);
      out += taken;
      pos += taken;
      continue;
    }
    out = upper_code_points<true>(out, utf8, &pos, std::min(pos + 16, utf8.size()));
  }
  return out;
}

std::string js_to_upper(std::string_view utf8) {
  // Through the padded version, the one the renderer runs, so that tests of this one cover it.
  std::string upper(utf8.size() * kMaxUpperGrowth + 16, '\0');
  const char* const end = js_to_upper_into(upper.data(), PaddedCopy(utf8).view());
  upper.resize(static_cast<std::size_t>(end - upper.data()));
  return upper;
}

namespace {

// std::popcount for 16 bits, inline: without POPCNT (not in baseline x86-64) the library call
// std::popcount becomes costs more than this.
std::size_t count_bits16(unsigned bits) noexcept {
  bits = bits - ((bits >> 1) & 0x5555);
  bits = (bits & 0x3333) + ((bits >> 2) & 0x3333);
  bits = (bits + (bits >> 4)) & 0x0F0F;
  return (bits + (bits >> 8)) & 0x1F;
}

}  // namespace

std::size_t utf16_length(PaddedView padded) noexcept {
  const std::string_view utf8 = padded.text;
  std::size_t units = 0;
  for (std::size_t pos = 0; pos < utf8.size(); pos += 16) {
    const blocks::Bytes16 block = blocks::load16(utf8.data() + pos);
    const blocks::Bytes16 inside =
        blocks::lanes_below(std::min<std::size_t>(16, utf8.size() - pos));
    // Each lead byte starts one code point; 4-byte sequences (astral) need a surrogate pair.
    const unsigned leads = blocks::lane_bits(blocks::Bytes16((block & 0xC0) != 0x80) & inside);
    const unsigned astral = blocks::lane_bits(blocks::Bytes16(block >= 0xF0) & inside);
    units += count_bits16(leads) + count_bits16(astral);
  }
  return units;
}

std::size_t utf16_length(std::string_view utf8) { return utf16_length(PaddedCopy(utf8).view()); }

}  // namespace badgesmith::badges
