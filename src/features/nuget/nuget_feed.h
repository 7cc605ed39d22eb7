// A NuGet v3 feed as the package badges read it: the service index names the registration and
// search endpoints (so private v3 feeds work as well as nuget.org); registrations give the listed
// versions, search the total downloads. Every answer goes through a ResultCache, so concurrent
// badge requests for one package cost one upstream fetch per fresh TTL, stale values cover
// upstream outages, and unknown packages are remembered briefly.
//
// Thread-safety: safe to share. Callbacks run on the upstream client's thread or, for cache hits,
// inline on the caller's.
// Lifetime: the client and the feed must outlive every call in flight (the App stops the upstream
// loop before destroying either).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/cache/result_cache.h"
#include "core/http/client.h"
#include "features/packages/package_badge.h"

namespace badgesmith::nuget {

inline constexpr std::string_view kNuGetOrgServiceIndex = "https://api.nuget.org/v3/index.json";

struct FeedOptions {
  std::string service_index_url = std::string(kNuGetOrgServiceIndex);
  cache::Options cache;  // For versions and downloads; the service index is cached for an hour.
  std::size_t max_registration_pages = 64;  // nuget.org pages hold 64 versions each.
  std::size_t max_document_bytes = std::size_t{8} * 1024 * 1024;
};

struct Downloads {
  std::uint64_t total = 0;
  std::string etag;
};

// NuGet's package id rule: [A-Za-z0-9_.-], 1 to 100 characters (checked before any upstream call,
// so an id can never change the URL it is put in).
bool is_valid_package_id(std::string_view id);

class NuGetFeed {
 public:
  using VersionsLookup = cache::ResultCache<packages::PackageVersions>::Lookup;
  using DownloadsLookup = cache::ResultCache<Downloads>::Lookup;

  NuGetFeed(http::Client& client, FeedOptions options);
  ~NuGetFeed();
  NuGetFeed(const NuGetFeed&) = delete;
  NuGetFeed& operator=(const NuGetFeed&) = delete;

  // The listed versions of `package_id` (any case). Fails with kNotFound PACKAGE_NOT_FOUND for an
  // unknown package, kUpstreamUnavailable/kUpstreamInvalid when the feed cannot answer.
  // REQUIRES: is_valid_package_id(package_id).
  void versions(std::string_view package_id, Callback<VersionsLookup> done);

  // The package's total downloads, from the search endpoint. Same errors.
  void downloads(std::string_view package_id, Callback<DownloadsLookup> done);

 private:
  class Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace badgesmith::nuget
