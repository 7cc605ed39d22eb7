#include "core/json_limits.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace badgesmith {
namespace {

std::string nested(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST(JsonLimits, ParsesWithinLimits) {
  const auto value = parse_json_limited(R"({"a":[1,{"b":"c"}],"d":null})", 100, 3);
  ASSERT_TRUE(value);
  EXPECT_EQ(value.value()["a"][1]["b"], "c");
  EXPECT_EQ(parse_json_limited("42", 2, 0).value(), 42);
  EXPECT_TRUE(parse_json_limited(nested(5), 10, 5));
}

TEST(JsonLimits, RefusesTooDeep) {
  for (const std::string& text :
       {nested(6), std::string(R"({"a":{"b":{"c":[]}}})"), std::string(100000, '[')}) {
    const auto value = parse_json_limited(text, 1 << 20, text[0] == '{' ? 3 : 5);
    ASSERT_FALSE(value) << text.substr(0, 20);
    EXPECT_EQ(value.error().code, Errc::kUpstreamInvalid);
    EXPECT_NE(value.error().message.find("deeper"), std::string::npos);
  }
  EXPECT_FALSE(parse_json_limited("[]", 10, 0));
}

TEST(JsonLimits, RefusesTooLongAndMalformed) {
  EXPECT_FALSE(parse_json_limited(R"("abcdef")", 7, 1));
  EXPECT_TRUE(parse_json_limited(R"("abcdef")", 8, 1));
  for (const char* bad :
       {"", "{", "[1,]", "{\"a\" 1}", "nul", "1e999", "\"\xff\"", "[] []", "// c\n1"}) {
    const auto value = parse_json_limited(bad, 100, 10);
    ASSERT_FALSE(value) << bad;
    EXPECT_EQ(value.error().code, Errc::kUpstreamInvalid);
  }
}

// Found by upstream_json_fuzz: nlohmann's lexer stops at a NUL byte, which took "3\0[" for 3.
TEST(JsonLimits, RefusesNulBytes) {
  using namespace std::string_literals;
  for (const std::string& bad : {"3\0["s, "{\"a\":1}\0garbage"s, "[\"a\0\"]"s}) {
    const auto value = parse_json_limited(bad, 100, 10);
    ASSERT_FALSE(value) << bad.size();
    EXPECT_EQ(value.error().code, Errc::kUpstreamInvalid);
  }
  EXPECT_TRUE(parse_json_limited(R"(["\u0000"])", 100, 10));
}

}  // namespace
}  // namespace badgesmith
