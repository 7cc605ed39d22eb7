// Private to src/features/badges (and its tests): the tables tools/badges/gen-tables.mjs
// writes into text_widths.cc and unicode_tables.cc next to this header. This header is
// maintained by hand; the generator emits static_asserts where the two must agree.
#pragma once

#include <cstddef>
#include <cstdint>

namespace badgesmith::badges::generated {

// ---- text_widths.cc: anafanafo 2.0.0 ----

// Two-level table over all of U+0000..U+10FFFF, so lookups are O(1) for astral code points
// too (anafanafo covers ~45k of them, in ~8.5k ranges per font, which a range list would make
// both larger and slower). Identical pages are shared, which is what keeps the source small.
inline constexpr int kWidthPageBits = 7;
inline constexpr std::size_t kWidthPageSize = std::size_t{1} << kWidthPageBits;
inline constexpr std::size_t kWidthPageCount = std::size_t{0x110000} >> kWidthPageBits;
inline constexpr std::size_t kFontCount = 4;

// The width anafanafo adds for code point cp, in integer hundredths of a px, is
//   pages[page_index[cp >> kWidthPageBits] * kWidthPageSize + (cp & (kWidthPageSize - 1))]
// with control characters already 0 and uncovered code points already the width of 'm'.
// `hundredths / 100.0` is bit-identical to the double JavaScript sums (see text_widths.cc).
struct WidthTable {
  const std::uint8_t* page_index;  // kWidthPageCount entries
  const std::uint16_t* pages;      // page_count * kWidthPageSize entries
  std::size_t page_count;
};

// Indexed by static_cast<std::size_t>(Font).
extern const WidthTable kWidthTables[kFontCount];

// For the unit test: per font, FNV-1a over 64-bit words of the IEEE-754 bit patterns of the
// width Node+anafanafo returns for each Unicode scalar value, in ascending order, starting
// from 0xcbf29ce484222325 with prime 0x100000001b3.
extern const std::uint64_t kWidthFingerprints[kFontCount];

// ---- unicode_tables.cc: the generating Node.js's String.prototype semantics ----

// Code points String.prototype.trim strips; ascending, all in the BMP.
extern const char32_t kTrimCodePoints[];
extern const std::size_t kTrimCodePointCount;

// Every code point whose String.prototype.toUpperCase differs from itself, with the 1-3 code
// points it becomes (zero-padded; no mapping produces U+0000). Ascending by `from`.
struct UpperMapping {
  char32_t from;
  char32_t to[3];
};
extern const UpperMapping kUpperMappings[];
extern const std::size_t kUpperMappingCount;

}  // namespace badgesmith::badges::generated
