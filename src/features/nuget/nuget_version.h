// NuGet's version numbers: SemVer 2.0 with NuGet's leniencies (1 to 4 numeric parts, leading
// zeros, inner whitespace), parsed, ordered and printed as NuGet.Versioning 6.x does
// (NuGetVersion.TryParse, VersionComparer.Default, ToNormalizedString).
//
// Plain values: safe to share between threads once built. Nothing here throws except
// std::bad_alloc.
#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace badgesmith::nuget {

// Longer inputs are rejected before any parsing: no real version comes close.
inline constexpr std::size_t kMaxVersionLength = 256;

class NuGetVersion {
 public:
  // Major, minor, patch, revision; parts missing from the text are 0.
  const std::array<std::int32_t, 4>& numeric_parts() const { return numbers_; }

  // The prerelease identifiers as written, dot-separated ("beta.2"); "" for a release.
  const std::string& release() const { return release_; }

  bool is_prerelease() const { return !release_.empty(); }

  // NuGet's ToNormalizedString(): "major.minor.patch", ".revision" only when it is not 0, then
  // "-release" as written; leading zeros and build metadata are dropped ("01.0+x" -> "1.0.0").
  std::string normalized() const;

  // VersionComparer.Default: numeric parts; then a release above any of its prereleases; then
  // identifier by identifier, where identifiers that parse as a 32-bit int (NuGet's
  // int.TryParse, so "-1" counts) compare numerically and sort before the others, which compare
  // ASCII case-insensitively; a shorter identifier list that is a prefix sorts first. Build
  // metadata never matters. Weak: "1.0-BETA" and "1.0.0-beta" are equivalent, not identical.
  friend std::weak_ordering operator<=>(const NuGetVersion& a, const NuGetVersion& b);
  friend bool operator==(const NuGetVersion& a, const NuGetVersion& b) { return std::is_eq(a <=> b); }

 private:
  friend std::optional<NuGetVersion> parse_version(std::string_view text);

  std::array<std::int32_t, 4> numbers_{};
  std::string release_;
};

// What NuGet trims around versions and ranges (.NET String.Trim()), restricted to ASCII
// whitespace: space, \t, \n, \v, \f, \r. Returns a view into `text`.
std::string_view trim_whitespace(std::string_view text);

// NuGetVersion.TryParse(): accepts what NuGet accepts and nothing more, with one narrowing:
// only ASCII whitespace counts as whitespace (.NET also trims U+00A0 and other Unicode spaces).
//   - surrounding whitespace is trimmed;
//   - 1 to 4 dot-separated numeric parts, each 0..2147483647, leading zeros allowed, and
//     whitespace allowed around each part ("1 .2" is 1.2.0);
//   - optional "-" prerelease: dot-separated, non-empty identifiers of [0-9A-Za-z-], no leading
//     zero in an all-digit identifier ("01" is rejected, "0a" is fine);
//   - optional "+" build metadata: same identifiers, leading zeros allowed; ignored afterwards.
// nullopt for anything else, including "v1.0", "1.0.0-", "1.2.3.4.5" and inputs longer than
// kMaxVersionLength.
std::optional<NuGetVersion> parse_version(std::string_view text);

}  // namespace badgesmith::nuget
