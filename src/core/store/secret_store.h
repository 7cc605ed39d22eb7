// The secrets interface: tokens and keys that belong to a GitHub owner (an organisation or a
// user) or to one of its repositories, e.g. the package-read token for an org's GitHub Packages
// feed or a repository's test-result HMAC key. Implemented on SQLite (values sealed under the
// master key) and, later, AWS Secrets Manager; nothing here assumes either.
//
// Names follow GitHub's rules and compare case-insensitively, as GitHub's do: implementations
// store and return them lower-cased (normalize_secret_key).
//
// Thread-safety: every implementation is safe to share between threads. Operations are
// asynchronous: the callback runs exactly once, on a store worker thread, and must not block.
// Implementations read the backend on every call (a secret changed by an operator takes effect
// at once); callers that need speed cache for a few seconds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace badgesmith::store {

enum class SecretType {
  kPackage,   // A GitHub token with read:packages, for an owner's package feed.
  kTestData,  // The HMAC key that signs test-result uploads.
};

// "package" or "testdata".
std::string_view to_string(SecretType type);
// The inverse of to_string (exact, lower-case); nullopt for anything else.
std::optional<SecretType> secret_type_from_string(std::string_view text);

// Where a secret belongs. An empty repo means owner-wide (every repository of the owner).
struct SecretKey {
  std::string owner;  // GitHub login: [A-Za-z0-9-]{1,39}.
  std::string repo;   // Empty, or a repository name: [A-Za-z0-9._-]{1,100}, not "." or "..".
  SecretType type = SecretType::kPackage;
};

// A secret's metadata; never its value.
struct SecretInfo {
  SecretKey key;
  std::int64_t created_at = 0;  // Unix seconds.
  std::int64_t updated_at = 0;  // Unix seconds; the last put.
};

// Values are opaque bytes of 1..kMaxSecretBytes (Secrets Manager's limit).
inline constexpr std::size_t kMaxSecretBytes = std::size_t{64} * 1024;

// Returns `key` with owner and repo lower-cased. Fails with kInvalidArgument (property "owner"
// or "repo") when a name breaks GitHub's rules above; such names also cannot contain the
// separators implementations use to bind a value to its key.
Result<SecretKey> normalize_secret_key(SecretKey key);

// Validates an owner filter as normalize_secret_key does and lower-cases it.
Result<std::string> normalize_secret_owner(std::string owner);

class SecretStore {
 public:
  virtual ~SecretStore() = default;
  SecretStore() = default;
  SecretStore(const SecretStore&) = delete;
  SecretStore& operator=(const SecretStore&) = delete;

  // The value stored under exactly `key` (no fallback from a repo to its owner: callers decide),
  // or nullopt when there is none. Fails with kInvalidArgument for a key normalize_secret_key
  // rejects; with kUpstreamUnavailable when the backend cannot be reached or is not configured;
  // with kInternal when the stored value cannot be authenticated (see the implementation).
  virtual void get(SecretKey key, Callback<std::optional<std::string>> done) = 0;

  // Creates or replaces the value under `key`; created_at survives a replacement. Fails with
  // kInvalidArgument for a bad key or a value outside 1..kMaxSecretBytes bytes, with
  // kUpstreamUnavailable as get.
  virtual void put(SecretKey key, std::string value, Callback<void> done) = 0;

  // Deletes the value under `key`; completes with whether there was one.
  virtual void remove(SecretKey key, Callback<bool> done) = 0;

  // Metadata of every secret, or of one owner's, ordered by owner, repo ("" first), type.
  virtual void list(std::optional<std::string> owner, Callback<std::vector<SecretInfo>> done) = 0;
};

}  // namespace badgesmith::store
