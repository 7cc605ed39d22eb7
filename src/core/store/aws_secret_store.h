// The SecretStore on AWS: one row per secret in the org-secrets DynamoDB table, naming a Secrets
// Manager secret that holds the value, as the .NET service lays them out (badgesmith-dotnet.md
// §6.3), so both services read the same secrets:
//
//   PK = "ORG#<owner>"   SK = "CONST#GITHUB#<type>" or "CONST#GITHUB#<type>#REPO#<repo>"
//   SecretName (S), CreatedAt (S, RFC 3339; the .NET seeder writes it), UpdatedAt (S, ours)
//
// Names are lower-case (normalize_secret_key); <type> is to_string(SecretType). Only rows whose
// SK starts "CONST#GITHUB#" are secrets: the table also holds other components' rows (SETTING#…).
// Secrets this store writes are named "badgesmith/github/<owner>[/<repo>]/<type>", inside the
// "badgesmith/github/*" that the .NET stack's IAM policy grants; rows written by the .NET seeder
// name "badgesmith/github/<anything>" and are read as they are.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/aws/aws_client.h"
#include "core/result.h"
#include "core/store/secret_store.h"

namespace boost::asio {
class io_context;
}

namespace badgesmith::store {

// Thread-safety: safe to share between threads, as SecretStore promises; the store holds no
// mutable state and no cache (every call reads DynamoDB with ConsistentRead, so an operator's
// change takes effect at once). Callbacks run once, on a thread running `io` (the AwsClient's
// io_context), never inline on the caller's thread, invalid keys included.
//
// Lifetime: `client` and `io` must outlive every call made on the store; the store itself may be
// destroyed while calls are in flight.
//
// Errors, besides kInvalidArgument for keys and values as the interface says:
//   kUpstreamUnavailable: AWS unreachable or throttling, the table missing (ResourceNotFound on
//                         DynamoDB means "not configured" here), or a secret still being
//                         force-deleted;
//   kUpstreamInvalid:     an answer or a row that cannot be read (a row without SecretName);
//   kInternal:            AWS refused the credentials or the request.
// get answers nullopt for a row whose secret no longer exists (deleted behind the table's back).
//
// Writes are two steps, secret then row (put) or row then secret (remove); a failure between
// them leaves an orphaned secret that the next put of the same key overwrites, never a row that
// names a missing secret after a successful call.
class AwsSecretStore final : public SecretStore {
 public:
  // `table` is the org-secrets table (aws::TableNames::org_secrets); `io` is the io_context the
  // client runs on. `now_unix_seconds` stamps CreatedAt and UpdatedAt and must be thread-safe.
  AwsSecretStore(aws::AwsClient& client, boost::asio::io_context& io, std::string table,
                 std::function<std::int64_t()> now_unix_seconds = &system_unix_seconds);

  // The value of the row's secret. No fallback from a repo to its owner.
  void get(SecretKey key, Callback<std::optional<std::string>> done) override;

  // Writes the value to this store's secret name for `key` (creating, updating or restoring
  // the secret), then points the row at it, keeping the row's CreatedAt. A row written by the
  // .NET seeder is re-pointed; the secret it named is left alone, since another row may name
  // it too.
  void put(SecretKey key, std::string value, Callback<void> done) override;

  // Deletes the row (whether there was one is the answer), then the secret it named, when that
  // name is inside "badgesmith/github/" (a hand-edited row could name anything).
  void remove(SecretKey key, Callback<bool> done) override;

  // Query on the owner's partition, or Scan of the whole table, every page; sorted by owner,
  // repo ("" first), type. A timestamp that is missing or not RFC 3339 reads as 0, except a
  // missing UpdatedAt, which is CreatedAt (the seeder rewrites CreatedAt on every write). Rows
  // whose keys this interface cannot name (an owner breaking GitHub's rules, an unknown type)
  // are skipped with a warning.
  void list(std::optional<std::string> owner, Callback<std::vector<SecretInfo>> done) override;

  // The secret name put uses for `key`. REQUIRES: `key` normalized.
  static std::string secret_name(const SecretKey& key);

  static std::int64_t system_unix_seconds();

  // Caps list's pages at `items` (DynamoDB's Limit), so that a test sees LastEvaluatedKey
  // without writing a megabyte. REQUIRES: called before the store is shared; items >= 1.
  void set_page_limit_for_test(int items) { page_limit_ = items; }

 private:
  // Completes `done` with `error` on `io_`, as every other outcome is.
  template <class T>
  void fail(Callback<T> done, Error error);

  aws::AwsClient& client_;
  boost::asio::io_context& io_;
  std::string table_;
  std::function<std::int64_t()> now_;
  std::optional<int> page_limit_;
};

}  // namespace badgesmith::store
