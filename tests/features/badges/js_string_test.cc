#include "features/badges/js_string.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "features/badges/generated/tables.h"

namespace badgesmith::badges {
namespace {

using namespace std::string_view_literals;

std::string utf8_of(char32_t code_point) {
  std::string out;
  append_utf8(out, code_point);
  return out;
}

// Expected values below were checked against Node v20.20.2 (ICU 78.2).

TEST(JsTrim, StripsUnicodeWhiteSpaceAndBom) {
  EXPECT_EQ(js_trim("  build \t\r\n"), "build");
  EXPECT_EQ(js_trim("\xef\xbb\xbf" "bom"), "bom");                     // U+FEFF
  EXPECT_EQ(js_trim("\xc2\xa0nbsp\xc2\xa0"), "nbsp");                  // U+00A0
  EXPECT_EQ(js_trim("\xe3\x80\x80x\xe3\x80\x80"), "x");                // U+3000
  EXPECT_EQ(js_trim("\xe2\x80\xa8x\xe2\x80\xa9"), "x");                // U+2028, U+2029
  EXPECT_EQ(js_trim("\xc2\xa0\xef\xbb\xbf\xe3\x80\x80x y\xe3\x80\x80"), "x y");
  EXPECT_EQ(js_trim("a \xc2\xa0 b"), "a \xc2\xa0 b");  // inner white space stays
  EXPECT_EQ(js_trim(" \t\xef\xbb\xbf\xe2\x80\xa8 "), "");
  EXPECT_EQ(js_trim(""), "");
}

TEST(JsTrim, KeepsWhatJsDoesNotConsiderWhiteSpace) {
  EXPECT_EQ(js_trim("\xe2\x80\x8bx\xe2\x80\x8b"), "\xe2\x80\x8bx\xe2\x80\x8b");  // U+200B ZWSP
  EXPECT_EQ(js_trim("\xe1\xa0\x8ex"), "\xe1\xa0\x8ex");  // U+180E, not white space since 6.3
  EXPECT_EQ(js_trim("\xc2\x85x\xc2\x85"), "\xc2\x85x\xc2\x85");  // U+0085 NEL
  EXPECT_EQ(js_trim("\x1f" "x\x00"sv), "\x1f" "x\x00"sv);
  EXPECT_EQ(js_trim("\xf0\x9f\x98\x80 "), "\xf0\x9f\x98\x80");
  // A trimmed code point's bytes inside another code point must not confuse the backward scan.
  EXPECT_EQ(js_trim("\xe3\x80\x80\xe3\x80\x81"), "\xe3\x80\x81");  // U+3000 U+3001
}

TEST(JsTrim, StripsExactlyTheGeneratedSet) {
  for (std::size_t i = 0; i < generated::kTrimCodePointCount; ++i) {
    const std::string ws = utf8_of(generated::kTrimCodePoints[i]);
    EXPECT_EQ(js_trim(ws + "a" + ws + ws), "a")
        << static_cast<unsigned>(generated::kTrimCodePoints[i]);
  }
  EXPECT_EQ(generated::kTrimCodePointCount, 25u);
}

TEST(JsToUpper, FullUnicodeUpperCasing) {
  EXPECT_EQ(js_to_upper("build passing 1.2.3"), "BUILD PASSING 1.2.3");
  EXPECT_EQ(js_to_upper("stra\xc3\x9f" "e"), "STRASSE");                 // ß -> SS
  EXPECT_EQ(js_to_upper("\xc5\x89"), "\xca\xbcN");                       // ŉ -> ʼN
  EXPECT_EQ(js_to_upper("\xef\xac\x80"), "FF");                          // ﬀ
  EXPECT_EQ(js_to_upper("\xef\xac\x83"), "FFI");                         // ﬃ
  EXPECT_EQ(js_to_upper("\xc4\xb1"), "I");                               // dotless ı -> I
  EXPECT_EQ(js_to_upper("i"), "I");                                      // not İ: root locale
  EXPECT_EQ(js_to_upper("\xc4\xb0"), "\xc4\xb0");                        // İ unchanged
  EXPECT_EQ(js_to_upper("\xc2\xb5\xc3\xbf"), "\xce\x9c\xc5\xb8");        // µ ÿ -> Μ Ÿ
  EXPECT_EQ(js_to_upper("\xc7\xb0"), "J\xcc\x8c");                       // ǰ -> J + caron
  EXPECT_EQ(js_to_upper("\xf0\x90\x90\xa8"), "\xf0\x90\x90\x80");        // 𐐨 -> 𐐀
  EXPECT_EQ(js_to_upper("\xf0\x9f\x98\x80x"), "\xf0\x9f\x98\x80X");      // emoji untouched
}

TEST(JsToUpper, GreekKeepsAccentsAndExpandsIotaSubscript) {
  // "Ελληνικά άέήίόύώ": the root locale keeps tonos (only the "el" locale strips it).
  EXPECT_EQ(js_to_upper("\xce\x95\xce\xbb\xce\xbb\xce\xb7\xce\xbd\xce\xb9\xce\xba\xce\xac "
                        "\xce\xac\xce\xad\xce\xae\xce\xaf\xcf\x8c\xcf\x8d\xcf\x8e"),
            "\xce\x95\xce\x9b\xce\x9b\xce\x97\xce\x9d\xce\x99\xce\x9a\xce\x86 "
            "\xce\x86\xce\x88\xce\x89\xce\x8a\xce\x8c\xce\x8e\xce\x8f");
  EXPECT_EQ(js_to_upper("\xce\x90"), "\xce\x99\xcc\x88\xcc\x81");  // ΐ -> Ι + diaeresis + acute
  EXPECT_EQ(js_to_upper("\xe1\xbe\xb3"), "\xce\x91\xce\x99");      // ᾳ -> ΑΙ
  EXPECT_EQ(js_to_upper("\xe1\xbe\x80"), "\xe1\xbc\x88\xce\x99");  // ᾀ -> ἈΙ
  EXPECT_EQ(js_to_upper("\xcf\x83\xcf\x82"), "\xce\xa3\xce\xa3");  // σς -> ΣΣ
}

TEST(JsToUpper, AgreesWithTheGeneratedTableForEveryCodePoint) {
  std::size_t next_mapping = 0;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string expected;
    if (next_mapping < generated::kUpperMappingCount &&
        generated::kUpperMappings[next_mapping].from == cp) {
      for (const char32_t to : generated::kUpperMappings[next_mapping].to) {
        if (to != 0) append_utf8(expected, to);
      }
      ++next_mapping;
    } else {
      expected = utf8_of(cp);
    }
    ASSERT_EQ(js_to_upper(utf8_of(cp)), expected) << static_cast<unsigned>(cp);
  }
  EXPECT_EQ(next_mapping, generated::kUpperMappingCount);  // also proves the table is sorted
}

TEST(Utf16Length, CountsSurrogatePairsTwice) {
  EXPECT_EQ(utf16_length(""), 0u);
  EXPECT_EQ(utf16_length("passing"), 7u);
  EXPECT_EQ(utf16_length("caf\xc3\xa9 \xe2\x82\xac"), 6u);  // é and € are one unit each
  EXPECT_EQ(utf16_length("\xf0\x9f\x98\x80"), 2u);         // 😀
  EXPECT_EQ(utf16_length("\xf0\x90\x90\xa8"), 2u);         // 𐐨
  // 👨‍👩‍👧‍👦: four astral emoji joined by three U+200D.
  EXPECT_EQ(utf16_length("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
                         "\xf0\x9f\x91\xa7\xe2\x80\x8d\xf0\x9f\x91\xa6"),
            11u);
  EXPECT_EQ(utf16_length("a\0b"sv), 3u);
}

TEST(Utf8, AcceptsValidBoundaries) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("a\0b"sv));
  EXPECT_TRUE(is_valid_utf8("\x7f"));
  EXPECT_TRUE(is_valid_utf8("\xc2\x80"));          // U+0080
  EXPECT_TRUE(is_valid_utf8("\xdf\xbf"));          // U+07FF
  EXPECT_TRUE(is_valid_utf8("\xe0\xa0\x80"));      // U+0800
  EXPECT_TRUE(is_valid_utf8("\xed\x9f\xbf"));      // U+D7FF
  EXPECT_TRUE(is_valid_utf8("\xee\x80\x80"));      // U+E000
  EXPECT_TRUE(is_valid_utf8("\xef\xbf\xbf"));      // U+FFFF
  EXPECT_TRUE(is_valid_utf8("\xf0\x90\x80\x80"));  // U+10000
  EXPECT_TRUE(is_valid_utf8("\xf4\x8f\xbf\xbf"));  // U+10FFFF
}

TEST(Utf8, RejectsOverlongsSurrogatesAndOutOfRange) {
  EXPECT_FALSE(is_valid_utf8("\xc0\x80"));          // overlong U+0000
  EXPECT_FALSE(is_valid_utf8("\xc1\xbf"));          // overlong U+007F
  EXPECT_FALSE(is_valid_utf8("\xe0\x80\x80"));      // overlong U+0000
  EXPECT_FALSE(is_valid_utf8("\xe0\x9f\xbf"));      // overlong U+07FF
  EXPECT_FALSE(is_valid_utf8("\xf0\x80\x80\x80"));  // overlong U+0000
  EXPECT_FALSE(is_valid_utf8("\xf0\x8f\xbf\xbf"));  // overlong U+FFFF
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));      // U+D800
  EXPECT_FALSE(is_valid_utf8("\xed\xbf\xbf"));      // U+DFFF
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\xbd\xed\xb8\x80"));  // CESU-8 surrogate pair
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(is_valid_utf8("\xf5\x80\x80\x80"));
  EXPECT_FALSE(is_valid_utf8("\xf7\xbf\xbf\xbf"));
  EXPECT_FALSE(is_valid_utf8("\xf8\x88\x80\x80\x80"));
  EXPECT_FALSE(is_valid_utf8("\xfe"));
  EXPECT_FALSE(is_valid_utf8("\xff"));
}

TEST(Utf8, RejectsTruncatedAndStraySequences) {
  EXPECT_FALSE(is_valid_utf8("\x80"));
  EXPECT_FALSE(is_valid_utf8("a\xbf"));
  EXPECT_FALSE(is_valid_utf8("\xc3"));
  EXPECT_FALSE(is_valid_utf8("\xe2\x82"));
  EXPECT_FALSE(is_valid_utf8("\xf0\x9f\x98"));
  EXPECT_FALSE(is_valid_utf8("\xe2\x28\xa1"));
  EXPECT_FALSE(is_valid_utf8("\xe2\x82\x28"));
  EXPECT_FALSE(is_valid_utf8("\xf0\x9f\x28\x80"));
  EXPECT_FALSE(is_valid_utf8("\xc3\xa9\xc3"));
}

TEST(Utf8, EncodesAndDecodesEveryScalarValue) {
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const std::string text = utf8_of(cp);
    ASSERT_TRUE(is_valid_utf8(text)) << static_cast<unsigned>(cp);
    ASSERT_EQ(utf16_length(text), cp > 0xFFFF ? 2u : 1u) << static_cast<unsigned>(cp);
    std::size_t pos = 0;
    ASSERT_EQ(next_code_point(text, &pos), cp);
    ASSERT_EQ(pos, text.size());
  }
}

TEST(Utf8, AppendReplacesNonScalarValues) {
  EXPECT_EQ(utf8_of(0xD800), "\xef\xbf\xbd");
  EXPECT_EQ(utf8_of(0xDFFF), "\xef\xbf\xbd");
  EXPECT_EQ(utf8_of(0x110000), "\xef\xbf\xbd");
}

TEST(Utf8, NextCodePointWalksMixedText) {
  const std::string_view text = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";
  std::size_t pos = 0;
  EXPECT_EQ(next_code_point(text, &pos), U'a');
  EXPECT_EQ(next_code_point(text, &pos), U'\u00e9');
  EXPECT_EQ(next_code_point(text, &pos), U'\u20ac');
  EXPECT_EQ(next_code_point(text, &pos), U'\U0001F600');
  EXPECT_EQ(pos, text.size());
}

}  // namespace
}  // namespace badgesmith::badges
