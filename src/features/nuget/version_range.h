// Version ranges for package badges: NuGet's interval and floating notation (parsed as
// NuGet.Versioning 6.x's VersionRange.TryParse does), plus comparator shorthand, and the choice of
// the newest listed version a range allows.
//
// Prerelease rule. A prerelease version satisfies a range only when the caller asks for
// prereleases (include_prerelease), or when the range itself mentions one, as in NuGet: a lower
// or upper bound that is a prerelease ("[1.0.0-beta, 2.0.0)"), or a float with a prerelease part
// ("1.0.0-*", "1.*-rc*", "*-*"). A float's prerelease part also restricts which prereleases it
// covers ("1.0.0-rc*" covers 1.0.0-rc.2, not 1.0.0-beta). Once prereleases count, a float
// without a prerelease part covers the prereleases of the versions it covers (with
// include_prerelease, "1.*" behaves as "1.*-*").
//
// Floats really float. A float covers only versions that share its fixed numeric parts ("1.2.*":
// 1.2.x), and satisfies() requires that, besides the bounds. NuGet's restore, by contrast, falls
// back to the lowest version above a float that covers nothing; a badge shows nothing instead.
//
// Values are immutable once parsed: safe to share between threads.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/result.h"
#include "features/nuget/nuget_version.h"

namespace badgesmith::nuget {

inline constexpr std::size_t kMaxVersionRangeLength = 256;
inline constexpr std::size_t kMaxComparatorTerms = 8;

// A version range's floating lower bound ("1.2.*", "1.0.0-beta*"), in NuGet's terms.
struct FloatSpec {
  // How many leading numeric parts a covered version shares with the lower bound: 0 for "*",
  // 1 for "1.*", 2 for "1.2.*", 3 for "1.2.3.*", 4 for "1.2.3-beta*" (only the label floats).
  int fixed_parts = 0;
  // Set when the float has a prerelease part: covered prereleases start with it, compared
  // ASCII case-insensitively ("" for "-*"). Unset: no label restriction, but prereleases then
  // count only through the prerelease rule above.
  std::optional<std::string> prerelease_prefix;
};

struct VersionBound {
  NuGetVersion version;
  bool is_inclusive = true;
};

class VersionRange {
 public:
  // Any version (what an empty range string means).
  VersionRange() = default;

  // True when `version` lies within the bounds, is covered by the float (if any) and passes the
  // prerelease rule above.
  bool satisfies(const NuGetVersion& version, bool include_prerelease) const;

  // The highest of `listed` that satisfies(); the first of equivalent ones (see NuGetVersion's
  // ordering); nullopt when none does.
  std::optional<NuGetVersion> best_match(std::span<const NuGetVersion> listed,
                                         bool include_prerelease) const;

  // NuGet's VersionRange.ToNormalizedString(): "[1.0.0, 2.0.0)", "(, 2.0.0]", "[1.*, )",
  // "[1.0.0-beta*, )", "(, )" for any version. Comparator shorthand prints as its interval.
  std::string normalized() const;

 private:
  friend Result<VersionRange> parse_version_range(std::string_view text);

  // Whether prereleases count even without include_prerelease (the rule above).
  bool mentions_prerelease() const;
  bool is_covered_by_float(const NuGetVersion& version) const;

  std::optional<VersionBound> lower_;
  std::optional<VersionBound> upper_;
  std::optional<FloatSpec> float_;  // REQUIRES: set only with lower_.
};

// Accepted forms (surrounding whitespace ignored; "" means any version):
//   NuGet intervals: "1.0" (>= 1.0), "[1.0]" (exactly), "(1.0,)", "[1.0,2.0)", "(,2.0]", ...,
//     with whitespace around the bounds, and "(, )" for every version (NuGet reads it so); only
//     the lower bound may float.
//   NuGet floats: "*", "1.*", "1.2.*", "1.2.3.*", "1.0.0-*", "1.0.0-beta*", "1.2.*-*",
//     "*-rc*", "*-*", alone or as a lower bound ("[1.*, 2.0)"). As in NuGet, a star may also
//     complete a number: "1.1*" is 1.x from 1.10.0 on, and "1*" does not float at all (>= 10).
//   Comparators: ">=1.0", ">1.0", "<2.0", "<=2.0", "=1.0" or "==1.0" (exactly), optionally with
//     a space before the version, joined by spaces into a conjunction (">=1.0 <2.0"); at most
//     kMaxComparatorTerms terms, no floats.
// Rejects, as NuGet does: "(1.0)", "[1.0)", "(,)", "[,]", a lower bound above the upper bound,
// equal bounds with one of them exclusive, a floating upper bound, and invalid versions. The
// same bound checks apply to comparator conjunctions.
// Errors: Errc::kInvalidArgument, error_code "INVALID_VERSION_RANGE", property "version", with a
// one-line message that does not echo the input. Inputs longer than kMaxVersionRangeLength fail.
Result<VersionRange> parse_version_range(std::string_view text);

}  // namespace badgesmith::nuget
