#include "features/badges/text_width.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "features/badges/generated/tables.h"
#include "features/badges/js_string.h"

namespace badgesmith::badges {
namespace {

static_assert(static_cast<std::size_t>(Font::kHelveticaBold11) + 1 == generated::kFontCount,
              "generated::kWidthTables is indexed by Font");

// JS `x | 0` (ToInt32): truncate toward zero, then wrap modulo 2^32 into int32.
int js_to_int32(double x) noexcept {
  if (!std::isfinite(x)) return 0;
  constexpr double kTwo32 = 4294967296.0;
  double wrapped = std::fmod(std::trunc(x), kTwo32);
  if (wrapped < 0) wrapped += kTwo32;
  const auto bits = static_cast<std::uint32_t>(wrapped);
  return static_cast<std::int32_t>(bits);
}

double width_of(const generated::WidthTable& table, char32_t cp) noexcept {
  const std::size_t page = table.page_index[cp >> generated::kWidthPageBits];
  const std::uint16_t hundredths =
      table.pages[page * generated::kWidthPageSize + (cp & (generated::kWidthPageSize - 1))];
  return static_cast<double>(hundredths) / 100.0;
}

int round_up_to_odd(int width) noexcept { return width % 2 == 0 ? width + 1 : width; }

}  // namespace

double text_width(std::string_view utf8, Font font) {
  const generated::WidthTable& table = generated::kWidthTables[static_cast<std::size_t>(font)];
  // Same operation order as anafanafo's reduce: start from 0.0 and add each code point's width
  // left to right. Every addend is the exact double JS uses (hundredths / 100.0 is correctly
  // rounded, like JSON.parse of the two-decimal literal), so the sum matches bit for bit —
  // provided nothing like -ffast-math reassociates it.
  double sum = 0.0;
  std::size_t pos = 0;
  while (pos < utf8.size()) sum += width_of(table, next_code_point(utf8, &pos));
  return sum;
}

int truncated_width(PaddedView padded, Font font) {
  // The badge only ever uses the truncated width, so the widths are summed as exact integers
  // (hundredths): no serial floating-point chain, no division. The double sum JS computes is
  // within n * sum * 2^-52 of the exact one, far below 0.01 for texts this size, so both
  // truncate alike unless the exact sum is a whole number, which the double sum may undershoot
  // by a rounding error: only then is the double sum computed as well.
  constexpr std::size_t kExactBytes = 1 << 16;
  const std::string_view utf8 = padded.text;
  const generated::WidthTable& table = generated::kWidthTables[static_cast<std::size_t>(font)];
  const std::uint16_t* const ascii = table.pages + table.page_index[0] * generated::kWidthPageSize;
  std::uint64_t hundredths = 0;
  std::size_t pos = 0;
  // Through data(): blocks read past size(), into the padding.
  const auto byte_at = [utf8](std::size_t i) { return static_cast<unsigned char>(utf8.data()[i]); };
  while (pos < utf8.size()) {
    // Sixteen ASCII bytes at a time, as independent lookups the CPU overlaps. Blocks run into
    // the padding, whose zeros (control characters) add nothing, so a short ASCII text takes
    // one block whatever its length.
    std::uint64_t words[2];
    std::memcpy(words, utf8.data() + pos, 16);
    if (((words[0] | words[1]) & 0x8080808080808080u) == 0) {
      std::uint64_t sum = 0;
      for (std::size_t i = 0; i < 16; ++i) sum += ascii[byte_at(pos + i)];
      hundredths += sum;
      pos += 16;
      continue;
    }
    const unsigned char byte = byte_at(pos);
    if (byte < 0x80) {
      hundredths += ascii[byte];
      ++pos;
    } else {
      const char32_t cp = next_code_point(utf8, &pos);
      hundredths +=
          table
              .pages[table.page_index[cp >> generated::kWidthPageBits] * generated::kWidthPageSize +
                     (cp & (generated::kWidthPageSize - 1))];
    }
  }
  if (hundredths % 100 != 0 && utf8.size() <= kExactBytes) {
    return static_cast<int>(hundredths / 100);
  }
  return js_to_int32(text_width(utf8, font));
}

int truncated_width(std::string_view utf8, Font font) {
  return truncated_width(PaddedCopy(utf8).view(), font);
}

int preferred_width(PaddedView padded, Font font) {
  return round_up_to_odd(truncated_width(padded, font));
}

int preferred_width(std::string_view utf8, Font font) {
  return round_up_to_odd(truncated_width(utf8, font));
}

}  // namespace badgesmith::badges
