// Conformance of NuGetVersion with NuGet.Versioning (NuGet/NuGet.Client, test/NuGet.Core.Tests/
// NuGet.Versioning.Test at fac35579c8). Each table names the tests its cases come from; cases
// marked "ours" follow from NuGet's source (NuGetVersionFactory.cs, VersionComparer.cs) where
// its tests say nothing.
#include "features/nuget/nuget_version.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace badgesmith::nuget {
namespace {

struct ValidCase {
  std::string_view input;
  std::string_view normalized;
  bool is_prerelease;
};

constexpr ValidCase kValidCases[] = {
    // NuGetVersionTest.TryParseHandlesValidVersionPatterns: whitespace around parts, leading
    // zeros, int.MaxValue.
    {"   19", "19.0.0", false},
    {"   19.   19", "19.19.0", false},
    {"   19.   19.   19", "19.19.19", false},
    {"   19.   19.   19.   19", "19.19.19.19", false},
    {"19   ", "19.0.0", false},
    {"19   .19   ", "19.19.0", false},
    {"19   .19   .19   ", "19.19.19", false},
    {"19   .19   .19   .19   ", "19.19.19.19", false},
    {"   19   .   19   .   19   .   19   ", "19.19.19.19", false},
    {"01.1.1.1", "1.1.1.1", false},
    {"1.01.1.1", "1.1.1.1", false},
    {"1.1.01.1", "1.1.1.1", false},
    {"1.1.1.01", "1.1.1.1", false},
    {"2147483647.1.1.1", "2147483647.1.1.1", false},
    {"1.2147483647.1.1", "1.2147483647.1.1", false},
    {"1.1.1.2147483647", "1.1.1.2147483647", false},
    // NuGetVersionTest.ParseReadsLegacyStyleVersionNumbers, ...SemverAndHybridSemverVersionNumbers,
    // ...ParseIgnoresLeadingAndTrailingWhitespace.
    {"1.022", "1.22.0", false},
    {"23.2.3", "23.2.3", false},
    {"1.3.42.10133", "1.3.42.10133", false},
    {"1.022-Beta", "1.22.0-Beta", true},
    {"1.3.42.200930-RC-2", "1.3.42.200930-RC-2", true},
    {"  1.022-Beta", "1.22.0-Beta", true},
    {"23.2.3-Alpha  ", "23.2.3-Alpha", true},
    {"    1.3.42.10133-PreRelease  ", "1.3.42.10133-PreRelease", true},
    // NuGetVersionTest.ToStringReturnsNormalizedForSemVer2, StringConstructorParsesValuesCorrectly.
    {"1.0+A", "1.0.0", false},
    {"1.0-1.1", "1.0.0-1.1", true},
    {"1.0-1.1+B.B", "1.0.0-1.1", true},
    {"1.0.0009.01-1.1+A", "1.0.9.1-1.1", true},
    {"3.4.0.3-RC-3", "3.4.0.3-RC-3", true},
    {"1.0.0-beta.x.y.5.79.0+aa", "1.0.0-beta.x.y.5.79.0", true},
    // VersionParsingTests.VersionLength, VersionRangeTests.MissingVersionComponents_DefaultToZero.
    {"2", "2.0.0", false},
    {"2.0", "2.0.0", false},
    {"2.0.0.0", "2.0.0", false},
    {"02", "2.0.0", false},
    {"123.456", "123.456.0", false},
    // VersionParsingTests.IsPrereleaseParsing, NuGetVersionParseStrict.
    {"1.0.0+Metadata", "1.0.0", false},
    {"1.0.0-RC.X.35.A.3455+Meta", "1.0.0-RC.X.35.A.3455", true},
    {"1.2.3-X.y3+0", "1.2.3-X.y3", true},
    {"1.2.3+0", "1.2.3", false},
    {"1.2.3-0", "1.2.3-0", true},
    // SemVer201SpecTests.SemVerVersionValidReleaseLabels and leading zeros in alphanumerics.
    {"0.1.2--", "0.1.2--", true},
    {"0.1.2--B2.-.C.-A0-", "0.1.2--B2.-.C.-A0-", true},
    {"0.1.2+NoReleaseLabel", "0.1.2", false},
    {"0.1.2-02A", "0.1.2-02A", true},
    {"0.1.2-2.A.02-", "0.1.2-2.A.02-", true},
    // Ours: sections and whitespace as NuGetVersionFactory reads them.
    {"1.0+a-b", "1.0.0", false},  // A '-' after '+' is metadata.
    {"1.0.0-rc.1+build.5-x", "1.0.0-rc.1", true},
    {"1.0.0+001", "1.0.0", false},      // Metadata may have leading zeros.
    {"1.0 -beta", "1.0.0-beta", true},  // Whitespace may end a numeric part.
    {"\t1.0\r\n", "1.0.0", false},
    {"0", "0.0.0", false},
    {"0.0.0.0", "0.0.0", false},
    {"1.0.0.4", "1.0.0.4", false},
};

TEST(NuGetVersionTest, ParsesAndNormalizesLikeNuGet) {
  for (const ValidCase& c : kValidCases) {
    SCOPED_TRACE(std::string(c.input));
    const auto version = parse_version(c.input);
    ASSERT_TRUE(version.has_value());
    EXPECT_EQ(version->normalized(), c.normalized);
    EXPECT_EQ(version->is_prerelease(), c.is_prerelease);
  }
}

constexpr std::string_view kInvalidCases[] = {
    // NuGetVersionTest.ParseThrowsIfStringIsNotAValidSemVer.
    "",
    "         ",
    "1beta",
    "1.2Av^c",
    "1.2..",
    "1.2.3.4.5",
    "1.2.3.Beta",
    "1.2.3.4This version is full of awesomeness!!",
    "So.is.this",
    "1.34.2Alpha",
    "1.34.2Release Candidate",
    "1.4.7-",
    "1.4.7-*",
    "1.4.7+*",
    "1.4.7-AA.01^",
    "1.4.7-AA.0A^",
    "1.4.7-A^A",
    "1.4.7+AA.01^",
    "1.2147483648",
    "1.1.2147483648",
    "1.1.1.2147483648",
    "1.1.1.1.2147483648",
    "10000000000000000000",
    "1.10000000000000000000",
    "1.1.10000000000000000000",
    "1.1.1.1.10000000000000000000",
    "1..2",
    "....",
    "..1",
    "-1.1.1.1",
    "1.-1.1.1",
    "1.1.-1.1",
    "1.1.1.-1",
    "1.",
    "1.1.",
    "1.1.1.",
    "1.1.1.1.",
    "1.1.1.1.1.",
    "1     1.1.1.1",
    "1.1     1.1.1",
    "1.1.1     1.1",
    "1.1.1.1     1",
    " .1.1.1",
    "1. .1.1",
    "1.1. .1",
    "1.1.1. ",
    "1 .",
    "1.1 .",
    "1.1.1 .",
    "1.1.1.1 .",
    "2147483648.2.3.4",
    "1.2147483648.3.4",
    "1.2.2147483648.4",
    "1.2.3.2147483648",
    "..1.2",
    "   1 9",
    "   19.   1 9",
    "1 9   ",
    "19   .1 9   ",
    "   19   .   19   .   19   .   1 9   ",
    // NuGetVersionTest.TryParseReturnsFalseWhenUnableToParseString.
    "NotAVersion",
    "v1.0.0",
    // VersionRangeTests.ParseVersionRangeWithBadVersionThrows (as single versions).
    "-1",
    "+1",
    ".1",
    "1,",
    ",1",
    "-",
    "+",
    "a",
    // SemVer201SpecTests: invalid release identifiers, characters and numeric leading zeros.
    "0.1.2-Alpha..2",
    "0.1.2-Alpha.",
    "0.1.2-.AA",
    "0.1.2-alp=ha",
    "0.1.2-a&444",
    "0.1.2-alp\xe2\x94\x90jj",
    "0.1.2-02",
    "0.1.2-2.02",
    "0.1.2-2.A.02",
    "0.1.2-02.A",
    // Ours: empty sections, bad metadata, whitespace inside a label, non-ASCII space.
    "1.0.0+",
    "1.0.0-beta+",
    "1.0.0-+meta",
    "1.0.0+a..b",
    "1.0.0+a+b",
    "1.0.0-beta 2",
    "1.0.0\xc2\xa0",
};

TEST(NuGetVersionTest, RejectsWhatNuGetRejects) {
  for (const std::string_view input : kInvalidCases) {
    SCOPED_TRACE(std::string(input));
    EXPECT_FALSE(parse_version(input).has_value());
  }
}

TEST(NuGetVersionTest, BoundsInputLength) {
  const std::string longest = "1.0.0-" + std::string(kMaxVersionLength - 6, 'a');
  EXPECT_TRUE(parse_version(longest).has_value());
  EXPECT_FALSE(parse_version(longest + "a").has_value());
  // Whitespace counts too: the bound applies before trimming.
  EXPECT_FALSE(parse_version(std::string(kMaxVersionLength, ' ') + "1.0").has_value());
}

struct PairCase {
  std::string_view a;
  std::string_view b;
};

constexpr PairCase kEquivalentCases[] = {
    // VersionComparerTests.VersionComparisonDefaultEqual(WithNuGetVersion).
    {"1.0.0", "1.0.0"},
    {"1.0.0-BETA", "1.0.0-beta"},
    {"1.0.0-BETA+AA", "1.0.0-beta+aa"},
    {"1.0.0-BETA.X.y.5.77.0+AA", "1.0.0-beta.x.y.5.77.0+aa"},
    {"1.0.0", "1.0.0+beta"},
    {"1.0", "1.0.0.0"},
    {"1.0+test", "1.0.0.0"},
    {"1.0.0.1-1.2.A", "1.0.0.1-1.2.a+A"},
    {"1.0.01", "1.0.1.0"},
    // NuGetVersionTest.SemVerEqualsOperatorWorks.
    {"1.23.01", "1.23.1"},
    {"1.45.6", "1.45.6.0"},
    {"1.6.2-BeTa", "1.6.02-beta"},
    {"22.3.07     ", "22.3.07"},
    {"1.0.0.0+beta.2", "1.0.0.0+beta.1"},
    // Ours: int.TryParse reads "-0" as the number 0.
    {"1.0.0--0", "1.0.0-0"},
};

TEST(NuGetVersionTest, EquivalentVersionsCompareEqual) {
  for (const PairCase& c : kEquivalentCases) {
    SCOPED_TRACE(std::string(c.a) + " vs " + std::string(c.b));
    const auto a = parse_version(c.a);
    const auto b = parse_version(c.b);
    ASSERT_TRUE(a && b);
    EXPECT_TRUE(*a == *b);
    EXPECT_TRUE((*a <=> *b) == 0);
    EXPECT_FALSE(*a < *b || *b < *a);
  }
}

// Each pair is {lower, higher}.
constexpr PairCase kOrderedCases[] = {
    // VersionComparerTests.VersionComparisonDefaultLess, ...NotEqualWithNuGetVersion.
    {"0.0.0", "1.0.0"},
    {"1.0.0", "1.1.0"},
    {"1.0.0", "1.0.1"},
    {"1.999.9999", "2.1.1"},
    {"1.0.0-BETA", "1.0.0-beta2"},
    {"1.0.0-beta+AA", "1.0.0+aa"},
    {"1.0.0-BETA", "1.0.0-beta.1+AA"},
    {"1.0.0-BETA.X.y.5.77.0+AA", "1.0.0-beta.x.y.5.79.0+aa"},
    {"1.0.0-BETA.X.y.5.79.0+AA", "1.0.0-beta.x.y.5.790.0+abc"},
    {"1.0", "1.0.0.1"},
    {"1.0.0.1-1.2.A", "1.0.0.1-1.2.a.A+A"},
    // NuGetVersionTest.SemVerLessThanAndGreaterThanOperatorsWorks.
    {"1.0", "1.0.1"},
    {"1.23", "1.231"},
    {"1.4.5.6", "1.45.6"},
    {"1.4.5.6", "1.4.5.60"},
    {"1.01", "1.10"},
    {"1.01-alpha", "1.10-beta"},
    {"1.01.0-RC-1", "1.10.0-rc-2"},
    {"1.01-RC-1", "1.01"},
    {"1.01", "1.2-preview"},
    // Ours, from VersionComparer.CompareRelease: numeric identifiers numerically and before
    // alphanumerics; only int32 values are numeric; "-1" is numeric; case-insensitive text.
    {"1.0.0-2", "1.0.0-10"},
    {"1.0.0-999", "1.0.0-a"},
    {"1.0.0-2147483647", "1.0.0-2147483648"},
    {"1.0.0-10000000000", "1.0.0-9999999999"},
    {"1.0.0--1", "1.0.0-0"},
    {"1.0.0-0", "1.0.0--"},
    {"1.0.0-Alpha", "1.0.0-beta"},
    {"1.0.0-alpha", "1.0.0-BETA"},
    {"1.0.0-a-", "1.0.0-a-b"},
    {"1.0.0-rc.2", "1.0.0-rc1"},
    // Ours: the revision outranks any prerelease label.
    {"1.0.0.1", "1.0.1"},
    {"1.0.0-rc", "1.0.0.1-alpha"},
};

TEST(NuGetVersionTest, OrdersLikeVersionComparerDefault) {
  for (const PairCase& c : kOrderedCases) {
    SCOPED_TRACE(std::string(c.a) + " < " + std::string(c.b));
    const auto lower = parse_version(c.a);
    const auto higher = parse_version(c.b);
    ASSERT_TRUE(lower && higher);
    EXPECT_TRUE(*lower < *higher);
    EXPECT_TRUE(*higher > *lower);
    EXPECT_FALSE(*lower == *higher);
  }
}

// SemVer 2.0.0 section 11's example chain, which NuGet follows (SemVer201SpecTests).
TEST(NuGetVersionTest, SortsTheSemVerPrecedenceExample) {
  const std::vector<std::string_view> expected = {
      "1.0.0-alpha",  "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
      "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1",       "1.0.0",
  };
  std::vector<NuGetVersion> versions;
  for (auto it = expected.rbegin(); it != expected.rend(); ++it) {
    versions.push_back(*parse_version(*it));
  }
  std::sort(versions.begin(), versions.end());
  std::vector<std::string> sorted;
  for (const NuGetVersion& version : versions) sorted.push_back(version.normalized());
  EXPECT_EQ(sorted, std::vector<std::string>(expected.begin(), expected.end()));
}

TEST(NuGetVersionTest, ExposesPartsAndRelease) {
  const auto version = parse_version("1.02.3.4-Beta.1+meta");
  ASSERT_TRUE(version.has_value());
  EXPECT_EQ(version->numeric_parts(), (std::array<std::int32_t, 4>{1, 2, 3, 4}));
  EXPECT_EQ(version->release(), "Beta.1");
  EXPECT_EQ(parse_version("1.0+meta")->release(), "");
}

TEST(NuGetVersionTest, TrimsAsciiWhitespaceOnly) {
  EXPECT_EQ(trim_whitespace(" \t\n\v\f\r1.0 \r\n"), "1.0");
  EXPECT_EQ(trim_whitespace("\xc2\xa0"
                            "1.0"),
            "\xc2\xa0"
            "1.0");
  EXPECT_EQ(trim_whitespace("   "), "");
}

}  // namespace
}  // namespace badgesmith::nuget
