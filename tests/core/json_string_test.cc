#include "core/json_string.h"

#include <gtest/gtest.h>

namespace badgesmith {
namespace {

std::string json_quoted(std::string_view value) {
  std::string out;
  append_json_string(out, value);
  return out;
}

TEST(JsonString, EscapesWhatJsonRequires) {
  const std::pair<std::string, std::string> cases[] = {
      {"plain", R"("plain")"},
      {"a\"b\\c", R"("a\"b\\c")"},
      {"line\nbreak\r\t", R"("line\u000abreak\u000d\u0009")"},
      {std::string("nul\0x", 5), R"("nul\u0000x")"},
      {"\x7f", R"("\u007f")"},
      {"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
       "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\""},
      {"\xff", R"("\u00ff")"},                                // Invalid byte.
      {"\xc3", R"("\u00c3")"},                                // Truncated sequence.
      {"\xc0\xaf", R"("\u00c0\u00af")"},                      // Overlong.
      {"\xed\xa0\x80", R"("\u00ed\u00a0\u0080")"},            // Surrogate.
      {"\xf4\x90\x80\x80", R"("\u00f4\u0090\u0080\u0080")"},  // Beyond U+10FFFF.
  };
  for (const auto& [input, expected] : cases) EXPECT_EQ(json_quoted(input), expected) << input;
}

}  // namespace
}  // namespace badgesmith
