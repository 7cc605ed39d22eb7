// The ResultsRepository over a store::Store (SQLite): nonce claims, idempotent run records, the
// per-branch history and the owner settings as items of the generic store.
//
// Key layout. Every name part (owner, repo, platform, branch) is lower-cased (A-Z only, as the
// signature's canonical form does) so that reads match in any letter case; run ids and nonces keep
// their case. Each part is then escaped: bytes other than [a-z0-9._-] become %XX, so a part never
// holds the '#' separator (the layout is injective: no branch can forge another series' key) and
// keys are printable ASCII, valid as DynamoDB string keys whatever bytes a branch holds.
//
//   partition                                     sort                        expires
//   tr-nonce#<owner>#<nonce>                      n                           claim + 45 min
//   tr-series#<owner>#<repo>#<platform>#<branch>  result#<ts:13>#<id:32>      receipt + retention
//   tr-series#<owner>#<repo>#<platform>#<branch>  run#<run_id>#<run_attempt>  receipt + retention
//   tr-owner#<owner>                              history-hidden              never
//   tr-owner#<owner>                              legacy-until                never
//
// One partition per series (owner/repo/platform/branch) makes "latest" a descending query of
// limit 1 and the history a descending paged query, both on the primary key: no secondary index,
// hence no eventual consistency (the .NET service's GSI could show a stale badge). <ts:13> is the
// payload timestamp in Unix milliseconds, zero-padded to 13 digits, and <id:32> the result's id,
// whose first 12 hex digits are the receive time: bytewise order of the sort key is therefore
// "payload timestamp, then receive order", which is what "latest" means. The run item (the
// idempotency key) holds the first acceptance's metadata and the SHA-256 of its record, so a
// retried run is told apart from a conflicting one with one read. A nonce is its own partition:
// nonces are only ever looked up by key, and a high-cardinality partition key spreads the writes.
//
// Values are opaque to the store and binary-safe (netstrings; a DynamoDB backend keeps them as a
// B attribute). Retention is the items' expires_at, which reads already honour and the store's
// periodic purge reclaims.
//
// On AWS, DynamoDbResultsRepository (dynamodb_results_repository.h) keeps the .NET service's
// table layout instead of this one.
//
// Thread-safety: safe to share between threads. Callbacks run on a store thread (as store::Store
// promises).
// Lifetime: the store must outlive every call in flight; this object need not.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/store/store.h"
#include "features/testresults/repository_rules.h"
#include "features/testresults/results_repository.h"

namespace badgesmith::testresults {

class StoreResultsRepository final : public ResultsRepository {
 public:
  explicit StoreResultsRepository(store::Store& store, RepositoryOptions options = {});

  void claim_nonce(std::string_view owner, std::string_view nonce, std::int64_t now_unix_seconds,
                   Callback<void> done) override;
  void record(RunKey run, std::int64_t timestamp_ms, std::int64_t received_at_ms,
              std::string record, Callback<RecordOutcome> done) override;
  void latest(const Series& series, Callback<std::optional<StoredResult>> done) override;
  void history(const Series& series, std::size_t limit, std::string cursor,
               Callback<HistoryPage> done) override;
  void set_history_hidden(std::string_view owner, bool hidden, Callback<void> done) override;
  void history_hidden(std::string_view owner, Callback<bool> done) override;
  void set_legacy_until(std::string_view owner, std::optional<std::int64_t> until_unix_seconds,
                        Callback<void> done) override;
  void legacy_until(std::string_view owner, Callback<std::optional<std::int64_t>> done) override;

 private:
  store::Store& store_;
  RepositoryOptions options_;
  ResultIdGenerator ids_;
};

}  // namespace badgesmith::testresults
