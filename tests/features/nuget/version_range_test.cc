// Conformance of version ranges with NuGet.Versioning (NuGet/NuGet.Client, test/NuGet.Core.Tests/
// NuGet.Versioning.Test at fac35579c8). Each table names the tests its cases come from. Where our
// semantics differ on purpose (floats really float, best_match takes the highest, the
// include_prerelease flag, comparator shorthand) the table says so and gives NuGet's answer.
#include "features/nuget/version_range.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace badgesmith::nuget {
namespace {

NuGetVersion version_of(std::string_view text) {
  const auto version = parse_version(text);
  EXPECT_TRUE(version.has_value()) << text;
  return version.value_or(NuGetVersion());
}

std::vector<NuGetVersion> versions_of(std::string_view semicolon_separated) {
  std::vector<NuGetVersion> versions;
  while (!semicolon_separated.empty()) {
    const std::size_t end = std::min(semicolon_separated.find(';'), semicolon_separated.size());
    versions.push_back(version_of(semicolon_separated.substr(0, end)));
    semicolon_separated.remove_prefix(std::min(end + 1, semicolon_separated.size()));
  }
  return versions;
}

struct NormalizeCase {
  std::string_view range;
  std::string_view normalized;  // NuGet's VersionRange.ToNormalizedString().
};

constexpr NormalizeCase kNormalizeCases[] = {
    // VersionRangeTests.VersionRange_PrettyPrintTests (same inputs, normalized form).
    {"1.0.0", "[1.0.0, )"},
    {"[1.0.0]", "[1.0.0, 1.0.0]"},
    {"[1.0.0, ]", "[1.0.0, )"},
    {"[1.0.0, )", "[1.0.0, )"},
    {"(1.0.0, )", "(1.0.0, )"},
    {"(1.0.0, ]", "(1.0.0, )"},
    {"(1.0.0, 2.0.0)", "(1.0.0, 2.0.0)"},
    {"[1.0.0, 2.0.0]", "[1.0.0, 2.0.0]"},
    {"[1.0.0, 2.0.0)", "[1.0.0, 2.0.0)"},
    {"(1.0.0, 2.0.0]", "(1.0.0, 2.0.0]"},
    {"(, 2.0.0]", "(, 2.0.0]"},
    {"(, 2.0.0)", "(, 2.0.0)"},
    {"[, 2.0.0)", "(, 2.0.0)"},
    {"[, 2.0.0]", "(, 2.0.0]"},
    {"1.0.0-beta*", "[1.0.0-beta*, )"},
    {"[1.0.0-beta*, 2.0.0)", "[1.0.0-beta*, 2.0.0)"},
    {"[1.0.0-beta.1, 2.0.0-alpha.2]", "[1.0.0-beta.1, 2.0.0-alpha.2]"},
    {"[1.0.0+beta.1, 2.0.0+alpha.2]", "[1.0.0, 2.0.0]"},
    {"[1.0, 2.0]", "[1.0.0, 2.0.0]"},
    // VersionRangeTests.ParseVersionRangeToStringShortHand,
    // ParseVersionParsesTokensVersionsCorrectly,
    // VersionRange_MissingVersionComponents_DefaultToZero, NormalizationRoundTripsTest.
    {"1.2.3-beta+900", "[1.2.3-beta, )"},
    {"[1.2.3-0+90]", "[1.2.3-0, 1.2.3-0]"},
    {"(, 1.2.3-beta.2.4.55.X+900]", "(, 1.2.3-beta.2.4.55.X]"},
    {"(1.2.3.4, 3.2)", "(1.2.3.4, 3.2.0)"},
    {"[2.3.7, 3.2.4.5]", "[2.3.7, 3.2.4.5]"},
    {"(1.6, ]", "(1.6.0, )"},
    {"[2.7]", "[2.7.0, 2.7.0]"},
    {"1", "[1.0.0, )"},
    {"[2021,)", "[2021.0.0, )"},
    {"[,2021)", "(, 2021.0.0)"},
    {"(, )", "(, )"},
    {"[*, )", "[*, )"},
    {"[1.*, 2.0.0)", "[1.*, 2.0.0)"},
    // FloatingRangeTests.FloatingRange_ToString*, VersionRangeTests.VersionRange_ToString*,
    // VersionRangeFloatParsingTests.CorrectFloatRange.
    {"*", "[*, )"},
    {"1.*", "[1.*, )"},
    {"1.0.*", "[1.0.*, )"},
    {"1.0.0.*", "[1.0.0.*, )"},
    {"1.0.0-*", "[1.0.0-*, )"},
    {"1.0.0-alpha.*", "[1.0.0-alpha.*, )"},
    {"1.0.0-beta-*", "[1.0.0-beta-*, )"},
    {"1.2.3.*-*", "[1.2.3.*-*, )"},
    {"1.2.*-*", "[1.2.*-*, )"},
    {"1.*-rc*", "[1.*-rc*, )"},
    {"*-rc*", "[*-rc*, )"},
    {"*-*", "[*-*, )"},
    // VersionRangeFloatParsingTests.VersionRangeFloatParsing_Valid (normalized by NuGet's rules).
    {"1.0.0.0-beta", "[1.0.0-beta, )"},
    {"1.0.0.0-beta*", "[1.0.0-beta*, )"},
    {"[1.0.*, )", "[1.0.*, )"},
    {"1.0.*-bla*", "[1.0.*-bla*, )"},
    {"1.0.*-preview.1.*", "[1.0.*-preview.1.*, )"},
    {"1.0.0--", "[1.0.0--, )"},
    {"1.0.*--*", "[1.0.*--*, )"},
    {"1.0.0--*", "[1.0.0--*, )"},
    // FindBestMatch_*_WithPartialMatch: a star may complete a number; "1*" does not float.
    {"1.1*", "[1.*, )"},
    {"[1.1.1.1*, 2.0.0)", "[1.1.1.*, 2.0.0)"},
    {"1*", "[10.0.0, )"},
    // Ours: whitespace, "(1.0, 1.0)" (NuGet's check lets it through), blank means any version.
    {"[ 1.0 , 2.0 ]", "[1.0.0, 2.0.0]"},
    {"  [1.0.0] ", "[1.0.0, 1.0.0]"},
    {"[ *, 2.0)", "[*, 2.0.0)"},
    {"(1.0.*, )", "(1.0.*, )"},
    {"(1.0, 1.0)", "(1.0.0, 1.0.0)"},
    {"", "(, )"},
    {" \t", "(, )"},
    // Ours: comparator shorthand becomes an interval; terms intersect.
    {">=1.0", "[1.0.0, )"},
    {">1.0", "(1.0.0, )"},
    {"<2.0", "(, 2.0.0)"},
    {"<=2.0", "(, 2.0.0]"},
    {"=1.0", "[1.0.0, 1.0.0]"},
    {"==1.0", "[1.0.0, 1.0.0]"},
    {">=1.0 <2.0", "[1.0.0, 2.0.0)"},
    {">1.0 <2.0", "(1.0.0, 2.0.0)"},
    {">1.0 <=2.0", "(1.0.0, 2.0.0]"},
    {">= 1.0 < 2.0", "[1.0.0, 2.0.0)"},
    {"<2.0 >=1.0", "[1.0.0, 2.0.0)"},
    {">=1.0\t<2.0", "[1.0.0, 2.0.0)"},
    {">=1.0 >1.0", "(1.0.0, )"},
    {">=1.0 >=1.5 <3.0 <=2.0", "[1.5.0, 2.0.0]"},
    {"<=2.0 <2.0", "(, 2.0.0)"},
    {">=1.0.0-beta <2.0", "[1.0.0-beta, 2.0.0)"},
    {"=1.0 <2.0", "[1.0.0, 1.0.0]"},
    {">=1.0+meta", "[1.0.0, )"},
    {">=1 >=1 >=1 >=1 >=1 >=1 >=1 >=1", "[1.0.0, )"},
};

TEST(VersionRangeTest, ParsesAndNormalizesLikeNuGet) {
  for (const NormalizeCase& c : kNormalizeCases) {
    SCOPED_TRACE(std::string(c.range));
    const auto range = parse_version_range(c.range);
    ASSERT_TRUE(range.has_value()) << range.error().message;
    EXPECT_EQ(range.value().normalized(), c.normalized);
  }
}

constexpr std::string_view kInvalidCases[] = {
    // VersionRangeTests.ParseVersionRangeWithBadVersionThrows (blank aside: it means any here).
    "-1",
    "+1",
    "1.",
    ".1",
    "1,",
    ",1",
    ",",
    "-",
    "+",
    "a",
    // VersionRangeTests: empty brackets, bad bounds.
    "(,)",
    "[,]",
    "[,)",
    "(,]",
    "(,1.3..2]",
    "(1.2.3.4.5,1.2]",
    "   [-1, 2]  ",
    // VersionRangeTests.Parse_Illogical_VersionRange_Throws.
    "[1.1.4, 1.1.2)",
    "[1.1.4, 1.1.2]",
    "(1.1.4, 1.1.2)",
    "(1.1.4, 1.1.2]",
    "[1.0.0, 1.0.0)",
    "(1.0.0, 1.0.0]",
    "(1.0, 1.0.0]",
    "(*, *]",
    "[1.0.0-beta, 1.0.0-beta+900)",
    "(1.0.0-beta+600, 1.0.0-beta]",
    "(1.0)",
    "(1.0.0)",
    "[2.0.0)",
    "(2.0.0]",
    // VersionRangeFloatParsingTests.VersionRangeFloatParsing_Invalid.
    "[]",
    "[*]",
    "[1.0.0, 1.1.*)",
    "[1.0.0, 2.0.*)",
    "(, 2.*.*)",
    "<1.0.*",
    "<=1.0.*",
    "1.0.0<",
    "1.0.0~",
    "~1.*.*",
    "~*",
    "~",
    "^",
    "^*",
    ">=*",
    "1.*.0",
    "1.*.0-beta-*",
    "1.*.0-beta",
    "1.0.0.0.*",
    "=1.0.*",
    "1.0.0+*",
    "1.0.**",
    "1.0.*-*bla",
    "1.0.*-*bla+*",
    "**",
    "1.0.0-preview.*+blabla",
    "1.0.*--",
    "1.0.*-alpha*+",
    "1.0.*-",
    // Ours: brackets, separators and comparator mistakes.
    "[1.0",
    "1.0]",
    "(",
    "[1.0,2.0,3.0]",
    "[1.0.0, 2.0.0] x",
    "1.0,2.0",
    "1.0 - 2.0",
    "1.0 || 2.0",
    ">=",
    ">= ",
    ">=1.0 2.0",
    ">=1.0 <2.0 x",
    "> =1.0",
    ">=2.0 <1.0",
    ">=1.0 <1.0",
    "=1.0 =2.0",
    ">=1.0 <2.0.*",
    ">=1 >=1 >=1 >=1 >=1 >=1 >=1 >=1 >=1",
};

TEST(VersionRangeTest, RejectsWhatNuGetRejects) {
  for (const std::string_view input : kInvalidCases) {
    SCOPED_TRACE(std::string(input));
    const auto range = parse_version_range(input);
    ASSERT_FALSE(range.has_value());
    EXPECT_EQ(range.error().code, Errc::kInvalidArgument);
    EXPECT_EQ(range.error().error_code, "INVALID_VERSION_RANGE");
    EXPECT_EQ(range.error().property, "version");
    EXPECT_FALSE(range.error().message.empty());
    EXPECT_EQ(range.error().message.find('\n'), std::string::npos);
  }
}

TEST(VersionRangeTest, BoundsInputLength) {
  // Leading zeros keep the upper bound a valid version of any length.
  const std::string longest = "[1.0.0, " + std::string(kMaxVersionRangeLength - 14, '0') + "2.0.0]";
  ASSERT_EQ(longest.size(), kMaxVersionRangeLength);
  EXPECT_TRUE(parse_version_range(longest).has_value());
  // Trailing whitespace would be trimmed: only the length check rejects this.
  EXPECT_FALSE(parse_version_range(longest + " ").has_value());
  EXPECT_TRUE(parse_version_range(std::string(kMaxVersionRangeLength, ' ')).has_value());
  EXPECT_FALSE(parse_version_range(std::string(kMaxVersionRangeLength + 1, ' ')).has_value());
}

struct SatisfiesCase {
  std::string_view range;
  std::string_view version;
  bool include_prerelease;
  bool expected;
};

constexpr SatisfiesCase kSatisfiesCases[] = {
    // VersionRangeTests.VersionRange_IsBetter_Prerelease (NuGet's prerelease gate), prereleases
    // not requested.
    {"1.0.0", "1.0.1-beta", false, false},
    {"1.0.0", "1.0.1", false, true},
    {"1.0.0-*", "1.0.0-beta", false, true},
    {"1.0.0-beta.*", "1.0.0-beta.1", false, true},
    {"1.0.0-beta-*", "1.0.0-beta-01", false, true},
    {"1.0.*", "1.0.0-beta", false, false},
    {"1.*", "1.0.0-beta", false, false},
    {"*", "1.0.0-beta", false, false},
    {"[1.0.0, 2.0.0]", "1.5.0-beta", false, false},
    {"[1.0.0, 2.0.0-beta]", "1.5.0-beta", false, true},
    {"[1.0.0-beta, 2.0.0]", "1.5.0-beta", false, true},
    {"[1.0.0-beta, 2.0.0]", "3.5.0-beta", false, false},
    {"[1.0.0-beta, 2.0.0]", "0.5.0-beta", false, false},
    {"[1.0.0-beta, 2.0.0)", "2.0.0", false, false},
    {"[1.0.0-beta, 2.0.0)", "2.0.0-beta", false, true},
    // Same source, where floats really float: NuGet says true, as its Satisfies ignores the
    // float; here the float covers 1.0.0 (resp. 1.0.x) only.
    {"1.0.0-beta-*", "2.0.0-beta", false, false},
    {"[1.0.*, 2.0.0-beta]", "2.0.0-beta", false, false},
    {"[1.0.*, 2.0.0-beta]", "1.0.5-beta", false, true},
    // VersionRangeTests.ParseVersionRangeSatisfies (NuGet's Satisfies has no prerelease gate,
    // so prereleases are requested where the range does not mention one).
    {"1.0.0", "2.0.0", false, true},
    {"[1.0.0, 2.0.0]", "2.0.0", false, true},
    {"(2.0.0,)", "2.1.0", false, true},
    {"[2.0.0]", "2.0.0", false, true},
    {"(,2.0.0]", "2.0.0", false, true},
    {"(,2.0.0]", "1.0.0", false, true},
    {"[2.0.0, )", "2.0.0", false, true},
    {"1.0.0", "1.0.0", false, true},
    {"[1.0.0]", "1.0.0", false, true},
    {"[1.0.0, 1.0.0]", "1.0.0", false, true},
    {"[1.0.0, 2.0.0]", "1.0.0", false, true},
    {"[1.0.0-beta+meta, 2.0.0-beta+meta]", "1.0.0", false, true},
    {"[1.0.0-beta+meta, 2.0.0-beta+meta]", "1.0.0-beta+meta", false, true},
    {"[1.0.0-beta+meta, 2.0.0-beta+meta]", "2.0.0-beta", false, true},
    {"[1.0.0-beta+meta, 2.0.0-beta+meta]", "1.0.0+meta", false, true},
    {"(1.0.0-beta+meta, 2.0.0-beta+meta)", "1.0.0", false, true},
    {"(1.0.0-beta+meta, 2.0.0-beta+meta)", "2.0.0-alpha+meta", false, true},
    {"(1.0.0-beta+meta, 2.0.0-beta+meta)", "2.0.0-alpha", false, true},
    {"(, 2.0.0-beta+meta)", "2.0.0-alpha", false, true},
    // VersionRangeTests.ParseVersionRangeDoesNotSatisfy.
    {"1.0.0", "0.0.0", true, false},
    {"[1.0.0, 2.0.0]", "2.0.1", true, false},
    {"[1.0.0, 2.0.0]", "0.0.0", true, false},
    {"[1.0.0, 2.0.0]", "3.0.0", true, false},
    {"[1.0.0-beta+meta, 2.0.0-beta+meta]", "1.0.0-alpha", true, false},
    {"[1.0.0-beta+meta, 2.0.0-beta+meta]", "1.0.0-alpha+meta", true, false},
    {"[1.0.0-beta+meta, 2.0.0-beta+meta]", "2.0.0-rc", true, false},
    {"[1.0.0-beta+meta, 2.0.0-beta+meta]", "2.0.0+meta", true, false},
    {"(1.0.0-beta+meta, 2.0.0-beta+meta)", "2.0.0-beta+meta", true, false},
    {"(, 2.0.0-beta+meta)", "2.0.0-beta+meta", true, false},
    // VersionRangeFloatParsingTests.*VerifySatisfies*,
    // FloatingRangeTests.FloatRange_ParsePrerelease.
    {"1.0.0-*", "1.0.0-0", false, true},
    {"1.0.0-*", "1.0.0-100", false, true},
    {"1.0.0-*", "1.0.0-0.0.0.0", false, true},
    {"1.0.0-*", "1.0.0-0+0-0", false, true},
    {"1.0.0-a*", "1.0.0-a.0", false, true},
    {"1.0.0-a*", "1.0.0-a-0", false, true},
    {"1.0.0-a*", "1.0.0-a", false, true},
    {"1.0.*-a*", "1.0.0-a", false, true},
    {"1.*-a*", "1.0.0-a", false, true},
    {"*-a*", "1.0.0-a", false, true},
    {"1.0.0-*", "1.0.0-alpha", false, true},
    {"1.0.0-*", "1.0.0", false, true},
    {"1.0.0-*", "1.0.1-alpha", false, false},
    {"1.0.0-*", "1.0.1", false, false},
    // Ours: floats cover their fixed parts only.
    {"1.*", "2.0.0", false, false},
    {"1.*", "1.9.3", false, true},
    {"1.2.*", "1.3.0", false, false},
    {"1.2.*", "1.2.9", false, true},
    {"1.2.3.*", "1.2.3.7", false, true},
    {"1.2.3.*", "1.2.4", false, false},
    {"(1.0.*, )", "1.0.0", false, false},
    {"(1.0.*, )", "1.0.1", false, true},
    {"1.1*", "1.2.0", false, false},
    {"1.1*", "1.10.0", false, true},
    {"1.1*", "1.20.0", false, true},
    {"1.0.0-RC*", "1.0.0-rc.1", false, true},
    // Ours: include_prerelease, and a float's prefix still restricts.
    {"1.*", "1.5.0-beta", true, true},
    {"*", "3.0.0-rc.1", true, true},
    {"1.0.0-rc*", "1.0.0-beta", true, false},
    {"[1.0, 2.0)", "1.5.0-beta", true, true},
    {"[1.0, 2.0)", "2.0.0-beta", true, true},  // Below 2.0.0, as NuGet orders it.
    {"", "1.0.0-beta", false, false},
    {"", "1.0.0-beta", true, true},
    {"", "0.0.0", false, true},
    {"(, )", "5.0.0", false, true},
    {"(1.0, 1.0)", "1.0.0", true, false},
    {">=1.0 <2.0", "1.9.9", false, true},
    {">=1.0 <2.0", "2.0.0", false, false},
    {">1.0", "1.0.0", false, false},
    {"==1.0", "1.0.0.0", false, true},
    {">=1.0.0-beta", "1.0.0-rc", false, true},
};

TEST(VersionRangeTest, SatisfiesFollowsBoundsFloatsAndThePrereleaseRule) {
  for (const SatisfiesCase& c : kSatisfiesCases) {
    SCOPED_TRACE(std::string(c.range) + " ? " + std::string(c.version) +
                 (c.include_prerelease ? " (prereleases)" : ""));
    const auto range = parse_version_range(c.range);
    ASSERT_TRUE(range.has_value()) << range.error().message;
    EXPECT_EQ(range.value().satisfies(version_of(c.version), c.include_prerelease), c.expected);
  }
}

struct BestMatchCase {
  std::string_view range;
  std::string_view listed;  // ';'-separated.
  bool include_prerelease;
  std::string_view expected;  // "" for none.
};

constexpr std::string_view kRcList = "1.1.0;1.2.0-rc.1;1.2.0-rc.2;2.0.0;3.0.0-beta.1";

constexpr BestMatchCase kBestMatchCases[] = {
    // VersionRangeFloatParsingTests.VersionRangeFloatParsing_FindsBestMatch.
    {"*", "1.0.0;2.0.0", false, "2.0.0"},
    {"[*, )", "1.0.0;2.0.0", false, "2.0.0"},
    {"(1.0.*, 2.0.0)", "1.0.0;2.0.0;3.0.0", false, ""},
    {"*", kRcList, false, "2.0.0"},
    {"1.*", kRcList, false, "1.1.0"},
    {"1.2.0-*", kRcList, false, "1.2.0-rc.2"},
    {"*-*", kRcList, false, "3.0.0-beta.1"},
    {"1.*-*", kRcList, false, "1.2.0-rc.2"},
    {"*-rc.*", kRcList, false, "2.0.0"},
    {"1.*-rc*", "1.1.0;1.2.0-rc.1;1.2.0-rc.2;1.2.0-rc1;2.0.0;3.0.0-beta.1", false, "1.2.0-rc1"},
    {"1.1*-*", "1.1.0;1.2.0-rc.1;1.2.0-rc.2;1.2.0-rc1;1.10.0;2.0.0;3.0.0-beta.1", false, "1.10.0"},
    // VersionRangeFloatParsingTests: FloatPrerelease, FloatPrereleaseMatchVersion,
    // FloatPrereleasePrefix, FloatPrereleasePrefixSemVerLabelMix.
    {"1.0.0-*", "1.0.0-alpha;1.0.0-beta", false, "1.0.0-beta"},
    {"1.0.0-*", "1.0.0-beta;1.0.1-omega", false, "1.0.0-beta"},
    {"1.0.0-beta.*", "1.0.0-beta.1;1.0.0-beta.2;1.0.0-omega.3", false, "1.0.0-beta.2"},
    {"1.0.0-beta.*", "1.0.0-beta.1;1.0.0-beta.2;1.0.0-beta.a", false, "1.0.0-beta.a"},
    // FloatingRangeTests: FloatMinorBest, FloatAllBest, FloatPrereleaseBest,
    // FloatPrereleasePartialBest, FloatRange_OutsideOfRange(Lower|Higher).
    {"1.*", "0.1.0;1.0.0;1.2.0;2.0.0", false, "1.2.0"},
    {"*", "0.1.0;2.0.0;2.5.0;3.3.0", false, "3.3.0"},
    {"1.0.0-*", "0.1.0-alpha;1.0.0-alpha01;1.0.0-alpha02;2.0.0-beta;2.0.1", false, "1.0.0-alpha02"},
    {"1.0.0-alpha*", "0.1.0-alpha;1.0.0-alpha01;1.0.0-alpha02;2.0.0-beta;2.0.1", false,
     "1.0.0-alpha02"},
    {"[1.0.*, 2.0.0)", "0.1.0;1.0.0-alpha.2;2.0.0;2.2.0;3.0.0", false, ""},
    {"[1.0.*, 2.0.0)", "0.1.0;0.2.0;1.0.0-alpha.2", false, ""},
    {"[1.0.*, 2.0.0)", "2.0.0;2.0.0-alpha.2;3.1.0", false, ""},
    // VersionRangeTests.FindBestMatch_*.
    {"[1.*-alpha*, )", "0.1.0;0.2.0;1.0.0-alpha.2;1.9.0;1.20.0-alph.3;101.0.0", false, "1.9.0"},
    {"[*-alpha*, )", "0.1.0;0.2.0;1.0.0-alpha.2;1.9.0;1.20.0-alph.3", false, "1.9.0"},
    {"*-rc*", "1.1.0;1.2.0-rc.1;1.2.0-rc.2;1.2.0-rc1;2.0.0;3.0.0-beta.1", false, "2.0.0"},
    {"[1.1.1.1*-*, 2.0.0)", "1.1.1.10;3.1.0", false, "1.1.1.10"},
    {"[1.1.1.1*, 2.0.0)", "1.1.1.10;3.1.0", false, "1.1.1.10"},
    {"[1.1.1*-*, 2.0.0)", "1.1.10;3.1.0", false, "1.1.10"},
    {"[1.1.1*, 2.0.0)", "1.1.10;3.1.0", false, "1.1.10"},
    {"[1.1*-*, 2.0.0)", "1.10.1;3.1.0", false, "1.10.1"},
    {"[1.1*, 2.0.0)", "1.10.1;3.1.0", false, "1.10.1"},
    {"[1.0.0--*, 2.0.0)", "1.0.0--alpha;1.0.0--beta;3.1.0", false, "1.0.0--beta"},
    {"[1.*--*, 2.0.0)", "1.0.0--alpha;1.0.0--beta;1.9.0--beta;3.1.0", false, "1.9.0--beta"},
    // Where NuGet's restore falls back to the lowest version above a float that covers
    // nothing, or prefers the lowest version of a plain range, we take the highest allowed:
    // NuGet answers 1.0.0, 2.0.0, 2.0.0, 1.0.1-alpha01, 101.0.0, 0.1.0-beta, 1.0.0, 1.0.0.
    {"0.*", "1.0.0;2.0.0", false, ""},
    {"(1.0.*, )", "1.0.0;2.0.0;3.0.0", false, ""},
    {"1.*", "0.1.0;2.0.0;2.5.0;3.3.0", false, ""},
    {"1.0.0-*", "0.1.0-alpha;1.0.1-alpha01;1.0.1-alpha02;2.0.0-beta;2.0.1", false, ""},
    {"[1.0.*, )", "0.1.0;0.2.0;1.0.0-alpha.2;101.0.0", false, ""},
    {"[*-rc*, )", "0.1.0-beta;1.0.0-alpha.2;1.9.0-alpha.2;2.0.0-alpha.2", false, ""},
    {"1.0.0", "1.0.0;1.1.0", false, "1.1.0"},
    {"[1.0.0, 2.0.0)", "1.0.0;1.1.0", false, "1.1.0"},
    // VersionRangeFloatParsingTests.VersionRangeFloatParsing_NoFloat, where both agree.
    {"[1.0.0]", "1.0.0;1.1.0", false, "1.0.0"},
    // Ours: include_prerelease, ties, nothing listed.
    {"", "1.0.0;2.0.0-beta", false, "1.0.0"},
    {"", "1.0.0;2.0.0-beta", true, "2.0.0-beta"},
    {"1.*", "1.0.0;1.5.0-beta;2.0.0", true, "1.5.0-beta"},
    {"[1.0, 2.0)", "1.0.0;1.9.0;1.9.1-rc;2.0.0", false, "1.9.0"},
    {"[1.0, 2.0)", "1.0.0;1.9.0;1.9.1-rc;2.0.0", true, "1.9.1-rc"},
    {">=1.0 <2.0", "0.9.0;1.0.0;1.5.0;2.0.0", false, "1.5.0"},
    {"", "1.0.0-BETA;1.0.0-beta", true, "1.0.0-BETA"},
    {"*", "", false, ""},
};

TEST(VersionRangeTest, BestMatchIsTheHighestAllowedVersion) {
  for (const BestMatchCase& c : kBestMatchCases) {
    SCOPED_TRACE(std::string(c.range) + " over " + std::string(c.listed) +
                 (c.include_prerelease ? " (prereleases)" : ""));
    const auto range = parse_version_range(c.range);
    ASSERT_TRUE(range.has_value()) << range.error().message;
    const std::vector<NuGetVersion> listed = versions_of(c.listed);
    const auto best = range.value().best_match(listed, c.include_prerelease);
    EXPECT_EQ(best ? best->normalized() : "", c.expected);
  }
}

TEST(VersionRangeTest, DefaultRangeIsAnyVersion) {
  const VersionRange any;
  EXPECT_EQ(any.normalized(), "(, )");
  EXPECT_TRUE(any.satisfies(version_of("0.0.0"), false));
  EXPECT_FALSE(any.satisfies(version_of("0.0.1-a"), false));
}

}  // namespace
}  // namespace badgesmith::nuget
