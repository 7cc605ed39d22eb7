// Where signed CI test results live: the nonce claims that stop replays, the idempotent record of
// each run, the per-branch history with its "latest" entry, and the owner's history-hidden setting,
// all as items of a store::Store, so SQLite now and DynamoDB later hold the same layout.
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
// On DynamoDB (one table, hash key `pk`, range key `sk`, TTL attribute `expires_at`; the later
// backend implements store::Store, this class does not change): a kIfAbsent put is PutItem with
// `attribute_not_exists(pk) OR expires_at <= :now` (TTL deletion lags by days, so an expired item
// must count as absent in the condition too); record()'s put_all is TransactWriteItems of two
// conditional puts (limit 100, well within), so the history item exists exactly when the run item
// does and a lost race writes nothing; latest/history are Query with `pk = :p AND begins_with(sk,
// :prefix)`, ScanIndexForward=false, ConsistentRead=true, a filter on expires_at, and
// LastEvaluatedKey as the cursor; a get is GetItem with ConsistentRead=true (the read after a
// lost race must see the winner's run item). Concurrency control is the conditional write alone:
// no read-modify-write anywhere, so no locks or versions are needed.
//
// Thread-safety: safe to share between threads. Every operation is asynchronous and never blocks:
// its callback runs exactly once, on a store thread (as store::Store promises).
// Lifetime: the store must outlive every call in flight; this object need not.
// Errors: besides those listed per call, any store failure passes through unchanged
// (kUpstreamUnavailable: retry later), and an item this class cannot decode is kInternal.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/store/store.h"

namespace badgesmith::testresults {

// How long a claimed nonce stays claimed: longer than the signature's timestamp window, so a
// request cannot outlive its nonce claim and be replayed.
inline constexpr std::chrono::seconds kNonceLifetime{45 * 60};
inline constexpr std::chrono::seconds kDefaultRetention{std::chrono::hours(24) * 730};
// The most results one history page holds.
inline constexpr std::size_t kMaxHistoryPage = 100;

// One branch's series of results on one platform. Case-insensitive: keys fold the case, while
// what a record stores keeps the case it was posted with.
struct Series {
  std::string owner;
  std::string repo;
  std::string platform;
  std::string branch;
};

// The idempotency key: a matrix build posts one run to several platforms, each its own key.
struct RunKey {
  Series series;
  std::string run_id;            // Case-sensitive (CI ids are opaque).
  std::int64_t run_attempt = 1;  // >= 1.
};

struct StoredResult {
  // 32 lower-case hex digits: 12 of the receive time in Unix ms, then 80 bits that are random
  // for the first id of a millisecond and counted up from there for later ones in this process.
  // Sortable by receive order (the "latest" tie-break needs exactly that), unique without
  // coordination between processes, and not enumerable.
  std::string test_result_id;
  // As first accepted: the series names keep the case the CI posted them with, because history
  // and the ingestion response show them (a branch `Feature/X` should not read `feature/x`).
  RunKey run;
  std::int64_t timestamp_ms = 0;    // The payload's timestamp, Unix ms.
  std::int64_t received_at_ms = 0;  // Server time of the first acceptance, Unix ms.
  std::string record;               // The caller's canonical record, byte for byte.
};

struct RecordOutcome {
  // True when the run was already stored with a byte-identical record: `result` is then the
  // first acceptance's (its id and times), and the caller answers 200 with the first response.
  bool duplicate = false;
  StoredResult result;
};

struct HistoryPage {
  std::vector<StoredResult> items;  // Newest first ("latest" order).
  std::string next_cursor;          // Empty when there are no more; opaque, from the store.
};

struct RepositoryOptions {
  std::chrono::seconds retention = kDefaultRetention;
};

class ResultsRepository {
 public:
  explicit ResultsRepository(store::Store& store, RepositoryOptions options = {});
  ResultsRepository(const ResultsRepository&) = delete;
  ResultsRepository& operator=(const ResultsRepository&) = delete;

  // Claims `nonce` for `owner` (case-insensitive) until now + kNonceLifetime. Exactly one of any
  // number of concurrent claims of the same nonce succeeds; the others fail with kConflict
  // NONCE_ALREADY_USED. The same nonce may be claimed by another owner.
  void claim_nonce(std::string_view owner, std::string_view nonce, std::int64_t now_unix_seconds,
                   Callback<void> done);

  // Stores `record` in the run's series, atomically with the run's idempotency item, unless the
  // run is already stored: then a byte-identical record completes with `duplicate` set, and a
  // different one fails with kConflict DUPLICATE_RUN. Of concurrent first posts of one run exactly
  // one is stored; the others see it as above. Items expire at received_at + retention.
  // Fails with kInvalidArgument when run_attempt < 1, timestamp_ms is outside [0, 10^13) (before
  // 1970 or after 2286) or received_at_ms outside [0, 2^48).
  void record(RunKey run, std::int64_t timestamp_ms, std::int64_t received_at_ms,
              std::string record, Callback<RecordOutcome> done);

  // The series' latest live result: greatest payload timestamp, then last received; nullopt when
  // there is none.
  void latest(const Series& series, Callback<std::optional<StoredResult>> done);

  // A page of the series' live results, newest first. `cursor` is empty for the first page, else
  // a next_cursor of the same series. Fails with kInvalidArgument for a limit outside
  // 1..kMaxHistoryPage or a cursor the store did not issue for this series.
  // Does not consult history_hidden(): the caller decides what a hidden history answers.
  void history(const Series& series, std::size_t limit, std::string cursor,
               Callback<HistoryPage> done);

  // The owner's (case-insensitive) choice to hide the history; badges and redirects stay public.
  // Never expires; an owner without a setting has a visible history.
  void set_history_hidden(std::string_view owner, bool hidden, Callback<void> done);
  void history_hidden(std::string_view owner, Callback<bool> done);

  // Until when (Unix seconds, exclusive) the owner's own testdata secret also accepts the .NET
  // service's body-only signatures (migration only: docs/signing.md); nullopt turns that off.
  // An owner without a setting accepts v2 signatures only.
  void set_legacy_until(std::string_view owner, std::optional<std::int64_t> until_unix_seconds,
                        Callback<void> done);
  void legacy_until(std::string_view owner, Callback<std::optional<std::int64_t>> done);

 private:
  // test_result_id for a result received at `received_at_ms`; kInternal when the system's
  // random source fails.
  Result<std::string> next_id(std::int64_t received_at_ms);

  store::Store& store_;
  RepositoryOptions options_;

  std::mutex id_mutex_;  // Guards the last id, which later ids of the same millisecond count from.
  std::int64_t last_id_ms_ = -1;
  std::uint64_t last_id_high_ = 0;  // The 16 high bits of the last id's 80-bit tail.
  std::uint64_t last_id_low_ = 0;   // Its 64 low bits.
};

}  // namespace badgesmith::testresults
