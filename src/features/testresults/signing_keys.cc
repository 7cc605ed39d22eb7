#include "features/testresults/signing_keys.h"

#include <utility>

namespace badgesmith::testresults {

namespace {

using Fetched = cache::ResultCache<SigningKey>::Fetched;

cache::Options signing_key_cache_options(cache::Options options) {
  options.fresh_ttl = kSigningKeyTtl;
  options.negative_ttl = kSigningKeyTtl;
  // A removed key must stop working within the TTL even while the store is failing.
  options.stale_while_revalidate = std::chrono::seconds(0);
  options.stale_if_error = std::chrono::seconds(0);
  return options;
}

Error no_key() { return make_error(Errc::kNotFound, "no testdata secret"); }

}  // namespace

SigningKeys::SigningKeys(store::SecretStore& secrets, ResultsRepository& results,
                         cache::Options cache)
    : secrets_(secrets),
      results_(results),
      cache_(signing_key_cache_options(cache),
             [](const SigningKey& key) { return key.secret.size(); }) {}

void SigningKeys::find(std::string_view owner, std::string_view repo,
                       Callback<std::shared_ptr<const SigningKey>> done) {
  auto repo_key = store::normalize_secret_key(
      store::SecretKey{std::string(owner), std::string(repo), store::SecretType::kTestData});
  if (!repo_key || repo_key.value().repo.empty()) {
    return done(std::shared_ptr<const SigningKey>());
  }
  std::string cache_key = repo_key.value().owner + '/' + repo_key.value().repo;
  cache_.get(
      std::move(cache_key),
      [this, repo_key = std::move(repo_key).value()](const std::shared_ptr<const SigningKey>&,
                                                     Callback<Fetched> fetched) {
        fetch(repo_key, std::move(fetched));
      },
      [done = std::move(done)](Result<cache::ResultCache<SigningKey>::Lookup> lookup) {
        if (lookup) return done(lookup.value().value);
        if (lookup.error().code == Errc::kNotFound) {
          return done(std::shared_ptr<const SigningKey>());
        }
        done(lookup.error());
      });
}

void SigningKeys::fetch(const store::SecretKey& repo_key, Callback<Fetched> done) {
  secrets_.get(repo_key, [this, owner = repo_key.owner, done = std::move(done)](
                             Result<std::optional<std::string>> repo_secret) mutable {
    if (!repo_secret) return done(repo_secret.error());
    if (repo_secret.value()) {
      return done(Fetched{std::make_shared<const SigningKey>(
          SigningKey{std::move(*repo_secret.value()), true, std::nullopt})});
    }
    secrets_.get(store::SecretKey{owner, "", store::SecretType::kTestData},
                 [this, owner,
                  done = std::move(done)](Result<std::optional<std::string>> owner_secret) mutable {
                   if (!owner_secret) return done(owner_secret.error());
                   if (!owner_secret.value()) return done(no_key());
                   results_.legacy_until(
                       owner, [secret = std::move(*owner_secret.value()), done = std::move(done)](
                                  Result<std::optional<std::int64_t>> legacy_until) mutable {
                         if (!legacy_until) return done(legacy_until.error());
                         done(Fetched{std::make_shared<const SigningKey>(
                             SigningKey{std::move(secret), false, legacy_until.value()})});
                       });
                 });
  });
}

}  // namespace badgesmith::testresults
