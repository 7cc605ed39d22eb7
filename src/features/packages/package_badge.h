// What the NuGet and GitHub Packages version badges share: the query (`version` range,
// `prerelease`, `format`), checked before any upstream call; the badge itself; the HTTP caching
// of its response; and the mapping of upstream answers to errors. Each provider keeps its own
// upstream protocol (features/nuget, features/github); this file keeps them answering alike.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/cache/result_cache.h"
#include "core/http/cache_headers.h"
#include "core/http/client.h"
#include "core/http/message.h"
#include "core/result.h"
#include "features/badges/badge_response.h"
#include "features/nuget/nuget_version.h"
#include "features/nuget/version_range.h"

namespace badgesmith::packages {

// The .NET service's Cache-Control for package badges (badgesmith-dotnet.md §1.2).
inline constexpr std::string_view kDefaultCacheControl =
    "public, max-age=300, s-maxage=600, stale-while-revalidate=1200, stale-if-error=3600";

// A package's versions as an upstream lists them (listed ones only), kept in the result cache.
struct PackageVersions {
  std::vector<nuget::NuGetVersion> versions;
  std::string etag;  // The upstream's validator, for the next conditional request.
};

std::size_t size_of(const PackageVersions& versions);

// ?version, ?prerelease and ?format of a version badge.
struct VersionQuery {
  nuget::VersionRange range;
  bool include_prerelease = false;
  badges::Format format = badges::Format::kJson;
};

// Fails with kInvalidArgument (PACKAGE_RANGE_INVALID / versionRange, or INVALID_FORMAT) so a bad
// query never costs an upstream call. `prerelease` is parsed as .NET's bool.Parse would accept
// it: "true" in any case, surrounding white space allowed; anything else is false.
Result<VersionQuery> parse_version_query(const http::Request& request);

// How a provider labels its badge: ("nuget", "blue", "nuget") or ("github", "green", "github").
struct VersionBadgeStyle {
  std::string_view label;
  std::string_view stable_color;
  std::string_view named_logo;
};

// The badge for the newest version of `lookup` that `query` allows, with the caching headers of
// `cache_control` and Last-Modified from when the version list last changed; 404
// VERSION_NOT_FOUND when no version matches. Validators are not looked at (see BadgeMemo).
http::Response build_version_badge(const VersionQuery& query,
                                   const cache::ResultCache<PackageVersions>::Lookup& lookup,
                                   const VersionBadgeStyle& style, std::string_view cache_control);

// 200 with `badge` in `format` and the caching headers; used by the downloads badge too.
http::Response build_package_badge(badges::Format format, const badges::EndpointBadge& badge,
                                   std::chrono::system_clock::time_point changed_at,
                                   std::string_view cache_control);

// A route's responses, built once per upstream value: while the cache hands out the same value,
// a badge costs a lookup and a copy instead of a render and a SHA-256 (the difference between
// keeping up with nginx and not). Bounded: when full, it starts over.
//
// Thread-safety: safe to share; `build` runs outside the lock.
class BadgeMemo {
 public:
  explicit BadgeMemo(std::size_t max_entries = 4096) : max_entries_(max_entries) {}

  // The response to `request`: the one memoised for its path and query if it was built from
  // `source` (held, so its address cannot be reused by another value), else `build()`'s,
  // memoised. Then answers the request's validators (304). REQUIRES: `build` depends only on the
  // request's path and query and on `source`.
  http::Response respond(const http::Request& request, std::shared_ptr<const void> source,
                         const std::function<http::Response()>& build);

 private:
  struct Entry {
    std::shared_ptr<const void> source;
    std::shared_ptr<const http::Response> response;
  };

  const std::size_t max_entries_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;  // Guarded by mutex_.
};

// The error of an upstream answer that is neither a success nor an expected 404: 429 and 5xx
// (and rate-limit 403s) are kUpstreamUnavailable with a Retry-After hint, anything else
// kUpstreamInvalid. `upstream` names it in the message ("NuGet", "GitHub").
Error upstream_failure(const http::ClientResponse& response, std::string_view upstream);

// `error` as a badge route answers it: upstream trouble without an error code gets
// UPSTREAM_UNAVAILABLE / UPSTREAM_INVALID, and an unavailable upstream a Retry-After hint.
Error package_error(Error error);

// The Retry-After hint of a 429/503 (delta seconds or an HTTP date), clamped to [1 s, 1 h];
// nullopt without one.
std::optional<std::chrono::seconds> retry_after_of(const http::Headers& headers);

}  // namespace badgesmith::packages
