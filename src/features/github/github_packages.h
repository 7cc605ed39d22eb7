// GitHub Packages as the package badges read it: every version of an owner's package through the
// REST API (/orgs/... first, /users/... when the owner turns out to be a user, remembered), with
// the owner's `package` token from the secret store. Results go through ResultCaches like the
// NuGet feed's; token lookups are cached for at most five seconds, so a token changed with
// `badgesmith secrets set` takes effect within that.
//
// Thread-safety: safe to share. Callbacks run on the upstream client's or the secret store's
// threads, or inline on the caller's for cache hits.
// Lifetime: the client, the secret store and this object must outlive every call in flight.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/cache/result_cache.h"
#include "core/http/client.h"
#include "core/store/secret_store.h"
#include "features/packages/package_badge.h"

namespace badgesmith::github {

inline constexpr std::string_view kGitHubApi = "https://api.github.com";

struct PackagesOptions {
  std::string api_base = std::string(kGitHubApi);  // No trailing '/'.
  cache::Options cache;
  std::size_t max_pages = 10;  // Of 100 versions each.
  std::size_t max_document_bytes = std::size_t{8} * 1024 * 1024;
};

// GitHub's login rule: [A-Za-z0-9-], 1 to 39 characters.
bool is_valid_owner(std::string_view owner);
// Package names as they appear in the REST paths: [A-Za-z0-9._-], 1 to 100 characters.
bool is_valid_package_name(std::string_view name);
// The package types the badge reads: nuget, npm, maven, rubygems.
bool is_supported_package_type(std::string_view type);

class GitHubPackages {
 public:
  using VersionsLookup = cache::ResultCache<packages::PackageVersions>::Lookup;

  GitHubPackages(http::Client& client, store::SecretStore& secrets, PackagesOptions options);
  ~GitHubPackages();
  GitHubPackages(const GitHubPackages&) = delete;
  GitHubPackages& operator=(const GitHubPackages&) = delete;

  // Every version of the package. Errors: kUnauthorized (no token configured for the owner, or
  // GitHub rejected it), kForbidden (the token may not read the package), kNotFound
  // PACKAGE_NOT_FOUND, kUpstreamUnavailable with retry_after (rate limited, GitHub down, the
  // secret store unavailable), kUpstreamInvalid.
  // REQUIRES: valid owner and name, supported type.
  void versions(std::string_view owner, std::string_view type, std::string_view package,
                Callback<VersionsLookup> done);

 private:
  class Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace badgesmith::github
