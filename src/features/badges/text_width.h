// Text widths from anafanafo 2.0.0's tables (generated into generated/text_widths.cc by
// tools/badges/gen-tables.mjs), with badge-maker's summation and rounding.
#pragma once

#include <string_view>

#include "features/badges/badge_text.h"

namespace badgesmith::badges {

enum class Font {
  kVerdana11,        // flat, flat-square, plastic
  kVerdana10,        // for-the-badge label
  kVerdanaBold10,    // for-the-badge message
  kHelveticaBold11,  // social
};

// anafanafo's width of `utf8` in px: the sum, left to right in double precision, over code
// points: 0 for U+0000-U+001F and U+007F, the table width when covered, else the width of 'm'.
// O(1) per BMP code point. REQUIRES: valid UTF-8.
double text_width(std::string_view utf8, Font font);

// JS `text_width(utf8, font) | 0`, the width badge-maker lays out with.
int truncated_width(PaddedView utf8, Font font);
int truncated_width(std::string_view utf8, Font font);  // Pads a copy.

// badge-maker's preferredWidthOf: text_width truncated to an integer, plus one when even
// (so "" measures 1).
int preferred_width(PaddedView utf8, Font font);
int preferred_width(std::string_view utf8, Font font);  // Pads a copy.

}  // namespace badgesmith::badges
