#include "core/routing/path_codec.h"

#include <gtest/gtest.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace badgesmith::routing {
namespace {

using namespace std::string_literals;

struct ValidityCase {
  std::string_view input;
  bool valid;
};

TEST(PathCodecTest, IsValidPercentEncoding) {
  const ValidityCase cases[] = {
      {"", true},     {"abc", true},         {"%41", true},   {"%4a%4A", true}, {"a+b", true},
      {"%25", true},  {"caf\xc3\xa9", true}, {"%", false},    {"%4", false},    {"abc%", false},
      {"%zz", false}, {"%4g", false},        {"%%41", false}, {"%g4", false},   {"a%2", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(is_valid_percent_encoding(c.input), c.valid) << '"' << c.input << '"';
  }
}

struct DecodeCase {
  std::string_view input;
  bool plus_as_space;
  std::optional<std::string> expected;  // nullopt: invalid encoding.
};

TEST(PathCodecTest, PercentDecode) {
  const DecodeCase cases[] = {
      {"", false, ""},
      {"plain", false, "plain"},
      {"feature%2Fx", false, "feature/x"},
      {"feature%2fx", false, "feature/x"},
      {"%2525", false, "%25"},  // Decoded exactly once.
      {"%252F", false, "%2F"},
      {"a+b", false, "a+b"},  // Paths: '+' is a literal plus.
      {"a+b", true, "a b"},   // Queries: '+' is a space.
      {"a%2Bb", true, "a+b"},
      {"%20", false, " "},
      {"caf%C3%A9", false, "caf\xc3\xa9"},
      {"caf\xc3\xa9", false, "caf\xc3\xa9"},  // Raw UTF-8 passes through.
      {"%00x", false, "\0x"s},
      {"%FF", false, "\xff"},
      {"%", false, std::nullopt},
      {"%2", false, std::nullopt},
      {"abc%G0", false, std::nullopt},
      {"100%", true, std::nullopt},
  };
  for (const auto& c : cases) {
    std::string out = "prefix:";
    const bool ok = percent_decode(c.input, out, c.plus_as_space);
    EXPECT_EQ(ok, c.expected.has_value()) << '"' << c.input << '"';
    if (ok && c.expected) {
      EXPECT_EQ(out, "prefix:" + *c.expected) << '"' << c.input << '"';
    }
  }
}

TEST(PathCodecTest, DecodeIntoAgreesWithPercentDecode) {
  const std::string_view inputs[] = {"", "a", "%41%42c", "a+b%2B", "%2525", "x%C3%A9y"};
  for (const auto input : inputs) {
    for (const bool plus : {false, true}) {
      std::string expected;
      ASSERT_TRUE(percent_decode(input, expected, plus));
      ASSERT_EQ(percent_decoded_size(input), expected.size()) << input;
      std::array<char, 32> buffer{};
      const std::size_t n = percent_decode_into(input, buffer, plus);
      EXPECT_EQ(std::string_view(buffer.data(), n), expected) << input;
    }
  }
}

struct IequalsCase {
  std::string_view encoded;
  std::string_view plain;
  bool equal;
};

TEST(PathCodecTest, DecodedIequals) {
  const IequalsCase cases[] = {
      {"health", "health", true},
      {"HEALTH", "health", true},
      {"%68ealth", "health", true},
      {"%48EALTH", "health", true},
      {"health", "healt", false},
      {"healt", "health", false},
      {"a+b", "a b", false},
      {"a+b", "a+b", true},
      {"%", "%", false},
      {"\xc3\xa9", "\xc3\x89", false},  // Only ASCII folds.
      {"", "", true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(decoded_iequals(c.encoded, c.plain), c.equal) << c.encoded << " vs " << c.plain;
  }
  EXPECT_TRUE(ascii_iequals("Badges", "bADGES"));
  EXPECT_FALSE(ascii_iequals("badge", "badges"));
  EXPECT_FALSE(ascii_iequals("[", "{"));  // 0x5B vs 0x7B differ by 0x20 but are not letters.
}

struct QueryCase {
  std::string_view query;
  std::string_view name;
  std::optional<std::string> expected;
};

TEST(PathCodecTest, FindQueryParam) {
  const QueryCase cases[] = {
      {"", "a", std::nullopt},
      {"a=1", "a", "1"},
      {"a=1&b=2", "b", "2"},
      {"a=1&a=2", "a", "1"},       // First occurrence wins.
      {"A=1", "a", std::nullopt},  // Keys are case-sensitive.
      {"a", "a", ""},              // No '=' yields "".
      {"a=", "a", ""},
      {"a&b=2", "a", ""},
      {"&&a=1&", "a", "1"},
      {"label=hello+world", "label", "hello world"},
      {"label=a%2Bb", "label", "a+b"},
      {"label=%E2%9C%93", "label", "\xe2\x9c\x93"},
      {"my+key=v", "my key", "v"},  // Keys are compared after decoding.
      {"my%20key=v", "my key", "v"},
      {"a=x=y", "a", "x=y"},         // Only the first '=' splits.
      {"a=%zz", "a", std::nullopt},  // Invalid value encoding.
      {"a%=1&a=2", "a", "2"},        // An invalidly encoded key is skipped.
      {"ab=1", "a", std::nullopt},
      {"b=1", "ab", std::nullopt},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(find_query_param(c.query, c.name), c.expected)
        << "query \"" << c.query << "\" name \"" << c.name << '"';
  }
}

TEST(PathCodecTest, PercentEncodePathSegment) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"", ""},
      {"AZaz09-._~", "AZaz09-._~"},
      {"feature/x", "feature%2Fx"},
      {"a b+c", "a%20b%2Bc"},
      {"100%", "100%25"},
      {"caf\xc3\xa9", "caf%C3%A9"},
      {"?#[]@!$&'()*,;=:", "%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2C%3B%3D%3A"},
      {std::string_view("\0\xff", 2), "%00%FF"},
  };
  for (const auto& [in, expected] : cases) {
    const std::string encoded = percent_encode_path_segment(in);
    EXPECT_EQ(encoded, expected);
    std::string round_trip;
    ASSERT_TRUE(percent_decode(encoded, round_trip, /*plus_as_space=*/false));
    EXPECT_EQ(round_trip, in);
  }
}

}  // namespace
}  // namespace badgesmith::routing
