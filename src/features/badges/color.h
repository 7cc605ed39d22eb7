// badge-maker 6.0.0's colour handling (lib/color.js) and the part of css-color-converter 2.0
// it relies on, reproduced so that the SVG renderer emits the same fill attributes and picks the
// same text colour as the npm package.
//
// All functions accept arbitrary bytes (invalid UTF-8 is simply never a valid colour) and never
// throw except std::bad_alloc.
//
// One deliberate difference: badge-maker looks names up with JS `in`, so Object.prototype members
// ("constructor", "__proto__", "toString", ...) count as palette names and render as
// fill="undefined"; and a colour whose trimmed form is such a member makes css-color-converter
// throw. Here those are ordinary strings: not palette names, not CSS colours, hence invalid.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace badgesmith::badges {

// What the renderer uses when the message colour / label colour is absent or invalid.
inline constexpr std::string_view kDefaultColor = "#4b0";       // brightgreen
inline constexpr std::string_view kDefaultLabelColor = "#555";  // grey

struct NamedColor {
  std::string_view name;
  std::string_view hex;
};

struct ColorAlias {
  std::string_view alias;
  std::string_view name;  // One of kNamedColors.
};

// badge-maker 6.0's palette (the pre-6.0 values differ; see docs/badges.md).
inline constexpr std::array<NamedColor, 9> kNamedColors{{
    {"brightgreen", "#4b0"},
    {"green", "#67ac09"},
    {"yellow", "#d8b800"},
    {"yellowgreen", "#95991a"},
    {"orange", "#ea7233"},
    {"red", "#dd4343"},
    {"blue", "#007ec6"},
    {"grey", "#555"},
    {"lightgrey", "#939393"},
}};

inline constexpr std::array<ColorAlias, 7> kColorAliases{{
    {"gray", "grey"},
    {"lightgray", "lightgrey"},
    {"critical", "red"},
    {"important", "orange"},
    {"success", "brightgreen"},
    {"informational", "blue"},
    {"inactive", "lightgrey"},
}};

// badge-maker's isHexColor(): 3 or 6 hex digits, no '#', either case.
bool is_hex_color(std::string_view color) noexcept;

// css-color-converter's fromString(color) !== null, without trimming: one of the 148 CSS names
// (exact, lower case), #rgb, #rgba, #rrggbb, #rrggbbaa, rgb()/rgba() (integers or percentages,
// comma or space syntax), hsl()/hsla().
bool is_css_color(std::string_view color) noexcept;

// badge-maker's normalizeColor(): in this order, a palette name (returned as is), an alias (its
// palette name), bare 3/6-digit hex ('#' + lower case), anything is_css_color() accepts once
// JS-trimmed (returned lower-cased but NOT trimmed); nullopt when none applies. Case-sensitive:
// "Red" is invalid.
std::optional<std::string> normalize_color(std::string_view color);

// badge-maker's toSvgColor(): normalize_color() with palette names and aliases replaced by their
// hex value. This is what ends up in fill="..."; nullopt means the renderer's default applies.
std::optional<std::string> to_svg_color(std::string_view color);

// What the renderer needs per colour, from one parse: to_svg_color()'s value (a view of
// kNamedColors[i].hex, of `color` itself when it needs no change, or of *storage) and
// brightness() of that value.
struct SvgColor {
  std::string_view value;
  double brightness;
};
std::optional<SvgColor> resolve_svg_color(std::string_view color, std::string* storage);

// badge-maker's brightness(): css-color-converter's RGB (channels truncated the JS way, alpha
// ignored), (299R + 587G + 114B) / 255000 rounded to 2 decimals as Number#toFixed does. 0 for ""
// and for anything is_css_color() rejects (note: no trimming here, so "  blue " gives 0). NaN
// when a channel overflows to Infinity, as in JS (which then counts as "bright").
double brightness(std::string_view color) noexcept;

}  // namespace badgesmith::badges
