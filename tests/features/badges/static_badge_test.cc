#include "features/badges/static_badge.h"

#include <gtest/gtest.h>

namespace badgesmith::badges {
namespace {

struct Case {
  const char* content;
  const char* label;
  const char* message;
  const char* color;
};

TEST(StaticBadge, SplitsAsShieldsRouteExpression) {
  const Case cases[] = {
      {"build-passing-brightgreen", "build", "passing", "brightgreen"},
      {"passing-brightgreen", "", "passing", "brightgreen"},
      {"a--b-c--d-e", "a-b", "c-d", "e"},
      {"a--b-c", "", "a-b", "c"},
      {"-passing-red", "", "passing", "red"},
      {"--passing-red", "", "-passing", "red"},
      {"label--x", "label", "", "x"},  // The lazy label takes the first dash as separator.
      {"just_a__test-__init__-blue", "just a_test", "_init_", "blue"},
      {"_-a_-_", " ", "a ", "_"},
      {"a_b___c-d-e", "a b_ c", "d", "e"},
      {"v1.0-1.2.3-blue", "v1.0", "1.2.3", "blue"},
      {"label%20x-mess%2Dage-%23fff", "label x", "mess-age", "#fff"},
      {"%5F-%5F-red", "_", "_", "red"},
      {"caf%C3%A9-%E2%9C%93-ff69b4", "caf\xc3\xa9", "\xe2\x9c\x93", "ff69b4"},
      {"a/b-c/d-e", "a/b", "c/d", "e"},
      {"a-b-c--d", "a", "b", "c--d"},
      {"-", "", "", ""},
  };
  for (const Case& c : cases) {
    const auto parsed = parse_static_badge_content(c.content, false);
    if (std::string_view(c.color).empty()) {
      EXPECT_FALSE(parsed) << c.content;
      continue;
    }
    ASSERT_TRUE(parsed) << c.content << ": " << parsed.error().message;
    EXPECT_EQ(parsed.value().label, c.label) << c.content;
    EXPECT_EQ(parsed.value().message, c.message) << c.content;
    EXPECT_EQ(parsed.value().color, c.color) << c.content;
  }
}

TEST(StaticBadge, TakesCaseSensitiveFormatSuffixes) {
  std::string_view svg = "build-passing-green.svg";
  EXPECT_EQ(take_format_suffix(svg), Format::kSvg);
  EXPECT_EQ(svg, "build-passing-green");

  std::string_view json = "nodash.json";
  EXPECT_EQ(take_format_suffix(json), Format::kJson);
  EXPECT_EQ(json, "nodash");

  for (std::string_view other : {"a-b-c.SVG", "a-b-c.png", ".svg", "a-b-c"}) {
    const std::string_view before = other;
    EXPECT_FALSE(take_format_suffix(other)) << before;
    EXPECT_EQ(other, before);
  }
  // Without the suffix taken, the colour cannot contain '.', so the content is invalid.
  EXPECT_FALSE(parse_static_badge_content("build-passing-green.svg", false));
  EXPECT_FALSE(parse_static_badge_content("build-passing-green.png", false));
}

TEST(StaticBadge, RejectsWhatTheExpressionRejects) {
  for (const char* content : {"", "a", "a-b-c-d", "nodash", "a-b-", "a-b-c.d", "a-%zz-c"}) {
    const auto parsed = parse_static_badge_content(content, false);
    EXPECT_FALSE(parsed) << content;
    if (!parsed) {
      EXPECT_EQ(parsed.error().code, Errc::kInvalidArgument);
    }
  }
}

TEST(StaticBadge, RejectsInvalidUtf8AfterDecoding) {
  const auto parsed = parse_static_badge_content("a-%FF%FE-red", false);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().error_code, "INVALID_UTF8");
}

TEST(StaticBadge, DecodedPathsAreNotDecodedTwice) {
  const auto parsed = parse_static_badge_content("100%-done-green", true);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed.value().label, "100%");
}

TEST(StaticBadge, LongHostileContentStaysLinear) {
  std::string content(4000, 'a');
  for (std::size_t i = 1; i < content.size(); i += 3) content[i] = '-';
  EXPECT_FALSE(parse_static_badge_content(content, false));
  // The regex takes 3998 dashes as an escaped message and the last as the separator.
  const auto dashes = parse_static_badge_content(std::string(4000, '-') + "x", false);
  ASSERT_TRUE(dashes);
  EXPECT_EQ(dashes.value().label, "");
  EXPECT_EQ(dashes.value().message, std::string(1999, '-'));
  EXPECT_EQ(dashes.value().color, "x");
}

}  // namespace
}  // namespace badgesmith::badges
