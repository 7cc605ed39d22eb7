// Where signed CI test results live: the nonce claims that stop replays, the idempotent record of
// each run, the per-branch history with its "latest" entry, and the owner's settings. This is the
// interface the routes and the operator commands use; two implementations keep the same
// contracts, checked by one conformance suite
// (tests/e2e/results_repository_conformance_e2e_test.cc):
//   StoreResultsRepository   (store_results_repository.h) over a store::Store, i.e. SQLite;
//   DynamoDbResultsRepository (dynamodb_results_repository.h) on the .NET service's DynamoDB
//                            tables, readable and writable by both services (docs/dynamodb.md).
//
// Semantics common to both: names (owner, repo, platform, branch) compare case-insensitively in
// A-Z only, and any bytes stay apart ('#', '%', '/', UTF-8: no name can reach another series);
// run ids and nonces are case-sensitive. "Latest" is the greatest payload timestamp, then the
// last received. Everything a record() writes expires at received_at + retention, a nonce claim
// after kNonceLifetime; an expired item is absent for every read and may be written again. Reads
// are strongly consistent: a result is in latest() and history() once record() has completed.
//
// Thread-safety: implementations are safe to share between threads. Every operation is
// asynchronous and never blocks: its callback runs exactly once, on a backend thread.
// Lifetime: the backend (store or AWS client) must outlive every call in flight.
// Errors: besides those listed per call, any backend failure passes through unchanged
// (kUpstreamUnavailable: retry later), and an item that cannot be decoded is kInternal.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

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
  std::string next_cursor;          // Empty when there are no more; opaque.
};

struct RepositoryOptions {
  std::chrono::seconds retention = kDefaultRetention;
};

class ResultsRepository {
 public:
  virtual ~ResultsRepository() = default;
  ResultsRepository() = default;
  ResultsRepository(const ResultsRepository&) = delete;
  ResultsRepository& operator=(const ResultsRepository&) = delete;

  // Claims `nonce` for `owner` (case-insensitive) until now + kNonceLifetime. Exactly one of any
  // number of concurrent claims of the same nonce succeeds; the others fail with kConflict
  // NONCE_ALREADY_USED. The same nonce may be claimed by another owner.
  virtual void claim_nonce(std::string_view owner, std::string_view nonce,
                           std::int64_t now_unix_seconds, Callback<void> done) = 0;

  // Stores `record` in the run's series, atomically with the run's idempotency item, unless the
  // run is already stored: then a byte-identical record completes with `duplicate` set, and a
  // different one fails with kConflict DUPLICATE_RUN. Of concurrent first posts of one run exactly
  // one is stored; the others see it as above. Items expire at received_at + retention.
  // `record` is to_canonical_json() of the posted TestResult (the DynamoDB repository derives
  // the .NET attributes from it and fails with kInvalidArgument when it does not parse).
  // Fails with kInvalidArgument when run_attempt < 1, timestamp_ms is outside [0, 10^13) (before
  // 1970 or after 2286) or received_at_ms outside [0, 2^48); kUpstreamUnavailable when the first
  // acceptance could not be read back after a lost race (retry).
  virtual void record(RunKey run, std::int64_t timestamp_ms, std::int64_t received_at_ms,
                      std::string record, Callback<RecordOutcome> done) = 0;

  // The series' latest live result: greatest payload timestamp, then last received; nullopt when
  // there is none.
  virtual void latest(const Series& series, Callback<std::optional<StoredResult>> done) = 0;

  // A page of the series' live results, newest first. `cursor` is empty for the first page, else
  // a next_cursor of the same series. Fails with kInvalidArgument for a limit outside
  // 1..kMaxHistoryPage or a cursor this repository did not issue for this series.
  // Does not consult history_hidden(): the caller decides what a hidden history answers.
  virtual void history(const Series& series, std::size_t limit, std::string cursor,
                       Callback<HistoryPage> done) = 0;

  // The owner's (case-insensitive) choice to hide the history; badges and redirects stay public.
  // Never expires; an owner without a setting has a visible history.
  virtual void set_history_hidden(std::string_view owner, bool hidden, Callback<void> done) = 0;
  virtual void history_hidden(std::string_view owner, Callback<bool> done) = 0;

  // Until when (Unix seconds, exclusive) the owner's own testdata secret also accepts the .NET
  // service's body-only signatures (migration only: docs/signing.md); nullopt turns that off.
  // An owner without a setting accepts v2 signatures only.
  virtual void set_legacy_until(std::string_view owner,
                                std::optional<std::int64_t> until_unix_seconds,
                                Callback<void> done) = 0;
  virtual void legacy_until(std::string_view owner, Callback<std::optional<std::int64_t>> done) = 0;
};

}  // namespace badgesmith::testresults
