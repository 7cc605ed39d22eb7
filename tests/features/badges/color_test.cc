// Colour normalisation and brightness against badge-maker 6.0.0. Expected values were printed by
// running badge-maker@6.0.0's lib/color.js in Node 20 over the same inputs (a one-off script;
// see docs/badges.md), except the Object.prototype names, where we deliberately differ.
#include "features/badges/color.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "core/ascii.h"

namespace badgesmith::badges {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::optional<std::string> opt(const char* value) {
  return value == nullptr ? std::nullopt : std::optional<std::string>(value);
}

struct NormalizeCase {
  std::string_view input;
  const char* normalized;  // nullptr: invalid (JS undefined).
  const char* svg;
};

constexpr NormalizeCase kNormalizeCases[] = {
    {"brightgreen", "brightgreen", "#4b0"},
    {"green", "green", "#67ac09"},
    {"yellow", "yellow", "#d8b800"},
    {"yellowgreen", "yellowgreen", "#95991a"},
    {"orange", "orange", "#ea7233"},
    {"red", "red", "#dd4343"},
    {"blue", "blue", "#007ec6"},
    {"grey", "grey", "#555"},
    {"lightgrey", "lightgrey", "#939393"},
    {"gray", "grey", "#555"},
    {"lightgray", "lightgrey", "#939393"},
    {"critical", "red", "#dd4343"},
    {"important", "orange", "#ea7233"},
    {"success", "brightgreen", "#4b0"},
    {"informational", "blue", "#007ec6"},
    {"inactive", "lightgrey", "#939393"},
    {"Red", nullptr, nullptr},
    {"BLUE", nullptr, nullptr},
    {"abc", "#abc", "#abc"},
    {"ABC", "#abc", "#abc"},
    {"AbCdEf", "#abcdef", "#abcdef"},
    {"abcd", nullptr, nullptr},
    {"abcde", nullptr, nullptr},
    {"abcdefa", nullptr, nullptr},
    {"#abc", "#abc", "#abc"},
    {"#ABC", "#abc", "#abc"},
    {"#fffe", "#fffe", "#fffe"},
    {"#FFFE", "#fffe", "#fffe"},
    {"#abc123", "#abc123", "#abc123"},
    {"#ABCDEF80", "#abcdef80", "#abcdef80"},
    {"fffe", nullptr, nullptr},
    {"#ab", nullptr, nullptr},
    {"#abcde", nullptr, nullptr},
    {"aliceblue", "aliceblue", "aliceblue"},
    {"rebeccapurple", "rebeccapurple", "rebeccapurple"},
    {"white", "white", "white"},
    {"black", "black", "black"},
    {"transparent", nullptr, nullptr},
    {"Aliceblue", nullptr, nullptr},
    {"rgb(10, 5, 128)", "rgb(10, 5, 128)", "rgb(10, 5, 128)"},
    {"rgba(10,5,128,0.5)", "rgba(10,5,128,0.5)", "rgba(10,5,128,0.5)"},
    {"rgb(10 5 128)", "rgb(10 5 128)", "rgb(10 5 128)"},
    {"rgb(10 5 128 / .5)", "rgb(10 5 128 / .5)", "rgb(10 5 128 / .5)"},
    {"rgb(100%, 0%, 50%)", "rgb(100%, 0%, 50%)", "rgb(100%, 0%, 50%)"},
    {"rgba(100% 0% 50% / 50%)", "rgba(100% 0% 50% / 50%)", "rgba(100% 0% 50% / 50%)"},
    {"RGB(1,2,3)", nullptr, nullptr},
    {"rgb(1,2)", nullptr, nullptr},
    {"rgb(1%,2,3)", nullptr, nullptr},
    {"rgb(-1,2,3)", nullptr, nullptr},
    {"rgb(1.5,2,3)", nullptr, nullptr},
    {"rgb(1,2,3,1.5)", nullptr, nullptr},
    {"rgb(1,2,3,01)", nullptr, nullptr},
    {"rgb(300,300,300)", "rgb(300,300,300)", "rgb(300,300,300)"},
    {"rgb( 1 , 2 , 3 )", "rgb( 1 , 2 , 3 )", "rgb( 1 , 2 , 3 )"},
    {"rgb(1,2,3)x", nullptr, nullptr},
    {"hsl(120, 50%, 50%)", "hsl(120, 50%, 50%)", "hsl(120, 50%, 50%)"},
    {"hsla(120,50%,50%,.3)", "hsla(120,50%,50%,.3)", "hsla(120,50%,50%,.3)"},
    {"hsl(2rad, 100%, 50%)", "hsl(2rad, 100%, 50%)", "hsl(2rad, 100%, 50%)"},
    {"hsl(0.5turn, 100%, 50%)", nullptr, nullptr},
    {"hsl(200grad, 100%, 50%)", "hsl(200grad, 100%, 50%)", "hsl(200grad, 100%, 50%)"},
    {"hsl(400, 100%, 50%)", "hsl(400, 100%, 50%)", "hsl(400, 100%, 50%)"},
    {"hsl(120, 50, 50)", nullptr, nullptr},
    {"hsl(120deg 50% 50%)", nullptr, nullptr},
    {"hsl(300, 100%, 25%)", "hsl(300, 100%, 25%)", "hsl(300, 100%, 25%)"},
    {"hsl(60, 100%, 37%)", "hsl(60, 100%, 37%)", "hsl(60, 100%, 37%)"},
    {"  blue ", "  blue ", "  blue "},
    {"\302\240#abc\357\273\277", "\302\240#abc\357\273\277", "\302\240#abc\357\273\277"},
    {"\011red\012", "\011red\012", "\011red\012"},
    {" abc", nullptr, nullptr},
    {"rgb(\302\24010,5,128)", "rgb(\302\24010,5,128)", "rgb(\302\24010,5,128)"},
    {"rgb(\341\240\21610,5,128)", nullptr, nullptr},
    {"", nullptr, nullptr},
    {"constructor", nullptr, nullptr},
    {"__proto__", nullptr, nullptr},
    {"toString", nullptr, nullptr},
    {"notacolor", nullptr, nullptr},
    {"rgb(99999999999999999999999,0,0)", "rgb(99999999999999999999999,0,0)",
     "rgb(99999999999999999999999,0,0)"},
    {"rgb(5000000000000000000000%,0%,0%)", "rgb(5000000000000000000000%,0%,0%)",
     "rgb(5000000000000000000000%,0%,0%)"},
};

TEST(ColorTest, NormalizeAndToSvgColorMatchBadgeMaker) {
  for (const NormalizeCase& c : kNormalizeCases) {
    SCOPED_TRACE(std::string(c.input));
    EXPECT_EQ(normalize_color(c.input), opt(c.normalized));
    EXPECT_EQ(to_svg_color(c.input), opt(c.svg));
  }
}

// The renderer's single-parse path agrees with to_svg_color() and brightness() of its result.
TEST(ColorTest, ResolveSvgColorMatchesToSvgColorAndBrightness) {
  for (const NormalizeCase& c : kNormalizeCases) {
    SCOPED_TRACE(std::string(c.input));
    std::string storage;
    const std::optional<SvgColor> resolved = resolve_svg_color(c.input, &storage);
    ASSERT_EQ(resolved.has_value(), c.svg != nullptr);
    if (!resolved) continue;
    EXPECT_EQ(resolved->value, c.svg);
    const double expected = brightness(c.svg);
    if (std::isnan(expected)) {
      EXPECT_TRUE(std::isnan(resolved->brightness));
    } else {
      EXPECT_EQ(resolved->brightness, expected);
    }
  }
}

struct BrightnessCase {
  std::string_view input;
  double brightness;
};

const BrightnessCase kBrightnessCases[] = {
    {"white", 1},
    {"black", 0},
    {"#abc123", 0.66},
    {"rgb(10, 5, 128)", 0.08},
    {"#4b0", 0.51},
    {"#555", 0.33},
    {"#d8b800", 0.68},
    {"#939393", 0.58},
    {"lightblue", 0.8},
    {"yellow", 0.89},
    {"  blue ", 0},
    {"", 0},
    {"hsl(120, 50%, 50%)", 0.54},
    {"hsl(300, 100%, 25%)", 0.21},
    {"rgb("
     "99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
     "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
     "999"
     "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
     "999"
     "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
     "999"
     "99999999999999999999,0,0)",
     kNaN},
    {"rgb(99999999999999999999999,0,0)", 0},
    {"rgb(50%,50%,50%)", 0.5},
    {"#fffe", 1},
    {"rgba(10,5,128,0.1)", 0.08},
    {"hsl(2rad, 100%, 50%)", 0.61},
    {"hsl(0, 0%, 69%)", 0.69},
    {"hsl(0, 0%, 70%)", 0.7},
    {"hsl(0, 100%, 4%)", 0.04},
    {"hsl(240, 100%, 4%)", 0.03},
    {"hsl(1rad, 100%, 50%)", 0.86},
    {"rgb(0,15,180)", 0.12},
    {"rgb(0,39,213)", 0.18},
    {"rgb(12,249,241)", 0.69},
    {"rgb(12,249,242)", 0.7},
};

TEST(ColorTest, BrightnessMatchesBadgeMaker) {
  for (const BrightnessCase& c : kBrightnessCases) {
    SCOPED_TRACE(std::string(c.input));
    if (std::isnan(c.brightness)) {
      EXPECT_TRUE(std::isnan(brightness(c.input)));
    } else {
      EXPECT_EQ(brightness(c.input), c.brightness);  // Exactly the double JS holds.
    }
  }
}

TEST(ColorTest, PaletteHasEveryNameAndAliasResolves) {
  EXPECT_EQ(kNamedColors.size(), 9U);
  for (const NamedColor& named : kNamedColors) {
    EXPECT_EQ(to_svg_color(named.name), std::string(named.hex));
    // Every 6.0 palette colour is dark enough for white text (yellow is the brightest, 0.68).
    EXPECT_LE(brightness(named.hex), 0.69) << named.name;
  }
  // The renderer relies on this for its defaults, too.
  EXPECT_LE(brightness(kDefaultColor), 0.69);
  EXPECT_LE(brightness(kDefaultLabelColor), 0.69);
  for (const ColorAlias& alias : kColorAliases) {
    EXPECT_EQ(normalize_color(alias.alias), std::string(alias.name));
  }
}

TEST(ColorTest, HexAndCssPredicates) {
  EXPECT_TRUE(is_hex_color("abc"));
  EXPECT_TRUE(is_hex_color("ABC123"));
  EXPECT_FALSE(is_hex_color("#abc"));  // isHexColor wants it bare...
  EXPECT_TRUE(is_css_color("#abc"));   // ...and the CSS parser wants the '#'.
  EXPECT_FALSE(is_css_color("abc"));
  EXPECT_FALSE(is_css_color(" blue"));  // fromString() itself does not trim.
  EXPECT_TRUE(is_css_color("rgb(1 2 3/1)"));
  EXPECT_FALSE(is_css_color("rgb(1 2 3/2)"));
  EXPECT_TRUE(is_css_color("hsl(1turn,0%,0%)"));
  EXPECT_FALSE(is_css_color("hsl(1Turn,0%,0%)"));
}

// normalizeColor() trims with String#trim before the CSS check but returns the colour untrimmed,
// and brightness() of that untrimmed value is 0. Every JS white space code point counts, on
// either side (the trim decides from the end bytes first, so each one's UTF-8 ends matter); other
// separators do not.
TEST(ColorTest, EveryJsSpaceIsTrimmedForTheCssCheck) {
  const std::string_view js_spaces[] = {"\t",           "\n",           "\v",
                                        "\f",           "\r",           " ",
                                        "\xc2\xa0",     "\xe1\x9a\x80", "\xe2\x80\x80",
                                        "\xe2\x80\x85", "\xe2\x80\x8a", "\xe2\x80\xa8",
                                        "\xe2\x80\xa9", "\xe2\x80\xaf", "\xe2\x81\x9f",
                                        "\xe3\x80\x80", "\xef\xbb\xbf"};
  for (const std::string_view space : js_spaces) {
    for (const std::string_view css : {"tan", "rgb(1,2,3)", "#ABC"}) {
      std::string before(space);
      before += css;
      std::string after(css);
      after += space;
      for (const std::string& color : {before, after}) {
        const std::optional<std::string> normalized = normalize_color(color);
        ASSERT_TRUE(normalized.has_value()) << color;
        EXPECT_EQ(*normalized, ascii_lower(color));
        std::string storage;
        const std::optional<SvgColor> resolved = resolve_svg_color(color, &storage);
        ASSERT_TRUE(resolved.has_value()) << color;
        EXPECT_EQ(resolved->value, ascii_lower(color));
        EXPECT_EQ(resolved->brightness, 0) << color;
      }
    }
  }
  // U+0085 (NEL), U+180E and U+200B are not white space to JS.
  for (const std::string_view other : {"\xc2\x85", "\xe1\xa0\x8e", "\xe2\x80\x8b"}) {
    EXPECT_EQ(normalize_color(std::string(other) + "tan"), std::nullopt);
    EXPECT_EQ(normalize_color("tan" + std::string(other)), std::nullopt);
  }
}

TEST(ColorTest, ArbitraryBytesAreJustInvalid) {
  const std::string junk("\xff\xfe\xc2\x00rgb(", 8);
  EXPECT_EQ(normalize_color(junk), std::nullopt);
  EXPECT_EQ(brightness(junk), 0);
  EXPECT_EQ(normalize_color("\xc2"), std::nullopt);  // A truncated U+00A0.
  EXPECT_EQ(normalize_color(std::string_view("blue\0", 5)), std::nullopt);
}

}  // namespace
}  // namespace badgesmith::badges
