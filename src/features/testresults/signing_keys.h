// Which HMAC key verifies an upload to owner/repo: the repository's own `testdata` secret when it
// has one (then it is the only key accepted for that repository), else the owner's, together
// with the owner's permission to accept .NET body-only signatures during a migration.
//
// Lookups are cached for a few seconds, misses included: an unauthenticated flood of uploads for
// unknown owners then costs one store read per owner and interval, not one per request, while a
// key an operator sets or removes takes effect within that interval.
//
// Thread-safety: safe to share between threads. The callback runs exactly once, inline (cached)
// or on a store thread.
// Lifetime: the secret store and the repository must outlive every lookup in flight.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/cache/result_cache.h"
#include "core/result.h"
#include "core/store/secret_store.h"
#include "features/testresults/results_repository.h"

namespace badgesmith::testresults {

inline constexpr std::chrono::seconds kSigningKeyTtl{5};

struct SigningKey {
  std::string secret;
  bool repo_scoped = false;  // The repository's own key: the owner's key is refused for it.
  // Until when (Unix seconds, exclusive) the owner's key also accepts .NET body-only signatures;
  // always nullopt for a repository key, which the .NET service never had.
  std::optional<std::int64_t> legacy_until;
};

class SigningKeys {
 public:
  // `cache` bounds the lookups kept; its freshness settings are replaced by kSigningKeyTtl.
  SigningKeys(store::SecretStore& secrets, ResultsRepository& results, cache::Options cache);

  // The key for uploads to owner/repo, or nullptr when neither has a `testdata` secret or a name
  // is not a valid GitHub name (no such owner can hold a key). Fails when the store cannot be
  // read (kUpstreamUnavailable) or a stored secret cannot be opened (kInternal).
  void find(std::string_view owner, std::string_view repo,
            Callback<std::shared_ptr<const SigningKey>> done);

 private:
  void fetch(const store::SecretKey& repo_key,
             Callback<cache::ResultCache<SigningKey>::Fetched> done);

  store::SecretStore& secrets_;
  ResultsRepository& results_;
  cache::ResultCache<SigningKey> cache_;
};

}  // namespace badgesmith::testresults
