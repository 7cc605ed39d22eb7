// libFuzzer target for the package badges' small parsers, whose input a stranger controls: the
// `version` query of a badge request (a range), the versions an upstream lists, its Retry-After
// header, and upstream URLs (configuration, but also the @id links in a NuGet feed's answers).
//
// Input layout: lines split on '\n'. Every line (at most kMaxLines) is tried as a version, a
// version range, a badge query string, an upstream URL and a Retry-After value; the whole input is
// also tried as a version and as a range, since both accept inner whitespace. The versions that
// parse are then compared pairwise and fed to every range that parses.
#include <algorithm>
#include <chrono>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/message.h"
#include "core/http/url.h"
#include "features/nuget/nuget_version.h"
#include "features/nuget/version_range.h"
#include "features/packages/package_badge.h"

namespace {

namespace nuget = badgesmith::nuget;
namespace http = badgesmith::http;
namespace packages = badgesmith::packages;

// Bounds the pairwise and triple-wise checks below.
constexpr std::size_t kMaxLines = 8;

void check(bool condition) {
  if (!condition) __builtin_trap();
}

std::weak_ordering reversed(std::weak_ordering order) {
  return order < 0 ? std::weak_ordering::greater
                   : (order > 0 ? std::weak_ordering::less : std::weak_ordering::equivalent);
}

void check_version(const nuget::NuGetVersion& version) {
  check(version.is_prerelease() == !version.release().empty());
  check(std::all_of(version.numeric_parts().begin(), version.numeric_parts().end(),
                    [](std::int32_t part) { return part >= 0; }));
  check((version <=> version) == 0);
  const std::string normalized = version.normalized();
  check(normalized.find('+') == std::string::npos);
  // Normalising may lengthen a version ("1-a" -> "1.0.0-a") past kMaxVersionLength, which
  // parse_version rejects outright; nothing re-parses a normalised version, so only shorter ones
  // must round-trip.
  if (normalized.size() > nuget::kMaxVersionLength) return;
  const auto again = nuget::parse_version(normalized);
  check(again.has_value());
  check(*again == version);
  check(again->normalized() == normalized);
}

// VersionComparer.Default must be a weak order, or best_match() depends on the listing order.
void check_ordering(const std::vector<nuget::NuGetVersion>& versions) {
  for (const auto& a : versions) {
    for (const auto& b : versions) {
      const auto ab = a <=> b;
      check(ab == reversed(b <=> a));
      for (const auto& c : versions) {
        if (ab <= 0 && (b <=> c) <= 0) check((a <=> c) <= 0);
      }
    }
  }
}

void check_best_match(const nuget::VersionRange& range,
                      const std::vector<nuget::NuGetVersion>& versions, bool include_prerelease) {
  const auto best = range.best_match(versions, include_prerelease);
  const nuget::NuGetVersion* first_best = nullptr;
  for (const auto& version : versions) {
    if (!range.satisfies(version, include_prerelease)) continue;
    check(best.has_value() && *best >= version);
    if (first_best == nullptr && version == *best) first_best = &version;
  }
  check(best.has_value() == (first_best != nullptr));
  // Of equivalent versions ("1.0-BETA", "1.0.0-beta"), the first listed one is shown.
  if (best) {
    check(best->numeric_parts() == first_best->numeric_parts());
    check(best->release() == first_best->release());
  }
}

void check_range(const nuget::VersionRange& range,
                 const std::vector<nuget::NuGetVersion>& versions) {
  for (const auto& version : versions) {
    // Asking for prereleases only ever widens a range.
    if (range.satisfies(version, false)) check(range.satisfies(version, true));
  }
  check_best_match(range, versions, false);
  check_best_match(range, versions, true);

  // ToNormalizedString() re-parses, but NuGet's float notation cannot say every float: "1.1*"
  // (1.x from 1.10.0) prints as "[1.*, )". So a float's normalised form may only be wider, while
  // any other range's must be equivalent; either way normalising again changes nothing. As for
  // versions, normalising may lengthen a range past kMaxVersionRangeLength.
  const std::string normalized = range.normalized();
  if (normalized.size() > nuget::kMaxVersionRangeLength) return;
  const auto again = nuget::parse_version_range(normalized);
  check(again.has_value());
  check(again.value().normalized() == normalized);
  const bool floats = normalized.find('*') != std::string::npos;
  for (const auto& version : versions) {
    for (const bool include_prerelease : {false, true}) {
      const bool before = range.satisfies(version, include_prerelease);
      const bool after = again.value().satisfies(version, include_prerelease);
      check(floats ? (!before || after) : before == after);
    }
  }
}

void check_url(std::string_view text) {
  const auto parsed = http::parse_upstream_url(text);
  if (!parsed) return;
  const http::Url& url = parsed.value();
  check(!url.host.empty());
  check(
      std::none_of(url.host.begin(), url.host.end(), [](char c) { return c >= 'A' && c <= 'Z'; }));
  check(url.port != 0);
  check(!url.target.empty() && url.target.front() == '/');
  check(url.target.find('#') == std::string::npos);
  check(url.tls || http::is_loopback_host(url.host));
  // What the client connects to and sends as Host must parse back to the same place.
  const auto again =
      http::parse_upstream_url((url.tls ? "https://" : "http://") + url.authority() + url.target);
  check(again.has_value());
  check(again.value().tls == url.tls && again.value().host == url.host &&
        again.value().port == url.port && again.value().target == url.target);
}

void check_retry_after(std::string_view text) {
  http::Headers headers;
  headers.set("Retry-After", text);
  const auto retry_after = packages::retry_after_of(headers);
  if (retry_after) {
    check(*retry_after >= std::chrono::seconds(1) && *retry_after <= std::chrono::hours(1));
  }
}

void check_query(std::string_view text) {
  http::Request request;
  request.method = "GET";
  request.path = "/badges/packages/nuget/Newtonsoft.Json";
  request.query = std::string(text);
  const auto query = packages::parse_version_query(request);
  if (!query) {
    check(query.error().code == badgesmith::Errc::kInvalidArgument);
    check(!query.error().error_code.empty());
    return;
  }
  if (const auto range = request.query_param("version")) {
    check(nuget::parse_version_range(*range).has_value());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> lines;
  for (std::size_t begin = 0; begin <= input.size() && lines.size() < kMaxLines;) {
    const std::size_t end = std::min(input.find('\n', begin), input.size());
    lines.push_back(input.substr(begin, end - begin));
    begin = end + 1;
  }

  std::vector<nuget::NuGetVersion> versions;
  std::vector<nuget::VersionRange> ranges;
  const auto try_version_and_range = [&](std::string_view text) {
    if (auto version = nuget::parse_version(text)) versions.push_back(std::move(*version));
    if (auto range = nuget::parse_version_range(text)) ranges.push_back(std::move(range).value());
  };
  try_version_and_range(input);
  for (const std::string_view line : lines) {
    try_version_and_range(line);
    check_query(line);
    check_url(line);
    check_retry_after(line);
  }

  for (const auto& version : versions) check_version(version);
  check_ordering(versions);
  for (const auto& range : ranges) check_range(range, versions);
  return 0;
}
