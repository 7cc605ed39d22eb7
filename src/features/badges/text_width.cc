#include "features/badges/text_width.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
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

// Badge text is mostly ASCII: its widths, already converted to the exact doubles, skip the
// UTF-8 decoding, the two-level lookup and a division per character.
struct AsciiWidths {
  double widths[generated::kFontCount][0x80];
};

const AsciiWidths& ascii_widths() {
  static const AsciiWidths table = [] {
    AsciiWidths built{};
    for (std::size_t font = 0; font < generated::kFontCount; ++font) {
      for (char32_t cp = 0; cp < 0x80; ++cp) {
        built.widths[font][cp] = width_of(generated::kWidthTables[font], cp);
      }
    }
    return built;
  }();
  return table;
}

}  // namespace

double text_width(std::string_view utf8, Font font) {
  const generated::WidthTable& table = generated::kWidthTables[static_cast<std::size_t>(font)];
  const double* ascii = ascii_widths().widths[static_cast<std::size_t>(font)];
  // Same operation order as anafanafo's reduce: start from 0.0 and add each code point's width
  // left to right. Every addend is the exact double JS uses (hundredths / 100.0 is correctly
  // rounded, like JSON.parse of the two-decimal literal), so the sum matches bit for bit —
  // provided nothing like -ffast-math reassociates it.
  double sum = 0.0;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const auto byte = static_cast<unsigned char>(utf8[pos]);
    if (byte < 0x80) {
      sum += ascii[byte];
      ++pos;
    } else {
      sum += width_of(table, next_code_point(utf8, &pos));
    }
  }
  return sum;
}

int preferred_width(std::string_view utf8, Font font) {
  const int width = js_to_int32(text_width(utf8, font));
  return width % 2 == 0 ? width + 1 : width;
}

}  // namespace badgesmith::badges
